"""Items as of a date (state, days left) and the filters of ``gk list``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gkcli import deadlines
from gkcli.errors import no_item
from gkcli.model import Person, Table, Task


@dataclass(frozen=True)
class Item:
    """A task with what it means as of ``today``."""

    task: Task
    group_title: str
    state: str
    days_left: int | None
    lead_people: tuple[Person, ...]

    def as_json(self) -> dict:
        """The JSON contract of ``gk list --format json``: add fields, never rename."""
        t = self.task
        return {
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
        }


def items(table: Table, today: date, soon_days: int | None = None) -> list[Item]:
    """Every task as of ``today``, in file order."""
    soon = table.settings.due_soon_days if soon_days is None else soon_days
    return [
        Item(
            task=t,
            group_title=table.group_title(t.group),
            state=deadlines.state_of(t.status, t.deadline.date, today, soon),
            days_left=deadlines.days_left(t.deadline.date, today),
            lead_people=tuple(table.roster.for_office(t.lead)),
        )
        for t in table.tasks
    ]


@dataclass
class Filter:
    """The filters shared by list, overdue, export and remind. Empty means no filter."""

    office: str | None = None
    lead: str | None = None
    assist: str | None = None
    states: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    groups: tuple[int, ...] = ()
    due_before: date | None = None
    due_after: date | None = None
    search: str | None = None


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
