"""gk --all: every notice of the workspace (data/ and each data/NAME/) in one view."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SHIPPED, replace_in

from gkcli.cli import cli

OTHER = """\
notice:
  number: 某交〔2021〕3号
  table: 安全生产专项整治任务分工表
offices:
  - name: 安监股
  - name: 财务科
    aliases: [财务]
groups:
  - id: 1
    title: 专项整治
tasks:
  - id: 1
    group: 1
    title: 排查重点企业隐患
    lead: 安监股
    deadline: 2021年3月底
    status: doing
  - id: 2
    group: 1
    title: 落实整治经费
    lead: 财务科
    assist: [安监股]
    deadline: 2021年6月底
    status: todo
"""


class Runner:
    def __init__(self, root: Path):
        self.root = root
        self.runner = CliRunner()

    def __call__(self, *args: str, data: Path | None = None):
        argv = ["--data", str(data or self.root / "data"), "--today", "2021-06-20", *args]
        # that day is gk's real today too: the files as they are (see helpers.Gk)
        return self.runner.invoke(cli, argv, env={"GK_NOW": "2021-06-20"}, catch_exceptions=False)

    def json(self, *args: str, data: Path | None = None):
        result = self(*args, "--format", "json", data=data)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)


@pytest.fixture
def ws(tmp_path: Path) -> Runner:
    """Three notices: the shipped one in data/, a renumbered copy in data/b/, a small one in data/c/."""
    data = tmp_path / "ws" / "data"
    shutil.copytree(SHIPPED, data)
    shutil.copytree(SHIPPED, data / "b")
    replace_in(data / "b" / "tasks.yaml", "150号", "151号", count=-1)
    (data / "c").mkdir()
    (data / "c" / "tasks.yaml").write_text(OTHER, encoding="utf-8")
    return Runner(tmp_path / "ws")


def test_list_all_names_the_notice_of_every_item(ws):
    rows = ws.json("--all", "list")
    assert len(rows) == 16 + 16 + 2
    assert {r["notice"] for r in rows} == {"泉港交﹝2020﹞150号", "泉港交﹝2020﹞151号", "某交〔2021〕3号"}
    mine = [r for r in rows if r["notice"] == "某交〔2021〕3号"]
    assert [(r["id"], r["lead"], r["state"]) for r in mine] == [(1, "安监股", "overdue"),
                                                                (2, "财务科", "due_soon")]


def test_one_table_is_unchanged_without_all(ws, gk):
    """The workspace's data/ read alone gives exactly what a lone data/ gives: no notice field."""
    assert ws("list", "--format", "json").output == gk("list", "--format", "json").output
    assert ws("status").output == gk("status").output
    assert "notice" not in ws.json("list")[0]


def test_list_table_has_the_notice_column(ws):
    result = ws("--all", "list", "--office", "财务")
    assert result.exit_code == 0, result.output
    assert "文号" in result.output
    assert "某交〔2021〕3号" in result.output
    assert "泉港交" not in result.output  # 财务科 is an office of one notice only


def test_office_no_table_knows_is_one_line(ws):
    result = ws("--all", "list", "--office", "人事科")
    assert result.exit_code == 1
    assert result.output.startswith("gk: ")
    assert result.output.count("\n") == 1


def test_status_all_counts_every_notice(ws):
    board = ws.json("--all", "status")
    one = ws.json("status")
    assert board["totals"]["total"] == 2 * one["totals"]["total"] + 2
    assert board["totals"]["overdue"] == 2 * one["totals"]["overdue"] + 1
    assert {r["notice"] for r in board["overdue"]} == {"泉港交﹝2020﹞150号", "泉港交﹝2020﹞151号",
                                                      "某交〔2021〕3号"}
    assert "全部 3 个文件" in ws("--all", "status").output


def test_overdue_and_export_carry_the_notice_number(ws, tmp_path):
    result = ws("--all", "overdue", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.output.lstrip("\ufeff"))))
    assert rows[0][-1] == "文号"
    assert {r[-1] for r in rows[1:]} == {"泉港交﹝2020﹞150号", "泉港交﹝2020﹞151号", "某交〔2021〕3号"}
    target = tmp_path / "全部.xlsx"
    assert ws("--all", "export", str(target)).exit_code == 0
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(target).active
    header = [c.value for c in sheet[2]]  # row 1 is the print sheet's title
    assert header[-1] == "文号"
    assert sheet.max_row == 2 + 34


def test_report_all_by_office_and_by_notice(ws):
    found = ws.json("--all", "report")
    assert [x["name"] for x in found["by_notice"]] == ["泉港交﹝2020﹞150号", "泉港交﹝2020﹞151号",
                                                      "某交〔2021〕3号"]
    assert sum(x["total"] for x in found["by_notice"]) == found["totals"]["total"] == 34
    anjian = next(x for x in found["by_office"] if x["name"] == "安监股")
    assert anjian["total"] == 1  # leads one item, in the third notice
    assert "各文件情况" in ws("--all", "report").output


def test_remind_all_gives_each_office_one_message(ws):
    text = ws("--all", "remind").output
    assert text.count("【综合股】") == 1
    found = ws.json("--all", "remind", "--office", "安监股")
    assert len(found) == 1
    notices = {item["notice"] for item in found[0]["items"]}
    assert notices == {"泉港交﹝2020﹞150号", "泉港交﹝2020﹞151号", "某交〔2021〕3号"}
    days = [item["days_left"] for item in found[0]["items"]]
    assert days == sorted(days)  # most overdue first, across the notices
    message = found[0]["message"]
    assert message.count("【安监股】") == 1
    assert "某交〔2021〕3号" in message


def test_remind_all_in_english(ws):
    result = ws("--lang", "en", "--all", "remind", "--office", "安监股")
    assert "Under 泉港区交通运输局政务公开标准化规范化工作任务分工表 (泉港交﹝2020﹞150号), " in result.output


def test_all_with_a_command_it_does_not_fit_is_a_usage_error(ws):
    result = ws("--all", "note", "1", "x")
    assert result.exit_code == 2
    assert "--all" in result.output


def test_a_broken_table_is_one_line_naming_its_file(ws):
    replace_in(ws.root / "data" / "c" / "tasks.yaml", "lead: 财务科", "lead: 人事科")
    result = ws("--all", "status")
    assert result.exit_code == 1
    assert "c/tasks.yaml:" in result.output
    assert "人事科" in result.output
    assert "Traceback" not in result.output


def test_workspace_found_upward_without_a_table_at_the_top(tmp_path, monkeypatch):
    """data/ holding only notice folders is a workspace for --all; found from a sub-folder."""
    data = tmp_path / "repo" / "data"
    (data / "a").mkdir(parents=True)
    (data / "a" / "tasks.yaml").write_text(OTHER, encoding="utf-8")
    shutil.copytree(SHIPPED, data / "b")
    inside = tmp_path / "repo" / "docs"
    inside.mkdir()
    monkeypatch.chdir(inside)
    monkeypatch.delenv("GK_DATA", raising=False)
    result = CliRunner().invoke(cli, ["--today", "2021-06-20", "--all", "list", "--format", "json"],
                                env={"GK_NOW": "2021-06-20"})  # the files as they are
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 18


def test_no_workspace_is_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GK_DATA", raising=False)
    result = CliRunner().invoke(cli, ["--all", "status"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "data/" in result.output
