"""Turning items, dashboards and rosters into text: rich tables, JSON, CSV and Markdown.

Renderers write to the stream they are given and never read files. rich is imported
only by the table renderers, so JSON, CSV and Markdown output start faster.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from typing import Any, Callable, TextIO

from gkcli.errors import Problem
from gkcli.i18n import days_phrase, done_phrase, item_state, ordinal, state_word, status_word, t
from gkcli.model import Person, Roster
from gkcli.query import Item
from gkcli.report import Dashboard, Reminder, Tally

STATE_STYLE = {"overdue": "bold red", "due_soon": "yellow", "open": "", "ongoing": "cyan",
               "done": "green"}
LIST_COLUMNS = ("id", "group", "title", "lead", "assist", "deadline", "state")
TABLE_COLUMNS = ("id", "title", "lead", "assist", "deadline", "state")  # work tasks as row headings


def _console(out: TextIO):
    from rich.console import Console

    return Console(file=out, highlight=False, emoji=False)


def _table(title: str | None = None, **kwargs: Any):
    from rich import box
    from rich.table import Table

    kwargs.setdefault("pad_edge", False)
    kwargs.setdefault("show_edge", False)
    kwargs.setdefault("collapse_padding", True)
    return Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", title_style="bold", **kwargs)


NARROW = 72  # below this many columns, item tables become one block per item


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


def _state_width(lang: str) -> int:
    from rich.cells import cell_len

    return max(cell_len(state_word(lang, s)) for s in STATE_STYLE)


def _number_column(table, header: str = "") -> None:
    table.add_column(header, justify="right", no_wrap=True)


def dump_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


# --- cells ---------------------------------------------------------------------------

def assist_text(item: Item, lang: str) -> str:
    return "、".join(item.task.assist) or t(lang, "none")


def people_text(people: tuple[Person, ...] | list[Person], lang: str) -> str:
    return "、".join(p.name for p in people) or t(lang, "none")


def deadline_text(item: Item) -> str:
    return item.task.deadline.text


def list_cells(item: Item, lang: str) -> list[str]:
    """The cells of one item under the official table's columns (LIST_COLUMNS)."""
    task = item.task
    return [str(task.id), item.group_title, task.title, task.lead, assist_text(item, lang),
            deadline_text(item), item_state(lang, item.state, task.on_time, task.days_late)]


def headers(lang: str, keys: tuple[str, ...]) -> list[str]:
    return [t(lang, k) for k in keys]


# --- spreadsheet safety (CSV) ----------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise formula injection (OWASP): text starting with = + - @ tab CR gets a leading '.

    Numbers, and text that is a plain number, stay usable.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    if text.startswith(_DANGEROUS) and not _NUMBER.match(text):
        return "'" + text
    return text


def write_csv(header: list[str], rows: list[list[object]], out: TextIO) -> None:
    """CSV for Excel and WPS: UTF-8 with BOM, CRLF, every cell neutralised."""
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])


def write_markdown(header: list[str], rows: list[list[object]], out: TextIO) -> None:
    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", "<br>")

    out.write("| " + " | ".join(cell(h) for h in header) + " |\n")
    out.write("|" + "|".join("---" for _ in header) + "|\n")
    for row in rows:
        out.write("| " + " | ".join(cell(c) for c in row) + " |\n")


# --- gk list ------------------------------------------------------------------------------

EXPORT_COLUMNS = ("id", "group", "title", "lead", "assist", "deadline", "due_date", "state",
                  "days_over", "people")


def export_columns(lang: str) -> list[str]:
    """序号, 工作任务, 具体事项, 牵头股室, 协办股室, 完成时间, 截止日期, 状态, 逾期天数, 责任人."""
    return headers(lang, EXPORT_COLUMNS)


def export_values(item: Item, lang: str) -> list[object]:
    """One item for the files the offices open: numbers as numbers, the due date as a date."""
    task = item.task
    over = -item.days_left if item.state == "overdue" and item.days_left is not None else 0
    return [task.id, item.group_title, task.title, task.lead, assist_text(item, lang),
            task.deadline.text, task.deadline.date,
            item_state(lang, item.state, task.on_time, task.days_late), over,
            people_text(item.lead_people, lang)]


