"""Reading the meaning of a notice: its number, issuer, date and title, and the task table
(found by its header row); the leading group is read by :mod:`gkcli.importer.roster`.

Input is the neutral :class:`~gkcli.importer.source.Source`; output is a
:class:`~gkcli.importer.draft.Draft` and its review list. Nothing about any particular
notice is written here: the words that mark a header, a heading or a roster line are the
ones such notices use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from gkcli import deadlines
from gkcli.errors import GkError
from gkcli.importer.draft import ANNEX, ANNEXED, DATE_LINE, PRINTED, Draft, Item
from gkcli.importer.names import clean, is_all_units, is_unit, split_offices
from gkcli.importer.review import Review, shorten
from gkcli.importer.roster import ROLE_LABEL, read_roster, read_roster_grid
from gkcli.importer.source import Cell, Grid, Para, Source

# The header words of a task table, by column.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "id": ("序号", "编号"),
    "group": ("工作任务", "重点任务", "主要任务", "任务名称", "工作项目"),
    "title": ("具体事项", "工作内容", "具体措施", "具体任务", "主要内容", "工作措施"),
    "lead": ("牵头股室", "牵头单位", "责任单位", "责任股室", "牵头科室", "牵头部门", "责任部门"),
    "assist": ("协办股室", "配合单位", "协办单位", "参与单位", "配合股室", "协办科室", "配合部门"),
    "deadline": ("完成时间", "完成时限", "时间节点", "时限要求", "完成期限", "时间要求"),
    "notes": ("备注",),
}
NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,15}\s*[﹝〔\[［【(（]\s*(?:19|20)\d{2}\s*[﹞〕\]］】)）]\s*\d{1,5}\s*号"
)
DOC_TYPES = ("通知", "意见", "方案", "细则", "办法", "决定", "通报", "规定", "函", "报告", "请示",
             "纪要", "计划", "要点", "规则", "批复")
NUMBERING = re.compile(
    r"^\s*(?:[（(]\s*[0-9０-９]+\s*[）)]|[0-9０-９]+\s*[.．、](?![0-9０-９])|[①-⑳]"
    r"|[一二三四五六七八九十]+\s*[、.．])\s*"
)
HEADING = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
INLINE = re.compile(
    r"[（(](?:由)?(?P<lead>[^（）()]*?)(?:牵头|负责)(?:[，,；;、]\s*(?P<assist>[^（）()]*?)(?:配合|协办|参与|协助))?"
    r"[）)]\s*[。.；;]?\s*$"
)


def read_notice(source: Source) -> Draft:
    """The draft of a data folder; GkError when the file holds no task table."""
    draft = Draft()
    draft.review += source.review
    found = _find_task_grids(source)
    if found is None:
        raise GkError("import_no_table", path=_shown(source))
    grids, header_row, columns = found
    first_index = _index(source, grids[0])
    paras = [b for b in source.blocks if isinstance(b, Para)]
    before = [b for b in source.blocks[:first_index] if isinstance(b, Para)]
    # rows above the header of a sheet (a merged title row) read like paragraphs
    before += [Para(_row_text(row)) for row in grids[0].rows[:header_row] if _row_text(row)]
    _read_heading(draft, before, paras)
    _read_table_name(draft, before)
    _read_items(draft, grids, header_row, columns)
    _other_tables(draft, source, grids)
    last_index = _index(source, grids[-1])
    after = [b for b in source.blocks[last_index + 1:] if isinstance(b, Para)]
    if not read_roster_grid(draft, source, grids):
        read_roster(draft, after if any(ROLE_LABEL.match(p.text) for p in after) else paras)
    return draft


def _index(source: Source, grid: Grid) -> int:
    return next(i for i, block in enumerate(source.blocks) if block is grid)


def _shown(source: Source) -> str:
    from gkcli.store import display_path

    return display_path(source.path)[:200]


def _row_text(row: list[Cell]) -> str:
    texts = []
    for cell in row:
        if cell.text and cell.text not in texts:
            texts.append(cell.text)
    return " ".join(texts) if len(texts) == 1 else ""


# --- the notice's own lines ---------------------------------------------------------------------

def _read_heading(draft: Draft, before: list[Para], paras: list[Para]) -> None:
    texts = [p.text.strip() for p in before]
    for text in texts:  # a line that is only the number is the notice's own
        m = NUMBER.fullmatch(text)
        if m:
            draft.number = m.group(0)
            break
    else:
        for text in texts:
            if "《" in text:
                continue
            m = NUMBER.search(text)
            if m:
                draft.number = m.group(0)
                break
    for i, text in enumerate(texts):
        if "关于" in _outside_titles(text) and not text.endswith(("：", ":")) and len(text) < 100:
            title, j = text, i + 1
            while j < len(texts) and texts[j] and not title.endswith(DOC_TYPES) \
                    and not texts[j].endswith(("：", ":")) and len(texts[j]) <= 40:
                title += texts[j]
                j += 1
            draft.title = title
            # the addressees (主送机关): the first line after the title, ending with a colon
            line = next((t for t in texts[j:] if t), "")
            if line.endswith(("：", ":")) and "。" not in line and len(line) < 300:
                draft.addressees = [n for n in split_offices(line.rstrip("：:"))
                                    if len(n) <= 30 and (is_unit(n) or is_all_units(n))]
            break
    draft.issued, draft.issuer = _issued_and_issuer(draft, texts, paras)
    for key, value in (("number", draft.number), ("issuer", draft.issuer), ("issued", draft.issued),
                       ("title", draft.title)):
        if not value:
            draft.review.append(Review("imp_no_notice_field", {"field": key}))


def _outside_titles(text: str) -> str:
    """A line without the titles it quotes: 《…》, and an unclosed 《… to the line's end
    (a title wrapped over two lines). 关于 in a quoted title is not the notice's own."""
    return re.sub(r"《[^》]*(?:》|$)", "", text)


