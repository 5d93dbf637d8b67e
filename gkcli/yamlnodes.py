"""Reading YAML as positioned nodes, with PyYAML's safe loader (C version when present).

PyYAML silently keeps the last of two equal keys; gk composes the node tree
itself so it can report duplicates, and every value keeps its line and column.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from gkcli.errors import Problem, clip

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_COLLECTION_TAGS: dict[type, str] = {yaml.SequenceNode: Loader.DEFAULT_SEQUENCE_TAG,
                                     yaml.MappingNode: Loader.DEFAULT_MAPPING_TAG}


class _Composer(Loader):  # type: ignore[misc,valid-type]
    """The safe loader, composing with each scalar's tag worked out once per process.

    Without path resolvers (gk adds none) a node's implicit tag depends only on its kind,
    its text and whether it was plain, and a table repeats its keys and most of its words
    (offices, states, deadlines) thousands of times: PyYAML's resolver is Python, run for
    every node, and this is most of what it costs."""

    # shared by every file of a process (gk --all reads hundreds): the implicit resolvers are
    # the class's own, never changed, so a scalar's tag is the same in every file
    _tags: dict[tuple[str, bool], str] = {}

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]
        if kind is not yaml.ScalarNode:  # as BaseResolver.resolve gives them
            return _COLLECTION_TAGS[kind]
        memo = (value, implicit[0])
        tag = self._tags.get(memo)
        if tag is None:
            if len(self._tags) > 200_000:  # bounded whatever the files hold
                self._tags.clear()
            tag = self._tags[memo] = super().resolve(kind, value, implicit)
        return tag


CONFLICT_MARKER = re.compile(r"^(<<<<<<<|=======|>>>>>>>)(\s|$)", re.MULTILINE)


def position(node: yaml.Node) -> tuple[int, int]:
    """1-based (line, column) of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1


MAX_DEPTH = 64  # lists and mappings nested deeper than this are refused (no RecursionError)
MAX_ALIAS_NODES = 10_000  # aliases may add at most this many nodes when expanded (no alias bomb)


class Composed:
    """A document's root node and the start offsets of nodes that carry an anchor or an
    explicit tag, or that an alias repeats: gk does not edit those (see :mod:`gkcli.yamledit`)."""

    def __init__(self, root: yaml.Node, marked: frozenset[int]):
        self.root = root
        self.marked = marked


def _scan(text: str, path: str) -> tuple[frozenset[int], list[Problem]]:
    """One pass over the parser's events: bound the nesting and what aliases expand to, and
    note where anchors, aliases and explicit tags are, before any node is built."""
    marked: set[int] = set()
    sizes: dict[str, int] = {}  # anchor -> nodes in the anchored subtree
    open_: list[tuple[str | None, int]] = []  # collections being read: (anchor, count at start)
    count = extra = 0  # nodes as expanded; nodes that aliases add
    for event in yaml.parse(text, Loader=Loader):
        mark: Any = event.start_mark  # the parser always sets it
        if isinstance(event, yaml.AliasEvent):
            marked.add(mark.index)
            size = sizes.get(event.anchor or "", 1)
            count += size  # what the alias stands for counts in full, nested aliases too
            extra += size
            if extra > MAX_ALIAS_NODES:
                line, col = mark.line + 1, mark.column + 1
                return frozenset(), [Problem(path, line, col, "alias_bomb", {"limit": MAX_ALIAS_NODES})]
            continue
        if not isinstance(event, yaml.NodeEvent):
            if isinstance(event, yaml.CollectionEndEvent):
                anchor, start = open_.pop()
                if anchor:
                    sizes[anchor] = count - start
            continue
        tag = getattr(event, "tag", None)
        if event.anchor or tag not in (None, "!"):
            marked.add(mark.index)
        count += 1
        if isinstance(event, yaml.CollectionStartEvent):
            open_.append((event.anchor, count - 1))
            if len(open_) > MAX_DEPTH:
                line, col = mark.line + 1, mark.column + 1
                return frozenset(), [Problem(path, line, col, "too_deep", {"limit": MAX_DEPTH})]
        elif event.anchor:
            sizes[event.anchor] = 1
    return frozenset(marked), []


