"""The task table as plain data: no I/O, no rendering."""

from __future__ import annotations

from datetime import date
from typing import Any

from gkcli import deadlines
from gkcli.deadlines import Deadline
from gkcli.errors import no_item
from gkcli.offices import OfficeRegistry
from gkcli.values import Frozen, Value
from gkcli.workdays import Calendar

ROLES = ("leader", "deputy", "member")


class Notice(Frozen):
    FIELDS = ("number", "issuer", "issued", "title", "table")
    number: str = ""
    issuer: str = ""
    issued: date | None = None
    title: str = ""
    table: str = ""

    def __init__(self, number: str = "", issuer: str = "", issued: date | None = None,
                 title: str = "", table: str = ""):
        d = self.__dict__
        d["number"], d["issuer"], d["issued"], d["title"], d["table"] = (
            number, issuer, issued, title, table)


class Group(Frozen):
    """A work task (工作任务) that groups items."""

    FIELDS = ("id", "title")
    id: int
    title: str

    def __init__(self, id: int, title: str):
        d = self.__dict__
        d["id"], d["title"] = id, title


class Extension(Frozen):
    """A granted extension (延期): on the day ``on`` the deadline ``from_text`` became ``to``.

    ``counts`` is False for one granted after the deadline it replaces: it is recorded and
    shown, but the item is judged against the earlier deadline (没有办理延期的事项按原定时间考核).
    """

    FIELDS = ("on", "to", "reason", "from_text", "by", "counts")
    on: date
    to: Deadline
    reason: str
    from_text: str = ""
    by: str = ""
    counts: bool = True

    def __init__(self, on: date, to: Deadline, reason: str, from_text: str = "", by: str = "",
                 counts: bool = True):
        d = self.__dict__
        d["on"], d["to"], d["reason"], d["from_text"], d["by"], d["counts"] = (
            on, to, reason, from_text, by, counts)

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
        marked.append(ext.replace(counts=counts))
        if counts:
            current = ext.to
    return current, tuple(marked)


class Meeting(Frozen):
    """A meeting of the leading group (专题会议), recorded with ``gk meeting``."""

    FIELDS = ("on", "title")
    on: date
    title: str = ""

    def __init__(self, on: date, title: str = ""):
        d = self.__dict__
        d["on"], d["title"] = on, title


class Task(Frozen):
    """One item (具体事项) of the table, as written in the file."""

    FIELDS = ("id", "group", "title", "lead", "assist", "deadline", "status", "done_on", "notes",
              "progress", "line", "status_word", "start", "done_occurrences", "deadline_original",
              "extensions")
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

    def __init__(self, id: int, group: int, title: str, lead: str, assist: tuple[str, ...],
                 deadline: deadlines.Deadline, status: str, done_on: date | None = None,
                 notes: str = "", progress: tuple[str, ...] = (), line: int = 0,
                 status_word: str = "", start: date | None = None,
                 done_occurrences: tuple[tuple[str, date], ...] = (),
                 deadline_original: deadlines.Deadline | None = None,
                 extensions: tuple[Extension, ...] = ()):
        d = self.__dict__
        d["id"], d["group"], d["title"], d["lead"], d["assist"] = id, group, title, lead, assist
        d["deadline"], d["status"], d["done_on"], d["notes"] = deadline, status, done_on, notes
        d["progress"], d["line"], d["status_word"], d["start"] = progress, line, status_word, start
        d["done_occurrences"], d["deadline_original"], d["extensions"] = (
            done_occurrences, deadline_original, extensions)

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


class Person(Frozen):
    FIELDS = ("name", "role", "post", "office")
    name: str
    role: str
    post: str
    office: str | None = None  # canonical office name the person heads

    def __init__(self, name: str, role: str, post: str, office: str | None = None):
        d = self.__dict__
        d["name"], d["role"], d["post"], d["office"] = name, role, post, office


class Roster(Frozen):
    FIELDS = ("name", "office_name", "attached_to", "director", "members")
    name: str = ""
    office_name: str = ""
    attached_to: str | None = None
    director: str | None = None
    members: tuple[Person, ...] = ()

    def __init__(self, name: str = "", office_name: str = "", attached_to: str | None = None,
                 director: str | None = None, members: tuple[Person, ...] = ()):
        d = self.__dict__
        d["name"], d["office_name"], d["attached_to"], d["director"], d["members"] = (
            name, office_name, attached_to, director, members)

    def for_office(self, office: str) -> list[Person]:
        return [p for p in self.members if p.office == office]


class Settings(Value):
    FIELDS = ("due_soon_days", "commit", "due_soon_workdays")
    due_soon_days: int = deadlines.DEFAULT_DUE_SOON_DAYS
    commit: bool = False
    due_soon_workdays: int | None = None  # when set, 'due soon' counts working days

    def __init__(self, due_soon_days: int = deadlines.DEFAULT_DUE_SOON_DAYS, commit: bool = False,
                 due_soon_workdays: int | None = None):
        self.due_soon_days = due_soon_days
        self.commit = commit
        self.due_soon_workdays = due_soon_workdays


class Report(Frozen):
    """One office's report for one cycle of a reporting declaration."""

    FIELDS = ("cycle", "on", "office")
    cycle: str  # 2021-06, 2021-Q2, 2021-H1, 2021
    on: date
    office: str

    def __init__(self, cycle: str, on: date, office: str):
        d = self.__dict__
        d["cycle"], d["on"], d["office"] = cycle, on, office


class Reporting(Frozen):
    """A reporting rhythm the notice declares (``reporting:``): what, how often, from whom."""

    FIELDS = ("what", "every", "offices", "to", "start", "reports", "line")
    what: str
    every: deadlines.Deadline  # a recurring deadline: 每月28日前, 每季度末
    offices: tuple[str, ...] = ()  # from whom; empty means each lead office
    to: str = ""
    start: date | None = None
    reports: tuple[Report, ...] = ()
    line: int = 0

    def __init__(self, what: str, every: deadlines.Deadline, offices: tuple[str, ...] = (),
                 to: str = "", start: date | None = None, reports: tuple[Report, ...] = (),
                 line: int = 0):
        d = self.__dict__
        d["what"], d["every"], d["offices"], d["to"], d["start"], d["reports"], d["line"] = (
            what, every, offices, to, start, reports, line)


class Table(Value):
    """Everything gk knows: the notice, offices, work tasks, items and roster."""

    FIELDS = ("notice", "offices", "groups", "tasks", "roster", "settings", "reporting",
              "calendar", "meetings")
    notice: Notice
    offices: OfficeRegistry
    groups: dict[int, Group]
    tasks: list[Task]
    roster: Roster
    settings: Settings
    reporting: tuple[Reporting, ...] = ()
    calendar: Calendar
    meetings: tuple[Meeting, ...] = ()

    def __init__(self, notice: Notice, offices: OfficeRegistry, groups: dict[int, Group],
                 tasks: list[Task], roster: Roster | None = None, settings: Settings | None = None,
                 reporting: tuple[Reporting, ...] = (), calendar: Calendar | None = None,
                 meetings: tuple[Meeting, ...] = ()):
        self.notice = notice
        self.offices = offices
        self.groups = groups
        self.tasks = tasks
        self.roster = Roster() if roster is None else roster
        self.settings = Settings() if settings is None else settings
        self.reporting = reporting
        self.calendar = Calendar() if calendar is None else calendar
        self.meetings = meetings

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
