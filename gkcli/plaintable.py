"""Long item tables drawn by a plain writer: the same columns and CJK alignment as rich's, fast.

rich lays out every cell of every row before printing anything; for a table of thousands
of rows that is most of ``gk list``'s time. A table of more than :data:`PLAIN_ABOVE` rows
(many screenfuls) is written here instead, line by line: the columns of the rich table,
with the widths :func:`gkcli.linebreak.fit` gives and cells broken as the rich views break
them (:func:`gkcli.linebreak.wrap`: names whole, 避头尾), Chinese characters counted two
cells wide, work tasks as heading lines from the title column to the edge. Colour only on a
terminal, and never with NO_COLOR.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TextIO

from gkcli import linebreak
from gkcli.linebreak import TEXT, cell_len, wrap
from gkcli.values import Value

PLAIN_ABOVE = 200  # rows; shorter tables keep rich's layout
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


def write(columns: Sequence[Column], rows: Iterable[tuple[str | None, Sequence[str], str]],
          out: TextIO, width: int | None = None) -> None:
    """Write a table: ``rows`` are (heading or None, cells, style of the styled column)."""
    table = [(heading, cells, style, None if heading is not None else list(map(cell_len, cells)))
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
    seen: dict[tuple[str, int, str], list[str]] = {}  # offices and deadlines repeat row after row

    def broken(cell: str, width: int, kind: str) -> list[str]:
        key = (cell, width, kind)
        found = seen.get(key)
        if found is None:
            found = seen[key] = wrap(cell, width, kind)
            if len(seen) > 4096:
                seen.clear()
        return found

    marked = [c.styled for c in columns]

    def emit(cells: Sequence[str], style: str = "", sizes: Sequence[int] | None = None,
             kinds: Sequence[str] = kinds, bottom: bool = False) -> None:
        if sizes is None:
            sizes = [cell_len(c) for c in cells]
        if not colour and all(map(int.__le__, sizes, sized)):  # one line: pad and join
            lines.append(GAP.join([" " * (w - n) + c if r else c + " " * (w - n)
                                   for c, n, w, r in zip(cells, sizes, sized, rights)]).rstrip())
            return
        parts = [[c] if n <= w else broken(c, w, k) for c, n, w, k in zip(cells, sizes, sized, kinds)]
        height = max(map(len, parts))
        if bottom:  # headings sit on the rule, as rich's do
            parts = [[""] * (height - len(p)) + p for p in parts]
        for k in range(height):
            out_cells = []
            for i, part in enumerate(parts):
                piece = part[k] if k < len(part) else ""
                piece = piece.rstrip(" ") if len(part) > 1 else piece
                n = sizes[i] if len(part) == 1 else cell_len(piece)
                space = " " * (sized[i] - n if k < len(part) else sized[i])
                text = space + piece if rights[i] else piece + space
                if colour and piece and style and marked[i]:
                    text = ANSI.get(style, "") + text + RESET
                out_cells.append(text)
            lines.append(GAP.join(out_cells).rstrip())

    heading_at = next((i for i, c in enumerate(columns) if c.flexible), 0)
    indent = sum(sized[:heading_at]) + len(GAP) * heading_at
    emit([c.header for c in columns], kinds=[linebreak.HEADING] * len(columns), bottom=True)
    lines.append("─" * min(total, sum(sized) + len(GAP) * (len(columns) - 1)))
    for heading, cells, style, sizes in table:
        if heading is not None:  # a work task: from the flexible column to the edge
            for line in wrap(heading, max(1, total - indent)):
                line = line.rstrip(" ")
                lines.append(" " * indent + (ANSI["bold"] + line + RESET if colour else line))
        else:
            emit(cells, style, sizes=sizes)
        if len(lines) > 2000:  # one write per chunk, not per line
            out.write("\n".join(lines) + "\n")
            lines.clear()
    if lines:
        out.write("\n".join(lines) + "\n")
