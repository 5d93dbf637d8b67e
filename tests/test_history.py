"""The table over time, against a real git repository of a simulated year (tests/yearrepo.py).

The figures asserted here were worked out by hand from the steps in yearrepo.YEAR.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SHIPPED, Gk
from yearrepo import build, git, git_env

from gkcli.cli import cli


@pytest.fixture(scope="module")
def year(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("year"), SHIPPED)


@pytest.fixture
def repo(year: Path, tmp_path: Path) -> Path:
    """A private copy of the year's repository, for tests that try to write."""
    shutil.copytree(year.parent, tmp_path / "repo")
    return tmp_path / "repo" / "data"


# whatever the caller's environment: gk's own variables unset, plain 80-column output
CALM = {"GK_LANG": None, "GK_TODAY": None, "GK_DATA": None, "FORCE_COLOR": None, "NO_COLOR": "1",
        "COLUMNS": "80"}


def run(data: Path, *args: str, today: str | None = None, env: dict | None = None):
    argv = ["--data", str(data), *(["--today", today] if today else []), *args]
    return CliRunner().invoke(cli, argv, env={**git_env("2021-07-06", "秘书"), **CALM, **(env or {})},
                              catch_exceptions=False)


def as_json(data: Path, *args: str, today: str | None = None):
    result = run(data, *args, "--format", "json", today=today)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


TOTALS = ("total", "done", "done_on_time", "done_late", "overdue", "due_soon", "open", "ongoing",
          "extended", "on_time_rate")


@pytest.mark.parametrize("day, expected", [
    ("2020-07-05", (16, 0, 0, 0, 0, 2, 12, 2, 0, None)),
    # #4 was done on 2020-10-29 though recorded on 2020-11-05; #3 was extended in time
    ("2020-11-01", (16, 3, 2, 1, 0, 0, 11, 2, 1, 0.6667)),
    ("2020-12-31", (16, 4, 3, 1, 0, 3, 7, 2, 1, 0.75)),
    ("2021-01-01", (16, 4, 3, 1, 3, 0, 7, 2, 1, 0.4286)),
    # #16 removed, #17 added; #12 done against 2020-12-31 (its extension came late)
    ("2021-06-30", (16, 6, 4, 2, 1, 3, 4, 2, 2, 0.5714)),
])
def test_status_counts_as_they_stood(year, day, expected):
    totals = as_json(year, "status", today=day)["totals"]
    assert tuple(totals[k] for k in TOTALS) == expected


def test_status_on_the_day_before_any_completion_counts_none_done(year):
    """The issue: `gk --today 2020-07-01 status` counted 5 done when none were."""
    board = as_json(year, "status", today="2020-07-05")
    assert board["totals"]["done"] == 0
    assert board["as_of"] == "2020-07-05"


@pytest.mark.parametrize("day, expected", [
    ("2020-12-31", [("综合股", 13, 4, 3, 1, 0, 1, 0.75), ("运管股（政策法规股）", 3, 0, 0, 0, 0, 0, None)]),
    ("2021-06-30", [("综合股", 13, 4, 3, 1, 1, 1, 0.6), ("运管股（政策法规股）", 3, 2, 1, 1, 0, 1, 0.5)]),
], ids=["a past year end", "mid 2021"])
def test_report_rows_as_they_stood(year, day, expected):
    rows = as_json(year, "report", today=day)["by_office"]
    assert [(r["name"], r["total"], r["done"], r["done_on_time"], r["done_late"], r["overdue"],
             r["extended"], r["on_time_rate"]) for r in rows] == expected


def test_report_table_shows_the_extended_column(year):
    out = run(year, "report", today="2021-06-30").stdout
    assert "综合股：合计 13、已完成 4、按时 3、超时 1、未注明日期 0、已逾期 1、即将到期 2、\n  未到期 4、长期 2、延期 1、按时率 60%" in out


def test_an_item_added_later_is_not_in_an_earlier_table(year):
    assert 17 not in [r["id"] for r in as_json(year, "list", today="2020-12-31")]
    assert 16 in [r["id"] for r in as_json(year, "list", today="2020-12-31")]
    ids = [r["id"] for r in as_json(year, "list", today="2021-06-30")]
    assert 17 in ids
    assert 16 not in ids


