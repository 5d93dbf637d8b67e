"""The lock on the data folder: a second writer waits for the first, then gives up with one
line naming the folder; the lock file used where flock is missing (Windows) likewise."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from helpers import SHIPPED

from gkcli import writer
from gkcli.errors import GkError
from gkcli.i18n import Words

fcntl = pytest.importorskip("fcntl")  # the lock file is what Windows uses (tested below too)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    return data


def held(folder: Path) -> int:
    """Another gk holding the folder's lock (flock on the folder itself)."""
    fd = os.open(folder, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def test_a_second_writer_gives_up_with_one_line_when_the_lock_stays_held(folder):
    fd = held(folder)
    try:
        with pytest.raises(GkError) as refused, writer.locked(folder, timeout=0.2):
            pass
    finally:
        os.close(fd)
    said = Words("zh").message(refused.value.key, refused.value.params)
    assert "data" in said and "\n" not in said


def test_a_second_writer_waits_for_the_first_to_finish(folder):
    fd = held(folder)
    threading.Timer(0.2, os.close, (fd,)).start()  # the first writer finishes
    start = time.monotonic()
    with writer.locked(folder, timeout=10):
        assert time.monotonic() - start >= 0.15


def test_the_lock_file_refuses_while_another_holds_it_and_is_removed_after(folder):
    lock = folder / ".gk.lock"
    lock.write_text("")  # another gk on Windows
    with pytest.raises(GkError) as refused, writer._lockfile(folder, 0.2):
        pass
    assert refused.value.key == "lockfile_exists"
    lock.unlink()
    with writer._lockfile(folder, 0.2):
        assert lock.exists()
    assert not lock.exists()
