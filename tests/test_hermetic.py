"""The caller's shell does not reach the tests (conftest's autouse fixture); .ci/run also runs
the whole suite with NO_COLOR, FORCE_COLOR, GK_LANG, COLUMNS, GK_DATA, TZ and a signing
global git config set, and it must pass there too."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from helpers import ROOT


def test_no_variable_of_the_callers_shell_that_changes_output():
    leaked = [name for name in os.environ
              if name.startswith("GK_") or name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")]
    assert leaked == []


def test_time_zone_is_pinned_in_process_and_for_children():
    assert time.strftime("%z", time.localtime(0)) == "+0800"
    child = subprocess.run([sys.executable, "-c", "import time; print(time.strftime('%z'))"],
                           capture_output=True, text=True, check=True)
    assert child.stdout.strip() == "+0800"


def test_git_reads_no_global_or_system_config(tmp_path: Path):
    listed = subprocess.run(["git", "config", "--list", "--show-origin"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert listed.stdout == ""


def test_git_commits_unsigned_with_the_tests_author(tmp_path: Path):
    for args in (["init", "-q"], ["commit", "-q", "--allow-empty", "-m", "空"]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)
    shown = subprocess.run(["git", "log", "--format=%an <%ae> %G?"], cwd=tmp_path,
                           capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "秘书 <secretary@example.org> N"


def test_the_ci_script_runs_the_suite_in_the_hostile_environment():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for setting in ("NO_COLOR=1", "FORCE_COLOR=1", "GK_LANG=en", "COLUMNS=40", "GK_DATA=/tmp",
                    "TZ=Pacific/Kiritimati", "gpgsign = true"):
        assert setting in ci
