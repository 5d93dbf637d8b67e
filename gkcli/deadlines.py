"""Deadline phrases (完成时间) and the state of an item as of a date.

A phrase resolves to the last day on which the item still counts as on time,
or to ``None`` when the work is ongoing (长期). The rules, in order:

1. Ongoing: the phrase contains 长期, 持续, 常态, 常年 or 经常 → no date.
2. A range (``2020年7月至12月``) is read by its end; the end takes the
   start's year when it has none.
3. A trailing 完成 is ignored; a trailing 前 / 之前 / 以前 is remembered.
4. The phrase names a day or a period:
   - a day: ``2020-07-17``, ``2020/7/17``, ``2020.7.17``, ``2020年7月17日``;
   - a month: ``2021年6月`` (also 月份); its end: ``6月底`` / ``6月末``;
     a part of it: ``上旬`` (10th), ``中旬`` (20th), ``下旬`` (last day), ``月中`` (15th);
   - a quarter: ``第四季度``, ``四季度``, ``4季度`` (also with 末 / 底);
   - a half year: ``上半年`` (30 June), ``下半年`` (31 December);
   - a year's end: ``年底``, ``年末``, ``年内``, ``全年``, ``2021年``.
5. A day, or an end point (底, 末, 旬, 月中), is the deadline itself, with or
   without 前: ``2020年7月17日前`` → 2020-07-17, ``2021年6月底`` → 2021-06-30.
   A whole period is due at its end (``2021年6月`` → 2021-06-30), but a whole
   period followed by 前 means before that period starts: ``2020年10月前`` →
   2020-09-30, ``第四季度前`` → 09-30, ``2021年前`` → 2020-12-31.
6. A phrase without a year takes the notice's year (``10月底前`` in a 2020
   notice → 2020-10-31). Chinese numerals (十月, 二〇二一年) and full-width
   digits are read too.
7. A period counts from the item's ``start`` (else the notice's issue date), the
   start day not counted: ``10个工作日内`` / ``十五个工作日`` on the official calendar
   (see :mod:`gkcli.workdays`), ``5日内`` / ``30天内`` in calendar days as 民法典
   §201–203 count them. Its date is set when the table is loaded.
8. A recurring phrase — ``每月底``, ``每月28日前``, ``每季度末``, ``每半年``,
   ``每年12月底前`` — repeats (see :mod:`gkcli.recurrence`); its date is that of the
   current occurrence, as of the day asked about.

Anything else raises :class:`DeadlineError`; gk never guesses.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from gkcli.errors import GkError, clip
from gkcli.values import Frozen
from gkcli.workdays import Period, parse_period

if TYPE_CHECKING:
    from gkcli.recurrence import Rule

DONE = "done"
OVERDUE = "overdue"
DUE_SOON = "due_soon"
OPEN = "open"
ONGOING = "ongoing"
STATES = (OVERDUE, DUE_SOON, OPEN, ONGOING, DONE)
# what a user may type for a state: gk's words as shown in Chinese, their short forms, English
STATE_WORDS = {**{s: s for s in STATES},
               "已逾期": OVERDUE, "逾期": OVERDUE, "即将到期": DUE_SOON, "临期": DUE_SOON,
               "未到期": OPEN, "长期": ONGOING, "已完成": DONE, "完成": DONE}

DEFAULT_DUE_SOON_DAYS = 14

# what kind of deadline a phrase is (the JSON field deadline_kind)
KIND_DATE, KIND_WORKDAYS, KIND_DAYS, KIND_RECURRING, KIND_ONGOING = (
    "date", "workdays", "days", "recurring", "ongoing")

ONGOING_WORDS = ("长期", "持续", "常态", "常年", "经常", "即时", "随时", "及时", "立即")


class DeadlineError(GkError):
    """A deadline phrase or a date that gk cannot read."""


_date = date  # in Deadline's body, `date` is the field


class Deadline(Frozen):
    FIELDS = ("text", "date", "kind", "period", "rule")
    text: str
    date: date | None
    kind: str = KIND_DATE
    period: Period | None = None  # for workdays/days: how many, counted from the start
    rule: Rule | None = None  # for recurring deadlines

    def __init__(self, text: str, date: _date | None, kind: str = KIND_DATE,
                 period: Period | None = None, rule: Rule | None = None):
        d = self.__dict__
        d["text"], d["date"], d["kind"], d["period"], d["rule"] = text, date, kind, period, rule

    @property
    def ongoing(self) -> bool:
        return self.kind == KIND_ONGOING


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _cn_number(text: str) -> int:
    """Read 1..99 in Chinese numerals (十二, 二十三) or a string of digits."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    value = 0
    for ch in text:  # 二〇二〇 written digit by digit
        value = value * 10 + _CN_DIGITS[ch]
    return value


