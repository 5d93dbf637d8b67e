"""gk import, as the secretary's walkthrough found it: the workspace the new folder joins (or
not), a notice imported twice, and details of reading real notices (titles with 《》, the
issuer, roster titles, cell positions, UTF-16 text, merged and nested cells, a renamed .docx,
messages without English OS words)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from helpers import ROOT, SHIPPED
from notices import HEADER, LEFT, Docx, small_docx, xlsx

from gkcli import store
from gkcli.cli import cli

SEED = ROOT / "examples" / "泉港交﹝2020﹞150号.txt"
ROW = ["1", "排查", "排查企业", "安监股", "", "2023年6月底"]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    """gk runs in the test's folder: the workspace is what the test makes there."""
    monkeypatch.chdir(tmp_path)


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, ["--lang", "zh", "--today", "2021-06-20", *args], env=env)


def notice_of(folder: Path):
    return store.load_table(folder).notice


# --- 8: the workspace the new folder joins ------------------------------------------------------

def test_a_folder_inside_data_joins_the_workspace(tmp_path):
    (tmp_path / "data").mkdir()
    result = run("import", str(SEED), "--out", "data/泉港交150")
    assert result.exit_code == 0, result.output
    assert "已加入工作区：gk --all 会读到 data/泉港交150" in result.output.splitlines()
    assert run("--all", "list", "--format", "json").exit_code == 0


def test_a_folder_outside_data_is_said_not_to_join_and_where_to_put_it(tmp_path):
    (tmp_path / "data").mkdir()
    result = run("import", str(SEED), "--out", "泉港交150")
    assert result.exit_code == 0, result.output
    assert ("泉港交150 不在工作区：gk --all 只读 data/ 及其下一层的目录；要加入，请改用 "
            "--out data/泉港交150") in result.output.splitlines()


def test_the_hint_names_the_workspace_that_gk_all_reads(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "tasks.yaml").write_bytes((SHIPPED / "tasks.yaml").read_bytes())
    deep = tmp_path / "notices" / "2021"
    deep.mkdir(parents=True)
    result = run("import", str(SEED), "--out", str(deep / "x"))
    assert "请改用 --out data/x" in result.output, result.output


def test_in_english(tmp_path):
    result = run("--lang", "en", "import", str(SEED), "--out", "x")
    assert ("x is not in the workspace: gk --all reads only data/ and the folders right under it; "
            "to add it, use --out data/x") in result.output.splitlines()


