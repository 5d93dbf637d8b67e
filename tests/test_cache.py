"""The cache of validated tables: used only while the files, gk and the format are unchanged."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SHIPPED, replace_in

import gkcli
from gkcli import cache, store
from gkcli.cli import cli


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    data = tmp_path / "ws" / "data"
    shutil.copytree(SHIPPED, data / "a")
    shutil.copytree(SHIPPED, data / "b")
    replace_in(data / "b" / "tasks.yaml", "150号", "151号", count=-1)
    return data


def run_all(data: Path, *args: str):
    result = CliRunner().invoke(cli, ["--data", str(data), "--today", "2021-06-20", "--all", *args],
                                catch_exceptions=False)
    return result


def titles(data: Path) -> list[str]:
    result = run_all(data, "list", "--format", "json")
    assert result.exit_code == 0, result.output
    return [row["title"] for row in json.loads(result.output)]


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle")) if folder.is_dir() else []


def test_entries_are_written_in_a_private_folder(ws, private_cache):
    first = titles(ws)
    assert len(entries(private_cache)) == 2  # one per table
    assert private_cache.stat().st_mode & 0o777 == 0o700
    assert titles(ws) == first  # read back from the cache: the same rows


@pytest.mark.parametrize("folder", [SHIPPED, SHIPPED.parent / "examples" / "calendar"])
def test_cached_table_equals_the_parsed_one(folder, private_cache):
    """Every field survives: offices, groups, items, roster, settings, reporting, calendar."""
    parsed = store.load_table(folder)
    entry = cache.key(folder)
    cache.write(entry, parsed)
    again = cache.read(entry)
    assert again is not None
    assert again is not parsed
    assert again.tasks == parsed.tasks
    assert again.roster == parsed.roster
    assert again.notice == parsed.notice
    assert again.groups == parsed.groups
    assert again.settings == parsed.settings
    assert again.reporting == parsed.reporting
    assert vars(again.calendar) == vars(parsed.calendar)
    assert again.offices.names == parsed.offices.names
    assert again.offices.groups == parsed.offices.groups


def sign(entry: Path, body: bytes) -> None:
    """Write ``body`` as the entry with a valid header, as only gk (or the user) could."""
    head = f"{cache.FORMAT} {entry.stem} {hashlib.sha256(body).hexdigest()}\n".encode()
    entry.write_bytes(head + body)


def test_one_changed_byte_is_never_served_from_the_cache(ws, private_cache):
    titles(ws)
    path = ws / "a" / "tasks.yaml"
    raw = path.read_bytes()
    old = "梳理规范权责清单".encode()
    new = "梳理规范权责清册".encode()  # same length, so size alone could not tell
    assert len(old) == len(new)
    stat = path.stat()
    path.write_bytes(raw.replace(old, new, 1))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same mtime
    assert "梳理规范权责清册，动态调整更新" in titles(ws)


def test_a_truncated_entry_is_ignored_and_rebuilt(ws, private_cache):
    first = titles(ws)
    for entry in entries(private_cache):
        entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])
    assert titles(ws) == first
    for entry in entries(private_cache):  # rewritten whole
        head, _, body = entry.read_bytes().partition(b"\n")
        assert head.endswith(hashlib.sha256(body).hexdigest().encode())


def test_another_gk_version_does_not_read_the_entries(ws, private_cache, monkeypatch):
    titles(ws)
    before = {p.name for p in entries(private_cache)}
    monkeypatch.setattr(gkcli, "__version__", "99.0.0")
    titles(ws)
    after = {p.name for p in entries(private_cache)}
    assert len(after - before) == 2  # new keys for the new version


def tampered(entry: Path) -> bytes:
    table = pickle.loads(entry.read_bytes().partition(b"\n")[2])
    table.tasks[0] = dataclasses.replace(table.tasks[0], title="篡改的事项")
    return pickle.dumps(table)


def test_an_entry_in_a_folder_others_may_write_is_not_used(ws, private_cache):
    """A tampered entry with a valid checksum is still refused when the folder is not private."""
    first = titles(ws)
    for entry in entries(private_cache):
        sign(entry, tampered(entry))
    private_cache.chmod(0o777)
    try:
        assert titles(ws) == first
    finally:
        private_cache.chmod(0o700)
    assert "篡改的事项" in titles(ws)  # (the same entry in a private folder would be read)


class Boom:
    def __reduce__(self):
        return (os.system, ("echo pwned > pwned.txt",))


def test_an_entry_naming_other_code_is_refused(ws, private_cache, tmp_path, monkeypatch):
    """Even with a valid checksum in the private folder, loading names only gk's own classes."""
    monkeypatch.chdir(tmp_path)
    first = titles(ws)
    for entry in entries(private_cache):
        sign(entry, pickle.dumps(Boom()))
    assert titles(ws) == first
    assert not (tmp_path / "pwned.txt").exists()


def test_a_broken_table_is_reported_every_time_and_never_cached(ws, private_cache):
    replace_in(ws / "b" / "tasks.yaml", "lead: 综合股", "lead: 综合科")
    for _ in range(2):
        result = run_all(ws, "status")
        assert result.exit_code == 1
        assert "综合科" in result.output
    assert len(entries(private_cache)) == 1  # only the valid table


def test_gk_cache_dir_comes_first(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "gk"
    monkeypatch.setenv("GK_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"