def test_a_deadline_changed_later_does_not_apply_earlier(year):
    assert as_json(year, "show", "9", today="2021-01-15")["deadline"] == "2020-12-31"
    assert as_json(year, "show", "9", today="2021-01-15")["state"] == "overdue"
    assert as_json(year, "show", "9", today="2021-05-01")["deadline"] == "2021-06-30"


def test_a_completion_recorded_a_week_later_counts_from_its_day(year):
    row = as_json(year, "show", "4", today="2020-11-01")  # committed on 2020-11-05
    assert (row["status"], row["done_on"], row["on_time"], row["days_late"]) == ("done", "2020-10-29", True, 0)
    assert as_json(year, "show", "4", today="2020-10-28")["status"] == "todo"


def test_an_extension_in_time_counts(year):
    row = as_json(year, "show", "3", today="2021-06-30")
    assert (row["deadline"], row["deadline_original"], row["on_time"]) == ("2020-12-31", "2020-10-19", True)
    assert row["extensions"] == [{"on": "2020-10-15", "from": "2020年10月19日前", "to": "2020年12月底",
                                  "reason": "等待上级目录", "by": "陈伟", "counts": True}]
    assert as_json(year, "show", "3", today="2020-10-14")["extensions"] == []


def test_an_extension_granted_late_is_shown_but_not_counted(year):
    row = as_json(year, "show", "12", today="2021-06-30")
    assert (row["deadline"], row["on_time"], row["days_late"]) == ("2020-12-31", False, 74)
    assert row["extensions"][0]["counts"] is False
    shown = run(year, "show", "12", today="2021-06-30", env={"COLUMNS": "200"}).stdout
    assert "2021-01-10 由 2020年12月底 延至 2021年3月底（补办延期），晚于当时的现行完成时间才办理，不计入，仍按现行完成时间考核" in shown
    assert "已完成，超时74天" in shown


def test_since_the_last_meeting_line(year):
    out = run(year, "status", today="2021-01-31").stdout
    assert "自上次会议（2020-12-10）以来：完成 1 项，新增逾期 3 项" in out


CHANGES_SINCE_MEETING = [
    {"id": 3, "kind": "done", "date": "2020-12-28", "title": "编制26个领域政务公开事项目录",
     "lead": "综合股", "old": "2020-12-31", "new": "2020-12-28"},
    {"id": 9, "kind": "overdue", "date": "2021-01-01", "title": "健全完善政府信息依申请公开工作制度",
     "lead": "综合股", "old": None, "new": "2020-12-31"},
    {"id": 10, "kind": "overdue", "date": "2021-01-01",
     "title": "制定公众参与政府行政决策制度：公共政策民意汇集机制、利益相关方列席政府有关会议制度。",
     "lead": "综合股", "old": None, "new": "2020-12-31"},
    {"id": 16, "kind": "removed", "date": "2021-01-20",
     "title": "加强信息精准推送，推行政务服务一次告知、信息主动推送等方式", "lead": "综合股",
     "old": None, "new": None},
    {"id": 12, "kind": "overdue", "date": "2021-01-01", "title": "建立健全政策解读“三同步”制度规范",
     "lead": "运管股（政策法规股）", "old": None, "new": "2020-12-31"},
    {"id": 12, "kind": "extended", "date": "2021-01-10", "title": "建立健全政策解读“三同步”制度规范",
     "lead": "运管股（政策法规股）", "old": "2020年12月底", "new": "2021年3月底"},
]


def test_changes_since_the_last_meeting_exact_json(year):
    assert as_json(year, "changes", today="2021-01-31") == CHANGES_SINCE_MEETING
    assert as_json(year, "changes", "--since", "last-meeting", today="2021-01-31") == CHANGES_SINCE_MEETING


def test_changes_between_two_dates_exact_json(year):
    assert as_json(year, "changes", "--since", "2021-02-01", "--until", "2021-04-30") == [
        {"id": 17, "kind": "added", "date": "2021-03-01", "title": "开通政务服务热线", "lead": "综合股",
         "old": None, "new": None},
        {"id": 9, "kind": "deadline", "date": "2021-04-10", "title": "健全完善政府信息依申请公开工作制度",
         "lead": "综合股", "old": "2020年12月底", "new": "2021年6月底"},
        {"id": 12, "kind": "done", "date": "2021-03-15", "title": "建立健全政策解读“三同步”制度规范",
         "lead": "运管股（政策法规股）", "old": "2020-12-31", "new": "2021-03-15"},
    ]


