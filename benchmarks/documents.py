"""Documents benchmark: how long each document takes to write, as a multiple of `gk list --format
json` (the same data loaded, nothing written), all timed in one run, interleaved.

    python benchmarks/documents.py             # 7 rounds on the shipped data (16 items)
    python benchmarks/documents.py --items 200 # on a table grown to 200 items
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from timing import medians, options, print_ratios  # benchmarks/timing.py

ROOT = Path(__file__).resolve().parent.parent
OFFICES = ["安监股", "工程股", "监控室", "车船管理股", "行政审批股", "系统党办", "农村公路管理站", "区运管所"]


def grow(data: Path, items: int) -> None:
    """Append items (to ``items`` in all) to the copy of tasks.yaml, spread over offices and dates."""
    tasks = data / "tasks.yaml"
    extra = "".join(
        f"\n  - id: {n}\n    group: {1 + n % 8}\n    title: 第{n}项工作任务的具体事项\n"
        f"    lead: {OFFICES[n % len(OFFICES)]}\n    deadline: 2021年{1 + n % 12}月底\n"
        f"    status: todo\n" for n in range(17, items + 1))
    tasks.write_text(tasks.read_text(encoding="utf-8").rstrip("\n") + "\n" + extra, encoding="utf-8")


def commands(out: Path) -> dict[str, list[str]]:
    gk = [sys.executable, "-m", "gkcli"]
    return {
        "gk list --format json": [*gk, "list", "--format", "json"],
        "gk summary": [*gk, "summary"],
        "gk report -o a.docx": [*gk, "report", "-o", str(out / "a.docx"), "--force"],
        "gk remind -o b.docx": [*gk, "remind", "-o", str(out / "b.docx"), "--force"],
        "gk export c.ics": [*gk, "export", str(out / "c.ics"), "--force"],
        "gk export d.html": [*gk, "export", str(out / "d.html"), "--force"],
    }


def main() -> None:
    args = options(__doc__, rounds=7, items=16)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        if args.items > 16:
            grow(data, args.items)
        env = {**os.environ, "GK_DATA": str(data), "GK_TODAY": "2021-06-20"}
        todo = commands(Path(tmp))
        found = medians(todo, args.rounds, cwd=ROOT, env=env, quiet=True)
    print(f"{args.items} items, median of {args.rounds} rounds; ratio = command / gk list --format json")
    print_ratios(found, "gk list --format json", 24)


if __name__ == "__main__":
    main()
