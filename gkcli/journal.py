"""The undo journal: gk's own writes to tasks.yaml, kept outside the data and never committed.

Each entry holds the file written, its bytes before and after (zlib-compressed, each with
its SHA-256), the change's subject in Chinese and English, when, and the commit that holds
it (if gk committed it). ``gk undo`` entries are recorded too, naming the write they took
back, so repeated undo goes back through the writes, never forth again.

Where it lives:

* in a git repository: ``<git dir>/gk/undo-<hash of the data folder's path in the work
  tree>.json`` — beside git's own files, so it is never committed, goes with the clone
  when the folder is moved, and each worktree (its own git dir) has its own;
* anywhere else: ``$XDG_STATE_HOME/gk/undo/`` (``~/.local/state/gk/undo``; on Windows
  ``%LOCALAPPDATA%\\gk\\undo``) under the hash of the data folder's real path, in a folder
  only its owner may read, since it holds copies of the table.

A journal kept outside git for a folder that is later put in git (``git init``) is still
read from there, and moved beside git's files by the next write.

The git directory is found by looking for ``.git`` upward (a folder, or a file naming one),
so no git process is started and no git is needed. The journal keeps the last
:data:`MAX_ENTRIES` writes (with the undo entries that name them) and at most
:data:`MAX_BYTES`, and counts the writes that fell out; the caller holds the data folder's
lock while it reads or writes it. A journal that cannot be read raises :class:`Damaged`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gkcli import gitdirs
from gkcli.errors import GkError, Msg
from gkcli.store import display_path
from gkcli.userdirs import private, state_dir

FORMAT = "gk-undo-journal 1"
MAX_ENTRIES = 50  # writes kept (each with the undo entries that name it)
MAX_BYTES = 8 * 1024 * 1024  # the journal file, compressed copies included


class Damaged(GkError):
    """The journal file exists but is not one gk wrote whole."""

    def __init__(self, path: Path, why: str):
        super().__init__("journal_damaged", path=display_path(path), why=Msg.of(why))
        self.path = path


@dataclass
class Entry:
    n: int  # 1, 2, 3 … in the order written; never reused within one journal
    kind: str  # "write" (a gk write) or "undo" (gk undo took back entry ``undoes``)
    file: str  # the file written, relative to the data folder: tasks.yaml
    subject: dict[str, str]  # {"zh": …, "en": …}
    time: str  # ISO 8601 with its offset, or "" when not known
    packed_before: str
    packed_after: str
    sha_before: str
    sha_after: str
    commit: str = ""  # the full hash of the commit that holds this write, if gk committed it
    undoes: int = 0  # for kind "undo": the n of the write taken back
    skip: bool = False  # kind "undo" only: the write was skipped (gk undo --skip), not taken back

    def said(self, lang: str) -> str:
        return self.subject.get(lang) or self.subject.get("zh") or ""

    @property
    def before(self) -> bytes:
        return _unpack(self.packed_before, self.sha_before)

    @property
    def after(self) -> bytes:
        return _unpack(self.packed_after, self.sha_after)


@dataclass
class Journal:
    path: Path  # where it was read from (where it is written: :func:`location`)
    entries: list[Entry] = field(default_factory=list)
    dropped: int = 0  # how many writes, the oldest, fell out of it (over MAX_ENTRIES or MAX_BYTES)

    def undone(self) -> set[int]:
        return {e.undoes for e in self.entries if e.kind == "undo"}

    def next_to_undo(self) -> Entry | None:
        """The newest write not taken back yet: what ``gk undo`` takes back next."""
        taken = self.undone()
        for entry in reversed(self.entries):
            if entry.kind == "write" and entry.n not in taken:
                return entry
        return None


class _NotPrivate(Exception):
    def __init__(self, folder: Path):
        super().__init__(str(folder))
        self.folder = folder


class _Bad(Exception):
    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


def _unpack(packed: str, sha: str) -> bytes:
    try:
        data = zlib.decompress(base64.b64decode(packed.encode("ascii"), validate=True))
    except (binascii.Error, zlib.error, ValueError, UnicodeEncodeError):
        raise _Bad("journal_why.bytes") from None
    if hashlib.sha256(data).hexdigest() != sha:
        raise _Bad("journal_why.bytes")
    return data


def _pack(data: bytes) -> tuple[str, str]:
    return base64.b64encode(zlib.compress(data, 6)).decode("ascii"), hashlib.sha256(data).hexdigest()


# --- where ---------------------------------------------------------------------------------------

def location(data_dir: Path) -> Path:
    """The journal file of the data folder ``data_dir`` (where it is written)."""
    real = Path(os.path.realpath(data_dir))
    found = gitdirs.git_dir(real)
    if found is not None:
        gitdir, top = found
        rel = real.relative_to(top).as_posix()
        return gitdir / "gk" / f"undo-{hashlib.sha256(rel.encode()).hexdigest()[:16]}.json"
    return _outside(real)


def _outside(real: Path) -> Path:
    return state_dir() / "undo" / f"{hashlib.sha256(str(real).encode()).hexdigest()[:16]}.json"


def _where(data_dir: Path) -> Path:
    """The journal file to read: :func:`location`, or, in git with none there yet, the one
    kept outside git for this folder before it was put in git (``git init`` since)."""
    path = location(data_dir)
    if path.parent.parent == state_dir() or path.exists():
        return path
    outside = _outside(Path(os.path.realpath(data_dir)))
    return outside if outside.is_file() else path


# --- reading and writing ---------------------------------------------------------------------------

_FIELDS = {"n": int, "kind": str, "file": str, "subject": dict, "time": str, "before": str,
           "after": str, "sha_before": str, "sha_after": str, "commit": str, "undoes": int}
# fields added since, optional: a journal an older gk wrote lacks them (one it reads ignores them)
_LATER = {"skip": bool}


def _entry(raw: Any) -> Entry:
    if not isinstance(raw, dict) or any(not isinstance(raw.get(k), t) for k, t in _FIELDS.items()) \
            or any(not isinstance(raw.get(k, t()), t) for k, t in _LATER.items()):
        raise _Bad("journal_why.format")
    if raw["kind"] not in ("write", "undo") or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in raw["subject"].items()):
        raise _Bad("journal_why.format")
    return Entry(raw["n"], raw["kind"], raw["file"], dict(raw["subject"]), raw["time"],
                 raw["before"], raw["after"], raw["sha_before"], raw["sha_after"],
                 raw["commit"], raw["undoes"], raw.get("skip", False))


def read(data_dir: Path) -> Journal:
    """The journal of ``data_dir``; empty when there is none. :class:`Damaged` if unreadable."""
    path = location(data_dir)
    try:
        path = _where(data_dir)
        if path.stat().st_size > 4 * MAX_BYTES:  # never gk's: not read into memory at all
            raise Damaged(path, "journal_why.format")
        raw = path.read_bytes()
    except FileNotFoundError:
        return Journal(path)
    except OSError as exc:
        raise GkError("journal_unreadable", path=display_path(path), reason=exc.strerror or "") from None
    try:
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError, MemoryError):  # nested too deep
            raise _Bad("journal_why.json") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT \
                or not isinstance(doc.get("entries"), list):
            raise _Bad("journal_why.format")
        entries = [_entry(e) for e in doc["entries"]]
        if [e.n for e in entries] != sorted({e.n for e in entries}):
            raise _Bad("journal_why.format")
        dropped = doc.get("dropped", 0)
        if not isinstance(dropped, int) or isinstance(dropped, bool) or dropped < 0:
            raise _Bad("journal_why.format")
    except _Bad as exc:
        raise Damaged(path, exc.why) from None
    return Journal(path, entries, dropped)


def entry_bytes(journal: Journal, entry: Entry) -> tuple[bytes, bytes]:
    """(before, after) of ``entry``, checked against their SHA-256: :class:`Damaged` if not."""
    try:
        return entry.before, entry.after
    except _Bad as exc:
        raise Damaged(journal.path, exc.why) from None


def _keeping(entries: list[Entry], writes: int) -> list[Entry]:
    """``entries`` with only the newest ``writes`` writes and the undo entries naming them."""
    kept = {e.n for e in entries if e.kind == "write"}
    kept = set(sorted(kept)[-writes:]) if writes > 0 else set()
    return [e for e in entries if (e.n if e.kind == "write" else e.undoes) in kept]


def _save(journal: Journal, path: Path) -> None:
    """Write ``journal`` to ``path``, its oldest writes dropped to keep within the limits."""
    def doc(kept: list[Entry], dropped: int) -> bytes:
        return json.dumps({"format": FORMAT, "dropped": dropped, "entries": [
            {"n": e.n, "kind": e.kind, "file": e.file, "subject": e.subject, "time": e.time,
             "before": e.packed_before, "after": e.packed_after, "sha_before": e.sha_before,
             "sha_after": e.sha_after, "commit": e.commit, "undoes": e.undoes,
             **({"skip": True} if e.skip else {})} for e in kept]},
            ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    writes = sum(e.kind == "write" for e in journal.entries)
    keep = min(writes, MAX_ENTRIES)
    entries = _keeping(journal.entries, keep)
    data = doc(entries, journal.dropped + writes - keep)
    while len(data) > MAX_BYTES and keep > 1:
        keep -= keep // 4 or 1
        entries = _keeping(journal.entries, keep)
        data = doc(entries, journal.dropped + writes - keep)
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.parent == state_dir() and not private(folder):
        if folder.stat().st_uid == getattr(os, "getuid", lambda: -1)():
            os.chmod(folder, 0o700)  # her own folder, made by another program: close it
        if not private(folder):
            raise _NotPrivate(folder)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as handle:  # no fsync: a journal cut short by a crash
            handle.write(data)                 # is found damaged and set aside, never trusted
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if journal.path != path:  # kept outside git until now: moved beside git's files
        try:
            os.unlink(journal.path)
        except OSError:
            pass
    journal.path, journal.entries = path, entries
    journal.dropped += writes - keep


def unsaved(journal: Journal, before: bytes, after: bytes, subject: dict[str, str], time: str,
            commit: str) -> Entry:
    """An entry for a write, added to ``journal`` in memory only (``gk undo --dry-run``)."""
    return _append(journal, "write", before, after, subject, time, commit)


def _append(journal: Journal, kind: str, before: bytes, after: bytes, subject: dict[str, str],
            time: str, commit: str = "", undoes: int = 0, file: str = "tasks.yaml",
            skip: bool = False) -> Entry:
    packed_before, sha_before = _pack(before)
    packed_after, sha_after = _pack(after)
    n = journal.entries[-1].n + 1 if journal.entries else 1
    entry = Entry(n, kind, file, subject, time, packed_before, packed_after, sha_before, sha_after,
                  commit, undoes, skip)
    journal.entries.append(entry)
    return entry


def record(data_dir: Path, kind: str, before: bytes, after: bytes, subject: dict[str, str],
           time: str, commit: str = "", undoes: int = 0, file: str = "tasks.yaml",
           skip: bool = False) -> Msg | None:
    """Add an entry for a write that has just been made; the caller holds the lock.

    Never fails the write it records: a journal that cannot be written is said as a Msg to
    show (this write cannot be undone); a damaged one is kept aside under ``.damaged`` and a
    new one started (said too).
    """
    note: Msg | None = None
    try:
        journal = read(data_dir)
    except Damaged as exc:
        kept = exc.path.with_name(exc.path.name + ".damaged")
        try:
            os.replace(exc.path, kept)
        except OSError as err:
            return Msg.of("journal_not_written", reason=err.strerror or type(err).__name__)
        journal = Journal(location(data_dir))
        note = Msg.of("journal_restarted", path=display_path(exc.path), kept=display_path(kept))
    except GkError as exc:
        return Msg.of("journal_not_written", reason=exc.params.get("reason", ""))
    _append(journal, kind, before, after, subject, time, commit, undoes, file, skip)
    try:
        _save(journal, location(data_dir))
    except _NotPrivate as exc:
        return Msg.of("journal_not_written",
                      reason=Msg.of("journal_why.not_private", path=display_path(exc.folder)))
    except OSError as exc:
        return Msg.of("journal_not_written", reason=exc.strerror or type(exc).__name__)
    return note
