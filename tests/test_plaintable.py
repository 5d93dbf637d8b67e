"""Long tables (more than 200 rows) are written by the plain writer: same columns, CJK aligned."""

from __future__ import annotations

import io
import json
import re

import pytest
from helpers import Gk
from hypothesis import given
from hypothesis import strategies as st

from gkcli.linebreak import PLAIN_ABOVE, cell_len


def big_table(folder, items: int) -> None:
    lines = ["offices:", "  - name: 综合股", "  - name: 安全监督管理股", "groups:",
             "  - id: 1", "    title: 第一项工作", "tasks:"]
    for i in range(1, items + 1):
        lines += [f"  - id: {i}", "    group: 1",
                  f"    title: 第{i}项事项" + "建立健全制度" * (i % 4),
                  f"    lead: {'综合股' if i % 2 else '安全监督管理股'}",
                  f"    deadline: {'2020年12月底' if i % 3 else '长期坚持'}", "    status: todo"]
    folder.mkdir()
    (folder / "tasks.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_long_list_keeps_the_columns_and_cjk_alignment(tmp_path):
    big_table(tmp_path / "data", PLAIN_ABOVE + 50)
    gk = Gk(tmp_path / "data")
    result = gk("list", env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["序号", "具体事项", "牵头股室", "协办股室", "完成时间", "状态"]
    assert all(cell_len(line) <= 100 for line in lines)
    # the state column starts at the same terminal column in every item row
    starts = set()
    for line in lines[2:]:
        match = re.search(r"(已逾期|长期)$", line)
        if match:
            starts.add(cell_len(line[:match.start()]))
    assert len(starts) == 1
    ids = [int(m.group(1)) for line in lines[2:] if (m := re.match(r"\s*(\d+)\s", line))]
    assert ids == list(range(1, PLAIN_ABOVE + 51))  # every item, in order
    assert "一、第一项工作" in result.output
    assert "\x1b[" not in result.output


@pytest.mark.parametrize("width", [72, 80, 120])
def test_a_long_list_keeps_names_whole_and_short_columns_on_one_line(tmp_path, width):
    """The plain writer lays out as the rich table does: 安全监督管理股 never split, the
    deadline and the state on the item's own line when there is room, no trailing spaces,
    nothing past the edge."""
    big_table(tmp_path / "data", PLAIN_ABOVE + 10)
    gk = Gk(tmp_path / "data")
    lines = gk("list", env={"COLUMNS": str(width), "NO_COLOR": "1"}).output.splitlines()
    rows = [line for line in lines if re.match(r" *\d+ ", line)]
    assert len(rows) == PLAIN_ABOVE + 10
    assert all("综合股" in row or "安全监督管理股" in row for row in rows)
    if width >= 80:  # at 72 the title keeps its minimum and 完成时间 takes two lines
        assert all(re.search(r"(2020年12月底|长期坚持) +(已逾期|长期)$", row) for row in rows)
    assert max(cell_len(line) for line in lines) <= width
    assert [line for line in lines if line.endswith(" ")] == []
    assert "      一、第一项工作" in lines  # a heading line, not squeezed into the title column


def test_a_long_list_is_the_same_items_as_json(tmp_path):
    big_table(tmp_path / "data", PLAIN_ABOVE + 1)
    gk = Gk(tmp_path / "data")
    assert len(json.loads(gk("list", "--format", "json").output)) == PLAIN_ABOVE + 1


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=5) | st.integers(), children, max_size=4),
    max_leaves=20)


@given(json_values)
def test_json_text_is_exactly_what_json_dumps_writes(value):
    import json as json_module

    from gkcli.tabular import json_text

    assert json_text(value) == json_module.dumps(value, ensure_ascii=False, indent=2)


