"""Click's own messages in Chinese, bound to the msgids of the installed Click."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from gkcli import clickzh
from gkcli.cli import cli


def _click_msgids() -> tuple[set[str], set[tuple[str, str]]]:
    singles, plurals = set(), set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id == "_" and texts:
                singles.add(texts[0])
            elif node.func.id == "ngettext" and len(texts) >= 2:
                plurals.add((texts[0], texts[1]))
    return singles, plurals


def test_every_translated_msgid_is_still_clicks():
    singles, plurals = _click_msgids()
    known = singles | {"required"}  # passed to _() through a variable in Option.get_help_record
    # new in a later Click than the floor: translated for those who have it
    known |= set(clickzh.NEWER_THAN_FLOOR)
    assert sorted(set(clickzh.ZH) - known) == []
    assert sorted(set(clickzh.ZH_PLURAL) - plurals) == []


@pytest.mark.parametrize("msgid", sorted(clickzh.ZH))
def test_translations_keep_the_placeholders(msgid):
    import string

    def names(text):
        return {n for _, n, _, _ in string.Formatter().parse(text) if n}

    assert names(clickzh.ZH[msgid].replace("%(", "{").replace(")s", "}")) == \
        names(msgid.replace("%(", "{").replace(")s", "}"))


def run(*args: str, lang: str | None = None):
    env = {"GK_LANG": lang}
    return CliRunner().invoke(cli, list(args), env=env, prog_name="gk")


@pytest.mark.parametrize("args,zh,en", [
    (["statsu"], "错误：没有这个命令 'statsu'。 （是不是 'start', 'status'？）",
     "Error: No such command 'statsu'."),
    (["show"], "错误：缺少参数 'ID'", "Error: Missing argument 'ID'"),
    (["--today", "x", "status"], "错误：'--today' / '--as-of' 的取值无效：“x”不是日期（请写成 2021-06-30）",
     "Error: Invalid value for '--today' / '--as-of': \"x\" is not a date (write it as 2021-06-30)"),
    (["list", "--bogus"], "错误：没有这个选项 '--bogus'。", "Error: No such option '--bogus'."),
    (["list", "--state", "foo"], "错误：'--state' 的取值无效：'foo' 不是可选的值（可选：",
     "Error: Invalid value for '--state': 'foo' is not one of"),
])
def test_usage_errors_in_both_languages(args, zh, en):
    result = run(*args)
    assert result.exit_code == 2
    assert zh in result.output
    assert "运行 'gk" in result.output
    assert result.output.startswith("用法： gk")
    result = run(*args, lang="en")
    assert result.exit_code == 2
    assert en in result.output
    result = run("--lang", "en", *args)
    assert en in result.output


def test_rm_asks_in_chinese_and_aborts_in_chinese(gk):
    result = gk("rm", "16", input="n\n")
    assert "删除以上 1 项？（y 确认 / N 取消）[y/N] " in result.output
    assert result.output.endswith("已取消。\n")
    assert result.exit_code == 1
    result = gk("--lang", "en", "rm", "16", input="\n")
    assert "Remove 1 item(s)? [y/N] " in result.output
    assert result.output.endswith("Aborted!\n")
    assert gk("rm", "16", input="是\n").exit_code == 0  # 是 is yes


def test_version_is_said_in_the_language():
    assert "，版本 " in run("--version").output
    assert ", version " in run("--version", lang="en").output
