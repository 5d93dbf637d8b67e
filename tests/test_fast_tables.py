"""gk's tables (status, list, overdue, report, roster, reports) are drawn from lines gk lays
out itself (views._fitted), without rich's measuring and layout passes (issue 13: start-up).
What the secretary sees must not change: at every terminal width, piped or in colour, with
NO_COLOR or not, the output is the very output of rich's Table, character for character and
colour code for colour code. The reference below is the rich drawing gk used before."""

from __future__ import annotations

import io

import pytest
from helpers import ROOT, SHIPPED, Gk, copy_of, replace_in

from gkcli import views
from gkcli.linebreak import HEADING, NAMES, TEXT, Column, fit, wrap
from gkcli.tabular import visible

CALENDAR = ROOT / "examples" / "calendar"
WIDTHS = (40, 47, 55, 63, 71, 72, 73, 79, 80, 81, 90, 99, 100, 113, 120, 137, 150, 161, 180, 200)
MODES = {"piped": {}, "colour": {"FORCE_COLOR": "1"}, "NO_COLOR": {"NO_COLOR": "1"},
         "colour, NO_COLOR": {"FORCE_COLOR": "1", "NO_COLOR": "1"}}
VIEWS = {
    "status": (SHIPPED, "2021-06-20", ("status",)),
    "status --lang en": (SHIPPED, "2021-06-20", ("--lang", "en", "status")),
    "status a year on": (SHIPPED, "2022-06-20", ("status",)),
    "list": (SHIPPED, "2021-06-20", ("list",)),
    "list --lang en": (SHIPPED, "2021-06-20", ("--lang", "en", "list")),
    "overdue": (SHIPPED, "2021-06-20", ("overdue",)),
    "roster": (SHIPPED, "2021-06-20", ("roster",)),
    "status with reports due": (CALENDAR, "2021-09-30", ("status",)),
    "reports": (CALENDAR, "2021-09-30", ("reports",)),
    "report with reporting rates": (CALENDAR, "2021-09-30", ("report",)),
}


DRAWN_BY_RICH: list[int] = []


def rich_fitted(console, columns, rows, title=None, right=()):
    """views._fitted as it was: a rich Table per part, laid out by rich."""
    from rich.text import Text

    DRAWN_BY_RICH.append(len(rows))

    shown = [row if isinstance(row, str) else [visible(c) for c in row[0]] for row in rows]
    widths = fit(columns, [cells for cells in shown if not isinstance(cells, str)], console.width)
    if widths is None:
        return False
    flex = next((i for i, c in enumerate(columns) if c.flexible), 0)
    indent = sum(widths[:flex]) + 2 * flex

    def table(first: bool):
        found = views._table(title if first else None, show_header=first)
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
            text = views._lines(row, console.width - indent)
            console.print(Text(" " * indent + text.replace("\n", "\n" + " " * indent), style="bold"))
            continue
        styles = row[1]
        part.add_row(*(Text("\n".join(line.rstrip(" ") for line in wrap(cell, width, column.kind)),
                            style=styles.get(i, ""))
                       for i, (cell, column, width) in enumerate(zip(cells, columns, widths))))
    if part.row_count or not drawn:
        console.print(part)
    return True


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("view", VIEWS)
def test_tables_are_drawn_exactly_as_rich_draws_them(view, mode, monkeypatch):
    data, today, args = VIEWS[view]
    gk = Gk(data, today=today)
    DRAWN_BY_RICH.clear()
    for width in WIDTHS:
        env = {"COLUMNS": str(width), **MODES[mode]}
        ours = gk(*args, env=env)
        with monkeypatch.context() as patched:
            patched.setattr(views, "_fitted", rich_fitted)
            theirs = gk(*args, env=env)
        assert ours.exit_code == theirs.exit_code == 0, ours.output
        assert ours.stdout == theirs.stdout, f"{width} columns"
    assert DRAWN_BY_RICH  # the reference did draw


def test_colour_is_what_rich_writes(gk):
    """In colour the headings are bold, the state and days in their colours, the title bold."""
    out = gk("status", env={"COLUMNS": "100", "FORCE_COLOR": "1"}).stdout
    assert "\x1b[1;31m已逾期事项\x1b[0m" in out
    assert "\x1b[1m序号\x1b[0m\x1b[1m \x1b[0m \x1b[1m具体事项" in out
    assert "\x1b[31m逾期338天\x1b[0m" in out or "\x1b[31m逾期338天 " in out
    plain = gk("status", env={"COLUMNS": "100", "FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b[1m序号" in plain and "\x1b[31m" not in plain  # rich keeps bold, drops colour


# Characters rich and gkcli.linebreak might measure otherwise: emoji with a variation selector,
# combining accents, half-width kana, Hangul, an ideographic space, a soft hyphen, and a
# zero-width space (none to rich, one to unicodedata: that table is left to rich's Table).
EXOTIC = ("完成✔️检查", "😀表情符号测试一下很长的标题内容", "e\u0301cole ﹝2020﹞", "半角ｶﾀｶﾅ",
          "零宽\u200b空格", "\u00ad软连字符", "①②③ ※ ☆ ♪", "한국어 텍스트", "\u3000全角空格",
          "ア\u3099", "Ⅻ罗马")


@pytest.mark.parametrize("text", EXOTIC)
@pytest.mark.parametrize("colour", [False, True])
def test_unusual_characters_are_drawn_as_rich_draws_them(text, colour, monkeypatch):
    if colour:
        monkeypatch.setenv("FORCE_COLOR", "1")
    columns = [Column("序号", "fixed"), Column("具体事项", TEXT, flexible=True, min_width=10),
               Column("牵头股室", NAMES), Column("状态", "fixed")]
    rows = [(["1", text * 2, "综合股、" + text, "已逾期"], {3: "bold red"}), "二、" + text,
            (["2", text, "综合股", "长期"], {3: "cyan"})]
    for width in (40, 50, 60, 72, 80, 100):
        drawn = []
        for draw in (views._fitted, rich_fitted):
            out = io.StringIO()
            console = views._console(out)
            console.size = (width, 25)
            fitted = draw(console, columns, rows, title="[bold red]标题[/]", right=(0,))
            console.file.flush()
            drawn.append((fitted, out.getvalue()))
        assert drawn[0] == drawn[1], f"{width} columns"


@pytest.mark.parametrize("mode", MODES)
def test_a_title_with_brackets_and_a_zero_width_space_is_drawn_as_rich_draws_it(tmp_path, mode,
                                                                                  monkeypatch):
    """What gk does not lay out itself (markup-like brackets, a character rich measures
    otherwise) is left to rich, so the dashboard still reads as rich draws it."""
    gk = copy_of(SHIPPED, tmp_path / "data")
    replace_in(gk.tasks, "table: 泉港区交通运输局政务公开标准化规范化工作任务分工表",
               'table: "[b]泉港区\u200b交通运输局政务公开标准化规范化工作任务分工表"')
    replace_in(gk.tasks, "title: 梳理规范权责清单，动态调整更新", 'title: "[i]梳理\u200b规范权责清单，动态调整更新"')
    DRAWN_BY_RICH.clear()
    for width in (40, 72, 80, 120):
        env = {"COLUMNS": str(width), **MODES[mode]}
        ours = gk("status", env=env)
        with monkeypatch.context() as patched:
            patched.setattr(views, "_fitted", rich_fitted)
            theirs = gk("status", env=env)
        assert ours.exit_code == theirs.exit_code == 0, ours.output
        assert "[b]泉港区" in ours.stdout
        assert ours.stdout == theirs.stdout, f"{width} columns"
    assert DRAWN_BY_RICH
