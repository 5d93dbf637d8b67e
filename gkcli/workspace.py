"""A workspace: every notice the office tracks, one table per folder, read together (gk --all).

The layout is the one ``data/`` already has, grown by folders: ``data/tasks.yaml`` (if any)
is one table and every ``data/NAME/tasks.yaml`` another, found the way ``data/`` is found
today (``--data DIR``/``GK_DATA``, else the nearest ``data/`` upward). ``gk import 通知.docx
--out data/NAME`` therefore adds the new notice to the workspace with nothing else to edit.
Nothing here reads or writes a file beyond the tables; commands without ``--all`` are untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from gkcli import cache, query, store
from gkcli.errors import GkError, Msg, NotFound, Problem, clip
from gkcli.model import Person, Roster, Table, Task
from gkcli.offices import JoinedRegistry, join
from gkcli.query import by_urgency
from gkcli.report import (
    Dashboard,
    Reminder,
    Reminders,
    Report,
    Section,
    Summary,
    Tally,
    Window,
    in_period,
    occurrences_since,
    since_meeting,
    table_title,
    tally_by,
)
from gkcli.report import dashboard as report_dashboard
from gkcli.report import remind as remind_one

if TYPE_CHECKING:
    from gkcli.reporting import Outstanding, Rate
    from gkcli.reporting import Row as ReportRow


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
        """The offices, groups of offices and people of every table as one (see :func:`merge`)."""
        if self._merged is None:
            self._merged = merge([s.table for s in self.sheets])
        return self._merged

    @property
    def offices(self) -> JoinedRegistry:
        """Every office of the workspace, each once, under its full name (see :func:`join`)."""
        offices = self.merged.offices
        assert isinstance(offices, JoinedRegistry)
        return offices


def load(paths: list[Path]) -> Workspace:
    """Every table, validated (from the cache when its files are unchanged), in the order the
    notices were issued (:func:`issue_order`); DataError otherwise."""
    return Workspace(sorted((Sheet(p, t) for p, t in zip(paths, cache.load_tables(paths))),
                            key=issue_order))


def issue_order(sheet: Sheet) -> tuple:
    """Where a notice stands in every gk --all output: by issue date (a notice without one
    last), then by 文号 (numbers in it compared as numbers: 9号 before 12号), then by folder."""
    notice = sheet.table.notice
    number = [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", notice.number)]
    return (notice.issued is None, notice.issued or date.min, not notice.number, number,
            str(sheet.path))


def as_of(ws: Workspace, day: date, today: date) -> tuple[Workspace, tuple[str, dict] | None]:
    """Every notice as it stood at the end of ``day`` (``today`` is the real today), each table
    as :func:`gkcli.asof.table_as_of` makes one, and one note on how, naming the notices.

    In git a notice's history starts with its table's first commit: a notice first committed
    after ``day`` did not exist then and is left out, unless ``day`` comes before the
    workspace's own first commit, when the notices first committed then are shown as first
    committed (as gk without --all shows its one table). A table outside git or not committed
    yet is read from its file, and the note says so.

    ``ws`` holds the files as they are now (from the cache when unchanged); the tables of
    another day come from git on every run and are never cached (history moves with commits).
    """
    from gkcli import asof

    if day >= today:
        return Workspace([Sheet(s.path, asof.table_as_of(s.path, day, today, s.table).table)
                          for s in ws.sheets]), None
    from gkcli.history import History

    histories = [History(s.path) for s in ws.sheets]
    firsts = [h.versions[-1].day if h.in_git and h.versions else None for h in histories]
    start = min((f for f in firsts if f is not None), default=None)  # the workspace's first commit
    sheets: list[Sheet] = []
    left_out: list[tuple[str, date]] = []
    noted: dict[str, list[str]] = {}  # the single-table note's key → the notices it applies to
    unissued: list[str] = []
    for s, history, first in zip(ws.sheets, histories, firsts):
        issued = s.table.notice.issued
        if first is not None and start is not None and first > max(day, start):
            left_out.append((s.notice, first))
        elif first is None and issued is not None and issued > day:
            unissued.append(s.notice)  # not in git: the notice's own date says it was not out yet
        else:
            found = asof.table_as_of(s.path, day, today, s.table, history)
            if found.note:
                noted.setdefault(found.note[0], []).append(s.notice)
            sheets.append(Sheet(s.path, found.table))
        history.close()
    return Workspace(sheets), _as_of_note(day, start, left_out, noted, len(ws.sheets), unissued)


def _as_of_note(day: date, start: date | None, left_out: list[tuple[str, date]],
                noted: dict[str, list[str]], count: int,
                unissued: list[str]) -> tuple[str, dict] | None:
    """One line for every note of :func:`as_of`, each naming its notices (or all of them)."""
    from gkcli.errors import Msg

    def named(notices: list) -> object:
        if len(notices) == count and count > 1:
            return Msg.of("ws_all", n=count)
        if len(notices) <= NAMED:
            return notices
        return Msg.of("ws_notices_more", notices=notices[:NAMED], n=len(notices))

    on = day.isoformat()
    parts: list[Msg] = []
    if len(left_out) == 1:
        parts.append(Msg.of("ws_asof_left_out", notice=clip(left_out[0][0]),
                            first=left_out[0][1].isoformat(), day=on))
    elif left_out:
        parts.append(Msg.of("ws_asof_left_out_n", day=on, notices=named(
            [Msg.of("ws_asof_first_on", notice=clip(n), first=f.isoformat()) for n, f in left_out])))
    if unissued:
        parts.append(Msg.of("ws_asof_unissued", notices=named([clip(n) for n in unissued]), day=on))
    for key, notices in noted.items():
        first = start.isoformat() if start else on
        parts.append(Msg.of(f"ws_{key}", notices=named([clip(n) for n in notices]), day=on,
                            first=first))
    if not parts:
        return None
    note = parts[-1]
    for part in reversed(parts[:-1]):
        note = Msg.of("ws_asof_and", first=part, rest=note)
    return note.key, note.params


NAMED = 5  # notices a note names before it says 等 N 个文件


def merge(tables: list[Table]) -> Table:
    """The offices, groups of offices and people of every table, as one table with no items.

    One office under several names is one office (:func:`gkcli.offices.join`), and who
    answers for an office is one rule for every gk --all output: the people every roster
    names for it, first table first, each once.
    """
    offices = join([table.offices for table in tables])
    people: dict[tuple, Person] = {}
    roster = Roster()
    for table in tables:
        for person in table.roster.members:
            unit = offices.canonical(person.office) or person.office if person.office else None
            people.setdefault((person.name, unit), person if unit == person.office
                              else person.replace(office=unit))
        if not roster.office_name and table.roster.office_name:
            roster = table.roster
    merged_roster = Roster(roster.name, roster.office_name, roster.attached_to, roster.director,
                           tuple(people.values()))
    first = tables[0]  # a workspace has at least one table
    return Table(notice=first.notice, offices=offices, groups={}, tasks=[], roster=merged_roster,
                 settings=first.settings)


class Checked:
    """gk --all check: the problems of every table's files; the likely mistakes of those that
    have none, as the workspace sees them; those tables in issue order; the offices note."""

    def __init__(self, problems: list[Problem], warnings: list[Problem], passed: list[Sheet],
                 note: tuple[str, dict] | None):
        self.problems = problems
        self.warnings = warnings
        self.passed = passed
        self.note = note


def check(folders: list[Path], today: date) -> Checked:
    """Every table read from its files (never the cache) and checked as ``gk check`` does.

    Who answers for an office is the workspace's one rule (:func:`merge`): a notice without
    a roster of its own, or whose roster leaves out an office, is not warned about an office
    some other notice's roster names someone for."""
    problems: list[Problem] = []
    found: list[tuple[Sheet, list[Problem]]] = []
    for folder in folders:
        table, more = store.read_table(folder)
        problems += more
        if table is not None:
            found.append((Sheet(folder, table), store.warnings(table, folder, today)))
    found.sort(key=lambda pair: issue_order(pair[0]))
    passed = [sheet for sheet, _ in found]
    if not passed:
        return Checked(problems, [], [], None)
    ws = Workspace(passed)
    warnings = [w for sheet, said in found for w in said if not _answered(ws, sheet, w)]
    for number, paths in same_notice(ws):
        for path in paths[1:]:
            warnings.append(Problem(store.display_path(path / store.TASKS_FILE), 1, 1,
                                    "warn.same_notice", {"number": clip(number, 40),
                                                         "other": store.display_path(paths[0])},
                                    warning=True))
    return Checked(problems, warnings, passed, offices_note(ws))


