"""Keep the README's example output real.

Each block in README.md that follows a marker line ``<!-- gk: ARGS -->`` is the output
of ``gk ARGS``, run in order against one fresh copy of the shipped data (and of
``examples/``, for blocks that pass ``--data examples/...``), 80 columns
wide, in a temporary git repository (so --commit and undo show real output too).
A block runs on the day its ``--today DATE`` names (else GK_TODAY's 2021-06-20), or on the
day a marker ``<!-- gk@DAY: ARGS -->`` names: gk takes it as the real today (``GK_NOW``) and
the commits it makes are dated so (09:00, also the time in gk's undo journal), so the examples
of the table over time have a history. A ``gk import`` block runs in a copy of that
repository, thrown away after it: the folder it makes into ``data/`` would otherwise join the
workspace every later ``--all`` block shows.

    python tools/readme.py          # rewrite the blocks
    python tools/readme.py --check  # exit 1 if any block is stale (the tests do this)
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- gk(?:@(?P<now>\d{4}-\d{2}-\d{2}))?: (?P<args>.*?) -->\n```[a-z]*\n)"
                   r"(?P<body>.*?)(```)", re.DOTALL)


# The caller's shell must not change the examples: these variables are dropped, and the
# time zone, locale, git config, author and dates are fixed (the commit hashes shown by
# --commit and undo depend on every one of them).
DROPPED = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM", "TTY_COMPATIBLE",
           "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "JUPYTER_LINES", "LANGUAGE", "EMAIL")
WHEN = "2021-06-20T09:00:00+08:00"  # a fixed offset: the same hashes in every time zone
PINNED = {
    "COLUMNS": "80", "NO_COLOR": "1", "GK_TODAY": "2021-06-20", "TZ": "Asia/Shanghai",
    "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "秘书", "GIT_COMMITTER_NAME": "秘书",
    "GIT_AUTHOR_EMAIL": "secretary@example.org", "GIT_COMMITTER_EMAIL": "secretary@example.org",
    "GIT_AUTHOR_DATE": WHEN, "GIT_COMMITTER_DATE": WHEN,
}


def clean_env() -> dict[str, str]:
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("GK_", "GIT_")) and name not in DROPPED}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**env, **PINNED}


def run_blocks(text: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        shutil.copytree(ROOT / "data", repo / "data")
        shutil.copytree(ROOT / "examples", repo / "examples")  # notices for gk import
        env = clean_env()
        for args in (["init", "-q", "-b", "main"], ["add", "data", "examples", ":!examples/安全生产"],
                     ["commit", "-qm", "任务分工表"]):
            subprocess.run(["git", *args], cwd=repo, check=True, env=env)
        # a second notice for gk --all, left out of the commit so the commits shown stay the same
        shutil.copytree(ROOT / "examples" / "安全生产", repo / "data" / "安全生产")

        def replace(match: re.Match) -> str:
            args = shlex.split(match["args"])
            day = args[args.index("--today") + 1] if "--today" in args else env["GK_TODAY"]
            day = match["now"] or day  # <!-- gk@2021-07-31: --today 2021-07-15 … --> asks later
            stamp = f"{day}T09:00:00+08:00"
            # the block runs on that day: its commits are dated so, and it is gk's real today
            run_env = {**env, "GK_NOW": f"{day}T09:00", "GIT_AUTHOR_DATE": stamp,
                       "GIT_COMMITTER_DATE": stamp}
            with tempfile.TemporaryDirectory() as scratch:
                where = repo
                if args[:1] == ["import"]:
                    where = Path(scratch) / repo.name
                    shutil.copytree(repo, where, symlinks=True)
                result = subprocess.run([sys.executable, "-m", "gkcli", *args], cwd=where,
                                        env=run_env, capture_output=True, text=True,
                                        encoding="utf-8", input="")
            output = result.stdout + result.stderr
            output = "\n".join(line.rstrip() for line in output.splitlines())
            return f"{match.group(1)}{output}\n{match.group(5)}"

        return BLOCK.sub(replace, text)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    fresh = run_blocks(text)
    if "--check" in sys.argv:
        if fresh != text:
            import difflib

            sys.stdout.writelines(difflib.unified_diff(
                text.splitlines(True), fresh.splitlines(True), "README.md", "README.md (real)"))
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
