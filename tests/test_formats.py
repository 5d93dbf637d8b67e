"""One format registry: every --format a command offers has a renderer, and the English
texts that moved into the catalogue read as before."""

from __future__ import annotations

import click
import pytest

from gkcli import formats
from gkcli.cli import cli


@pytest.mark.parametrize("kind, fmt", [(k, f) for k, table in formats.RENDERERS.items() for f in table])
def test_every_registered_format_has_a_renderer(kind, fmt):
    assert callable(formats._renderer(kind, fmt))


@pytest.mark.parametrize("command, kind", [("list", "list"), ("show", "show"), ("status", "status"),
                                           ("roster", "roster"), ("report", "report"),
                                           ("remind", "remind"), ("overdue", "overdue"),
                                           ("export", "export")])
def test_each_command_offers_exactly_the_formats_it_can_render(command, kind):
    option = next(p for p in cli.commands[command].params if p.name == "fmt")
    assert isinstance(option.type, click.Choice)
    assert tuple(option.type.choices) == formats.names(kind)


def test_remind_in_english(gk):
    lines = gk("--lang", "en", "remind", "--office", "安监股").stdout.splitlines()
    assert lines[0] == "[安监股] 谢玉龙:"
    assert lines[1] == ("Under 泉港区交通运输局政务公开标准化规范化工作任务分工表 (泉港交﹝2020﹞150号), "
                        "as of 2021-06-20 these items of your office are overdue or due soon; please move them "
                        "forward and report progress:")
    assert lines[2] == "[assist] #1 梳理规范权责清单，动态调整更新 (deadline 2020年7月17日前, 338 days over)"
    assert lines[-1] == "综合股 (领导小组办公室)"


def test_remind_in_chinese_signs_with_the_office_it_is_attached_to(gk):
    lines = gk("remind", "--office", "安监股").stdout.splitlines()
    assert lines[0] == "【安监股】谢玉龙同志："
    assert lines[2] == "【协办】1号 梳理规范权责清单，动态调整更新（完成时间：2020年7月17日前，逾期338天）"
    assert lines[-1] == "综合股（领导小组办公室）"


def test_show_in_english_says_the_date_and_the_days(gk):
    output = gk("--lang", "en", "show", "8", env={"COLUMNS": "100"}).output
    assert "2021年6月底 (2021-06-30)" in output
    assert "due soon, 10 days left" in output


def test_narrow_cards_in_english(gk):
    output = gk("--lang", "en", "overdue", env={"COLUMNS": "60"}).output
    assert "   Deadline: 2020年7月17日前 (338 days over)" in output
    assert "   Responsible: 陈伟、庄青红" in output


def test_timeline_legend_in_english(gk):
    output = gk("--lang", "en", "timeline", env={"COLUMNS": "100"}).stdout
    assert output.splitlines()[-1] == "◆ deadline  ━ overdue  ═ done (✔ on time ✘ late)  ─ open  → ongoing  │ today 2021-06-20"


def test_nothing_overdue_in_english(gk):
    output = gk("--lang", "en", "overdue", "--lead", "安监股", "--search", "不存在").output
    assert output.splitlines()[0] == "Overdue items: Nothing is overdue."
