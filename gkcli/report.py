"""What the reading commands show, assembled from the table as of a date.

The status dashboard, the per-office report, the roster, the reminders and the timeline:
each command calls one function here and hands its result to one renderer (:mod:`gkcli.formats`).
Words the user reads are left to the renderer, which says them in the chosen language.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from gkcli import deadlines
from gkcli.errors import NotFound
from gkcli.model import Person, Roster, Table
from gkcli.query import Item, by_urgency
from gkcli.values import Value

if TYPE_CHECKING:
    from gkcli.reporting import Outstanding, Rate, Row


class Tally(Value):
    """Counts for one lead office or work task (or the whole table)."""

    FIELDS = ("name", "total", "done", "done_on_time", "done_late", "overdue", "due_soon", "open",
              "ongoing", "extended", "people", "occurrences_on_time", "occurrences_late",
              "occurrences_missed")
    name: str
    total: int = 0
    done: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0
    due_soon: int = 0
    open: int = 0
    ongoing: int = 0
    extended: int = 0  # items with an extension (延期) recorded
    people: tuple[Person, ...] = ()
    occurrences_on_time: int = 0  # recurring items count once per occurrence in the rate
    occurrences_late: int = 0
    occurrences_missed: int = 0

    def __init__(self, name: str, total: int = 0, done: int = 0, done_on_time: int = 0,
                 done_late: int = 0, overdue: int = 0, due_soon: int = 0, open: int = 0,
                 ongoing: int = 0, extended: int = 0, people: tuple[Person, ...] = (),
                 occurrences_on_time: int = 0, occurrences_late: int = 0,
                 occurrences_missed: int = 0):
        self.name = name
        self.total = total
        self.done = done
        self.done_on_time = done_on_time
        self.done_late = done_late
        self.overdue = overdue
        self.due_soon = due_soon
        self.open = open
        self.ongoing = ongoing
        self.extended = extended
        self.people = people
        self.occurrences_on_time = occurrences_on_time
        self.occurrences_late = occurrences_late
        self.occurrences_missed = occurrences_missed

    @classmethod
    def of(cls, name: str, rows: list[Item]) -> Tally:
        """The counts of ``rows``."""
        tally = cls(name)
        for row in rows:
            tally.add(row)
        return tally

    def add(self, item: Item) -> None:
        self.total += 1
        if item.task.extensions:
            self.extended += 1
        setattr(self, item.state, getattr(self, item.state) + 1)
        if item.occurrences is not None:
            for _occurrence, state in item.occurrences:
                if state in ("on_time", "late", "missed"):
                    name = f"occurrences_{state}"
                    setattr(self, name, getattr(self, name) + 1)
        if item.state == deadlines.DONE:
            punctual = on_time(item)
            if punctual is True:
                self.done_on_time += 1
            elif punctual is False:
                self.done_late += 1

    @property
    def done_undated(self) -> int:
        """Done items that say nothing of when (no done_on, or no deadline to judge by)."""
        return self.done - self.done_on_time - self.done_late

    @property
    def rate_base(self) -> int:
        """Items that could be judged: done with a date against a deadline, or past their deadline.

        Counted in items, like every other column of the row: 按时率 = 按时 ÷ (按时 + 超时 + 逾期).
        """
        return self.done_on_time + self.done_late + self.overdue

    @property
    def occurrences_due(self) -> int:
        """Occurrences of recurring items that fell due (or were done): 应办次数."""
        return self.occurrences_on_time + self.occurrences_late + self.occurrences_missed

    @property
    def occurrences_rate(self) -> float | None:
        """Occurrences done on time ÷ occurrences due."""
        return self.occurrences_on_time / self.occurrences_due if self.occurrences_due else None

    @property
    def on_time_rate(self) -> float | None:
        """Items done on or before the deadline ÷ items whose deadline has passed or that are done.

        Ongoing items (no deadline) and done items without a done_on date are left out. A
        recurring item's occurrences have their own rate (:attr:`occurrences_rate`).
        """
        return self.done_on_time / self.rate_base if self.rate_base else None

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "total": self.total, "done": self.done,
            "done_on_time": self.done_on_time, "done_late": self.done_late,
            "done_undated": self.done_undated,
            "overdue": self.overdue, "due_soon": self.due_soon, "open": self.open,
            "ongoing": self.ongoing, "extended": self.extended,
            "on_time_rate": None if self.on_time_rate is None else round(self.on_time_rate, 4),
            "people": [p.name for p in self.people],
            "occurrences_on_time": self.occurrences_on_time,
            "occurrences_late": self.occurrences_late,
            "occurrences_missed": self.occurrences_missed,
            "occurrences_due": self.occurrences_due,
            "occurrences_on_time_rate": (None if self.occurrences_rate is None
                                         else round(self.occurrences_rate, 4)),
        }


def on_time(item: Item) -> bool | None:
    """Whether a done item met its deadline; None when that cannot be told."""
    return item.task.on_time


class Dashboard(Value):
    FIELDS = ("as_of", "due_soon_days", "totals", "by_office", "overdue", "due_soon",
              "since_meeting", "title", "number", "due_soon_workdays", "reports")
    as_of: date
    due_soon_days: int
    totals: Tally
    by_office: list[Tally]
    overdue: list[Item]
    due_soon: list[Item]
    since_meeting: tuple[date, int, int] | None = None  # (meeting day, done, newly overdue)
    title: str = ""  # the table's name, and the notice's number, for the heading
    number: str = ""
    due_soon_workdays: int | None = None
    reports: list[Outstanding]  # per declaration

    def __init__(self, as_of: date, due_soon_days: int, totals: Tally,
                 by_office: list[Tally] | None = None, overdue: list[Item] | None = None,
                 due_soon: list[Item] | None = None,
                 since_meeting: tuple[date, int, int] | None = None, title: str = "",
                 number: str = "", due_soon_workdays: int | None = None,
                 reports: list[Outstanding] | None = None):
        self.as_of = as_of
        self.due_soon_days = due_soon_days
        self.totals = totals
        self.by_office = [] if by_office is None else by_office
        self.overdue = [] if overdue is None else overdue
        self.due_soon = [] if due_soon is None else due_soon
        self.since_meeting = since_meeting
        self.title = title
        self.number = number
        self.due_soon_workdays = due_soon_workdays
        self.reports = [] if reports is None else reports


def tally_by(table: Table, rows: list[Item], key: str) -> list[Tally]:
    """One Tally per lead office (``key='lead'``) or work task (``key='group'``), in table order."""
    tallies: dict[object, Tally] = {}
    if key == "lead":  # one pass over the rows to know which appear: linear, not offices × rows
        leads = {r.task.lead for r in rows}
        for office in table.offices.names:
            if office in leads:
                tallies[office] = Tally(office, people=tuple(table.roster.for_office(office)))
    else:
        groups = {r.task.group for r in rows}
        for gid, group in table.groups.items():
            if gid in groups:
                tallies[gid] = Tally(group.title)
    for row in rows:
        tallies[row.task.lead if key == "lead" else row.task.group].add(row)
    return list(tallies.values())


def dashboard(table: Table, rows: list[Item], today: date, due_soon_days: int) -> Dashboard:
    totals = Tally.of("total", rows)
    reports = []
    if table.reporting:
        from gkcli.reporting import outstanding

        reports = outstanding(table, today)
    return Dashboard(
        as_of=today,
        due_soon_days=due_soon_days,
        totals=totals,
        by_office=tally_by(table, rows, "lead"),
        overdue=by_urgency([r for r in rows if r.state == deadlines.OVERDUE]),
        due_soon=by_urgency([r for r in rows if r.state == deadlines.DUE_SOON]),
        title=table_title(table),
        number=table.notice.number,
        due_soon_workdays=table.settings.due_soon_workdays,
        reports=reports,
        since_meeting=since_meeting(table, rows, today),
    )


class Rows(list[Item]):
    """Items selected for an export, with what a printed sheet's title says: the table's name
    (or, for items of several notices, their numbers) and the day it stands as of (a list,
    so every renderer of items takes it as it is)."""

    title: str = ""
    as_of: date | None = None
    notices: tuple[str, ...] = ()  # gk --all: the notices (文号) of items of more than one


def titled(rows: list[Item], table: Table, today: date) -> Rows:
    found = Rows(rows)
    found.title, found.as_of = table_title(table), today
    return found


def titled_notices(rows: list[Item], tables: list[tuple[str, Table]], today: date) -> Rows:
    """gk --all: ``rows`` titled by the one notice (文号, table) of ``tables`` they are all of,
    as that table's own export is; else by the numbers of the notices they are of."""
    named = dict(tables)
    present = {r.notice for r in rows}
    notices = tuple(n for n in named if n in present) or tuple(named)  # in the workspace's order
    if len(notices) == 1:
        return titled(rows, named[notices[0]], today)
    found = Rows(rows)
    found.notices, found.as_of = notices, today
    return found


