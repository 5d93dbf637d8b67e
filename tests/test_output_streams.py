"""Output goes to stdout in few writes, and a reader that leaves early (`gk list | head`) is
not an error: no traceback, no 'Exception ignored', exit status 0."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from helpers import ROOT, TODAY, grow, probe
from openpyxl import load_workbook

# Counts the write calls gk makes on sys.stdout, in a real process.
COUNTING = probe(
    "sys.stdout.flush()\n"
    "print(Counting.calls, file=sys.stderr)\n",
    before="import io, sys\n"
           "class Counting(io.TextIOWrapper):\n"
           "    calls = 0\n"
           "    def write(self, text):\n"
           "        Counting.calls += 1\n"
           "        return super().write(text)\n"
           "sys.stdout = Counting(sys.stdout.buffer, encoding='utf-8')\n",
)


def as_today() -> dict[str, str]:
    """The test's (hermetic) environment with --today as gk's real today: the file as it is."""
    return {**os.environ, "GK_NOW": TODAY}


def gk_process(data, *args: str) -> list[str]:
    return [sys.executable, "-m", "gkcli", "--data", str(data), "--today", TODAY, *args]


@pytest.mark.parametrize("command", [["list"], ["show", "8"], ["status"], ["report"],
                                     ["remind"], ["roster"]])
def test_a_json_document_is_one_write(data_dir, command):
    grow(data_dir, 200)
    result = subprocess.run([sys.executable, "-c", COUNTING, "--data", str(data_dir),
                             "--today", TODAY, *command, "--format", "json"],
                            capture_output=True, cwd=ROOT, env=as_today())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").endswith("}\n") or result.stdout.endswith(b"]\n")
    assert result.stderr.decode().split() == ["1"]


@pytest.mark.parametrize("fmt", ["json", "table", "csv", "md"])
def test_a_reader_that_leaves_early_is_quiet(data_dir, fmt):
    grow(data_dir, 1000)  # more than a pipe holds, so gk is still writing when the reader goes
    process = subprocess.Popen(gk_process(data_dir, "list", "--format", fmt),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                               env=as_today())
    assert process.stdout.read(100)
    process.stdout.close()  # what `head` does once it has its lines
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 0
    assert stderr == b""


@pytest.mark.parametrize("command", [("status",), ("list",), ("overdue",), ("roster",)])
def test_a_reader_gone_before_rich_draws_is_quiet_too(data_dir, command):
    """A short table drawn by rich (`gk status | head -1` where head is done first): rich's
    own answer to a closed pipe is exit 1; gk's is the same as for every other output, 0."""
    process = subprocess.Popen(gk_process(data_dir, *command), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=ROOT, env=as_today())
    process.stdout.close()  # gone before gk writes anything
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=60) == 0
    assert stderr == b""


def test_xlsx_to_stdout_is_the_workbook(data_dir):
    result = subprocess.run(gk_process(data_dir, "export", "-", "--format", "xlsx"),
                            capture_output=True, cwd=ROOT, env=as_today())
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(io.BytesIO(result.stdout)).active
    assert sheet.max_row >= 17


def test_xlsx_to_stdout_in_clirunner(gk):
    result = gk("export", "-", "--format", "xlsx")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"PK")
