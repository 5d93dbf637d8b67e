"""The table as it stood at the end of a day.

The rule: *the items, their titles, offices and deadlines are those recorded by that day;
the facts are those that had happened by that day, even when recorded later.*

- In git, the structure comes from the version of tasks.yaml committed last on or before
  the day, and the dated facts (``done_on``, progress notes, extensions, meetings) from the
  newest committed version that has the item, kept when dated on or before the day.
  Edits not committed yet count only for today.
- An item reopened later was done on the days its completion stood recorded.
- Before the file's first commit, the structure is the first committed version's (the
  facts filtered to the day as always), and :attr:`AsOf.note` says so.
- Outside git, with no commit yet, or when no version up to the day can be read, the current
  file is used with the same date filter, and :attr:`AsOf.note` says so.
- For today (or later) the current file is the table, with the date filter, and git is not run.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from gkcli import store
from gkcli.deadlines import note_date
from gkcli.model import Extension, Meeting, Table, Task, in_force
from gkcli.values import Frozen, Value

if TYPE_CHECKING:  # git's history is read only for a day before today (gkcli.history runs git)
    from gkcli.diff import ItemChange, LogEntry
    from gkcli.history import History, Rec, Snapshot


class Facts(Frozen):
    """The dated facts of an item, from the newest version that has it."""

    FIELDS = ("status", "done_on", "progress", "extensions", "occurrences")
    status: str
    done_on: date | None
    progress: tuple[str, ...]
    extensions: tuple[Extension, ...]
    occurrences: tuple[tuple[str, date], ...] | None = None  # recurring items; None: the task's

    def __init__(self, status: str, done_on: date | None, progress: tuple[str, ...],
                 extensions: tuple[Extension, ...],
                 occurrences: tuple[tuple[str, date], ...] | None = None):
        d = self.__dict__
        d["status"], d["done_on"], d["progress"], d["extensions"], d["occurrences"] = (
            status, done_on, progress, extensions, occurrences)


class AsOf(Value):
    FIELDS = ("table", "note", "index", "history", "current")
    table: Table
    note: tuple[str, dict[str, object]] | None = None  # a catalogue key and values, said on stderr
    index: int | None = None  # of the version in history.versions the structure comes from
    history: History | None = None
    current: bool = False  # the file as it is now (edits not committed count)

    def __init__(self, table: Table, note: tuple[str, dict[str, object]] | None = None,
                 index: int | None = None, history: History | None = None,
                 current: bool = False):
        self.table, self.note, self.index, self.history, self.current = (
            table, note, index, history, current)


def facts_of(item: Task | Rec, task: Task | None = None) -> Facts:
    """The dated facts of a task, or of a record read loosely (``task``: its structure)."""
    occurrences = item.done_occurrences if isinstance(item, Task) else None
    if not isinstance(item, Task) and task is not None and task.deadline.rule is not None:
        from gkcli.reporting import read_entry

        entries = (read_entry(text, task.deadline.rule, 2) for text in item.done_occurrences)
        occurrences = tuple((e[0], e[1]) for e in entries if e is not None)
    return Facts(item.status, item.done_on, tuple(item.progress), tuple(item.extensions),
                 occurrences)


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
    elif status == "done":  # reopened since: done as recorded by that day, if done by then
        if task.done_on is not None and task.done_on <= day:
            done_on = task.done_on
        elif task.done_on is not None:
            status = facts.status or "doing"
    undated = set(p for p in task.progress if note_date(p) is None)
    progress = tuple(p for p in facts.progress
                     if ((on := note_date(p)) is not None and on <= day) or p in undated)
    extensions = [e for e in facts.extensions if e.on <= day]
    original = task.original
    deadline, marked = in_force(original, extensions)
    occurrences = task.done_occurrences if facts.occurrences is None else facts.occurrences
    return task.replace(status=status, done_on=done_on, progress=progress, deadline=deadline,
                        deadline_original=original if marked else None, extensions=marked,
                        done_occurrences=tuple((label, on) for label, on in occurrences if on <= day))


def filtered(table: Table, day: date, meetings: tuple[Meeting, ...] | None = None,
             facts: dict[int, Facts] | None = None) -> Table:
    """``table`` with every fact dated after ``day`` taken away (and ``facts`` where given)."""
    facts = facts or {}
    tasks = [settle(t, facts.get(t.id) or facts_of(t), day) for t in table.tasks]
    held = tuple(m for m in (table.meetings if meetings is None else meetings) if m.on <= day)
    reporting = tuple(r.replace(reports=tuple(x for x in r.reports if x.on <= day))
                      for r in table.reporting)
    return table.replace(tasks=tasks, meetings=held, reporting=reporting)


def table_as_of(data_dir: Path, day: date, today: date, current: Table | None = None,
                history: History | None = None) -> AsOf:
    """The table as it stood at the end of ``day``; ``today`` is the real today."""
    current = current or store.load_table(data_dir)
    if day >= today:
        return AsOf(filtered(current, day), current=True)
    from gkcli.history import History

    owned = history is None
    history = history or History(data_dir)
    if not history.in_git:
        return AsOf(filtered(current, day), ("asof_no_git", {"day": day.isoformat()}))
    if not history.versions:
        return AsOf(filtered(current, day), ("asof_no_history", {"day": day.isoformat()}))
    note: tuple[str, dict[str, object]] | None = None
    built = structure_on(history, day, current)
    first = history.versions[-1].day
    if built is None and day < first:  # before the first commit: the first version's items
        built = structure_on(history, first, current, oldest=True)
        note = ("asof_before_history", {"day": day.isoformat(), "first": first.isoformat()})
    if built is None:
        return AsOf(filtered(current, day),
                    ("asof_unreadable_history", {"day": day.isoformat()}))
    index, structure = built
    table = with_facts(history, index, structure, day)
    if owned:
        history.close()
    return AsOf(table, note, index=index, history=history)


def structure_on(history: History, day: date, current: Table, oldest: bool = False
                 ) -> tuple[int, Table] | None:
    """(index, table) of the newest version committed on or before ``day`` that validates
    (going back in time), or with ``oldest`` of the oldest version that does (going forward)."""
    start = history.index_on(day)
    if start is None:
        return None
    path = store.display_path(data_path(history))
    last = len(history.versions) - 1
    order = range(last, -1, -1) if oldest else range(start, last + 1)
    for index in order:
        version = history.versions[index]
        table, problems = store.validate_tasks_text(history.text(version), path)
        if table is not None and not problems:
            table.roster = current.roster
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
            facts[task.id] = facts_of(_resolved(rec, task), task)
    meetings = newest.meetings if newest.readable else structure.meetings
    return filtered(structure, day, meetings, facts)


def _resolved(rec: Rec, task: Task) -> Rec:
    """A newest-version record whose status word could not be read keeps the structure's."""
    if rec.status in ("todo", "doing", "done"):
        return rec
    return rec.replace(status=task.status)


