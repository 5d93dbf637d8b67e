"""Writing a selection of items to a file, or to stdout with ``-``: CSV, XLSX, Markdown, JSON,
and the documents (a Word 通报, an iCalendar file, a self-contained HTML page)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from gkcli import render
from gkcli.errors import GkError
from gkcli.model import Table
from gkcli.query import Item

BY_EXTENSION = {".csv": "csv", ".xlsx": "xlsx", ".md": "md", ".markdown": "md", ".json": "json",
                ".docx": "docx", ".ics": "ics", ".html": "html", ".htm": "html"}
EXTENSIONS = ".csv, .xlsx, .md, .json, .docx, .ics, .html"
PAGE_NAME = "index.html"  # what ``gk export DIR --format html`` writes in DIR


@dataclass
class Documents:
    """What the documents need besides the rows: the whole table, today, and their options."""

    table: Table
    today: date
    due_soon_days: int
    title: str | None = None  # the 通报's title
    alarm_days: int | None = None  # the calendar's reminder, days before each deadline


def format_for(target: str, fmt: str | None) -> str:
    """The format asked for, else the one the file's extension names."""
    if fmt:
        return fmt
    if target == "-":
        raise GkError("export_stdout_format")
    found = BY_EXTENSION.get(Path(target).suffix.lower())
    if found is None:
        raise GkError("export_unknown_format", target=_short(target), extensions=EXTENSIONS)
    return found


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def target_path(target: str, fmt: str) -> Path:
    """Where the export goes: FILE, or DIR/index.html for an HTML page asked for by folder."""
    path = Path(target)
    if fmt == "html" and path.suffix.lower() not in (".html", ".htm"):
        return path / PAGE_NAME
    return path


def content(rows: list[Item], fmt: str, lang: str, docs: Documents | None = None) -> bytes:
    """The bytes of the export: CSV with a BOM for Excel/WPS, JSON as gk list --format json."""
    if fmt == "xlsx":
        from gkcli import xlsx

        return xlsx.workbook_bytes(rows, lang, xlsx.sheet_name(lang))
    if fmt in ("docx", "ics", "html"):
        assert docs is not None, "documents need the table"
        return document(rows, fmt, lang, docs)
    text = io.StringIO(newline="")
    if fmt == "csv":
        render.items_csv(rows, lang, text)
    elif fmt == "md":
        render.items_md(rows, lang, text)
    elif fmt == "json":
        render.items_json(rows, lang, text)
    else:
        raise GkError(f"unknown export format {fmt}")
    return text.getvalue().encode("utf-8")


def document(rows: list[Item], fmt: str, lang: str, docs: Documents) -> bytes:
    """A 通报 (.docx), a calendar (.ics) or a page (.html) of the rows."""
    if fmt == "docx":
        from gkcli import docx_report

        return docx_report.bulletin(docs.table, rows, docs.today, lang, title=docs.title,
                                    due_soon_days=docs.due_soon_days)
    if fmt == "ics":
        from gkcli import ics

        return ics.calendar_bytes(docs.table, rows, docs.today, lang, docs.alarm_days)
    from gkcli import html_page

    return html_page.page(docs.table, rows, docs.today, docs.due_soon_days, lang).encode("utf-8")


def write(rows: list[Item], target: str, fmt: str, lang: str, force: bool = False,
          docs: Documents | None = None) -> bytes | None:
    """Write the export to ``target``; with ``-`` return the bytes for stdout instead."""
    data = content(rows, fmt, lang, docs)
    if target == "-":
        return data
    path = target_path(target, fmt)
    folder = path.parent
    if path != Path(target) and not folder.exists() and folder.parent.is_dir():
        folder.mkdir()  # gk export 会议材料 --format html: the folder is made for the page
    save(data, path, force)
    return None


def save(data: bytes, path: Path, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; never over an existing file unless ``force``."""
    if path.exists() and not force:
        raise GkError("file_exists", path=_short(str(path)))
    if not path.parent.is_dir():
        raise GkError("not_a_folder", path=_short(str(path.parent)))
    from gkcli.writer import atomic_write

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise GkError("cannot_write", path=_short(str(path)), reason=exc.strerror) from None
