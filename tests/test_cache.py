"""The cache of validated tables: one entry per workspace, each table in it used only while
its files, gk and the format are unchanged; what a table was on another day is never cached."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import git, git_env
from helpers import SHIPPED, replace_in

import gkcli
from gkcli import cache, store, userdirs, workspace
from gkcli.cli import cli


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    data = tmp_path / "ws" / "data"
    shutil.copytree(SHIPPED, data / "a")
    shutil.copytree(SHIPPED, data / "b")
    replace_in(data / "b" / "tasks.yaml", "150号", "151号", count=-1)
    return data


def run_all(data: Path, *args: str, today: str = "2021-06-20"):
    """gk --all on ``today``, which is gk's real today too (the files as they are)."""
    return CliRunner().invoke(cli, ["--data", str(data), "--today", today, "--all", *args],
                              env={"GK_NOW": "2021-06-20"}, catch_exceptions=False)


def titles(data: Path) -> list[str]:
    result = run_all(data, "list", "--format", "json")
    assert result.exit_code == 0, result.output
    return [row["title"] for row in json.loads(result.output)]


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle")) if folder.is_dir() else []


def cached_tables(entry: Path) -> dict:
    return pickle.loads(entry.read_bytes().partition(b"\n")[2])


def test_one_entry_for_the_workspace_in_a_private_folder(ws, private_cache):
    first = titles(ws)
    [entry] = entries(private_cache)  # one file for every table of the workspace
    assert len(cached_tables(entry)) == 2
    assert private_cache.stat().st_mode & 0o777 == 0o700
    assert titles(ws) == first  # read back from the cache: the same rows


@pytest.mark.parametrize("folder", [SHIPPED, SHIPPED.parent / "examples" / "calendar"])
def test_cached_table_equals_the_parsed_one(folder, private_cache):
    """Every field survives: offices, groups, items, roster, settings, reporting, calendar."""
    parsed = store.load_table(folder)
    entry = cache.entry_name([folder])
    cache.write(entry, {cache.key(folder): parsed})
    again = cache.read(entry).get(cache.key(folder))
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


@pytest.mark.parametrize("change", ["version", "code"])
def test_another_gk_version_does_not_read_the_entries(ws, private_cache, monkeypatch, change):
    """Another version number, or gk's modules or the holiday package edited (the same number)."""
    first = titles(ws)
    [old] = entries(private_cache)
    body = tampered(old, "梳理规范权责清单".encode(), "旧版本的权责清单".encode())
    if change == "version":
        monkeypatch.setattr(gkcli, "__version__", "99.0.0")
    else:
        monkeypatch.setattr(cache, "_code", lambda: "another gk or chinese-calendar")
    new = private_cache / f"{cache.entry_name(workspace.find_tables(str(ws)))}.pickle"
    assert new != old  # another name for another gk
    sign(new, body)  # and even the old gk's tables under the new name are keyed by its version
    assert titles(ws) == first


def tampered(entry: Path, old: bytes = "梳理规范权责清单".encode(),
             new: bytes = "篡改过的权责清单".encode()) -> bytes:
    """The entry's body with one title changed in place (as bytes of the same length)."""
    assert len(old) == len(new)
    body = entry.read_bytes().partition(b"\n")[2]
    assert old in body
    return body.replace(old, new)


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
    assert "篡改过的权责清单，动态调整更新" in titles(ws)  # (in a private folder it would be read)


def test_on_windows_the_cache_is_used(ws, private_cache, monkeypatch):
    """Windows reports no owner and every folder as 0o777: the cache (like the undo journal)
    takes a folder of hers as private there, instead of never being used."""
    titles(ws)
    for entry in entries(private_cache):
        sign(entry, tampered(entry))  # what the cache holds shows which one was read
    private_cache.chmod(0o777)
    monkeypatch.delattr(os, "getuid")  # as on Windows
    try:
        assert "篡改过的权责清单，动态调整更新" in titles(ws)
    finally:
        private_cache.chmod(0o700)


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
    [entry] = entries(private_cache)
    assert len(cached_tables(entry)) == 1  # only the valid table