# --- what changed, and one item's history ---------------------------------------------------

LAST_MEETING = ("last-meeting", "上次会议")


def names_last_meeting(word: str) -> bool:
    """Whether a --since value is the word last-meeting (上次会议) rather than a date."""
    return word.strip().lower() in LAST_MEETING


def last_meeting_day(tables: list[Table], until: date) -> date:
    """The day of the last meeting on or before ``until`` recorded in any of ``tables``
    (``gk meeting``); GkError no_meeting_yet when none is."""
    from gkcli.errors import GkError

    held = [m.on for m in (t.last_meeting(until) for t in tables) if m is not None]
    if not held:
        raise GkError("no_meeting_yet")
    return max(held)


def looks_like_a_date(word: str) -> bool:
    """Whether a --since value was meant as a date (2020-13-01), not a git revision."""
    import re

    return re.match(r"\d{4}\s*[-/.年]\s*\d", word) is not None


class Period(Value):
    FIELDS = ("since", "until", "changes", "note")
    since: date
    until: date
    changes: list[ItemChange]
    note: tuple[str, dict[str, object]] | None = None

    def __init__(self, since: date, until: date, changes: list[ItemChange],
                 note: tuple[str, dict[str, object]] | None = None):
        self.since, self.until, self.changes, self.note = since, until, changes, note


