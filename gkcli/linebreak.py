"""Breaking Chinese cell text into lines, and sharing a table's width among its columns.

Core only (no rich): the rich views and the plain writer (:mod:`gkcli.plaintable`) both
break cells here, so a table reads the same whichever draws it.

- Widths are terminal cells: East Asian wide and full-width characters count two.
- Text (a title, a deadline) may break between any two Chinese characters, never inside a
  run of Latin letters or digits, and by the classic 避头尾 (kinsoku) rule: closing
  punctuation such as ，。、；：）」』】》！？ never starts a line, and an opening bracket such
  as （「『【《 never ends one.
- Names (offices, people: the tokens between 、，,；) are never split: lines break only
  after a separator, which stays at the end of its line.
- Only a piece wider than the whole line is broken inside (names by the text rules, then
  at any character), so no line is ever wider than asked for.

:func:`fit` gives each column of a table its width: every column its natural width when
the table fits; otherwise the flexible column (具体事项) gives way first, down to a sensible
minimum, then the other columns down to their widest unbreakable piece.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from gkcli.values import Value

# 避头尾: never at the start of a line / never at the end of a line.
NO_START = frozenset(
    "，。、；：？！）」』】》〕〉〗〙〛｝］’”…‥·・～—ー％‰°℃﹞﹚﹜"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻"
    ",.;:?!)]}%-/")
NO_END = frozenset("（「『【《〔〈〖〘〚｛［‘“﹝﹙﹛([{")
DATE_UNITS, DATE_SUFFIXES = frozenset("年月日天周"), frozenset("前底末内中初")  # 6月底, 17日前
NAME_SEPARATORS = frozenset("、，,；;：")  # ： after a label (牵头股室：综合股)
OPENING = frozenset("（「『【《〔〈〖〘〚｛［﹝﹙﹛([{")
CLOSING = frozenset("）」』】》〕〉〗〙〛｝］﹞﹚﹜)]}")
TEXT, NAMES, HEADING = "text", "names", "heading"
PLAIN_ABOVE = 200  # rows; longer tables are written by gkcli.plaintable, shorter ones by the views
ASIDE = "aside"  # a name too wide for the line: between its brackets, 运管股（政策法规股）|（2021-09）
SEPARATORS = {NAMES: NAME_SEPARATORS, HEADING: frozenset("/")}  # besides spaces


class _Widths(dict[str, int]):
    """Terminal cells of each character, worked out once per character: CJK counts two."""

    def __missing__(self, ch: str) -> int:
        if unicodedata.combining(ch):
            found = 0
        else:
            found = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        self[ch] = found
        return found


WIDTHS = _Widths()
char_width = WIDTHS.__getitem__


def cell_len(text: str) -> int:
    """How many terminal cells ``text`` takes (as rich's ``cell_len`` counts them)."""
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))


def _may_break(a: str, b: str) -> bool:
    """May a line end between the characters ``a`` and ``b`` of a text?"""
    if b in NO_START or a in NO_END or b == " ":
        return False
    if a == " ":
        return True  # unless an opening bracket stands before the spaces: see _may_break_at
    if a.isdigit() and a.isascii():  # a number keeps its unit: 7月, 338天, 26个
        return False
    if a in DATE_UNITS and b in DATE_SUFFIXES:  # a date keeps its 底 or 前: 6月底, 17日前
        return False
    return char_width(a) == 2 or char_width(b) == 2  # never inside a Latin word or a number


def _may_break_at(text: str, i: int) -> bool:
    """May a line end before ``text[i]``? As :func:`_may_break`, looking past spaces: 《 0
    does not leave 《 at the end of a line."""
    a = text[i - 1]
    if a == " ":
        solid = text[:i].rstrip(" ")
        if solid and solid[-1] in NO_END:
            return False
    return _may_break(a, text[i])


