from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkcli.deadlines import (
    DeadlineError,
    days_left,
    parse_date,
    read_date,
    resolve,
    state_of,
)

CASES = [
    # the phrases of the shipped notice
    ("2020年7月17日前", date(2020, 7, 17)),
    ("2020年10月19日前", date(2020, 10, 19)),
    ("2021年6月底", date(2021, 6, 30)),
    ("2020年12月底", date(2020, 12, 31)),
    ("2021年12月底", date(2021, 12, 31)),
    # days
    ("2020-07-17", date(2020, 7, 17)),
    ("2020/7/5", date(2020, 7, 5)),
    ("2020.7.5", date(2020, 7, 5)),
    ("2020年7月17日", date(2020, 7, 17)),
    ("2020年7月17号之前", date(2020, 7, 17)),
    ("7月17日前", date(2020, 7, 17)),
    ("２０２１年６月底", date(2021, 6, 30)),
    ("二〇二一年十月底", date(2021, 10, 31)),
    ("2021年2月底", date(2021, 2, 28)),
    ("2024年2月底", date(2024, 2, 29)),
    # months without a year take the notice's year
    ("10月底前", date(2020, 10, 31)),
    ("十二月底", date(2020, 12, 31)),
    ("2021年6月", date(2021, 6, 30)),
    ("2021年6月份", date(2021, 6, 30)),
    ("2021年6月末", date(2021, 6, 30)),
    ("2020年10月前", date(2020, 9, 30)),
    ("2021年3月上旬", date(2021, 3, 10)),
    ("2021年3月中旬", date(2021, 3, 20)),
    ("2021年2月下旬", date(2021, 2, 28)),
    # years, halves, quarters
    ("年底前", date(2020, 12, 31)),
    ("2021年底", date(2021, 12, 31)),
    ("2021年年底前", date(2021, 12, 31)),
    ("2021年内", date(2021, 12, 31)),
    ("2021年前", date(2020, 12, 31)),
    ("上半年", date(2020, 6, 30)),
    ("2021年下半年", date(2021, 12, 31)),
    ("第四季度", date(2020, 12, 31)),
    ("2021年第一季度末", date(2021, 3, 31)),
    ("三季度", date(2020, 9, 30)),
    ("第四季度前", date(2020, 9, 30)),
    # ranges are read by their end
    ("2020年7月至12月", date(2020, 12, 31)),
    ("2020年7月—2021年6月底", date(2021, 6, 30)),
    ("2021年6月底前完成", date(2021, 6, 30)),
]


@pytest.mark.parametrize("phrase,expected", CASES)
def test_phrase_resolves_to_date(phrase, expected):
    assert resolve(phrase, 2020).date == expected


@pytest.mark.parametrize("phrase", ["长期", "长期坚持", "持续推进", "常态化", "常态化开展", "常年"])
def test_ongoing_phrases_have_no_date(phrase):
    deadline = resolve(phrase, 2020)
    assert deadline.ongoing
    assert deadline.date is None
    assert deadline.text == phrase


@pytest.mark.parametrize("phrase", ["尽快", "明年", "2021年2月30日", "2021年13月底", "前", "", "   ", "下周"])
def test_unreadable_phrase_is_an_error(phrase):
    with pytest.raises(DeadlineError):
        resolve(phrase, 2020)


def test_phrase_without_year_needs_a_notice_year():
    with pytest.raises(DeadlineError, match="no year"):
        resolve("10月底前", None)


def test_date_object_is_its_own_deadline():
    assert resolve(date(2021, 6, 30)).date == date(2021, 6, 30)


@given(st.text(max_size=30))
def test_any_text_resolves_or_raises_gk_error(text):
    try:
        resolve(text, 2020)
    except DeadlineError:
        pass


@given(st.text(alphabet="0123456789年月日底前后末上下中旬季度第一二三四五六七八九十〇至-/. 长期", max_size=20))
def test_deadline_like_text_resolves_or_raises_gk_error(text):
    try:
        result = resolve(text, 2020)
    except DeadlineError:
        return
    assert result.date is None or isinstance(result.date, date)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_iso_dates_round_trip(day):
    assert resolve(day.isoformat(), None).date == day
    assert read_date(day.isoformat()) == day
    assert resolve(f"{day.year}年{day.month}月{day.day}日前", None).date == day


@pytest.mark.parametrize("text,expected", [
    ("2021-06-30", date(2021, 6, 30)), ("2021/6/3", date(2021, 6, 3)),
    ("2021年6月30日", date(2021, 6, 30)), ("30 Jun 2021", date(2021, 6, 30)),
])
def test_read_date(text, expected):
    assert read_date(text) == expected


def test_today_is_the_callers_today():
    assert parse_date("today", date(2021, 6, 20)) == date(2021, 6, 20)
    assert parse_date("今天", date(2021, 6, 20)) == date(2021, 6, 20)
    with pytest.raises(DeadlineError):
        read_date("today")


@pytest.mark.parametrize("text", ["soon", "2021-02-30", "6月30日", "", "2021"])
def test_read_date_rejects(text):
    with pytest.raises(DeadlineError):
        read_date(text)


@given(st.text(max_size=25))
def test_parse_date_raises_only_gk_error(text):
    try:
        parse_date(text, date(2021, 1, 1))
    except DeadlineError:
        pass


TODAY = date(2021, 6, 20)


@pytest.mark.parametrize("status,deadline,expected", [
    ("done", date(2020, 1, 1), "done"),
    ("done", None, "done"),
    ("todo", None, "ongoing"),
    ("doing", date(2021, 6, 19), "overdue"),
    ("todo", date(2021, 6, 20), "due_soon"),  # due today is not yet overdue
    ("todo", date(2021, 7, 4), "due_soon"),  # 14 days left
    ("todo", date(2021, 7, 5), "open"),  # 15 days left
])
def test_state_of(status, deadline, expected):
    assert state_of(status, deadline, TODAY, 14) == expected


def test_due_soon_window_is_settable():
    assert state_of("todo", date(2021, 7, 5), TODAY, 30) == "due_soon"
    assert state_of("todo", date(2021, 6, 21), TODAY, 0) == "open"


def test_days_left():
    assert days_left(date(2021, 6, 30), TODAY) == 10
    assert days_left(date(2021, 6, 10), TODAY) == -10
    assert days_left(None, TODAY) is None


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_phrase_without_chinese_numerals_reads_alike_through_the_digits_only_patterns(data):
    """The cheap patterns a phrase of digits goes through match exactly as the full ones."""
    import re

    from gkcli import deadlines

    full_patterns = sorted(deadlines._DIGITS_ONLY)
    text = data.draw(st.one_of(
        st.sampled_from(full_patterns).flatmap(lambda p: st.from_regex(p, fullmatch=True)),
        st.text(alphabet="0123456789〇零一二两三四五六七八九十年月日号份底末上中下旬第季度半内全",
                max_size=12)))
    for pattern in full_patterns:
        full, used = re.match(pattern, text), deadlines._match(pattern, text)
        assert (full and full.groupdict()) == (used and used.groupdict())


@given(st.text(alphabet=" \t\u3000\xa0\u2028a年1", max_size=12))
def test_whitespace_is_dropped_as_the_pattern_did(text):
    import re
    import unicodedata

    from gkcli.deadlines import _normalise

    assert _normalise(text) == re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
