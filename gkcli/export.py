"""Writing a selection of items to a file, or to stdout with ``-``: CSV, XLSX, Markdown, JSON."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from gkcli import formats
from gkcli.errors import GkError, clip
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
