"""Plain tabular output, no rich: the cells of items, rosters and reports, and JSON, CSV and Markdown.

Used by the CSV/Markdown/JSON renderers, by ``gk export`` and by the workbook (:mod:`gkcli.xlsx`).
Renderers write to the stream they are given and never read files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from gkcli.i18n import Words
from gkcli.model import Person
from gkcli.query import Item

if TYPE_CHECKING:  # only named here: `gk list --format json` need not load gkcli.report
    from gkcli.report import Dashboard, Report, RosterView, Section, Tally

# --- cells ---------------------------------------------------------------------------------

# what a meeting handout needs; 逾期天数 only for overdue items, 超时天数 only for late completions
EXPORT_COLUMNS = ("id", "group", "title", "lead", "assist", "deadline", "due_date", "state",
                  "status", "done_on", "punctual", "days_over", "days_late", "people", "progress",
                  "notes")
ROSTER_COLUMNS = ("name", "role", "post", "heads")
# 合计 = 已完成 + 已逾期 + 即将到期 + 未到期 + 长期; 已完成 = 按时 + 超时 + 未注明日期
REPORT_KEYS = ("rep.total", "rep.done", "rep.on_time", "rep.late", "rep.undated", "rep.overdue",
               "rep.due_soon", "rep.open", "rep.ongoing", "rep.extended", "rep.rate")
OCCURRENCE_KEYS = ("occ.n_due", "occ.n_on_time", "occ.n_late", "occ.n_missed", "rep.rate")


def headers(words: Words, keys: tuple[str, ...]) -> list[str]:
    return [words(k) for k in keys]


def assist_text(item: Item, words: Words) -> str:
    return "、".join(item.task.assist) or words("none")


def people_text(people: tuple[Person, ...] | list[Person], words: Words) -> str:
    return "、".join(p.name for p in people) or words("none")


def export_columns(words: Words, rows: Sequence[Item] = ()) -> list[str]:
    """序号, 工作任务, 具体事项, 牵头股室, 协办股室, 完成时间, 截止日期, 状态, 逾期天数, 责任人.

    Rows of several notices (gk --all) add 文号 as the last column.
    """
    extra = ("notice",) if any(r.notice for r in rows) else ()
    return headers(words, EXPORT_COLUMNS + extra)


def latest_progress(item: Item) -> str:
    """The item's latest progress note (进展情况), as written."""
    return item.task.progress[-1] if item.task.progress else ""


def export_values(item: Item, words: Words) -> list[object]:
    """One item for the files the offices open: numbers as numbers, dates as dates, and
    None for a cell that has nothing to say (逾期天数 of an item that is not overdue)."""
    task = item.task
    due = task.deadline.date
    over = -item.days_left if item.state == "overdue" and item.days_left is not None else None
    late = None
    punctual = None
    if task.status == "done" and task.done_on and due:
        late = (task.done_on - due).days if task.done_on > due else None
        punctual = words("rep.late") if late else words("rep.on_time")
    values = [task.id, item.group_title, task.title, task.lead, assist_text(item, words),
            task.deadline.text, due if due else "—",
            words.item_state(item.state, task.on_time, task.days_late),
            words.status(task.status), task.done_on, punctual, over, late,
            people_text(item.lead_people, words), latest_progress(item), task.notes or None]
    return values if item.notice is None else [*values, item.notice]


def export_cells(item: Item, words: Words) -> list[object]:
    """export_values with dates as ISO text and an empty text for an empty cell."""
    return [v.isoformat() if isinstance(v, date) else ("" if v is None else v)
            for v in export_values(item, words)]


def roster_cells(view: RosterView, words: Words) -> list[list[str]]:
    return [[p.name, words(f"role.{p.role}"), p.post, p.office or "—"] for p in view.people]


def half_up(numerator: int, denominator: int) -> int:
    """numerator ÷ denominator (both ≥ 0, denominator > 0) rounded half up (四舍五入), exactly:
    5 ÷ 2 is 3 where Python's round(2.5) gives 2."""
    return (2 * numerator + denominator) // (2 * denominator)