def table_title(table: Table) -> str:
    """What the table is called in headings and reminders: its own name, else the notice's."""
    return table.notice.table or table.notice.title


def since_meeting(table: Table, rows: list[Item], today: date) -> tuple[date, int, int] | None:
    """Since the last meeting on or before ``today``: items done after it, and items now
    overdue whose deadline passed after it. Read from the table alone (no history)."""
    meeting = table.last_meeting(today)
    if meeting is None:
        return None
    done = sum(1 for r in rows if r.task.done_on and meeting.on < r.task.done_on <= today)
    newly = sum(1 for r in rows if r.state == deadlines.OVERDUE and r.task.deadline.date
                and r.task.deadline.date >= meeting.on)
    return meeting.on, done, newly


def in_period(item: Item, since: date, today: date) -> bool:
    """For ``gk report --since``: due in [since, today], done in it, ongoing and not done before
    it, or still overdue at its end (however long before the period it fell due)."""
    if item.state == deadlines.OVERDUE:
        return True
    t = item.task
    due, done = t.deadline.date, t.done_on
    if item.occurrences is not None and any(
            since <= o.due <= today or (o.done_on is not None and since <= o.done_on <= today)
            for o, _state in item.occurrences):
        return True  # a recurring item: an occurrence fell due, or was done, in the period
    if done is not None and since <= done <= today:
        return True
    if due is not None:
        return since <= due <= today
    return t.status != "done" or done is None or done >= since


