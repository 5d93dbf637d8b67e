"""Working on one table from several clones: the merge driver's set-up, gk sync, checks at a revision.

gk commits nothing here. :func:`sync` fetches, merges (or rebases) with gk's merge
driver, and pushes; it refuses to start when the repository is busy or holds edits not
yet committed, and it never aborts a git operation it did not start. Every outcome is a
catalogue key with its values, for the CLI to say.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from gkcli import store
from gkcli.errors import GkError, Problem

DRIVER = "gk"
DRIVER_NAME = "gk: merge the task table by item and field"
DATA_FILES = (store.TASKS_FILE, store.ROSTER_FILE)


def _git(args: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              encoding="utf-8", errors="replace",
                              env={**os.environ, **env} if env else None)
    except FileNotFoundError:
        raise GkError("git_missing") from None


def _last_line(result: subprocess.CompletedProcess) -> str:
    lines = [line for line in (result.stderr + result.stdout).strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else f"exit {result.returncode}"


def repo_root(folder: Path) -> Path | None:
    try:
        result = _git(["rev-parse", "--show-toplevel"], folder)
    except GkError:
        return None
    return Path(result.stdout.strip()) if result.returncode == 0 else None


def driver_command() -> str:
    """How git runs the driver: this Python, so it works whatever PATH git sees."""
    return f"{shlex.quote(sys.executable)} -m gkcli merge-file %O %A %B %P"


def _attribute_lines(root: Path, data_dir: Path) -> list[str]:
    rel = Path(os.path.relpath(data_dir.resolve(), root.resolve())).as_posix()
    prefix = "" if rel == "." else rel + "/"
    return [f"{prefix}{name} merge={DRIVER}" for name in DATA_FILES]


# --- gk setup-git ------------------------------------------------------------------------------

def setup_git(data_dir: Path) -> list[tuple[str, dict]]:
    """Register the driver in .git/config and .gitattributes; what it did, as (key, values)."""
    root = repo_root(data_dir)
    if root is None:
        raise GkError("sync_no_repo", path=store.display_path(data_dir))
    done: list[tuple[str, dict]] = []
    for key, value in (("merge.gk.name", DRIVER_NAME), ("merge.gk.driver", driver_command())):
        current = _git(["config", "--local", "--get", key], root).stdout.strip()
        if current != value:
            result = _git(["config", "--local", key, value], root)
            if result.returncode != 0:
                raise GkError("git_failed", what="config", detail=_last_line(result))
            done.append(("setup_config", {"key": key}))
    attributes = root / ".gitattributes"
    text = attributes.read_text(encoding="utf-8") if attributes.is_file() else ""
    have = {line.strip() for line in text.splitlines()}
    missing = [line for line in _attribute_lines(root, data_dir) if line not in have]
    if missing:
        if text and not text.endswith("\n"):
            text += "\n"
        attributes.write_text(text + "".join(f"{line}\n" for line in missing), encoding="utf-8")
        done.append(("setup_attributes", {"path": store.display_path(attributes),
                                          "lines": "; ".join(missing)}))
    return done


def driver_missing(data_dir: Path) -> bool:
    """True when the repository has a remote but git would not merge the data with gk's driver."""
    root = repo_root(data_dir)
    if root is None or not _git(["remote"], root).stdout.strip():
        return False
    if not _git(["config", "--get", "merge.gk.driver"], root).stdout.strip():
        return True
    paths = [str(data_dir / name) for name in DATA_FILES]
    found = _git(["check-attr", "merge", "--", *paths], root).stdout
    return any(not line.endswith(f": {DRIVER}") for line in found.strip().splitlines())


# --- gk check --rev --------------------------------------------------------------------------

def read_table_at(rev: str, data: str | None, cwd: Path | None = None):
    """Validate the data as committed at ``rev``; in a bare repository (as server hooks run)
    ``data`` is the data folder's path inside the repository [default: data]."""
    folder, cwd = _data_in_repo(data, cwd or Path.cwd())
    if _git(["rev-parse", "--git-dir"], cwd).returncode != 0:
        raise GkError("sync_no_repo", path=store.display_path(cwd))
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd).returncode != 0:
        raise GkError("rev_unknown", rev=rev[:60])
    from gkcli import workdays

    texts: list[tuple[str | None, str]] = []
    for name in (*DATA_FILES, workdays.HOLIDAYS_FILE):
        path = f"{folder}{name}"
        result = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=cwd, capture_output=True)
        if result.returncode != 0:
            if name != store.TASKS_FILE:  # the roster and holidays.yaml may be absent
                texts.append((None, path))
                continue
            raise GkError("rev_no_file", rev=rev[:60], path=path)
        try:
            texts.append((result.stdout.decode("utf-8-sig"), path))
        except UnicodeDecodeError as exc:
            raise GkError("rev_not_utf8", path=path, byte=exc.start) from None
    (tasks_text, tasks_path), (roster_text, roster_path), (holidays_text, holidays_path) = texts
    assert tasks_text is not None  # a missing tasks.yaml is rev_no_file, above
    calendar = workdays.Calendar()
    problems: list[Problem] = []
    if holidays_text is not None:  # the calendar as committed, not the work tree's
        from gkcli.yamlnodes import compose

        root, problems = compose(holidays_text, holidays_path)
        if root is not None:
            reader = workdays._HolidaysReader(holidays_path)
            calendar = reader.read(root)
            problems = reader.problems
    table, more = store.read_texts(tasks_text, tasks_path, roster_text, roster_path, calendar)
    problems = [*problems, *more]
    return (None if problems else table), problems


