"""What changed between two tables, item by item (compared by id, never by lines).

:func:`between` compares the table as of ``since`` with the table as of ``until`` and
returns one :class:`ItemChange` per change: added, removed, started, done, reopened,
deadline, extended, lead, assist, title, note, and the items that became overdue or due
soon just because time passed. Dated facts carry their own dates; a change of structure
is dated by the commit that made it, found by bisecting the versions in between.

Items are compared by id. An id whose item leaves the table in one version and is back in a
later one with another title names a different item (a hand edit gave the id again): that
is told as the old item removed and the new one added, not as an edit. Back with the same
title, it is the same item (put back after a mistaken removal).

:func:`item_log` is every recorded change to one item across the history (``gk log``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Callable

from gkcli import deadlines
from gkcli.history import (
    History,
    Rec,
    Snapshot,
    Version,
    item_block,
    note_date,
    read_snapshot,
)
from gkcli.model import Table, Task

Adder = Callable[..., None]  # add(task, kind, date, old=None, new=None, counts=True)

DATED = ("done", "note", "extended")  # facts that carry their own dates
KINDS = ("added", "removed", "started", "done", "reopened", "deadline", "extended", "lead",
         "assist", "title", "note", "overdue", "due_soon")


@dataclass(frozen=True)
class ItemChange:
    id: int
    kind: str
    date: date
    title: str
    lead: str
    old: object = None
    new: object = None
    counts: bool = True  # an extension granted after the deadline it replaces does not

    def as_json(self) -> dict[str, object]:
        """The JSON contract of ``gk changes --format json``: add fields, never rename."""
        return {"id": self.id, "kind": self.kind, "date": self.date.isoformat(),
                "title": self.title, "lead": self.lead, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class Step:
    """One version in a chain of versions, oldest first: its day and what it holds."""

    day: date
    version: Version | None = None  # None: the file as it is now, not committed
    text: str | None = None  # the text of the file as it is now
    history: History | None = None

    @property
    def raw(self) -> str:
        if self.version is not None and self.history is not None:
            return self.history.text(self.version)
        return self.text or ""

    @cached_property
    def snapshot(self) -> Snapshot:
        """Read when first asked for: bisection reads only the versions it probes."""
        if self.version is not None and self.history is not None:
            return self.history.snapshot(self.version)
        return read_snapshot(self.text or "")


class Dater:
    """Dates a change of structure by the first version in ``chain`` where it holds."""

    def __init__(self, chain: list[Step], fallback: date):
        self.chain = chain
        self.fallback = fallback

    def on(self, task_id: int, test: Callable[[Rec | None], bool]) -> date:
        """The day of the version where ``test`` first holds for the item, given it fails in
        the oldest version and holds in the newest (bisection finds a version that made it
        hold, reading only the versions it probes)."""
        chain = self.chain
        if len(chain) < 2:
            return self.fallback
        lo, hi = 0, len(chain) - 1
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if test(chain[mid].snapshot.items.get(task_id)):
                hi = mid
            else:
                lo = mid
        return chain[hi].day


    def gap(self, task_id: int) -> tuple[date, date] | None:
        """(the day the item left, the day its id came back) when some version in ``chain``
        lacks the id that the first and last versions hold, else None. Reads every version
        in between, so it is asked only when the item's title changed."""
        gone: date | None = None
        for step in self.chain[1:]:
            block = item_block(step.raw, task_id)
            present = bool(block) if block is not None else task_id in step.snapshot.items
            if gone is None and not present:
                gone = step.day
            elif gone is not None and present:
                return gone, step.day
        return None


def chain_between(history: History | None, older: int | None, newer: int | None,
                  current_text: str | None, today: date) -> list[Step]:
    """Versions from index ``older`` to index ``newer`` of ``history`` (oldest first), then the
    file as it is now when ``current_text`` is given (dated ``today``)."""
    steps: list[Step] = []
    if history is not None and older is not None:
        stop = 0 if newer is None else newer
        picked = history.versions[stop:older + 1]
        steps = [Step(v.day, v, history=history) for v in reversed(picked)]
    if current_text is not None:
        steps.append(Step(today, text=current_text))
    return steps


def between(a: Table, b: Table, since: date, until: date, soon_days: int,
            dater: Dater) -> list[ItemChange]:
    """Every change from the table as of ``since`` (``a``) to the one as of ``until`` (``b``)."""
    canon = b.offices.canonical
    before = {t.id: t for t in a.tasks}
    after = {t.id: t for t in b.tasks}
    found: list[ItemChange] = []

    def add(task: Task, kind: str, when: date, old: object = None, new: object = None,
            counts: bool = True) -> None:
        found.append(ItemChange(task.id, kind, when, task.title, task.lead, old, new, counts))

    for task in b.tasks:
        old = before.get(task.id)
        if old is None:
            add(task, "added", dater.on(task.id, lambda r: r is not None))
            continue
        if old.title != task.title and (gap := dater.gap(task.id)) is not None:
            add(old, "removed", gap[0])  # the id given to another item: two items, not an edit
            add(task, "added", gap[1])
            continue
        _structure(old, task, add, dater, canon)
        _facts(old, task, add, dater, since)
        _time(old, task, add, since, until, soon_days)
    for task in a.tasks:
        if task.id not in after:
            add(task, "removed", dater.on(task.id, lambda r: r is None))
    order = {name: n for n, name in enumerate(b.offices.names)}
    found = [c for c in found if c.kind not in DATED or since < c.date <= until]
    return sorted(found, key=lambda c: (order.get(c.lead, len(order)), c.lead, c.date, c.id,
                                        KINDS.index(c.kind)))


