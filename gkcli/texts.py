"""Message texts: the reminders pasted into WeChat, and gk check's problem lines. No rich."""

from __future__ import annotations

from typing import TextIO

from gkcli.deadlines import KIND_DAYS, KIND_WORKDAYS
from gkcli.errors import Problem
from gkcli.i18n import Words
from gkcli.report import Reminder, Reminders
from gkcli.tabular import dump_json, visible


def sender_line(found: Reminders, words: Words) -> str:
    """Who signs the reminders: the group office (said with the office it is attached to)."""
    if found.sender and found.attached_to:
        return words("rem.sender", attached=found.attached_to, office=found.sender)
    return found.sender


UNIT_ENDINGS = ("大队", "中队", "站", "所")  # not a 股室: addressed as 贵单位


def you(office: str, words: Words) -> str:
    """贵股室 for a 股室, 贵单位 for a 大队, 中队, 站 or 所: in the text reminder and in the
    Word 催办通知单 alike."""
    return words("rem.you.unit" if office.endswith(UNIT_ENDINGS) else "rem.you.office")


SHOWN_NOTICES = 3  # a reminder names up to this many notices by title, more by number alone


def source_of(rem: Reminder, found: Reminders, words: Words) -> str:
    """The notices a reminder is "根据": the table's 《name》（文号）; with gk --all, those of the
    notices its items and reports are of, the same way, or beyond a few their 文号 (…号、…号文件)."""
    if not found.notices:
        return _named(found.title, found.number, words)
    present = {item.notice for item, _ in rem.items} | {row.notice for row in rem.reports}
    chosen = [found.notices[n] for n in found.notices if n in present] or list(found.notices.values())
    if len(chosen) <= SHOWN_NOTICES:
        return words("list_sep").join(_named(title, number, words) for title, number in chosen)
    numbers = [number or words("rem.source", title=title) for title, number in chosen]
    return words("rem.numbers", numbers=words("list_sep").join(numbers))


def _named(title: str, number: str, words: Words) -> str:
    source = words("rem.source", title=title)
    return source + words("aside", text=number) if number else source


def deadline_text(item, words: Words) -> str:
    """The deadline as written; for a period (10个工作日内, 30日内), with the day it ends."""
    deadline = item.task.deadline
    if deadline.kind not in (KIND_WORKDAYS, KIND_DAYS) or deadline.date is None:
        return deadline.text
    day = deadline.date
    return words("rem.deadline_by", text=deadline.text, date=words(
        "rem.date", year=day.year, month=day.month, day=day.day, iso=day.isoformat()))


def latest_note(item) -> str:
    """The item's latest progress note, without its date, for quoting."""
    if not item.task.progress:
        return ""
    note = item.task.progress[-1]
    first, _, rest = note.partition(" ")
    return rest if rest and first[:1].isdigit() else note


def reminder_parts(rem: Reminder, found: Reminders, words: Words) -> tuple[str, list[str], str]:
    """(addressee, the lines of the body, sender) of one office's reminder: the opening
    sentence, one text per item (its latest progress note quoted), and the reports owed."""
    people = "、".join(p.name for p in rem.people)
    head = words("rem.office", office=rem.office) + (
        words("rem.people", people=people) if people else words("rem.nobody"))
    source = source_of(rem, found, words)
    day = found.as_of
    when = words("rem.date", year=day.year, month=day.month, day=day.day, iso=day.isoformat())
    body = []
    if rem.items:
        body.append(words("rem.intro", source=source, you=you(rem.office, words), date=when))
    for item, role in rem.items:
        title = item.task.title  # gk --all: which notice the item is of
        if item.notice:
            title += words("aside", text=item.notice)
        text = words("rem.item", part=words("part." + role), id=item.task.id, title=title,
                     deadline=deadline_text(item, words),
                     days=words.days(item.days_left, item.workdays_left))
        note = latest_note(item)
        if note:
            text += "\n" + words("rem.note", note=note)
        body.append(text)
    if rem.reports:  # the reports it owes, when tasks.yaml declares reporting:
        from gkcli.calendar_view import reminder_lines

        body.append(words("rpt.remind_head") if rem.items
                    else words("rpt.remind_intro", source=source, date=when))
        body.extend(reminder_lines(rem.reports, day, words))
    return head, body, sender_line(found, words)


