"""gk sync against a bare remote, gk check --rev, the pre-receive hook, and check's driver note."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import Clone, git, git_env, remote_with_clones, two_clones
from helpers import ROOT


@pytest.fixture
def clones(tmp_path, monkeypatch) -> tuple[Clone, Clone]:
    a, b = two_clones(tmp_path, monkeypatch)
    monkeypatch.chdir(a.path)  # she works in her clone: paths show as data/tasks.yaml
    return a, b


def started_and_synced(b: Clone) -> None:
    """A colleague starts item 3 and syncs it to the remote."""
    assert b.gk("start", "3", "--commit").exit_code == 0
    assert b.gk("sync").exit_code == 0


def status_changed_on_both_sides(a: Clone, b: Clone) -> None:
    """b starts item 3 and syncs; a, not yet synced, marks it done (and commits)."""
    started_and_synced(b)
    assert a.gk("set", "3", "--status", "done", "--commit").exit_code == 0


def test_sync_up_to_date(clones):
    a, _ = clones
    result = a.gk("sync")
    assert (result.exit_code, result.output) == (0, "已是最新\n")


def test_sync_pushes_then_the_other_clone_pulls(clones):
    a, b = clones
    assert a.gk("done", "3", "--on", "2021-06-18", "--commit").exit_code == 0
    assert a.gk("sync").output == "已推送1项提交到 origin\n"
    result = b.gk("sync")
    assert (result.exit_code, result.output) == (0, "已拉取1项更改\n")
    assert "    status: done\n    done_on: 2021-06-18\n" in b.text()


def test_sync_merges_both_sides_and_pushes_the_merge(clones):
    a, b = clones
    a.gk("note", "3", "我方", "--on", "2021-06-18", "--commit")
    b.gk("note", "3", "对方", "--on", "2021-06-10", "--commit")
    assert b.gk("sync").exit_code == 0
    result = a.gk("sync", lang="en")
    assert (result.exit_code, result.output) == (0, "Pulled 1 change(s)\nPushed 2 commit(s) to origin\n")
    assert "      - 2021-06-10 对方\n      - 2021-06-18 我方\n" in a.text()
    assert b.gk("sync").output == "已拉取2项更改\n"
    assert b.text() == a.text()


def test_sync_with_rebase(clones):
    a, b = clones
    a.gk("start", "5", "--commit")
    b.gk("start", "6", "--commit")
    assert b.gk("sync").exit_code == 0
    result = a.gk("sync", "--rebase")
    assert (result.exit_code, result.output) == (0, "已拉取1项更改\n已推送1项提交到 origin\n")
    assert a.git("rev-list", "--count", "--merges", "HEAD").stdout.strip() == "0"


def test_sync_stops_at_a_conflict_and_names_item_and_field(clones):
    a, b = clones
    status_changed_on_both_sides(a, b)
    result = a.gk("sync")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "冲突：data/tasks.yaml:100:7: 第3项：status 两边都改了：done / doing（我方 / 对方；定下后删去 conflict 中这一行）",
        "下一步：在文件中定下冲突的取值，gk check 通过后 git add data/tasks.yaml && git commit"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("says what to do next (the tests check these lines):")[1].split("```")[1]
    assert result.output.strip() == shown.strip()
    item = readme.split("and item 3 holds both values until you choose:")[1].split("```yaml")[1]
    assert item.split("```")[0].lstrip("\n") in a.text()
    assert result.output.splitlines()[-1] == ("下一步：在文件中定下冲突的取值，gk check 通过后 "
                         "git add data/tasks.yaml && git commit")
    assert (a.path / ".git" / "MERGE_HEAD").exists()  # left for her to finish, not aborted
    again = a.gk("sync")
    assert (again.exit_code, again.output) == (1, "gk: 仓库里有未完成的合并或变基：先完成它（gk 不会替你中止）\n")


def test_sync_says_so_when_it_leaves_conflict_markers(clones):
    a, b = clones
    started_and_synced(b)
    a.commit_edit("    deadline: 2020年10月19日前\n    status: todo\n",
                  "    deadline: 2020年10月19日前\n    status: [todo\n")  # item 3, broken by hand
    result = a.gk("sync")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("data/tasks.yaml：无法按事项合并（data/tasks.yaml:99:7: YAML 格式错误")
    assert lines[0].endswith("已按行合并：请处理文件中的冲突标记")
    assert lines[1].startswith("冲突：data/tasks.yaml:97:1: 有未解决的 git 冲突标记：请先完成合并")
    assert "<<<<<<< ours" in a.text()


def test_sync_refuses_uncommitted_hand_edits(clones):
    a, _ = clones
    a.edit("    status: todo\n", "    status: doing\n")
    result = a.gk("sync")
    assert (result.exit_code, result.output) == (
        1, "gk: 有未提交的修改：data/tasks.yaml；先提交（git commit）或撤销，再同步\n")


def test_sync_refuses_without_a_remote(tmp_path, monkeypatch):
    git_env(monkeypatch, tmp_path)
    clone = Clone(tmp_path / "solo")
    git(tmp_path, "init", "-q", "-b", "main", str(clone.path))
    shutil.copytree(ROOT / "data", clone.data)
    result = clone.gk("sync")
    assert (result.exit_code, result.output) == (1, "gk: 仓库没有远程仓库：先 git remote add origin 地址\n")


def test_sync_refuses_outside_a_repository(tmp_path, monkeypatch):
    git_env(monkeypatch, tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    clone = Clone(tmp_path)
    shutil.copytree(ROOT / "data", clone.data)
    result = clone.gk("sync", lang="en")
    assert result.exit_code == 1
    assert result.output.endswith("is not in a git repository: nothing to sync\n")


def test_check_notes_a_remote_without_the_driver(tmp_path, monkeypatch):
    git_env(monkeypatch, tmp_path)
    _, (a, _) = remote_with_clones(tmp_path, setup=False)
    result = a.gk("check")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "提示：本仓库有远程仓库，但未登记 gk 的合并驱动；运行 gk setup-git"
    assert a.gk("setup-git").exit_code == 0
    assert a.gk("check").output.startswith("检查通过：")


NOTE = "提示：本仓库有远程仓库，但未登记 gk 的合并驱动；运行 gk setup-git"


def _git_says_driver_missing(clone: Clone) -> bool:
    """git's own answer, for the note gk gives without running git."""
    if not clone.git("config", "--get", "merge.gk.driver", check=False).stdout.strip():
        return True
    found = clone.git("check-attr", "merge", "--", "data/tasks.yaml", "data/leading_group.yaml").stdout
    return any(not line.endswith(": gk") for line in found.strip().splitlines())


