"""gk --all: one office under several names is one office, and one rule says who answers for it.

The shipped table declares 交通综合行政执法大队 (aliases 交通执法大队, 执法大队) and
运管股（政策法规股） (aliases 运管股, 政策法规股). A second notice naming 交通执法大队 or 运管股
as offices of its own means the same units: one row, one message, one filter, under the
full name. Who answers for an office is every roster's people for it, first table first.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SHIPPED, replace_in
from hypothesis import given
from hypothesis import strategies as st

from gkcli.cli import cli
from gkcli.offices import Office, OfficeRegistry, join

ENFORCEMENT = """\
notice:
  number: 泉港交〔2021〕35号
  issued: 2021-03-15
  table: 执法检查任务分工表
offices:
  - name: 交通执法大队
  - name: 运管股
  - name: 安监股
groups:
  - id: 1
    title: 执法检查
tasks:
  - id: 1
    group: 1
    title: 开展两客一危专项执法检查
    lead: 交通执法大队
    assist: [运管股]
    deadline: 2021年5月底
    status: todo
  - id: 2
    group: 1
    title: 检查危货运输企业
    lead: 安监股
    deadline: 2021年5月底
    status: todo
  - id: 3
    group: 1
    title: 清理执法依据
    lead: 运管股
    deadline: 2021年5月底
    status: todo
"""

ENFORCEMENT_ROSTER = "members:\n  - {name: 张新, role: member, post: 安监股负责人, office: 安监股}\n"

NO_ROSTER = """\
notice:
  number: 泉港交〔2021〕40号
  table: 信息报送任务分工表
offices:
  - name: 综合股
groups:
  - id: 1
    title: 信息报送
tasks:
  - id: 1
    group: 1
    title: 报送季度信息
    lead: 综合股
    deadline: 2021年6月10日
    status: todo
"""

CITY = """\
notice:
  number: 泉港城〔2021〕8号
  table: 城市管理任务分工表
offices:
  - name: 城市管理执法大队
    aliases: [执法大队]
groups:
  - id: 1
    title: 市容整治
tasks:
  - id: 1
    group: 1
    title: 整治占道经营
    lead: 城市管理执法大队
    deadline: 2021年6月10日
    status: todo
"""

SHORT = """\
notice:
  number: 泉港交〔2021〕41号
  table: 联合执法任务分工表
offices:
  - name: 执法大队
groups:
  - id: 1
    title: 联合执法
tasks:
  - id: 1
    group: 1
    title: 开展联合执法
    lead: 执法大队
    deadline: 2021年6月10日
    status: todo
