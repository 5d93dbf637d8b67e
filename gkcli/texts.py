"""Message texts: the reminders pasted into WeChat, and gk check's problem lines. No rich."""

from __future__ import annotations

from typing import TextIO

from gkcli.errors import Problem
from gkcli.i18n import Words
from gkcli.report import Reminder, Reminders
from gkcli.tabular import dump_json, visible


def sender_line(found: Reminders, words: Words) -> str:
    """Who signs the reminders: the group office (said with the office it is attached to)."""
    if found.sender and found.attached_to:
        return words("rem.sender", attached=found.attached_to, office=found.sender)
    return found.sender


def reminder_text(rem: Reminder, found: Reminders, words: Words) -> str:
    """A message to paste into WeChat: who, which items, how late, and the office's part."""
    people = "、".join(p.name for p in rem.people)
    lines = [words("rem.office", office=rem.office) + (words("rem.people", people=people) if people else "")]
    source = words("rem.source", title=found.title)
    if found.number:
        source += words("aside", text=found.number)
    day = found.as_of
    when = words("rem.date", year=day.year, month=day.month, day=day.day, iso=day.isoformat())
    if rem.items:
        lines.append(words("rem.intro", source=source, date=when))
    for n, (item, role) in enumerate(rem.items, start=1):
        title = item.task.title  # gk --all: which notice the item is of
        if item.notice:
            title += words("aside", text=item.notice)
        lines.append(words("rem.item", n=n, part=words("part." + role), id=item.task.id,
                           title=title, deadline=item.task.deadline.text,
                           days=words.days(item.days_left, item.workdays_left)))
    if rem.reports:  # the reports it owes, when tasks.yaml declares reporting:
        from gkcli.calendar_view import reminder_lines

        lines.append(words("rpt.remind_head") if rem.items
                     else words("rpt.remind_intro", source=source, date=when))
        lines.extend(reminder_lines(rem.reports, day, words))
    sender = sender_line(found, words)
    if sender:
        lines.append(sender)
    return "\n".join(lines)


def reminder_json(rem: Reminder, message: str) -> dict:
    return {
        "office": rem.office,
        "people": [p.name for p in rem.people],
        "items": [{**item.as_json(), "role": role} for item, role in rem.items],
        "message": message,
        "reports": [r.as_json() for r in rem.reports],
    }


def reminders_text(found: Reminders, words: Words, out: TextIO) -> None:
    if not found.reminders:
        out.write(words("nothing_to_remind") + "\n")
        return
    text = "\n\n".join(reminder_text(r, found, words) for r in found.reminders)
    out.write(visible(text) + "\n")  # control characters in a title shown, not obeyed


def reminders_json(found: Reminders, words: Words, out: TextIO) -> None:
    dump_json([reminder_json(r, reminder_text(r, found, words)) for r in found.reminders], out)


def problems(found: list[Problem], words: Words, out: TextIO) -> None:
    for problem in found:
        out.write(f"{problem.text(words)}\n")
