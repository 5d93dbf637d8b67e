"""Writing tasks.yaml safely: one writer at a time, validated, atomic, never half-written.

A change is a function that edits a :class:`TasksText`. :func:`apply` takes the lock,
reads the file, applies the change, validates the result with the same checks as
``gk check``, refuses if the file changed on disk meanwhile, and replaces the file
through a temporary file in the same folder (write, fsync, rename, fsync the folder).
"""

from __future__ import annotations

import contextlib
import difflib
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from gkcli.errors import DataError, GkError, WriteRefused
from gkcli.store import BOM, TASKS_FILE, display_path, read_text, validate_tasks_text
from gkcli.yamledit import TasksText

LOCK_TIMEOUT = 30.0  # seconds to wait for another gk to finish writing


@dataclass
class Result:
    path: Path
    before: str
    after: str
    written: bool

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
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise GkError("lock_busy", path=display_path(folder)) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextlib.contextmanager
def _lockfile(folder: Path, timeout: float) -> Iterator[None]:
    path = folder / ".gk.lock"
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            if time.monotonic() > deadline:
                raise GkError("lockfile_exists", path=display_path(path)) from None
            time.sleep(0.05)
    try:
        yield
    finally:
        os.close(fd)
        os.unlink(path)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new one, never a part."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def apply(data_dir: Path, change: Callable[[TasksText], None], dry_run: bool = False) -> Result:
    """Apply ``change`` to tasks.yaml under the lock; validate; write atomically unless dry_run."""
    path = data_dir / TASKS_FILE
    shown = display_path(path)
    with locked(data_dir):
        before, bom = read_text(path)
        raw = ((BOM if bom else "") + before).encode("utf-8")  # the bytes read, exactly
        doc = TasksText(before, shown)
        change(doc)
        after = doc.text
        _table, problems = validate_tasks_text(after, shown)
        if problems:
            raise DataError(problems)
        result = Result(path, before, after, written=False)
        if dry_run or not result.changed:
            return result
        try:
            if path.read_bytes() != raw:
                raise WriteRefused("changed_on_disk", path=shown)
            atomic_write(path, ((BOM if bom else "") + after).encode("utf-8"))
        except OSError as exc:
            raise GkError("cannot_write_unchanged", path=shown, reason=exc.strerror) from None
        result.written = True
        return result
