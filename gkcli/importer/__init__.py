"""``gk import``: a notice (.docx, .doc/.wps, text extraction, .xlsx, .csv) into a data folder.

    source  = read_file(path)            # the file as paragraphs and grids (source.py)
    draft   = read_notice(source)        # notice fields and task table (notice.py), the
                                         # leading group (roster.py), into a Draft (draft.py)
    plan    = plan_offices(...)          # offices, groups, aliases, who heads what (names.py)
    files   = tasks_yaml(...), roster_yaml(...)                             (yamlout.py)

:func:`import_notice` does all four and validates the files with the same code as
``gk check``; :func:`write_folder` puts them in a new folder, never over an existing one;
``output.py`` says what happened. ``place.py`` tells whether the new folder is part of the
workspace (what ``gk --all`` reads) and which of its tables already hold the same 文号.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from gkcli.errors import GkError, Problem
from gkcli.importer.draft import Draft
from gkcli.importer.names import OfficePlan, plan_draft
from gkcli.importer.notice import read_notice
from gkcli.importer.review import Review
from gkcli.importer.source import os_reason, read_file

__all__ = ["ImportResult", "import_notice", "write_folder"]


@dataclass
class ImportResult:
    """The files an import would write, what to review, and the problems gk check finds."""

    draft: Draft
    plan: OfficePlan
    files: dict[str, str]                      # file name -> text, in writing order
    review: list[Review]
    problems: list[Problem] = field(default_factory=list)
    out: Path | None = None                    # the folder the files are (to be) in
    written: bool = False
    joined: bool = False                       # written where gk --all reads it
    root: Path | None = None                   # the folder gk --all reads tables from

    @property
    def ok(self) -> bool:
        return not self.problems


def import_notice(path: Path, out: Path | None = None, data: str | None = None) -> ImportResult:
    """Read a notice and make the two files; validate them as gk check would.

    Problems name the files as they will be in ``out`` (or bare, with no ``out``). The
    review list starts with the tables of the workspace (``data``: ``--data``, else the
    nearest ``data/`` upward) that already hold the notice's 文号; nothing of them changes.
    """
    from gkcli.importer import place
    from gkcli.importer.yamlout import roster_yaml, tasks_yaml
    from gkcli.store import ROSTER_FILE, TASKS_FILE, display_path

    draft = read_notice(read_file(path))
    draft.review[:0] = [Review("imp_same_number", {"number": draft.number,
                                                   "path": display_path(folder)})
                        for folder in place.same_number(draft.number, data)]
    plan = plan_draft(draft)
    files = {TASKS_FILE: tasks_yaml(draft, plan, path.name)}
    if draft.has_roster and draft.members:
        files[ROSTER_FILE] = roster_yaml(draft)
    result = ImportResult(draft, plan, files, draft.review, out=out)
    if out is not None:
        result.joined, result.root = place.placement(out, data)
    with tempfile.TemporaryDirectory(prefix="gk-import-") as tmp:
        problems = _validate(Path(tmp) / "data", files)
    result.problems = [dataclasses.replace(p, path=_shown(out, Path(p.path).name)) for p in problems]
    return result


def _shown(out: Path | None, name: str) -> str:
    from gkcli.store import display_path

    return (display_path(out / name) if out is not None else display_path(Path(name)))[:200]


def write_folder(result: ImportResult, out: Path, data: str | None = None) -> ImportResult:
    """Write the files into ``out``, a folder that must not exist yet; the result then holds
    the problems gk check finds in the written folder, and whether ``gk --all`` (with
    ``data`` as ``--data``) reads it.
    """
    from gkcli.importer import place

    # where gk --all reads, as it stands before the folder is made: the new folder could
    # itself be a data/ that a search from here would stop at (--out data/NAME inside a notice)
    joined, root = place.placement(out, data)
    try:
        out.mkdir(parents=True)
    except FileExistsError:
        raise GkError("import_out_exists", path=_shown(None, str(out))) from None
    except OSError as exc:
        raise GkError("import_out_unwritable", path=_shown(None, str(out)),
                      reason=os_reason(exc)) from None
    try:
        for name, text in result.files.items():
            _atomic_write(out / name, text)
    except OSError as exc:  # the folder is ours: take it away again rather than leave half of it
        shutil.rmtree(out, ignore_errors=True)
        raise GkError("import_out_unwritable", path=_shown(None, str(out)),
                      reason=os_reason(exc)) from None
    return dataclasses.replace(result, out=out, written=True, problems=_check(out),
                               joined=joined, root=root)


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _validate(folder: Path, files: dict[str, str]) -> list[Problem]:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    try:
        return _check(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _check(folder: Path) -> list[Problem]:
    from gkcli import store

    _, problems = store.read_table(folder)
    return problems
