"""Scale benchmark: gk on a generated workspace (300 notices, 10,000 items) and on one big table.

Every figure is a RATIO to reading the same file(s) with ``yaml.load(..., Loader=CSafeLoader)``
in a fresh Python, timed in the same run (medians of interleaved rounds, benchmarks/timing.py),
so a busy machine moves both alike. The workspace and tables are generated in a temporary
folder: the workspace, one table of 7,500 items (a data file may not pass 2 MB) and one of a
tenth of that (``gk report`` must grow linearly). The cache goes to a temporary GK_CACHE_DIR
("first run" empties it before every round, "second run" keeps it). Bytecode is cached (as in
an installed gk) in a temporary folder and every command is run once untimed first. With
Taskwarrior on PATH, ``task list`` over the same 10,000 items is timed too.

    python benchmarks/scale.py                          # this checkout
    python benchmarks/scale.py --src /work/main --src .  # two checkouts in one run (before/after)
    python benchmarks/scale.py --rounds 9
    python benchmarks/scale.py --workspace-only --rounds 9 --src /work/main --src .
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import medians  # benchmarks/timing.py: the shared interleaved loop

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


def generate(base: Path, notices: int, total: int, table: int) -> dict[str, Path]:
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
    for label, items in (("table", table), ("small", table // 10)):
        folder = base / label / "data"
        folder.mkdir(parents=True)
        (folder / "tasks.yaml").write_text(tasks_yaml("某交〔2021〕1号", items), "utf-8")
        (folder / "leading_group.yaml").write_text(ROSTER, "utf-8")
        found[label] = folder
    return found


FLOOR = ("import sys, yaml\n"
         "for f in sys.argv[1:]:\n"
         "    yaml.load(open(f, encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n")


def taskwarrior(base: Path, items: int) -> dict[str, str] | None:
    """TASKRC/TASKDATA of a Taskwarrior with ``items`` tasks imported, or None without it."""
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
    found = {"TASKRC": str(rc), "TASKDATA": str(data)}
    subprocess.run(["task", "import", "-"], input=json.dumps(tasks).encode(),
                   env={**os.environ, **found}, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--src", type=Path, action="append",
                        help="a gk checkout to time (repeat it to compare checkouts; default: this one)")
    parser.add_argument("--notices", type=int, default=300)
    parser.add_argument("--items", type=int, default=10_000, help="items of the workspace")
    parser.add_argument("--table", type=int, default=7_500,
                        help="items of the single table (a data file may not pass 2 MB)")
    parser.add_argument("--workspace-only", action="store_true",
                        help="only the gk --all cases and task list: shorter rounds, so the floor "
                             "and each case run closer together on a busy machine")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="gk-scale-"))
    try:
        run(args, base)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def launcher(base: Path, n: int, src: Path) -> list[str]:
    """``python gk-N.py``: the gk of checkout ``src`` (a script, so every checkout shares one env)."""
    script = base / f"gk-{n}.py"
    script.write_text(f"import sys\nsys.path.insert(0, {str(src.resolve())!r})\n"
                      "from gkcli.cli import main\nmain(prog_name='gk')\n", "utf-8")
    return [sys.executable, str(script)]


def run(args, base: Path) -> None:
    folders = generate(base, args.notices, args.items, args.table)
    cache = base / "cache"
    # 2021-06-20 is gk's real today too (GK_NOW): the everyday read of the files as they are,
    # not the history (a past --today reads git: see benchmarks/history.py)
    env = {**os.environ, "GK_TODAY": "2021-06-20", "GK_NOW": "2021-06-20",
           "GK_CACHE_DIR": str(cache), "COLUMNS": "120", "GK_LANG": "zh"}
    for name in ("GK_DATA", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    # an installed gk has its bytecode compiled (pip does it); so does yaml for the floor: let
    # every Python here keep its .pyc, in a private folder, and warm it up before timing
    env["PYTHONPYCACHEPREFIX"] = str(base / "pycache")
    tw = taskwarrior(base, args.items)
    env.update(tw or {})
    ws, table, small = (str(folders[k]) for k in ("ws", "table", "small"))
    files = {k: sorted(str(p) for p in folders[k].rglob("*.yaml")) for k in folders}
    commands: dict[str, list[str]] = {f"floor: {k}": [sys.executable, "-c", FLOOR, *files[k]]
                                      for k in folders if k == "ws" or not args.workspace_only}
    floor_of: dict[str, str] = {}
    srcs = args.src or [ROOT]
    labels = [f"[{n + 1}] " if len(srcs) > 1 else "" for n in range(len(srcs))]
    first_runs = []
    for n, src in enumerate(srcs):
        gk = launcher(base, n, src)
        every = "--all" in subprocess.run(gk + ["--help"], env=env, capture_output=True,
                                          text=True).stdout
        cases = {
            "gk --all status (first run)": (["--data", ws, "--all", "status"], "ws"),
            "gk --all list --format json (first run)": (["--data", ws, "--all", "list", "--format",
                                                         "json"], "ws"),
            "gk --all status (second run)": (["--data", ws, "--all", "status"], "ws"),
            "gk --all list (table)": (["--data", ws, "--all", "list"], "ws"),
        } if every else {}
        cases.update({} if args.workspace_only else {
            "gk status": (["--data", table, "status"], "table"),
            "gk list --format json": (["--data", table, "list", "--format", "json"], "table"),
            "gk list (table)": (["--data", table, "list"], "table"),
            "gk note (a write)": (["--data", table, "note", "5", "已报送", "--no-commit"], "table"),
            "gk report": (["--data", table, "report"], "table"),
            "gk report (a tenth of the items)": (["--data", small, "report"], "small"),
        })
        for name, (argv, floor) in cases.items():
            commands[labels[n] + name] = gk + argv
            floor_of[labels[n] + name] = floor
            if "first run" in name:
                first_runs.append(labels[n] + name)
    if tw:
        commands["task list (Taskwarrior)"] = ["task", "list"]
        floor_of["task list (Taskwarrior)"] = "ws"
    for argv in commands.values():  # warm-up: bytecode, the file cache
        subprocess.run(argv, cwd=base, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    median = medians(commands, args.rounds, cwd=base, env=env, quiet=False,
                     before={name: lambda: shutil.rmtree(cache, ignore_errors=True)
                             for name in first_runs})
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.notices} notices / {args.items} items in the workspace; one table of {args.table} "
          f"items; medians of {args.rounds} interleaved rounds (load average {load:.2f}), "
          "as ratios to the C-loader floor of the same files")
    for n, src in enumerate(srcs):
        if labels[n]:
            print(f"{labels[n]}gk from {src}")
    for name, floor in floor_of.items():
        print(f"  {name:46s} {median[name] / median['floor: ' + floor]:6.2f}×")
    for label in labels:
        second = label + "gk --all status (second run)"
        if second in median and tw:
            ratio = median[second] / median["task list (Taskwarrior)"]
            print(f"  {label + 'gk --all status (second run) ÷ task list':46s} {ratio:6.2f}×")
    for label in labels if not args.workspace_only else []:
        grow = median[label + "gk report"] / median[label + "gk report (a tenth of the items)"]
        print(f"  {label + 'gk report: ten times the items':46s} {grow:6.2f}× "
              f"(floor ×{median['floor: table'] / median['floor: small']:.2f})")


if __name__ == "__main__":
    main()
