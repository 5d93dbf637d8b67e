"""Finding the data folder, reading both YAML files, and validating them into a Table."""

from __future__ import annotations

import datetime
import os
from datetime import date
from pathlib import Path

import yaml

from gkcli import conflicts, deadlines, workdays
from gkcli.conflicts import CONFLICT
from gkcli.errors import DataError, GkError, Problem, clip
from gkcli.model import (
    ROLES,
    Extension,
    Group,
    Meeting,
    Notice,
    Person,
    Reporting,
    Roster,
    Settings,
    Table,
    Task,
    in_force,
)
from gkcli.offices import Office, OfficeGroup, OfficeRegistry
from gkcli.yamlnodes import NodeReader, compose, gc_paused, position

TASKS_FILE = "tasks.yaml"
ROSTER_FILE = "leading_group.yaml"

STATUS_WORDS = {"todo": "todo", "doing": "doing", "done": "done",
                "未开始": "todo", "进行中": "doing", "已完成": "done"}
ROLE_WORDS = {"leader": "leader", "deputy": "deputy", "member": "member",
              "组长": "leader", "副组长": "deputy", "成员": "member"}

TASK_REQUIRED = ("id", "group", "title", "lead", "deadline", "status")
TASK_OPTIONAL = ("assist", "done_on", "notes", "progress", "start", "done_occurrences",
                 "extensions")
EXTENSION_REQUIRED = ("on", "to", "reason")
EXTENSION_OPTIONAL = ("from", "by")


def find_data_dir(explicit: str | None = None, cwd: Path | None = None) -> Path:
    """``--data``/``GK_DATA`` if given, else the nearest ``data/`` holding tasks.yaml upward."""
    if explicit:
        path = Path(explicit).expanduser()
        if path.is_file() and path.name == TASKS_FILE:
            path = path.parent
        if not (path / TASKS_FILE).is_file():
            raise GkError(f"no {TASKS_FILE} in {path} (check --data or GK_DATA)")
        return path
    start = (cwd or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        candidate = folder / "data"
        if (candidate / TASKS_FILE).is_file():
            return candidate
    raise GkError(
        f"no data/{TASKS_FILE} here or in any parent folder; "
        "run gk inside your table's repository or pass --data DIR (or set GK_DATA)"
    )


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the current folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


BOM = "\ufeff"
MAX_BYTES = 2 * 1024 * 1024  # a data file over 2 MB is refused (README: data safety)


def read_text(path: Path) -> tuple[str, bool]:
    """A data file's text without its byte-order mark, and whether it had one (kept on writing)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise GkError("too_big", path=display_path(path), size=round(size / 2**20, 1),
                          limit=MAX_BYTES // 2**20)
        raw = path.read_bytes()
    except OSError as exc:
        raise GkError(f"{display_path(path)}: cannot read: {exc.strerror}") from None
    return decode(raw, path)


def decode(raw: bytes, path: Path) -> tuple[str, bool]:
    """The bytes of a data file as text without its byte-order mark, and whether it had one."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GkError(
            f"{display_path(path)}: not UTF-8 (byte {exc.start}); save it as UTF-8"
        ) from None
    if text.startswith(BOM):
        return text[1:], True
    return text, False


