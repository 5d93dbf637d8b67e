"""Terminal views drawn with rich: item tables, the dashboard, rosters, reports, the timeline.

rich is imported only inside the functions that draw, so the other formats start faster.
Tables are laid out here, at the widths :func:`gkcli.linebreak.fit` chose, exactly as rich's
``Table`` would lay them out, and written by rich's console (:func:`_fitted`).
Each view takes (result, words, out).
"""

from __future__ import annotations

from typing import Any, TextIO, cast

from gkcli.i18n import Words
from gkcli.linebreak import HEADING, NAMES, PLAIN_ABOVE, TEXT, Column, fit, wrap
from gkcli.query import Item
from gkcli.report import Dashboard, Report, RosterView, Timeline
from gkcli.tabular import (
    ROSTER_COLUMNS,
    assist_text,
    due_soon_heading,
    half_up,
    headers,
    people_text,
    percent,
    report_header,
    roster_cells,
    section_cells,
    section_keys,
    section_rows,
    visible,
)

STATE_STYLE = {"overdue": "bold red", "due_soon": "yellow", "open": "", "ongoing": "cyan",
               "done": "green"}
TABLE_COLUMNS = ("id", "title", "lead", "assist", "deadline", "state")  # work tasks as row headings
NARROW = 72  # below this many columns, item tables become one block per item


