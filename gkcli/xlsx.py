"""The table as an Excel/WPS workbook, written with XlsxWriter (imported only here).

Every text cell is written with write_string, and the workbook is told not to turn
strings into formulas, numbers or links: a title that starts with = stays text.
"""

from __future__ import annotations

import io
import unicodedata
from datetime import date, datetime

from gkcli.i18n import Words
from gkcli.query import Item
from gkcli.tabular import EXPORT_COLUMNS, export_columns, export_values

MAX_WIDTH = {"title": 40, "group": 24, "assist": 20, "people": 16, "lead": 16}
GROUP_COLUMN = EXPORT_COLUMNS.index("group")


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


def _text(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return "—" if value is None else str(value)


def items_xlsx(rows: list[Item], words: Words) -> bytes:
    """The workbook gk export writes: one sheet named as the table (任务分工表)."""
    return workbook_bytes(rows, words, words("sheet"))


def workbook_bytes(rows: list[Item], words: Words, sheet: str) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
        "strings_to_urls": False,
    })
    book.set_properties({"title": sheet, "creator": "gk"})
    sheet_ = book.add_worksheet(sheet[:31] or "Sheet1")
    base = {"text_wrap": True, "valign": "top", "border": 1, "font_name": words("xlsx_font")}
    header_fmt = book.add_format({**base, "bold": True, "bg_color": "#D9D9D9", "align": "center"})
    cell_fmt = book.add_format(base)
    date_fmt = book.add_format({**base, "num_format": "yyyy-mm-dd"})
    late = {"bg_color": "#FFC7CE", "font_color": "#9C0006"}
    late_fmt = book.add_format({**base, **late})
    late_date_fmt = book.add_format({**base, **late, "num_format": "yyyy-mm-dd"})

    header = export_columns(words, rows)
    table = [export_values(item, words) for item in rows]
    for col, title in enumerate(header):
        sheet_.write_string(0, col, title, header_fmt)
    for r, (item, values) in enumerate(zip(rows, table), start=1):
        overdue = item.state == "overdue"
        for col, value in enumerate(values):
            if isinstance(value, date):
                sheet_.write_datetime(r, col, datetime(value.year, value.month, value.day),
                                      late_date_fmt if overdue else date_fmt)
            elif isinstance(value, int) and not isinstance(value, bool):
                sheet_.write_number(r, col, value, late_fmt if overdue else cell_fmt)
            else:
                sheet_.write_string(r, col, _text(value), late_fmt if overdue else cell_fmt)
    _merge_work_tasks(sheet_, rows, cell_fmt)
    for col, width in enumerate(column_widths(header, table)):
        sheet_.set_column(col, col, width)
    sheet_.freeze_panes(1, 0)
    if rows:
        sheet_.autofilter(0, 0, len(rows), len(header) - 1)
    book.close()
    return buffer.getvalue()


def _merge_work_tasks(sheet, rows: list[Item], fmt) -> None:
    """Merge the 工作任务 cell over consecutive items of one work task, as the notice prints it."""
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or ((rows[end].notice, rows[end].task.group)
                                != (rows[start].notice, rows[start].task.group)):
            if end - start > 1:
                sheet.merge_range(start + 1, GROUP_COLUMN, end, GROUP_COLUMN, "", fmt)
                sheet.write_string(start + 1, GROUP_COLUMN, rows[start].group_title, fmt)
            start = end

