"""Shared fixtures: a hermetic environment for every test, a copy of the shipped data, gk."""

from __future__ import annotations

import locale
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import GIT_PERSON, SHIPPED, Gk

# Variables of the caller's shell that change what gk, rich, click or git do. Cleared for
# every test, so a NO_COLOR, GK_LANG, COLUMNS or a signing git config in the caller's
# environment cannot change a result. Tests that want one set it themselves.
CLEARED = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM", "TTY_COMPATIBLE",
           "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "JUPYTER_LINES", "CLICOLOR", "CLICOLOR_FORCE",
           "LANGUAGE", "EMAIL")
PINNED_TZ = "Asia/Shanghai"  # UTC+8 all year, no daylight saving: gk's users' zone
PINNED_LOCALE = "C.UTF-8"


@pytest.fixture(autouse=True)
def hermetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Every test, and every process it starts (CliRunner, git, python -m gkcli), sees a
    known environment: no GK_*/GIT_*/colour/size variables, a pinned time zone and locale,
    an empty global git config and a fixed author and committer."""
    gitconfig = tmp_path_factory.getbasetemp() / "empty-gitconfig"
    gitconfig.touch()
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith(("GK_", "GIT_")) or name in CLEARED:
                mp.delenv(name)
        mp.setenv("TZ", PINNED_TZ)
        mp.setenv("LC_ALL", PINNED_LOCALE)
        mp.setenv("LANG", PINNED_LOCALE)
        mp.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        for name, value in GIT_PERSON.items():
            mp.setenv(name, value)
        time.tzset()
        saved = locale.setlocale(locale.LC_ALL)
        try:
            locale.setlocale(locale.LC_ALL, PINNED_LOCALE)
        except locale.Error:  # a system without C.UTF-8 (macOS): the plain C locale
            locale.setlocale(locale.LC_ALL, "C")
        try:
            yield
        finally:
            locale.setlocale(locale.LC_ALL, saved)
    time.tzset()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of the shipped data/ folder."""
    target = tmp_path / "data"
    shutil.copytree(SHIPPED, target)
    return target


@pytest.fixture
def gk(data_dir: Path) -> Gk:
    return Gk(data_dir)


@pytest.fixture(autouse=True)
def private_cache(hermetic: None, tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> Path:
    """gk's cache of validated tables goes to a temporary folder, never the user's ~/.cache
    (through XDG_CACHE_HOME: no GK_ variable is set in the tests)."""
    base = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(base))
    return base / "gk"


@pytest.fixture(autouse=True)
def private_state(hermetic: None, tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> Path:
    """gk's undo journal for data outside git goes to a temporary folder, never the user's
    ~/.local/state (through XDG_STATE_HOME)."""
    base = tmp_path_factory.mktemp("xdg-state")
    monkeypatch.setenv("XDG_STATE_HOME", str(base))
    return base / "gk"
