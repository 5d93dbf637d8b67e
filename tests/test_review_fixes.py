"""Defects a reviewer found walking through issues 10 and 12 as the secretary."""

from __future__ import annotations

import pytest
from helpers import ROOT, Gk, copy_of


@pytest.fixture
def calendar(tmp_path) -> Gk:
    """A copy of examples/calendar: recurring items and a reporting cycle, as of 2021-09-30."""
    return copy_of(ROOT / "examples" / "calendar", tmp_path / "calendar", "2021-09-30")


def test_report_rows_add_up_in_items_and_occurrences_apart(calendar):
    """A: 按时/超时 count items (never more than 已完成); occurrences have their own table."""
    found = calendar.json("report")
    for row in [found["totals"], *found["by_office"], *found["by_group"]]:
        assert row["done_on_time"] + row["done_late"] <= row["done"]
        judged = row["done_on_time"] + row["done_late"] + row["overdue"]
        assert row["on_time_rate"] == (round(row["done_on_time"] / judged, 4) if judged else None)
        due = row["occurrences_on_time"] + row["occurrences_late"] + row["occurrences_missed"]
        assert row["occurrences_due"] == due
        assert row["occurrences_on_time_rate"] == (
            round(row["occurrences_on_time"] / due, 4) if due else None)
    shown = calendar("report").output
    assert ("运管股（政策法规股）：合计 2、已完成 0、按时 0、超时 0、未注明日期 0、已逾期 1、\n"
            "  即将到期 1、未到期 0、长期 0、延期 0、按时率 0%") in shown
    assert "周期性事项（按次计）" in shown
    assert "运管股（政策法规股）         8     5     1       2     63%" in shown  # 5/8 rounded half up
    summary = calendar("summary").output
    totals = found["totals"]
    assert f"按时完成{totals['done_on_time']}项" in summary
    assert (f"周期性事项应办{totals['occurrences_due']}次，按时{totals['occurrences_on_time']}次，"
            f"超时{totals['occurrences_late']}次，未完成{totals['occurrences_missed']}次。") in summary


def _paragraphs(path) -> list[str]:
    from docx import Document

    return [p.text for p in Document(str(path)).paragraphs]


def test_a_period_bulletin_lists_items_overdue_from_before_the_period(gk, tmp_path):
    """B: items 9, 10 and 12 fell due before 2021 and are still overdue at the period's end."""
    target = tmp_path / "s2.docx"
    result = gk("report", "--since", "2021-01-01", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = _paragraphs(target)
    opening = next(p for p in text if p.startswith("根据"))
    assert "期间，涉及事项" in opening
    assert "期间，期间" not in opening
    assert "无逾期事项" not in opening
    assert "逾期7项" in opening
    for n in (9, 10, 12):
        assert any(f"（第{n}项，" in p and "逾期" in p for p in text), n
    office = next(x for x in gk.json("report", "--since", "2021-01-01")["by_office"]
                  if x["name"] == "综合股")
    assert office["overdue"] == 6


@pytest.mark.parametrize("args", [
    ("reported", "安监股", "--cycle", "2022-05"),
    ("reported", "安监股", "--cycle", "2021-10"),
    ("reported", "安监股", "--cycle", "2021-09", "--on", "2021-08-31"),
    ("reported", "安监股", "--on", "2021-10-05"),
    ("done", "3", "--cycle", "2022-05"),
])
def test_a_cycle_not_yet_open_or_a_day_after_today_is_refused(calendar, args):
    """C: nothing is written, one line, exit 1."""
    said = calendar.refused(*args)
    assert len(said.strip().splitlines()) == 1
    assert "晚于" in said


def test_the_open_cycle_can_still_be_recorded(calendar):
    result = calendar("reported", "安监股", "--cycle", "2021-09")
    assert result.exit_code == 0, result.output
    assert "      - 2021-09 2021-09-30 安监股\n" in calendar.tasks.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [
    ("report", "--since", "2021-09-01"),
    ("report", "--since", "2021-06-21", "--format", "json"),
    ("summary", "--since", "2021-09-01"),
])
def test_a_period_starting_after_today_is_a_usage_error(gk, tmp_path, args):
    """D: --since after today (2021-06-20) is refused before anything is printed or written."""
    result = gk(*args)
    assert result.exit_code == 2
    assert "晚于今天（2021-06-20）" in result.output
    assert "截至" not in result.output
    assert "以来" not in result.output
    target = tmp_path / "s.docx"
    assert gk("report", "--since", "2021-09-01", "-o", str(target)).exit_code == 2
    assert not target.exists()


def test_a_period_starting_today_is_accepted(gk):
    assert gk("summary", "--since", "2021-06-20").exit_code == 0


def test_show_a_done_ongoing_item_says_changqi_once_and_no_dangling_dash(gk):
    """E: item 7 is 长期; done, show printed 长期（长期） and 已完成，—."""
    gk.today = "2022-01-10"
    assert gk("done", "7").exit_code == 0
    lines = {line.split()[0]: line.split()[1:] for line in gk("show", "7").output.splitlines()
             if line.strip()}
    assert lines["完成时间"] == ["长期"]
    assert lines["状态"] == ["已完成"]


@pytest.mark.parametrize("columns", ["50", "60", "80", "100"])
def test_every_year_starting_on_the_timeline_axis_is_labelled(gk, columns):
    """F: the axis runs July 2020 – January 2022; January 2022 had no label at 80 columns."""
    gk.today = "2022-01-10"
    result = gk("timeline", env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    years = result.output.splitlines()[0].split()
    assert years[:2] == ["2020", "2021"]
    assert years[2] in ("2022", "'22")
    assert len(years) == 3


def test_a_year_label_that_fits_is_written_in_full(gk):
    gk.today = "2022-01-10"
    assert gk("timeline", env={"COLUMNS": "200"}).output.splitlines()[0].split() == [
        "2020", "2021", "2022"]


def test_documents_say_a_done_item_was_on_time_or_late_and_never_overdue(gk, tmp_path):
    """G: item 1 done on time, item 12 (due 2020年12月底) done late; neither is overdue."""
    import icalendar

    assert gk("done", "1", "--on", "2020-07-10").exit_code == 0
    assert gk("done", "12", "--on", "2021-06-18").exit_code == 0
    bulletin, page, feed = tmp_path / "b.docx", tmp_path / "p.html", tmp_path / "c.ics"
    for args in (("report", "-o", str(bulletin)), ("export", str(page)), ("export", str(feed))):
        assert gk(*args).exit_code == 0
    from docx import Document

    rows = {r.cells[0].text: [c.text for c in r.cells] for t in Document(str(bulletin)).tables
            for r in t.rows}
    assert "已完成（按时）" in rows["1"]
    assert "已完成（超时）" in rows["12"]
    assert not any("逾期" in c for c in rows["1"] + rows["12"])
    assert all("第12项" not in p.text for p in Document(str(bulletin)).paragraphs)
    html = page.read_text(encoding="utf-8")
    row12 = html[html.index('<tr data-id="12"'):]
    row12 = row12[:row12.index("</tr>")]
    assert "已完成（超时）" in row12
    assert "逾期" not in row12
    events = {str(e["SUMMARY"]): str(e["DESCRIPTION"])
              for e in icalendar.Calendar.from_ical(feed.read_bytes()).walk("VEVENT")}
    described = next(d for s, d in events.items() if "12号" in s)
    assert "状态：已完成（超时）" in described
    assert "逾期" not in described
    summary = gk("summary").output
    assert "已完成：1、12号，其中超时12号。" in summary
    assert "12号" not in summary.split("已完成")[0].split("逾期", 1)[-1]
