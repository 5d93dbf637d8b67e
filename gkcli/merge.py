"""A three-way merge of tasks.yaml or leading_group.yaml by item and field (git's merge driver).

The merge starts from OURS's text and applies THEIRS's changes (relative to BASE) as
surgical edits, so her comments and layout survive:

* items are matched by ``id`` (tasks.yaml) or ``name`` (leading_group.yaml);
* a field only one side changed takes that side's value;
* a list both sides changed is merged entry by entry: entries either side removed go,
  entries either side added land (dated entries — ``2021-06-18 …`` or mappings holding a
  date — in date order);
* an item added on both sides under one id keeps OURS's id; THEIRS's gets the next free one;
* a field changed on both sides to different values is a conflict: OURS's value stays in
  place and THEIRS's is written under the item's ``conflict:`` mapping, which ``gk check``
  reports by item and field until she settles it.

Nothing here knows the fields of an item: a field added later (``extensions``) merges by
the same rules. When a text cannot be read or an edit cannot be made safely,
:class:`Unmergeable` says why and the caller falls back to git's line merge.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable

import yaml
from yaml.constructor import SafeConstructor

from gkcli.errors import GkError
from gkcli.yamledit import TasksText, emit_scalar
from gkcli.yamlnodes import compose

CONFLICT = "conflict"
ITEM = "item"  # conflict: {item: removed} — removed on one side, changed on the other
REMOVED = "removed"
NOTE = "# 合并冲突：上面是我方的值，这里是对方的值；定下后删去本段 / merge conflict: their values"
KINDS = {"tasks": "id", "members": "name"}  # the list of items in each file, and its key field
_DATE_PREFIX = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Unmergeable(Exception):
    """This merge cannot be made item by item; ``reason`` says why (English, for the log)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Conflict:
    item: Any  # the item's id or name; None for a top-level section
    field: str
    ours: Any
    theirs: Any


@dataclass
class Merged:
    text: str
    conflicts: list[Conflict] = field(default_factory=list)
    renumbered: list[tuple[int, int]] = field(default_factory=list)  # (old id, new id)


# --- reading the three sides ---------------------------------------------------------------

def _construct(node: yaml.Node) -> Any:
    try:
        return SafeConstructor().construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        raise Unmergeable(f"cannot read a value: {exc}".splitlines()[0]) from None


def _same(a: Any, b: Any) -> bool:
    """Equal as YAML values (2021-06-18 the date is not the text '2021-06-18')."""
    return type(a) is type(b) and a == b if not isinstance(a, (list, dict)) else _key(a) == _key(b)


