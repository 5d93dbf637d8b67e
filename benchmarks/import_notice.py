"""`gk import` benchmark: importing the shipped notice (text extraction and a .docx with merged
cells) against `gk check` of the shipped data and `python -c pass`, as ratios in one run.

    python benchmarks/import_notice.py            # 15 rounds
    python benchmarks/import_notice.py --rounds 30

The .docx is built once with python-docx (tests/notices.py) before timing starts. The last
row imports into a generated workspace of 300 notices (10,000 items, benchmarks/scale.py),
where gk import looks for the notice's 文号 in every table: against the row above it, what
that look costs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from timing import medians, options  # benchmarks/timing.py: the shared interleaved loop

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "泉港交﹝2020﹞150号.txt"


def commands(docx: Path, ws: Path) -> dict[str, list[str]]:
    gk = [sys.executable, "-m", "gkcli"]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "gk check": [*gk, "check"],
        "gk import notice.txt --dry-run": [*gk, "import", str(SEED), "--dry-run"],
        "gk import notice.docx --dry-run": [*gk, "import", str(docx), "--dry-run"],
        "gk import notice.txt, 300 notices": [*gk, "--data", str(ws), "import", str(SEED),
                                              "--dry-run", "--out", str(ws / "new")],
    }


def measure(rounds: int, docx: Path, ws: Path) -> dict[str, float]:
    env = {**os.environ, "GK_DATA": str(ROOT / "data"), "GK_TODAY": "2021-06-20"}
    return medians(commands(docx, ws), rounds, cwd=ROOT, env=env)


def main() -> None:
    args = options(__doc__, rounds=15)
    sys.path[:0] = [str(ROOT / "tests")]
    from notices import shipped_docx
    from scale import generate

    with tempfile.TemporaryDirectory() as tmp:
        docx = shipped_docx(Path(tmp) / "notice.docx")
        ws = generate(Path(tmp), 300, 10_000, 100)["ws"]
        medians = measure(args.rounds, docx, ws)
    base, check = medians["python -c pass"], medians["gk check"]
    print(f"median of {args.rounds} rounds; ratios to python -c pass and to gk check")
    for name, value in medians.items():
        print(f"{name:<34} {value / base:5.1f}x  {value / check:5.2f}x check   ({value * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