def _issued_and_issuer(draft: Draft, head: list[str], paras: list[Para]) -> tuple[date | None, str]:
    """The issue date: the 印发 line's, else the date standing alone under the signature
    (成文日期). The issuer is the one the notice names as its sender: the signature (落款)
    above that date, else the title's (…关于…), else the header (…文件); the 印发 line of the
    版记 names the office that printed it (often …办公室), used only when nothing else does."""
    issued: date | None = None
    printer = ""
    for para in reversed(paras):
        m = PRINTED.match(para.text.strip())
        if m:
            issued, printer = _date(m["date"]), clean(m["issuer"])
            break
    signer = ""
    texts = [p.text.strip() for p in paras]
    for i in range(len(texts) - 1, -1, -1):
        m = DATE_LINE.match(texts[i])
        if m:
            issued = issued or _date(m["date"])
            above = next((t for t in reversed(texts[:i]) if t), "")
            if above and len(above) <= 30 and not re.search(r"[，。：:]", above):
                signer = clean(above)
            break
    titled = draft.title.split("关于")[0] if "关于" in draft.title else ""
    first = next((t for t in head if t), "")  # the 发文机关标志 heads the page: …文件
    header = first[:-2] if first.endswith("文件") and 2 < len(first) <= 32 else ""
    issuer = next((clean(n) for n in (signer, titled, header, printer) if clean(n)), "")
    return issued, issuer


def _date(text: str) -> date | None:
    try:
        return deadlines.read_date(re.sub(r"\s+", "", text))
    except deadlines.DeadlineError:
        return None


def _read_table_name(draft: Draft, before: list[Para]) -> None:
    for para in reversed(before):
        text = para.text.strip()
        if not text:
            continue
        if ANNEX.match(text):
            draft.table_annex = re.sub(r"[\s:：]", "", text)
            continue
        if draft.table_name:
            break
        labelled = ANNEXED.match(text)  # 附件1：任务分工表, on one line
        if labelled:
            draft.table_annex = re.sub(r"\s", "", labelled["annex"])
            text = labelled["name"]
        if len(text) <= 80 and not text.endswith(("：", ":", "。")):
            draft.table_name = text
        else:
            break
    if not draft.table_name:
        draft.review.append(Review("imp_no_notice_field", {"field": "table"}))


# --- the task table -----------------------------------------------------------------------------

def _kind(text: str) -> str | None:
    text = clean(text)
    for kind, words in HEADER_WORDS.items():
        if any(text == w or text.startswith(w) for w in words):
            return kind
    return None


def _header(grid: Grid, row: list[Cell]) -> dict[str, int] | None:
    """Column of each kind when ``row`` is a task table's header, else None."""
    columns: dict[str, int] = {}
    for position, cell in enumerate(grid.positions(row)):
        kind = _kind(cell.text)
        if kind and kind not in columns:
            columns[kind] = position
    if len(columns) >= 3 and ("title" in columns or "group" in columns):
        return columns
    return None


