"""A :class:`~gkcli.summary.Digest` written out as sentences: ``gk summary`` (text, Markdown)
and the opening paragraph of the 通报.

Short enough for one phone screen: lists of ids and offices are cut after a few, with
the count of the rest (等N项).
"""

from __future__ import annotations

from datetime import date

from gkcli.query import Item
from gkcli.summary import Digest, percent

MAX_IDS = 6
MAX_OFFICES = 3


def long_date(lang: str, day: date) -> str:
    """2021年6月20日, or 2021-06-20 in English."""
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh" else day.isoformat()


def _ids(lang: str, rows: list[Item], limit: int = MAX_IDS) -> str:
    shown = [r.task.id for r in rows[:limit]]
    rest = len(rows) - len(shown)
    if lang == "zh":
        text = "、".join(str(n) for n in shown) + "号"
        return text + (f"等{len(rows)}项" if rest else "")
    text = ", ".join(f"#{n}" for n in shown)
    return text + (f" and {rest} more" if rest else "")


def _names(lang: str, names: list[str], limit: int = MAX_OFFICES) -> str:
    shown = names[:limit]
    rest = len(names) - len(shown)
    if lang == "zh":
        return "、".join(shown) + (f"等{len(names)}个股室" if rest else "")
    return ", ".join(shown) + (f" and {rest} more" if rest else "")


def figures(d: Digest, lang: str, scope: str | None = None) -> str:
    """确定事项16项，已完成N项，占X%；按时完成M项；逾期K项，涉及综合股、运管股…。

    ``scope`` names what is counted (确定事项; 期间涉及事项 for a period).
    """
    x = d.totals
    overdue_offices = d.overdue_offices
    if lang == "zh":
        text = (f"{scope or '确定事项'}{x.total}项，已完成{x.done}项，占{percent(x.done, x.total)}；"
                f"按时完成{x.done_on_time}项；")
        if x.overdue:
            text += f"逾期{x.overdue}项，涉及{_names(lang, overdue_offices)}"
        else:
            text += "无逾期事项"
        return text + "。"
    text = (f"{x.total} {scope or 'items'}; {x.done} done ({percent(x.done, x.total)}), "
            f"{x.done_on_time} on time; ")
    if x.overdue:
        text += f"{x.overdue} overdue, led by {_names(lang, overdue_offices)}"
    else:
        text += "nothing overdue"
    return text + "."


def heading(d: Digest, lang: str) -> str:
    if lang == "zh":
        return f"《{d.title}》进展情况（截至{long_date(lang, d.as_of)}）："
    return f"Progress of {d.title}, as of {long_date(lang, d.as_of)}:"


def points(d: Digest, lang: str) -> list[str]:
    """The summary's lines after the heading: figures, overdue by office, due soon, the period."""
    zh = lang == "zh"
    lines = [figures(d, lang)]
    if d.overdue_by_office:
        parts = [(f"{office}{len(rows)}项（{_ids(lang, rows)}）" if zh
                  else f"{office} {len(rows)} ({_ids(lang, rows)})")
                 for office, rows in d.overdue_by_office[:MAX_OFFICES]]
        rest = len(d.overdue_by_office) - MAX_OFFICES
        if rest > 0:
            parts.append(f"另有{rest}个股室" if zh else f"{rest} more offices")
        lines.append(("逾期：" + "；".join(parts) + "。") if zh else ("Overdue: " + "; ".join(parts) + "."))
    if d.due_soon:
        n, days = len(d.due_soon), d.due_soon_days
        lines.append(f"{days}天内到期{n}项：{_ids(lang, d.due_soon)}。" if zh
                     else f"Due within {days} days: {n} ({_ids(lang, d.due_soon)}).")
    if d.since is not None:
        start = long_date(lang, d.since)
        if zh:
            done = f"完成{len(d.done)}项（{_ids(lang, d.done)}）" if d.done else "无新完成事项"
            fell = f"新增逾期{len(d.fell_overdue)}项（{_ids(lang, d.fell_overdue)}）" if d.fell_overdue else "无新增逾期"
            lines.append(f"{start}以来：{done}；{fell}。")
        else:
            done = f"{len(d.done)} done ({_ids(lang, d.done)})" if d.done else "nothing done"
            fell = (f"{len(d.fell_overdue)} fell overdue ({_ids(lang, d.fell_overdue)})"
                    if d.fell_overdue else "nothing fell overdue")
            lines.append(f"Since {start}: {done}; {fell}.")
    elif d.done:
        lines.append(f"已完成：{_ids(lang, d.done)}。" if zh else f"Done: {_ids(lang, d.done)}.")
    return lines


def text(d: Digest, lang: str) -> str:
    """Plain text to paste into WeChat or an email."""
    body = [f"{n}. {line}" for n, line in enumerate(points(d, lang), start=1)]
    return "\n".join([heading(d, lang), *body]) + "\n"


def markdown(d: Digest, lang: str) -> str:
    def escape(s: str) -> str:
        return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in s)

    body = [f"- {escape(line)}" for line in points(d, lang)]
    return "\n".join([f"**{escape(heading(d, lang))}**", "", *body]) + "\n"
