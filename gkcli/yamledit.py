"""Surgical edits to the text of tasks.yaml.

gk never re-dumps the user's file. It finds the exact characters of a node with
PyYAML's marks and replaces, inserts or deletes only those, so every other byte —
comments, blank lines, key order, quoting, flow or block lists, Chinese — stays as
she wrote it. Each edit re-reads the text, so edits can be chained.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Union

import yaml

from gkcli.errors import DataError, GkError, WriteRefused, no_item
from gkcli.yamlnodes import compose_marked

Value = Union[str, int, date, "list[str]"]

LINE_BREAK = re.compile(r"\r\n|\r|\n")
ODD_BREAKS = ("\x85", "\u2028", "\u2029")  # YAML 1.1 reads these as line breaks too


def has_line_break(text: str) -> bool:
    return any(ch in text for ch in ("\r", "\n", *ODD_BREAKS))


def emit_scalar(value: Any, quote: str | None = None, flow: bool = False) -> str:
    """A one-line YAML scalar for ``value``: plain when safe, quoted when it must be.

    ``quote`` (' or ") keeps the quoting style of the value it replaces; ``flow`` quotes
    what a flow collection ({...} or [...]) would misread, such as a comma.
    """
    if flow and not quote and isinstance(value, str):
        return emit_flow_list([value])[1:-1]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if has_line_break(text):
        raise WriteRefused("line_break_in_value")
    dumped = yaml.safe_dump(text, allow_unicode=True, width=1 << 30, default_flow_style=True,
                            default_style=quote)
    return dumped.removesuffix("\n").removesuffix("\n...")


def emit_flow_list(values: list[str]) -> str:
    if not values:
        return "[]"
    return yaml.safe_dump(list(values), allow_unicode=True, width=1 << 30, default_flow_style=True).strip()


class TasksText:
    """The text of a tasks.yaml and the edits gk makes to it."""

    list_key = "tasks"  # the top-level key of the list of items

    def __init__(self, text: str, path: str = "tasks.yaml"):
        self.text = text
        self.path = path
        if any(ch in text for ch in ODD_BREAKS):
            raise WriteRefused("odd_line_break", path=path)
        breaks = LINE_BREAK.findall(text)
        self.newline = max(("\n", "\r\n", "\r"), key=breaks.count) if breaks else "\n"
        self._parse()

    # --- reading -----------------------------------------------------------------------

    def reparse(self) -> None:
        """Make ``root`` match ``text`` (composing again only if the text changed since)."""
        if self._parsed != self.text:
            self._parse()

    def _parse(self) -> None:
        self._parsed = self.text
        composed, problems = compose_marked(self.text, self.path)
        if composed is None:
            raise DataError(problems)
        self.root = root = composed.root
        self.marked = composed.marked
        tasks = self._child(root, self.list_key)
        if tasks is None or not isinstance(tasks[1], (yaml.SequenceNode, yaml.ScalarNode)):
            raise WriteRefused("no_tasks_list", path=self.path)
        self.tasks_key, self.tasks = tasks

    @staticmethod
    def _child(mapping: yaml.Node, key: str) -> tuple[yaml.Node, yaml.Node] | None:
        if not isinstance(mapping, yaml.MappingNode):
            return None
        for key_node, value_node in mapping.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return key_node, value_node
        return None

    def items(self) -> list[yaml.MappingNode]:
        if not isinstance(self.tasks, yaml.SequenceNode):
            return []
        return [n for n in self.tasks.value if isinstance(n, yaml.MappingNode)]

    def ids(self) -> list[int]:
        found = []
        for item in self.items():
            pair = self._child(item, "id")
            if pair and isinstance(pair[1], yaml.ScalarNode) and pair[1].value.isdigit():
                found.append(int(pair[1].value))
        return found

    def item(self, task_id: int) -> yaml.MappingNode:
        for item in self.items():
            pair = self._child(item, "id")
            if pair and isinstance(pair[1], yaml.ScalarNode) and pair[1].value == str(task_id):
                return item
        raise no_item(task_id)

    # --- positions ---------------------------------------------------------------------

    def _line_start(self, index: int) -> int:
        return max(self.text.rfind("\n", 0, index), self.text.rfind("\r", 0, index)) + 1

    def _refuse_marked(self, what: str, start: int, end: int) -> None:
        """Refuse to edit text holding an anchor, an alias or an explicit tag: the edit could
        change another item (an alias) or fold into a neighbour; she edits those by hand."""
        if any(start <= at < end for at in self.marked):
            line = self.text.count("\n", 0, start) + self.text.count("\r", 0, start) \
                - self.text.count("\r\n", 0, start) + 1
            raise WriteRefused("anchor_edit_by_hand", path=self.path, line=line, what=what)

    def _guard(self, task_id: int, key: str | None = None) -> None:
        """Refuse to edit an item that an anchor, an alias or an explicit tag touches."""
        self._guard_item(self.item(task_id), f"#{task_id}" + (f" {key}" if key else ""))

    def _guard_item(self, item: yaml.Node, what: str) -> None:
        self._refuse_marked(what, self.tasks.start_mark.index, self.tasks.start_mark.index + 1)
        start = item.start_mark.index
        dash = self.text.rfind("-", 0, start)
        if dash >= 0 and not self.text[dash + 1:start].strip():
            start = dash  # a block item: from its dash (an anchor may sit right after it)
        self._refuse_marked(what, start, max(item.end_mark.index, item.start_mark.index + 1))

    @staticmethod
    def _leaf(node: yaml.Node) -> yaml.Node:
        """The last scalar inside ``node``: block collections' own end marks run on to the next token."""
        while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
            last = node.value[-1]
            node = last[1] if isinstance(last, tuple) else last
        return node

    def _content_end(self, node: yaml.Node) -> int:
        """Where a node's own characters end: a block scalar's span runs on over blank lines."""
        leaf = self._leaf(node)
        start, end = leaf.start_mark.index, leaf.end_mark.index
        if isinstance(leaf, yaml.ScalarNode) and leaf.style in ("|", ">"):
            return start + len(self.text[start:end].rstrip())
        return end

    def _after_line(self, node: yaml.Node) -> int:
        """The index just past the line on which ``node``'s content ends (past its line break)."""
        found = LINE_BREAK.search(self.text, self._content_end(node))
        if found is None:
            self.text += self.newline
            return len(self.text)
        return found.end()

    def _colon_after(self, key_node: yaml.Node) -> int:
        """The index of the ':' that ends a block key; refuses shapes gk does not edit."""
        colon = self.text.find(":", key_node.end_mark.index)
        if colon == -1 or self.text[key_node.end_mark.index:colon].strip():
            raise WriteRefused("no_colon_value", path=self.path, line=key_node.start_mark.line + 1,
                               key=key_node.value)
        return colon

    def _splice(self, start: int, end: int, new: str) -> None:
        self.text = self.text[:start] + new + self.text[end:]
        self._parse()

    def _entry_line(self, node: yaml.Node, refusal: Exception) -> tuple[int, int]:
        """Where a block list entry's line starts and where its dash is; raises ``refusal``
        when anything but indentation stands before the dash on that line."""
        dash = self.text.rfind("-", 0, node.start_mark.index)
        start = self._line_start(dash)
        if dash < 0 or self.text[start:dash].strip():
            raise refusal
        return start, dash

    def _owns_its_lines(self, key_node: yaml.Node) -> bool:
        start = self._line_start(key_node.start_mark.index)
        return self.text[start:key_node.start_mark.index].strip() == ""

    # --- edits ---------------------------------------------------------------------------

    def set_field(self, task_id: int, key: str, value: Value) -> None:
        """Set a field of an item, replacing just its value, or adding it after the last field."""
        item, pair = self._field_to_edit(task_id, key)
        if pair is None:
            self._add_field(item, key, value)
            return
        key_node, node = pair
        if isinstance(value, list):
            self._replace_list(task_id, key, value)
            return
        if self._same(node, value):
            return  # leave her spelling and quoting alone
        quote = node.style if isinstance(node, yaml.ScalarNode) and node.style in ("'", '"') else None
        new = emit_scalar(value, quote, flow=bool(item.flow_style))
        if isinstance(node, yaml.ScalarNode) and node.start_mark.index == node.end_mark.index:
            colon = self._colon_after(key_node)
            self._splice(colon + 1, colon + 1, " " + new)  # `key:` with nothing after it
            return
        self._splice(node.start_mark.index, self._content_end(node), new)

    def _field_to_edit(self, task_id: int, key: str
                       ) -> tuple[yaml.MappingNode, tuple[yaml.Node, yaml.Node] | None]:
        """The item and its field ``key`` (None when it has none), once the item may be edited."""
        self._guard(task_id, key)
        item = self.item(task_id)
        return item, self._child(item, key)

    def _item_for_a_new_list(self, task_id: int, key: str,
                             pair: tuple[yaml.Node, yaml.Node] | None) -> yaml.MappingNode | None:
        """The item, where its list ``key`` is still to be made: the field is missing, or written
        ``key:`` with nothing after it (that line goes). None where the field holds something."""
        if pair is not None and not (isinstance(pair[1], yaml.ScalarNode) and pair[1].value == ""):
            return None
        if pair is not None:
            self.remove_field(task_id, key)
        return self.item(task_id)

    @staticmethod
    def _same(node: yaml.Node, value: object) -> bool:
        if not isinstance(node, yaml.ScalarNode):
            return False
        try:
            current = yaml.constructor.SafeConstructor().construct_object(node)
        except (yaml.YAMLError, ValueError):
            return False
        return type(current) is type(value) and current == value

    def _pair(self, task_id: int, key: str) -> tuple[yaml.Node, yaml.Node]:
        """The (key, value) nodes of a field the item is known to have."""
        pair = self._child(self.item(task_id), key)
        assert pair is not None, key  # callers edit a field they have just found or added
        return pair

    def _replace_list(self, task_id: int, key: str, values: list[str]) -> None:
        """Replace a list field; in a block list, items that stay keep their lines and comments."""
        key_node, node = self._pair(task_id, key)
        block = isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value
        if block and values:
            old = len(node.value)
            for value in values[old:]:
                self.append_to_list(task_id, key, value)
            for index in reversed(range(len(values), old)):
                item = self._pair(task_id, key)[1].value[index]
                dash = self.text.rfind("-", 0, item.start_mark.index)
                self._splice(self._line_start(dash), self._after_line(item), "")
            for index, value in enumerate(values[:old]):
                item = self._pair(task_id, key)[1].value[index]
                if not self._same(item, value):
                    self._splice(item.start_mark.index, item.end_mark.index, emit_scalar(value))
            return
        if isinstance(node, yaml.SequenceNode) and node.flow_style and node.value and values:
            self._splice(node.start_mark.index, node.end_mark.index, emit_flow_list(values))
            return
        self._replace_value(key_node, node, emit_flow_list(values))

    def _replace_value(self, key_node: yaml.Node, node: yaml.Node, text: str) -> None:
        """Put ``text`` after ``key:`` in place of the value there (or of nothing, ``key:``)."""
        colon = self._colon_after(key_node)
        end = self._content_end(node) if node.end_mark.index > colon else colon + 1
        self._splice(colon + 1, end, " " + text)

    def _add_field(self, item: yaml.MappingNode, key: str, value: Value) -> None:
        last_key, last_value = item.value[-1]
        if item.flow_style:
            new = f", {key}: " + (emit_flow_list(value) if isinstance(value, list) else emit_scalar(value, flow=True))
            self._splice(last_value.end_mark.index, last_value.end_mark.index, new)
            return
        indent = " " * item.value[0][0].start_mark.column
        at = self._after_line(last_value)
        self._splice(at, at, self._block_field(indent, key, value))

    def _block_field(self, indent: str, key: str, value: Value) -> str:
        nl = self.newline
        if isinstance(value, list) and value:
            items = "".join(f"{indent}  - {emit_scalar(v)}{nl}" for v in value)
            return f"{indent}{key}:{nl}{items}"
        if isinstance(value, list):
            return f"{indent}{key}: []{nl}"
        return f"{indent}{key}: {emit_scalar(value)}{nl}"

    def remove_field(self, task_id: int, key: str) -> None:
        item, pair = self._field_to_edit(task_id, key)
        if pair is None:
            return
        key_node, node = pair
        if item.flow_style:
            index = [k for k, _ in item.value].index(key_node)
            start = item.value[index - 1][1].end_mark.index if index else key_node.start_mark.index
            end = node.end_mark.index if index else item.value[1][0].start_mark.index
            self._splice(start, end, "")
            return
        if not self._owns_its_lines(key_node):
            raise WriteRefused("field_shares_line", id=task_id, key=key)
        self._splice(self._line_start(key_node.start_mark.index), self._after_line(node), "")

    def append_to_list(self, task_id: int, key: str, entry: str) -> None:
        """Add ``entry`` at the end of an item's list field, in the list's own style."""
        item, pair = self._field_to_edit(task_id, key)
        new_list_in = self._item_for_a_new_list(task_id, key, pair)
        if new_list_in is not None:
            self._add_field(new_list_in, key, [entry])
            return
        assert pair is not None  # _item_for_a_new_list answers None only where the list is
        key_node, node = pair
        if not isinstance(node, yaml.SequenceNode):
            raise WriteRefused("field_not_list", id=task_id, key=key)
        self._append_entry(node, entry)

    def _append_entry(self, node: yaml.SequenceNode, entry: str) -> None:
        """Add ``entry`` at the end of a list node, in the list's own style (flow or block)."""
        if node.flow_style:
            if node.value:
                at = node.value[-1].end_mark.index
                self._splice(at, at, ", " + emit_flow_list([entry])[1:-1])
            else:
                at = self.text.index("[", node.start_mark.index) + 1
                self._splice(at, at, emit_flow_list([entry])[1:-1])
            return
        indent = " " * node.start_mark.column
        at = self._after_line(node.value[-1])
        self._splice(at, at, f"{indent}- {emit_scalar(entry)}{self.newline}")

    def add_item(self, fields: dict[str, Value], after: int | None = None) -> None:
        """Add a new item after item ``after`` (else after the last one), shaped like the
        items already there."""
        items = self.items()
        self._refuse_marked("tasks", self.tasks.start_mark.index, self.tasks.start_mark.index + 1)
        if after is not None and items:
            anchor = self.item(after)
            items = items[: items.index(anchor) + 1]
        if items:
            self._guard_item(items[-1], "tasks")
        nl = self.newline
        if not items:
            if isinstance(self.tasks, yaml.SequenceNode) and self.tasks.value:
                raise WriteRefused("tasks_not_items", path=self.path)
            indent = " " * (self.tasks_key.start_mark.column + 2)
            body = self._item_text(fields, indent, list_style_block=True)
            colon = self._colon_after(self.tasks_key)
            end = self.tasks.end_mark.index if self.tasks.end_mark.index > colon else colon + 1
            self._splice(colon + 1, end, nl + body.rstrip(nl))
            return
        if isinstance(self.tasks, yaml.SequenceNode) and self.tasks.flow_style:  # items: a list
            flow = "{" + ", ".join(
                f"{k}: {emit_flow_list(v) if isinstance(v, list) else emit_scalar(v, flow=True)}"
                for k, v in fields.items()) + "}"
            at = items[-1].end_mark.index
            self._splice(at, at, ", " + flow)
            return
        indent = " " * self.tasks.start_mark.column
        first_assist = self._child(items[0], "assist")
        block_lists = not (first_assist and getattr(first_assist[1], "flow_style", False))
        body = self._item_text(fields, indent, list_style_block=block_lists)
        gap = nl if len(items) > 1 and self._blank_line_between(items[-2], items[-1]) else ""
        at = self._after_line(items[-1])
        self._splice(at, at, gap + body)

    def _blank_line_between(self, first: yaml.Node, second: yaml.Node) -> bool:
        between = self.text[self._leaf(first).end_mark.index:second.start_mark.index]
        return any(line.strip() == "" for line in between.splitlines()[1:])

    def _item_text(self, fields: dict[str, Value], indent: str, list_style_block: bool) -> str:
        nl = self.newline
        lines = []
        for n, (key, value) in enumerate(fields.items()):
            lead = f"{indent}- " if n == 0 else f"{indent}  "
            if isinstance(value, list) and list_style_block and value:
                lines.append(f"{lead}{key}:")
                lines.extend(f"{indent}    - {emit_scalar(v)}" for v in value)
            elif isinstance(value, list):
                lines.append(f"{lead}{key}: {emit_flow_list(value)}")
            else:
                lines.append(f"{lead}{key}: {emit_scalar(value)}")
        return nl.join(lines) + nl

    def remove_item(self, task_id: int) -> None:
        self._guard(task_id)
        item = self.item(task_id)
        items = self.items()
        if isinstance(self.tasks, yaml.SequenceNode) and self.tasks.flow_style:  # item(): a list
            index = items.index(item)
            start = items[index - 1].end_mark.index if index else item.start_mark.index
            end = item.end_mark.index if index or len(items) == 1 else items[1].start_mark.index
            self._splice(start, end, "")
            return
        start, _ = self._entry_line(item, GkError("item_shares_line", id=task_id))
        end = self._after_line(item)
        if self.text[start - 1:start] == "\r" and self.text[end:end + 1] == "\n":
            end += 1  # a bare CR before the item and a blank line after: never join them as CRLF
        before = self.text[:start]
        after = self.text[end:]
        if before.endswith(self.newline * 2) and (after.startswith(self.newline) or not after.strip()):
            start -= len(self.newline)  # don't leave two blank lines where one item was
        colon = self._colon_after(self.tasks_key) if len(items) == 1 else None
        self._splice(start, end, "")
        if colon is not None:  # the list is empty now: say so, keep the comments around it
            self._splice(colon + 1, colon + 1, " []")

    # --- the table over time: notes in date order, extensions, meetings ------------------

    def _mapping_lines(self, indent: str, fields: dict[str, Value]) -> str:
        """``- k: v`` then ``  k2: v2`` lines, one list entry of a block list."""
        nl = self.newline
        lines = [f"{indent}{'- ' if n == 0 else '  '}{k}: {emit_scalar(v)}"
                 for n, (k, v) in enumerate(fields.items())]
        return nl.join(lines) + nl

    def _entry_at(self, mapping: yaml.Node, key: str,
                  index: int) -> tuple[yaml.SequenceNode, yaml.Node] | None:
        """The list under ``key`` and its entry ``index``; None when there is no such list or
        ``index`` is past its end (the caller appends instead)."""
        pair = self._child(mapping, key)
        node = pair[1] if pair else None
        if not isinstance(node, yaml.SequenceNode) or index >= len(node.value):
            return None
        return node, node.value[index]

    def insert_into_list(self, task_id: int, key: str, index: int, entry: str) -> None:
        """Put ``entry`` before the list's entry ``index`` (at the end when past it)."""
        found = self._entry_at(self.item(task_id), key, index)
        if found is None:
            self.append_to_list(task_id, key, entry)
            return
        node, before = found
        if node.flow_style:
            at = before.start_mark.index
            self._splice(at, at, emit_flow_list([entry])[1:-1] + ", ")
            return
        start, dash = self._entry_line(before, WriteRefused("field_shares_line", id=task_id, key=key))
        indent = self.text[start:dash]
        self._splice(start, start, f"{indent}- {emit_scalar(entry)}{self.newline}")

    def append_mapping(self, task_id: int, key: str, fields: dict[str, Value]) -> None:
        """Add a mapping at the end of an item's block list ``key`` (made when missing)."""
        item = self.item(task_id)
        if item.flow_style:
            raise WriteRefused("item_one_line", id=task_id, key=key)
        pair = self._child(item, key)
        new_list_in = self._item_for_a_new_list(task_id, key, pair)
        if new_list_in is not None:
            indent = " " * new_list_in.value[0][0].start_mark.column
            at = self._after_line(new_list_in.value[-1][1])
            self._splice(at, at, f"{indent}{key}:{self.newline}"
                         + self._mapping_lines(indent + "  ", fields))
            return
        assert pair is not None  # _item_for_a_new_list answers None only where the list is
        node = pair[1]
        if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
            raise WriteRefused("field_not_block_list", id=task_id, key=key)
        self._append_mapping_entry(node, fields)

    def _append_mapping_entry(self, node: yaml.SequenceNode, fields: dict[str, Value]) -> None:
        """Add ``fields`` as the last entry of the block list ``node``, indented as its last one."""
        dash = self.text.rfind("-", 0, node.value[-1].start_mark.index)
        indent = self.text[self._line_start(dash):dash]
        at = self._after_line(node.value[-1])
        self._splice(at, at, self._mapping_lines(indent, fields))

    def append_top_level(self, key: str, fields: dict[str, Value], comment: str = "") -> None:
        """Add a mapping at the end of the top-level block list ``key`` (made at the end of
        the file when missing)."""
        pair = self._child(self.root, key)
        nl = self.newline
        if pair is None:
            if not self.text.endswith("\n"):
                self.text += nl
            head = f"{nl}{comment}{nl}" if comment else nl
            self._splice(len(self.text), len(self.text),
                         f"{head}{key}:{nl}" + self._mapping_lines("  ", fields))
            return
        key_node, node = pair
        if isinstance(node, yaml.ScalarNode) and node.value == "":
            colon = self._colon_after(key_node)
            self._splice(colon + 1, colon + 1, nl + self._mapping_lines("  ", fields).rstrip(nl))
            return
        if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
            raise WriteRefused("key_not_block_list", path=self.path, key=key)
        self._append_mapping_entry(node, fields)

    def top_level_entries(self, key: str) -> list[dict[str, str]]:
        """The scalar fields, as written, of each mapping in the top-level list ``key``
        (an entry that is not a mapping gives {}); [] when there is no such list."""
        pair = self._child(self.root, key)
        if pair is None or not isinstance(pair[1], yaml.SequenceNode):
            return []
        return [{k.value: v.value for k, v in entry.value
                 if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)}
                if isinstance(entry, yaml.MappingNode) else {} for entry in pair[1].value]

    def insert_top_level(self, key: str, index: int, fields: dict[str, Value],
                         comment: str = "") -> None:
        """Put a mapping before entry ``index`` of the top-level block list ``key`` (at the end,
        made when missing, when ``index`` is past its last entry)."""
        found = self._entry_at(self.root, key, index)
        if found is None:
            self.append_top_level(key, fields, comment)
            return
        node, before = found
        if node.flow_style:
            raise WriteRefused("key_not_block_list", path=self.path, key=key)
        start, dash = self._entry_line(before, WriteRefused("key_not_block_list", path=self.path,
                                                            key=key))
        self._splice(start, start, self._mapping_lines(self.text[start:dash], fields))

    # --- reporting: (gk reported) -------------------------------------------------------

    def append_to_reporting(self, index: int, key: str, entry: str) -> None:
        """Add ``entry`` at the end of a list field of the ``index``-th ``reporting:`` declaration."""
        def declaration() -> yaml.MappingNode:
            pair = self._child(self.root, "reporting")
            found: list[yaml.Node] = (pair[1].value if pair and isinstance(pair[1], yaml.SequenceNode)
                                      else [])
            node = found[index] if index < len(found) else None
            if not isinstance(node, yaml.MappingNode):
                raise WriteRefused("no_reporting_decl", path=self.path, n=index + 1)
            return node

        decl = declaration()
        self._refuse_marked(f"reporting {index + 1}", decl.start_mark.index,
                            max(decl.end_mark.index, decl.start_mark.index + 1))
        pair = self._child(decl, key)
        if pair is None:
            self._add_field(decl, key, [entry])
            return
        key_node, node = pair
        if not isinstance(node, yaml.SequenceNode) or (not node.flow_style and not node.value):
            raise WriteRefused("not_a_list_to_add", path=self.path, line=key_node.start_mark.line + 1,
                               key=key)
        self._append_entry(node, entry)
