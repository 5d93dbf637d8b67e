"""Shared fixtures: a copy of the shipped data in a temporary folder, and a CLI runner."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gkcli.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data"


@pytest.fixture(autouse=True)
def steady_environment(monkeypatch):
    """Tests pass whatever the caller's environment: gk's own variables, forced colour, the
    terminal's width and a global git config of the shell running pytest never reach gk."""
    for name in list(os.environ):
        if name.startswith("GK_") or name in ("FORCE_COLOR", "NO_COLOR", "CLICOLOR_FORCE", "LINES"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of the shipped data/ folder."""
    target = tmp_path / "data"
    shutil.copytree(SHIPPED, target)
    return target


class Gk:
    """Runs gk against one data folder and a fixed today."""

    def __init__(self, data: Path, today: str = "2021-06-20"):
        self.data = data
        self.today = today
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, env: dict | None = None):
        argv = ["--data", str(self.data), "--today", self.today, *args]
        return self.runner.invoke(cli, argv, input=input, env=env, catch_exceptions=False)

    def json(self, *args: str):
        result = self(*args, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    @property
    def tasks(self) -> Path:
        return self.data / "tasks.yaml"


@pytest.fixture
def gk(data_dir: Path) -> Gk:
    return Gk(data_dir)


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a data file the way a user would, failing loudly if ``old`` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")
