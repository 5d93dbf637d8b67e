"""Output on a GBK (cp936) Windows console or file, and on a full disk: never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, SHIPPED


def run(args: list[str], encoding: str = "gbk", stdout=subprocess.PIPE):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GK_", "PYTHONIOENCODING"))}
    env.update({"PYTHONIOENCODING": encoding, "GK_TODAY": "2021-06-20", "COLUMNS": "100",
                "PYTHONPATH": str(ROOT)})
    return subprocess.run([sys.executable, "-m", "gkcli", "--data", str(SHIPPED), *args],
                          stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=ROOT)


@pytest.mark.parametrize("args", [["status"], ["timeline"], ["list"], ["report"], ["remind"],
                                  ["show", "8"], ["--help"]])
def test_gbk_stdout_never_tracebacks(args):
    result = run(args)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    text = result.stdout.decode("gbk")  # what the console shows: GBK all through
    assert any(word in text for word in ("泉港", "用法", "综合股", "完成时间"))


def test_gbk_falls_back_to_look_alikes():
    status = run(["status"]).stdout.decode("gbk")
    assert "□" in status  # the progress bar's ░
    assert "√ 按时" in run(["timeline"]).stdout.decode("gbk")


@pytest.mark.parametrize("fmt,start", [("csv", b"\xef\xbb\xbf"), ("json", b"["), ("md", b"| ")])
def test_data_formats_are_utf8_files_whatever_the_console(fmt, start):
    result = run(["list", "--format", fmt])
    assert result.returncode == 0
    assert result.stdout.startswith(start)
    assert "综合股" in result.stdout.decode("utf-8-sig")


def test_full_disk_is_one_line(tmp_path: Path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        result = run(["status"], encoding="utf-8", stdout=full)
    assert result.returncode == 1
    lines = result.stderr.decode("utf-8").splitlines()
    assert lines == ["gk: 无法输出（No space left on device）"]