"""

FULL = "交通综合行政执法大队"
YUNGUAN = "运管股（政策法规股）"


class Runner:
    def __init__(self, data: Path):
        self.data = data
        self.runner = CliRunner()

    def __call__(self, *args: str):
        argv = ["--data", str(self.data), "--today", "2021-06-20", *args]
        return self.runner.invoke(cli, argv, env={"GK_NOW": "2021-06-20"}, catch_exceptions=False)

    def json(self, *args: str):
        result = self(*args, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    def add(self, folder: str, tasks: str, roster: str | None = None) -> None:
        (self.data / folder).mkdir()
        (self.data / folder / "tasks.yaml").write_text(tasks, encoding="utf-8")
        if roster is not None:
            (self.data / folder / "leading_group.yaml").write_text(roster, encoding="utf-8")


@pytest.fixture
def ws(tmp_path: Path) -> Runner:
    """The shipped 150号 in data/, 35号 (short office names, its own roster) in data/执法/."""
    data = tmp_path / "ws" / "data"
    shutil.copytree(SHIPPED, data)
    found = Runner(data)
    found.add("执法", ENFORCEMENT, ENFORCEMENT_ROSTER)
    return found


def offices(board: dict) -> dict[str, tuple[int, list[str]]]:
    return {x["name"]: (x["total"], x["people"]) for x in board["by_office"]}


def test_status_gives_one_row_per_office_under_its_full_name(ws):
    rows = offices(ws.json("--all", "status"))
    assert "交通执法大队" not in rows and "运管股" not in rows
    assert rows[FULL] == (1, ["肖明春"])
    assert rows[YUNGUAN][0] == 3 + 1
    text = ws("--all", "status").output
    assert "\n交通执法大队 " not in text and "\n运管股 " not in text


def test_report_rows_join_the_office_across_notices(ws):
    rows = offices(ws.json("--all", "report"))
    assert rows[FULL][0] == 1
    assert rows[YUNGUAN][0] == 4
    assert "运管股" not in rows and "交通执法大队" not in rows
    md = ws("--all", "report", "--format", "md").output
    assert "| 交通执法大队 |" not in md and "| 运管股 |" not in md


def test_remind_sends_one_message_per_office(ws):
    text = ws("--all", "remind").output
    heads = [line.split("】")[0] + "】" for line in text.splitlines() if line.startswith("【")
             and "同志" in line]
    assert heads.count(f"【{FULL}】") == 1 and heads.count(f"【{YUNGUAN}】") == 1
    assert "【交通执法大队】" not in text and "【运管股】" not in text
    found = ws.json("--all", "remind", "--office", FULL)
    assert [r["office"] for r in found] == [FULL]
    assert [r["people"] for r in found] == [["肖明春"]]
    assert ("泉港交〔2021〕35号", 1, "lead") in {(i["notice"], i["id"], i["role"])
                                                for i in found[0]["items"]}


def test_remind_by_a_short_name_is_the_same_one_message(ws):
    by_short = ws.json("--all", "remind", "--office", "交通执法大队")
    by_full = ws.json("--all", "remind", "--office", FULL)
    assert by_short == by_full
    yunguan = ws.json("--all", "remind", "--office", "运管股")
    assert [r["office"] for r in yunguan] == [YUNGUAN]
    assert {(i["notice"], i["id"], i["role"]) for i in yunguan[0]["items"]} >= {
        ("泉港交〔2021〕35号", 1, "assist"), ("泉港交〔2021〕35号", 3, "lead")}


def test_list_filter_and_lead_column_use_the_full_name(ws):
    rows = ws.json("--all", "list", "--office", FULL)
    mine = [r for r in rows if r["notice"] == "泉港交〔2021〕35号"]
    assert [(r["id"], r["lead"], r["assist"]) for r in mine] == [(1, FULL, [YUNGUAN])]
    assert ws.json("--all", "list", "--office", "执法大队") == rows
    lead = ws.json("--all", "list", "--lead", "运管股")
    assert {(r["notice"], r["id"]) for r in lead if r["notice"].endswith("35号")} == {
        ("泉港交〔2021〕35号", 3)}
    assist = ws.json("--all", "list", "--assist", "政策法规股")
    assert ("泉港交〔2021〕35号", 1) in {(r["notice"], r["id"]) for r in assist}
    table = ws("--all", "list", "--office", FULL).output
    assert "交通执法大队" not in table


def test_overdue_and_export_name_the_full_name(ws, tmp_path):
    rows = ws.json("--all", "overdue", "--office", "运管股")
    assert {(r["notice"], r["id"], r["lead"]) for r in rows if r["notice"].endswith("35号")} == {
        ("泉港交〔2021〕35号", 1, FULL), ("泉港交〔2021〕35号", 3, YUNGUAN)}
    target = tmp_path / "执法.csv"
    assert ws("--all", "export", str(target), "--office", "执法大队").exit_code == 0
    lines = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [(r[-1], r[0]) for r in lines[1:]][-1] == ("泉港交〔2021〕35号", "1")
    assert all("交通执法大队" not in cell for row in lines for cell in row)


def test_one_table_is_unchanged(ws, gk):
    """Without --all, data/ alone reads as it always has: nothing joined, nothing said."""
    assert ws("status").output == gk("status").output
    assert ws("remind").output == gk("remind").output
    result = ws("--all", "status")
    assert result.stderr == ""  # every name means one office: nothing to say


def test_people_are_the_same_in_every_output(ws):
    """安监股: 谢玉龙 in the 150号 roster, 张新 in 35号's: both, first table first, everywhere."""
    both = ["谢玉龙", "张新"]
    assert offices(ws.json("--all", "status"))["安监股"][1] == both
    assert offices(ws.json("--all", "report"))["安监股"][1] == both
    found = ws.json("--all", "remind", "--office", "安监股")
    assert found[0]["people"] == both
    assert found[0]["message"].startswith("【安监股】谢玉龙、张新同志")
    overdue = ws.json("--all", "overdue", "--office", "安监股")
    assert {r["notice"]: r["lead_people"] for r in overdue if r["lead"] == "安监股"} == {
        "泉港交〔2021〕35号": both}
    table = ws("--all", "overdue", "--lead", "安监股").output
    assert "谢玉龙、张新" in table or "谢玉龙、" in table


