"""Writing a selection of items to a file, or to stdout with ``-``: CSV, XLSX, Markdown, JSON,
and the documents (a Word 通报, an iCalendar file, a self-contained HTML page)."""

from __future__ import annotations

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


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
