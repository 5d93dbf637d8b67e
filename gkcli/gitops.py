"""Committing gk's changes to git, and undoing the last one. Without git, gk works all the same.

gk never starts a git operation it might have to abort: it refuses while a merge, rebase,
cherry-pick, revert, bisect or am is in progress; it commits with ``git commit`` (so the
user's hooks run) exactly the bytes it wrote, checked by blob id; and it undoes a commit by
writing the parent's bytes back and committing that, never with ``git revert``. Every gk
commit carries a ``Gk-Change: <blob before> <blob after>`` trailer, and ``gk undo`` only
undoes a commit whose content is exactly that change to tasks.yaml.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from gkcli.errors import GkError, WriteRefused, clip

PREFIX = "gk: "
TRAILER = "Gk-Change:"
OPERATIONS = (("MERGE_HEAD", "merge"), ("rebase-merge", "rebase"), ("rebase-apply", "rebase/am"),
              ("CHERRY_PICK_HEAD", "cherry-pick"), ("REVERT_HEAD", "revert"), ("BISECT_LOG", "bisect"),
              ("sequencer", "cherry-pick/revert"))


def _git(args: list[str], cwd: Path, input: bytes | None = None) -> subprocess.CompletedProcess[str]:
    try:
        raw = subprocess.run(["git", *args], cwd=cwd, capture_output=True, input=input)
    except FileNotFoundError:
        raise GkError("git_missing") from None
    return subprocess.CompletedProcess(raw.args, raw.returncode, raw.stdout.decode("utf-8", "replace"),
                                       raw.stderr.decode("utf-8", "replace"))


def _last_line(result: subprocess.CompletedProcess[str]) -> str:
    detail = (result.stderr or result.stdout).strip().splitlines()
    return clip(detail[-1], 160) if detail else f"exit {result.returncode}"


def _fail(what: str, result: subprocess.CompletedProcess[str]) -> GkError:
    return GkError("git_failed", what=what, detail=_last_line(result))


def repo_root(folder: Path) -> Path | None:
    """The top of the git work tree holding ``folder``, or None."""
    try:
        result = _git(["rev-parse", "--show-toplevel"], folder)
    except GkError:  # git is not installed
        return None
    return Path(result.stdout.strip()) if result.returncode == 0 else None


def operation_in_progress(root: Path) -> str | None:
    """The git operation the user has under way in ``root`` (merge, rebase, …), or None."""
    args = ["rev-parse"]
    for name, _ in OPERATIONS:
        args += ["--git-path", name]
    result = _git(args, root)
    if result.returncode != 0:
        return None
    for line, (_, what) in zip(result.stdout.splitlines(), OPERATIONS):
        if (root / line.strip()).exists():
            return what
    return None


def refuse_during_operation(root: Path, key: str = "git_in_progress") -> None:
    what = operation_in_progress(root)
    if what:
        raise WriteRefused(key, what=what)


def head(root: Path) -> str | None:
    """The full hash of HEAD, or None before the first commit."""
    return _blob(root, "HEAD")


def reachable(root: Path, commit: str) -> bool:
    """Whether ``commit`` is HEAD or in its history (not dropped by a reset or an amend)."""
    return _git(["merge-base", "--is-ancestor", commit, "HEAD"], root).returncode == 0


def committed_at(root: Path, commit: str) -> str:
    """When ``commit`` was committed (ISO 8601 with its offset), or "" if git cannot say."""
    result = _git(["log", "-1", "--format=%cI", commit, "--"], root)
    return str(result.stdout).strip() if result.returncode == 0 else ""


def uncommitted(path: Path) -> bool:
    """Whether ``path`` has changes git has not committed (or is not tracked yet)."""
    root = repo_root(path.parent)
    if root is None:
        return False
    return bool(_git(["status", "--porcelain", "--", str(path)], root).stdout.strip())


def _rel(path: Path, root: Path) -> str:
    """``path`` as git names it (a symlinked file keeps its own name, its folder is resolved)."""
    real = Path(os.path.realpath(path.parent)) / path.name
    return real.relative_to(Path(os.path.realpath(root))).as_posix()


def _blob(root: Path, rev: str) -> str | None:
    result = _git(["rev-parse", "--verify", "--quiet", rev], root)
    return str(result.stdout).strip() if result.returncode == 0 else None


def _filtered(root: Path, rev: str, rel: str) -> bytes:
    """The bytes of ``rel`` at ``rev`` as a checkout writes them (``git cat-file --filters``)."""
    shown = subprocess.run(["git", "cat-file", "--filters", f"{rev}:{rel}"], cwd=root,
                           capture_output=True)
    if shown.returncode != 0:
        raise GkError("git_failed", what="cat-file",
                      detail=clip(shown.stderr.decode("utf-8", "replace").strip(), 160))
    return shown.stdout


def _blob_of(root: Path, rel: str, data: bytes) -> str:
    """The blob git stores for ``data`` at ``rel`` (its filters, such as autocrlf, applied)."""
    result = _git(["hash-object", "--path", rel, "--stdin"], root, input=data)
    if result.returncode != 0:
        raise _fail("hash-object", result)
    return str(result.stdout).strip()


def _put_back(root: Path, path: Path, rel: str, written: bytes, original: bytes) -> bool:
    """Undo gk's write after a failed commit: the file and its index entry as they were."""
    from gkcli import writer

    try:
        if not writer.replace_bytes(path, written, original):
            return False
    except (OSError, GkError):
        return False
    _git(["reset", "--quiet", "--", rel], root)
    return True


