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
import operator
import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Callable

import yaml
from yaml.constructor import SafeConstructor

from gkcli.errors import GkError, Problem
from gkcli.yamledit import TasksText, emit_scalar
from gkcli.yamlnodes import compose, load_data

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

    def __init__(self, reason: str, problem: Problem | None = None):
        super().__init__(reason)
        self.reason = reason
        self.problem = problem  # a side that does not read as YAML: where and why


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
    return json.dumps(_plain(value), ensure_ascii=False, default=lambda v: f"<{type(v).__name__}>{v}")


def _plain(value: Any) -> Any:
    """Mappings as sorted pairs, keyed by type and text (YAML keys may be true, 1 or 'on')."""
    if isinstance(value, dict):
        return sorted(([f"<{type(k).__name__}>{k}", _plain(v)] for k, v in value.items()),
                      key=lambda pair: pair[0])
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


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
            raise Unmergeable(str(problems[0]) if problems else f"{path}: cannot read",
                              problems[0] if problems else None)
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
        self.kind = self.list_key = kind
        self.key_field = KINDS[kind]
        super().__init__(text, path)

    def _parse(self) -> None:
        """As yamledit reads it (what it cannot read or edit is a GkError, which
        :func:`merge_texts` turns into Unmergeable), and refusing what is marked."""
        super()._parse()
        if self.marked:  # an edit could change what an alias stands for (issue 7)
            raise Unmergeable("anchors, aliases or tags: left to git's line merge")

    def item(self, key: Any) -> yaml.MappingNode:
        for node in self.items():
            pair = self._child(node, self.key_field)
            if pair and isinstance(pair[1], yaml.ScalarNode) and _same(_construct(pair[1]), key):
                return node
        raise Unmergeable(f"item {str(key)[:40]} is not in the text")

    def section(self, key: str) -> tuple[yaml.Node, yaml.Node] | None:
        return self._child(self.root, key)

    def pair(self, mapping: yaml.Node, key: Any) -> tuple[yaml.Node, yaml.Node]:
        """``key: value`` in ``mapping``, where the merge has found the key on this side."""
        pair = self._child(mapping, key)
        if pair is None:
            raise Unmergeable(f"{str(key)[:40]} is not in the text")
        return pair

    # spans of whole lines

    def entry_span(self, node: yaml.Node) -> tuple[int, int, int]:
        """(start, end, dash column) of a block list entry's lines."""
        start, dash = self._entry_line(node, Unmergeable("a list entry shares its line"))
        return start, self._after_line(node), dash - start

    def pair_span(self, key_node: yaml.Node, value_node: yaml.Node) -> tuple[int, int, int]:
        """(start, end, key column) of a ``key: value`` and its value's lines."""
        start = self._line_start(key_node.start_mark.index)
        end = self._after_line(value_node) if value_node.end_mark.index > key_node.end_mark.index \
            else self._after_line(key_node)
        return start, end, key_node.start_mark.column

    def lines(self, span: tuple[int, int, int], column: int) -> str:
        """The text of ``span`` moved to ``column``, with \\n line ends (``insert`` restores the file's)."""
        start, end, own = span
        return _reindent(self.text[start:end].replace("\r\n", "\n"), column - own)

    # edits beyond TasksText

    def insert(self, at: int, text: str) -> None:
        self._splice(at, at, text.replace("\n", self.newline))

    def replace(self, start: int, end: int, text: str) -> None:
        self._splice(start, end, text.replace("\n", self.newline))

    def dash_column(self) -> int:
        return self.entry_span(self.items()[0])[2]

    def item_span(self, key: Any) -> tuple[int, int]:
        """An item's lines, with the blank lines and comments above it (back to the item before)."""
        start, _, end = self.item_parts(key)
        return start, end

    def item_parts(self, key: Any) -> tuple[int, int, int]:
        """Where an item's lead-in (blank lines and comments above it) starts, its own lines start, and it ends."""
        items = self.items()
        node = self.item(key)
        if isinstance(self.tasks, yaml.CollectionNode) and self.tasks.flow_style:
            raise Unmergeable("a flow-style list of items")
        index = next(i for i, n in enumerate(items) if n is node)
        if index:
            start = self._after_line(items[index - 1])
        else:
            start = self.text.find("\n", self.tasks_key.end_mark.index) + 1
        own = self.entry_span(node)[0]  # the item's dash starts its line
        return start, own, self._after_line(node)

    def section_span(self, key: str) -> tuple[int, int]:
        """A top-level section's lines, with the blank lines and comments above it."""
        pairs = self.root.value
        index = next(i for i, (k, _) in enumerate(pairs) if getattr(k, "value", None) == key)
        if isinstance(self.root, yaml.CollectionNode) and self.root.flow_style:
            raise Unmergeable("a flow-style file")
        start = self._after_line(pairs[index - 1][1]) if index else 0
        key_node, value = pairs[index]
        if self._line_start(key_node.start_mark.index) != key_node.start_mark.index:
            raise Unmergeable(f"section {key} does not start its line")
        return start, self.pair_span(key_node, value)[1]

    def field_column(self, item: yaml.MappingNode) -> int:
        if item.flow_style:
            raise Unmergeable("a flow-style item")
        first_key: yaml.Node = item.value[0][0]
        return first_key.start_mark.column

    def add_field_text(self, key: Any, text: str) -> None:
        item = self.item(key)
        self.field_column(item)
        self.insert(self._after_line(item.value[-1][1]), text)


