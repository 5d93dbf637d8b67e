"""Offices (股室), their aliases, and office groups such as 局各股室（中队、站）.

Matching is by whole name or declared alias only, never by substring, so the
bureau's 综合股 and 交通综合行政执法大队综合股 stay two different units.
"""

from __future__ import annotations

from gkcli.errors import GkError, Msg, NotFound
from gkcli.values import Frozen


class Office(Frozen):
    FIELDS = ("name", "aliases")
    name: str
    aliases: tuple[str, ...] = ()

    def __init__(self, name: str, aliases: tuple[str, ...] = ()):
        d = self.__dict__
        d["name"], d["aliases"] = name, aliases


class OfficeGroup(Frozen):
    """A name standing for several offices; ``members == "all"`` is every office."""

    FIELDS = ("name", "members")
    name: str
    members: str | tuple[str, ...] = "all"

    def __init__(self, name: str, members: str | tuple[str, ...] = "all"):
        d = self.__dict__
        d["name"], d["members"] = name, members


class GroupNotOffice(GkError):
    """An office group (局各股室) where one office is needed."""


class OfficeRegistry:
    def __init__(self, offices: list[Office], groups: list[OfficeGroup]):
        self.offices = offices
        self.groups = {g.name: g for g in groups}
        self._short_groups: dict[str, str] = {}  # 局各股室 for 局各股室（中队、站）
        for g in groups:
            short = g.name.split("（")[0].split("(")[0].strip()
            if short and short != g.name:
                self._short_groups[short] = g.name if short not in self._short_groups else ""
        self._canonical: dict[str, str] = {}
        for office in offices:
            self._canonical[office.name] = office.name
            for alias in office.aliases:
                self._canonical.setdefault(alias, office.name)

    @property
    def names(self) -> list[str]:
        return [o.name for o in self.offices]

    def canonical(self, name: str) -> str | None:
        """The full name of an office given by name or alias; None if unknown."""
        return self._canonical.get(name.strip())

    def resolve(self, name: str, allow_group: bool = False) -> str:
        """The one reading of an office name a person typed (on the command line or in the YAML).

        The office's full name for its name or an alias; with ``allow_group``, an office
        group's name. Otherwise :class:`GroupNotOffice` or :class:`NotFound`, with a hint.
        """
        canonical = self.canonical(name)
        if canonical:
            return canonical
        if self.is_group(name):
            if allow_group:
                return self.group_name(name) or name.strip()
            raise GroupNotOffice("group_not_office", name=name)
        unknown = self.unknown(name)
        raise NotFound(unknown.key, **unknown.params)

    def is_group(self, name: str) -> bool:
        return self.group_name(name) is not None

    def group_name(self, name: str) -> str | None:
        """The full name of an office group, given in full or by its name before the brackets."""
        name = name.strip()
        if name in self.groups:
            return name
        return self._short_groups.get(name) or None

    def suggest(self, name: str) -> str | None:
        """The closest known name, for a 'did you mean' hint."""
        candidates = list(self._canonical) + list(self.groups)
        import difflib  # only to suggest a name for a mistyped one

        close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.5)
        return close[0] if close else None

    def unknown(self, name: str) -> Msg:
        """未知股室 综合科（是不是 综合股？）: the message for a name that is no office."""
        hint = self.suggest(name)
        if hint:
            return Msg.of("unknown_office_hint", name=name, hint=hint)
        return Msg.of("unknown_office", name=name)

    def expand(self, name: str, lead: str) -> set[str]:
        """The offices that an assisting entry stands for, for an item led by ``lead``."""
        group = self.groups.get(name)
        if group is None:
            office = self.canonical(name)
            return {office} if office else set()
        if group.members == "all":
            members = set(self.names)
        else:
            members = {self.canonical(m) or m for m in group.members}
        return members - {lead}

    def assisting(self, assist: tuple[str, ...], lead: str) -> set[str]:
        """Every office that assists an item, groups expanded."""
        result: set[str] = set()
        for name in assist:
            result |= self.expand(name, lead)
        return result