_INDICATORS = " \t-?:"  # what may come before a collection starts on its line: indentation, "- ", "? "
# a flow collection with nothing nested in it, on one line: no bracket, and no quote or comment
# that could hide one, between its brackets (a plain scalar in a flow holds no bracket)
_LEAF_FLOW = re.compile(r"\[[^\[\]{}\n\"'#]*\]|\{[^\[\]{}\n\"'#]*\}")


def _needs_scan(text: str) -> bool:
    """Whether :func:`_scan` could find anything: an anchor, alias or tag, or nesting deeper
    than :data:`MAX_DEPTH`. A text without ``&``, ``*`` or ``!`` has no anchor, alias or tag.
    Its nesting is bounded without parsing: block collections nest only by starting further
    right (a sequence may sit at its parent key's column, then the next level must move), so
    at most two levels per column a collection can start at. Each flow level needs its own
    ``[`` or ``{``, and every level but the innermost holds another's: so after taking out the
    one-line flows with nothing nested in them (``assist: [运管股, 安监股]``, thousands in a
    large table), the brackets left, plus one, bound the flow levels. Only when that bound is
    too high is the text scanned (most files never are).
    """
    if "&" in text or "*" in text or "!" in text:
        return True
    widest = max((len(line) - len(line.lstrip(_INDICATORS)) for line in text.splitlines()),
                 default=0)
    block = 2 * (widest + 1)
    if block + text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    rest, leaves = _LEAF_FLOW.subn("", text)
    return block + rest.count("[") + rest.count("{") + (1 if leaves else 0) > MAX_DEPTH


@lru_cache(maxsize=1)
def _nesting_bounded() -> bool:
    """Whether the C loader refuses deep nesting itself, so composing first cannot recurse
    without bound. Released libyaml (0.2.5) does not: it composes 1,100 levels and the process
    dies between 20,000 and 40,000, so there every text goes through :func:`scanned`, where
    :func:`_needs_scan`'s bound alone decides whether the events are scanned first. A libyaml
    built with a nesting limit (its development line stops at 1,000) takes the cheaper path."""
    if Loader is yaml.SafeLoader:
        return False
    deep = "[" * 1100 + "]" * 1100
    try:
        yaml.compose(deep, Loader=Loader)
    except yaml.YAMLError:
        return True
    return False


def _plain(text: str) -> bool:
    """A text with no anchor, alias or tag (no ``&``, ``*`` or ``!`` anywhere), which the C
    loader composes safely: :func:`_scan` would mark nothing and find no alias to bound, so
    only the nesting is left to check — by the text's bound (:func:`_needs_scan`), else on
    the tree (:func:`_depth_within`), either much cheaper than a pass over the parser's
    events (a large table with flow lists passes the bound). Any other text takes that pass."""
    return "&" not in text and "*" not in text and "!" not in text and _nesting_bounded()


