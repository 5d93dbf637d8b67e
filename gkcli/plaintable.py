"""Long item tables drawn by a plain writer: the same columns and CJK alignment as rich's, fast.

rich lays out every cell of every row before printing anything; for a table of thousands
of rows that is most of ``gk list``'s time. A table of more than
:data:`gkcli.linebreak.PLAIN_ABOVE` rows (many screenfuls) is written here instead, line
by line: the columns of the rich table,
with the widths :func:`gkcli.linebreak.fit` gives and cells broken as the rich views break
them (:func:`gkcli.linebreak.wrap`: names whole, 避头尾), Chinese characters counted two
cells wide, work tasks as heading lines from the title column to the edge. Colour only on a
terminal, and never with NO_COLOR.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from itertools import count
from typing import TextIO

from gkcli import linebreak
from gkcli.linebreak import TEXT, cell_len, wrap
from gkcli.values import Value

GAP = "  "
ANSI = {"bold red": "\x1b[1;31m", "yellow": "\x1b[33m", "cyan": "\x1b[36m", "green": "\x1b[32m",
        "red": "\x1b[31m", "bold": "\x1b[1m"}
RESET = "\x1b[0m"


class Column(Value):
    FIELDS = ("header", "kind", "right", "flexible", "min_width", "styled")
    header: str
    kind: str = TEXT  # how its cells break: linebreak.TEXT, NAMES, or "fixed" (never)
    right: bool = False  # numbers
    flexible: bool = False  # takes the width left over (the item's wording)
    min_width: int = 4
    styled: bool = False  # drawn in the row's style (the state, the days over)

    def __init__(self, header: str, kind: str = TEXT, right: bool = False,
                 flexible: bool = False, min_width: int = 4, styled: bool = False):
        self.header = header
        self.kind = kind
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


def widths(columns: Sequence[Column], rows: Sequence[Sequence[str]], total: int,
           sizes: Sequence[Sequence[int]] | None = None) -> list[int]:
    """Each column's width (:func:`gkcli.linebreak.fit`); on a terminal too narrow for the
    columns, the narrowest they can be (lines may then run past the edge)."""
    specs = [linebreak.Column(c.header, "fixed" if c.right else c.kind, c.flexible, c.min_width)
             for c in columns]
    return linebreak.fit(specs, rows, total, len(GAP), strict=False, sizes=sizes) or []


class _Measured(dict[str, int]):
    """Each text's width in cells, measured once (:func:`gkcli.linebreak.cell_len`)."""

    def __missing__(self, text: str) -> int:
        found = self[text] = cell_len(text)
        return found


def write(columns: Sequence[Column], rows: Iterable[tuple[str | None, Sequence[str], str]],
          out: TextIO, width: int | None = None) -> None:
    """Write a table: ``rows`` are (heading or None, cells, style of the styled column)."""
    measure = _Measured()  # offices, deadlines, states repeat row after row: measured once
    size_of = measure.__getitem__
    table = [(heading, cells, style, None if heading is not None else list(map(size_of, cells)))
             for heading, cells, style in rows]
    if not width:
        import shutil  # only when no width is given: shutil loads bz2, lzma and zlib

        width = shutil.get_terminal_size().columns
    total = width
    measured = [(cells, sizes) for _, cells, _, sizes in table if sizes is not None]
    sized = widths(columns, [cells for cells, _ in measured], total, [s for _, s in measured])
    colour = colour_on(out)
    lines: list[str] = []

    rights = [c.right for c in columns]
    kinds = [c.kind for c in columns]
    marked = [c.styled for c in columns]
    blank = [" " * w for w in sized]
    # each column's cells as drawn: their lines padded to the column's width, and whether
    # each line has any text (colour goes on those only); a cell is drawn once, however
    # often it repeats (offices and deadlines do, row after row)
    drawn: list[dict[str, tuple[list[str], list[bool]]]] = [{} for _ in columns]

    def draw(i: int, cell: str) -> tuple[list[str], list[bool]]:
        w, n = sized[i], size_of(cell)
        part = [cell] if n <= w else wrap(cell, w, kinds[i])
        if len(part) == 1:  # whole: padded by its own width, trailing spaces and all
            space = " " * (w - n)
            found = ([space + cell if rights[i] else cell + space], [bool(cell)])
        else:
            texts, filled = [], []
            for piece in part:
                piece = piece.rstrip(" ")
                space = " " * (w - cell_len(piece))
                texts.append(space + piece if rights[i] else piece + space)
                filled.append(bool(piece))
            found = (texts, filled)
        cache = drawn[i]
        if len(cache) > 4096:  # a column of ever new cells (the titles): keep memory bounded
            cache.clear()
        cache[cell] = found
        return found

    def emit_header(cells: Sequence[str]) -> None:  # headings sit on the rule, as rich's do
        parts = [[c] if cell_len(c) <= w else wrap(c, w, linebreak.HEADING)
                 for c, w in zip(cells, sized)]
        height = max(map(len, parts))
        parts = [[""] * (height - len(p)) + p for p in parts]
        for k in range(height):
            out_cells = []
            for i, part in enumerate(parts):
                piece = part[k]
                piece = piece.rstrip(" ") if len(part) > 1 else piece
                n = cell_len(piece)
                space = " " * (sized[i] - n)
                out_cells.append(space + piece if rights[i] else piece + space)
            lines.append(GAP.join(out_cells).rstrip())

    def emit(cells: Sequence[str], style: str) -> None:
        parts = [found if found is not None else draw(i, cell)
                 for i, cell, found in zip(count(), cells, map(dict.get, drawn, cells))]
        height = max([len(texts) for texts, _ in parts])
        if not (colour and style):
            if height == 1:
                lines.append(GAP.join([texts[0] for texts, _ in parts]).rstrip())
                return
            for k in range(height):
                lines.append(GAP.join([texts[k] if k < len(texts) else space
                                       for (texts, _), space in zip(parts, blank)]).rstrip())
            return
        start = ANSI.get(style, "")
        for k in range(height):
            out_cells = []
            for i, (texts, filled) in enumerate(parts):
                if k >= len(texts):
                    out_cells.append(blank[i])
                elif marked[i] and filled[k]:
                    out_cells.append(start + texts[k] + RESET)
                else:
                    out_cells.append(texts[k])
            lines.append(GAP.join(out_cells).rstrip())

    heading_at = next((i for i, c in enumerate(columns) if c.flexible), 0)
    indent = sum(sized[:heading_at]) + len(GAP) * heading_at
    emit_header([c.header for c in columns])
    lines.append("─" * min(total, sum(sized) + len(GAP) * (len(columns) - 1)))
    for heading, cells, style, _ in table:
        if heading is not None:  # a work task: from the flexible column to the edge
            for line in wrap(heading, max(1, total - indent)):
                line = line.rstrip(" ")
                lines.append(" " * indent + (ANSI["bold"] + line + RESET if colour else line))
        else:
            emit(cells, style)
        if len(lines) > 2000:  # one write per chunk, not per line
            out.write("\n".join(lines) + "\n")
            lines.clear()
    if lines:
        out.write("\n".join(lines) + "\n")
