"""Recurring deadlines in the calendar: one event per item, DTSTART at the first occurrence
and an RRULE that expands into exactly the occurrences gk computes."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr
from helpers import Gk, copy_of, written
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from gkcli.ics import rrule_of
from gkcli.recurrence import HALF, MONTH, QUARTER, YEAR, Rule, periods

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "calendar"
TODAY = "2022-01-15"  # a year after the notice: gk lists a year of occurrences


@pytest.fixture
def example(tmp_path: Path) -> Gk:
    return copy_of(EXAMPLE, tmp_path / "calendar", TODAY)


def export(gk: Gk, target: Path) -> dict[int, object]:
    cal = Calendar.from_ical(written(gk, target, "export", str(target)).read_bytes())
    return {int(str(e["uid"]).rsplit("-", 1)[1]): e for e in cal.walk() if e.name == "VEVENT"}


def expand(event, until: date) -> list[date]:
    start = event.decoded("dtstart")
    text = event["rrule"].to_ical().decode()
    rule = rrulestr(text, dtstart=datetime(start.year, start.month, start.day))
    return [d.date() for d in rule.between(datetime(start.year, start.month, start.day),
                                           datetime(until.year, until.month, until.day),
                                           inc=True)]


def occurrences(gk: Gk, task_id: int) -> list[date]:
    result = gk("show", str(task_id), "--format", "json")
    assert result.exit_code == 0, result.output
    return [date.fromisoformat(o["due"]) for o in json.loads(result.stdout)["occurrences"]]


def test_recurring_items_of_the_example_repeat_by_rrule(example, tmp_path):
    events = export(example, tmp_path / "c.ics")
    assert len(events) == 5  # one event per item, recurring ones included
    assert "已导出 5 项" in example("export", str(tmp_path / "again.ics")).stderr
    expected = {3: ("FREQ=MONTHLY;BYMONTHDAY=-1", date(2021, 1, 31)),  # 每月底
                4: ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1", date(2021, 3, 31)),  # 每季度末
                5: ("FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=12", date(2021, 12, 31))}  # 每年12月底前
    for task_id, (rrule, start) in expected.items():
        event = events[task_id]
        assert event["rrule"].to_ical().decode() == rrule
        assert event.decoded("dtstart") == start
        assert (event.decoded("dtend") - start).days == 1
        due = occurrences(example, task_id)
        assert due[0] == start
        assert (due[-1] - due[0]).days >= 365  # a year of occurrences, at least
        assert expand(event, due[-1]) == due
    for task_id in (1, 2):  # dated deadlines stay single events
        assert "rrule" not in events[task_id]


def test_a_done_recurring_item_stops_repeating(example, tmp_path):
    text = example.tasks.read_text(encoding="utf-8")  # the secretary closes the item by hand
    old = "deadline: 每年12月底前\n    status: todo\n"
    assert old in text
    example.tasks.write_text(text.replace(old, "deadline: 每年12月底前\n    status: done\n"),
                             encoding="utf-8")
    event = export(example, tmp_path / "c.ics")[5]
    due = occurrences(example, 5)
    assert event["rrule"]["UNTIL"] == [due[-1]]
    assert expand(event, date(2030, 12, 31)) == due


def test_every_rule_phrase_in_the_calendar(example, tmp_path):
    tasks = example.tasks
    text = tasks.read_text(encoding="utf-8")
    text = (text.replace("deadline: 每月底", "deadline: 每月28日前")
                .replace("deadline: 每季度末", "deadline: 每半年")
                .replace("deadline: 每年12月底前", "deadline: 每年2月29日")
                .replace("- 2021-Q1 2021-03-31", "- 2021-H1 2021-06-30"))
    tasks.write_text(text, encoding="utf-8")
    events = export(example, tmp_path / "c.ics")
    assert events[3]["rrule"].to_ical().decode() == "FREQ=MONTHLY;BYMONTHDAY=28"
    assert events[4]["rrule"].to_ical().decode() == "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1"
    assert events[5]["rrule"].to_ical().decode() == "FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2"
    for task_id in (3, 4, 5):
        due = occurrences(example, task_id)
        assert events[task_id].decoded("dtstart") == due[0]
        assert expand(events[task_id], due[-1]) == due


RULES = st.one_of(
    st.builds(Rule, st.just(MONTH), st.none(), st.none() | st.integers(1, 31)),
    st.builds(Rule, st.sampled_from([QUARTER, HALF])),
    st.builds(Rule, st.just(YEAR), st.integers(1, 12), st.none() | st.integers(1, 31)),
)


@given(RULES, st.dates(date(2000, 1, 1), date(2030, 12, 31)))
def test_rrule_gives_exactly_gks_occurrences(rule, first):
    """Any rule gk reads, from any first day: six years of the RRULE, expanded by dateutil,
    are the due days recurrence.periods gives."""
    gk_days = []
    for _, due in periods(rule, first):
        if due.year > first.year + 5:
            break
        gk_days.append(due)
    start = gk_days[0]
    parts = {k: v for k, v in rrule_of(rule).items()}
    text = ";".join(f"{k.upper()}={','.join(map(str, v)) if isinstance(v, list) else str(v).upper()}"
                    for k, v in parts.items())
    expanded = rrulestr(text, dtstart=datetime(start.year, start.month, start.day))
    got = [d.date() for d in expanded.between(datetime(start.year, start.month, start.day),
                                              datetime(first.year + 5, 12, 31), inc=True)]
    assert got == gk_days
