"""Reporting cycles: what the offices must report, how often, and who has reported.

A notice may set a reporting rhythm rather than one date. tasks.yaml declares it::

    reporting:
      - what: 进展情况          # what is due
        every: 每月28日前       # how often and by when (any recurring deadline)
        from: [运管股, 安监股]  # from whom [default: each office that leads an item]
        to: 综合股              # to whom (shown in reminders)
        reported:               # gk reported writes here: cycle, day, office
          - 2021-06 2021-06-25 运管股（政策法规股）

Each cycle is named like an occurrence (``2021-06``, ``2021-Q2``, ``2021-H1``, ``2021``);
the first is the first due on or after ``start`` (else the notice's issue date).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import yaml

from gkcli import deadlines, recurrence
from gkcli.errors import GkError, Msg, NotFound
from gkcli.model import Report, Reporting, Table

if TYPE_CHECKING:
    from gkcli.changes import Change
    from gkcli.offices import OfficeRegistry
    from gkcli.store import _TableReader
    from gkcli.yamledit import TasksText

ON_TIME, LATE, MISSING, PENDING = "on_time", "late", "missing", "pending"
STATES = (ON_TIME, LATE, MISSING, PENDING)


def read_entry(text: str, rule: recurrence.Rule | None, parts: int) -> tuple[str, date, str] | None:
    """``2021-06 2021-06-25`` (parts=2) or ``2021-06 2021-06-25 运管股`` (parts=3), or None.

    The third value is the office (parts=3), else empty."""
    from gkcli.deadlines import DeadlineError, read_date

    pieces = text.split(None, parts - 1)
    if len(pieces) != parts:
        return None
    label = pieces[0]
    if rule is not None and not rule.is_label(label):
        return None
    try:
        day = read_date(pieces[1])
    except DeadlineError:
        return None
    return label, day, pieces[2] if parts == 3 else ""


def read_reporting(reader: _TableReader, node: yaml.Node,
                   registry: OfficeRegistry) -> tuple[Reporting, ...]:
    """Validate ``reporting:`` with positioned problems (``reader`` is the tasks.yaml reader)."""
    from gkcli.store import _office
    from gkcli.yamlnodes import position

    found = []
    for item in reader.sequence(node, "reporting"):
        fields = reader.mapping(item, "reporting", required=("what", "every"),
                                optional=("from", "to", "start", "reported"))
        if not fields or "what" not in fields or "every" not in fields:
            continue
        what = reader.text(fields["what"], "reporting what")
        phrase = reader.text(fields["every"], "reporting every")
        rule = None
        every: deadlines.Deadline | None = None
        if phrase is not None:
            try:
                every = deadlines.resolve(phrase)
            except deadlines.DeadlineError:
                every = None
            if every is None or every.rule is None:
                reader.keyed(fields["every"], "reporting_not_recurring", value=phrase[:40])
            else:
                rule = every.rule
        offices = []
        if "from" in fields:
            for name, name_node in reader.texts(fields["from"], "reporting from"):
                office = _office(reader, name_node, name, registry)
                if office is not None:
                    offices.append(office)
        to = (reader.text(fields["to"], "reporting to") or "") if "to" in fields else ""
        start = reader.date(fields["start"], "reporting start") if "start" in fields else None
        if start is None and reader.issued is None and rule is not None:
            reader.keyed(fields["every"], "needs_start", where="reporting",
                         deadline=(phrase or "")[:40])
            rule = None
        reports: list[Report] = []
        seen: set[tuple[str, str]] = set()
        if "reported" in fields:
            for text, entry_node in reader.texts(fields["reported"], "reporting reported"):
                entry = read_entry(text, rule, 3)
                if entry is None:
                    reader.keyed(entry_node, "report_bad", value=text[:40],
                                 example="2021-06 2021-06-25 综合股")
                    continue
                label, day, name = entry
                office = _office(reader, entry_node, name.strip(), registry)
                if office is None:
                    continue
                if (label, office) in seen:
                    reader.keyed(entry_node, "report_twice", office=office, cycle=label)
                    continue
                seen.add((label, office))
                reports.append(Report(label, day, office))
        if what is None or rule is None or every is None:
            continue
        found.append(Reporting(what=what, every=every, offices=tuple(offices), to=to,
                               start=start, reports=tuple(reports), line=position(item)[0]))
    return tuple(found)


# --- cycles × offices ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """One office's report for one cycle, as of a day."""

    what: str
    cycle: str
    office: str
    due: date
    reported_on: date | None
    state: str
    to: str = ""
    notice: str | None = None  # the notice's number (文号), across a workspace (gk --all)

    def as_json(self) -> dict[str, Any]:
        """The JSON contract of ``gk reports --format json``: add fields, never rename."""
        found = {"what": self.what, "cycle": self.cycle, "office": self.office,
                 "due": self.due.isoformat(),
                 "reported_on": self.reported_on.isoformat() if self.reported_on else None,
                 "state": self.state, "to": self.to}
        if self.notice is not None:
            found["notice"] = self.notice
        return found


def offices_of(table: Table, decl: Reporting) -> list[str]:
    """Who reports: the declared offices, else each office that leads an item."""
    if decl.offices:
        return list(decl.offices)
    return [o for o in table.offices.names if any(t.lead == o for t in table.tasks)]


def first_day(table: Table, decl: Reporting) -> date:
    first = decl.start or table.notice.issued
    assert first is not None  # validation refuses a declaration without either
    return first


def rule_of(decl: Reporting) -> recurrence.Rule:
    """The rhythm of a declaration: validation keeps only those whose ``every`` recurs."""
    rule = decl.every.rule
    assert rule is not None  # read_reporting drops a declaration that does not recur
    return rule


