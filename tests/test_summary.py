"""gk summary: a few sentences for WeChat or an email, short enough for one phone screen."""

from __future__ import annotations

import json

SHIPPED_SUMMARY = """\
《泉港区交通运输局政务公开标准化规范化工作任务分工表》进展情况（截至2021年6月20日）：
1. 确定事项16项，已完成0项，占0%；按时完成0项；逾期7项，涉及综合股、运管股（政策法规股）。
2. 逾期：综合股6项（1、2、3、4、9、10号）；运管股（政策法规股）1项（12号）。
3. 14天内到期2项：8、11号。
"""

PHONE_LINES = 12  # lines of about 20 Chinese characters on a phone screen
PHONE_CHARS = 360


def test_summary_of_the_shipped_table(gk):
    result = gk("summary")
    assert result.exit_code == 0
    assert result.output == SHIPPED_SUMMARY


def test_summary_counts_done_and_on_time(gk):
    assert gk("done", "5", "--on", "2021-06-18").exit_code == 0
    assert gk("done", "1", "--on", "2021-01-05").exit_code == 0
    lines = gk("summary").output.splitlines()
    assert lines[1] == ("1. 确定事项16项，已完成2项，占12.5%；按时完成1项；逾期6项，"
                        "涉及综合股、运管股（政策法规股）。")
    assert lines[-1] == "4. 已完成：1、5号，其中超时1号。"


def test_one_done_of_sixteen_is_rounded_half_up(gk):
    """1/16 is 6.25%: 四舍五入 gives 6.3%, not Python's 6.2% (round half to even)."""
    assert gk("done", "5", "--on", "2021-06-18").exit_code == 0
    assert "已完成1项，占6.3%；" in gk("summary").output


def test_five_done_of_sixteen_is_rounded_half_up(gk):
    """5/16 is 31.25%: 31.3%, not 31.2%; as the 通报 and the page, which say the same."""
    for n in ("5", "6", "7", "13", "15"):
        assert gk("done", n, "--on", "2021-06-18").exit_code == 0
    assert "已完成5项，占31.3%；" in gk("summary").output
    assert "占31.3%" in gk("summary", "--format", "json").output


def test_one_rounding_rule_for_every_percentage():
    from gkcli.tabular import percent

    assert [percent(1, 16, 1), percent(5, 16, 1), percent(3, 16, 1), percent(1, 8, 1)] == [
        "6.3%", "31.3%", "18.8%", "12.5%"]
    assert [percent(1, 8), percent(5, 8), percent(1, 2, 1), percent(0, 3, 1)] == [
        "13%", "63%", "50%", "0%"]
    assert percent(23, 2000, 1) == "1.2%"  # 1.15%: exact, not the float 1.149999…
    assert percent(1, 0, 1) == "—"


def test_the_status_bar_rounds_as_its_percentage_does(gk):
    """2 of 16 done: 13% beside a bar of 20 × 2/16 = 2.5 blocks, drawn as 3 (Python's round: 2)."""
    for n in ("5", "6"):
        assert gk("done", n, "--on", "2021-06-18").exit_code == 0
    assert "完成进度 ███░░░░░░░░░░░░░░░░░ 2/16 13%" in gk("status").output


def test_since_says_what_was_done_and_what_fell_overdue(gk):
    gk.today = "2021-07-05"
    assert gk("done", "5", "--on", "2021-06-25").exit_code == 0
    lines = gk("summary", "--since", "2021-06-20").output.splitlines()
    assert lines[-1] == "3. 2021年6月20日以来：完成1项（5号）；新增逾期2项（8、11号）。"


def test_since_with_nothing_new(gk):
    lines = gk("summary", "--since", "2021-06-01").output.splitlines()
    assert lines[-1] == "4. 2021年6月1日以来：无新完成事项；无新增逾期。"


def test_nothing_overdue(gk):
    gk.today = "2020-07-01"
    assert "无逾期事项。" in gk("summary").output


def test_markdown_and_json(gk):
    md = gk("summary", "--format", "md").output
    assert md.startswith("**《泉港区交通运输局政务公开标准化规范化工作任务分工表》进展情况")
    assert "\n- 确定事项16项，" in md
    data = json.loads(gk("summary", "--format", "json").output)
    assert data["text"] == SHIPPED_SUMMARY
    assert data["totals"]["overdue"] == 7
    assert data["overdue_by_office"] == [{"office": "综合股", "ids": [1, 2, 3, 4, 9, 10]},
                                         {"office": "运管股（政策法规股）", "ids": [12]}]
    assert data["due_soon"] == [8, 11]


def test_english(gk):
    lines = gk("--lang", "en", "summary").output.splitlines()
    assert lines[1] == "1. 16 items; 0 done (0%), 0 on time; 7 overdue, led by 综合股, 运管股（政策法规股）."


def test_fits_one_phone_screen_even_for_a_big_table(gk):
    from helpers import replace_in

    text = gk.tasks.read_text(encoding="utf-8")
    extra = "".join(
        f"\n  - id: {n}\n    group: {1 + n % 8}\n    title: 第{n}项工作\n"
        f"    lead: {office}\n    deadline: 2020年12月底\n    status: todo\n"
        for n, office in zip(range(17, 217), ["安监股", "工程股", "监控室", "车船管理股", "行政审批股",
                                              "系统党办", "农村公路管理站", "区运管所"] * 25))
    gk.tasks.write_text(text.rstrip("\n") + "\n" + extra, encoding="utf-8")
    replace_in(gk.tasks, "status: todo", "status: todo", 1)
    result = gk("summary", "--since", "2020-12-01")
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) <= PHONE_LINES
    assert len(result.output) <= PHONE_CHARS
    assert "等" in result.output  # long lists are cut, with the count of the rest
    assert "确定事项216项" in result.output