def _subheader(grid: Grid, row: list[Cell]) -> dict[str, int] | None:
    """A second header row, under a cell merged across (责任单位 over 牵头单位 | 配合单位)."""
    found: dict[str, int] = {}
    for position, cell in enumerate(grid.positions(row)):
        if cell.merged_up or not cell.text:
            continue
        kind = _kind(cell.text)
        if kind is None:
            return None
        found.setdefault(kind, position)
    return found or None


def _find_task_grids(source: Source) -> tuple[list[Grid], int, dict[str, int]] | None:
    """The grids of the task table (one, or several when a page break split it)."""
    blocks = source.blocks
    for index, block in enumerate(blocks):
        if not isinstance(block, Grid):
            continue
        for row_index, row in enumerate(block.rows):
            columns = _header(block, row)
            if columns is None:
                continue
            sub = _subheader(block, block.rows[row_index + 1]) if row_index + 1 < len(block.rows) else None
            if sub:
                taken = set(sub.values())
                columns = {**{k: p for k, p in columns.items() if p not in taken}, **sub}
                row_index += 1
            grids = [block]
            width = len(block.positions(row))
            for later in blocks[index + 1:]:
                if isinstance(later, Para):
                    if later.text.strip():
                        break
                    continue
                first = later.rows[0] if later.rows else []
                if _header(later, first) or len(later.positions(first)) == width:
                    grids.append(later)
                    continue
                break
            return grids, row_index, columns
    return None


def _other_tables(draft: Draft, source: Source, grids: list[Grid]) -> None:
    for block in source.grids:
        if any(block is g for g in grids):
            continue
        for row in block.rows:
            if _header(block, row):
                draft.review.append(Review("imp_other_table", {}, row[0].where if row else ()))
                break


@dataclass
class _State:
    group_text: str = ""
    group_id: int = 0
    heading_id: int = 0
    last: dict[str, str] = field(default_factory=dict)


def _read_items(draft: Draft, grids: list[Grid], header_row: int, columns: dict[str, int]) -> None:
    width = len(grids[0].positions(grids[0].rows[header_row]))
    if "title" not in columns:  # a table of one level: its 工作任务 column holds the items
        columns = {**columns, "title": columns.pop("group")}
    state = _State()
    for number, grid in enumerate(grids):
        rows = grid.rows[header_row + 1:] if number == 0 else grid.rows
        for row in rows:
            if _header(grid, row) or _subheader(grid, row):
                continue  # the header repeated on the next page
            cells = grid.positions(row)
            _read_row(draft, cells, row, columns, width, state)
    if not draft.items:
        raise GkError("import_no_items")


