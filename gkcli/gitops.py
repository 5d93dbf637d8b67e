"""Committing gk's changes to git, and undoing the last one. Without git, gk works all the same."""

from __future__ import annotations

import subprocess
from pathlib import Path

from gkcli.errors import GkError

PREFIX = "gk: "


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise GkError("git_missing") from None


def _fail(what: str, result: subprocess.CompletedProcess) -> GkError:
    detail = (result.stderr or result.stdout).strip().splitlines()
    return GkError("git_failed", what=what, detail=detail[-1] if detail else f"exit {result.returncode}")


def repo_root(folder: Path) -> Path | None:
    """The top of the git work tree holding ``folder``, or None."""
    try:
        result = _git(["rev-parse", "--show-toplevel"], folder)
    except GkError:  # git is not installed
        return None
    return Path(result.stdout.strip()) if result.returncode == 0 else None


def uncommitted(path: Path) -> bool:
    """Whether ``path`` has changes git has not committed (or is not tracked yet)."""
    root = repo_root(path.parent)
    if root is None:
        return False
    return bool(_git(["status", "--porcelain", "--", str(path)], root).stdout.strip())


def commit(path: Path, message: str) -> str:
    """Commit ``path`` alone (other staged work is left staged) and return the short hash."""
    root = repo_root(path.parent)
    if root is None:
        raise GkError("commit_not_repo", path=str(path.parent))
    result = _git(["add", "--", str(path)], root)
    if result.returncode != 0:
        raise _fail("add", result)
    result = _git(["commit", "--quiet", "-m", message, "--", str(path)], root)
    if result.returncode != 0:
        raise _fail("commit", result)
    return _git(["rev-parse", "--short", "HEAD"], root).stdout.strip()


def undo(path: Path) -> tuple[str, str]:
    """Revert HEAD if gk made it; returns (reverted subject, new short hash)."""
    root = repo_root(path.parent)
    if root is None:
        raise GkError("undo_not_repo", path=str(path.parent))
    head = _git(["log", "-1", "--format=%h%x00%s"], root)
    if head.returncode != 0 or not head.stdout.strip():
        raise GkError("no_commits")
    short, subject = head.stdout.strip().split("\x00", 1)
    if not subject.startswith(PREFIX):
        raise GkError("last_not_gk", sha=short, subject=subject)
    if uncommitted(path):
        raise GkError("undo_uncommitted", path=path.name)
    result = _git(["revert", "--no-edit", "HEAD"], root)
    if result.returncode != 0:
        _git(["revert", "--abort"], root)
        raise _fail("revert", result)
    return subject, _git(["rev-parse", "--short", "HEAD"], root).stdout.strip()
