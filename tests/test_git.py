"""--commit and gk undo against real git repositories in temporary folders."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import Gk, committed, git, replace_in, shipped_repo


@pytest.fixture
def repo(tmp_path: Path) -> Gk:
    """A git repository holding the shipped data."""
    return shipped_repo(tmp_path)


def subjects(gk: Gk) -> list[str]:
    return git(gk.data.parent, "log", "--format=%s").splitlines()


def test_commit_records_what_changed(repo):
    result = repo("done", "5", "--on", "2021-06-18", "--commit")
    assert result.exit_code == 0, result.output
    assert subjects(repo)[0] == "gk: 完成 #5 建设政府信息在新媒体的发布机制，建设更加权威的信息发布平台（2021-06-18）"
    assert git(repo.data.parent, "status", "--porcelain") == ""
    assert "已提交" in result.output


def test_commit_only_takes_tasks_yaml(repo):
    other = repo.data.parent / "会议纪要.txt"
    other.write_text("草稿", encoding="utf-8")
    git(repo.data.parent, "add", other.name)
    repo("note", "5", "已选型", "--commit")
    assert git(repo.data.parent, "show", "--name-only", "--format=", "HEAD") == "data/tasks.yaml"
    assert git(repo.data.parent, "-c", "core.quotepath=false", "status", "--porcelain") == "A  会议纪要.txt"


def test_settings_commit_true_commits_without_the_flag(repo):
    replace_in(repo.tasks, "commit: false", "commit: true")
    git(repo.data.parent, "commit", "-qam", "开启自动提交")
    repo("start", "5")
    assert subjects(repo)[0] == "gk: 开始办理 #5 建设政府信息在新媒体的发布机制，建设更加权威的信息发布平台"
    repo("start", "6", "--no-commit")
    assert subjects(repo)[0] == "gk: 开始办理 #5 建设政府信息在新媒体的发布机制，建设更加权威的信息发布平台"


def test_undo_reverts_gk_commit(repo):
    original = committed(repo, "done", "5")
    result = repo("undo")
    assert result.exit_code == 0, result.output
    assert "已撤销" in result.output
    assert "“完成 #5 建设政府信息在新媒体的发布机制，建设更加权威的信息发布平台（2021-06-20）”" in result.output
    assert repo.tasks.read_bytes() == original
    assert subjects(repo)[0] == 'Revert "gk: 完成 #5 建设政府信息在新媒体的发布机制，建设更加权威的信息发布平台（2021-06-20）"'


def test_undo_after_a_hand_commit_changes_the_file_only_and_keeps_the_hand_edit(repo):
    original = committed(repo, "done", "5")
    replace_in(repo.tasks, "# 设置", "# 设置（手工）")
    git(repo.data.parent, "commit", "-qam", "手工修改")
    result = repo("undo")
    assert result.exit_code == 0, result.output
    assert "没有提交（之后已有别的提交，或它被改过）" in result.output
    assert subjects(repo)[0] == "手工修改"  # nothing committed
    assert repo.tasks.read_bytes() == original.replace("# 设置".encode(), "# 设置（手工）".encode(), 1)


def test_undo_twice_refuses_the_revert(repo):
    repo("done", "5", "--commit")
    repo("undo")
    assert repo("undo").exit_code == 1


def test_undo_takes_back_the_uncommitted_write_first_then_the_commit(repo):
    original = committed(repo, "done", "5")
    repo("note", "6", "未提交的进展")
    first = repo("undo")
    assert first.exit_code == 0, first.output
    assert "未提交的进展" not in repo.tasks.read_text("utf-8")
    assert subjects(repo)[0].startswith("gk: 完成 #5")  # the commit is not touched yet
    second = repo("undo")
    assert second.exit_code == 0, second.output
    assert subjects(repo)[0].startswith('Revert "gk: 完成 #5')
    assert repo.tasks.read_bytes() == original
    assert git(repo.data.parent, "status", "--porcelain") == ""


def test_commit_outside_git_is_refused_before_writing(data_dir):
    gk = Gk(data_dir)
    assert "不在 git 仓库中" in gk.refused("done", "5", "--commit")


def test_writes_work_without_git(data_dir):
    gk = Gk(data_dir)
    before = gk.tasks.read_bytes()
    assert gk("done", "5").exit_code == 0
    assert gk("undo").exit_code == 0
    assert gk.tasks.read_bytes() == before


def test_commit_refuses_to_sweep_in_uncommitted_edits(repo):
    replace_in(repo.tasks, "# 设置", "# 设置（手工，未提交）")
    assert "有尚未提交的修改" in repo.refused("done", "5", "--commit")
    assert subjects(repo) == ["任务分工表"]


def test_repo_root_reads_a_chinese_path_whatever_the_locale(tmp_path):
    """git prints paths in UTF-8: a Chinese folder must not come out garbled (or crash) in a
    non-UTF-8 locale, as on a Chinese-locale Windows machine."""
    import os
    import sys

    top = (tmp_path / "办公室台账").resolve()
    top.mkdir()
    git(top, "init", "-q")
    probe = ("import os, sys\nfrom pathlib import Path\nfrom gkcli.gitops import repo_root\n"
             "root = repo_root(Path(os.fsdecode(bytes.fromhex(sys.argv[1]))))\n"
             "print(str(root).encode('utf-8').hex())\n")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
    result = subprocess.run([sys.executable, "-X", "utf8=0", "-c", probe,
                             os.fsencode(str(top)).hex()], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert bytes.fromhex(result.stdout.strip()).decode("utf-8") == str(top)


def test_commit_message_in_english_with_lang_en(repo):
    gk = repo
    assert gk("--lang", "en", "done", "5", "--on", "2021-06-18", "--commit").exit_code == 0
    assert subjects(repo)[0] == "gk: #5 建设政府信息在新媒体的发布机制，建设更加权威的信息发布平台 done (2021-06-18)"
    result = gk("undo")  # gk's commit in either language is gk's
    assert result.exit_code == 0, result.output