def test_a_notice_without_a_roster_names_the_people_of_the_others(ws):
    ws.add("报送", NO_ROSTER)
    rows = ws.json("--all", "list", "--lead", "综合股")
    assert {r["notice"]: r["lead_people"] for r in rows}["泉港交〔2021〕40号"] == ["陈伟", "庄青红"]
    text = ws("--all", "overdue", "--lead", "综合股", "--format", "csv").output
    header, *lines = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    people = {line[-1]: line[header.index("责任人")] for line in lines}
    assert people["泉港交〔2021〕40号"] == "陈伟、庄青红"
    assert offices(ws.json("--all", "status"))["综合股"][1] == ["陈伟", "庄青红"]


def test_an_alias_two_tables_give_two_offices_stays_apart_and_is_said_once(ws):
    ws.add("城管", CITY)
    result = ws("--all", "status")
    assert result.exit_code == 0, result.output
    said = result.stderr.splitlines()
    assert len(said) == 1 and "执法大队" in said[0]
    assert FULL in said[0] and "城市管理执法大队" in said[0]
    rows = offices(ws.json("--all", "status"))
    assert rows[FULL][0] == 1  # 交通执法大队 is still 交通综合行政执法大队's, without doubt
    assert rows["城市管理执法大队"][0] == 1
    english = ws("--lang", "en", "--all", "status").stderr
    assert english.count("\n") == 1 and "执法大队" in english and "大队 在" not in english


def test_an_ambiguous_short_name_on_the_command_line_is_refused(ws):
    ws.add("城管", CITY)
    result = ws("--all", "list", "--office", "执法大队")
    assert result.exit_code == 1
    assert FULL in result.stderr and "城市管理执法大队" in result.stderr
    assert result.stdout == ""


def test_an_office_named_by_an_alias_of_two_offices_keeps_its_own_row(ws):
    ws.add("城管", CITY)
    ws.add("联合", SHORT)
    rows = offices(ws.json("--all", "report"))
    assert rows["执法大队"][0] == 1  # 41号's 执法大队: 交通 or 城市管理? neither is guessed
    assert rows[FULL][0] == 1 and rows["城市管理执法大队"][0] == 1
    assert ws("--all", "report").stderr.count("\n") == 1
    found = ws.json("--all", "remind")
    assert [r["office"] for r in found].count("执法大队") == 1


def test_a_roster_naming_the_short_name_answers_for_the_full_one(tmp_path):
    data = tmp_path / "ws" / "data"
    shutil.copytree(SHIPPED, data)
    ws = Runner(data)
    ws.add("执法", ENFORCEMENT, ENFORCEMENT_ROSTER
           + "  - {name: 郑强, role: member, post: 执法大队副大队长, office: 交通执法大队}\n")
    assert offices(ws.json("--all", "status"))[FULL] == (1, ["肖明春", "郑强"])
    found = ws.json("--all", "remind", "--office", "交通执法大队")
    assert found[0]["message"].startswith(f"【{FULL}】肖明春、郑强同志")


def test_names_through_several_notices_are_one_office(ws):
    """35号 calls it 交通执法大队 with alias 大队; 41号 calls it 大队: all 交通综合行政执法大队."""
    replace_in(ws.data / "执法" / "tasks.yaml", "  - name: 交通执法大队\n",
               "  - name: 交通执法大队\n    aliases: [大队]\n")
    ws.add("联合", SHORT.replace("执法大队", "大队"))
    rows = offices(ws.json("--all", "status"))
    assert rows[FULL][0] == 2 and "大队" not in rows
    assert ws("--all", "status").stderr == ""