def _key(value: Any) -> str:
    """A stable text for comparing and counting values of any shape."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=lambda v: f"<{type(v).__name__}>{v}")


@dataclass
class Side:
    """One side of the merge, read as plain values (with their order)."""

    kind: str | None  # "tasks" or "members"; None for an empty base
    top: dict[str, Any]
    items: dict[Any, dict[str, Any]]

    @classmethod
    def read(cls, text: str, path: str, empty_ok: bool = False) -> Side:
        if empty_ok and not text.strip():
            return cls(None, {}, {})
        root, problems = compose(text, path)
        if root is None:
            raise Unmergeable(str(problems[0]) if problems else f"{path}: cannot read")
        if not isinstance(root, yaml.MappingNode):
            raise Unmergeable(f"{path}: not a mapping of sections")
        top: dict[str, Any] = {}
        nodes: dict[str, yaml.Node] = {}
        for key_node, value_node in root.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or key in nodes:
                raise Unmergeable(f"{path}: a section name is repeated or not plain")
            nodes[key] = value_node
        kind = next((k for k in KINDS if k in nodes), None)
        if kind is None:
            raise Unmergeable(f"{path}: neither tasks nor members")
        for key, node in nodes.items():
            if key != kind:
                top[key] = _construct(node)
        items: dict[Any, dict[str, Any]] = {}
        list_node = nodes[kind]
        if isinstance(list_node, yaml.SequenceNode):
            for item in list_node.value:
                fields = _construct(item)
                if not isinstance(fields, dict) or KINDS[kind] not in fields:
                    raise Unmergeable(f"{path}: an item without {KINDS[kind]}")
                key = fields[KINDS[kind]]
                if not isinstance(key, (int, str)) or isinstance(key, bool) or key in items:
                    raise Unmergeable(f"{path}: {KINDS[kind]} {str(key)[:40]} is repeated or odd")
                items[key] = fields
        elif _construct(list_node) not in (None, []):
            raise Unmergeable(f"{path}: {kind} is not a list")
        return cls(kind, top, items)


# --- the editor ------------------------------------------------------------------------------

class ListText(TasksText):
    """The yamledit editor over any list of items keyed by a field: tasks by id, members by name."""

    def __init__(self, text: str, path: str, kind: str):
        self.kind = kind
        self.key_field = KINDS[kind]
        super().__init__(text, path)

    def _parse(self) -> None:
        root, problems = compose(self.text, self.path)
        if root is None:
            raise Unmergeable(str(problems[0]) if problems else "cannot read the merged text")
        self.root = root
        pair = self._child(root, self.kind)
        if pair is None:
            raise Unmergeable(f"no {self.kind} list")
        self.tasks_key, self.tasks = pair

    def item(self, key: Any) -> yaml.MappingNode:  # type: ignore[override]
        for node in self.items():
            pair = self._child(node, self.key_field)
            if pair and isinstance(pair[1], yaml.ScalarNode) and _same(_construct(pair[1]), key):
                return node
        raise Unmergeable(f"item {str(key)[:40]} is not in the text")

    def section(self, key: str) -> tuple[yaml.Node, yaml.Node] | None:
        return self._child(self.root, key)

    # spans of whole lines

    def _own_line_start(self, index: int) -> int:
        start = self._line_start(index)
        if self.text[start:index].strip() not in ("", "-"):
            raise Unmergeable(f"line {self.text.count(chr(10), 0, index) + 1} holds more than one thing")
        return start

    def entry_span(self, node: yaml.Node) -> tuple[int, int, int]:
        """(start, end, dash column) of a block list entry's lines."""
        dash = self.text.rfind("-", 0, node.start_mark.index)
        start = self._line_start(dash)
        if dash < 0 or self.text[start:dash].strip():
            raise Unmergeable("a list entry shares its line")
        return start, self._after_line(node), dash - start

    def pair_span(self, key_node: yaml.Node, value_node: yaml.Node) -> tuple[int, int, int]:
        """(start, end, key column) of a ``key: value`` and its value's lines."""
        start = self._line_start(key_node.start_mark.index)
        end = self._after_line(value_node) if value_node.end_mark.index > key_node.end_mark.index \
            else self._after_line(key_node)
        return start, end, key_node.start_mark.column

    def lines(self, span: tuple[int, int, int], column: int, first_prefix: str = "") -> str:
        """The text of ``span`` moved to ``column``, with this file's text (not its newline)."""
        start, end, own = span
        text = self.text[start:end]
        if first_prefix:  # a first field sharing the line with the item's dash
            text = " " * own + text[own:].lstrip("- ")
        return _reindent(text.replace("\r\n", "\n"), column - own)

    # edits beyond TasksText

    def insert(self, at: int, text: str) -> None:
        self._splice(at, at, text.replace("\n", self.newline))

    def replace(self, start: int, end: int, text: str) -> None:
        self._splice(start, end, text.replace("\n", self.newline))

    def blank_between_items(self) -> bool:
        items = self.items()
        return len(items) > 1 and self._blank_line_between(items[-2], items[-1])

    def field_column(self, item: yaml.MappingNode) -> int:
        if item.flow_style:
            raise Unmergeable("a flow-style item")
        return item.value[0][0].start_mark.column

    def add_field_text(self, key: Any, text: str) -> None:
        item = self.item(key)
        self.field_column(item)
        self.insert(self._after_line(item.value[-1][1]), text)


def _reindent(text: str, shift: int) -> str:
    if shift == 0:
        return text
    out = []
    for line in text.splitlines(True):
        if shift > 0:
            out.append(" " * shift + line if line.strip() else line)
        else:
            drop = min(-shift, len(line) - len(line.lstrip(" ")))
            out.append(line[drop:])
    return "".join(out)


