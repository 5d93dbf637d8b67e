"""Where a new folder stands in the workspace: whether ``gk --all`` reads it (and where it
would have to go), and which tables of the workspace already hold the notice's 文号.

The workspace is found as :func:`gkcli.workspace.find_tables` finds it (``--data``/``GK_DATA``,
else the nearest ``data/`` upward that holds a table); nothing here reads more of a table
than its ``notice:`` block, and nothing is written.
"""

from __future__ import annotations

import re
from pathlib import Path

from gkcli.errors import GkError

_NOTICE_BLOCK = re.compile(r"^notice:[^\n]*\n(?:(?:[ \t][^\n]*|#[^\n]*|[ \t]*)\n)*", re.M)
# ``  number: 泉港交﹝2020﹞150号  # comment``: a plain scalar, read without parsing YAML
_PLAIN_NUMBER = re.compile(r"^[ \t]+number:[ \t]+(?P<value>[^'\"\s#&*!|>{\[][^\n#]*?)[ \t]*(?:#.*)?$", re.M)


def tables(explicit: str | None) -> list[Path]:
    """The table folders of the workspace; none when there is no workspace yet."""
    from gkcli import workspace

    try:
        return workspace.find_tables(explicit)
    except GkError:
        return []


def same_number(number: str, explicit: str | None) -> list[Path]:
    """The table folders of the workspace whose notice has ``number``, whatever its brackets
    and spaces."""
    from gkcli.workspace import notice_key

    wanted = notice_key(number)
    if not wanted:
        return []
    return [folder for folder in tables(explicit) if notice_key(_number_of(folder)) == wanted]


def placement(out: Path, explicit: str | None) -> tuple[bool, Path]:
    """Whether ``gk --all`` reads the folder ``out`` once written, and the folder it reads
    tables from (``out`` goes right under it, or is it) — asked before ``out`` is made."""
    root = _root(explicit)
    where = out.resolve()
    return not out.name.startswith(".") and root.resolve() in (where, where.parent), root


def _root(explicit: str | None) -> Path:
    from gkcli import store

    if explicit:
        folder = Path(explicit).expanduser()
        return folder.parent if folder.name == store.TASKS_FILE and folder.is_file() else folder
    here = Path.cwd()
    for folder in store.upward(here.resolve()):  # as find_tables looks
        if (folder / "data").is_dir() and tables(str(folder / "data")):
            return _relative(folder / "data", here.resolve())
    return Path("data")


def _relative(path: Path, here: Path) -> Path:
    try:
        return path.relative_to(here)
    except ValueError:
        return path


def _number_of(folder: Path) -> str:
    """The notice number in ``folder``'s tasks.yaml, read from its ``notice:`` block alone;
    "" when the file cannot say."""
    import yaml

    from gkcli import store
    from gkcli.yamlnodes import load_data

    try:
        text = (folder / store.TASKS_FILE).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""
    m = _NOTICE_BLOCK.search(text)
    if m is None:
        return ""
    plain = _PLAIN_NUMBER.search(m.group(0))
    if plain is not None:  # the usual line: 300 tables are read in a few milliseconds
        return plain["value"]
    try:
        notice = (load_data(m.group(0)) or {}).get("notice")
    except (yaml.YAMLError, AttributeError):
        return ""
    number = notice.get("number") if isinstance(notice, dict) else None
    return number if isinstance(number, str) else ""