def _answered(ws: Workspace, sheet: Sheet, warning: Problem) -> bool:
    """A warning about nobody answering that the workspace's roster answers."""
    def someone(office: str) -> bool:
        return bool(ws.merged.roster.for_office(ws.offices.canonical(office) or office))

    if warning.message == "warn.nobody_heads":
        return someone(warning.params["office"])
    if warning.message == "warn.no_roster":
        return all(someone(task.lead) for task in sheet.table.tasks)
    return False


# the brackets a 文号's year is written in: 〔2020〕, ﹝2020﹞, [2020], （2020）…
_OPEN, _CLOSE = "﹝〔[［【(（", "﹞〕]］】)）"


def notice_key(number: str) -> str:
    """A 文号 as compared: without spaces, its year's brackets all alike."""
    text = re.sub(r"\s+", "", number or "")
    return text.translate(str.maketrans(_OPEN + _CLOSE, "〔" * len(_OPEN) + "〕" * len(_CLOSE)))


def same_notice(ws: Workspace) -> list[tuple[str, list[Path]]]:
    """Each 文号 that two or more folders hold (a notice imported twice, a copy), in order."""
    folders: dict[str, list[Sheet]] = {}
    for sheet in ws.sheets:
        if sheet.table.notice.number:
            folders.setdefault(notice_key(sheet.table.notice.number), []).append(sheet)
    return [(found[0].notice, [s.path for s in found]) for found in folders.values()
            if len(found) > 1]


