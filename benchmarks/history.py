"""History benchmark: gk reading 500 commits of a 16-item table, against `git log -p`, as ratios.

Builds a repository in a temporary folder with 500 backdated commits of the shipped table
over a year (progress notes, starts, completions, extensions), then times, interleaved in
the same run:

- ``git log -p -- data/tasks.yaml`` (the baseline: git reading every version),
- ``gk changes --since <first commit's date> --format json``,
- ``gk --today <mid-year> report``,
- ``gk log 5`` (every version parsed),
- ``gk add --dry-run`` (the next id above every item id any version held),

and prints each as a multiple of the baseline. Target: changes and report within 3x.

    python benchmarks/history.py            # 9 rounds
    python benchmarks/history.py --rounds 15
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from timing import medians, options, print_ratios  # benchmarks/timing.py

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # not benchmarks/, whose calendar.py would hide the standard library's

COMMITS = 500
FIRST = datetime(2020, 7, 3, 9, 0)
MID_YEAR = "2021-01-01"


def git(repo: Path, *args: str, env: dict | None = None) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def build(repo: Path) -> str:
    """The repository; returns the first commit's date."""
    from gkcli.store import validate_tasks_text
    from gkcli.yamledit import TasksText

    shutil.copytree(ROOT / "data", repo / "data")
    tasks = repo / "data" / "tasks.yaml"
    base = {**os.environ, "GIT_AUTHOR_NAME": "秘书", "GIT_AUTHOR_EMAIL": "s@example.org",
            "GIT_COMMITTER_NAME": "秘书", "GIT_COMMITTER_EMAIL": "s@example.org",
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    git(repo, "init", "-q", env=base)
    rng = random.Random(8)
    status = {i: "todo" for i in range(1, 17)}
    text = tasks.read_text(encoding="utf-8")
    for n in range(COMMITS):
        when = FIRST + timedelta(hours=17 * n)
        day = when.date()
        if n:
            doc = TasksText(text)
            table, _ = validate_tasks_text(text, "tasks.yaml")
            task_id = rng.randint(1, 16)
            task = table.task(task_id)
            roll = rng.random()
            if roll < 0.15 and status[task_id] == "todo":
                doc.set_field(task_id, "status", "doing")
                status[task_id] = "doing"
            elif roll < 0.22 and status[task_id] != "done":
                doc.set_field(task_id, "status", "done")
                doc.set_field(task_id, "done_on", day)
                status[task_id] = "done"
            elif (roll < 0.26 and status[task_id] != "done" and task.deadline.date
                  and task.deadline.date >= day):
                later = task.deadline.date + timedelta(days=90)
                doc.append_mapping(task_id, "extensions", {
                    "on": day, "from": task.deadline.text, "to": later.isoformat(),
                    "reason": "工作量大"})
            else:
                doc.append_to_list(task_id, "progress", f"{day.isoformat()} 第{n}次进展")
            text = doc.text
        tasks.write_text(text, encoding="utf-8")
        stamp = when.isoformat()
        env = {**base, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        git(repo, "add", "data", env=env)
        git(repo, "commit", "-qm", f"进展 {n}", env=env)
    return FIRST.date().isoformat()


def measure(repo: Path, first: str, rounds: int) -> dict[str, float]:
    gk = [sys.executable, "-m", "gkcli"]
    commands = {
        "git log -p -- data/tasks.yaml": ["git", "log", "-p", "--", "data/tasks.yaml"],
        f"gk changes --since {first}": [*gk, "changes", "--since", first, "--format", "json"],
        f"gk --today {MID_YEAR} report": [*gk, "--today", MID_YEAR, "report"],
        "gk log 5": [*gk, "log", "5"],
        "gk add --dry-run": [*gk, "add", "--group", "8", "--title", "新事项", "--lead", "综合股",
                             "--deadline", "2021年9月底", "--dry-run"],
    }
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GIT_CONFIG_GLOBAL": os.devnull,
           "COLUMNS": "100"}
    env.pop("GK_DATA", None)
    env.pop("GK_TODAY", None)
    return medians(commands, rounds, cwd=repo, env=env)


def main() -> None:
    args = options(__doc__, rounds=9)
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        first = build(repo)
        medians = measure(repo, first, args.rounds)
    print(f"{COMMITS} commits of a 16-item table; median of {args.rounds} rounds; "
          f"ratio = command / git log -p")
    print_ratios(medians, "git log -p -- data/tasks.yaml", 34)
    print(f"(built {date.today().isoformat()}; ratios are what to compare)")


if __name__ == "__main__":
    main()