def _flow(value: Any) -> str:
    """One line of YAML for any value."""
    if value is None or value is MISSING:
        return "null"
    if isinstance(value, (str, int, date)) and not isinstance(value, float):
        return emit_scalar(value)
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1 << 30)
    return dumped.strip().removesuffix("...").strip()


# --- lists -------------------------------------------------------------------------------------

def entry_date(entry: Any) -> date | None:
    """The date an entry is about: ``2021-06-18 已报送`` or a mapping holding a date."""
    if isinstance(entry, date):
        return entry
    if isinstance(entry, str):
        found = _DATE_PREFIX.match(entry)
        if found:
            try:
                return date.fromisoformat(found.group(1))
            except ValueError:
                return None
    if isinstance(entry, dict):
        for value in entry.values():
            if isinstance(value, date):
                return value
    return None


def merge_lists(base: list, ours: list, theirs: list) -> list:
    """OURS's entries less those THEIRS removed, plus those THEIRS added (dated ones in date order)."""
    base_keys = [_key(v) for v in base]
    theirs_keys = [_key(v) for v in theirs]
    ours_keys = [_key(v) for v in ours]
    removed = {k for k in base_keys if k not in theirs_keys}
    result = [v for v, k in zip(ours, ours_keys) if k not in removed]
    result_keys = [_key(v) for v in result]
    for index, entry in enumerate(theirs):
        k = theirs_keys[index]
        if k in base_keys or k in result_keys:
            continue
        at = _position(result, theirs, index)
        result.insert(at, entry)
        result_keys.insert(at, k)
    return result


def _position(result: list, theirs: list, index: int) -> int:
    day = entry_date(theirs[index])
    if day is not None:
        for at, entry in enumerate(result):
            other = entry_date(entry)
            if other is not None and other > day:
                return at
        return len(result)
    keys = [_key(v) for v in result]
    for before in reversed(theirs[:index]):  # after the entry it follows on their side
        if _key(before) in keys:
            return keys.index(_key(before)) + 1
    return len(result)


def _is_list(value: Any) -> bool:
    return isinstance(value, list) or value is MISSING or value is None


# --- the merge ---------------------------------------------------------------------------------

