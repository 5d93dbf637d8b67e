"""What the undo journal costs a write, and what gk undo costs, on the shipped table grown to
N items (default 300), outside git.

Two copies of the table: one whose journal cannot be written (a folder stands where the
file would be: the write records nothing and says so), one whose journal is full (50
entries, as after a day's work). Each round runs `gk note` on both, then `gk undo` on the
full one (taking back the note just made), interleaved with bare Python start-up, and the
ratios of the medians are printed.

    python benchmarks/undo.py
    python benchmarks/undo.py --items 1000 --rounds 10
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import medians, options, print_ratios  # benchmarks/timing.py

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    args = options(__doc__, items=300, rounds=10)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_STATE_HOME": str(Path(tmp) / "state"),
               "GK_NOW": "2021-06-20T09:00"}
        env.pop("GK_DATA", None)
        gk = [sys.executable, "-m", "gkcli", "--today", "2021-06-20"]
        sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
        os.environ["XDG_STATE_HOME"] = env["XDG_STATE_HOME"]
        from helpers import grow  # tests/helpers.py: the tests' grown table

        from gkcli import journal

        folders = {}
        for name in ("broken", "full"):
            folder = Path(tmp) / name
            shutil.copytree(ROOT / "data", folder)
            grow(folder, args.items)
            folders[name] = folder

        journal.location(folders["broken"]).parent.mkdir(mode=0o700, parents=True)
        journal.location(folders["broken"]).mkdir()
        for n in range(journal.MAX_ENTRIES):  # a day's work: the journal full
            subprocess.run([*gk, "--data", str(folders["full"]), "note", str(n % 16 + 1), f"进展{n}"],
                           env=env, check=True, stdout=subprocess.DEVNULL)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "gk note, no journal written": [*gk, "--data", str(folders["broken"]), "note", "5", "进展"],
            "gk note, journal of 50": [*gk, "--data", str(folders["full"]), "note", "5", "进展"],
            "gk undo, journal of 50": [*gk, "--data", str(folders["full"]), "undo"],
        }
        found = medians(commands, args.rounds, env=env, quiet=True)
    plain = found["gk note, no journal written"]
    print(f"{args.items} items; median of {args.rounds} rounds; ratio = command / python -c pass")
    print_ratios(found, "python -c pass", 30)
    print(f"journal's cost to a write: {found['gk note, journal of 50'] / plain:.2f}x "
          f"the write without it; gk undo: {found['gk undo, journal of 50'] / plain:.2f}x a write")


if __name__ == "__main__":
    main()