@pytest.mark.parametrize("attributes", [
    {"data/.gitattributes": "*.yaml merge=gk\n"},
    {".gitattributes": "tasks.yaml merge=gk\nleading_group.yaml merge=gk\n"},
    {".gitattributes": "data/*.yaml merge=gk\n", "data/.gitattributes": "tasks.yaml -merge\n"},
    {".gitattributes": "/data/tasks.yaml merge=gk\n"},
    {".gitattributes": "**/*.yaml merge=gk\n"},
    {".gitattributes": "data/tasks.yaml merge=gk\ndata/leading_group.yaml merge=gk\n",
     ".git/info/attributes": "leading_group.yaml merge=text\n"},
])
def test_check_driver_note_agrees_with_git(tmp_path, monkeypatch, attributes):
    """The note is read from the repository's files (check runs no git); git must agree."""
    git_env(monkeypatch, tmp_path)
    _, (a, _) = remote_with_clones(tmp_path, setup=False)
    a.git("config", "merge.gk.driver", "gk merge-file %O %A %B %P")
    for name, text in attributes.items():
        (a.path / name).write_text(text, encoding="utf-8")
    missing = _git_says_driver_missing(a)
    assert (a.gk("check").output.splitlines()[0] == NOTE) is missing


def test_check_driver_note_in_a_worktree_and_from_the_global_config(tmp_path, monkeypatch):
    git_env(monkeypatch, tmp_path)
    _, (a, _) = remote_with_clones(tmp_path)
    a.git("worktree", "add", "-q", str(tmp_path / "wt"))
    other = Clone(tmp_path / "wt")
    assert other.gk("check").output.startswith("检查通过：")
    driver = a.git("config", "--get", "merge.gk.driver").stdout.strip()
    a.git("config", "--unset", "merge.gk.driver")
    assert other.gk("check").output.splitlines()[0] == NOTE
    Path(os.environ["GIT_CONFIG_GLOBAL"]).write_text(f"[merge \"gk\"]\n\tdriver = {driver}\n",
                                                     encoding="utf-8")
    assert not _git_says_driver_missing(other)
    assert other.gk("check").output.startswith("检查通过：")


def test_check_rev_validates_a_committed_version(clones):
    a, _ = clones
    a.edit("    lead: 综合股\n", "    lead: 综合科\n")
    a.commit("改坏")
    a.git("checkout", "-q", "HEAD~1", "--", "data/tasks.yaml")  # the work tree is fine again
    assert a.gk("check").exit_code == 0
    result = a.gk("check", "--rev", "HEAD", lang="en")
    assert result.exit_code == 1
    assert result.output.startswith("data/tasks.yaml:74:11: unknown office 综合科")
    assert a.gk("check", "--rev", "HEAD~1").exit_code == 0
    missing = a.gk("check", "--rev", "nosuchrev")
    assert (missing.exit_code, missing.output) == (1, "gk: 没有这个版本：nosuchrev\n")


