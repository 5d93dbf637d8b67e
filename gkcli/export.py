"""Writing a selection of items to a file, or to stdout with ``-``: CSV, XLSX, Markdown, JSON."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

from gkcli import render
from gkcli.errors import GkError, clip
from gkcli.query import Item

BY_EXTENSION = {".csv": "csv", ".xlsx": "xlsx", ".md": "md", ".markdown": "md", ".json": "json"}


def format_for(target: str, fmt: str | None) -> str:
    """The format asked for, else the one the file's extension names."""
    if fmt:
        return fmt
    if target == "-":
        raise GkError("writing to - needs --format (csv, xlsx, md or json)")
    found = BY_EXTENSION.get(Path(target).suffix.lower())
    if found is None:
        raise GkError(f"cannot tell the format of {target}: name it .csv, .xlsx, .md or .json, "
                      "or give --format")
    return found


def content(rows: list[Item], fmt: str, lang: str) -> bytes:
    """The bytes of the export: CSV with a BOM for Excel/WPS, JSON as gk list --format json."""
    if fmt == "xlsx":
        from gkcli import xlsx

        return xlsx.workbook_bytes(rows, lang, xlsx.sheet_name(lang))
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


def write(rows: list[Item], target: str, fmt: str, lang: str, force: bool = False) -> bytes | None:
    """Write the export to ``target``; with ``-`` return the bytes for stdout instead."""
    data = content(rows, fmt, lang)
    if target == "-":
        return data
    path = Path(target)
    if (path.exists() or path.is_symlink()) and not force:
        raise GkError(f"{target} exists; add --force to overwrite it")
    if path.is_symlink():
        if not path.exists():
            raise GkError("export_dangling_link", path=clip(target, 80))
        path = Path(os.path.realpath(path))  # write the file the link points to, keep the link
    if not path.parent.is_dir():
        raise GkError(f"{path.parent} is not a folder")
    try:
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            _write_into(path, data, target)  # a FIFO or a device: write into it, never replace it
            return None
        from gkcli.writer import atomic_write

        atomic_write(path, data)
    except OSError as exc:
        raise GkError(f"cannot write {target}: {exc.strerror}") from None
    return None


def _write_into(path: Path, data: bytes, target: str) -> None:
    """Write into what is not a regular file (a FIFO, /dev/stdout); refuse a folder or socket."""
    mode = path.stat().st_mode
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        raise GkError("export_not_a_file", path=clip(target, 80))
    with open(path, "wb") as handle:  # no O_TRUNC trouble: FIFOs and devices have no contents
        handle.write(data)