def _occurrences_since(item: Item, since: date) -> Item:
    """A recurring item with only the occurrences due, or done, from ``since`` on."""
    if item.occurrences is None:
        return item
    kept = tuple((o, s) for o, s in item.occurrences
                 if o.due >= since or (o.done_on is not None and o.done_on >= since))
    return item.replace(occurrences=kept)


class Reminder(Value):
    """What one office is asked about: its people and its overdue and due-soon items."""

    FIELDS = ("office", "people", "items", "reports")
    office: str
    people: tuple[Person, ...]
    items: list[tuple[Item, str]]  # (item, 'lead' or 'assist')
    reports: list[Row]  # reports missed or due soon

    def __init__(self, office: str, people: tuple[Person, ...], items: list[tuple[Item, str]],
                 reports: list[Row] | None = None):
        self.office = office
        self.people = people
        self.items = items
        self.reports = [] if reports is None else reports


def roster_order(table: Table) -> list[str]:
    """Every office: those the roster names first, in the roster's order, then the rest in
    the order tasks.yaml lists them."""
    named = [p.office for p in table.roster.members if p.office]
    return list(dict.fromkeys([*named, *table.offices.names]))


def reminders(table: Table, rows: list[Item], office: str | None = None,
              reports: dict[str, list[Row]] | None = None) -> list[Reminder]:
    """One Reminder per office with overdue or due-soon items, or reports owed, in roster order.

    Without ``office``: every office that leads or assists such an item (through a group
    such as 局各股室 too), each listing all the urgent items it leads or assists, and an
    office nobody in the roster heads as well. With ``office``: that office alone.
    ``reports`` (office → reporting rows, see :func:`gkcli.reporting.to_remind`) adds the
    reports each office owes.
    """
    reports = reports or {}
    urgent = by_urgency([r for r in rows if r.state in (deadlines.OVERDUE, deadlines.DUE_SOON)])
    offices = roster_order(table) if office is None else [office]
    wanted = set(offices)
    parts: dict[str, list[tuple[Item, str]]] = {name: [] for name in offices}
    for row in urgent:  # each row once, not once per office: the office leading, those assisting
        if row.task.lead in wanted:
            parts[row.task.lead].append((row, "lead"))
        for name in table.offices.assisting(row.task.assist, row.task.lead) & wanted:
            parts[name].append((row, "assist"))
    return [Reminder(name, tuple(table.roster.for_office(name)), parts[name], reports.get(name, []))
            for name in offices if parts[name] or reports.get(name)]


