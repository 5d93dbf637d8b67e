"""Items as of a date (state, days left) and the filters of ``gk list``."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from gkcli import deadlines
from gkcli.errors import no_item
from gkcli.model import Person, Table, Task
from gkcli.values import Frozen, Value

if TYPE_CHECKING:
    from gkcli.recurrence import Occurrence


class Item(Frozen):
    """A task with what it means as of ``today``."""

    FIELDS = ("task", "group_title", "state", "days_left", "lead_people", "workdays_left",
              "occurrences", "notice")
    task: Task
    group_title: str
    state: str
    days_left: int | None
    lead_people: tuple[Person, ...]
    workdays_left: int | None = None  # 剩N个工作日: for working-day periods, or when settings ask
    occurrences: tuple[tuple[Occurrence, str], ...] | None = None  # recurring: (occurrence, state)
    notice: str | None = None  # the notice's number (文号), across a workspace (gk --all)

    def __init__(self, task: Task, group_title: str, state: str, days_left: int | None,
                 lead_people: tuple[Person, ...], workdays_left: int | None = None,
                 occurrences: tuple[tuple[Occurrence, str], ...] | None = None,
                 notice: str | None = None):
        d = self.__dict__
        d["task"], d["group_title"], d["state"], d["days_left"] = task, group_title, state, days_left
        d["lead_people"], d["workdays_left"], d["occurrences"], d["notice"] = (
            lead_people, workdays_left, occurrences, notice)

    def as_json(self) -> dict[str, Any]:
        """The JSON contract of ``gk list --format json``: add fields, never rename."""
        t = self.task
        found = {
            "id": t.id,
            "group": t.group,
            "group_title": self.group_title,
            "title": t.title,
            "lead": t.lead,
            "assist": list(t.assist),
            "deadline": t.deadline.date.isoformat() if t.deadline.date else None,
            "deadline_text": t.deadline.text,
            "status": t.status,
            "state": self.state,
            "days_left": self.days_left,
            "done_on": t.done_on.isoformat() if t.done_on else None,
            "notes": t.notes,
            "progress": list(t.progress),
            "lead_people": [p.name for p in self.lead_people],
            "on_time": t.on_time,
            "days_late": t.days_late,
            "deadline_original": t.original.date.isoformat() if t.original.date else None,
            "extensions": [e.as_json() for e in t.extensions],
            "start": t.start.isoformat() if t.start else None,
            "deadline_kind": t.deadline.kind,
            "workdays_left": self.workdays_left,
            "occurrences": None if self.occurrences is None else [
                occ.as_json(state) for occ, state in self.occurrences],
        }
        if self.notice is not None:
            found["notice"] = self.notice
        return found


def items(table: Table, today: date, soon_days: int | None = None,
          notice: str | None = None) -> list[Item]:
    """Every task as of ``today``, in file order; ``notice`` names the table (gk --all)."""
    soon = table.settings.due_soon_days if soon_days is None else soon_days
    people = {office: tuple(table.roster.for_office(office))  # once per office, not per item
              for office in {t.lead for t in table.tasks}}
    return [_item(table, t, today, soon, people, notice) for t in table.tasks]


def _item(table: Table, t: Task, today: date, soon: int,
          people: dict[str, tuple[Person, ...]] | None = None, notice: str | None = None) -> Item:
    """One task as of ``today``: a recurring one at its current occurrence."""
    occurrences = None
    if t.deadline.rule is not None:
        from gkcli import recurrence

        first = t.start or table.notice.issued
        assert first is not None  # the loader refuses a recurring deadline with neither (needs_start)
        found = recurrence.schedule(t.deadline.rule, first, today, dict(t.done_occurrences))
        occurrences = tuple((o, o.state(today)) for o in found.occurrences)
        if t.status != "done" and found.current is not None:
            t = t.replace(deadline=t.deadline.replace(date=found.current.due))
    due = t.deadline.date
    state = deadlines.state_of(t.status, due, today, soon)
    workdays_left = None
    soon_workdays = table.settings.due_soon_workdays
    counts_workdays = soon_workdays is not None
    if state != deadlines.DONE and due is not None and due >= today and (
            counts_workdays or t.deadline.kind == deadlines.KIND_WORKDAYS):
        from gkcli.workdays import NoHolidayData

        try:
            workdays_left = table.calendar.workdays_left(today, due)
        except NoHolidayData:  # today in a year without data: say calendar days, never guess
            workdays_left = None
        if soon_workdays is not None and due > today:
            left = (due - today).days if workdays_left is None else workdays_left
            state = deadlines.DUE_SOON if left <= soon_workdays else deadlines.OPEN
    return Item(task=t, group_title=table.group_title(t.group), state=state,
                days_left=deadlines.days_left(due, today),
                lead_people=(people[t.lead] if people is not None
                             else tuple(table.roster.for_office(t.lead))),
                workdays_left=workdays_left, occurrences=occurrences, notice=notice)


class Filter(Value):
    """The filters shared by list, overdue, export and remind. Empty means no filter."""

    FIELDS = ("office", "lead", "assist", "states", "statuses", "groups", "due_before",
              "due_after", "search")
    office: str | None = None
    lead: str | None = None
    assist: str | None = None
    states: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    groups: tuple[int, ...] = ()
    due_before: date | None = None
    due_after: date | None = None
    search: str | None = None

    def __init__(self, office: str | None = None, lead: str | None = None,
                 assist: str | None = None, states: tuple[str, ...] = (),
                 statuses: tuple[str, ...] = (), groups: tuple[int, ...] = (),
                 due_before: date | None = None, due_after: date | None = None,
                 search: str | None = None):
        self.office, self.lead, self.assist = office, lead, assist
        self.states, self.statuses, self.groups = states, statuses, groups
        self.due_before, self.due_after, self.search = due_before, due_after, search


def item(rows: list[Item], task_id: int) -> Item:
    """The row of one id (gk show); NotFound if the table has no such item."""
    for row in rows:
        if row.task.id == task_id:
            return row
    raise no_item(task_id)


def leads(task: Task, office: str) -> bool:
    return task.lead == office


def assists(table: Table, task: Task, office: str) -> bool:
    """True when ``office`` assists the task, named or through a group like 局各股室."""
    return office in table.offices.assisting(task.assist, task.lead)


def role_of(table: Table, task: Task, office: str) -> str | None:
    """'lead', 'assist' or None for an office's part in a task."""
    if leads(task, office):
        return "lead"
    if assists(table, task, office):
        return "assist"
    return None


