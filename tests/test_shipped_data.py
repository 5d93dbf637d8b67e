"""The data that ships with gk is the notice's annex 1 and 2, transcribed faithfully."""

from datetime import date

from helpers import SHIPPED

from gkcli.store import load_table

TABLE = load_table(SHIPPED)


def test_sixteen_items_under_eight_work_tasks():
    assert len(TABLE.tasks) == 16
    assert [t.id for t in TABLE.tasks] == list(range(1, 17))
    assert sorted(TABLE.groups) == list(range(1, 9))
    assert TABLE.groups[8].title == "全面推行“互联网+政务服务”"


def test_notice_metadata():
    assert TABLE.notice.number == "泉港交﹝2020﹞150号"
    assert TABLE.notice.issued == date(2020, 7, 2)
    assert TABLE.notice.issuer == "泉港区交通运输局"


def test_every_item_starts_todo():
    assert {t.status for t in TABLE.tasks} == {"todo"}


def test_deadline_phrases_as_written_and_resolved():
    by_id = {t.id: t for t in TABLE.tasks}
    assert by_id[1].deadline.text == "2020年7月17日前"
    assert by_id[1].deadline.date == date(2020, 7, 17)
    assert by_id[8].deadline.text == "2021年6月底"
    assert by_id[8].deadline.date == date(2021, 6, 30)
    assert by_id[9].deadline.date == date(2020, 12, 31)
    assert by_id[5].deadline.date == date(2021, 12, 31)
    assert by_id[7].deadline.text == "长期"
    assert by_id[7].deadline.ongoing
    assert by_id[14].deadline.ongoing


def test_lead_and_assisting_offices():
    by_id = {t.id: t for t in TABLE.tasks}
    assert {i for i, t in by_id.items() if t.lead == "运管股（政策法规股）"} == {8, 11, 12}
    assert by_id[8].assist == ("综合股",)
    assert by_id[1].assist == ("局各股室（中队、站）",)


def test_roster_has_24_people_in_three_roles():
    people = TABLE.roster.members
    assert len(people) == 24
    assert [p.name for p in people if p.role == "leader"] == ["朱辉阳"]
    assert len([p for p in people if p.role == "deputy"]) == 7
    assert len([p for p in people if p.role == "member"]) == 16


def test_names_have_no_layout_padding():
    names = {p.name for p in TABLE.roster.members}
    assert {"林宏", "陈伟"} <= names
    assert not any(" " in n or "\u3000" in n for n in names)


def test_group_office():
    assert TABLE.roster.attached_to == "综合股"
    assert TABLE.roster.director == "王志聪"


def test_the_two_zonghegu_are_different_units():
    assert [p.name for p in TABLE.roster.for_office("综合股")] == ["陈伟", "庄青红"]
    assert [p.name for p in TABLE.roster.for_office("交通综合行政执法大队综合股")] == ["林鸿景"]


def test_files_are_readable_chinese_not_escapes():
    for name in ("tasks.yaml", "leading_group.yaml"):
        text = (SHIPPED / name).read_text(encoding="utf-8")
        assert "\\u" not in text
        assert text.lstrip().startswith("#")
