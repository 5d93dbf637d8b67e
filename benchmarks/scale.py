"""Scale benchmark: gk on a generated workspace (300 notices, 10,000 items) and on one big table.

Every figure is a RATIO to reading the same file(s) with ``yaml.load(..., Loader=CSafeLoader)``
in a fresh Python, timed in the same run (medians of interleaved rounds), so a busy machine
moves both alike. The workspace and tables are generated in a temporary folder; the cache
goes to a temporary GK_CACHE_DIR ("first run" empties it before every round, "second run"
keeps it). Bytecode is cached (as in an installed gk) in a temporary folder and every
command is run once untimed first. With Taskwarrior on PATH, ``task list`` over the same 10,000 items is timed too.

    python benchmarks/scale.py                      # this checkout
    python benchmarks/scale.py --src /work/main     # another checkout's gk (before/after)
    python benchmarks/scale.py --rounds 5 --big-rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OFFICES = ["综合股", "运管股", "安监股", "工程股", "行政审批股", "车船管理股", "监控室", "农村公路管理站"]
DEADLINES = ["2020年7月17日前", "2020年12月底", "2021年6月底", "长期坚持", "2021年3月31日前", "2022年底"]


def tasks_yaml(number: str, items: int, per_group: int = 8) -> str:
    """A valid tasks.yaml of ``items`` items in work tasks of ``per_group``."""
    lines = ["notice:", f"  number: {number}", "  issuer: 某某区交通运输局", "  issued: 2020-07-02",
             f"  title: 关于印发{number}工作任务的通知", f"  table: {number}工作任务分工表",
             "offices:"]
    for office in OFFICES:
        lines.append(f"  - name: {office}")
    lines += ["office_groups:", "  - name: 局各股室", "    members: all", "groups:"]
    groups = max(1, (items + per_group - 1) // per_group)
    for g in range(1, groups + 1):
        lines += [f"  - id: {g}", f"    title: 第{g}项工作任务：健全完善相关工作制度机制"]
    lines.append("tasks:")
    for i in range(1, items + 1):
        status = ("todo", "doing", "done")[i % 3]
        lines += [f"  - id: {i}", f"    group: {(i - 1) // per_group + 1}",
                  f"    title: 第{i}项具体事项，建立健全政策解读制度规范并动态调整更新",
                  f"    lead: {OFFICES[i % len(OFFICES)]}",
                  f"    assist: [{OFFICES[(i + 1) % len(OFFICES)]}, 局各股室]",
                  f"    deadline: {DEADLINES[i % len(DEADLINES)]}", f"    status: {status}"]
        if status == "done":
            lines.append("    done_on: 2021-01-05")
        if i % 4 == 0:
            lines += ["    progress:", "      - 2021-01-10 已报送初稿"]
    return "\n".join(lines) + "\n"


ROSTER = """group:
  name: 政务公开工作领导小组
members:
  - {name: 张三, role: 组长, post: 局长}
  - {name: 李四, role: 成员, post: 综合股负责人, office: 综合股}
  - {name: 王五, role: 成员, post: 安监股负责人, office: 安监股}
