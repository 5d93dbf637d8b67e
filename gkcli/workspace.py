"""A workspace: every notice the office tracks, one table per folder, read together (gk --all).

The layout is the one ``data/`` already has, grown by folders: ``data/tasks.yaml`` (if any)
is one table and every ``data/NAME/tasks.yaml`` another, found the way ``data/`` is found
today (``--data DIR``/``GK_DATA``, else the nearest ``data/`` upward). ``gk import 通知.docx
--out data/NAME`` therefore adds the new notice to the workspace with nothing else to edit.
Nothing here reads or writes a file beyond the tables; commands without ``--all`` are untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from gkcli import cache, query, store
from gkcli.errors import GkError, NotFound
from gkcli.model import Person, Roster, Table
from gkcli.offices import Office, OfficeGroup, OfficeRegistry
from gkcli.query import by_urgency
from gkcli.report import (
    Reminder,
    Reminders,
    Report,
    Section,
    Summary,
    Tally,
    in_period,
    table_title,
    tally_by,
)
from gkcli.report import remind as remind_one


def _tables_in(folder: Path) -> list[Path]:
    """``folder`` if it holds a table, then each sub-folder that does, by name."""
    found = [folder] if (folder / store.TASKS_FILE).is_file() else []
    return found + store.notice_folders(folder)


def find_tables(explicit: str | None = None, cwd: Path | None = None) -> list[Path]:
    """Every table folder of the workspace: ``--data``'s, else the nearest ``data/`` upward."""
    if explicit:
        folder = Path(explicit).expanduser()
        if folder.is_file() and folder.name == store.TASKS_FILE:
            folder = folder.parent
        tables = _tables_in(folder) if folder.is_dir() else []
        if not tables:
            raise GkError("ws_none_in", path=store.display_path(folder)[:200])
        return tables
    for folder in store.upward((cwd or Path.cwd()).resolve()):
        candidate = folder / "data"
        if candidate.is_dir():
            tables = _tables_in(candidate)
            if tables:
                return tables
    raise GkError("ws_none")


@dataclass
class Sheet:
    """One table of the workspace and the name it goes by in gk --all (its 文号)."""

    path: Path
    table: Table

    @property
    def notice(self) -> str:
        return self.table.notice.number or self.path.name


@dataclass
class Workspace:
    sheets: list[Sheet]
    _merged: Table | None = field(default=None, repr=False)

    @property
    def merged(self) -> Table:
        """The offices, groups of offices and people of every table, first spelling first."""
        if self._merged is None:
            self._merged = merge([s.table for s in self.sheets])
        return self._merged


def load(paths: list[Path]) -> Workspace:
    """Every table, validated (from the cache when its files are unchanged); DataError otherwise."""
    return Workspace([Sheet(p, t) for p, t in zip(paths, cache.load_tables(paths))])


def as_of(ws: Workspace, day: date, today: date) -> tuple[Workspace, tuple[str, dict] | None]:
    """Every table as it stood at the end of ``day`` (``today`` is the real today), as
    :func:`gkcli.asof.table_as_of` makes one, and the first table's note on how.

    ``ws`` holds the files as they are now (from the cache when unchanged); the tables of
    another day come from git on every run and are never cached (history moves with commits).
    """
    from gkcli import asof

    sheets: list[Sheet] = []
    note = None
    for s in ws.sheets:
        found = asof.table_as_of(s.path, day, today, s.table)
        note = note or found.note
        sheets.append(Sheet(s.path, found.table))
    return Workspace(sheets), note


def merge(tables: list[Table]) -> Table:
    offices: dict[str, Office] = {}
    groups: dict[str, OfficeGroup] = {}
    people: dict[tuple, Person] = {}
    roster = Roster()
    for table in tables:
        for office in table.offices.offices:
            offices.setdefault(office.name, office)
        for name, group in table.offices.groups.items():
            groups.setdefault(name, group)
        for person in table.roster.members:
            people.setdefault((person.name, person.office), person)
        if not roster.office_name and table.roster.office_name:
            roster = table.roster
    registry = OfficeRegistry(list(offices.values()), list(groups.values()))
    merged_roster = Roster(roster.name, roster.office_name, roster.attached_to, roster.director,
                           tuple(people.values()))
    first = tables[0]  # a workspace has at least one table
    return Table(notice=first.notice, offices=registry, groups={}, tasks=[], roster=merged_roster,
                 settings=first.settings)


# --- what the commands show, across every table -----------------------------------------------

def items(ws: Workspace, today: date, soon_days: int | None = None) -> list[query.Item]:
    """Every item of every table as of ``today``, each naming its notice."""
    return [row for s in ws.sheets for row in query.items(s.table, today, soon_days, s.notice)]


def select(ws: Workspace, today: date, soon_days: int | None, f: query.Filter) -> list[query.Item]:
    """The rows of every table that pass ``f``; an office one table does not know skips that table."""
    chosen: list[query.Item] = []
    known = False
    first_error: GkError | None = None
    for s in ws.sheets:
        try:
            rows = query.select(s.table, query.items(s.table, today, soon_days, s.notice), f)
        except NotFound as exc:
            first_error = first_error or exc
            continue
        known = True
        chosen.extend(rows)
    if not known and first_error is not None:
        raise first_error
    return chosen


def summary(ws: Workspace, today: date, soon_days: int | None,
            since: date | None = None) -> Summary:
    """gk --all report: per lead office across every table, and per notice (文号)."""
    rows = items(ws, today, soon_days)
    if since:
        rows = [r for r in rows if in_period(r, since, today)]
    totals = Tally("total")
    per_notice: dict[str, Tally] = {s.notice: Tally(s.notice) for s in ws.sheets}
    for row in rows:
        totals.add(row)
        per_notice[row.notice or ""].add(row)
    return Summary(today, since, totals, tally_by(ws.merged, rows, "lead"), [],
                   by_notice=[t for t in per_notice.values() if t.total])


def report(ws: Workspace, today: date, soon_days: int | None, since: date | None,
           title: str) -> Report:
    found = summary(ws, today, soon_days, since)
    return Report(found, title, since, today, [
        Section("by_office", "lead", found.by_office, found.totals),
        Section("by_notice", "notice", found.by_notice or []),
    ])


def remind(ws: Workspace, today: date, soon_days: int | None, office: str | None,
           title: str) -> Reminders:
    """gk --all remind: each office ONE message, its urgent items of every notice together."""
    name = ws.merged.offices.resolve(office) if office else None
    merged: dict[str, Reminder] = {}
    for s in ws.sheets:
        if name is not None and s.table.offices.canonical(name) is None:
            continue
        rows = query.items(s.table, today, soon_days, s.notice)
        for rem in remind_one(s.table, rows, today, name, soon_days).reminders:
            into = merged.setdefault(rem.office, Reminder(rem.office, rem.people, []))
            into.items.extend(rem.items)
            into.reports.extend(replace(r, notice=s.notice) for r in rem.reports)
            if not into.people:
                into.people = rem.people
    order = {o: i for i, o in enumerate(ws.merged.offices.names)}
    result = sorted(merged.values(), key=lambda r: order.get(r.office, len(order)))
    for rem in result:  # most overdue first across the notices, as within one
        ranked = by_urgency([row for row, _ in rem.items])
        roles = {id(row): role for row, role in rem.items}
        rem.items = [(row, roles[id(row)]) for row in ranked]
    roster = ws.merged.roster
    notices = {s.notice: (table_title(s.table), s.table.notice.number) for s in ws.sheets}
    return Reminders(result, title, "", today, roster.office_name or "", roster.attached_to,
                     notices)
