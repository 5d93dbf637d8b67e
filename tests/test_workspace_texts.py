"""What gk --all hands to the offices, read as they would read it: the workbook's title (openpyxl),
the reminder pasted into WeChat, the Word 催办通知单 (python-docx), and the refusal of a Word file."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from helpers import SHIPPED, Gk

MAIN = "泉港交﹝2020﹞150号"
MAIN_TABLE = "泉港区交通运输局政务公开标准化规范化工作任务分工表"
CHECKS = "泉港交〔2021〕35号"
FUNDS = "某交〔2021〕3号"

CHECKS_YAML = f"""\
notice:
  number: {CHECKS}
  issued: 2021-03-15
  table: 执法检查任务分工表
offices:
  - name: 交通综合行政执法大队
  - name: 安监股
  - name: 综合股
groups:
  - id: 1
    title: 执法检查
tasks:
  - id: 1
    group: 1
    title: 开展“两客一危”专项执法检查
    lead: 交通综合行政执法大队
    assist: [安监股]
    deadline: 2021年5月底
    status: todo
  - id: 2
    group: 1
    title: 报送执法检查情况
    lead: 安监股
    start: 2021-06-15
    deadline: 10个工作日内
    status: todo
reporting:
  - what: 执法检查情况
    every: 每月28日前
    from: [安监股]
    to: 综合股
    start: 2021-05-01
"""

FUNDS_YAML = f"""\
notice:
  number: {FUNDS}
  table: 经费保障任务分工表
offices:
  - name: 财务科
groups:
  - id: 1
    title: 经费保障
tasks:
  - id: 1
    group: 1
    title: 落实整治经费
    lead: 财务科
    deadline: 2021年3月底
    status: todo
"""


@pytest.fixture
def gk(tmp_path: Path) -> Gk:
    """The shipped notice in data/, a second one in data/执法/, a third in data/经费/."""
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    for folder, text in (("执法", CHECKS_YAML), ("经费", FUNDS_YAML)):
        (data / folder).mkdir()
        (data / folder / "tasks.yaml").write_text(text, encoding="utf-8")
    return Gk(data)


def ok(result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout


def title_of(path: Path) -> str:
    """What the printed sheet's title row (A1) says."""
    return openpyxl.load_workbook(path).worksheets[0]["A1"].value


def message(gk: Gk, *args: str, lang: str = "zh") -> str:
    return ok(gk("--lang", lang, "--all", "remind", *args))


# --- 10: the workbook's title --------------------------------------------------------------------

@pytest.mark.parametrize("command", [("export",), ("overdue", "--export")])
def test_all_workbook_is_titled_for_every_notice_it_holds(gk, tmp_path, command):
    target = tmp_path / "all.xlsx"
    ok(gk("--all", *command, str(target)))
    title = title_of(target)
    assert MAIN_TABLE not in title  # not the first notice's name over every notice's items
    assert title == f"{MAIN}、{CHECKS}、{FUNDS}任务分工汇总表　截至 2021-06-20"


def test_all_workbook_of_one_notice_has_that_notices_title(gk, tmp_path):
    target = tmp_path / "经费.xlsx"
    ok(gk("--all", "export", str(target), "--office", "财务科"))
    assert title_of(target) == "经费保障任务分工表　截至 2021-06-20"


def test_all_workbook_of_many_notices_says_how_many(gk, tmp_path):
    for n in range(4, 7):
        shutil.copytree(gk.data / "经费", gk.data / f"经费{n}")
        path = gk.data / f"经费{n}" / "tasks.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("3号", f"{n}号"), encoding="utf-8")
    target = tmp_path / "all.xlsx"
    ok(gk("--all", "export", str(target)))
    assert title_of(target) == f"{MAIN}、{CHECKS}、{FUNDS}等6个文件任务分工汇总表　截至 2021-06-20"


def test_all_workbook_title_in_english(gk, tmp_path):
    target = tmp_path / "all.xlsx"
    ok(gk("--lang", "en", "--all", "export", str(target)))
    assert title_of(target) == f"Tasks of {MAIN}, {CHECKS}, {FUNDS} as of 2021-06-20"


def test_one_table_workbook_keeps_the_tables_title(gk, tmp_path):
    target = tmp_path / "one.xlsx"
    ok(gk("overdue", "--export", str(target)))
    assert title_of(target) == f"{MAIN_TABLE}　截至 2021-06-20"


# --- 11: 贵股室 or 贵单位, the same in the text and in Word ------------------------------------------

def urge_bodies(path: Path) -> dict[str, str]:
    """Each 催办通知单's addressee line → the sentence under it."""
    texts = [p.text for p in Document(str(path)).paragraphs if p.text.strip()]
    return {texts[n + 1].split("：")[0]: texts[n + 2]
            for n, text in enumerate(texts) if text == "催办通知单"}


def test_word_reminder_addresses_a_unit_as_a_unit(tmp_path):
    gk = Gk(SHIPPED)
    target = tmp_path / "r.docx"
    ok(gk("remind", "-o", str(target)))
    bodies = urge_bodies(target)
    assert "，贵单位牵头或协办的" in bodies["区运管所肖龙良同志"]
    assert "，贵单位牵头或协办的" in bodies["交通综合行政执法大队肖明春同志"]
    assert "，贵股室牵头或协办的" in bodies["综合股陈伟、庄青红同志"]
    assert "，贵股室牵头或协办的" in bodies["交通综合行政执法大队综合股林鸿景同志"]


