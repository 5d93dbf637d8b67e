"""Data-safety races, counted: what lands and what is lost when gk runs alongside itself and
alongside other programs (issue 7). Prints counts and ratios from one run, never times.

    python benchmarks/races.py              # 6 concurrent processes, 10 race rounds
    python benchmarks/races.py --procs 12 --rounds 30

1. N concurrent `gk add`: how many items land (all N, with distinct ids).
2. N concurrent `gk note ID x --commit` in a git repository: notes landed, commits that hold
   exactly their own note, whether git status is clean afterwards.
3. A `sed -i`-style editor renaming its file in continuously while `gk note` runs ROUNDS x 3
   times: hand edits lost (must be 0), gk writes that landed or were refused.
4. Write cost as the file grows: `gk note` on a table 300x the shipped one, as a ratio to the
   shipped table (linear means the ratio follows the size, not its square).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import options  # benchmarks/timing.py

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data"
GIT_ENV = {"GIT_AUTHOR_NAME": "gk", "GIT_AUTHOR_EMAIL": "gk@example.org", "GIT_COMMITTER_NAME": "gk",
           "GIT_COMMITTER_EMAIL": "gk@example.org", "GIT_CONFIG_NOSYSTEM": "1"}


def gk(data: Path, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "gkcli", "--data", str(data), "--today", "2021-06-20",
                             "--lang", "en", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def fresh(where: Path) -> Path:
    data = where / "data"
    shutil.copytree(SHIPPED, data)
    return data


def concurrent_adds(where: Path, procs: int) -> str:
    data = fresh(where)
    runs = [gk(data, "add", "--group", "1", "--title", f"race{n}", "--lead", "综合股", "--deadline", "长期")
            for n in range(procs)]
    codes = [p.wait() for p in runs]
    text = (data / "tasks.yaml").read_text("utf-8")
    landed = sum(f"title: race{n}\n" in text for n in range(procs))
    return f"concurrent adds: {landed}/{procs} landed, {codes.count(0)}/{procs} exit 0"


def concurrent_commits(where: Path, procs: int) -> str:
    top = where / "repo"
    data = fresh(top)
    home = where / "home"
    home.mkdir()
    env = {**os.environ, **GIT_ENV, "HOME": str(home), "GIT_CONFIG_GLOBAL": str(home / "none")}
    run = lambda *a: subprocess.run(["git", *a], cwd=top, env=env, capture_output=True, text=True)  # noqa: E731
    run("init", "-q")
    run("add", "-A")
    run("commit", "-qm", "table")
    ids = [(n % 16) + 1 for n in range(procs)]
    runs = [gk(data, "note", str(i), f"race{n}", "--commit", env=env) for n, i in enumerate(ids)]
    codes = [p.wait() for p in runs]
    text = (data / "tasks.yaml").read_text("utf-8")
    landed = sum(f"2021-06-20 race{n}\n" in text for n in range(procs))
    exact = 0
    for k in range(procs):
        added = [line for line in run("show", "--format=", f"HEAD~{k}").stdout.splitlines()
                 if line.startswith("+ ") and "race" in line]
        exact += len(added) == 1
    clean = run("status", "--porcelain").stdout.strip() == ""
    return (f"concurrent --commit: {landed}/{procs} notes landed, {exact}/{procs} commits hold exactly "
            f"their own note, {codes.count(0)}/{procs} exit 0, git status clean: {clean}")


def sed_race(where: Path, rounds: int) -> str:
    data = fresh(where)
    stop = where / "stop"
    editor = subprocess.Popen([sys.executable, str(ROOT / "tests" / "sed_editor.py"),  # as sed -i
                               str(data / "tasks.yaml"), str(stop)], stdout=subprocess.PIPE, text=True)
    codes = []
    for r in range(rounds):
        runs = [gk(data, "note", str(n), f"round{r}") for n in (1, 2, 3)]
        codes += [p.wait() for p in runs]
    stop.touch()
    edits = int(editor.communicate()[0])
    text = (data / "tasks.yaml").read_text("utf-8")
    lost = sum(f"# 手工 {i}\n" not in text for i in range(edits))
    return (f"sed -i race: {lost}/{edits} hand edits lost; gk writes {codes.count(0)}/{len(codes)} "
            f"landed, {codes.count(1)}/{len(codes)} refused (changed on disk)")


def write_cost(where: Path) -> str:
    small = fresh(where / "small")
    big = fresh(where / "big")
    text = (big / "tasks.yaml").read_text("utf-8")
    item = text[text.index("  - id: 16"):]
    copies = [item.replace("id: 16", f"id: {n}", 1) for n in range(17, 17 + 16 * 300)]
    (big / "tasks.yaml").write_text(text + "".join(copies), encoding="utf-8")
    times = {}
    for name, data in (("shipped", small), ("300x", big)):
        start = time.perf_counter()
        assert gk(data, "note", "5", "x").wait() == 0
        times[name] = time.perf_counter() - start
    size = (big / "tasks.yaml").stat().st_size / (small / "tasks.yaml").stat().st_size
    return (f"write cost: a table {size:.0f}x the shipped one ({(big / 'tasks.yaml').stat().st_size >> 10} KB) "
            f"takes {times['300x'] / times['shipped']:.1f}x as long for one gk note")


def main() -> None:
    args = options(__doc__, procs=6, rounds=10)
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        for n, step in enumerate((lambda w: concurrent_adds(w, args.procs),
                                  lambda w: concurrent_commits(w, args.procs),
                                  lambda w: sed_race(w, args.rounds), write_cost)):
            folder = where / str(n)
            folder.mkdir()
            print(step(folder))


if __name__ == "__main__":
    main()
