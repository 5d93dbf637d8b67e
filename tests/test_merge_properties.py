"""Random pairs of edits, merged: no edit is lost, and every merged file passes gk check
(apart from the conflicts it names, which are exactly the fields both sides changed)."""

from __future__ import annotations

from helpers import ROOT, SHIPPED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkcli.errors import GkError
from gkcli.merge import CONFLICT, MISSING, Side, _key, merge_texts
from gkcli.store import validate_tasks_text
from gkcli.yamledit import TasksText

BASE = (SHIPPED / "tasks.yaml").read_text(encoding="utf-8")
IDS = st.integers(min_value=1, max_value=17)
OFFICES = ["综合股", "安监股", "工程股", "监控室", "局各股室（中队、站）"]
WORDS = st.sampled_from(["已报送", "已审定", "初稿", "推进中", "待反馈"])
DAYS = st.dates(min_value=__import__("datetime").date(2021, 1, 1),
                max_value=__import__("datetime").date(2021, 12, 31))



def edits_of(ids: st.SearchStrategy[int], deadlines: list[str], offices: list[str]) -> st.SearchStrategy:
    """One edit of a table whose items have ``ids``: as :func:`apply` makes it."""
    return st.one_of(
        st.tuples(st.just("status"), ids, st.sampled_from(["todo", "doing"])),
        st.tuples(st.just("note"), ids, DAYS, WORDS),
        st.tuples(st.just("deadline"), ids, st.sampled_from(deadlines)),
        st.tuples(st.just("assist"), ids, st.lists(st.sampled_from(offices), min_size=1, max_size=3,
                                                   unique=True)),
        st.tuples(st.just("notes"), ids, WORDS),
        st.tuples(st.just("title"), ids, WORDS),
        st.tuples(st.just("add"), WORDS),
        st.tuples(st.just("rm"), ids),
        st.tuples(st.just("comment"), ids),
    )


edit = edits_of(IDS, ["2021年12月底", "长期", "2021-09-30"], OFFICES)


def apply(text: str, edits: list, side: str, applied: set | None = None) -> str:
    doc = TasksText(text)
    applied = set() if applied is None else applied
    for n, (kind, *args) in enumerate(edits):
        try:
            if kind == "status":
                doc.set_field(args[0], "status", args[1])
            elif kind == "note":
                doc.append_to_list(args[0], "progress", f"{args[1].isoformat()} {side}{n}{args[2]}")
            elif kind in ("deadline", "assist", "notes", "title"):
                value = args[1] if kind != "title" else f"{side}{n}{args[1]}"
                doc.set_field(args[0], kind, value)
            elif kind == "add":
                lead = doc._child(doc.items()[0], "lead")[1].value  # an office this table has
                doc.add_item({"id": max(doc.ids(), default=0) + 1, "group": 1, "title": f"{side}{args[0]}",
                              "lead": lead, "deadline": "2021年12月底", "status": "todo"})
            elif kind == "rm":
                doc.remove_item(args[0])
            elif kind == "comment":
                node = doc.item(args[0])
                end = doc.text.index("\n", node.start_mark.index)
                doc.text = doc.text[:end] + f"  # 注{side}{n}" + doc.text[end:]
                doc._parse()
        except GkError:  # an item the earlier edits removed
            continue
        applied.add(n)
    return doc.text


MESSY = (ROOT / "tests" / "fixtures" / "messy" / "tasks.yaml").read_text(encoding="utf-8")
MESSY_IDS = st.integers(min_value=1, max_value=5)
messy_edit = edits_of(MESSY_IDS, ["2021年12月底", "长期"], ["办公室", "财务科", "法规科"])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(edit, max_size=4), st.lists(edit, max_size=4))
def test_no_edit_is_lost_and_the_merge_checks(ours_edits, theirs_edits):
    merges_without_loss(BASE, ours_edits, theirs_edits)


@SETTINGS
@given(st.lists(messy_edit, max_size=4), st.lists(messy_edit, max_size=4))
def test_a_hand_kept_file_merges_too(ours_edits, theirs_edits):
    """Flow-style items, folded notes, quoted values, comments between items."""
    merges_without_loss(MESSY, ours_edits, theirs_edits)


def survives(edits: list, n: int) -> bool:
    """The item edit ``n`` commented on is not removed by a later edit of that side."""
    return not any(kind == "rm" and args[0] == edits[n][1] for kind, *args in edits[n:])


def merges_without_loss(BASE: str, ours_edits: list, theirs_edits: list) -> None:  # noqa: N803
    applied: set[int] = set()
    their_applied: set[int] = set()
    ours = apply(BASE, ours_edits, "我", applied)
    theirs = apply(BASE, theirs_edits, "他", their_applied)
    merged = merge_texts(BASE, ours, theirs)
    b, o, t, m = (Side.read(x, "tasks.yaml") for x in (BASE, ours, theirs, merged.text))
    renumbered = dict(merged.renumbered)
    named = {(c.item, c.field) for c in merged.conflicts}
    for key in {*b.items, *o.items, *t.items}:
        bi, oi, ti = b.items.get(key), o.items.get(key), t.items.get(key)
        if bi is None and oi is not None and ti is not None and key in renumbered:
            assert _key(m.items[renumbered[key]] | {"id": key}) == _key(ti)
            ti = None  # their copy lives on under its new id
        mi = m.items.get(key)
        if oi is None and ti is None:
            assert mi is None
            continue
        if mi is None:  # removed on one side, untouched on the other
            assert (oi is None and _key(ti) == _key(bi)) or (ti is None and _key(oi) == _key(bi))
            continue
        if oi is None or ti is None:
            kept = oi if ti is None else ti
            if bi is None or _key(kept) != _key(bi):
                assert all(_key(mi[f]) == _key(v) for f, v in kept.items())
            continue
        for name in {*(bi or {}), *oi, *ti} - {CONFLICT}:
            bv, ov, tv, mv = ((x or {}).get(name, MISSING) for x in (bi, oi, ti, mi))
            if _key(ov) == _key(bv):
                assert _key(mv) == _key(tv)
            elif _key(tv) == _key(bv) or _key(ov) == _key(tv):
                assert _key(mv) == _key(ov)
            elif isinstance(ov, list) or isinstance(tv, list):
                for side_value in (ov, tv):  # every entry either side added is there
                    for entry in side_value if isinstance(side_value, list) else []:
                        assert entry in mv or entry in (bv if isinstance(bv, list) else [])
            else:
                assert (key, name) in named
                assert _key(mv) == _key(ov)
                assert _key(mi[CONFLICT][name]) == _key(None if tv is MISSING else tv)
    for n, (kind, *args) in enumerate(ours_edits):
        if kind == "comment" and n in applied and args[0] in m.items and survives(ours_edits, n):
            assert f"# 注我{n}" in merged.text
    ours_touched = {args[0] for kind, *args in ours_edits if kind != "add"}
    for n, (kind, *args) in enumerate(theirs_edits):
        if kind == "comment" and n in their_applied and args[0] in m.items and survives(theirs_edits, n) \
                and args[0] not in ours_touched and args[0] in b.items:
            assert f"# 注他{n}" in merged.text  # their comment on an item we left alone
    _, problems = validate_tasks_text(merged.text, "tasks.yaml")
    sides = {p.message for text in (ours, theirs) for p in validate_tasks_text(text, "tasks.yaml")[1]}
    conflicts = [p for p in problems if p.message.startswith("conflict_")]
    assert all(p.message in sides for p in problems if p not in conflicts), problems
    assert len(conflicts) == len(merged.conflicts)
