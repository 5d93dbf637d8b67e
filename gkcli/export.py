"""Writing a selection of items to a file, or to stdout with ``-``: CSV, XLSX, Markdown, JSON."""

from __future__ import annotations

from pathlib import Path

from gkcli import formats
from gkcli.errors import GkError
from gkcli.i18n import Words
from gkcli.query import Item


def write(rows: list[Item], target: str, fmt: str | None, words: Words, force: bool = False,
          kind: str = "export") -> bytes | None:
    """Write the export to ``target`` (format from ``fmt`` or its extension); with ``-`` return
    the bytes for stdout instead."""
    data = formats.render_bytes(kind, formats.for_file(target, fmt), rows, words)
    if target == "-":
        return data
    path = Path(target)
    if path.exists() and not force:
        raise GkError("file_exists", path=target)
    if not path.parent.is_dir():
        raise GkError("not_a_folder", path=str(path.parent))
    from gkcli.writer import atomic_write

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise GkError("cannot_write_file", path=target, reason=exc.strerror) from None
    return None
