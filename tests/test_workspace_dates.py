"""gk --all over time and in full: which notices existed on a day (--today), the sections the
single-table status and report have (recurring occurrences, reporting, each notice's own
due-soon window), and the notices in the order they were issued."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SHIPPED

from gkcli.cli import cli

LAW = """\
notice:
  number: 泉港交〔2021〕35号
  issued: 2021-03-15
  table: 执法检查任务分工表
offices:
  - name: 执法一中队
  - name: 法制股
groups:
  - id: 1
    title: 执法检查
tasks:
  - id: 1
    group: 1
    title: 开展“两客一危”专项执法检查
    lead: 执法一中队
    assist: [法制股]
    deadline: 2021年5月底
    status: todo
"""

# a notice of its own rhythm: a 45-day due-soon window, a monthly item, a monthly report
MONTHLY = """\
notice:
  number: 泉港交〔2021〕9号
  issued: 2021-01-20
  table: 安全生产月报任务分工表
settings:
  due_soon_days: 45
offices:
  - name: 执法一中队
  - name: 法制股
groups:
  - id: 1
    title: 安全生产
tasks:
  - id: 1
    group: 1
    title: 报送安全生产检查情况
    lead: 法制股
    deadline: 每月28日前
    start: 2021-03-01
    status: doing
    done_occurrences:
      - 2021-03 2021-03-25
      - 2021-04 2021-05-06
  - id: 2
    group: 1
    title: 完成年度执法案卷评查
    lead: 执法一中队
    deadline: 2021年7月31日
    status: doing
reporting:
  - what: 安全生产月报
    every: 每月28日前
    from: [法制股]
    to: 执法一中队
    start: 2021-04-01
    reported:
      - 2021-04 2021-04-20 法制股
