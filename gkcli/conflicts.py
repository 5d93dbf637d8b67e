"""Reporting what a merge left unsettled: the ``conflict:`` mappings gk's merge driver writes.

An item (or member) holds OURS's value in its field and THEIRS's under ``conflict:``;
a section changed on both sides is kept as OURS's, with THEIRS's under a top-level
``conflict:``. Each entry is one problem for ``gk check``, named by item and field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import yaml

from gkcli.errors import Problem
from gkcli.yamlnodes import NodeReader, position

CONFLICT = "conflict"
LIMIT = 30


def shown(value: Any) -> str:
    """A short, safe text for a value in a message."""
    if value is None:
        return "—"
    if isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, list):
        text = "、".join(shown(v) for v in value) or "[]"
    elif isinstance(value, dict):
        text = "，".join(f"{k}: {shown(v)}" for k, v in value.items())
    else:
        text = " ".join(str(value).split())
    return text if len(text) <= LIMIT else text[:LIMIT - 1] + "…"


def _nested(reader: NodeReader, fields: dict[str, yaml.Node], name: str) -> Any:
    """OURS's value of ``settings.due_soon_days``: a key inside a section."""
    head, _, tail = name.partition(".")
    node = fields.get(head)
    if tail and isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if getattr(key_node, "value", None) == tail:
                return reader.value(value_node)
    return None


def report(reader: NodeReader, node: yaml.Node, fields: dict[str, yaml.Node], kind: str,
           who: Any) -> None:
    """Problems for each entry of the ``conflict:`` mapping ``node`` of an item, member or file.

    ``kind`` is ``item``, ``member`` or ``file``; ``who`` the item's id or member's name.
    """
    if not isinstance(node, yaml.MappingNode) or not node.value:
        empty = node.value in ("", None, [], "~", "null")
        line, col = position(node)
        reader.problems.append(Problem(reader.path, line, col, "conflict_empty" if empty else "conflict_bad", {}))
        return
    for key_node, value_node in node.value:
        name = str(getattr(key_node, "value", ""))[:LIMIT]
        theirs = reader.value(value_node)
        line, col = position(key_node)
        if name == "item" and theirs == "removed":
            params = {"who": shown(who)}
            reader.problems.append(Problem(reader.path, line, col, f"conflict_{kind}_removed", params))
            continue
        ours = reader.value(fields[name]) if name in fields else _nested(reader, fields, name)
        params = {"who": shown(who), "field": name, "ours": shown(ours), "theirs": shown(theirs)}
        reader.problems.append(Problem(reader.path, line, col, f"conflict_{kind}", params))
