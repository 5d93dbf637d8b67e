"""Random sequences of edits leave a file that loads, validates, and keeps untouched items byte for byte."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from helpers import ROOT, SHIPPED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkcli.store import validate_tasks_text
from gkcli.yamledit import TasksText

FILES = [SHIPPED / "tasks.yaml", ROOT / "tests" / "fixtures" / "messy" / "tasks.yaml"]

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20) \
    .filter(lambda s: s.strip())
offices_of = {0: ["综合股", "安监股", "运管股（政策法规股）"], 1: ["办公室", "财务科", "法规科（审批科）"]}
deadlines = st.sampled_from(["2021年6月底", "长期", "2021-12-31", "第四季度", "10月底前"])

ops = st.one_of(
    st.tuples(st.just("status"), st.sampled_from(["todo", "doing", "done"])),
    st.tuples(st.just("note"), texts),
    st.tuples(st.just("title"), texts),
    st.tuples(st.just("deadline"), deadlines),
    st.tuples(st.just("assist"), st.lists(st.integers(0, 2), max_size=3)),
    st.tuples(st.just("lead"), st.integers(0, 2)),
    st.tuples(st.just("done_on"), st.dates(date(2020, 1, 1), date(2022, 1, 1))),
    st.tuples(st.just("add"), texts),
    st.tuples(st.just("rm"), st.just(None)),
)


def item_texts(doc: TasksText) -> dict[int, str]:
    """Each item's own text, from its dash to the end of its last line."""
    result = {}
    for node in doc.items():
        task_id = int(doc._child(node, "id")[1].value)
        dash = doc.text.rfind("-", 0, node.start_mark.index)
        result[task_id] = doc.text[dash:doc._after_line(node)]
    return result


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.sampled_from([0, 1]), steps=st.lists(st.tuples(st.integers(0, 30), ops), max_size=8))
def test_random_edits_keep_the_file_valid_and_untouched_items_identical(which, steps):
    original = FILES[which].read_text(encoding="utf-8")
    doc = TasksText(original)
    before = item_texts(doc)
    touched: set[int] = set()
    for pick, (op, arg) in steps:
        ids = doc.ids()
        if not ids:
            break
        task_id = ids[pick % len(ids)]
        offices = offices_of[which]
        if op == "status":
            doc.set_field(task_id, "status", arg)
            if arg != "done":
                doc.remove_field(task_id, "done_on")
        elif op == "note":
            doc.append_to_list(task_id, "progress", f"2021-06-01 {arg}")
        elif op == "title":
            doc.set_field(task_id, "title", arg)
        elif op == "deadline":
            doc.set_field(task_id, "deadline", arg)
        elif op == "assist":
            doc.set_field(task_id, "assist", list(dict.fromkeys(offices[i] for i in arg)))
        elif op == "lead":
            doc.set_field(task_id, "lead", offices[arg])
        elif op == "done_on":
            doc.set_field(task_id, "status", "done")
            doc.set_field(task_id, "done_on", arg)
        elif op == "add":
            new_id = max(ids) + 1
            doc.add_item({"id": new_id, "group": 1, "title": arg, "lead": offices[0],
                          "assist": [], "deadline": "长期", "status": "todo"})
            task_id = new_id
        elif op == "rm":
            doc.remove_item(task_id)
        touched.add(task_id)
    table, problems = validate_tasks_text(doc.text, "tasks.yaml")
    assert problems == []
    after = item_texts(doc)
    for task_id, text in before.items():
        if task_id not in touched:
            assert after[task_id] == text
    head = original[: original.index("\ntasks:")]
    assert doc.text.startswith(head)  # everything above the items is untouched


def test_shipped_file_survives_a_no_op(tmp_path: Path):
    shutil.copytree(SHIPPED, tmp_path / "data")
    doc = TasksText((tmp_path / "data" / "tasks.yaml").read_text("utf-8"))
    doc.set_field(1, "status", "todo")
    assert doc.text == (SHIPPED / "tasks.yaml").read_text("utf-8")
