"""Every kind of broken file gives path:line:col messages from gk check, and exit 1."""

import pytest
from helpers import replace_in


def check(gk):
    result = gk("check")
    return result.exit_code, result.output


def test_shipped_data_is_clean(gk):
    code, output = check(gk)
    assert code == 0
    assert output.startswith("ok: 16 items, 8 work tasks, 24 people")


@pytest.mark.parametrize("old,new,message", [
    ("    lead: 运管股（政策法规股）\n    assist:\n      - 综合股\n    deadline: 2021年6月底",
     "    lead: 综合科\n    assist:\n      - 综合股\n    deadline: 2021年6月底",
     "tasks.yaml:140:11: unknown office 综合科 (did you mean 综合股?)"),
    ("  - id: 8\n    group: 4\n", "  - id: 8\n    group: 9\n",
     "tasks.yaml:138:12: item 8: unknown group 9"),
    ("  - id: 8\n    group: 4\n", "  - id: 7\n    group: 4\n",
     "tasks.yaml:137:9: duplicate id 7 (also on line 127)"),
    ("    deadline: 2021年6月底\n    status: todo\n\n  # 五",
     "    deadline: 2021年6月底\n    status: finished\n\n  # 五",
     "tasks.yaml:144:13: item 8: bad status finished"),
    ("    deadline: 2021年6月底\n    status: todo\n\n  # 五",
     "    deadline: 明年上半年\n    status: todo\n\n  # 五",
     "tasks.yaml:143:15: item 8: cannot read deadline '明年上半年'"),
    ("  - id: 8\n    group: 4\n", "  - id: 8\n    group: 4\n    owner: 张三\n",
     "tasks.yaml:139:5: item 8: unknown field owner"),
    ("  - id: 8\n    group: 4\n", "  - id: 8\n    group: 4\n    group: 5\n",
     "tasks.yaml:139:5: item 8: duplicate field group (first on line 138)"),
    ("  - id: 8\n    group: 4\n", "  - id: 8\n", "tasks.yaml:137:5: item 8: missing field group"),
    ("    assist:\n      - 综合股\n    deadline: 2021年6月底",
     "    assist:\n      - 党办\n    deadline: 2021年6月底",
     "tasks.yaml:142:9: unknown office 党办 (did you mean 系统党办?)"),
    ("  table: 泉港", "  table: [泉港", "tasks.yaml:"),
    ("    status: todo\n\n  # 五", "    status: todo\n   bad: indent\n\n  # 五", "YAML syntax"),
])
def test_broken_tasks_file(gk, old, new, message):
    replace_in(gk.tasks, old, new)
    code, output = check(gk)
    assert code == 1
    assert message in output
    assert "Traceback" not in output


def test_deadline_with_done_on_but_not_done(gk):
    replace_in(gk.tasks, "    status: todo\n\n  # 五", "    status: todo\n    done_on: 2021-06-01\n\n  # 五")
    code, output = check(gk)
    assert code == 1
    assert "done_on is set but status is todo" in output


def test_chinese_status_words_are_accepted(gk):
    replace_in(gk.tasks, "    status: todo\n\n  # 五", "    status: 已完成\n\n  # 五")
    assert gk.json("show", "8")["status"] == "done"


def test_lead_cannot_be_a_group(gk):
    replace_in(gk.tasks, "    lead: 运管股（政策法规股）", "    lead: 局各股室（中队、站）")
    code, output = check(gk)
    assert "lead must be one office, not the group" in output


def test_git_conflict_marker(gk):
    replace_in(gk.tasks, "  - id: 8\n", "<<<<<<< HEAD\n  - id: 8\n=======\n  - id: 8\n>>>>>>> theirs\n")
    code, output = check(gk)
    assert code == 1
    assert "git conflict marker" in output


def test_roster_member_heading_unknown_office(gk):
    replace_in(gk.data / "leading_group.yaml", "    office: 安监股", "    office: 安全股")
    code, output = check(gk)
    assert code == 1
    assert "leading_group.yaml:" in output
    assert "谢玉龙 heads unknown office 安全股" in output


def test_roster_bad_role(gk):
    replace_in(gk.data / "leading_group.yaml", "    role: leader", "    role: boss")
    code, output = check(gk)
    assert code == 1
    assert "bad role boss" in output


def test_roster_chinese_role_words(gk):
    replace_in(gk.data / "leading_group.yaml", "    role: leader", "    role: 组长")
    assert check(gk)[0] == 0


def test_check_lists_every_problem_in_order(gk):
    replace_in(gk.tasks, "    lead: 运管股（政策法规股）", "    lead: 运管科", count=-1)
    replace_in(gk.tasks, "    deadline: 2020年12月底", "    deadline: 不知道")
    code, output = check(gk)
    lines = output.strip().splitlines()
    assert code == 1
    assert len(lines) == 4  # 运管科 ×3, 不知道 ×1
    positions = [int(line.split(":")[1]) for line in lines]
    assert positions == sorted(positions)


def test_other_commands_refuse_bad_data_with_one_line(gk):
    replace_in(gk.tasks, "    lead: 运管股（政策法规股）", "    lead: 运管科", count=-1)
    result = gk("status")
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "unknown office 运管科" in result.output
    assert "(and 2 more; run gk check)" in result.output


def test_not_utf8(gk):
    gk.tasks.write_bytes(gk.tasks.read_text(encoding="utf-8").encode("gbk"))
    result = gk("check")
    assert result.exit_code == 1
    assert "not UTF-8" in result.output


def test_empty_file(gk):
    gk.tasks.write_text("# nothing yet\n", encoding="utf-8")
    code, output = check(gk)
    assert code == 1
    assert "the file is empty" in output
