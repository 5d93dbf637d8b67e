"""gk's merge driver in real repositories: two clones edit one table, git merges by item and field."""

from __future__ import annotations

import pytest
from gitrepo import Clone, git_env, remote_with_clones, two_clones

ITEM_3 = "    deadline: 2020年10月19日前\n    status: todo\n"


@pytest.fixture
def clones(tmp_path, monkeypatch) -> tuple[Clone, Clone]:
    return two_clones(tmp_path, monkeypatch)


def pull(clone: Clone):
    """What she would do: merge what the other clone pushed (git picks gk's driver)."""
    clone.git("fetch", "-q")
    return clone.git("merge", "--no-edit", "origin/main", check=False)


def push(clone: Clone) -> None:
    clone.git("push", "-q", "origin", "main")


def pulled_cleanly(clone: Clone, *holds: str) -> None:
    """She pulls: git merges without a conflict, and the file holds each of ``holds`` and
    passes gk check."""
    assert pull(clone).returncode == 0
    text = clone.text()
    assert [part for part in holds if part not in text] == []
    assert clone.gk("check").exit_code == 0


def status_changed_on_both_sides(a: Clone, b: Clone) -> None:
    """b starts item 3 and pushes; a, not yet pulled, marks it done."""
    gk_ok(b, "start", "3")
    push(b)
    gk_ok(a, "set", "3", "--status", "done")


def gk_ok(clone: Clone, *args: str) -> None:
    result = clone.gk(*args, "--commit")
    assert result.exit_code == 0, result.output


def test_setup_git_registers_the_driver_once(clones):
    a, _ = clones
    assert a.git("config", "merge.gk.driver").stdout.strip().endswith("-m gkcli merge-file %O %A %B %P")
    attributes = (a.path / ".gitattributes").read_text(encoding="utf-8")
    assert attributes == ("data/tasks.yaml merge=gk\ndata/leading_group.yaml merge=gk\n"
                          "data/*/tasks.yaml merge=gk\ndata/*/leading_group.yaml merge=gk\n")
    again = a.gk("setup-git")
    assert again.output == "合并驱动已登记，无需改动\n"
    assert (a.path / ".gitattributes").read_text(encoding="utf-8") == attributes


def test_edits_to_different_items_both_land(clones):
    a, b = clones
    gk_ok(b, "start", "5")
    push(b)
    gk_ok(a, "note", "3", "已形成初稿", "--on", "2021-06-18")
    pulled_cleanly(a, "2021-06-18 已形成初稿")
    assert a.gk("show", "5", "--format", "json").output.count('"status": "doing"') == 1


def test_edits_to_different_fields_of_one_item_both_land(clones):
    a, b = clones
    gk_ok(b, "set", "3", "--deadline", "2021年12月底")
    push(b)
    gk_ok(a, "done", "3", "--on", "2021-06-18")
    pulled_cleanly(a, "    deadline: 2021年12月底\n    status: done\n    done_on: 2021-06-18\n")


def test_notes_on_both_sides_land_in_date_order(clones):
    a, b = clones
    gk_ok(b, "note", "3", "对方先报初稿", "--on", "2021-06-10")
    gk_ok(b, "note", "3", "对方再改", "--on", "2021-06-19")
    push(b)
    gk_ok(a, "note", "3", "我方审定", "--on", "2021-06-15")
    pulled_cleanly(a, "    progress:\n      - 2021-06-10 对方先报初稿\n      - 2021-06-15 我方审定\n"
                      "      - 2021-06-19 对方再改\n")


def test_same_field_changed_on_both_sides_is_a_conflict_named_by_item_and_field(clones):
    a, b = clones
    status_changed_on_both_sides(a, b)
    merged = pull(a)
    assert merged.returncode != 0  # git sees the merge as failed
    assert "第3项：status 两边都改了：done / doing" in merged.stderr + merged.stdout
    check = a.gk("check", lang="en")
    assert check.exit_code == 1
    assert check.output.splitlines() == [
        "data/tasks.yaml:104:7: item 3: status changed on both sides: done / doing "
        "(ours / theirs; settle it and delete this line of conflict)"] or \
        "item 3: status changed on both sides: done / doing" in check.output
    assert "<<<<<<<" not in a.text()
    assert "    status: done\n    done_on: 2021-06-20\n    conflict:" in a.text()


