"""The table as it stood at the end of a day.

The rule: *the items, their titles, offices and deadlines are those recorded by that day;
the facts are those that had happened by that day, even when recorded later.*

- In git, the structure comes from the version of tasks.yaml committed last on or before
  the day, and the dated facts (``done_on``, progress notes, extensions, meetings) from the
  newest committed version that has the item, kept when dated on or before the day.
  Edits not committed yet count only for today.
- Outside git, or before the file's first commit, the current file is used with the same
  date filter, and :attr:`AsOf.note` says so.
- For today (or later) the current file is the table, with the date filter, and git is not run.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from gkcli import store
from gkcli.history import History, Rec, Snapshot, note_date
from gkcli.model import Extension, Meeting, Table, Task, in_force


@dataclass(frozen=True)
class Facts:
    """The dated facts of an item, from the newest version that has it."""

    status: str
    done_on: date | None
    progress: tuple[str, ...]
    extensions: tuple[Extension, ...]


@dataclass
class AsOf:
    table: Table
    note: tuple[str, dict] | None = None  # a catalogue key and values, said on stderr
    version: str | None = None  # short commit the structure comes from


def facts_of(item: Task | Rec) -> Facts:
    return Facts(item.status, item.done_on, tuple(item.progress), tuple(item.extensions))


def settle(task: Task, facts: Facts, day: date) -> Task:
    """``task`` (its structure) with the facts that had happened by the end of ``day``."""
    status, done_on = task.status, None
    if facts.status == "done" and facts.done_on is not None:
        if facts.done_on <= day:
            status, done_on = "done", facts.done_on
        elif status == "done":
            status = "doing"
    elif facts.status == "done":
        done_on = task.done_on if status == "done" else None
    elif status == "done":  # reopened since: the newest version says it is not done
        status = facts.status or "doing"
    undated = set(p for p in task.progress if note_date(p) is None)
    progress = tuple(p for p in facts.progress
                     if (note_date(p) is not None and note_date(p) <= day) or p in undated)
    extensions = [e for e in facts.extensions if e.on <= day]
    original = task.original
    deadline, marked = in_force(original, extensions)
    return replace(task, status=status, done_on=done_on, progress=progress, deadline=deadline,
                   deadline_original=original if marked else None, extensions=marked)


def filtered(table: Table, day: date, meetings: tuple[Meeting, ...] | None = None,
             facts: dict[int, Facts] | None = None) -> Table:
    """``table`` with every fact dated after ``day`` taken away (and ``facts`` where given)."""
    facts = facts or {}
    tasks = [settle(t, facts.get(t.id) or facts_of(t), day) for t in table.tasks]
    held = tuple(m for m in (table.meetings if meetings is None else meetings) if m.on <= day)
    return replace(table, tasks=tasks, meetings=held)


def table_as_of(data_dir: Path, day: date, today: date, current: Table | None = None,
                history: History | None = None) -> AsOf:
    """The table as it stood at the end of ``day``; ``today`` is the real today."""
    current = current or store.load_table(data_dir)
    if day >= today:
        return AsOf(filtered(current, day))
    history = history or History(data_dir)
    if not history.in_git:
        return AsOf(filtered(current, day), ("asof_no_git", {"day": day.isoformat()}))
    if not history.versions:
        return AsOf(filtered(current, day), ("asof_no_history", {"day": day.isoformat()}))
    built = structure_on(history, day, current)
    if built is None:
        first = history.versions[-1].day.isoformat()
        return AsOf(filtered(current, day),
                    ("asof_before_history", {"day": day.isoformat(), "first": first}))
    index, structure = built
    return AsOf(with_facts(history, index, structure, day), version=history.versions[index].short)


def structure_on(history: History, day: date, current: Table) -> tuple[int, Table] | None:
    """(index, table) of the newest version committed on or before ``day`` that validates."""
    start = history.index_on(day)
    if start is None:
        return None
    path = store.display_path(data_path(history))
    for index in range(start, len(history.versions)):
        version = history.versions[index]
        table, problems = store.validate_tasks_text(history.text(version), path)
        if table is not None and not problems:
            table.roster = current.roster
            table.tasks_path = current.tasks_path
            table.roster_path = current.roster_path
            return index, table
    return None


def data_path(history: History) -> Path:
    return history.data_dir / store.TASKS_FILE


def newest_with(history: History, task_id: int, upto: int) -> Snapshot | None:
    """The newest version (index ≤ ``upto``) whose items include ``task_id``, by bisection:
    the item is in version ``upto`` and, if not in the newest, left it somewhere between."""
    versions = history.versions
    if task_id in history.snapshot(versions[0]).items:
        return history.snapshot(versions[0])
    lo, hi = 0, upto  # lo lacks the item, hi has it
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if task_id in history.snapshot(versions[mid]).items:
            hi = mid
        else:
            lo = mid
    found = history.snapshot(versions[hi])
    return found if task_id in found.items else None


def with_facts(history: History, index: int, structure: Table, day: date) -> Table:
    history.prefetch([history.versions[0]])
    newest = history.snapshot(history.versions[0])
    facts: dict[int, Facts] = {}
    for task in structure.tasks:
        source = newest if task.id in newest.items else newest_with(history, task.id, index)
        if source is not None and task.id in source.items:
            rec = source.items[task.id]
            facts[task.id] = facts_of(_resolved(rec, task))
    meetings = newest.meetings if newest.readable else structure.meetings
    return filtered(structure, day, meetings, facts)


def _resolved(rec: Rec, task: Task) -> Rec:
    """A newest-version record whose status word could not be read keeps the structure's."""
    if rec.status in ("todo", "doing", "done"):
        return rec
    return replace(rec, status=task.status)