def test_gk_cache_dir_comes_first(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert userdirs.cache_dir() == tmp_path / "xdg" / "gk"
    monkeypatch.setenv("GK_CACHE_DIR", str(tmp_path / "mine"))
    assert userdirs.cache_dir() == tmp_path / "mine"


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """A workspace of six notices (the shipped table under six numbers)."""
    data = tmp_path / "many" / "data"
    for n in range(6):
        shutil.copytree(SHIPPED, data / f"n{n}")
        replace_in(data / f"n{n}" / "tasks.yaml", "150号", f"{160 + n}号", count=-1)
    return data


def test_one_changed_byte_in_one_of_many_tables_rereads_that_table_only(many, private_cache):
    titles(many)
    [entry] = entries(private_cache)
    sign(entry, tampered(entry))  # what the entry says, so we can see which tables come from it
    path = many / "n3" / "tasks.yaml"
    raw = path.read_bytes()
    stat = path.stat()
    path.write_bytes(raw.replace("梳理规范权责清单".encode(), "梳理规范权责清册".encode(), 1))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    rows = json.loads(run_all(many, "list", "--format", "json").stdout)
    firsts = {row["notice"]: row["title"] for row in rows if row["id"] == 1}
    assert firsts.pop("泉港交﹝2020﹞163号") == "梳理规范权责清册，动态调整更新"  # read again
    assert set(firsts.values()) == {"篡改过的权责清单，动态调整更新"}  # the five others: cached
    assert len(cached_tables(entry)) == 6  # rewritten with the keys of now, none left over


def test_a_removed_notice_leaves_the_entry(many, private_cache):
    titles(many)
    shutil.rmtree(many / "n5")
    assert len(titles(many)) == 5 * 16
    assert sorted(len(cached_tables(e)) for e in entries(private_cache)) == [5, 6]


def test_an_entry_that_is_not_tables_is_ignored(ws, private_cache):
    first = titles(ws)
    for body in (pickle.dumps(["not", "tables"]), pickle.dumps({"key": "not a table"}), b""):
        for entry in entries(private_cache):
            sign(entry, body)
        assert titles(ws) == first


# --- --today: the tables of another day come from git on every run, never from the cache -----

def commit(repo: Path, day: str, message: str) -> None:
    stamp = f"{day}T12:00:00+08:00"
    git(repo, "add", "-A")
    result = subprocess.run(["git", "commit", "-qm", message], cwd=repo, capture_output=True,
                            text=True, env={**os.environ, "GIT_AUTHOR_DATE": stamp,
                                            "GIT_COMMITTER_DATE": stamp})
    assert result.returncode == 0, result.stderr


@pytest.fixture
def repo_ws(ws: Path, monkeypatch, tmp_path: Path) -> Path:
    """The two-notice workspace in git: committed on 2020-07-10, item 1 of notice a retitled
    and done (on 2020-09-01, noted on 2020-08-20) in a commit of 2020-09-02."""
    git_env(monkeypatch, tmp_path)
    repo = ws.parent
    git(repo, "init", "-q")
    commit(repo, "2020-07-10", "初版")
    replace_in(ws / "a" / "tasks.yaml", "梳理规范权责清单，动态调整更新",
               "梳理规范权责清单并公布")
    replace_in(ws / "a" / "tasks.yaml", "    deadline: 2020年7月17日前\n    status: todo\n",
               "    deadline: 2020年7月17日前\n    status: done\n    done_on: 2020-09-01\n"
               "    progress:\n      - 2020-08-20 已报送初稿\n")
    commit(repo, "2020-09-02", "完成 #1")
    return ws


def first_item(data: Path, today: str, *flags: str) -> dict:
    result = CliRunner().invoke(cli, ["--data", str(data), "--today", today, *flags, "list",
                                      "--format", "json"], env={"GK_NOW": "2021-06-20"},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return next(r for r in json.loads(result.stdout)
                if r["id"] == 1 and r.get("notice", "150号").endswith("150号"))


def test_all_on_an_earlier_day_is_that_days_table_and_not_the_cached_one(repo_ws, private_cache):
    now = first_item(repo_ws, "2021-06-20", "--all")  # fills the cache with the files of now
    assert (now["title"], now["status"], now["done_on"]) == ("梳理规范权责清单并公布", "done",
                                                             "2020-09-01")
    for _ in range(2):  # with the cache filled, and again
        then = first_item(repo_ws, "2020-08-25", "--all")
        assert then["title"] == "梳理规范权责清单，动态调整更新"  # the structure committed by then
        assert (then["status"], then["done_on"]) == ("todo", None)  # done only on 2020-09-01
        assert then["progress"] == ["2020-08-20 已报送初稿"]  # a fact of that day, noted later
    single = first_item(repo_ws / "a", "2020-08-25")  # just as the one table says
    assert {k: v for k, v in then.items() if k != "notice"} == single


def test_all_with_a_new_commit_and_the_same_files_is_the_new_history(repo_ws, private_cache):
    """History moves without the files changing: an as-of read never goes stale."""
    assert first_item(repo_ws, "2020-09-05", "--all")["status"] == "done"
    git(repo_ws.parent, "reset", "-q", "--soft", "HEAD~1")  # the files as they are, uncommitted
    then = first_item(repo_ws, "2020-09-05", "--all")
    assert then["title"] == "梳理规范权责清单，动态调整更新"  # committed then: the first version
    assert (then["status"], then["done_on"]) == ("todo", None)  # uncommitted: only for today