"""


def generate(base: Path, notices: int, total: int, big: int) -> dict[str, Path]:
    ws = base / "ws" / "data"
    per = total // notices
    extra = total - per * notices
    for n in range(notices):
        folder = ws / f"n{n:03d}"
        folder.mkdir(parents=True)
        count = per + (1 if n < extra else 0)
        (folder / "tasks.yaml").write_text(tasks_yaml(f"某交〔2021〕{n + 1}号", count), "utf-8")
        (folder / "leading_group.yaml").write_text(ROSTER, "utf-8")
    found = {"ws": ws}
    for label, items in (("10k", total), ("big", big)):
        folder = base / label / "data"
        folder.mkdir(parents=True)
        (folder / "tasks.yaml").write_text(tasks_yaml("某交〔2021〕1号", items), "utf-8")
        (folder / "leading_group.yaml").write_text(ROSTER, "utf-8")
        found[label] = folder
    return found


FLOOR = ("import sys, yaml\n"
         "for f in sys.argv[1:]:\n"
         "    yaml.load(open(f, encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n")


def taskwarrior(base: Path, items: int) -> dict | None:
    """A TASKDATA with ``items`` tasks imported, or None without Taskwarrior."""
    if not shutil.which("task"):
        return None
    data = base / "taskdata"
    data.mkdir()
    rc = base / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\n", "utf-8")
    tasks = [{"description": f"第{i}项具体事项，建立健全政策解读制度规范", "status": "pending",
              "project": OFFICES[i % len(OFFICES)], "due": "20211231T000000Z",
              "entry": "20200702T000000Z", "uuid": f"00000000-0000-4000-8000-{i:012d}"}
             for i in range(1, items + 1)]
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}
    subprocess.run(["task", "import", "-"], input=json.dumps(tasks).encode(), env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--src", type=Path, default=ROOT, help="the gk checkout to time")
    parser.add_argument("--notices", type=int, default=300)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--big-rounds", type=int, default=1, help="rounds for the big table")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="gk-scale-"))
    try:
        run(args, base)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def run(args, base: Path) -> None:
    folders = generate(base, args.notices, args.items, args.big)
    cache = base / "cache"
    env = {**os.environ, "PYTHONPATH": str(args.src.resolve()), "GK_TODAY": "2021-06-20",
           "GK_CACHE_DIR": str(cache), "COLUMNS": "120", "GK_LANG": "zh"}
    env.pop("GK_DATA", None)
    # an installed gk has its bytecode compiled (pip does it); so does yaml for the floor: let
    # every Python here keep its .pyc, in a private folder, and warm it up before timing
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(base / "pycache")
    gk = [sys.executable, "-m", "gkcli"]
    ws_files = sorted(str(p) for p in folders["ws"].rglob("*.yaml"))
    files = {k: [str(folders[k] / "tasks.yaml"), str(folders[k] / "leading_group.yaml")]
             for k in ("10k", "big")}
    has_all = "--all" in subprocess.run(gk + ["--help"], env=env, capture_output=True, cwd=base,
                                        text=True).stdout  # cwd: not this checkout's gkcli
    cases: dict[str, tuple[list[str], Path | None, str]] = {  # argv, cwd (None: ROOT), floor
        "floor: workspace": ([sys.executable, "-c", FLOOR, *ws_files], None, ""),
        "floor: 10k": ([sys.executable, "-c", FLOOR, *files["10k"]], None, ""),
        "floor: big": ([sys.executable, "-c", FLOOR, *files["big"]], None, ""),
    }
    if has_all:
        cases.update({
            "gk --all status (first run)": (gk + ["--all", "status"], folders["ws"].parent, "workspace"),
            "gk --all list --format json (first run)": (gk + ["--all", "list", "--format", "json"],
                                                        folders["ws"].parent, "workspace"),
            "gk --all status (second run)": (gk + ["--all", "status"], folders["ws"].parent, "workspace"),
            "gk --all list (table)": (gk + ["--all", "list"], folders["ws"].parent, "workspace"),
        })
    cases.update({
        "gk status (10k)": (gk + ["status"], folders["10k"].parent, "10k"),
        "gk list --format json (10k)": (gk + ["list", "--format", "json"], folders["10k"].parent, "10k"),
        "gk list (10k, table)": (gk + ["list"], folders["10k"].parent, "10k"),
        "gk note (10k, a write)": (gk + ["note", "5", "已报送", "--no-commit"], folders["10k"].parent, "10k"),
        "gk report (10k)": (gk + ["report"], folders["10k"].parent, "10k"),
        "gk report (big)": (gk + ["report"], folders["big"].parent, "big"),
    })
    tw = taskwarrior(base, args.items)
    if tw:
        cases["task list (Taskwarrior, 10k)"] = (["task", "list"], None, "10k")
    for name, (argv, cwd, _floor) in cases.items():  # warm-up: bytecode, file cache
        if argv[0] != "task" and "big" not in name:
            subprocess.run(argv, cwd=cwd or ROOT, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, (argv, cwd, _floor) in cases.items():
            if "first run" in name:
                shutil.rmtree(cache, ignore_errors=True)
            if "big" in name and len(times[name]) >= args.big_rounds:
                continue
            start = time.perf_counter()
            done = subprocess.run(argv, cwd=cwd or ROOT, env=tw if argv[0] == "task" else env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            times[name].append(time.perf_counter() - start)
            if done.returncode:
                sys.exit(f"{name} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    median = {name: statistics.median(v) for name, v in times.items()}
    print(f"gk from {args.src}; {args.notices} notices / {args.items} items; big table "
          f"{args.big} items; medians of {args.rounds} rounds, as ratios to the C-loader floor")
    for name, (_argv, _cwd, floor) in cases.items():
        if floor:
            print(f"  {name:42s} {median[name] / median['floor: ' + floor]:6.2f}×")
    if "gk --all status (second run)" in median and tw:
        ratio = median["gk --all status (second run)"] / median["task list (Taskwarrior, 10k)"]
        print(f"  {'gk --all status (second run) ÷ task list':42s} {ratio:6.2f}×")
    grow = median["gk report (big)"] / median["gk report (10k)"]
    print(f"  {'gk report big ÷ 10k (linear ≈ items ratio)':42s} {grow:6.2f}× "
          f"(items ×{args.big / args.items:.0f}; floor ×"
          f"{median['floor: big'] / median['floor: 10k']:.2f})")


if __name__ == "__main__":
    main()
