"""Start-up benchmark: each gk command against the imports it cannot avoid, as ratios.

A command cannot start faster than Python importing the libraries it needs, so each command is
compared with that floor: `gk status` with `python -c "import click, yaml, rich.console,
rich.table"`, `gk list --format json` with `python -c "import click, yaml, json"`. `gk --version`
and `gk check` are shown against the same floor as `list`, and every line against `python -c
pass` too.

The machines are shared and noisy, so absolute times mean little: every command is timed in the
same run, interleaved round by round, and the medians are reported as ratios — of wall-clock
time, and of CPU time (user + system of the child), which other load on the machine moves
less. gk's bytecode is compiled first (`python -m compileall -q gkcli`), as a user's install
would have it: where PYTHONDONTWRITEBYTECODE is set, an editable install would otherwise
recompile gkcli on every call. The commands run on 2021-06-20 itself (GK_NOW, as
tests/test_startup.py does): the table is the file as it is, the path of every day's `gk status`;
the table as of a past day reads git's history, which benchmarks/history.py times.

    python benchmarks/startup.py                    # 21 rounds
    python benchmarks/startup.py --rounds 41
    python benchmarks/startup.py --baseline main    # before/after: REV's gkcli in the same run

With --baseline, both gk trees run as `python -m gkcli` from their own folder, so they start
alike; REV's gkcli is taken from git into a temporary folder and compiled there.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def gk_argv() -> list[str]:
    """The `gk` script installed beside this Python (what a user runs), else `python -m gkcli`."""
    script = shutil.which("gk", path=str(Path(PY).parent))
    return [script] if script else [PY, "-m", "gkcli"]


GK = gk_argv()
CALENDAR = ["--data", str(ROOT / "examples" / "calendar"), "--today", "2021-09-30"]
FLOOR_STATUS = "python -c 'import click, yaml, rich.console, rich.table'"
FLOOR_LIST = "python -c 'import click, yaml, json'"
COMMANDS = {
    "python -c pass": [PY, "-c", "pass"],
    FLOOR_LIST: [PY, "-c", "import click, yaml, json"],
    FLOOR_STATUS: [PY, "-c", "import click, yaml, rich.console, rich.table"],
    "gk --version": [*GK, "--version"],
    "gk check": [*GK, "check"],
    "gk list --format json": [*GK, "list", "--format", "json"],
    "gk status": [*GK, "status"],
    # working-day periods load chinese-calendar; recurring items and reporting cycles are counted
    "gk status (calendar)": [*GK, *CALENDAR, "status"],
}
# each gk command and the floor it is measured against
FLOORS = {
    "gk --version": FLOOR_LIST,
    "gk check": FLOOR_LIST,
    "gk list --format json": FLOOR_LIST,
    "gk status": FLOOR_STATUS,
    "gk status (calendar)": FLOOR_STATUS,
}


def add_baseline(rev: str, folder: Path) -> None:
    """Time REV's gkcli beside this tree's: both as `python -m gkcli`, each from its folder."""
    archive = subprocess.run(["git", "archive", rev, "gkcli"], cwd=ROOT, capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    compileall.compile_dir(str(folder / "gkcli"), quiet=1)
    for name in ("gk --version", "gk check", "gk list --format json", "gk status"):
        args = COMMANDS[name][len(GK):]
        COMMANDS[name] = [PY, "-m", "gkcli", *args]
        COMMANDS[f"{name} @{rev}"] = [PY, "-m", "gkcli", *args]
        CWD[f"{name} @{rev}"] = folder  # `-m` finds the gkcli of the folder it starts in
        FLOORS[f"{name} @{rev}"] = FLOORS[name]


CWD: dict[str, Path] = {}


def measure(rounds: int) -> tuple[dict[str, float], dict[str, float]]:
    """Median wall-clock and median CPU time (user + system of the child) of each command."""
    # run on 2021-06-20 itself (GK_NOW, as tests/test_startup.py does): the table is the file as
    # it is, the path every day's `gk status` takes; a past --today reads git's history instead
    env = {**os.environ, "GK_DATA": str(ROOT / "data"), "GK_TODAY": "2021-06-20",
           "GK_NOW": "2021-06-20"}
    for name in ("GK_LANG", "NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        env.pop(name, None)
    for name, argv in COMMANDS.items():  # once, untimed: warm the file cache, fail loudly
        subprocess.run(argv, cwd=CWD.get(name, ROOT), env=env, stdout=subprocess.DEVNULL,
                       check=True)
    wall: dict[str, list[float]] = {name: [] for name in COMMANDS}
    cpu: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(rounds):
        for name, argv in COMMANDS.items():  # interleaved, so load hits every command alike
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(argv, cwd=CWD.get(name, ROOT), env=env, stdout=subprocess.DEVNULL,
                           check=True)
            wall[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return ({name: statistics.median(v) for name, v in wall.items()},
            {name: statistics.median(v) for name, v in cpu.items()})


def load_average() -> str:
    """The machine's 1-minute load average (how busy the shared CPUs were), for the record."""
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--baseline", metavar="REV", help="also time REV's gkcli (before/after)")
    args = parser.parse_args()
    compileall.compile_dir(str(ROOT / "gkcli"), quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        if args.baseline:
            add_baseline(args.baseline, Path(folder))
        load_before = load_average()
        wall, cpu = measure(args.rounds)
        load_after = load_average()
    how = "python -m gkcli" if args.baseline else " ".join(GK)
    print(f"median of {args.rounds} interleaved rounds; gk run as: {how}; "
          f"load average {load_before} before, {load_after} after")
    print(f"{'command':<58} {'÷ floor':>8} {'÷ bare':>7} {'cpu ÷ floor':>12}")
    for name, value in wall.items():
        floor = FLOORS.get(name)
        ratio = f"{value / wall[floor]:7.2f}x" if floor else ""
        cpu_ratio = f"{cpu[name] / cpu[floor]:7.2f}x" if floor else ""
        print(f"{name:<58} {ratio:>8} {value / wall['python -c pass']:6.2f}x {cpu_ratio:>12}"
              f"   ({value * 1000:.0f} ms)")
    headline: tuple[str, ...] = ("gk status", "gk list --format json")  # issue 13 asks these
    if args.baseline:
        headline += tuple(f"{name} @{args.baseline}" for name in headline)
    for name in headline:
        floor = FLOORS[name]
        print(f"{name} is {wall[name] / wall[floor]:.2f}x {floor} "
              f"(CPU time {cpu[name] / cpu[floor]:.2f}x)")


if __name__ == "__main__":
    main()
