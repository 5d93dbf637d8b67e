"""The calendar (gk export FILE.ics), read back with icalendar and compared with gk list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers import written
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

HOSTILE = "</script><script>alert(1)</script>; =cmd, \\ \u202eevil\nBEGIN:VEVENT\nUID:x"


@pytest.fixture
def calendar(gk, tmp_path):
    def make(*args: str) -> Calendar:
        target = tmp_path / "完成时间.ics"
        return Calendar.from_ical(written(gk, target, "export", str(target), *args).read_bytes())

    return make


def events(cal: Calendar) -> list:
    return [c for c in cal.walk() if c.name == "VEVENT"]


def event_for(cal: Calendar, task_id: int):
    """The event of one item, by the id its UID ends with."""
    found = [e for e in events(cal) if str(e["uid"]).endswith(f"-{task_id}")]
    assert len(found) == 1
    return found[0]


def test_one_all_day_event_per_dated_deadline(calendar, gk):
    cal = calendar()
    items = [i for i in gk.json("list") if i["deadline"]]
    found = events(cal)
    assert len(found) == len(items) == 14  # 2 of 16 are ongoing (长期)
    assert not [c for c in cal.walk() if c.name == "VTODO"]
    for event, item in zip(found, items):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date  # all day: VALUE=DATE, not a date-time
        assert start.isoformat() == item["deadline"]
        assert end == start + timedelta(days=1)
        assert str(event["summary"]) == f"{item['id']}号 {item['title']}"


def test_description_names_offices_and_people(calendar, gk):
    event = event_for(calendar(), 8)
    text = str(event["description"])
    assert "牵头股室：运管股（政策法规股）" in text
    assert "责任人：黄梁岸" in text
    assert "协办股室：综合股" in text
    assert "完成时间：2021年6月底" in text
    assert [str(c) for c in event["categories"].cats] == ["运管股（政策法规股）"]


def test_uids_are_stable_and_unique(calendar, gk):
    first = [str(e["uid"]) for e in events(calendar())]
    assert len(set(first)) == len(first)
    assert gk("note", "8", "已起草", "--on", "2021-06-19").exit_code == 0
    assert gk("set", "8", "--title", "改过的标题").exit_code == 0
    gk.today = "2021-07-01"
    again = [str(e["uid"]) for e in events(calendar())]
    assert again == first
    assert first[6].endswith("-8")  # items 1-6 and 8 have dates; 7 is ongoing


def test_uids_differ_between_notices(calendar, gk):
    from helpers import replace_in

    before = str(events(calendar())[0]["uid"])
    replace_in(gk.tasks, "number: 泉港交﹝2020﹞150号", "number: 泉港交﹝2021﹞8号")
    assert str(events(calendar())[0]["uid"]) != before


def test_alarm_days_before_each_deadline_not_done(calendar, gk):
    assert gk("done", "8").exit_code == 0
    cal = calendar("--alarm-days", "3")
    for event in events(cal):
        alarms = [c for c in event.walk() if c.name == "VALARM"]
        if str(event["summary"]).startswith("【已完成】"):
            assert alarms == []
        else:
            assert len(alarms) == 1
            assert alarms[0].decoded("trigger") == timedelta(days=-3)
            assert str(alarms[0]["action"]) == "DISPLAY"
    assert sum(str(e["summary"]).startswith("【已完成】8号") for e in events(cal)) == 1


def test_no_alarm_unless_asked(calendar):
    assert not [c for c in calendar().walk() if c.name == "VALARM"]


def test_filters_choose_the_events(calendar, gk):
    ids = [i["id"] for i in gk.json("list", "--lead", "运管股")]
    assert [int(str(e["summary"]).split("号")[0]) for e in events(calendar("--lead", "运管股"))] == ids


def test_lines_are_folded_within_75_octets_with_crlf(gk, tmp_path):
    target = tmp_path / "a.ics"
    assert gk("export", str(target)).exit_code == 0
    data = target.read_bytes()
    lines = data.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR"
    assert lines[-2] == b"END:VCALENDAR"
    assert max(len(line) for line in lines) <= 75
    assert b"\n" not in data.replace(b"\r\n", b"")
    data.decode("utf-8")  # folding never splits a character


def test_hostile_titles_stay_one_text_value(gk, calendar):
    from helpers import replace_in

    replace_in(gk.tasks, "title: 建立健全规范性文件全生命周期管理制度机制",
               'title: "' + HOSTILE.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"') + '"')
    cal = calendar()
    assert len(events(cal)) == 14
    assert str(event_for(cal, 8)["summary"]) == "8号 " + HOSTILE.replace("\\", "\uff3c")  # see ics.clean
    assert len({str(e["uid"]) for e in events(cal)}) == 14


def test_english_calendar(gk, tmp_path):
    target = tmp_path / "en.ics"
    assert gk("--lang", "en", "export", str(target)).exit_code == 0
    event = event_for(Calendar.from_ical(target.read_bytes()), 8)
    assert str(event["summary"]) == "#8 建立健全规范性文件全生命周期管理制度机制"
    assert "Lead office: 运管股（政策法规股）" in str(event["description"])


@given(st.text())
def test_any_text_reads_back_as_written_less_control_characters(text):
    from icalendar import Event

    from gkcli.ics import clean

    event = Event()
    event.add("summary", clean(text))
    back = Event.from_ical(event.to_ical())
    expected = clean(text)
    assert str(back["summary"]) == expected
    assert all(ch == "\n" or ch == "\t" or ord(ch) >= 0x20 for ch in expected if ch != "\x7f")


def test_alarm_days_is_for_the_calendar_only(gk, tmp_path):
    result = gk("export", str(tmp_path / "a.csv"), "--alarm-days", "3")
    assert result.exit_code == 2
    assert "--alarm-days" in result.output
    assert not (tmp_path / "a.csv").exists()


def test_an_empty_selection_is_an_empty_calendar(calendar):
    cal = calendar("--search", "没有这样的事项")
    assert events(cal) == []
    assert str(cal["version"]) == "2.0"
