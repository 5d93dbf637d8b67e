"""Word documents, written with python-docx (imported only here): the 通报 and the 催办通知单.

Laid out after GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm, the title in
二号 (22pt) 方正小标宋简体, the body in 三号 (16pt) 仿宋_GB2312 on a fixed 28pt line,
first-level headings in 黑体 and second-level in 楷体_GB2312, page numbers "— 1 —" in the
footer. Chinese fonts are set as the East Asian font (``w:rFonts w:eastAsia``), which is
the one Word and WPS use for Chinese text; Latin text and digits use Times New Roman.

The 通报's item table (附件) is a landscape section; its header row repeats on every
page (``w:tblHeader``) and each 工作任务 cell is merged down over its items, as the
notice prints it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gkcli import deadlines
from gkcli.documents import Bulletin, Notices
from gkcli.i18n import Words
from gkcli.model import Notice
from gkcli.query import Item
from gkcli.report import Tally
from gkcli.summary_text import done_state, figures, long_date
from gkcli.tabular import REPORT_KEYS, tally_cells
from gkcli.texts import deadline_text, you

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
LATIN_FONT = "Times New Roman"
PAGE_NUMBER_FONT = "宋体"

TITLE_SIZE = Pt(22)  # 二号
BODY_SIZE = Pt(16)  # 三号
TABLE_SIZE = Pt(12)  # 小四
SMALL_TABLE_SIZE = Pt(10.5)  # 五号
FOOTER_SIZE = Pt(14)  # 四号
BODY_LINE = Pt(28)
INDENT = Pt(32)  # two characters of 三号

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: object) -> str:
    """Text as Word can hold it: characters XML forbids become U+FFFD; all else stays as written."""
    return _NOT_XML.sub("\ufffd", str(text))


_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def isolated(text: str) -> str:
    """A user text set inside a sentence: if it holds bidi controls (such as U+202E), it is
    wrapped in FSI…PDI so they cannot reorder the rest of the sentence."""
    return f"\u2068{text}\u2069" if _BIDI.search(text) else text


# --- the page and its text --------------------------------------------------------------------

def _fonts(run, east_asian: str, size, bold: bool = False) -> None:
    run.font.name = LATIN_FONT
    run.font.size = size
    run.font.bold = bold
    r_fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    r_fonts.set(qn("w:eastAsia"), east_asian)


def _paragraph(container, text: str = "", font: str = BODY_FONT, size=BODY_SIZE, *,
               bold: bool = False, align=None, indent: bool = False, line=BODY_LINE,
               right_indent=None, page_break_before: bool = False):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if line is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = line
    if indent:
        fmt.first_line_indent = INDENT
    if right_indent is not None:
        fmt.right_indent = right_indent
    if align is not None:
        p.alignment = align
    if page_break_before:
        fmt.page_break_before = True
    if text:
        _fonts(p.add_run(clean(text)), font, size, bold)
    return p


def _title(doc, text: str, page_break_before: bool = False):
    p = _paragraph(doc, text, TITLE_FONT, TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER,
                   line=Pt(35), page_break_before=page_break_before)
    p.paragraph_format.space_after = Pt(14)
    return p


def _new_document(title: str):
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = BODY_SIZE
    r_pr = normal.element.get_or_add_rPr()
    r_pr.get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    lang_el = OxmlElement("w:lang")
    lang_el.set(qn("w:val"), "en-US")
    lang_el.set(qn("w:eastAsia"), "zh-CN")
    r_pr.append(lang_el)
    doc.core_properties.title = clean(title)
    doc.core_properties.author = "gk"
    section = doc.sections[0]
    _page(section, landscape=False)
    _page_numbers(section)
    return doc


def _page(section, landscape: bool = False, form: bool = False) -> None:
    """A4 with GB/T 9704's margins (the landscape page keeps them along its short side;
    a form such as the 催办通知单 takes 30/28 mm at top and bottom, to fit on one page)."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    # width, height, then the top, bottom, left and right margins, in mm
    sizes = (210, 297, 30, 28, 28, 26) if form else \
        (297, 210, 28, 26, 25, 25) if landscape else (210, 297, 37, 35, 28, 26)
    (section.page_width, section.page_height, section.top_margin, section.bottom_margin,
     section.left_margin, section.right_margin) = (Mm(mm) for mm in sizes)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(20)