def test_changes_kinds_over_the_year(year):
    found = as_json(year, "changes", "--since", "2020-07-03", "--until", "2021-07-05")
    kinds = {(c["id"], c["kind"]) for c in found}
    assert {(1, "done"), (2, "done"), (3, "note"), (4, "deadline"), (3, "extended"), (16, "removed"),
            (17, "added"), (9, "deadline"), (8, "note"), (8, "done"), (10, "overdue")} <= kinds
    started = [c for c in found if c["kind"] == "done" and c["id"] == 2][0]
    assert (started["old"], started["new"]) == ("2020-07-17", "2020-07-24")


def test_changes_since_a_revision(year):
    found = as_json(year, "changes", "--since", "HEAD~2", "--until", "2021-07-05")
    assert [(c["id"], c["kind"], c["date"]) for c in found] == [
        (9, "overdue", "2021-07-01"), (17, "overdue", "2021-07-01"), (8, "done", "2021-06-25"),
        (11, "overdue", "2021-07-01")]


def test_changes_for_one_office_as_markdown(year):
    """运管股 leads #12 and assists #3, #9, #10 and the removed #16 (through 局各股室)."""
    out = run(year, "changes", "--office", "运管股", "--format", "md", today="2021-01-31").stdout
    assert out == ("### 2020-12-10 — 2021-01-31 的变化\n\n**综合股**\n\n"
                   "- 2020-12-28 #3 编制26个领域政务公开事项目录：完成（按时）\n"
                   "- 2021-01-01 #9 健全完善政府信息依申请公开工作制度：逾期（完成时间 2020-12-31）\n"
                   "- 2021-01-01 #10 制定公众参与政府行政决策制度：公共政策民意汇集机制、利益相关方列席"
                   "政府有关会议制度。：逾期（完成时间 2020-12-31）\n"
                   "- 2021-01-20 #16 加强信息精准推送，推行政务服务一次告知、信息主动推送等方式：删除\n\n"
                   "**运管股（政策法规股）**\n\n"
                   "- 2021-01-01 #12 建立健全政策解读“三同步”制度规范：逾期（完成时间 2020-12-31）\n"
                   "- 2021-01-10 #12 建立健全政策解读“三同步”制度规范：延期：2020年12月底 → 2021年3月底"
                   "，晚于当时的现行完成时间才办理，不计入，仍按现行完成时间考核\n\n")


def test_log_of_one_item(year):
    assert as_json(year, "log", "4") == {
        "id": 4, "title": "建立区、镇两级政务公开事项目录体系并统一公开",
        "changes": [
            {"date": "2020-07-03", "commit": git(year.parent, "rev-parse", "--short=7", "HEAD~17"),
             "author": "秘书", "kind": "added", "old": None, "new": "建立区、镇两级政务公开事项目录体系并统一公开"},
            {"date": "2020-09-30", "commit": git(year.parent, "rev-parse", "--short=7", "HEAD~12"),
             "author": "张主任", "kind": "deadline", "old": "2020年10月30日前", "new": "2020年11月30日前"},
            {"date": "2020-11-05", "commit": git(year.parent, "rev-parse", "--short=7", "HEAD~10"),
             "author": "秘书", "kind": "status", "old": "todo", "new": "done"},
            {"date": "2020-11-05", "commit": git(year.parent, "rev-parse", "--short=7", "HEAD~10"),
             "author": "秘书", "kind": "done_on", "old": None, "new": "2020-10-29"},
        ],
        "facts": [{"kind": "done", "value": "2020-10-29"}],
    }


def test_log_table_names_the_hand_edit_and_its_author(year):
    out = run(year, "log", "4", env={"COLUMNS": "100"}).stdout
    assert "张主任  完成时间：2020年10月30日前 → 2020年11月30日前" in out
    assert "完成日期：2020-10-29" in out


