"""Every word gk says is in the catalogue, in Chinese and in English; nothing is said from a literal."""

from __future__ import annotations

import ast
import re
import string

import pytest
from helpers import ROOT

from gkcli.errors import GkError, Msg, Problem
from gkcli.i18n import _WORDS, MESSAGES, Words

CATALOGUES = {"MESSAGES": MESSAGES, "_WORDS": _WORDS}
RAISERS = {"GkError", "NotFound", "WriteRefused", "DeadlineError", "GroupNotOffice", "DataError"}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("catalogue", sorted(CATALOGUES))
def test_every_key_is_said_in_both_languages(catalogue):
    for key, (zh, en) in CATALOGUES[catalogue].items():
        assert zh.strip() and en.strip(), key
        if catalogue == "MESSAGES":
            assert fields(zh) == fields(en), key  # both say the same values
        values = {name: "X" for name in fields(zh) | fields(en)}
        for lang in ("zh", "en"):
            words = Words(lang)
            said = words.message(key, values) if catalogue == "MESSAGES" else words(key, **values)
            assert said.strip(), (key, lang)


def test_chinese_is_chinese_and_english_is_english():
    same = {"commit.item", "commit.field", "aside", "state_days", "rem.office", "rem.source",
            "rem.people", "rem.sender", "sep", "list_sep", "field_error", "option_value",
            "rem.date", "xlsx_font", "rem.tag", "confirm_suffix", "rpt.to", "rpt.join", "sync_driver", "doc.addressee", "html.lang"}
    for catalogue in CATALOGUES.values():
        for key, (zh, en) in catalogue.items():
            bare_zh, bare_en = re.sub(r"{[^}]*}", "", zh), re.sub(r"{[^}]*}", "", en)
            if key in same or not (has_chinese(bare_zh) or re.search(r"[A-Za-z]{2,}", bare_en)):
                continue  # punctuation and placeholders only: the same in both languages
            assert has_chinese(zh), key
            assert re.search(r"[A-Za-z]{2,}", en), key  # English says it in words, not in Chinese


def test_a_missing_key_is_a_bug_not_text():
    with pytest.raises(KeyError):
        Words("zh").message("no such thing happened")
    with pytest.raises(KeyError):
        GkError("an English sentence").text(Words("zh"))


def test_a_message_inside_a_message_is_said_in_the_same_language():
    inner = Msg.of("where.item", id=8)
    problem = Problem("tasks.yaml", 3, 5, "must_be_text", {"where": inner})
    assert problem.text(Words("zh")) == "tasks.yaml:3:5: 第 8 项 应为文字"
    assert problem.text(Words("en")) == "tasks.yaml:3:5: item 8 must be text"


def test_a_long_user_value_is_cut_to_one_short_line():
    said = GkError("unknown_office", name="综合" * 200 + "\n第二行").text(Words("zh"))
    assert "\n" not in said
    assert len(said) < 220
    assert said.endswith("…")


# --- every GkError / Problem in gkcli/ names a catalogue key ------------------------------------

def _calls():
    for path in sorted((ROOT / "gkcli").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                yield path, node


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _key_argument(node: ast.Call) -> ast.expr | None:
    name = _name(node.func)
    if name in RAISERS and name != "DataError":
        return node.args[0] if node.args else None
    if name == "Problem":
        return node.args[3] if len(node.args) > 3 else None
    if name == "problem":  # NodeReader.problem(node, key, ...)
        return node.args[1] if len(node.args) > 1 else None
    if name == "of" and isinstance(node.func, ast.Attribute) and _name(node.func.value) == "Msg":
        return node.args[0] if node.args else None
    if name == "message":  # words.message(key, values)
        return node.args[0] if node.args else None
    if name == "warn":  # store.warnings' helper: warn(path, line, key, ...)
        return node.args[2] if len(node.args) > 2 else None
    return None


def test_every_error_in_gkcli_names_a_catalogue_key():
    checked, wrong = 0, []
    for path, node in _calls():
        arg = _key_argument(node)
        if arg is None:
            continue
        where = f"{path.name}:{node.lineno}"
        if isinstance(arg, ast.Constant):
            checked += 1
            if arg.value not in MESSAGES:
                wrong.append(f"{where}: {arg.value!r} is not in MESSAGES")
        elif isinstance(arg, ast.JoinedStr):  # f"field.{k}": its fixed start must name keys
            start = arg.values[0].value if isinstance(arg.values[0], ast.Constant) else ""
            if not start or not any(k.startswith(start) for k in MESSAGES):
                wrong.append(f"{where}: a message written as an f-string")
        elif isinstance(arg, (ast.BinOp, ast.Call)):
            wrong.append(f"{where}: a message built from text")
    assert checked > 100
    assert wrong == []


def test_every_word_in_gkcli_is_in_the_catalogue():
    wrong = []
    for path, node in _calls():
        if _name(node.func) == "words" and node.args and isinstance(node.args[0], ast.Constant):
            if node.args[0].value not in _WORDS:
                wrong.append(f"{path.name}:{node.lineno}: {node.args[0].value}")
    assert wrong == []