def reminder_text(rem: Reminder, found: Reminders, words: Words) -> str:
    """A message to paste into WeChat as it is: who, which items, how late, the office's part."""
    head, body, sender = reminder_parts(rem, found, words)
    return "\n".join([head, *body, *([sender] if sender else [])])


def reminder_md(rem: Reminder, found: Reminders, words: Words) -> str:
    head, body, sender = reminder_parts(rem, found, words)
    lines = [f"### {head}", ""]
    for n, text in enumerate(body):
        first, *rest = text.split("\n")
        if n == 0 and rem.items:
            lines += [first, ""]
            continue
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
        "reports": [r.as_json() for r in rem.reports],
    }


def reminders_text(found: Reminders, words: Words, out: TextIO) -> None:
    if not found.reminders:
        out.write(words("nothing_to_remind") + "\n")
        return
    text = "\n\n".join(reminder_text(r, found, words) for r in found.reminders)
    out.write(visible(text) + "\n")  # control characters in a title shown, not obeyed


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


# --- gk undo ------------------------------------------------------------------------------------

def _when(entry) -> str:
    return entry.time[:16].replace("T", " ") if entry.time else "—"


def undone(done, words: Words, out: TextIO) -> None:
    """What gk undo did, or with --dry-run would do (the diff, then what it would commit)."""
    from gkcli.store import display_path

    subject = done.entry.said(words.lang)
    path = display_path(done.path)
    if done.skipped:
        key = "undo_would_skip" if done.dry_run else "undo_skipped"
        out.write(words.message(key, {"subject": subject, "time": _when(done.entry)}) + "\n")
        return
    if done.dry_run and done.already:  # as the real run would say it
        key = "undo_would_already_gone" if done.gone else "undo_would_already"
        out.write(words.message(key, {"subject": subject, "path": path}) + "\n")
        return
    if done.dry_run:
        out.write(words.message("undo_would", {"subject": subject, "time": _when(done.entry)}) + "\n")
        out.write(done.diff)
        if done.would_commit:
            out.write(words.message("undo_would_commit") + "\n")
        elif done.file_only is not None:
            out.write(words.message("undo_would_file", {"why": done.file_only}) + "\n")
        else:
            out.write(words.message("undo_would_plain") + "\n")
        return
    if done.commit:
        out.write(words("undone", subject=subject, sha=done.commit) + "\n")
        return
    if done.already and done.gone:  # reset or amended away, and the file agrees: nothing to do
        out.write(words.message("undone_already_gone", {"subject": subject, "path": path}) + "\n")
        return
    key = "undone_already" if done.already else "undone_file_kept" if done.kept_edits else "undone_file"
    out.write(words.message(key, {"subject": subject, "path": path}) + "\n")
    if done.gone:  # no hash she could look for: it is not in her history
        out.write(words.message("undone_gone_not_committed") + "\n")
    elif done.file_only is not None and not done.already:
        out.write(words.message("undone_not_committed", {"sha": done.entry.commit[:7],
                                                         "why": done.file_only}) + "\n")


def undo_list(found, words: Words, out: TextIO) -> None:
    """gk undo --list: the journal, newest first; → marks what gk undo takes back next."""
    from gkcli.store import display_path

    path = display_path(found.path)
    if not found.rows:
        key = "undo_list_empty_dropped" if found.dropped else "undo_list_empty"
        out.write(words.message(key, {"path": path, "count": found.dropped, "limit": _limit()}) + "\n")
        return
    out.write(words.message("undo_list_head", {"path": path}) + "\n")
    for row in found.rows:
        entry = row.entry
        tags = ""
        if entry.commit and row.gone:  # reset or amended away: no hash she could look for
            tags += words.message("undo_tag.gone")
        elif entry.commit:
            tags += words.message("undo_tag.commit", {"sha": entry.commit[:7]})
        if row.state in ("undone", "skipped"):
            tags += words.message(f"undo_tag.{row.state}")
        mark = "→" if row.state == "next" else " "
        out.write(f"{mark} {entry.n:>3}  {_when(entry)}  {visible(entry.said(words.lang))}{tags}\n")
    if found.dropped:
        out.write(words.message("undo_list_dropped", {"count": found.dropped,
                                                      "limit": _limit()}) + "\n")


def _limit() -> int:
    from gkcli.journal import MAX_ENTRIES

    return MAX_ENTRIES