def commit(path: Path, message: str, written: bytes, original: bytes) -> str:
    """Commit ``path`` alone (other staged work is left staged) and return the short hash.

    The caller holds gk's lock and has just written ``written`` over ``original``. If git
    refuses (a pre-commit hook, a failing signature), gk puts the file back as it was.
    """
    root = repo_root(path.parent)
    if root is None:
        raise GkError("commit_not_repo", path=str(path.parent))
    rel = _rel(path, root)
    before = _blob(root, f"HEAD:{rel}") or ""
    expected = _blob_of(root, rel, written)
    subject, _, body = message.partition("\n\n")
    args = ["commit", "--quiet", "-m", subject]
    if body:
        args += ["-m", body]
    args += ["-m", f"{TRAILER} {before} {expected}", "--", rel]
    result = _git(["add", "--", rel], root)
    if result.returncode == 0 and _blob(root, f":{rel}") != expected:
        result.returncode, result.stderr = 1, "the staged file is not the one gk wrote"
    if result.returncode == 0:
        result = _git(args, root)
    if result.returncode != 0:
        restored = _put_back(root, path, rel, written, original)
        raise GkError("commit_failed_restored" if restored else "commit_failed_kept",
                      path=rel, detail=_last_line(result))
    if _blob(root, f"HEAD:{rel}") != expected:
        raise GkError("commit_differs", path=rel)
    return _git(["rev-parse", "--short", "HEAD"], root).stdout.strip()


def _gk_change(root: Path, rel: str) -> tuple[str, str, str, str]:
    """(short hash, subject, blob before, blob after) of HEAD, if HEAD is exactly a gk change."""
    head = _git(["log", "-1", "--format=%h%x00%s%x00%P%x00%B"], root)
    if head.returncode != 0 or not head.stdout.strip():
        raise GkError("no_commits")
    short, subject, parents, body = head.stdout.split("\x00", 3)
    shown = f"{short} {clip(subject, 60)}"
    if not subject.startswith(PREFIX):
        raise GkError("last_not_gk", sha=short, subject=clip(subject, 60))
    trailer = [line.split()[1:] for line in body.splitlines() if line.startswith(TRAILER)]
    if len(parents.split()) != 1 or len(trailer) != 1 or len(trailer[0]) != 2:
        raise WriteRefused("undo_not_exact", commit=shown)
    before, after = trailer[0]
    files = _git(["diff-tree", "-z", "--no-commit-id", "--name-only", "-r", "HEAD"], root).stdout.split("\0")
    if [f for f in files if f] != [rel] or _blob(root, f"HEAD:{rel}") != after \
            or _blob(root, f"HEAD~1:{rel}") != before:
        raise WriteRefused("undo_not_exact", commit=shown)
    return short, subject, before, after


def last_gk_change(path: Path) -> tuple[str, str, bytes, bytes] | None:
    """(full hash, subject, bytes before, bytes after) of HEAD when it is exactly a gk change
    to ``path``; None when HEAD is not a gk commit (or there is none). A gk commit that is
    no longer exact (amended, several files) is refused as :func:`undo` refuses it."""
    root = repo_root(path.parent)
    if root is None:
        return None
    rel = _rel(path, root)
    try:
        _short, subject, _before, _after = _gk_change(root, rel)
    except GkError as exc:
        if exc.key in ("no_commits", "last_not_gk"):
            return None
        raise
    before, after = _filtered(root, "HEAD~1", rel), _filtered(root, "HEAD", rel)
    full = _git(["rev-parse", "HEAD"], root).stdout.strip()
    return full, subject, before, after


def undo(path: Path) -> tuple[str, str]:
    """Undo HEAD if it is exactly a gk change to ``path``; returns (its subject, new short hash).

    The caller holds gk's lock. The parent's bytes are written back and committed.
    """
    from gkcli import writer

    root = repo_root(path.parent)
    if root is None:
        raise GkError("undo_not_repo", path=str(path.parent))
    refuse_during_operation(root, "undo_in_progress")
    rel = _rel(path, root)
    _short, subject, _before, _after = _gk_change(root, rel)
    if uncommitted(path):
        raise GkError("undo_uncommitted", path=path.name)
    old = _filtered(root, "HEAD~1", rel)
    current = writer.read_stable(writer.target_of(path), path.name)[0]
    if not writer.replace_bytes(path, current, old):
        raise WriteRefused("changed_on_disk", path=path.name)
    full = _git(["rev-parse", "HEAD"], root).stdout.strip()
    result = _git(["add", "--", rel], root)
    if result.returncode == 0:
        result = _git(["commit", "--quiet", "-m", f'Revert "{subject}"',
                       "-m", f"This reverts commit {full}.", "--", rel], root)
    if result.returncode != 0:
        restored = _put_back(root, path, rel, old, current)
        raise GkError("undo_commit_failed_restored" if restored else "undo_commit_failed_kept",
                      path=rel, detail=_last_line(result))
    return clip(subject, 200), _git(["rev-parse", "--short", "HEAD"], root).stdout.strip()