def _field_of(key: Any, name: str) -> Callable[[ListText], tuple[yaml.Node, yaml.Node] | None]:
    """Finds an item's field in any side's text (``locate`` of :meth:`_Merge.apply_list`)."""
    return lambda doc: doc._child(doc.item(key), name)


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


def merge_lists(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
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


def _position(result: list[Any], theirs: list[Any], index: int) -> int:
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


def _plain_value(value: Any) -> bool:
    """A text, number or date, or a list of them: what yamledit writes itself."""
    def plain(v: Any) -> bool:
        return isinstance(v, (str, int, date)) and not isinstance(v, (float, bool))
    return plain(value) or (isinstance(value, list) and all(plain(v) for v in value))


def _is_list(value: Any) -> bool:
    return isinstance(value, list) or value is MISSING or value is None


UNCHANGED, THEIRS, BOTH = "unchanged", "theirs", "both"


def _changed_by(base: Any, ours: Any, theirs: Any,
                same: Callable[[Any, Any], bool] = operator.eq) -> str:
    """The three-way test of one unit (a section, an item, a field; by text or by value):
    UNCHANGED where OURS stands (THEIRS left BASE as it was, or made OURS's change too),
    THEIRS where only THEIRS changed it, BOTH where the two sides changed it differently."""
    if same(theirs, base) or same(ours, theirs):
        return UNCHANGED
    return THEIRS if same(ours, base) else BOTH


def _changed_keys(base: dict[Any, Any], ours: dict[Any, Any], theirs: dict[Any, Any],
                  skip: tuple[str, ...] = ()) -> Iterator[tuple[Any, str, Any, Any, Any]]:
    """The keys of a mapping (an item's fields, a section's keys) that THEIRS changed from BASE
    to something OURS does not hold, in OURS's order then THEIRS's then BASE's: each as
    (key, THEIRS or BOTH, base value, our value, their value), MISSING where a side lacks it."""
    names = [*ours, *(n for n in theirs if n not in ours)]
    names += [n for n in base if n not in names]
    for name in names:
        if name in skip:
            continue
        b, o, t = base.get(name, MISSING), ours.get(name, MISSING), theirs.get(name, MISSING)
        by = _changed_by(b, o, t, _same)
        if by != UNCHANGED:
            yield name, by, b, o, t


def _put(mapping: dict[Any, Any], key: Any, value: Any) -> None:
    """Set ``key`` to ``value`` in ``mapping``, or drop it when ``value`` is MISSING."""
    if value is MISSING:
        mapping.pop(key, None)
    else:
        mapping[key] = value


# --- the merge ---------------------------------------------------------------------------------

def line_merge(base: str, ours: str, theirs: str) -> str | None:
    """git's own line merge of three texts; None when lines conflict (or git is missing)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(tmp, name)
            path.write_bytes(text.encode("utf-8"))
            paths.append(str(path))
        try:
            done = subprocess.run(["git", "merge-file", "-p", "--quiet", *paths], capture_output=True)
        except OSError:
            return None
        return done.stdout.decode("utf-8") if done.returncode == 0 else None


def _parsed_unit(text: str, kind: str) -> Any:
    """The value a section's or an item's own text holds, or MISSING if it cannot be read."""
    try:
        value = load_data(text)
    except yaml.YAMLError:
        return MISSING
    if kind == "item":
        return value[0] if isinstance(value, list) and len(value) == 1 else MISSING
    return value if isinstance(value, dict) and len(value) == 1 else MISSING


def _line_merged_unit(texts: tuple[str | None, str | None, str | None], kind: str,
                      value: Any) -> str | None:
    """git's line merge of one unit's three texts (a section's or an item's) where it holds
    the ``value`` the merge decided; None where a side lacks the unit or the lines disagree."""
    base, ours, theirs = texts
    if base is None or ours is None or theirs is None:
        return None
    candidate = line_merge(base, ours, theirs)
    if candidate is None or not _same(_parsed_unit(candidate, kind), value):
        return None
    return candidate


class _Merge:
    """Decides the merge by values, then makes it by text: whole units where only one side
    touched them, git's line merge of a unit where that gives the decided values, and
    field-by-field surgical edits otherwise."""

    def __init__(self, texts: tuple[str, str, str], path: str, kind: str,
                 base: Side, ours: Side, theirs: Side):
        self.base, self.ours, self.theirs = base, ours, theirs
        self.texts = texts
        self.path = path
        self.kind = kind
        self.key_field = KINDS[self.kind]
        self.doc = ListText(texts[1], path, self.kind)
        self.sides = (ListText(texts[0], path, self.kind) if base.kind else None,
                      ListText(texts[1], path, self.kind), ListText(texts[2], path, self.kind))
        self.their_doc = self.sides[2]
        self.result = Merged("")
        # what the merged file must hold; checked against the text at the end
        self.top = dict(ours.top)
        self.items = {k: dict(v) for k, v in ours.items.items()}

    # texts of units, as each side wrote them

    def section_text(self, side: int, key: str) -> str | None:
        doc = self.sides[side]
        if doc is None or doc.section(key) is None:
            return None
        return doc.text[slice(*doc.section_span(key))].replace("\r\n", "\n")

    def item_text(self, side: int, key: Any, lead_in: bool = False) -> str | None:
        """An item's own lines as one side wrote them (or the lines above it, ``lead_in``)."""
        doc = self.sides[side]
        source = (self.base, self.ours, self.theirs)[side]
        if doc is None or key not in source.items:
            return None
        start, own, end = doc.item_parts(key)
        text = doc.text[start:own] if lead_in else doc.text[own:end]
        return text.replace("\r\n", "\n")

    def own_span(self, key: Any) -> tuple[int, int]:
        _, own, end = self.doc.item_parts(key)
        return own, end

    def run(self) -> Merged:
        actions: list[Callable[[], None]] = []
        for key in [*self.ours.top, *(k for k in self.theirs.top if k not in self.ours.top)]:
            if key != CONFLICT:
                actions.extend(self.decide_section(key))
        actions.extend(self.decide_items())
        if not self.result.conflicts:  # where git's line merge gives the same values, take it whole
            whole = line_merge(*self.texts) if self.base.kind else None
            if whole is not None and self.holds(whole):
                self.result.text = whole
                return self.result
        for action in actions:
            action()
        self.write_section_conflicts()
        if not self.holds(self.doc.text):
            raise Unmergeable("the merged text does not hold what the merge decided")
        self.result.text = self.doc.text
        return self.result

    def holds(self, text: str) -> bool:
        try:
            got = Side.read(text, self.path)
        except Unmergeable:
            return False
        return (got.kind == self.kind and _key(got.top) == _key(self.top)
                and set(got.items) == set(self.items)
                and _key(got.items) == _key({k: self.items[k] for k in got.items}))

    # top-level sections

    def decide_section(self, key: str) -> list[Callable[[], None]]:
        b, o, t = (side.top.get(key, MISSING) for side in (self.base, self.ours, self.theirs))
        bt, ot, tt = (self.section_text(i, key) for i in range(3))
        if (by_text := _changed_by(bt, ot, tt)) != BOTH:  # whole: a section one side touched
            self.set_top(key, t if by_text == THEIRS else o)
            return [lambda: self.take_section(key)] if by_text == THEIRS else []
        if isinstance(o, dict) and isinstance(t, dict) and isinstance(b, (dict, _Missing)):
            return self.decide_mapping(key, b if isinstance(b, dict) else {}, o, t, (bt, ot, tt))
        by_value = _changed_by(b, o, t, _same)
        if by_value == UNCHANGED:
            merged = o
        elif by_value == THEIRS:
            merged = t
        elif isinstance(o, list) and isinstance(t, list) and isinstance(b, list):
            merged = merge_lists(b, o, t)
        else:
            self.result.conflicts.append(Conflict(None, key, o, t))
            return []
        self.set_top(key, merged)
        candidate = _line_merged_unit((bt, ot, tt), "section", {key: merged})
        if candidate is not None:
            return [lambda: self.replace_section(key, candidate)]
        if _same(merged, o):
            return []
        if isinstance(merged, list) and isinstance(o, list) and isinstance(t, list):
            return [lambda: self.apply_list(lambda d: d.section(key), merged, o, t)]
        return [lambda: self.take_section(key)]

    def decide_mapping(self, key: str, b: dict[Any, Any], o: dict[Any, Any], t: dict[Any, Any],
                       texts: tuple[str | None, str | None, str | None]) -> list[Callable[[], None]]:
        """A section holding a mapping (notice, settings) merges key by key, like an item's fields."""
        merged = dict(o)
        edits: list[Callable[[], None]] = []
        conflicts = []
        for name, by, _, ov, tv in _changed_keys(b, o, t):
            if by == THEIRS:
                _put(merged, name, tv)
                edits.append(partial(self.set_in_section, key, name, tv))
            else:
                conflicts.append(Conflict(None, f"{key}.{name}", ov, tv))
        self.set_top(key, merged)
        self.result.conflicts.extend(conflicts)
        candidate = None if conflicts else _line_merged_unit(texts, "section", {key: merged})
        if candidate is not None:
            return [lambda: self.replace_section(key, candidate)]
        return edits

    def set_in_section(self, section: str, name: str, value: Any) -> None:
        doc = self.doc
        mapping = doc.pair(doc.root, section)[1]
        if not isinstance(mapping, yaml.MappingNode):
            raise Unmergeable(f"{section} is not a mapping here")
        pair = doc._child(mapping, name)
        if value is MISSING:
            if pair is not None:
                if mapping.flow_style:
                    raise Unmergeable(f"{section} is a flow mapping")
                doc.replace(*doc.pair_span(*pair)[:2], "")
            return
        node = pair[1] if pair else None
        scalar = isinstance(value, (str, int, date, bool)) and not isinstance(value, float)
        if scalar and isinstance(node, yaml.ScalarNode) and node.value != "" and node.style not in ("|", ">"):
            quote = node.style if node.style in ("'", '"') else None
            doc.replace(node.start_mark.index, doc._content_end(node),
                        emit_scalar(value, quote, flow=bool(mapping.flow_style)))
            return
        if mapping.flow_style:
            if node is not None:
                doc.replace(node.start_mark.index, node.end_mark.index, _flow(value))
            else:
                doc.insert(mapping.value[-1][1].end_mark.index, f", {name}: {_flow(value)}")
            return
        theirs = self.their_doc
        their_pair = theirs.pair(theirs.pair(theirs.root, section)[1], name)
        lines = theirs.lines(theirs.pair_span(*their_pair), mapping.value[0][0].start_mark.column)
        if pair is not None:
            doc.replace(*doc.pair_span(*pair)[:2], lines)
        else:
            doc.insert(doc._after_line(mapping.value[-1][1]), lines)

    def set_top(self, key: str, value: Any) -> None:
        _put(self.top, key, value)

    def replace_section(self, key: str, text: str) -> None:
        self.doc.replace(*self.doc.section_span(key), text)

    def take_section(self, key: str) -> None:
        doc = self.doc
        text = self.section_text(2, key)
        if doc.section(key) is not None:
            doc.replace(*doc.section_span(key), text or "")
        elif text:
            doc.insert(doc.section_span(self.kind)[0], text)

    def write_section_conflicts(self) -> None:
        conflicts = [c for c in self.result.conflicts if c.item is None]
        if not conflicts:
            return
        existing = self.ours.top.get(CONFLICT)
        merged = dict(existing) if isinstance(existing, dict) else {}
        merged.update({c.field: None if c.theirs is MISSING else c.theirs for c in conflicts})
        body = "".join(f"  {emit_scalar(k)}: {_flow(v)}\n" for k, v in merged.items())
        text = f"{CONFLICT}:  {NOTE}\n{body}"
        if self.doc.section(CONFLICT) is not None:
            self.doc.replace(*self.doc.section_span(CONFLICT), text)
        else:
            if not self.doc.text.endswith(("\n", "\r")):
                self.doc.insert(len(self.doc.text), "\n")
            self.doc.insert(len(self.doc.text), text)
        self.top[CONFLICT] = merged

    # items

    def decide_items(self) -> list[Callable[[], None]]:
        base, ours, theirs = self.base.items, self.ours.items, self.theirs.items
        actions: list[Callable[[], None]] = []
        for key, fields in base.items():  # removed on their side
            if key in ours and key not in theirs:
                if _same(ours[key], fields):
                    del self.items[key]
                    actions.append(partial(self.doc.remove_item, key))
                else:
                    self.result.conflicts.append(Conflict(key, ITEM, "changed", REMOVED))
                    actions.append(self.conflicts_action(key, {ITEM: REMOVED}))
        for key in ours:
            if key in theirs and (key in base or self.key_field != "id"):
                actions.extend(self.decide_item(key))
        order = list(theirs)
        for index, key in enumerate(order):
            after = order[:index]
            if key in base:
                if key not in ours and not _same(theirs[key], base[key]):  # removed by us, changed by them
                    self.result.conflicts.append(Conflict(key, ITEM, REMOVED, "changed"))
                    actions.append(self.add_action(key, after, key, {ITEM: REMOVED}))
                continue
            if key not in ours:
                actions.append(self.add_action(key, after, key))
            elif not _same(ours[key], theirs[key]) and self.key_field == "id":
                new = max([*self.items, *base, *theirs, 0]) + 1
                actions.append(self.add_action(key, list(ours), new))
                self.result.renumbered.append((key, new))
        return actions

    def decide_item(self, key: Any) -> list[Callable[[], None]]:
        base_lead, our_lead, their_lead = (self.item_text(i, key, lead_in=True) for i in range(3))
        actions = []
        if _changed_by(base_lead, our_lead, their_lead) == THEIRS and their_lead is not None:
            def lead_in() -> None:  # their comments above the item, where ours are as they were
                start, own, _ = self.doc.item_parts(key)
                self.doc.replace(start, own, their_lead)
            actions.append(lead_in)
        return actions + self.decide_item_lines(key)

    def decide_item_lines(self, key: Any) -> list[Callable[[], None]]:
        bt, ot, tt = (self.item_text(i, key) for i in range(3))
        assert tt is not None  # decide_item runs for items both sides hold
        if (by_text := _changed_by(bt, ot, tt)) != BOTH:  # whole: an item one side touched
            self.items[key] = dict((self.theirs if by_text == THEIRS else self.ours).items[key])
            return [lambda: self.doc.replace(*self.own_span(key), tt)] if by_text == THEIRS else []
        base = self.base.items.get(key, {})
        ours, theirs = self.ours.items[key], self.theirs.items[key]
        edits: list[Callable[[], None]] = []
        conflicts: dict[str, Any] = {}
        result = dict(ours)
        for name, by, b, o, t in _changed_keys(base, ours, theirs, skip=(self.key_field, CONFLICT)):
            if by == THEIRS:
                _put(result, name, t)
                edits.append(partial(self.take_field, key, name, t))
            elif _is_list(o) and _is_list(t) and _is_list(b) and (isinstance(o, list) or isinstance(t, list)):
                listed = [(v if isinstance(v, list) else []) for v in (b, o, t)]
                merged = merge_lists(*listed)
                result[name] = merged
                edits.append(partial(self.apply_list, _field_of(key, name), merged, listed[1], listed[2],
                                     item=key, name=name))
            else:
                conflicts[name] = None if t is MISSING else t
                self.result.conflicts.append(Conflict(key, name, o, t))
        if isinstance(theirs.get(CONFLICT), dict) and not _same(theirs[CONFLICT], ours.get(CONFLICT)):
            conflicts = {**theirs[CONFLICT], **conflicts}  # a conflict their side left unsettled
        self.items[key] = result
        if conflicts:
            edits.append(self.conflicts_action(key, conflicts))
        elif (candidate := _line_merged_unit((bt, ot, tt), "item", result)) is not None:
            return [lambda: self.doc.replace(*self.own_span(key), candidate)]
        return edits

    def take_field(self, key: Any, name: str, value: Any) -> None:
        doc = self.doc
        item = doc.item(key)
        mine = doc._child(item, name)
        if value is MISSING:
            doc.remove_field(key, name)
            return
        if item.flow_style:  # {id: 3, …} on one line: yamledit's own edits keep it one line
            if not _plain_value(value):
                raise Unmergeable("a flow-style item")
            doc.set_field(key, name, value)
            return
        base = self.sides[0]
        theirs = self.their_doc
        their_lines = theirs.lines(theirs.pair_span(*theirs.pair(theirs.item(key), name)),
                                   doc.field_column(item))
        if mine is not None and base is not None and key in self.base.items \
                and name in self.base.items[key]:
            base_pair = base.pair(base.item(key), name)
            untouched = base.lines(base.pair_span(*base_pair), 0) == doc.lines(doc.pair_span(*mine), 0)
        else:
            untouched = mine is not None
        if mine is not None and not untouched:  # she reformatted it: keep her form, take their value
            scalar = isinstance(value, (str, int, date)) and not isinstance(value, (float, bool))
            scalars = isinstance(value, list) and value and all(
                isinstance(v, (str, int, date)) and not isinstance(v, (float, bool)) for v in value)
            if (scalar and isinstance(mine[1], yaml.ScalarNode) and mine[1].value != "") or \
                    (scalars and isinstance(mine[1], yaml.SequenceNode)):
                doc.set_field(key, name, value)
                return
        if mine is None:
            doc.add_field_text(key, their_lines)
        else:
            doc.replace(*doc.pair_span(*mine)[:2], their_lines)

    def conflicts_action(self, key: Any, conflicts: dict[str, Any]) -> Callable[[], None]:
        existing = self.items[key].get(CONFLICT)
        merged = {**(existing if isinstance(existing, dict) else {}), **conflicts}
        self.items[key][CONFLICT] = merged
        return lambda: self.write_item_conflicts(key, merged)

    def write_item_conflicts(self, key: Any, merged: dict[str, Any]) -> None:
        doc = self.doc
        item = doc.item(key)
        if item.flow_style:  # {id: 3, …, conflict: {status: doing}}
            mine = doc._child(item, CONFLICT)
            if mine is not None:
                doc.replace(mine[1].start_mark.index, mine[1].end_mark.index, _flow(merged))
            else:
                at = item.value[-1][1].end_mark.index
                doc.insert(at, f", {CONFLICT}: {_flow(merged)}")
            return
        pad = " " * doc.field_column(item)
        body = "".join(f"{pad}  {emit_scalar(k)}: {_flow(v)}\n" for k, v in merged.items())
        text = f"{pad}{CONFLICT}:  {NOTE}\n{body}"
        mine = doc._child(item, CONFLICT)
        if mine is not None:
            doc.replace(*doc.pair_span(*mine)[:2], text)
        else:
            doc.add_field_text(key, text)

    def add_action(self, key: Any, before: list[Any], new_key: Any,
                   conflicts: dict[str, Any] | None = None) -> Callable[[], None]:
        fields = dict(self.theirs.items[key])
        fields[self.key_field] = new_key
        self.items[new_key] = fields
        then = self.conflicts_action(new_key, conflicts) if conflicts else None

        def action() -> None:
            self.add_item(key, before, new_key)
            if then is not None:
                then()

        return action

    def add_item(self, key: Any, before: list[Any], new_key: Any) -> None:
        doc, theirs = self.doc, self.their_doc
        start, end = theirs.item_span(key)
        node = theirs.item(key)
        if new_key != key:
            id_node = theirs.pair(node, self.key_field)[1]
            text = theirs.text[start:id_node.start_mark.index] + str(new_key) + \
                theirs.text[id_node.end_mark.index:end]
        else:
            text = theirs.text[start:end]
        shift = (doc.dash_column() - theirs.dash_column()) if doc.items() else 0
        text = _reindent(text.replace("\r\n", "\n"), shift)
        present = [k for k in before if k in self.items and self._in_doc(k)]
        if present:
            doc.insert(doc.item_span(present[-1])[1], text)
        elif doc.items():
            doc.insert(doc.item_span(self._first_key())[0], text)
        else:
            raise Unmergeable(f"no block list of {doc.kind} to add to")

    def _in_doc(self, key: Any) -> bool:
        try:
            self.doc.item(key)
        except Unmergeable:
            return False
        return True

    def _first_key(self) -> Any:
        first = self.doc.items()[0]
        return _construct(self.doc.pair(first, self.key_field)[1])


    def apply_list(self, locate: Callable[[ListText], Any], merged: list[Any], ours: list[Any],
                   theirs: list[Any],
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
            doc._replace_value(key_node, node, _flow(merged))  # one line: no line ends to restore
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

    def _their_entry(self, locate: Callable[[ListText], Any], theirs: list[Any], value: Any,
                     column: int) -> str:
        source = self.their_doc
        node = locate(source)[1]
        keys = [_key(v) for v in theirs]
        if not isinstance(node, yaml.SequenceNode) or node.flow_style or _key(value) not in keys:
            return " " * column + "- " + _flow(value) + "\n"
        return source.lines(source.entry_span(node.value[keys.index(_key(value))]), column)


def merge_texts(base: str, ours: str, theirs: str, path: str = "tasks.yaml") -> Merged:
    """Merge THEIRS's changes since BASE into OURS's text; raises :class:`Unmergeable`."""
    base_side = Side.read(base, path, empty_ok=True)
    ours_side = Side.read(ours, path)
    theirs_side = Side.read(theirs, path)
    kind = ours_side.kind
    if kind is None or theirs_side.kind != kind or base_side.kind not in (None, kind):
        raise Unmergeable(f"{path}: the three versions are not the same kind of file")
    try:
        return _Merge((base, ours, theirs), path, kind, base_side, ours_side, theirs_side).run()
    except GkError as exc:  # an edit yamledit refuses to make
        raise Unmergeable(str(exc)) from None


# --- the driver: three files in, OURS's file out ------------------------------------------------

@dataclass
class FileMerge:
    clean: bool
    merged: Merged | None = None
    fallback: str | None = None  # why the item-level merge was not made (git's line merge instead)
    markers: bool = False  # git's line merge left conflict markers in the file
    problem: Problem | None = None  # the unreadable side's problem, when that was the reason
    problems: list[Problem] = field(default_factory=list)  # new problems the merged file has for gk check


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
        try:
            lines = subprocess.run(["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs",
                                    str(ours), str(base), str(theirs)], capture_output=True)
        except OSError:  # no git: OURS stays as it is, and the merge fails
            return FileMerge(False, fallback=exc.reason, problem=exc.problem)
        return FileMerge(False, fallback=exc.reason, markers=lines.returncode != 0, problem=exc.problem)
    except OSError as exc:
        return FileMerge(False, fallback=exc.strerror or str(exc))
    new_problems: list[Problem] = []
    if merged.text and KINDS_OF_FILE.get(Path(name).name, "tasks") == "tasks":
        before = {p.message for p in validate_tasks_text(ours_text, name)[1]}
        new_problems = [p for p in validate_tasks_text(merged.text, name)[1]
                        if not p.message.startswith("conflict_") and p.message not in before]
    tmp = ours.with_name(ours.name + ".gk-merge")
    tmp.write_bytes(("\ufeff" if bom else "").encode() + merged.text.encode("utf-8"))
    os.replace(tmp, ours)
    return FileMerge(not merged.conflicts and not new_problems, merged, problems=new_problems)


KINDS_OF_FILE = {"tasks.yaml": "tasks", "leading_group.yaml": "members"}
