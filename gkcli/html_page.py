"""One self-contained HTML page for the bureau's leaders: the dashboard, each lead office,
the overdue and due-soon lists, a timeline and every item.

No network: no external script, style sheet, font or image, and a Content-Security-Policy
that forbids loading any. It reads on a phone (the item table becomes cards below 640px)
and prints on A4. The data is embedded as JSON (``<script type="application/json"
id="gk-data">``) for anyone who wants to script it: the ``items`` there are exactly
``gk list --format json`` for the same selection. Every text from the data files is
HTML-escaped; in the JSON, ``<``, ``>`` and ``&`` are written as ``\\u003c`` and so on,
so no text can close the script element.
"""

from __future__ import annotations

import json
from datetime import date
from html import escape
from typing import TextIO

from gkcli import __version__, deadlines
from gkcli.documents import Page
from gkcli.i18n import Words
from gkcli.query import Item
from gkcli.report import Tally, Timeline
from gkcli.summary_text import done_state, figures, long_date
from gkcli.tabular import percent

STATES = (deadlines.OVERDUE, deadlines.DUE_SOON, deadlines.OPEN, deadlines.ONGOING, deadlines.DONE)

CSS = """
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--panel:#f6f8fa;
--overdue:#cf222e;--due_soon:#bf8700;--open:#0969da;--ongoing:#1a7f37;--done:#6e7781}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:1100px;padding:16px;color:var(--ink);background:var(--bg);
font:15px/1.6 -apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",
"Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
h1{font-size:1.45em;line-height:1.3;margin:.2em 0}
h2{font-size:1.15em;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--line)}
.meta{color:var(--muted);margin:.2em 0}
.summary{margin:.6em 0 1em}
.bar{height:12px;border-radius:6px;background:var(--panel);border:1px solid var(--line);overflow:hidden}
.bar>span{display:block;height:100%;background:var(--ongoing)}
.cards{display:grid;grid-template-columns:repeat(5,1fr);gap:8px;margin:12px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:8px 10px;background:var(--panel)}
.card b{display:block;font-size:1.6em;line-height:1.2}
.card.overdue b{color:var(--overdue)}.card.due_soon b{color:var(--due_soon)}
.card.open b{color:var(--open)}.card.ongoing b{color:var(--ongoing)}.card.done b{color:var(--done)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:4px 6px;vertical-align:top;text-align:left;unicode-bidi:isolate}
th{background:var(--panel);white-space:nowrap}
td.n{text-align:right;white-space:nowrap}
.state{white-space:nowrap;font-weight:600}
.state.overdue{color:var(--overdue)}.state.due_soon{color:var(--due_soon)}.state.open{color:var(--open)}
.state.ongoing{color:var(--ongoing)}.state.done{color:var(--done)}
tr.group td{background:var(--panel);font-weight:600}
.tl{display:grid;grid-template-columns:minmax(8em,16em) 1fr;gap:2px 8px;align-items:center}
.tl .label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:.9em}
.track{position:relative;height:14px;background:var(--panel)}
.track .span{position:absolute;top:5px;height:4px;background:var(--line)}
.track .due{position:absolute;top:1px;width:12px;height:12px;margin-left:-6px;transform:rotate(45deg)}
.track .now{position:absolute;top:-2px;bottom:-2px;width:2px;background:var(--due_soon)}
.track .ok{position:absolute;top:-3px;margin-left:-6px;font-size:12px;color:var(--ongoing)}
.due.overdue{background:var(--overdue)}.due.due_soon{background:var(--due_soon)}.due.open{background:var(--open)}
.due.done{background:var(--done)}.due.ongoing{background:var(--ongoing);width:0;height:0;transform:none;
border-left:10px solid var(--ongoing);border-top:7px solid transparent;border-bottom:7px solid transparent;background:none}
.axis{display:flex;justify-content:space-between;color:var(--muted);font-size:.85em}
.legend{color:var(--muted);font-size:.85em}
footer{margin-top:2em;color:var(--muted);font-size:.85em}
@media (max-width:640px){
body{padding:10px;font-size:14px}
.cards{grid-template-columns:repeat(3,1fr)}
.tl{grid-template-columns:7em 1fr}
table.items thead{display:none}
table.items,table.items tbody,table.items tr,table.items td{display:block;width:100%}
table.items tr{border:1px solid var(--line);border-radius:6px;margin:0 0 8px;padding:4px 0}
table.items tr.group{border:0;margin:12px 0 4px}
table.items td{border:0;padding:1px 8px}
table.items td[data-label]::before{content:attr(data-label);color:var(--muted)}
}
@media print{
@page{size:A4;margin:12mm}
body{max-width:none;padding:0;font-size:10pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
h2{break-after:avoid}
thead{display:table-header-group}
tr,.card,.tl>div{break-inside:avoid}
footer{display:none}
}
"""


