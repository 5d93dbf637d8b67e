"""Which table gk works on without --data: the one she stands in, never another repository's.

A workspace keeps one notice per folder under data/ (data/tasks.yaml, data/NAME/tasks.yaml).
Inside a notice's folder gk works on that notice; gk never climbs out of the git repository
she is in to a parent folder's data/ (another repository's table)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SHIPPED, TODAY, git

from gkcli.cli import cli

NOTICE = """notice:
  number: 泉港交〔2021〕35号
  issued: 2021-03-15
  table: 执法检查任务分工表
offices:
  - name: 交通执法大队
  - name: 运管股
groups:
  - id: 1
    title: 执法检查
tasks:
  - id: 1
    group: 1
    title: 开展“两客一危”专项执法检查
    lead: 交通执法大队
    assist: [运管股]
    deadline: 2021年5月底
    status: todo
"""


def gk(*args: str):
    return CliRunner().invoke(cli, ["--today", TODAY, *args], env={"GK_NOW": TODAY},
                              catch_exceptions=False)


def notices_only(top: Path, *names: str) -> Path:
    """A repository at ``top`` whose data/ holds only notices' folders (35号 in each), no main
    table; gk's current folder is its top."""
    for name in names:
        (top / "data" / name).mkdir(parents=True)
        (top / "data" / name / "tasks.yaml").write_text(NOTICE, encoding="utf-8")
    git(top, "init", "-q")
    return top


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """/top: a repository whose data/ holds 150号 and the notice 35号 in data/执法."""
    top = tmp_path / "top"
    shutil.copytree(SHIPPED, top / "data")
    (top / "data" / "执法").mkdir()
    (top / "data" / "执法" / "tasks.yaml").write_text(NOTICE, encoding="utf-8")
    git(top, "init", "-q")
    return top


def test_inside_a_notices_folder_gk_works_on_that_notice(workspace, monkeypatch):
    monkeypatch.chdir(workspace / "data" / "执法")
    shown = gk("show", "1")
    assert shown.exit_code == 0, shown.output
    assert "两客一危" in shown.output
    before = (workspace / "data" / "tasks.yaml").read_bytes()
    result = gk("note", "1", "已部署")
    assert result.exit_code == 0, result.output
    assert "已部署" in (workspace / "data" / "执法" / "tasks.yaml").read_text(encoding="utf-8")
    assert (workspace / "data" / "tasks.yaml").read_bytes() == before  # not 150号's item 1