class Summary(Value):
    """``gk report``: tallies per lead office and per work task, over all items or a period."""

    FIELDS = ("as_of", "since", "totals", "by_office", "by_group", "reporting", "by_notice")
    as_of: date
    since: date | None
    totals: Tally
    by_office: list[Tally]
    by_group: list[Tally]
    reporting: list[Rate]  # 按时报送率 per office
    by_notice: list[Tally] | None = None  # across a workspace (gk --all report)

    def __init__(self, as_of: date, since: date | None, totals: Tally, by_office: list[Tally],
                 by_group: list[Tally], reporting: list[Rate] | None = None,
                 by_notice: list[Tally] | None = None):
        self.as_of = as_of
        self.since = since
        self.totals = totals
        self.by_office = by_office
        self.by_group = by_group
        self.reporting = [] if reporting is None else reporting
        self.by_notice = by_notice

    def as_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "as_of": self.as_of.isoformat(),
            "since": self.since.isoformat() if self.since else None,
            "totals": self.totals.as_json(),
            "by_office": [x.as_json() for x in self.by_office],
            "by_group": [x.as_json() for x in self.by_group],
            "reporting_by_office": [x.as_json() for x in self.reporting]}
        if self.by_notice is not None:
            found["by_notice"] = [x.as_json() for x in self.by_notice]
        return found


def summary(table: Table, rows: list[Item], today: date, since: date | None = None) -> Summary:
    if since:
        rows = [_occurrences_since(r, since) for r in rows if in_period(r, since, today)]
    totals = Tally.of("total", rows)
    rates = []
    if table.reporting:
        from gkcli.reporting import rates as reporting_rates

        rates = reporting_rates(table, today, since)
    return Summary(today, since, totals, tally_by(table, rows, "lead"), tally_by(table, rows, "group"),
                   rates)


class Section(Value):
    """One table of ``gk report``: catalogue keys of its title and first column, its rows."""

    FIELDS = ("title", "first", "tallies", "total", "unit")
    title: str
    first: str
    tallies: list[Tally]
    total: Tally | None = None  # a totals row after the tallies
    unit: str = "items"  # "occurrences": the recurring items' occurrences (应办/按时/超时/未完成 次数)

    def __init__(self, title: str, first: str, tallies: list[Tally], total: Tally | None = None,
                 unit: str = "items"):
        self.title = title
        self.first = first
        self.tallies = tallies
        self.total = total
        self.unit = unit


class Report(Value):
    """``gk report``: the summary, the heading's parts, and its sections in order."""

    FIELDS = ("summary", "title", "since", "as_of", "sections")
    summary: Summary
    title: str
    since: date | None  # a period from ``since`` to ``as_of``, or everything as of ``as_of``
    as_of: date
    sections: list[Section]

    def __init__(self, summary: Summary, title: str, since: date | None, as_of: date,
                 sections: list[Section]):
        self.summary = summary
        self.title = title
        self.since = since
        self.as_of = as_of
        self.sections = sections


def report(table: Table, rows: list[Item], today: date, since: date | None = None) -> Report:
    found = summary(table, rows, today, since)
    sections = [Section("by_office", "lead", found.by_office, found.totals),
                Section("by_group", "group", found.by_group)]
    if found.totals.occurrences_due:
        recurring = [x for x in found.by_office if x.occurrences_due]
        sections.append(Section("by_occurrence", "lead", recurring, found.totals, "occurrences"))
    return Report(found, table_title(table), since, today, sections)