def percent(part: int, whole: int, decimals: int = 0) -> str:
    """``part`` of ``whole`` as a percentage rounded half up (四舍五入) in whole numbers, never
    binary floats: 2/16 is 13%, not 12%; to one decimal 1/16 is 6.3%, not 6.2%. Trailing
    zeros are left off (50%, not 50.0%); — when there is nothing to count.

    The one rounding of percentages in gk: tables, reports, summaries, documents, the page.
    """
    if not whole:
        return "—"
    scale = 10 ** decimals
    number, tenths = divmod(half_up(100 * scale * part, whole), scale)
    return f"{number}.{tenths:0{decimals}d}".rstrip("0").rstrip(".") + "%" if tenths else f"{number}%"


def tally_cells(x: Tally) -> list[str]:
    """One row in items: 按时 + 超时 + 未注明日期 = 已完成, and 按时率 = 按时 ÷ (按时 + 超时 + 逾期)."""
    return [x.name, str(x.total), str(x.done), str(x.done_on_time), str(x.done_late),
            str(x.done_undated), str(x.overdue), str(x.due_soon), str(x.open), str(x.ongoing),
            str(x.extended), percent(x.done_on_time, x.rate_base)]


def occurrence_cells(x: Tally) -> list[str]:
    """One row in occurrences: 应办 = 按时 + 超时 + 未完成, and 按时率 = 按时 ÷ 应办."""
    return [x.name, str(x.occurrences_due), str(x.occurrences_on_time), str(x.occurrences_late),
            str(x.occurrences_missed), percent(x.occurrences_on_time, x.occurrences_due)]


def section_keys(section: Section) -> tuple[str, ...]:
    return OCCURRENCE_KEYS if section.unit == "occurrences" else REPORT_KEYS


def section_cells(section: Section, x: Tally) -> list[str]:
    return occurrence_cells(x) if section.unit == "occurrences" else tally_cells(x)


def report_header(found: Report, words: Words) -> str:
    if found.since:
        return words("report_period", title=found.title, since=found.since.isoformat(),
                     until=found.as_of.isoformat())
    return words("report_header", title=found.title, period=found.as_of.isoformat())


def section_rows(tallies: list[Tally], total: Tally | None, words: Words) -> list[Tally]:
    """A section's tallies, then its totals row named 合计 (Total) when it has one."""
    if total is None:
        return tallies
    return [*tallies, total.replace(name=words("total"))]


# --- spreadsheet safety (CSV) ----------------------------------------------------------

_NUMBER = r"^[+-]?\d+(\.\d+)?$"  # compiled on first use (re's cache), not at every start
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def safe_cell(value: object) -> object:
    """Neutralise formula injection (OWASP): text whose first character, or first after
    spaces, is = + - @ (or full-width ＝ ＋ － ＠), tab or CR gets a leading '.

    Numbers, and text that is a plain number, stay usable.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    first = text.lstrip(" \u3000")
    if (text.startswith(_DANGEROUS) or first.startswith(_DANGEROUS)) and not re.match(_NUMBER, text):
        return "'" + text
    return text


# --- terminal safety ---------------------------------------------------------------------

_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"  # none is printable


def visible(text: str) -> str:
    """Control characters (ESC, CR, bidi overrides, …) as visible escapes such as ``\\x1b``:
    a title shown in the terminal can never move the cursor, clear the screen or retitle it."""
    if text.isprintable():  # the usual text: no pattern to compile or run
        return text
    return re.sub(_CONTROL, lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                  else f"\\u{ord(m.group()):04x}", text)


# --- writers ---------------------------------------------------------------------------------

def dump_json(data: Any, out: TextIO) -> None:
    out.write(json_text(data) + "\n")  # one write, not one per token


def json_text(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, character for character, faster.

    With ``indent`` the standard library falls back to its pure-Python encoder, which was
    most of ``gk list --format json`` on 10,000 items; strings here still go through its C
    escaper. Tested against json.dumps with hypothesis. :mod:`json` is loaded here, only to
    write JSON: the terminal views that use this module's cells never load it.
    """
    from json.encoder import encode_basestring

    return _json(data, "\n", encode_basestring)


