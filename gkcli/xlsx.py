"""The table as an Excel/WPS workbook, written with XlsxWriter (imported only here).

Two sheets. The first prints as it is handed out: A4 landscape, one page wide, a title row
(the table's name and 截至 date) above the header, the header repeated on every page, page
numbers in the footer, each work task merged over its items as the notice prints it, and
row heights computed so wrapped text shows in full (LibreOffice and WPS do not autofit
rows as Excel does). The second has one row per item and every cell filled, for sorting
and filtering. Overdue rows are red across the whole row.

Every text cell is written with write_string, and the workbook is told not to turn
strings into formulas, numbers or links: a title that starts with = stays text.
"""

from __future__ import annotations

import io
import math
import unicodedata
from datetime import date, datetime

from gkcli.i18n import Words
from gkcli.query import Item
from gkcli.tabular import EXPORT_COLUMNS, export_columns, export_values

MAX_WIDTH = {"title": 40, "group": 20, "assist": 18, "people": 14, "lead": 14, "progress": 30,
             "notes": 24}
GROUP_COLUMN = EXPORT_COLUMNS.index("group")
LINE_HEIGHT = 15.0  # points per line of 11-point 宋体/Calibri
A4 = 9


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a Chinese (wide) character counts as two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_widths(header: list[str], table: list[list[object]]) -> list[int]:
    """Width of each column: its widest cell plus a margin, capped for long text (which wraps)."""
    widths = []
    for col, key in enumerate(EXPORT_COLUMNS):
        cells = [header[col]] + [_text(row[col]) for row in table]
        widest = max(display_width(c) for c in cells) + 2
        widths.append(min(widest, MAX_WIDTH.get(key, 60)))
    return widths


def lines_needed(text: str, width: int) -> int:
    """Lines a wrapped cell of ``width`` characters needs to show ``text`` in full."""
    usable = max(width - 1, 1)
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in text.split("\n"))


def row_height(cells: list[str], widths: list[int], skip: int | None = None) -> float:
    lines = max((lines_needed(c, w) for n, (c, w) in enumerate(zip(cells, widths)) if n != skip),
                default=1)
    return LINE_HEIGHT * max(lines, 1)