def test_log_of_a_removed_item(year):
    found = as_json(year, "log", "16")
    assert [(c["date"], c["author"], c["kind"]) for c in found["changes"]] == [
        ("2020-07-03", "秘书", "added"), ("2021-01-20", "张主任", "removed")]


def test_log_of_an_item_never_there(year):
    result = run(year, "log", "99")
    assert result.exit_code == 1
    assert result.output == "gk: 历史中从未有过第99项\n"


def test_uncommitted_edits_count_only_for_today(repo):
    assert run(repo, "done", "5", "--on", "2021-07-01", today="2099-01-01").exit_code == 0
    assert as_json(repo, "show", "5", today="2021-07-02")["status"] == "todo"  # from git
    assert as_json(repo, "show", "5")["status"] == "done"  # today: the file as it is
    log = as_json(repo, "log", "5")["changes"]
    assert [(e["commit"], e["kind"], e["new"]) for e in log[-2:]] == [
        (None, "status", "done"), (None, "done_on", "2021-07-01")]


def test_outside_git_the_current_file_with_the_date_filter(year, tmp_path):
    shutil.copytree(year, tmp_path / "data")
    result = run(tmp_path / "data", "status", "--format", "json", today="2020-11-01")
    assert json.loads(result.stdout)["totals"]["done"] == 3  # 1, 2 and 4; not 3, 8 or 12
    assert result.stderr == ("gk: 不在 git 仓库中，无法查到历史：按当前文件显示截至2020-11-01已发生的情况\n")
    row = json.loads(run(tmp_path / "data", "show", "8", "--format", "json", today="2021-06-01").stdout)
    assert (row["state"], row["done_on"]) == ("open", None)


def test_outside_git_done_later_is_not_done_yet(gk):
    """The issue's first figure, without git: a completion dated later is not counted."""
    assert gk("done", "5", "--on", "2021-06-18").exit_code == 0
    earlier = Gk(gk.data, today="2021-06-01")
    assert earlier.json("status")["totals"]["done"] == 0
    assert gk.json("status")["totals"]["done"] == 1