_NUM = r"[0-9〇零一二两三四五六七八九十]+"
_YEAR = rf"(?:(?P<year>{_NUM})年)?"
# patterns compiled on first use (by re's cache): compiling them all cost start-up time
_DAY_ISO = r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})$"
_DAY = rf"^{_YEAR}(?P<month>{_NUM})月(?P<day>{_NUM})[日号]$"
_MONTH = rf"^{_YEAR}(?P<month>{_NUM})月(?:份)?(?P<part>底|末|上旬|中旬|下旬|中)?$"
_QUARTER = rf"^{_YEAR}第?(?P<q>[一二三四1-4])季度(?P<part>末|底)?$"
_HALF = rf"^{_YEAR}(?P<half>上|下)半年(?P<part>末|底)?$"
_YEAR_END = rf"^(?:(?P<year>{_NUM})年)?(?P<part>年底|年末|底|末|内|年内|全年)$"
_YEAR_ONLY = rf"^(?P<year>{_NUM})年$"
_RANGE = r"至|到|～|~|—|－|(?<=[年月日号底末旬度])-(?=[0-9〇零一二两三四五六七八九十第上下])"
_RANGE_SIGNS = "至到～~—－-"  # a phrase with none of these is no range
_CN_NUMERALS = frozenset("〇零一二两三四五六七八九十")
# each pattern as it reads a phrase without Chinese numerals: the same matches, and cheap to
# compile (the character class of Chinese numerals took 0.3-0.6 ms per pattern at start-up)
_DIGITS_ONLY = {p: p.replace(_NUM, "[0-9]+")
                for p in (_DAY, _MONTH, _QUARTER, _HALF, _YEAR_END, _YEAR_ONLY)}


def _match(pattern: str, text: str) -> re.Match[str] | None:
    """``re.match``, through the digits-only form of ``pattern`` when ``text`` has no Chinese
    numeral (so cannot match otherwise)."""
    if _CN_NUMERALS.isdisjoint(text):
        pattern = _DIGITS_ONLY.get(pattern, pattern)
    return re.match(pattern, text)
_BEFORE = ("之前", "以前", "前")


def _normalise(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())  # as re.sub(r"\s+", "", …)


def _month_end(year: int, month: int) -> date:
    # the day before the next month's first (the calendar module costs start-up time)
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _year(match: re.Match[str], default_year: int | None, phrase: str) -> int:
    raw = match.group("year")
    if raw:
        value = _cn_number(raw)
        if value < 100:
            value += 2000
        return value
    if default_year is None:
        raise DeadlineError("deadline_no_year", phrase=phrase)
    return default_year


def _period(core: str, default_year: int | None, phrase: str) -> tuple[date, date, bool]:
    """(first day, last day, is_point) of what ``core`` names."""
    m = re.match(_DAY_ISO, core)
    if m:
        d = date(int(m["year"]), int(m["month"]), int(m["day"]))
        return d, d, True
    has_month = "月" in core  # a pattern is compiled only when its phrase could match
    m = _match(_DAY, core) if has_month else None
    if m:
        d = date(_year(m, default_year, phrase), _cn_number(m["month"]), _cn_number(m["day"]))
        return d, d, True
    m = _match(_MONTH, core) if has_month else None
    if m:
        year, month = _year(m, default_year, phrase), _cn_number(m["month"])
        first, last = date(year, month, 1), _month_end(year, month)
        part = m["part"]
        if part in ("底", "末", "下旬"):
            return first, last, True
        if part in ("上旬", "中旬", "中"):
            d = date(year, month, {"上旬": 10, "中旬": 20, "中": 15}[part])
            return d, d, True
        return first, last, False
    m = _match(_QUARTER, core) if "季度" in core else None
    if m:
        year, q = _year(m, default_year, phrase), _cn_number(m["q"])
        first, last = date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
        return first, last, bool(m["part"])
    m = _match(_HALF, core) if "半年" in core else None
    if m:
        year = _year(m, default_year, phrase)
        if m["half"] == "上":
            return date(year, 1, 1), date(year, 6, 30), bool(m["part"])
        return date(year, 7, 1), date(year, 12, 31), bool(m["part"])
    m = _match(_YEAR_END, core)
    if m:
        year = _year(m, default_year, phrase)
        return date(year, 1, 1), date(year, 12, 31), m["part"] not in ("内", "年内", "全年")
    m = _match(_YEAR_ONLY, core)
    if m:
        year = _year(m, default_year, phrase)
        return date(year, 1, 1), date(year, 12, 31), False
    raise DeadlineError("deadline_unreadable", phrase=phrase)


def resolve(phrase: object, default_year: int | None = None) -> Deadline:
    """Resolve a deadline phrase, or a ``date``, to a :class:`Deadline`."""
    if isinstance(phrase, date):
        return Deadline(phrase.isoformat(), phrase)
    if not isinstance(phrase, str) or not phrase.strip():
        raise DeadlineError("deadline_type")
    return _resolve_text(phrase, default_year)


