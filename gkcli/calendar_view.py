"""Showing occurrences of recurring items and reporting cycles: status blocks, tables, reminders.

Like :mod:`gkcli.views` and :mod:`gkcli.tabular`, each renderer takes (result, words, out);
rich is imported only by the ones that draw.
"""

from __future__ import annotations

from datetime import date
from typing import TextIO

from gkcli.i18n import Words
from gkcli.query import Item
from gkcli.reporting import Outstanding, Rate, Row
from gkcli.tabular import dump_json, percent, write_csv, write_markdown

REPORT_STYLE = {"on_time": "green", "late": "yellow", "missing": "bold red", "pending": ""}
REPORT_COLUMNS = ("rpt.what", "rpt.cycle", "office", "rpt.due", "rpt.reported_on", "state")
RATE_COLUMNS = ("office", "rpt.count_on_time", "rpt.count_late", "rpt.count_missing", "rpt.rate")


def _day(words: Words, day: date) -> str:
    return words("rpt.day", month=day.month, day=day.day, iso=day.isoformat())


def _to(words: Words, to: str) -> str:
    return words("rpt.to", to=to) if to else ""


# --- gk show: the occurrences of a recurring item ------------------------------------------------

def occurrence_lines(item: Item, words: Words) -> list[str]:
    """One line per occurrence, met or missed, up to the current one."""
    lines = []
    for occ, state in item.occurrences or ():
        done = words("occ.done_on", on=occ.done_on.isoformat()) if occ.done_on else ""
        lines.append(words("occ.line", label=occ.label, due=occ.due.isoformat(),
                           state=words(f"occ.{state}"), done=done))
    return lines


# --- gk status: who has not reported ------------------------------------------------------------

def outstanding(console, found: list[Outstanding], words: Words) -> None:
    """Per declaration: 本期未报送 before the cut-off, 逾期未报送 after it."""
    from gkcli.linebreak import NAMES
    from gkcli.views import say

    sep = words("sep")
    for block in found:
        heading = words("rpt.heading", what=block.what, cycle=block.cycle,
                        due=_day(words, block.due), to=_to(words, block.to))
        say(console, heading, lead=words("reports") + " ", lead_style="bold")
        if block.not_yet:
            say(console, "、".join(block.not_yet), NAMES, indent="  ",
                lead=words("rpt.pending") + sep)
        by_office: dict[str, list[str]] = {}
        for row in block.missing:
            by_office.setdefault(row.office, []).append(row.cycle)
        if by_office:
            late = words("rpt.join").join(o + words("aside", text="、".join(c))
                                          for o, c in by_office.items())
            say(console, late, NAMES, indent="  ", lead=words("rpt.missing") + sep,
                lead_style="bold red")
        if not block.not_yet and not by_office:
            console.print(f"  {words('rpt.all_in')}")
        console.print()


# --- gk reports: cycles × offices ------------------------------------------------------------------

def report_cells(row: Row, words: Words) -> list[str]:
    return [row.what, row.cycle, row.office, row.due.isoformat(),
            row.reported_on.isoformat() if row.reported_on else "—", words(f"rpt.{row.state}")]


def reports_json(rows: list[Row], words: Words, out: TextIO) -> None:
    dump_json([r.as_json() for r in rows], out)


def reports_csv(rows: list[Row], words: Words, out: TextIO) -> None:
    write_csv([words(k) for k in REPORT_COLUMNS], [report_cells(r, words) for r in rows], out)


def reports_md(rows: list[Row], words: Words, out: TextIO) -> None:
    write_markdown([words(k) for k in REPORT_COLUMNS], [report_cells(r, words) for r in rows], out)


def reports_table(rows: list[Row], words: Words, out: TextIO) -> None:
    from gkcli.linebreak import NAMES, TEXT, Column
    from gkcli.views import _console, _fitted, folded_rows

    if not rows:
        out.write(words("rpt.none") + "\n")
        return
    console = _console(out)
    heads = [words(key) for key in REPORT_COLUMNS]
    kinds = {"rpt.what": TEXT, "office": NAMES}  # the report's name gives way first
    columns = [Column(words(key), kinds.get(key, "fixed"), flexible=key == "rpt.what",
                      min_width=8 if key == "rpt.what" else 0) for key in REPORT_COLUMNS]
    cells = [report_cells(row, words) for row in rows]
    if not _fitted(console, columns, [(c, {len(c) - 1: REPORT_STYLE[row.state]})
                                      for c, row in zip(cells, rows)]):
        folded_rows(console, heads, cells, words)


# --- gk report: 按时报送率 per office -------------------------------------------------------------

def rate_cells(x: Rate) -> list[str]:
    rate = percent(x.on_time, x.on_time + x.late + x.missing)
    return [x.office, str(x.on_time), str(x.late), str(x.missing), rate]


def rates_md(found: list[Rate], words: Words, out: TextIO) -> None:
    if not found:
        return
    out.write(f"### {words('rpt.rate')}\n\n")
    write_markdown([words(k) for k in RATE_COLUMNS], [rate_cells(x) for x in found], out)
    out.write("\n")


def rates_table(console, found: list[Rate], words: Words) -> None:
    from gkcli.linebreak import NAMES, Column
    from gkcli.views import _fitted, folded_rows

    if not found:
        return
    heads = [words(key) for key in RATE_COLUMNS]
    columns = [Column(heads[0], NAMES), *(Column(h, "fixed") for h in heads[1:])]
    rows = [rate_cells(x) for x in found]
    title = f"[bold]{words('rpt.rate')}[/]"
    if not _fitted(console, columns, [(row, {}) for row in rows], title=title,
                   right=tuple(range(1, len(columns)))):
        console.print(title)
        folded_rows(console, heads, rows, words)
    console.print()


# --- gk remind: the reports an office owes -------------------------------------------------------

def reminder_lines(rows: list[Row], today: date, words: Words) -> list[str]:
    """Missed reports first, then this cycle's."""
    lines = []
    ordered = sorted(rows, key=lambda r: (r.state != "missing", r.due))
    for n, row in enumerate(ordered, start=1):
        key = "rpt.remind_missing" if row.state == "missing" else "rpt.remind_pending"
        what = row.what + (words("aside", text=row.notice) if row.notice else "")  # gk --all
        lines.append(f"{n}. " + words(key, what=what, cycle=row.cycle, due=_day(words, row.due),
                                      to=_to(words, row.to), n=(today - row.due).days))
    return lines