@pytest.fixture
def git_calls(tmp_path: Path) -> Path:
    """A PATH whose git only records that it was called."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "git-calls"
    fake = bin_dir / "git"
    fake.write_text(f"#!/bin/sh\necho \"$@\" >> {record}\nexit 1\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    return record


@pytest.mark.parametrize("args", [["status"], ["list"], ["list", "--format", "json"],
                                  ["show", "8"], ["report", "--format", "json"], ["check"]])
def test_commands_that_need_no_history_do_not_run_git(year, git_calls, args):
    path = f"{git_calls.parent / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
    result = run(year, *args, env={"PATH": path})
    assert result.exit_code == 0, result.output
    assert not git_calls.exists()


def test_a_past_date_does_run_git(year, git_calls):
    path = f"{git_calls.parent / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
    run(year, "status", today="2021-01-01", env={"PATH": path})
    assert git_calls.read_text(encoding="utf-8").startswith("-c")


# --- done, reopen, extend: what they refuse and what they say -------------------------------

def changing_nothing(repo: Path, *args: str, code: int) -> str:
    """gk ARGS on 2021-07-06, which must exit with ``code`` and leave tasks.yaml and HEAD as
    they were. Gives what gk said."""
    before = (repo / "tasks.yaml").read_bytes()
    head = git(repo.parent, "rev-parse", "HEAD")
    result = run(repo, *args, today="2021-07-06")
    assert result.exit_code == code, result.output
    assert (repo / "tasks.yaml").read_bytes() == before
    assert git(repo.parent, "rev-parse", "HEAD") == head
    return result.output


def test_done_on_a_done_item_changes_nothing_and_says_when(repo):
    assert changing_nothing(repo, "done", "8", code=0) == "#8 已于2021-06-25完成\n"


def test_done_on_a_done_item_with_another_keeps_the_first(repo):
    result = run(repo, "done", "8", "13", today="2021-07-06")
    assert result.output.splitlines()[0] == "#8 已于2021-06-25完成"
    assert as_json(repo, "show", "8")["done_on"] == "2021-06-25"
    assert as_json(repo, "show", "13")["done_on"] == "2021-07-06"


def test_done_with_on_corrects_the_date_and_says_so(repo):
    result = run(repo, "done", "8", "--on", "2021-06-24", today="2021-07-06")
    assert result.output.splitlines()[0] == "#8 完成日期由2021-06-25改为2021-06-24"
    assert as_json(repo, "show", "8")["done_on"] == "2021-06-24"


def test_reopen_of_an_item_not_done_says_so(repo):
    assert changing_nothing(repo, "reopen", "5", code=0) == "#5 尚未完成，无需重新打开\n"


@pytest.mark.parametrize("args, message", [
    (["extend", "8", "--to", "2021年9月底", "--reason", "x"], "gk: #8 已于2021-06-25完成，不能延期\n"),
    (["extend", "5", "--to", "2021年6月底", "--reason", "x"],
     "gk: #5：延期后的完成时间 2021年6月底 不晚于现在的 2021年12月底\n"),
    (["extend", "7", "--to", "2021年6月底", "--reason", "x"], "gk: #7 是长期事项，无需延期\n"),
])
def test_bad_input_is_one_line_and_writes_nothing(repo, args, message):
    assert changing_nothing(repo, *args, code=1) == message


@pytest.mark.parametrize("args, message", [
    (["done", "5", "--on", "2020-06-30"], "--on 2020-06-30 早于通知印发日期（2020-07-02）"),
    (["note", "5", "x", "--on", "2020-06-30"], "--on 2020-06-30 早于通知印发日期（2020-07-02）"),
    (["extend", "5", "--to", "2022年6月底", "--reason", "x", "--on", "2020-06-30"],
     "--on 2020-06-30 早于通知印发日期（2020-07-02）"),
    (["meeting", "--on", "2020-06-30"], "--on 2020-06-30 早于通知印发日期（2020-07-02）"),
    (["changes", "--since", "2021-03-01", "--until", "2021-02-01"],
     "--since 2021-03-01 晚于 --until 2021-02-01"),
    (["changes", "--since", "no-such-rev"],
     "--since：no-such-rev 既不是日期，也不是 git 中的版本（日期写作 2021-06-30）"),
])
def test_a_bad_option_value_is_a_usage_error_and_writes_nothing(repo, args, message):
    """Exit 2 as Click's own usage errors, the error line naming the option."""
    said = changing_nothing(repo, *args, code=2)
    assert said.splitlines()[-1] == f"错误：{message}"


def test_bad_input_in_english(repo):
    result = run(repo, "--lang", "en", "extend", "8", "--to", "2021年9月底", "--reason", "x",
                 today="2021-07-06")
    assert result.output == "gk: #8 was done on 2021-06-25; it cannot be extended\n"


def test_extend_without_reason_is_a_usage_error(repo):
    assert "--reason" in changing_nothing(repo, "extend", "5", "--to", "2022年6月底", code=2)


def test_extend_writes_only_its_lines(repo):
    before = (repo / "tasks.yaml").read_text(encoding="utf-8")
    result = run(repo, "extend", "13", "--to", "2022年6月底", "--reason", "等待省级平台", "--by", "陈伟",
                 "--on", "2021-07-06", today="2021-07-06")
    assert result.output.endswith("tasks.yaml：延期 #13 建立健全政务舆情回应制度规范 至 2022年6月底（2021-07-06）\n")
    after = (repo / "tasks.yaml").read_text(encoding="utf-8")
    added = ("    extensions:\n      - on: 2021-07-06\n        from: 2021年12月底\n"
             "        to: 2022年6月底\n        reason: 等待省级平台\n        by: 陈伟\n")
    assert after.replace(added, "", 1) == before
    row = as_json(repo, "show", "13")  # not committed: it counts for today
    assert (row["deadline"], row["deadline_original"]) == ("2022-06-30", "2021-12-31")


def test_extend_late_is_recorded_and_says_so(repo):
    result = run(repo, "extend", "10", "--to", "2021年9月底", "--reason", "补办", today="2021-07-06")
    assert result.output.splitlines()[0] == ("#10 的延期在现行完成时间（2020-12-31）之后才办理："
                                             "已记录，但不计入，仍按2020-12-31考核")
    row = as_json(repo, "show", "10")
    assert (row["deadline"], row["state"], row["extensions"][0]["counts"]) == ("2020-12-31", "overdue", False)