def _json(o: Any, newline: str, escape: Callable[[str], str]) -> str:
    if isinstance(o, str):
        return escape(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        import json

        return json.dumps(o)
    inner = newline + "  "
    if isinstance(o, dict):
        if not o:
            return "{}"
        keys = _KEYS.get(inner)
        if keys is None:
            keys = _KEYS[inner] = {}
        parts = []
        for k, v in o.items():
            key = keys.get(k) if k.__class__ is str else None
            if key is None:  # a key's line start is the same in every row: escaped once
                key = inner + _json_key(k, escape) + ": "
                if k.__class__ is str and len(keys) < 1000:
                    keys[k] = key
            cls = v.__class__  # the usual values inline, not through a call each
            parts.append(key + (escape(v) if cls is str else "null" if v is None
                                else int.__repr__(v) if cls is int else _json(v, inner, escape)))
        return "{" + ",".join(parts) + newline + "}"
    if isinstance(o, (list, tuple)):
        if not o:
            return "[]"
        return "[" + ",".join([inner + _json(v, inner, escape) for v in o]) + newline + "]"
    import json

    return json.dumps(o, ensure_ascii=False)  # anything else: as json would (or its TypeError)


_KEYS: dict[str, dict[str, str]] = {}  # indentation -> key -> its line start, for _json


def _json_key(k: Any, escape: Callable[[str], str]) -> str:
    if isinstance(k, str):
        return escape(k)
    if isinstance(k, (bool, float)) or k is None:
        import json

        return escape(json.dumps(k))
    return escape(str(k))


def write_csv(header: list[str], rows: Sequence[Sequence[object]], out: TextIO) -> None:
    """CSV for Excel and WPS: UTF-8 with BOM, CRLF, every cell neutralised."""
    import csv

    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])


def write_markdown(header: list[str], rows: Sequence[Sequence[object]], out: TextIO) -> None:
    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", "<br>")

    out.write("| " + " | ".join(cell(h) for h in header) + " |\n")
    out.write("|" + "|".join("---" for _ in header) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(cell(c) for c in row) + " |\n")


# --- renderers: (result, words, out) ----------------------------------------------------------

def items_json(rows: list[Item], words: Words, out: TextIO) -> None:
    dump_json([r.as_json() for r in rows], out)


def items_csv(rows: list[Item], words: Words, out: TextIO) -> None:
    write_csv(export_columns(words, rows), [export_cells(r, words) for r in rows], out)


def items_md(rows: list[Item], words: Words, out: TextIO) -> None:
    write_markdown(export_columns(words, rows), [export_cells(r, words) for r in rows], out)


def item_json(item: Item, words: Words, out: TextIO) -> None:
    dump_json(item.as_json(), out)


def dashboard_json(board: Dashboard, words: Words, out: TextIO) -> None:
    dump_json({
        "as_of": board.as_of.isoformat(),
        "due_soon_days": board.due_soon_days,
        "totals": board.totals.as_json(),
        "since_meeting": None if board.since_meeting is None else {
            "date": board.since_meeting[0].isoformat(), "done": board.since_meeting[1],
            "overdue": board.since_meeting[2]},
        "by_office": [x.as_json() for x in board.by_office],
        "overdue": [r.as_json() for r in board.overdue],
        "due_soon": [r.as_json() for r in board.due_soon],
        "due_soon_workdays": board.due_soon_workdays,
        "reporting": [x.as_json() for x in board.reports],
    }, out)


def person_json(p: Person) -> dict:
    return {"name": p.name, "role": p.role, "post": p.post, "office": p.office}


def roster_json(view: RosterView, words: Words, out: TextIO) -> None:
    dump_json([person_json(p) for p in view.people], out)


def roster_csv(view: RosterView, words: Words, out: TextIO) -> None:
    write_csv(headers(words, ROSTER_COLUMNS), roster_cells(view, words), out)


def roster_md(view: RosterView, words: Words, out: TextIO) -> None:
    write_markdown(headers(words, ROSTER_COLUMNS), roster_cells(view, words), out)


def report_json(found: Report, words: Words, out: TextIO) -> None:
    dump_json(found.summary.as_json(), out)


def report_md(found: Report, words: Words, out: TextIO) -> None:
    out.write(f"{report_header(found, words)}\n\n")
    for section in found.sections:
        out.write(f"### {words(section.title)}\n\n")
        rows = section_rows(section.tallies, section.total, words)
        write_markdown([words(section.first), *headers(words, section_keys(section))],
                       [section_cells(section, x) for x in rows], out)
        out.write("\n")
    if found.summary.reporting:
        from gkcli.calendar_view import rates_md

        rates_md(found.summary.reporting, words, out)