def test_a_notice_already_in_the_workspace_is_listed_and_nothing_is_overwritten(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("tasks.yaml", "leading_group.yaml"):
        (data / name).write_bytes((SHIPPED / name).read_bytes())
    before = (data / "tasks.yaml").read_bytes()
    result = run("import", str(SEED), "--out", "data/泉港交150")
    assert result.exit_code == 0, result.output
    assert "  文号 泉港交﹝2020﹞150号 已在 data 中：同一通知导入两次，gk --all 会重复计数" in \
        result.output.splitlines()
    assert (data / "tasks.yaml").read_bytes() == before
    assert (data / "泉港交150" / "tasks.yaml").is_file()


def test_the_same_number_in_other_brackets_is_the_same_notice(tmp_path):
    first = tmp_path / "data" / "a"
    first.mkdir(parents=True)
    text = (SHIPPED / "tasks.yaml").read_text(encoding="utf-8")
    (first / "tasks.yaml").write_text(text.replace("泉港交﹝2020﹞150号", "泉港交〔2020〕 150号"),
                                      encoding="utf-8")
    result = run("import", str(SEED), "--dry-run", "--out", "data/b")
    assert "文号 泉港交﹝2020﹞150号 已在 data/a 中" in result.output


# --- 14: reading real notices -------------------------------------------------------------------

HEAD = ["示范县应急管理局文件", "示应急〔2023〕7号",
        "示范县应急管理局关于印发《安全生产专项整治方案》的通知", "局各股室：",
        "现将《安全生产专项整治方案》印发给你们，请认真贯彻落实。", "附件1", "安全生产专项整治任务分工表"]


def test_a_title_with_book_title_marks_is_found(tmp_path):
    small_docx(tmp_path / "n.docx", [HEADER, ROW], head=HEAD, roster=False)
    assert run("import", "n.docx", "--out", "d").exit_code == 0
    assert notice_of(tmp_path / "d").title == "示范县应急管理局关于印发《安全生产专项整治方案》的通知"


def test_a_title_with_book_title_marks_over_two_lines(tmp_path):
    head = ["示应急〔2023〕7号", "示范县应急管理局关于印发《安全生产", "专项整治方案》的通知", "局各股室：",
            "现将方案印发给你们。", "附件1", "任务分工表"]
    small_docx(tmp_path / "n.docx", [HEADER, ROW], head=head, roster=False)
    assert run("import", "n.docx", "--out", "d").exit_code == 0
    assert notice_of(tmp_path / "d").title == "示范县应急管理局关于印发《安全生产专项整治方案》的通知"


def test_the_issuer_is_the_signature_not_the_office_that_printed_it(tmp_path):
    tail = ["示范县应急管理局", "2023年3月1日", "", "示范县应急管理局办公室      2023年3月2日印发"]
    small_docx(tmp_path / "n.docx", [HEADER, ROW], head=HEAD, roster=False, tail=tail)
    assert run("import", "n.docx", "--out", "d").exit_code == 0
    notice = notice_of(tmp_path / "d")
    assert notice.issuer == "示范县应急管理局"


def test_without_a_signature_the_issuer_is_the_one_the_title_names(tmp_path):
    tail = ["示范县应急管理局办公室      2023年3月2日印发"]
    small_docx(tmp_path / "n.docx", [HEADER, ROW], head=HEAD[1:], roster=False, tail=tail)
    assert run("import", "n.docx", "--out", "d").exit_code == 0
    notice = notice_of(tmp_path / "d")
    assert (notice.issuer, str(notice.issued)) == ("示范县应急管理局", "2023-03-02")


def test_a_roster_table_titled_member_list_gives_the_group_name(tmp_path):
    doc = Docx().para(*HEAD).table([HEADER, ["1", "排查", "排查企业", "办公室", "", "2023年6月底"]])
    doc.para("附件2", "示范县安全生产专项整治工作领导小组成员名单")
    doc.table([["组内职务", "姓名", "单位及职务"], ["组长", "张三", "局长"], ["成员", "王五", "办公室负责人"]])
    doc.para("示范县应急管理局", "2023年3月1日")
    doc.save(tmp_path / "n.docx")
    result = run("import", "n.docx", "--out", "d")
    assert result.exit_code == 0, result.output
    assert store.load_table(tmp_path / "d").roster.name == "示范县安全生产专项整治工作领导小组"


def test_a_roster_text_titled_member_list_gives_the_group_name(tmp_path):
    doc = Docx().para(*HEAD).table([HEADER, ["1", "排查", "排查企业", "办公室", "", "2023年6月底"]])
    doc.para("附件2", "示范县安全生产专项整治工作领导小组组成人员名单", "组  长：张三 局长",
             "成  员：王五 办公室负责人", "示范县应急管理局", "2023年3月1日")
    doc.save(tmp_path / "n.docx")
    assert run("import", "n.docx", "--out", "d").exit_code == 0
    assert store.load_table(tmp_path / "d").roster.name == "示范县安全生产专项整治工作领导小组"


def test_review_lines_name_the_column_of_the_cell(tmp_path):
    rows = [HEADER, ["1", "排查", "排查企业", "", "", "视情况而定"]]
    result = run("import", str(small_docx(tmp_path / "n.docx", rows)), "--out", "d")
    lines = result.output.splitlines()
    assert "  表1第2行第4列: 第1项没有牵头股室" in lines, result.output
    assert any(line.startswith("  表1第2行第6列: 第1项的完成时间“视情况而定”") for line in lines)


def test_review_columns_count_grid_columns_after_a_merged_cell(tmp_path):
    rows = [HEADER, ["1", "排查企业", LEFT, "安监股", "", "视情况而定"]]
    result = run("import", str(small_docx(tmp_path / "n.docx", rows)), "--dry-run")
    assert any(line.startswith("  表1第2行第6列: 第1项的完成时间") for line in result.output.splitlines())


def test_utf16_text_as_word_saves_unicode_imports(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-16")  # with its BOM
    assert path.read_bytes()[:2] == b"\xff\xfe"
    result = run("import", str(path), "--out", "d")
    assert result.exit_code == 0, result.output
    assert len(store.load_table(tmp_path / "d").tasks) == 16


def test_utf16_big_endian_csv_imports(tmp_path):
    path = tmp_path / "t.csv"
    text = ",".join(HEADER) + "\n" + ",".join(ROW) + "\n"
    path.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    result = run("import", str(path), "--out", "d")
    assert result.exit_code == 0, result.output
    assert store.load_table(tmp_path / "d").tasks[0].lead == "安监股"


def test_a_cell_merged_across_lead_and_assist_is_not_its_own_assistant(tmp_path):
    rows = [HEADER, ["1", "排查", "排查企业", "安监股", LEFT, "2023年6月底"]]
    result = run("import", str(small_docx(tmp_path / "n.docx", rows)), "--out", "d")
    assert result.exit_code == 0, result.output
    task = store.load_table(tmp_path / "d").tasks[0]
    assert (task.lead, task.assist) == ("安监股", ())
    assert "  表1第2行第4列: 第1项的牵头股室与协办股室是同一个合并单元格：读作牵头，没有协办" in \
        result.output.splitlines()


def test_text_in_a_nested_table_is_kept_and_listed(tmp_path):
    doc = Docx().para(*HEAD).table([HEADER, ["1", "排查", "排查企业", "", "", "2023年6月底"]])
    cell = doc.doc.tables[0].cell(1, 3)
    inner = cell.add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "安监股"
    inner.cell(1, 0).text = "综合股"
    doc.para("示范县应急管理局", "2023年3月1日").save(tmp_path / "n.docx")
    result = run("import", "n.docx", "--out", "d")
    assert result.exit_code == 0, result.output
    task = store.load_table(tmp_path / "d").tasks[0]
    assert (task.lead, task.assist) == ("安监股", ("综合股",))
    assert "  表1第2行第4列: 单元格里有一张嵌套的表格：其中的文字已并入该单元格，请核对" in \
        result.output.splitlines()


def test_a_docx_renamed_doc_is_read_without_libreoffice(tmp_path):
    small_docx(tmp_path / "通知.doc", [HEADER, ROW])
    empty = tmp_path / "bin"
    empty.mkdir()
    result = run("import", "通知.doc", "--out", "d", env={"PATH": str(empty)})
    assert result.exit_code == 0, result.output
    assert store.load_table(tmp_path / "d").tasks[0].lead == "安监股"


def test_out_that_is_a_file_is_refused_in_chinese(tmp_path):
    (tmp_path / "d").write_text("x", encoding="utf-8")
    result = run("import", str(SEED), "--out", "d")
    assert result.exit_code == 2
    assert "--out" in result.stderr and "d 是一个文件，不是目录" in result.stderr, result.stderr
    assert "Directory" not in result.stderr and "is a file" not in result.stderr


def test_a_folder_given_as_the_file_is_refused_in_chinese(tmp_path):
    (tmp_path / "folder").mkdir()
    result = run("import", "folder", "--out", "d")
    assert result.exit_code == 2
    assert "folder 是一个目录，不是文件" in result.stderr, result.stderr
    assert not (tmp_path / "d").exists()


def test_an_out_that_cannot_be_made_says_why_in_chinese(tmp_path):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    result = run("import", str(SEED), "--out", "f/d")
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("无法创建 f/d：路径中有一段不是目录"), result.stderr
    assert "Not a directory" not in result.stderr


def test_the_openpyxl_hint_fits_an_install_from_pypi_and_from_the_source(tmp_path, monkeypatch):
    path = xlsx(tmp_path / "表.xlsx", [HEADER, ROW], [])
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = run("import", str(path), "--out", "d")
    assert result.exit_code == 1
    assert "pip install 'gkcli[xlsx]'" in result.stderr
    assert "pip install '.[xlsx]'" in result.stderr


# --- 15: a missing file is a bad argument -------------------------------------------------------

def test_a_missing_file_is_a_usage_error_in_chinese(tmp_path):
    result = run("import", "nothing.docx", "--out", "d")
    assert result.exit_code == 2
    assert "没有文件 nothing.docx" in result.stderr, result.stderr
    assert "does not exist" not in result.stderr
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("out, said", [
    ("data/新通知", "会加入工作区：gk --all 会读到 data/新通知"),
    ("新通知", "新通知 不在工作区：gk --all 只读 data/ 及其下一层的目录；要加入，请改用 --out data/新通知"),
])
def test_a_dry_run_says_whether_the_folder_would_join(tmp_path, out, said):
    result = run("import", str(SEED), "--dry-run", "--out", out)
    assert result.exit_code == 0, result.output
    assert said in result.output.splitlines()
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("notice", [
    "notice:\n  number: \"泉港交[2020]150号\"\n",
    "notice: {number: 泉港交（2020）150号}\n",
    "# 任务分工表\nnotice:\n  # 文号\n  issuer: 泉港区交通运输局\n  number: 泉港交〔2020〕150号   # 原文\n",
])
def test_the_number_is_found_however_the_yaml_writes_it(tmp_path, notice):
    folder = tmp_path / "data" / "a"
    folder.mkdir(parents=True)
    (folder / "tasks.yaml").write_text(notice + "tasks: []\n", encoding="utf-8")
    result = run("import", str(SEED), "--dry-run", "--out", "data/b")
    assert "  文号 泉港交﹝2020﹞150号 已在 data/a 中：同一通知导入两次，gk --all 会重复计数" in \
        result.output.splitlines()


def test_a_table_saved_by_word_as_unicode_text_has_tab_separated_rows(tmp_path):
    """Word's and Excel's own text save writes a table row per line, cells between tabs."""
    lines = ["示应急〔2023〕7号", "示范县应急管理局关于印发《安全生产专项整治方案》的通知", "局各股室：",
             "现将方案印发给你们。", "附件1", "安全生产专项整治任务分工表",
             "\t".join(HEADER),
             "1\t加强隐患排查\t（1）排查重点企业\t安监股\t综合股、工程股\t2023年6月底",
             "\t\t（2）建立隐患台账\t安监股\t\t视情况而定",
             "二、加强宣传\t\t\t\t\t",
             "\t\t（3）开展安全宣传月活动\t综合股\t\t2023年6月30日前",
             "", "示范县应急管理局", "2023年3月1日"]
    path = tmp_path / "通知.txt"
    path.write_bytes("\r\n".join(lines).encode("utf-16"))  # little-endian, with its BOM
    result = run("import", str(path), "--out", "d")
    assert result.exit_code == 1  # the deadline gk cannot read fails gk check
    data = yaml.safe_load((tmp_path / "d" / "tasks.yaml").read_text(encoding="utf-8"))
    assert [(t["group"], t["title"], t["lead"], t.get("assist", []), t["deadline"])
            for t in data["tasks"]] == [
        (1, "排查重点企业", "安监股", ["综合股", "工程股"], "2023年6月底"),
        (1, "建立隐患台账", "安监股", [], "视情况而定"),
        (2, "开展安全宣传月活动", "综合股", [], "2023年6月30日前")]
    assert [g["title"] for g in data["groups"]] == ["加强隐患排查", "加强宣传"]
    assert data["notice"]["title"] == "示范县应急管理局关于印发《安全生产专项整治方案》的通知"
    assert any(line.startswith("  第9行第6列: 第2项的完成时间“视情况而定”")
               for line in result.output.splitlines()), result.output


@pytest.mark.parametrize("name", ["n.txt", "n.csv"])
def test_a_file_of_only_a_byte_order_mark_is_empty(tmp_path, name):
    (tmp_path / name).write_bytes(b"\xff\xfe")
    result = run("import", name, "--out", "d")
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("是空文件，没有可导入的内容"), result.stderr
    assert not (tmp_path / "d").exists()


def test_without_a_signature_or_title_the_issuer_is_the_header(tmp_path):
    head = ["示范县应急管理局文件", "示应急〔2023〕7号", "印发安全生产专项整治方案的通知", "局各股室：",
            "请认真学习有关文件", "附件1", "任务分工表"]
    tail = ["示范县应急管理局办公室      2023年3月2日印发"]
    small_docx(tmp_path / "n.docx", [HEADER, ROW], head=head, roster=False, tail=tail)
    run("import", "n.docx", "--out", "d")
    assert notice_of(tmp_path / "d").issuer == "示范县应急管理局"