def _data_in_repo(data: str | None, cwd: Path) -> tuple[str, Path]:
    """The data folder as a path inside the repository ('' or ending in /), and where to run git."""
    try:
        folder = store.find_data_dir(data, cwd)
    except GkError:
        folder = None
    root = repo_root(folder) if folder is not None else None
    if folder is not None and root is not None:
        rel = Path(os.path.relpath(folder.resolve(), root.resolve())).as_posix()
        return ("" if rel == "." else rel + "/"), root
    rel = (data or "data").strip("/")
    return ("" if rel in ("", ".") else rel + "/"), cwd


# --- gk sync -------------------------------------------------------------------------------------

@dataclass
class Synced:
    lines: list[tuple[str, dict]] = field(default_factory=list)


class SyncConflict(GkError):
    """The merge (or rebase) stopped; ``lines`` say where and what to do next."""

    def __init__(self, lines: list[tuple[str, dict]], problems: list[Problem]):
        super().__init__("sync_conflict_stop")
        self.lines = lines
        self.problems = problems


def _busy(root: Path) -> bool:
    for name in ("MERGE_HEAD", "rebase-merge", "rebase-apply", "CHERRY_PICK_HEAD", "REVERT_HEAD"):
        path = _git(["rev-parse", "--git-path", name], root).stdout.strip()
        if path and (root / path).exists():
            return True
    return False


def sync(data_dir: Path, rebase: bool = False, lang: str = "zh") -> Synced:
    root = repo_root(data_dir)
    if root is None:
        raise GkError("sync_no_repo", path=store.display_path(data_dir))
    remotes = _git(["remote"], root).stdout.split()
    if not remotes:
        raise GkError("sync_no_remote")
    if _busy(root):
        raise GkError("sync_busy")
    branch = _git(["symbolic-ref", "--short", "-q", "HEAD"], root).stdout.strip()
    if not branch:
        raise GkError("sync_detached")
    dirty = _git(["status", "--porcelain", "--untracked-files=no"], root).stdout.splitlines()
    if dirty:
        raise GkError("sync_dirty", path=dirty[0][3:][:120])
    remote = _git(["config", f"branch.{branch}.remote"], root).stdout.strip()
    remote = remote if remote in remotes else ("origin" if "origin" in remotes else remotes[0])
    target = _git(["config", f"branch.{branch}.merge"], root).stdout.strip().removeprefix("refs/heads/")
    target = target or branch
    fetched = _git(["fetch", "--quiet", remote], root)
    if fetched.returncode != 0:
        raise GkError("sync_fetch_failed", remote=remote, detail=_last_line(fetched))
    upstream = f"refs/remotes/{remote}/{target}"
    synced = Synced()
    exists = _git(["rev-parse", "--verify", "--quiet", upstream], root).returncode == 0
    if exists:
        counts = _git(["rev-list", "--left-right", "--count", f"{upstream}...HEAD"], root).stdout.split()
        behind = int(counts[0]) if counts else 0
        if behind:
            _merge(root, data_dir, upstream, rebase, lang, synced)
            synced.lines.insert(0, ("sync_pulled", {"n": behind}))
        ahead = int(_git(["rev-list", "--count", f"{upstream}..HEAD"], root).stdout.strip() or 0)
    else:
        ahead = int(_git(["rev-list", "--count", "HEAD"], root).stdout.strip() or 0)
    if ahead:
        args = ["push", "--quiet", remote, f"HEAD:refs/heads/{target}"]
        pushed = _git(args, root)
        if pushed.returncode != 0:
            raise GkError("sync_push_failed", remote=remote, detail=_last_line(pushed))
        synced.lines.append(("sync_pushed", {"n": ahead, "remote": remote}))
    if not synced.lines:
        synced.lines.append(("sync_up_to_date", {}))
    return synced


def _merge(root: Path, data_dir: Path, upstream: str, rebase: bool, lang: str,
           synced: Synced) -> None:
    driver = ["-c", f"merge.{DRIVER}.driver={driver_command()}", "-c", f"merge.{DRIVER}.name={DRIVER_NAME}"]
    args = [*driver, "rebase", upstream] if rebase else [*driver, "merge", "--no-edit", upstream]
    # GK_MERGE_BRIEF: the driver leaves conflicts to the lines below (gk check's, with positions)
    result = _git(args, root, env={"GK_LANG": lang, "GIT_EDITOR": "true", "GK_MERGE_BRIEF": "1"})
    reports = [line.split("gk: ", 1)[1] for line in (result.stdout + result.stderr).splitlines()
               if "gk: " in line]
    synced.lines.extend(("sync_driver", {"text": text[:300]}) for text in reports)
    if result.returncode == 0:
        return
    conflicted = _git(["diff", "--name-only", "--diff-filter=U"], root).stdout.split()
    if not conflicted and not _busy(root):
        raise GkError("sync_merge_failed", detail=_last_line(result))
    lines = list(synced.lines)
    names = {str((data_dir / n).resolve()) for n in DATA_FILES}
    problems: list[Problem] = []
    data_conflicted = [p for p in conflicted if str((root / p).resolve()) in names]
    if data_conflicted:
        _, problems = store.read_table(data_dir)
    for path in conflicted:
        if path not in data_conflicted:
            lines.append(("sync_conflict_other", {"path": path}))
    shown = " ".join(conflicted) or "."
    lines.append(("sync_next_rebase" if rebase else "sync_next_merge", {"paths": shown}))
    raise SyncConflict(lines, problems)
