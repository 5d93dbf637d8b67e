"""Chinese words accepted wherever gk shows them; YAML mistakes in plain words; check's warnings."""

from __future__ import annotations

import pytest
from helpers import replace_in

# --- YAML syntax errors: what is wrong, how to fix it, on the right line --------------------------


def test_status_without_space_is_named_on_its_line(gk):
    replace_in(gk.tasks, "    deadline: 2020年7月17日前\n    status: todo", "    deadline: 2020年7月17日前\n    status:todo")
    assert gk.fails("check").endswith("tasks.yaml:78:11: 冒号后面缺少空格：应写成“status: todo”\n")
    english = gk("--lang", "en", "check").output
    assert english.endswith("tasks.yaml:78:11: a colon needs a space after it: write \"status: todo\"\n")


def test_ascii_colon_in_a_title_hints_full_width_or_quotes(gk):
    replace_in(gk.tasks, "    title: 梳理规范权责清单，动态调整更新", "    title: 梳理规范权责清单: 动态调整更新")
    line = gk.fails("check").strip()
    assert ":73:" in line
    assert "请改用中文冒号“：”，或给整段文字加上引号" in line
    assert "full-width colon '：' or put the whole text in quotes" in gk("--lang", "en", "check").output


def test_a_tab_in_the_indentation(gk):
    replace_in(gk.tasks, "    status: todo\n\n  - id: 2", "\tstatus: todo\n\n  - id: 2")
    assert "缩进里有 Tab 字符：请改用空格" in gk("check").output


def test_gbk_file_is_named_as_such(gk):
    gk.tasks.write_bytes(gk.tasks.read_text(encoding="utf-8").encode("gbk"))
    assert "文件似乎是 GBK 编码，请另存为 UTF-8" in gk.fails("status")


# --- Chinese words accepted ------------------------------------------------------------------------

@pytest.mark.parametrize("word,state", [
    ("已逾期", "overdue"), ("逾期", "overdue"), ("即将到期", "due_soon"), ("未到期", "open"),
    ("长期", "ongoing"), ("已完成", "done"), ("overdue", "overdue"),
])
def test_state_in_chinese(gk, word, state):
    gk("done", "16", "--on", "2021-06-01")
    rows = gk.json("list", "--state", word)
    assert rows
    assert {r["state"] for r in rows} == {state}


def test_due_before_a_deadline_phrase(gk):
    by_phrase = gk.json("list", "--due-before", "2021年6月底")
    by_date = gk.json("list", "--due-before", "2021-06-30")
    assert by_phrase == by_date
    assert len(by_phrase) > 0
    assert gk.json("list", "--due-after", "2021年7月") == gk.json("list", "--due-after", "2021-07-31")


def test_who_a_person(gk):
    out = gk("who", "黄梁岸").output
    assert "黄梁岸 负责的股室" in out
    assert "运管股（政策法规股）" in out
    assert gk.json("who", "黄梁岸") == [{"name": "黄梁岸", "role": "member", "post": "运管股负责人",
                                        "office": "运管股（政策法规股）"}]
    assert gk.fails("who", "黄梁") == "gk: 黄梁 既不是股室，也不在领导小组名单中（是不是 黄梁岸？）\n"


def test_assist_by_the_groups_short_name(gk):
    short = gk.json("list", "--assist", "局各股室")
    full = gk.json("list", "--assist", "局各股室（中队、站）")
    assert short == full
    assert all("局各股室（中队、站）" in r["assist"] for r in short)
    assert len(short) == 13


@pytest.mark.parametrize("written", ["3号", "#3", "＃３", "第3项", "第 3 项"])
def test_an_item_id_as_she_sees_it_written(gk, written):
    """remind and the handouts write items as 3号: the commands take that back as 3."""
    result = gk("done", written)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("完成 #3 编制26个领域政务公开事项目录（2021-06-20）\n")
    assert gk.json("show", written)["id"] == 3


def usage_error(gk, *args: str) -> str:
    before = gk.tasks.read_bytes()
    result = gk(*args)
    assert result.exit_code == 2, result.output
    assert gk.tasks.read_bytes() == before
    return result.output.splitlines()[-1]


