"""Nothing the user wrote is ever lost (issue 7): each way a write, a commit or an undo could
lose or corrupt her data, tried for real — real git repositories, real concurrent processes,
real FIFOs and symlinks in tmp_path."""

from __future__ import annotations

import csv
import io
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers import ROOT, Gk, committed, git, replace_in, shipped_repo, table_of
from hypothesis import given, settings
from hypothesis import strategies as st

NO_COLOR = {"FORCE_COLOR": None, "NO_COLOR": "1", "COLUMNS": "200", "GK_LANG": None}


@pytest.fixture
def repo(tmp_path: Path) -> Gk:
    """The shipped data in a git repository of its own, with a second file the user keeps."""
    return shipped_repo(tmp_path / "repo", also={"会议纪要.txt": "初稿\n"})


def gk_process(data: Path, *args: str) -> subprocess.Popen:
    """``python -m gkcli`` in a process of its own."""
    return subprocess.Popen([sys.executable, "-m", "gkcli", "--data", str(data), "--today", "2021-06-20",
                             "--lang", "en", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    """Wait for a gk process and close its pipes: (exit code, what it said on stderr)."""
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err


def main_moves_on(top: Path) -> None:
    """She edits and commits her own file (会议纪要.txt) on main."""
    (top / "会议纪要.txt").write_text("主线稿\n", encoding="utf-8")
    git(top, "commit", "-qam", "主线修改")


def pre_commit_hook(top: Path, script: str) -> Path:
    """Her pre-commit hook (a shell script), installed in the repository."""
    hook = top / ".git" / "hooks" / "pre-commit"
    hook.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    hook.chmod(0o755)
    return hook


def conflict(top: Path, *command: str) -> None:
    """Leave the user's own git operation stopped on a conflict in 会议纪要.txt, resolved and staged."""
    notes = top / "会议纪要.txt"
    git(top, "checkout", "-qb", "side", git(top, "rev-list", "--max-parents=0", "HEAD"))
    notes.write_text("分支稿\n", encoding="utf-8")
    git(top, "commit", "-qam", "分支修改")
    git(top, "checkout", "-q", "main")
    subprocess.run(["git", *command], cwd=top, capture_output=True)  # stops on the conflict
    notes.write_text("合并稿\n", encoding="utf-8")
    git(top, "add", notes.name)


# --- 1 and 8: never act inside the user's own git operation ----------------------------------

@pytest.mark.parametrize("command, what, marker", [
    (("cherry-pick", "side"), "cherry-pick", "CHERRY_PICK_HEAD"),
    (("merge", "side"), "merge", "MERGE_HEAD"),
])
def test_undo_refuses_during_the_users_stopped_operation_and_keeps_it(repo, command, what, marker):
    top = repo.data.parent
    main_moves_on(top)
    assert repo("done", "5", "--commit").exit_code == 0
    conflict(top, *command)
    assert f"a git {what} is in progress" in repo.refused("--lang", "en", "undo")
    assert (top / git(top, "rev-parse", "--git-path", marker)).exists()  # her operation goes on
    assert git(top, "show", ":会议纪要.txt") == "合并稿"  # and her staged resolution stays
    assert git(top, "log", "-1", "--format=%s") == "gk: 完成 #5 建设政府信息在新媒体的发布机制，建设更加权威的信息发布平台（2021-06-20）"


def test_commit_is_refused_during_a_merge_and_writes_nothing(repo):
    top = repo.data.parent
    main_moves_on(top)
    conflict(top, "merge", "side")
    assert "a git merge is in progress" in repo.refused("--lang", "en", "note", "5", "已选型", "--commit")
    assert (top / git(top, "rev-parse", "--git-path", "MERGE_HEAD")).exists()
    assert "data/tasks.yaml" not in git(top, "diff", "--cached", "--name-only")


def test_commit_is_refused_during_a_rebase(repo):
    top = repo.data.parent
    main_moves_on(top)
    git(top, "checkout", "-qb", "side", "HEAD~1")
    (top / "会议纪要.txt").write_text("分支稿\n", encoding="utf-8")
    git(top, "commit", "-qam", "分支修改")
    subprocess.run(["git", "rebase", "main"], cwd=top, capture_output=True)
    assert "a git rebase is in progress" in repo.refused("--lang", "en", "note", "5", "已选型", "--commit")


# --- 7: concurrent --commit -------------------------------------------------------------------

def test_six_concurrent_commits_each_hold_their_own_note_and_leave_git_clean(repo):
    top = repo.data.parent
    procs = [gk_process(repo.data, "note", str(n), f"并发进展{n}", "--commit") for n in range(1, 7)]
    results = [finish(p) for p in procs]
    assert [code for code, _ in results] == [0] * 6, results
    assert git(top, "status", "--porcelain") == ""  # index and file are what was committed
    subjects = git(top, "log", "-6", "--format=%s").splitlines()
    assert sorted(s.split()[1] for s in subjects) == [f"#{n}" for n in range(1, 7)]
    assert all(s.startswith("gk: #") and s.endswith(" note (2021-06-20)") for s in subjects)
    for k in range(6):
        subject = git(top, "log", "-1", "--format=%s", f"HEAD~{k}")
        n = subject.split("#")[1].split()[0]
        added = [line for line in git(top, "show", "--format=", f"HEAD~{k}").splitlines()
                 if line.startswith("+ ")]
        assert [a for a in added if "并发进展" in a] == [f"+      - 2021-06-20 并发进展{n}"], (subject, added)
    gk = Gk(repo.data)
    for n in range(1, 7):
        assert gk.json("show", str(n))["progress"][-1] == f"2021-06-20 并发进展{n}"


# --- 9: a commit git refuses ----------------------------------------------------------------

def refused_by_her_hook(repo: Gk, *args: str) -> Path:
    """gk ARGS while her pre-commit hook refuses every commit: gk refuses too, with the hook's
    words and the file put back, and git is left clean. Gives the hook, to remove."""
    top = repo.data.parent
    hook = pre_commit_hook(top, "echo 'refused: needs the director' >&2\nexit 1")
    said = repo.refused("--lang", "en", *args)
    assert "refused: needs the director" in said
    assert "put data/tasks.yaml back as it was" in said
    assert git(top, "status", "--porcelain") == ""
    return hook


def test_a_refusing_pre_commit_hook_puts_the_file_back_and_does_not_wedge_later_commits(repo):
    top = repo.data.parent
    refused_by_her_hook(repo, "note", "5", "已选型", "--commit").unlink()
    assert repo("note", "5", "已选型", "--commit").exit_code == 0
    assert git(top, "log", "-1", "--format=%s") == "gk: 记录进展 #5 建设政府信息在新媒体的发布机制，建设更加权威的信息发布平台（2021-06-20）"


def test_undo_refused_by_a_hook_puts_the_file_back(repo):
    assert repo("note", "5", "已选型", "--commit").exit_code == 0
    refused_by_her_hook(repo, "undo").unlink()
    assert repo("undo").exit_code == 0


def test_the_users_hooks_still_run(repo):
    top = repo.data.parent
    pre_commit_hook(top, 'touch "$(git rev-parse --show-toplevel)/hook-ran"')
    assert repo("note", "5", "已选型", "--commit").exit_code == 0
    assert (top / "hook-ran").exists()


# --- 10: undo commits only what is exactly a gk change; else it changes the file alone ---------

def amended_then_undone(repo: Gk) -> tuple[str, str]:
    """Amend gk's last commit with all the work tree's changes, then gk undo (in English), which
    must succeed: HEAD after the amend, and what undo said."""
    top = repo.data.parent
    git(top, "commit", "-qa", "--amend", "--no-edit")
    head = git(top, "rev-parse", "HEAD")
    result = repo("--lang", "en", "undo")
    assert result.exit_code == 0, result.output
    return head, result.output


def test_undo_of_an_amended_gk_commit_that_holds_other_files_changes_tasks_yaml_alone(repo):
    top = repo.data.parent
    before = committed(repo, "done", "5")
    (top / "会议纪要.txt").write_text("秘书补充的纪要\n", encoding="utf-8")
    head, said = amended_then_undone(repo)
    assert "the commit that held this change is no longer in the branch's history (reset or " \
        "amended), but the change was still in the file; the undo changed the file only and " \
        "committed nothing" in said
    assert git(top, "rev-parse", "HEAD") == head
    assert (top / "会议纪要.txt").read_text("utf-8") == "秘书补充的纪要\n"
    assert repo.tasks.read_bytes() == before


def test_undo_of_a_gk_commit_amended_with_a_hand_edit_keeps_the_hand_edit(repo):
    top = repo.data.parent
    assert repo("done", "5", "--commit").exit_code == 0
    replace_in(repo.tasks, "# 设置", "# 设置（手工）")
    head, said = amended_then_undone(repo)
    assert "keeping the edits made by hand since" in said
    assert "# 设置（手工）" in repo.tasks.read_text("utf-8")
    assert Gk(repo.data).json("show", "5")["status"] == "todo"
    assert git(top, "rev-parse", "HEAD") == head


def test_undo_restores_the_bytes_and_leaves_git_clean(repo):
    top = repo.data.parent
    before = committed(repo, "note", "5", "已选型")
    result = repo("undo")
    assert result.exit_code == 0, result.output
    assert repo.tasks.read_bytes() == before
    assert git(top, "status", "--porcelain") == ""
    assert git(top, "log", "-1", "--format=%s") == 'Revert "gk: 记录进展 #5 建设政府信息在新媒体的发布机制，建设更加权威的信息发布平台（2021-06-20）"'


# --- 11: concurrent adds ----------------------------------------------------------------------

def test_six_concurrent_adds_land_six_items(data_dir):
    procs = [gk_process(data_dir, "add", "--group", "1", "--title", f"并发新增{n}", "--lead", "综合股",
                        "--deadline", "长期") for n in range(6)]
    results = [finish(p) for p in procs]
    assert [code for code, _ in results] == [0] * 6, results
    gk = Gk(data_dir)
    added = {r["id"]: r["title"] for r in gk.json("list") if r["title"].startswith("并发新增")}
    assert sorted(added) == [17, 18, 19, 20, 21, 22]
    assert sorted(added.values()) == [f"并发新增{n}" for n in range(6)]
    assert gk("check").exit_code == 0


# --- 6: a hand edit renamed in during gk's write -------------------------------------------------

def test_hand_edits_renamed_in_during_gk_writes_are_never_overwritten(data_dir, tmp_path):
    stop = tmp_path / "stop"
    editor = subprocess.Popen([sys.executable, str(ROOT / "tests" / "sed_editor.py"),
                               str(data_dir / "tasks.yaml"), str(stop)], stdout=subprocess.PIPE, text=True)
    try:
        for round_ in range(6):
            procs = [gk_process(data_dir, "note", str(n), f"第{round_}轮") for n in (1, 2, 3)]
            for p in procs:
                finish(p)
    finally:
        stop.touch()
    edits = int(editor.communicate(timeout=60)[0])
    text = (data_dir / "tasks.yaml").read_text("utf-8")
    assert edits > 50
    lost = [i for i in range(edits) if f"# 手工 {i}\n" not in text]
    assert lost == []


# --- 2: a file still being written ----------------------------------------------------------------

WRITER = """
import os, sys, time
path, source, ready, cut = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
data = open(source, "rb").read()
with open(path, "r+b") as f:  # in place, as cp, an SMB copy or a sync client does
    f.truncate(0)
    f.write(data[:cut])
    f.flush()
    open(ready, "w").close()
    time.sleep(1.5)
    f.write(data[cut:])
"""


def test_a_file_half_written_by_another_program_is_not_taken_as_whole(data_dir, tmp_path):
    path = data_dir / "tasks.yaml"
    full = path.read_bytes()
    cut = full.index("  # 五、".encode())  # items 1-8 only: a prefix that is valid YAML
    backup = tmp_path / "backup.yaml"
    backup.write_bytes(full)
    ready = tmp_path / "ready"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(backup), str(ready), str(cut)])
    while not ready.exists():
        time.sleep(0.01)
    result = Gk(data_dir)("--lang", "en", "note", "1", "进展")
    writer.wait(timeout=30)
    assert result.exit_code == 1
    assert "being written by another program" in result.output
    assert path.read_bytes() == full  # items 9-16 are all there


