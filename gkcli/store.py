"""Finding the data folder, reading both YAML files, and validating them into a Table."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import yaml

from gkcli import conflicts, deadlines, workdays
from gkcli.conflicts import CONFLICT
from gkcli.errors import DataError, GkError, Msg, Problem
from gkcli.model import (
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


def upward(start: Path) -> Iterator[Path]:
    """``start`` and the folders above it, up to the top of the git work tree that holds it:
    a repository's tables are its own, and gk never reads another repository's above it."""
    for folder in (start, *start.parents):
        yield folder
        if (folder / ".git").exists():
            return


def notice_folders(data: Path) -> list[Path]:
    """The sub-folders of a data folder that hold a table of their own (one notice each)."""
    try:
        subs = sorted(p for p in data.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []
    return [p for p in subs if _holds_table(p)]


def _holds_table(folder: Path) -> bool:
    """Whether ``folder`` holds a tasks.yaml; one line naming it when it cannot be looked into."""
    try:
        return (folder / TASKS_FILE).is_file()
    except OSError as exc:  # a folder of someone else's, closed to her (EACCES)
        raise GkError("cannot_read", path=display_path(folder), reason=exc.strerror) from None


def find_data_dir(explicit: str | None = None, cwd: Path | None = None) -> Path:
    """``--data``/``GK_DATA`` if given, else the table she stands in: the nearest folder upward
    that is ``data/`` holding tasks.yaml or a notice's folder in it (``data/NAME/``), or that
    has such a ``data/`` (or a ``data/`` holding one notice's folder and no main table) —
    within her git repository."""
    if explicit:
        path = Path(explicit).expanduser()
        if path.is_file() and path.name == TASKS_FILE:
            path = path.parent
        if not (path / TASKS_FILE).is_file():
            raise GkError("no_tasks_in", path=str(path))
        return path
    for folder in upward((cwd or Path.cwd()).resolve()):
        if (folder / TASKS_FILE).is_file() and "data" in (folder.name, folder.parent.name):
            return folder
        candidate = folder / "data"
        if (candidate / TASKS_FILE).is_file():
            return candidate
        notices = notice_folders(candidate) if candidate.is_dir() else []
        if len(notices) == 1:  # one notice and no main table (a first gk import): that one
            return notices[0]
        if notices:  # a workspace of notices and no main table: which one is hers?
            names = [p.name for p in notices[:5]] + (["…"] if len(notices) > 5 else [])
            raise GkError("only_notices", path=display_path(candidate), names=names,
                          first=display_path(notices[0]))
    raise GkError("no_data_dir")


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
        raise GkError("cannot_read", path=display_path(path), reason=exc.strerror) from None
    return decode(raw, path)


def decode(raw: bytes, path: Path) -> tuple[str, bool]:
    """The bytes of a data file as text without its byte-order mark, and whether it had one."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _looks_gbk(raw):
            raise GkError("not_utf8_gbk", path=display_path(path)) from None
        raise GkError("not_utf8", path=display_path(path), byte=exc.start) from None
    if text.startswith(BOM):
        return text[1:], True
    return text, False


def _looks_gbk(raw: bytes) -> bool:
    """Whether bytes that are not UTF-8 read as GBK (cp936), as Notepad's "ANSI" saves Chinese."""
    try:
        text = raw.decode("gbk")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


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
        for fields in self.entries(node, "meetings", ("on",), ("title",), entry="meeting"):
            on = self.date(fields["on"], "meeting on")
            title = self.text(fields["title"], "meeting title", allow_empty=True) if "title" in fields else ""
            if on is not None:
                found.append(Meeting(on, title or ""))
        return tuple(found)

    def extensions(self, node: yaml.Node, where: object, default_year: int | None) -> list[Extension]:
        found = []
        for fields in self.entries(node, Msg.of("where.field", where=where, field="extensions"),
                                   EXTENSION_REQUIRED, EXTENSION_OPTIONAL,
                                   entry=Msg.of("where.field", where=where, field="extension")):
            on = self.date(fields["on"], Msg.of("where.field", where=where, field="extension on"))
            to = self.deadline(fields["to"], where, default_year)
            if to is not None and to.period is not None and on is not None:  # 延期10个工作日
                to = self.counted(to, on, fields["to"], where, None)
            reason = self.text(fields["reason"], Msg.of("where.field", where=where, field="extension reason"))
            source = self.text(fields["from"], Msg.of("where.field", where=where, field="extension from")) if "from" in fields else ""
            by = self.text(fields["by"], Msg.of("where.field", where=where, field="extension by")) if "by" in fields else ""
            if on is not None and to is not None and reason is not None:
                found.append(Extension(on=on, to=to, reason=reason, from_text=source or "",
                                       by=by or ""))
        return found

    def notice(self, node: yaml.Node) -> Notice:
        fields = self.mapping(node, "notice", optional=("number", "issuer", "issued", "title", "table"))
        if not fields:
            return Notice()
        values = {k: self.text(v, f"notice.{k}") or "" for k, v in fields.items() if k != "issued"}
        issued = None
        if "issued" in fields:
            issued = self.date(fields["issued"], "notice.issued")
        return Notice(issued=issued, **values)

    def settings(self, node: yaml.Node) -> Settings:
        fields = self.mapping(node, "settings", optional=("due_soon_days", "commit",
                                                          "due_soon_workdays"))
        settings = Settings()
        if not fields:
            return settings
        if "due_soon_days" in fields:
            days = self.integer(fields["due_soon_days"], "settings.due_soon_days")
            if days is not None and days < 0:
                self.problem(fields["due_soon_days"], "must_not_be_negative", where="settings.due_soon_days")
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
                self.problem(fields["commit"], "must_be_bool", where="settings.commit")
            else:
                settings.commit = value
        return settings

    def deadline(self, node: yaml.Node, where: object,
                 default_year: int | None) -> deadlines.Deadline | None:
        """A deadline phrase (2021年6月底, 每月底, 10个工作日内), or None with a problem."""
        try:
            return deadlines.resolve(self.value(node), default_year)
        except deadlines.DeadlineError as exc:
            self.problem(node, "field_error", where=where, detail=exc)
            return None

    def date(self, node: yaml.Node, where: object) -> date | None:
        day = deadlines.date_value(self.value(node))
        if day is None:
            self.problem(node, "must_be_date", where=where)
        return day

    def offices(self, node: yaml.Node | None, groups_node: yaml.Node | None) -> OfficeRegistry:
        offices: list[Office] = []
        seen: dict[str, int] = {}
        for fields in self.entries(node, "offices", ("name",), ("aliases",)):
            name = self.text(fields["name"], "offices.name")
            if name is None:
                continue
            aliases = self.texts(fields["aliases"], "offices.aliases") if "aliases" in fields else []
            for label, label_node in [(name, fields["name"]), *aliases]:
                if label in seen:
                    self.problem(label_node, "office_name_twice", name=label, line=seen[label])
                else:
                    seen[label] = position(label_node)[0]
            offices.append(Office(name, tuple(a for a, _ in aliases)))
        registry = OfficeRegistry(offices, [])
        groups: list[OfficeGroup] = []
        for fields in self.entries(groups_node, "office_groups", ("name", "members")):
            name = self.text(fields["name"], "office_groups.name")
            if name is None:
                continue
            if name in seen:
                self.problem(fields["name"], "group_named_as_office", name=name)
            members_node = fields["members"]
            if isinstance(members_node, yaml.ScalarNode) and self.value(members_node) == "all":
                groups.append(OfficeGroup(name, "all"))
                continue
            members = []
            for member, member_node in self.texts(members_node, "office_groups.members"):
                _office(self, member_node, member, registry)
                members.append(member)
            groups.append(OfficeGroup(name, tuple(members)))
        return OfficeRegistry(offices, groups)

    def groups(self, node: yaml.Node) -> dict[int, Group]:
        groups: dict[int, Group] = {}
        for fields in self.entries(node, "groups", ("id", "title")):
            gid = self.integer(fields["id"], "groups.id")
            title = self.text(fields["title"], "groups.title")
            if gid is None or title is None:
                continue
            if gid in groups:
                self.problem(fields["id"], "duplicate_group_id", id=gid)
                continue
            groups[gid] = Group(gid, title)
        return groups

    def office(self, node: yaml.Node, registry: OfficeRegistry, where: object,
               allow_group: bool) -> str | None:
        name = self.text(node, where)
        if name is None:
            return None
        if registry.is_group(name) and not allow_group:
            self.problem(node, "one_office_not_group", where=where, name=name)
            return None
        return _office(self, node, name, registry, allow_group)

    def tasks(self, node: yaml.Node, registry: OfficeRegistry, groups: dict[int, Group],
              default_year: int | None) -> list[Task]:
        tasks: list[Task] = []
        ids: dict[int, int] = {}
        for item in self.sequence(node, "tasks"):
            line = position(item)[0]
            where = Msg.of("where.item_line", line=line)
            if isinstance(item, yaml.MappingNode):
                for key_node, value_node in item.value:
                    if getattr(key_node, "value", None) == "id" and isinstance(value_node, yaml.ScalarNode):
                        where = Msg.of("where.item", id=value_node.value)
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
                self.problem(fields["id"], "duplicate_id", id=task.id, line=ids[task.id])
                continue
            ids[task.id] = line
            tasks.append(task)
        return tasks

    def task(self, fields: dict[str, yaml.Node], registry: OfficeRegistry,
             groups: dict[int, Group], default_year: int | None, where: Msg,
             line: int) -> Task | None:
        ok = all(k in fields for k in TASK_REQUIRED)

        def at(field: str) -> Msg:
            return Msg.of("where.field", where=where, field=field)

        task_id = self.integer(fields["id"], at("id")) if "id" in fields else None
        if task_id is not None and task_id <= 0:
            self.problem(fields["id"], "must_be_positive", where=at("id"))
            task_id = None
        group = self.integer(fields["group"], at("group")) if "group" in fields else None
        if group is not None and group not in groups:
            self.problem(fields["group"], "unknown_group", where=where, id=group)
            group = None
        title = self.text(fields["title"], at("title")) if "title" in fields else None
        lead = self.office(fields["lead"], registry, at("lead"), False) if "lead" in fields else None
        assist: list[str] = []
        if "assist" in fields:
            for name, name_node in self.texts(fields["assist"], at("assist")):
                office = _office(self, name_node, name, registry, allow_group=True)
                if office is None:
                    ok = False
                else:
                    assist.append(office)
        deadline = None
        if "deadline" in fields:
            deadline = self.deadline(fields["deadline"], where, default_year)
        status = None
        if "status" in fields:
            word = self.value(fields["status"])
            status = STATUS_WORDS.get(word) if isinstance(word, str) else None
            if status is None:
                self.problem(fields["status"], "bad_status", where=where, word=str(word))
        done_on = self.date(fields["done_on"], at("done_on")) if "done_on" in fields else None
        if done_on and status and status != "done":
            self.problem(fields["done_on"], "done_on_not_done", where=where, status=str(word))
        notes = ""
        if "notes" in fields and self.value(fields["notes"]) is not None:
            notes = self.text(fields["notes"], at("notes"), allow_empty=True) or ""
        progress: tuple[str, ...] = ()
        if "progress" in fields:
            progress = tuple(t for t, _ in self.texts(fields["progress"], at("progress")))
        start = self.date(fields["start"], at("start")) if "start" in fields else None
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
                    progress=progress, line=line, status_word=str(word), start=start,
                    done_occurrences=occurrences, deadline_original=original, extensions=marked)

    def counted(self, deadline: deadlines.Deadline, start: datetime.date | None, node: yaml.Node,
                where: object, status: str | None) -> deadlines.Deadline | None:
        """A period deadline counted out on the calendar; any deadline checked against it."""
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
            return deadline.replace(date=due)
        wants = self.settings_read.due_soon_workdays is not None and status != "done"
        if wants and deadline.date is not None and not self.calendar.knows(deadline.date.year):
            self.keyed(node, "no_holiday_data_item", where=where, deadline=deadline.text[:40],
                       year=deadline.date.year)
        return deadline

    def occurrences(self, node: yaml.Node, deadline: deadlines.Deadline | None,
                    where: object) -> tuple[tuple[str, datetime.date], ...]:
        """``done_occurrences`` of a recurring item: entries ``2021-06 2021-06-25``."""
        from gkcli.reporting import read_entry

        if deadline is not None and deadline.rule is None:
            self.keyed(node, "occurrences_not_recurring", where=where)
            return ()
        found: dict[str, date] = {}
        for text, item in self.texts(node, Msg.of("where.field", where=where, field="done_occurrences")):
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
                name = self.text(group["name"], "group.name") or ""
            if "office" in group:
                office = self.mapping(group["office"], "group.office",
                                      optional=("name", "attached_to", "director")) or {}
                if "name" in office:
                    office_name = self.text(office["name"], "group.office.name") or ""
                if "attached_to" in office:
                    attached_to = self._office(office["attached_to"], registry, "group.office.attached_to")
                if "director" in office:
                    director = self.text(office["director"], "group.office.director")
                    director_node = office["director"]
        members: list[Person] = []
        for item in self.sequence(top["members"], "members") if "members" in top else []:
            fields = self.mapping(item, Msg.of("where.member_line", line=position(item)[0]),
                                  required=("name", "role", "post"), optional=("office", CONFLICT))
            if fields and CONFLICT in fields:
                conflicts.report(self, fields.pop(CONFLICT), fields, "member",
                                 self.value(fields["name"]) if "name" in fields else "?")
            if not fields or not all(k in fields for k in ("name", "role", "post")):
                continue
            person_name = self.text(fields["name"], "members.name")
            role_word = self.value(fields["role"])
            role = ROLE_WORDS.get(role_word) if isinstance(role_word, str) else None
            if role is None:
                self.problem(fields["role"], "bad_role", word=str(role_word))
            post = self.text(fields["post"], "members.post")
            heads = None
            if "office" in fields:
                heads = self._office(fields["office"], registry, "members.office", who=person_name)
            if person_name and role and post:
                members.append(Person(person_name.replace(" ", "").replace("\u3000", ""),
                                      role, post, heads))
        if director and director_node is not None and director not in {p.name for p in members}:
            self.problem(director_node, "director_not_member", name=director)
        return Roster(name, office_name, attached_to, director, tuple(members))

    def _office(self, node: yaml.Node, registry: OfficeRegistry, where: object,
                who: str | None = None) -> str | None:
        name = self.text(node, where)
        if name is None:
            return None
        return _office(self, node, name, registry, who=who)


