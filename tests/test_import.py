"""gk import: a notice's Word file, text extraction or sheet into a data folder that passes gk check."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from helpers import ROOT, SHIPPED
from notices import HEADER, LEFT, UP, Docx, shipped_docx, small_docx, xlsx

from gkcli import store
from gkcli.cli import cli

SEED = ROOT / "examples" / "泉港交﹝2020﹞150号.txt"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    """gk runs in the test's own folder: the workspace around it is what the test makes,
    not this repository's data/."""
    monkeypatch.chdir(tmp_path)


def run(*args: str, env: dict | None = None):
    """gk in Chinese whatever GK_LANG says (a --lang in args comes later and wins)."""
    return CliRunner().invoke(cli, ["--lang", "zh", "--today", "2021-06-20", *args], env=env)


def substance(data: Path) -> dict:
    """What a data folder says, offices resolved to their full names: the parsed tables."""
    table = store.load_table(data)
    canonical = table.offices.canonical
    return {
        "notice": table.notice,
        "groups": [g.title for g in table.groups.values()],
        "items": [(t.id, table.group_title(t.group), t.title, t.lead, t.assist, t.deadline.text)
                  for t in table.tasks],
        "people": [(p.name, p.role, p.post, p.office and canonical(p.office))
                   for p in table.roster.members],
        "group_office": (table.roster.name, table.roster.office_name, table.roster.attached_to,
                         table.roster.director),
    }


def imported(source: Path, out: Path, *more: str):
    result = run("import", str(source), "--out", str(out), *more)
    return result


def imported_table(tmp_path: Path, rows: list[list[str | None]], **notice) -> dict:
    """gk import of a short notice with the task table ``rows`` (and ``notice``'s head, roster,
    tail: :func:`small_docx`) into tmp_path/data, which must succeed: what the folder says."""
    result = imported(small_docx(tmp_path / "n.docx", rows, **notice), tmp_path / "data")
    assert result.exit_code == 0, result.output
    return substance(tmp_path / "data")


# --- the round trip: the shipped notice, as text and as Word, gives the shipped data -----------

