"""Keep the README's example output real.

Each block in README.md that follows a marker line ``<!-- gk: ARGS -->`` is the output
of ``gk ARGS``, run in order against one fresh copy of the shipped data (and of
``examples/``, for blocks that pass ``--data examples/...``), 80 columns
wide, in a temporary git repository (so --commit and undo show real output too).

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
BLOCK = re.compile(r"(<!-- gk: (?P<args>.*?) -->\n```[a-z]*\n)(?P<body>.*?)(```)", re.DOTALL)


def run_blocks(text: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        shutil.copytree(ROOT / "data", repo / "data")
        shutil.copytree(ROOT / "examples", repo / "examples")  # notices for gk import
        env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "GK_TODAY": "2021-06-20",
               "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
               "GIT_AUTHOR_DATE": "2021-06-20T09:00:00+08:00",
               "GIT_COMMITTER_DATE": "2021-06-20T09:00:00+08:00"}
        env.pop("GK_DATA", None)
        env.pop("GK_LANG", None)
        env.pop("FORCE_COLOR", None)
        env.update({"GIT_AUTHOR_NAME": "秘书", "GIT_COMMITTER_NAME": "秘书",
                    "GIT_AUTHOR_EMAIL": "secretary@example.org",
                    "GIT_COMMITTER_EMAIL": "secretary@example.org"})
        for args in (["init", "-q", "-b", "main"], ["add", "data", "examples"],
                     ["commit", "-qm", "任务分工表"]):
            subprocess.run(["git", *args], cwd=repo, check=True, env=env)

        def replace(match: re.Match) -> str:
            args = shlex.split(match["args"])
            result = subprocess.run([sys.executable, "-m", "gkcli", *args], cwd=repo, env=env,
                                    capture_output=True, text=True, input="")
            output = result.stdout + result.stderr
            output = "\n".join(line.rstrip() for line in output.splitlines())
            return f"{match.group(1)}{output}\n{match.group(4)}"

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
