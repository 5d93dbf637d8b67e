"""Properties of the table over time: the date filter, notes in date order, extensions and
item_block (the shortcut gk log takes to skip versions where an item's lines are the same)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from helpers import SHIPPED
from hypothesis import given, settings
from hypothesis import strategies as st

from gkcli import asof, changes, deadlines
from gkcli.history import item_block, read_snapshot
from gkcli.model import Extension, in_force
from gkcli.store import load_table, validate_tasks_text
from gkcli.yamledit import TasksText

ISSUED = date(2020, 7, 2)
days = st.dates(ISSUED, date(2022, 6, 30))
TABLE = load_table(SHIPPED)


@given(st.dictionaries(st.integers(1, 16), days), days, days)
def test_done_counts_only_grow_with_the_date(done, first, second):
    early, late = sorted((first, second))
    table = replace(TABLE, tasks=[replace(t, status="done", done_on=done[t.id]) if t.id in done else t
                                  for t in TABLE.tasks])

    def done_by(day: date) -> set[int]:
        return {t.id for t in asof.filtered(table, day).tasks if t.status == "done"}

    assert done_by(early) <= done_by(late)
    assert done_by(late) == {i for i, d in done.items() if d <= late}
    assert all(t.done_on is None or t.done_on <= early for t in asof.filtered(table, early).tasks)


@given(st.dictionaries(st.integers(1, 16), days))
def test_the_filter_on_a_day_after_every_fact_changes_nothing(done):
    table = replace(TABLE, tasks=[replace(t, status="done", done_on=done[t.id]) if t.id in done else t
                                  for t in TABLE.tasks])
    assert asof.filtered(table, date(2022, 12, 31)).tasks == table.tasks


NOTES = st.lists(st.one_of(st.builds(lambda d: f"{d.isoformat()} 已报送", days), st.just("口头汇报")),
                 max_size=3)


@given(st.dictionaries(st.integers(1, 16), st.tuples(st.booleans(), days, NOTES)), days)
def test_items_the_filter_keeps_as_they_are_are_those_it_would_rebuild_unchanged(edits, day):
    """filtered() skips rebuilding an item with nothing after the day: the same result."""
    tasks = [replace(t, status="done" if edits[t.id][0] else "doing",
                     done_on=edits[t.id][1] if edits[t.id][0] else None,
                     progress=tuple(edits[t.id][2])) if t.id in edits else t
             for t in TABLE.tasks]
    table = replace(TABLE, tasks=tasks)
    assert asof.filtered(table, day).tasks == [asof.settle(t, asof.facts_of(t), day) for t in tasks]


@settings(max_examples=30, deadline=None)
@given(st.lists(days.filter(lambda d: d <= date(2021, 6, 20)), min_size=1, max_size=8))
def test_notes_stay_in_date_order_whatever_order_they_are_added(on):
    text = (SHIPPED / "tasks.yaml").read_text(encoding="utf-8")
    for n, day in enumerate(on):
        table, problems = validate_tasks_text(text, "tasks.yaml")
        assert not problems
        doc = TasksText(text)
        changes.note(table, (5,), f"第{n}条", day, date(2021, 6, 20)).edit(doc)
        text = doc.text
    progress = read_snapshot(text).items[5].progress
    dates = [p.split(" ")[0] for p in progress]
    assert dates == sorted(dates)
    assert len(progress) == len(on)
    for day in set(on):  # notes of one day keep the order they were added in
        same = [p.split(" ")[1] for p in progress if p.startswith(day.isoformat())]
        assert same == [f"第{n}条" for n, d in enumerate(on) if d == day]


@given(st.lists(st.tuples(days, st.integers(1, 200)), max_size=5), days)
def test_the_deadline_in_force_comes_from_counting_extensions_only(grants, base):
    original = deadlines.Deadline(base.isoformat(), base)
    extensions = [Extension(on=on, to=deadlines.Deadline("", on + timedelta(days=more)), reason="x")
                  for on, more in grants]
    deadline, marked = in_force(original, extensions)
    current = original
    for ext in marked:  # each counts exactly when granted on or before the deadline it replaced
        assert ext.counts == (ext.on <= current.date)
        if ext.counts:
            current = ext.to
    assert deadline == current


@given(st.integers(1, 16))
def test_item_block_is_the_item_and_nothing_else(task_id):
    text = (SHIPPED / "tasks.yaml").read_text(encoding="utf-8")
    block = item_block(text, task_id)
    assert block is not None
    assert block.lstrip().startswith(f"- id: {task_id}\n")
    assert block.count("- id:") == 1
    assert block.strip() in text
