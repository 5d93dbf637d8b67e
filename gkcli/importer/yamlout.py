"""Writing an import as the two YAML files, commented and laid out like the shipped ones,
so the secretary can read and edit them by hand."""

from __future__ import annotations

import re

import yaml

from gkcli.importer.draft import Draft
from gkcli.importer.names import OfficePlan

ROLE_HEADINGS = {"leader": "组长", "deputy": "副组长", "member": "成员"}


# Chinese text that YAML reads as a plain string: it starts with an ideograph (never an
# indicator, never a number, date or boolean) and holds no ASCII punctuation or space.
_PLAIN = re.compile(r"[\u4e00-\u9fff][\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e“”‘’…—·0-9A-Za-z]*")


def scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly ``value`` (quoted only when it must be)."""
    if _PLAIN.fullmatch(value) and "\u3000" not in value:
        return value
    text = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_flow_style=True)
    text = text.removesuffix("\n").removesuffix("\n...")
    if "\n" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        text = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_style='"').strip()
    return text


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def _source(draft: Draft, annex: str) -> str:
    where = " ".join(x for x in (draft.number, annex) if x)
    return f"# 来源：{where}。" if where else "# 来源：gk import。"


def tasks_yaml(draft: Draft, plan: OfficePlan, source_name: str) -> str:
    lines: list[str] = []
    add = lines.append
    heading = draft.table_name or draft.title or source_name
    add(f"# {heading}")
    add(_source(draft, draft.table_annex) + "由 gk import 生成，标有“待核对”的是推断，请核对。")
    add("# 本文件可手工编辑；改完运行 `gk check`。")
    add("")
    add("# 通知（文件信息）")
    add("notice:")
    for key, value in (("number", draft.number), ("issuer", draft.issuer)):
        if value:
            add(f"  {key}: {scalar(value)}")
    if draft.issued:
        add(f"  issued: {draft.issued.isoformat()}")
    for key, value in (("title", draft.title), ("table", draft.table_name)):
        if value:
            add(f"  {key}: {scalar(value)}")
    if lines[-1] == "notice:":
        lines[-1] = "notice: {}"
    add("")
    add("# 设置")
    add("settings:")
    add("  due_soon_days: 14   # 距完成时间不超过几天算“临近”")
    add("  commit: false       # true：gk 修改本文件后自动 git commit")
    add("")
    add("# 股室（单位）：name 为全称，aliases 为可用的简称")
    add("offices:")
    for office in plan.offices:
        add(f"  - name: {scalar(office)}")
        if office in plan.aliases:
            add(f"    aliases: {_flow(plan.aliases[office])}   # 待核对：由 gk import 推断")
    if plan.groups:
        add("")
        add("# 股室组合：members 为 all 时代表上面所有股室（牵头股室本身除外）")
        add("office_groups:")
        for group in plan.groups:
            add(f"  - name: {scalar(group)}")
            add("    members: all")
    add("")
    add("# 工作任务")
    add("groups:")
    for number, title in enumerate(draft.groups, start=1):
        add(f"  - id: {number}")
        add(f"    title: {scalar(title)}")
    add("")
    add("# 具体事项")
    add("tasks:")
    current = 0
    for number, item in enumerate(draft.items, start=1):
        if item.group != current:
            current = item.group
            if number > 1:
                add("")
            add(f"  # {_ordinal(current)}{draft.groups[current - 1]}")
        elif number > 1:
            add("")
        add(f"  - id: {number}")
        add(f"    group: {item.group}")
        add(f"    title: {scalar(item.title)}")
        add(f"    lead: {scalar(item.lead)}")
        if item.assist:
            add("    assist:")
            for name in item.assist:
                add(f"      - {scalar(name)}")
        add(f"    deadline: {scalar(item.deadline)}")
        add("    status: todo")
        if item.notes:
            add(f"    notes: {scalar(item.notes)}")
    return "\n".join(lines) + "\n"


def roster_yaml(draft: Draft) -> str:
    lines: list[str] = []
    add = lines.append
    add(f"# {draft.roster_name or '领导小组'}")
    add(_source(draft, draft.roster_annex) + "人员调整时直接修改本文件。")
    add("")
    add("# 领导小组及其办公室")
    add("group:")
    add(f"  name: {scalar(draft.roster_name or '领导小组')}")
    if draft.roster_office:
        add("  office:")
        add(f"    name: {scalar(draft.roster_office)}")
        if draft.roster_attached:
            add(f"    attached_to: {scalar(draft.roster_attached)}")
        if draft.roster_director:
            add(f"    director: {scalar(draft.roster_director)}")
    add("")
    add("# 组成人员：role 为 leader（组长）、deputy（副组长）、member（成员）；")
    add("# office 为其负责的股室（须在 tasks.yaml 的 offices 中），由 gk import 从职务推断，请核对")
    add("members:")
    role = ""
    for member in draft.members:
        if member.role != role:
            if role:
                add("")
            role = member.role
            add(f"  # {ROLE_HEADINGS[role]}")
        add(f"  - name: {scalar(member.name)}")
        add(f"    role: {member.role}")
        add(f"    post: {scalar(member.post)}")
        if member.office:
            add(f"    office: {scalar(member.office)}")
    return "\n".join(lines) + "\n"


def _ordinal(n: int) -> str:
    """一、 二、 …: the files speak the notice's language, whatever --lang says."""
    from gkcli.i18n import Words

    return Words("zh").ordinal(n)