def _page_numbers(section) -> None:
    """— PAGE — centred in the footer, as a field Word and WPS fill in."""
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fonts(p.add_run("— "), PAGE_NUMBER_FONT, FOOTER_SIZE)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):
        run = p.add_run()
        _fonts(run, PAGE_NUMBER_FONT, FOOTER_SIZE)
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text and text.strip() == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._element.append(el)
    _fonts(p.add_run(" —"), PAGE_NUMBER_FONT, FOOTER_SIZE)


def _table(doc, header: list[str], widths_mm: Sequence[float], size=TABLE_SIZE):
    """A bordered table whose header row repeats on every page and never splits."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for col, width in zip(table.columns, widths_mm):
        col.width = Mm(width)
    row = table.rows[0]
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        tr_pr.append(el)
    style = _cell_style(doc, HEADING_FONT, size)
    for cell, text in zip(_cells(row), header):
        _cell(cell, text, style, align=WD_ALIGN_PARAGRAPH.CENTER)
    _widths(row, widths_mm)
    return table


def _cell_style(doc, font: str, size):
    """A paragraph style for table cells: the font (as the East Asian font too), the size, no
    spacing, a fixed line. Cells take the style rather than formatting of their own, which
    keeps a table of hundreds of items quick to write and small."""
    from docx.enum.style import WD_STYLE_TYPE

    name = f"gk {'Table Heading' if font == HEADING_FONT else 'Table Text'} {size.pt:g}"
    try:
        return doc.styles[name]
    except KeyError:
        pass
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = LATIN_FONT
    style.font.size = size
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(size.pt * 1.25)
    return style


def _widths(row, widths_mm: Sequence[float]) -> None:
    for cell, width in zip(_cells(row), widths_mm):
        cell.width = Mm(width)


def _cells(row) -> list:
    """The cells of a new row (no merges yet): from its own XML, not from a walk of the whole
    table, so a table of n rows takes time in n, not n²."""
    from docx.table import _Cell

    return [_Cell(tc, row.table) for tc in row._tr.tc_lst]


def _add_row(table, values: list[str], widths_mm: Sequence[float], size=TABLE_SIZE,
             centred: tuple[int, ...] = (), merges: dict[int, str] | None = None):
    """A row that never splits across pages; ``merges`` sets a column's vertical merge
    ('restart' opens a merged cell, 'continue' extends the one above, as ``cell.merge`` does)."""
    row = table.add_row()
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)
    style = _cell_style(table.part.document, BODY_FONT, size)
    for col, (cell, text) in enumerate(zip(_cells(row), values)):
        merge = (merges or {}).get(col)
        if merge:
            cell._tc.vMerge = merge
        if merge != "continue":
            _cell(cell, text, style, align=WD_ALIGN_PARAGRAPH.CENTER if col in centred else None)
    _widths(row, widths_mm)
    return row


def _cell(cell, text: str, style, align=None) -> None:
    """Fill a cell: one paragraph per line of ``text``, in the cell style."""
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    lines = clean(text).split("\n") or [""]
    first = cell.paragraphs[0]
    for n, line in enumerate(lines):
        p = first if n == 0 else cell.add_paragraph()
        p._p.style = style.style_id  # as p.style = style does, without its search of all styles
        if align is not None:
            p.alignment = align
        if line:
            p.add_run(line)


def _save(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _signature(doc, sender: str, day: date, words: Words) -> None:
    """发文机关署名 and 成文日期, right-aligned, two characters in from the margin."""
    _paragraph(doc).paragraph_format.keep_with_next = True
    if sender:
        signed = _paragraph(doc, sender, align=WD_ALIGN_PARAGRAPH.RIGHT, right_indent=INDENT)
        signed.paragraph_format.keep_with_next = True
    _paragraph(doc, long_date(words, day), align=WD_ALIGN_PARAGRAPH.RIGHT, right_indent=INDENT)


def _source(notice: Notice, name: str, words: Words) -> str:
    """《the notice》（its number）, as a 通报 cites what it reports on."""
    source = words("doc.source", title=notice.title or name)
    return source + (words("aside", text=notice.number) if notice.number else "")


# --- the 通报 ----------------------------------------------------------------------------------

OFFICE_WIDTHS = [24] + [12] * 11  # 156 mm: A4 less margins
ITEM_WIDTHS = [13, 30, 56, 25, 34, 25, 18, 20, 26]  # 247 mm: landscape A4 less margins
WORK_TASK_COLUMN = 1


def _tally_cells(x: Tally) -> list[str]:
    """The report's row, as gk report says it (so the 通报's figures add up the same way)."""
    return tally_cells(x)


def item_cells(item: Item, words: Words) -> list[str]:
    """One row of the annex: 序号 工作任务 具体事项 牵头股室 协办股室 完成时间 进度 完成日期 进展情况."""
    task = item.task
    progress = done_state(item, words) if task.status == "done" else words.status(task.status)
    if item.state == deadlines.OVERDUE:
        progress += "\n" + words.days(item.days_left)
    return [str(task.id), item.group_title, task.title, task.lead,
            "、".join(task.assist) or words("none"), task.deadline.text, progress,
            task.done_on.isoformat() if task.done_on else "—",
            "\n".join(task.progress) or "—"]


def work_task_merges(rows: list[Item]) -> list[str | None]:
    """For each row, how its 工作任务 cell merges down over the items of one work task, as the
    notice prints it: 'restart' on the first of two or more, 'continue' on the rest, None alone."""
    merges: list[str | None] = []
    for n, item in enumerate(rows):
        same_before = n > 0 and rows[n - 1].task.group == item.task.group
        same_after = n + 1 < len(rows) and rows[n + 1].task.group == item.task.group
        merges.append("continue" if same_before else "restart" if same_after else None)
    return merges


def _item_sentence(item: Item, words: Words, with_lead: bool = False) -> str:
    task = item.task
    lead = words("doc.led_by", office=isolated(task.lead)) if with_lead else ""
    return words("doc.item_line", id=task.id, title=isolated(task.title), lead=lead,
                 deadline=isolated(task.deadline.text), days=words.days(item.days_left))


def bulletin(found: Bulletin, words: Words) -> bytes:
    """The 通报: title, date or period, the figures, the per-office table, the overdue and
    due-soon items, the sender and date, and every item as a landscape annex."""
    facts = found.digest
    name = found.table_title
    title = found.title or words("doc.bulletin_title", table=name)
    doc = _new_document(title)
    _title(doc, title).paragraph_format.space_after = Pt(0)
    day = long_date(words, found.as_of)
    if found.since:
        start = long_date(words, found.since)
        when = words("doc.period", start=start, end=day)
        phrase = words("doc.when_period", start=start, end=day)
    else:
        when = words("doc.as_of", day=day)
        phrase = words("doc.when_as_of", day=day)
    _paragraph(doc, when, SUBHEADING_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(doc)
    scope = words("doc.scope_period" if found.since else "doc.scope")
    _paragraph(doc, words("doc.opening", source=_source(found.notice, name, words), when=phrase,
                          figures=figures(facts, words, scope=scope)), indent=True)

    number = 0

    def heading(key: str, **values: object) -> None:
        nonlocal number
        number += 1
        _paragraph(doc, words.ordinal(number) + words(key, **values), HEADING_FONT, indent=True)

    heading("doc.by_office")
    offices = _table(doc, [words("lead"), *(words(k) for k in REPORT_KEYS)], OFFICE_WIDTHS)
    totals = Tally(words("total"), **{k: getattr(found.summary.totals, k) for k in (
        "total", "done", "done_on_time", "done_late", "overdue", "due_soon", "open", "ongoing")})
    for tally in [*found.summary.by_office, totals]:
        _add_row(offices, _tally_cells(tally), OFFICE_WIDTHS, centred=tuple(range(1, 12)))
    _paragraph(doc)

    heading("doc.overdue")
    if not facts.overdue_by_office:
        _paragraph(doc, words("nothing_overdue"), indent=True)
    for n, (office, items) in enumerate(facts.overdue_by_office, start=1):
        label = words("doc.sub", n=words.ordinal(n).rstrip("、. "))
        _paragraph(doc, label + words("doc.office_count", office=isolated(office), n=len(items)),
                   SUBHEADING_FONT, indent=True)
        for k, item in enumerate(items, start=1):
            _paragraph(doc, f"{k}. " + _item_sentence(item, words), indent=True)

    heading("doc.due_soon", days=facts.due_soon_days)
    if not facts.due_soon:
        _paragraph(doc, words("nothing_due_soon"), indent=True)
    for k, item in enumerate(facts.due_soon, start=1):
        _paragraph(doc, f"{k}. " + _item_sentence(item, words, with_lead=True), indent=True)

    _paragraph(doc).paragraph_format.keep_with_next = True
    annex_line = _paragraph(doc, words("doc.annex_line", table=name), indent=True)
    annex_line.paragraph_format.keep_with_next = True  # never a page with the signature alone
    _signature(doc, found.sender, found.as_of, words)

    annex = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(annex, landscape=True)
    _paragraph(doc, words("doc.annex"), HEADING_FONT)
    _paragraph(doc, words("doc.annex_title", table=name), TITLE_FONT, Pt(18),
               align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(30))
    _paragraph(doc, when, SUBHEADING_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
    header = [words(k) for k in ("id", "group", "title", "lead", "assist", "deadline", "status",
                                 "done_on", "progress")]
    items_table = _table(doc, header, ITEM_WIDTHS)
    for item, merge in zip(found.rows, work_task_merges(found.rows)):
        _add_row(items_table, item_cells(item, words), ITEM_WIDTHS, centred=(0, 5, 6, 7),
                 merges={WORK_TASK_COLUMN: merge} if merge else None)
    return _save(doc)


# --- the 催办通知单 -----------------------------------------------------------------------------

URGE_WIDTHS = [9, 50, 13, 26, 24, 34]  # 156 mm


def notices(found: Notices, words: Words) -> bytes:
    """One 催办通知单 per office, each starting on a new page, each office addressed as the
    text reminder addresses it (贵股室 or 贵单位)."""
    reminders = found.reminders
    source = words("doc.source", title=reminders.title)
    if reminders.number:
        source += words("aside", text=reminders.number)
    doc = _new_document(words("doc.urge_title"))
    _page(doc.sections[0], form=True)
    for n, rem in enumerate(reminders.reminders):
        _title(doc, words("doc.urge_title"), page_break_before=n > 0)
        people = "、".join(p.name for p in rem.people)
        _paragraph(doc, words("doc.addressee_people" if people else "doc.addressee",
                              office=rem.office, people=people))
        _paragraph(doc, words("doc.urge_body", source=source, day=long_date(words, reminders.as_of),
                              you=you(rem.office, words), n=len(rem.items)), indent=True)
        header = [words(k) for k in ("id", "title", "doc.part", "deadline", "doc.days", "doc.latest")]
        urge = _table(doc, header, URGE_WIDTHS, SMALL_TABLE_SIZE)
        for item, role in rem.items:
            task = item.task
            latest = task.progress[-1] if task.progress else words("doc.no_progress")
            _add_row(urge, [str(task.id), task.title, words("part." + role), deadline_text(item, words),
                            words.days(item.days_left, item.workdays_left), latest], URGE_WIDTHS,
                     SMALL_TABLE_SIZE, centred=(0, 2, 3, 4))
        reply = _paragraph(doc, words("doc.reply_by", day=long_date(words, found.reply_by),
                                      sender=found.sender or words("doc.us")), indent=True)
        reply.paragraph_format.space_before = Pt(8)
        _signature(doc, found.sender, reminders.as_of, words)
    return _save(doc)