class _TableReader(NodeReader):
    """Validates tasks.yaml; every method records problems and returns what it could read."""

    def __init__(self, path: str, calendar: workdays.Calendar | None = None):
        super().__init__(path)
        self.calendar = calendar or workdays.Calendar()
        self.issued: date | None = None
        self.settings_read = Settings()

    def keyed(self, node: yaml.Node, key: str, **params: object) -> None:
        """A problem given as a catalogue key with its values."""
        line, col = position(node)
        self.problems.append(Problem(self.path, line, col, key, params))

    def read(self, root: yaml.Node) -> Table | None:
        top = self.mapping(root, "tasks.yaml", required=("offices", "groups", "tasks"),
                           optional=("notice", "settings", "office_groups", "reporting",
                                     "meetings", CONFLICT))
        if top is None:
            return None
        if CONFLICT in top:
            conflicts.report(self, top.pop(CONFLICT), top, "file", TASKS_FILE)
        notice = self.notice(top["notice"]) if "notice" in top else Notice()
        self.issued = notice.issued
        settings = self.settings(top["settings"]) if "settings" in top else Settings()
        self.settings_read = settings
        registry = self.offices(top.get("offices"), top.get("office_groups"))
        groups = self.groups(top["groups"]) if "groups" in top else {}
        default_year = notice.issued.year if notice.issued else None
        tasks = self.tasks(top["tasks"], registry, groups, default_year) if "tasks" in top else []
        reporting: tuple[Reporting, ...] = ()
        if "reporting" in top:
            from gkcli.reporting import read_reporting

            reporting = read_reporting(self, top["reporting"], registry)
        meetings = self.meetings(top["meetings"]) if "meetings" in top else ()
        return Table(notice=notice, offices=registry, groups=groups, tasks=tasks, settings=settings,
                     reporting=reporting, calendar=self.calendar, meetings=meetings)

    def meetings(self, node: yaml.Node) -> tuple[Meeting, ...]:
        found = []
        for item in self.sequence(node, "meetings"):
            fields = self.mapping(item, "meeting", required=("on",), optional=("title",))
            if not fields or "on" not in fields:
                continue
            on = self.date(fields["on"], "meeting on")
            title = self.text(fields["title"], "meeting title", allow_empty=True) if "title" in fields else ""
            if on is not None:
                found.append(Meeting(on, title or ""))
        return tuple(found)

    def extensions(self, node: yaml.Node, where: str, default_year: int | None) -> list[Extension]:
        found = []
        for item in self.sequence(node, f"{where}: extensions"):
            fields = self.mapping(item, f"{where}: extension", required=EXTENSION_REQUIRED,
                                  optional=EXTENSION_OPTIONAL)
            if not fields or not all(k in fields for k in EXTENSION_REQUIRED):
                continue
            on = self.date(fields["on"], f"{where}: extension on")
            to = None
            raw = self.value(fields["to"])
            try:
                to = deadlines.resolve(raw, default_year)
            except deadlines.DeadlineError as exc:
                self.problem(fields["to"], f"{where}: {exc}")
            if to is not None and to.period is not None and on is not None:  # 延期10个工作日
                to = self.counted(to, on, fields["to"], where, None)
            reason = self.text(fields["reason"], f"{where}: extension reason")
            source = self.text(fields["from"], f"{where}: extension from") if "from" in fields else ""
            by = self.text(fields["by"], f"{where}: extension by") if "by" in fields else ""
            if on is not None and to is not None and reason is not None:
                found.append(Extension(on=on, to=to, reason=reason, from_text=source or "",
                                       by=by or ""))
        return found

    def notice(self, node: yaml.Node) -> Notice:
        fields = self.mapping(node, "notice", optional=("number", "issuer", "issued", "title", "table"))
        if not fields:
            return Notice()
        values = {k: self.text(v, f"notice {k}") or "" for k, v in fields.items() if k != "issued"}
        issued = None
        if "issued" in fields:
            issued = self.date(fields["issued"], "notice issued")
        return Notice(issued=issued, **values)

    def settings(self, node: yaml.Node) -> Settings:
        fields = self.mapping(node, "settings", optional=("due_soon_days", "commit",
                                                          "due_soon_workdays"))
        settings = Settings()
        if not fields:
            return settings
        if "due_soon_days" in fields:
            days = self.integer(fields["due_soon_days"], "settings due_soon_days")
            if days is not None and days < 0:
                self.problem(fields["due_soon_days"], "settings due_soon_days must not be negative")
            elif days is not None:
                settings.due_soon_days = days
        if "due_soon_workdays" in fields:
            days = self.integer(fields["due_soon_workdays"], "settings due_soon_workdays")
            if days is not None and days < 0:
                self.keyed(fields["due_soon_workdays"], "workdays_negative")
            elif days is not None:
                settings.due_soon_workdays = days
        if "commit" in fields:
            value = self.value(fields["commit"])
            if not isinstance(value, bool):
                self.problem(fields["commit"], "settings commit must be true or false")
            else:
                settings.commit = value
        return settings

    def date(self, node: yaml.Node, where: str) -> date | None:
        value = self.value(node)
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return deadlines.read_date(value)
            except deadlines.DeadlineError:
                pass
        self.problem(node, f"{where} must be a date like 2021-06-30")
        return None

    def offices(self, node: yaml.Node | None, groups_node: yaml.Node | None) -> OfficeRegistry:
        offices: list[Office] = []
        seen: dict[str, int] = {}
        for item in self.sequence(node, "offices") if node is not None else []:
            fields = self.mapping(item, "office", required=("name",), optional=("aliases",))
            if not fields or "name" not in fields:
                continue
            name = self.text(fields["name"], "office name")
            if name is None:
                continue
            aliases = self.texts(fields["aliases"], "office aliases") if "aliases" in fields else []
            for label, label_node in [(name, fields["name"]), *aliases]:
                if label in seen:
                    self.problem(label_node, f"office name {label} is used twice (first on line {seen[label]})")
                else:
                    seen[label] = position(label_node)[0]
            offices.append(Office(name, tuple(a for a, _ in aliases)))
        registry = OfficeRegistry(offices, [])
        groups: list[OfficeGroup] = []
        for item in self.sequence(groups_node, "office_groups") if groups_node is not None else []:
            fields = self.mapping(item, "office group", required=("name", "members"))
            if not fields or "name" not in fields or "members" not in fields:
                continue
            name = self.text(fields["name"], "office group name")
            if name is None:
                continue
            if name in seen:
                self.problem(fields["name"], f"office group {name} has the name of an office")
            members_node = fields["members"]
            if isinstance(members_node, yaml.ScalarNode) and self.value(members_node) == "all":
                groups.append(OfficeGroup(name, "all"))
                continue
            members = []
            for member, member_node in self.texts(members_node, "office group members"):
                _office(self, member_node, member, registry)
                members.append(member)
            groups.append(OfficeGroup(name, tuple(members)))
        return OfficeRegistry(offices, groups)

    def groups(self, node: yaml.Node) -> dict[int, Group]:
        groups: dict[int, Group] = {}
        for item in self.sequence(node, "groups"):
            fields = self.mapping(item, "work task", required=("id", "title"))
            if not fields or "id" not in fields or "title" not in fields:
                continue
            gid = self.integer(fields["id"], "work task id")
            title = self.text(fields["title"], "work task title")
            if gid is None or title is None:
                continue
            if gid in groups:
                self.problem(fields["id"], f"duplicate work task id {gid}")
                continue
            groups[gid] = Group(gid, title)
        return groups

    def office(self, node: yaml.Node, registry: OfficeRegistry, where: str,
               allow_group: bool) -> str | None:
        name = self.text(node, where)
        if name is None:
            return None
        if registry.is_group(name) and not allow_group:
            self.problem(node, f"{where} must be one office, not the group {name}")
            return None
        return _office(self, node, name, registry, allow_group)

    def tasks(self, node: yaml.Node, registry: OfficeRegistry, groups: dict[int, Group],
              default_year: int | None) -> list[Task]:
        tasks: list[Task] = []
        ids: dict[int, int] = {}
        for item in self.sequence(node, "tasks"):
            line = position(item)[0]
            where = f"item on line {line}"
            if isinstance(item, yaml.MappingNode):
                for key_node, value_node in item.value:
                    if getattr(key_node, "value", None) == "id" and isinstance(value_node, yaml.ScalarNode):
                        where = f"item {value_node.value}"
                        break
            fields = self.mapping(item, where, required=TASK_REQUIRED,
                                  optional=(*TASK_OPTIONAL, CONFLICT))
            if fields is None:
                continue
            if CONFLICT in fields:
                conflicts.report(self, fields.pop(CONFLICT), fields, "item",
                                 self.value(fields["id"]) if "id" in fields else line)
            task = self.task(fields, registry, groups, default_year, where, line)
            if task is None:
                continue
            if task.id in ids:
                self.problem(fields["id"], f"duplicate id {task.id} (also on line {ids[task.id]})")
                continue
            ids[task.id] = line
            tasks.append(task)
        return tasks

    def task(self, fields: dict[str, yaml.Node], registry: OfficeRegistry,
             groups: dict[int, Group], default_year: int | None, where: str,
             line: int) -> Task | None:
        ok = all(k in fields for k in TASK_REQUIRED)
        task_id = self.integer(fields["id"], f"{where}: id") if "id" in fields else None
        if task_id is not None and task_id <= 0:
            self.problem(fields["id"], f"{where}: id must be a positive number")
            task_id = None
        group = self.integer(fields["group"], f"{where}: group") if "group" in fields else None
        if group is not None and group not in groups:
            self.problem(fields["group"], f"{where}: unknown group {group}")
            group = None
        title = self.text(fields["title"], f"{where}: title") if "title" in fields else None
        lead = self.office(fields["lead"], registry, f"{where}: lead", False) if "lead" in fields else None
        assist: list[str] = []
        if "assist" in fields:
            for name, name_node in self.texts(fields["assist"], f"{where}: assist"):
                office = _office(self, name_node, name, registry, allow_group=True)
                if office is None:
                    ok = False
                else:
                    assist.append(office)
        deadline = None
        if "deadline" in fields:
            raw = self.value(fields["deadline"])
            try:
                deadline = deadlines.resolve(raw, default_year)
            except deadlines.DeadlineError as exc:
                self.problem(fields["deadline"], f"{where}: {exc}")
        status = None
        if "status" in fields:
            word = self.value(fields["status"])
            status = STATUS_WORDS.get(word) if isinstance(word, str) else None
            if status is None:
                self.problem(fields["status"],
                             f"{where}: bad status {clip(word)} (use todo, doing or done; 未开始, 进行中, 已完成)")
        done_on = self.date(fields["done_on"], f"{where}: done_on") if "done_on" in fields else None
        if done_on and status and status != "done":
            self.problem(fields["done_on"], f"{where}: done_on is set but status is {status}")
        notes = ""
        if "notes" in fields and self.value(fields["notes"]) is not None:
            notes = self.text(fields["notes"], f"{where}: notes", allow_empty=True) or ""
        progress: tuple[str, ...] = ()
        if "progress" in fields:
            progress = tuple(t for t, _ in self.texts(fields["progress"], f"{where}: progress"))
        start = self.date(fields["start"], f"{where}: start") if "start" in fields else None
        occurrences: tuple[tuple[str, date], ...] = ()
        if deadline is not None:
            deadline = self.counted(deadline, start, fields["deadline"], where, status)
        if "done_occurrences" in fields:
            occurrences = self.occurrences(fields["done_occurrences"], deadline, where)
        extensions: list[Extension] = []
        if "extensions" in fields:
            extensions = self.extensions(fields["extensions"], where, default_year)
        if (not ok or task_id is None or group is None or title is None or lead is None
                or deadline is None or status is None):
            return None
        original = None
        marked: tuple[Extension, ...] = ()
        if extensions:
            original = deadline
            deadline, marked = in_force(deadline, extensions)
        return Task(id=task_id, group=group, title=title, lead=lead, assist=tuple(assist),
                    deadline=deadline, status=status, done_on=done_on, notes=notes,
                    progress=progress, line=line, start=start, done_occurrences=occurrences,
                    deadline_original=original, extensions=marked)

    def counted(self, deadline: deadlines.Deadline, start: datetime.date | None, node: yaml.Node,
                where: str, status: str | None) -> deadlines.Deadline | None:
        """A period deadline counted out on the calendar; any deadline checked against it."""
        import dataclasses

        base = start or self.issued
        if deadline.kind in (deadlines.KIND_WORKDAYS, deadlines.KIND_DAYS, deadlines.KIND_RECURRING):
            if base is None:
                self.keyed(node, "needs_start", where=where, deadline=deadline.text[:40])
                return None
        if deadline.period is not None:
            assert base is not None  # a period is a workdays/days deadline: checked just above
            try:
                due = self.calendar.end_of(deadline.period, base)
            except workdays.NoHolidayData as exc:
                self.keyed(node, "no_holiday_data_item", where=where, deadline=deadline.text[:40],
                           year=exc.params["year"])
                return None
            return dataclasses.replace(deadline, date=due)
        wants = self.settings_read.due_soon_workdays is not None and status != "done"
        if wants and deadline.date is not None and not self.calendar.knows(deadline.date.year):
            self.keyed(node, "no_holiday_data_item", where=where, deadline=deadline.text[:40],
                       year=deadline.date.year)
        return deadline

    def occurrences(self, node: yaml.Node, deadline: deadlines.Deadline | None,
                    where: str) -> tuple[tuple[str, datetime.date], ...]:
        """``done_occurrences`` of a recurring item: entries ``2021-06 2021-06-25``."""
        from gkcli.reporting import read_entry

        if deadline is not None and deadline.rule is None:
            self.keyed(node, "occurrences_not_recurring", where=where)
            return ()
        found: dict[str, date] = {}
        for text, item in self.texts(node, f"{where}: done_occurrences"):
            entry = read_entry(text, deadline.rule if deadline else None, 2)
            if entry is None:
                example = "2021-06 2021-06-25"
                self.keyed(item, "occurrence_bad", where=where, value=text[:40], example=example)
                continue
            label, day = entry[0], entry[1]
            if label in found:
                self.keyed(item, "occurrence_twice", where=where, label=label)
                continue
            found[label] = day
        return tuple(found.items())


