"""A cache of validated tables, so reading an unchanged table skips parsing and validation.

Keyed by the SHA-256 of every ``*.yaml`` file of the table's folder as they are now (their
bytes, never their mtime), of the folder as it is shown, of gk's version and of this
cache's format: a changed byte, another gk or another layout is another key, so a stale
entry is never found. Entries live outside the repository, in ``$GK_CACHE_DIR`` or
``$XDG_CACHE_HOME/gk`` (``~/.cache/gk``), a folder gk makes private (0700); a folder that is
not the user's own, or that others may write to, is neither read nor written.

An entry is the Table pickled, behind the SHA-256 of its own bytes (checked before
anything is loaded, so a truncated or damaged entry is ignored and rebuilt). Pickle
follows the Table as it grows (every field of every dataclass, with no list of fields to
keep in step); loading is restricted to gk's own classes, dates and plain containers, so
even an entry that got past the checks could not name any other code to run.
Only valid tables are cached; problems always come from a real read.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
from pathlib import Path

from gkcli import store
from gkcli.errors import DataError
from gkcli.model import Table

FORMAT = "gk-table-cache 2"
_BUILTINS = frozenset({"set", "frozenset", "tuple", "list", "dict", "getattr"})


def cache_dir() -> Path:
    explicit = os.environ.get("GK_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gk"


def key(data_dir: Path) -> str:
    """The entry's name: the hash of the folder's YAML files, how it is shown, gk's version."""
    from gkcli import __version__

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{store.display_path(data_dir)}\0".encode())
    for name in sorted(n for n in os.listdir(data_dir) if n.endswith(".yaml")):
        try:
            raw = (data_dir / name).read_bytes()
        except IsADirectoryError:
            continue
        digest.update(f"\0{name}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()


def _private(folder: Path) -> bool:
    """The folder exists, is the user's own and nobody else may write into it."""
    try:
        info = folder.stat()
    except OSError:
        return False
    owner = os.getuid() if hasattr(os, "getuid") else info.st_uid
    return info.st_uid == owner and not info.st_mode & 0o077


class _Unpickler(pickle.Unpickler):
    """Loads gk's own classes, dates and plain containers; refuses any other global."""

    def find_class(self, module: str, name: str):
        if module == "gkcli" or module.startswith("gkcli."):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        elif module == "datetime" and name in ("date", "datetime", "timedelta"):
            return super().find_class(module, name)
        elif module == "builtins" and name in _BUILTINS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a class gk caches: {module}.{name}")


def read(entry: str) -> Table | None:
    """The cached Table of ``entry``, or None when absent, damaged, or not safely ours."""
    folder = cache_dir()
    if not _private(folder):
        return None
    path = folder / f"{entry}.pickle"
    try:
        if path.stat().st_uid != os.stat(folder).st_uid:
            return None
        blob = path.read_bytes()
    except OSError:
        return None
    head, _, body = blob.partition(b"\n")
    if head != f"{FORMAT} {entry} {hashlib.sha256(body).hexdigest()}".encode():
        return None
    try:
        table = _Unpickler(io.BytesIO(body)).load()
    except Exception:  # noqa: BLE001 - any damage means: read the files instead
        return None
    return table if isinstance(table, Table) else None


def write(entry: str, table: Table) -> None:
    """Store ``table`` under ``entry``; a cache that cannot be written is simply not used."""
    folder = cache_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
        body = pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)
        head = f"{FORMAT} {entry} {hashlib.sha256(body).hexdigest()}\n".encode()
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(head + body)
            os.replace(tmp, folder / f"{entry}.pickle")
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return


def load_table(data_dir: Path) -> Table:
    """store.load_table, through the cache: the same Table, or the same DataError."""
    entry = key(data_dir)
    table = read(entry)
    if table is not None:
        return table
    table, problems = store.read_table(data_dir)
    if problems or table is None:
        raise DataError(problems)
    write(entry, table)
    return table
