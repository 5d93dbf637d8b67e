"""status, list, show, roster, who on the shipped data, as the secretary sees them."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from helpers import ROOT, replace_in, table_of

from gkcli.cli import cli


def ids(rows):
    return [r["id"] for r in rows]


def test_list_json_contract(gk):
    rows = gk.json("list")
    assert len(rows) == 16
    assert rows[0] == {"id": 1, "group": 1, "group_title": "全面梳理政务公开事项",
                       "title": "梳理规范权责清单，动态调整更新", "lead": "综合股",
                       "assist": ["局各股室（中队、站）"], "deadline": "2020-07-17",
                       "deadline_text": "2020年7月17日前", "status": "todo", "state": "overdue",
                       "days_left": -338, "done_on": None, "notes": "", "progress": [],
                       "lead_people": ["陈伟", "庄青红"], "start": None,
                       "deadline_kind": "date", "workdays_left": None, "occurrences": None,
                       "on_time": None, "days_late": None, "deadline_original": "2020-07-17",
                       "extensions": []}


def test_ongoing_item_has_null_deadline_and_days(gk):
    row = gk.json("show", "7")
    assert row["deadline"] is None
    assert row["days_left"] is None
    assert row["state"] == "ongoing"


def test_states_as_of_2021_06_20(gk):
    rows = gk.json("list")
    states = {r["id"]: r["state"] for r in rows}
    assert [i for i, s in states.items() if s == "overdue"] == [1, 2, 3, 4, 9, 10, 12]
    assert [i for i, s in states.items() if s == "due_soon"] == [8, 11]
    assert [i for i, s in states.items() if s == "ongoing"] == [7, 14]


def test_filter_by_state_repeatable(gk):
    assert ids(gk.json("list", "--state", "due_soon", "--state", "ongoing")) == [7, 8, 11, 14]


def test_office_filter_finds_items_assisted_through_the_group(gk):
    assert ids(gk.json("list", "--office", "安监股")) == [1, 2, 3, 4, 5, 6, 7, 9, 10, 13, 14, 15, 16]
    assert ids(gk.json("list", "--assist", "安监股")) == [1, 2, 3, 4, 5, 6, 7, 9, 10, 13, 14, 15, 16]


def test_assist_zonghegu_only_where_named(gk):
    assert ids(gk.json("list", "--assist", "综合股")) == [8, 11, 12]


def test_lead_filter_through_alias(gk):
    assert ids(gk.json("list", "--lead", "政策法规股")) == [8, 11, 12]
    assert ids(gk.json("list", "--lead", "运管股")) == [8, 11, 12]


def test_brigade_zonghegu_is_not_the_bureau_zonghegu(gk):
    rows = gk.json("list", "--office", "执法大队综合股")
    assert all(r["lead"] != "交通综合行政执法大队综合股" for r in rows)
    assert 8 not in ids(rows)  # 8 names the bureau's 综合股 as assisting


def test_other_filters(gk):
    assert ids(gk.json("list", "--group", "7")) == [12, 13, 14]
    assert ids(gk.json("list", "--due-before", "2020-10-19")) == [1, 2, 3]
    assert ids(gk.json("list", "--due-after", "2021-07-01")) == [5, 6, 13, 15, 16]
    assert ids(gk.json("list", "--search", "新媒体")) == [5, 6, 7, 15]
    assert ids(gk.json("list", "--status", "未开始", "--group", "1")) == [1, 2]


def test_unknown_office_filter_is_one_line_with_hint(gk):
    assert gk.fails("list", "--office", "综合科") == "gk: 未知股室 综合科（是不是 综合股？）\n"


def test_bad_option_value_is_usage_error(gk):
    assert gk("list", "--state", "late").exit_code == 2
    assert gk("list", "--due-before", "soon").exit_code == 2
    assert gk("show", "abc").exit_code == 2


def test_list_table_has_official_headings(gk):
    result = gk("list")
    assert result.exit_code == 0
    for heading in ("序号", "具体事项", "牵头股室", "协办股室", "完成时间", "状态"):
        assert heading in result.output
    assert "一、全面梳理" in result.output  # work tasks head their items, as in the notice
    assert "已逾期" in result.output
    assert "\x1b[" not in result.output


def test_list_in_english(gk):
    result = gk("--lang", "en", "list")
    assert "Assisting" in result.output
    assert "overdue" in result.output
    assert "牵头股室" not in result.output


@pytest.mark.parametrize("width", ["80", "60", "40"])
def test_tables_fit_the_terminal_with_chinese_text(gk, width):
    for command in (["list"], ["status"], ["show", "10"], ["roster"]):
        result = gk(*command, env={"COLUMNS": width})
        assert result.exit_code == 0
        from rich.cells import cell_len

        widest = max(cell_len(line) for line in result.stdout.splitlines())
        assert widest <= int(width), (command, widest)


def test_narrow_list_keeps_every_title_whole(gk):
    result = gk("list", env={"COLUMNS": "50"})
    text = "".join(result.output.split())
    for row in gk.json("list"):
        assert "".join(row["title"].split()) in text


def test_status_dashboard(gk):
    result = gk("status")
    out = result.output
    assert result.exit_code == 0
    assert "泉港交﹝2020﹞150号" in out
    assert "截至 2021-06-20" in out
    assert "0/16" in out
    assert "已逾期 7" in out
    assert "即将到期 2" in out
    assert "长期 2" in out
    assert "各牵头股室情况" in out
    assert "逾期338天" in out
    assert "剩10天" in out
    assert "陈伟、庄青红" in out
    assert "黄梁岸" in out


def test_status_json(gk):
    board = gk.json("status")
    assert board["as_of"] == "2021-06-20"
    assert board["totals"]["overdue"] == 7
    assert [r["id"] for r in board["overdue"]] == [1, 2, 3, 4, 9, 10, 12]
    assert [r["id"] for r in board["due_soon"]] == [8, 11]
    assert {o["name"]: o["total"] for o in board["by_office"]} == {"综合股": 13, "运管股（政策法规股）": 3}


def test_soon_days_option_and_setting(gk):
    assert gk.json("--soon-days", "0", "status")["due_soon"] == []
    replace_in(gk.tasks, "due_soon_days: 14", "due_soon_days: 200")
    assert len(gk.json("status")["due_soon"]) == 7


def test_show_in_full(gk):
    result = gk("show", "8")
    out = result.output
    assert "健全政府信息管理动态调整机制" in out
    assert "黄梁岸（运管股负责人）" in out
    assert "2021年6月底（2021-06-30）" in out
    assert "即将到期，剩10天" in out


def test_show_unknown_id(gk):
    assert gk.fails("show", "99") == "gk: 没有第 99 项（用 gk list 查看全部事项）\n"


def test_roster_json(gk):
    people = gk.json("roster")
    assert len(people) == 24
    assert people[0] == {"name": "朱辉阳", "role": "leader", "post": "区交通系统党委书记、局长、四级调研员",
                         "office": None}


def test_roster_office_answers_for_bureau_zonghegu_only(gk):
    assert [p["name"] for p in gk.json("roster", "--office", "综合股")] == ["陈伟", "庄青红"]
    assert [p["name"] for p in gk.json("who", "运管股")] == ["黄梁岸"]


def test_roster_table(gk):
    out = gk("roster").output
    assert "泉港区交通运输局政务公开标准化规范化领导小组" in out
    assert "组长" in out
    assert "副组长" in out
    assert "王志聪" in out


def test_who_with_nobody(gk):
    replace_in(gk.data / "leading_group.yaml", "    office: 安监股\n", "")
    result = gk("who", "安监股")
    assert result.exit_code == 0
    assert "花名册中没有 安监股 的负责人" in result.output


def test_env_variables(data_dir):
    runner = CliRunner()
    env = {"GK_DATA": str(data_dir), "GK_TODAY": "2020-07-10", "GK_LANG": "en"}
    result = runner.invoke(cli, ["list", "--state", "due_soon"], env=env)
    assert result.exit_code == 0
    assert "due soon" in result.output
    assert "牵头股室" not in result.output


def test_bad_today_is_usage_error(data_dir):
    result = CliRunner().invoke(cli, ["--data", str(data_dir), "--today", "tomorrow", "status"])
    assert result.exit_code == 2
    assert "“tomorrow”不是日期（请写成 2021-06-30）" in result.output


def test_data_found_upward_like_git(data_dir, monkeypatch):
    deep = data_dir.parent / "notes" / "2021"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    result = CliRunner().invoke(cli, ["--today", "2021-06-20", "list", "--format", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 16


def test_no_data_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GK_DATA", raising=False)
    result = CliRunner().invoke(cli, ["status"])
    assert result.exit_code == 1
    assert "当前文件夹及其上级都没有 data/tasks.yaml" in result.output
    assert "--data" in result.output


def test_data_option_pointing_nowhere(tmp_path):
    result = CliRunner().invoke(cli, ["--data", str(tmp_path), "status"])
    assert result.exit_code == 1
    assert "中没有 tasks.yaml（请检查 --data 或 GK_DATA）" in result.output


def test_works_for_another_bureau(tmp_path):
    """Nothing about the shipped 16 items is built in: a tiny table of another office works."""
    gk = table_of(tmp_path / "data",
                  "notice: {number: 某发〔2023〕1号, issued: 2023-03-01}\n"
                  "offices:\n  - name: 办公室\n  - name: 财务科\n    aliases: [财务]\n"
                  "groups:\n  - {id: 1, title: 预算}\n"
                  "tasks:\n  - {id: 1, group: 1, title: 编制预算, lead: 财务, assist: [办公室],"
                  " deadline: 6月底前, status: doing}\n", today="2023-06-25")
    row = gk.json("show", "1")
    assert row["lead"] == "财务科"
    assert row["deadline"] == "2023-06-30"
    assert row["state"] == "due_soon"
    assert gk("status").exit_code == 0
    assert gk.json("roster") == []


def test_python_dash_m_and_version():
    env = {k: v for k, v in os.environ.items() if k != "GK_LANG"}
    result = subprocess.run([sys.executable, "-m", "gkcli", "--version"], capture_output=True,
                            text=True, cwd=ROOT, env=env)
    assert result.returncode == 0
    assert result.stdout.startswith("gk，版本 ")


def test_real_process_pipe_is_plain_text_and_status_runs_in_repo():
    env = {**os.environ, "GK_TODAY": "2021-06-20", "FORCE_COLOR": ""}
    env.pop("GK_DATA", None)
    result = subprocess.run([sys.executable, "-m", "gkcli", "status"], capture_output=True,
                            text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert "已逾期 7" in result.stdout


def test_no_traceback_on_broken_yaml_in_real_process(data_dir):
    (data_dir / "tasks.yaml").write_text("tasks: [\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "gkcli", "--data", str(data_dir), "status"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "tasks.yaml:2:1: " in result.stderr
    assert result.stderr.count("\n") == 1


def test_colour_on_a_terminal_and_none_with_no_color(gk):
    import re

    coloured = gk("status", env={"FORCE_COLOR": "1", "TERM": "xterm"}).output
    assert re.search(r"\x1b\[[0-9;]*3[1-7]m", coloured)  # overdue in red, due soon in yellow
    plain = gk("status", env={"FORCE_COLOR": "1", "TERM": "xterm", "NO_COLOR": "1"}).output
    assert not re.search(r"\x1b\[[0-9;]*3[1-7]m", plain)
