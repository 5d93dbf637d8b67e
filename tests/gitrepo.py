"""Real git repositories for the tests: a bare remote and clones of it in tmp_path.

Author, committer and config come from the environment the fixture sets, never from the
caller's global git config (which may sign commits or name another default branch).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from click.testing import CliRunner

from gkcli.cli import cli

SHIPPED = Path(__file__).resolve().parent.parent / "data"


def git_env(monkeypatch, tmp_path: Path) -> None:
    config = tmp_path / "gitconfig"
    config.write_text("", encoding="utf-8")
    for key, value in {"GIT_AUTHOR_NAME": "秘书", "GIT_AUTHOR_EMAIL": "s@example.org",
                       "GIT_COMMITTER_NAME": "秘书", "GIT_COMMITTER_EMAIL": "s@example.org",
                       "GIT_CONFIG_GLOBAL": str(config), "GIT_CONFIG_NOSYSTEM": "1",
                       "GIT_TERMINAL_PROMPT": "0", "GIT_MERGE_AUTOEDIT": "no"}.items():
        monkeypatch.setenv(key, value)
    for key in ("GK_DATA", "GK_LANG", "GK_TODAY", "GIT_DIR", "GIT_WORK_TREE"):
        monkeypatch.delenv(key, raising=False)


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {result.stderr}")
    return result


class Clone:
    """One person's clone: gk commands run against its data/, git commands in it."""

    def __init__(self, path: Path):
        self.path = path
        self.data = path / "data"
        self.tasks = self.data / "tasks.yaml"
        self.roster = self.data / "leading_group.yaml"

    def gk(self, *args: str, lang: str = "zh"):
        argv = ["--data", str(self.data), "--today", "2021-06-20", "--lang", lang, *args]
        # 2021-06-20 is gk's real today too (GK_NOW): the file as it is, not the history
        return CliRunner().invoke(cli, argv, env={"GK_NOW": "2021-06-20"}, catch_exceptions=False)

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return git(self.path, *args, check=check)

    def edit(self, old: str, new: str, path: Path | None = None) -> None:
        path = path or self.tasks
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def commit(self, message: str = "手工修改") -> None:
        self.git("commit", "-qam", message)

    def commit_edit(self, old: str, new: str, path: Path | None = None) -> None:
        """She edits a file by hand (tasks.yaml unless ``path``) and commits it."""
        self.edit(old, new, path)
        self.commit()

    def text(self) -> str:
        return self.tasks.read_text(encoding="utf-8")


def remote_with_clones(tmp_path: Path, n: int = 2, setup: bool = True) -> tuple[Path, list[Clone]]:
    """A bare repository holding the shipped data, and ``n`` clones of it (driver set up)."""
    bare = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(bare))
    first = Clone(tmp_path / "a")
    git(tmp_path, "init", "-q", "-b", "main", str(first.path))
    shutil.copytree(SHIPPED, first.data)
    if setup:
        assert first.gk("setup-git").exit_code == 0
    first.git("add", "-A")
    first.git("commit", "-qm", "任务分工表")
    first.git("remote", "add", "origin", str(bare))
    first.git("push", "-q", "-u", "origin", "main")
    clones = [first]
    for name in "bcd"[:n - 1]:
        git(tmp_path, "clone", "-q", str(bare), str(tmp_path / name))
        clone = Clone(tmp_path / name)
        if setup:
            assert clone.gk("setup-git").exit_code == 0
        clones.append(clone)
    return bare, clones


def two_clones(tmp_path: Path, monkeypatch) -> tuple[Clone, Clone]:
    """Her clone (a) and a colleague's (b) of one remote, with git's environment set."""
    git_env(monkeypatch, tmp_path)
    _, (a, b) = remote_with_clones(tmp_path)
    return a, b
