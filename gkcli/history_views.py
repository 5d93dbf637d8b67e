"""Rendering the table over time: extensions, ``gk changes`` and ``gk log``.

Like :mod:`gkcli.render`, these write to the stream they are given; rich is imported only
by the table renderers.
"""

from __future__ import annotations

from typing import TextIO

from gkcli.i18n import t
from gkcli.model import Task


def extension_lines(task: Task, lang: str) -> list[str]:
    """One line per extension: 2021-06-25 由 2021年6月底 延至 2021年9月底（理由）."""
    lines = []
    for ext in task.extensions:
        by = ""
        if ext.by:
            by = f"，{ext.by}" if lang == "zh" else f", by {ext.by}"
        text = t(lang, "extension_line", on=ext.on.isoformat(), source=ext.from_text or "—",
                 to=ext.to.text, reason=ext.reason, by=by)
        if not ext.counts:
            text += t(lang, "extension_late")
        lines.append(text)
    return lines


def _value(value: object, lang: str) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def change_text(change, lang: str) -> str:
    """What one change says: 完成（按时） / 完成时间 2021年6月底 → 2021年9月底 / 进展：…"""
    from gkcli.i18n import done_phrase

    kind = t(lang, f"kind.{change.kind}")
    sep = "：" if lang == "zh" else ": "
    if change.kind == "done":
        if change.old and change.new:
            from datetime import date

            late = (date.fromisoformat(change.new) - date.fromisoformat(change.old)).days
            how = done_phrase(lang, late <= 0, max(0, late))
            return f"{kind}（{how}）" if lang == "zh" else f"{kind} ({how})"
        return kind
    if change.kind in ("added", "removed", "started", "reopened"):
        return kind
    if change.kind == "note":
        return f"{kind}{sep}{change.new}"
    if change.kind == "extended" and not change.counts:
        return f"{kind}{sep}{_value(change.old, lang)} → {_value(change.new, lang)}" + t(
            lang, "extension_late")
    if change.kind in ("overdue", "due_soon"):
        due = t(lang, "deadline")
        return f"{kind}（{due} {change.new}）" if lang == "zh" else f"{kind} ({due} {change.new})"
    return f"{kind}{sep}{_value(change.old, lang)} → {_value(change.new, lang)}"


LOG_LABELS = {"status": "kind.status", "done_on": "done_on", "group": "kind.group",
              "notes": "kind.notes"}


def log_text(entry, lang: str) -> str:
    """One change in gk log: 进度：未开始 → 已完成 / 完成时间：… → … / 进展：2021-05-20 已形成初稿."""
    from gkcli.i18n import status_word

    sep = "：" if lang == "zh" else ": "
    if entry.kind in ("added", "removed"):
        return t(lang, f"kind.{entry.kind}")
    if entry.kind == "note":
        return f"{t(lang, 'kind.note')}{sep}{entry.new}"
    if entry.kind == "note_removed":
        return f"{t(lang, 'kind.note_removed')}{sep}{entry.old}"
    label = t(lang, LOG_LABELS.get(entry.kind, f"kind.{entry.kind}"))
    old, new = entry.old, entry.new
    if entry.kind == "status":
        old, new = (status_word(lang, v) if v in ("todo", "doing", "done") else v for v in (old, new))
    return f"{label}{sep}{_value(old, lang)} → {_value(new, lang)}"


def changes(found: list, since: str, until: str, fmt: str, lang: str, out: TextIO) -> None:
    """``gk changes``: grouped by lead office, each change with its date."""
    if fmt == "json":
        from gkcli.render import dump_json

        dump_json([c.as_json() for c in found], out)
        return
    header = t(lang, "changes_header", since=since, until=until)
    if fmt == "md":
        out.write(f"### {header}\n\n")
        if not found:
            out.write(t(lang, "no_changes") + "\n")
        for lead, group in _by_lead(found):
            out.write(f"**{lead}**\n\n")
            for c in group:
                out.write(f"- {c.date.isoformat()} #{c.id} {c.title}：{change_text(c, lang)}\n"
                          if lang == "zh" else
                          f"- {c.date.isoformat()} #{c.id} {c.title}: {change_text(c, lang)}\n")
            out.write("\n")
        return
    from gkcli.render import _console, _escape, _number_column, _table, _text_column

    console = _console(out)
    console.print(_escape(header))
    if not found:
        console.print(t(lang, "no_changes"))
        return
    console.print()
    for lead, group in _by_lead(found):
        table = _table(f"[bold]{_escape(lead)}[/]")
        _text_column(table, t(lang, "date"), no_wrap=True, min_width=10)
        _number_column(table, t(lang, "id"))
        _text_column(table, t(lang, "title"), max_width=24)
        _text_column(table, t(lang, "change"))
        for c in group:
            table.add_row(c.date.isoformat(), str(c.id), _escape(c.title),
                          _escape(change_text(c, lang)))
        console.print(table)
        console.print()


def _by_lead(found: list) -> list[tuple[str, list]]:
    groups: dict[str, list] = {}
    for c in found:
        groups.setdefault(c.lead, []).append(c)
    return list(groups.items())


def log(entries: list, facts: list[str], header: str, fmt: str, lang: str, out: TextIO,
        as_json: dict) -> None:
    """``gk log ID``: each recorded change (date, commit, author, old → new), then the dated facts."""
    if fmt == "json":
        from gkcli.render import dump_json

        dump_json(as_json, out)
        return
    from gkcli.render import _console, _escape, _table, _text_column

    console = _console(out)
    console.print(f"[bold]{_escape(header)}[/]")
    console.print()
    if not entries:
        console.print(t(lang, "log_none"))
    else:
        table = _table(f"[bold]{t(lang, 'log_changes')}[/]")
        _text_column(table, t(lang, "date"), no_wrap=True, min_width=10)
        _text_column(table, t(lang, "commit"), no_wrap=True, min_width=7)
        _text_column(table, t(lang, "author"), max_width=10)
        _text_column(table, t(lang, "change"))
        for e in entries:
            table.add_row(e.date.isoformat(), e.commit or t(lang, "uncommitted"), _escape(e.author),
                          _escape(log_text(e, lang)))
        console.print(table)
    if facts:
        console.print()
        console.print(f"[bold]{t(lang, 'log_facts')}[/]")
        for line in facts:
            console.print(_escape(line))
