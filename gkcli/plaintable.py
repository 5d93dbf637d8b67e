"""Long item tables drawn by a plain writer: the same columns and CJK alignment as rich's, fast.

rich lays out every cell of every row before printing anything; for a table of thousands
of rows that is most of ``gk list``'s time. A table of more than :data:`PLAIN_ABOVE` rows
(many screenfuls) is written here instead, line by line: the columns of the rich table,
Chinese characters counted two cells wide, long cells folded inside their column, work
tasks as heading rows. Colour only on a terminal, and never with NO_COLOR.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TextIO

from gkcli.values import Value

PLAIN_ABOVE = 200  # rows; shorter tables keep rich's layout
GAP = "  "
ANSI = {"bold red": "\x1b[1;31m", "yellow": "\x1b[33m", "cyan": "\x1b[36m", "green": "\x1b[32m",
        "red": "\x1b[31m", "bold": "\x1b[1m"}
RESET = "\x1b[0m"

class _Widths(dict):
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
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))


def fold(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` cells (at any character, as CJK allows)."""
    if cell_len(text) <= width:
        return [text]
    lines, start, used = [], 0, 0
    for i, w in enumerate(map(char_width, text)):
        if used + w > width and i > start:
            lines.append(text[start:i])
            start, used = i, 0
        used += w
    lines.append(text[start:])
    return lines


def pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - cell_len(text))
    return space + text if right else text + space


class Column(Value):
    FIELDS = ("header", "cap", "right", "flexible", "min_width", "styled")
    header: str
    cap: int | None = None  # the widest it may be; None: as wide as its widest cell
    right: bool = False  # numbers
    flexible: bool = False  # takes the width left over (the item's wording)
    min_width: int = 4
    styled: bool = False  # drawn in the row's style (the state, the days over)

    def __init__(self, header: str, cap: int | None = None, right: bool = False,
                 flexible: bool = False, min_width: int = 4, styled: bool = False):
        self.header = header
        self.cap = cap
        self.right = right
        self.flexible = flexible
        self.min_width = min_width
        self.styled = styled


def colour_on(out: TextIO) -> bool:
    if "NO_COLOR" in os.environ:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def widths(columns: Sequence[Column], sizes: Iterable[Sequence[int]], total: int) -> list[int]:
    """Each column's width from the cells' sizes (in cells), the flexible one taking the rest."""
    natural = [max([cell_len(w) for w in c.header.split()] + [c.min_width]) for c in columns]
    for row in sizes:
        natural = list(map(max, natural, row))
    found = [min(n, c.cap) if c.cap else n for n, c in zip(natural, columns)]
    flexible = [i for i, c in enumerate(columns) if c.flexible]
    if flexible:
        i = flexible[0]
        rest = sum(w for j, w in enumerate(found) if j != i) + len(GAP) * (len(columns) - 1)
        found[i] = max(columns[i].min_width, min(natural[i], total - rest))
    return found


def write(columns: Sequence[Column], rows: Iterable[tuple[str | None, Sequence[str], str]],
          out: TextIO, width: int | None = None) -> None:
    """Write a table: ``rows`` are (heading or None, cells, style of the styled column)."""
    table = [(heading, cells, style, None if heading is not None else list(map(cell_len, cells)))
             for heading, cells, style in rows]
    if not width:
        import shutil  # only when no width is given: shutil loads bz2, lzma and zlib

        width = shutil.get_terminal_size().columns
    total = width
    sized = widths(columns, (sizes for _, _, _, sizes in table if sizes is not None), total)
    colour = colour_on(out)
    lines: list[str] = []

    rights = [c.right for c in columns]
    marked = [c.styled for c in columns]

    def emit(cells: Sequence[str], style: str = "", bold_heading: bool = False,
             sizes: Sequence[int] | None = None) -> None:
        if sizes is None:
            sizes = [cell_len(c) for c in cells]
        if not colour and all(map(int.__le__, sizes, sized)):  # one line: pad and join
            lines.append(GAP.join([" " * (w - n) + c if r else c + " " * (w - n)
                                   for c, n, w, r in zip(cells, sizes, sized, rights)]).rstrip())
            return
        parts = [[c] if n <= w else fold(c, w) for c, n, w in zip(cells, sizes, sized)]
        height = max(map(len, parts))
        for k in range(height):
            out_cells = []
            for i, part in enumerate(parts):
                piece = part[k] if k < len(part) else ""
                n = sizes[i] if len(part) == 1 else cell_len(piece)
                space = " " * (sized[i] - n if k < len(part) else sized[i])
                text = space + piece if rights[i] else piece + space
                if colour and piece and ((style and marked[i]) or (bold_heading and i == heading_at)):
                    text = ANSI.get("bold" if bold_heading else style, "") + text + RESET
                out_cells.append(text)
            lines.append(GAP.join(out_cells).rstrip())

    heading_at = next((i for i, c in enumerate(columns) if c.flexible), 0)
    emit([c.header for c in columns])
    lines.append("─" * min(total, sum(sized) + len(GAP) * (len(columns) - 1)))
    for heading, cells, style, sizes in table:
        if heading is not None:
            blank = [""] * len(columns)
            blank[heading_at] = heading
            emit(blank, bold_heading=True)
        else:
            emit(cells, style, sizes=sizes)
        if len(lines) > 2000:  # one write per chunk, not per line
            out.write("\n".join(lines) + "\n")
            lines.clear()
    if lines:
        out.write("\n".join(lines) + "\n")
