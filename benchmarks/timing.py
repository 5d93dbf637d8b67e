"""The one timing loop the benchmarks share: commands run interleaved, medians reported.

The machines are shared and noisy, so every command of a benchmark is timed in the same
run, one round after another, and the benchmarks report ratios of these medians.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path


def options(doc: str, **defaults: int) -> argparse.Namespace:
    """The benchmark's command line: ``--NAME N`` for each of ``defaults`` (--rounds, --items,
    …), described by the first line of the benchmark's docstring ``doc``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    for name, default in defaults.items():
        parser.add_argument(f"--{name}", type=int, default=default)
    return parser.parse_args()


def medians(commands: Mapping[str, Sequence[str]], rounds: int, *, cwd: Path | None = None,
            env: Mapping[str, str] | None = None, quiet: bool = False,
            before: Mapping[str, Callable[[], object]] | None = None) -> dict[str, float]:
    """Median wall time in seconds of each command over ``rounds`` interleaved rounds, so
    load on the machine hits every command alike; ``quiet`` also discards stderr;
    ``before[name]`` runs, untimed, before each run of command ``name``."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, argv in commands.items():
            if before and name in before:
                before[name]()
            start = time.perf_counter()
            subprocess.run(list(argv), cwd=cwd, env=dict(env) if env is not None else None,
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL if quiet else None, check=True)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def print_ratios(found: Mapping[str, float], base: str, width: int) -> None:
    """One line a command: its median as a multiple of ``base``'s, and in milliseconds."""
    for name, value in found.items():
        print(f"{name:<{width}} {value / found[base]:5.1f}x   ({value * 1000:.0f} ms)")
