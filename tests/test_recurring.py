"""Recurring deadlines: accepted phrases, the current occurrence, gk done on one occurrence, show, report."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import replace_in
from hypothesis import given
from hypothesis import strategies as st

from gkcli.deadlines import resolve
from gkcli.recurrence import HALF, MONTH, QUARTER, YEAR, Rule, schedule

D = date.fromisoformat

RULES = [
    ("每月底", Rule(MONTH), "2021-02-28"),
    ("每月末前", Rule(MONTH), "2021-02-28"),
    ("每月28日前", Rule(MONTH, day=28), "2021-02-28"),
    ("每月30日前报送", Rule(MONTH, day=30), "2021-02-28"),  # a short month ends it early
    ("每季度末", Rule(QUARTER), "2021-03-31"),
    ("每季度", Rule(QUARTER), "2021-03-31"),
    ("每半年", Rule(HALF), "2021-06-30"),
    ("每半年反馈一次", Rule(HALF), "2021-06-30"),
    ("每年12月底前", Rule(YEAR, month=12), "2021-12-31"),
    ("每年年底", Rule(YEAR, month=12), "2021-12-31"),
    ("每年6月30日前", Rule(YEAR, month=6, day=30), "2021-06-30"),
]


@pytest.mark.parametrize(("phrase", "rule", "first_due"), RULES)
def test_recurring_phrases_are_accepted(phrase, rule, first_due):
    deadline = resolve(phrase)
    assert (deadline.kind, deadline.rule, deadline.date) == ("recurring", rule, None)
    found = schedule(rule, D("2021-02-02"), D("2021-02-02"), {})
    assert found.current.due == D(first_due)


@pytest.mark.parametrize("phrase", ["每月32日", "每年13月底", "每周"])
def test_nonsense_recurring_phrases_are_refused(phrase):
    from gkcli.deadlines import DeadlineError

    with pytest.raises(DeadlineError):
        resolve(phrase)


def test_the_current_occurrence_is_the_last_missed_else_the_next():
    rule = Rule(MONTH, day=28)
    first = D("2021-01-05")
    assert schedule(rule, first, D("2021-03-10"), {"2021-01": D("2021-01-20")}).current.label == "2021-02"
    met = {"2021-01": D("2021-01-20"), "2021-02": D("2021-03-01")}
    assert schedule(rule, first, D("2021-03-10"), met).current.label == "2021-03"
    early = {**met, "2021-03": D("2021-03-09")}
    assert schedule(rule, first, D("2021-03-10"), early).current.label == "2021-04"
    assert schedule(rule, first, D("2021-03-28"), met).current.label == "2021-03"  # due today


@given(st.sampled_from([r for _, r, _ in RULES]), st.dates(date(2020, 1, 1), date(2024, 12, 31)),
       st.integers(0, 900), st.sets(st.integers(0, 40)))
def test_the_current_occurrence_is_never_one_done_and_never_skips_a_miss(rule, first, ahead, done_at):
    from datetime import timedelta

    from gkcli.recurrence import periods

    today = first + timedelta(days=ahead)
    # done_at names at most the first 41 occurrences; with all of them done the schedule goes
    # on to the 42nd, so the labels compared with it run further than that
    labels = [label for (label, _), _ in zip(periods(rule, first), range(60))]
    done = {labels[i]: today for i in done_at}
    found = schedule(rule, first, today, done)
    assert found.current.label not in done
    past = [o for o in found.occurrences if o.due < today]
    if past and past[-1].label not in done:
        assert found.current == past[-1]
    else:
        assert found.current.due >= today
    assert [o.label for o in found.occurrences] == labels[:len(found.occurrences)]


MONTHLY = """    deadline: 每月28日前
    done_occurrences:
      - 2020-07 2020-07-20
      - 2020-08 2020-08-28
      - 2020-09 2020-10-09
      - 2020-11 2020-11-27
      - 2021-01 2021-01-28
      - 2021-02 2021-03-02
      - 2021-03 2021-03-26
      - 2021-04 2021-04-28
      - 2021-05 2021-05-20"""


@pytest.fixture
def monthly(gk):
    """Item 8 made monthly from the notice's date (2020-07-02), with a year of occurrences."""
    replace_in(gk.tasks, "    deadline: 2021年6月底\n    status: todo", MONTHLY + "\n    status: doing")
    return gk


