"""Joined offices benchmark: gk --all when the notices name an office by another's alias.

The workspace of benchmarks/scale.py (300 notices, 10,000 items) twice, in one run: as
generated, where every notice names its offices alike, and with the first notice calling
运管股 ``运管股（政策法规股）`` (alias 运管股), so that the 运管股 of the 299 others is that
office and every item it leads or assists is shown under the full name. Reports the second
as a RATIO to the first (medians of interleaved rounds, benchmarks/timing.py), for
``gk --all list --format json`` and ``gk --all status`` read from a warm cache.

    python benchmarks/offices.py
    python benchmarks/offices.py --rounds 15
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scale import generate
from timing import medians, options

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    args = options(__doc__, rounds=9, notices=300, items=10_000)
    base = Path(tempfile.mkdtemp(prefix="gk-offices-"))
    try:
        run(args, base)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def run(args, base: Path) -> None:
    plain = generate(base / "plain", args.notices, args.items, 10)["ws"]
    joined = generate(base / "joined", args.notices, args.items, 10)["ws"]
    first = min(joined.rglob("tasks.yaml"))  # its items may still say 运管股: now an alias
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("  - name: 运管股\n",
                                  "  - name: 运管股（政策法规股）\n    aliases: [运管股]\n", 1),
                     encoding="utf-8")
    env = {**os.environ, "GK_NOW": "2021-06-20", "GK_CACHE_DIR": str(base / "cache"),
           "COLUMNS": "120", "GK_LANG": "zh", "PYTHONPYCACHEPREFIX": str(base / "pycache")}
    for name in ("GK_DATA", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "GK_TODAY"):
        env.pop(name, None)
    gk = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
          "from gkcli.cli import main; main(prog_name='gk')"]
    commands = {}
    for kind, ws in (("alike", plain), ("joined", joined)):
        for what in (["list", "--format", "json"], ["status"]):
            commands[f"{kind}: gk --all {' '.join(what)}"] = [*gk, "--data", str(ws), "--all", *what]
    for argv in commands.values():  # the cache filled, the bytecode compiled
        subprocess.run(argv, env=env, capture_output=True, check=True)
    rows = json.loads(subprocess.run(commands["joined: gk --all list --format json"], env=env,
                                     capture_output=True, check=True).stdout)
    renamed = sum(1 for r in rows if r["lead"] == "运管股（政策法规股）")
    assert renamed > args.items // 10, renamed  # the 299 notices' 运管股 is the joined office
    found = medians(commands, args.rounds, env=env)
    print(f"{args.notices} notices / {args.items} items; {renamed} items led by the joined office; "
          f"medians of {args.rounds} interleaved rounds (load average {os.getloadavg()[0]:.2f})")
    for what in ("list --format json", "status"):
        ratio = found[f"joined: gk --all {what}"] / found[f"alike: gk --all {what}"]
        print(f"  gk --all {what:<20} joined ÷ alike  {ratio:.2f}×")


if __name__ == "__main__":
    main()
