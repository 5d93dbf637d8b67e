"""Layout benchmark: drawing item tables at 80, 120 and 200 columns, as ratios in one run.

Generates a table of 5,000 items (drawn by the plain writer, gkcli/plaintable.py) and one of
150 items (drawn by rich) in a temporary folder, then times, interleaved in the same run:

- ``gk list --format json`` on the 5,000 items (the baseline: the same load, no layout),
- ``gk list`` on the 5,000 items at 80, 120 and 200 columns,
- ``gk list`` and ``gk status`` on the 150 items at 80 and 120 columns,

and prints each as a multiple of the baseline. With ``--against PATH`` (another checkout,
say main's), every table command is timed for it too, interleaved, with the ratio of this
checkout to it and the lines each drew (a wider title column draws fewer lines).

    python benchmarks/layout.py                       # 7 rounds
    python benchmarks/layout.py --against /tmp/main   # this checkout ÷ another, one run
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from scale import tasks_yaml  # benchmarks/scale.py: a valid table of N items
from timing import medians, print_ratios  # benchmarks/timing.py

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--against", type=Path, help="another gk checkout to compare with")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="gk-layout-"))
    for name, items in (("5k", 5000), ("150", 150)):
        folder = base / name / "data"
        folder.mkdir(parents=True)
        (folder / "tasks.yaml").write_text(tasks_yaml("某交﹝2021﹞1号", items), encoding="utf-8")
    env = {**os.environ, "GK_TODAY": "2021-06-20", "GK_LANG": "zh", "NO_COLOR": "1",
           "PYTHONPYCACHEPREFIX": str(base / "pycache")}
    env.pop("GK_DATA", None)
    sources = {"": ROOT, **({"other ": args.against.resolve()} if args.against else {})}

    def gk(src: Path, data: str, *argv: str, columns: int = 80) -> list[str]:
        return ["env", f"PYTHONPATH={src}", f"COLUMNS={columns}", sys.executable, "-m", "gkcli",
                "--data", str(base / data / "data"), *argv]

    commands = {"gk list --format json (5,000; baseline)": gk(ROOT, "5k", "list", "--format", "json")}
    tables = [(f"gk list (5,000) at {c}", "5k", ("list",), c) for c in (80, 120, 200)]
    tables += [(f"gk {cmd} (150) at {c}", "150", (cmd,), c) for cmd in ("list", "status")
               for c in (80, 120)]
    for label, src in sources.items():
        for name, data, argv, columns in tables:
            commands[label + name] = gk(src, data, *argv, columns=columns)
    lines = {name: subprocess.run(argv, cwd=base, env=env, capture_output=True, text=True,
                                  check=True).stdout.count("\n")
             for name, argv in commands.items()}  # also the warm-up round
    found = medians(commands, args.rounds, cwd=base, env=env, quiet=True)
    print(f"gk from {ROOT}; medians of {args.rounds} interleaved rounds")
    print_ratios(found, "gk list --format json (5,000; baseline)", 46)
    if args.against:
        print(f"\nthis checkout ÷ {args.against} (lines drawn: this / other)")
        for name, *_ in tables:
            print(f"{name:<46} {found[name] / found['other ' + name]:5.2f}x   "
                  f"({lines[name]} / {lines['other ' + name]} lines)")


if __name__ == "__main__":
    main()