def test_a_year_of_occurrences_met_and_missed(monthly):
    monthly.today = "2021-06-20"
    item = monthly.json("show", "8")
    assert item["deadline_kind"] == "recurring"
    states = {o["occurrence"]: o["state"] for o in item["occurrences"]}
    assert states == {
        "2020-07": "on_time", "2020-08": "on_time", "2020-09": "late", "2020-10": "missed",
        "2020-11": "on_time", "2020-12": "missed", "2021-01": "on_time", "2021-02": "late",
        "2021-03": "on_time", "2021-04": "on_time", "2021-05": "on_time", "2021-06": "pending"}
    assert (item["state"], item["deadline"], item["days_left"]) == ("due_soon", "2021-06-28", 8)
    shown = monthly("show", "8").output
    assert "2020-10期（2020-10-28前）：未完成（已逾期）" in shown
    assert "2020-09期（2020-09-28前）：超时完成，2020-10-09完成" in shown


def test_a_missed_occurrence_makes_the_item_overdue_until_it_is_done(monthly):
    monthly.today = "2021-07-05"
    item = monthly.json("show", "8")
    assert (item["state"], item["deadline"], item["days_left"]) == ("overdue", "2021-06-28", -7)
    result = monthly("done", "8", "--on", "2021-07-05")
    assert result.exit_code == 0, result.output
    assert "      - 2021-06 2021-07-05\n" in monthly.tasks.read_text(encoding="utf-8")
    item = monthly.json("show", "8")
    assert (item["state"], item["deadline"], item["status"]) == ("open", "2021-07-28", "doing")


def test_gk_done_records_one_occurrence_and_never_copies_the_item(monthly):
    before = monthly.json("list")
    result = monthly("done", "8", "--on", "2021-06-18")
    assert result.exit_code == 0, result.output
    after = monthly.json("list")
    assert len(after) == len(before)
    text = monthly.tasks.read_text(encoding="utf-8")
    assert text.count("  - id: 8\n    group: 4") == 1
    assert "      - 2021-05 2021-05-20\n      - 2021-06 2021-06-18\n" in text
    item = monthly.json("show", "8")
    assert (item["status"], item["done_on"], item["deadline"]) == ("doing", None, "2021-07-28")
    assert monthly.fails("done", "8", "--cycle", "2021-06") == "gk: 第8项的2021-06期已于 2021-06-18 记录完成\n"


def test_gk_done_cycle_records_a_missed_occurrence_late(monthly):
    result = monthly("done", "8", "--cycle", "2020-10", "--on", "2021-06-01")
    assert result.exit_code == 0, result.output
    states = {o["occurrence"]: o["state"] for o in monthly.json("show", "8")["occurrences"]}
    assert states["2020-10"] == "late"
    assert "期次 2021-Q2 与“每月28日前”不符" in monthly.fails("done", "8", "--cycle", "2021-Q2")


def test_report_counts_each_occurrence_apart_from_the_items(monthly):
    office = next(x for x in monthly.json("report")["by_office"] if x["name"] == "运管股（政策法规股）")
    assert (office["occurrences_on_time"], office["occurrences_late"],
            office["occurrences_missed"], office["occurrences_due"]) == (7, 2, 2, 11)
    assert office["occurrences_on_time_rate"] == round(7 / 11, 4)
    # the item columns count items, and the rate is checkable from them
    judged = office["done_on_time"] + office["done_late"] + office["overdue"]
    assert office["on_time_rate"] == (round(office["done_on_time"] / judged, 4) if judged else None)


def test_report_since_counts_only_the_occurrences_of_the_period(monthly):
    office = next(x for x in monthly.json("report", "--since", "2021-01-01")["by_office"]
                  if x["name"] == "运管股（政策法规股）")
    assert (office["occurrences_on_time"], office["occurrences_late"],
            office["occurrences_missed"]) == (4, 1, 0)


def test_a_broken_done_occurrences_entry_is_a_check_problem(monthly):
    replace_in(monthly.tasks, "      - 2020-08 2020-08-28", "      - 八月 2020-08-28")
    assert "第 8 项：done_occurrences 每项写作“期次 完成日期”，如 2021-06 2021-06-25，而不是 八月 2020-08-28" \
        in monthly.fails("check")


def test_done_occurrences_only_on_recurring_items(gk):
    replace_in(gk.tasks, "    deadline: 2021年6月底", "    deadline: 2021年6月底\n    done_occurrences: []")
    said = gk.fails("--lang", "en", "check")
    assert "item 8: only a recurring deadline (such as 每月底) has done_occurrences" in said
