"""Reading the leading group (领导小组) of a notice: 组长/副组长/成员 lines, or a table with
姓名 and 职务 columns, and the sentence about the group's office (挂靠, 主任)."""

from __future__ import annotations

import re

from gkcli.importer.draft import ANNEX, DATE_LINE, PRINTED, Draft, Member
from gkcli.importer.names import clean, split_offices
from gkcli.importer.review import Review, shorten
from gkcli.importer.source import Grid, Para, Source

ROLE_LABEL = re.compile(r"^[\s\u3000]*(?P<role>组[\s\u3000]*长|副[\s\u3000]*组[\s\u3000]*长|成[\s\u3000]*员)"
                        r"[\s\u3000]*[:：][\s\u3000]*(?P<rest>.*)$")
ROLES = {"组长": "leader", "副组长": "deputy", "成员": "member"}
NAME = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")


def _roster_columns(grid: Grid) -> tuple[int, int, int | None, int] | None:
    """(header row, name column, role column, post column) of a roster laid out as a table."""
    for r, row in enumerate(grid.rows[:3]):
        heads = [clean(c.text) for c in grid.positions(row)]
        if "姓名" not in heads:
            continue
        name = heads.index("姓名")
        data = [grid.positions(x) for x in grid.rows[r + 1:]]
        role = None
        for c in range(len(heads)):
            values = {clean(x[c].text) for x in data if c < len(x) and x[c].text and not x[c].merged_up}
            if c != name and values and values <= set(ROLES):
                role = c
                break
        posts = [c for c, h in enumerate(heads) if c not in (name, role) and ("职务" in h or "单位" in h)]
        if posts:
            return r, name, role, posts[0]
    return None


def read_roster_grid(draft: Draft, source: Source, task_grids: list[Grid]) -> bool:
    """A leading group laid out as a table: 组内职务 | 姓名 | 单位及职务 (role merged down)."""
    for index, block in enumerate(source.blocks):
        if not isinstance(block, Grid) or any(block is g for g in task_grids):
            continue
        found = _roster_columns(block)
        if found is None:
            continue
        header, name_col, role_col, post_col = found
        draft.has_roster = True
        role = ""
        for row in block.rows[header + 1:]:
            cells = block.positions(row)
            if role_col is not None and role_col < len(cells) and cells[role_col].text \
                    and not cells[role_col].merged_up:
                role = ROLES.get(clean(cells[role_col].text), role)
            name = clean(cells[name_col].text) if name_col < len(cells) else ""
            post = clean(cells[post_col].text) if post_col < len(cells) else ""
            if not name:
                continue
            if not role or not post or not NAME.match(name):
                text = " ".join(c.text for c in cells if c.text)
                draft.review.append(Review("imp_unplaced", {"text": shorten(text)}, row[0].where))
                continue
            draft.members.append(Member(name, role, post))
        _read_roster_heading(draft, [b for b in source.blocks[max(index - 4, 0):index]
                                     if isinstance(b, Para)])
        after = [b for b in source.blocks[index + 1:index + 4] if isinstance(b, Para)]
        for para in after:
            if "办公室" in para.text:
                _read_group_office(draft, para.text.strip())
                break
        if not draft.roster_name:
            draft.review.append(Review("imp_no_notice_field", {"field": "group"}))
        return True
    return False


LIST_TITLE = re.compile(r"^(?P<group>.+?小组)(?:组成)?(?:成员|人员)?(?:名单|构成|组成)?$")


def group_name(heading: str) -> str:
    """The group a roster's heading names: ``…领导小组成员名单`` → ``…领导小组``."""
    m = LIST_TITLE.match(heading)
    return m["group"] if m else heading


def _read_roster_heading(draft: Draft, above: list[Para]) -> None:
    """The roster's annex label (附件2) and the group's name, from the paragraphs just above
    it, nearest first: up to the annex label."""
    for para in reversed(above):
        text = para.text.strip()
        if ANNEX.match(text):
            draft.roster_annex = re.sub(r"[\s:：]", "", text)
            break
        if "小组" in text and not draft.roster_name and len(text) <= 80:
            draft.roster_name = group_name(clean(text))


def read_roster(draft: Draft, paras: list[Para]) -> None:
    start = next((i for i, p in enumerate(paras) if ROLE_LABEL.match(p.text)), None)
    if start is None:
        draft.review.append(Review("imp_no_roster"))
        return
    draft.has_roster = True
    _read_roster_heading(draft, paras[max(start - 4, 0):start])
    role = ""
    for para in paras[start:]:
        text = para.text.strip().replace("\u3000", " ")
        if not text:
            continue
        m = ROLE_LABEL.match(text)
        if m:
            role = ROLES[re.sub(r"[\s\u3000]", "", m["role"])]
            text = m["rest"].strip()
            if not text:
                continue
        if PRINTED.match(text) or DATE_LINE.match(text) or (draft.issuer and clean(text) == draft.issuer):
            break  # the signature: the roster is over
        if "。" in text or ANNEX.match(text) or len(text) > 120:
            _read_group_office(draft, text)
            break
        if text[0] in "（(" and draft.members:
            last = draft.members[-1]
            last.post += clean(text)
            continue
        several = _several(text, role)
        if several:
            draft.members += several
            continue
        member = _member(text, role)
        if member is None:
            draft.review.append(Review("imp_unplaced", {"text": shorten(text)}, para.where))
        else:
            draft.members.append(member)
    if not draft.roster_name:
        draft.review.append(Review("imp_no_notice_field", {"field": "group"}))


def _several(text: str, role: str) -> list[Member]:
    """``陈金章（区交战办主任）、林宏（区交通系统党委副书记）`` → two people."""
    parts = split_offices(text)
    if len(parts) < 2:
        return []
    people = [re.match(r"^(?P<name>[\u4e00-\u9fff·]{2,5}?)[（(](?P<post>.+)[）)]$", p) for p in parts]
    if not all(people):
        return []
    return [Member(m["name"], role, clean(m["post"])) for m in people if m]


def _member(text: str, role: str) -> Member | None:
    m = re.match(r"^(?P<name>[\u4e00-\u9fff·]{2,5}?)[（(](?P<post>.+)[）)]$", text)
    if m:
        return Member(m["name"], role, clean(m["post"]))
    tokens = text.split()
    if len(tokens) >= 3 and len(tokens[0]) == 1 and len(tokens[1]) <= 2:
        tokens = [tokens[0] + tokens[1], *tokens[2:]]
    if len(tokens) < 2 or not NAME.match(tokens[0]):
        return None
    return Member(tokens[0], role, "".join(tokens[1:]))


def _read_group_office(draft: Draft, text: str) -> None:
    office = re.search(r"(?:下设|设立|设)(?P<name>[^（(，,。、]{0,12}?办公室)", text)
    if not office:
        return
    name = office["name"]
    draft.roster_office = name if name != "办公室" else "领导小组办公室"
    attached = re.search(r"(?:挂靠|设在|挂)(?:在|于)?(?P<unit>[^），,。)、]{2,30})", text)
    if attached:
        draft.roster_attached = clean(attached["unit"])
    director = re.search(r"主任由(?P<name>[\u4e00-\u9fff·]{2,5}?)(?:同志)?(?:兼任|担任|负责)", text) \
        or re.search(r"办公室主任[:：]\s*(?P<name>[\u4e00-\u9fff·]{2,5})", text)
    if director:
        draft.roster_director = director["name"]

