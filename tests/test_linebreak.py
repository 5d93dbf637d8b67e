"""Breaking Chinese cell text into lines (gkcli.linebreak): 避头尾, names kept whole, widths."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from gkcli.linebreak import (
    NAMES,
    NO_END,
    NO_START,
    TEXT,
    Column,
    cell_len,
    fit,
    pieces,
    widest,
    wrap,
)

# Chinese, full-width punctuation of both kinds, Latin words, digits, spaces, separators.
TEXTS = st.text(alphabet="综合股运管政策法规事项制度建立健全，。、；：？！）」』】》（「『【《“”abcXY0129 -/",
                max_size=60)
WIDTHS = st.integers(min_value=2, max_value=30)
NAME = st.text(alphabet="综合股运管政策法规局各室中队站（）abc1", min_size=1, max_size=12).filter(
    lambda n: not set(n) & set("、，,；;：（） ") or n.count("（") == n.count("）") == 1
    and n.index("（") < n.index("）") and n[0] != "（")
NAME_LISTS = st.lists(NAME, min_size=1, max_size=6)


@given(TEXTS, WIDTHS)
@example("梳理规范权责清单，动态调整更新", 8)
@example("区交通系统党委书记、局长、四级调研员", 16)
def test_joining_the_lines_gives_the_text_back(text, width):
    assert "".join(wrap(text, width)) == text


@given(TEXTS, WIDTHS)
def test_no_line_is_wider_than_asked(text, width):
    assert all(cell_len(line.rstrip(" ")) <= width for line in wrap(text, width))


@given(TEXTS, WIDTHS)
@example("区交通系统党委书记、局长、四级调研员", 18)  # 、局长 started a line in gk roster
@example("完成时间：2020年7月17日前（逾期338天）", 36)  # ） started a line in the cards
def test_closing_punctuation_never_starts_a_line_nor_an_opening_bracket_ends_one(text, width):
    if widest(text) > width:  # a piece wider than the line must be cut somewhere
        return
    lines = wrap(text, width)
    assert not any(line[0] in NO_START for line in lines[1:] if line)
    assert not any(line.rstrip(" ")[-1] in NO_END for line in lines[:-1] if line.strip())


@given(st.text(alphabet="abcXYZ0123456789", min_size=1, max_size=8), TEXTS, WIDTHS)
def test_a_latin_word_or_a_number_is_never_split_when_it_fits(word, around, width):
    text = f"{around} {word} {around}"
    if cell_len(word) > width or widest(text) > width:
        return
    assert any(word in line for line in wrap(text, width))


@given(NAME_LISTS, st.sampled_from(["、", "，", "；", ", "]), WIDTHS)
@example(["陈伟", "庄青红"], "、", 5)
@example(["局各股室（中队、站）", "综合股"], "、", 20)
def test_a_name_is_never_split_when_it_fits(names, sep, width):
    text = sep.join(names)
    lines = wrap(text, width, NAMES)
    assert "".join(lines) == text
    assert all(cell_len(line.rstrip(" ")) <= width for line in lines)
    for name in names:
        if cell_len(name) + cell_len(sep.strip()) <= width:
            assert any(name in line for line in lines), (name, lines)


def test_names_break_only_between_names_never_inside_brackets():
    assert pieces("局各股室（中队、站）、综合股", NAMES) == ["局各股室（中队、站）、", "综合股"]
    assert wrap("陈伟、庄青红", 6, NAMES) == ["陈伟、", "庄青红"]  # not 庄青 / 红
    assert wrap("运管股（政策法规股）、综合股", 22, NAMES) == ["运管股（政策法规股）、", "综合股"]


def test_a_number_keeps_its_unit():
    assert wrap("2020年10月19日前", 10) == ["2020年10月", "19日前"]
    assert wrap("逾期338天", 6) == ["逾期", "338天"]


def test_kinsoku_in_the_shipped_wording():
    assert wrap("梳理规范权责清单，动态调整更新", 8) == ["梳理规范", "权责清", "单，动态", "调整更新"]
    assert wrap("（政策制定前期）对社会普遍关心", 8) == ["（政策制", "定前期）", "对社会普", "遍关心"]


def test_every_column_its_natural_width_when_the_table_fits():
    columns = [Column("序号", "fixed"), Column("具体事项", flexible=True), Column("牵头股室", NAMES)]
    rows = [["1", "梳理规范权责清单", "运管股（政策法规股）"]]
    assert fit(columns, rows, 200) == [4, 16, 20]


def test_the_title_gives_way_first_and_names_stay_whole():
    columns = [Column("序号", "fixed"), Column("具体事项", flexible=True, min_width=10),
               Column("牵头股室", NAMES), Column("责任人", NAMES)]
    rows = [["1", "梳理规范权责清单，动态调整更新" * 2, "运管股（政策法规股）", "陈伟、庄青红"]]
    wide = fit(columns, rows, 80)
    assert wide is not None
    assert wide[2:] == [20, 12]  # short columns whole while the title has room
    narrow = fit(columns, rows, 50)
    assert narrow is not None
    assert narrow[2] == 20  # one name: never narrower
    assert narrow[3] == 6  # 陈伟、 / 庄青红
    assert sum(narrow) + 2 * 3 <= 50
    assert fit(columns, rows, 40) is None  # no room for the title: the caller draws blocks


def test_a_heading_breaks_after_its_slash():
    columns = [Column("剩余/逾期天数", "fixed"), Column("具体事项", flexible=True, min_width=10)]
    assert fit(columns, [["逾期338天", "事项" * 20]], 22) == [9, 11]


@given(st.lists(st.tuples(TEXTS, NAME_LISTS), min_size=1, max_size=5),
       st.integers(min_value=30, max_value=200))
def test_fit_never_exceeds_the_terminal(rows, total):
    columns = [Column("具体事项", flexible=True, min_width=10), Column("牵头股室", NAMES)]
    cells = [[title, "、".join(names)] for title, names in rows]
    found = fit(columns, cells, total)
    if found is None:
        return
    assert sum(found) + 2 <= total
    assert found[1] >= max(widest(c[1], NAMES) for c in cells)


def test_text_kind_is_the_default():
    assert wrap("ab cd", 3) == wrap("ab cd", 3, TEXT) == ["ab ", "cd"]


def greedy(text: str, width: int) -> list[str]:
    """The plain definition: pieces added to a line while they fit (trailing spaces hang)."""
    lines, line = [], ""
    for piece in pieces(text):
        if line and cell_len((line + piece).rstrip(" ")) > width:
            lines.append(line)
            line = ""
        line += piece
    return [*lines, line]


@given(TEXTS, WIDTHS)
def test_wrapping_a_title_is_filling_it_piece_by_piece(text, width):
    """wrap() fills text character by character (fast on long tables); where every piece fits
    it ends lines exactly where filling piece by piece would."""
    if widest(text) > width:
        return
    assert wrap(text, width) == (greedy(text, width) if text else [""])
