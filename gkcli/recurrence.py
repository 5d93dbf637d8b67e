"""Recurring deadlines (每月底, 每月28日前, 每季度末, 每半年, 每年12月底前) and their occurrences.

A recurring deadline repeats once a period — a month, a quarter, a half year or a year —
and each repetition (an *occurrence*) is named by its period: ``2021-06``, ``2021-Q2``,
``2021-H1``, ``2021``. The first occurrence is the first one due on or after the item's
``start`` (else the notice's issue date).

An item is judged at its *current* occurrence as of a day: the last one that fell due
before that day, if it was missed; otherwise the next one not yet done. Completions are
kept in the item as a dated list, one entry per occurrence::

    done_occurrences:
      - 2021-06 2021-06-25     # occurrence, the day it was done
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from gkcli.model import Table

MONTH, QUARTER, HALF, YEAR = "month", "quarter", "half", "year"
MONTHS_IN = {MONTH: 1, QUARTER: 3, HALF: 6, YEAR: 12}

ON_TIME, LATE, MISSED, PENDING = "on_time", "late", "missed", "pending"

_NUM = r"[0-9〇零一二两三四五六七八九十]+"
_SUFFIXES = ("之前", "以前", "前", "完成", "报送", "反馈", "上报", "一次")


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str, int | None], ...]:
    """Compiled on first use: a table without recurring deadlines never pays for them."""
    return (
        (re.compile(r"^每个?月(?:月)?(?:底|末)$"), MONTH, None),
        (re.compile(rf"^每个?月(?P<day>{_NUM})[日号]$"), MONTH, None),
        (re.compile(r"^每个?季度?(?:末|底|最后一个月底|结束)?$"), QUARTER, None),
        (re.compile(r"^每半年(?:末|底|一次)?$"), HALF, None),
        (re.compile(r"^每年(?:底|末|年底|年末)$"), YEAR, 12),
        (re.compile(rf"^每年(?P<month>{_NUM})月(?:底|末)?$"), YEAR, None),
        (re.compile(rf"^每年(?P<month>{_NUM})月(?P<day>{_NUM})[日号]$"), YEAR, None),
    )


_LABEL = r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})|Q(?P<q>[1-4])|H(?P<h>[12])))?$"


@dataclass(frozen=True)
class Rule:
    """How often (``every``) and on which day of its period an occurrence is due."""

    every: str
    month: int | None = None  # month of the year, for yearly rules
    day: int | None = None  # day of the month; None is the period's last day

    def due(self, year: int, index: int) -> date:
        """The due day of the ``index``-th period (0-based) of ``year``."""
        months = MONTHS_IN[self.every]
        month = self.month if self.every == YEAR and self.month else (index + 1) * months
        last = calendar.monthrange(year, month)[1]
        return date(year, month, min(self.day, last) if self.day else last)

    def label(self, year: int, index: int) -> str:
        if self.every == MONTH:
            return f"{year}-{index + 1:02d}"
        if self.every == QUARTER:
            return f"{year}-Q{index + 1}"
        if self.every == HALF:
            return f"{year}-H{index + 1}"
        return str(year)

    def opens(self, label: str) -> date:
        """The first day of the period ``label`` (a label this rule accepts) names."""
        m = re.match(_LABEL, label)
        assert m is not None, label  # callers pass labels is_label accepted
        year = int(m["year"])
        month = (int(m["month"]) if m["month"] else (int(m["q"]) - 1) * 3 + 1 if m["q"]
                 else (int(m["h"]) - 1) * 6 + 1 if m["h"] else 1)
        return date(year, month, 1)

    def check_open(self, label: str, day: date) -> None:
        """Refuse to record ``label`` on ``day`` when its period has not begun by then."""
        from gkcli.errors import GkError

        opens = self.opens(label)
        if opens > day:
            raise GkError("cycle_not_open", cycle=label, opens=opens.isoformat(), on=day.isoformat())

    def is_label(self, text: str) -> bool:
        m = re.match(_LABEL, text)
        if not m:
            return False
        kind = MONTH if m["month"] else QUARTER if m["q"] else HALF if m["h"] else YEAR
        return kind == self.every and (not m["month"] or 1 <= int(m["month"]) <= 12)


def parse(text: str) -> Rule | None:
    """The rule of a recurring phrase (already normalised), or None when it is not one."""
    from gkcli.deadlines import _cn_number

    if not text.startswith("每"):
        return None
    core = text
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if core.endswith(suffix) and len(core) > len(suffix) + 1:
                core, changed = core[: -len(suffix)], True
    for pattern, every, month in _patterns():
        m = pattern.match(core)
        if not m:
            continue
        groups = m.groupdict()
        try:
            day = _cn_number(groups["day"]) if groups.get("day") else None
            month = _cn_number(groups["month"]) if groups.get("month") else month
        except KeyError:
            return None
        if (day is not None and not 1 <= day <= 31) or (month is not None and not 1 <= month <= 12):
            return None
        return Rule(every, month if every == YEAR else None, day)
    return None


@dataclass(frozen=True)
class Occurrence:
    label: str
    due: date
    done_on: date | None = None

    def state(self, today: date) -> str:
        if self.done_on is not None:
            return ON_TIME if self.done_on <= self.due else LATE
        return MISSED if self.due < today else PENDING

    def as_json(self, state: str) -> dict[str, str | None]:
        """``state`` is :meth:`state` as of the day asked about."""
        return {"occurrence": self.label, "due": self.due.isoformat(),
                "done_on": self.done_on.isoformat() if self.done_on else None, "state": state}


def periods(rule: Rule, first: date) -> Iterator[tuple[str, date]]:
    """(label, due) of every occurrence due on or after ``first``, in order, without end."""
    per_year = 12 // MONTHS_IN[rule.every]
    year, index = first.year, (first.month - 1) // MONTHS_IN[rule.every]
    if rule.every == YEAR:
        index = 0
    while True:
        due = rule.due(year, index)
        if due >= first:
            yield rule.label(year, index), due
        index += 1
        if index >= per_year:
            year, index = year + 1, 0


@dataclass(frozen=True)
class Schedule:
    """The occurrences of a recurring deadline up to the current one, as of a day."""

    occurrences: tuple[Occurrence, ...]
    current: Occurrence | None  # None when nothing remains (cannot happen: rules never end)


def schedule(rule: Rule, first: date, today: date, done: dict[str, date]) -> Schedule:
    """Every occurrence from ``first`` through the current one as of ``today``."""
    found: list[Occurrence] = []
    last_past: Occurrence | None = None
    for label, due in periods(rule, first):
        occ = Occurrence(label, due, done.get(label))
        found.append(occ)
        if due < today:
            last_past = occ
            continue
        if last_past is not None and last_past.done_on is None:
            return Schedule(tuple(found), last_past)  # the last one missed
        if occ.done_on is None:
            return Schedule(tuple(found), occ)  # the one due next
        last_past = None  # done early: look at the next one
    raise AssertionError("unreachable: periods() never ends")


def current_label(rule: Rule, first: date, day: date, done: dict[str, date]) -> str:
    """The occurrence a completion on ``day`` is for, by default."""
    found = schedule(rule, first, day, done).current
    assert found is not None
    return found.label


def done_entries(table: Table, ids: Iterable[int], day: date, cycle: str | None = None) -> dict[int, str]:
    """``gk done`` on recurring items: the ``done_occurrences`` entry to add, per item id.

    Each records one occurrence — ``cycle`` if given, else the current one as of ``day`` —
    and refuses one already recorded.
    """
    from gkcli.errors import GkError

    entries: dict[int, str] = {}
    for task_id in ids:
        task = table.find(task_id)
        rule = task.deadline.rule
        if rule is None:
            if cycle is not None:
                raise GkError("occurrence_not_recurring", id=task_id)
            continue
        done = dict(task.done_occurrences)
        if cycle is None:
            first = task.start or table.notice.issued
            assert first is not None  # the loader refuses a recurring item with neither (needs_start)
            label = current_label(rule, first, day, done)
        elif rule.is_label(cycle):
            rule.check_open(cycle, day)
            label = cycle
        else:
            raise GkError("bad_cycle", cycle=cycle[:20], every=task.deadline.text[:40],
                          example=rule.label(day.year, 0))
        if label in done:
            raise GkError("occurrence_done", id=task_id, label=label, on=done[label].isoformat())
        entries[task_id] = f"{label} {day.isoformat()}"
    return entries
