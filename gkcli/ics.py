"""Deadlines as an iCalendar file (RFC 5545), written with icalendar (imported only here).

One all-day VEVENT per item with a dated deadline: Outlook, WPS and UOS calendars show
events and ignore VTODO. An ongoing item (长期) has no date and no event. A recurring
deadline (每月底, 每季度末, …) is one event too: DTSTART at its first occurrence and an
RRULE the calendar expands into every occurrence (:func:`rrule_of`). Each event's UID
is made from the notice number and the item id, so importing a newer export updates the
events instead of doubling them. icalendar does RFC 5545's escaping and line folding.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING

from gkcli import __version__, deadlines
from gkcli.documents import Feed
from gkcli.i18n import Words
from gkcli.query import Item

if TYPE_CHECKING:
    from gkcli.recurrence import Rule

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: object) -> str:
    """Text as RFC 5545 allows it: line breaks kept (icalendar escapes them), other control
    characters replaced by U+FFFD, and a backslash written as the full-width ＼ — icalendar 7
    writes a title's literal ``\\N`` as an escaped line break, so a calendar would show a
    line break where the title has none."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\\", "\uff3c")
    return _CONTROL.sub("\ufffd", text)


def uid(source: str, task_id: int) -> str:
    """Stable across exports: the same notice (number) and item give the same UID."""
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    return f"gk-{digest}-{task_id}"


def _month_day(day: int | None, longest: int) -> dict[str, list[int]]:
    """BYMONTHDAY (and BYSETPOS) for gk's due day ``min(day, the month's last day)`` in
    months of at most ``longest`` days (every month: 31; February: 29)."""
    if day is None or day >= longest:
        return {"bymonthday": [-1]}  # the last day of the month
    if day <= 28:
        return {"bymonthday": [day]}  # a day every month has
    # 29 or 30 in a month that may be shorter: a plain BYMONTHDAY=30 would skip February
    # (RFC 5545), where gk falls due on its last day. The last of the days 28..day that the
    # month has is exactly min(day, last day).
    return {"bymonthday": list(range(28, day + 1)), "bysetpos": [-1]}


def rrule_of(rule: Rule) -> dict[str, object]:
    """The RRULE of a recurring deadline, its occurrences exactly as gk computes them
    (:meth:`gkcli.recurrence.Rule.due`), from a DTSTART at the first occurrence.

    Every rule gk reads has one: monthly on day D or the last day, quarterly and half-yearly
    on the period's last day (every 3 or 6 months from the first), yearly in month M on day D
    or the last day. No rule needs its occurrences written out as separate events.
    """
    from gkcli.recurrence import MONTH, MONTHS_IN, YEAR

    if rule.every == YEAR:
        month = rule.month or 12
        return {"freq": "yearly", "bymonth": [month],
                **_month_day(rule.day, calendar_days(month))}
    found: dict[str, object] = {"freq": "monthly"}
    if rule.every != MONTH:
        found["interval"] = MONTHS_IN[rule.every]
    return {**found, **_month_day(rule.day, 31)}


def calendar_days(month: int) -> int:
    """The most days ``month`` ever has (February: 29)."""
    import calendar as months

    return months.monthrange(2000, month)[1]  # 2000 is a leap year


def first_day(item: Item) -> date | None:
    """The day of an item's event: its deadline; a recurring one's first occurrence (the
    RRULE gives the rest); None for an ongoing item (长期), which has no event."""
    if item.task.deadline.rule is not None and item.occurrences:
        return item.occurrences[0][0].due
    return item.task.deadline.date


def summary_of(item: Item, words: Words) -> str:
    title = words("ics.summary", id=item.task.id, title=item.task.title)
    if item.state == deadlines.DONE:
        return words("ics.done_prefix") + title
    return title


def description_of(found: Feed, item: Item, words: Words) -> str:
    task = item.task
    if item.state == deadlines.DONE:
        from gkcli.summary_text import done_state

        state = done_state(item, words)
    else:
        state = words.state(item.state)
    if item.state != deadlines.DONE and item.days_left is not None:
        state += words("aside", text=words.days(item.days_left))
    lines = [
        (words("group"), item.group_title),
        (words("lead"), task.lead),
        (words("people"), "、".join(p.name for p in item.lead_people) or words("none")),
        (words("assist"), "、".join(task.assist) or words("none")),
        (words("deadline"), task.deadline.text),
        (words("status"), words.status(task.status)),
        (words("state"), state),
    ]
    if task.progress:
        lines.append((words("progress"), task.progress[-1]))
    if found.number:
        lines.append((words("ics.source"), found.number))
    return "\n".join(f"{label}{words('sep')}{value}" for label, value in lines)


def calendar(found: Feed, words: Words) -> bytes:
    """The .ics file: one all-day event per dated deadline, a recurring one repeating by its
    RRULE; with ``alarm_days``, a reminder that many days before each deadline not yet done
    (before every occurrence of a recurring one)."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", f"-//gk//gk {__version__}//{words.lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean(found.title or "gk"))
    stamp = datetime.combine(found.as_of, time(0, 0), tzinfo=timezone.utc)  # gk never reads the clock
    for item in found.rows:
        due = first_day(item)
        rule = item.task.deadline.rule
        if due is None:
            continue
        event = Event()
        event.add("uid", uid(found.uid_source, item.task.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        if rule is not None:
            repeat = rrule_of(rule)
            if item.state == deadlines.DONE and item.occurrences:  # the whole item is done:
                repeat["until"] = item.occurrences[-1][0].due  # the series stops repeating
            event.add("rrule", repeat)
        event.add("summary", clean(summary_of(item, words)))
        event.add("description", clean(description_of(found, item, words)))
        event.add("categories", [clean(item.task.lead)])
        event.add("transp", "TRANSPARENT")
        if found.alarm_days is not None and item.state != deadlines.DONE:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", timedelta(days=-found.alarm_days))
            alarm.add("description", clean(summary_of(item, words)))
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()