def test_usage_errors_are_chinese_sentences(gk):
    assert usage_error(gk, "done", "x3") == "错误：'ID...' 的取值无效：'x3' 不是事项编号（例如 3、3号、#3）"
    huge = "9" * 5000  # more digits than Python's int() takes: still a usage error, not a traceback
    assert usage_error(gk, "show", huge).endswith("不是事项编号（例如 3、3号、#3）")
    assert usage_error(gk, "extend", "3") == "错误：缺少选项 '--to'。"  # not Click's ASCII full stop
    assert usage_error(gk, "set", "3", "--group", "abc") == "错误：'--group' 的取值无效：'abc' 不是有效的整数。"
    # `gk note 3`: Click takes the 3 as TEXT, so what is missing is the note, not the ID
    assert usage_error(gk, "note", "3") == \
        "错误：缺少进展内容：gk note ID... TEXT（例如 gk note 5 \"已完成平台选型\"）"


def test_usage_errors_in_english(gk):
    assert usage_error(gk, "--lang", "en", "done", "x3") == \
        "Error: Invalid value for 'ID...': 'x3' is not an item id (e.g. 3 or #3)"
    assert usage_error(gk, "--lang", "en", "extend", "3") == "Error: Missing option '--to'."
    assert usage_error(gk, "--lang", "en", "set", "3", "--group", "abc") == \
        "Error: Invalid value for '--group': 'abc' is not a valid integer."


# --- gk check: likely mistakes are warned about, exit 0 -------------------------------------------

def test_check_warns_and_exits_zero(gk):
    replace_in(gk.tasks, "    deadline: 2020年7月17日前\n    status: todo",
               "    deadline: 2020年6月底\n    status: done\n    done_on: 2021-07-01")
    replace_in(gk.tasks, "  - id: 2\n    group: 1\n    title: 梳理规范公共服务清单，动态调整更新\n    lead: 综合股\n    assist:\n",
               "  - id: 2\n    group: 1\n    title: 梳理规范公共服务清单，动态调整更新\n    lead: 综合股\n    assist:\n      - 安监股\n")
    text = (gk.data / "leading_group.yaml").read_text("utf-8")
    (gk.data / "leading_group.yaml").write_text(text.replace("office: 运管股", "office: 综合股"), "utf-8")
    result = gk("check")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "提醒：第 1 项的完成时间 2020年6月底 早于通知印发日期 2020-07-02" in out
    assert "提醒：第 1 项的完成日期 2021-07-01 晚于今天（2021-06-20）" in out
    assert "提醒：第 2 项的协办股室 安监股 已包含在旁边的 局各股室（中队、站） 中" in out
    assert "提醒：运管股（政策法规股） 牵头 3 项事项，但领导小组名单中没有人负责它" in out
    assert out.splitlines()[-1] == "另有 4 条提醒（不影响使用，建议核对）"
    assert "warning: item 1: done_on 2021-07-01 is after today" in gk("--lang", "en", "check").output


def test_check_warns_about_a_missing_roster(gk):
    (gk.data / "leading_group.yaml").unlink()
    result = gk("check")
    assert result.exit_code == 0
    assert "leading_group.yaml:1:1: 提醒：没有 leading_group.yaml" in result.output


def test_broken_tasks_is_named_before_the_roster(gk):
    replace_in(gk.tasks, "    lead: 运管股（政策法规股）", "    lead: 运管科")
    replace_in(gk.data / "leading_group.yaml", "    office: 安监股", "    office: 安全股")
    said = gk.fails("status")
    assert said.startswith("gk: ")
    assert "tasks.yaml:" in said
    assert "leading_group.yaml" not in said.split("（另有")[0]


# --- deadline phrases -----------------------------------------------------------------------------

@pytest.mark.parametrize("phrase", ["即时", "随时", "及时办理", "立即整改"])
def test_immediate_words_are_ongoing(phrase):
    from gkcli import deadlines

    assert deadlines.resolve(phrase, 2020).ongoing


def test_ascii_hyphen_range():
    from datetime import date

    from gkcli import deadlines

    assert deadlines.resolve("2020年7月-12月", 2020).date == date(2020, 12, 31)
    assert deadlines.resolve("2020-07-17", 2020).date == date(2020, 7, 17)
