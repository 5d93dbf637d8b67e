"""Start-up benchmark: `gk status` (and other commands) against `python -c pass`, as ratios.

The machines are shared and noisy, so absolute times mean little; every command is
timed in the same run, interleaved, and reported as a multiple of bare Python start-up.

    python benchmarks/startup.py            # 15 rounds
    python benchmarks/startup.py --rounds 30
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "gk --version": [sys.executable, "-m", "gkcli", "--version"],
    "gk status": [sys.executable, "-m", "gkcli", "status"],
    "gk list --format json": [sys.executable, "-m", "gkcli", "list", "--format", "json"],
    "gk check": [sys.executable, "-m", "gkcli", "check"],
    # working-day periods load chinese-calendar; recurring items and reporting cycles are counted
    "gk status (calendar)": [sys.executable, "-m", "gkcli", "--data", str(ROOT / "examples" / "calendar"),
                             "--today", "2021-09-30", "status"],
}


def measure(rounds: int) -> dict[str, float]:
    env = {**os.environ, "GK_DATA": str(ROOT / "data"), "GK_TODAY": "2021-06-20"}
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(rounds):
        for name, argv in COMMANDS.items():  # interleaved, so load hits every command alike
            start = time.perf_counter()
            subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    medians = measure(args.rounds)
    base = medians["python -c pass"]
    print(f"median of {args.rounds} rounds; ratio = command / python -c pass")
    for name, value in medians.items():
        print(f"{name:<24} {value / base:5.1f}x   ({value * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
