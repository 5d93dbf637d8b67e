"""Terminal views drawn with rich: item tables, the dashboard, rosters, reports, the timeline.

rich is imported only inside the functions that draw, so the other formats start faster.
Each view takes (result, words, out).
"""

from __future__ import annotations

from typing import Any, TextIO, cast

from gkcli.i18n import Words
from gkcli.plaintable import PLAIN_ABOVE
from gkcli.query import Item
from gkcli.report import Dashboard, Report, RosterView, Timeline
from gkcli.tabular import (
    ROSTER_COLUMNS,
    assist_text,
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


def _console(out: TextIO):
    from rich.console import Console

    return Console(file=cast(TextIO, _NoTrailingSpaces(out)), highlight=False, emoji=False)


def _table(title: str | None = None, **kwargs: Any):
    from rich import box
    from rich.table import Table

    kwargs.setdefault("pad_edge", False)
    kwargs.setdefault("show_edge", False)
    kwargs.setdefault("collapse_padding", True)
    return Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", title_style="bold", **kwargs)


def _text_column(table, header: str = "", **kwargs: Any) -> None:
    """A column of Chinese text: folds at any character, since CJK has no spaces to wrap at.

    A heading breaks only between words: a column is at least as wide as its longest word.
    """
    from rich.cells import cell_len

    widest_word = max((cell_len(word) for word in header.split()), default=0)
    kwargs["min_width"] = max(widest_word, 4, kwargs.get("min_width") or 0)
    if kwargs.get("max_width"):
        kwargs["max_width"] = max(kwargs["max_width"], kwargs["min_width"])
    table.add_column(header, overflow="fold", **kwargs)


def _state_width(words: Words) -> int:
    from rich.cells import cell_len

    return max(cell_len(words.state(s)) for s in STATE_STYLE)


def _number_column(table, header: str = "") -> None:
    table.add_column(header, justify="right", no_wrap=True)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(visible(text))


def fold(parts: list[str], width: int, sep: str, indent: str = "  ") -> list[str]:
    """Lines of at most ``width`` columns, broken only between ``parts`` (the first is a heading):
    a name or a figure is never split."""
    from rich.cells import cell_len

    lines = [parts[0]]
    for n, part in enumerate(parts[1:]):
        piece = part + (sep if n < len(parts) - 2 else "")
        if cell_len(lines[-1]) + cell_len(piece) > width and lines[-1].strip() and len(lines[-1]) > len(indent):
            lines[-1] = lines[-1].rstrip()
            lines.append(indent + piece)
        else:
            lines[-1] += piece
    return lines


# --- gk list ------------------------------------------------------------------------------

def _none_match(rows: list[Item], words: Words, out: TextIO) -> bool:
    """Say 没有符合条件的事项 when the filters left nothing to draw."""
    if not rows:
        out.write(words("no_items") + "\n")
    return not rows


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
    table = _table()
    caps = {"lead": 10, "assist": 10, "deadline": 12}
    notices = any(item.notice for item in rows)  # gk --all: the 文号 column first
    if notices:
        _text_column(table, words("notice"), no_wrap=True)
    for key in TABLE_COLUMNS:
        if key == "id":
            _number_column(table, words(key))
        else:
            _text_column(table, words(key), no_wrap=key == "state", max_width=caps.get(key),
                         min_width=_state_width(words) if key == "state" else None)
    previous_group = None
    lead_cells = [""] if notices else []
    for item in rows:
        if (item.notice, item.task.group) != previous_group:  # as the notice's merged 工作任务
            from rich.text import Text

            heading = visible(f"{words.ordinal(item.task.group)}{item.group_title}")
            table.add_row(*lead_cells, "", Text(heading, style="bold"), end_section=False)
            previous_group = (item.notice, item.task.group)
        task = item.task
        cells = [str(task.id), task.title, task.lead, assist_text(item, words), task.deadline.text]
        if notices:
            cells.insert(0, item.notice or "")
        style = STATE_STYLE[item.state]
        state = words.item_state(item.state, task.on_time, task.days_late)
        table.add_row(*(_escape(c) for c in cells), f"[{style}]{state}[/]" if style else state)
    console.print(table)


def _plain_items(rows: list[Item], words: Words, out: TextIO, width: int) -> None:
    """gk list of thousands of rows: the same columns, written by :mod:`gkcli.plaintable`."""
    from gkcli.plaintable import Column, write

    notices = any(item.notice for item in rows)
    columns = [Column(words("notice"))] if notices else []
    columns += [Column(words("id"), right=True), Column(words("title"), flexible=True, min_width=10),
                Column(words("lead"), cap=10), Column(words("assist"), cap=10),
                Column(words("deadline"), cap=12),
                Column(words("state"), min_width=_state_width(words), styled=True)]

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
    from gkcli.plaintable import Column, write

    notices = any(item.notice for item in rows)
    columns = [Column(words("notice"))] if notices else []
    columns += [Column(words("id"), right=True), Column(words("title"), flexible=True, min_width=10),
                Column(words("lead"), cap=10), Column(words("deadline"), cap=12),
                Column(words("days"), styled=True), Column(words("people"), cap=12)]
    write(columns, ((None, [*([item.notice or ""] if notices else []), str(item.task.id),
                            item.task.title, item.task.lead, item.task.deadline.text,
                            words.days(item.days_left), people_text(item.lead_people, words)],
                     style) for item in rows), out, width)


def _cards(console, rows: list[Item], words: Words, people: bool = False) -> None:
    """One block per item, for terminals too narrow for the table's columns."""
    from rich.table import Table
    from rich.text import Text

    sep = words("sep")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for item in rows:
        task = item.task
        body = Text(overflow="fold")
        body.append(visible(task.title) + "\n", style="bold")
        body.append(visible(f"{words('group')}{sep}{item.group_title}\n"))
        body.append(visible(f"{words('lead')}{sep}{task.lead}\n"))
        body.append(visible(f"{words('assist')}{sep}{assist_text(item, words)}\n"))
        body.append(visible(f"{words('deadline')}{sep}{task.deadline.text}"
                            f"{words('aside', text=words.days(item.days_left, item.workdays_left))}\n"))
        body.append(f"{words('state')}{sep}")
        body.append(words.item_state(item.state, task.on_time, task.days_late),
                    style=STATE_STYLE[item.state] or None)
        if people:
            body.append(visible(f"\n{words('people')}{sep}{people_text(item.lead_people, words)}"))
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
    if task.extensions:
        from gkcli.history_views import extension_lines

        original = task.original
        when = original.date.isoformat() if original.date else words.state("ongoing")
        lines.insert(7, (words("original_deadline"), original.text + words("aside", text=when)))
        for i, text in enumerate(extension_lines(task, words)):
            lines.insert(8 + i, (words("extensions") if i == 0 else "", text))
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
    table = _table(show_header=False)
    table.add_column(style="bold", no_wrap=True)
    _text_column(table)
    for label, value in lines:
        table.add_row(label, _escape(value))
    _console(out).print(table)


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
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


STATES = ("overdue", "due_soon", "open", "ongoing", "done")


def dashboard(board: Dashboard, words: Words, out: TextIO) -> None:
    console = _console(out)
    totals = board.totals
    heading = board.title + (words("aside", text=board.number) if board.number else "")
    console.print(f"[bold]{_escape(heading)}[/]")
    console.print(f"{words('as_of')} {board.as_of.isoformat()}")
    pct = percent(totals.done, totals.total)
    console.print(f"{words('progress_bar')} {bar(totals.done, totals.total)} "
                  f"{totals.done}/{totals.total} {pct}")
    counts = "  ".join(
        f"[{STATE_STYLE[s]}]{words.state(s)} {getattr(totals, s)}[/]" if STATE_STYLE[s]
        else f"{words.state(s)} {getattr(totals, s)}"
        for s in STATES)
    console.print(counts)
    if board.since_meeting is not None:
        day, done, newly = board.since_meeting
        console.print(words("since_meeting", day=day.isoformat(), done=done, overdue=newly))
    console.print()
    offices = _table(words("by_office"))
    _text_column(offices, words("lead"), max_width=12)
    for state in STATES:
        _number_column(offices, words.state(state))
    _number_column(offices, words("total"))
    _text_column(offices, words("people"), max_width=12)
    for tally in board.by_office:
        offices.add_row(_escape(tally.name), *(str(getattr(tally, s)) for s in STATES),
                        str(tally.total), _escape(people_text(tally.people, words)))
    console.print(offices)
    console.print()
    urgent(console, words("overdue_items"), board.overdue, words("nothing_overdue"), words, "red")
    soon_title = (words("due_soon_items", days=board.due_soon_days)
                  if board.due_soon_workdays is None
                  else words("due_soon_items_workdays", days=board.due_soon_workdays))
    urgent(console, soon_title, board.due_soon, words("nothing_due_soon"), words, "yellow")
    if board.reports:
        from gkcli.calendar_view import outstanding

        outstanding(console, board.reports, words)


def overdue(rows: list[Item], words: Words, out: TextIO) -> None:
    """gk overdue: the overdue table (or blocks, when narrow) with the people who answer."""
    urgent(_console(out), words("overdue_items"), rows, words("nothing_overdue"), words, "red")


def urgent(console, title: str, rows: list[Item], empty: str, words: Words, style: str) -> None:
    if not rows:
        console.print(f"[bold]{title}[/]{words('sep')}{empty}")
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
    table = _table(f"[bold {style}]{title}[/]")
    notices = any(item.notice for item in rows)  # gk --all: the 文号 column first
    if notices:
        _text_column(table, words("notice"), no_wrap=True)
    _number_column(table, words("id"))
    caps = {"lead": 10, "deadline": 12, "people": 12}
    for key in ("title", "lead", "deadline", "days", "people"):
        _text_column(table, words(key), max_width=caps.get(key), no_wrap=key == "days")
    for item in rows:
        table.add_row(*([_escape(item.notice or "")] if notices else []),
                      str(item.task.id), _escape(item.task.title), _escape(item.task.lead),
                      _escape(item.task.deadline.text),
                      f"[{style}]{words.days(item.days_left, item.workdays_left)}[/]",
                      _escape(people_text(item.lead_people, words)))
    console.print(table)
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
    table = _table(title)
    for h in headers(words, ROSTER_COLUMNS):
        _text_column(table, h)
    for row in roster_cells(view, words):
        table.add_row(*(_escape(c) for c in row))
    console = _console(out)
    console.print(table)
    if view.office is None and view.person is None and roster.attached_to and roster.director:
        console.print(words("group_office", attached=roster.attached_to, director=roster.director))


# --- gk report ------------------------------------------------------------------------------

def report(found: Report, words: Words, out: TextIO) -> None:
    """Report tables: one per section (by lead office, by work task).

    A terminal too narrow for every column gets one line per office or work task instead:
    a name is never cut and no column's figures are dropped.
    """
    from rich.cells import cell_len

    console = _console(out)
    console.print(_escape(report_header(found, words)))
    console.print()
    for section in found.sections:
        heads = [words(key) for key in section_keys(section)]
        rows = [section_cells(section, x) for x in section_rows(section.tallies, section.total, words)]
        first = max(cell_len(r[0]) for r in [[words(section.first)], *rows])
        widths = [max(cell_len(h), *(cell_len(r[n + 1]) for r in rows)) for n, h in enumerate(heads)]
        if first + sum(widths) + 2 * len(widths) > console.width:
            console.print(f"[bold]{_escape(words(section.title))}[/]")
            for cells in rows:
                figures = [f"{h} {v}" for h, v in zip(heads, cells[1:])]
                for line in fold([cells[0] + words("sep"), *figures], console.width, words("list_sep")):
                    console.print(_escape(line), soft_wrap=True)
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