def _install_hook(bare: Path) -> None:
    hook = bare / "hooks" / "pre-receive"
    shutil.copy(ROOT / "contrib" / "pre-receive", hook)
    hook.chmod(0o755)


def _hooked(tmp_path: Path, monkeypatch):
    """A bare remote with contrib/pre-receive installed (running this gk), and a clone of it."""
    git_env(monkeypatch, tmp_path)
    bare, (a, _) = remote_with_clones(tmp_path)
    _install_hook(bare)
    monkeypatch.setenv("GK", f"{sys.executable} -m gkcli")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    return bare, a


def test_pre_receive_refuses_a_push_that_breaks_the_table(tmp_path, monkeypatch):
    bare, a = _hooked(tmp_path, monkeypatch)
    a.gk("start", "5", "--commit")
    ok = a.git("push", "-q", "origin", "main", check=False)
    assert ok.returncode == 0, ok.stderr
    before = git(bare, "rev-parse", "main").stdout
    a.edit("    status: todo\n", "    status: finished\n")
    a.commit("改坏")
    refused = a.git("push", "origin", "main", check=False)
    assert refused.returncode != 0
    assert "remote: data/tasks.yaml:78:13: 第 1 项：状态 finished 无法识别" in refused.stderr
    assert "pre-receive hook declined" in refused.stderr
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("A refused push reads:")[1].split("```")[1].strip().splitlines()
    lines = [line.rstrip() for line in refused.stderr.splitlines()]
    assert all(line in lines for line in shown), (shown, lines)
    assert git(bare, "rev-parse", "main").stdout == before  # nothing landed


def test_pre_receive_checks_every_notice_of_the_workspace(tmp_path, monkeypatch):
    bare, a = _hooked(tmp_path, monkeypatch)
    notice = a.path / "data" / "安全生产"
    shutil.copytree(ROOT / "examples" / "安全生产", notice)
    a.git("add", "-A")
    a.commit("第二个通知")
    assert a.git("push", "-q", "origin", "main", check=False).returncode == 0
    text = (notice / "tasks.yaml").read_text(encoding="utf-8")
    (notice / "tasks.yaml").write_text(text.replace("status: todo", "status: finished", 1),
                                       encoding="utf-8")
    a.git("add", "-A")
    a.commit("改坏通知")
    refused = a.git("push", "origin", "main", check=False)
    assert refused.returncode != 0
    assert "remote: data/安全生产/tasks.yaml:" in refused.stderr


def test_pre_commit_hook_definition():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks == [{"id": "gk-check", "name": "gk check (任务分工表)",
                      "description": hooks[0]["description"], "entry": "gk --all check",
                      "language": "python", "files": "data/.*\\.yaml$", "pass_filenames": False}]


def test_merge_file_exit_codes(tmp_path):
    base = ROOT / "data" / "tasks.yaml"
    text = base.read_text(encoding="utf-8")
    ours, theirs = tmp_path / "ours.yaml", tmp_path / "theirs.yaml"
    ours.write_text(text.replace("    status: todo\n", "    status: doing\n", 1), encoding="utf-8")
    theirs.write_text(text.replace("    status: todo\n", "    status: done\n", 1), encoding="utf-8")
    run = [sys.executable, "-m", "gkcli", "--lang", "en", "merge-file", str(base), str(ours), str(theirs),
           "data/tasks.yaml"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(run, capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "gk: item 1: status changed on both sides: doing / done "
        "(ours / theirs; settle it and delete this line of conflict)")
    theirs.write_text(text, encoding="utf-8")
    ours.write_text(text.replace("    status: todo\n", "    status: doing\n", 1), encoding="utf-8")
    clean = subprocess.run(run, capture_output=True, text=True, env=env)
    assert (clean.returncode, clean.stderr) == (0, "")


def test_sync_rebase_stops_at_a_conflict_with_the_rebase_next_step(clones):
    a, b = clones
    status_changed_on_both_sides(a, b)
    result = a.gk("sync", "--rebase")
    assert result.exit_code == 1
    # in a rebase git replays her commit onto theirs: "ours" is the remote's side
    assert "第3项：status 两边都改了：doing / done" in result.output
    assert result.output.splitlines()[-1] == (
        "下一步：在文件中定下冲突的取值，gk check 通过后 git add data/tasks.yaml && git rebase --continue")
    assert (a.path / ".git" / "rebase-merge").exists()  # hers to finish; gk aborts nothing
