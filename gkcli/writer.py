"""Writing tasks.yaml safely: one writer at a time, validated, atomic, never half-written.

A change is a function that edits a :class:`TasksText`. :func:`apply` takes the lock,
reads the file and proves it complete and stable (:func:`read_stable`), applies the change,
validates the result with the same checks as ``gk check``, lets the caller check that the
table written is the table read plus exactly the intended change, and replaces the file
through a temporary file in the target's folder (write, fsync, a checked rename that puts
back a file renamed in meanwhile, fsync the folder). A symlink is written through; a
read-only file is refused; the file's mode is kept.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from gkcli.errors import DataError, GkError, WriteRefused
from gkcli.model import Table
from gkcli.store import (
    BOM,
    MAX_BYTES,
    TASKS_FILE,
    decode,
    display_path,
    read_tasks_node,
)
from gkcli.yamledit import TasksText
from gkcli.yamlnodes import gc_paused

T = TypeVar("T")

LOCK_TIMEOUT = 30.0  # seconds to wait for another gk to finish writing


@dataclass
class Result:
    path: Path
    before: str
    after: str
    written: bool
    data: bytes = b""  # the bytes written, when written
    original: bytes = b""  # the bytes they replaced

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        name = display_path(self.path)
        return "".join(difflib.unified_diff(
            self.before.splitlines(True), self.after.splitlines(True),
            name, name))


@contextlib.contextmanager
def locked(folder: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on the data folder (flock on the folder itself: no lock file left behind)."""
    try:
        import fcntl
    except ImportError:  # Windows: one lock file beside the data
        with _lockfile(folder, timeout):
            yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise GkError("cannot_lock", path=display_path(folder), reason=exc.strerror) from None
    try:
        _retry(lambda: fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB), BlockingIOError, timeout,
               0.02, GkError("lock_busy", path=display_path(folder)))
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextlib.contextmanager
def _lockfile(folder: Path, timeout: float) -> Iterator[None]:
    path = folder / ".gk.lock"
    fd = _retry(lambda: os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY), FileExistsError,
                timeout, 0.05, GkError("lockfile_exists", path=display_path(path)))
    try:
        yield
    finally:
        os.close(fd)
        os.unlink(path)


def _retry(attempt: Callable[[], T], busy: type[OSError], timeout: float, pause: float,
           refusal: GkError) -> T:
    """``attempt()`` until it no longer raises ``busy``; ``refusal`` once ``timeout`` is past."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return attempt()
        except busy:
            if time.monotonic() > deadline:
                raise refusal from None
            time.sleep(pause)


def atomic_write(path: Path, data: bytes, guard: Callable[..., None] | None = None) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new one, never a part.

    The temporary file is made in the folder of the file itself (through a symlink, the
    target's folder), keeps the file's mode, and ``guard`` runs last, just before the rename:
    it may still refuse.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        if guard is None:
            os.replace(tmp, path)
        else:
            guard()
            _replace_checked(tmp, path, guard)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _exchange(one: str, other: Path) -> bool:
    """Swap two names atomically (Linux renameat2 RENAME_EXCHANGE); False where not possible."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError, ImportError, TypeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(one), at_fdcwd, os.fsencode(str(other)), rename_exchange) == 0:
        return True
    import errno

    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code))


def _replace_checked(tmp: str, path: Path, guard: Callable[[], None]) -> None:
    """Rename ``tmp`` over ``path``, proving afterwards that what it replaced was the file gk read.

    With an atomic exchange the replaced file comes back under the temporary name: if it
    is not the file gk read (another program renamed its own version in at the last
    moment, as ``sed -i`` does), gk swaps it back and refuses — her edit stays.
    """
    ours = os.lstat(tmp)
    if not _exchange(tmp, path):
        os.replace(tmp, path)
        return
    try:
        guard(tmp)  # type: ignore[call-arg]  # the file now under tmp is the one replaced
    except WriteRefused:
        back = _exchange(tmp, path)
        now_tmp = os.lstat(tmp)
        if back and (now_tmp.st_ino, now_tmp.st_dev) == (ours.st_ino, ours.st_dev):
            raise  # hers is back in place; gk's temporary file is removed by the caller
        kept = path.with_name(f"{path.name}.kept-{os.getpid()}")  # never deleted: it may be hers
        os.rename(tmp, kept)
        raise WriteRefused("changed_on_disk_kept", path=display_path(path),
                           kept=display_path(kept)) from None
    os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


FRESH_SECONDS = 2.0  # a file modified this recently may still be being written
SETTLE_SECONDS = 0.2  # how long to watch a fresh file before trusting it


def _identity(st: os.stat_result) -> tuple[int, int, int, int]:
    return st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns


def target_of(path: Path) -> Path:
    """The file a write must replace: a symlinked tasks.yaml is written through to its target."""
    return Path(os.path.realpath(path))


def _open_for_writing_elsewhere(fd: int) -> bool | None:
    """Whether another process holds the file open for writing (a copy or a sync in progress).

    Linux answers exactly: a read lease is refused while anyone has the file open to write.
    Elsewhere, or where leases are not allowed, the answer is None (unknown) and the timing
    checks of :func:`read_stable` decide.
    """
    try:
        import fcntl
        import signal
    except ImportError:
        return None
    lease = getattr(fcntl, "F_SETLEASE", None)
    if lease is None:
        return None
    previous = None
    with contextlib.suppress(ValueError, OSError, AttributeError):  # a lease break sends SIGIO
        previous = signal.signal(signal.SIGIO, signal.SIG_IGN)
    try:
        fcntl.fcntl(fd, lease, fcntl.F_RDLCK)
    except OSError as exc:
        import errno

        return True if exc.errno == errno.EAGAIN else None
    else:
        fcntl.fcntl(fd, lease, fcntl.F_UNLCK)
        return False
    finally:
        if previous is not None:
            with contextlib.suppress(ValueError, OSError):
                signal.signal(signal.SIGIO, previous)


