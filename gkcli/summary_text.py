"""A :class:`~gkcli.summary.Digest` written out as sentences: ``gk summary`` (text, Markdown,
JSON) and the figures of the 通报's opening paragraph and of the page.

Short enough for one phone screen: lists of ids and offices are cut after a few, with
the count of the rest (等N项).
"""

from __future__ import annotations

from datetime import date
from typing import TextIO

from gkcli.i18n import Words
from gkcli.query import Item
from gkcli.summary import Digest
from gkcli.tabular import percent

MAX_IDS = 6
MAX_OFFICES = 3


def long_date(words: Words, day: date) -> str:
    """2021年6月20日, or 2021-06-20 in English."""
    return words("rem.date", year=day.year, month=day.month, day=day.day, iso=day.isoformat())


def _ids(words: Words, rows: list[Item], limit: int = MAX_IDS) -> str:
    shown = rows[:limit]
    text = words("sum.ids", ids=words("sum.list_sep").join(words("sum.id", id=r.task.id) for r in shown))
    rest = len(rows) - len(shown)
    return text + (words("sum.more_items", n=len(rows), rest=rest) if rest else "")


def done_state(item: Item, words: Words) -> str:
    """已完成（按时）or 已完成（超时）, or 已完成 when that cannot be told: the documents never call
    a done item overdue, however far past its deadline today is."""
    from gkcli.report import on_time

    text = words.state("done")
    punctual = on_time(item)
    if punctual is None:
        return text
    return text + words("aside", text=words("punct.on_time" if punctual else "punct.late"))


def _late(d_done: list[Item], words: Words) -> str:
    """，其中超时12号 after a list of done items, when some were done late."""
    from gkcli.report import on_time

    late = [r for r in d_done if on_time(r) is False]
    return words("sum.of_them_late", ids=_ids(words, late)) if late else ""


def _names(words: Words, names: list[str], limit: int = MAX_OFFICES) -> str:
    rest = len(names) - limit
    text = words("sum.list_sep").join(names[:limit])
    return text + (words("sum.more_offices", n=len(names), rest=rest) if rest > 0 else "")


def figures(d: Digest, words: Words, scope: str | None = None) -> str:
    """确定事项16项，已完成N项，占X%；按时完成M项；逾期K项，涉及综合股、运管股…。

    ``scope`` names what is counted (确定事项; 期间涉及事项 for a period).
    """
    x = d.totals
    overdue = (words("sum.overdue", n=x.overdue, offices=_names(words, d.overdue_offices))
               if x.overdue else words("sum.no_overdue"))
    text = words("sum.figures", scope=scope or words("doc.scope"), total=x.total, done=x.done,
                 pct=percent(x.done, x.total, 1), on_time=x.done_on_time, overdue=overdue)
    if x.occurrences_due:  # as gk report's 周期性事项（按次计） table counts them
        text += words("sum.occurrences", due=x.occurrences_due, on_time=x.occurrences_on_time,
                      late=x.occurrences_late, missed=x.occurrences_missed)
    return text


def heading(d: Digest, words: Words) -> str:
    return words("sum.heading", title=d.title, date=long_date(words, d.as_of))


def points(d: Digest, words: Words) -> list[str]:
    """The summary's lines after the heading: figures, overdue by office, due soon, the period."""
    lines = [figures(d, words)]
    if d.overdue_by_office:
        parts = [words("sum.overdue_office", office=office, n=len(rows), ids=_ids(words, rows))
                 for office, rows in d.overdue_by_office[:MAX_OFFICES]]
        rest = len(d.overdue_by_office) - MAX_OFFICES
        if rest > 0:
            parts.append(words("sum.more_office_parts", n=rest))
        lines.append(words("sum.overdue_line", parts=words("sum.parts_sep").join(parts)))
    if d.due_soon:
        lines.append(words("sum.due_soon", days=d.due_soon_days, n=len(d.due_soon),
                           ids=_ids(words, d.due_soon)))
    if d.since is not None:
        done = (words("sum.done_n", n=len(d.done), ids=_ids(words, d.done) + _late(d.done, words))
                if d.done else words("sum.done_none"))
        fell = (words("sum.fell_n", n=len(d.fell_overdue), ids=_ids(words, d.fell_overdue))
                if d.fell_overdue else words("sum.fell_none"))
        lines.append(words("sum.since", start=long_date(words, d.since), done=done, fell=fell))
    elif d.done:
        lines.append(words("sum.done_all", ids=_ids(words, d.done) + _late(d.done, words)))
    return lines


def plain(d: Digest, words: Words) -> str:
    """Plain text to paste into WeChat or an email."""
    body = [f"{n}. {line}" for n, line in enumerate(points(d, words), start=1)]
    return "\n".join([heading(d, words), *body]) + "\n"


def _md_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in text)


# --- renderers (formats.RENDERERS["summary"]) ---------------------------------------------

def text(d: Digest, words: Words, out: TextIO) -> None:
    from gkcli.tabular import visible

    out.write(visible(plain(d, words)))  # a title's control characters shown, not obeyed


def markdown(d: Digest, words: Words, out: TextIO) -> None:
    body = [f"- {_md_escape(line)}" for line in points(d, words)]
    out.write("\n".join([f"**{_md_escape(heading(d, words))}**", "", *body]) + "\n")


def as_json(d: Digest, words: Words, out: TextIO) -> None:
    from gkcli.tabular import dump_json

    dump_json({**d.as_json(), "text": plain(d, words)}, out)
