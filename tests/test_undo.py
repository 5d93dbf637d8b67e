"""gk undo over its journal (issue 8, item 7): gk's own writes taken back, committed or not,
with or without git, hand edits kept, refused with one line when they overlap."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from helpers import SHIPPED, Gk, committed, copy_of, git, grow, replace_in, shipped_repo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkcli import journal
from gkcli.store import display_path


@pytest.fixture
def repo(tmp_path: Path) -> Gk:
    return shipped_repo(tmp_path)


def journal_file(gk: Gk) -> Path:
    return journal.location(gk.data)


def shown(gk: Gk) -> str:
    """tasks.yaml as gk names it in its messages."""
    return display_path(gk.tasks)


def committed_note(repo: Gk) -> tuple[bytes, str]:
    """``gk note 5 已选型 --commit`` in REPO: tasks.yaml's bytes before it, the commit's short hash."""
    original = committed(repo, "note", "5", "已选型")
    return original, git(repo.data.parent, "rev-parse", "--short", "HEAD")


def undone(gk: Gk, original: bytes, said: str) -> None:
    """gk undo succeeds, its message starts with ``said``, and tasks.yaml is ``original`` again."""
    result = gk("undo")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(said)
    assert gk.tasks.read_bytes() == original


# --- without git ---------------------------------------------------------------------------------

def test_undo_takes_back_an_uncommitted_done_without_git(gk, private_state):
    original = gk.tasks.read_bytes()
    files = sorted(os.listdir(gk.data))
    assert gk("done", "13").exit_code == 0
    result = gk("undo")
    assert result.exit_code == 0, result.output
    assert result.output == f"已撤销 “完成 #13 建立健全政务舆情回应制度规范（2021-06-20）”：{shown(gk)} 已改回\n"
    assert gk.tasks.read_bytes() == original
    assert sorted(os.listdir(gk.data)) == files  # nothing left beside the data
    assert journal_file(gk).parent == private_state / "undo"


def test_undo_says_it_in_english(gk):
    gk("done", "13")
    result = gk("--lang", "en", "undo")
    assert result.exit_code == 0
    assert result.output.startswith('Undid "#13 建立健全政务舆情回应制度规范 done (2021-06-20)": ')
    assert result.output.endswith("tasks.yaml changed back\n")


def test_three_writes_are_undone_in_order_back_to_the_original_bytes(gk):
    snapshots = [gk.tasks.read_bytes()]
    for args in (("done", "13"), ("note", "5", "已选型"), ("set", "8", "--notes", "待局长审定")):
        assert gk(*args).exit_code == 0
        snapshots.append(gk.tasks.read_bytes())
    for expected in reversed(snapshots[:-1]):
        result = gk("undo")
        assert result.exit_code == 0, result.output
        assert gk.tasks.read_bytes() == expected
    assert gk("undo").exit_code == 1  # back at the start: undo goes back, never forth


@pytest.mark.parametrize("ending, bom", [("\r\n", False), ("\n", True)])
def test_undo_is_byte_exact_for_crlf_and_a_bom(gk, ending, bom):
    text = gk.tasks.read_text(encoding="utf-8").replace("\n", ending)
    gk.tasks.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    original = gk.tasks.read_bytes()
    assert gk("note", "5", "已选型").exit_code == 0
    assert gk("undo").exit_code == 0
    assert gk.tasks.read_bytes() == original


def test_an_empty_journal_is_one_line_in_either_language(gk):
    assert gk.refused("undo") == f"gk: 没有可撤销的：{shown(gk)} 的撤销记录里没有尚未撤销的 gk 修改（见 gk undo --list）\n"
    assert gk.refused("--lang", "en", "undo").startswith("gk: nothing to undo: the undo journal of ")


# --- hand edits ----------------------------------------------------------------------------------

def test_a_hand_edit_elsewhere_in_the_file_survives_undo(gk):
    original = gk.tasks.read_text(encoding="utf-8")
    gk("done", "13")
    replace_in(gk.tasks, "# 设置", "# 设置（秘书手工改的）")
    replace_in(gk.tasks, "title: 建立健全政务舆情回应制度规范", "title: 建立健全政务舆情回应制度规范（修订）")
    result = gk("undo")
    assert result.exit_code == 0, result.output
    assert "此后的手工修改都保留" in result.output
    expected = original.replace("# 设置", "# 设置（秘书手工改的）", 1).replace(
        "title: 建立健全政务舆情回应制度规范", "title: 建立健全政务舆情回应制度规范（修订）", 1)
    assert gk.tasks.read_text(encoding="utf-8") == expected


def test_on_a_long_table_hand_edits_at_both_ends_survive_undo(gk):
    grow(gk.data, 600)  # lines that recur by the thousand: lead, assist, status
    gk("done", "300")
    replace_in(gk.tasks, "title: 第20项事项", "title: 第20项事项（改）")
    replace_in(gk.tasks, "title: 第590项事项", "title: 第590项事项（改）")
    edited = gk.tasks.read_text(encoding="utf-8")
    assert gk("undo").exit_code == 0
    expected = edited.replace("    status: done\n    done_on: 2021-06-20\n", "    status: todo\n")
    assert gk.tasks.read_text(encoding="utf-8") == expected


def test_a_hand_note_added_after_gks_note_survives_undo(gk):
    gk("note", "5", "已选型")
    replace_in(gk.tasks, "      - 2021-06-20 已选型\n", "      - 2021-06-20 已选型\n      - 2021-06-20 已试运行\n")
    assert gk("undo").exit_code == 0
    assert gk.json("show", "5")["progress"] == ["2021-06-20 已试运行"]


def test_undo_of_rm_of_the_last_item_puts_it_back_after_a_hand_edit_to_the_line_above(gk):
    original = gk.tasks.read_text(encoding="utf-8")
    gk("rm", "16", "--yes")
    text = gk.tasks.read_text(encoding="utf-8")
    assert text.endswith("    status: todo\n")
    gk.tasks.write_text(text[: -len("todo\n")] + "doing\n", encoding="utf-8")
    assert gk("undo").exit_code == 0
    at = original.index("  - id: 16")
    expected = original[:at].rstrip("\n")
    expected = expected[: -len("todo")] + "doing\n\n" + original[at:]
    assert gk.tasks.read_text(encoding="utf-8") == expected


def test_an_overlapping_hand_edit_is_refused_with_one_line_and_nothing_written(gk):
    gk("done", "13")
    replace_in(gk.tasks, "done_on: 2021-06-20", "done_on: 2021-06-19")
    line = gk.tasks.read_text(encoding="utf-8").splitlines().index("    done_on: 2021-06-19") + 1
    assert gk.refused("undo") == (f"gk: 撤销不了 “完成 #13 建立健全政务舆情回应制度规范（2021-06-20）”：{shown(gk)} 第 {line} 行"
                             "（第 13 项）此后被手工改过，正是 gk 这次改动的地方；未写入任何内容"
                             "（要跳过这次修改、撤销更早的，运行 gk undo --skip）\n")
    english = gk.refused("--lang", "en", "undo")
    assert f"line {line} of " in english
    assert "(item 13) was edited by hand since, where gk made this change; nothing written" \
        " (to skip this one and undo earlier ones: gk undo --skip)\n" in english
    assert gk("undo", "--list").output.splitlines()[1].startswith("→")  # still next in line


def test_an_overlap_is_refused_in_one_line_beside_a_list_entry_that_is_not_an_item(gk):
    """Naming the place of the overlap reads the file's nodes: a `- oops` under tasks: is
    passed over, not a traceback."""
    gk("done", "13")
    replace_in(gk.tasks, "done_on: 2021-06-20", "done_on: 2021-06-19")
    replace_in(gk.tasks, "\ntasks:\n", "\ntasks:\n  - oops\n")
    said = gk.refused("undo")
    assert said.startswith("gk: 撤销不了 “完成 #13 ")
    assert said.count("\n") == 1


def test_a_hand_edit_that_already_took_the_change_back_marks_it_undone(gk):
    original = gk.tasks.read_bytes()
    gk("start", "13")
    replace_in(gk.tasks, "status: doing", "status: todo")
    result = gk("undo")
    assert result.exit_code == 0, result.output
    assert "已不在" in result.output
    assert gk.tasks.read_bytes() == original
    assert gk("undo").exit_code == 1


def test_an_undo_that_would_not_pass_check_is_refused(gk):
    gk("rm", "16", "--yes")
    item = ("  - id: 16\n    group: 1\n    title: 手工补的事项\n    lead: 综合股\n"
            "    deadline: 2021年12月底\n    status: todo\n\n")
    replace_in(gk.tasks, "  - id: 2\n", item + "  - id: 2\n")
    said = gk.refused("--lang", "en", "undo")
    assert "the file would not pass gk check (" in said
    assert said.count("\n") == 1


# --- git -----------------------------------------------------------------------------------------

def test_undo_of_a_committed_write_commits_the_undo(repo):
    top = repo.data.parent
    original = committed(repo, "done", "13")
    gk_commit = git(top, "rev-parse", "--short", "HEAD")
    listed = repo("undo", "--list").output
    assert f"（提交 {gk_commit}）" in listed
    undone(repo, original, "已撤销 “完成 #13 建立健全政务舆情回应制度规范（2021-06-20）”（新提交 ")
    assert git(top, "log", "-1", "--format=%s").startswith('Revert "gk: 完成 #13')
    assert git(top, "status", "--porcelain") == ""


def test_undo_of_an_uncommitted_write_in_git_commits_nothing_and_the_journal_is_not_committed(repo):
    top = repo.data.parent
    head = git(top, "rev-parse", "HEAD")
    repo("done", "13")
    assert journal_file(repo).is_relative_to(top / ".git")
    assert repo("undo").exit_code == 0
    assert git(top, "rev-parse", "HEAD") == head
    assert git(top, "status", "--porcelain", "--ignored") == ""


def test_a_gk_commit_from_before_the_journal_is_still_undone(repo):
    """A gk commit with no journal entry (made by a gk that kept none, or a fresh clone) is
    undone as earlier gk undid it: by a new commit, once; the journal then knows it."""
    top = repo.data.parent
    original = committed(repo, "done", "13")
    journal_file(repo).unlink()  # as a gk without the journal left it
    dry = repo("undo", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "-    done_on: 2021-06-20\n" in dry.output
    assert not journal_file(repo).exists()  # --dry-run writes nothing, the journal neither
    undone(repo, original, "已撤销 “完成 #13 建立健全政务舆情回应制度规范（2021-06-20）”（新提交 ")
    assert git(top, "log", "-1", "--format=%s").startswith('Revert "gk: 完成 #13')
    assert repo.fails("undo").startswith("gk: 没有可撤销的：")


def test_with_a_journal_a_gk_commit_it_does_not_know_is_left_to_git(repo):
    """Once this computer keeps a journal, a gk commit it does not know came from elsewhere
    (a colleague's, pulled): gk undo does not take it back."""
    top = repo.data.parent
    repo("done", "13")
    assert repo("undo").exit_code == 0
    repo.tasks.write_bytes(repo.tasks.read_bytes().replace(
        b"    status: todo\n", b"    status: done\n", 1))
    git(top, "commit", "-qam", "gk: 完成 #1 同事的修改")
    assert repo.fails("undo").startswith("gk: 没有可撤销的：")


def test_dry_run_shows_the_diff_and_writes_nothing(repo):
    repo("done", "13", "--commit")
    before = repo.tasks.read_bytes()
    result = repo("undo", "--dry-run")
    assert result.exit_code == 0
    assert "-    done_on: 2021-06-20\n" in result.output
    assert result.output.endswith("（将提交这次撤销：Revert \"gk: …\"）；未写入任何内容\n")
    assert repo.tasks.read_bytes() == before
    assert repo("undo", "--list").output.splitlines()[1].startswith("→")


# --- the journal ---------------------------------------------------------------------------------

def test_list_marks_the_next_undo_and_the_undone_writes(gk):
    gk("done", "13")
    gk("note", "5", "已选型")
    gk("undo")
    lines = gk("--lang", "en", "undo", "--list").output.splitlines()
    assert lines[0].startswith("gk's undo journal (")
    assert lines[1] == '    3  2021-06-20 00:00  undo of "#5 建设政府信息在新媒体的发布机制，建设更加权威的信息发布平台 note (2021-06-20): 已选型"'
    assert lines[2].endswith("note (2021-06-20): 已选型 (undone)")
    assert lines[3] == "→   1  2021-06-20 00:00  #13 建立健全政务舆情回应制度规范 done (2021-06-20)"


def test_the_journal_records_the_time_from_the_clock(gk):
    gk("done", "13", env={"GK_NOW": "2021-06-20T14:35"})
    assert "  2021-06-20 14:35  完成 #13" in gk("undo", "--list").output


@pytest.mark.parametrize("damage", ["cut", "not_gks", "nested"])
def test_a_damaged_journal_is_refused_in_one_line_and_a_write_starts_a_new_one(gk, damage):
    gk("done", "13")
    path = journal_file(gk)
    raw = path.read_text(encoding="utf-8")
    path.write_text({"cut": raw[: len(raw) // 2], "not_gks": '{"entries": 3}',
                     "nested": "[" * 200_000 + "]" * 200_000}[damage],  # json: RecursionError
                    encoding="utf-8")
    before = gk.tasks.read_bytes()
    reason = "不是 gk 写的格式" if damage == "not_gks" else "不是完整的 JSON，可能写到一半被打断"
    assert gk.refused("undo") == (f"gk: 撤销记录 {path} 已损坏（{reason}）：未撤销任何内容"
                             "（gk 下次写入时会把它改名保留，另起一份）\n")
    assert gk.refused("--lang", "en", "undo").startswith(f"gk: the undo journal {path} is damaged (")
    written = gk("note", "5", "已选型")
    assert written.exit_code == 0
    assert f"gk: 撤销记录 {path} 已损坏：已改名为 {path}.damaged 保留，另起一份新的\n" in written.output
    assert gk("undo").exit_code == 0  # the new journal works
    assert gk.tasks.read_bytes() == before


def test_an_entry_that_fails_its_checksum_is_refused_when_undo_reaches_it(gk):
    gk("done", "13")
    path = journal_file(gk)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["entries"][0]["sha_after"] = "0" * 64
    path.write_text(json.dumps(doc), encoding="utf-8")
    done = gk.tasks.read_bytes()
    gk("note", "5", "已选型")
    assert gk("undo").exit_code == 0  # the newer write, recorded whole, is taken back
    assert gk.tasks.read_bytes() == done
    assert gk.refused("--lang", "en", "undo") == f"gk: the undo journal {path} is damaged (a recorded " \
        "copy fails its checksum): nothing undone (gk's next write keeps it aside and starts a new one)\n"


def test_a_journal_that_cannot_be_written_never_fails_the_write(gk):
    path = journal_file(gk)
    path.mkdir(parents=True)  # a folder where the journal file should be
    result = gk("done", "13")
    assert result.exit_code == 0
    assert "已写入" in result.output
    assert "撤销记录没能保存" in result.output
    assert gk.json("show", "13")["status"] == "done"


def test_the_journal_keeps_the_last_fifty_entries(gk):
    for n in range(journal.MAX_ENTRIES + 5):
        note = journal.record(gk.data, "write", b"a%d" % n, b"b%d" % n, {"zh": "写", "en": "w"}, "")
        assert note is None
    kept = journal.read(gk.data).entries
    assert len(kept) == journal.MAX_ENTRIES
    assert kept[-1].after == b"b%d" % (journal.MAX_ENTRIES + 4)


def test_undo_help_in_chinese_and_english():
    from click.testing import CliRunner

    from gkcli.cli import cli

    zh = CliRunner().invoke(cli, ["undo", "--help"], env={"GK_LANG": None}, prog_name="gk").output
    assert "撤销不了手工修改" in zh
    assert "gk undo --list" in zh.split("示例：")[1]
    en = CliRunner().invoke(cli, ["--lang", "en", "undo", "--help"], env={"GK_LANG": None},
                            prog_name="gk").output
    assert "cannot take back hand" in en.replace("\n", " ").replace("  ", " ")


# --- a round trip ----------------------------------------------------------------------------------

WRITES = st.lists(st.tuples(st.sampled_from(["done", "start", "note", "reopen"]),
                            st.integers(min_value=1, max_value=16)), min_size=1, max_size=5)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(writes=WRITES)
def test_any_writes_then_as_many_undos_give_back_the_original_bytes(tmp_path_factory, writes):
    data = tmp_path_factory.mktemp("roundtrip") / "data"
    gk = copy_of(SHIPPED, data)
    original = data.joinpath("tasks.yaml").read_bytes()
    made = 0
    for command, task_id in writes:
        args = (command, str(task_id), "进展") if command == "note" else (command, str(task_id))
        result = gk(*args)
        made += "已写入" in result.output
    for _ in range(made):
        assert gk("undo").exit_code == 0
    assert data.joinpath("tasks.yaml").read_bytes() == original
    assert gk("undo").exit_code == 1


def test_outside_git_the_journal_folder_is_kept_private(gk, private_state):
    folder = private_state / "undo"
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)  # made by another program, open to others
    assert gk("done", "13").exit_code == 0
    assert folder.stat().st_mode & 0o777 == 0o700
    assert journal_file(gk).stat().st_mode & 0o777 == 0o600
    assert gk("undo").exit_code == 0


def test_undo_of_an_uncommitted_write_is_refused_during_the_users_merge(repo):
    top = repo.data.parent
    notes = top / "会议纪要.txt"
    notes.write_text("初稿\n", encoding="utf-8")
    git(top, "add", notes.name)
    git(top, "commit", "-qm", "纪要")
    git(top, "checkout", "-qb", "side")
    notes.write_text("分支稿\n", encoding="utf-8")
    git(top, "commit", "-qam", "分支修改")
    git(top, "checkout", "-q", "-")
    notes.write_text("主线稿\n", encoding="utf-8")
    git(top, "commit", "-qam", "主线修改")
    repo("done", "13")
    subprocess.run(["git", "merge", "side"], cwd=top, capture_output=True)  # stops on the conflict
    marker = top / git(top, "rev-parse", "--git-path", "MERGE_HEAD")
    assert marker.exists()
    assert "a git merge is in progress" in repo.refused("--lang", "en", "undo")
    assert marker.exists()


# --- the walkthrough's defects (issue 8, item 7) --------------------------------------------------

SKIP_ZH = "（要跳过这次修改、撤销更早的，运行 gk undo --skip）\n"


def test_fifty_writes_are_undone_however_many_undos_the_journal_holds(gk):
    for i in range(journal.MAX_ENTRIES + 3):
        assert gk("note", "8", f"第{i}次进展").exit_code == 0
    for n in range(journal.MAX_ENTRIES):
        result = gk("undo")
        assert result.exit_code == 0, (n, result.output)
    progress = gk.json("show", "8")["progress"]
    assert [p for p in progress if "次进展" in p] == ["2021-06-20 第0次进展", "2021-06-20 第1次进展",
                                                     "2021-06-20 第2次进展"]
    assert gk.refused("undo") == (f"gk: 没有可撤销的：{shown(gk)} 的撤销记录里的 gk 修改都已撤销，"
                                  "更早的已超出记录（只保留最近 50 次）\n")
    listed = gk("undo", "--list").output.splitlines()
    assert listed[-1] == "更早的 3 次修改已超出撤销记录（只保留最近 50 次），不能再撤销"
    english = gk("--lang", "en", "undo", "--list").output.splitlines()
    assert english[-1] == "3 older writes fell out of the journal (it keeps the last 50) and cannot be undone"


def test_a_journal_kept_before_git_init_is_read_and_moved_into_git(gk, private_state):
    top = gk.data.parent
    original = gk.tasks.read_bytes()
    assert gk("note", "5", "已选型").exit_code == 0
    outside = journal_file(gk)
    assert outside.is_relative_to(private_state)
    git(top, "init", "-q", "-b", "main", ".")
    git(top, "add", "data")
    git(top, "commit", "-qm", "init")
    assert "已选型" in gk("undo", "--list").output
    undone(gk, original, "已撤销 “记录进展 #5")
    assert not outside.exists()  # moved beside git's files by the undo's own entry
    assert journal_file(gk).is_relative_to(top / ".git")
    assert "（已撤销）" in gk("undo", "--list").output


@pytest.mark.parametrize("resave", ["crlf", "bom", "notepad", "lf", "no-bom"])
def test_undo_after_she_resaves_the_file_with_other_line_breaks_or_a_bom(gk, resave):
    if resave == "lf":  # a CRLF file, re-saved with LF
        gk.tasks.write_bytes(gk.tasks.read_bytes().replace(b"\n", b"\r\n"))
    if resave == "no-bom":  # a file with a BOM, re-saved without
        gk.tasks.write_bytes(b"\xef\xbb\xbf" + gk.tasks.read_bytes())
    original = gk.tasks.read_bytes()
    assert gk("note", "5", "已选型").exit_code == 0
    raw = gk.tasks.read_bytes()
    convert = {"crlf": lambda b: b.replace(b"\n", b"\r\n"), "bom": lambda b: b"\xef\xbb\xbf" + b,
               "notepad": lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n"),
               "lf": lambda b: b.replace(b"\r\n", b"\n"),
               "no-bom": lambda b: b.removeprefix(b"\xef\xbb\xbf")}[resave]
    gk.tasks.write_bytes(convert(raw))
    assert gk("check").exit_code == 0
    result = gk("undo")
    assert result.exit_code == 0, result.output
    assert gk.tasks.read_bytes() == convert(original)  # gk's change gone, her way of saving kept


def test_a_refusal_in_meetings_names_the_section_not_an_item(gk):
    assert gk("meeting", "第一次专题会议").exit_code == 0
    replace_in(gk.tasks, "title: 第一次专题会议", "title: 第一次专题会议（改）")
    line = gk.tasks.read_text(encoding="utf-8").splitlines().index("    title: 第一次专题会议（改）") + 1
    assert gk.refused("undo") == (f"gk: 撤销不了 “记录会议（2021-06-20）”：{shown(gk)} 第 {line} 行"
                                  "（meetings 部分）此后被手工改过，正是 gk 这次改动的地方；未写入任何内容" + SKIP_ZH)
    assert f"line {line} of {shown(gk)} (in meetings) was edited" in gk.refused("--lang", "en", "undo")


def swap_items_3_and_4(text: str) -> str:
    start = text.index("\ntasks:")
    three, four, five = (text.index(f"\n  - id: {n}\n", start) for n in (3, 4, 5))
    return text[:three] + text[four:five] + text[three:four] + text[five:]


def test_a_refusal_after_items_were_swapped_names_the_item_gk_changed(gk):
    assert gk("note", "4", "已选型").exit_code == 0
    swapped = swap_items_3_and_4(gk.tasks.read_text(encoding="utf-8"))
    gk.tasks.write_text(swapped.replace("2020年10月30日前", "2020年11月30日前"), encoding="utf-8")
    assert gk("check").exit_code == 0
    assert gk.refused("undo") == (
        "gk: 撤销不了 “记录进展 #4 建立区、镇两级政务公开事项目录体系并统一公开（2021-06-20）：已选型”："
        f"{shown(gk)} 中 gk 这次在第 4 项改动的那几行此后被手工删去或移走了；未写入任何内容" + SKIP_ZH)
    assert "the lines of item 4 in " in gk.refused("--lang", "en", "undo")


def test_a_refusal_names_the_item_the_edited_line_is_in_after_items_were_swapped(gk):
    assert gk("note", "4", "已选型").exit_code == 0
    swapped = swap_items_3_and_4(gk.tasks.read_text(encoding="utf-8"))
    gk.tasks.write_text(swapped.replace("      - 2021-06-20 已选型\n", "      - 2021-06-20 已选型了\n"),
                        encoding="utf-8")
    said = gk.refused("undo")
    assert "（第 4 项）" in said or "第 4 项改动的那几行" in said
    assert "第 3 项" not in said and "第 5 项" not in said


def test_a_meeting_added_by_hand_under_gks_stays_under_meetings(gk):
    original = gk.tasks.read_text(encoding="utf-8")
    assert gk("meeting", "第一次专题会议").exit_code == 0
    with gk.tasks.open("a", encoding="utf-8") as f:
        f.write("  - on: 2021-06-20\n    title: 碰头会\n")
    assert gk("check").exit_code == 0
    result = gk("undo")
    assert result.exit_code == 0, result.output
    assert gk.tasks.read_text(encoding="utf-8") == original + (
        "\n# 会议（gk meeting 记录）\nmeetings:\n  - on: 2021-06-20\n    title: 碰头会\n")
    assert gk("check").exit_code == 0


def test_hand_lines_beside_gks_that_cannot_be_kept_apart_are_named(gk):
    assert gk("meeting", "第一次专题会议").exit_code == 0
    with gk.tasks.open("a", encoding="utf-8") as f:  # an anchor: the merge by item stands back
        f.write("  - &hui\n    on: 2021-06-20\n    title: 碰头会\n")
    assert gk("check").exit_code == 0
    lines = len(gk.tasks.read_text(encoding="utf-8").splitlines())
    assert gk.refused("undo") == (f"gk: 撤销不了 “记录会议（2021-06-20）”：{shown(gk)} 第 {lines - 2}–{lines} 行"
                                  "（meetings 部分）是此后手工加在 gk 这次写入的内容旁边的，撤销会让它们归到别的部分下；"
                                  "未写入任何内容" + SKIP_ZH)
    assert "were added by hand since, right beside what gk wrote" in gk.refused("--lang", "en", "undo")


def test_undo_of_a_commit_reset_away_says_there_is_nothing_to_do(repo):
    top = repo.data.parent
    original, gone = committed_note(repo)
    git(top, "reset", "-q", "--hard", "HEAD~1")
    head = git(top, "rev-parse", "HEAD")
    dry = repo("undo", "--dry-run")
    assert dry.exit_code == 0
    assert "gk undo 会把它记为已撤销，无需提交；未写入任何内容" in dry.output
    result = repo("undo")
    assert result.exit_code == 0, result.output
    assert result.output == ("“记录进展 #5 建设政府信息在新媒体的发布机制，建设更加权威的信息发布平台（2021-06-20）：已选型” "
                             f"的修改已不在 {shown(repo)} 中，它的提交也已不在当前分支的历史里（git reset 或 --amend 过）："
                             "无需撤销，也没有要提交的；记为已撤销\n")
    assert gone not in result.output
    assert repo.tasks.read_bytes() == original
    assert git(top, "rev-parse", "HEAD") == head


def test_undo_of_an_amended_commit_cites_no_hash_she_cannot_find(repo):
    top = repo.data.parent
    original, gone = committed_note(repo)
    git(top, "commit", "-q", "--amend", "-m", "记录进展")
    listed = repo("undo", "--list").output
    assert gone not in listed
    assert "（它的提交已不在当前分支的历史里）" in listed
    result = repo("undo")
    assert result.exit_code == 0, result.output
    assert gone not in result.output
    assert "注意：这次修改原来的提交已不在当前分支的历史里（git reset 或 --amend 过），但修改还在文件中；" in result.output
    assert repo.tasks.read_bytes() == original


def test_a_revert_commit_refused_by_a_hook_gives_undos_own_advice(repo):
    top = repo.data.parent
    assert repo("note", "5", "已选型", "--commit").exit_code == 0
    hook = top / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(exist_ok=True)
    hook.write_text("#!/bin/sh\necho 不许提交 >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    said = repo.refused("undo")
    assert said.startswith("gk: git 提交失败：不许提交。gk 已把 ")
    assert said.endswith("恢复原样，什么都没有撤销；解决上述问题后再运行 gk undo\n")
    assert "--commit" not in said
    assert "--commit" not in repo.refused("--lang", "en", "undo")


def test_a_blocked_write_can_be_skipped_to_reach_the_ones_before(gk):
    original = gk.tasks.read_text(encoding="utf-8")
    gk("note", "5", "已选型")
    gk("done", "13")
    replace_in(gk.tasks, "done_on: 2021-06-20", "done_on: 2021-06-19")
    assert gk.refused("undo").endswith(SKIP_ZH)
    dry = gk("undo", "--skip", "--dry-run")
    assert dry.output == "将跳过 “完成 #13 建立健全政务舆情回应制度规范（2021-06-20）”（2021-06-20 00:00），不改动文件；未写入任何内容\n"
    before = gk.tasks.read_bytes()
    skipped = gk("undo", "--skip")
    assert skipped.exit_code == 0
    assert skipped.output == ("已跳过 “完成 #13 建立健全政务舆情回应制度规范（2021-06-20）”（2021-06-20 00:00）："
                              "文件未改动，下一次 gk undo 撤销更早的修改\n")
    assert gk.tasks.read_bytes() == before
    listed = gk("undo", "--list").output.splitlines()
    assert listed[2].endswith("完成 #13 建立健全政务舆情回应制度规范（2021-06-20）（已跳过）")
    assert listed[3].startswith("→   1")
    assert gk("undo").exit_code == 0  # the note, her edit of done_on kept
    at = original.index("    title: 建立健全政务舆情回应制度规范\n")
    at = original.index("    status: todo\n", at)
    expected = original[:at] + "    status: done\n    done_on: 2021-06-19\n" + original[at + 17:]
    assert gk.tasks.read_text(encoding="utf-8") == expected  # the note gone, her done_on kept
    assert gk.refused("undo").startswith("gk: 没有可撤销的：")


def test_dry_run_of_a_change_reverted_by_hand_says_what_the_real_run_says(gk):
    gk("start", "13")
    replace_in(gk.tasks, "status: doing", "status: todo")
    dry = gk("undo", "--dry-run")
    assert dry.exit_code == 0
    assert dry.output == (f"“开始办理 #13 建立健全政务舆情回应制度规范” 的修改已不在 {shown(gk)} 中（此后已手工改回）："
                          "gk undo 会把它记为已撤销，不改动文件；未写入任何内容\n")
    assert "已不在" in gk("undo").output


def test_list_tells_notes_apart_by_their_words(gk):
    gk("note", "8", "第1次进展")
    gk("note", "8", "起草了规范性文件全生命周期管理制度的征求意见稿并发各股室")
    listed = gk("undo", "--list").output.splitlines()
    assert listed[1].endswith("（2021-06-20）：起草了规范性文件全生命周期管理制度的征求意见稿…")
    assert listed[2].endswith("（2021-06-20）：第1次进展")


def test_a_journal_from_before_note_words_still_lists(gk):
    gk("note", "8", "第1次进展")
    path = journal_file(gk)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["entries"][0]["subject"] = {"zh": "记录进展 #8（2021-06-20）", "en": "#8 note (2021-06-20)"}
    del doc["dropped"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert gk("undo", "--list").output.splitlines()[1].endswith("记录进展 #8（2021-06-20）")
    assert gk("undo").exit_code == 0


def test_a_gk_commit_from_before_the_journal_shows_its_own_date(repo):
    env = {"GIT_COMMITTER_DATE": "2021-06-18T15:20:00+08:00", "GK_NOW": "2021-06-18"}
    assert repo("done", "13", "--commit", env=env).exit_code == 0
    journal_file(repo).unlink()
    dry = repo("undo", "--dry-run")  # today is 2021-06-20
    assert dry.output.startswith("将撤销 “完成 #13 建立健全政务舆情回应制度规范（2021-06-20）”（2021-06-18 15:20）：")
    repo("undo")
    assert "  2021-06-18 15:20  完成 #13" in repo("undo", "--list").output
