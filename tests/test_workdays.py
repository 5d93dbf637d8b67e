"""The official calendar: working days, periods counted on it, holidays.yaml, and years without data.

The expected days are written out from the State Council's announcements
(国务院办公厅关于部分节假日安排的通知, 国办发明电), not derived from the package.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers import replace_in
from hypothesis import given
from hypothesis import strategies as st

from gkcli.deadlines import resolve
from gkcli.workdays import Calendar, NoHolidayData, Period, parse_period

D = date.fromisoformat


def days(first: str, last: str) -> list[date]:
    start, end = D(first), D(last)
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


# (holiday, days off, 调休 working days) as announced for each year
OFFICIAL = [
    # 国办发明电〔2019〕16号, and 国办发明电〔2020〕1号 (春节 extended to 2 February)
    ("2020 春节", days("2020-01-24", "2020-02-02"), ["2020-01-19"]),
    ("2020 清明", days("2020-04-04", "2020-04-06"), []),
    ("2020 劳动节", days("2020-05-01", "2020-05-05"), ["2020-04-26", "2020-05-09"]),
    ("2020 端午", days("2020-06-25", "2020-06-27"), ["2020-06-28"]),
    ("2020 国庆中秋", days("2020-10-01", "2020-10-08"), ["2020-09-27", "2020-10-10"]),
    # 国办发明电〔2020〕27号
    ("2021 春节", days("2021-02-11", "2021-02-17"), ["2021-02-07", "2021-02-20"]),
    ("2021 清明", days("2021-04-03", "2021-04-05"), []),
    ("2021 劳动节", days("2021-05-01", "2021-05-05"), ["2021-04-25", "2021-05-08"]),
    ("2021 端午", days("2021-06-12", "2021-06-14"), []),
    ("2021 中秋", days("2021-09-19", "2021-09-21"), ["2021-09-18"]),
    ("2021 国庆", days("2021-10-01", "2021-10-07"), ["2021-09-26", "2021-10-09"]),
    # 国办发明电〔2021〕11号
    ("2022 春节", days("2022-01-31", "2022-02-06"), ["2022-01-29", "2022-01-30"]),
    ("2022 清明", days("2022-04-03", "2022-04-05"), ["2022-04-02"]),
    ("2022 劳动节", days("2022-04-30", "2022-05-04"), ["2022-04-24", "2022-05-07"]),
    ("2022 端午", days("2022-06-03", "2022-06-05"), []),
    ("2022 中秋", days("2022-09-10", "2022-09-12"), []),
    ("2022 国庆", days("2022-10-01", "2022-10-07"), ["2022-10-08", "2022-10-09"]),
    # 国办发明电〔2022〕16号
    ("2023 春节", days("2023-01-21", "2023-01-27"), ["2023-01-28", "2023-01-29"]),
    ("2023 清明", days("2023-04-05", "2023-04-05"), []),
    ("2023 劳动节", days("2023-04-29", "2023-05-03"), ["2023-04-23", "2023-05-06"]),
    ("2023 端午", days("2023-06-22", "2023-06-24"), ["2023-06-25"]),
    ("2023 中秋国庆", days("2023-09-29", "2023-10-06"), ["2023-10-07", "2023-10-08"]),
    # 国办发明电〔2023〕7号 (除夕 9 February is a working day)
    ("2024 春节", days("2024-02-10", "2024-02-17"), ["2024-02-04", "2024-02-09", "2024-02-18"]),
    ("2024 清明", days("2024-04-04", "2024-04-06"), ["2024-04-07"]),
    ("2024 劳动节", days("2024-05-01", "2024-05-05"), ["2024-04-28", "2024-05-11"]),
    ("2024 端午", days("2024-06-08", "2024-06-10"), []),
    ("2024 中秋", days("2024-09-15", "2024-09-17"), ["2024-09-14"]),
    ("2024 国庆", days("2024-10-01", "2024-10-07"), ["2024-09-29", "2024-10-12"]),
    # 国办发明电〔2024〕12号
    ("2025 春节", days("2025-01-28", "2025-02-04"), ["2025-01-26", "2025-02-08"]),
    ("2025 清明", days("2025-04-04", "2025-04-06"), []),
    ("2025 劳动节", days("2025-05-01", "2025-05-05"), ["2025-04-27"]),
    ("2025 端午", days("2025-05-31", "2025-06-02"), []),
    ("2025 国庆中秋", days("2025-10-01", "2025-10-08"), ["2025-09-28", "2025-10-11"]),
]
IDS = [name for name, _, _ in OFFICIAL]


@pytest.mark.parametrize(("name", "off", "worked"), OFFICIAL, ids=IDS)
def test_the_official_calendar(name, off, worked):
    calendar = Calendar()
    assert [d for d in off if calendar.is_workday(d)] == []
    assert [d for d in worked if not calendar.is_workday(D(d))] == []


def first_day_back(off: list[date], worked: list[str]) -> date:
    """The first working day after a holiday: the next day, past a weekend not made a working day."""
    day = off[-1] + timedelta(days=1)
    while day.weekday() >= 5 and day.isoformat() not in worked:
        day += timedelta(days=1)
    return day


@pytest.mark.parametrize(("name", "off", "worked"), OFFICIAL, ids=IDS)
def test_a_five_day_period_ending_in_a_holiday_ends_on_the_first_working_day_after_it(name, off, worked):
    # 民法典 §203: the period ends on the day after the holiday (a weekend day after it counts on)
    assert Calendar().add_days(off[0] - timedelta(days=5), 5) == first_day_back(off, worked)


@pytest.mark.parametrize(("name", "off", "worked"), OFFICIAL, ids=IDS)
def test_one_working_day_after_the_eve_of_a_holiday_is_the_first_day_back(name, off, worked):
    assert Calendar().add_workdays(off[0] - timedelta(days=1), 1) == first_day_back(off, worked)


PERIODS = [
    ("10个工作日内", Period("workdays", 10)),
    ("十五个工作日", Period("workdays", 15)),
    ("20个工作日内办结", Period("workdays", 20)),
    ("5个工作日内报送", Period("workdays", 5)),
    ("5日内", Period("days", 5)),
    ("三十日内", Period("days", 30)),
    ("30天内完成", Period("days", 30)),
    ("一百八十日内", Period("days", 180)),
]


@pytest.mark.parametrize(("phrase", "period"), PERIODS)
def test_period_phrases(phrase, period):
    assert parse_period(phrase) == period
    assert resolve(phrase).period == period
    assert resolve(phrase).kind == period.kind


@pytest.mark.parametrize("phrase", ["5日", "0个工作日", "工作日内", "2021年5日内"])
def test_not_periods(phrase):
    assert parse_period(phrase) is None


# Items due just after 国庆 and 春节, asked about with --today inside the holiday:
# (start, deadline phrase, the deadline, today, working days left, calendar days left)
OVER_HOLIDAYS = [
    ("2020-09-30", "3个工作日内", "2020-10-12", "2020-10-05", 3, 7),  # 10-09, 调休 10-10, 10-12
    ("2020-01-23", "3个工作日内", "2020-02-05", "2020-01-28", 3, 8),  # 春节 extended to 02-02
    ("2021-09-30", "3个工作日内", "2021-10-11", "2021-10-03", 3, 8),  # 10-08, 调休 10-09, 10-11
    ("2021-02-10", "3个工作日内", "2021-02-20", "2021-02-15", 3, 5),  # 02-18, 02-19, 调休 02-20
    ("2024-09-30", "5个工作日内", "2024-10-12", "2024-10-01", 5, 11),  # 10-08…10-11, 调休 10-12
    ("2024-02-08", "3个工作日内", "2024-02-19", "2024-02-12", 2, 7),  # 除夕 02-09, 调休 02-18
    ("2021-09-26", "5日内", "2021-10-08", "2021-10-02", None, 6),  # 10-01 is 国庆: ends 10-08
    ("2020-09-25", "10日内", "2020-10-09", "2020-10-03", None, 6),  # 10-05 is 国庆: ends 10-09
    ("2024-02-07", "5日内", "2024-02-18", "2024-02-11", None, 7),  # 02-12 is 春节: 调休 Sunday 02-18
]


def _one_item(gk, start: str, phrase: str) -> None:
    replace_in(gk.tasks, "    deadline: 2021年6月底", f"    start: {start}\n    deadline: {phrase}")


@pytest.mark.parametrize(("start", "phrase", "due", "today", "workdays", "calendar_days"),
                         OVER_HOLIDAYS)
def test_items_due_just_after_a_holiday(gk, start, phrase, due, today, workdays, calendar_days):
    _one_item(gk, start, phrase)
    gk.today = today
    item = gk.json("show", "8")
    assert (item["deadline"], item["start"], item["deadline_text"]) == (due, start, phrase)
    assert item["deadline_kind"] == ("workdays" if "工作日" in phrase else "days")
    assert (item["workdays_left"], item["days_left"]) == (workdays, calendar_days)
    shown = gk("show", "8").output
    assert (f"剩{workdays}个工作日" if workdays else f"剩{calendar_days}天") in shown


def test_working_days_left_in_status_and_remind(gk):
    _one_item(gk, "2021-09-30", "3个工作日内")
    gk.today = "2021-10-03"
    assert "剩3个工作日" in gk("status").output
    said = gk("remind", "--office", "运管股").output
    assert "（完成时间：3个工作日内（2021年10月11日前），剩3个工作日）" in said
    assert "3 working days left" in gk("--lang", "en", "show", "8").output


def test_without_a_start_a_period_counts_from_the_notice(gk):
    replace_in(gk.tasks, "deadline: 2021年6月底", "deadline: 10个工作日内")
    item = gk.json("show", "8")  # issued 2020-07-02 (Thu): 10 working days → 07-16
    assert (item["deadline"], item["start"]) == ("2020-07-16", None)


def test_gk_set_start_and_add_start(gk):
    result = gk("set", "8", "--start", "2021-09-30", "--deadline", "3个工作日内")
    assert result.exit_code == 0, result.output
    assert "    start: 2021-09-30\n" in gk.tasks.read_text(encoding="utf-8")
    assert gk.json("show", "8")["deadline"] == "2021-10-11"
    result = gk("add", "--group", "5", "--title", "答复申请", "--lead", "综合股",
                "--start", "2021-09-28", "--deadline", "15个工作日内")
    assert result.exit_code == 0, result.output
    assert "  start: 2021-09-28\n    deadline: 15个工作日内\n" in gk.tasks.read_text(encoding="utf-8")
    assert gk.json("show", "17")["deadline"] == "2021-10-25"


def test_due_soon_in_working_days(gk):
    replace_in(gk.tasks, "due_soon_days: 14   # 距完成时间不超过几天算“即将到期”",
               "due_soon_days: 5\n  due_soon_workdays: 3")
    replace_in(gk.tasks, "deadline: 2021年6月底", "deadline: 2021-10-11")
    gk.today = "2021-09-30"  # 11 calendar days, but only 10-08, 调休 10-09 and 10-11 are worked
    item = gk.json("show", "8")
    assert (item["state"], item["days_left"], item["workdays_left"]) == ("due_soon", 11, 3)
    status = gk("status").output
    assert "即将到期事项（3个工作日内）" in status
    assert "剩3个工作日" in status
    gk.today = "2021-09-29"
    assert gk.json("show", "8")["state"] == "open"


def test_holidays_yaml_adds_a_local_day_off(gk):
    _one_item(gk, "2021-09-30", "3个工作日内")
    (gk.data / "holidays.yaml").write_text("off:\n  - 2021-10-08   # 本地调整\n", encoding="utf-8")
    assert gk.json("show", "8")["deadline"] == "2021-10-12"


def test_holidays_yaml_gives_a_year_the_package_does_not_know(gk):
    _one_item(gk, "2099-09-30", "3个工作日内")
    (gk.data / "holidays.yaml").write_text(
        "years: [2099]\noff:\n  - 2099-10-01 至 2099-10-07\nwork:\n  - 2099-10-10\n",
        encoding="utf-8")
    # 10-01…10-07 off; 10-08 Thu, 10-09 Fri, 10-10 Sat (worked)
    assert gk.json("show", "8")["deadline"] == "2099-10-10"


def test_a_year_without_holiday_data_is_a_check_problem(gk):
    _one_item(gk, "2099-09-30", "3个工作日内")
    said = gk.fails("check")
    line = gk.tasks.read_text(encoding="utf-8").splitlines().index("    deadline: 3个工作日内") + 1
    assert f"tasks.yaml:{line}:15: 第 8 项：2099年没有节假日数据，无法计算“3个工作日内”" in said
    assert "holidays.yaml" in said
    assert "no holiday data for 2099" in gk.fails("--lang", "en", "list")


def test_a_dated_deadline_in_a_year_without_data_is_a_problem_when_due_soon_counts_working_days(gk):
    replace_in(gk.tasks, "commit: false", "commit: false\n  due_soon_workdays: 5")
    replace_in(gk.tasks, "deadline: 2021年6月底", "deadline: 2099年6月底")
    assert "2099年没有节假日数据" in gk.fails("check")


def test_a_broken_holidays_yaml_is_a_check_problem(gk):
    (gk.data / "holidays.yaml").write_text("off:\n  - 十月一日\nwork: [2021-10-09]\nfoo: 1\n",
                                           encoding="utf-8")
    said = gk.fails("check")
    assert "holidays.yaml:2:5: 不是日期或日期区间：十月一日" in said
    assert "holidays.yaml:4:1:" in said


KNOWN_DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2025, 10, 31))  # OFFICIAL's years


def test_an_unknown_year_is_never_guessed():
    with pytest.raises(NoHolidayData):
        Calendar().is_workday(date(2099, 1, 5))


@given(KNOWN_DAYS, st.integers(min_value=1, max_value=25))
def test_the_nth_working_day_is_a_working_day_n_working_days_on(start, n):
    calendar = Calendar()
    end = calendar.add_workdays(start, n)
    assert calendar.is_workday(end)
    assert calendar.workdays_left(start, end) == n


@given(KNOWN_DAYS, st.integers(min_value=1, max_value=40))
def test_a_calendar_day_period_never_ends_on_a_day_off_and_never_early(start, n):
    calendar = Calendar()
    end = calendar.add_days(start, n)
    assert calendar.is_workday(end)
    assert end >= start + timedelta(days=n)
    assert all(not calendar.is_workday(d) for d in days(
        (start + timedelta(days=n)).isoformat(), (end - timedelta(days=1)).isoformat()))
