"""The documents that leave the office, as data: the 通报, the 催办通知单, the calendar and the
page. Core only: each function gathers what its document states, as of a date; the
renderers (:mod:`gkcli.docx_report`, :mod:`gkcli.ics`, :mod:`gkcli.html_page`) word and lay
it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from gkcli.errors import GkError
from gkcli.model import Notice
from gkcli.model import Table as Data
from gkcli.query import Item
from gkcli.report import (
    Dashboard,
    Reminders,
    Summary,
    Timeline,
    dashboard,
    in_period,
    remind,
    summary,
    table_title,
    timeline,
)
from gkcli.summary import Digest, digest

REPLY_DAYS = 7  # a 催办通知单 asks for a reply within a week unless told otherwise


def sender_of(table: Data) -> str:
    """Who sends the documents: the roster's group office (领导小组办公室), else the issuer."""
    return table.roster.office_name or table.notice.issuer or ""


@dataclass
class Bulletin:
    """The 通报: what it counts (all items, or a period's), and who sends it."""

    notice: Notice
    table_title: str
    title: str | None  # the 通报's own title; None for the default (关于<table>进展情况的通报)
    sender: str
    rows: list[Item]
    summary: Summary
    digest: Digest

    @property
    def as_of(self) -> date:
        return self.digest.as_of

    @property
    def since(self) -> date | None:
        return self.digest.since


def bulletin(table: Data, rows: list[Item], today: date, since: date | None = None,
             title: str | None = None, due_soon_days: int | None = None) -> Bulletin:
    """With ``since``, a period's 通报: the items due or done from ``since`` to ``today``
    (as ``gk report --since``)."""
    if since is not None:
        rows = [r for r in rows if in_period(r, since, today)]
    return Bulletin(table.notice, table_title(table), title, sender_of(table), rows,
                    summary(table, rows, today), digest(table, rows, today, since, due_soon_days))


@dataclass
class Notices:
    """The 催办通知单: the reminders, the day to reply by, and who sends them."""

    reminders: Reminders
    reply_by: date
    sender: str


def notices(table: Data, rows: list[Item], today: date, office: str | None = None,
            reply_by: date | None = None) -> Notices:
    """Refuses (``nothing_to_remind_doc``) when no office has an item to be reminded of."""
    found = remind(table, rows, today, office)
    if not found.reminders:
        raise GkError("nothing_to_remind_doc")
    return Notices(found, reply_by or today + timedelta(days=REPLY_DAYS), sender_of(table))


@dataclass
class Feed:
    """The calendar: the items with their dates, and what makes their UIDs stable."""

    title: str
    number: str
    uid_source: str  # the notice number, else the table's name
    as_of: date
    rows: list[Item]
    alarm_days: int | None = None


def feed(table: Data, rows: list[Item], today: date, alarm_days: int | None = None) -> Feed:
    name = table_title(table)
    return Feed(name, table.notice.number, table.notice.number or name, today, rows, alarm_days)


@dataclass
class Page:
    """The page for the leaders: the dashboard, the report, the summary, the timeline, the items."""

    notice: Notice
    title: str
    dashboard: Dashboard
    summary: Summary
    digest: Digest
    timeline: Timeline

    @property
    def rows(self) -> list[Item]:
        return self.timeline.rows


def page(table: Data, rows: list[Item], today: date, due_soon_days: int) -> Page:
    return Page(table.notice, table_title(table), dashboard(table, rows, today, due_soon_days),
                summary(table, rows, today), digest(table, rows, today, None, due_soon_days),
                timeline(table, rows, today))


def for_export(fmt: str, table: Data, rows: list[Item], today: date, due_soon_days: int,
               title: str | None = None, alarm_days: int | None = None) -> object:
    """What ``gk export`` hands the renderer of ``fmt``: a document, or the rows themselves."""
    if fmt == "docx":
        return bulletin(table, rows, today, title=title, due_soon_days=due_soon_days)
    if fmt == "ics":
        return feed(table, rows, today, alarm_days)
    if fmt == "html":
        return page(table, rows, today, due_soon_days)
    return rows
