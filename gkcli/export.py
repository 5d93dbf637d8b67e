"""Writing a selection of items to a file, or to stdout with ``-``: CSV, XLSX, Markdown, JSON,
and the documents (a Word 通报, an iCalendar file, a self-contained HTML page)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from gkcli import formats
from gkcli.errors import GkError
from gkcli.i18n import Words

PAGE_NAME = "index.html"  # what ``gk export DIR --format html`` writes in DIR


def target_path(target: str, fmt: str) -> Path:
    """Where the export goes: FILE, or DIR/index.html for an HTML page asked for by folder."""
    path = Path(target)
    if fmt == "html" and path.suffix.lower() not in (".html", ".htm"):
        return path / PAGE_NAME
    return path


def write(result: object, target: str, fmt: str | None, words: Words, force: bool = False,
          kind: str = "export") -> bytes | None:
    """Write the export to ``target`` (format from ``fmt`` or its extension); with ``-`` return
    the bytes for stdout instead. ``result`` is the rows, or the document (see documents.py)."""
    fmt = formats.for_file(target, fmt)
    data = formats.render_bytes(kind, fmt, result, words)
    if target == "-":
        return data
    path = target_path(target, fmt)
    folder = path.parent
    if path != Path(target) and not folder.exists() and folder.parent.is_dir():
        folder.mkdir()  # gk export 会议材料 --format html: the folder is made for the page
    save(data, path, force)
    return None


def save(data: bytes, path: Path, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; never over an existing file unless ``force``.

    Through a symlink, its target is written and the link kept; a FIFO or a character device
    (/dev/stdout) is written into, never replaced; anything else that is not a file is refused.
    """
    shown = _short(str(path))
    if (path.exists() or path.is_symlink()) and not force:
        raise GkError("file_exists", path=shown)
    if path.is_symlink():
        if not path.exists():
            raise GkError("export_dangling_link", path=shown)
        path = Path(os.path.realpath(path))  # write the file the link points to, keep the link
    if not path.parent.is_dir():
        raise GkError("not_a_folder", path=_short(str(path.parent)))
    from gkcli.writer import atomic_write

    try:
        if path.exists() and not stat.S_ISREG(path.stat().st_mode):
            _write_into(path, data, shown)  # a FIFO or a device: write into it, never replace it
            return
        atomic_write(path, data)
    except OSError as exc:
        raise GkError("cannot_write", path=shown, reason=exc.strerror) from None


def _write_into(path: Path, data: bytes, shown: str) -> None:
    """Write into what is not a regular file (a FIFO, /dev/stdout); refuse a folder or socket."""
    mode = path.stat().st_mode
    if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        raise GkError("export_not_a_file", path=shown)
    with open(path, "wb") as handle:  # FIFOs and devices have no contents to truncate
        handle.write(data)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