def export_cells(item: Item, lang: str) -> list[object]:
    """export_values with the date as ISO text and no empty cell (— for an ongoing item)."""
    return [v.isoformat() if isinstance(v, date) else ("—" if v is None else v)
            for v in export_values(item, lang)]


def items_table(rows: list[Item], lang: str, out: TextIO) -> None:
    if not rows:
        out.write(t(lang, "no_items") + "\n")
        return
    console = _console(out)
    if console.width < NARROW:
        _cards(console, rows, lang)
        return
    table = _table()
    caps = {"lead": 10, "assist": 10, "deadline": 12}
    for key in TABLE_COLUMNS:
        if key == "id":
            _number_column(table, t(lang, key))
        else:
            _text_column(table, t(lang, key), no_wrap=key == "state", max_width=caps.get(key),
                         min_width=_state_width(lang) if key == "state" else None)
    previous_group = None
    for item in rows:
        if item.task.group != previous_group:  # like the notice's merged 工作任务 cells
            from rich.text import Text

            heading = f"{ordinal(lang, item.task.group)}{item.group_title}"
            table.add_row("", Text(heading, style="bold"), end_section=False)
            previous_group = item.task.group
        cells = list_cells(item, lang)
        del cells[1]
        style = STATE_STYLE[item.state]
        table.add_row(*(_escape(c) for c in cells[:-1]),
                      f"[{style}]{cells[-1]}[/]" if style else cells[-1])
    console.print(table)


def _cards(console, rows: list[Item], lang: str, people: bool = False) -> None:
    """One block per item, for terminals too narrow for the table's columns."""
    from rich.table import Table
    from rich.text import Text

    sep = "：" if lang == "zh" else ": "
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for item in rows:
        task = item.task
        days = days_phrase(lang, item.days_left)
        body = Text(overflow="fold")
        body.append(task.title + "\n", style="bold")
        body.append(f"{t(lang, 'group')}{sep}{item.group_title}\n")
        body.append(f"{t(lang, 'lead')}{sep}{task.lead}\n")
        body.append(f"{t(lang, 'assist')}{sep}{assist_text(item, lang)}\n")
        body.append(f"{t(lang, 'deadline')}{sep}{task.deadline.text}"
                    + (f"（{days}）\n" if lang == "zh" else f" ({days})\n"))
        body.append(f"{t(lang, 'state')}{sep}")
        body.append(state_word(lang, item.state), style=STATE_STYLE[item.state] or None)
        if people:
            body.append(f"\n{t(lang, 'people')}{sep}{people_text(item.lead_people, lang)}")
        grid.add_row(str(task.id), body)
        grid.add_row("", "")
    console.print(grid)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def items_json(rows: list[Item], lang: str, out: TextIO) -> None:
    dump_json([r.as_json() for r in rows], out)


def items_csv(rows: list[Item], lang: str, out: TextIO) -> None:
    write_csv(export_columns(lang), [export_cells(r, lang) for r in rows], out)


def items_md(rows: list[Item], lang: str, out: TextIO) -> None:
    write_markdown(export_columns(lang), [export_cells(r, lang) for r in rows], out)


ITEM_RENDERERS: dict[str, Callable[[list[Item], str, TextIO], None]] = {
    "table": items_table, "json": items_json, "csv": items_csv, "md": items_md,
}


def items(rows: list[Item], fmt: str, lang: str, out: TextIO) -> None:
    ITEM_RENDERERS[fmt](rows, lang, out)


# --- gk show ------------------------------------------------------------------------------