class _RosterReader(NodeReader):
    def read(self, root: yaml.Node, registry: OfficeRegistry) -> Roster:
        top = self.mapping(root, "leading_group.yaml", required=("members",),
                           optional=("group", CONFLICT))
        if top is None:
            return Roster()
        if CONFLICT in top:
            conflicts.report(self, top.pop(CONFLICT), top, "file", ROSTER_FILE)
        name, office_name, attached_to, director, director_node = "", "", None, None, None
        if "group" in top:
            group = self.mapping(top["group"], "group", optional=("name", "office")) or {}
            if "name" in group:
                name = self.text(group["name"], "group name") or ""
            if "office" in group:
                office = self.mapping(group["office"], "group office",
                                      optional=("name", "attached_to", "director")) or {}
                if "name" in office:
                    office_name = self.text(office["name"], "group office name") or ""
                if "attached_to" in office:
                    attached_to = self._office(office["attached_to"], registry, "attached_to")
                if "director" in office:
                    director = self.text(office["director"], "group office director")
                    director_node = office["director"]
        members: list[Person] = []
        for item in self.sequence(top["members"], "members") if "members" in top else []:
            fields = self.mapping(item, f"member on line {position(item)[0]}",
                                  required=("name", "role", "post"), optional=("office", CONFLICT))
            if fields and CONFLICT in fields:
                conflicts.report(self, fields.pop(CONFLICT), fields, "member",
                                 self.value(fields["name"]) if "name" in fields else "?")
            if not fields or not all(k in fields for k in ("name", "role", "post")):
                continue
            person_name = self.text(fields["name"], "member name")
            role_word = self.value(fields["role"])
            role = ROLE_WORDS.get(role_word) if isinstance(role_word, str) else None
            if role is None:
                self.problem(fields["role"],
                             f"bad role {clip(role_word)} (use {', '.join(ROLES)}; 组长, 副组长, 成员)")
            post = self.text(fields["post"], "member post")
            heads = None
            if "office" in fields:
                heads = self._office(fields["office"], registry, "office", who=person_name)
            if person_name and role and post:
                members.append(Person(person_name.replace(" ", "").replace("\u3000", ""),
                                      role, post, heads))
        if director and director_node is not None and director not in {p.name for p in members}:
            self.problem(director_node, f"group office director {director} is not in members")
        return Roster(name, office_name, attached_to, director, tuple(members))

    def _office(self, node: yaml.Node, registry: OfficeRegistry, where: str,
                who: str | None = None) -> str | None:
        name = self.text(node, where)
        if name is None:
            return None
        return _office(self, node, name, registry, prefix=f"{who} heads " if who else "")