def _text(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def items_xlsx(rows: list[Item], words: Words) -> bytes:
    """The workbook gk export writes: the print sheet named as the table (任务分工表) and a
    sheet for sorting and filtering."""
    return workbook_bytes(rows, words, words("sheet"))


class _Formats:
    def __init__(self, book, words: Words):
        base = {"text_wrap": True, "valign": "top", "border": 1, "font_name": words("xlsx_font"),
                "font_size": 11}
        late = {"bg_color": "#FFC7CE", "font_color": "#9C0006"}
        self.header = book.add_format({**base, "bold": True, "bg_color": "#D9D9D9",
                                       "align": "center", "valign": "vcenter"})
        self.title = book.add_format({"bold": True, "font_size": 14, "align": "center",
                                      "valign": "vcenter", "font_name": words("xlsx_font")})
        self.cell = {False: book.add_format(base), True: book.add_format({**base, **late})}
        self.date = {False: book.add_format({**base, "num_format": "yyyy-mm-dd"}),
                     True: book.add_format({**base, **late, "num_format": "yyyy-mm-dd"})}
        self.group = book.add_format({**base, "valign": "vcenter"})


def _write_row(sheet, r: int, values: list[object], fmt: _Formats, overdue: bool,
               skip: int | None = None) -> None:
    for col, value in enumerate(values):
        if col == skip:
            continue
        if isinstance(value, date):
            sheet.write_datetime(r, col, datetime(value.year, value.month, value.day),
                                 fmt.date[overdue])
        elif isinstance(value, int) and not isinstance(value, bool):
            sheet.write_number(r, col, value, fmt.cell[overdue])
        elif value is None:
            sheet.write_blank(r, col, None, fmt.cell[overdue])
        else:
            sheet.write_string(r, col, str(value), fmt.cell[overdue])


def workbook_bytes(rows: list[Item], words: Words, sheet: str) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
        "strings_to_urls": False,
    })
    book.set_properties({"title": sheet, "creator": "gk"})
    fmt = _Formats(book, words)
    header = export_columns(words, rows)
    table = [export_values(item, words) for item in rows]
    widths = column_widths(header, table)
    texts = [[_text(v) for v in values] for values in table]
    last = len(header) - 1

    # --- the print sheet: title, header repeated, work tasks merged -----------------------------
    printed = book.add_worksheet(sheet[:31] or "Sheet1")
    title = sheet_title(rows, words) or sheet
    as_of = getattr(rows, "as_of", None)
    heading = words("xlsx_title", title=title, date=as_of.isoformat()) if as_of else title
    printed.merge_range(0, 0, 0, last, heading, fmt.title)
    printed.set_row(0, 24)
    for col, name in enumerate(header):
        printed.write_string(1, col, name, fmt.header)
    printed.set_row(1, row_height(header, widths))
    for n, (item, values) in enumerate(zip(rows, table)):
        r = n + 2
        _write_row(printed, r, values, fmt, item.state == "overdue", skip=GROUP_COLUMN)
        printed.set_row(r, row_height(texts[n], widths, skip=GROUP_COLUMN))
    _merge_work_tasks(printed, rows, fmt.group, first_row=2)
    for col, width in enumerate(widths):
        printed.set_column(col, col, width)
    printed.set_landscape()
    printed.set_paper(A4)
    printed.fit_to_pages(1, 0)  # one page wide, as many long as it takes
    printed.repeat_rows(1)  # the header on every page
    printed.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    printed.set_footer("&C" + words("xlsx_footer"))
    printed.freeze_panes(2, 0)

    # --- the sheet for sorting and filtering: one row per item, every cell filled ---------------
    flat = book.add_worksheet(words("sheet_flat")[:31])
    for col, name in enumerate(header):
        flat.write_string(0, col, name, fmt.header)
    for n, (item, values) in enumerate(zip(rows, table)):
        _write_row(flat, n + 1, values, fmt, item.state == "overdue")
        flat.set_row(n + 1, row_height(texts[n], widths))
    for col, width in enumerate(widths):
        flat.set_column(col, col, width)
    flat.freeze_panes(1, 0)
    if rows:
        flat.autofilter(0, 0, len(rows), last)
    flat.set_landscape()
    flat.set_paper(A4)
    flat.fit_to_pages(1, 0)
    flat.repeat_rows(0)
    book.close()
    return buffer.getvalue()


SHOWN_NOTICES = 3  # a title names up to this many notices (文号), then says how many in all


def sheet_title(rows: list[Item], words: Words) -> str:
    """The printed sheet's title: the table's name, or the numbers (文号) of the notices its
    items are of (gk --all), the first few and how many when there are more."""
    notices = getattr(rows, "notices", ())
    if not notices:
        return getattr(rows, "title", "")
    shown = words("list_sep").join(notices[:SHOWN_NOTICES])
    if len(notices) <= SHOWN_NOTICES:
        return words("xlsx_title_notices", numbers=shown)
    return words("xlsx_title_more", numbers=shown, n=len(notices), more=len(notices) - SHOWN_NOTICES)


def _merge_work_tasks(sheet, rows: list[Item], fmt, first_row: int) -> None:
    """The 工作任务 cell over consecutive items of one work task, as the notice prints it."""
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or ((rows[end].notice, rows[end].task.group)
                                != (rows[start].notice, rows[start].task.group)):
            top, bottom = first_row + start, first_row + end - 1
            if bottom > top:
                sheet.merge_range(top, GROUP_COLUMN, bottom, GROUP_COLUMN, rows[start].group_title, fmt)
            else:
                sheet.write_string(top, GROUP_COLUMN, rows[start].group_title, fmt)
            start = end
