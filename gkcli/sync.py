"""Working on one table from several clones: the merge driver's set-up, gk sync, checks at a revision.

gk commits nothing here. :func:`sync` fetches, merges (or rebases) with gk's merge
driver, and pushes; it refuses to start when the repository is busy or holds edits not
yet committed, and it never aborts a git operation it did not start. Every outcome is a
catalogue key with its values, for the CLI to say.
"""

from __future__ import annotations

import fnmatch
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from gkcli import store
from gkcli.errors import GkError, Problem
from gkcli.model import Table

DRIVER = "gk"
DRIVER_NAME = "gk: merge the task table by item and field"
DATA_FILES = (store.TASKS_FILE, store.ROSTER_FILE)


def _git(args: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    try:
        # paths as named (data/执法/tasks.yaml), not octal-quoted, in what git says
        return subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd,
                              capture_output=True, text=True,
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
    """The data files' lines, and those of every notice's folder beside them (``data/*/``: the
    notices of a workspace, those imported later too)."""
    rel = Path(os.path.relpath(data_dir.resolve(), root.resolve())).as_posix()
    prefix = "" if rel == "." else rel + "/"
    return [f"{prefix}{folder}{name} merge={DRIVER}" for folder in ("", "*/") for name in DATA_FILES]


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
    """True when the repository has a remote but git would not merge the data with gk's driver.

    Read from the repository's files rather than by running git, so that ``gk check`` runs
    no git at all (issue 8): the repository's config and the global ones for the remote and
    ``merge.gk.driver``, and the ``.gitattributes`` files for the data files' ``merge``.
    Include files and macro attributes are not followed; the note is a hint, not a check.
    """
    found = _repository_of(data_dir.resolve())
    if found is None:
        return False
    root, common = found
    if not any(name == "remote" for name, _ in _config_dict(common / "config")):
        return False
    configs = [*_global_configs(), common / "config"]
    if not any(sections.get(("merge", DRIVER), {}).get("driver")
               for sections in map(_config_dict, configs)):
        return True
    return any(_merge_attribute(root, common, data_dir.resolve() / name) != DRIVER
               for name in DATA_FILES)


def _repository_of(folder: Path) -> tuple[Path, Path] | None:
    """The work tree's top and the repository's common git directory, found by walking up."""
    from gkcli import gitdirs

    found = gitdirs.git_dir(folder)
    if found is None:
        return None
    git_directory, top = found
    return top, gitdirs.common_dir(git_directory)


def _global_configs() -> list[Path]:
    if os.environ.get("GIT_CONFIG_GLOBAL"):
        return [Path(os.environ["GIT_CONFIG_GLOBAL"])]
    xdg = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return [Path(xdg) / "git" / "config", Path.home() / ".gitconfig"]


_SECTION = re.compile(r'\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]')


def _config_dict(path: Path) -> dict[tuple[str, str | None], dict[str, str]]:
    """A git config file as {(section, subsection): {key: last value}}; empty when unreadable."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    sections: dict[tuple[str, str | None], dict[str, str]] = {}
    current: dict[str, str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        header = _SECTION.match(line)
        if header:
            name, sub = header.group(1).lower(), header.group(2)
            if sub is None and "." in name:  # the old [section.subsection] form
                name, sub = name.split(".", 1)
            current = sections.setdefault((name, sub), {})
            continue
        if current is not None:
            key, _, value = line.partition("=")
            current[key.strip().lower()] = value.strip()
    return sections


def _merge_attribute(root: Path, common: Path, path: Path) -> str | None:
    """The value of ``merge`` git would give ``path``: the last matching line wins, the
    repository's info/attributes over every .gitattributes."""
    value: str | None = None
    sources = [root / ".gitattributes"]
    rel_parts = path.relative_to(root).parts[:-1]
    sources += [root.joinpath(*rel_parts[:n], ".gitattributes") for n in range(1, len(rel_parts) + 1)]
    sources.append(common / "info" / "attributes")
    for source in sources:
        base = root if source.parent == common / "info" else source.parent
        try:
            lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        rel = path.relative_to(base).as_posix() if path.is_relative_to(base) else None
        for line in lines:
            fields = line.split()
            if not fields or fields[0].startswith("#") or rel is None:
                continue
            if not _attribute_pattern_matches(fields[0], rel):
                continue
            for attr in fields[1:]:
                if attr.startswith("merge="):
                    value = attr[len("merge="):]
                elif attr in ("merge", "-merge", "!merge"):
                    value = None
    return value


def _attribute_pattern_matches(pattern: str, rel: str) -> bool:
    if "/" not in pattern.rstrip("/"):
        return fnmatch.fnmatchcase(rel.rsplit("/", 1)[-1], pattern)
    return fnmatch.fnmatchcase(rel, pattern.lstrip("/").replace("**/", "*"))


# --- gk check --rev --------------------------------------------------------------------------

def read_table_at(rev: str, data: str | None, cwd: Path | None = None):
    """Validate the data as committed at ``rev``; in a bare repository (as server hooks run)
    ``data`` is the data folder's path inside the repository [default: data]."""
    folder, cwd = _data_in_repo(data, cwd or Path.cwd())
    _verify(rev, cwd)
    return _read_folder_at(rev, folder, cwd)


def _verify(rev: str, cwd: Path) -> None:
    if _git(["rev-parse", "--git-dir"], cwd).returncode != 0:
        raise GkError("sync_no_repo", path=store.display_path(cwd))
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd).returncode != 0:
        raise GkError("rev_unknown", rev=rev[:60])


def _read_folder_at(rev: str, folder: str, cwd: Path) -> tuple[Table | None, list[Problem]]:
    """The table of ``folder`` (inside the repository: '' or ending in /) as committed at ``rev``."""
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


def read_tables_at(rev: str, data: str | None, cwd: Path | None = None
                   ) -> list[tuple[str, Table | None, list[Problem]]]:
    """gk --all check --rev: every table of the workspace as committed at ``rev`` — the data
    folder's own (if it has one) and each notice's folder in it — as (folder inside the
    repository, the table or None, its problems), each read as :func:`read_table_at` reads one.
    ``data`` is the data folder (in a bare repository, its path inside it) [default: data]."""
    cwd = cwd or Path.cwd()
    root = repo_root(cwd)
    if root is not None and data:
        rel = Path(os.path.relpath(Path(data).expanduser().resolve(), root.resolve())).as_posix()
    else:
        rel = (data or "data").strip("/")
    folder = "" if rel in ("", ".") else rel + "/"
    cwd = root or cwd
    _verify(rev, cwd)
    listed = _git(["ls-tree", "-r", "-z", "--name-only", rev, "--", folder or "."], cwd).stdout
    tables = sorted({name[:-len(store.TASKS_FILE)] for name in listed.split("\0")
                     if name.startswith(folder) and name.endswith("/" + store.TASKS_FILE)
                     and name[len(folder):].count("/") == 1}
                    | ({folder} if f"{folder}{store.TASKS_FILE}" in listed.split("\0") else set()))
    if not tables:
        raise GkError("rev_no_file", rev=rev[:60], path=f"{folder}{store.TASKS_FILE}")
    return [(table_folder, *_read_folder_at(rev, table_folder, cwd)) for table_folder in tables]


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
    conflicted = [p for p in _git(["diff", "-z", "--name-only", "--diff-filter=U"],
                                  root).stdout.split("\0") if p]  # as named, not quoted
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