def _e(text: object) -> str:
    """User text as HTML text: escaped, and isolated so a bidi control cannot reorder what follows."""
    return f"<bdi>{escape(str(text), quote=True)}</bdi>"


def embedded_json(data: object) -> str:
    """JSON safe inside <script>: no <, > or & survives as itself, so nothing can close the element."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _tally_row(x: Tally, words: Words) -> str:
    rate = "—" if x.on_time_rate is None else percent(x.done_on_time, x.rate_base, 1)
    people = "、".join(p.name for p in x.people) or words("none")
    cells = [x.total, x.done, x.done_on_time, x.done_late, x.overdue, x.due_soon, x.ongoing]
    return ("<tr><td>" + _e(x.name) + "</td>" + "".join(f'<td class="n">{n}</td>' for n in cells)
            + f'<td class="n">{rate}</td><td>{_e(people)}</td></tr>')


def _items_table_start(keys: tuple[str, ...], words: Words) -> str:
    """The opening of a table of items, a header cell for each column in ``keys``."""
    head = "".join(f"<th>{escape(words(k))}</th>" for k in keys)
    return f'<div class="scroll"><table class="items"><thead><tr>{head}</tr></thead><tbody>'


def _labelled_cells(cells: list[tuple[str, str]], words: Words) -> str:
    """A row's cells, each labelled with its column's name (the narrow layout shows it)."""
    return "".join(f'<td data-label="{escape(words(k) + words("sep"), quote=True)}">{v}</td>'
                   for k, v in cells)


ITEMS_TABLE_END = "</tbody></table></div></section>"


def _urgent(rows: list[Item], words: Words, title: str, empty: str, anchor: str) -> str:
    parts = [f'<section id="{anchor}"><h2>{escape(title)}</h2>']
    if not rows:
        parts.append(f"<p>{escape(empty)}</p></section>")
        return "".join(parts)
    parts.append(_items_table_start(("id", "title", "lead", "deadline", "days", "people"), words))
    for item in rows:
        task = item.task
        cells = [
            ("id", str(task.id)), ("title", _e(task.title)), ("lead", _e(task.lead)),
            ("deadline", _e(task.deadline.text)),
            ("days", f'<span class="state {item.state}">{escape(words.days(item.days_left))}</span>'),
            ("people", _e("、".join(p.name for p in item.lead_people) or words("none"))),
        ]
        parts.append(f'<tr data-id="{task.id}">{_labelled_cells(cells, words)}</tr>')
    parts.append(ITEMS_TABLE_END)
    return "".join(parts)


def _timeline(tl: Timeline, words: Words) -> str:
    if not tl.rows:
        return ""
    start, end, today = tl.start, tl.end, tl.today
    days = max((end - start).days, 1)

    def pos(day: date) -> str:
        return f"{100 * (day - start).days / days:.2f}%"

    parts = [f'<section id="timeline"><h2>{escape(words("html.timeline"))}</h2>',
             f'<div class="tl"><div></div><div class="axis"><span>{start.isoformat()}</span>'
             f"<span>{end.isoformat()}</span></div>"]
    for item in tl.rows:
        task = item.task
        due = task.deadline.date
        stop = pos(due) if due else "100%"
        marks = [f'<span class="span" style="left:0;width:{stop}"></span>',
                 f'<span class="now" style="left:{pos(today)}"></span>',
                 f'<span class="due {item.state}" style="left:{stop}" '
                 f'title="{escape(task.deadline.text, quote=True)}"></span>']
        if task.done_on:
            marks.append(f'<span class="ok" style="left:{pos(task.done_on)}">✔</span>')
        parts.append(f'<div class="label">{task.id} {_e(task.title)}</div>'
                     f'<div class="track" data-id="{task.id}">{"".join(marks)}</div>')
    parts.append("</div>")
    parts.append(f'<p class="legend">{escape(words("html.legend", today=today.isoformat()))}</p></section>')
    return "".join(parts)


def _items(rows: list[Item], words: Words) -> str:
    keys = ("id", "title", "lead", "assist", "deadline", "state", "status", "done_on", "progress")
    parts = [f'<section id="items"><h2>{escape(words("html.items"))}</h2>', _items_table_start(keys, words)]
    group = None
    for item in rows:
        task = item.task
        if task.group != group:
            group = task.group
            parts.append(f'<tr class="group"><td colspan="{len(keys)}">'
                         f"{escape(words.ordinal(task.group))}{_e(item.group_title)}</td></tr>")
        state = done_state(item, words) if item.state == deadlines.DONE else words.state(item.state)
        if item.state in (deadlines.OVERDUE, deadlines.DUE_SOON):
            state += words("aside", text=words.days(item.days_left))
        cells = [
            ("id", f"{task.id}"),
            ("title", _e(task.title)),
            ("lead", _e(task.lead)),
            ("assist", _e("、".join(task.assist) or words("none"))),
            ("deadline", _e(task.deadline.text)),
            ("state", f'<span class="state {item.state}">{escape(state)}</span>'),
            ("status", escape(words.status(task.status))),
            ("done_on", task.done_on.isoformat() if task.done_on else "—"),
            ("progress", "<br>".join(_e(p) for p in task.progress) or "—"),
        ]
        parts.append(f'<tr data-id="{task.id}" data-state="{item.state}">{_labelled_cells(cells, words)}</tr>')
    parts.append(ITEMS_TABLE_END)
    return "".join(parts)


def page(found: Page, words: Words, out: TextIO) -> None:
    """The whole page."""
    name = found.title or "gk"
    notice = found.notice
    board, report, rows = found.dashboard, found.summary, found.rows
    today = board.as_of
    totals = board.totals
    done_pct = 100 * totals.done / totals.total if totals.total else 0
    cards = "".join(f'<div class="card {s}"><b>{getattr(totals, s)}</b>{escape(words.state(s))}</div>'
                    for s in STATES)
    office_head = "".join(f"<th>{escape(words(k))}</th>" for k in (
        "lead", "rep.total", "rep.done", "rep.on_time", "rep.late", "rep.overdue", "rep.due_soon",
        "rep.ongoing", "rep.rate", "people"))
    overall = Tally(words("total"), **{k: getattr(report.totals, k) for k in (
        "total", "done", "done_on_time", "done_late", "overdue", "due_soon", "open", "ongoing")})
    data = {
        "generator": f"gk {__version__}",
        "as_of": today.isoformat(),
        "due_soon_days": board.due_soon_days,
        "notice": {"number": notice.number, "title": notice.title, "table": name,
                   "issuer": notice.issuer,
                   "issued": notice.issued.isoformat() if notice.issued else None},
        "totals": totals.as_json(),
        "by_office": [x.as_json() for x in report.by_office],
        "by_group": [x.as_json() for x in report.by_group],
        "overdue": [r.task.id for r in board.overdue],
        "due_soon": [r.task.id for r in board.due_soon],
        "items": [r.as_json() for r in rows],
    }
    number = f"{notice.number} · " if notice.number else ""
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    out.write("".join([
        f'<!DOCTYPE html>\n<html lang="{words("html.lang")}">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        f'<meta name="generator" content="gk {__version__}">\n',
        f"<title>{escape(name)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        f"<header><h1>{_e(name)}</h1>",
        f'<p class="meta">{_e(number)}{escape(words("as_of"))} {escape(long_date(words, today))}</p>',
        f'<p class="summary">{_e(figures(found.digest, words))}</p></header>\n',
        f'<section id="dashboard"><h2>{escape(words("progress_bar"))} {totals.done}/{totals.total}'
        f" {escape(percent(totals.done, totals.total, 1))}</h2>",
        f'<div class="bar"><span style="width:{done_pct:.1f}%"></span></div>',
        f'<div class="cards">{cards}</div></section>\n',
        f'<section id="offices"><h2>{escape(words("by_office"))}</h2><div class="scroll"><table>',
        f"<thead><tr>{office_head}</tr></thead><tbody>",
        "".join(_tally_row(x, words) for x in [*report.by_office, overall]),
        "</tbody></table></div></section>\n",
        _urgent(board.overdue, words, words("overdue_items"), words("nothing_overdue"), "overdue"),
        "\n",
        _urgent(board.due_soon, words, words("due_soon_items", days=board.due_soon_days),
                words("nothing_due_soon"), "due-soon"),
        "\n", _timeline(found.timeline, words), "\n", _items(rows, words), "\n",
        f'<footer>{escape(words("html.footer", version=__version__))}</footer>\n',
        f'<script type="application/json" id="gk-data">\n{embedded_json(data)}\n</script>\n',
        "</body>\n</html>\n",
    ]))
