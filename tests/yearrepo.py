"""A git repository of the shipped table over a simulated year (2020-07 … 2021-07).

Progress is recorded as a secretary would: gk writes with --commit on the day, a
completion recorded a week after it happened, an extension granted in time and one granted
late, hand edits committed by someone else (a deadline and a title changed, an item
removed), an item added in March 2021, and two meetings. Every commit is backdated with
GIT_AUTHOR_DATE / GIT_COMMITTER_DATE; nothing depends on the global git config.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from click.testing import CliRunner

from gkcli.cli import cli

SECRETARY = "秘书"
DIRECTOR = "张主任"

# (day, author, gk arguments) or (day, author, ("hand", old, new, message))
YEAR: list[tuple[str, str, tuple]] = [
    ("2020-07-10", SECRETARY, ("start", "1", "2")),
    ("2020-07-16", SECRETARY, ("done", "1")),
    ("2020-07-24", SECRETARY, ("done", "2")),
    ("2020-08-20", SECRETARY, ("note", "3", "已完成初稿")),
    ("2020-09-30", DIRECTOR, ("hand", "    deadline: 2020年10月30日前", "    deadline: 2020年11月30日前",
                              "调整第4项完成时间")),
    ("2020-10-15", SECRETARY, ("extend", "3", "--to", "2020年12月底", "--reason", "等待上级目录",
                               "--by", "陈伟")),
    ("2020-11-05", SECRETARY, ("done", "4", "--on", "2020-10-29")),
    ("2020-12-10", SECRETARY, ("meeting", "第一次专题会议")),
    ("2020-12-28", SECRETARY, ("done", "3")),
    ("2021-01-10", SECRETARY, ("extend", "12", "--to", "2021年3月底", "--reason", "补办延期")),
    ("2021-01-20", DIRECTOR, ("hand", "  - id: 16\n", "  - id: 16\n", "删除第16项")),
    ("2021-03-01", SECRETARY, ("add", "--id", "17", "--group", "8", "--title", "开通政务服务热线",
                               "--lead", "综合股", "--deadline", "2021年6月底")),
    ("2021-03-15", SECRETARY, ("done", "12")),
    ("2021-04-10", SECRETARY, ("set", "9", "--deadline", "2021年6月底")),
    ("2021-05-20", SECRETARY, ("note", "8", "已形成初稿")),
    ("2021-06-25", SECRETARY, ("done", "8")),
    ("2021-07-05", SECRETARY, ("meeting", "第二次专题会议")),
]


def git_env(day: str, author: str) -> dict[str, str]:
    stamp = f"{day}T09:00:00+08:00"
    return {"GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "office@example.org",
            "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "office@example.org",
            "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(cwd: Path, *args: str, env: dict | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env={**os.environ, **(env or git_env("2020-07-03", SECRETARY))}).stdout.strip()


def remove_item_16(text: str) -> str:
    start = text.index("  - id: 16\n")
    end = text.find("\n  - id: ", start + 1)
    end = text.find("\n\n", start) if end == -1 else end
    return text[:start].rstrip("\n") + "\n" + text[end if end != -1 else len(text):].lstrip("\n")


def build(root: Path, shipped: Path, upto: int | None = None) -> Path:
    """The repository at ``root`` (its data in root/data); the first ``upto`` steps of YEAR."""
    shutil.copytree(shipped, root / "data")
    git(root, "init", "-q")
    git(root, "add", "data")
    git(root, "commit", "-qm", "任务分工表")
    runner = CliRunner()
    for day, author, step in YEAR[:upto]:
        env = git_env(day, author)
        tasks = root / "data" / "tasks.yaml"
        if step[0] == "hand":
            _, old, new, message = step
            text = tasks.read_text(encoding="utf-8")
            text = remove_item_16(text) if message == "删除第16项" else text.replace(old, new, 1)
            tasks.write_text(text, encoding="utf-8")
            git(root, "commit", "-qam", message, env=env)
            continue
        result = runner.invoke(cli, ["--data", str(root / "data"), "--today", day, *step, "--commit"],
                               env=env, catch_exceptions=False)
        assert result.exit_code == 0, (step, result.output)
    return root / "data"