def test_two_notices_naming_each_other_are_one_office_under_the_first_name(tmp_path):
    data = tmp_path / "ws" / "data"
    ws = Runner(data)
    data.mkdir(parents=True)
    ws.add("a", CITY)
    ws.add("b", CITY.replace("泉港城〔2021〕8号", "泉港城〔2021〕9号")
           .replace("name: 城市管理执法大队\n    aliases: [执法大队]", "name: 执法大队\n    aliases: [城市管理执法大队]")
           .replace("lead: 城市管理执法大队", "lead: 执法大队"))
    rows = offices(ws.json("--all", "report"))
    assert list(rows) == ["城市管理执法大队"] and rows["城市管理执法大队"][0] == 2
    assert len(ws.json("--all", "list", "--office", "执法大队")) == 2


NAMES = ["综合股", "运管股", "政策法规股", "安监股", "执法大队", "大队", "工程股", "审批股"]


@st.composite
def registries(draw) -> OfficeRegistry:
    """The offices of one valid table: every name once, as a full name or an alias."""
    used = draw(st.permutations(NAMES))[: draw(st.integers(0, len(NAMES)))]
    offices, i = [], 0
    while i < len(used):
        n = draw(st.integers(1, min(3, len(used) - i)))
        offices.append(Office(used[i], tuple(used[i + 1:i + n])))
        i += n
    return OfficeRegistry(offices, [])


def reading(registry: OfficeRegistry) -> dict[str, str | None]:
    return {name: registry.canonical(name) for name in NAMES}


@given(registries())
def test_one_table_joined_reads_as_it_does_alone(registry):
    for tables in ([registry], [registry, registry]):
        joined = join(tables)
        assert joined.names == registry.names
        assert reading(joined) == reading(registry)
        assert joined.apart == {}


@given(st.lists(registries(), min_size=1, max_size=4))
def test_every_office_of_every_table_is_one_office_of_the_workspace(tables):
    joined = join(tables)
    assert len(set(joined.names)) == len(joined.names)
    for registry in tables:
        for office in registry.offices:
            unit = joined.canonical(office.name)
            assert unit in joined.names  # each office of a table is one office of the workspace
            for alias in office.aliases:  # and each name it declares is that office, undisputed
                assert alias in joined.apart or joined.canonical(alias) == unit
    for name, meant in joined.apart.items():  # a disputed name: at least two offices
        assert len(meant) + (name in joined.names) >= 2
        assert set(meant) <= set(joined.names)


def test_check_all_says_what_the_tables_disagree_on(ws):
    assert ws("--all", "check").stderr == ""
    ws.add("城管", CITY)
    result = ws("--all", "check")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("执法大队 在各文件中指不同股室") == 1


def test_a_report_owed_under_a_short_name_is_in_the_office_s_one_message(ws):
    with (ws.data / "执法" / "tasks.yaml").open("a", encoding="utf-8") as f:
        f.write("reporting:\n  - what: 执法情况\n    every: 每月28日前\n    from: [运管股]\n"
                "    start: 2021-05-01\n")
    found = ws.json("--all", "remind", "--office", "政策法规股")
    assert [r["office"] for r in found] == [YUNGUAN]
    assert {(r["office"], r["notice"]) for r in found[0]["reports"]} == {
        (YUNGUAN, "泉港交〔2021〕35号")}
    assert "【运管股】" not in ws("--all", "remind").output


def test_reports_asked_of_a_short_name_are_the_office_s_in_status_and_report(ws):
    with (ws.data / "执法" / "tasks.yaml").open("a", encoding="utf-8") as f:
        f.write("reporting:\n  - what: 执法情况\n    every: 每月28日前\n    from: [运管股]\n"
                "    start: 2021-05-01\n")
    board = ws.json("--all", "status")["reporting"]
    assert [(b["notice"], b["not_yet"], [m["office"] for m in b["missing"]]) for b in board] == [
        ("泉港交〔2021〕35号", [YUNGUAN], [YUNGUAN])]
    rates = ws.json("--all", "report")["reporting_by_office"]
    assert [(r["notice"], r["office"]) for r in rates] == [("泉港交〔2021〕35号", YUNGUAN)]
    assert "运管股 " not in ws("--all", "report").output.split("按时报送率")[-1]