def cycles(table: Table, decl: Reporting, today: date) -> list[tuple[str, date]]:
    """(cycle, due) from the first through the one due next as of ``today``."""
    found = []
    for label, due in recurrence.periods(rule_of(decl), first_day(table, decl)):
        found.append((label, due))
        if due >= today:
            break
    return found


def state_of(due: date, reported_on: date | None, today: date) -> str:
    if reported_on is not None:
        return ON_TIME if reported_on <= due else LATE
    return MISSING if due < today else PENDING


def rows(table: Table, today: date, office: str | None = None) -> list[Row]:
    """Every declaration × cycle × office, as of ``today``."""
    found = []
    for decl in table.reporting:
        done = {(r.cycle, r.office): r.on for r in decl.reports}
        for label, due in cycles(table, decl, today):
            for name in offices_of(table, decl):
                if office and name != office:
                    continue
                on = done.get((label, name))
                found.append(Row(decl.what, label, name, due, on, state_of(due, on, today), decl.to))
    return found


@dataclass
class Outstanding:
    """For gk status: per declaration, who has not reported this cycle, and who is late."""

    what: str
    cycle: str
    due: date
    to: str
    not_yet: list[str] = field(default_factory=list)  # 本期未报送
    missing: list[Row] = field(default_factory=list)  # 逾期未报送

    def as_json(self) -> dict[str, Any]:
        return {"what": self.what, "cycle": self.cycle, "due": self.due.isoformat(),
                "to": self.to, "not_yet": self.not_yet,
                "missing": [r.as_json() for r in self.missing]}


def outstanding(table: Table, today: date) -> list[Outstanding]:
    result = []
    everything = rows(table, today)
    for decl in table.reporting:
        label, due = cycles(table, decl, today)[-1]
        mine = [r for r in everything if r.what == decl.what]
        result.append(Outstanding(
            decl.what, label, due, decl.to,
            not_yet=[r.office for r in mine if r.cycle == label and r.state == PENDING],
            missing=[r for r in mine if r.state == MISSING]))
    return result


def to_remind(table: Table, today: date, soon_days: int) -> dict[str, list[Row]]:
    """Per office: reports missed, and this cycle's report when it falls due within ``soon_days``."""
    found: dict[str, list[Row]] = {}
    for row in rows(table, today):
        soon = row.state == PENDING and (row.due - today).days <= soon_days
        if row.state == MISSING or soon:
            found.setdefault(row.office, []).append(row)
    return found


@dataclass
class Rate:
    """按时报送率 for one office: reports on time ÷ cycles whose cut-off has passed or reported."""

    office: str
    on_time: int = 0
    late: int = 0
    missing: int = 0

    @property
    def rate(self) -> float | None:
        base = self.on_time + self.late + self.missing
        return self.on_time / base if base else None

    def as_json(self) -> dict[str, Any]:
        return {"office": self.office, "on_time": self.on_time, "late": self.late,
                "missing": self.missing,
                "rate": None if self.rate is None else round(self.rate, 4)}


def rates(table: Table, today: date, since: date | None = None) -> list[Rate]:
    found: dict[str, Rate] = {}
    for row in rows(table, today):
        if since and row.due < since:
            continue
        rate = found.setdefault(row.office, Rate(row.office))
        if row.state != PENDING:
            setattr(rate, row.state, getattr(rate, row.state) + 1)
    order = table.offices.names
    return sorted(found.values(), key=lambda r: order.index(r.office) if r.office in order else 0)


# --- gk reported --------------------------------------------------------------------------------

def choose(table: Table, what: str | None) -> tuple[int, Reporting]:
    """The declaration ``gk reported`` records against: the only one, or the one named."""
    if not table.reporting:
        raise GkError("no_reporting")
    names = "、".join(d.what for d in table.reporting)
    if what is None:
        if len(table.reporting) > 1:
            raise GkError("which_reporting", names=names)
        return 0, table.reporting[0]
    for index, decl in enumerate(table.reporting):
        if decl.what == what.strip():
            return index, decl
    raise NotFound("unknown_reporting", what=what[:40], names=names)


def reported(table: Table, office: str, day: date, today: date, cycle: str | None = None,
             what: str | None = None) -> Change:
    """The Change that records ``office``'s report for a cycle (default: the current one)."""
    from gkcli.changes import Change

    if day > today:
        raise GkError("report_future", on=day.isoformat(), today=today.isoformat())
    index, decl = choose(table, what)
    if office not in offices_of(table, decl):
        raise GkError("not_reporting_office", office=office, what=decl.what)
    rule = rule_of(decl)
    done = {r.cycle: r.on for r in decl.reports if r.office == office}
    if cycle is None:
        cycle = recurrence.current_label(rule, first_day(table, decl), day, done)
    elif not rule.is_label(cycle):
        raise GkError("bad_cycle", cycle=cycle[:20], every=decl.every.text[:40],
                      example=rule.label(day.year, 0))
    else:
        rule.check_open(cycle, day)
    if cycle in done:
        raise GkError("already_reported", office=office, cycle=cycle, on=done[cycle].isoformat())
    entry = f"{cycle} {day.isoformat()} {office}"

    def edit(doc: TasksText) -> None:
        doc.append_to_reporting(index, "reported", entry)

    return Change(Msg.of("commit.reported", office=office, what=decl.what, cycle=cycle,
                         day=day.isoformat()), edit)


def listing(table: Table, today: date, office: str | None = None,
            states: tuple[str, ...] = ()) -> list[Row]:
    """``gk reports``: the rows of one office (any name or alias) and of some states, or all."""
    name = table.offices.resolve(office) if office else None
    return [r for r in rows(table, today, name) if not states or r.state in states]
