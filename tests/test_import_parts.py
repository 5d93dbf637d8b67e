"""The importer's parts: office lists, 'all units' names, abbreviations, posts, numbering, YAML scalars."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from gkcli.importer.names import (
    abbreviates,
    bracket_parts,
    is_all_units,
    post_units,
    split_offices,
)
from gkcli.importer.notice import _strip_numbering
from gkcli.importer.yamlout import scalar


def test_office_lists_split_on_every_separator_but_not_inside_brackets():
    assert split_offices("综合股、局各股室（中队、站），工程股,安监股；监控室及 车船管理股") == [
        "综合股", "局各股室（中队、站）", "工程股", "安监股", "监控室", "车船管理股"]


@given(st.lists(st.text("股室站所队综合安监法规", min_size=1, max_size=8), min_size=1, max_size=5),
       st.sampled_from(["、", "，", ",", "；", "及"]))
def test_a_list_joined_by_any_separator_splits_back(parts, separator):
    assert split_offices(separator.join(parts)) == parts


@given(st.text("股室站所队综合安监、，", min_size=1, max_size=10))
def test_a_bracketed_part_is_never_split(inner):
    assert split_offices(f"综合股、局各股室（{inner}）") == ["综合股", f"局各股室（{inner}）"]


def test_all_units_names():
    for name in ("局各股室（中队、站）", "各股室", "各有关单位", "局属各单位", "各中队"):
        assert is_all_units(name), name
    for name in ("综合股", "各类企业检查组", "交通综合行政执法大队"):
        assert not is_all_units(name), name


def test_abbreviations_are_clear_or_not_taken():
    assert abbreviates("交通执法大队", "交通综合行政执法大队")
    assert not abbreviates("交通执法大队", "交通综合行政执法大队一中队")
    assert not abbreviates("综合股", "交通综合行政执法大队综合股")
    assert not abbreviates("综合股", "综合执法股")
    assert bracket_parts("运管股（政策法规股）") == ("运管股", "政策法规股")
    assert bracket_parts("局各股室（中队、站）") is None


def test_the_office_a_post_heads():
    assert post_units("综合股负责人").heads == "综合股"
    assert post_units("区交通执法大队大队长").heads == "区交通执法大队"
    assert post_units("交通综合行政执法大队一中队队长").heads == "交通综合行政执法大队一中队"
    deputy = post_units("交通综合行政执法大队副大队长（主持交通综合行政执法大队二中队工作）")
    assert (deputy.heads, deputy.named) == ("交通综合行政执法大队二中队",
                                            ["交通综合行政执法大队二中队", "交通综合行政执法大队"])
    assert post_units("区运管所四级主任科员").heads is None
    assert post_units("区交通系统党委书记、局长、四级调研员").heads is None


def test_item_numbering_is_stripped_once():
    assert _strip_numbering("（11）（政策制定前期）对社会普遍关心问题解释说明") == "（政策制定前期）对社会普遍关心问题解释说明"
    assert _strip_numbering("1.健全制度") == "健全制度"
    assert _strip_numbering("①开展检查") == "开展检查"
    assert _strip_numbering("二、宣传") == "宣传"
    assert _strip_numbering("1.5万元以上项目公开") == "1.5万元以上项目公开"
    assert _strip_numbering("26个领域") == "26个领域"


@given(st.text(max_size=30))
def test_a_scalar_reads_back_as_written(text):
    assert yaml.safe_load(f"key: {scalar(text)}\n") == {"key": text}


@given(st.text(st.sampled_from("综合股年月日前（）、，。：；“”《》！？—…·0123456789abcXYZ\u3000＋－"), max_size=20))
def test_chinese_text_is_written_plain_when_it_reads_back_plain(text):
    written = scalar("股" + text)
    assert yaml.safe_load(f"key: {written}\n") == {"key": "股" + text}
    assert yaml.safe_load(f"- {written}\n") == ["股" + text]
    assert yaml.safe_load(f"k: [{written}, 甲]\n") == {"k": ["股" + text, "甲"]}


def test_nothing_about_the_shipped_notice_is_in_the_importers_code():
    """The importer works for any bureau: no office, person, work task or number of the
    shipped notice in its code (docstrings and comments may cite them as examples)."""
    import ast

    from helpers import ROOT
    from notices import shipped

    tasks, roster = shipped()
    names = {o["name"] for o in tasks["offices"]} | {a for o in tasks["offices"] for a in o.get("aliases", [])}
    names |= {p["name"] for p in roster["members"]} | {g["title"] for g in tasks["groups"]}
    names |= {tasks["notice"]["number"], tasks["notice"]["issuer"], "泉港"}
    for path in sorted((ROOT / "gkcli" / "importer").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                found = [n for n in names if n in node.value]
                assert not found, f"{path.name}:{node.lineno}: {found}"
