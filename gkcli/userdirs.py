"""Where gk keeps files of its own, outside the data: the table cache and the state folder (the
undo journal of a folder outside git), and whether such a folder is the user's alone.

Both hold copies of her table, so gk uses a folder only when it is hers and nobody else may
read or write into it."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$GK_CACHE_DIR``, else ``$XDG_CACHE_HOME/gk`` (``~/.cache/gk``)."""
    explicit = os.environ.get("GK_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gk"


def state_dir() -> Path:
    """Where gk keeps state of its own that is not a cache: ``$XDG_STATE_HOME/gk``
    (``~/.local/state/gk``; on Windows ``%LOCALAPPDATA%\\gk``)."""
    base = os.environ.get("XDG_STATE_HOME")
    if not base and os.name == "nt":
        base = os.environ.get("LOCALAPPDATA")
    if not base:
        base = os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "gk"


def private(folder: Path) -> bool:
    """The folder exists, is the user's own and nobody else may read or write into it.

    On Windows, which reports no owner nor such permission bits (a folder always reads as
    0o777), a folder that exists is taken as hers: her profile's folders are closed to others
    by their access lists."""
    try:
        info = folder.stat()
    except OSError:
        return False
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o077
