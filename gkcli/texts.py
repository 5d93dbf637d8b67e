"""Message texts: the reminders pasted into WeChat, and gk check's problem lines. No rich."""

from __future__ import annotations

from typing import TextIO

from gkcli.errors import Problem
from gkcli.i18n import Words
from gkcli.report import Reminder, Reminders
from gkcli.tabular import dump_json


def sender_line(found: Reminders, words: Words) -> str:
    """Who signs the reminders: the group office (said with the office it is attached to)."""
    if found.sender and found.attached_to:
        return words("rem.sender", attached=found.attached_to, office=found.sender)
    return found.sender


UNIT_ENDINGS = ("大队", "中队", "站", "所")  # not a 股室: addressed as 贵单位


def you(office: str, words: Words) -> str:
    """贵股室 for a 股室, 贵单位 for a 大队, 中队, 站 or 所."""
    return words("rem.you.unit" if office.endswith(UNIT_ENDINGS) else "rem.you.office")


def latest_note(item) -> str:
    """The item's latest progress note, without its date, for quoting."""
    if not item.task.progress:
        return ""
    note = item.task.progress[-1]
    first, _, rest = note.partition(" ")
    return rest if rest and first[:1].isdigit() else note


def reminder_parts(rem: Reminder, found: Reminders, words: Words) -> tuple[str, str, list[str], str]:
    """(addressee, opening sentence, one text per item, sender) of one office's reminder."""
    people = "、".join(p.name for p in rem.people)
    head = words("rem.office", office=rem.office) + (
        words("rem.people", people=people) if people else words("rem.nobody"))
    source = words("rem.source", title=found.title)
    if found.number:
        source += words("aside", text=found.number)
    day = found.as_of
    intro = words("rem.intro", source=source, you=you(rem.office, words),
                  date=words("rem.date", year=day.year, month=day.month, day=day.day,
                             iso=day.isoformat()))
    items = []
    for item, role in rem.items:
        text = words("rem.item", part=words("part." + role), id=item.task.id, title=item.task.title,
                     deadline=item.task.deadline.text, days=words.days(item.days_left))
        note = latest_note(item)
        if note:
            text += "\n" + words("rem.note", note=note)
        items.append(text)
    return head, intro, items, sender_line(found, words)


def reminder_text(rem: Reminder, found: Reminders, words: Words) -> str:
    """A message to paste into WeChat as it is: who, which items, how late, the office's part."""
    head, intro, items, sender = reminder_parts(rem, found, words)
    return "\n".join([head, intro, *items, *([sender] if sender else [])])


def reminder_md(rem: Reminder, found: Reminders, words: Words) -> str:
    head, intro, items, sender = reminder_parts(rem, found, words)
    lines = [f"### {head}", "", intro, ""]
    for text in items:
        first, *rest = text.split("\n")
        lines.append(f"- {first}")
        lines.extend(f"  > {r.strip()}" for r in rest)
    if sender:
        lines += ["", sender]
    return "\n".join(lines)


def reminder_json(rem: Reminder, message: str) -> dict:
    return {
        "office": rem.office,
        "people": [p.name for p in rem.people],
        "items": [{**item.as_json(), "role": role} for item, role in rem.items],
        "message": message,
    }


def reminders_text(found: Reminders, words: Words, out: TextIO) -> None:
    if not found.reminders:
        out.write(words("nothing_to_remind") + "\n")
        return
    out.write("\n\n".join(reminder_text(r, found, words) for r in found.reminders) + "\n")


def reminders_md(found: Reminders, words: Words, out: TextIO) -> None:
    if not found.reminders:
        out.write(words("nothing_to_remind") + "\n")
        return
    out.write("\n\n".join(reminder_md(r, found, words) for r in found.reminders) + "\n")


def reminders_json(found: Reminders, words: Words, out: TextIO) -> None:
    dump_json([reminder_json(r, reminder_text(r, found, words)) for r in found.reminders], out)


def problems(found: list[Problem], words: Words, out: TextIO) -> None:
    for problem in found:
        out.write(f"{problem.text(words)}\n")
