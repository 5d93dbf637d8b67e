"""What the official calendar costs: `gk list --format json` on a large table of dated items,
against the same table with working-day periods, recurring deadlines and a reporting rhythm.

JSON, not the dashboard, so that both draw every item and only the counting differs (the
dashboard of the calendar table would draw more overdue rows, and time rich instead).

Both tables are generated in a temporary folder (N items, default 300), and every command is
timed in the same run, interleaved, against bare Python start-up.

    python benchmarks/calendar.py
    python benchmarks/calendar.py --items 1000 --rounds 10
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from timing import medians, options, print_ratios  # benchmarks/timing.py

HEAD = """notice:
  issued: 2021-01-04
  table: 基准表
settings:
  due_soon_days: 14{extra}
offices:
  - name: 综合股
  - name: 安监股
  - name: 运管股
groups:
  - id: 1
    title: 基准
tasks:
"""
OFFICES = ("综合股", "安监股", "运管股")


def table(n: int, calendar: bool) -> str:
    extra = "\n  due_soon_workdays: 5" if calendar else ""
    lines = [HEAD.format(extra=extra)]
    for i in range(1, n + 1):
        if calendar:
            deadline = ("15个工作日内", "5日内", "每月28日前", "每季度末")[i % 4]
            start = f"    start: 2021-{1 + i % 11:02d}-{1 + i % 27:02d}\n"
        else:
            deadline, start = f"2021-{1 + i % 11:02d}-{1 + i % 27:02d}", ""
        lines.append(f"  - id: {i}\n    group: 1\n    title: 事项{i}\n    lead: {OFFICES[i % 3]}\n"
                     f"{start}    deadline: {deadline}\n    status: doing\n")
    if calendar:
        lines.append("reporting:\n  - what: 进展情况\n    every: 每月28日前\n")
    return "".join(lines)


def main() -> None:
    args = options(__doc__, items=300, rounds=10)
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for name, calendar in (("dates", False), ("calendar", True)):
            folder = Path(tmp) / name
            folder.mkdir()
            (folder / "tasks.yaml").write_text(table(args.items, calendar), encoding="utf-8")
            folders[name] = folder
        gk = [sys.executable, "-m", "gkcli", "--today", "2021-09-30"]
        listing = ["list", "--format", "json"]
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            f"gk list, {args.items} dated items": [*gk, "--data", str(folders["dates"]), *listing],
            f"gk list, {args.items} calendar items": [*gk, "--data", str(folders["calendar"]),
                                                      *listing],
        }
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        found = medians(commands, args.rounds, env=env)
    print(f"median of {args.rounds} rounds; ratio = command / python -c pass")
    print_ratios(found, "python -c pass", 32)


if __name__ == "__main__":
    main()
