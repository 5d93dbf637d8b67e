"""The changes gk makes to items, and saving them (with a git commit when asked).

Each function checks its request against the table and returns a :class:`Change`:
the edit to apply to the text of tasks.yaml and the commit message that says what it
did. :func:`save` applies it through :mod:`gkcli.writer` and commits it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

from gkcli.errors import GkError
from gkcli.gitops import PREFIX
from gkcli.model import Table
from gkcli.store import TASKS_FILE, display_path
from gkcli.writer import Result
from gkcli.yamledit import TasksText


@dataclass
class Change:
    message: str  # also the commit message: "gk: #5 done (2021-06-28)"
    edit: Callable[[TasksText], None]


@dataclass
class Saved:
    result: Result
    commit: str | None = None  # short hash when committed


def _ids(table: Table, ids: tuple[int, ...] | list[int]) -> str:
    for task_id in ids:
        table.find(task_id)  # NotFound for an id the table does not have
    return " ".join(f"#{i}" for i in ids)


def office_name(table: Table, name: str) -> str:
    """The full name of an office typed by alias; unknown names go on to validation."""
    try:
        return table.offices.resolve(name, allow_group=True)
    except GkError:
        return name.strip()


def start(table: Table, ids: tuple[int, ...]) -> Change:
    label = _ids(table, ids)
    for task_id in ids:
        if table.find(task_id).status == "done":
            raise GkError(f"#{task_id} is done; use gk reopen {task_id} to take it up again")

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            doc.set_field(task_id, "status", "doing")

    return Change(f"{PREFIX}{label} started", edit)


def done(table: Table, ids: tuple[int, ...], day: date, today: date,
         cycle: str | None = None) -> Change:
    """Mark items done; a recurring item records one occurrence (``cycle``, else the current one)."""
    from gkcli.recurrence import done_entries

    label = _ids(table, ids)
    if day > today:
        raise GkError(f"--on {day.isoformat()} is after today ({today.isoformat()})")
    occurrences = done_entries(table, ids, day, cycle)

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            if task_id in occurrences:
                doc.append_to_list(task_id, "done_occurrences", occurrences[task_id])
                continue
            doc.set_field(task_id, "status", "done")
            doc.set_field(task_id, "done_on", day)

    which = "".join(f"; #{i} occurrence {e.split()[0]}" for i, e in occurrences.items())
    return Change(f"{PREFIX}{label} done ({day.isoformat()}){which}", edit)


def reopen(table: Table, ids: tuple[int, ...]) -> Change:
    label = _ids(table, ids)

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            doc.set_field(task_id, "status", "doing")
            doc.remove_field(task_id, "done_on")

    return Change(f"{PREFIX}{label} reopened", edit)


def note(table: Table, ids: tuple[int, ...], text: str, day: date) -> Change:
    label = _ids(table, ids)
    text = " ".join(text.split())
    if not text:
        raise GkError("the note is empty")
    entry = f"{day.isoformat()} {text}"

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            doc.append_to_list(task_id, "progress", entry)

    return Change(f"{PREFIX}{label} note ({day.isoformat()})", edit)


def correct(table: Table, ids: tuple[int, ...], fields: dict[str, Any], today: date) -> Change:
    """``gk set``: replace fields; a status of done records done_on, todo/doing clears it."""
    label = _ids(table, ids)
    if not fields:
        raise GkError("nothing to set")
    fields = dict(fields)
    if "lead" in fields:
        fields["lead"] = office_name(table, fields["lead"])
    if "assist" in fields:
        fields["assist"] = [office_name(table, a) for a in fields["assist"]]
    status = fields.get("status")

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            for key, value in fields.items():
                doc.set_field(task_id, key, value)
            if status == "done" and table.find(task_id).done_on is None:
                doc.set_field(task_id, "done_on", today)
            elif status in ("todo", "doing"):
                doc.remove_field(task_id, "done_on")

    what = ", ".join(f"{k} {'、'.join(v) if isinstance(v, list) else v}" for k, v in fields.items())
    return Change(f"{PREFIX}{label} set {what}", edit)


def add(table: Table, fields: dict[str, Any], today: date, task_id: int | None = None) -> Change:
    """A new item at the end; ``fields`` in file order (group, title, lead, assist, deadline, status)."""
    taken = [t.id for t in table.tasks]
    if task_id is None:
        task_id = max(taken, default=0) + 1
    elif task_id in taken:
        raise GkError(f"id {task_id} is taken (next free: {max(taken) + 1})")
    item = {"id": task_id, **fields}
    item["lead"] = office_name(table, item["lead"])
    item["assist"] = [office_name(table, a) for a in item.get("assist", [])]
    if item.get("status") == "done":
        item["done_on"] = today

    def edit(doc: TasksText) -> None:
        doc.add_item(item)

    return Change(f"{PREFIX}#{task_id} added", edit)


def remove(table: Table, ids: tuple[int, ...]) -> Change:
    label = _ids(table, ids)

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            doc.remove_item(task_id)

    return Change(f"{PREFIX}{label} removed", edit)


def undo(data_dir: Path) -> tuple[str, str]:
    """``gk undo``: revert gk's last commit of tasks.yaml, under the writers' lock.

    Returns (the reverted commit's subject, the new commit's short hash).
    """
    from gkcli import gitops, writer

    with writer.locked(data_dir):
        return gitops.undo(data_dir / TASKS_FILE)


def save(data_dir: Path, change: Change, dry_run: bool = False, commit: bool = False) -> Saved:
    """Apply ``change`` to tasks.yaml (see :func:`gkcli.writer.apply`) and commit it if asked.

    A gk commit holds gk's change and nothing else, so committing is refused while
    tasks.yaml has edits of its own that are not committed yet.
    """
    from gkcli import writer

    tasks = data_dir / TASKS_FILE
    if commit and not dry_run:
        from gkcli import gitops

        if gitops.repo_root(data_dir) is None:
            raise GkError(f"{display_path(data_dir)} is not in a git repository; "
                          "run without --commit (or set commit: false)")
        if gitops.uncommitted(tasks):
            raise GkError(f"{display_path(tasks)} has changes not yet committed; commit them "
                          "first, or run without --commit")
    result = writer.apply(data_dir, change.edit, dry_run=dry_run)
    saved = Saved(result)
    if commit and result.written:
        from gkcli import gitops

        saved.commit = gitops.commit(tasks, change.message)
    return saved