def item_detail(item: Item, lang: str, out: TextIO) -> None:
    task = item.task
    due = task.deadline.date.isoformat() if task.deadline.date else t(lang, "state.ongoing")
    people = "、".join(f"{p.name}（{p.post}）" for p in item.lead_people) or t(lang, "none")
    lines = [
        (t(lang, "id"), str(task.id)),
        (t(lang, "group"), f"{task.group}. {item.group_title}"),
        (t(lang, "title"), task.title),
        (t(lang, "lead"), task.lead),
        (t(lang, "people"), people),
        (t(lang, "assist"), assist_text(item, lang)),
        (t(lang, "deadline"), f"{task.deadline.text}（{due}）" if lang == "zh" else f"{task.deadline.text} ({due})"),
        (t(lang, "state"), _state_line(item, lang)),
        (t(lang, "status"), status_word(lang, task.status)),
    ]
    if task.extensions:
        from gkcli.history_views import extension_lines

        original = task.original
        when = original.date.isoformat() if original.date else t(lang, "state.ongoing")
        lines.insert(7, (t(lang, "original_deadline"),
                         f"{original.text}（{when}）" if lang == "zh" else f"{original.text} ({when})"))
        for i, text in enumerate(extension_lines(task, lang)):
            lines.insert(8 + i, (t(lang, "extensions") if i == 0 else "", text))
    if task.done_on:
        lines.append((t(lang, "done_on"), task.done_on.isoformat()))
    if task.notes:
        lines.append((t(lang, "notes"), task.notes))
    for i, entry in enumerate(task.progress):
        lines.append((t(lang, "progress") if i == 0 else "", entry))
    table = _table(show_header=False)
    table.add_column(style="bold", no_wrap=True)
    _text_column(table)
    for label, value in lines:
        table.add_row(label, _escape(value))
    _console(out).print(table)


def _state_line(item: Item, lang: str) -> str:
    """已逾期，逾期3天 / 已完成，按时 / 已完成，超时5天 / 已完成 (undated)."""
    sep = "，" if lang == "zh" else ", "
    if item.state == "done":
        how = done_phrase(lang, item.task.on_time, item.task.days_late)
        return state_word(lang, "done") + (sep + how if how else "")
    return f"{state_word(lang, item.state)}{sep}{days_phrase(lang, item.days_left)}"


# --- gk status ------------------------------------------------------------------------------

def bar(done: int, total: int, width: int = 20) -> str:
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def dashboard(board: Dashboard, title: str, number: str, lang: str, out: TextIO) -> None:
    console = _console(out)
    totals = board.totals
    heading = f"{title}（{number}）" if number and lang == "zh" else (f"{title} ({number})" if number else title)
    console.print(f"[bold]{_escape(heading)}[/]")
    console.print(f"{t(lang, 'as_of')} {board.as_of.isoformat()}")
    pct = f"{100 * totals.done / totals.total:.0f}%" if totals.total else "—"
    console.print(f"{t(lang, 'progress_bar')} {bar(totals.done, totals.total)} "
                  f"{totals.done}/{totals.total} {pct}")
    counts = "  ".join(
        f"[{STATE_STYLE[s]}]{state_word(lang, s)} {getattr(totals, s)}[/]" if STATE_STYLE[s]
        else f"{state_word(lang, s)} {getattr(totals, s)}"
        for s in ("overdue", "due_soon", "open", "ongoing", "done"))
    console.print(counts)
    if board.since_meeting is not None:
        day, done, newly = board.since_meeting
        console.print(t(lang, "since_meeting", day=day.isoformat(), done=done, overdue=newly))
    console.print()
    offices = _table(t(lang, "by_office"))
    _text_column(offices, t(lang, "lead"), max_width=12)
    for state in ("overdue", "due_soon", "open", "ongoing", "done"):
        _number_column(offices, state_word(lang, state))
    _number_column(offices, t(lang, "total"))
    _text_column(offices, t(lang, "people"), max_width=12)
    for tally in board.by_office:
        offices.add_row(_escape(tally.name), *(str(getattr(tally, s)) for s in
                        ("overdue", "due_soon", "open", "ongoing", "done")),
                        str(tally.total), _escape(people_text(tally.people, lang)))
    console.print(offices)
    console.print()
    urgent(console, t(lang, "overdue_items"), board.overdue, t(lang, "nothing_overdue"), lang, "red")
    urgent(console, t(lang, "due_soon_items", days=board.due_soon_days), board.due_soon,
            t(lang, "nothing_due_soon"), lang, "yellow")