def notes(ws: Workspace) -> list[tuple[str, dict]]:
    """What gk --all says on stderr about the workspace itself, after its output: a notice
    held by two folders (counted twice), a name the tables disagree on."""
    said = [("ws_same_notice", {"number": clip(number, 40),
                                "folders": [store.display_path(p) for p in paths[:4]]})
            for number, paths in same_notice(ws)[:3]]
    offices = offices_note(ws)
    return said + ([offices] if offices else [])


def offices_note(ws: Workspace) -> tuple[str, dict] | None:
    """The one line gk --all says when the tables disagree on what a name means, else None."""
    apart = ws.offices.apart
    if not apart:
        return None
    name, offices = next(iter(apart.items()))
    more = Msg.of("ws_offices_apart_more", n=len(apart) - 1) if len(apart) > 1 else ""
    return "ws_offices_apart", {"name": name, "offices": offices, "more": more}


class _Joined:
    """A table's rows as gk --all shows them: each office under the workspace's full name
    (see :func:`join`), and the people who answer for the lead office by the workspace's one
    rule (see :func:`merge`)."""

    def __init__(self, ws: Workspace):
        self.offices = ws.offices
        self.roster = ws.merged.roster
        self._people: dict[str, tuple[Person, ...]] = {}
        self._tables: dict[int, dict[str, tuple[str, tuple[Person, ...] | None]] | None] = {}

    def office(self, name: str) -> str:
        return self.offices.canonical(name) or name

    def people(self, office: str) -> tuple[Person, ...]:
        found = self._people.get(office)
        if found is None:
            found = self._people[office] = tuple(self.roster.for_office(office))
        return found

    def rows(self, table: Table, rows: list[query.Item]) -> list[query.Item]:
        """Rows of ``table`` as gk --all shows them; the rows themselves when the table names
        every office as the workspace does and its roster names everybody who answers for
        them (most tables)."""
        leads = self._leads(table)
        if leads is None:
            return rows
        renamed = {o: unit for o, (unit, _) in leads.items() if unit != o}
        found = []
        for row in rows:
            t = row.task
            lead, people = leads.get(t.lead, (t.lead, None))
            assist = t.assist
            if renamed and not renamed.keys().isdisjoint(assist):
                assist = tuple([renamed.get(a, a) for a in assist])
            if lead != t.lead or assist is not t.assist:
                row = row.replace(task=t.replace(lead=lead, assist=assist))
            if people is not None:
                row = row.replace(lead_people=people)
            found.append(row)
        return found

    def _leads(self, table: Table) -> dict[str, tuple[str, tuple[Person, ...] | None]] | None:
        """Each office of ``table``: its workspace name, and the workspace's people for it
        where they are not the table's own (None); None when nothing changes. Once per table."""
        key = id(table)
        if key not in self._tables:
            own: dict[str | None, list[Person]] = {}  # the table's roster by office, in one pass
            for person in table.roster.members:
                own.setdefault(person.office, []).append(person)
            leads: dict[str, tuple[str, tuple[Person, ...] | None]] = {}
            for office in table.offices.names:
                unit = self.office(office)
                people = self.people(unit)
                leads[office] = (unit, None if people == tuple(own.get(office, ())) else people)
            changes = any(unit != o or people is not None for o, (unit, people) in leads.items())
            self._tables[key] = leads if changes else None
        return self._tables[key]

    def outstanding(self, block: Outstanding) -> Outstanding:
        """A notice's reports owed (gk --all status), each office under the workspace's name."""
        return replace(block, not_yet=[self.office(o) for o in block.not_yet],
                       missing=[self.report(r) for r in block.missing])

    def report(self, row: ReportRow) -> ReportRow:
        office = self.office(row.office)
        return row if office == row.office else replace(row, office=office)

    def rate(self, rate: Rate) -> Rate:
        """A notice's 按时报送率 of one office (gk --all report), under the workspace's name."""
        office = self.office(rate.office)
        return rate if office == rate.office else replace(rate, office=office)

    def plays(self, table: Table, task: Task, office: str | None, lead: str | None,
              assist: str | None) -> bool:
        """Whether an item of ``table`` is led (``lead``), assisted (``assist``) or either
        (``office``) by those offices of the workspace (None: no condition)."""
        led_by = self.office(task.lead)
        if lead and led_by != lead:
            return False
        if office or assist:
            helping = {self.office(o) for o in table.offices.assisting(task.assist, task.lead)}
            if assist and assist not in helping:
                return False
            if office and led_by != office and office not in helping:
                return False
        return True


