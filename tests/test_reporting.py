"""Reporting cycles: gk reported, gk reports, 本期未报送 / 逾期未报送 in status, remind, 按时报送率."""

from __future__ import annotations

import pytest

REPORTING = """
reporting:
  - what: 进展情况
    every: 每月28日前
    from: [运管股, 安监股]
    to: 综合股
    start: 2021-04-01
    reported:
      - 2021-04 2021-04-26 运管股（政策法规股）
      - 2021-04 2021-04-30 安监股
      - 2021-05 2021-05-28 运管股（政策法规股）
"""


@pytest.fixture
def cycles(gk):
    """The shipped table with a monthly progress report from two offices since April 2021."""
    with gk.tasks.open("a", encoding="utf-8") as f:
        f.write(REPORTING)
    return gk


def states(gk) -> dict[tuple[str, str], tuple[str, str | None]]:
    return {(r["cycle"], r["office"]): (r["state"], r["reported_on"]) for r in gk.json("reports")}


def test_reports_lists_cycles_by_offices_with_late_and_missing_reports(cycles):
    cycles.today = "2021-06-20"
    assert states(cycles) == {
        ("2021-04", "运管股（政策法规股）"): ("on_time", "2021-04-26"),
        ("2021-04", "安监股"): ("late", "2021-04-30"),
        ("2021-05", "运管股（政策法规股）"): ("on_time", "2021-05-28"),
        ("2021-05", "安监股"): ("missing", None),
        ("2021-06", "运管股（政策法规股）"): ("pending", None),
        ("2021-06", "安监股"): ("pending", None),
    }
    row = cycles.json("reports", "--office", "安监股", "--state", "missing")
    assert row == [{"what": "进展情况", "cycle": "2021-05", "office": "安监股", "due": "2021-05-28",
                    "reported_on": None, "state": "missing", "to": "综合股"}]


def test_status_shows_not_yet_reported_before_the_cut_off_and_missing_after_it(cycles):
    cycles.today = "2021-06-20"
    before = cycles("status").output
    assert "进展情况（2021-06期，6月28日前报送综合股）" in before
    assert "本期未报送：运管股（政策法规股）、安监股" in before
    assert "逾期未报送：安监股（2021-05）" in before
    cycles.today = "2021-06-29"
    after = cycles("status").output
    assert "逾期未报送：安监股（2021-05、2021-06）；运管股（政策法规股）（2021-06）" in after
    assert "本期未报送：运管股（政策法规股）、安监股" in after  # the July cycle has begun
    board = cycles.json("status")["reporting"][0]
    assert (board["cycle"], board["due"]) == ("2021-07", "2021-07-28")


def test_gk_reported_records_the_current_cycle_in_tasks_yaml(cycles):
    cycles.today = "2021-06-25"
    result = cycles("reported", "运管股")
    assert result.exit_code == 0, result.output
    assert cycles.tasks.read_text(encoding="utf-8").endswith(
        "      - 2021-05 2021-05-28 运管股（政策法规股）\n      - 2021-06 2021-06-25 运管股（政策法规股）\n")
    assert states(cycles)[("2021-06", "运管股（政策法规股）")] == ("on_time", "2021-06-25")


def test_gk_reported_defaults_to_the_cycle_missed(cycles):
    cycles.today = "2021-06-02"
    assert cycles("reported", "安监股").exit_code == 0  # May was missed: this is May's, late
    assert states(cycles)[("2021-05", "安监股")] == ("late", "2021-06-02")
    assert cycles.fails("reported", "安监股", "--cycle", "2021-05") == "gk: 安监股 的2021-05期已于 2021-06-02 报送\n"


def test_gk_reported_refuses_what_it_cannot_record(cycles):
    assert "不在“进展情况”的报送股室之列" in cycles("reported", "综合股").output
    assert "期次 2021-Q2 与“每月28日前”不符" in cycles("reported", "安监股", "--cycle", "2021-Q2").output
    english = cycles("--lang", "en", "reported", "安监股", "--on", "2021-07-01")
    assert (english.exit_code, english.output) == (1, "gk: --on 2021-07-01 is after today (2021-06-20)\n")


def test_remind_includes_the_missing_report(cycles):
    cycles.today = "2021-06-20"
    text = cycles("remind", "--office", "安监股").output
    assert "请按要求报送以下材料：" in text
    assert "1. 进展情况（2021-05期，应于5月28日前报送综合股，已逾期23天）" in text
    assert "2. 进展情况（2021-06期，请于6月28日前报送综合股）" in text
    reminders = cycles.json("remind")
    assert [r["cycle"] for r in next(x for x in reminders if x["office"] == "安监股")["reports"]] == \
        ["2021-05", "2021-06"]


def test_report_gives_the_on_time_report_rate_per_office(cycles):
    cycles.today = "2021-06-30"
    rates = {x["office"]: x for x in cycles.json("report")["reporting_by_office"]}
    assert rates["运管股（政策法规股）"] == {"office": "运管股（政策法规股）", "on_time": 2, "late": 0,
                                     "missing": 1, "rate": 0.6667}
    assert rates["安监股"]["rate"] == 0.0
    table = cycles("report").output
    assert "按时报送率" in table