def _sized(text: str, kind: str) -> list[tuple[str, int]]:
    """The pieces of ``text`` (see :func:`pieces`), each with the cells it takes."""
    found: list[tuple[str, int]] = []
    if not text:
        return found
    widths = WIDTHS
    start, used = 0, widths[text[0]]
    if kind in SEPARATORS or kind == ASIDE:  # not inside brackets: 局各股室（中队、站）
        separators, depth = SEPARATORS.get(kind, frozenset()), 0
        for i in range(1, len(text)):
            a, b = text[i - 1], text[i]
            depth += (a in OPENING) - (a in CLOSING and depth > 0)
            if depth == 0 and (kind == ASIDE and a in CLOSING and b in OPENING
                               or (a in separators or a == " ") and b != " " and b not in NO_START):
                found.append((text[start:i], used))
                start, used = i, 0
            used += widths[b]
    else:
        a = text[0]
        for i in range(1, len(text)):
            b = text[i]
            w = widths[b]
            if (_may_break_at(text, i) if a == " " else _may_break(a, b)):
                found.append((text[start:i], used))
                start, used = i, 0
            used += w
            a = b
    found.append((text[start:], used))
    return found


def pieces(text: str, kind: str = TEXT) -> list[str]:
    """``text`` cut where a line may end: the pieces joined give ``text`` back."""
    return [piece for piece, _ in _sized(text, kind)]


def _span(piece: str, cells: int) -> int:
    """The cells a piece needs at the end of a line (its trailing spaces can hang)."""
    return cells - (len(piece) - len(piece.rstrip(" "))) if piece[-1:] == " " else cells


def widest(text: str, kind: str = TEXT) -> int:
    """The widest piece of ``text``: the narrowest column that never breaks inside one."""
    return max((_span(p, n) for p, n in _sized(text, kind)), default=0)


def _chars(piece: str, width: int) -> Iterable[tuple[str, int]]:
    """A piece wider than the line, cut at any character (the last resort)."""
    start, used = 0, 0
    for i, ch in enumerate(piece):
        w = char_width(ch)
        if used + w > width and i > start and ch != " ":
            yield piece[start:i], used
            start, used = i, 0
        used += w
    yield piece[start:], used


def _units(text: str, kind: str, width: int) -> Iterable[tuple[str, int]]:
    for piece, cells in _sized(text, kind):
        if _span(piece, cells) <= width:
            yield piece, cells
        elif kind == NAMES:  # a name with its aside too wide: between the two, if it has one
            yield from _units(piece, ASIDE, width)
        elif kind != TEXT:  # a name wider than the line: broken as text is, not anywhere
            yield from _units(piece, TEXT, width)
        else:
            yield from _chars(piece, width)


def wrap(text: str, width: int, kind: str = TEXT) -> list[str]:
    """``text`` in lines of at most ``width`` cells (trailing spaces aside), broken only where
    the rules above allow. A newline in ``text`` always ends a line; otherwise the lines
    joined give ``text`` back."""
    width = max(1, width)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if cell_len(paragraph) <= width:
            lines.append(paragraph)
        elif kind == TEXT:
            lines += _fill_text(paragraph, width)
        else:
            line, used = "", 0
            for unit, cells in _units(paragraph, kind, width):
                if line and used + _span(unit, cells) > width:
                    lines.append(line)
                    line, used = "", 0
                line += unit
                used += cells
            lines.append(line)
    return lines


def _fill_text(text: str, width: int) -> list[str]:
    """:func:`wrap` for text, character by character (a title of a long table is wrapped on
    every row): a line that would overflow ends at the last place a line may end, which is
    where filling piece by piece would end it."""
    lines, widths = [], WIDTHS
    start, used, i, n = 0, 0, 0, len(text)
    while i < n:
        ch = text[i]
        w = widths[ch]
        if used + w > width and i > start and ch != " ":  # spaces hang past the edge
            j = i
            while j > start and not _may_break_at(text, j):
                j -= 1
            if j == start:  # one piece wider than the line: cut where it overflows
                j = i
            lines.append(text[start:j])
            start, used = j, cell_len(text[j:i])
            continue
        used += w
        i += 1
    lines.append(text[start:])
    return lines


# --- a table's columns --------------------------------------------------------------------------

TITLE_MIN = 20  # cells: the title column keeps at least this much before short columns give way
GAP = 2  # cells between columns


