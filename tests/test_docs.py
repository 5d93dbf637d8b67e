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


HELP_LANGUAGES = [  # how she asks for the language; what its help says and never says
    pytest.param([], {"GK_LANG": None}, "示例：", "用法： gk {name} [选项]",
                 ("Example:", "Show this message and exit."), id="zh"),
    pytest.param(["--lang", "en"], {"GK_LANG": None}, "Example:", "Usage: gk {name} [OPTIONS]",
                 ("示例",), id="en-by-option"),
    pytest.param([], {"GK_LANG": "en"}, "Example:", "Usage: gk {name} [OPTIONS]",
                 ("示例",), id="en-by-GK_LANG"),
]


@pytest.mark.parametrize("lang_args, env, example, usage, foreign", HELP_LANGUAGES)
@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_in_each_language_with_an_example(name, lang_args, env, example,
                                                                  usage, foreign):
    result = CliRunner().invoke(cli, [*lang_args, name, "--help"], env=env, prog_name="gk")
    assert result.exit_code == 0
    assert example in result.output
    assert [word for word in foreign if word in result.output] == []
    assert f"gk {name}" in result.output.split(example)[1]
    assert result.output.startswith(usage.format(name=name))


def test_every_option_and_command_has_its_chinese():
    from gkcli import helptext

    def options(command):
        return [p.help for p in command.params if getattr(p, "help", None)]

    missing = [h for h in options(cli) if h not in helptext.OPTIONS]
    for name, command in cli.commands.items():
        assert name in helptext.COMMANDS, name
        missing += [h for h in options(command) if h not in helptext.OPTIONS]
    assert missing == []


def test_gk_help_lists_the_commands_in_chinese():
    result = CliRunner().invoke(cli, ["--help"], env={"GK_LANG": None}, prog_name="gk")
    assert result.output.startswith("用法： gk [选项] 命令 [参数]...")
    assert "\n命令:\n" in result.output
    assert "  status      总览" in result.output
    assert "示例：" in result.output
    english = CliRunner().invoke(cli, ["--lang", "en", "--help"], env={"GK_LANG": None}, prog_name="gk")
    assert english.output.startswith("Usage: gk [OPTIONS] COMMAND [ARGS]...")


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


def test_help_follows_the_language_of_each_run():
    """Click caches a command's --help option: an English run must not leave it English."""
    english = CliRunner().invoke(cli, ["--lang", "en", "note", "--help"])
    assert "Show this message and exit." in english.output
    chinese = CliRunner().invoke(cli, ["note", "--help"])
    assert "显示本帮助并退出。" in chinese.output
    assert "Show this message and exit." not in chinese.output