# --- what the commands show, across every table -----------------------------------------------

def items(ws: Workspace, today: date, soon_days: int | None = None) -> list[query.Item]:
    """Every item of every table as of ``today``, each naming its notice, its offices under
    the workspace's full names (see :class:`_Joined`)."""
    joined = _Joined(ws)
    return [row for s in ws.sheets
            for row in joined.rows(s.table, query.items(s.table, today, soon_days, s.notice))]


def select(ws: Workspace, today: date, soon_days: int | None, f: query.Filter) -> list[query.Item]:
    """The rows of every table that pass ``f``, as :func:`items` gives them.

    An office is one office across the tables, by any name a table gives it (an unknown or
    disputed name is NotFound); an office group (--assist 局各股室) is each table's own, and
    a table that does not know it is skipped.
    """
    joined = _Joined(ws)
    offices = joined.offices
    office = offices.resolve(f.office) if f.office else None
    lead = offices.resolve(f.lead) if f.lead else None
    assist = offices.resolve(f.assist, allow_group=True) if f.assist else None
    by_group = assist is not None and offices.canonical(assist) is None
    rest = f.replace(office=None, lead=None, assist=f.assist if by_group else None)
    if by_group:
        assist = None
    chosen: list[query.Item] = []
    known = not by_group
    first_error: GkError | None = None
    for s in ws.sheets:
        rows = query.items(s.table, today, soon_days, s.notice)
        if office or lead or assist:
            rows = [r for r in rows if joined.plays(s.table, r.task, office, lead, assist)]
        try:
            rows = query.select(s.table, joined.rows(s.table, rows), rest)
        except NotFound as exc:  # an office group this table does not have
            first_error = first_error or exc
            continue
        known = True
        chosen.extend(rows)
    if not known and first_error is not None:
        raise first_error
    return chosen