def overdue(rows: list[Item], lang: str, out: TextIO) -> None:
    """gk overdue: the overdue table (or blocks, when narrow) with the people who answer."""
    urgent(_console(out), t(lang, "overdue_items"), rows, t(lang, "nothing_overdue"), lang, "red")


def urgent(console, title: str, rows: list[Item], empty: str, lang: str, style: str) -> None:
    if not rows:
        console.print(f"[bold]{title}[/]：{empty}" if lang == "zh" else f"[bold]{title}[/]: {empty}")
        console.print()
        return
    if console.width < NARROW:
        console.print(f"[bold {style}]{title}[/]")
        _cards(console, rows, lang, people=True)
        return
    table = _table(f"[bold {style}]{title}[/]")
    _number_column(table, t(lang, "id"))
    caps = {"lead": 10, "deadline": 12, "people": 12}
    for key in ("title", "lead", "deadline", "days", "people"):
        _text_column(table, t(lang, key), max_width=caps.get(key), no_wrap=key == "days")
    for item in rows:
        table.add_row(str(item.task.id), _escape(item.task.title), _escape(item.task.lead),
                      _escape(item.task.deadline.text),
                      f"[{style}]{days_phrase(lang, item.days_left)}[/]",
                      _escape(people_text(item.lead_people, lang)))
    console.print(table)
    console.print()


def dashboard_json(board: Dashboard, out: TextIO) -> None:
    dump_json({
        "as_of": board.as_of.isoformat(),
        "due_soon_days": board.due_soon_days,
        "totals": board.totals.as_json(),
        "since_meeting": None if board.since_meeting is None else {
            "date": board.since_meeting[0].isoformat(), "done": board.since_meeting[1],
            "overdue": board.since_meeting[2]},
        "by_office": [x.as_json() for x in board.by_office],
        "overdue": [r.as_json() for r in board.overdue],
        "due_soon": [r.as_json() for r in board.due_soon],
    }, out)


# --- gk roster ------------------------------------------------------------------------------

def person_json(p: Person) -> dict:
    return {"name": p.name, "role": p.role, "post": p.post, "office": p.office}


def roster(roster: Roster, people: list[Person], fmt: str, lang: str, out: TextIO,
           title: str | None = None) -> None:
    if fmt == "json":
        dump_json([person_json(p) for p in people], out)
        return
    header = headers(lang, ("name", "role", "post", "heads"))
    cells = [[p.name, t(lang, f"role.{p.role}"), p.post, p.office or "—"] for p in people]
    if fmt == "csv":
        write_csv(header, cells, out)
        return
    if fmt == "md":
        write_markdown(header, cells, out)
        return
    table = _table(title or roster.name or t(lang, "leading_group"))
    for h in header:
        _text_column(table, h)
    for row in cells:
        table.add_row(*(_escape(c) for c in row))
    console = _console(out)
    console.print(table)
    if title is None and roster.attached_to and roster.director:
        console.print(t(lang, "group_office", attached=roster.attached_to, director=roster.director))


# --- gk check ------------------------------------------------------------------------------

def problems(found: list[Problem], out: TextIO, lang: str = "zh") -> None:
    from gkcli.i18n import Words

    words = Words(lang)
    for problem in found:
        out.write(f"{problem.text(words)}\n")


# --- gk report ------------------------------------------------------------------------------

REPORT_KEYS = ("rep.total", "rep.done", "rep.on_time", "rep.late", "rep.overdue", "rep.due_soon",
               "rep.ongoing", "rep.extended", "rep.rate")


def _tally_cells(x: Tally) -> list[str]:
    rate = "—" if x.on_time_rate is None else f"{100 * x.on_time_rate:.0f}%"
    return [x.name, str(x.total), str(x.done), str(x.done_on_time), str(x.done_late),
            str(x.overdue), str(x.due_soon), str(x.ongoing), str(x.extended), rate]


