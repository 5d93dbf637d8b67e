"""Start-up stays light: commands load rich, dateutil, XlsxWriter, python-docx, openpyxl and
icalendar only when they draw, read or write what needs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, SHIPPED, probe, replace_in

HEAVY = ("rich", "dateutil", "xlsxwriter", "openpyxl", "docx", "icalendar", "lxml", "chinese_calendar")
PROBE = probe(
    f"heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))\n"
    "print(' '.join(heavy), file=sys.stderr)\n"
)


# run on 2021-06-20 itself (GK_NOW): the file as it is, the path every day's commands take
def on_its_day() -> dict[str, str]:
    return {**os.environ, "GK_NOW": "2021-06-20"}


def probed(script: str, *args: str, data: Path = SHIPPED, today: str = "2021-06-20") -> str:
    """Run gk ARGS on DATA as of TODAY under the probe SCRIPT, in a real process on its day;
    it must succeed. What it wrote on stderr (the probe's line comes last)."""
    result = subprocess.run([sys.executable, "-c", script, "--data", str(data), "--today", today, *args],
                            capture_output=True, text=True, cwd=ROOT, env=on_its_day())
    assert result.returncode == 0, result.stderr
    return result.stderr


def loaded(*args: str) -> set[str]:
    return set(probed(PROBE, *args).splitlines()[-1].split())


def test_list_json_loads_no_module_it_never_uses():
    """`gk list --format json` is the floor the offices' scripts pay: no fuzzy matching (difflib,
    for suggestions), no CSV writer, no calendar module, no dashboard or recurring-deadline code
    (the shipped table has no recurring deadline)."""
    script = PROBE.replace("m.split('.')[0] for m in sys.modules", "m for m in sys.modules").replace(
        repr(HEAVY), repr(NEVER_USED_BY_LIST))
    assert probed(script, "list", "--format", "json").split() == []


NEVER_USED_BY_LIST = ("difflib", "csv", "calendar", "gkcli.report", "gkcli.recurrence")

# Start-up against the floor (issue 13): what a day's list and status no longer load. gk's value
# classes are plain (gkcli.values), not @dataclass, which compiled ~30 classes' methods on every
# start; today's table runs no git, so neither the history code nor subprocess is loaded; Click's
# words are not looked up through gettext (locale) while the commands are built; the terminal
# views use gkcli.tabular's cells without loading json (only its JSON writer does).
NOT_LOADED = {
    "list": ("dataclasses", "gkcli.history", "subprocess", "locale"),
    "status": ("gkcli.history", "subprocess", "locale", "shutil", "json"),  # rich loads dataclasses
}
DATACLASS_PROBE = probe(
    "modules = sorted(sys.modules)  # before the probe's own json\n"
    "import json\n"
    "made = sorted(f'{m.__name__}.{c.__name__}' for m in list(sys.modules.values())\n"
    "              if m is not None and m.__name__.startswith('gkcli')\n"
    "              for c in vars(m).values() if isinstance(c, type)\n"
    "              and c.__module__ == m.__name__ and isinstance(vars(c).get('__dataclass_fields__'), dict))\n"
    "print(json.dumps({'modules': modules, 'dataclasses': made}), file=sys.stderr)\n"
)


def started(*args: str, today: str = "2021-06-20") -> dict[str, list[str]]:
    """The modules a command loaded, and the @dataclass classes gk made on the way."""
    return json.loads(probed(DATACLASS_PROBE, *args, today=today).splitlines()[-1])


# The imports each command cannot avoid (benchmarks/startup.py's floors): what they load is
# not gk's to avoid (site's .pth hooks may load shutil; Click on Python 3.10 loads subprocess
# through uuid and platform).
FLOOR = {"list": "import click, yaml, json", "status": "import click, yaml, rich.console, rich.table"}


def loaded_by_the_floor(command: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", f"{FLOOR[command]}; import sys; "
                             "print(' '.join(sys.modules))"],
                            capture_output=True, text=True, env=on_its_day(), check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("command", ["list", "status"])
def test_a_days_list_and_status_make_no_dataclass_and_load_no_git_code(command):
    found = started(command, *(["--format", "json"] if command == "list" else []))
    assert found["dataclasses"] == []
    by_gk = set(found["modules"]) - loaded_by_the_floor(command)
    assert by_gk & set(NOT_LOADED[command]) == set()


def test_the_program_keeps_what_it_loaded_out_of_the_collectors_way():
    """gk (the program, as `gk` and `python -m gkcli` run it) freezes what start-up loaded
    (gc.freeze): later collections, and the one at exit, no longer walk gk's, Click's and
    PyYAML's objects. The output is the same."""
    probe = ("import atexit, gc, sys\n"
             "atexit.register(lambda: print('frozen', gc.get_freeze_count(), file=sys.stderr))\n"
             "from gkcli.cli import main\n"
             "main()\n")
    args = ["--data", str(SHIPPED), "--today", "2021-06-20", "list", "--format", "json"]
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                            cwd=ROOT, env=on_its_day())
    assert result.returncode == 0, result.stderr
    assert int(result.stderr.split()[-1]) > 10_000  # tens of thousands of objects
    plain = subprocess.run([sys.executable, "-m", "gkcli", *args], capture_output=True, text=True,
                           cwd=ROOT, env=on_its_day())
    assert result.stdout == plain.stdout
    assert len(json.loads(result.stdout)) == 16


