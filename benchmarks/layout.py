"""Layout benchmark: drawing item tables at 80, 120 and 200 columns, as ratios in one run.

Generates a table of 5,000 items (drawn by the plain writer, gkcli/plaintable.py) and one of
150 items (drawn by rich) in a temporary folder, then times, interleaved in the same run:

- ``gk list --format json`` on the 5,000 items (the baseline: the same load, no layout),
- ``gk list`` on the 5,000 items at 80, 120 and 200 columns,
- ``gk list`` and ``gk status`` on the 150 items at 80 and 120 columns,

and prints each as a multiple of the baseline. With ``--against PATH`` (another checkout,
say main's), every table command is timed for it too, interleaved, with the ratio of this
checkout to it and the lines each drew (a wider title column draws fewer lines); and the
plain writer alone (gkcli/plaintable.py, 5,000 rows, in this process: no start-up or loading
in the figure) of both checkouts, interleaved, with the time per line drawn.

    python benchmarks/layout.py                       # 7 rounds
    python benchmarks/layout.py --against /tmp/main   # this checkout ÷ another, one run
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
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
        writer_alone(args.against.resolve(), args.rounds)


def writer_alone(other: Path, rounds: int) -> None:
    """This checkout's plain writer against ``other``'s, in one process, on the same rows."""
    sys.path.insert(0, str(ROOT))
    from gkcli import plaintable as this

    spec = importlib.util.spec_from_file_location("other_plaintable", other / "gkcli" / "plaintable.py")
    assert spec is not None and spec.loader is not None
    that = importlib.util.module_from_spec(spec)
    sys.modules["other_plaintable"] = that
    spec.loader.exec_module(that)
    offices = ["综合股", "运管股（政策法规股）", "安监股", "局各股室（中队、站）"]
    rows: list[tuple[str | None, list[str], str]] = []
    for i in range(1, 5001):
        if i % 8 == 1:
            rows.append((f"第{i}项工作任务", [], ""))
        rows.append((None, [str(i), f"第{i}项事项" + "建立健全制度，规范公开" * (i % 4),
                            offices[i % 4], offices[(i + 1) % 4] + "、综合股",
                            ["2020年12月底", "长期坚持", "2021年6月30日前"][i % 3], "已逾期"], "bold red"))

    def columns(module):  # an older writer capped the short columns instead of knowing names
        names = "kind" in module.Column.FIELDS if hasattr(module.Column, "FIELDS") else (
            "kind" in module.Column.__dataclass_fields__)
        short = (lambda cap, kind: {"kind": kind}) if names else (lambda cap, kind: {"cap": cap})
        return [module.Column("序号", right=True),
                module.Column("具体事项", flexible=True, min_width=10),
                module.Column("牵头股室", **short(10, "names")),
                module.Column("协办股室", **short(10, "names")),
                module.Column("完成时间", **short(12, "text")),
                module.Column("状态", min_width=8, styled=True)]

    print(f"\nthe plain writer alone, 5,000 rows, this ÷ {other} (medians of {rounds}, one process)")
    for width in (80, 120, 200):
        times: dict[str, list[float]] = {"this": [], "that": []}
        drawn = {}
        for _ in range(rounds):
            for name, module in (("this", this), ("that", that)):
                out, cols = io.StringIO(), columns(module)
                start = time.perf_counter()
                module.write(cols, rows, out, width)
                times[name].append(time.perf_counter() - start)
                drawn[name] = out.getvalue().count("\n")
        this_t, that_t = (statistics.median(times[k]) for k in ("this", "that"))
        per_line = (this_t / drawn["this"]) / (that_t / drawn["that"])
        print(f"  at {width:3d} columns {this_t / that_t:5.2f}x   per line drawn {per_line:5.2f}x   "
              f"({drawn['this']} / {drawn['that']} lines)")


if __name__ == "__main__":
    main()