def test_a_write_that_would_drop_items_it_was_not_asked_to_is_refused(gk):
    from gkcli import changes, store

    table = store.load_table(gk.data)
    change = changes.note(table, (1,), "进展", table.notice.issued)
    edit = change.edit
    change.edit = lambda doc: (edit(doc), doc.remove_item(16))
    before = gk.tasks.read_bytes()
    from gkcli.errors import WriteRefused
    from gkcli.i18n import Words

    with pytest.raises(WriteRefused, match="would change what gk was not asked to change"):
        changes.save(gk.data, change, Words("zh"))
    assert gk.tasks.read_bytes() == before


# --- 3: anchors, tags and aliases --------------------------------------------------------------

def _alias_assist(text: str) -> str:
    block = "    assist:\n      - 局各股室（中队、站）\n"
    text = text.replace(block, "    assist: &all\n      - 局各股室（中队、站）\n", 1)
    return text.replace(block, "    assist: *all\n", 1)


SHAPES = {
    "anchored progress": (lambda t: t.replace("    status: todo\n\n  # 五", "    status: todo\n"
                                              "    progress: &p8\n      - 2021-06-01 初稿\n\n  # 五"),
                          ["note", "8", "x"]),
    "tagged progress": (lambda t: t.replace("    status: todo\n\n  # 五", "    status: todo\n"
                                            "    progress: !!seq\n      - 2021-06-01 初稿\n\n  # 五"),
                        ["note", "8", "x"]),
    "aliased assist": (_alias_assist, ["set", "2", "--assist", "安监股", "--assist", "工程股"]),
    "aliased assist, the anchor's item": (_alias_assist, ["set", "1", "--assist", "安监股"]),
    "tagged status": (lambda t: t.replace("    status: todo\n\n  # 五", "    status: !!str todo\n\n  # 五"),
                      ["done", "8"]),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_anchors_tags_and_aliases_are_refused_not_rewritten(gk, shape):
    make, args = SHAPES[shape]
    gk.tasks.write_text(make(gk.tasks.read_text("utf-8")), encoding="utf-8")
    assert gk("check").exit_code == 0
    assert "edit it by hand" in gk.refused("--lang", "en", *args)


def test_anchors_elsewhere_do_not_stop_other_edits(gk):
    make, _ = SHAPES["aliased assist"]
    gk.tasks.write_text(make(gk.tasks.read_text("utf-8")), encoding="utf-8")
    assert gk("note", "8", "进展").exit_code == 0
    assert gk.json("show", "8")["progress"] == ["2021-06-20 进展"]


# --- 4: CR-only and mixed line endings ------------------------------------------------------------

def test_an_item_ending_in_a_bare_cr_gets_its_own_note(gk):
    replace_in(gk.tasks, "    status: todo\n\n  # 五、规范依申请公开办理工作\n  - id: 9",
               "    status: todo\r  - id: 9")
    assert gk("note", "8", "进展").exit_code == 0
    assert gk.json("show", "8")["progress"] == ["2021-06-20 进展"]
    assert gk.json("show", "9")["progress"] == []
    assert gk("check").exit_code == 0


@pytest.mark.parametrize("ending", ["\r", "mixed"])
def test_cr_only_and_mixed_files_are_edited_in_place(gk, ending):
    text = gk.tasks.read_text("utf-8")
    if ending == "mixed":
        lines = text.split("\n")
        text = "".join(line + ("\r\n" if n % 2 else "\n") for n, line in enumerate(lines[:-1]))
    else:
        text = text.replace("\n", "\r")
    gk.tasks.write_bytes(text.encode("utf-8"))
    for task_id in ("8", "16"):
        assert gk("note", task_id, "进展").exit_code == 0
        assert gk.json("show", task_id)["progress"][-1] == "2021-06-20 进展"
    assert gk("rm", "9", "--yes").exit_code == 0
    assert [r["id"] for r in gk.json("list")] == [i for i in range(1, 17) if i != 9]
    raw = gk.tasks.read_bytes()
    if ending == "\r":
        assert b"\n" not in raw
    assert gk("check").exit_code == 0


# --- 5: symlinks and read-only files ------------------------------------------------------------

def test_a_symlinked_tasks_yaml_is_written_through_to_its_target(gk, tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    real = store / "tasks.yaml"
    shutil.move(gk.tasks, real)
    real.chmod(0o640)
    gk.tasks.symlink_to(os.path.relpath(real, gk.data))
    assert gk("note", "5", "进展").exit_code == 0
    assert gk.tasks.is_symlink()
    assert "2021-06-20 进展" in real.read_text("utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in store.iterdir()) == ["tasks.yaml"]
    assert sorted(p.name for p in gk.data.iterdir()) == ["leading_group.yaml", "tasks.yaml"]


def test_a_read_only_tasks_yaml_is_refused_not_replaced(gk):
    gk.tasks.chmod(0o444)
    assert "read-only" in gk.refused("--lang", "en", "note", "5", "进展")
    assert stat.S_IMODE(gk.tasks.stat().st_mode) == 0o444


# --- 12: smaller losses -----------------------------------------------------------------------

def test_removing_the_only_item_keeps_the_comments_around_tasks(tmp_path):
    gk = table_of(tmp_path / "data",
                  "offices: [{name: 办公室}]\ngroups: [{id: 1, title: 甲}]\n# 具体事项\ntasks:\n"
                  "  # 以下每项一段\n  - id: 1\n    group: 1\n    title: 第一项\n    lead: 办公室\n"
                  "    deadline: 长期\n    status: todo\n# 文件结束\n")
    assert gk("rm", "1", "--yes").exit_code == 0
    assert gk.tasks.read_text("utf-8") == (
        "offices: [{name: 办公室}]\ngroups: [{id: 1, title: 甲}]\n# 具体事项\ntasks: []\n"
        "  # 以下每项一段\n# 文件结束\n")
    assert gk("check").exit_code == 0


def test_temporary_files_left_by_a_killed_gk_are_ignored_and_cleaned(gk):
    stale = gk.data / ".tasks.yaml.k9x2ab.tmp"
    stale.write_text("tasks: [半截", encoding="utf-8")
    assert gk("check").exit_code == 0
    assert gk("note", "5", "进展").exit_code == 0
    assert not stale.exists()


@pytest.mark.parametrize("args", [
    ["set", "5", "--title", "第一行\n第二行"],
    ["set", "5", "--notes", "第一行\r\n第二行"],
    ["note", "5", "第一行\n第二行"],
    ["add", "--group", "1", "--title", "甲\n乙", "--lead", "综合股", "--deadline", "长期"],
])
def test_line_breaks_are_refused_never_joined_silently(gk, args):
    assert "line break" in gk.refused("--lang", "en", *args)


# --- security and robustness -------------------------------------------------------------------

def test_an_alias_bomb_is_refused_quickly_with_one_line(gk):
    levels = ["&a [" + ", ".join(["哈"] * 9) + "]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        levels.append(f"&{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    replace_in(gk.tasks, "    status: todo\n\n  # 五", f"    status: [{', '.join(levels)}]\n\n  # 五")
    assert len(gk.tasks.read_bytes()) < 20000
    proc = subprocess.run([sys.executable, "-m", "gkcli", "--data", str(gk.data), "--lang", "en", "list"],
                          cwd=ROOT, capture_output=True, text=True, timeout=20)
    assert proc.returncode == 1
    assert "aliases (*) expand to more than 10000 nodes" in proc.stderr
    assert len(proc.stderr.splitlines()) == 1
    assert len(proc.stderr) < 300


def test_nesting_hundreds_deep_is_one_line_not_a_recursion_error(gk):
    replace_in(gk.tasks, "    status: todo\n\n  # 五", "    status: todo\n    notes: " + "[" * 300 + "]" * 300
               + "\n\n  # 五")
    assert "nested more than 64 levels deep" in gk.fails("--lang", "en", "list")


@pytest.mark.parametrize("notes", ["[" * 5000 + "]" * 5000, "{a: " * 300 + "1" + "}" * 300])
def test_nesting_past_the_c_loaders_own_limit_is_one_line(gk, notes):
    replace_in(gk.tasks, "    status: todo\n\n  # 五", f"    status: todo\n    notes: {notes}\n\n  # 五")
    result = gk("--lang", "en", "list")
    assert result.exit_code == 1
    assert "levels deep" in result.output or "maximum nesting depth" in result.output
    assert result.output.count("\n") == 1


def test_block_nesting_deeper_than_64_is_one_line(gk):
    deep = "".join("  " * i + "- \n" for i in range(70)) + "  " * 70 + "- x\n"
    (gk.data / "leading_group.yaml").write_text(deep, encoding="utf-8")
    result = gk("--lang", "en", "check")
    assert result.exit_code == 1
    assert "leading_group.yaml" in result.output and "nested more than 64 levels deep" in result.output


def _tree(node):
    """A node tree as plain data: kind, tag, value and where it starts."""
    if node is None:
        return None
    value = node.value if isinstance(node.value, str) else [
        (_tree(k), _tree(v)) if isinstance(node.value[0], tuple) else _tree(k)
        for k, v in (pair if isinstance(pair, tuple) else (pair, None) for pair in node.value)]
    return type(node).__name__, node.tag, value, node.start_mark.index


YAMLISH = st.lists(st.sampled_from(["a", "1", "1.5", "0x1f", "~", "null", "true", "yes", "2021-06-30",
                                    "标题", ": ", ":", " ", "- ", "\n", "  ", "[", "]", "{", "}", ", ",
                                    "'", '"', "#", "? ", "|", ">", "&a ", "*a", "!!str ", "\t"]),
                   max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(YAMLISH, st.builds(lambda n, m: "[" * n + "x" + "]" * m, st.integers(0, 90),
                                    st.integers(0, 90)),
                 st.builds(lambda n: "".join("  " * i + "- \n" for i in range(n)) + "  " * n + "x\n",
                           st.integers(0, 80))))
def test_the_short_way_composes_exactly_as_the_full_way(text):
    """Text without anchors, aliases or tags is composed first and its nesting bounded by the
    text or on the tree: the same tree, the same marks (none) and the same problems as
    scanning first; the
    tags worked out once per file are PyYAML's own."""
    import yaml
    from yaml.constructor import SafeConstructor

    from gkcli.yamlnodes import Loader, NodeReader, compose_marked, scanned

    quick, quick_problems = compose_marked(text, "t.yaml")
    full, full_problems = scanned(text, "t.yaml", always=True)
    assert quick_problems == full_problems
    assert (quick is None) == (full is None)
    if quick is not None and full is not None:
        assert quick.marked == full.marked
        assert _tree(quick.root) == _tree(full.root) == _tree(yaml.compose(text, Loader=Loader))
        if isinstance(quick.root, yaml.ScalarNode):  # its value, as PyYAML's constructor makes it
            assert NodeReader("t.yaml").value(quick.root) == SafeConstructor().construct_object(
                quick.root, deep=True)


def test_a_date_without_a_day_is_refused(gk):
    result = gk("--today", "June 2021", "status")
    assert result.exit_code == 2
    assert "June 2021 不是完整日期" in result.output
    from gkcli.deadlines import DeadlineError, read_date

    with pytest.raises(DeadlineError, match="not a whole date"):
        read_date("June 2021")
    assert gk("--today", "30 June 2021", "--lang", "en", "show", "8").exit_code == 0


def test_a_file_over_the_size_limit_is_refused_with_one_line(gk):
    with gk.tasks.open("a", encoding="utf-8") as handle:
        handle.write(("# " + "填充" * 500 + "\n") * 1400)
    assert gk.tasks.stat().st_size > 2 * 1024 * 1024
    for args in (["list"], ["note", "5", "进展"]):
        assert "over gk's limit of 2 MB" in gk.refused("--lang", "en", *args)


ESCAPES = "\\e]0;pwned\\a\\e[2J"


@pytest.mark.parametrize("args", [["show", "1"], ["list"], ["status"], ["overdue"], ["remind"],
                                  ["timeline"], ["list", "--office", "综合股"], ["summary"]])
@pytest.mark.parametrize("columns", ["200", "60"])
def test_terminal_escapes_in_a_title_are_shown_not_obeyed(gk, args, columns):
    replace_in(gk.tasks, "title: 梳理规范权责清单，动态调整更新", f'title: "梳理{ESCAPES}权责清单"')
    replace_in(gk.tasks, "  table: 泉港区交通运输局政务公开标准化规范化工作任务分工表",
               f'  table: "泉港区交通运输局{ESCAPES}工作任务分工表"')
    result = gk(*args, env={**NO_COLOR, "COLUMNS": columns})
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    assert "\x07" not in result.output
    assert "\\x1b" in result.output


def test_csv_guard_looks_past_spaces_and_at_full_width_signs(gk, tmp_path):
    titles = {1: "=1+2", 2: "＝SUM(A1)", 3: "@cmd", 4: "＋1", 5: "－2", 6: "＠x"}
    text = gk.tasks.read_text("utf-8")
    for task_id, title in titles.items():
        head = f"  - id: {task_id}\n    group: "
        at = text.index(head)
        start = text.index("    title: ", at)
        end = text.index("\n", start)
        text = text[:start] + f'    title: "{title}"' + text[end:]
    gk.tasks.write_text(text, encoding="utf-8")
    target = tmp_path / "out.csv"
    assert gk("export", str(target)).exit_code == 0
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"))))
    cells = {int(row[0]): row[2] for row in rows[1:]}
    for task_id, title in titles.items():
        assert cells[task_id] == "'" + title


@pytest.mark.parametrize("text", [" =1+2", "  @SUM(A1)", "\u3000＝1", " -2+3", " ＋x"])
def test_csv_guard_looks_at_the_first_character_after_spaces(text):
    from gkcli.tabular import safe_cell

    assert safe_cell(text) == "'" + text


# --- export: FIFOs and symlinks ------------------------------------------------------------------

def test_export_force_writes_into_a_fifo_and_leaves_it_a_fifo(gk, tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = gk("--lang", "zh", "export", str(fifo), "--force")
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got
    assert got[0].startswith("\ufeff序号".encode())


def test_export_force_through_a_symlink_keeps_the_link(gk, tmp_path):
    real = tmp_path / "shared" / "逾期.csv"
    real.parent.mkdir()
    real.write_text("旧的\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert gk("export", str(link)).exit_code == 1  # exists: needs --force
    assert gk("--lang", "zh", "export", str(link), "--force").exit_code == 0
    assert link.is_symlink()
    assert real.read_text("utf-8-sig").startswith("序号")
