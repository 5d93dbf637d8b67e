"""The official calendar: which days are working days, and deadlines counted in days.

Working days follow the State Council's yearly announcement (国务院办公厅关于部分节假日
安排的通知): weekends and 法定节假日 are off, 调休 weekends are worked. The
announcements come from the ``chinese-calendar`` package (imported only when a
deadline or setting needs it), and ``holidays.yaml`` in the data folder overrides or
extends them — for a year the package does not know yet, or for local changes::

    years: [2027]            # years this file gives in full
    off:                     # days off (法定节假日, local days off)
      - 2027-01-01
      - 2027-02-06 至 2027-02-12
    work:                    # 调休: weekend days that are worked
      - 2027-02-14

A day in a year neither knows is never guessed: :class:`NoHolidayData` is raised.

Periods (the start day itself is never counted):

- ``10个工作日内`` / ``十五个工作日``: the Nth working day after the start;
- ``5日内`` / ``30天内`` (民法典 §201–203): the Nth day after the start, and when that
  day is a 法定休假日 (a holiday, or a weekend that is not a 调休 working day) the
  period ends on the first working day after it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gkcli.errors import GkError, Problem
from gkcli.values import Frozen, Value
from gkcli.yamlnodes import NodeReader, position

if TYPE_CHECKING:
    import yaml

HOLIDAYS_FILE = "holidays.yaml"
WORKDAYS = "workdays"
DAYS = "days"

_NUM = r"[0-9〇零一二两三四五六七八九十百]+"
_WORKDAY_PERIOD = rf"^(?P<n>{_NUM})个?工作日(?:内|以内|之内)?$"
_DAY_PERIOD = rf"^(?P<n>{_NUM})(?:个自然日|个日历日|日内|日以内|日之内|天内|天以内|天之内|天)$"
_ENDINGS = ("工作日", "工作日内", "工作日以内", "工作日之内", "自然日", "日历日", "日内", "日以内",
            "日之内", "天", "天内", "天以内", "天之内")
_TRAILING_VERBS = ("完成", "办结", "报送", "反馈", "上报", "答复")


class NoHolidayData(GkError):
    """A day in a year for which gk has no official calendar."""


class Period(Frozen):
    FIELDS = ("kind", "count")
    kind: str  # WORKDAYS or DAYS
    count: int

    def __init__(self, kind: str, count: int):
        d = self.__dict__
        d["kind"], d["count"] = kind, count


def _number(text: str) -> int:
    from gkcli.deadlines import _cn_number

    if "百" in text:
        hundreds, _, rest = text.partition("百")
        return (_cn_number(hundreds) if hundreds else 1) * 100 + (_cn_number(rest) if rest else 0)
    return _cn_number(text)


def parse_period(text: str) -> Period | None:
    """``10个工作日内`` → Period('workdays', 10); ``5日内`` → Period('days', 5); else None."""
    for verb in _TRAILING_VERBS:
        text = text.removesuffix(verb)
    if not text.endswith(_ENDINGS):
        return None  # most phrases: no regular expression to compile
    m = re.match(_WORKDAY_PERIOD, text)
    kind = WORKDAYS
    if not m:
        m = re.match(_DAY_PERIOD, text)
        kind = DAYS
    if not m:
        return None
    try:
        count = _number(m["n"])
    except KeyError:
        return None
    return Period(kind, count) if count > 0 else None


@cache
def package_years() -> range:
    """The years the installed chinese-calendar knows."""
    from chinese_calendar import holidays, workdays

    years = {d.year for d in holidays} | {d.year for d in workdays}
    return range(min(years), max(years) + 1)


class Calendar(Value):
    """Working days from chinese-calendar, overridden and extended by holidays.yaml."""

    FIELDS = ("off", "work", "years", "source")
    off: set[date]
    work: set[date]
    years: set[int]
    source: str = ""  # holidays.yaml as shown to the user, when there is one

    def __init__(self, off: set[date] | None = None, work: set[date] | None = None,
                 years: set[int] | None = None, source: str = ""):
        self.off = set() if off is None else off
        self.work = set() if work is None else work
        self.years = set() if years is None else years
        self.source = source

    def knows(self, year: int) -> bool:
        return year in self.years or year in package_years()

    def is_workday(self, day: date) -> bool:
        if day in self.work:
            return True
        if day in self.off:
            return False
        if day.year in self.years:
            return day.weekday() < 5
        if day.year not in package_years():
            raise NoHolidayData("no_holiday_data", year=day.year, file=HOLIDAYS_FILE)
        from chinese_calendar import holidays, workdays

        # chinese_calendar.is_workday's own rule, without its check of the year range, which
        # scans every holiday on each call (gk checked the year above)
        return day in workdays or (day.weekday() <= 4 and day not in holidays)

    def add_workdays(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start`` (``start`` itself is not counted)."""
        day = start
        while count > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                count -= 1
        return day

    def add_days(self, start: date, count: int) -> date:
        """民法典 §201–203: ``count`` days after ``start``; a last day off moves to the next working day."""
        day = start + timedelta(days=count)
        while not self.is_workday(day):
            day += timedelta(days=1)
        return day

    def end_of(self, period: Period, start: date) -> date:
        if period.kind == WORKDAYS:
            return self.add_workdays(start, period.count)
        return self.add_days(start, period.count)

    def workdays_left(self, today: date, deadline: date) -> int:
        """Working days after ``today`` up to and including ``deadline`` (0 when due today)."""
        count, day = 0, today
        while day < deadline:
            day += timedelta(days=1)
            if self.is_workday(day):
                count += 1
        return count


