"""The facts a short summary (``gk summary``) and the 通报's opening paragraph state.

Core only: counts and lists, no words. :mod:`gkcli.summary_text` writes them out as
sentences; the 通报 (:mod:`gkcli.docx_report`) and the HTML page reuse those sentences.

``since`` marks the start of a period (a date today; the last meeting's date once
meetings are recorded): what was done in it and what fell overdue in it. The totals are
always as of ``today``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gkcli import deadlines
from gkcli.model import Table
from gkcli.query import Item, by_urgency
from gkcli.report import Tally, table_title


@dataclass
class Digest:
    as_of: date
    since: date | None
    title: str
    number: str
    totals: Tally
    overdue_by_office: list[tuple[str, list[Item]]] = field(default_factory=list)
    due_soon: list[Item] = field(default_factory=list)
    due_soon_days: int = deadlines.DEFAULT_DUE_SOON_DAYS
    done: list[Item] = field(default_factory=list)  # done in the period, or all done items
    fell_overdue: list[Item] = field(default_factory=list)  # in the period only

    @property
    def overdue_offices(self) -> list[str]:
        return [office for office, _ in self.overdue_by_office]

    def as_json(self) -> dict[str, Any]:
        def ids(rows: list[Item]) -> list[int]:
            return [r.task.id for r in rows]

        return {
            "as_of": self.as_of.isoformat(),
            "since": self.since.isoformat() if self.since else None,
            "totals": self.totals.as_json(),
            "overdue_by_office": [{"office": office, "ids": ids(rows)}
                                  for office, rows in self.overdue_by_office],
            "due_soon": ids(self.due_soon),
            "done": ids(self.done),
            "fell_overdue": ids(self.fell_overdue),
        }


def digest(table: Table, rows: list[Item], today: date, since: date | None = None,
           due_soon_days: int | None = None) -> Digest:
    """The summary of ``rows`` as of ``today``; with ``since``, also what changed since then."""
    totals = Tally.of("total", rows)
    overdue = by_urgency([r for r in rows if r.state == deadlines.OVERDUE])
    by_office = []
    for office in table.offices.names:
        mine = [r for r in overdue if r.task.lead == office]
        if mine:
            by_office.append((office, sorted(mine, key=lambda r: r.task.id)))
    done = [r for r in rows if r.state == deadlines.DONE]
    fell = []
    if since is not None:
        done = [r for r in done if r.task.done_on is not None and since <= r.task.done_on <= today]
        fell = [r for r in overdue
                if r.task.deadline.date is not None and since <= r.task.deadline.date < today]
    return Digest(
        as_of=today, since=since, title=table_title(table),
        number=table.notice.number, totals=totals, overdue_by_office=by_office,
        due_soon=by_urgency([r for r in rows if r.state == deadlines.DUE_SOON]),
        due_soon_days=table.settings.due_soon_days if due_soon_days is None else due_soon_days,
        done=sorted(done, key=lambda r: (r.task.done_on or today, r.task.id)),
        fell_overdue=sorted(fell, key=lambda r: r.task.id),
    )
