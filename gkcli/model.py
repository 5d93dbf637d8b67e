"""The task table as plain data: no I/O, no rendering."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from gkcli import deadlines
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
class Task:
    """One item (具体事项) of the table, as written in the file."""

    id: int
    group: int
    title: str
    lead: str  # canonical office name
    assist: tuple[str, ...]  # canonical office or office-group names
    deadline: deadlines.Deadline
    status: str
    done_on: date | None = None
    notes: str = ""
    progress: tuple[str, ...] = ()
    line: int = 0  # 1-based line of the item in tasks.yaml
    status_word: str = ""  # the status as written (进行中 or doing), so a write keeps its language
    start: date | None = None  # when a period deadline (10个工作日内) starts counting
    done_occurrences: tuple[tuple[str, date], ...] = ()  # recurring: (occurrence, done on)


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

    def task(self, task_id: int) -> Task | None:
        for task in self.tasks:
            if task.id == task_id:
                return task
        return None

    def group_title(self, group_id: int) -> str:
        group = self.groups.get(group_id)
        return group.title if group else ""
