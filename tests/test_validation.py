"""Every kind of broken file gives path:line:col messages from gk check, and exit 1."""

import pytest
from helpers import replace_in


def test_shipped_data_is_clean(gk):
    result = gk("check")
    assert result.exit_code == 0
    assert result.output.startswith("检查通过：16 项事项，8 项工作任务，24 人")


@pytest.mark.parametrize("old,new,message", [
    ("    lead: 运管股（政策法规股）\n    assist:\n      - 综合股\n    deadline: 2021年6月底",
     "    lead: 综合科\n    assist:\n      - 综合股\n    deadline: 2021年6月底",
     "tasks.yaml:140:11: 未知股室 综合科（是不是 综合股？）"),
    ("  - id: 8\n    group: 4\n", "  - id: 8\n    group: 9\n",
     "tasks.yaml:138:12: 第 8 项：没有编号为 9 的工作任务"),
    ("  - id: 8\n    group: 4\n", "  - id: 7\n    group: 4\n",
     "tasks.yaml:137:9: 序号 7 重复（另见第 127 行）"),
    ("    deadline: 2021年6月底\n    status: todo\n\n  # 五",
     "    deadline: 2021年6月底\n    status: finished\n\n  # 五",
     "tasks.yaml:144:13: 第 8 项：状态 finished 无法识别"),
    ("    deadline: 2021年6月底\n    status: todo\n\n  # 五",
     "    deadline: 明年上半年\n    status: todo\n\n  # 五",
     "tasks.yaml:143:15: 第 8 项：无法识别完成时间“明年上半年”"),
    ("  - id: 8\n    group: 4\n", "  - id: 8\n    group: 4\n    owner: 张三\n",
     "tasks.yaml:139:5: 第 8 项：未知字段 owner"),
    ("  - id: 8\n    group: 4\n", "  - id: 8\n    group: 4\n    group: 5\n",
     "tasks.yaml:139:5: 第 8 项：字段 group 重复（第一次在第 138 行）"),
    ("  - id: 8\n    group: 4\n", "  - id: 8\n", "tasks.yaml:137:5: 第 8 项：缺少字段 group"),
    ("    assist:\n      - 综合股\n    deadline: 2021年6月底",
     "    assist:\n      - 党办\n    deadline: 2021年6月底",
     "tasks.yaml:142:9: 未知股室 党办（是不是 系统党办？）"),
    ("  table: 泉港", "  table: [泉港", "tasks.yaml:"),
    ("    status: todo\n\n  # 五", "    status: todo\n   bad: indent\n\n  # 五", "缩进不对"),
    ("    status: todo\n\n  # 五", "    status: todo\n    done_on: 2021-06-01\n\n  # 五",
     "填了 done_on（完成日期），但状态是 todo"),
    ("    lead: 运管股（政策法规股）", "    lead: 局各股室（中队、站）", "lead 只能是一个股室，不能是股室组合"),
    ("  - id: 8\n", "<<<<<<< HEAD\n  - id: 8\n=======\n  - id: 8\n>>>>>>> theirs\n",
     "有未解决的 git 冲突标记"),
])
def test_broken_tasks_file(gk, old, new, message):
    replace_in(gk.tasks, old, new)
    output = gk.fails("check")
    assert message in output
    assert "Traceback" not in output


def test_chinese_status_words_are_accepted(gk):
    replace_in(gk.tasks, "    status: todo\n\n  # 五", "    status: 已完成\n\n  # 五")
    assert gk.json("show", "8")["status"] == "done"


def test_roster_member_heading_unknown_office(gk):
    replace_in(gk.data / "leading_group.yaml", "    office: 安监股", "    office: 安全股")
    output = gk.fails("check")
    assert "leading_group.yaml:" in output
    assert "谢玉龙 负责的股室：未知股室 安全股" in output


def test_roster_bad_role(gk):
    replace_in(gk.data / "leading_group.yaml", "    role: leader", "    role: boss")
    assert "角色 boss 无法识别" in gk.fails("check")


def test_roster_chinese_role_words(gk):
    replace_in(gk.data / "leading_group.yaml", "    role: leader", "    role: 组长")
    assert gk("check").exit_code == 0


def test_check_lists_every_problem_in_order(gk):
    replace_in(gk.tasks, "    lead: 运管股（政策法规股）", "    lead: 运管科", count=-1)
    replace_in(gk.tasks, "    deadline: 2020年12月底", "    deadline: 不知道")
    lines = gk.fails("check").strip().splitlines()
    assert len(lines) == 4  # 运管科 ×3, 不知道 ×1
    positions = [int(line.split(":")[1]) for line in lines]
    assert positions == sorted(positions)


def test_other_commands_refuse_bad_data_with_one_line(gk):
    replace_in(gk.tasks, "    lead: 运管股（政策法规股）", "    lead: 运管科", count=-1)
    said = gk.fails("status")
    assert said.count("\n") == 1
    assert "未知股室 运管科" in said
    assert "（另有 2 处问题，运行 gk check 查看）" in said


def test_not_utf8(gk):
    gk.tasks.write_bytes(gk.tasks.read_text(encoding="utf-8").encode("gbk"))
    assert gk.fails("check").strip().endswith("tasks.yaml：文件似乎是 GBK 编码，请另存为 UTF-8")
    result = gk("--lang", "en", "check")
    assert "seems to be GBK (ANSI) encoded; save it as UTF-8" in result.output


def test_not_utf8_nor_gbk(gk):
    gk.tasks.write_bytes(b"\xff\xfe\x00tasks")
    assert "不是 UTF-8 编码（第 0 字节），请另存为 UTF-8" in gk.fails("check")


def test_empty_file(gk):
    gk.tasks.write_text("# nothing yet\n", encoding="utf-8")
    assert "文件是空的" in gk.fails("check")
