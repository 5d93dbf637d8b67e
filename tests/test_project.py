"""The project's own promises: tested floors, one version, the licence pyproject names."""

from __future__ import annotations

import re
from importlib.metadata import version

from helpers import ROOT

import gkcli

PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def dependencies() -> dict[str, tuple[str, str]]:
    block = PYPROJECT.split("\ndependencies = [", 1)[1].split("]", 1)[0]
    found = re.findall(r'"([A-Za-z0-9_.-]+)>=([0-9.]+),<([0-9.]+)"', block)
    assert len(found) == block.count('"') // 2, "every dependency has a floor and a ceiling"
    return {name.lower(): (floor, ceiling) for name, floor, ceiling in found}


def test_the_floors_are_the_set_ci_tests():
    oldest = (ROOT / ".ci" / "oldest.txt").read_text(encoding="utf-8")
    pinned = dict(re.findall(r"^([A-Za-z0-9_.-]+)==([0-9.]+)$", oldest, re.MULTILINE))
    floors = {name: floor for name, (floor, _) in dependencies().items()}
    assert {name.lower(): v for name, v in pinned.items()} == floors


def test_ceilings_are_the_next_major():
    for name, (floor, ceiling) in dependencies().items():
        assert int(ceiling) > int(floor.split(".")[0]), name


def test_the_version_is_written_once():
    project = PYPROJECT.split("\n[project]\n", 1)[1].split("\n[", 1)[0]
    assert 'dynamic = ["version"]' in project
    assert not re.search(r"^version = ", project, re.MULTILINE)
    assert version("gkcli") == gkcli.__version__


def test_the_licence_is_the_one_pyproject_names():
    assert 'license = {text = "MIT"}' in PYPROJECT
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
