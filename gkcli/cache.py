"""A cache of validated tables, so reading an unchanged table skips parsing and validation.

Keyed by the SHA-256 of the table's files as they are now (their bytes, never their mtime),
of gk's version and of this cache's format: a changed byte, another gk or another layout is
another key, so a stale entry is never found. Each entry is plain JSON (no pickle: nothing
in it can run code), written atomically, and starts with the SHA-256 of its own body,
checked before use, so a truncated or damaged entry is ignored and rebuilt. Entries live
outside the repository, in ``$GK_CACHE_DIR`` or ``$XDG_CACHE_HOME/gk`` (``~/.cache/gk``),
a folder gk makes private (0700); a folder that is not the user's own is never read.
Only valid tables are cached; problems always come from a real read.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import date
from pathlib import Path

from gkcli import store
from gkcli.deadlines import Deadline
from gkcli.errors import DataError
from gkcli.model import Group, Notice, Person, Roster, Settings, Table, Task
from gkcli.offices import Office, OfficeGroup, OfficeRegistry

FORMAT = "gk-table-cache 1"


def cache_dir() -> Path:
    explicit = os.environ.get("GK_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gk"


def key(data_dir: Path) -> str:
    """The entry's name: the hash of the table's files, gk's version and the cache format."""
    from gkcli import __version__

    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0".encode())
    for name in (store.TASKS_FILE, store.ROSTER_FILE):
        try:
            raw = (data_dir / name).read_bytes()
        except FileNotFoundError:
            digest.update(b"\0absent\0")
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
    owner = getattr(os, "getuid", lambda: info.st_uid)()
    return info.st_uid == owner and not info.st_mode & 0o022


def read(entry: str) -> Table | None:
    """The cached Table of ``entry``, or None when absent, damaged, or not safely ours."""
    folder = cache_dir()
    if not _private(folder):
        return None
    try:
        blob = (folder / f"{entry}.json").read_bytes()
    except OSError:
        return None
    head, _, body = blob.partition(b"\n")
    if head != hashlib.sha256(body).hexdigest().encode():
        return None
    try:
        data = json.loads(body)
        if data.get("format") != FORMAT or data.get("key") != entry:
            return None
        return from_plain(data["table"])
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def write(entry: str, table: Table) -> None:
    """Store ``table`` under ``entry``; a cache that cannot be written is simply not used."""
    folder = cache_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
        body = json.dumps({"format": FORMAT, "key": entry, "table": to_plain(table)},
                          ensure_ascii=False, separators=(",", ":")).encode()
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
            os.replace(tmp, folder / f"{entry}.json")
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
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


# --- the Table as plain JSON data, and back ---------------------------------------------------

def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def to_plain(table: Table) -> dict:
    n, r = table.notice, table.roster
    return {
        "notice": [n.number, n.issuer, _day(n.issued), n.title, n.table],
        "offices": [[o.name, list(o.aliases)] for o in table.offices.offices],
        "office_groups": [[g.name, g.members if g.members == "all" else list(g.members)]
                          for g in table.offices.groups.values()],
        "groups": [[g.id, g.title] for g in table.groups.values()],
        "tasks": [[t.id, t.group, t.title, t.lead, list(t.assist), t.deadline.text,
                   _day(t.deadline.date), t.status, _day(t.done_on), t.notes, list(t.progress),
                   t.line] for t in table.tasks],
        "roster": [r.name, r.office_name, r.attached_to, r.director,
                   [[p.name, p.role, p.post, p.office] for p in r.members]],
        "settings": [table.settings.due_soon_days, table.settings.commit],
    }


def from_plain(data: dict) -> Table:
    number, issuer, issued, title, table_name = data["notice"]
    groups = [OfficeGroup(name, "all" if members == "all" else tuple(members))
              for name, members in data["office_groups"]]
    registry = OfficeRegistry([Office(name, tuple(aliases)) for name, aliases in data["offices"]],
                              groups)
    tasks = [Task(id=i, group=g, title=title_, lead=lead, assist=tuple(assist),
                  deadline=Deadline(text, _date(due)), status=status, done_on=_date(done),
                  notes=notes, progress=tuple(progress), line=line)
             for i, g, title_, lead, assist, text, due, status, done, notes, progress, line
             in data["tasks"]]
    name, office_name, attached_to, director, members = data["roster"]
    roster = Roster(name, office_name, attached_to, director,
                    tuple(Person(*m) for m in members))
    soon, commit = data["settings"]
    return Table(notice=Notice(number, issuer, _date(issued), title, table_name), offices=registry,
                 groups={gid: Group(gid, t) for gid, t in data["groups"]}, tasks=tasks,
                 roster=roster, settings=Settings(soon, commit))
