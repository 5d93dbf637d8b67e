"""Write requests for the table over time: extensions (延期), meetings, and the checks
every dated write shares (``--on`` not in the future, nor before the notice was issued)."""

from __future__ import annotations

from datetime import date
from typing import Any

from gkcli import deadlines
from gkcli.changes import Change, _ids, one_more_extension
from gkcli.errors import GkError, Msg, OptionError
from gkcli.history import shown
from gkcli.model import Table
from gkcli.yamledit import TasksText


def check_on(table: Table, day: date, today: date) -> None:
    """Refuse a date after today or before the notice's issue date (a usage error)."""
    if day > today:
        raise OptionError("on_in_future", day=day.isoformat(), today=today.isoformat())
    issued = table.notice.issued
    if issued and day < issued:
        raise OptionError("on_before_notice", day=day.isoformat(), issued=issued.isoformat())


def extend(table: Table, ids: tuple[int, ...], to: str, reason: str, day: date, today: date,
           by: str | None = None) -> Change:
    """Extend the deadline of items to ``to``, keeping the original and recording
    (on, from, to, reason, by). An extension granted after the deadline it replaces is
    recorded, but does not count, and the user is told."""
    label = _ids(table, ids)
    check_on(table, day, today)
    reason = " ".join(reason.split())
    if not reason:
        raise GkError("reason_empty")
    to = to.strip()
    issued = table.notice.issued
    new = deadlines.resolve(to, issued.year if issued else None)
    said: list[tuple[str, dict[str, Any]]] = []
    for task_id in ids:
        task = table.find(task_id)
        if task.status == "done":
            raise GkError("extend_done", id=task_id,
                          day=task.done_on.isoformat() if task.done_on else "—")
        current = task.deadline.date
        if current is None:
            raise GkError("extend_ongoing", id=task_id)
        if new.date is not None and new.date <= current:
            raise GkError("extend_not_later", id=task_id, to=shown(to), current=shown(task.deadline.text))
        if day > current:
            said.append(("extend_late", {"id": task_id, "deadline": current.isoformat()}))

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            entry: dict[str, Any] = {"on": day, "from": table.find(task_id).deadline.text, "to": to,
                           "reason": reason}
            if by and by.strip():
                entry["by"] = by.strip()
            doc.append_mapping(task_id, "extensions", entry)

    return Change(Msg.of("commit.extend", items=label, to=shown(to), day=day.isoformat()), edit,
                  said=said,
                  changed={i: one_more_extension for i in ids})


def meeting(table: Table, day: date, today: date, title: str | None = None) -> Change:
    """Record a meeting of the leading group in tasks.yaml (a top-level ``meetings:`` list),
    in date order: before the first meeting held after its day, else at the end. The same meeting twice (the same
    day and title, or both without one) is refused."""
    check_on(table, day, today)
    entry: dict[str, Any] = {"on": day}
    name = " ".join((title or "").split())
    if name:
        entry["title"] = name

    def edit(doc: TasksText) -> None:
        """Where it goes is read under the lock, from the text actually read."""
        held = doc.top_level_entries("meetings")
        days = [_day(e.get("on")) for e in held]
        if any(on == day and " ".join(e.get("title", "").split()) == name
               for on, e in zip(days, held)):
            raise GkError("meeting_exists", day=day.isoformat(), title=shown(name or "—"))
        later = [n for n, on in enumerate(days) if on is not None and on > day]
        index = later[0] if later else len(held)  # before the first later one, else at the end
        doc.insert_top_level("meetings", index, entry, comment="# 会议（gk meeting 记录）")

    return Change(Msg.of("commit.meeting", day=day.isoformat()), edit)


def _day(text: str | None) -> date | None:
    try:
        return deadlines.read_date(text) if text else None
    except deadlines.DeadlineError:
        return None