def select(table: Table, rows: list[Item], f: Filter) -> list[Item]:
    """The rows that pass every filter of ``f``."""
    resolve = table.offices.resolve
    office = resolve(f.office) if f.office else None
    lead = resolve(f.lead) if f.lead else None
    assist = resolve(f.assist, allow_group=True) if f.assist else None
    group = assist if assist and table.offices.is_group(assist) else None
    needle = f.search.casefold() if f.search else None
    chosen = []
    for row in rows:
        t = row.task
        if office and role_of(table, t, office) is None:
            continue
        if lead and not leads(t, lead):
            continue
        if group and group not in t.assist:  # --assist 局各股室: the items that list the group
            continue
        if assist and not group and not assists(table, t, assist):
            continue
        if f.states and row.state not in f.states:
            continue
        if f.statuses and t.status not in f.statuses:
            continue
        if f.groups and t.group not in f.groups:
            continue
        when = t.deadline.date
        if f.due_before and (when is None or when > f.due_before):
            continue
        if f.due_after and (when is None or when < f.due_after):
            continue
        if needle and not _matches(row, needle):
            continue
        chosen.append(row)
    return chosen


def _matches(row: Item, needle: str) -> bool:
    t = row.task
    haystack = " ".join([t.title, row.group_title, t.lead, *t.assist, t.notes, *t.progress])
    return needle in haystack.casefold()


def by_urgency(rows: list[Item]) -> list[Item]:
    """Most overdue first, then soonest due; ongoing last."""
    return sorted(rows, key=lambda r: (r.days_left is None, r.days_left or 0, r.task.id))