def _office(reader: NodeReader, node: yaml.Node, name: str, registry: OfficeRegistry,
            allow_group: bool = False, who: str | None = None) -> str | None:
    """The office a name in the YAML stands for; a problem (with a hint) and None if unknown."""
    try:
        return registry.resolve(name, allow_group)
    except GkError:
        unknown = registry.unknown(name)
        if who:
            reader.problem(node, "person_heads", who=who, detail=unknown)
        else:
            reader.problem(node, unknown.key, **unknown.params)
        return None


def _read_tasks(text: str, path: str,
                calendar: workdays.Calendar | None = None) -> tuple[Table | None, list[Problem]]:
    """What could be read of a tasks.yaml, even with problems, and the problems.

    Without ``calendar``, the one of the file's own folder (its holidays.yaml) is read.
    """
    root, problems = compose(text, path)
    if root is None:
        return None, problems or [Problem(path, 1, 1, "file_empty")]
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


def warnings(table: Table, data_dir: Path, today: date) -> list[Problem]:
    """Likely mistakes that do not stop gk (``gk check`` lists them and exits 0)."""
    tasks_path = display_path(data_dir / TASKS_FILE)
    roster_path = display_path(data_dir / ROSTER_FILE)
    found: list[Problem] = []

    def warn(path: str, line: int, key: str, **params: object) -> None:
        found.append(Problem(path, line, 1, key, params, warning=True))

    issued = table.notice.issued
    for task in table.tasks:
        due = task.deadline.date
        if issued and due and due < issued:
            warn(tasks_path, task.line, "warn.deadline_before_notice", id=task.id,
                 deadline=task.deadline.text, issued=issued.isoformat())
        if task.done_on and task.done_on > today:
            warn(tasks_path, task.line, "warn.done_in_future", id=task.id,
                 day=task.done_on.isoformat(), today=today.isoformat())
        for group in task.assist:
            if not table.offices.is_group(group):
                continue
            covered = table.offices.expand(group, task.lead)
            for office in task.assist:
                if office != group and office in covered:
                    warn(tasks_path, task.line, "warn.assist_covered", id=task.id, office=office,
                         group=group)
    if not (data_dir / ROSTER_FILE).is_file():
        warn(roster_path, 1, "warn.no_roster")
        return found
    for office in table.offices.names:
        led = sum(1 for t in table.tasks if t.lead == office)
        if led and not table.roster.for_office(office):
            warn(roster_path, 1, "warn.nobody_heads", office=office, n=led)
    return found


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
