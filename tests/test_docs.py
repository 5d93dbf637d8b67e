"""The docs cannot drift: every command has help with an example, and the README is real output."""

import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from helpers import ROOT

from gkcli.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"gk {name}" in result.output.split("Example:")[1]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name):
    assert f"`gk {name}" in README


def test_readme_examples_are_real_output():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "readme.py"), "--check"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, "README is stale; run python tools/readme.py\n" + result.stdout


def test_quick_start_is_two_commands_and_ci_runs_the_test_one():
    quick = README.split("## Quick start")[1].split("\n## ")[0]
    commands = re.findall(r"```sh\n(.*?)\n```", quick, re.DOTALL)
    assert commands == ["pip install . && gk status", "pip install '.[test]' && python -m pytest"]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_broken_file_example_is_real(data_dir, monkeypatch):
    from helpers import replace_in

    replace_in(data_dir / "tasks.yaml",
               "    lead: 运管股（政策法规股）\n    assist:\n      - 综合股\n    deadline: 2021年6月底",
               "    lead: 综合科\n    assist:\n      - 综合股\n    deadline: 明年上半年")
    replace_in(data_dir / "leading_group.yaml", "    office: 安监股", "    office: 安全股")
    monkeypatch.chdir(data_dir.parent)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 1
    example = README.split("A broken file gives every problem")[1].split("```")[1]
    assert result.output.strip() == example.strip()