class Column(Value):
    FIELDS = ("header", "kind", "flexible", "min_width")
    header: str
    kind: str = TEXT  # TEXT, NAMES, or "fixed" (never broken: ids, figures, states)
    flexible: bool = False  # takes what the others leave (the item's wording)
    min_width: int = 0

    def __init__(self, header: str, kind: str = TEXT, flexible: bool = False, min_width: int = 0):
        self.header = header
        self.kind = kind
        self.flexible = flexible
        self.min_width = min_width

    def header_least(self) -> int:
        """A heading breaks only between its words (and after a slash: 剩余/逾期天数)."""
        return widest(self.header, HEADING)


def _least(column: Column, cells: Sequence[str], natural: int) -> int:
    """The narrowest the column may be: its widest piece (a name, a word of its heading).
    The flexible column may go down to its minimum (or its heading): a title breaks anywhere."""
    found = max(column.header_least(), column.min_width, 1)
    if column.kind == "fixed":  # never broken; only its heading may take two lines
        return min(natural, max([found] + [cell_len(c) for c in set(cells)]))
    if not column.flexible:
        found = max([found] + [widest(c, column.kind) for c in set(cells)])
    return min(found, natural)


def fit(columns: Sequence[Column], rows: Sequence[Sequence[str]], total: int,
        gap: int = GAP, strict: bool = True,
        sizes: Sequence[Sequence[int]] | None = None) -> list[int] | None:
    """Each column's width in cells for a table ``total`` cells wide, or None when the
    columns cannot fit without breaking a name, a figure or a word (with ``strict=False``,
    the narrowest widths then, wider than ``total``). ``sizes``: the cells' widths, when the
    caller has measured them already.

    Every column gets its natural width (its widest cell or heading) if that fits. If not,
    the flexible column narrows first, down to :data:`TITLE_MIN`; then the widest of the
    other columns in turn, down to their widest piece; then the flexible column further.
    A column narrowed is then trimmed to the lines its cells really take, and what that
    saves goes back to the flexible column.
    """
    cells = [[row[i] for row in rows] for i in range(len(columns))]
    measured = ([[row[i] for row in sizes] for i in range(len(columns))] if sizes is not None
                else [[cell_len(x) for x in col] for col in cells])
    natural = [max([cell_len(c.header), c.min_width, *found])
               for c, found in zip(columns, measured)]
    room = total - gap * (len(columns) - 1)
    found = list(natural)
    flex = next((i for i, c in enumerate(columns) if c.flexible), None)

    def over() -> int:
        return sum(found) - room

    if over() <= 0:
        return found
    least = [_least(c, col, n) for c, col, n in zip(columns, cells, natural)]  # only to narrow
    if flex is not None:
        found[flex] = max(least[flex], min(natural[flex], TITLE_MIN), found[flex] - over())
    while over() > 0:  # the widest short column a cell narrower, and what its lines then take
        shrinkable = [i for i in range(len(columns)) if i != flex and found[i] > least[i]]
        if not shrinkable:
            break
        i = max(shrinkable, key=lambda i: (found[i], found[i] - least[i], -i))
        found[i] = _trimmed(columns[i], cells[i], found[i] - 1)
    if over() > 0 and flex is not None:
        found[flex] = max(least[flex], found[flex] - over())
    if over() > 0 and strict:
        return None
    for i, c in enumerate(columns):
        if i != flex and found[i] < natural[i]:
            found[i] = _trimmed(c, cells[i], found[i])
    if flex is not None:
        found[flex] = max(least[flex], min(natural[flex], found[flex] - over()))
    return found


def _trimmed(column: Column, cells: Sequence[str], width: int) -> int:
    """The width the column's lines really take when broken at ``width``."""
    if column.kind == "fixed":  # its cells whole, its heading perhaps on two lines
        used = max((cell_len(c) for c in set(cells)), default=0)
    else:
        used = max((cell_len(line.rstrip(" ")) for c in set(cells)
                    for line in wrap(c, width, column.kind)), default=0)
    heads = wrap(column.header, width, HEADING)
    return max([used, column.min_width, 1] + [cell_len(h.rstrip(" ")) for h in heads])