def test_the_seed_text_imports_to_the_shipped_data(tmp_path):
    result = imported(SEED, tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert "gk check 通过" in result.output
    got, want = substance(tmp_path / "data"), substance(SHIPPED)
    assert len(got["items"]) == 16
    assert len(got["people"]) == 24
    assert got == want


def test_the_shipped_notice_as_docx_imports_to_the_shipped_data(tmp_path):
    notice = shipped_docx(tmp_path / "通知.docx")
    result = imported(notice, tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert substance(tmp_path / "data") == substance(SHIPPED)


def test_the_written_files_are_commented_like_the_shipped_ones(tmp_path):
    imported(SEED, tmp_path / "data")
    tasks = (tmp_path / "data" / "tasks.yaml").read_text(encoding="utf-8")
    assert tasks.startswith("# 泉港区交通运输局政务公开标准化规范化工作任务分工表\n# 来源：泉港交﹝2020﹞150号 附件1。")
    assert "  # 四、健全政府信息管理动态调整机制\n  - id: 8\n" in tasks
    assert "    aliases: [运管股, 政策法规股]   # 待核对" in tasks
    roster = (tmp_path / "data" / "leading_group.yaml").read_text(encoding="utf-8")
    assert "  # 副组长\n  - name: 陈金章\n    role: deputy\n    post: 区交战办主任\n  - name: 林宏\n" in roster


def test_the_review_lists_every_guess(tmp_path):
    result = imported(SEED, tmp_path / "data")
    lines = result.output.splitlines()
    assert "  “局各股室（中队、站）”指所有股室：作为股室组合（members: all）" in lines
    assert "  运管股、政策法规股 作为 运管股（政策法规股） 的简称" in lines
    assert "  交通执法大队 作为 交通综合行政执法大队 的简称" in lines
    assert "  肖明春 负责 交通综合行政执法大队（职务：区交通执法大队大队长）" in lines
    assert "  陈金章 的职务提到 区交战办，但它不是已知股室：未填 office" in lines


def test_the_written_files_pass_yamllint_as_ci_runs_it(tmp_path):
    from yamllint import linter
    from yamllint.config import YamlLintConfig

    imported(SEED, tmp_path / "data")
    config = YamlLintConfig("extends: relaxed")
    for name in ("tasks.yaml", "leading_group.yaml"):
        text = (tmp_path / "data" / name).read_text(encoding="utf-8")
        assert [str(p) for p in linter.run(text, config)] == []


def test_review_in_english(tmp_path):
    result = run("--lang", "en", "import", str(SEED), "--out", str(tmp_path / "d"))
    assert "Read 16 items, 8 work tasks, 17 offices, 24 people" in result.output
    assert "  陈伟 heads 综合股 (post: 综合股负责人)" in result.output
    assert result.output.rstrip().endswith("gk check: ok")


# --- .docx: merges, headers, inline assignments, headings, split tables ------------------------

def test_row_cells_repeat_a_merged_cell_so_merges_are_read_from_the_xml(tmp_path):
    rows = [HEADER,
            ["1", "加强隐患排查", "（1）排查重点企业", "安监股", "", "2023年6月底"],
            [UP, UP, "（2）建立隐患台账", UP, "工程股", UP],
            ["2", "加强宣传", "（3）开展安全宣传月活动", "综合股", "", "2023年6月30日前"]]
    path = small_docx(tmp_path / "n.docx", rows)
    import docx

    table = docx.Document(str(path)).tables[0]
    assert table.rows[2].cells[0].text == "1"  # python-docx repeats the merged cell
    result = imported(path, tmp_path / "data")
    assert result.exit_code == 0, result.output
    got = substance(tmp_path / "data")
    assert got["groups"] == ["加强隐患排查", "加强宣传"]
    assert got["items"] == [
        (1, "加强隐患排查", "排查重点企业", "安监股", (), "2023年6月底"),
        (2, "加强隐患排查", "建立隐患台账", "安监股", ("工程股",), "2023年6月底"),
        (3, "加强宣传", "开展安全宣传月活动", "综合股", (), "2023年6月30日前"),
    ]
    assert "沿用上一项" not in result.output  # a merge is read, not guessed


def test_a_header_in_other_words(tmp_path):
    rows = [["编号", "重点任务", "工作内容", "责任单位", "配合单位", "时限要求"],
            ["1", "一、健全制度", "1.修订安全生产责任制", "办公室", "执法大队、各股室", "2023年第二季度"],
            [UP, UP, "2.制定考核办法", "执法大队", "", "长期"]]
    got = imported_table(tmp_path, rows)
    assert got["items"] == [
        (1, "健全制度", "修订安全生产责任制", "办公室", ("执法大队", "各股室"), "2023年第二季度"),
        (2, "健全制度", "制定考核办法", "执法大队", (), "长期"),
    ]
    tasks = yaml.safe_load((tmp_path / "data" / "tasks.yaml").read_text(encoding="utf-8"))
    assert tasks["office_groups"] == [{"name": "各股室", "members": "all"}]


def test_inline_assignments_when_the_table_has_no_office_columns(tmp_path):
    rows = [["序号", "工作任务", "具体措施", "完成时限"],
            ["1", "整治行动", "①开展专项检查（执法大队牵头，办公室、安监股配合）", "2023年9月底"],
            [UP, UP, "②通报典型案例（由办公室负责）。", "2023年12月底"]]
    assert imported_table(tmp_path, rows)["items"] == [
        (1, "整治行动", "开展专项检查", "执法大队", ("办公室", "安监股"), "2023年9月底"),
        (2, "整治行动", "通报典型案例", "办公室", (), "2023年12月底"),
    ]


def test_headings_merged_across_the_table_or_standing_alone(tmp_path):
    rows = [["序号", "具体事项", "牵头股室", "完成时间"],
            ["一、源头治理", LEFT, LEFT, LEFT],
            ["1", "排查重点企业", "安监股", "2023年6月底"],
            ["二、", "宣传教育", "", ""],
            ["2", "开展宣传月活动", "办公室", "2023年6月底"],
            ["3", "组织应急演练", "安监股", "2023年10月底"]]
    got = imported_table(tmp_path, rows)
    assert got["groups"] == ["源头治理", "宣传教育"]
    assert [(i[0], i[1]) for i in got["items"]] == [(1, "源头治理"), (2, "宣传教育"), (3, "宣传教育")]


def test_a_table_split_by_a_page_break_without_its_header(tmp_path):
    doc = Docx().para("示应急〔2023〕7号", "示范县应急管理局关于印发方案的通知", "任务分工表")
    doc.table([HEADER, ["1", "排查", "（1）排查企业", "安监股", "", "2023年6月底"],
               [UP, UP, "（2）建立台账", "安监股", "", "2023年7月底"]])
    doc.page_break()
    doc.table([["", "", "（3）复查整改", "安监股", "办公室", "2023年8月底"],
               ["2", "宣传", "（4）宣传月", "办公室", "", "2023年6月底"]])
    doc.para("示范县应急管理局", "2023年3月1日")
    result = imported(doc.save(tmp_path / "n.docx"), tmp_path / "data")
    assert result.exit_code == 0, result.output
    got = substance(tmp_path / "data")
    assert [(i[0], i[1], i[2]) for i in got["items"]] == [
        (1, "排查", "排查企业"), (2, "排查", "建立台账"), (3, "排查", "复查整改"), (4, "宣传", "宣传月")]


def test_notice_fields_with_other_brackets_and_a_signed_date(tmp_path):
    rows = [HEADER, ["1", "排查", "排查企业", "安监股", "", "2023年6月底"]]
    notice = imported_table(tmp_path, rows)["notice"]
    assert (notice.number, notice.issuer, notice.issued.isoformat(), notice.title, notice.table) == (
        "示应急〔2023〕7号", "示范县应急管理局", "2023-03-01",
        "示范县应急管理局关于印发安全生产专项整治方案的通知", "安全生产专项整治任务分工表")


@pytest.mark.parametrize("number", ["示应急[2023]7号", "示应急﹝2023〕7号", "示应急〔2023〕7号"])
def test_notice_number_bracket_variants(tmp_path, number):
    rows = [HEADER, ["1", "排查", "排查企业", "安监股", "", "2023年6月底"]]
    head = [number, "示范县应急管理局关于印发方案的通知", "任务分工表"]
    assert imported_table(tmp_path, rows, head=head)["notice"].number == number


def test_a_roster_post_names_the_office_it_heads(tmp_path):
    rows = [HEADER, ["1", "排查", "排查企业", "办公室", "执法大队", "2023年6月底"]]
    result = imported(small_docx(tmp_path / "n.docx", rows), tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert substance(tmp_path / "data")["people"] == [
        ("张三", "leader", "局长", None), ("李四", "deputy", "副局长", None),
        ("王五", "member", "办公室负责人", "办公室"), ("赵六", "member", "执法大队大队长", "执法大队")]
    assert "未能放入" not in result.output  # the signature after the roster is not a person


def test_a_notice_without_a_roster_annex_writes_tasks_only(tmp_path):
    rows = [HEADER, ["1", "排查", "排查企业", "安监股", "", "2023年6月底"]]
    result = imported(small_docx(tmp_path / "n.docx", rows, roster=False), tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["tasks.yaml"]
    assert "没有领导小组附件：不写 leading_group.yaml" in result.output


def test_an_unreadable_deadline_is_kept_listed_and_fails_check(tmp_path):
    rows = [HEADER, ["1", "排查", "排查企业", "安监股", "", "视情况而定"],
            [UP, UP, "建立台账", "安监股", "", "2023年6月底"]]
    result = imported(small_docx(tmp_path / "n.docx", rows), tmp_path / "data")
    assert result.exit_code == 1
    assert "第1项的完成时间“视情况而定”gk 读不懂：照原文保留，请改写（如 2021年6月底）" in result.output
    assert "gk check 发现 1 个问题" in result.output
    tasks = yaml.safe_load((tmp_path / "data" / "tasks.yaml").read_text(encoding="utf-8"))
    assert tasks["tasks"][0]["deadline"] == "视情况而定"


def test_a_dry_run_names_problems_by_the_files_it_would_write(tmp_path):
    rows = [HEADER, ["1", "排查", "排查企业", "安监股", "", "视情况而定"]]
    notice = small_docx(tmp_path / "n.docx", rows)
    result = run("import", str(notice), "--dry-run")
    assert result.exit_code == 1
    assert "\ntasks.yaml:" in result.output
    assert "gk check 会发现 1 个问题" in result.output
    assert "gk-import-" not in result.output


def test_a_cell_outside_the_columns_is_listed(tmp_path):
    rows = [HEADER + [""], ["1", "排查", "排查企业", "安监股", "", "2023年6月底", "另附清单"]]
    result = imported(small_docx(tmp_path / "n.docx", rows), tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert "表1第2行第7列: 未能放入任何字段：另附清单" in result.output


# --- sheets and text ---------------------------------------------------------------------------

def test_an_xlsx_table_with_merged_cells(tmp_path):
    rows = [HEADER,
            ["1", "排查", "（1）排查企业", "安监股", "办公室", "2023年6月底"],
            [None, None, "（2）建立台账", None, None, None],
            ["2", "宣传", "（3）宣传月", "办公室", "", "2023年6月30日前"]]
    path = xlsx(tmp_path / "表.xlsx", rows, ["A3:A4", "B3:B4", "D3:D4", "E3:E4", "F3:F4"],
                title="安全生产专项整治任务分工表")
    result = imported(path, tmp_path / "data")
    assert result.exit_code == 0, result.output
    got = substance(tmp_path / "data")
    assert got["notice"].table == "安全生产专项整治任务分工表"
    assert got["items"] == [(1, "排查", "排查企业", "安监股", ("办公室",), "2023年6月底"),
                            (2, "排查", "建立台账", "安监股", ("办公室",), "2023年6月底"),
                            (3, "宣传", "宣传月", "办公室", (), "2023年6月30日前")]


def test_a_csv_in_gbk_as_wps_saves_it(tmp_path):
    text = "序号,工作任务,具体事项,牵头股室,协办股室,完成时间\n1,排查,排查企业,安监股,,2023年6月底\n,,建立台账,安监股,\"办公室、工程股\",2023年7月底\n"
    path = tmp_path / "表.csv"
    path.write_bytes(text.encode("gb18030"))
    result = imported(path, tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert substance(tmp_path / "data")["items"][1] == (2, "排查", "建立台账", "安监股",
                                                        ("办公室", "工程股"), "2023年7月底")


def test_text_merges_left_empty_are_filled_down_and_listed(tmp_path):
    text = ("示应急〔2023〕7号\n示范县应急管理局关于印发方案的通知\n任务分工表\n"
            "\t序号\n\t工作任务\n\t具体事项\n\t牵头股室\n\t完成时间\n\n"
            "\t1\n\t排查\n\t（1）排查企业\n\t安监股\n\t2023年6月底\n\n"
            "\t\n\t\n\t（2）建立台账\n\t\n\t\n")
    path = tmp_path / "n.txt"
    path.write_text(text, encoding="utf-8")
    result = imported(path, tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert substance(tmp_path / "data")["items"][1] == (2, "排查", "建立台账", "安监股", (), "2023年6月底")
    assert "第19行: 第2项的 牵头股室 为空，沿用上一项：安监股" in result.output  # the cell's own line


# --- dry run and never overwriting -------------------------------------------------------------

def test_dry_run_prints_both_files_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("import", str(SEED), "--dry-run")
    assert result.exit_code == 0, result.output
    assert list(tmp_path.iterdir()) == []
    tasks = result.output.split("# ==> tasks.yaml <==\n")[1].split("# ==> leading_group.yaml <==")[0]
    roster = result.output.split("# ==> leading_group.yaml <==\n")[1].split("读出 16 项")[0]
    assert len(yaml.safe_load(tasks)["tasks"]) == 16
    assert len(yaml.safe_load(roster)["members"]) == 24
    assert "（--dry-run：未写入任何文件）" in result.output


def test_an_existing_folder_is_never_overwritten(tmp_path):
    out = tmp_path / "data"
    out.mkdir()
    (out / "tasks.yaml").write_text("mine\n", encoding="utf-8")
    result = imported(SEED, out)
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("已存在：gk import 不覆盖已有目录，请换一个 --out")
    assert (out / "tasks.yaml").read_text(encoding="utf-8") == "mine\n"


def test_out_is_required_without_dry_run(tmp_path):
    result = run("import", str(SEED))
    assert result.exit_code == 2
    assert "请用 --out DIR 指定新目录" in result.output


# --- bad input: one line, exit 1, nothing written ----------------------------------------------

def _refused(tmp_path, path: Path, expected: str, env: dict | None = None) -> None:
    out = tmp_path / "out"
    result = run("import", str(path), "--out", str(out), env=env)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert expected in result.stderr, result.stderr
    assert not out.exists()


def test_a_docx_with_no_task_table(tmp_path):
    path = Docx().para("示应急〔2023〕7号", "关于开会的通知").table([["姓名", "电话"], ["张三", "123"]])
    _refused(tmp_path, path.save(tmp_path / "n.docx"), "中没有找到任务分工表")


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # a .doc, .wps, or an encrypted .docx/.xlsx


@pytest.mark.parametrize("name, content, expected", [
    ("n.docx", b"PK\x03\x04 this is not a zip at all" * 10, "文件已损坏或不是 .docx 文件"),
    ("n.xlsx", b"PK\x03\x04 this is not a zip at all" * 10, "文件已损坏或不是 .xlsx 文件"),
    ("n.docx", OLE, "加密（设了密码）的文件"),  # Word and Excel save an encrypted file as OLE
    ("n.xlsx", OLE, "加密（设了密码）的文件"),
    ("n.docx", b"", "是空文件"),
    ("n.txt", b"\x00\x01\x02" * 100, "不是文本文件"),
    ("n.pdf", b"%PDF-1.4", "不认识的文件类型 .pdf"),
])
def test_a_file_that_is_not_a_notice(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    _refused(tmp_path, path, expected)


def test_a_missing_file_is_a_bad_argument(tmp_path):
    result = run("import", str(tmp_path / "nothing.docx"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "没有文件" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_doc_without_libreoffice(tmp_path):
    path = tmp_path / "通知.doc"
    path.write_bytes(OLE)
    empty = tmp_path / "bin"
    empty.mkdir()
    _refused(tmp_path, path, "请在 Word/WPS 中另存为 .docx 再导入", env={"PATH": str(empty)})


def test_a_wps_file_is_converted_by_libreoffice_when_present(tmp_path):
    """A stand-in soffice on PATH that does what soffice does: write NAME.docx into --outdir."""
    made = shipped_docx(tmp_path / "made.docx")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text(f'#!/bin/sh\nfor a; do last="$a"; done\n'
                      f'while [ $# -gt 0 ]; do [ "$1" = --outdir ] && out="$2"; shift; done\n'
                      f'cp "{made}" "$out/$(basename "$last" .wps).docx"\n', encoding="utf-8")
    script.chmod(0o755)
    path = tmp_path / "通知.wps"
    path.write_bytes(OLE)
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = run("import", str(path), "--out", str(tmp_path / "data"), env=env)
    assert result.exit_code == 0, result.output
    assert substance(tmp_path / "data") == substance(SHIPPED)


def test_the_example_notice_is_the_seed():
    seed = ROOT.parent / "shared" / "seed" / "000_9fdf7c692fe75367.txt"
    if not seed.is_file():
        pytest.skip("the shared seed is not beside this checkout")
    assert SEED.read_bytes() == seed.read_bytes()


def test_a_folder_that_fails_check_is_still_written_whole(tmp_path):
    """The folder is written whole (so the user can fix it) even when check finds problems."""
    rows = [HEADER, ["1", "排查", "排查企业", "", "", "2023年6月底"]]
    result = imported(small_docx(tmp_path / "n.docx", rows), tmp_path / "data")
    assert result.exit_code == 1
    assert "第1项没有牵头股室" in result.output
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["leading_group.yaml", "tasks.yaml"]
    assert not [p for p in (tmp_path / "data").iterdir() if p.name.startswith(".")]


def test_a_roster_laid_out_as_a_table(tmp_path):
    rows = [HEADER, ["1", "排查", "排查企业", "办公室", "执法大队", "2023年6月底"]]
    doc = Docx().para("示应急〔2023〕7号", "示范县应急管理局关于印发方案的通知", "任务分工表").table(rows)
    doc.para("附件2", "示范县安全生产专项整治工作领导小组")
    doc.table([["组内职务", "姓名", "单位及职务"],
               ["组长", "张三", "局长"],
               ["副组长", "李四", "副局长"],
               ["成员", "王五", "办公室负责人"],
               [UP, "赵  六", "执法大队大队长"]])
    doc.para("领导小组下设办公室，设在办公室，办公室主任由王五同志兼任。", "示范县应急管理局", "2023年3月1日")
    result = imported(doc.save(tmp_path / "n.docx"), tmp_path / "data")
    assert result.exit_code == 0, result.output
    got = substance(tmp_path / "data")
    assert got["people"] == [
        ("张三", "leader", "局长", None), ("李四", "deputy", "副局长", None),
        ("王五", "member", "办公室负责人", "办公室"), ("赵六", "member", "执法大队大队长", "执法大队")]
    assert got["group_office"] == ("示范县安全生产专项整治工作领导小组", "领导小组办公室", "办公室", "王五")


def test_several_people_on_one_roster_line(tmp_path):
    rows = [HEADER, ["1", "排查", "排查企业", "办公室", "", "2023年6月底"]]
    doc = Docx().para("示应急〔2023〕7号", "示范县应急管理局关于印发方案的通知", "任务分工表").table(rows)
    doc.para("附件2", "示范县工作领导小组", "组长：张三（局长）", "副组长：李四（副局长）、钱七（副局长）",
             "成员：王五（办公室负责人）", "示范县应急管理局", "2023年3月1日")
    result = imported(doc.save(tmp_path / "n.docx"), tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert [(p[0], p[1]) for p in substance(tmp_path / "data")["people"]] == [
        ("张三", "leader"), ("李四", "deputy"), ("钱七", "deputy"), ("王五", "member")]


def test_a_second_task_table_is_listed_not_merged(tmp_path):
    rows = [HEADER, ["1", "排查", "排查企业", "办公室", "", "2023年6月底"]]
    doc = Docx().para("示应急〔2023〕7号", "示范县应急管理局关于印发方案的通知", "任务分工表").table(rows)
    doc.para("附件2", "另一张表").table(rows).para("示范县应急管理局", "2023年3月1日")
    result = imported(doc.save(tmp_path / "n.docx"), tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert len(substance(tmp_path / "data")["items"]) == 1
    assert "表2第1行第1列: 另一张任务表未导入（每次导入一张）" in result.output


def test_missing_notice_fields_are_listed_in_english(tmp_path):
    rows = [HEADER, ["1", "排查", "排查企业", "办公室", "", "2023年6月底"]]
    notice = small_docx(tmp_path / "n.docx", rows, head=["任务分工表"], tail=[])
    result = run("--lang", "en", "import", str(notice), "--out", str(tmp_path / "data"))
    assert result.exit_code == 0, result.output
    for field in ("number", "issuer", "issue date", "title"):
        assert f"  no {field} found in the notice" in result.output


def test_a_sentence_ending_in_a_colon_is_not_taken_for_addressees(tmp_path):
    rows = [HEADER, ["1", "排查", "排查企业", "办公室", "", "2023年6月底"]]
    head = ["示应急〔2023〕7号", "示范县应急管理局关于印发方案的通知", "现将有关事项通知如下：", "任务分工表"]
    result = imported(small_docx(tmp_path / "n.docx", rows, head=head, roster=False), tmp_path / "data")
    assert result.exit_code == 0, result.output
    tasks = yaml.safe_load((tmp_path / "data" / "tasks.yaml").read_text(encoding="utf-8"))
    assert tasks["offices"] == [{"name": "办公室"}]


def test_offices_one_per_line_in_a_cell_and_titles_wrapped_over_lines(tmp_path):
    rows = [HEADER, ["1", "排查", "排查重点\n企业", "安监股", "办公室\n工程股", "2023年\n6月底"]]
    assert imported_table(tmp_path, rows)["items"] == [
        (1, "排查", "排查重点企业", "安监股", ("办公室", "工程股"), "2023年6月底")]


def test_a_header_of_two_rows(tmp_path):
    rows = [["序号", "工作任务", "具体事项", "责任单位", LEFT, "完成时间"],
            [UP, UP, UP, "牵头单位", "配合单位", UP],
            ["1", "排查", "排查企业", "安监股", "办公室", "2023年6月底"]]
    result = imported(small_docx(tmp_path / "n.docx", rows), tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert substance(tmp_path / "data")["items"] == [
        (1, "排查", "排查企业", "安监股", ("办公室",), "2023年6月底")]
    assert "未能放入" not in result.output


def test_libreoffice_that_converts_nothing(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "soffice").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    (bin_dir / "soffice").chmod(0o755)
    path = tmp_path / "通知.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    _refused(tmp_path, path, "LibreOffice 未能转换", env={"PATH": str(bin_dir)})


def test_an_xlsx_without_openpyxl_says_how_to_install_it(tmp_path, monkeypatch):
    path = xlsx(tmp_path / "表.xlsx", [HEADER, ["1", "排查", "排查企业", "安监股", "", "2023年6月底"]], [])
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as when the extra is not installed
    _refused(tmp_path, path, "导入此类文件需要 openpyxl：pip install 'gkcli[xlsx]'")


def test_a_table_inside_a_content_control(tmp_path):
    """Templates keep tables in a content control (w:sdt); the table is still found."""
    from docx.oxml import OxmlElement

    rows = [HEADER, ["1", "排查", "排查企业", "安监股", "", "2023年6月底"]]
    doc = Docx().para("示应急〔2023〕7号", "示范县应急管理局关于印发方案的通知", "任务分工表").table(rows)
    doc.para("示范县应急管理局", "2023年3月1日")
    tbl = doc.doc.tables[0]._tbl
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    tbl.addprevious(sdt)
    sdt.append(content)
    content.append(tbl)
    result = imported(doc.save(tmp_path / "n.docx"), tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert substance(tmp_path / "data")["items"] == [(1, "排查", "排查企业", "安监股", (), "2023年6月底")]


def test_text_in_a_tracked_insertion_is_read(tmp_path):
    """A cell whose office was typed with Track Changes on: python-docx's text skips it."""
    from docx.oxml import OxmlElement

    rows = [HEADER, ["1", "排查", "排查企业", "安监股", "", "2023年6月底"]]
    doc = Docx().para("示应急〔2023〕7号", "示范县应急管理局关于印发方案的通知", "任务分工表").table(rows)
    run_ = doc.doc.tables[0].cell(1, 3).paragraphs[0].runs[0]._r
    ins = OxmlElement("w:ins")
    run_.addprevious(ins)
    ins.append(run_)
    assert doc.doc.tables[0].cell(1, 3).text == ""
    result = imported(doc.save(tmp_path / "n.docx"), tmp_path / "data")
    assert result.exit_code == 0, result.output
    assert substance(tmp_path / "data")["items"][0][3] == "安监股"


def test_an_annex_label_and_table_name_on_one_line(tmp_path):
    rows = [HEADER, ["1", "排查", "排查企业", "安监股", "", "2023年6月底"]]
    head = ["示应急〔2023〕7号", "示范县应急管理局关于印发方案的通知", "附件1：安全生产任务分工表"]
    assert imported_table(tmp_path, rows, head=head, roster=False)["notice"].table == "安全生产任务分工表"
    tasks = (tmp_path / "data" / "tasks.yaml").read_text(encoding="utf-8")
    assert tasks.startswith("# 安全生产任务分工表\n# 来源：示应急〔2023〕7号 附件1。")
