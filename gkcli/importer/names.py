"""Office names found in a notice: splitting lists, "all units" names, aliases, roster posts.

Every guess made here is returned as a review entry; the offices module of gk proper
(:mod:`gkcli.offices`) still matches by whole name or declared alias only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gkcli.importer.draft import Draft
from gkcli.importer.review import Review

OPEN, CLOSE = "（(", "）)"
LIST_SEPARATORS = "、，,；;\n"
UNIT_ENDINGS = ("股", "室", "站", "所", "队", "办", "科", "处", "部", "中心", "组", "院", "馆", "委", "局")
LEVEL_PREFIXES = "区县市镇乡局"

ALL_UNITS = re.compile(
    r"^[局区县市镇]?[属直]?各(?:有关|相关)?[\u4e00-\u9fff]{0,2}"
    r"(?:股室|科室|单位|部门|处室|股|科|室|队|站|所)"
)
HEAD_TITLES = ("负责人", "大队长", "中队长", "队长", "所长", "站长", "股长", "科长", "主任",
               "处长", "部长", "院长", "馆长", "局长")
_TITLE = re.compile(r"^(?P<unit>.*?)(?P<deputy>副?)(?P<title>" + "|".join(HEAD_TITLES) + r")$")
_PRESIDES = re.compile(r"主持(?P<unit>[^（）()，,、。]+?)(?:全面)?工作")


def split_offices(text: str) -> list[str]:
    """``综合股、局各股室（中队、站）及工程股`` → three names; never splits inside brackets."""
    names: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(depth - 1, 0)
        if depth == 0 and (char in LIST_SEPARATORS or char == "及"):
            names.append("".join(current))
            current = []
            continue
        current.append(char)
    names.append("".join(current))
    return [clean(n) for n in names if clean(n)]


def clean(name: str) -> str:
    return re.sub(r"[\s\u3000]+", "", name).strip("。.")


def is_all_units(name: str) -> bool:
    return bool(ALL_UNITS.match(name))


def is_unit(name: str) -> bool:
    return len(name) >= 2 and name.endswith(UNIT_ENDINGS)


def bracket_parts(name: str) -> tuple[str, str] | None:
    """``运管股（政策法规股）`` → (运管股, 政策法规股) when both halves name a unit."""
    m = re.match(r"^(?P<outer>[^（(]+)[（(](?P<inner>[^（）()]+)[）)]$", name)
    if m and is_unit(m["outer"]) and is_unit(m["inner"]) and not is_all_units(m["outer"]) \
            and not any(sep in m["inner"] for sep in LIST_SEPARATORS):
        return m["outer"], m["inner"]
    return None


def abbreviates(short: str, long: str) -> bool:
    """交通执法大队 shortens 交通综合行政执法大队: same first and last two characters,
    the short name's characters in order inside the long one."""
    if len(short) < 3 or len(short) >= len(long) or short[:2] != long[:2] or short[-2:] != long[-2:]:
        return False
    rest = iter(long)
    return all(char in rest for char in short)


@dataclass
class PostUnits:
    heads: str | None = None                       # the unit the person heads
    named: list[str] = field(default_factory=list)  # units the post names (heads or deputy)


def post_units(post: str) -> PostUnits:
    """Which unit a post names and heads: ``综合股负责人`` heads 综合股; ``主持X工作`` heads X;
    ``X副大队长`` names X without heading it; ``四级主任科员`` names nothing."""
    result = PostUnits()
    presides = _PRESIDES.search(post)
    if presides:
        result.heads = presides["unit"]
        result.named.append(presides["unit"])
    bare = re.sub(r"[（(][^（）()]*[）)]", "", post)
    for segment in split_offices(bare):
        m = _TITLE.match(segment)
        if not m or not m["unit"]:
            continue
        unit = m["unit"]
        if unit not in result.named:
            result.named.append(unit)
        if not m["deputy"] and result.heads is None:
            result.heads = unit
    return result


@dataclass
class OfficePlan:
    """The offices, office groups and aliases of an import, and the office each person heads."""

    offices: list[str] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)      # office -> aliases
    groups: list[str] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)          # any name -> office