class _Merge:
    def __init__(self, base: Side, ours_text: str, theirs_text: str, path: str,
                 ours: Side, theirs: Side):
        self.base, self.ours, self.theirs = base, ours, theirs
        self.kind = ours.kind
        self.key_field = KINDS[self.kind]
        self.doc = ListText(ours_text, path, self.kind)
        self.their_doc = ListText(theirs_text, path, self.kind)
        self.result = Merged("")
        # what the merged file must hold, checked against the text at the end
        self.top = dict(ours.top)
        self.items = {k: dict(v) for k, v in ours.items.items()}

    def run(self) -> Merged:
        for key in [*self.ours.top, *(k for k in self.theirs.top if k not in self.ours.top)]:
            if key != CONFLICT:
                self.merge_section(key)
        self.merge_items()
        self.write_section_conflicts()
        self.verify()
        self.result.text = self.doc.text
        return self.result

    # top-level sections

    def merge_section(self, key: str) -> None:
        b, o, t = (side.top.get(key, MISSING) for side in (self.base, self.ours, self.theirs))
        if _same(t, b) or _same(o, t):
            return
        if _same(o, b):
            self.take_section(key)
        elif isinstance(o, list) and isinstance(t, list) and isinstance(b, list):
            merged = merge_lists(b, o, t)
            self.apply_list(lambda d: d.section(key), merged, o, t)
            self.top[key] = merged
        else:
            self.result.conflicts.append(Conflict(None, key, o, t))

    def take_section(self, key: str) -> None:
        doc, theirs = self.doc, self.their_doc
        mine = doc.section(key)
        if key not in self.theirs.top:
            start, end, _ = doc.pair_span(*mine)
            doc.replace(start, end, "")
            self.top.pop(key, None)
            return
        text = theirs.lines(theirs.pair_span(*theirs.section(key)), 0)
        if mine is None:
            at = doc._line_start(doc.tasks_key.start_mark.index)
            doc.insert(at, text + "\n")
        else:
            start, end, _ = doc.pair_span(*mine)
            doc.replace(start, end, text)
        self.top[key] = self.theirs.top[key]

    def write_section_conflicts(self) -> None:
        conflicts = [c for c in self.result.conflicts if c.item is None]
        if not conflicts:
            return
        existing = self.ours.top.get(CONFLICT)
        merged = dict(existing) if isinstance(existing, dict) else {}
        merged.update({c.field: None if c.theirs is MISSING else c.theirs for c in conflicts})
        body = "".join(f"  {emit_scalar(k)}: {_flow(v)}\n" for k, v in merged.items())
        text = f"{CONFLICT}:  {NOTE}\n{body}"
        mine = self.doc.section(CONFLICT)
        if mine is not None:
            start, end, _ = self.doc.pair_span(*mine)
            self.doc.replace(start, end, text)
        else:
            if not self.doc.text.endswith(("\n", "\r")):
                self.doc.insert(len(self.doc.text), "\n")
            self.doc.insert(len(self.doc.text), text)
        self.top[CONFLICT] = merged

    # items

    def merge_items(self) -> None:
        base, ours, theirs = self.base.items, self.ours.items, self.theirs.items
        for key, fields in base.items():  # removed on their side
            if key in ours and key not in theirs:
                if _same(ours[key], fields):
                    self.doc.remove_item(key)
                    del self.items[key]
                else:
                    self.result.conflicts.append(Conflict(key, ITEM, "changed", REMOVED))
                    self.write_item_conflicts(key, {ITEM: REMOVED})
        for key in ours:
            if key in theirs and (key in base or self.key_field != "id"):
                self.merge_fields(key, base.get(key))
        order = list(theirs)
        for index, key in enumerate(order):
            if key in base:
                if key not in ours and not _same(theirs[key], base[key]):
                    self.add_item(key, order[:index], key, conflict=True)  # removed by us, changed by them
                continue
            if key not in ours:
                self.add_item(key, order[:index], key)
            elif not _same(ours[key], theirs[key]) and self.key_field == "id":
                new = max([*self.items, *base, *theirs, 0]) + 1
                self.add_item(key, list(self.items), new)  # at the end, under the next free id
                self.result.renumbered.append((key, new))

    def merge_fields(self, key: Any, base: dict | None) -> None:
        ours, theirs = self.ours.items[key], self.theirs.items[key]
        base = base if base is not None else {}
        names = [*ours, *(n for n in theirs if n not in ours), *(n for n in base if n not in ours and n not in theirs)]
        conflicts = {}
        for name in names:
            if name in (self.key_field, CONFLICT):
                continue
            b, o, t = base.get(name, MISSING), ours.get(name, MISSING), theirs.get(name, MISSING)
            if _same(t, b) or _same(o, t):
                continue
            if _same(o, b):
                self.take_field(key, name, t)
            elif _is_list(o) and _is_list(t) and _is_list(b) and (isinstance(o, list) or isinstance(t, list)):
                listed = [(v if isinstance(v, list) else []) for v in (b, o, t)]
                merged = merge_lists(*listed)
                self.apply_list(lambda d, n=name: d._child(d.item(key), n), merged, listed[1], listed[2],
                                item=key, name=name)
                self.items[key][name] = merged
            else:
                conflicts[name] = None if t is MISSING else t
                self.result.conflicts.append(Conflict(key, name, o, t))
        if isinstance(theirs.get(CONFLICT), dict) and not _same(theirs[CONFLICT], ours.get(CONFLICT)):
            conflicts = {**theirs[CONFLICT], **conflicts}  # a conflict their side left unsettled
        if conflicts:
            self.write_item_conflicts(key, conflicts)

    def take_field(self, key: Any, name: str, value: Any) -> None:
        doc = self.doc
        item = doc.item(key)
        mine = doc._child(item, name)
        if value is MISSING:
            doc.remove_field(key, name)
            del self.items[key][name]
            return
        self.items[key][name] = value
        scalar = isinstance(value, (str, int, date)) and not isinstance(value, float)
        scalars = isinstance(value, list) and all(
            isinstance(v, (str, int, date)) and not isinstance(v, float) for v in value)
        if mine is not None and scalar and isinstance(mine[1], yaml.ScalarNode) and mine[1].value != "":
            doc.set_field(key, name, value)
            return
        if scalars and value and (mine is None or isinstance(mine[1], yaml.SequenceNode)):
            doc.set_field(key, name, value)
            return
        theirs = self.their_doc
        text = theirs.lines(theirs.pair_span(*theirs._child(theirs.item(key), name)),
                            doc.field_column(item))
        if mine is None:
            doc.add_field_text(key, text)
        else:
            start, end, _ = doc.pair_span(*mine)
            doc.replace(start, end, text)

    def apply_list(self, locate: Callable[[ListText], Any], merged: list, ours: list, theirs: list,
                   item: Any = None, name: str | None = None) -> None:
        """Turn OURS's list into ``merged``: delete entries, insert THEIRS's entries as written."""
        doc = self.doc
        pair = locate(doc)
        if pair is None:  # a field their side holds and ours no longer does
            pad = " " * doc.field_column(doc.item(item))
            doc.add_field_text(item, f"{pad}{name}: {_flow(merged)}\n")
            return
        key_node, node = pair
        block = isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value
        merged_keys = [_key(v) for v in merged]
        if not block or not any(_key(v) in merged_keys for v in ours):
            if block and merged:  # every entry of ours goes: their entries, in our list's place
                start, end, _ = doc.pair_span(key_node, node)
                column = doc.entry_span(node.value[0])[2]
                head = doc.text[start:doc._colon_after(key_node) + 1] + "\n"
                doc.replace(start, end, head + "".join(self._their_entry(locate, theirs, v, column)
                                                       for v in merged))
                return
            colon = doc._colon_after(key_node)
            end = doc._content_end(node) if node.end_mark.index > colon else colon + 1
            doc.replace(colon + 1, end, " " + _flow(merged))
            return
        column = doc.entry_span(node.value[0])[2]
        keep = list(merged_keys)
        for index in reversed(range(len(ours))):  # deletions, last first
            k = _key(ours[index])
            if k in keep:
                keep.remove(k)
                continue
            start, end, _ = doc.entry_span(locate(doc)[1].value[index])
            doc.replace(start, end, "")
        for index, value in enumerate(merged):  # insertions, in order
            current = locate(doc)[1].value
            if index < len(current) and _same(_construct(current[index]), value):
                continue
            text = self._their_entry(locate, theirs, value, column)
            at = doc.entry_span(current[index])[0] if index < len(current) \
                else doc._after_line(current[-1])
            doc.insert(at, text)

    def _their_entry(self, locate: Callable[[ListText], Any], theirs: list, value: Any,
                     column: int) -> str:
        source = self.their_doc
        node = locate(source)[1]
        keys = [_key(v) for v in theirs]
        if not isinstance(node, yaml.SequenceNode) or node.flow_style or _key(value) not in keys:
            return " " * column + "- " + _flow(value) + "\n"
        return source.lines(source.entry_span(node.value[keys.index(_key(value))]), column)

    def add_item(self, key: Any, before: list, new_key: Any, conflict: bool = False) -> None:
        doc, theirs = self.doc, self.their_doc
        node = theirs.item(key)
        span = theirs.entry_span(node)
        items = doc.items()
        if not items or doc.tasks.flow_style or node.flow_style:
            raise Unmergeable(f"no block list of {self.doc.kind} to add to")
        column = doc.entry_span(items[0])[2]
        text = theirs.lines(span, column)
        if new_key != key:
            id_node = theirs._child(node, self.key_field)[1]
            head = theirs.text[span[0]:id_node.start_mark.index]
            tail = theirs.text[id_node.end_mark.index:span[1]]
            text = _reindent((head + str(new_key) + tail).replace("\r\n", "\n"), column - span[2])
        gap = "\n" if doc.blank_between_items() else ""
        after = next((k for k in reversed(before) if k in self.items), None)
        if after is not None:
            doc.insert(doc._after_line(doc.item(after)), gap + text)
        else:
            doc.insert(doc.entry_span(items[0])[0], text + gap)
        fields = dict(self.theirs.items[key])
        fields[self.key_field] = new_key
        self.items[new_key] = fields
        if conflict:
            self.result.conflicts.append(Conflict(new_key, ITEM, REMOVED, "changed"))
            self.write_item_conflicts(new_key, {ITEM: REMOVED})

    def write_item_conflicts(self, key: Any, conflicts: dict) -> None:
        doc = self.doc
        item = doc.item(key)
        column = doc.field_column(item)
        existing = self.items[key].get(CONFLICT)
        merged = {**(existing if isinstance(existing, dict) else {}), **conflicts}
        pad = " " * column
        body = "".join(f"{pad}  {emit_scalar(k)}: {_flow(v)}\n" for k, v in merged.items())
        text = f"{pad}{CONFLICT}:  {NOTE}\n{body}"
        mine = doc._child(item, CONFLICT)
        if mine is not None:
            start, end, _ = doc.pair_span(*mine)
            doc.replace(start, end, text)
        else:
            doc.add_field_text(key, text)
        self.items[key][CONFLICT] = merged

    # the guard

    def verify(self) -> None:
        """The merged text must hold exactly what the merge decided; otherwise fall back."""
        got = Side.read(self.doc.text, self.doc.path)
        if _key(got.top) != _key(self.top):
            raise Unmergeable("the merged sections are not what the merge decided")
        if set(got.items) != set(self.items) or _key(got.items) != _key(
                {k: self.items[k] for k in got.items}):
            raise Unmergeable("the merged items are not what the merge decided")


