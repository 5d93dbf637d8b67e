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


class JoinedRegistry(OfficeRegistry):
    """The offices of several tables as one (gk --all): one office per unit, under its full name.

    Built by :func:`join`. A name that is in :attr:`apart` means different offices in
    different tables: it resolves to none of them (unless it is itself the full name of
    one, kept apart), and :meth:`resolve` says which offices it could mean.
    """

    def __init__(self, offices: list[Office], groups: list[OfficeGroup],
                 apart: dict[str, tuple[str, ...]] | None = None):
        super().__init__(offices, groups)
        self.apart = apart or {}
        for name in self.apart:
            if self._canonical.get(name) != name:
                self._canonical.pop(name, None)

    def resolve(self, name: str, allow_group: bool = False) -> str:
        offices = self.apart.get(name.strip())
        if offices and self.canonical(name) is None:
            raise NotFound("office_apart", name=name, offices=offices)
        return super().resolve(name, allow_group)


def join(registries: list[OfficeRegistry]) -> JoinedRegistry:
    """The offices of several tables as one, first table first.

    A name one table declares as an office's full name or alias is that office in every
    table: another table's office of that name joins it, under the full name (the shipped
    table's 交通综合行政执法大队 aliases 交通执法大队, so a notice whose office is called
    交通执法大队 means it). Offices of the same full name are one. When the tables disagree
    — a name is the alias of two offices that are not one — nothing is guessed: an office of
    that name stays apart, under its own name, and the name is in ``apart`` with the offices
    it could mean.
    """
    given: dict[str, list[str]] = {}  # full name -> every name any table gives it, its own first
    for registry in registries:
        for office in registry.offices:
            names = given.setdefault(office.name, [office.name])
            names.extend(a for a in office.aliases if a not in names)
    claimed: dict[str, list[str]] = {}  # a name -> the full names of the offices that claim it
    for full, names in given.items():
        for name in names:
            claimed.setdefault(name, []).append(full)
    unit = _units(list(given), {full: [g for g in claimed[full] if g != full] for full in given})
    apart: dict[str, tuple[str, ...]] = {}
    for name, fulls in claimed.items():
        units = tuple(dict.fromkeys(unit[f] for f in fulls))
        if len(units) > 1:
            apart[name] = tuple(u for u in units if u != name)
    members: dict[str, list[str]] = {}  # unit -> its names, in table order
    for full, names in given.items():
        into = members.setdefault(unit[full], [unit[full]])
        into.extend(n for n in names if n not in into)
    offices = [Office(name, tuple(n for n in names[1:] if n not in apart))
               for name, names in members.items()]
    groups: dict[str, OfficeGroup] = {}
    for registry in registries:
        for name, group in registry.groups.items():
            groups.setdefault(name, group)
    return JoinedRegistry(offices, list(groups.values()), apart)


def _units(order: list[str], targets: dict[str, list[str]]) -> dict[str, str]:
    """Each full name's office across the tables, given ``targets``: for each full name, the
    full names of the offices that declare it an alias.

    An office declared nobody's alias is its own; one declared an alias of offices that are
    all one office is that office; one declared an alias of two that are not stays its own.
    Offices declaring each other aliases (a cycle) are one, under the first one's name,
    unless they are declared aliases of two offices that are not one: then each stays its own.
    Components are found with Tarjan's algorithm (iterative, so no depth limit), which gives
    each one after every one it leads to.
    """
    rank = {name: i for i, name in enumerate(order)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in order:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(targets[root]))]
        while work:
            v, following = work[-1]
            for w in following:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(targets[w])))
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    u = work[-1][0]
                    low[u] = min(low[u], low[v])
                if low[v] == index[v]:
                    component = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        component.append(w)
                        if w == v:
                            break
                    found.append(component)
    unit: dict[str, str] = {}
    for component in found:
        inside = set(component)
        beyond = {unit[w] for v in component for w in targets[v] if w not in inside}
        if len(beyond) > 1:  # aliases of offices that are not one: each stays its own
            unit.update((v, v) for v in component)
            continue
        chosen = beyond.pop() if beyond else min(component, key=rank.__getitem__)
        unit.update((v, chosen) for v in component)
    return unit