def read_stable(path: Path, shown: str) -> tuple[bytes, os.stat_result]:
    """Read the whole file and prove it was complete and stable while gk read it.

    Refuses a file over :data:`MAX_BYTES`, one another program holds open for writing, one
    whose size, time or inode changed during the read, and one modified in the last
    moments that changes while gk watches it briefly.
    """
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        raise GkError("cannot_read", path=shown, reason=exc.strerror) from None
    try:
        first = os.fstat(fd)
        if not stat.S_ISREG(first.st_mode):
            raise WriteRefused("not_a_regular_file", path=shown)
        if first.st_size > MAX_BYTES:
            raise WriteRefused("too_big", path=shown, size=round(first.st_size / 2**20, 1),
                               limit=MAX_BYTES // 2**20)
        writing = _open_for_writing_elsewhere(fd)
        if writing:
            raise WriteRefused("being_written", path=shown)
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        raw = b"".join(chunks)
        after = os.fstat(fd)
    except OSError as exc:
        raise GkError("cannot_read", path=shown, reason=exc.strerror) from None
    finally:
        os.close(fd)
    try:
        now = os.stat(path)
    except OSError:
        raise WriteRefused("changed_on_disk", path=shown) from None
    if not (_identity(first) == _identity(after) == _identity(now)) or len(raw) != first.st_size:
        raise WriteRefused("changed_on_disk", path=shown)
    if writing is None and time.time() - first.st_mtime_ns / 1e9 < FRESH_SECONDS:
        time.sleep(SETTLE_SECONDS)
        _still(path, first, shown, os.stat, "being_written")
    return raw, first


def clean_stale_temps(folder: Path, name: str) -> None:
    """Remove temporary files a killed gk left (``.tasks.yaml.*.tmp``); only under the lock."""
    for stale in folder.glob(f".{name}.*.tmp"):
        with contextlib.suppress(OSError):
            if stale.is_file() and not stale.is_symlink():
                stale.unlink()


def replace_bytes(path: Path, expected: bytes, new: bytes) -> bool:
    """Replace a file holding exactly ``expected`` with ``new``, with the checks of a write
    (stable read, checked rename); False, and nothing written, if it holds anything else.
    The caller holds the data folder's lock."""
    target = target_of(path)
    shown = display_path(path)
    raw, seen = read_stable(target, shown)
    if raw != expected:
        return False
    atomic_write(target, new, guard=_unchanged(target, seen, shown))
    return True


def _unchanged(target: Path, seen: os.stat_result, shown: str) -> Callable[..., None]:
    """A guard for :func:`atomic_write`: the file (by default at ``target``; after an exchange,
    under the temporary name) is still the one read, by inode, size and time."""
    def guard(where: str | Path = target) -> None:
        _still(where, seen, shown, os.lstat, "changed_on_disk")

    return guard


def _still(where: str | Path, seen: os.stat_result, shown: str,
           stat: Callable[[str | Path], os.stat_result], changed: str) -> None:
    """Refuse (``changed``; gone: ``changed_on_disk``) unless the file at ``where`` is still
    the one ``seen``, by inode, size and time."""
    try:
        current = stat(where)
    except OSError:
        raise WriteRefused("changed_on_disk", path=shown) from None
    if _identity(current) != _identity(seen):
        raise WriteRefused(changed, path=shown)


Check = Callable[[Table, Table], None]


def apply(data_dir: Path, change: Callable[[TasksText], None], dry_run: bool = False,
          check: Check | None = None) -> Result:
    """Apply ``change`` to tasks.yaml under the lock; validate; write atomically unless dry_run.

    ``check(table read, table to write)`` may refuse a result that is not the table read plus exactly
    the intended change. The caller may hold :func:`locked` already (to commit after).
    """
    with locked(data_dir):
        return apply_locked(data_dir, change, dry_run, check)


def apply_locked(data_dir: Path, change: Callable[[TasksText], None], dry_run: bool = False,
                 check: Check | None = None) -> Result:
    """:func:`apply` for a caller that holds the data folder's lock."""
    path = data_dir / TASKS_FILE
    shown = display_path(path)
    target = target_of(path)
    raw, seen = read_stable(target, shown)
    before, bom = decode(raw, path)
    with gc_paused():  # node trees and Tables, without cycles: see yamlnodes.gc_paused
        doc = TasksText(before, shown)
        read_before, _ = read_tasks_node(doc.root, shown)  # the table as read, from the same parse
        change(doc)
        after = doc.text
        doc.reparse()  # the final text, composed once more for validation (edits keep it current)
        written_table, problems = read_tasks_node(doc.root, shown)
        if problems:
            raise DataError(problems)
        if check is not None and read_before is not None and written_table is not None:
            check(read_before, written_table)
    result = Result(path, before, after, written=False)
    if dry_run or not result.changed:
        return result
    if not os.access(target, os.W_OK) or not seen.st_mode & 0o222:
        raise WriteRefused("read_only", path=shown)

    try:
        clean_stale_temps(target.parent, target.name)
        if target.read_bytes() != raw:
            raise WriteRefused("changed_on_disk", path=shown)
        atomic_write(target, ((BOM if bom else "") + after).encode("utf-8"),
                     guard=_unchanged(target, seen, shown))
    except OSError as exc:
        raise GkError("cannot_write_unchanged", path=shown, reason=exc.strerror) from None
    result.written = True
    result.original = raw
    result.data = ((BOM if bom else "") + after).encode("utf-8")
    return result
