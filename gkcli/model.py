"""The task table as plain data: no I/O, no rendering."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from gkcli import deadlines
from gkcli.deadlines import Deadline
from gkcli.errors import no_item
from gkcli.offices import OfficeRegistry
from gkcli.workdays import Calendar

ROLES = ("leader", "deputy", "member")


@dataclass(frozen=True)
class Notice:
    number: str = ""
    issuer: str = ""
    issued: date | None = None
    title: str = ""
    table: str = ""


@dataclass(frozen=True)
class Group:
    """A work task (工作任务) that groups items."""

    id: int
    title: str


@dataclass(frozen=True)
class Extension:
    """A granted extension (延期): on the day ``on`` the deadline ``from_text`` became ``to``.

    ``counts`` is False for one granted after the deadline it replaces: it is recorded and
    shown, but the item is judged against the earlier deadline (没有办理延期的事项按原定时间考核).
    """

    on: date
    to: Deadline
    reason: str
    from_text: str = ""
    by: str = ""
    counts: bool = True

    def as_json(self) -> dict[str, Any]:
        return {"on": self.on.isoformat(), "from": self.from_text, "to": self.to.text,
                "reason": self.reason, "by": self.by or None, "counts": self.counts}


def in_force(original: Deadline, extensions: tuple[Extension, ...] | list[Extension]
             ) -> tuple[Deadline, tuple[Extension, ...]]:
    """The deadline in force after ``extensions`` (in date order), and each one marked as
    counting or not: an extension counts when granted on or before the deadline it replaces."""
    current = original
    marked = []
    for ext in sorted(extensions, key=lambda e: e.on):
        counts = current.date is None or ext.on <= current.date
        marked.append(replace(ext, counts=counts))
        if counts:
            current = ext.to
    return current, tuple(marked)


@dataclass(frozen=True)
class Meeting:
    """A meeting of the leading group (专题会议), recorded with ``gk meeting``."""

    on: date
    title: str = ""


@dataclass(frozen=True)
class Task:
    """One item (具体事项) of the table, as written in the file."""

    id: int
    group: int
    title: str
    lead: str  # canonical office name
    assist: tuple[str, ...]  # canonical office or office-group names
    deadline: deadlines.Deadline  # the deadline in force (the last counting extension's)
    status: str
    done_on: date | None = None
    notes: str = ""
    progress: tuple[str, ...] = ()
    line: int = 0  # 1-based line of the item in tasks.yaml
    status_word: str = ""  # the status as written (进行中 or doing), so a write keeps its language
    start: date | None = None  # when a period deadline (10个工作日内) starts counting
    done_occurrences: tuple[tuple[str, date], ...] = ()  # recurring: (occurrence, done on)
    deadline_original: deadlines.Deadline | None = None  # as written in `deadline:`; None: same
    extensions: tuple[Extension, ...] = ()

    @property
    def original(self) -> deadlines.Deadline:
        return self.deadline_original or self.deadline

    @property
    def on_time(self) -> bool | None:
        """Done on or before the deadline in force; None when not done or undated."""
        if self.status != "done" or self.done_on is None or self.deadline.date is None:
            return None
        return self.done_on <= self.deadline.date

    @property
    def days_late(self) -> int | None:
        """Days past the deadline in force when it was done (0 when on time)."""
        if self.on_time is None:
            return None
        return max(0, (self.done_on - self.deadline.date).days)  # type: ignore[operator]


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    post: str
    office: str | None = None  # canonical office name the person heads


@dataclass(frozen=True)
class Roster:
    name: str = ""
    office_name: str = ""
    attached_to: str | None = None
    director: str | None = None
    members: tuple[Person, ...] = ()

    def for_office(self, office: str) -> list[Person]:
        return [p for p in self.members if p.office == office]


@dataclass
class Settings:
    due_soon_days: int = deadlines.DEFAULT_DUE_SOON_DAYS
    commit: bool = False
    due_soon_workdays: int | None = None  # when set, 'due soon' counts working days


@dataclass(frozen=True)
class Report:
    """One office's report for one cycle of a reporting declaration."""

    cycle: str  # 2021-06, 2021-Q2, 2021-H1, 2021
    on: date
    office: str


@dataclass(frozen=True)
class Reporting:
    """A reporting rhythm the notice declares (``reporting:``): what, how often, from whom."""

    what: str
    every: deadlines.Deadline  # a recurring deadline: 每月28日前, 每季度末
    offices: tuple[str, ...] = ()  # from whom; empty means each lead office
    to: str = ""
    start: date | None = None
    reports: tuple[Report, ...] = ()
    line: int = 0


@dataclass
class Table:
    """Everything gk knows: the notice, offices, work tasks, items and roster."""

    notice: Notice
    offices: OfficeRegistry
    groups: dict[int, Group]
    tasks: list[Task]
    roster: Roster = field(default_factory=Roster)
    settings: Settings = field(default_factory=Settings)
    reporting: tuple[Reporting, ...] = ()
    calendar: Calendar = field(default_factory=Calendar)
    meetings: tuple[Meeting, ...] = ()

    def last_meeting(self, on_or_before: date | None = None) -> Meeting | None:
        held = [m for m in self.meetings if on_or_before is None or m.on <= on_or_before]
        return max(held, key=lambda m: m.on, default=None)

    def task(self, task_id: int) -> Task | None:
        for task in self.tasks:
            if task.id == task_id:
                return task
        return None

    def find(self, task_id: int) -> Task:
        """The item numbered ``task_id``; NotFound (没有第N项) when the table has none."""
        task = self.task(task_id)
        if task is None:
            raise no_item(task_id)
        return task

    def group_title(self, group_id: int) -> str:
        group = self.groups.get(group_id)
        return group.title if group else ""