def _depth_within(root: yaml.Node | None) -> bool:
    """No list or mapping in the tree is nested deeper than :data:`MAX_DEPTH` (the tree of a
    text without aliases: every node once). A deeper one is left to :func:`_scan` to report."""
    scalar = yaml.ScalarNode
    stack = [(root, 1)] if isinstance(root, (yaml.MappingNode, yaml.SequenceNode)) else []
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if node.__class__ is yaml.MappingNode:
            for key, value in node.value:
                if value.__class__ is not scalar:
                    stack.append((value, depth + 1))
                if key.__class__ is not scalar:
                    stack.append((key, depth + 1))
        else:
            stack.extend((child, depth + 1) for child in node.value if child.__class__ is not scalar)
    return True


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while building node trees and the Table.

    The trees hold no cycles, yet every allocation counts towards a collection that then
    walks every node made so far: from 10,000 items up that is most of the parse time and
    makes it grow faster than the file. Reference counting still frees everything; the
    collector is switched back on (if it was on) however the block ends.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def compose(text: str, path: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The document's root node, or the problems that stop it from being read."""
    composed, problems = compose_marked(text, path)
    return (composed.root if composed else None), problems


def compose_marked(text: str, path: str) -> tuple[Composed | None, list[Problem]]:
    """:func:`compose`, with the offsets of anchored, aliased and tagged nodes."""
    if _plain(text) and not CONFLICT_MARKER.search(text):
        with gc_paused():  # nothing to mark, no alias: compose, then bound the nesting
            try:
                root = yaml.compose(text, Loader=_Composer)
            except yaml.YAMLError:
                pass  # the full path reports it, as it always has
            else:
                if not _needs_scan(text) or _depth_within(root):
                    return (Composed(root, frozenset()) if root is not None else None), []
    return scanned(text, path)


def scanned(text: str, path: str, always: bool = False) -> tuple[Composed | None, list[Problem]]:
    """:func:`compose_marked` the full way, for any text: the events scanned first when the
    scan could find anything (or ``always``)."""
    marker = CONFLICT_MARKER.search(text)
    if marker:
        line = text.count("\n", 0, marker.start()) + 1
        return None, [Problem(path, line, 1, "conflict_marker")]
    try:
        with gc_paused():
            marked, problems = (_scan(text, path) if always or _needs_scan(text)
                                else (frozenset(), []))
            if problems:
                return None, problems
            root = yaml.compose(text, Loader=_Composer)
        return (Composed(root, marked) if root is not None else None), []
    except yaml.MarkedYAMLError as exc:
        return None, [syntax_problem(text, path, exc)]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1, 1, "yaml.other", {"detail": clip(str(exc).splitlines()[0], 120)})]


def load_data(text: str) -> Any:
    """The text as plain Python data by the safe loader, for the quick readers that need no
    positions (completion, the history's snapshots, the merge's units, a 文号); raises
    ``yaml.YAMLError`` for text gk would not read — nested deeper than :data:`MAX_DEPTH` or
    an alias bomb among them (libyaml itself would recurse until the process died)."""
    if _needs_scan(text):
        _marked, problems = _scan(text, "")
        if problems:
            raise yaml.YAMLError(problems[0].message)
    return yaml.load(text, Loader=Loader)  # noqa: S506 - a safe loader (CSafeLoader/SafeLoader)


# compiled on first use (by re's cache), for a file with a syntax error
_KEY_NO_SPACE = r"^\s*(?:-\s+)?(?P<key>[A-Za-z_][A-Za-z0-9_]*):(?P<value>[^\s].*)$"
_VALUE_COLON = r"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*:\s+[^'\"#].*?: "


