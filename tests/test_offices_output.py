"""overdue, export, report, remind, timeline: what the offices receive."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from helpers import Gk, replace_in, table_of

from gkcli.xlsx import display_width


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())  # Excel and WPS need the BOM for Chinese
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def exported_csv(gk, target: Path, *args: str) -> list[list[str]]:
    """``gk export TARGET.csv ARGS``, which must succeed, read back as rows."""
    result = gk("export", str(target), *args)
    assert result.exit_code == 0, result.output
    return read_csv(target.read_bytes())


def column_widths(ws) -> dict[int, float]:
    """Column index (1-based) → width, with XlsxWriter's shared <col> ranges expanded."""
    widths = {}
    for dim in ws.column_dimensions.values():
        for col in range(dim.min, dim.max + 1):
            widths[col] = dim.width
    return widths


# --- gk overdue -------------------------------------------------------------------------------

def test_overdue_lists_most_overdue_first(gk):
    out = gk("overdue").output
    assert out.index("逾期338天") < out.index("逾期171天")
    assert "剩10天" not in out


def test_overdue_takes_list_filters(gk):
    assert [r["id"] for r in gk.json("overdue", "--lead", "运管股")] == [12]


def test_overdue_nothing(gk):
    gk.today = "2020-07-01"
    assert "没有逾期事项" in gk("overdue").output


def test_overdue_export_follows_extension(gk, tmp_path):
    target = tmp_path / "逾期.csv"
    result = gk("overdue", "--export", str(target))
    assert result.exit_code == 0
    rows = read_csv(target.read_bytes())
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "9", "10", "12"]


# --- gk export ----------------------------------------------------------------------------------

HEADER = ["序号", "工作任务", "具体事项", "牵头股室", "协办股室", "完成时间", "截止日期", "状态",
          "进度", "完成日期", "按时/超时", "逾期天数", "超时天数", "责任人", "进展情况", "备注"]


def _meeting(gk):
    """Item 5 done on time, 6 done late, 7 done without a deadline date; notes and progress."""
    gk("done", "5", "--on", "2021-06-01")
    gk("set", "6", "--deadline", "2021年5月底")
    gk("done", "6", "--on", "2021-06-10")
    gk("note", "8", "已形成初稿", "--on", "2021-06-01")
    gk("note", "8", "报局长审定", "--on", "2021-06-15")
    gk("set", "8", "--notes", "需法制股把关")


def test_csv_reads_back_like_list_json(gk, tmp_path):
    _meeting(gk)
    rows = exported_csv(gk, tmp_path / "all.csv")
    assert rows[0] == HEADER
    listed = gk.json("list")
    assert len(rows) == 17
    for row, item in zip(rows[1:], listed):
        cell = dict(zip(HEADER, row))
        assert int(cell["序号"]) == item["id"]
        assert (cell["工作任务"], cell["具体事项"], cell["牵头股室"]) == (
            item["group_title"], item["title"], item["lead"])
        assert cell["协办股室"] == "、".join(item["assist"])
        assert cell["完成时间"] == item["deadline_text"]
        assert cell["截止日期"] == (item["deadline"] or "—")
        assert cell["进度"] == {"todo": "未开始", "doing": "进行中", "done": "已完成"}[item["status"]]
        assert cell["完成日期"] == (item["done_on"] or "")
        # 逾期天数 only for overdue items: never 0 for one that is merely not late
        assert cell["逾期天数"] == (str(-item["days_left"]) if item["state"] == "overdue" else "")
        assert cell["进展情况"] == (item["progress"][-1] if item["progress"] else "")
        assert cell["备注"] == item["notes"]
    by_id = {int(r[0]): dict(zip(HEADER, r)) for r in rows[1:]}
    assert (by_id[5]["按时/超时"], by_id[5]["超时天数"]) == ("按时", "")
    assert (by_id[6]["按时/超时"], by_id[6]["超时天数"]) == ("超时", "10")
    assert by_id[8]["进展情况"] == "2021-06-15 报局长审定"
    assert by_id[8]["备注"] == "需法制股把关"
    assert by_id[1]["逾期天数"] == "338"
    assert by_id[1]["按时/超时"] == ""
    assert rows[1][13] == "陈伟、庄青红"