def read_calendar(data_dir: Path | None) -> tuple[Calendar, list[Problem]]:
    """The calendar for a data folder: its holidays.yaml, if any, over the package."""
    if data_dir is None or not (data_dir / HOLIDAYS_FILE).is_file():
        return Calendar(), []
    from gkcli.store import display_path, read_text
    from gkcli.yamlnodes import compose

    path = data_dir / HOLIDAYS_FILE
    shown = display_path(path)
    root, problems = compose(read_text(path)[0], shown)
    if root is None:
        return Calendar(source=shown), problems
    reader = _HolidaysReader(shown)
    calendar = reader.read(root)
    return calendar, reader.problems


class _HolidaysReader(NodeReader):
    def read(self, root: yaml.Node | None) -> Calendar:
        calendar = Calendar(source=self.path)
        if root is None or getattr(root, "tag", "").endswith(":null"):
            return calendar
        top = self.mapping(root, HOLIDAYS_FILE, optional=("years", "off", "work"))
        if not top:
            return calendar
        if "years" in top:
            for node in self.sequence(top["years"], f"{HOLIDAYS_FILE} years"):
                year = self.integer(node, f"{HOLIDAYS_FILE} years")
                if year is not None:
                    calendar.years.add(year)
        for key, days in (("off", calendar.off), ("work", calendar.work)):
            if key in top:
                for node in self.sequence(top[key], f"{HOLIDAYS_FILE} {key}"):
                    days.update(self._days(node))
        both = calendar.off & calendar.work
        if both:
            self.problem(top["work"], "holidays_both", day=min(both).isoformat())
        return calendar

    def problem(self, node: yaml.Node, message: str, /, **params: Any) -> None:  # catalogue keys with values
        line, col = position(node)
        self.problems.append(Problem(self.path, line, col, message, params))

    def _days(self, node: yaml.Node) -> list[date]:
        from gkcli.deadlines import DeadlineError, read_date

        value = self.value(node)
        if isinstance(value, date):
            return [value]
        if isinstance(value, str):
            parts = [p.strip() for p in re.split(r"至|到|\.\.|～|~", value) if p.strip()]
            try:
                ends = [read_date(p) for p in parts]
            except DeadlineError:
                ends = []
            if len(ends) == 1:
                return ends
            if len(ends) == 2 and ends[0] <= ends[1] and (ends[1] - ends[0]).days < 366:
                return [ends[0] + timedelta(days=i) for i in range((ends[1] - ends[0]).days + 1)]
        self.problem(node, "holidays_bad_day", value=str(value)[:40])
        return []
