"""What the tests share besides fixtures: paths, the CLI runner and a user-like edit.

Tests import these from here (``from helpers import Gk``), never from conftest, so the
suite also runs under ``pytest --import-mode=importlib`` (pyproject puts tests/ on the path).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from pathlib import Path

from click.testing import CliRunner

from gkcli.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data"
TODAY = "2021-06-20"
GIT_PERSON = {"GIT_AUTHOR_NAME": "秘书", "GIT_AUTHOR_EMAIL": "secretary@example.org",
              "GIT_COMMITTER_NAME": "秘书", "GIT_COMMITTER_EMAIL": "secretary@example.org"}


class Gk:
    """Runs gk against one data folder and a fixed today.

    That day is gk's real today too (``GK_NOW``): the table is the file as it is, as on
    the day gk runs. A test of the table as it stood on an earlier day passes its own GK_NOW.
    """

    def __init__(self, data: Path, today: str = TODAY):
        self.data = data
        self.today = today
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, env: dict | None = None):
        argv = ["--data", str(self.data), "--today", self.today, *args]
        env = {"GK_NOW": self.today, **(env or {})}
        return self.runner.invoke(cli, argv, input=input, env=env, catch_exceptions=False)

    def json(self, *args: str):
        result = self(*args, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    def fails(self, *args: str, input: str | None = None) -> str:
        """Run gk ARGS, which must fail as a data or check failure does (exit 1). Gives what
        gk said, for the test to check."""
        result = self(*args, input=input)
        assert result.exit_code == 1, result.output
        return result.output

    def refused(self, *args: str, input: str | None = None) -> str:
        """Run gk ARGS, which must refuse: exit 1, tasks.yaml's bytes as they were. Gives
        what gk said, for the test to check."""
        before = self.tasks.read_bytes()
        said = self.fails(*args, input=input)
        assert self.tasks.read_bytes() == before
        return said

    @property
    def tasks(self) -> Path:
        return self.data / "tasks.yaml"


def probe(after: str, before: str = "import sys\n") -> str:
    """Python source for ``python -c``: ``before``, then gk run on the process's arguments,
    then ``after`` (statements, run even when gk fails), to see inside a real gk process."""
    return (before + "from gkcli.cli import cli\ntry:\n    cli.main(sys.argv[1:], standalone_mode=False)\n"
            "finally:\n" + textwrap.indent(after, "    "))


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd`` (author, committer and config from conftest's ``hermetic``); its output."""
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout.strip()


def shipped_repo(top: Path, also: dict[str, str] | None = None) -> Gk:
    """A git repository at TOP on branch main: the shipped data in top/data (and the files
    ``also`` names, relative to TOP, with their text), in one commit 任务分工表; gk on it."""
    shutil.copytree(SHIPPED, top / "data")
    for name, text in (also or {}).items():
        (top / name).write_text(text, encoding="utf-8")
    git(top, "init", "-q")
    git(top, "checkout", "-qb", "main")
    git(top, "add", "-A")
    git(top, "commit", "-qm", "任务分工表")
    return Gk(top / "data")


def committed(gk: Gk, *args: str) -> bytes:
    """Run gk ARGS --commit, which must succeed; tasks.yaml's bytes before it, to compare with
    after an undo."""
    before = gk.tasks.read_bytes()
    result = gk(*args, "--commit")
    assert result.exit_code == 0, result.output
    return before


def copy_of(source: Path, target: Path, today: str = TODAY) -> Gk:
    """gk on a private copy, at TARGET, of the data folder SOURCE (examples/calendar, …)."""
    shutil.copytree(source, target)
    return Gk(target, today)


def table_of(folder: Path, tasks_yaml: str, today: str = TODAY) -> Gk:
    """A data folder of its own at FOLDER holding only ``tasks_yaml`` (another bureau's table,
    or a new one), and gk on it."""
    folder.mkdir()
    (folder / "tasks.yaml").write_text(tasks_yaml, encoding="utf-8")
    return Gk(folder, today)


def written(gk: Gk, target: Path, *args: str) -> Path:
    """Run gk ARGS, which must succeed writing the file TARGET afresh (any earlier one is
    removed first); gives TARGET, for the test to read back."""
    target.unlink(missing_ok=True)
    result = gk(*args)
    assert result.exit_code == 0, result.output
    return target


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a data file the way a user would, failing loudly if ``old`` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def grow(data: Path, up_to: int) -> None:
    """Append items until the table has ``up_to`` of them, for output too big for one pipe."""
    items = "".join(
        f"\n  - id: {i}\n    group: {i % 8 + 1}\n    title: 第{i}项事项\n    lead: 综合股\n"
        f"    assist:\n      - 安监股\n    deadline: 2021年{i % 12 + 1}月底\n    status: todo\n"
        for i in range(17, up_to + 1))
    with (data / "tasks.yaml").open("a", encoding="utf-8") as f:
        f.write(items)