def test_piped_output_is_whole_under_pythonunbuffered(tmp_path):
    """stdout to a pipe is buffered in blocks by gk itself, and nothing is lost at exit."""
    import os
    import subprocess
    import sys

    from helpers import ROOT, SHIPPED

    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "gkcli", "--data", str(SHIPPED), "--today",
                           "2021-06-20", "list", "--format", "json"], env=env,
                          capture_output=True, check=True)
    expected = Gk(SHIPPED)("list", "--format", "json").output
    assert done.stdout.decode("utf-8") == expected


# --- the fast writer draws exactly what the simple one did ---------------------------------------

class Terminal(io.StringIO):
    """Where a table goes on a terminal: colour on (the hermetic fixture clears NO_COLOR)."""

    def isatty(self) -> bool:
        return True


def simple_write(columns, rows, out, width) -> None:
    """The plain writer as it was first written (issue 14): every cell measured, broken and
    padded anew on every row. The writer now draws each cell once; a table must not change."""
    from gkcli import linebreak
    from gkcli.linebreak import wrap
    from gkcli.plaintable import ANSI, GAP, RESET, colour_on, widths

    table = [(h, c, s, None if h is not None else [cell_len(x) for x in c]) for h, c, s in rows]
    measured = [(c, s) for _, c, _, s in table if s is not None]
    sized = widths(columns, [c for c, _ in measured], width, [s for _, s in measured])
    colour = colour_on(out)
    lines: list[str] = []
    rights, kinds, marked = ([c.right for c in columns], [c.kind for c in columns],
                             [c.styled for c in columns])

    def emit(cells, style="", sizes=None, kinds=kinds, bottom=False):
        sizes = sizes if sizes is not None else [cell_len(c) for c in cells]
        parts = [[c] if n <= w else wrap(c, w, k) for c, n, w, k in zip(cells, sizes, sized, kinds)]
        height = max(map(len, parts))
        if bottom:
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
    lines.append("─" * min(width, sum(sized) + len(GAP) * (len(columns) - 1)))
    for heading, cells, style, sizes in table:
        if heading is not None:
            for line in wrap(heading, max(1, width - indent)):
                line = line.rstrip(" ")
                lines.append(" " * indent + (ANSI["bold"] + line + RESET if colour else line))
        else:
            emit(cells, style, sizes=sizes)
    out.write("\n".join(lines) + "\n")


WORDS = ["综合股", "安全监督管理股", "运管股（政策法规股）", "局各股室（中队、站）", "、", "，",
         "建立健全", "制度", "2020年12月底", "长期坚持", "逾期338天", "ab", "Excel", " ", "  ",
         "（", "）", "\n", "7", "：", "…"]
CELL = st.lists(st.sampled_from(WORDS), max_size=8).map("".join)


@given(rows=st.lists(st.tuples(st.none() | st.just("第一项工作：健全完善相关工作制度机制"),
                               st.lists(CELL, min_size=5, max_size=5),
                               st.sampled_from(["", "red", "yellow", "bold red", "green"])),
                     max_size=12),
       width=st.integers(min_value=8, max_value=130), terminal=st.booleans())
def test_the_fast_writer_draws_what_the_simple_one_did(rows, width, terminal):
    """Cells drawn once and reused (names, deadlines, states repeat row after row) give the
    same bytes as drawing every cell anew: padding, wrapped lines, trailing spaces, newlines
    in a cell, colour on the styled column only."""
    from gkcli.linebreak import NAMES
    from gkcli.plaintable import Column, write

    columns = [Column("序号", "fixed", right=True), Column("具体事项", flexible=True, min_width=10),
               Column("牵头股室", NAMES), Column("完成时间"), Column("剩余/逾期天数", "fixed", styled=True)]
    rows = rows + rows  # every cell repeats: the second time it is drawn from what was kept
    fast, simple = (Terminal() if terminal else io.StringIO() for _ in range(2))
    write(columns, [(h, c, s) for h, c, s in rows], fast, width)
    simple_write(columns, [(h, c, s) for h, c, s in rows], simple, width)
    assert fast.getvalue() == simple.getvalue()
