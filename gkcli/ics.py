"""Deadlines as an iCalendar file (RFC 5545), written with icalendar (imported only here).

One all-day VEVENT per item with a dated deadline: Outlook, WPS and UOS calendars show
events and ignore VTODO. An ongoing item (长期) has no date and no event. Each event's UID
is made from the notice number and the item id, so importing a newer export updates the
events instead of doubling them. icalendar does RFC 5545's escaping and line folding.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, time, timedelta, timezone

from gkcli import __version__, deadlines
from gkcli.i18n import days_phrase, state_word, status_word, t
from gkcli.model import Table
from gkcli.query import Item

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: object) -> str:
    """Text as RFC 5545 allows it: line breaks kept (icalendar escapes them), other control
    characters replaced by U+FFFD."""
    return _CONTROL.sub("\ufffd", str(text).replace("\r\n", "\n").replace("\r", "\n"))


def uid(table: Table, task_id: int) -> str:
    """Stable across exports: the same notice and item give the same UID."""
    source = table.notice.number or table.notice.table or table.notice.title
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    return f"gk-{digest}-{task_id}"


def summary_of(item: Item, lang: str) -> str:
    title = t(lang, "ics.summary", id=item.task.id, title=item.task.title)
    if item.state == deadlines.DONE:
        return t(lang, "ics.done_prefix") + title
    return title


def description_of(table: Table, item: Item, lang: str) -> str:
    task = item.task
    sep = "：" if lang == "zh" else ": "
    people = "、".join(p.name for p in item.lead_people) or t(lang, "none")
    state = state_word(lang, item.state)
    if item.state != deadlines.DONE and item.days_left is not None:
        state += f"（{days_phrase(lang, item.days_left)}）" if lang == "zh" else f" ({days_phrase(lang, item.days_left)})"
    lines = [
        (t(lang, "group"), item.group_title),
        (t(lang, "lead"), task.lead),
        (t(lang, "people"), people),
        (t(lang, "assist"), "、".join(task.assist) or t(lang, "none")),
        (t(lang, "deadline"), task.deadline.text),
        (t(lang, "status"), status_word(lang, task.status)),
        (t(lang, "state"), state),
    ]
    if task.progress:
        lines.append((t(lang, "progress"), task.progress[-1]))
    if table.notice.number:
        lines.append((t(lang, "ics.source"), table.notice.number))
    return "\n".join(f"{label}{sep}{value}" for label, value in lines)


def calendar_bytes(table: Table, rows: list[Item], today: date, lang: str,
                   alarm_days: int | None = None) -> bytes:
    """The .ics file: one all-day event per dated deadline; with ``alarm_days``, a reminder
    that many days before each deadline not yet done."""
    from icalendar import Alarm, Calendar, Event

    name = table.notice.table or table.notice.title or "gk"
    cal = Calendar()
    cal.add("prodid", f"-//gk//gk {__version__}//{'ZH' if lang == 'zh' else 'EN'}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean(name))
    stamp = datetime.combine(today, time(0, 0), tzinfo=timezone.utc)  # gk never reads the clock
    for item in rows:
        due = item.task.deadline.date
        if due is None:
            continue
        event = Event()
        event.add("uid", uid(table, item.task.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        event.add("summary", clean(summary_of(item, lang)))
        event.add("description", clean(description_of(table, item, lang)))
        event.add("categories", [clean(item.task.lead)])
        event.add("transp", "TRANSPARENT")
        if alarm_days is not None and item.state != deadlines.DONE:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", timedelta(days=-alarm_days))
            alarm.add("description", clean(summary_of(item, lang)))
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()