class RosterView(Value):
    """``gk roster`` / ``gk who``: the leading group, or the people who answer for one office."""

    FIELDS = ("roster", "people", "office", "person")
    roster: Roster
    people: list[Person]
    office: str | None = None  # canonical name when asked about one office
    person: str | None = None  # the name when asked about one person (gk who 黄梁岸)

    def __init__(self, roster: Roster, people: list[Person], office: str | None = None,
                 person: str | None = None):
        self.roster = roster
        self.people = people
        self.office = office
        self.person = person


def roster(table: Table, office: str | None = None, people: bool = False) -> RosterView:
    """The whole roster, the people who answer for ``office``, or (with ``people``) the
    entry of the person so named: ``gk who 黄梁岸`` tells what he answers for."""
    if not office:
        return RosterView(table.roster, list(table.roster.members))
    if people and table.offices.canonical(office) is None and not table.offices.is_group(office):
        name = "".join(office.split())
        found = [p for p in table.roster.members if p.name == name]
        if found:
            return RosterView(table.roster, found, person=name)
        names = [p.name for p in table.roster.members]
        hint = table.offices.suggest(office)
        if hint is None:
            import difflib

            close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
            hint = close[0] if close else None
        if hint:
            raise NotFound("unknown_who_hint", name=office, hint=hint)
        raise NotFound("unknown_who", name=office)
    name = table.offices.resolve(office)
    return RosterView(table.roster, table.roster.for_office(name), name)


class Reminders(Value):
    """``gk remind``: a reminder per office, and what every message names."""

    FIELDS = ("reminders", "title", "number", "as_of", "sender", "attached_to", "notices")
    reminders: list[Reminder]
    title: str
    number: str
    as_of: date
    sender: str  # the group office's name ("" for none)
    attached_to: str | None  # the office it is attached to, said with the sender
    notices: dict[str, tuple[str, str]]  # gk --all: each item's notice → (table name, 文号)

    def __init__(self, reminders: list[Reminder], title: str, number: str, as_of: date, sender: str,
                 attached_to: str | None, notices: dict[str, tuple[str, str]] | None = None):
        self.reminders = reminders
        self.title = title
        self.number = number
        self.as_of = as_of
        self.sender = sender
        self.attached_to = attached_to
        self.notices = {} if notices is None else notices


def remind(table: Table, rows: list[Item], today: date, office: str | None = None,
           soon_days: int | None = None) -> Reminders:
    """Reminders as of ``today``; with reporting: declared, each office's missing reports too
    (and this cycle's, when it falls due within ``soon_days``)."""
    name = table.offices.resolve(office) if office else None
    owed = None
    if table.reporting:
        from gkcli.reporting import to_remind

        soon = table.settings.due_soon_days if soon_days is None else soon_days
        owed = to_remind(table, today, soon)
    return Reminders(reminders(table, rows, name, owed), table_title(table), table.notice.number,
                     today, table.roster.office_name or "", table.roster.attached_to)


class Timeline(Value):
    """``gk timeline``: the items on an axis from ``start`` to ``end``, ``today`` marked."""

    FIELDS = ("rows", "start", "end", "today")
    rows: list[Item]
    start: date
    end: date
    today: date

    def __init__(self, rows: list[Item], start: date, end: date, today: date):
        self.rows = rows
        self.start = start
        self.end = end
        self.today = today


def timeline(table: Table, rows: list[Item], today: date) -> Timeline:
    start, end = timeline_span(table, rows, today)
    return Timeline(rows, start, end, today)


def timeline_span(table: Table, rows: list[Item], today: date) -> tuple[date, date]:
    """From the notice's issue date (or the earliest date shown) to the latest deadline or today."""
    dates = [d for r in rows for d in (r.task.deadline.date, r.task.done_on) if d]
    start = min([table.notice.issued or today, *dates, today])
    return start, max([*dates, today])
