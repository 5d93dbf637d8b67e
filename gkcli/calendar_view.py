"""Showing occurrences of recurring items and reporting cycles: status blocks, tables, reminders.

Like :mod:`gkcli.render`, it writes to the stream it is given; rich is imported only by
the table renderers.
"""

from __future__ import annotations

from datetime import date
from typing import TextIO

from gkcli.i18n import t
from gkcli.query import Item
from gkcli.reporting import Outstanding, Rate, Row

REPORT_STYLE = {"on_time": "green", "late": "yellow", "missing": "bold red", "pending": ""}


def _day(lang: str, day: date) -> str:
    return f"{day.month}月{day.day}日" if lang == "zh" else day.isoformat()


def _to(lang: str, to: str) -> str:
    return t(lang, "rpt.to", to=to) if to else ""


def occurrence_lines(item: Item, lang: str) -> list[str]:
    """For gk show: one line per occurrence, met or missed, up to the current one."""
    lines = []
    for occ, state in item.occurrences or ():
        done = t(lang, "occ.done_on", on=occ.done_on.isoformat()) if occ.done_on else ""
        lines.append(t(lang, "occ.line", label=occ.label, due=occ.due.isoformat(),
                       state=t(lang, f"occ.{state}"), done=done))
    return lines


def outstanding(console, found: list[Outstanding], lang: str) -> None:
    """For gk status: per declaration, 本期未报送 before the cut-off, 逾期未报送 after it."""
    from rich.markup import escape

    sep = "：" if lang == "zh" else ": "
    for block in found:
        heading = t(lang, "rpt.heading", what=block.what, cycle=block.cycle,
                    due=_day(lang, block.due), to=_to(lang, block.to))
        console.print(f"[bold]{t(lang, 'reports')}[/] {escape(heading)}")
        if block.not_yet:
            console.print(f"  {t(lang, 'rpt.pending')}{sep}{escape('、'.join(block.not_yet))}")
        by_office: dict[str, list[str]] = {}
        for row in block.missing:
            by_office.setdefault(row.office, []).append(row.cycle)
        if by_office:
            late = "；".join(f"{o}（{'、'.join(c)}）" for o, c in by_office.items())
            console.print(f"  [bold red]{t(lang, 'rpt.missing')}[/]{sep}{escape(late)}")
        if not block.not_yet and not by_office:
            console.print(f"  {t(lang, 'rpt.all_in')}")
        console.print()


REPORT_COLUMNS = ("rpt.what", "rpt.cycle", "office", "rpt.due", "rpt.reported_on", "state")


def report_cells(row: Row, lang: str) -> list[str]:
    return [row.what, row.cycle, row.office, row.due.isoformat(),
            row.reported_on.isoformat() if row.reported_on else "—", t(lang, f"rpt.{row.state}")]


def reports(rows: list[Row], fmt: str, lang: str, out: TextIO) -> None:
    """gk reports: cycles × offices."""
    from gkcli import render

    if fmt == "json":
        render.dump_json([r.as_json() for r in rows], out)
        return
    header = [t(lang, k) for k in REPORT_COLUMNS]
    if fmt in ("csv", "md"):
        writer = render.write_csv if fmt == "csv" else render.write_markdown
        writer(header, [report_cells(r, lang) for r in rows], out)
        return
    if not rows:
        out.write(t(lang, "rpt.none") + "\n")
        return
    table = render._table()
    for key in REPORT_COLUMNS:
        render._text_column(table, t(lang, key), no_wrap=key != "office", max_width=12)
    for row in rows:
        cells = [render._escape(c) for c in report_cells(row, lang)]
        style = REPORT_STYLE[row.state]
        if style:
            cells[-1] = f"[{style}]{cells[-1]}[/]"
        table.add_row(*cells)
    render._console(out).print(table)


RATE_COLUMNS = ("rpt.count_on_time", "rpt.count_late", "rpt.count_missing", "rpt.rate")


def rate_cells(x: Rate) -> list[str]:
    rate = "—" if x.rate is None else f"{100 * x.rate:.0f}%"
    return [x.office, str(x.on_time), str(x.late), str(x.missing), rate]


def rates(found: list[Rate], fmt: str, lang: str, out: TextIO) -> None:
    """gk report: 按时报送率 per office, after the item tables."""
    from gkcli import render

    if not found:
        return
    header = [t(lang, "office"), *(t(lang, k) for k in RATE_COLUMNS)]
    if fmt == "md":
        out.write(f"### {t(lang, 'rpt.rate')}\n\n")
        render.write_markdown(header, [rate_cells(x) for x in found], out)
        out.write("\n")
        return
    table = render._table(f"[bold]{t(lang, 'rpt.rate')}[/]")
    render._text_column(table, header[0], min_width=10, max_width=20)
    for heading in header[1:]:
        render._number_column(table, heading)
    for x in found:
        cells = rate_cells(x)
        table.add_row(render._escape(cells[0]), *cells[1:])
    console = render._console(out)
    console.print(table)
    console.print()


def reminder_lines(rows: list[Row], today: date, lang: str) -> list[str]:
    """For gk remind: the reports an office owes, missed ones first."""
    lines = []
    ordered = sorted(rows, key=lambda r: (r.state != "missing", r.due))
    for n, row in enumerate(ordered, start=1):
        key = "rpt.remind_missing" if row.state == "missing" else "rpt.remind_pending"
        lines.append(f"{n}. " + t(lang, key, what=row.what, cycle=row.cycle,
                                  due=_day(lang, row.due), to=_to(lang, row.to),
                                  n=(today - row.due).days))
    return lines