def test_csv_has_crlf_and_says_none_for_nobody(gk, tmp_path):
    replace_in(gk.data / "leading_group.yaml", "    office: 运管股\n", "")
    target = tmp_path / "a.csv"
    gk("export", str(target))
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    rows = read_csv(data)
    assert rows[8][13] == "无"  # item 8: nobody in the roster heads its lead office now


@pytest.mark.parametrize("title", ["=HYPERLINK(\"http://x\",\"点我\")", "+1+2", "-2+3", "@SUM(A1)"])
def test_csv_neutralises_formula_injection(gk, tmp_path, title):
    gk("set", "5", "--title", title)
    assert exported_csv(gk, tmp_path / "x.csv", "--group", "3")[1][2] == "'" + title


@pytest.mark.parametrize("value,expected", [
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("=1", "'=1"), ("综合股", "综合股"),
    ("-5", "-5"), ("+3.5", "+3.5"), (338, 338), ("2021-06-30", "2021-06-30"), (None, ""),
])
def test_safe_cell(value, expected):
    from gkcli.tabular import safe_cell

    assert safe_cell(value) == expected


def test_csv_keeps_numbers_and_dates_usable(gk, tmp_path):
    rows = exported_csv(gk, tmp_path / "x.csv")
    assert rows[1][0] == "1"
    assert rows[1][6] == "2020-07-17"
    assert rows[1][11] == "338"


def exported_sheets(gk, target: Path):
    """``gk export TARGET.xlsx``, which must succeed, read back: the sheet for print and the
    flat one for sorting and filtering."""
    result = gk("export", str(target))
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    return book.worksheets[0], book.worksheets[1]


def test_xlsx_reads_back_both_sheets(gk, tmp_path):
    _meeting(gk)
    printed, flat = exported_sheets(gk, tmp_path / "任务分工表.xlsx")
    assert (printed.title, flat.title) == ("任务分工表", "排序筛选")
    assert printed["A1"].value == "泉港区交通运输局政务公开标准化规范化工作任务分工表　截至 2021-06-20"
    assert [c.value for c in printed[2]] == HEADER
    assert [c.value for c in flat[1]] == HEADER
    listed = gk.json("list")
    for r, item in enumerate(listed, start=2):
        row = {h: flat.cell(r, n + 1).value for n, h in enumerate(HEADER)}
        assert row["序号"] == item["id"]
        assert row["具体事项"] == item["title"]
        assert row["工作任务"] == item["group_title"]  # every cell filled on the sorting sheet
        due = row["截止日期"]
        assert (due.date().isoformat() if due != "—" else None) == item["deadline"]
        assert row["状态"].split("（")[0] == {"overdue": "已逾期", "due_soon": "即将到期", "open": "未到期",
                               "ongoing": "长期", "done": "已完成"}[item["state"]]
        assert row["逾期天数"] == (-item["days_left"] if item["state"] == "overdue" else None)
        done = row["完成日期"]
        assert (done.date().isoformat() if done else None) == item["done_on"]
        assert printed.cell(r + 1, 1).value == item["id"]
    assert flat.auto_filter.ref == "A1:P17"
    assert printed.freeze_panes == "A3"
    assert flat.freeze_panes == "A2"


def test_xlsx_prints_a4_landscape_one_page_wide(gk, tmp_path):
    printed, _flat = exported_sheets(gk, tmp_path / "t.xlsx")
    setup = printed.page_setup
    assert setup.orientation == "landscape"
    assert str(setup.paperSize) == "9"
    assert setup.fitToWidth in (None, 1, "1")  # 1 is the default, which the file may leave out
    assert setup.fitToHeight in (0, "0")  # as many pages long as it takes
    assert printed.sheet_properties.pageSetUpPr.fitToPage
    assert printed.print_title_rows.replace("$", "") == "2:2"  # the header on every page
    assert "&P" in printed.oddFooter.center.text
    assert "&N" in printed.oddFooter.center.text