def report(sections: list[tuple[str, str, list[Tally]]], header_line: str, fmt: str, lang: str,
           out: TextIO, as_json: dict) -> None:
    """Report tables: one per (title, first-column heading, tallies) section."""
    if fmt == "json":
        dump_json(as_json, out)
        return
    if fmt == "md":
        out.write(f"{header_line}\n\n")
        for title, first, tallies in sections:
            out.write(f"### {title}\n\n")
            write_markdown([first, *headers(lang, REPORT_KEYS)], [_tally_cells(x) for x in tallies], out)
            out.write("\n")
        return
    console = _console(out)
    console.print(_escape(header_line))
    console.print()
    for title, first, tallies in sections:
        table = _table(f"[bold]{_escape(title)}[/]")
        _text_column(table, first, min_width=10, max_width=20)
        for key in REPORT_KEYS:
            _number_column(table, t(lang, key))
        for x in tallies:
            cells = _tally_cells(x)
            table.add_row(_escape(cells[0]), *cells[1:])
        console.print(table)
        console.print()


# --- gk remind ------------------------------------------------------------------------------

def reminder_text(rem: Reminder, table_title: str, number: str, as_of: date, lang: str,
                  sender: str) -> str:
    """A message to paste into WeChat: who, which items, how late, and the office's part."""
    people = "、".join(p.name for p in rem.people)
    lines = []
    if lang == "zh":
        lines.append(f"【{rem.office}】" + (f"{people}同志：" if people else ""))
        source = f"《{table_title}》" + (f"（{number}）" if number else "")
        lines.append(f"根据{source}，截至{as_of.year}年{as_of.month}月{as_of.day}日，"
                     f"贵股室以下事项已逾期或即将到期，请抓紧推进，并及时反馈进展：")
        for n, (item, role) in enumerate(rem.items, start=1):
            lines.append(f"{n}. [{t(lang, 'part.' + role)}] {item.task.id}号 {item.task.title}"
                         f"（完成时间：{item.task.deadline.text}，{days_phrase(lang, item.days_left)}）")
        if sender:
            lines.append(sender)
    else:
        lines.append(f"[{rem.office}]" + (f" {people}:" if people else ""))
        lines.append(f"Under {table_title}" + (f" ({number})" if number else "")
                     + f", as of {as_of.isoformat()} these items are overdue or due soon; "
                     "please move them forward and report progress:")
        for n, (item, role) in enumerate(rem.items, start=1):
            lines.append(f"{n}. [{t(lang, 'part.' + role)}] #{item.task.id} {item.task.title} "
                         f"(deadline {item.task.deadline.text}, {days_phrase(lang, item.days_left)})")
        if sender:
            lines.append(sender)
    return "\n".join(lines)


def reminder_json(rem: Reminder, message: str) -> dict:
    return {
        "office": rem.office,
        "people": [p.name for p in rem.people],
        "items": [{**item.as_json(), "role": role} for item, role in rem.items],
        "message": message,
    }


# --- gk timeline ------------------------------------------------------------------------------

def timeline(rows: list[Item], start: date, end: date, today: date, lang: str, out: TextIO) -> None:
    """A month-by-month Gantt of the deadlines, today marked, fitted to the terminal width."""
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
        if day.year != last_year and col + 4 <= axis.width and all(c == " " for c in years[max(0, col - 1):col + 4]):
            years[col:col + 4] = list(str(day.year))
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
        for col in range(begin, stop + 1):
            cells[col] = "─"
        if due:
            cells[stop] = "◆"
        else:
            cells[stop] = "→"
        if item.task.done_on:
            cells[axis.column(item.task.done_on)] = "✔"
        cells[now] = {" ": "│", "─": "┼"}.get(cells[now], cells[now])
        for ch in cells:
            bar.append(ch, style="yellow" if ch in "│┼" else style)
        grid.add_row(str(item.task.id), Text(item.task.title), bar)
    console.print(grid)
    legend = {"zh": f"◆ 完成时间  ✔ 完成日期  → 长期  │ 今天 {today.isoformat()}",
              "en": f"◆ deadline  ✔ done  → ongoing  │ today {today.isoformat()}"}[lang]
    console.print(legend, style="dim")