def test_meeting_is_recorded_in_the_data(repo):
    run(repo, "meeting", "第三次专题会议", "--on", "2021-07-06", today="2021-07-06")
    text = (repo / "tasks.yaml").read_text(encoding="utf-8")
    assert text.endswith("  - on: 2021-07-05\n    title: 第二次专题会议\n"
                         "  - on: 2021-07-06\n    title: 第三次专题会议\n")
    assert run(repo, "check").exit_code == 0


def test_first_meeting_starts_a_meetings_list(gk):
    before = gk.tasks.read_text(encoding="utf-8")
    assert gk("meeting", "--on", "2021-06-01").exit_code == 0
    after = gk.tasks.read_text(encoding="utf-8")
    assert after == before + "\n# 会议（gk meeting 记录）\nmeetings:\n  - on: 2021-06-01\n"


def test_check_knows_extensions_and_meetings(gk):
    text = gk.tasks.read_text(encoding="utf-8")
    text = text.replace("    deadline: 2021年6月底\n    status: todo\n",
                        "    deadline: 2021年6月底\n    status: todo\n    extensions:\n"
                        "      - on: 2021-05-01\n        to: 2021年9月底\n"
                        "      - on: 2021-05-02\n        to: 下个月\n        reason: 等\n", 1)
    gk.tasks.write_text(text + "\nmeetings:\n  - title: 没有日期\n", encoding="utf-8")
    out = gk("--lang", "en", "check").output
    assert "missing field reason" in out
    assert "下个月" in out
    assert "meeting: missing field on" in out
    assert [line.split(":")[1:3] for line in out.splitlines()] == [["146", "9"], ["149", "13"], ["229", "5"]]


def test_show_of_a_done_item_says_on_time_not_overdue(gk):
    """The issue: `show 1` on an item done on time said 已完成，逾期137天."""
    gk("done", "1", "--on", "2020-07-15")
    out = Gk(gk.data, today="2020-12-01")("show", "1", env=CALM).stdout
    assert "已完成，按时" in out
    assert "逾期" not in out


def test_list_json_says_on_time_and_days_late(gk):
    gk("done", "1", "--on", "2020-07-20")
    gk("done", "3", "--on", "2020-10-01")
    rows = {r["id"]: r for r in gk.json("list")}
    assert (rows[1]["on_time"], rows[1]["days_late"]) == (False, 3)
    assert (rows[3]["on_time"], rows[3]["days_late"]) == (True, 0)
    assert (rows[5]["on_time"], rows[5]["days_late"]) == (None, None)


def test_exports_say_on_time_or_late(gk):
    gk("done", "1", "--on", "2020-07-20")
    out = gk("export", "-", "--format", "csv", env=CALM).stdout
    assert "已完成（超时3天）" in out


def test_changes_of_structure_are_dated_by_their_commit(repo):
    run(repo, "start", "6", "--commit", today="2021-07-06")
    run(repo, "set", "6", "--lead", "运管股", "--assist", "综合股", "--title", "新媒体办事服务",
        "--commit", today="2021-07-06")
    run(repo, "reopen", "8", "--commit", today="2021-07-06")
    found = as_json(repo, "changes", "--since", "2021-07-05", "--until", "2021-07-06")
    lead = "运管股（政策法规股）"
    assert found == [
        {"id": 6, "kind": "started", "date": "2021-07-06", "title": "新媒体办事服务", "lead": lead,
         "old": "todo", "new": "doing"},
        {"id": 6, "kind": "lead", "date": "2021-07-06", "title": "新媒体办事服务", "lead": lead,
         "old": "综合股", "new": lead},
        {"id": 6, "kind": "assist", "date": "2021-07-06", "title": "新媒体办事服务", "lead": lead,
         "old": ["局各股室（中队、站）"], "new": ["综合股"]},
        {"id": 6, "kind": "title", "date": "2021-07-06", "title": "新媒体办事服务", "lead": lead,
         "old": "在新媒体上设立政民互动和办事服务功能", "new": "新媒体办事服务"},
        {"id": 8, "kind": "reopened", "date": "2021-07-06", "title": "建立健全规范性文件全生命周期管理制度机制",
         "lead": lead, "old": "done", "new": "doing"},
    ]
    # reopened on 2021-07-06: done on the days before, as it stood recorded
    assert as_json(repo, "show", "8", today="2021-07-05")["done_on"] == "2021-06-25"
    assert as_json(repo, "show", "8", today="2021-07-06")["status"] == "doing"