def dashboard(ws: Workspace, today: date, soon_days: int | None, title: str) -> Dashboard:
    """gk --all status: the dashboard of every notice together, as gk status makes one: each
    notice's items due soon by its own window (said in the heading when they differ), the
    reports each notice asks for (by 文号), and what happened since the last meeting of any."""
    from gkcli.reporting import outstanding

    rows = items(ws, today, soon_days)
    windows = [Window(s.notice, s.table.settings.due_soon_days if soon_days is None else soon_days,
                      s.table.settings.due_soon_workdays) for s in ws.sheets]
    joined = _Joined(ws)
    reports = [joined.outstanding(block) for s in ws.sheets if s.table.reporting
               for block in outstanding(s.table, today, s.notice)]
    held = [(m.on, s.table) for s in ws.sheets if (m := s.table.last_meeting(today)) is not None]
    latest = max(held, key=lambda pair: pair[0])[1] if held else None
    board = report_dashboard(ws.merged, rows, today, windows[0].days)
    return board.replace(title=title, number="", reports=reports, windows=windows,
                         since_meeting=since_meeting(latest, rows, today) if latest else None)


def summary(ws: Workspace, today: date, soon_days: int | None,
            since: date | None = None) -> Summary:
    """gk --all report: per lead office across every table, and per notice (文号); the
    按时报送率 of each notice that asks for reports, by 文号 and office."""
    rows = items(ws, today, soon_days)
    if since:
        rows = [occurrences_since(r, since) for r in rows if in_period(r, since, today)]
    totals = Tally("total")
    per_notice: dict[str, Tally] = {s.notice: Tally(s.notice) for s in ws.sheets}
    for row in rows:
        totals.add(row)
        per_notice[row.notice or ""].add(row)
    from gkcli.reporting import rates as reporting_rates

    joined = _Joined(ws)
    rates = [joined.rate(rate) for s in ws.sheets if s.table.reporting
             for rate in reporting_rates(s.table, today, since, s.notice)]
    return Summary(today, since, totals, tally_by(ws.merged, rows, "lead"), [], rates,
                   by_notice=[t for t in per_notice.values() if t.total])


def report(ws: Workspace, today: date, soon_days: int | None, since: date | None,
           title: str) -> Report:
    """gk --all report: the sections of gk report, 各文件情况 in place of 各工作任务情况
    (the work tasks are each notice's own)."""
    found = summary(ws, today, soon_days, since)
    sections = [Section("by_office", "lead", found.by_office, found.totals),
                Section("by_notice", "notice", found.by_notice or [])]
    if found.totals.occurrences_due:
        recurring = [x for x in found.by_office if x.occurrences_due]
        sections.append(Section("by_occurrence", "lead", recurring, found.totals, "occurrences"))
    return Report(found, title, since, today, sections)


def remind(ws: Workspace, today: date, soon_days: int | None, office: str | None,
           title: str) -> Reminders:
    """gk --all remind: each office ONE message, its urgent items of every notice together,
    under its full name and to the people who answer for it (see :class:`_Joined`)."""
    joined = _Joined(ws)
    name = joined.offices.resolve(office) if office else None
    merged: dict[str, Reminder] = {}
    for s in ws.sheets:
        rows = query.items(s.table, today, soon_days, s.notice)
        shown: dict[int, query.Item] = {}  # each row rewritten once, whichever offices list it
        here = [o for o in s.table.offices.names if joined.office(o) == name] if name else [None]
        for local in here:
            for rem in remind_one(s.table, rows, today, local, soon_days).reminders:
                unit = joined.office(rem.office)
                into = merged.setdefault(unit, Reminder(unit, joined.people(unit), []))
                listed = {id(row) for row, _ in into.items}
                for row, role in rem.items:
                    if id(row) not in shown:
                        shown[id(row)] = joined.rows(s.table, [row])[0]
                    row = shown[id(row)]
                    if id(row) not in listed:
                        into.items.append((row, role))
                into.reports.extend(replace(joined.report(r), notice=s.notice) for r in rem.reports)
    order = {o: i for i, o in enumerate(joined.offices.names)}
    result = sorted(merged.values(), key=lambda r: order.get(r.office, len(order)))
    for rem in result:  # most overdue first across the notices, as within one
        ranked = by_urgency([row for row, _ in rem.items])
        roles = {id(row): role for row, role in rem.items}
        rem.items = [(row, roles[id(row)]) for row in ranked]
    roster = ws.merged.roster
    notices = {s.notice: (table_title(s.table), s.table.notice.number) for s in ws.sheets}
    return Reminders(result, title, "", today, roster.office_name or "", roster.attached_to,
                     notices)
