"""Random sequences of edits leave a file that loads, validates, and keeps untouched items byte for byte."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

from helpers import ROOT, SHIPPED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkcli.errors import WriteRefused
from gkcli.store import validate_tasks_text
from gkcli.yamledit import TasksText

FILES = [SHIPPED / "tasks.yaml", ROOT / "tests" / "fixtures" / "messy" / "tasks.yaml"]
SHIPPED_TEXT = FILES[0].read_text(encoding="utf-8")
_ASSIST = "    assist:\n      - 局各股室（中队、站）\n"
_ITEM8_END = "    status: todo\n\n  # 五"


def _lines_ending(text: str, ending: str) -> str:
    if ending == "mixed":
        return "".join(line + ("\r\n" if n % 2 else "\n")
                       for n, line in enumerate(text.split("\n")[:-1]))
    return text.replace("\n", ending)


# The odd shapes of issue 7: anchors, aliases and tags (gk refuses to edit those items, and
# must leave every other byte alone), and CR-only, CRLF and mixed line endings.
SHAPES = {
    "anchored progress": SHIPPED_TEXT.replace(
        _ITEM8_END, "    status: todo\n    progress: &p8\n      - 2021-06-01 初稿\n\n  # 五"),
    "tagged progress": SHIPPED_TEXT.replace(
        _ITEM8_END, "    status: todo\n    progress: !!seq\n      - 2021-06-01 初稿\n\n  # 五"),
    "aliased assist": SHIPPED_TEXT.replace(_ASSIST, "    assist: &all\n      - 局各股室（中队、站）\n", 1)
    .replace(_ASSIST, "    assist: *all\n", 1),
    "tagged status": SHIPPED_TEXT.replace(_ITEM8_END, "    status: !!str todo\n\n  # 五"),
    "bare CR after item 8": SHIPPED_TEXT.replace(
        _ITEM8_END + "、规范依申请公开办理工作\n  - id: 9", "    status: todo\r  - id: 9"),
    "CR only": _lines_ending(SHIPPED_TEXT, "\r"),
    "CRLF": _lines_ending(SHIPPED_TEXT, "\r\n"),
    "mixed endings": _lines_ending(SHIPPED_TEXT, "mixed"),
}
TEXTS = [f.read_text(encoding="utf-8") for f in FILES] + list(SHAPES.values())
OFFICES = [0, 1] + [0] * len(SHAPES)  # which office names each text uses

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=20) \
    .filter(lambda s: s.strip())
offices_of = {0: ["综合股", "安监股", "运管股（政策法规股）"], 1: ["办公室", "财务科", "法规科（审批科）"]}
deadlines = st.sampled_from(["2021年6月底", "长期", "2021-12-31", "第四季度", "10月底前"])

ops = st.one_of(
    st.tuples(st.just("status"), st.sampled_from(["todo", "doing", "done"])),
    st.tuples(st.just("note"), texts),
    st.tuples(st.just("title"), texts),
    st.tuples(st.just("deadline"), deadlines),
    st.tuples(st.just("assist"), st.lists(st.integers(0, 2), max_size=3)),
    st.tuples(st.just("lead"), st.integers(0, 2)),
    st.tuples(st.just("done_on"), st.dates(date(2020, 1, 1), date(2022, 1, 1))),
    st.tuples(st.just("add"), texts),
    st.tuples(st.just("rm"), st.just(None)),
)


def item_texts(doc: TasksText) -> dict[int, str]:
    """Each item's own text, from its dash to the end of its last line."""
    result = {}
    for node in doc.items():
        task_id = int(doc._child(node, "id")[1].value)
        dash = doc.text.rfind("-", 0, node.start_mark.index)
        result[task_id] = doc.text[dash:doc._after_line(node)]
    return result


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.sampled_from(range(len(TEXTS))), steps=st.lists(st.tuples(st.integers(0, 30), ops), max_size=8))
def test_random_edits_keep_the_file_valid_and_untouched_items_identical(which, steps):
    original = TEXTS[which]
    assert validate_tasks_text(original, "tasks.yaml")[1] == []
    doc = TasksText(original)
    before = item_texts(doc)
    touched: set[int] = set()
    for pick, (op, arg) in steps:
        ids = doc.ids()
        if not ids:
            break
        task_id = ids[pick % len(ids)]
        offices = offices_of[OFFICES[which]]
        text_before = doc.text
        try:
            apply_op(doc, op, arg, task_id, ids, offices)
        except WriteRefused as exc:  # an anchored, aliased or tagged item: refused, untouched
            assert "edit it by hand" in str(exc)
            assert doc.text == text_before
            doc = TasksText(text_before)
            continue
        touched.add(max(ids) + 1 if op == "add" else task_id)
    table, problems = validate_tasks_text(doc.text, "tasks.yaml")
    assert problems == []
    after = item_texts(doc)
    for task_id, text in before.items():
        if task_id not in touched:
            assert after[task_id] == text
    head = original[: re.search(r"(^|[\r\n])tasks:", original).start()]
    assert doc.text.startswith(head)  # everything above the items is untouched
    endings = set(re.findall(r"\r\n|\r|\n", doc.text))
    if len(set(re.findall(r"\r\n|\r|\n", original))) == 1:
        assert endings == set(re.findall(r"\r\n|\r|\n", original))  # one kind stays one kind


def apply_op(doc: TasksText, op: str, arg, task_id: int, ids: list[int], offices: list[str]) -> None:
    if op == "status":
        doc.set_field(task_id, "status", arg)
        if arg != "done":
            doc.remove_field(task_id, "done_on")
    elif op == "note":
        doc.append_to_list(task_id, "progress", f"2021-06-01 {arg}")
    elif op == "title":
        doc.set_field(task_id, "title", arg)
    elif op == "deadline":
        doc.set_field(task_id, "deadline", arg)
    elif op == "assist":
        doc.set_field(task_id, "assist", list(dict.fromkeys(offices[i] for i in arg)))
    elif op == "lead":
        doc.set_field(task_id, "lead", offices[arg])
    elif op == "done_on":
        doc.set_field(task_id, "status", "done")
        doc.set_field(task_id, "done_on", arg)
    elif op == "add":
        new_id = max(ids) + 1
        doc.add_item({"id": new_id, "group": 1, "title": arg, "lead": offices[0],
                      "assist": [], "deadline": "长期", "status": "todo"})
    elif op == "rm":
        doc.remove_item(task_id)


def test_shipped_file_survives_a_no_op(tmp_path: Path):
    shutil.copytree(SHIPPED, tmp_path / "data")
    doc = TasksText((tmp_path / "data" / "tasks.yaml").read_text("utf-8"))
    doc.set_field(1, "status", "todo")
    assert doc.text == (SHIPPED / "tasks.yaml").read_text("utf-8")