class _NoTrailingSpaces:
    """A stream that drops the spaces rich pads lines with: piped output has none at line ends."""

    def __init__(self, out: TextIO):
        self._out = out
        self._pending = ""

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if lines:
            self._out.write("".join(_rstrip(line) + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._out.write(_rstrip(self._pending))
            self._pending = ""
        self._out.flush()

    def isatty(self) -> bool:
        return self._out.isatty()

    def fileno(self) -> int:
        return self._out.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self._out, "encoding", "utf-8")


def _rstrip(line: str) -> str:
    """A line without its trailing spaces, even when a colour code ends it."""
    stripped = line.rstrip(" ")
    if stripped.endswith("m") and "\x1b[" in stripped:
        body, sep, code = stripped.rpartition("\x1b[")
        return body.rstrip(" ") + sep + code
    return stripped


def _pipe_closed() -> None:
    """A reader that left (`gk status | head`): said as for every other output (gk's
    GkGroup turns it into exit 0), instead of rich's own exit 1."""
    raise BrokenPipeError


def _console(out: TextIO):
    from rich.console import Console

    console = Console(file=cast(TextIO, _NoTrailingSpaces(out)), highlight=False, emoji=False)
    console.on_broken_pipe = _pipe_closed  # type: ignore[method-assign]
    if not console.legacy_windows:  # (whose width rich takes one from, even when it is set)
        # the terminal's size, asked once: rich would ask the terminal and the environment
        # again for every line printed and every width looked up
        console.size = console.size
    return console


def _table(title: str | None = None, **kwargs: Any):
    from rich import box
    from rich.table import Table

    kwargs.setdefault("pad_edge", False)
    kwargs.setdefault("show_edge", False)
    kwargs.setdefault("collapse_padding", True)
    return Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", title_style="bold", **kwargs)


def _state_width(words: Words) -> int:
    from gkcli.linebreak import cell_len

    return max(cell_len(words.state(s)) for s in STATE_STYLE)


def _number_column(table, header: str = "") -> None:
    table.add_column(header, justify="right", no_wrap=True)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(visible(text))


FIXED = "fixed"  # a column never broken: ids, figures, states


def _lines(text: str, width: int, kind: str = TEXT) -> str:
    """``text`` (made visible) broken for a column ``width`` cells wide, lines joined by \\n."""
    return "\n".join(line.rstrip(" ") for line in wrap(visible(text), width, kind))


def say(console, text: str, kind: str = TEXT, indent: str = "", style: str | None = None,
        lead: str = "", lead_style: str | None = None) -> None:
    """Print ``lead`` + ``text`` broken for the terminal by :func:`gkcli.linebreak.wrap` (names
    whole, 避头尾), every line indented by ``indent``; ``lead`` (a label such as 本期未报送：)
    may have a style of its own."""
    from rich.text import Text

    width = max(1, console.width - len(indent))
    lines = wrap(visible(lead + text), width, kind)
    out = Text()
    for n, line in enumerate(lines):
        line = line.rstrip(" ")
        out.append(indent)
        if n == 0 and lead and line.startswith(lead):
            out.append(lead, style=lead_style or style)
            out.append(line[len(lead):], style=style)
        else:
            out.append(line, style=style)
        if n < len(lines) - 1:
            out.append("\n")
    console.print(out)


Row = tuple[list[str], dict[int, str]]  # a table row: its cells, and {column: style}


def _fitted(console, columns: list[Column], rows: list[Row | str], title: str | None = None,
            right: tuple[int, ...] = ()) -> bool:
    """Draw a table whose widths :func:`gkcli.linebreak.fit` chose and whose cells it broke:
    short columns whole, the title absorbing the squeeze, names never split, no line
    starting with closing punctuation. A ``str`` among ``rows`` is a heading (a work task,
    merged across the row as in the notice): it starts at the flexible column and runs to
    the edge. False, and nothing drawn, when the columns cannot fit the terminal.

    The table is drawn as rich's ``Table`` (:func:`_table`) draws it, without its measuring
    and layout passes (issue 13: start-up): the widths are known, every cell is already
    broken into lines, so each line is made of the very pieces rich would make — every cell
    padded to its column in the cell's style, a space of padding, a space of rule between
    columns, headings bold and set on the rule — and rich's console writes them out, in
    colour or not as it decides. A cell with a character whose width rich may count otherwise
    than gkcli.linebreak (a zero-width space) leaves the table to rich's ``Table``.
    tests/test_fast_tables.py compares the two."""
    shown = [row if isinstance(row, str) else [visible(c) for c in row[0]] for row in rows]
    widths = fit(columns, [cells for cells in shown if not isinstance(cells, str)], console.width)
    if widths is None:
        return False
    flex = next((i for i, c in enumerate(columns) if c.flexible), 0)
    indent = sum(widths[:flex]) + 2 * flex
    if not all(_measured_alike(cell) for cells in shown if not isinstance(cells, str)
               for cell in cells):
        _drawn_by_rich(console, columns, rows, shown, widths, indent, title, right)
        return True
    lines = _Lines(console, widths, right)
    if title is not None:  # as rich's table title: bold, left, as wide as the table
        lines.title(title)
    lines.header([[h.rstrip(" ") for h in wrap(column.header, width, HEADING)]
                  for column, width in zip(columns, widths)])
    kinds = [column.kind for column in columns]
    for row, cells in zip(rows, shown):
        if isinstance(row, str):
            lines.flush()
            _heading(console, row, indent)
            continue
        styles = row[1]
        lines.row([[line.rstrip(" ") for line in wrap(cell, width, kind)]
                   for cell, kind, width in zip(cells, kinds, widths)], styles)
    lines.flush()
    return True


def _heading(console, text: str, indent: int) -> None:
    """A work task among a table's rows: bold, from the flexible column to the edge."""
    from rich.text import Text

    lines = _lines(text, console.width - indent)
    console.print(Text(" " * indent + lines.replace("\n", "\n" + " " * indent), style="bold"))


class _Alike(dict[str, bool]):
    """Whether gkcli.linebreak and rich count a character's cells alike: all but format
    characters (a zero-width space: none to rich, one to unicodedata), unassigned and
    private ones and the like, whose widths the two may see differently."""

    def __missing__(self, ch: str) -> bool:
        import unicodedata

        found = self[ch] = unicodedata.category(ch) not in ("Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp")
        return found


_ALIKE = _Alike()


def _measured_alike(text: str) -> bool:
    return text.isascii() or all(map(_ALIKE.__getitem__, text))


def _drawn_by_rich(console, columns: list[Column], rows: list[Row | str], shown: list,
                   widths: list[int], indent: int, title: str | None, right: tuple[int, ...]) -> None:
    """:func:`_fitted`'s table drawn by rich's ``Table``, for cells with characters whose
    widths rich may count otherwise than gkcli.linebreak (then rich pads them its way)."""
    from rich.text import Text

    def table(first: bool):
        found = _table(title if first else None, show_header=first)
        for i, (column, width) in enumerate(zip(columns, widths)):
            found.add_column("\n".join(h.rstrip(" ") for h in wrap(column.header, width, HEADING)),
                             width=width, justify="right" if i in right else "left",
                             overflow="fold")
        return found

    drawn, part = False, table(True)
    for row, cells in zip(rows, shown):
        if isinstance(row, str):
            if part.row_count or not drawn:
                console.print(part)
                drawn, part = True, table(False)
            _heading(console, row, indent)
            continue
        styles = row[1]
        part.add_row(*(Text("\n".join(line.rstrip(" ") for line in wrap(cell, width, column.kind)),
                            style=styles.get(i, ""))
                       for i, (cell, column, width) in enumerate(zip(cells, columns, widths))))
    if part.row_count or not drawn:
        console.print(part)


class _Segments:
    """Lines made of rich's segments, as rich would make them, handed to the console to write
    at once. Unstyled pieces side by side are one segment (the console writes them alike);
    styled ones stay apart, as rich's own, each in its own colour codes."""

    def __init__(self, console):
        from rich.segment import Segment

        self.console = console
        self.segments: list[Segment] = []
        self.plain: list[str] = []  # unstyled text not yet made a segment
        self._segment = Segment
        self._styles: dict[str, Any] = {"": None}

    def fits(self, parts: list[str]) -> bool:
        """Whether a line of ``parts`` is one line to rich as well: no wider than the
        terminal, no markup, no character rich may measure otherwise."""
        from gkcli.linebreak import cell_len

        return (all(_measured_alike(part) and "[" not in part and "\n" not in part
                    for part in parts)
                and sum(map(cell_len, parts)) <= self.console.width)

    def line(self, parts: list[tuple[str, str]]) -> None:
        """A line of (text, style) parts, as rich prints ``Text`` or markup that fits
        (see :meth:`fits`)."""
        for text, style in parts:
            self._add(text, self._style(style))
        self._add("\n", None)

    def _style(self, name: str):
        found = self._styles.get(name, False)
        if found is False:
            found = self._styles[name] = self.console.get_style(name) or None
        return found

    def _add(self, text: str, style) -> None:
        if not style:
            self.plain.append(text)
            return
        if self.plain:
            self.segments.append(self._segment("".join(self.plain)))
            self.plain = []
        self.segments.append(self._segment(text, style))

    def flush(self) -> None:
        if self.plain:
            self.segments.append(self._segment("".join(self.plain)))
            self.plain = []
        if self.segments:
            # no line is wider than the terminal (fit saw to it): nothing for rich to crop
            self.console.print(_Drawn(self.segments), crop=False)
            self.segments = []


class _Lines(_Segments):
    """The lines of a table laid out as rich's ``Table`` of :func:`_table` lays them out
    (box SIMPLE_HEAD, no edge, collapsed padding) at given column widths."""

    def __init__(self, console, widths: list[int], right: tuple[int, ...]):
        super().__init__(console)
        self.widths = widths
        self.right = [i in right for i in range(len(widths))]
        self.width = sum(widths) + 2 * (len(widths) - 1)

    def title(self, title: str) -> None:
        """The title as rich's table sets it: bold, left, padded to the table's width in the
        title's style (a line of rich ``Text`` joined, as rich joins its lines)."""
        from rich.text import Text

        from gkcli.linebreak import cell_len

        console = self.console
        text = console.render_str(title, style="bold", highlight=False)
        plain = text.plain
        if "\n" in plain or not _measured_alike(plain) or cell_len(plain) > self.width:
            options = console.options.update(width=self.width, highlight=False, height=None,
                                             justify="left")
            segments = console.render(text, options)  # broken into lines by rich
        else:
            text.pad_right(self.width - cell_len(plain))
            segments = Text("\n").join([text]).render(console, end="\n")
        for segment in segments:
            self._add(segment.text, segment.style)

    def _lines_of(self, cells: list[list[str]], styles: list, header: bool) -> None:
        """One table row: each cell's lines padded to its width in the cell's style, then a
        space of padding (bold in the header) and a space of rule; short cells filled with
        blank lines (above the text in the header, which sits on the rule; below it in a
        row)."""
        from gkcli.linebreak import cell_len

        add, widths, right = self._add, self.widths, self.right
        pad = self._style("table.header") if header else None
        height = max(map(len, cells))
        last = len(cells) - 1
        for k in range(height):
            for i, texts in enumerate(cells):
                n = k - (height - len(texts)) if header else k
                if 0 <= n < len(texts):
                    text = texts[n]
                    space = " " * (widths[i] - cell_len(text))
                    add(space + text if right[i] else text + space, styles[i])
                    if i < last:
                        add(" ", pad)
                elif i < last:
                    add(" " * (widths[i] + 1), pad)
                else:
                    add(" " * widths[i], pad)
                if i < last:
                    add(" ", None)
            add("\n", None)

    def header(self, heads: list[list[str]]) -> None:
        self._lines_of(heads, [self._style("table.header")] * len(heads), header=True)
        self._add("─" * self.width + "\n", None)

    def row(self, cells: list[list[str]], styles: dict[int, str]) -> None:
        self._lines_of(cells, [self._style(styles.get(i, "")) for i in range(len(cells))],
                       header=False)


class _Drawn:
    """Segments already laid out, for rich's console to write."""

    def __init__(self, segments: list):
        self.segments = segments

    def __rich_console__(self, console, options):
        return self.segments


def fold(parts: list[str], width: int, sep: str, indent: str = "  ") -> list[str]:
    """Lines of at most ``width`` columns, broken only between ``parts`` (the first is a heading):
    a name or a figure is never split."""
    from gkcli.linebreak import cell_len

    lines = [parts[0]]
    for n, part in enumerate(parts[1:]):
        piece = part + (sep if n < len(parts) - 2 else "")
        if cell_len(lines[-1]) + cell_len(piece) > width and lines[-1].strip() and len(lines[-1]) > len(indent):
            lines[-1] = lines[-1].rstrip()
            lines.append(indent + piece)
        else:
            lines[-1] += piece
    return lines


def folded_rows(console, heads: list[str], rows: list[list[str]], words: Words) -> None:
    """A table too wide for the terminal as one folded block per row: ``综合股：已逾期 6、…``.
    Every heading and value is kept; a line breaks between them, and a value too long for a
    line of its own is broken as text is (:func:`gkcli.linebreak.wrap`)."""
    from gkcli.linebreak import cell_len

    sep, indent, width = words("list_sep"), "  ", console.width
    for cells in rows:
        parts = [visible(cells[0]) + words("sep")]
        parts += [visible(f"{h} {v}") + (sep if n < len(cells) - 2 else "")
                  for n, (h, v) in enumerate(zip(heads[1:], cells[1:]))]
        lines = [""]
        for part in parts:
            if lines[-1].strip() and cell_len(lines[-1]) + cell_len(part) > width:
                lines.append(indent)
            if cell_len(lines[-1]) + cell_len(part) <= width:
                lines[-1] += part
                continue
            for chunk in wrap(part, width - len(indent)):  # a long title: on lines of its own
                if lines[-1].strip():
                    lines.append(indent)
                lines[-1] += chunk.rstrip(" ")
        for line in lines:
            console.print(_escape(line), soft_wrap=True)


# --- gk list ------------------------------------------------------------------------------

def _none_match(rows: list[Item], words: Words, out: TextIO) -> bool:
    """Say 没有符合条件的事项 when the filters left nothing to draw."""
    if not rows:
        out.write(words("no_items") + "\n")
    return not rows


def _item_columns(words: Words, notices: bool, keys: tuple[str, ...]) -> list[Column]:
    """The columns of an item table: 文号 first for gk --all, the title flexible, names whole."""
    kinds = {"id": FIXED, "title": TEXT, "lead": NAMES, "assist": NAMES, "deadline": TEXT,
             "state": FIXED, "days": FIXED, "people": NAMES}
    columns = [Column(words("notice"), FIXED)] if notices else []
    least = {"state": _state_width(words) if "state" in keys else 0, "title": 10}
    return columns + [Column(words(key), kinds[key], flexible=key == "title",
                             min_width=least.get(key, 0))
                      for key in keys]


def items_table(rows: list[Item], words: Words, out: TextIO) -> None:
    if _none_match(rows, words, out):
        return
    console = _console(out)
    if console.width < NARROW:
        _cards(console, rows, words)
        return
    if len(rows) > PLAIN_ABOVE:  # many screenfuls: the plain writer, not rich's layout
        _plain_items(rows, words, out, console.width)
        return
    notices = any(item.notice for item in rows)  # gk --all: the 文号 column first
    columns = _item_columns(words, notices, TABLE_COLUMNS)
    at = len(columns) - len(TABLE_COLUMNS)  # where the id column is
    lines: list[Row | str] = []
    previous_group = None
    for item in rows:
        if (item.notice, item.task.group) != previous_group:  # as the notice's merged 工作任务
            lines.append(f"{words.ordinal(item.task.group)}{item.group_title}")
            previous_group = (item.notice, item.task.group)
        task = item.task
        cells = [str(task.id), task.title, task.lead, assist_text(item, words), task.deadline.text,
                 words.item_state(item.state, task.on_time, task.days_late)]
        if notices:
            cells.insert(0, item.notice or "")
        lines.append((cells, {len(columns) - 1: STATE_STYLE[item.state]}))
    if not _fitted(console, columns, lines, right=(at,)):
        _cards(console, rows, words)


def _plain_items(rows: list[Item], words: Words, out: TextIO, width: int) -> None:
    """gk list of thousands of rows: the same columns, written by :mod:`gkcli.plaintable`."""
    from gkcli.plaintable import Column as Plain
    from gkcli.plaintable import write

    notices = any(item.notice for item in rows)
    columns = [Plain(words("notice"), FIXED)] if notices else []
    columns += [Plain(words("id"), FIXED, right=True), Plain(words("title"), flexible=True, min_width=10),
                Plain(words("lead"), NAMES), Plain(words("assist"), NAMES), Plain(words("deadline")),
                Plain(words("state"), FIXED, min_width=_state_width(words), styled=True)]

    def lines():
        previous = None
        for item in rows:
            if (item.notice, item.task.group) != previous:
                previous = (item.notice, item.task.group)
                yield f"{words.ordinal(item.task.group)}{item.group_title}", (), ""
            task = item.task
            cells = [str(task.id), task.title, task.lead, assist_text(item, words),
                     task.deadline.text, words.state(item.state)]
            yield None, ([item.notice or ""] + cells if notices else cells), STATE_STYLE[item.state]

    write(columns, lines(), out, width)


def _plain_urgent(rows: list[Item], words: Words, out: TextIO, width: int, style: str) -> None:
    from gkcli.plaintable import Column as Plain
    from gkcli.plaintable import write

    notices = any(item.notice for item in rows)
    columns = [Plain(words("notice"), FIXED)] if notices else []
    columns += [Plain(words("id"), FIXED, right=True), Plain(words("title"), flexible=True, min_width=10),
                Plain(words("lead"), NAMES), Plain(words("deadline")),
                Plain(words("days"), FIXED, styled=True), Plain(words("people"), NAMES)]
    write(columns, ((None, [*([item.notice or ""] if notices else []), str(item.task.id),
                            item.task.title, item.task.lead, item.task.deadline.text,
                            words.days(item.days_left), people_text(item.lead_people, words)],
                     style) for item in rows), out, width)


def _cards(console, rows: list[Item], words: Words, people: bool = False) -> None:
    """One block per item, for terminals too narrow for the table's columns: each line broken
    by :func:`gkcli.linebreak.wrap`, so no name is cut and no line starts with a ，or ）."""
    from rich.table import Table
    from rich.text import Text

    sep = words("sep")
    id_width = max(len(str(item.task.id)) for item in rows)
    width = max(1, console.width - id_width - 1)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True, style="bold")
    grid.add_column(width=width, overflow="fold")

    def line(label: str, value: str, kind: str = TEXT) -> str:
        return _lines(f"{label}{sep}{value}", width, kind)

    for item in rows:
        task = item.task
        body = Text()
        body.append(_lines(task.title, width) + "\n", style="bold")
        if item.notice:  # gk --all: which notice the item is of, as the table's 文号 column
            body.append(line(words("notice"), item.notice, NAMES) + "\n")
        body.append(line(words("group"), item.group_title) + "\n")
        body.append(line(words("lead"), task.lead, NAMES) + "\n")
        body.append(line(words("assist"), assist_text(item, words), NAMES) + "\n")
        due = words("aside", text=words.days(item.days_left, item.workdays_left))
        body.append(line(words("deadline"), task.deadline.text + due) + "\n")
        state = words.item_state(item.state, task.on_time, task.days_late)
        label, _, rest = line(words("state"), state).partition(sep)  # the state in its colour
        body.append(label + sep)
        body.append(rest, style=STATE_STYLE[item.state] or None)
        if people:
            body.append("\n" + line(words("people"), people_text(item.lead_people, words), NAMES))
        grid.add_row(str(task.id), body)
        grid.add_row("", "")
    console.print(grid)


