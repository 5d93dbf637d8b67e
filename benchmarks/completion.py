"""Completion benchmark: how long completing takes, as a multiple of `gk --version`.

Completion must answer within 1.5× of `gk --version` (the cost of starting gk at all).
Both are timed in the same run, interleaved, so a busy machine slows them alike; the
report is the ratio of medians.

    python benchmarks/completion.py            # 20 rounds
    python benchmarks/completion.py --rounds 40
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from timing import options  # benchmarks/timing.py

ROOT = Path(__file__).resolve().parent.parent
GK = [sys.executable, "-m", "gkcli"]
CASES = {
    "gk --version": ([*GK, "--version"], {}),
    "complete: gk show <TAB>": (GK, {"COMP_WORDS": "gk show ", "COMP_CWORD": "2"}),
    "complete: gk list --lead <TAB>": (GK, {"COMP_WORDS": "gk list --lead ", "COMP_CWORD": "3"}),
    "complete: gk who <TAB>": (GK, {"COMP_WORDS": "gk who ", "COMP_CWORD": "2"}),
}
LIMIT = 1.5


def measure(rounds: int) -> dict[str, float]:
    base = {**os.environ, "GK_DATA": str(ROOT / "data")}
    times: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(rounds):
        for name, (argv, extra) in CASES.items():
            env = {**base, **extra}
            if extra:
                env["_GK_COMPLETE"] = "zsh_complete"
            start = time.perf_counter()
            subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    args = options(__doc__, rounds=20)
    medians = measure(args.rounds)
    base = medians["gk --version"]
    print(f"median of {args.rounds} rounds; ratio = case / gk --version (limit {LIMIT}x)")
    worst = 0.0
    for name, value in medians.items():
        ratio = value / base
        worst = max(worst, ratio)
        print(f"{name:<32} {ratio:5.2f}x")
    print(f"worst completion ratio: {worst:.2f}x ({'within' if worst <= LIMIT else 'OVER'} {LIMIT}x)")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
