"""A cache of validated tables, so reading unchanged tables skips parsing and validation.

One entry per workspace (``gk --all``): a single file holding the validated Table of every
table folder, each under its own key, so a second run reads one file, not one per notice.

A table's key is the SHA-256 of every ``*.yaml`` file of its folder as they are now (their
bytes, never their mtime), of the folder as it is shown, of gk's version and code (its
modules' bytes), of the installed chinese-calendar's (the holidays working days are counted
with) and of this cache's format: a changed byte, another gk or another layout is another
key, so a stale table is never found. Only the tables whose keys are in the entry are taken from it; a changed table
is read from its files again and the entry is rewritten with the keys of now, so editing one
notice of three hundred re-reads one. The entry's own name is the hash of the format, gk's
version and the workspace's folders (resolved), so it is found whatever changed inside.

Entries live outside the repository, in ``$GK_CACHE_DIR`` or ``$XDG_CACHE_HOME/gk``
(``~/.cache/gk``), a folder gk makes private (0700); a folder that is not the user's own, or
that others may write to, is neither read nor written.

An entry is the tables pickled, behind the SHA-256 of its own bytes (checked before anything
is loaded, so a truncated or damaged entry is ignored and rebuilt). Pickle follows the Table
as it grows (every field of every class, with no list of fields to keep in step); loading is
restricted to gk's own classes, dates and plain containers, so even an entry that got past
the checks could not name any other code to run. Only valid tables are cached; problems
always come from a real read. What a table looked like on another day (``--today``, from git)
is never cached: history changes with every commit, the files do not.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from gkcli import store
from gkcli.errors import DataError, Problem
from gkcli.model import Table
from gkcli.userdirs import cache_dir, private
from gkcli.yamlnodes import gc_paused

FORMAT = "gk-table-cache 3"
_BUILTINS = frozenset({"set", "frozenset", "tuple", "list", "dict", "getattr"})


def _version() -> str:
    from gkcli import __version__

    return f"{__version__}\0{_code()}"


@lru_cache(maxsize=1)
def _code() -> str:
    """gk's own modules and the installed chinese-calendar, by their bytes: a table is read by
    the one and its working days counted with the holidays of the other, so an edited gk of
    the same version number, or a new (or corrected) holiday release, is another key."""
    import importlib.util

    digest = hashlib.sha256()
    folders = [Path(__file__).parent]
    try:
        spec = importlib.util.find_spec("chinese_calendar")
        if spec is not None and spec.submodule_search_locations:
            folders += [Path(p) for p in spec.submodule_search_locations]
        for folder in folders:
            for name in sorted(n for n in os.listdir(folder) if n.endswith(".py")):
                digest.update(f"\0{folder.name}/{name}\0".encode())
                digest.update((folder / name).read_bytes())
    except (OSError, ImportError, ValueError):
        return os.urandom(16).hex()  # cannot tell what reads the tables: match no entry
    return digest.hexdigest()


def key(data_dir: Path) -> str:
    """A table's key: the hash of its folder's YAML files, how it is shown, gk's version
    and code, the holiday data."""
    digest = hashlib.sha256(f"{FORMAT}\0{_version()}\0{store.display_path(data_dir)}\0".encode())
    for name in sorted(n for n in os.listdir(data_dir) if n.endswith(".yaml")):
        try:
            raw = (data_dir / name).read_bytes()
        except IsADirectoryError:
            continue
        digest.update(f"\0{name}\0{len(raw)}\0".encode())
        digest.update(raw)
    return digest.hexdigest()


def entry_name(data_dirs: Sequence[Path]) -> str:
    """The name of a workspace's entry: its folders, gk's version, this format."""
    digest = hashlib.sha256(f"{FORMAT}\0{_version()}".encode())
    for folder in data_dirs:
        digest.update(f"\0{folder.resolve()}".encode())
    return digest.hexdigest()


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


def read(entry: str) -> dict[str, Table]:
    """The tables of ``entry`` by key; empty when absent, damaged, or not safely ours."""
    folder = cache_dir()
    if not private(folder):
        return {}
    path = folder / f"{entry}.pickle"
    try:
        if path.stat().st_uid != os.stat(folder).st_uid:
            return {}
        blob = path.read_bytes()
    except OSError:
        return {}
    head, _, body = blob.partition(b"\n")
    if head != f"{FORMAT} {entry} {hashlib.sha256(body).hexdigest()}".encode():
        return {}
    try:
        with gc_paused():  # tens of thousands of objects and no cycles: see gc_paused
            tables = _Unpickler(io.BytesIO(body)).load()
    except Exception:  # noqa: BLE001 - any damage means: read the files instead
        return {}
    if not isinstance(tables, dict):
        return {}
    return {k: t for k, t in tables.items() if isinstance(k, str) and isinstance(t, Table)}


def write(entry: str, tables: dict[str, Table]) -> None:
    """Store ``tables`` (by key) as ``entry``; a cache that cannot be written is not used."""
    import tempfile  # only to write (and it loads shutil and random)

    folder = cache_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not private(folder):
            return
        with gc_paused():
            body = pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL)
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


def load_tables(data_dirs: Sequence[Path]) -> list[Table]:
    """store.load_table of each folder, through the workspace's entry: the same Tables, or
    the DataError of the first folder with problems (the valid tables are still cached)."""
    keys = [key(d) for d in data_dirs]
    entry = entry_name(data_dirs)
    cached = read(entry)
    tables: dict[str, Table] = {}
    first_problems: list[Problem] | None = None
    for data_dir, k in zip(data_dirs, keys):
        if k in cached:
            tables[k] = cached[k]
            continue
        table, problems = store.read_table(data_dir)
        if problems or table is None:
            first_problems = problems if first_problems is None else first_problems
            continue
        tables[k] = table
    if set(tables) != set(cached):
        write(entry, tables)
    if first_problems is not None:
        raise DataError(first_problems)
    return [tables[k] for k in keys]


def load_table(data_dir: Path) -> Table:
    """store.load_table, through the cache: the same Table, or the same DataError."""
    return load_tables([data_dir])[0]