def merge_texts(base: str, ours: str, theirs: str, path: str = "tasks.yaml") -> Merged:
    """Merge THEIRS's changes since BASE into OURS's text; raises :class:`Unmergeable`."""
    base_side = Side.read(base, path, empty_ok=True)
    ours_side = Side.read(ours, path)
    theirs_side = Side.read(theirs, path)
    if theirs_side.kind != ours_side.kind or base_side.kind not in (None, ours_side.kind):
        raise Unmergeable(f"{path}: the three versions are not the same kind of file")
    try:
        return _Merge(base_side, ours, theirs, path, ours_side, theirs_side).run()
    except GkError as exc:  # an edit yamledit refuses to make
        raise Unmergeable(str(exc)) from None


# --- the driver: three files in, OURS's file out ------------------------------------------------

@dataclass
class FileMerge:
    clean: bool
    merged: Merged | None = None
    fallback: str | None = None  # why the item-level merge was not made (git's line merge instead)
    problems: list = field(default_factory=list)  # new problems the merged file has for gk check


def _decode(raw: bytes) -> tuple[str, bool]:
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8-sig"), bom
    except UnicodeDecodeError as exc:
        raise Unmergeable(f"not UTF-8 (byte {exc.start})") from None


def merge_file(base: Path, ours: Path, theirs: Path, name: str) -> FileMerge:
    """Merge into ``ours`` in place, as git asks of a merge driver (``%O %A %B %P``).

    ``clean`` is False when the merge left conflicts to settle, when the merged file has
    problems OURS did not have, or when it fell back to git's line merge (conflict markers).
    OURS's file is only replaced by a complete merge or by git's own line merge.
    """
    from gkcli.store import validate_tasks_text

    try:
        base_text, _ = _decode(base.read_bytes())
        ours_text, bom = _decode(ours.read_bytes())
        theirs_text, _ = _decode(theirs.read_bytes())
        merged = merge_texts(base_text, ours_text, theirs_text, name)
    except Unmergeable as exc:
        subprocess.run(["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs",
                        str(ours), str(base), str(theirs)], capture_output=True)
        return FileMerge(False, fallback=exc.reason)
    except OSError as exc:
        return FileMerge(False, fallback=exc.strerror or str(exc))
    new_problems: list = []
    if merged.text and KINDS_OF_FILE.get(Path(name).name, "tasks") == "tasks":
        before = {p.message for p in validate_tasks_text(ours_text, name)[1]}
        new_problems = [p for p in validate_tasks_text(merged.text, name)[1]
                        if not p.message.startswith("conflict_") and p.message not in before]
    tmp = ours.with_name(ours.name + ".gk-merge")
    tmp.write_bytes(("\ufeff" if bom else "").encode() + merged.text.encode("utf-8"))
    os.replace(tmp, ours)
    return FileMerge(not merged.conflicts and not new_problems, merged, problems=new_problems)


KINDS_OF_FILE = {"tasks.yaml": "tasks", "leading_group.yaml": "members"}