def test_a_past_day_still_reads_the_history():
    """The history code is put off, not lost: the table as of a day before today loads it."""
    assert "gkcli.history" in started("list", "--format", "json", today="2021-06-19")["modules"]


@pytest.mark.parametrize("args", [["list", "--format", "json"], ["check"], ["--version"],
                                  ["export", "-", "--format", "csv"], ["remind"], ["summary"],
                                  ["report", "--format", "json"],
                                  ["export", "-", "--format", "html"],
                                  ["changes", "--since", "2021-06-01", "--format", "json"],
                                  ["log", "8", "--format", "json"]])
def test_commands_that_draw_no_table_load_nothing_heavy(args):
    assert loaded(*args) == set()


def test_importing_a_text_notice_loads_nothing_heavy():
    assert loaded("import", str(ROOT / "examples" / "泉港交﹝2020﹞150号.txt"), "--dry-run") == set()


def test_only_importing_a_word_file_loads_python_docx(tmp_path):
    from notices import shipped_docx

    notice = shipped_docx(tmp_path / "n.docx")
    assert loaded("import", str(notice), "--dry-run") == {"docx", "lxml"}


def test_tables_load_rich_only():
    assert loaded("status") == {"rich"}
    assert loaded("report") == {"rich"}


def test_status_lays_out_its_tables_itself():
    """gk status draws the dashboard's tables from lines gk laid out (views._fitted), written by
    rich's console: rich's Table, and the fractions and decimal its layout loads, stay unloaded
    (unless rich's console loads them itself, as rich 14.3 does). tests/test_fast_tables.py
    checks the output is rich's own, byte for byte."""
    modules = set(started("status")["modules"])
    by_the_console = subprocess.run([sys.executable, "-c", "import sys, rich.console; "
                                     "print(' '.join(sys.modules))"], capture_output=True,
                                    text=True, env=on_its_day(), check=True).stdout.split()
    assert "rich.console" in modules
    assert {"rich.table", "rich.box", "fractions", "decimal"} & modules <= set(by_the_console)


def test_word_and_calendar_libraries_load_only_to_write_them(tmp_path):
    assert loaded("report", "-o", str(tmp_path / "a.docx")) == {"docx", "lxml"}
    assert loaded("remind", "-o", str(tmp_path / "b.docx")) == {"docx", "lxml"}
    assert "icalendar" in loaded("export", str(tmp_path / "c.ics"))
    assert "docx" not in loaded("export", str(tmp_path / "c2.ics"))


def test_status_on_the_shipped_data_does_not_load_the_holiday_package():
    assert "chinese_calendar" not in loaded("status")
    assert "chinese_calendar" not in loaded("show", "8")


def test_a_working_day_deadline_loads_the_holiday_package(data_dir):
    replace_in(data_dir / "tasks.yaml", "deadline: 2021年6月底", "deadline: 10个工作日内")
    assert "chinese_calendar" in probed(PROBE, "list", "--format", "json", data=data_dir).split()


def test_yaml_uses_the_c_loader_when_present():
    import yaml

    from gkcli.yamlnodes import Loader

    assert Loader is (yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)


def test_show_json_is_exact():
    result = subprocess.run([sys.executable, "-m", "gkcli", "--data", str(SHIPPED), "--today",
                             "2021-06-20", "show", "8", "--format", "json"],
                            capture_output=True, text=True, cwd=ROOT)
    assert json.loads(result.stdout) == {
        "id": 8, "group": 4, "group_title": "健全政府信息管理动态调整机制",
        "title": "建立健全规范性文件全生命周期管理制度机制", "lead": "运管股（政策法规股）",
        "assist": ["综合股"], "deadline": "2021-06-30", "deadline_text": "2021年6月底",
        "status": "todo", "state": "due_soon", "days_left": 10, "done_on": None, "notes": "",
        "progress": [], "lead_people": ["黄梁岸"], "on_time": None, "days_late": None,
        "deadline_original": "2021-06-30", "extensions": [], "start": None, "deadline_kind": "date",
        "workdays_left": None, "occurrences": None,
    }
