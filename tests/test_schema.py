"""The shipped JSON Schemas accept what gk check accepts, and refuse what it refuses."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from helpers import ROOT, SHIPPED

from gkcli.cli import cli
from gkcli.store import validate_tasks_text

jsonschema = pytest.importorskip("jsonschema")
FIXTURES = ROOT / "tests" / "fixtures"


def as_editor_sees(value):
    """YAML as an editor's JSON view: dates are text."""
    if isinstance(value, dict):
        return {str(k): as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_sees(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def schema(which: str) -> dict:
    result = CliRunner().invoke(cli, ["schema", which])
    assert result.exit_code == 0
    return json.loads(result.output)


def errors(which: str, text: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema(which))
    return [e.message for e in validator.iter_errors(as_editor_sees(yaml.safe_load(text)))]


@pytest.mark.parametrize("which", ["tasks", "leading_group"])
def test_the_schemas_are_draft_2020_12(which):
    found = schema(which)
    assert found["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(found)


TASK_FILES = [SHIPPED / "tasks.yaml", FIXTURES / "messy" / "tasks.yaml",
              *sorted((FIXTURES / "golden").glob("*.yaml"))]


@pytest.mark.parametrize("path", TASK_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shipped_data_and_fixtures_pass_both(path: Path):
    text = path.read_text(encoding="utf-8")
    assert validate_tasks_text(text, path.name)[1] == []
    assert errors("tasks", text) == []


def test_the_calendar_fields_pass_both():
    """Working-day deadlines, their start, and reporting rhythms (issue 10's fields)."""
    text = (SHIPPED / "tasks.yaml").read_text(encoding="utf-8")
    text = text.replace("  commit: false ", "  due_soon_workdays: 5\n  commit: false ")
    text = text.replace("    deadline: 2021年6月底\n    status: todo\n",
                        "    deadline: 10个工作日内\n    status: todo\n    start: 2021-06-01\n", 1)
    text += ("reporting:\n  - what: 进展情况\n    every: 每月28日前\n    from: [运管股, 安监股]\n"
             "    to: 综合股\n    start: 2021-04-01\n    reported:\n"
             "      - 2021-04 2021-04-26 运管股（政策法规股）\n")
    assert validate_tasks_text(text, "tasks.yaml")[1] == []
    assert errors("tasks", text) == []


def test_the_shipped_roster_passes():
    assert errors("leading_group", (SHIPPED / "leading_group.yaml").read_text(encoding="utf-8")) == []


BROKEN = {
    "bad status": ("    status: todo\n", "    status: finished\n"),
    "unknown field": ("    status: todo\n", "    status: todo\n    owner: 张三\n"),
    "missing field": ("    lead: 综合股\n    assist:\n      - 局各股室（中队、站）\n    deadline: 2020年7月17日前\n",
                      "    assist:\n      - 局各股室（中队、站）\n    deadline: 2020年7月17日前\n"),
    "id not a number": ("  - id: 1\n", "  - id: 一\n"),
    "negative days": ("  due_soon_days: 14", "  due_soon_days: -1"),
    "unknown section": ("settings:\n", "setting:\n"),
    "empty title": ("    title: 梳理规范权责清单，动态调整更新\n", "    title: ''\n"),
    "an unsettled merge": ("    status: todo\n", "    status: todo\n    conflict:\n      status: doing\n"),
}


@pytest.mark.parametrize("name", BROKEN)
def test_what_gk_check_refuses_the_schema_refuses(name):
    old, new = BROKEN[name]
    text = (SHIPPED / "tasks.yaml").read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    assert validate_tasks_text(broken, "tasks.yaml")[1], name
    assert errors("tasks", broken), name


def test_a_bad_role_fails_both(gk):
    roster = gk.data / "leading_group.yaml"
    text = roster.read_text(encoding="utf-8").replace("    role: leader\n", "    role: chief\n", 1)
    roster.write_text(text, encoding="utf-8")
    assert gk("check").exit_code == 1
    assert errors("leading_group", text)


def test_the_schema_is_package_data():
    from gkcli import schema as schemas

    assert schemas.path("tasks").parent.name == "schemas"
    assert schemas.path("tasks").parent.parent == Path(schemas.__file__).parent
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'gkcli = ["schemas/*.json"]' in pyproject
