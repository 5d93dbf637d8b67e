"""--since last-meeting on gk summary and gk report (the Word 通报 too): the day of the last
meeting recorded with gk meeting, exactly as if that date had been given."""
from __future__ import annotations

import pytest
from docx import Document


@pytest.mark.parametrize("command", [["summary"], ["summary", "--format", "json"],
                                     ["report"], ["report", "--format", "json"],
                                     ["report", "--format", "md"]])
@pytest.mark.parametrize("word", ["last-meeting", "上次会议"])
def test_since_last_meeting_is_the_meeting_day(gk, command, word):
    assert gk("meeting", "--on", "2021-06-01").exit_code == 0
    by_word = gk(*command, "--since", word)
    by_date = gk(*command, "--since", "2021-06-01")
    assert by_word.exit_code == 0, by_word.output
    assert by_word.stdout == by_date.stdout
    assert by_word.stdout != gk(*command).stdout  # the period is really applied


def test_since_last_meeting_takes_the_latest_meeting(gk):
    assert gk("meeting", "--on", "2021-03-01").exit_code == 0
    assert gk("meeting", "--on", "2021-06-01").exit_code == 0
    assert gk("summary", "--since", "last-meeting").stdout == gk("summary", "--since",
                                                                  "2021-06-01").stdout


def test_the_bulletin_since_last_meeting(gk, tmp_path):
    assert gk("meeting", "--on", "2021-06-01").exit_code == 0

    def text(since: str) -> list[str]:
        target = tmp_path / f"{since}.docx"
        result = gk("report", "-o", str(target), "--since", since)
        assert result.exit_code == 0, result.output
        doc = Document(str(target))
        return [p.text for p in doc.paragraphs] + [c.text for t in doc.tables
                                                   for r in t.rows for c in r.cells]

    by_word = text("last-meeting")
    assert by_word == text("2021-06-01")
    assert any("统计期间" in line and "2021" in line for line in by_word)


@pytest.mark.parametrize("command", [["summary"], ["report"],
                                     ["report", "-o", "x.docx"]])
def test_no_meeting_yet_is_one_line(gk, tmp_path, command):
    command = [str(tmp_path / c) if c == "x.docx" else c for c in command]
    result = gk(*command, "--since", "last-meeting")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "gk: 还没有记录会议：先运行 gk meeting，或用 --since 指定日期\n"
    assert not (tmp_path / "x.docx").exists()
    english = gk("--lang", "en", *command, "--since", "last-meeting")
    assert english.stderr == ("gk: no meeting recorded yet: run gk meeting first, "
                              "or give --since DATE\n")


def test_a_meeting_after_today_does_not_count(gk):
    """As of an earlier --today, a meeting held later is not yet the last one."""
    assert gk("meeting", "--on", "2021-06-01").exit_code == 0
    gk.today, today = "2021-05-15", gk.today
    try:
        result = gk("summary", "--since", "last-meeting")
    finally:
        gk.today = today
    assert result.exit_code == 1
    assert "还没有记录会议" in result.stderr


def test_help_names_last_meeting(gk):
    assert "last-meeting" in gk("--lang", "en", "report", "--help").stdout
    assert "上次会议" in gk("summary", "--help").stdout
