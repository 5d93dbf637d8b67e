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
    result = gk(data, "--all", "report", "--format", "json", today="2021-03-01")
    assert json.loads(result.stdout)["totals"]["total"] == 17
    assert result.stderr == ("gk: 不在 git 仓库中，无法查到历史：全部 2 个文件按当前文件显示"
                             "截至2021-03-01已发生的情况\n")


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