def concerning(found: list[ItemChange], tables: tuple[Table, ...], office: str) -> list[ItemChange]:
    """The changes to items that ``office`` leads or assists (named, or through a group)."""
    def involved(change: ItemChange) -> bool:
        if change.lead == office:
            return True
        for table in tables:
            task = table.task(change.id)
            if task is not None and office in table.offices.assisting(task.assist, task.lead):
                return True
        return False

    return [c for c in found if involved(c)]


def _structure(old: Task, new: Task, add: Adder, dater: Dater,
               canon: Callable[[str], str | None]) -> None:
    if old.title != new.title:
        add(new, "title", dater.on(new.id, lambda r: r is not None and r.title == new.title),
            old.title, new.title)
    if old.lead != new.lead:
        add(new, "lead", dater.on(new.id, lambda r: r is not None and (canon(r.lead) or r.lead) == new.lead),
            old.lead, new.lead)
    if old.assist != new.assist:
        wanted = list(new.assist)
        add(new, "assist", dater.on(new.id, lambda r: r is not None and [canon(x) or x for x in r.assist] == wanted),
            list(old.assist), list(new.assist))
    if old.original.text != new.original.text:
        add(new, "deadline", dater.on(new.id, lambda r: r is not None and r.deadline == new.original.text),
            old.original.text, new.original.text)


def _facts(old: Task, new: Task, add: Adder, dater: Dater, since: date) -> None:
    if new.status == "done" and old.status != "done":
        when = new.done_on or dater.on(new.id, lambda r: r is not None and r.status == "done")
        add(new, "done", when, new.deadline.date.isoformat() if new.deadline.date else None,
            new.done_on.isoformat() if new.done_on else None)
    elif old.status == "done" and new.status != "done":
        add(new, "reopened", dater.on(new.id, lambda r: r is not None and r.status != "done"),
            "done", new.status)
    elif old.status == "todo" and new.status == "doing":
        add(new, "started", dater.on(new.id, lambda r: r is not None and r.status in ("doing", "done")),
            "todo", "doing")
    known = {(e.on, e.to.text) for e in old.extensions}
    for ext in new.extensions:
        if (ext.on, ext.to.text) not in known:
            add(new, "extended", ext.on, ext.from_text or None, ext.to.text, ext.counts)
    seen = set(old.progress)
    for entry in new.progress:
        if entry not in seen:
            day = note_date(entry)
            text = entry.split(" ", 1)[1] if day and " " in entry else entry
            add(new, "note", day or dater.on(new.id, _holds_note(entry)), None, text)


def _holds_note(entry: str) -> Callable[[Rec | None], bool]:
    return lambda rec: rec is not None and entry in rec.progress


def _time(old: Task, new: Task, add: Adder, since: date, until: date, soon_days: int) -> None:
    """Items that became overdue or due soon between the two dates, commit or no commit."""
    if new.status == "done" or old.status == "done" or new.deadline.date is None:
        return  # a reopened item is told as reopened
    due = new.deadline.date
    was = deadlines.state_of(old.status, old.deadline.date, since, soon_days)
    now = deadlines.state_of(new.status, due, until, soon_days)
    if now == deadlines.OVERDUE and was != deadlines.OVERDUE:
        add(new, "overdue", due + timedelta(days=1), None, due.isoformat())
    elif now == deadlines.DUE_SOON and was == deadlines.OPEN:
        add(new, "due_soon", due - timedelta(days=soon_days), None, due.isoformat())


# --- gk log ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class LogEntry:
    date: date
    commit: str | None  # short hash; None for the edits not committed yet
    author: str
    kind: str
    old: object = None
    new: object = None

    def as_json(self) -> dict[str, object]:
        return {"date": self.date.isoformat(), "commit": self.commit, "author": self.author,
                "kind": self.kind, "old": self.old, "new": self.new}


FIELDS = ("title", "group", "lead", "assist", "deadline", "status", "done_on", "notes")


def item_log(steps: list[Step], task_id: int) -> list[LogEntry]:
    """Every change to item ``task_id`` from one version to the next, oldest first."""
    entries: list[LogEntry] = []
    previous: Rec | None = None
    previous_block: str | None = None
    for step in steps:
        block = item_block(step.raw, task_id)
        if block is not None and block == previous_block:
            continue  # the item's lines are the same: nothing to parse, nothing changed
        previous_block = block
        rec = step.snapshot.items.get(task_id) if step.snapshot.readable else previous
        commit = step.version.short if step.version else None
        author = step.version.author if step.version else ""

        def add(kind: str, old: object = None, new: object = None,
                day: date = step.day, commit: str | None = commit, author: str = author) -> None:
            entries.append(LogEntry(day, commit, author, kind, old, new))

        if previous is None and rec is not None:
            add("added", None, rec.title)
        elif previous is not None and rec is None:
            add("removed", previous.title, None)
        elif previous is not None and rec is not None:
            for name in FIELDS:
                was, now = getattr(previous, name), getattr(rec, name)
                if was != now:
                    was = list(was) if isinstance(was, tuple) else was
                    now = list(now) if isinstance(now, tuple) else now
                    add(name, _plain(was), _plain(now))
            for entry in rec.progress:
                if entry not in previous.progress:
                    add("note", None, entry)
            for entry in previous.progress:
                if entry not in rec.progress:
                    add("note_removed", entry, None)
            known = {(e.on, e.to.text) for e in previous.extensions}
            for ext in rec.extensions:
                if (ext.on, ext.to.text) not in known:
                    add("extended", ext.from_text or None, ext.to.text)
            kept = {(e.on, e.to.text) for e in rec.extensions}
            for ext in previous.extensions:
                if (ext.on, ext.to.text) not in kept:
                    add("extension_removed", ext.from_text or None, ext.to.text)
        previous = rec
    return entries


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value