def test_text_and_word_reminders_address_every_office_alike(tmp_path):
    gk = Gk(SHIPPED)
    target = tmp_path / "r.docx"
    ok(gk("remind", "-o", str(target)))
    bodies = urge_bodies(target)
    for rem in gk.json("remind"):
        said = "贵单位" if "贵单位" in rem["message"].split("\n")[1] else "贵股室"
        word = next(body for head, body in bodies.items() if head.startswith(rem["office"]))
        assert f"，{said}牵头或协办的" in word, rem["office"]


def test_english_word_reminder_addresses_a_unit_as_a_unit(tmp_path):
    gk = Gk(SHIPPED)
    target = tmp_path / "r.docx"
    ok(gk("--lang", "en", "remind", "-o", str(target), "--office", "区运管所"))
    assert any("which your unit leads or assists" in p.text
               for p in Document(str(target)).paragraphs)


# --- 12: the --all reminder, sendable as it is ----------------------------------------------------

def test_all_reminder_names_its_notices_by_title_and_number(gk):
    text = message(gk, "--office", "安监股")
    assert "全部" not in text
    assert (f"根据《{MAIN_TABLE}》（{MAIN}）、《执法检查任务分工表》（{CHECKS}），截至2021年6月20日，"
            "贵股室以下事项") in text


def test_all_reminder_of_one_notice_reads_as_that_notices_own(gk):
    text = message(gk, "--office", "财务科")
    assert "根据《经费保障任务分工表》（某交〔2021〕3号），截至2021年6月20日，" in text


def test_all_reminder_of_many_notices_names_their_numbers(gk):
    for n in range(4, 7):
        path = gk.data / f"经费{n}" / "tasks.yaml"
        path.parent.mkdir()
        path.write_text(FUNDS_YAML.replace("3号", f"{n}号"), encoding="utf-8")
    text = message(gk, "--office", "财务科")
    assert ("根据某交〔2021〕3号、某交〔2021〕4号、某交〔2021〕5号、某交〔2021〕6号文件，"
            "截至2021年6月20日，") in text


def test_all_reminder_report_lines_carry_the_notice_number(gk):
    lines = message(gk, "--office", "安监股").splitlines()
    reports = [line for line in lines if line[:1].isdigit()]
    assert reports == [
        f"1. 执法检查情况（{CHECKS}）（2021-05期，应于5月28日前报送综合股，已逾期23天）",
        f"2. 执法检查情况（{CHECKS}）（2021-06期，请于6月28日前报送综合股）",
    ]


def test_a_working_day_deadline_shows_its_date(gk):
    text = message(gk, "--office", "安监股")
    assert (f"【牵头】2号 报送执法检查情况（{CHECKS}）"
            "（完成时间：10个工作日内（2021年6月29日前），剩7个工作日）") in text
    alone = ok(Gk(gk.data / "执法")("remind", "--office", "安监股"))
    assert "【牵头】2号 报送执法检查情况（完成时间：10个工作日内（2021年6月29日前），剩7个工作日）" in alone


def test_all_reminder_signs_as_the_one_table_does(gk):
    for lang in ("zh", "en"):
        every = message(gk, "--office", "综合股", lang=lang).splitlines()
        one = ok(gk("--lang", lang, "remind", "--office", "综合股")).splitlines()
        assert every[-1] == one[-1]
        assert "综合股" in one[-1] and "领导小组办公室" in one[-1]


def test_all_reminder_in_english_names_its_notices(gk):
    text = message(gk, "--office", "安监股", lang="en")
    assert "All 3 notices" not in text
    assert f"Under {MAIN_TABLE} ({MAIN}), 执法检查任务分工表 ({CHECKS}), as of 2021-06-20" in text
    assert "10个工作日内 (by 2021-06-29)" in text


def test_word_reminder_shows_a_working_day_deadlines_date(gk, tmp_path):
    target = tmp_path / "r.docx"
    ok(Gk(gk.data / "执法")("remind", "-o", str(target), "--office", "安监股"))
    cells = [[c.text for c in row.cells] for row in Document(str(target)).tables[0].rows]
    assert cells[2][:5] == ["2", "报送执法检查情况", "牵头", "10个工作日内（2021年6月29日前）", "剩7个工作日"]


# --- 13: the hint names only what the command accepts --------------------------------------------

@pytest.mark.parametrize("command, formats", [("remind", "text、md、json"),
                                              ("report", "table、md、json")])
def test_all_refuses_a_word_file_naming_what_the_command_takes(gk, tmp_path, command, formats):
    target = tmp_path / "x.docx"
    result = gk("--all", command, "-o", str(target))
    assert result.exit_code == 2
    assert f"去掉 -o，改用 --format {formats}" in result.output
    assert "csv" not in result.output and "xlsx" not in result.output
    assert not target.exists()


def test_all_refuses_a_word_export_naming_the_files_it_writes(gk, tmp_path):
    result = gk("--all", "export", str(tmp_path / "x.docx"))
    assert result.exit_code == 2
    assert "改用 csv、xlsx、md、json" in result.output


def test_all_refusal_in_english(gk, tmp_path):
    result = gk("--lang", "en", "--all", "remind", "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 2
    assert "drop -o and use --format text, md, json" in result.output