def what_changed(data_dir: Path, since: str | None, until: date, today: date, real_today: date,
                 soon_days: int, current: Table | None = None, office: str | None = None) -> Period:
    """``gk changes``: the item-level difference between the table as of ``since`` (a date,
    a git revision, or the last meeting) and as of ``until``."""
    from gkcli import deadlines
    from gkcli.diff import Dater, between, chain_between, concerning
    from gkcli.errors import Msg, OptionError
    from gkcli.history import History, shown

    current = current or store.load_table(data_dir)
    lead_or_assist = current.offices.resolve(office) if office else None
    history: History | None = None
    rev_text: str | None = None
    word = (since or LAST_MEETING[0]).strip()
    if names_last_meeting(word):
        start = last_meeting_day([current], until)
    else:
        try:
            start = deadlines.parse_date(word, today)
        except deadlines.DeadlineError as exc:
            if looks_like_a_date(word):
                raise OptionError("bad_since", reason=Msg(exc.key, exc.params)) from None
            history = History(data_dir)
            if not history.in_git:
                raise OptionError("unknown_revision", rev=shown(word)) from None
            start, rev_text = history.revision(word)
    if start > until:
        raise OptionError("since_after_until", since=start.isoformat(), until=until.isoformat())
    need_history = start < real_today or until < real_today
    if history is None and need_history:
        history = History(data_dir)
    b = table_as_of(data_dir, until, real_today, current, history)
    a = table_as_of(data_dir, start, real_today, current, history)
    if rev_text is not None and history is not None:
        structure, problems = store.validate_tasks_text(rev_text, store.display_path(data_path(history)))
        if structure is not None and not problems:
            structure.roster = current.roster
            a = AsOf(with_facts(history, a.index or 0, structure, start) if history.versions
                     else filtered(structure, start), a.note, a.index, history)
    older = a.index
    if older is None and history is not None and history.versions and not a.current:
        older = len(history.versions) - 1  # before the first commit: from the first
    newer = b.index if not b.current else 0
    text = store.read_text(data_dir / store.TASKS_FILE)[0] if b.current else None
    if older is None and text is not None:
        chain = []
    else:
        chain = chain_between(history, older, newer, text, until)
    found = between(a.table, b.table, start, until, soon_days, Dater(chain, until))
    if history is not None:
        history.close()
    if lead_or_assist:
        found = concerning(found, (a.table, b.table), lead_or_assist)
    return Period(start, until, found, a.note or b.note)


class ItemHistory(Value):
    FIELDS = ("task_id", "title", "entries", "facts", "note")
    task_id: int
    title: str
    entries: list[LogEntry]
    facts: list[tuple[str, object]] = []  # (kind, value) from the newest version that has the item
    note: tuple[str, dict[str, object]] | None = None

    def __init__(self, task_id: int, title: str, entries: list[LogEntry],
                 facts: list[tuple[str, object]], note: tuple[str, dict[str, object]] | None = None):
        self.task_id, self.title, self.entries, self.facts, self.note = (
            task_id, title, entries, facts, note)

    def as_json(self) -> dict[str, object]:
        return {"id": self.task_id, "title": self.title,
                "changes": [e.as_json() for e in self.entries],
                "facts": [{"kind": k, "value": v.as_json() if isinstance(v, Extension) else v}
                          for k, v in self.facts]}


def item_history(data_dir: Path, task_id: int, today: date, until: date | None = None) -> ItemHistory:
    """``gk log ID``: every recorded change to the item, hand edits included, and its facts.

    With ``until`` (``gk --today DAY log``, a day before ``today``) the log ends at that day,
    as every read command shows the table as it stood then: changes committed after it and
    facts dated after it are left out, and the note says so."""
    from gkcli import deadlines
    from gkcli.diff import chain_between, item_log
    from gkcli.errors import NotFound
    from gkcli.history import History

    history = History(data_dir)
    text = store.read_text(data_dir / store.TASKS_FILE)[0]
    note: tuple[str, dict[str, object]] | None = None
    if not history.in_git:
        note = ("log_no_git", {})
    versions = history.versions
    history.prefetch(versions)  # gk log reads them all: in batches through the one process
    chain = chain_between(history, len(versions) - 1 if versions else None, 0, None, today)
    committed = chain[-1].snapshot.items.get(task_id) if chain else None
    now = chain_between(None, None, None, text, today)[0]
    if chain and now.snapshot.items.get(task_id) != committed:
        chain.append(now)  # edits not committed yet, as the last step
    elif not chain:
        chain = [now]
    entries = item_log(chain, task_id) if versions else []
    rec, year = None, None
    for step in reversed(chain):
        rec, year = step.snapshot.items.get(task_id), step.snapshot.year
        if rec is not None:
            break
    if rec is None:
        raise NotFound("no_item_ever", id=task_id)
    facts: list[tuple[str, object]] = []
    if rec.done_on:
        facts.append(("done", rec.done_on.isoformat()))
    extensions = rec.extensions
    try:
        extensions = in_force(deadlines.resolve(rec.deadline, year), rec.extensions)[1]
    except deadlines.DeadlineError:
        pass
    for ext in extensions:
        facts.append(("extended", ext))
    for entry in rec.progress:
        facts.append(("note", entry))
    history.close()
    if until is not None and until < today:
        entries = [e for e in entries if e.date <= until]
        facts = [(kind, value) for kind, value in facts if _dated_by(kind, value, until)]
        note = ("log_no_git_cut" if note else "log_cut", {"day": until.isoformat()})
    return ItemHistory(task_id, rec.title, entries, facts, note)


def _dated_by(kind: str, value: object, day: date) -> bool:
    """Whether a fact of ``gk log`` had happened by the end of ``day`` (an undated note: yes)."""
    if isinstance(value, Extension):
        return value.on <= day
    if kind == "done":
        return date.fromisoformat(str(value)) <= day
    on = note_date(str(value))
    return on is None or on <= day