def _office(reader: NodeReader, node: yaml.Node, name: str, registry: OfficeRegistry,
            allow_group: bool = False, prefix: str = "") -> str | None:
    """The office a name in the YAML stands for; a problem (with a hint) and None if unknown."""
    try:
        return registry.resolve(name, allow_group)
    except GkError:
        reader.problem(node, f"{prefix}{registry.unknown_message(name)}")
        return None


def _read_tasks(text: str, path: str,
                calendar: workdays.Calendar | None = None) -> tuple[Table | None, list[Problem]]:
    """What could be read of a tasks.yaml, even with problems, and the problems.

    Without ``calendar``, the one of the file's own folder (its holidays.yaml) is read.
    """
    root, problems = compose(text, path)
    if root is None:
        return None, problems or [Problem(path, 1, 1, "the file is empty")]
    if calendar is None:
        calendar, calendar_problems = workdays.read_calendar(Path(path).parent)
        if calendar_problems:
            return None, calendar_problems
    reader = _TableReader(path, calendar)
    return reader.read(root), reader.problems


def read_tasks_node(root: yaml.Node, path: str) -> tuple[Table | None, list[Problem]]:
    """:func:`validate_tasks_text` for a document already composed (a write has it at hand)."""
    reader = _TableReader(path)
    table = reader.read(root)
    return (None if reader.problems else table), reader.problems