def test_narrow_list_says_on_time_or_late_too(gk):
    gk("done", "1", "--on", "2020-07-20")
    assert "已完成（超时3天）" in gk("list", env={**CALM, "COLUMNS": "50"}).stdout


def test_a_revision_with_a_newline_is_one_line(year):
    result = run(year, "changes", "--since", "HEAD\nx")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "错误：--since：HEAD x 既不是日期，也不是 git 中的版本（日期写作 2021-06-30）"


def test_as_of_is_another_name_for_today(year):
    result = run(year, "--as-of", "2020-11-01", "status", "--format", "json")
    assert json.loads(result.stdout)["totals"]["done"] == 3


def test_the_no_git_line_in_english(gk):
    result = Gk(gk.data, today="2021-06-01")("--lang", "en", "status", "--format", "json",
                                             env={**CALM, "GK_NOW": "2021-06-20"})
    assert result.stderr == ("gk: not in a git repository, so no history: showing the current file "
                             "with what had happened by 2021-06-01\n")


def test_gk_now_sets_the_real_today(gk):
    result = gk("status", "--format", "json", env={**CALM, "GK_NOW": "2021-06-20"})
    assert result.exit_code == 0  # today: the file as it is, no note
    assert result.stderr == ""
    result = gk("status", env={**CALM, "GK_NOW": "明天"})
    assert result.exit_code == 2
    assert "“GK_NOW=明天”不是日期" in result.output


def test_the_schema_knows_extensions_and_meetings(gk):
    """As an editor reads YAML (1.2: a key `on` is text), the schema takes what gk check takes."""
    import yaml

    jsonschema = pytest.importorskip("jsonschema")
    from gkcli import schema as schemas

    def editor_view(value):
        if isinstance(value, dict):
            return {("on" if k is True else str(k)): editor_view(v) for k, v in value.items()}
        if isinstance(value, list):
            return [editor_view(v) for v in value]
        return value.isoformat() if hasattr(value, "isoformat") else value

    gk("extend", "5", "--to", "2022年6月底", "--reason", "等待省级平台", "--by", "陈伟")
    gk("meeting", "第一次专题会议", "--on", "2021-06-01")
    text = gk.tasks.read_text(encoding="utf-8")
    assert gk("check").exit_code == 0
    validator = jsonschema.Draft202012Validator(json.loads(schemas.text("tasks")))
    assert list(validator.iter_errors(editor_view(yaml.safe_load(text)))) == []
    broken = text.replace("        reason: 等待省级平台\n", "", 1)
    assert gk.tasks.write_text(broken, encoding="utf-8")
    assert gk("check").exit_code == 1
    assert list(validator.iter_errors(editor_view(yaml.safe_load(broken))))


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("args", [("changes", "--since", "2020-07-01"), ("log", "12")], ids=" ".join)
def test_changes_and_log_fit_any_terminal_keeping_names_whole(year, args, width):
    """The tables of the year fit 40 to 120 columns: offices and authors whole, nothing past the
    edge, no line starting with closing punctuation (one folded line per change when narrow)."""
    from gkcli.linebreak import NO_START, cell_len

    lines = run(year, *args, today="2021-07-31", env={"COLUMNS": str(width)}).stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    assert [line for line in lines if line.strip() and line.lstrip()[0] in NO_START
            and not line.lstrip().startswith("──")] == []
    if args[0] == "changes":
        assert sum(line.count("运管股（政策法规股）") for line in lines) == 1
        assert sum(line.count("运管股") for line in lines) == 1
    else:
        changes = [line for line in lines if re.match(r"\d{4}-\d\d-\d\d  ", line)]
        assert len(changes) == 4
        assert all("  秘书  " in line for line in changes)  # the author whole, on its row
