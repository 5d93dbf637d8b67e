"""Shell completion through Click's completion environment variables, against real data."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from helpers import ROOT, SHIPPED

from gkcli.cli import cli


def complete(words: str, data=SHIPPED, shell: str = "zsh") -> list[tuple[str, str]]:
    """(value, help) pairs gk offers for the command line ``words`` (cursor at its end)."""
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    env = {"_GK_COMPLETE": f"{shell}_complete", "COMP_WORDS": words, "COMP_CWORD": str(cword),
           "GK_DATA": str(data)}
    result = CliRunner().invoke(cli, [], env=env, prog_name="gk")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line] if result.output.strip() else []
    return [(lines[i + 1], lines[i + 2]) for i in range(0, len(lines), 3)]


def values(words: str, **kw) -> list[str]:
    return [v for v, _ in complete(words, **kw)]


def test_commands():
    assert values("gk s") == ["schema", "set", "setup-git", "show", "start", "status", "summary", "sync"]


def test_options():
    assert "--lead" in values("gk list --")


def test_item_ids_with_titles():
    found = complete("gk show ")
    assert found[0] == ("1", "梳理规范权责清单，动态调整更新")
    assert [v for v, _ in found] == [str(n) for n in range(1, 17)]


def test_ids_already_given_are_not_offered_again():
    assert values("gk done 1 2 ")[:2] == ["3", "4"]


def test_new_item_id_is_not_completed():
    assert values("gk add --id ") == []


def test_offices_and_aliases_with_their_people():
    found = dict(complete("gk list --lead 运"))
    assert set(found) == {"运管股（政策法规股）", "运管股"}
    assert found["运管股"].startswith("运管股（政策法规股）")
    assert dict(complete("gk who 综合"))["综合股"] == "陈伟、庄青红"


def test_office_groups_for_assist():
    assert "局各股室（中队、站）" in values("gk list --assist 局")


def test_state_and_status_words():
    assert values("gk list --state ")[:5] == ["overdue", "due_soon", "open", "ongoing", "done"]
    assert values("gk list --state 已") == ["已逾期", "已完成"]  # the words gk shows are accepted
    assert values("gk set 3 --status 进") == ["进行中"]


def test_work_tasks():
    assert complete("gk list --group 3")[0] == ("3", "加强政府系统政务新媒体建设")


def test_people_completer():
    from gkcli import completion

    ctx = cli.make_context("gk", ["--data", str(SHIPPED)], resilient_parsing=True)
    found = completion.people(ctx, cli.params[0], "林")
    assert [c.value for c in found] == ["林宏", "林龙峻", "林家庆", "林明坚", "林国强", "林鸿景"]
    assert found[0].help == "区交通系统党委副书记、二级主任科员"


def test_a_broken_file_completes_nothing_and_never_fails(tmp_path):
    (tmp_path / "tasks.yaml").write_text("tasks: [\n", encoding="utf-8")
    assert values("gk show ", data=tmp_path) == []


def test_data_option_on_the_command_line(tmp_path):
    words = f"gk --data {SHIPPED} show 1"
    env = {"_GK_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": "4"}
    result = CliRunner().invoke(cli, [], env={**env, "GK_DATA": str(tmp_path)}, prog_name="gk")
    assert result.output.splitlines()[:3] == ["plain,1", "plain,10", "plain,11"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_the_script(shell):
    result = CliRunner().invoke(cli, ["completion", shell])
    assert result.exit_code == 0
    assert "_GK_COMPLETE" in result.output
    assert f"{shell}_complete" in result.output


def test_completion_in_a_real_process_loads_nothing_heavy():
    probe = ("import sys, runpy\n"
             "sys.argv = ['gk']\n"
             "try:\n"
             "    runpy.run_module('gkcli', run_name='__main__')\n"
             "except SystemExit:\n"
             "    pass\n"
             "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'dateutil', 'xlsxwriter'})\n"
             "print('heavy:', ' '.join(heavy))\n")
    env = {**os.environ, "_GK_COMPLETE": "bash_complete", "COMP_WORDS": "gk show 1",
           "COMP_CWORD": "2", "GK_DATA": str(SHIPPED), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert result.stdout.splitlines() == ["plain,1", "plain,10", "plain,11", "plain,12",
                                          "plain,13", "plain,14", "plain,15", "plain,16", "heavy: "]
