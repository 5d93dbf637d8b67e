"""The shipped table in terminals 40, 60, 80, 120 and 200 columns wide, as the secretary reads it:
every item there, every office and person whole on one line, nothing past the edge, wide
terminals used for the short columns, 避头尾 kept, no trailing spaces in piped output."""

from __future__ import annotations

import re

import pytest

from gkcli.linebreak import NO_START, cell_len

WIDTHS = (40, 60, 80, 120, 200)
VIEWS = (("list",), ("status",), ("overdue",), ("report",), ("roster",), ("show", "10"),
         ("show", "12"), ("list", "--state", "overdue"), ("--lang", "en", "status"))


def lines_of(gk, *args: str, width: int) -> list[str]:
    result = gk(*args, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def row_ids(lines: list[str]) -> list[int]:
    """Item ids where a row or a block starts: the first figure of a line."""
    return [int(m.group(1)) for line in lines if (m := re.match(r" *(\d+) ", line))]


def count(lines: list[str], name: str) -> int:
    return sum(line.count(name) for line in lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_no_line_is_wider_than_the_terminal(gk, args, width):
    lines = lines_of(gk, *args, width=width)
    assert max(cell_len(line) for line in lines) <= width


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_piped_output_has_no_trailing_spaces(gk, args, width):
    lines = lines_of(gk, *args, width=width)
    assert [line for line in lines if line.endswith(" ")] == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_no_line_starts_with_closing_punctuation(gk, args, width):
    lines = lines_of(gk, *args, width=width)
    starts = [line for line in lines if line.strip() and line.lstrip()[0] in NO_START
              and not line.lstrip().startswith("──")]
    assert starts == []


@pytest.mark.parametrize("width", WIDTHS)
def test_every_item_is_listed(gk, width):
    assert row_ids(lines_of(gk, "list", width=width)) == [row["id"] for row in gk.json("list")]


@pytest.mark.parametrize("width", WIDTHS)
def test_status_lists_every_overdue_and_due_soon_item(gk, width):
    board = gk.json("status")
    ids = row_ids(lines_of(gk, "status", width=width))
    assert [i for i in ids if i in (1, 2, 3, 4, 9, 10, 12, 8, 11)] == [
        *(row["id"] for row in board["overdue"]), *(row["id"] for row in board["due_soon"])]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_office_is_whole_on_one_line_in_the_list(gk, width):
    rows = gk.json("list")
    lines = lines_of(gk, "list", width=width)
    for office in {row["lead"] for row in rows} | {a for row in rows for a in row["assist"]}:
        shown = sum(row["lead"] == office for row in rows) + sum(office in row["assist"] for row in rows)
        assert count(lines, office) >= shown, office


@pytest.mark.parametrize("width", WIDTHS)
def test_every_office_and_person_is_whole_on_one_line_in_status(gk, width):
    """运管股（政策法规股） was split in two at 80 columns; 庄青红 cut to 庄青 at 60."""
    board = gk.json("status")
    lines = lines_of(gk, "status", width=width)
    urgent = board["overdue"] + board["due_soon"]
    for tally in board["by_office"]:
        office = tally["name"]
        assert count(lines, office) >= 1 + sum(row["lead"] == office for row in urgent), office
        for person in tally["people"]:
            led = sum(row["lead"] == office for row in urgent)
            assert count(lines, person) >= 1 + led, person


@pytest.mark.parametrize("width", WIDTHS)
def test_every_name_and_office_is_whole_in_the_roster(gk, width):
    people = gk.json("roster")
    lines = lines_of(gk, "roster", width=width)
    for person in people:
        assert any(person["name"] in line for line in lines), person["name"]
        if person["office"]:
            assert any(person["office"] in line for line in lines), person["office"]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_report_keeps_every_office_and_every_figure(gk, width):
    """COLUMNS=60 gk report lost 按时率."""
    lines = lines_of(gk, "report", width=width)
    text = "\n".join(lines)
    assert "按时率" in text
    for tally in gk.json("report")["by_office"]:
        assert any(tally["name"] in line for line in lines), tally["name"]


@pytest.mark.parametrize("width", (120, 200))
def test_wide_terminals_keep_the_short_columns_on_one_line(gk, width):
    """At 120 and 200 columns 完成时间, 牵头股室, 协办股室 and 状态 never wrap: each is on its
    item's own line, and no line holds a piece of one without the item's number."""
    lines = lines_of(gk, "list", width=width)
    for row in gk.json("list"):
        line = next(line for line in lines if re.match(rf" *{row['id']} ", line))
        for cell in (row["lead"], "、".join(row["assist"]), row["deadline_text"]):
            assert cell in line, (row["id"], cell)


@pytest.mark.parametrize("width", (120, 200))
def test_wide_status_keeps_the_short_columns_on_one_line(gk, width):
    lines = lines_of(gk, "status", width=width)
    board = gk.json("status")
    for row in board["overdue"] + board["due_soon"]:
        line = next(line for line in lines if re.match(rf" *{row['id']} ", line))
        for cell in (row["lead"], row["deadline_text"], "、".join(row["lead_people"])):
            assert cell in line, (row["id"], cell)
    for tally in board["by_office"]:
        assert any(tally["name"] in line and "、".join(tally["people"]) in line for line in lines)


def test_at_200_columns_every_item_is_one_line(gk):
    """Nothing wraps when the terminal has the room: 16 items, 8 work tasks, header and rule."""
    lines = lines_of(gk, "list", width=200)
    assert len(lines) == 2 + 8 + 16


@pytest.mark.parametrize("width", (40, 60))
def test_narrow_terminals_show_every_column_of_every_item(gk, width):
    """No column's values dropped: each item's offices, deadline and people are shown."""
    text = "\n".join(lines_of(gk, "overdue", width=width))
    for row in gk.json("overdue"):
        assert row["deadline_text"] in text
        for person in row["lead_people"]:
            assert person in text


@pytest.fixture
def calendar(tmp_path):
    """A copy of examples/calendar: a reporting cycle with reports pending and missing."""
    import shutil

    from helpers import ROOT, Gk

    shutil.copytree(ROOT / "examples" / "calendar", tmp_path / "calendar")
    return Gk(tmp_path / "calendar", today="2021-10-30")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", [("status",), ("report",), ("reports",)], ids=" ".join)
def test_reporting_lines_keep_offices_whole(calendar, args, width):
    """本期未报送：综合股、运管股（政策法规股）、安监股 — at 40 columns the office was split and
    a line started with ）."""
    lines = lines_of(calendar, *args, width=width)
    assert max(cell_len(line) for line in lines) <= width
    assert [line for line in lines if line.strip() and line.lstrip()[0] in NO_START
            and not line.lstrip().startswith("──")] == []
    assert [line for line in lines if line.endswith(" ")] == []
    assert count(lines, "运管股（政策法规股）") >= 1
    assert count(lines, "运管股（政策法规股）") == count(lines, "运管股")
