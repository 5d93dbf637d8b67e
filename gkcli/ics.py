"""Deadlines as an iCalendar file (RFC 5545), written with icalendar (imported only here).

One all-day VEVENT per item with a dated deadline: Outlook, WPS and UOS calendars show
events and ignore VTODO. An ongoing item (长期) has no date and no event. Each event's UID
is made from the notice number and the item id, so importing a newer export updates the
events instead of doubling them. icalendar does RFC 5545's escaping and line folding.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, time, timedelta, timezone

from gkcli import __version__, deadlines
from gkcli.documents import Feed
from gkcli.i18n import Words
from gkcli.query import Item

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(text: object) -> str:
    """Text as RFC 5545 allows it: line breaks kept (icalendar escapes them), other control
    characters replaced by U+FFFD."""
    return _CONTROL.sub("\ufffd", str(text).replace("\r\n", "\n").replace("\r", "\n"))


def uid(source: str, task_id: int) -> str:
    """Stable across exports: the same notice (number) and item give the same UID."""
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    return f"gk-{digest}-{task_id}"


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
    """The .ics file: one all-day event per dated deadline; with ``alarm_days``, a reminder
    that many days before each deadline not yet done."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", f"-//gk//gk {__version__}//{words.lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", clean(found.title or "gk"))
    stamp = datetime.combine(found.as_of, time(0, 0), tzinfo=timezone.utc)  # gk never reads the clock
    for item in found.rows:
        due = item.task.deadline.date
        if due is None:
            continue
        event = Event()
        event.add("uid", uid(found.uid_source, item.task.id))
        event.add("dtstamp", stamp)
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
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