# --- gk show ------------------------------------------------------------------------------

def item_detail(item: Item, words: Words, out: TextIO) -> None:
    task = item.task
    due = task.deadline.date.isoformat() if task.deadline.date else words.state("ongoing")
    people = "、".join(f"{p.name}（{p.post}）" for p in item.lead_people) or words("none")
    lines = [
        (words("id"), str(task.id)),
        (words("group"), f"{task.group}. {item.group_title}"),
        (words("title"), task.title),
        (words("lead"), task.lead),
        (words("people"), people),
        (words("assist"), assist_text(item, words)),
        # 长期 alone, not 长期（长期）
        (words("deadline_in_force" if task.extensions else "deadline"),
         task.deadline.text + ("" if due == task.deadline.text
                                                   else words("aside", text=due))),
        (words("state"), _state_line(item, words)),
        (words("status"), words.status(task.status)),
    ]
    spaced: set[str] = set()  # fields apart by spaces, a name at the end: broken between them
    if task.extensions:
        from gkcli.history_views import extension_lines

        original = task.original
        when = original.date.isoformat() if original.date else words.state("ongoing")
        lines.insert(7, (words("original_deadline"), original.text + words("aside", text=when)))
        for i, text in enumerate(extension_lines(task, words)):
            lines.insert(8 + i, (words("extensions") if i == 0 else "", text))
            spaced.add(text)
    if task.start:
        lines.insert(6, (words("start"), task.start.isoformat()))
    if task.done_on:
        lines.append((words("done_on"), task.done_on.isoformat()))
    if item.occurrences is not None:
        from gkcli.calendar_view import occurrence_lines

        for i, entry in enumerate(occurrence_lines(item, words)):
            lines.append((words("occurrences") if i == 0 else "", entry))
    if task.notes:
        lines.append((words("notes"), task.notes))
    for i, entry in enumerate(task.progress):
        lines.append((words("progress") if i == 0 else "", entry))
    from rich.cells import cell_len
    from rich.text import Text

    console = _console(out)
    names = {words("lead"), words("people"), words("assist")}  # lists of names: never split
    label_width = max(cell_len(label) for label, _ in lines)
    width = max(4, console.width - label_width - 2)
    table = _table(show_header=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in lines:
        kind = NAMES if label in names or value in spaced else TEXT
        table.add_row(label, Text(_lines(value, width, kind)))
    console.print(table)


def _state_line(item: Item, words: Words) -> str:
    """已逾期，逾期3天 / 已完成，按时 / 已完成，超时5天 / 已完成 (undated)."""
    if item.state == "done":
        how = words.done_how(item.task.on_time, item.task.days_late)
        return words("state_days", state=words.state("done"), days=how) if how else words.state("done")
    if item.days_left is None:  # ongoing: a state without days has no dangling dash
        return words.state(item.state)
    return words("state_days", state=words.state(item.state),
                 days=words.days(item.days_left, item.workdays_left))


# --- gk status ------------------------------------------------------------------------------

def bar(done: int, total: int, width: int = 20) -> str:
    filled = half_up(width * done, total) if total else 0  # 四舍五入, as the percentage beside it
    return "█" * filled + "░" * (width - filled)


STATES = ("overdue", "due_soon", "open", "ongoing", "done")


def dashboard(board: Dashboard, words: Words, out: TextIO) -> None:
    console = _console(out)
    totals = board.totals
    heading = board.title + (words("aside", text=board.number) if board.number else "")
    pct = percent(totals.done, totals.total)
    head = [[(line, "bold")] for line in _lines(heading, console.width).split("\n")]
    head.append([(f"{words('as_of')} {board.as_of.isoformat()}", "")])
    head.append([(f"{words('progress_bar')} {bar(totals.done, totals.total)} "
                  f"{totals.done}/{totals.total} {pct}", "")])
    counts: list[tuple[str, str]] = []
    for s in STATES:
        counts += [("  ", "")] if counts else []
        counts.append((f"{words.state(s)} {getattr(totals, s)}", STATE_STYLE[s]))
    head.append(counts)
    lines = _Segments(console)
    if all(lines.fits([text for text, _ in parts]) for parts in head):
        for parts in head:  # as rich prints them, without its measuring and wrapping
            lines.line(parts)
        lines.flush()
    else:  # a line rich would break its own way
        from rich.text import Text

        console.print(Text("\n".join(text for (text, _), in head[:-3]), style="bold"))
        for parts in head[-3:]:
            console.print("".join(f"[{style}]{text}[/]" if style else text for text, style in parts))
    if board.since_meeting is not None:
        day, done, newly = board.since_meeting
        say(console, words("since_meeting", day=day.isoformat(), done=done, overdue=newly))
    console.print()
    _office_tallies(console, board, words)
    console.print()
    urgent(console, words("overdue_items"), board.overdue, words("nothing_overdue"), words, "red")
    urgent(console, due_soon_heading(board, words), board.due_soon, words("nothing_due_soon"), words, "yellow")
    if board.reports:
        from gkcli.calendar_view import outstanding

        outstanding(console, board.reports, words)


def _office_tallies(console, board: Dashboard, words: Words) -> None:
    """各牵头股室情况: a table, or on a narrow terminal one folded line per office (every
    figure kept, no name cut)."""
    heads = [words("lead"), *(words.state(s) for s in STATES), words("total"), words("people")]
    columns = [Column(heads[0], NAMES), *(Column(h, FIXED) for h in heads[1:-1]),
               Column(heads[-1], NAMES)]
    rows = [[tally.name, *(str(getattr(tally, s)) for s in STATES), str(tally.total),
             people_text(tally.people, words)] for tally in board.by_office]
    title = f"[bold]{_escape(words('by_office'))}[/]"
    if _fitted(console, columns, [(row, {}) for row in rows], title=title,
               right=tuple(range(1, len(columns) - 1))):
        return
    console.print(title)
    folded_rows(console, heads, rows, words)


def overdue(rows: list[Item], words: Words, out: TextIO) -> None:
    """gk overdue: the overdue table (or blocks, when narrow) with the people who answer."""
    urgent(_console(out), words("overdue_items"), rows, words("nothing_overdue"), words, "red")


def urgent(console, title: str, rows: list[Item], empty: str, words: Words, style: str) -> None:
    if not rows:
        say(console, empty, lead=title + words("sep"), lead_style="bold")
        console.print()
        return
    if console.width < NARROW:
        console.print(f"[bold {style}]{title}[/]")
        _cards(console, rows, words, people=True)
        return
    if len(rows) > PLAIN_ABOVE:  # many screenfuls: the plain writer, not rich's layout
        console.print(f"[bold {style}]{title}[/]")
        console.file.flush()
        _plain_urgent(rows, words, console.file, console.width, style)
        console.print()
        return
    notices = any(item.notice for item in rows)  # gk --all: the 文号 column first
    columns = _item_columns(words, notices, ("id", "title", "lead", "deadline", "days", "people"))
    at = len(columns) - 6
    lines: list[Row | str] = [([*([item.notice or ""] if notices else []), str(item.task.id), item.task.title,
               item.task.lead, item.task.deadline.text,
               words.days(item.days_left, item.workdays_left), people_text(item.lead_people, words)],
              {at + 4: style}) for item in rows]
    if not _fitted(console, columns, lines, title=f"[bold {style}]{title}[/]", right=(at,)):
        console.print(f"[bold {style}]{title}[/]")
        _cards(console, rows, words, people=True)
    console.print()


# --- gk roster ------------------------------------------------------------------------------

def roster(view: RosterView, words: Words, out: TextIO) -> None:
    if view.office and not view.people:
        out.write(words("no_people", office=view.office) + "\n")
        return
    roster = view.roster
    if view.person:
        title = words("person_answers", name=view.person)
    elif view.office:
        title = words("answers_for", office=view.office)
    else:
        title = roster.name or words("leading_group")
    console = _console(out)
    heads = headers(words, ROSTER_COLUMNS)
    columns = [Column(heads[0], NAMES), Column(heads[1], NAMES), Column(heads[2], flexible=True, min_width=10),
               Column(heads[3], NAMES)]
    rows = roster_cells(view, words)
    if not _fitted(console, columns, [(row, {}) for row in rows], title=_escape(title)):
        _roster_cards(console, title, heads, rows, words)
    if view.office is None and view.person is None and roster.attached_to and roster.director:
        say(console, words("group_office", attached=roster.attached_to, director=roster.director),
            NAMES)


def _roster_cards(console, title: str, heads: list[str], rows: list[list[str]],
                  words: Words) -> None:
    """The roster on a terminal too narrow for its columns: a block per person."""
    say(console, title, style="bold")
    for name, *rest in rows:
        say(console, name, NAMES, style="bold")
        for head, value, kind in zip(heads[1:], rest, (NAMES, TEXT, NAMES)):
            say(console, value, kind, indent="  ", lead=head + words("sep"))


# --- gk report ------------------------------------------------------------------------------

def report(found: Report, words: Words, out: TextIO) -> None:
    """Report tables: one per section (by lead office, by work task).

    A terminal too narrow for every column gets one line per office or work task instead:
    a name is never cut and no column's figures are dropped.
    """
    from rich.cells import cell_len
    from rich.text import Text

    console = _console(out)
    console.print(Text(_lines(report_header(found, words), console.width)))
    console.print()
    for section in found.sections:
        heads = [words(key) for key in section_keys(section)]
        rows = [section_cells(section, x) for x in section_rows(section.tallies, section.total, words)]
        first = max(cell_len(r[0]) for r in [[words(section.first)], *rows])
        widths = [max(cell_len(h), *(cell_len(r[n + 1]) for r in rows)) for n, h in enumerate(heads)]
        if first + sum(widths) + 2 * len(widths) > console.width:
            console.print(f"[bold]{_escape(words(section.title))}[/]")
            folded_rows(console, [words(section.first), *heads], rows, words)
            console.print()
            continue
        table = _table(f"[bold]{_escape(words(section.title))}[/]")
        table.add_column(words(section.first), no_wrap=True, min_width=first)
        for head in heads:
            _number_column(table, head)
        for cells in rows:
            table.add_row(_escape(cells[0]), *cells[1:])
        console.print(table)
        console.print()
    if found.summary.reporting:
        from gkcli.calendar_view import rates_table

        rates_table(console, found.summary.reporting, words)


LINE_BY_STATE = {"overdue": "━", "done": "═"}  # open, due soon and ongoing: ─
KEEP = "◆→│┼"  # the deadline mark and today's line are never hidden


def _mark(cells: list[str], col: int, mark: str) -> None:
    """Put the done mark at ``col``, or beside it when the deadline or today's line is there."""
    for at in (col, col + 1, col - 1, col + 2, col - 2):
        if 0 <= at < len(cells) and cells[at] not in KEEP:
            cells[at] = mark
            return


# --- gk timeline ------------------------------------------------------------------------------

def _year_label(years: list[str], year: int, col: int) -> None:
    """Write 2022 above the column where the year starts, else '22, else '22 moved left just
    enough to end at the axis' end: every year that starts on the axis gets its label."""
    width = len(years)
    short = f"'{year % 100:02d}"
    for text, at in ((str(year), col), (short, col), (short, min(col, width - len(short)))):
        if 0 <= at and at + len(text) <= width and all(
                c == " " for c in years[max(0, at - 1):at + len(text)]):
            years[at:at + len(text)] = list(text)
            return


def timeline(found: Timeline, words: Words, out: TextIO) -> None:
    """A month-by-month Gantt of the deadlines, today marked, fitted to the terminal width."""
    rows, start, end, today = found.rows, found.start, found.end, found.today
    if _none_match(rows, words, out):
        return
    from rich.table import Table
    from rich.text import Text

    from gkcli.timeline import axis as make_axis

    console = _console(out)
    label_width = max(12, min(30, console.width // 3))  # id, title, and the gaps
    axis = make_axis(start, end, console.width - label_width - 1)
    now = axis.column(today)

    years, months = [" "] * axis.width, [" "] * axis.width
    last_year = None
    every = 1 if axis.cols_per_month >= 3 else 3  # month numbers, or quarters' first months
    for col, day in axis.month_starts():
        if day.year != last_year:
            _year_label(years, day.year, col)
            last_year = day.year
        label = str(day.month)
        if axis.cols_per_month > 1 and (day.month - 1) % every == 0 and col + len(label) <= axis.width:
            months[col:col + len(label)] = list(label)
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(width=label_width - 3, no_wrap=True, overflow="ellipsis")
    grid.add_column(no_wrap=True)
    grid.add_row("", "", Text("".join(years), style="bold"))
    if axis.cols_per_month > 1:
        grid.add_row("", "", Text("".join(months), style="dim"))
    begin = axis.column(start)
    for item in rows:
        bar = Text()
        cells = [" "] * axis.width
        style = STATE_STYLE[item.state] or "blue"
        due = item.task.deadline.date
        stop = axis.column(due) if due else axis.width - 1
        line = LINE_BY_STATE.get(item.state, "─")  # readable without colour
        for col in range(begin, stop + 1):
            cells[col] = line
        if due:
            cells[stop] = "◆"
        else:
            cells[stop] = "→"
        cells[now] = {" ": "│", line: "┼"}.get(cells[now], cells[now])
        if item.task.done_on:
            late = due is not None and item.task.done_on > due
            _mark(cells, axis.column(item.task.done_on), "✘" if late else "✔")
        for ch in cells:
            bar.append(ch, style="yellow" if ch in "│┼" else style)
        grid.add_row(str(item.task.id), Text(visible(item.task.title)), bar)
    console.print(grid)
    legend = words("legend", today=today.isoformat()).split("  ")
    for line in fold(["", *legend], console.width, "  ", indent=""):
        console.print(line, style="dim", soft_wrap=True)
