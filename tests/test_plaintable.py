"""Long tables (more than 200 rows) are written by the plain writer: same columns, CJK aligned."""

from __future__ import annotations

import json
import re

import pytest
from helpers import Gk
from hypothesis import given
from hypothesis import strategies as st

from gkcli.plaintable import PLAIN_ABOVE, cell_len


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
