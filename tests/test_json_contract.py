"""The JSON outputs are a contract: fields are added, never renamed or removed.

Each test compares the FULL key set, so a field added by accident, renamed or dropped fails
here, and adding one on purpose means changing this file (and the CHANGELOG) too.
"""

from __future__ import annotations

import json

import pytest

ITEM = {"id", "group", "group_title", "title", "lead", "assist", "deadline", "deadline_text",
        "status", "state", "days_left", "done_on", "notes", "progress", "lead_people", "start",
        "deadline_kind", "workdays_left", "occurrences", "on_time", "days_late",
        "deadline_original", "extensions"}
TALLY = {"name", "total", "done", "done_on_time", "done_late", "done_undated", "overdue",
         "due_soon", "open", "ongoing", "on_time_rate", "people", "occurrences_on_time", "occurrences_late",
         "occurrences_missed", "extended", "occurrences_due", "occurrences_on_time_rate"}
PERSON = {"name", "role", "post", "office"}


def keys_of_each(rows: list[dict]) -> set[frozenset[str]]:
    """The distinct key sets of a list of objects (one set when they all agree)."""
    return {frozenset(row) for row in rows}


@pytest.mark.parametrize("args, keys", [
    pytest.param(args, keys, id=" ".join(args))
    for args, keys in ((["list"], ITEM), (["overdue"], ITEM), (["list", "--state", "due_soon"], ITEM),
                       (["roster"], PERSON), (["roster", "--office", "安监股"], PERSON),
                       (["who", "安监股"], PERSON))])
def test_item_and_people_lists(gk, args, keys):
    rows = gk.json(*args)
    assert rows
    assert keys_of_each(rows) == {frozenset(keys)}


def test_export_json_is_the_list_contract(gk):
    result = gk("export", "-", "--format", "json")
    assert result.exit_code == 0
    assert keys_of_each(json.loads(result.stdout)) == {frozenset(ITEM)}


def test_show(gk):
    assert set(gk.json("show", "8")) == ITEM


def test_show_with_progress_and_done(gk):
    assert gk("note", "8", "已报送初稿").exit_code == 0
    assert gk("done", "8").exit_code == 0
    row = gk.json("show", "8")
    assert set(row) == ITEM
    assert row["progress"] == ["2021-06-20 已报送初稿"]
    assert row["done_on"] == "2021-06-20"


def test_status(gk):
    board = gk.json("status")
    assert set(board) == {"as_of", "due_soon_days", "due_soon_workdays", "totals", "by_office",
                          "overdue", "due_soon", "reporting", "since_meeting"}
    assert set(board["totals"]) == TALLY
    assert keys_of_each(board["by_office"]) == {frozenset(TALLY)}
    assert keys_of_each(board["overdue"]) == {frozenset(ITEM)}
    assert keys_of_each(board["due_soon"]) == {frozenset(ITEM)}


@pytest.mark.parametrize("args", [[], ["--since", "2021-01-01"]])
def test_report(gk, args):
    found = gk.json("report", *args)
    assert set(found) == {"as_of", "since", "totals", "by_office", "by_group",
                          "reporting_by_office"}
    assert set(found["totals"]) == TALLY
    assert keys_of_each(found["by_office"]) == {frozenset(TALLY)}
    assert keys_of_each(found["by_group"]) == {frozenset(TALLY)}


def test_remind(gk):
    reminders = gk.json("remind")
    assert reminders
    assert keys_of_each(reminders) == {frozenset({"office", "people", "items", "message",
                                                  "reports"})}
    items = [item for reminder in reminders for item in reminder["items"]]
    assert keys_of_each(items) == {frozenset(ITEM | {"role"})}
