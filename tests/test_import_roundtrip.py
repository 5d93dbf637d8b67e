"""Any table, written as a notice's text extraction or as a Word table with merged cells,
imports back to itself (hypothesis)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from notices import HEADER, UP, Docx

from gkcli import store
from gkcli.cli import cli

OFFICES = ["综合股", "安监股", "工程股", "办公室", "执法大队", "监控室"]
DEADLINES = ["2021年6月底", "2020年12月底", "长期", "2021年第四季度", "2020年7月17日前", "2021-03-31"]
WORDS = st.text("加强建立健全制度机制规范公开信息平台推进落实", min_size=2, max_size=14)


@st.composite
def tables(draw):
    titles = draw(st.lists(WORDS, min_size=1, max_size=4, unique=True))
    groups = []
    for title in titles:
        items = []
        for _ in range(draw(st.integers(1, 3))):
            lead = draw(st.sampled_from(OFFICES))
            assist = draw(st.lists(st.sampled_from([o for o in OFFICES if o != lead] + ["局各股室"]),
                                   max_size=2, unique=True))
            items.append((draw(WORDS), lead, tuple(assist), draw(st.sampled_from(DEADLINES))))
        groups.append((title, items))
    return groups


def numbered(groups):
    """Each item as the notice numbers it: (work task's number, whether the item opens its work
    task, the item's number, the work task's title, the item's (title, lead, assist, deadline))."""
    n = 0
    for g, (title, items) in enumerate(groups, start=1):
        for i, item in enumerate(items):
            n += 1
            yield g, i == 0, n, title, item


def expected(groups) -> list[tuple]:
    return [(n, title, *item) for _, _, n, title, item in numbered(groups)]


def as_text(groups) -> str:
    lines = ["示应急〔2023〕7号", "示范县应急管理局关于印发方案的通知", "任务分工表"]
    lines += [f"\t{h}" for h in HEADER] + [""]
    for g, first, n, title, (item_title, lead, assist, deadline) in numbered(groups):
        lines += [f"\t{g}" if first else "\t", f"\t{title}" if first else "\t",
                  f"\t（{n}）{item_title}", f"\t{lead}", "\t" + "、".join(assist), f"\t{deadline}", ""]
    return "\n".join(lines) + "\n示范县应急管理局\n2023年3月1日\n"


def as_docx(groups, path: Path) -> Path:
    rows = [HEADER]
    for g, first, n, title, (item_title, lead, assist, deadline) in numbered(groups):
        rows.append([str(g) if first else UP, title if first else UP, f"{n}.{item_title}",
                     lead, "，".join(assist), deadline])
    doc = Docx().para("示应急〔2023〕7号", "示范县应急管理局关于印发方案的通知", "任务分工表").table(rows)
    return doc.para("示范县应急管理局", "2023年3月1日").save(path)


def items_of(folder: Path) -> list[tuple]:
    table = store.load_table(folder)
    return [(t.id, table.group_title(t.group), t.title, t.lead, t.assist, t.deadline.text)
            for t in table.tasks]


def imports(path: Path, out: Path) -> list[tuple]:
    result = CliRunner().invoke(cli, ["import", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return items_of(out)


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(groups=tables())
def test_a_text_extraction_imports_to_its_table(tmp_path_factory, groups):
    folder = tmp_path_factory.mktemp("t")
    (folder / "n.txt").write_text(as_text(groups), encoding="utf-8")
    assert imports(folder / "n.txt", folder / "data") == expected(groups)


@settings(SETTINGS, max_examples=12)
@given(groups=tables())
def test_a_word_table_with_merged_cells_imports_to_its_table(tmp_path_factory, groups):
    folder = tmp_path_factory.mktemp("d")
    assert imports(as_docx(groups, folder / "n.docx"), folder / "data") == expected(groups)