def test_below_a_notices_folder_too(workspace, monkeypatch):
    (workspace / "data" / "执法" / "附件").mkdir()
    monkeypatch.chdir(workspace / "data" / "执法" / "附件")
    result = gk("list", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "两客一危" in result.output and "权责清单" not in result.output


def test_in_data_itself_and_at_the_top_the_main_table_as_before(workspace, monkeypatch):
    for where in (workspace, workspace / "data"):
        monkeypatch.chdir(where)
        result = gk("show", "1")
        assert result.exit_code == 0, result.output
        assert "两客一危" not in result.output


def test_gk_never_reads_the_table_of_a_repository_above_hers(tmp_path, monkeypatch):
    """Her repository's data/ holds only notice folders; the folder above it has a data/
    of its own (another repository): gk refuses with one line instead of reading that."""
    shutil.copytree(SHIPPED, tmp_path / "data")  # someone else's table, above her repository
    monkeypatch.chdir(notices_only(tmp_path / "mine", "执法", "执法2"))
    before = (tmp_path / "data" / "tasks.yaml").read_bytes()
    result = gk("note", "1", "已部署")
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert "--all" in line and "执法" in line  # where her tables are, and how to reach them
    assert (tmp_path / "data" / "tasks.yaml").read_bytes() == before
    assert gk("--all", "list").exit_code == 0  # the workspace itself is found


def test_outside_git_gk_still_finds_data_upward(tmp_path, monkeypatch):
    shutil.copytree(SHIPPED, tmp_path / "data")
    (tmp_path / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "a" / "b")
    assert gk("show", "1").exit_code == 0


def test_the_workspace_of_a_repository_is_its_own(tmp_path, monkeypatch):
    """gk --all in a repository without data/ does not read a parent folder's workspace."""
    shutil.copytree(SHIPPED, tmp_path / "data")
    git(tmp_path / "data", "init", "-q")  # (a repository of its own, below: irrelevant)
    mine = tmp_path / "mine"
    mine.mkdir()
    git(mine, "init", "-q")
    monkeypatch.chdir(mine)
    result = gk("--all", "list")
    assert result.exit_code == 1
    assert "data/" in result.output


def test_all_check_checks_every_notice_and_names_the_broken_one(workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    ok = gk("--all", "check")
    assert ok.exit_code == 0, ok.output
    assert "data/tasks.yaml：检查通过：16 项事项" in ok.output
    assert "data/执法/tasks.yaml：检查通过：1 项事项" in ok.output
    notice = workspace / "data" / "执法" / "tasks.yaml"
    notice.write_text(NOTICE.replace("lead: 交通执法大队", "lead: 执法大队X"), encoding="utf-8")
    broken = gk("--all", "check")
    assert broken.exit_code == 1
    assert "data/执法/tasks.yaml:15:11: 未知股室 执法大队X" in broken.output


def test_a_broken_notice_under_all_points_to_all_check(workspace, monkeypatch):
    """The hint after the first problem names a command that shows the others."""
    monkeypatch.chdir(workspace)
    notice = workspace / "data" / "执法" / "tasks.yaml"
    notice.write_text(NOTICE.replace("lead: 交通执法大队", "lead: 执法大队X")
                      .replace("deadline: 2021年5月底", "deadline: 2021年13月底"), encoding="utf-8")
    result = gk("--all", "status")
    assert result.exit_code == 1
    assert "运行 gk --all check 查看" in result.output
    assert gk("--all", "check").exit_code == 1


def test_all_check_rev_checks_every_table_as_committed(workspace, monkeypatch):
    """What a hook asks: every notice as it would land, not the work tree's files."""
    git(workspace, "add", "-A")
    git(workspace, "commit", "-qm", "两个通知")
    notice = workspace / "data" / "执法" / "tasks.yaml"
    notice.write_text(NOTICE.replace("lead: 交通执法大队", "lead: 执法大队X"), encoding="utf-8")
    monkeypatch.chdir(workspace)
    good = gk("--all", "check", "--rev", "HEAD")  # the commit is fine; the work tree is not
    assert good.exit_code == 0, good.output
    assert "HEAD:data/执法/tasks.yaml：检查通过：1 项事项" in good.output
    git(workspace, "commit", "-qam", "坏了")
    bad = gk("--all", "check", "--rev", "HEAD")
    assert bad.exit_code == 1
    assert "data/执法/tasks.yaml:15:11: 未知股室 执法大队X" in bad.output
    assert gk("check", "--rev", "HEAD").exit_code == 0  # one table: the main one alone


def test_undo_with_nothing_in_the_main_table_names_the_notice_that_has_a_write(workspace,
                                                                                 monkeypatch):
    monkeypatch.chdir(workspace)
    assert gk("--data", "data/执法", "note", "1", "已部署").exit_code == 0
    result = gk("undo")
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert "gk --data data/执法 undo" in line
    assert gk("--data", "data/执法", "undo").exit_code == 0


@pytest.mark.parametrize("columns", ["40", "80"])
@pytest.mark.parametrize("command", [("overdue",), ("list", "--office", "运管股"), ("status",)])
def test_all_in_blocks_names_each_items_notice(workspace, monkeypatch, command, columns):
    """Too narrow for the 文号 column, each block still says which notice its item is of."""
    monkeypatch.chdir(workspace)
    result = CliRunner().invoke(cli, ["--today", TODAY, "--all", *command],
                                env={"GK_NOW": TODAY, "COLUMNS": columns}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "泉港交〔2021〕35号" in result.output  # the small notice's item 1 is overdue
    assert "文号" in result.output


def test_all_check_warns_about_nobody_only_where_no_notice_names_someone(workspace, monkeypatch):
    """35号 has no roster and leads with 交通执法大队 — the shipped roster's 肖明春 heads it
    (an alias of 交通综合行政执法大队): nothing to warn. An office nobody heads is warned."""
    monkeypatch.chdir(workspace)
    result = gk("--all", "check")
    assert result.exit_code == 0, result.output
    assert "提醒" not in result.output
    notice = workspace / "data" / "执法" / "tasks.yaml"
    notice.write_text(NOTICE.replace("  - name: 运管股\n", "  - name: 运管股\n  - name: 档案室\n")
                      .replace("lead: 交通执法大队", "lead: 档案室"), encoding="utf-8")
    result = gk("--all", "check")
    assert result.exit_code == 0, result.output
    assert "data/执法/leading_group.yaml:1:1: 提醒：没有 leading_group.yaml" in result.output


def test_undo_of_a_gk_commit_in_a_notice_folder_with_a_chinese_name(workspace, monkeypatch):
    """git quotes a path like data/执法/tasks.yaml unless told not to: undo must still see
    that its own commit holds that one file."""
    git(workspace, "add", "-A")
    git(workspace, "commit", "-qm", "两个通知")
    monkeypatch.chdir(workspace / "data" / "执法")
    before = (workspace / "data" / "执法" / "tasks.yaml").read_bytes()
    assert gk("note", "1", "已部署", "--commit").exit_code == 0
    result = gk("undo")
    assert result.exit_code == 0, result.output
    assert (workspace / "data" / "执法" / "tasks.yaml").read_bytes() == before
    assert git(workspace, "log", "-1", "--format=%s").startswith("Revert")


def test_import_from_inside_a_notice_folder_says_the_new_folder_is_not_in_the_workspace(
        workspace, monkeypatch):
    """--out data/new from data/执法 is data/执法/data/new, which gk --all (from the top)
    never reads: gk must not say it joined."""
    from helpers import ROOT

    monkeypatch.chdir(workspace / "data" / "执法")
    result = gk("import", str(ROOT / "examples" / "泉港交﹝2020﹞150号.txt"), "--out", "data/new")
    assert (workspace / "data" / "执法" / "data" / "new" / "tasks.yaml").is_file()
    assert "已加入工作区" not in result.output
    assert "不在工作区" in result.output


def test_completion_inside_a_notice_folder_offers_that_notices_items(workspace, monkeypatch):
    """gk done <TAB> inside data/执法 must offer the items gk done will change: 35号's."""
    monkeypatch.chdir(workspace / "data" / "执法")
    env = {"_GK_COMPLETE": "zsh_complete", "COMP_WORDS": "gk done ", "COMP_CWORD": "2"}
    result = CliRunner().invoke(cli, [], env=env, prog_name="gk")
    assert result.exit_code == 0, result.output
    assert "两客一危" in result.output
    assert "权责清单" not in result.output


def test_a_notice_held_by_two_folders_is_said_by_all_and_by_all_check(workspace, monkeypatch):
    """The same notice imported twice is counted twice: gk --all says so on stderr, and
    gk --all check warns, naming both folders."""
    shutil.copytree(workspace / "data" / "执法", workspace / "data" / "副本")
    monkeypatch.chdir(workspace)
    result = CliRunner().invoke(cli, ["--today", TODAY, "--all", "report"],
                                env={"GK_NOW": TODAY}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "注意：泉港交〔2021〕35号 在 data/副本、data/执法 中各有一份" in result.stderr
    checked = gk("--all", "check")
    assert checked.exit_code == 0, checked.output
    assert "data/执法/tasks.yaml:1:1: 提醒：泉港交〔2021〕35号 与 data/副本 里的文号相同" in checked.output


def test_all_remind_format_docx_without_o_asks_only_for_another_format(workspace, monkeypatch):
    monkeypatch.chdir(workspace)
    result = gk("--all", "remind", "--format", "docx")
    assert result.exit_code == 2
    assert "改用 --format text、md、json" in result.output and "-o" not in result.output


def test_the_notices_only_refusal_in_english_lists_names_the_english_way(tmp_path, monkeypatch):
    monkeypatch.chdir(notices_only(tmp_path / "mine", "甲", "乙"))
    result = gk("--lang", "en", "status")
    assert result.exit_code == 1
    assert "(乙, 甲)" in result.output


def test_a_repository_with_one_notice_folder_and_no_main_table_uses_that_notice(tmp_path,
                                                                                 monkeypatch):
    """After her first gk import --out data/NAME: plain gk status works on it."""
    monkeypatch.chdir(notices_only(tmp_path / "mine", "执法"))
    result = gk("list", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "两客一危" in result.output


def test_setup_git_covers_every_notice_of_the_workspace(workspace, monkeypatch):
    """A notice's files get gk's item-level merge too, and so do notices imported later."""
    monkeypatch.chdir(workspace)
    assert gk("setup-git").exit_code == 0
    (workspace / "data" / "以后").mkdir()
    for path in ("data/执法/tasks.yaml", "data/执法/leading_group.yaml", "data/以后/tasks.yaml",
                 "data/tasks.yaml"):
        assert git(workspace, "check-attr", "merge", "--", path).endswith("merge: gk")