def test_a_settled_conflict_commits_and_checks_clean(clones):
    a, b = clones
    gk_ok(b, "start", "3")
    push(b)
    gk_ok(a, "start", "3")  # the same change on both sides is no conflict
    gk_ok(a, "set", "3", "--notes", "我方备注")
    gk_ok(b, "set", "3", "--notes", "对方备注")
    push(b)
    assert pull(a).returncode != 0
    text = a.text()
    start = text.index("    conflict:")
    end = text.index("\n", text.index("      notes:", start)) + 1
    a.tasks.write_text(text[:start] + text[end:], encoding="utf-8")
    assert a.gk("check").exit_code == 0
    a.git("commit", "-qam", "定下备注")


def test_an_item_added_on_both_sides_gets_the_next_free_id_on_theirs(clones):
    a, b = clones
    add = ["add", "--group", "3", "--lead", "综合股", "--deadline", "2021年9月底"]
    gk_ok(b, *add, "--title", "对方新增")
    push(b)
    gk_ok(a, *add, "--title", "我方新增")
    merged = pull(a)
    assert merged.returncode == 0
    assert "第17项两边都新增了：对方的那项改为第18项" in merged.stderr + merged.stdout
    titles = {i["id"]: i["title"] for i in a.gk("list", "--format", "json").json} \
        if hasattr(a.gk("list"), "json") else None
    import json

    titles = {i["id"]: i["title"] for i in json.loads(a.gk("list", "--format", "json").output)}
    assert titles[17] == "我方新增"
    assert titles[18] == "对方新增"


def test_a_hand_reformatted_block_keeps_its_form(clones):
    a, b = clones
    gk_ok(b, "done", "4", "--on", "2021-06-01")
    push(b)
    a.commit_edit("    assist:\n      - 局各股室（中队、站）\n    deadline: 2020年10月30日前\n",
                  "    assist: [局各股室（中队、站）]   # 全局配合\n    deadline: 2020年10月30日前\n")
    pulled_cleanly(a, "    assist: [局各股室（中队、站）]   # 全局配合\n    deadline: 2020年10月30日前\n"
                      "    status: done\n    done_on: 2021-06-01\n")


def test_their_hand_formatting_of_a_field_they_changed_comes_across(clones):
    a, b = clones
    b.commit_edit("    title: 编制26个领域政务公开事项目录\n",
                  "    title: >-   # 按市里新口径\n      编制26个领域政务公开事项目录（含标准）\n")
    push(b)
    gk_ok(a, "start", "3")
    pulled_cleanly(a, "    title: >-   # 按市里新口径\n      编制26个领域政务公开事项目录（含标准）\n",
                   "    status: doing\n")


def test_comments_on_both_sides_survive(clones):
    a, b = clones
    b.commit_edit("  - id: 8\n", "  - id: 8   # 对方：请运管股牵头\n")
    push(b)
    a.commit_edit("  - id: 2\n", "  - id: 2   # 我方：已催办\n")
    pulled_cleanly(a, "# 对方：请运管股牵头", "# 我方：已催办")  # as plain git merges these lines


def test_removed_on_one_side_changed_on_the_other_keeps_the_item(clones):
    a, b = clones
    gk_ok(b, "rm", "16", "--yes")
    push(b)
    gk_ok(a, "note", "16", "还在推进", "--on", "2021-06-18")
    assert pull(a).returncode != 0
    assert "2021-06-18 还在推进" in a.text()
    check = a.gk("check", lang="en")
    assert "item 16: removed on one side and changed on the other" in check.output