def test_each_lead_office_reports_by_default(gk):
    with gk.tasks.open("a", encoding="utf-8") as f:
        f.write("\nreporting:\n  - what: 进展情况\n    every: 每季度末\n")
    offices = {r["office"] for r in gk.json("reports")}
    leads = {item["lead"] for item in gk.json("list")}
    assert offices == leads
    assert {r["cycle"] for r in gk.json("reports")} == {
        "2020-Q3", "2020-Q4", "2021-Q1", "2021-Q2"}


@pytest.mark.parametrize(("entry", "message"), [
    ("2021-04 2021-04-26 综合科", "未知股室"),
    ("2021-04 2021-04-26 运管股（政策法规股）", "运管股（政策法规股） 的2021-04期报送记录了两次"),
    ("四月 2021-04-26 安监股", "报送记录写作“期次 日期 股室”"),
])
def test_a_broken_report_entry_is_a_check_problem(cycles, entry, message):
    with cycles.tasks.open("a", encoding="utf-8") as f:
        f.write(f"      - {entry}\n")
    said = cycles.fails("check")
    line = len(cycles.tasks.read_text(encoding="utf-8").splitlines())
    assert f"tasks.yaml:{line}:9: " in said
    assert message in said or "unknown office" in said


def test_a_reporting_rhythm_must_recur(gk):
    with gk.tasks.open("a", encoding="utf-8") as f:
        f.write("\nreporting:\n  - what: 进展情况\n    every: 2021年6月底\n")
    assert "reporting 的 every 须是周期，如 每月28日前、每季度末，而不是 2021年6月底" in gk.fails("check")


def test_gk_reported_adds_the_reported_list_when_there_is_none(gk):
    with gk.tasks.open("a", encoding="utf-8") as f:
        f.write("\nreporting:\n  - what: 进展情况\n    every: 每季度末\n    from: [安监股]\n  # 报送记录\n")
    result = gk("reported", "安监股", "--on", "2021-06-18")
    assert result.exit_code == 0, result.output
    assert gk.tasks.read_text(encoding="utf-8").endswith(
        "    from: [安监股]\n    reported:\n      - 2021-Q1 2021-06-18 安监股\n  # 报送记录\n")  # Q1 was missed


def test_gk_reported_keeps_a_flow_list_flow(gk):
    with gk.tasks.open("a", encoding="utf-8") as f:
        f.write("\nreporting:\n  - {what: 进展情况, every: 每半年, from: [安监股], reported: []}\n")
    assert gk("reported", "安监股", "--cycle", "2021-H1").exit_code == 0
    assert gk("reported", "安监股", "--cycle", "2020-H2", "--on", "2021-01-05").exit_code == 0
    assert gk.tasks.read_text(encoding="utf-8").endswith(
        "reported: [2021-H1 2021-06-20 安监股, 2020-H2 2021-01-05 安监股]}\n")
    assert [r["state"] for r in gk.json("reports")] == ["late", "on_time"]


def test_gk_reported_commits_when_asked(gk, tmp_path):
    import os
    import subprocess

    env = {**os.environ, "GIT_AUTHOR_NAME": "秘书", "GIT_AUTHOR_EMAIL": "s@example.org",
           "GIT_COMMITTER_NAME": "秘书", "GIT_COMMITTER_EMAIL": "s@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    with gk.tasks.open("a", encoding="utf-8") as f:
        f.write("\nreporting:\n  - what: 进展情况\n    every: 每月底\n    from: [安监股]\n")
    repo = gk.data.parent
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "start"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True)
    result = gk("reported", "安监股", "--commit", env=env)
    assert result.exit_code == 0, result.output
    log = subprocess.run(["git", "log", "-1", "--format=%s"], cwd=repo, env=env,
                         capture_output=True, text=True, check=True).stdout
    assert log.strip().endswith("gk: 安监股 报送 进展情况 2021-05（2021-06-20）")


def test_several_reports_are_told_apart_with_what(cycles):
    with cycles.tasks.open("a", encoding="utf-8") as f:
        f.write("  - what: 季度总结\n    every: 每季度末\n    from: [安监股]\n")
    which = cycles("reported", "安监股")
    assert (which.exit_code, which.output) == (1, "gk: 有多项报送要求，请用 --what 指明：进展情况、季度总结\n")
    assert cycles("reported", "安监股", "--what", "季度总结").exit_code == 0
    assert [(r["what"], r["cycle"]) for r in cycles.json("reports", "--state", "late")] == [
        ("进展情况", "2021-04"), ("季度总结", "2021-Q1")]  # Q1 was due 03-31, reported today
    unknown = cycles("--lang", "en", "reported", "安监股", "--what", "年报")
    assert unknown.output == "gk: no report called 年报 is declared (there are: 进展情况、季度总结)\n"
