"""Notices built for the import tests: real .docx files made with python-docx, real .xlsx
files made with openpyxl, and the shipped notice rebuilt from data/ as its annexes lay it out."""

from __future__ import annotations

from pathlib import Path

import yaml
from helpers import SHIPPED

UP = None   # in a table's rows: this cell is merged with the one above (w:vMerge)
LEFT = "<"  # this cell is merged with the one on its left (w:gridSpan)

HEADER = ["序号", "工作任务", "具体事项", "牵头股室", "协办股室", "完成时间"]


class Docx:
    """A Word document written paragraph by paragraph and table by table."""

    def __init__(self) -> None:
        import docx

        self.doc = docx.Document()

    def para(self, *texts: str) -> Docx:
        for text in texts:
            self.doc.add_paragraph(text)
        return self

    def table(self, rows: list[list[str | None]]) -> Docx:
        width = max(len(r) for r in rows)
        table = self.doc.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value not in (UP, LEFT):
                    table.cell(r, c).text = value
        for r, row in enumerate(rows):  # horizontal merges first, then vertical runs
            for c, value in enumerate(row):
                if value == LEFT and (c + 1 == len(row) or row[c + 1] != LEFT):
                    start = c
                    while row[start] == LEFT:
                        start -= 1
                    table.cell(r, start).merge(table.cell(r, c))
        for c in range(width):
            r = 0
            while r < len(rows):
                if c < len(rows[r]) and rows[r][c] is UP:
                    end = r
                    while end + 1 < len(rows) and c < len(rows[end + 1]) and rows[end + 1][c] is UP:
                        end += 1
                    table.cell(r - 1, c).merge(table.cell(end, c))
                    r = end + 1
                else:
                    r += 1
        return self

    def page_break(self) -> Docx:
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        return self

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


HEAD = [
    "泉港交﹝2020﹞150号",
    "",
    "泉港区交通运输局关于印发政务公开",
    "标准化规范化工作实施细则的通知",
    "",
    "区运管所、交通执法大队、涂岭治超站，局各股室，农村公路管理站：",
    "按照《福建省人民政府办公厅关于全面推进基层政务公开标准化规范化工作的通知》（闽政办﹝2020﹞26号）"
    "文件要求，结合我局实际，制定以下实施细则。",
    "附件：1.泉港区交通运输局政务公开标准化规范化工作任务分工表",
    "2.泉港区交通运输局政务公开标准化规范化领导小组",
]
ROLE_LABELS = {"leader": "组  长：", "deputy": "副组长：", "member": "成  员："}


def shipped() -> tuple[dict, dict]:
    tasks = yaml.safe_load((SHIPPED / "tasks.yaml").read_text(encoding="utf-8"))
    roster = yaml.safe_load((SHIPPED / "leading_group.yaml").read_text(encoding="utf-8"))
    return tasks, roster


def shipped_rows() -> list[list[list[str | None]]]:
    """Annex 1 as the notice lays it out: 序号 and 工作任务 merged down over their items,
    items numbered （1）…, split in two tables after work task 5 by a page break."""
    tasks, _ = shipped()
    titles = {g["id"]: g["title"] for g in tasks["groups"]}
    parts: list[list[list[str | None]]] = [[HEADER], [HEADER]]
    seen: set[int] = set()
    for task in tasks["tasks"]:
        first = task["group"] not in seen
        seen.add(task["group"])
        row = [str(task["group"]) if first else UP, titles[task["group"]] if first else UP,
               f"（{task['id']}）{task['title']}", task["lead"], "、".join(task.get("assist", [])),
               str(task["deadline"])]
        parts[0 if task["group"] <= 5 else 1].append(row)
    return parts


def roster_lines() -> list[str]:
    """Annex 2 as the notice writes it: a label before each role's first person, the
    names of two characters spaced out, one post continued on its own line."""
    _, roster = shipped()
    lines, role = [], ""
    for person in roster["members"]:
        name = person["name"]
        shown = f"{name[0]}  {name[1]}" if len(name) == 2 else name
        label = ROLE_LABELS[person["role"]] if person["role"] != role else "        "
        role = person["role"]
        post = person["post"]
        if "（" in post:
            head, tail = post.split("（", 1)
            lines += [f"{label}{shown} {head}", f"（{tail}"]
        else:
            lines.append(f"{label}{shown} {post}")
    office = roster["group"]["office"]
    lines.append(f"领导小组下设办公室（挂靠在局{office['attached_to']}），办公室主任由"
                 f"{office['director']}同志兼任。领导小组成员如遇人事调整或岗位变动，接任人员自动接替。")
    return lines


def shipped_docx(path: Path) -> Path:
    tasks, roster = shipped()
    first, second = shipped_rows()
    doc = Docx().para(*HEAD).page_break().para("附件1", tasks["notice"]["table"]).table(first)
    doc.page_break().table(second).page_break()
    doc.para("附件2", roster["group"]["name"], "", *roster_lines(), "", "",
             "泉港区交通运输局                      2020年7月2日印发")
    return doc.save(path)


def small_docx(path: Path, rows: list[list[str | None]], *, head: list[str] | None = None,
               roster: bool = True, tail: list[str] | None = None) -> Path:
    """A short notice of our own with one task table."""
    doc = Docx().para(*(head if head is not None else [
        "示范县应急管理局文件", "示应急〔2023〕7号", "示范县应急管理局关于印发安全生产专项整治方案的通知",
        "局各股室：", "现将方案印发给你们，请认真贯彻落实。", "附件1", "安全生产专项整治任务分工表"]))
    doc.table(rows)
    if roster:
        doc.para("附件2", "示范县应急管理局安全生产专项整治工作领导小组",
                 "组  长：张三 局长", "副组长：李四 副局长", "成  员：王五 办公室负责人",
                 "赵六 执法大队大队长")
    doc.para(*(tail if tail is not None else ["示范县应急管理局", "2023年3月1日"]))
    return doc.save(path)


def xlsx(path: Path, rows: list[list[str | None]], merges: list[str], title: str | None = None) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(str(path))
    return path