def test_a_file_it_cannot_read_falls_back_to_git_line_merge(clones):
    a, b = clones
    gk_ok(b, "start", "3")
    push(b)
    a.commit_edit("    status: todo\n", "    status: [todo\n")  # broken YAML, committed by hand
    merged = pull(a)
    assert merged.returncode != 0
    assert "无法按事项合并" in merged.stderr + merged.stdout
    check = a.gk("check")
    assert check.exit_code == 1  # markers or the broken line: gk check says where
    assert "data/tasks.yaml:" in check.output


def test_roster_members_merge_by_name(clones):
    a, b = clones
    b.commit_edit("  - name: 林宏\n    role: deputy\n    post: 区交通系统党委副书记、二级主任科员\n",
                  "  - name: 林宏\n    role: deputy\n    post: 区交通系统党委副书记\n", b.roster)
    push(b)
    a.commit_edit("  - name: 陈金章\n    role: deputy\n    post: 区交战办主任\n",
                  "  - name: 陈金章\n    role: deputy\n    post: 区交战办主任\n    office: 安监股\n", a.roster)
    assert pull(a).returncode == 0
    roster = a.roster.read_text(encoding="utf-8")
    assert "    post: 区交通系统党委副书记\n" in roster
    assert "    post: 区交战办主任\n    office: 安监股\n" in roster
    assert a.gk("check").exit_code == 0


def test_roster_conflict_is_named_by_member_and_field(clones):
    a, b = clones
    old = "  - name: 林宏\n    role: deputy\n"
    b.commit_edit(old, "  - name: 林宏\n    role: member\n", b.roster)
    push(b)
    a.commit_edit(old, "  - name: 林宏\n    role: leader\n", a.roster)
    assert pull(a).returncode != 0
    assert "member 林宏: role changed on both sides: leader / member" in a.gk("check", lang="en").output


def test_three_clones_all_land(tmp_path, monkeypatch):
    git_env(monkeypatch, tmp_path)
    _, (a, b, c) = remote_with_clones(tmp_path, 3)
    for clone, day in ((b, "2021-06-11"), (c, "2021-06-12")):
        gk_ok(clone, "note", "5", f"{clone.path.name} 的进展", "--on", day)
    push(b)
    assert pull(c).returncode == 0
    push(c)
    gk_ok(a, "note", "5", "a 的进展", "--on", "2021-06-13")
    pulled_cleanly(a, "      - 2021-06-11 b 的进展\n      - 2021-06-12 c 的进展\n      - 2021-06-13 a 的进展\n")


def test_an_emptied_conflict_says_to_delete_it_too(clones):
    a, b = clones
    status_changed_on_both_sides(a, b)
    pull(a)
    text = a.text()
    start = text.index("      status: doing\n", text.index("    conflict:"))
    a.tasks.write_text(text[:start] + text[start + len("      status: doing\n"):], encoding="utf-8")
    check = a.gk("check")
    assert check.output.endswith(": conflict 已空：把 conflict 这一行也删去\n")


# --- the merge itself, on texts -----------------------------------------------------------------

from helpers import SHIPPED  # noqa: E402

from gkcli.merge import Unmergeable, merge_texts  # noqa: E402
from gkcli.store import validate_tasks_text  # noqa: E402

BASE = (SHIPPED / "tasks.yaml").read_text(encoding="utf-8")
ITEM_8 = ("    title: 建立健全规范性文件全生命周期管理制度机制\n    lead: 运管股（政策法规股）\n"
          "    assist:\n      - 综合股\n    deadline: 2021年6月底\n    status: todo\n")


