"""The cache of validated tables: used only while the files, gk and the format are unchanged."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHIPPED, replace_in

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
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_entries_are_written_in_a_private_folder(ws, private_cache):
    first = titles(ws)
    assert len(entries(private_cache)) == 2  # one per table
    assert private_cache.stat().st_mode & 0o777 == 0o700
    assert titles(ws) == first  # read back from the cache: the same rows


def test_cached_table_equals_the_parsed_one(ws):
    parsed = store.load_table(ws / "a")
    again = cache.from_plain(json.loads(json.dumps(cache.to_plain(parsed))))
    assert cache.to_plain(again) == cache.to_plain(parsed)
    assert again.tasks == parsed.tasks and again.roster == parsed.roster
    assert again.notice == parsed.notice and again.groups == parsed.groups


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
        assert head == hashlib.sha256(body).hexdigest().encode()


def test_another_gk_version_does_not_read_the_entries(ws, private_cache, monkeypatch):
    titles(ws)
    before = {p.name for p in entries(private_cache)}
    monkeypatch.setattr(gkcli, "__version__", "99.0.0")
    titles(ws)
    after = {p.name for p in entries(private_cache)}
    assert len(after - before) == 2  # new keys for the new version


def test_an_entry_made_by_someone_else_in_a_shared_folder_is_not_used(ws, private_cache):
    """A tampered entry with a valid checksum is still refused when the folder is not private."""
    first = titles(ws)
    entry = entries(private_cache)[0]
    head, _, body = entry.read_bytes().partition(b"\n")
    data = json.loads(body)
    data["table"]["tasks"][0][2] = "篡改的事项"
    body = json.dumps(data, ensure_ascii=False).encode()
    entry.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    private_cache.chmod(0o777)
    try:
        assert "篡改的事项" not in titles(ws)
        assert titles(ws) == first
    finally:
        private_cache.chmod(0o700)


def test_a_broken_table_is_reported_every_time_and_never_cached(ws, private_cache):
    replace_in(ws / "b" / "tasks.yaml", "lead: 综合股", "lead: 综合科")
    for _ in range(2):
        result = run_all(ws, "status")
        assert result.exit_code == 1 and "综合科" in result.output
    assert len(entries(private_cache)) == 1  # only the valid table


def test_the_cache_follows_xdg_cache_home(monkeypatch, tmp_path):
    monkeypatch.delenv("GK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "gk"