def syntax_problem(text: str, path: str, exc: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error in plain words, with the fix, on the line where the mistake is.

    PyYAML reports where it gave up, often a line or two after the mistake; the lines
    up to there are searched for the usual slips of hand-editing: ``status:todo``
    (no space after the colon), a title holding an ASCII ``: ``, a tab, an open quote.
    """
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    context = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    start = (exc.context_mark.line if exc.context_mark else line - 1) - 1
    for n in range(max(0, min(start, line - 3)), min(line, len(lines))):
        source = lines[n]
        body = source.split(" #")[0]
        if "\t" in source[: len(source) - len(source.lstrip())]:
            return Problem(path, n + 1, 1, "yaml.tab")
        m = re.match(_KEY_NO_SPACE, body)
        if m and not m["value"].startswith(("//", ":")):
            return Problem(path, n + 1, body.index(":") + 1, "yaml.colon_space",
                           {"key": m["key"], "value": m["value"].strip()})
        if re.match(_VALUE_COLON, body):
            return Problem(path, n + 1, body.index(": ", body.index(":") + 1) + 1,
                           "yaml.colon_in_value")
    if "quoted scalar" in context:
        return Problem(path, (exc.context_mark.line + 1) if exc.context_mark else line, col,
                       "yaml.quote")
    if any(w in context for w in ("indent", "block end", "expected '-'", "block mapping")):
        return Problem(path, line, col, "yaml.indent")
    return Problem(path, line, col, "yaml.syntax", {"detail": clip(context, 120)})


_STR = "tag:yaml.org,2002:str"


class NodeReader:
    """Turns nodes into Python values while collecting positioned problems."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self._constructor = SafeConstructor()

    def problem(self, node: yaml.Node, message: str, /, **params: Any) -> None:
        """Record a problem at ``node``: a catalogue key and its values."""
        line, col = position(node)
        self.problems.append(Problem(self.path, line, col, message, params))

    def value(self, node: yaml.Node) -> Any:
        """The Python value of a node (scalars, lists, mappings), or None if it cannot be built."""
        if node.tag == _STR and node.__class__ is yaml.ScalarNode:
            return node.value  # what SafeConstructor makes of a str scalar, without its calls
        try:
            return self._constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError, TypeError) as exc:
            self.problem(node, "cannot_read_value", detail=str(exc).split("\n")[0])
            return None

    def mapping(self, node: yaml.Node, where: object, required: tuple[str, ...] = (),
                optional: tuple[str, ...] = ()) -> dict[str, yaml.Node] | None:
        """Key → value node of a mapping, reporting duplicate, unknown and missing keys."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, "must_be_mapping", where=where)
            return None
        allowed = required + optional
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.problem(key_node, "field_names_words", where=where)
                continue
            if key in found:
                line, _ = position(found[key])
                self.problem(key_node, "duplicate_field", where=where, key=key, line=line)
                continue
            if key not in allowed:
                import difflib  # only to suggest a key for a mistyped one

                close = difflib.get_close_matches(key, allowed, n=1)
                if close:
                    self.problem(key_node, "unknown_field_hint", where=where, key=key, hint=close[0])
                else:
                    self.problem(key_node, "unknown_field", where=where, key=key)
                continue
            found[key] = value_node
        for key in required:
            if key not in found:
                self.problem(node, "missing_field", where=where, key=key)
        return found

    def entries(self, node: yaml.Node | None, where: object, required: tuple[str, ...],
                optional: tuple[str, ...] = (), entry: object = None
                ) -> Iterator[dict[str, yaml.Node]]:
        """The mappings in the list ``node`` that hold every ``required`` key, as :meth:`mapping`
        gives them; what is wrong with the others is a problem, under ``entry`` (default
        ``where``). A list that is not there (None) has none."""
        for item in self.sequence(node, where) if node is not None else []:
            fields = self.mapping(item, where if entry is None else entry, required, optional)
            if fields and all(key in fields for key in required):
                yield fields

    def sequence(self, node: yaml.Node, where: object) -> list[yaml.Node]:
        """The items of a list; an empty value (``tasks:`` with nothing yet) is an empty list."""
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "must_be_list", where=where)
            return []
        return list(node.value)

    def text(self, node: yaml.Node, where: object, allow_empty: bool = False) -> str | None:
        value = self.value(node) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem(node, "must_be_text", where=where)
            return None
        text = str(value).strip()
        if not text and not allow_empty:
            self.problem(node, "is_empty", where=where)
            return None
        return text

    def integer(self, node: yaml.Node, where: object) -> int | None:
        value = self.value(node) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(node, "must_be_integer", where=where)
            return None
        return value

    def texts(self, node: yaml.Node, where: object) -> list[tuple[str, yaml.Node]]:
        """A list of text values; a single text counts as a list of one."""
        if isinstance(node, yaml.ScalarNode):
            if self.value(node) is None:
                return []
            items: list[yaml.Node] = [node]
        else:
            items = self.sequence(node, where)
        result: list[tuple[str, yaml.Node]] = []
        for item in items:
            text = self.text(item, where)
            if text is not None:
                result.append((text, item))
        return result