def _read_row(draft: Draft, cells: list[Cell], row: list[Cell], columns: dict[str, int],
              width: int, state: _State) -> None:
    distinct: list[Cell] = []
    for cell in cells:
        if cell.text and not cell.merged_up and all(cell is not c for c in distinct):
            distinct.append(cell)
    if not distinct and not any(c.merged_up for c in cells):
        return
    where = row[0].where if row else ()
    # a work-task heading: one cell across the table, or 一、 standing alone
    if distinct and len(distinct) == 1 and (distinct[0].span >= width > 1 or len(row) == 1 < width):
        _heading(draft, _flat(distinct[0].text), state)
        return
    if distinct and len(distinct) <= 2 and HEADING.match(distinct[0].text) and not any(
            _value(cells, columns, k) for k in ("lead", "assist", "deadline")):
        _heading(draft, "".join(_flat(c.text) for c in distinct), state)
        return

    def get(kind: str) -> tuple[str, bool]:
        """The cell's text and whether it came from above (a merge). Lines of a text are
        joined (Chinese wraps without spaces); office lists keep them to split on."""
        position = columns.get(kind)
        if position is None or position >= len(cells):
            return "", False
        cell = cells[position]
        if cell.merged_up:
            return state.last.get(kind, ""), True
        if kind in ("lead", "assist"):
            return cell.text, False
        return _flat(cell.text), False

    def at(kind: str) -> tuple:
        """Where the cell of ``kind`` is, for the review list: its own row and column."""
        position = columns.get(kind)
        if position is None or position >= len(cells) or not cells[position].where:
            return where
        return cells[position].where

    title, _ = get("title")
    group_text, _ = get("group")
    if "group" in columns:
        group_text = group_text or state.group_text  # merged down (empty in a text extraction)
        if group_text and group_text != state.group_text:
            draft.groups.append(_strip_numbering(group_text))
            state.group_text, state.group_id = group_text, len(draft.groups)
        group_id = state.group_id
    else:
        group_id = state.heading_id
    if not title:
        for cell in distinct:
            if all(cell is not cells[p] for p in (columns.get("group"), columns.get("id"))
                   if p is not None and p < len(cells)):
                draft.review.append(Review("imp_unplaced", {"text": shorten(cell.text)}, cell.where))
        return
    if group_id == 0:
        name = draft.table_name or "工作任务"
        draft.groups.append(name)
        state.heading_id = group_id = len(draft.groups)
        draft.review.append(Review("imp_default_group", {"title": shorten(name)}))
    title = _strip_numbering(title)
    lead_text, _ = get("lead")
    assist_text, _ = get("assist")
    if assist_text and _same_cell(cells, columns, "lead", "assist"):
        # one cell merged across 牵头 and 协办: its offices lead (several: the first leads)
        assist_text = ""
        draft.review.append(Review("imp_lead_assist_merged", {"id": len(draft.items) + 1},
                                   at("lead")))
    inline = INLINE.search(title)
    if inline and not lead_text:
        title = title[: inline.start()].rstrip("，,；; ")
        lead_text, assist_text = inline["lead"], assist_text or (inline["assist"] or "")
        draft.review.append(Review("imp_inline", {"title": shorten(title)}, at("title")))
    item_no = len(draft.items) + 1
    deadline, _ = get("deadline")
    for kind, value in (("lead", lead_text), ("deadline", deadline)):
        if not value and state.last.get(kind) and kind in columns and not inline:
            value = state.last[kind]
            draft.review.append(Review("imp_filled_down", {"id": item_no, "field": kind,
                                                           "value": shorten(value)}, at(kind)))
            if kind == "lead":
                lead_text = value
            else:
                deadline = value
    leads = split_offices(lead_text)
    assists = split_offices(assist_text)
    if len(leads) > 1:
        draft.review.append(Review("imp_several_leads", {"id": item_no, "lead": leads[0],
                                                         "others": shorten("、".join(leads[1:]))}, at("lead")))
        assists = leads[1:] + [a for a in assists if a not in leads[1:]]
    lead = leads[0] if leads else ""
    if not lead:
        draft.review.append(Review("imp_no_lead", {"id": item_no}, at("lead")))
    elif is_all_units(lead):
        draft.review.append(Review("imp_group_leads", {"id": item_no, "name": lead}, at("lead")))
    if not deadline:
        draft.review.append(Review("imp_no_deadline", {"id": item_no}, at("deadline")))
    else:
        try:
            deadlines.resolve(deadline, draft.year)
        except deadlines.DeadlineError:
            draft.review.append(Review("imp_bad_deadline", {"id": item_no,
                                                            "deadline": shorten(deadline)},
                                   at("deadline")))
    notes, _ = get("notes")
    for position, cell in enumerate(cells):
        if position not in columns.values() and cell.text and not cell.merged_up \
                and all(cell is not cells[p] for p in columns.values() if p < len(cells)):
            draft.review.append(Review("imp_unplaced", {"text": shorten(cell.text)}, cell.where))
    draft.items.append(Item(group_id, title, lead, assists, deadline, notes, where))
    state.last.update({"lead": lead_text, "assist": assist_text, "deadline": deadline,
                       "title": title, "notes": notes})


def _same_cell(cells: list[Cell], columns: dict[str, int], one: str, other: str) -> bool:
    """Whether the columns of ``one`` and ``other`` hold one cell merged across both."""
    a, b = columns.get(one), columns.get(other)
    if a is None or b is None or a >= len(cells) or b >= len(cells):
        return False
    return cells[a] is cells[b]


def _flat(text: str) -> str:
    return "".join(line.strip() for line in text.splitlines())


def _value(cells: list[Cell], columns: dict[str, int], kind: str) -> str:
    position = columns.get(kind)
    if position is None or position >= len(cells):
        return ""
    return cells[position].text


def _heading(draft: Draft, text: str, state: _State) -> None:
    title = _strip_numbering(text)
    draft.groups.append(title)
    state.heading_id = len(draft.groups)
    state.group_text, state.group_id = text, len(draft.groups)


def _strip_numbering(text: str) -> str:
    return NUMBERING.sub("", text.strip(), count=1).strip()
