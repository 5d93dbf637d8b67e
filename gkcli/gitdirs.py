"""Where a folder's git repository is, read from the files alone (no git process).

The undo journal lives in the repository's git directory, ``gk undo`` asks git only when
there is one, and ``gk check``'s note about the merge driver reads the repository's config:
none of them may start git just to learn whether a folder is in a repository.
"""

from __future__ import annotations

from pathlib import Path


def git_dir(folder: Path) -> tuple[Path, Path] | None:
    """(the git directory, the top of the work tree) holding ``folder`` (a real path), or None.

    A worktree's or submodule's ``.git`` file (``gitdir: PATH``) is followed to its own git
    directory; see :func:`common_dir` for the one its config lives in."""
    for top in (folder, *folder.parents):
        dot = top / ".git"
        try:
            if dot.is_dir():
                return dot, top
            if dot.is_file():
                text = dot.read_text(encoding="utf-8", errors="replace").strip()
                if text.startswith("gitdir:"):
                    found = Path(top, text[len("gitdir:"):].strip())
                    return (found, top) if found.is_dir() else None
                return None
        except OSError:
            return None
    return None


def common_dir(git_directory: Path) -> Path:
    """The repository's common git directory (config, info/attributes): a worktree's
    ``commondir`` followed, else ``git_directory`` itself."""
    common = git_directory / "commondir"
    try:
        if common.is_file():
            return (git_directory / common.read_text(encoding="utf-8").strip()).resolve()
    except OSError:
        pass
    return git_directory
