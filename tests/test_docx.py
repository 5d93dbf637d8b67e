"""The Word documents, read back with python-docx: the 通报 (gk report --format docx, gk export
FILE.docx) and the 催办通知单 (gk remind --format docx). Where LibreOffice is installed, they
are also rendered to PDF and their pages counted."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt
from helpers import written

HOSTILE = "</script><script>alert(1)</script> =cmd|' /C calc'!A0 \u202eevil"


def mm(*lengths) -> list[int]:
    return [round(length.mm) for length in lengths]


def east_asian(run) -> str | None:
    r_pr = run._element.rPr
    fonts = r_pr.rFonts if r_pr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def body_paragraphs(doc) -> list:
    return [p for p in doc.paragraphs if p.text.strip()]


def paragraph(doc, start: str):
    found = [p for p in doc.paragraphs if p.text.startswith(start)]
    assert found, f"no paragraph starts with {start!r}"
    return found[0]


def rows_of(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def written_document(gk, target: Path, *args: str) -> Document:
    """Run ``gk ARGS``, which write the Word document TARGET, and read it back."""
    return Document(str(written(gk, target, *args)))


def writer_of(gk, target: Path, command: str):
    """``gk COMMAND -o TARGET ARGS`` for any ARGS, giving the document it wrote."""
    return lambda *args: written_document(gk, target, command, "-o", str(target), *args)


@pytest.fixture
def bulletin(gk, tmp_path):
    return writer_of(gk, tmp_path / "通报.docx", "report")


# --- the 通报 --------------------------------------------------------------------------------

def test_bulletin_title_date_and_figures_written_out(bulletin):
    doc = bulletin()
    texts = [p.text for p in body_paragraphs(doc)]
    assert texts[0] == "关于泉港区交通运输局政务公开标准化规范化工作任务分工表进展情况的通报"
    assert texts[1] == "（截至2021年6月20日）"
    assert texts[2] == (
        "根据《泉港区交通运输局关于印发政务公开标准化规范化工作实施细则的通知》（泉港交﹝2020﹞150号），"
        "截至2021年6月20日，确定事项16项，已完成0项，占0%；按时完成0项；逾期7项，"
        "涉及综合股、运管股（政策法规股）。现将有关情况通报如下。")


def test_bulletin_fonts_follow_gb_t_9704_with_the_east_asian_attribute(bulletin):
    doc = bulletin()
    title = paragraph(doc, "关于")
    assert {east_asian(r) for r in title.runs} == {"方正小标宋简体"}
    assert {r.font.size for r in title.runs} == {Pt(22)}
    body = paragraph(doc, "根据")
    assert {east_asian(r) for r in body.runs} == {"仿宋_GB2312"}
    assert {r.font.size for r in body.runs} == {Pt(16)}
    assert {east_asian(r) for r in paragraph(doc, "一、").runs} == {"黑体"}
    assert {east_asian(r) for r in paragraph(doc, "（一）").runs} == {"楷体_GB2312"}
    normal = doc.styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_bulletin_is_a4_portrait_with_a_landscape_annex_and_page_numbers(bulletin):
    doc = bulletin()
    body, annex = doc.sections
    assert body.orientation == WD_ORIENT.PORTRAIT
    assert mm(body.page_width, body.page_height, body.top_margin, body.bottom_margin,
              body.left_margin, body.right_margin) == [210, 297, 37, 35, 28, 26]
    assert annex.orientation == WD_ORIENT.LANDSCAPE
    assert mm(annex.page_width, annex.page_height) == [297, 210]
    footer = body.footer._element.xml
    assert "PAGE" in "".join(footer.split("instrText")[1:2])
    assert body.footer.paragraphs[0].text.startswith("— ")


def test_bulletin_item_table_is_the_list(bulletin, gk):
    header, *rows = rows_of(bulletin().tables[-1])  # the annex
    items = gk.json("list")
    assert header == ["序号", "工作任务", "具体事项", "牵头股室", "协办股室", "完成时间", "进度",
                      "完成日期", "进展情况"]
    assert [int(r[0]) for r in rows] == [i["id"] for i in items]
    for row, item in zip(rows, items):
        assert row[1] == item["group_title"]
        assert row[2] == item["title"]
        assert row[3] == item["lead"]
        assert row[4] == "、".join(item["assist"])
        assert row[5] == item["deadline_text"]
        assert row[7] == (item["done_on"] or "—")
    overdue = {i["id"] for i in items if i["state"] == "overdue"}
    assert all(("逾期" in r[6]) == (int(r[0]) in overdue) for r in rows)


def test_bulletin_header_row_repeats_on_every_page(bulletin):
    doc = bulletin()
    for table in doc.tables:
        first = table.rows[0]._tr.trPr
        assert first.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])


def test_work_task_cells_are_merged_down_as_in_the_notice(bulletin, gk):
    table = bulletin().tables[-1]  # the annex
    items = gk.json("list")
    merges = [row._tr.tc_lst[1].vMerge for row in table.rows[1:]]
    for n, item in enumerate(items):
        same_as_before = n > 0 and items[n - 1]["group"] == item["group"]
        same_as_next = n + 1 < len(items) and items[n + 1]["group"] == item["group"]
        if same_as_before:
            assert merges[n] == "continue"
            assert table.cell(n + 1, 1)._tc is table.cell(n, 1)._tc  # one merged cell
        elif same_as_next:
            assert merges[n] == "restart"
        else:
            assert merges[n] is None
        assert table.cell(n + 1, 1).text == item["group_title"]


def test_bulletin_office_table_is_the_report(bulletin, gk):
    doc = bulletin()
    found = gk.json("report")
    header, *rows = rows_of(doc.tables[0])
    assert header == ["牵头股室", "合计", "已完成", "按时", "超时", "未注明日期", "已逾期", "即将到期",
                      "未到期", "长期", "延期", "按时率"]
    for row, office in zip(rows, found["by_office"] + [{**found["totals"], "name": "合计"}]):
        assert row[0] == office["name"]
        assert [int(n) for n in row[1:11]] == [office[k] for k in (
            "total", "done", "done_on_time", "done_late", "done_undated", "overdue", "due_soon",
            "open", "ongoing", "extended")]
    assert len(rows) == len(found["by_office"]) + 1


def test_bulletin_counts_what_was_done(bulletin, gk):
    assert gk("done", "5", "--on", "2021-06-18").exit_code == 0
    assert gk("done", "1", "--on", "2021-01-05").exit_code == 0
    doc = bulletin()
    opening = paragraph(doc, "根据").text
    assert "确定事项16项，已完成2项，占12.5%；按时完成1项；逾期6项，涉及综合股、运管股（政策法规股）。" in opening
    annex = rows_of(doc.tables[-1])
    assert annex[5][6:8] == ["已完成（按时）", "2021-06-18"]


def test_bulletin_lists_overdue_items_by_office_and_due_soon_items(bulletin):
    texts = [p.text for p in body_paragraphs(bulletin())]
    start = texts.index("二、逾期事项")
    assert texts[start + 1] == "（一）综合股（6项）"
    assert texts[start + 2] == "1. 梳理规范权责清单，动态调整更新（第1项，完成时间：2020年7月17日前，逾期338天）。"
    assert "（二）运管股（政策法规股）（1项）" in texts
    due = texts.index("三、即将到期事项（14天内）")
    assert texts[due + 1].startswith("1. 建立健全规范性文件全生命周期管理制度机制（第8项，完成时间：2021年6月底，"
                                     "运管股（政策法规股）牵头，剩10天）")


def test_bulletin_is_signed_by_the_group_office_and_dated(bulletin):
    texts = [p.text for p in body_paragraphs(bulletin())]
    end = texts.index("附件")
    assert texts[end - 3].startswith("附件：")
    assert texts[end - 2:end] == ["领导小组办公室", "2021年6月20日"]


def test_bulletin_for_a_period(bulletin, gk):
    doc = bulletin("--since", "2021-01-01")
    texts = [p.text for p in body_paragraphs(doc)]
    assert texts[1] == "（统计期间：2021年1月1日至2021年6月20日）"
    assert "2021年1月1日至2021年6月20日期间，涉及事项" in texts[2]
    in_period = gk.json("report", "--since", "2021-01-01")["totals"]["total"]
    assert len(doc.tables[-1].rows) - 1 == in_period


def test_bulletin_title_can_be_set_and_english_works(bulletin, gk, tmp_path):
    assert body_paragraphs(bulletin("--title", "上半年工作通报"))[0].text == "上半年工作通报"
    target = tmp_path / "en.docx"
    doc = written_document(gk, target, "--lang", "en", "report", "-o", str(target))
    assert doc.paragraphs[0].text.startswith("Progress report on ")
    assert rows_of(doc.tables[-1])[0][:3] == ["No.", "Work task", "Item"]


def test_export_docx_writes_the_bulletin_for_a_selection(gk, tmp_path):
    target = tmp_path / "运管股.docx"
    doc = written_document(gk, target, "export", str(target), "--lead", "运管股")
    ids = [i["id"] for i in gk.json("list", "--lead", "运管股")]
    assert [int(r[0]) for r in rows_of(doc.tables[-1])[1:]] == ids
    assert "确定事项3项" in paragraph(doc, "根据").text


def test_report_docx_needs_a_file_and_never_overwrites(gk, tmp_path):
    result = gk("report", "--format", "docx")
    assert result.exit_code == 2
    assert "-o" in result.output
    assert gk("report", "-o", str(tmp_path / "x.md")).exit_code == 2
    target = tmp_path / "通报.docx"
    target.write_text("mine", encoding="utf-8")
    said = gk.fails("report", "-o", str(target))
    assert said.count("\n") == 1
    assert "--force" in said
    assert target.read_text(encoding="utf-8") == "mine"
    assert gk("report", "-o", str(target), "--force").exit_code == 0
    assert Document(str(target)).paragraphs[0].text.startswith("关于")


def test_report_docx_to_stdout(gk):
    result = gk("report", "-o", "-", "--format", "docx")
    assert result.exit_code == 0
    assert result.stdout_bytes[:2] == b"PK"


def test_hostile_titles_stay_text_in_the_docx(gk, tmp_path):
    assert gk("set", "8", "--title", HOSTILE).exit_code == 0
    target = tmp_path / "通报.docx"
    doc = written_document(gk, target, "report", "-o", str(target))
    annex = rows_of(doc.tables[-1])
    assert annex[8][2] == HOSTILE
    assert any(HOSTILE in p.text for p in doc.paragraphs)
    import zipfile

    xml = zipfile.ZipFile(target).read("word/document.xml").decode("utf-8")
    assert "<script>" not in xml
    assert "&lt;script&gt;" in xml
    assert xml.count("<w:instrText") == 0  # no field but the footer's PAGE
    footer = zipfile.ZipFile(target).read("word/footer1.xml").decode("utf-8")
    assert re.findall(r"<w:instrText[^>]*>([^<]*)<", footer) == [" PAGE "]


def test_characters_xml_forbids_do_not_break_the_document():
    from gkcli.docx_report import clean

    assert clean("a\x01b\x0bc\ud800d\u202ee\tf\ng") == "a\ufffdb\ufffdc\ufffdd\u202ee\tf\ng"


# --- the 催办通知单 ---------------------------------------------------------------------------

@pytest.fixture
def notices(gk, tmp_path):
    return writer_of(gk, tmp_path / "催办通知单.docx", "remind")


def test_one_notice_per_office_each_on_its_own_page(notices, gk):
    doc = notices()
    offices = gk.json("remind")
    titles = [p for p in doc.paragraphs if p.text == "催办通知单"]
    assert len(titles) == len(offices) == len(doc.tables) == 17  # every office, lead or assist
    assert not titles[0].paragraph_format.page_break_before
    assert all(p.paragraph_format.page_break_before for p in titles[1:])
    assert {east_asian(r) for p in titles for r in p.runs} == {"方正小标宋简体"}


def test_notice_names_addressees_items_days_and_latest_progress(notices, gk):
    assert gk("note", "12", "已起草初稿", "--on", "2021-06-01").exit_code == 0
    assert gk("note", "12", "已报分管领导审核", "--on", "2021-06-18").exit_code == 0
    doc = notices()
    texts = [p.text for p in body_paragraphs(doc)]
    assert "综合股陈伟、庄青红同志：" in texts
    assert "运管股（政策法规股）黄梁岸同志：" in texts
    reminders = gk.json("remind")
    for table, reminder in zip(doc.tables, reminders):
        header, *rows = rows_of(table)
        assert header == ["序号", "具体事项", "职责", "完成时间", "逾期/剩余天数", "最新进展"]
        assert [int(r[0]) for r in rows] == [i["id"] for i in reminder["items"]]
        assert [r[1] for r in rows] == [i["title"] for i in reminder["items"]]
        assert [r[2] for r in rows] == [{"lead": "牵头", "assist": "协办"}[i["role"]]
                                        for i in reminder["items"]]
    table = next(t for t, r in zip(doc.tables, reminders) if r["office"] == "运管股（政策法规股）")
    row12 = next(r for r in rows_of(table) if r[0] == "12")
    assert row12[3:] == ["2020年12月底", "逾期171天", "2021-06-18 已报分管领导审核"]


def test_notice_has_a_reply_by_line_sender_and_date(notices):
    texts = [p.text for p in body_paragraphs(notices("--reply-by", "2021-06-25"))]
    assert texts.count("请于2021年6月25日前将办理进展情况书面反馈领导小组办公室。") == 17
    assert texts[-2:] == ["领导小组办公室", "2021年6月20日"]


def test_notice_reply_by_defaults_to_a_week(notices):
    assert any("请于2021年6月27日前" in p.text for p in notices().paragraphs)


def test_notice_for_one_office_that_only_assists(notices):
    doc = notices("--office", "安监股")
    assert [p.text for p in doc.paragraphs if p.text == "催办通知单"] == ["催办通知单"]
    assert any(p.text == "安监股谢玉龙同志：" for p in doc.paragraphs)
    assert {r[2] for r in rows_of(doc.tables[0])[1:]} == {"协办"}


def test_no_notice_when_nothing_is_late(gk, tmp_path):
    gk.today = "2020-07-01"
    said = gk.fails("remind", "-o", str(tmp_path / "x.docx"), "--office", "安监股")
    assert said == "gk: 没有逾期或即将到期的事项，不生成催办通知单\n"
    assert not (tmp_path / "x.docx").exists()


# --- rendered by LibreOffice ----------------------------------------------------------------

def _office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    """(width, height) of each page of a PDF LibreOffice wrote (its page objects are plain text)."""
    data = path.read_bytes()
    boxes = re.findall(rb"/Type\s*/Page\b(?!s).*?/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)",
                       data, re.DOTALL)
    if not boxes:  # MediaBox before /Type
        boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\][^>]*?/Type\s*/Page\b(?!s)",
                           data, re.DOTALL)
    return [(float(x1) - float(x0), float(y1) - float(y0)) for x0, y0, x1, y1 in boxes]


def to_pdf(docx: Path, tmp_path: Path) -> Path:
    office = _office()
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed: the page layout is not rendered "
                    "(bash .ci/install-libreoffice installs it)")
    profile = tmp_path / "lo-profile"
    subprocess.run([office, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (docx.stem + ".pdf")
    assert pdf.exists()
    return pdf


def test_rendered_notices_take_one_page_per_office(gk, tmp_path):
    target = tmp_path / "催办通知单.docx"
    assert gk("remind", "-o", str(target)).exit_code == 0
    pages = pdf_pages(to_pdf(target, tmp_path))
    assert len(pages) == len(gk.json("remind"))
    assert all(w < h for w, h in pages)  # A4 portrait
    assert all(abs(w - 595.3) < 1 for w, _ in pages)


def test_rendered_bulletin_is_portrait_then_a_landscape_annex(gk, tmp_path):
    target = tmp_path / "通报.docx"
    assert gk("report", "-o", str(target)).exit_code == 0
    pages = pdf_pages(to_pdf(target, tmp_path))
    shapes = ["portrait" if w < h else "landscape" for w, h in pages]
    first_annex = shapes.index("landscape")
    assert first_annex >= 1
    assert shapes == ["portrait"] * first_annex + ["landscape"] * (len(shapes) - first_annex)
    assert len(shapes) <= 8  # 16 items: a few pages of text and a few of table


def test_bidi_controls_in_a_title_cannot_reorder_the_rest_of_a_sentence(gk, bulletin):
    assert gk("set", "1", "--title", "abc\u202edef").exit_code == 0
    doc = bulletin()
    line = paragraph(doc, "1. \u2068abc").text
    assert line.startswith("1. \u2068abc\u202edef\u2069（第1项")
    assert rows_of(doc.tables[-1])[1][2] == "abc\u202edef"  # the cell holds the title as written


def test_an_empty_selection_is_still_a_document(gk, tmp_path):
    target = tmp_path / "空.docx"
    doc = written_document(gk, target, "export", str(target), "--search", "没有这样的事项")
    assert "确定事项0项，已完成0项，占—；按时完成0项；无逾期事项。" in paragraph(doc, "根据").text
    assert len(doc.tables[-1].rows) == 1


def test_options_for_the_word_document_only(gk, tmp_path):
    result = gk("report", "--title", "x")
    assert result.exit_code == 2
    assert "--title" in result.output
    assert gk("remind", "--reply-by", "2021-06-25").exit_code == 2
    assert gk("export", str(tmp_path / "a.csv"), "--title", "x").exit_code == 2
    assert not (tmp_path / "a.csv").exists()
