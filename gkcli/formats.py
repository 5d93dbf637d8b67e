"""The one place an output format is chosen: for each kind of result, its formats and their renderers.

As yamllint's ``Format`` and todoman's formatters do: a command parses ``--format``,
calls one core function, and hands the result here. A renderer is named as
``"module:function"`` and imported only when used, so ``gk list --format json`` never
loads rich, and only the workbook loads XlsxWriter. Text renderers take
``(result, words, out)``; a binary one (xlsx) takes ``(result, words)`` and returns bytes.
"""

from __future__ import annotations

import io
from importlib import import_module
from pathlib import Path
from typing import Any, TextIO

from gkcli.errors import GkError
from gkcli.i18n import Words

_ITEMS = {"json": "tabular:items_json", "csv": "tabular:items_csv", "md": "tabular:items_md"}

RENDERERS: dict[str, dict[str, str]] = {
    "list": {"table": "views:items_table", **_ITEMS},
    "overdue": {"table": "views:overdue", **_ITEMS, "xlsx": "xlsx:items_xlsx"},
    "export": {"csv": _ITEMS["csv"], "xlsx": "xlsx:items_xlsx", "md": _ITEMS["md"],
               "json": _ITEMS["json"], "docx": "docx_report:bulletin", "ics": "ics:calendar",
               "html": "html_page:page"},
    "show": {"table": "views:item_detail", "json": "tabular:item_json"},
    "status": {"table": "views:dashboard", "json": "tabular:dashboard_json"},
    "roster": {"table": "views:roster", "json": "tabular:roster_json", "csv": "tabular:roster_csv",
               "md": "tabular:roster_md"},
    "report": {"table": "views:report", "md": "tabular:report_md", "json": "tabular:report_json",
               "docx": "docx_report:bulletin"},
    "remind": {"text": "texts:reminders_text", "md": "texts:reminders_md", "json": "texts:reminders_json",
               "docx": "docx_report:notices"},
    "summary": {"text": "summary_text:text", "md": "summary_text:markdown",
                "json": "summary_text:as_json"},
    "timeline": {"table": "views:timeline"},
    "reports": {"table": "calendar_view:reports_table", "json": "calendar_view:reports_json",
                "csv": "calendar_view:reports_csv", "md": "calendar_view:reports_md"},
    "check": {"text": "texts:problems"},
    "changes": {"table": "history_views:changes_table", "md": "history_views:changes_md",
                "json": "history_views:changes_json"},
    "log": {"table": "history_views:log_table", "json": "history_views:log_json"},
    "import": {"text": "importer.output:import_text"},
    "undo": {"text": "texts:undone"},
    "undo_list": {"text": "texts:undo_list"},
}
BINARY = frozenset({"xlsx", "docx", "ics"})  # formats that are bytes, for a file (or stdout with -)
FILE_FORMATS = frozenset({"csv", "json", "md"})  # text formats that are files: always UTF-8

BY_EXTENSION = {".csv": "csv", ".xlsx": "xlsx", ".md": "md", ".markdown": "md", ".json": "json",
                ".docx": "docx", ".ics": "ics", ".html": "html", ".htm": "html"}
EXTENSIONS = ".csv, .xlsx, .md, .json, .docx, .ics, .html"


def names(kind: str, *, without: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The formats a command offers, for its ``--format`` choice."""
    return tuple(f for f in RENDERERS[kind] if f not in without)


def _renderer(kind: str, fmt: str):
    try:
        module, function = RENDERERS[kind][fmt].split(":")
    except KeyError:
        raise GkError("unknown_format", fmt=fmt) from None
    return getattr(import_module(f"gkcli.{module}"), function)


def render(kind: str, fmt: str, result: Any, words: Words, out: TextIO) -> None:
    """Write ``result`` to ``out`` in format ``fmt`` (a text format)."""
    _renderer(kind, fmt)(result, words, out)


def render_bytes(kind: str, fmt: str, result: Any, words: Words) -> bytes:
    """The bytes of ``result`` in ``fmt``, for a file: text formats as UTF-8."""
    if fmt in BINARY:
        return _renderer(kind, fmt)(result, words)
    text = io.StringIO(newline="")
    render(kind, fmt, result, words, text)
    return text.getvalue().encode("utf-8")


def for_file(target: str, fmt: str | None) -> str:
    """The format asked for, else the one the file's extension names."""
    if fmt:
        return fmt
    if target == "-":
        raise GkError("export_stdout_format")
    found = BY_EXTENSION.get(Path(target).suffix.lower())
    if found is None:
        short = target if len(target) <= 80 else target[:80] + "…"
        raise GkError("export_unknown_format", target=short, extensions=EXTENSIONS)
    return found
