"""Rendering the table over time: extensions, ``gk changes`` and ``gk log``.

Renderers take ``(result, words, out)`` as in :mod:`gkcli.formats`; rich is imported only
by the table renderers.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TextIO

from gkcli.i18n import Words
from gkcli.model import Extension, Task

if TYPE_CHECKING:
    from gkcli.asof import ItemHistory, Period
    from gkcli.diff import ItemChange, LogEntry


def extension_text(ext: Extension, words: Words) -> str:
    """2021-06-25 由 2021年6月底 延至 2021年9月底（理由），陈伟 — and, when granted late, so."""
    by = ""
    if ext.by:
        by = f"，{ext.by}" if words.lang == "zh" else f", by {ext.by}"
    text = words("extension_line", on=ext.on.isoformat(), source=ext.from_text or "—",
                 to=ext.to.text, reason=ext.reason, by=by)
    return text if ext.counts else text + words("extension_late")


def extension_lines(task: Task, words: Words) -> list[str]:
    return [extension_text(ext, words) for ext in task.extensions]


def _value(value: object) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def change_text(change: ItemChange, words: Words) -> str:
    """What one change says: 完成（按时） / 完成时间：2021年6月底 → 2021年9月底 / 进展：…"""
    kind = words(f"kind.{change.kind}")
    sep = words("sep")
    if change.kind == "done":
        if change.old and change.new:
            late = (date.fromisoformat(str(change.new)) - date.fromisoformat(str(change.old))).days
            return kind + words("aside", text=words.done_how(late <= 0, max(0, late)))
        return kind
    if change.kind in ("added", "removed", "started", "reopened"):
        return kind
    if change.kind == "note":
        return f"{kind}{sep}{change.new}"
    if change.kind in ("overdue", "due_soon"):
        return kind + words("aside", text=words("due_on", day=change.new))
    text = f"{kind}{sep}{_value(change.old)} → {_value(change.new)}"
    if change.kind == "extended" and not change.counts:
        text += words("extension_late")
    return text


def _by_lead(found: list[ItemChange]) -> list[tuple[str, list[ItemChange]]]:
    groups: dict[str, list[ItemChange]] = {}
    for c in found:
        groups.setdefault(c.lead, []).append(c)
    return list(groups.items())


def _header(period: Period, words: Words) -> str:
    return words("changes_header", since=period.since.isoformat(), until=period.until.isoformat())


def _dump(data: object, out: TextIO) -> None:
    import json

    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def changes_json(period: Period, words: Words, out: TextIO) -> None:
    _dump([c.as_json() for c in period.changes], out)


def changes_md(period: Period, words: Words, out: TextIO) -> None:
    out.write(f"### {_header(period, words)}\n\n")
    if not period.changes:
        out.write(words("no_changes") + "\n")
    sep = words("sep")
    for lead, group in _by_lead(period.changes):
        out.write(f"**{lead}**\n\n")
        for c in group:
            out.write(f"- {c.date.isoformat()} #{c.id} {c.title}{sep}{change_text(c, words)}\n")
        out.write("\n")


def changes_table(period: Period, words: Words, out: TextIO) -> None:
    """``gk changes``: one table per lead office, each change with its date."""
    from gkcli.linebreak import TEXT, Column
    from gkcli.views import _console, _escape, _fitted, folded_rows, say

    console = _console(out)
    say(console, _header(period, words))
    if not period.changes:
        console.print(words("no_changes"))
        return
    console.print()
    heads = [words("date"), words("id"), words("title"), words("change")]
    columns = [Column(heads[0], "fixed"), Column(heads[1], "fixed"),
               Column(heads[2], TEXT, flexible=True, min_width=10), Column(heads[3], TEXT)]
    for lead, group in _by_lead(period.changes):
        rows = [[c.date.isoformat(), str(c.id), c.title, change_text(c, words)] for c in group]
        title = f"[bold]{_escape(lead)}[/]"
        if not _fitted(console, columns, [(row, {}) for row in rows], title=title, right=(1,)):
            console.print(title)
            folded_rows(console, heads, rows, words)
        console.print()


# --- gk log -----------------------------------------------------------------------------------

LOG_LABELS = {"status": "kind.status", "done_on": "done_on", "group": "kind.group",
              "notes": "kind.notes"}


def log_text(entry: LogEntry, words: Words) -> str:
    """One change in gk log: 进度：未开始 → 已完成 / 完成时间：… → … / 进展：2021-05-20 已形成初稿."""
    sep = words("sep")
    if entry.kind in ("added", "removed"):
        return words(f"kind.{entry.kind}")
    if entry.kind == "note":
        return f"{words('kind.note')}{sep}{entry.new}"
    if entry.kind == "note_removed":
        return f"{words('kind.note_removed')}{sep}{entry.old}"
    label = words(LOG_LABELS.get(entry.kind, f"kind.{entry.kind}"))
    old, new = entry.old, entry.new
    if entry.kind == "status":
        old, new = (words.status(v) if v in ("todo", "doing", "done") else v for v in (old, new))
    return f"{label}{sep}{_value(old)} → {_value(new)}"


def fact_text(kind: str, value: object, words: Words) -> str:
    """One dated fact: 完成日期：… / 延期：… / 进展情况：…"""
    sep = words("sep")
    if isinstance(value, Extension):
        return f"{words('kind.extended')}{sep}{extension_text(value, words)}"
    if kind == "done":
        return f"{words('done_on')}{sep}{value}"
    return f"{words('progress')}{sep}{value}"


def log_json(found: ItemHistory, words: Words, out: TextIO) -> None:
    _dump(found.as_json(), out)


def log_table(found: ItemHistory, words: Words, out: TextIO) -> None:
    """``gk log ID``: each recorded change (date, commit, author, old → new), then the dated facts."""
    from rich.text import Text

    from gkcli.linebreak import NAMES, TEXT, Column
    from gkcli.views import _console, _fitted, _lines, folded_rows, say

    console = _console(out)
    header = words("log_header", id=found.task_id, title=found.title)
    console.print(Text(_lines(header, console.width), style="bold"))
    console.print()
    if not found.entries:
        console.print(words("log_none"))
    else:
        heads = [words("date"), words("commit"), words("author"), words("change")]
        columns = [Column(heads[0], "fixed"), Column(heads[1], "fixed"), Column(heads[2], NAMES),
                   Column(heads[3], TEXT, flexible=True, min_width=10)]
        rows = [[e.date.isoformat(), e.commit or words("uncommitted"), e.author, log_text(e, words)]
                for e in found.entries]
        title = f"[bold]{words('log_changes')}[/]"
        if not _fitted(console, columns, [(row, {}) for row in rows], title=title):
            console.print(title)
            folded_rows(console, heads, rows, words)
    if found.facts:
        console.print()
        console.print(f"[bold]{words('log_facts')}[/]")
        for kind, value in found.facts:
            say(console, fact_text(kind, value, words), NAMES)
