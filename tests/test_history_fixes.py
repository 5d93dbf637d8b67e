"""Defects found walking through the table over time as the secretary (issue 8's review).

Each test builds a real git repository in tmp_path whose commits are backdated, with gk run
on the day (GK_NOW) as she would; nothing is mocked.
"""

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

CALM = {"GK_LANG": None, "GK_TODAY": None, "GK_DATA": None, "FORCE_COLOR": None,
        "NO_COLOR": "1", "COLUMNS": "80"}


def env_on(day: str) -> dict[str, str | None]:
    stamp = f"{day}T10:00:00+08:00"
    return {**CALM, "GK_NOW": day, "GIT_AUTHOR_NAME": "秘书", "GIT_AUTHOR_EMAIL": "s@example.org",
            "GIT_COMMITTER_NAME": "秘书", "GIT_COMMITTER_EMAIL": "s@example.org",
            "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(root: Path, day: str, *args: str) -> None:
    env = {k: v for k, v in {**os.environ, **env_on(day)}.items() if v is not None}
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


def gk(data: Path, day: str, *args: str, code: int = 0):
    result = CliRunner().invoke(cli, ["--data", str(data), *args], env=env_on(day),
                                catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def changes_json(data: Path, day: str, *args: str) -> list[dict]:
    return json.loads(gk(data, day, "changes", *args, "--format", "json").stdout)


def new_repo(tmp_path: Path, day: str = "2020-07-03") -> Path:
    shutil.copytree(SHIPPED, tmp_path / "data")
    git(tmp_path, day, "init", "-q")
    git(tmp_path, day, "add", "data")
    git(tmp_path, day, "commit", "-qm", "导入")
    return tmp_path / "data"


ADD_17 = ("add", "--group", "8", "--title", "开通政务视频号", "--lead", "综合股",
          "--deadline", "2021年9月底", "--commit")


# --- 1. an id once used is never given again ------------------------------------------------

def test_add_after_a_removal_does_not_reuse_the_removed_items_id(tmp_path):
    data = new_repo(tmp_path)
    gk(data, "2020-08-01", "done", "16", "--commit")
    gk(data, "2020-09-01", "rm", "16", "--yes", "--commit")
    said = gk(data, "2020-10-01", *ADD_17).output
    assert "#17" in said and "#16" not in said
    found = changes_json(data, "2020-10-02", "--since", "2020-07-03")
    assert [(c["id"], c["kind"], c["date"]) for c in found if c["id"] in (16, 17)] == [
        (16, "removed", "2020-09-01"), (17, "added", "2020-10-01")]
    log = json.loads(gk(data, "2020-10-02", "log", "16", "--format", "json").stdout)
    assert [e["kind"] for e in log["changes"]] == ["added", "status", "done_on", "removed"]


def test_add_with_an_explicit_id_once_used_is_refused(tmp_path):
    data = new_repo(tmp_path)
    gk(data, "2020-09-01", "rm", "16", "--yes", "--commit")
    before = (data / "tasks.yaml").read_bytes()
    said = gk(data, "2020-10-01", *ADD_17, "--id", "16", code=1).output
    assert said.count("\n") == 1 and "16" in said and "17" in said
    assert (data / "tasks.yaml").read_bytes() == before


def test_add_outside_git_takes_the_next_id_above_the_file(tmp_path):
    shutil.copytree(SHIPPED, tmp_path / "data")
    assert "#17" in gk(tmp_path / "data", "2020-10-01", *ADD_17[:-1]).output


def repo_without_16_by_hand(tmp_path):
    """A repository whose #16 was deleted by hand and committed on 2020-09-01: (the data
    folder, its tasks.yaml, the text before, #16's block)."""
    data = new_repo(tmp_path)
    tasks = data / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    block = text[text.index("  - id: 16\n"):]
    tasks.write_text(text.replace(block, ""), encoding="utf-8")
    git(tmp_path, "2020-09-01", "commit", "-qam", "删除第16项")
    return data, tasks, text, block


def test_an_id_reused_by_hand_is_told_as_removed_and_added(tmp_path):
    """A hand edit that gave #16 to another item: two events, not a title edit."""
    data, tasks, text, block = repo_without_16_by_hand(tmp_path)
    tasks.write_text(tasks.read_text(encoding="utf-8") + block.replace(
        "加强信息精准推送，推行政务服务一次告知、信息主动推送等方式", "开通政务视频号"), encoding="utf-8")
    git(tmp_path, "2020-10-01", "commit", "-qam", "新增事项")
    found = changes_json(data, "2020-10-02", "--since", "2020-07-03")
    assert [(c["id"], c["kind"], c["date"], c["title"]) for c in found if c["id"] == 16] == [
        (16, "removed", "2020-09-01", "加强信息精准推送，推行政务服务一次告知、信息主动推送等方式"),
        (16, "added", "2020-10-01", "开通政务视频号")]
    log = json.loads(gk(data, "2020-10-02", "log", "16", "--format", "json").stdout)
    assert [(e["kind"], e["date"]) for e in log["changes"]] == [
        ("added", "2020-07-03"), ("removed", "2020-09-01"), ("added", "2020-10-01")]


def test_an_item_put_back_with_its_title_is_the_same_item(tmp_path):
    """Removed by mistake and put back: nothing to tell across the period."""
    data, tasks, text, block = repo_without_16_by_hand(tmp_path)
    tasks.write_text(text, encoding="utf-8")
    git(tmp_path, "2020-09-02", "commit", "-qam", "恢复第16项")
    found = changes_json(data, "2020-10-02", "--since", "2020-07-03")
    assert [c for c in found if c["id"] == 16 and c["kind"] in ("added", "removed", "title")] == []


# --- 3. a day before the first commit ------------------------------------------------------

def before_first_commit(tmp_path: Path) -> Path:
    data = new_repo(tmp_path, "2020-07-03")
    gk(data, "2020-07-20", "start", "4", "--commit")
    gk(data, "2020-08-10", "done", "1", "--on", "2020-08-05", "--commit")
    gk(data, "2020-09-01", *ADD_17)
    return data


def test_a_day_before_the_first_commit_has_the_first_commits_items(tmp_path):
    data = before_first_commit(tmp_path)
    result = gk(data, "2020-09-02", "--today", "2020-07-02", "status", "--format", "json")
    totals = json.loads(result.stdout)["totals"]
    assert (totals["total"], totals["done"]) == (16, 0)
    listed = json.loads(gk(data, "2020-09-02", "--today", "2020-07-02", "list", "--format",
                           "json").stdout)
    assert {i["id"]: i["status"] for i in listed if i["id"] in (1, 4)} == {1: "todo", 4: "todo"}
    assert "2020-07-03" in result.stderr and "2020-07-02" in result.stderr
    assert result.stderr.count("\n") == 1


def test_changes_since_a_day_before_the_first_commit_start_from_it(tmp_path):
    data = before_first_commit(tmp_path)
    found = changes_json(data, "2020-09-02", "--since", "2020-07-02")
    assert sorted((c["id"], c["kind"], c["date"]) for c in found
                  if c["kind"] not in ("due_soon", "overdue")) == [
        (1, "done", "2020-08-05"), (4, "started", "2020-07-20"), (17, "added", "2020-09-01")]


# --- 16. a bad option value is a usage error (exit 2), whichever option ---------------------

@pytest.mark.parametrize("args, line", [
    (("--today", "2020-13-01", "status"), "“2020-13-01”不是真实的日期"),
    (("changes", "--since", "2020-13-01"), "--since 的日期有误：“2020-13-01”不是真实的日期"),
    (("changes", "--since", "2021-01-05", "--until", "2020-12-01"),
     "--since 2021-01-05 晚于 --until 2020-12-01"),
    (("changes", "--since", "2021-01-05", "--until", "2021-02-30"), "“2021-02-30”不是真实的日期"),
    (("list", "--due-before", "2021-13-01"), "“2021-13-01”不是真实的日期"),
    (("list", "--due-after", "明年"), "明年"),
    (("done", "1", "--on", "2021-08-01"), "--on 2021-08-01 晚于今天（2021-07-01）"),
    (("note", "1", "x", "--on", "2021-02-30"), "“2021-02-30”不是真实的日期"),
    (("meeting", "--on", "2021-08-01"), "--on 2021-08-01 晚于今天（2021-07-01）"),
])
def test_a_bad_date_option_exits_2_with_one_error_line(tmp_path, args, line):
    data = new_repo(tmp_path)
    before = (data / "tasks.yaml").read_bytes()
    result = gk(data, "2021-07-01", *args, code=2)
    errors = [x for x in result.output.splitlines() if x.startswith("错误：")]
    assert len(errors) == 1 and line in errors[0]
    assert (data / "tasks.yaml").read_bytes() == before


def test_a_bad_option_value_in_english(tmp_path):
    data = new_repo(tmp_path)
    result = gk(data, "2021-07-01", "--lang", "en", "changes", "--since", "2021-03-01",
                "--until", "2021-02-01", code=2)
    assert result.output.splitlines()[-1] == "Error: --since 2021-03-01 is after --until 2021-02-01"


# --- 17. meetings in date order, never twice -------------------------------------------------

def meetings_in(data: Path) -> list[tuple[str, str]]:
    import yaml

    held = yaml.safe_load((data / "tasks.yaml").read_text(encoding="utf-8"))["meetings"]
    return [(str(m.get("on", m.get(True))), m.get("title", "")) for m in held]


def test_a_meeting_recorded_late_goes_in_date_order(tmp_path):
    data = new_repo(tmp_path)
    gk(data, "2021-02-01", "meeting", "第二次专题会议", "--commit")
    gk(data, "2021-02-03", "meeting", "第一次专题会议", "--on", "2021-01-20", "--commit")
    gk(data, "2021-03-01", "meeting", "--commit")
    assert meetings_in(data) == [("2021-01-20", "第一次专题会议"), ("2021-02-01", "第二次专题会议"),
                                 ("2021-03-01", "")]
    assert gk(data, "2021-03-01", "--today", "2021-02-20", "status").exit_code == 0


def test_the_same_meeting_twice_is_refused(tmp_path):
    data = new_repo(tmp_path)
    gk(data, "2021-02-01", "meeting", "第二次专题会议")
    gk(data, "2021-02-01", "meeting")
    before = (data / "tasks.yaml").read_bytes()
    for args in (("meeting", "第二次专题会议"), ("meeting", " 第二次专题会议 "), ("meeting",)):
        said = gk(data, "2021-02-01", *args, code=1).output
        assert said.startswith("gk: 2021-02-01的会议（") and said.count("\n") == 1
        assert (data / "tasks.yaml").read_bytes() == before
    gk(data, "2021-02-01", "meeting", "第三次专题会议")  # another meeting that day is fine
    assert len(meetings_in(data)) == 3


# --- 12. a late extension on an item already extended: one set of words -------------------

def test_a_late_second_extension_is_told_against_the_deadline_in_force(tmp_path):
    data = new_repo(tmp_path)
    gk(data, "2021-03-01", "set", "10", "--deadline", "2021年3月底")
    gk(data, "2021-03-31", "extend", "10", "--to", "2021年4月底", "--reason", "a")
    said = gk(data, "2021-05-01", "extend", "10", "--to", "2021年5月底", "--reason", "b").output
    assert said.splitlines()[0] == ("#10 的延期在现行完成时间（2021-04-30）之后才办理："
                                    "已记录，但不计入，仍按2021-04-30考核")
    shown = gk(data, "2021-05-01", "show", "10").stdout
    assert "现行完成时间  2021年4月底（2021-04-30）" in shown
    assert "原定完成时间  2021年3月底（2021-03-31）" in shown
    assert "按原定时间考核" not in shown and "原完成时间" not in shown
    assert "已逾期，逾期1天" in shown
    english = gk(data, "2021-05-01", "--lang", "en", "show", "10").stdout
    assert "Deadline in force  2021年4月底 (2021-04-30)" in english


# --- 10. gk --today DAY log ID ends at that day ------------------------------------------------

def test_log_as_of_a_day_ends_at_that_day_and_says_so(tmp_path):
    data = new_repo(tmp_path)
    gk(data, "2020-07-20", "note", "4", "已起草", "--commit")
    gk(data, "2020-09-30", "extend", "4", "--to", "2020年12月底", "--reason", "等待", "--commit")
    gk(data, "2020-11-05", "done", "4", "--on", "2020-10-29", "--commit")
    whole = json.loads(gk(data, "2020-12-01", "log", "4", "--format", "json").stdout)
    assert [f["kind"] for f in whole["facts"]] == ["done", "extended", "note"]
    result = gk(data, "2020-12-01", "--today", "2020-08-01", "log", "4", "--format", "json")
    cut = json.loads(result.stdout)
    assert [(e["date"], e["kind"]) for e in cut["changes"]] == [
        ("2020-07-03", "added"), ("2020-07-20", "note")]
    assert cut["facts"] == [{"kind": "note", "value": "2020-07-20 已起草"}]
    assert result.stderr == "gk: 只列出2020-08-01及以前的修改和记录（不加 --today 可看全部）\n"
    table = gk(data, "2020-12-01", "--today", "2020-08-01", "log", "4").stdout
    assert "2020-09-30" not in table and "2020-10-29" not in table


# --- 19c. a write with --today in the past: the commit keeps the real date -----------------

def test_an_add_with_a_past_today_is_recorded_today_and_says_so(tmp_path):
    """The commit is dated when it is made (git's dates are real); the table as of an
    earlier day does not have the item, and gk says so at once."""
    data = new_repo(tmp_path)
    result = gk(data, "2021-07-06", "--today", "2021-02-01", *ADD_17)
    assert result.stderr == ("gk: 这次修改记录于今天（2021-07-06）：按更早的日期（如 2021-02-01）查看时表中"
                             "还没有它；--today 只决定写入的完成、进展、延期和会议日期\n")
    march = json.loads(gk(data, "2021-07-06", "--today", "2021-03-01", "status", "--format",
                          "json").stdout)
    assert march["totals"]["total"] == 16
    dated = gk(data, "2021-07-06", "--today", "2021-02-01", "done", "1", "--commit")
    assert dated.stderr == ""  # a fact carries its date: it counts from 2021-02-01
    assert json.loads(gk(data, "2021-07-06", "--today", "2021-03-01", "status", "--format",
                         "json").stdout)["totals"]["done"] == 1


def test_add_counts_item_ids_only_not_the_work_tasks_ids(tmp_path):
    """Items 1-3 under eight work tasks (groups with ids 1-8): the next item is #4."""
    shutil.copytree(SHIPPED, tmp_path / "data")
    tasks = tmp_path / "data" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    tasks.write_text(text[:text.index("  - id: 4\n", text.index("\ntasks:"))], encoding="utf-8")
    git(tmp_path, "2020-07-03", "init", "-q")
    git(tmp_path, "2020-07-03", "add", "data")
    git(tmp_path, "2020-07-03", "commit", "-qm", "三项")
    assert "#4" in gk(tmp_path / "data", "2020-10-01", *ADD_17).output


def test_the_item_ids_of_a_version_however_written():
    from gkcli.history import task_ids

    text = ("groups:\n  - id: 9\n    title: x\ntasks:\n  - id: 1\n    title: a\n"
            "  - title: b\n    id: 2\n  - {id: 3, title: c}\n# 注释\n  - \"id\": 4\n"
            "meetings:\n  - on: 2021-01-01\n")
    assert task_ids(text) == {1, 2, 3, 4}
    assert task_ids("tasks: [{id: 5, title: a}, {title: b, id: 6}]\n") == {5, 6}