"""


def gk(data: Path, *args: str, today: str = "2021-06-20"):
    """gk on the workspace ``data`` as of ``today``; the real today is 2021-06-20 (GK_NOW)."""
    return CliRunner().invoke(cli, ["--data", str(data), "--today", today, *args],
                              env={"GK_NOW": "2021-06-20", "COLUMNS": "160"},
                              catch_exceptions=False)


def as_json(data: Path, *args: str, today: str = "2021-06-20"):
    result = gk(data, *args, "--format", "json", today=today)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def commit(repo: Path, day: str, *paths: str) -> None:
    """git add ``paths`` and commit them as on ``day`` (author from conftest's ``hermetic``)."""
    stamp = f"{day}T09:00:00+08:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    for args in (["add", *paths], ["commit", "-q", "-m", day]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def notice(data: Path, folder: str, text: str) -> None:
    (data / folder).mkdir(parents=True)
    (data / folder / "tasks.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def monthly(tmp_path: Path) -> Path:
    """The shipped notice in data/ and 9号 (its own window, a monthly item and report) in data/月报/."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    notice(data, "月报", MONTHLY)
    return data


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The walkthrough's setup: the shipped notice committed on 2021-01-05, and a second
    notice (35号, issued 2021-03-15) in data/执法/ first committed on 2021-04-08."""
    root = tmp_path / "r"
    shutil.copytree(SHIPPED, root / "data")
    notice(root / "data", "执法", LAW)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    commit(root, "2021-01-05", "data/tasks.yaml", "data/leading_group.yaml")
    commit(root, "2021-04-08", "data")
    return root / "data"


# --- defect 5: gk --all --today DAY counts only the notices that existed on DAY ----------------

def test_a_notice_first_committed_after_the_day_is_not_counted(repo):
    found = as_json(repo, "--all", "report", today="2021-03-01")
    assert [t["name"] for t in found["by_notice"]] == ["泉港交﹝2020﹞150号"]
    assert found["totals"]["total"] == 16
    result = gk(repo, "--all", "report", "--format", "md", today="2021-03-01")
    assert "35号" not in result.stdout
    assert "全部 1 个文件" in result.stdout
    # one line on stderr, naming the notice left out and why
    assert result.stderr == ("gk: 泉港交〔2021〕35号 最早提交于2021-04-08，晚于2021-03-01："
                             "当日还没有这个文件，不计入\n")


def test_both_notices_count_once_both_were_committed(repo):
    result = gk(repo, "--all", "status", "--format", "json", today="2021-05-01")
    assert json.loads(result.stdout)["totals"]["total"] == 17
    assert result.stderr == ""  # both have a version on or before the day: nothing to say


def test_the_notice_left_out_is_in_list_and_overdue_neither(repo):
    rows = as_json(repo, "--all", "list", today="2021-03-01")
    assert {r["notice"] for r in rows} == {"泉港交﹝2020﹞150号"}
    overdue = as_json(repo, "--all", "overdue", today="2021-03-01")
    assert overdue and {r["notice"] for r in overdue} == {"泉港交﹝2020﹞150号"}


def test_before_the_workspace_was_first_committed_its_first_version_as_one_table_does(repo):
    """Before any commit, the notices first committed are shown as first committed (as gk
    without --all shows one table), the notices added later still left out."""
    one = gk(repo, "report", "--format", "json", today="2020-12-01")
    every = as_json(repo, "--all", "report", today="2020-12-01")
    assert every["totals"] == json.loads(one.stdout)["totals"]
    assert [t["name"] for t in every["by_notice"]] == ["泉港交﹝2020﹞150号"]
    said = gk(repo, "--all", "report", today="2020-12-01").stderr
    assert said.count("\n") == 1
    assert "泉港交﹝2020﹞150号 最早的提交在2021-01-05，晚于2020-12-01：按最早提交的版本显示" in said
    assert "泉港交〔2021〕35号 最早提交于2021-04-08" in said


def test_outside_git_every_notice_is_read_from_its_file_and_the_note_says_all(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    notice(data, "执法", LAW)
    result = gk(data, "--all", "report", "--format", "json", today="2021-04-01")  # 35号 is out
    assert json.loads(result.stdout)["totals"]["total"] == 17
    assert result.stderr == ("gk: 不在 git 仓库中，无法查到历史：全部 2 个文件按当前文件显示"
                             "截至2021-04-01已发生的情况\n")


def test_a_notice_not_committed_yet_is_named_in_the_note(repo):
    notice(repo, "月报", MONTHLY)
    result = gk(repo, "--all", "report", "--format", "json", today="2021-05-01")
    assert [t["name"] for t in json.loads(result.stdout)["by_notice"]] == [
        "泉港交﹝2020﹞150号", "泉港交〔2021〕9号", "泉港交〔2021〕35号"]
    assert result.stderr == ("gk: 泉港交〔2021〕9号 还没有提交记录："
                             "按当前文件显示截至2021-05-01已发生的情况\n")


def test_two_kinds_of_note_are_one_line(repo):
    notice(repo, "月报", MONTHLY)
    said = gk(repo, "--all", "status", today="2021-03-01").stderr
    assert said.count("\n") == 1
    assert "泉港交〔2021〕35号 最早提交于2021-04-08" in said
    assert "泉港交〔2021〕9号 还没有提交记录" in said


def test_english_note_names_the_notice(repo):
    said = gk(repo, "--lang", "en", "--all", "status", today="2021-03-01").stderr
    assert said == ("gk: 泉港交〔2021〕35号 was first committed on 2021-04-08, after 2021-03-01: "
                    "it did not exist yet and is not counted\n")


# --- defect 6: the sections of status and report, each notice's own settings --------------------

def test_status_all_shows_each_notices_due_soon_window(monthly):
    out = gk(monthly, "--all", "status").stdout
    assert "即将到期事项（14天内）" not in out  # 9号's item 41 days out is listed too
    assert "即将到期事项（泉港交﹝2020﹞150号 14天内；泉港交〔2021〕9号 45天内）" in out
    assert "完成年度执法案卷评查" in out and "剩41天" in out
    board = as_json(monthly, "--all", "status")
    assert board["due_soon_by_notice"] == [
        {"notice": "泉港交﹝2020﹞150号", "due_soon_days": 14, "due_soon_workdays": None},
        {"notice": "泉港交〔2021〕9号", "due_soon_days": 45, "due_soon_workdays": None}]


def test_status_all_heading_names_working_day_windows_and_shortens_long_lists(monthly):
    tasks = monthly / "月报" / "tasks.yaml"
    tasks.write_text(MONTHLY.replace("due_soon_days: 45", "due_soon_workdays: 10"), encoding="utf-8")
    for n in range(4):
        notice(monthly, f"x{n}", LAW.replace("35号", f"4{n}号"))
    out = gk(monthly, "--all", "status").stdout
    assert ("即将到期事项（泉港交﹝2020﹞150号、泉港交〔2021〕40号、泉港交〔2021〕41号等 5 个文件 14天内；"
            "泉港交〔2021〕9号 10个工作日内）") in out.replace("\n", "")


def test_status_all_with_one_window_keeps_the_plain_heading(monthly):
    out = gk(monthly, "--all", "--soon-days", "30", "status").stdout
    assert "即将到期事项（30天内）" in out


def test_status_all_shows_the_reports_owed_with_the_notice_number(monthly):
    out = gk(monthly, "--all", "status").stdout
    assert "报送情况" in out
    assert "泉港交〔2021〕9号 安全生产月报（2021-06期，6月28日前报送执法一中队）" in out
    assert "本期未报送：法制股" in out
    assert "逾期未报送：法制股（2021-05）" in out
    board = as_json(monthly, "--all", "status")
    assert [(r["notice"], r["what"], r["cycle"]) for r in board["reporting"]] == [
        ("泉港交〔2021〕9号", "安全生产月报", "2021-06")]


def test_status_all_with_no_reporting_anywhere_has_no_reports_section(repo):
    assert "报送情况" not in gk(repo, "--all", "status").stdout


def test_report_all_counts_recurring_items_per_occurrence(monthly):
    one = gk(monthly / "月报", "report").stdout
    assert "周期性事项（按次计）" in one
    out = gk(monthly, "--all", "report").stdout
    assert "周期性事项（按次计）" in out
    md = gk(monthly, "--all", "report", "--format", "md").stdout
    section = md.split("### 周期性事项（按次计）")[1].split("###")[0]
    assert "| 法制股 | 3 | 1 | 1 | 1 |" in section  # March on time, April late, May missed


def test_report_all_has_the_on_time_report_rate_with_the_notice_number(monthly):
    out = gk(monthly, "--all", "report").stdout
    assert "按时报送率" in out
    md = gk(monthly, "--all", "report", "--format", "md").stdout
    rates = md.split("### 按时报送率")[1]
    assert "| 文号 | 股室 | 按时 | 超时 | 未报 |" in rates
    assert "| 泉港交〔2021〕9号 | 法制股 | 1 | 0 | 1 | 50% |" in rates
    found = as_json(monthly, "--all", "report")
    assert found["reporting_by_office"] == [
        {"notice": "泉港交〔2021〕9号", "office": "法制股", "on_time": 1, "late": 0, "missing": 1,
         "rate": 0.5}]


def test_report_with_one_table_has_no_notice_column(monthly):
    md = gk(monthly / "月报", "report", "--format", "md").stdout
    assert "\n| 股室 | 按时 | 超时 | 未报 |" in md.split("### 按时报送率")[1]
    assert "notice" not in as_json(monthly / "月报", "report")["reporting_by_office"][0]


def test_status_all_says_what_happened_since_the_last_meeting_of_any_notice(monthly):
    with (monthly / "月报" / "tasks.yaml").open("a", encoding="utf-8") as f:
        f.write("meetings:\n  - on: 2021-05-15\n    title: 月度调度会\n")
    out = gk(monthly, "--all", "status").stdout
    assert "自上次会议（2021-05-15）以来：完成 0 项，新增逾期 1 项" in out  # 9号's May occurrence
    assert as_json(monthly, "--all", "status")["since_meeting"] == {
        "date": "2021-05-15", "done": 0, "overdue": 1}


def test_report_all_since_counts_the_occurrences_of_the_period_as_one_table_does(monthly):
    one = as_json(monthly / "月报", "report", "--since", "2021-05-01")["totals"]
    every = as_json(monthly, "--all", "report", "--since", "2021-05-01")["totals"]
    assert (every["occurrences_due"], every["occurrences_late"], every["occurrences_missed"]) == (
        one["occurrences_due"], one["occurrences_late"], one["occurrences_missed"]) == (2, 1, 1)


# --- defect 15: the notices in the order they were issued ----------------------------------------

def test_notices_are_ordered_by_issue_date_then_number_in_every_output(monthly):
    notice(monthly, "a执法", LAW)  # 2021-03-15: after 9号 (2021-01-20) though its folder sorts first
    undated = LAW.replace("35号", "7号").replace("  issued: 2021-03-15\n", "")
    notice(monthly, "0旧", undated)  # no issue date: last
    twin = LAW.replace("35号", "12号")
    notice(monthly, "z同日", twin)  # the same day as 35号: by number, 12号 before 35号
    order = ["泉港交﹝2020﹞150号", "泉港交〔2021〕9号", "泉港交〔2021〕12号", "泉港交〔2021〕35号",
             "泉港交〔2021〕7号"]
    assert [t["name"] for t in as_json(monthly, "--all", "report")["by_notice"]] == order
    listed = list(dict.fromkeys(r["notice"] for r in as_json(monthly, "--all", "list")))
    assert listed == order
    overdue = [r["notice"] for r in as_json(monthly, "--all", "overdue")
               if r["title"].startswith("开展“两客一危”")]  # equally overdue: in notice order
    assert overdue == order[2:]
    md = gk(monthly, "--all", "report", "--format", "md").stdout.split("### 各文件情况")[1]
    assert [md.index(n) for n in order] == sorted(md.index(n) for n in order)


def test_check_all_names_the_tables_that_passed_in_issue_order(monthly):
    notice(monthly, "a执法", LAW)  # 2021-03-15, its folder first by name
    result = gk(monthly, "--all", "check")
    assert result.exit_code == 0, result.output
    passed = [line for line in result.stdout.splitlines() if "检查通过" in line]
    assert [line.split("：")[0] for line in passed] == [
        str(monthly / "tasks.yaml"), str(monthly / "月报" / "tasks.yaml"),
        str(monthly / "a执法" / "tasks.yaml")]



def test_a_notice_not_committed_yet_and_issued_after_the_day_is_not_counted(repo):
    """Outside git's history the notice's own issue date tells it was not out yet."""
    notice(repo, "新", LAW.replace("35号", "36号"))  # issued 2021-03-15, never committed
    result = gk(repo, "--all", "report", "--format", "md", today="2021-03-01")
    assert result.exit_code == 0, result.output
    assert "36号" not in result.stdout
    assert "泉港交〔2021〕36号 尚未提交，印发日期晚于2021-03-01" in result.stderr
