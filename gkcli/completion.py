"""Shell completion: Click's machinery, with completers that read the data quickly.

Completers read tasks.yaml and leading_group.yaml with PyYAML's C loader and no
validation: a half-edited file still completes what can be read, and a broken one
completes nothing rather than failing. :func:`attach` gives each parameter of the
command tree its completer by the parameter's name, so a new command taking ``ids``,
``office`` or ``lead`` completes without further wiring.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

import click

LIMIT = 40


def script(cli: click.Command, shell: str) -> str:
    from click.shell_completion import get_completion_class

    cls = get_completion_class(shell)
    if cls is None:  # Click knows bash, zsh and fish
        raise click.BadParameter(shell)
    return cls(cli, {}, "gk", "_GK_COMPLETE").source()


def _data_dir(ctx: click.Context) -> Path | None:
    """The table the command will work on, found as the command finds it (a notice's folder
    is that notice); None where there is none."""
    from gkcli import store
    from gkcli.errors import GkError

    explicit = ctx.find_root().params.get("data") or os.environ.get("GK_DATA")
    try:
        return store.find_data_dir(explicit)
    except GkError:
        return None


def _load(ctx: click.Context, name: str) -> Any:
    from gkcli.yamlnodes import load_data

    folder = _data_dir(ctx)
    if folder is None:
        return None
    try:
        return load_data((folder / name).read_text(encoding="utf-8-sig"))
    except Exception:  # a broken or half-typed file: complete nothing, never fail
        return None


def _list(data: Any, key: str) -> list[dict]:
    value = data.get(key) if isinstance(data, dict) else None
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _short(value: Any) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= LIMIT else text[:LIMIT - 1] + "…"


def _items(candidates: list[tuple[str, str]], incomplete: str):
    from click.shell_completion import CompletionItem

    seen = set()
    found = []
    for value, help_text in candidates:
        if value.startswith(incomplete) and value not in seen:
            seen.add(value)
            found.append(CompletionItem(value, help=help_text or None))
    return found


def item_ids(ctx: click.Context, param: click.Parameter, incomplete: str):
    """Item ids, with their titles; ids already on the command line are left out."""
    taken = {str(v) for v in (ctx.params.get(param.name) or ())} if param.multiple or param.nargs != 1 else set()
    tasks = _list(_load(ctx, "tasks.yaml"), "tasks")
    return _items([(str(t.get("id")), _short(t.get("title", ""))) for t in tasks
                   if "id" in t and str(t.get("id")) not in taken], incomplete)


def work_tasks(ctx: click.Context, param: click.Parameter, incomplete: str):
    groups = _list(_load(ctx, "tasks.yaml"), "groups")
    return _items([(str(g.get("id")), _short(g.get("title", ""))) for g in groups if "id" in g],
                  incomplete)


def _people_by_office(ctx: click.Context) -> dict[str, list[str]]:
    heads: dict[str, list[str]] = {}
    for member in _list(_load(ctx, "leading_group.yaml"), "members"):
        if member.get("office") and member.get("name"):
            heads.setdefault(str(member["office"]), []).append(str(member["name"]))
    return heads


def offices(ctx: click.Context, param: click.Parameter, incomplete: str):
    """Office names and aliases (help: the full name, and who answers for it), and office groups."""
    data = _load(ctx, "tasks.yaml")
    heads = _people_by_office(ctx)
    found: list[tuple[str, str]] = []
    for office in _list(data, "offices"):
        name = str(office.get("name", ""))
        aliases = office.get("aliases") or []
        aliases = aliases if isinstance(aliases, list) else [aliases]
        names = [name, *(str(a) for a in aliases)]  # the roster may name an office by alias
        people = "、".join(dict.fromkeys(p for n in names for p in heads.get(n, [])))
        found.append((name, _short(people)))
        found.extend((str(a), _short(f"{name} {people}".strip())) for a in aliases)
    found.extend((str(g.get("name", "")), "") for g in _list(data, "office_groups"))
    return _items([f for f in found if f[0]], incomplete)


def people(ctx: click.Context, param: click.Parameter, incomplete: str):
    members = _list(_load(ctx, "leading_group.yaml"), "members")
    return _items([(str(m.get("name", "")), _short(m.get("post", ""))) for m in members
                   if m.get("name")], incomplete)


# a parameter's name → its completer (state and status words are Click choices already)
BY_NAME: dict[str, Callable] = {
    "ids": item_ids, "task_id": item_ids,
    "office": offices, "lead": offices, "assist": offices,
    "group": work_tasks, "groups": work_tasks,
    "person": people, "people": people, "member": people, "members": people,
}
NEW_ID = {("add", "task_id")}  # the id of an item to be made: nothing to complete


def attach(group: click.Group) -> None:
    """Give every parameter in the command tree its completer, by name."""
    for name, command in group.commands.items():
        for param in command.params:
            completer = BY_NAME.get(param.name or "")
            if completer is not None and (name, param.name) not in NEW_ID \
                    and getattr(param, "_custom_shell_complete", None) is None:
                param._custom_shell_complete = completer  # what shell_complete= sets
        if isinstance(command, click.Group):
            attach(command)