def test_xlsx_row_heights_show_wrapped_text_in_full(gk, tmp_path):
    from gkcli.xlsx import LINE_HEIGHT

    printed, flat = exported_sheets(gk, tmp_path / "t.xlsx")
    widths = column_widths(flat)
    for r in range(2, 18):
        needed = 1
        for col in range(1, 17):
            value = flat.cell(r, col).value
            if isinstance(value, str) and value:
                usable = max(widths[col] - 1, 1)
                needed = max(needed, -(-display_width(value) // usable))
        height = flat.row_dimensions[r].height
        assert height is not None and height >= needed * LINE_HEIGHT - 0.01, (r, needed, height)
    assert printed.row_dimensions[11].height >= 2 * LINE_HEIGHT  # item 10's long title wraps


def test_xlsx_merges_work_tasks_as_the_notice(gk, tmp_path):
    printed, flat = exported_sheets(gk, tmp_path / "t.xlsx")
    merged = sorted(str(r) for r in printed.merged_cells.ranges)
    assert merged == sorted(["A1:P1", "B3:B4", "B5:B6", "B7:B9", "B12:B13", "B14:B16", "B17:B18"])
    assert printed["B7"].value == "加强政府系统政务新媒体建设"
    assert not flat.merged_cells.ranges  # sorting and filtering work on the second sheet


def test_xlsx_column_widths_count_chinese_as_two(gk, tmp_path):
    _printed, ws = exported_sheets(gk, tmp_path / "t.xlsx")
    widths = column_widths(ws)
    lead_cells = [ws.cell(r, 4).value for r in range(1, ws.max_row + 1)]
    expected = max(display_width(str(v)) for v in lead_cells) + 2  # 运管股（政策法规股） = 20
    assert expected == 22
    assert abs(widths[4] - min(expected, 14)) < 1
    state_expected = max(display_width(str(ws.cell(r, 8).value)) for r in range(1, ws.max_row + 1)) + 2
    assert abs(widths[8] - state_expected) < 1


def test_xlsx_overdue_rows_are_red_across_the_whole_row(gk, tmp_path):
    _printed, ws = exported_sheets(gk, tmp_path / "t.xlsx")
    for r in range(2, 18):
        overdue = ws.cell(r, 8).value == "已逾期"
        colours = {ws.cell(r, c).fill.fgColor.rgb.endswith("FFC7CE") for c in range(1, 17)}
        assert colours == {overdue}, r


@pytest.mark.parametrize("title", ["=1+1", "=HYPERLINK(\"http://x\")", "+cmd", "@A1"])
def test_xlsx_writes_formulas_as_text(gk, tmp_path, title):
    gk("set", "5", "--title", title)
    printed, flat = exported_sheets(gk, tmp_path / "t.xlsx")
    for cell in (printed.cell(7, 3), flat.cell(6, 3)):
        assert cell.value == title
        assert cell.data_type == "s"


def test_export_never_overwrites_without_force(gk, tmp_path):
    target = tmp_path / "a.csv"
    target.write_text("她的文件", encoding="utf-8")
    assert "--force" in gk.fails("export", str(target))
    assert target.read_text(encoding="utf-8") == "她的文件"
    assert gk("export", str(target), "--force").exit_code == 0
    assert target.read_bytes().startswith("\ufeff序号".encode())


def test_export_to_stdout(gk):
    result = gk("export", "-", "--format", "json", "--group", "1")
    assert [r["id"] for r in json.loads(result.stdout)] == [1, 2]
    result = gk("export", "-", "--format", "md", "--group", "1")
    assert result.stdout.startswith("| 序号 | 工作任务 |")
    assert result.stdout.count("\n") == 4


def test_export_needs_a_known_format(gk, tmp_path):
    said = gk.fails("export", str(tmp_path / "a.txt"))
    assert said.count("\n") == 1
    assert "请用 .csv, .xlsx, .md, .json, .docx, .ics, .html 结尾，或给出 --format" in said
    assert "name it .csv, .xlsx, .md, .json, .docx, .ics, .html" in gk(
        "--lang", "en", "export", str(tmp_path / "a.txt")).output
    assert gk("export", "-").exit_code == 1


def test_json_export_equals_list_json(gk, tmp_path):
    target = tmp_path / "a.json"
    gk("export", str(target), "--office", "安监股")
    assert json.loads(target.read_text("utf-8")) == gk.json("list", "--office", "安监股")


def test_markdown_escapes_pipes(gk):
    gk("set", "5", "--title", "甲|乙")
    result = gk("export", "-", "--format", "md", "--group", "3")
    assert "甲\\|乙" in result.output


# --- gk report -----------------------------------------------------------------------------------

REPORT_FIXTURE = """\
notice: {number: 测试〔2021〕1号, issued: 2021-01-01, table: 测试分工表}
offices:
  - name: 办公室
  - name: 财务科
groups:
  - {id: 1, title: 甲}
  - {id: 2, title: 乙}
tasks:
  - {id: 1, group: 1, title: A按时, lead: 办公室, deadline: 2021-03-31, status: done, done_on: 2021-03-20}
  - {id: 2, group: 1, title: B超时, lead: 办公室, deadline: 2021-03-31, status: done, done_on: 2021-04-10}
  - {id: 3, group: 1, title: C逾期, lead: 办公室, deadline: 2021年4月底, status: todo}
  - {id: 4, group: 2, title: D长期, lead: 财务科, deadline: 长期, status: doing}
  - {id: 5, group: 2, title: E临期, lead: 财务科, deadline: 2021-06-25, status: todo}
  - {id: 6, group: 2, title: F未到期, lead: 财务科, deadline: 2021年12月底, status: todo}
  - {id: 7, group: 2, title: G当天完成, lead: 财务科, deadline: 2021年5月底, status: done, done_on: 2021-05-31}
  - {id: 8, group: 2, title: H长期已完成, lead: 财务科, deadline: 长期, status: done, done_on: 2021-05-01}
"""


@pytest.fixture
def known(tmp_path: Path) -> Gk:
    return table_of(tmp_path / "known", REPORT_FIXTURE)


def test_report_numbers_checked_by_hand(known):
    report = known.json("report")
    office = {x["name"]: x for x in report["by_office"]}
    assert office["办公室"] == {**office["办公室"], "total": 3, "done": 2, "done_on_time": 1,
                                "done_late": 1, "overdue": 1, "due_soon": 0, "ongoing": 0,
                                "on_time_rate": round(1 / 3, 4)}
    assert office["财务科"] == {**office["财务科"], "total": 5, "done": 2, "done_on_time": 1,
                                "done_late": 0, "overdue": 0, "due_soon": 1, "ongoing": 1,
                                "open": 1, "on_time_rate": 1.0}
    assert report["totals"]["on_time_rate"] == 0.5
    groups = {x["name"]: x["total"] for x in report["by_group"]}
    assert groups == {"甲": 3, "乙": 5}


def test_report_since(known):
    report = known.json("report", "--since", "2021-05-01")
    assert report["since"] == "2021-05-01"
    # D (ongoing), G (due and done in May), H (done in May), and C: due in April, still overdue
    assert report["totals"]["total"] == 4
    assert report["totals"]["overdue"] == 1
    assert report["totals"]["on_time_rate"] == 0.5


def test_report_table_and_markdown(known):
    table = known("report").output
    assert "各牵头股室情况" in table
    assert "各工作任务情况" in table
    assert "33%" in table
    assert "按时率" in table
    md = known("report", "--format", "md").output
    assert "| 办公室 | 3 | 2 | 1 | 1 | 0 | 1 | 0 | 0 | 0 | 0 | 33% |" in md


def _md_rows(md: str) -> list[list[str]]:
    rows = [line.strip("| ").split(" | ") for line in md.splitlines() if line.startswith("| ")]
    return [r for r in rows if r[1] != "合计"]  # the heading rows


@pytest.mark.parametrize("args", [[], ["--since", "2021-05-01"]])
def test_report_rows_add_up(known, gk, args):
    for runner in (known, gk):
        md = runner("report", "--format", "md", *args).output
        rows = [[c.strip() for c in r] for r in _md_rows(md)]
        assert rows
        for name, total, done, on_time, late, undated, overdue, soon, open_, ongoing, _ext, _rate in rows:
            n = [int(x) for x in (total, done, on_time, late, undated, overdue, soon, open_, ongoing)]
            assert n[0] == n[1] + n[5] + n[6] + n[7] + n[8], name  # 合计 = 已完成+已逾期+即将到期+未到期+长期
            assert n[1] == n[2] + n[3] + n[4], name  # 已完成 = 按时 + 超时 + 未注明日期
    undated = known.json("report")["by_office"]
    assert {x["name"]: x["done_undated"] for x in undated} == {"办公室": 0, "财务科": 1}


def test_percentages_round_half_up(gk):
    from gkcli.tabular import percent

    assert [percent(2, 16), percent(1, 8), percent(1, 3), percent(0, 0)] == ["13%", "13%", "33%", "—"]


def test_report_for_a_period_says_so(known):
    out = known("report", "--since", "2021-05-01").output
    assert out.startswith("测试分工表 · 统计期间 2021-05-01 至 2021-06-20")
    assert "截至" not in out.splitlines()[0]
    out = known("--lang", "en", "report", "--since", "2021-05-01").output
    assert out.startswith("测试分工表 · 2021-05-01 to 2021-06-20")


def test_no_one_days_in_english(gk):
    from gkcli.i18n import Words

    words = Words("en")
    assert [words.days(1), words.days(-1), words.days(2)] == ["1 day left", "1 day over", "2 days left"]


# --- gk remind ------------------------------------------------------------------------------------

def _blocks(out: str) -> dict[str, str]:
    return {b.splitlines()[0]: b for b in out.strip().split("\n\n")}


def test_remind_a_block_for_every_office_with_urgent_items_in_roster_order(gk):
    blocks = _blocks(gk("remind").output)
    heads = list(blocks)
    assert len(heads) == 17  # every office: lead or assist (局各股室 is all of them)
    assert heads[:3] == ["【区运管所】肖龙良同志：", "【交通综合行政执法大队】肖明春同志：",
                         "【综合股】陈伟、庄青红同志："]  # as the roster names them
    mine = blocks["【综合股】陈伟、庄青红同志："]
    assert "\n【牵头】1号 梳理规范权责清单，动态调整更新（完成时间：2020年7月17日前，逾期338天）\n" in mine
    assert "\n【协办】8号 建立健全规范性文件全生命周期管理制度机制（完成时间：2021年6月底，剩10天）\n" in mine
    assert "1. " not in mine  # no list number beside the item number
    assert "泉港交﹝2020﹞150号" in mine
    assert "截至2021年6月20日，贵股室以下事项" in mine
    assert mine.splitlines()[-1] == "综合股（领导小组办公室）"
    assert "贵单位以下事项" in blocks["【交通综合行政执法大队】肖明春同志："]
    assert "贵单位以下事项" in blocks["【涂岭治超站】蔡清池同志："]


def test_remind_quotes_the_latest_progress_note(gk):
    gk("note", "1", "已报送初稿", "--on", "2021-06-01")
    gk("note", "1", "正在修改", "--on", "2021-06-10")
    out = gk("remind", "--office", "综合股").output
    assert "逾期338天）\n　　最新进展：“正在修改”\n" in out
    assert "已报送初稿" not in out


def test_remind_an_office_with_nobody_in_the_roster(gk):
    replace_in(gk.data / "leading_group.yaml", "    office: 安监股\n", "")
    blocks = _blocks(gk("remind").output)
    assert "【安监股】负责同志：" in blocks


def test_remind_markdown_and_one_office_alone(gk):
    md = gk("remind", "--format", "md", "--office", "安监股").output
    assert md.startswith("### 【安监股】谢玉龙同志：\n\n根据《")
    assert "\n- 【协办】1号 " in md
    text = gk("remind", "--office", "安监股").output
    assert list(_blocks(text)) == ["【安监股】谢玉龙同志："]  # its text alone, to paste


def test_remind_office_that_only_assists(gk):
    out = gk("remind", "--office", "安监股").output
    assert out.startswith("【安监股】谢玉龙同志：")
    assert "【牵头】" not in out
    assert out.count("【协办】") == 6


def test_remind_json(gk):
    data = gk.json("remind", "--office", "运管股")
    assert len(data) == 1
    assert data[0]["office"] == "运管股（政策法规股）"
    assert data[0]["people"] == ["黄梁岸"]
    roles = {i["id"]: i["role"] for i in data[0]["items"]}
    assert roles[12] == "lead"
    assert roles[1] == "assist"
    assert data[0]["message"].startswith("【运管股（政策法规股）】")


def test_remind_nothing_due(gk):
    gk.today = "2020-01-01"
    assert "无需提醒" in gk("remind").output


# --- gk timeline ------------------------------------------------------------------------------------

@pytest.mark.parametrize("width", [120, 80, 50])
def test_timeline_fits_the_width(gk, width):
    from rich.cells import cell_len

    result = gk("timeline", env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    assert "2020" in lines[0]
    assert "今天 2021-06-20" in lines[-1]
    chart = [line for line in lines if "完成时间" not in line and "今天" not in line]  # not the legend
    assert sum("◆" in line for line in chart) == 14
    assert sum("→" in line for line in chart) == 2


def test_timeline_marks_today_and_done(gk):
    gk("done", "5", "--on", "2021-06-01")
    lines = gk("timeline", env={"COLUMNS": "100"}).output.splitlines()
    row5 = next(line for line in lines if line.lstrip().startswith("5 "))
    assert "✔" in row5
    row1 = next(line for line in lines if line.lstrip().startswith("1 "))
    assert row1.index("◆") < row1.index("│")  # deadline before today: overdue


def test_timeline_overdue_is_red(gk):
    result = gk("timeline", env={"COLUMNS": "100", "FORCE_COLOR": "1", "TERM": "xterm"})
    assert "\x1b[1;31m" in result.output or "\x1b[31m" in result.output


def test_overdue_has_no_state_filter_to_ignore(gk):
    assert gk("overdue", "--state", "due_soon").exit_code == 2


def test_timeline_reads_without_colour(gk):
    gk("done", "5", "--on", "2021-06-01")  # on time
    gk("set", "6", "--deadline", "2021年5月底")
    gk("done", "6", "--on", "2021-06-10")  # late
    lines = gk("timeline", env={"COLUMNS": "100", "NO_COLOR": "1"}).output.splitlines()
    row = {int(line.split()[0]): line for line in lines if line.split() and line.split()[0].isdigit()}
    assert "━" in row[1]  # overdue
    assert "─" not in row[1]
    assert "═" in row[5]  # done on time
    assert "✔" in row[5]
    assert "═" in row[6]  # done late
    assert "✘" in row[6]
    assert "─" in row[8]  # open
    assert "━" not in row[8]
    for n in (5, 6):  # the done mark never hides the deadline or today's line
        assert "◆" in row[n]
        assert "│" in row[n] or "┼" in row[n]
    assert all(line == line.rstrip() for line in lines)  # no trailing spaces when piped