def plan_offices(table_names: list[str], other_names: list[str], review: list[Review]) -> OfficePlan:
    """Offices from every name found, "all units" names as groups, aliases where clear.

    ``table_names`` come from the task table (all-units names there become groups);
    ``other_names`` from the addressees and the roster (all-units names there are dropped).
    """
    plan = OfficePlan()
    names: list[str] = []
    for name in table_names:
        if is_all_units(name):
            if name not in plan.groups:
                plan.groups.append(name)
                review.append(Review("imp_group", {"name": name}))
        elif name not in names:
            names.append(name)
    for name in other_names:
        if not is_all_units(name) and name not in names:
            names.append(name)

    alias_of: dict[str, str] = {}
    for name in names:
        parts = bracket_parts(name)
        if parts:
            for part in parts:
                if part not in alias_of and part != name:
                    alias_of[part] = name
            review.append(Review("imp_alias_bracket", {"office": name, "aliases": "、".join(parts)}))
    for short in names:
        if short in alias_of or bracket_parts(short):
            continue
        longs = [n for n in names if n not in alias_of and abbreviates(short, n)]
        if len(longs) == 1:
            alias_of[short] = longs[0]
            review.append(Review("imp_alias_short", {"alias": short, "office": longs[0]}))
        elif len(longs) > 1:
            review.append(Review("imp_alias_unsure", {"name": short, "offices": "、".join(longs)[:200]}))

    for name in names:
        if name in alias_of:
            continue
        plan.offices.append(name)
        plan.canonical[name] = name
    for alias, office in alias_of.items():
        office = alias_of.get(office, office)
        plan.aliases.setdefault(office, []).append(alias)
        plan.canonical[alias] = office
    return plan


def match_known(unit: str, plan: OfficePlan) -> str | None:
    """The office a unit named in a post is: by name or alias, else without a level prefix
    (区交通执法大队 → 交通执法大队, 局综合股 → 综合股)."""
    if unit in plan.canonical:
        return plan.canonical[unit]
    for cut in range(1, 3):
        if len(unit) - cut >= 2 and all(c in LEVEL_PREFIXES for c in unit[:cut]):
            if unit[cut:] in plan.canonical:
                return plan.canonical[unit[cut:]]
    return None


def _is_bureau(unit: str, issuer: str) -> bool:
    return unit in ("局", "本局") or bool(issuer) and (issuer.endswith(unit) or unit.endswith(issuer))


def plan_draft(draft: Draft) -> OfficePlan:
    """Offices from the table, the addressees and the members' posts; then the office each
    person heads and the group office's unit, filled into the draft."""
    review = draft.review
    table_names: list[str] = []
    for item in draft.items:
        for name in (item.lead, *item.assist):
            if name and name not in table_names:
                table_names.append(name)
    member_units: list[str] = []
    for member in draft.members:
        if member.role == "member":
            member_units += [u for u in post_units(member.post).named
                             if not _is_bureau(u, draft.issuer) and u not in member_units]
    plan = plan_offices(table_names, draft.addressees + member_units, review)
    for member in draft.members:
        heads = post_units(member.post).heads
        if heads is None or _is_bureau(heads, draft.issuer):
            continue
        office = match_known(heads, plan)
        if office is None:
            review.append(Review("imp_heads_unknown", {"name": member.name, "unit": heads}))
            continue
        member.office = heads if heads in plan.canonical else office
        review.append(Review("imp_heads", {"name": member.name, "office": office,
                                           "post": member.post[:60]}))
    if draft.roster_attached:
        office = match_known(draft.roster_attached, plan)
        if office is None:
            review.append(Review("imp_attached_unknown", {"unit": draft.roster_attached}))
            draft.roster_attached = ""
        else:
            draft.roster_attached = office
    if draft.roster_director and draft.roster_director not in {m.name for m in draft.members}:
        review.append(Review("imp_director_unknown", {"name": draft.roster_director}))
        draft.roster_director = ""
    return plan