def validate_tasks_text(text: str, path: str) -> tuple[Table | None, list[Problem]]:
    """Validate the text of a tasks.yaml; the Table is None when it has problems."""
    table, problems = _read_tasks(text, path)
    return (None if problems else table), problems


def read_table(data_dir: Path) -> tuple[Table | None, list[Problem]]:
    """Read and validate both files; the Table is None when either has problems.

    The roster is checked against the offices even when tasks.yaml has other problems,
    so gk check reports every problem of both files at once.
    """
    with gc_paused():  # no cycles among the nodes or the Table: see yamlnodes.gc_paused
        return _read_table(data_dir)


def _read_table(data_dir: Path) -> tuple[Table | None, list[Problem]]:
    tasks_path = data_dir / TASKS_FILE
    calendar, problems = workdays.read_calendar(data_dir)
    roster_path = data_dir / ROSTER_FILE
    roster_text = read_text(roster_path)[0] if roster_path.is_file() else None
    table, more = read_texts(read_text(tasks_path)[0], display_path(tasks_path),
                             roster_text, display_path(roster_path), calendar)
    problems += more
    return (None if problems else table), problems


def read_texts(tasks_text: str, tasks_path: str, roster_text: str | None, roster_path: str,
               calendar: workdays.Calendar | None = None) -> tuple[Table | None, list[Problem]]:
    """Validate the texts of both files (the roster may be absent); see :func:`read_table`."""
    table, problems = _read_tasks(tasks_text, tasks_path, calendar)
    roster = Roster()
    if roster_text is not None:
        root, roster_problems = compose(roster_text, roster_path)
        problems += roster_problems
        if root is not None:
            reader = _RosterReader(roster_path)
            roster = reader.read(root, table.offices if table else _AnyOffice())
            problems += reader.problems
    if problems or table is None:
        return None, problems
    table.roster = roster
    return table, problems


class _AnyOffice(OfficeRegistry):
    """Stands in when tasks.yaml is broken: roster offices are checked once it is fixed."""

    def __init__(self) -> None:
        super().__init__([], [])

    def canonical(self, name: str) -> str | None:
        return name


def load_table(data_dir: Path) -> Table:
    """The validated Table; raises DataError with every problem otherwise."""
    table, problems = read_table(data_dir)
    if problems or table is None:
        raise DataError(problems)
    return table