def test_a_field_gk_does_not_know_merges_by_the_same_rules():
    """A future list such as extensions: entries from both sides, in date order."""
    base = BASE.replace(ITEM_8, ITEM_8 + "    extensions:\n      - {on: 2021-05-01, to: 2021-07-31}\n")
    ours = base.replace("      - {on: 2021-05-01, to: 2021-07-31}\n",
                        "      - {on: 2021-05-01, to: 2021-07-31}\n      - {on: 2021-07-20, to: 2021-09-30}\n")
    theirs = base.replace("      - {on: 2021-05-01, to: 2021-07-31}\n",
                          "      - {on: 2021-05-01, to: 2021-07-31}\n"
                          "      - on: 2021-06-15   # 局长同意\n        to: 2021-08-31\n")
    merged = merge_texts(base, ours, theirs)
    assert ("    extensions:\n      - {on: 2021-05-01, to: 2021-07-31}\n"
            "      - on: 2021-06-15   # 局长同意\n        to: 2021-08-31\n"
            "      - {on: 2021-07-20, to: 2021-09-30}\n") in merged.text
    assert merged.conflicts == []


def test_a_scalar_gk_does_not_know_conflicts_by_name():
    base = BASE.replace(ITEM_8, ITEM_8 + "    owner: 甲\n")
    merged = merge_texts(base, base.replace("owner: 甲", "owner: 乙"), base.replace("owner: 甲", "owner: 丙"))
    assert [(c.item, c.field, c.ours, c.theirs) for c in merged.conflicts] == [(8, "owner", "乙", "丙")]


def test_offices_added_on_both_sides_both_land():
    add = "  - name: 监控室\n"
    ours = BASE.replace(add, add + "  - name: 财务股\n")
    theirs = BASE.replace(add, add + "  - name: 人事股\n    aliases: [人事]\n")
    merged = merge_texts(BASE, ours, theirs)
    assert "  - name: 财务股\n" in merged.text
    assert "  - name: 人事股\n    aliases: [人事]\n" in merged.text
    assert validate_tasks_text(merged.text, "tasks.yaml")[1] == []


def test_a_section_changed_on_both_sides_is_named_by_gk_check():
    old = "  due_soon_days: 14"
    merged = merge_texts(BASE, BASE.replace(old, "  due_soon_days: 7"), BASE.replace(old, "  due_soon_days: 10"))
    problems = validate_tasks_text(merged.text, "tasks.yaml")[1]
    assert [p.message for p in problems] == ["conflict_file"]
    assert str(problems[0]).endswith(": settings.due_soon_days changed on both sides: 7 / 10 "
                                     "(ours / theirs; settle it and delete this line of conflict)")
    assert merged.text.endswith("conflict:  # 合并冲突：上面是我方的值，这里是对方的值；定下后删去本段 / "
                                "merge conflict: their values\n  settings.due_soon_days: 10\n")


def test_different_settings_on_both_sides_both_land():
    ours = BASE.replace("  due_soon_days: 14", "  due_soon_days: 7")
    theirs = BASE.replace("  commit: false ", "  commit: true  ")
    merged = merge_texts(BASE, ours, theirs)
    assert "  due_soon_days: 7   # 距完成时间不超过几天算“即将到期”\n  commit: true  " in merged.text
    assert merged.conflicts == []


def test_windows_line_endings_on_our_side_stay():
    ours = BASE.replace("\n", "\r\n").replace("    status: todo\r\n", "    status: doing\r\n", 1)
    theirs = BASE.replace(ITEM_8, ITEM_8.replace("2021年6月底", "2021年9月底"))
    merged = merge_texts(BASE, ours, theirs)
    assert "\n" not in merged.text.replace("\r\n", "")
    assert "    deadline: 2021年9月底\r\n" in merged.text
    assert "    status: doing\r\n" in merged.text


def test_a_broken_side_is_unmergeable_not_guessed():
    with pytest.raises(Unmergeable):
        merge_texts(BASE, BASE.replace("tasks:\n", "tasks: [\n"), BASE)


def test_a_file_added_on_both_sides_merges_from_an_empty_base():
    theirs = BASE.replace(ITEM_8, ITEM_8.replace("2021年6月底", "2021年9月底"))
    merged = merge_texts("", BASE, theirs)
    assert merged.renumbered == [(8, 17)]  # added on both sides, differently: theirs moves on
    assert merged.conflicts == []
