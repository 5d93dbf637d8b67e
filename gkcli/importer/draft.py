"""The draft of a data folder, as the readers of a notice fill it in, and the patterns
both readers (notice.py for the notice and its task table, roster.py for the leading
group) share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from gkcli.importer.review import Review

_CN_DIGIT = "〇零○一二三四五六七八九十"
DATE = rf"(?:\d{{4}}|[{_CN_DIGIT}]{{4}})\s*年\s*[\d{_CN_DIGIT}]{{1,3}}\s*月\s*[\d{_CN_DIGIT}]{{1,3}}\s*日"
PRINTED = re.compile(rf"^(?P<issuer>.*?)\s*(?P<date>{DATE})\s*印发\s*$")
DATE_LINE = re.compile(rf"^\s*(?P<date>{DATE})\s*$")
NUMBER_YEAR = re.compile(r"[﹝〔\[［【(（]\s*((?:19|20)\d{2})\s*[﹞〕\]］】)）]")
ANNEX = re.compile(r"^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?\s*$")
ANNEXED = re.compile(r"^\s*(?P<annex>附\s*件\s*[0-9０-９一二三四五六七八九十]+)\s*[:：.．、]?\s*(?P<name>\S.*)$")


@dataclass
class Item:
    group: int
    title: str
    lead: str
    assist: list[str]
    deadline: str
    notes: str = ""
    where: tuple = ()


@dataclass
class Member:
    name: str
    role: str
    post: str
    office: str | None = None  # filled in when offices are planned


@dataclass
class Draft:
    """What was read of a notice, before offices are planned and files written."""

    number: str = ""
    issuer: str = ""
    issued: date | None = None
    title: str = ""
    table_name: str = ""
    table_annex: str = ""
    addressees: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # work task titles; id = index + 1
    items: list[Item] = field(default_factory=list)
    roster_name: str = ""
    roster_annex: str = ""
    roster_office: str = ""
    roster_attached: str = ""
    roster_director: str = ""
    members: list[Member] = field(default_factory=list)
    has_roster: bool = False
    review: list[Review] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        if self.issued:
            return self.issued.year
        m = NUMBER_YEAR.search(self.number)
        return int(m.group(1)) if m else None