@lru_cache(maxsize=4096)
def _resolve_text(phrase: str, default_year: int | None) -> Deadline:
    """A phrase's Deadline, worked out once per phrase and year: a table repeats a few
    phrases over thousands of items, and a Deadline (frozen) is safely shared."""
    text = _normalise(phrase)
    if any(word in text for word in ONGOING_WORDS):
        return Deadline(phrase, None, KIND_ONGOING)
    if text.startswith("每"):  # 每月底: only then load gkcli.recurrence
        from gkcli.recurrence import parse as parse_rule

        rule = parse_rule(text)
        if rule is not None:
            return Deadline(phrase, None, KIND_RECURRING, rule=rule)
    period = parse_period(text)
    if period is not None:
        return Deadline(phrase, None, period.kind, period=period)
    parts = ([p for p in re.split(_RANGE, text) if p] if any(c in text for c in _RANGE_SIGNS)
             else [text] if text else [])
    if not parts:
        raise DeadlineError("deadline_unreadable", phrase=phrase)
    core = parts[-1]
    if len(parts) > 1:
        start_year = re.match(rf"^({_NUM})年", parts[0])
        if start_year and not re.match(rf"^{_NUM}年", core):
            core = start_year.group(0) + core
    for prefix in ("截止", "截至", "于"):
        core = core.removeprefix(prefix)
    core = core[:-2] if core.endswith("完成") else core
    before = False
    for suffix in _BEFORE:
        if core.endswith(suffix) and len(core) > len(suffix):
            core, before = core[: -len(suffix)], True
            break
    try:
        first, last, is_point = _period(core, default_year, phrase)
    except (ValueError, OverflowError):  # 2021年2月30日, 13月
        raise DeadlineError("deadline_not_real", phrase=phrase) from None
    except KeyError:
        raise DeadlineError("deadline_unreadable", phrase=phrase) from None
    if before and not is_point:
        return Deadline(phrase, first - timedelta(days=1))
    return Deadline(phrase, last)


NOTE_DATE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})\s")


@lru_cache(maxsize=4096)
def note_date(entry: str) -> date | None:
    """The date a progress note starts with ("2021-06-18 已报送初稿"), or None."""
    m = NOTE_DATE.match(entry)
    if not m:
        return None
    try:
        return read_date(m.group(1))
    except DeadlineError:
        return None


def read_date(text: str) -> date:
    """Read a written date: 2021-06-30, 2021/6/30, 2021.6.30, 2021年6月30日, or
    (through python-dateutil) a spelled-out one such as ``30 Jun 2021``."""
    cleaned = _normalise(text)
    try:
        m = re.match(_DAY_ISO, cleaned)
        if m:
            return date(int(m["year"]), int(m["month"]), int(m["day"]))
        m = _match(_DAY, cleaned)
        if m and m.group("year"):
            return date(_year(m, None, text), _cn_number(m["month"]), _cn_number(m["day"]))
    except (ValueError, KeyError, OverflowError):
        raise DeadlineError("date_not_real", text=text) from None
    if re.search(r"[A-Za-z]", cleaned) and re.search(r"\d{4}", cleaned):
        from dateutil import parser  # only for spelled-out dates

        try:  # a part left out is filled from the default: two defaults show it (June 2021)
            one = parser.parse(text, dayfirst=True, default=datetime(2000, 1, 1)).date()
            two = parser.parse(text, dayfirst=True, default=datetime(2001, 2, 2)).date()
        except (ValueError, OverflowError):
            pass
        else:
            if one == two:
                return one
            raise DeadlineError("date_without_day", text=clip(text))
    raise DeadlineError("not_a_date", text=text)


def date_value(value: object) -> date | None:
    """A YAML value as a date: a date, or a text :func:`read_date` reads; None otherwise."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return read_date(value)
        except DeadlineError:
            return None
    return None


def parse_date(text: str, today: date) -> date:
    """Read a date the user typed: what :func:`read_date` reads, ``today`` / 今天, or a
    deadline phrase as the table writes them (2021年9月底; 9月底 in today's year)."""
    if _normalise(text).lower() in ("today", "今天", "今日"):
        return today
    try:
        return read_date(text)
    except DeadlineError as exc:
        try:
            found = resolve(text, today.year).date
        except DeadlineError:
            raise exc from None
        if found is None:
            raise exc from None
        return found


def days_left(deadline: date | None, today: date) -> int | None:
    return None if deadline is None else (deadline - today).days


def state_of(status: str, deadline: date | None, today: date,
             soon_days: int = DEFAULT_DUE_SOON_DAYS) -> str:
    """The derived state of an item with ``status`` and ``deadline`` as of ``today``."""
    if status == "done":
        return DONE
    if deadline is None:
        return ONGOING
    left = (deadline - today).days
    if left < 0:
        return OVERDUE
    if left <= soon_days:
        return DUE_SOON
    return OPEN
