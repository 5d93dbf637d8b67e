"""Writing tasks.yaml: golden files, refusals, atomicity, locking."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, Gk, replace_in, table_of

from gkcli import writer
from gkcli.errors import DataError, GkError, WriteRefused

FIXTURES = ROOT / "tests" / "fixtures"
MESSY = FIXTURES / "messy"

GOLDEN = {
    "done_2": ["done", "2", "--on", "2021-09-15"],
    "start_2": ["start", "2"],
    "reopen_4": ["reopen", "4"],
    "note_1_block_list": ["note", "1", "已报局长审定", "--on", "2021-05-10"],
    "note_2_new_list": ["note", "2", "征求意见中"],
    "note_3_flow_item": ["note", "3", "已更新指南"],
    "set_deadline_1": ["set", "1", "--deadline", "2021年9月底"],
    "set_assist_2_block": ["set", "2", "--assist", "办公室", "--assist", "财务"],
    "set_assist_1_flow": ["set", "1", "--assist", "办公室"],
    "set_title_2_quoted": ["set", "2", "--title", "建立“三重一大”集体决策制度"],
    "set_notes_2_folded": ["set", "2", "--notes", "已征求意见"],
    "set_done_3_flow_item": ["set", "3", "--status", "done"],
    "add": ["add", "--group", "2", "--title", "新增事项", "--lead", "办公室", "--deadline", "12月底前"],
    "rm_2": ["rm", "2", "--yes"],
    "rm_3_flow_item": ["rm", "3", "--yes"],
}


@pytest.fixture
def messy(tmp_path: Path) -> Gk:
    """A hand-kept file: comments, blank lines, flow and block lists, quoted and plain Chinese."""
    shutil.copytree(MESSY, tmp_path / "data")
    return Gk(tmp_path / "data", today="2021-09-20")


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden(messy, name):
    result = messy(*GOLDEN[name])
    assert result.exit_code == 0, result.output
    expected = (FIXTURES / "golden" / f"{name}.yaml").read_bytes()
    assert messy.tasks.read_bytes() == expected
    assert messy("check").exit_code == 0


def test_golden_files_differ_only_in_the_lines_of_the_change():
    original = (MESSY / "tasks.yaml").read_text(encoding="utf-8").splitlines()
    for name in GOLDEN:
        changed = (FIXTURES / "golden" / f"{name}.yaml").read_text(encoding="utf-8").splitlines()
        import difflib

        hunks = [op for op in difflib.SequenceMatcher(None, original, changed).get_opcodes()
                 if op[0] != "equal"]
        assert len(hunks) <= 2, name  # one field, or a status plus its done_on


def test_done_records_done_on_and_shows_as_done(gk):
    result = gk("done", "5", "--on", "2021-06-18")
    assert result.exit_code == 0
    assert "完成 #5 建设政府信息在新媒体的发布机制" in result.output
    assert "（2021-06-18）" in result.output
    row = gk.json("show", "5")
    assert row["status"] == "done"
    assert row["done_on"] == "2021-06-18"
    assert row["state"] == "done"


def test_done_defaults_to_today_and_takes_several_ids(gk):
    result = gk("done", "1", "2", "3")
    assert result.exit_code == 0
    assert "完成 #1 #2 #3（2021-06-20）" in result.output
    rows = gk.json("list", "--group", "1", "--group", "2")
    assert [(r["id"], r["done_on"]) for r in rows] == [
        (1, "2021-06-20"), (2, "2021-06-20"), (3, "2021-06-20"), (4, None)]


def test_done_in_the_future_is_refused(gk):
    before = gk.tasks.read_bytes()
    result = gk("done", "5", "--on", "2021-07-01")
    assert result.exit_code == 2  # a bad option value: a usage error
    assert "--on 2021-07-01 晚于今天（2021-06-20）" in result.output
    assert gk.tasks.read_bytes() == before


def test_reopen_clears_done_on(gk):
    gk("done", "5")
    gk("reopen", "5")
    row = gk.json("show", "5")
    assert row["status"] == "doing"
    assert row["done_on"] is None


def test_start_refuses_a_done_item(gk):
    gk("done", "5")
    assert "gk reopen 5" in gk.fails("start", "5")


def test_notes_stay_in_date_order(gk):
    gk("note", "5", "已完成平台选型")
    gk("note", "5", "平台已上线", "--on", "2021-06-19")
    gk("note", "5", "同日再记", "--on", "2021-06-19")
    assert gk.json("show", "5")["progress"] == ["2021-06-19 平台已上线", "2021-06-19 同日再记",
                                                "2021-06-20 已完成平台选型"]
    assert "进展情况" in gk("show", "5").output


def test_note_text_that_needs_quoting_round_trips(gk):
    text = "注意: #1 [草稿], 'a' \"b\" - c"
    assert gk("note", "5", text).exit_code == 0
    assert gk.json("show", "5")["progress"] == [f"2021-06-20 {text}"]


def test_set_lead_by_alias_writes_the_full_name(gk):
    gk("set", "8", "--lead", "安监股", "--assist", "运管股")
    row = gk.json("show", "8")
    assert row["lead"] == "安监股"
    assert row["assist"] == ["运管股（政策法规股）"]
    assert "    assist:\n      - 运管股（政策法规股）\n    deadline: 2021年6月底" in gk.tasks.read_text("utf-8")


def test_set_deadline_phrase(gk):
    gk("set", "8", "--deadline", "2021年12月底")
    row = gk.json("show", "8")
    assert row["deadline_text"] == "2021年12月底"
    assert row["deadline"] == "2021-12-31"


def test_set_without_fields_is_usage_error(gk):
    assert gk("set", "8").exit_code == 2


@pytest.mark.parametrize("args,message", [
    (["set", "8", "--lead", "综合科"], "gk: --lead 综合科：没有这个股室（是不是 综合股？）\n"),
    (["set", "8", "--deadline", "尽快"],
     "gk: --deadline 尽快：无法识别完成时间“尽快”（可写成 2021年6月底、2020年7月17日前、10个工作日内、每月底、长期）\n"),
    (["set", "8", "--assist", "人事股"], "gk: --assist 人事股：没有这个股室\n"),
    (["set", "8", "--group", "99"], "gk: --group 99：没有这个编号的工作任务\n"),
    (["set", "8", "--lead", "局各股室（中队、站）"],
     "gk: --lead 局各股室（中队、站）：局各股室（中队、站） 是股室组合，请指定一个股室\n"),
    (["add", "--group", "3", "--title", "x", "--lead", "综合科", "--deadline", "长期"],
     "gk: --lead 综合科：没有这个股室（是不是 综合股？）\n"),
])
def test_invalid_write_names_the_option(gk, args, message):
    assert gk.refused(*args) == message  # the option, not a line of a file that doesn't exist yet


def test_invalid_write_names_the_option_in_english(gk):
    result = gk("--lang", "en", "set", "8", "--lead", "综合科")
    assert result.output == "gk: --lead 综合科: no such office (did you mean 综合股?)\n"


def test_unknown_id(gk):
    assert gk.fails("done", "99") == "gk: 没有第 99 项（用 gk list 查看全部事项）\n"


def test_add_takes_the_next_free_id(gk):
    result = gk("add", "--group", "3", "--title", "开通政务微信公众号", "--lead", "综合股",
                "--assist", "局各股室（中队、站）", "--deadline", "2021年9月底")
    assert result.exit_code == 0
    assert "新增 #17 开通政务微信公众号" in result.output
    row = gk.json("show", "17")
    assert row["title"] == "开通政务微信公众号"
    assert row["deadline"] == "2021-09-30"
    # after the last item of its work task (#7), not at the end of the file
    assert ("    deadline: 长期\n    status: todo\n\n  - id: 17\n    group: 3\n"
            "    title: 开通政务微信公众号\n    lead: 综合股\n    assist:\n      - 局各股室（中队、站）\n"
            "    deadline: 2021年9月底\n    status: todo\n\n  # 四、") in gk.tasks.read_text("utf-8")
    assert [r["id"] for r in gk.json("list", "--group", "3")] == [5, 6, 7, 17]


def test_add_deadline_without_a_year_is_read_against_the_day_it_is_typed(gk):
    gk.today = "2021-05-10"  # the notice is of 2020: 9月底 must not mean 2020-09-30
    result = gk("add", "--group", "3", "--title", "开通政务微信公众号", "--lead", "综合股",
                "--deadline", "9月底")
    assert result.exit_code == 0, result.output
    row = gk.json("show", "17")
    assert row["deadline"] == "2021-09-30"
    assert row["deadline_text"] == "2021年9月底"
    assert row["state"] == "open"  # not overdue on creation
    assert "    deadline: 2021年9月底\n" in gk.tasks.read_text("utf-8")


def test_done_keeps_the_chinese_status_words(gk):
    text = gk.tasks.read_text("utf-8")
    start = text.index("  - id: 3\n    group:")
    status = text.index("    status: todo", start)
    gk.tasks.write_text(text[:status] + "    status: 进行中" + text[status + len("    status: todo"):],
                        encoding="utf-8")
    assert gk("done", "3").exit_code == 0
    assert "    status: 已完成\n    done_on: 2021-06-20\n" in gk.tasks.read_text("utf-8")[start:]
    assert gk("reopen", "3").exit_code == 0
    assert "    status: 进行中\n" in gk.tasks.read_text("utf-8")[start:]
    assert gk("done", "4").exit_code == 0  # an item written in English stays English
    after = gk.tasks.read_text("utf-8")
    item4 = after[after.index("  - id: 4\n    group:"):]
    assert item4.split("\n\n")[0].endswith("    status: done\n    done_on: 2021-06-20")


def test_add_with_taken_id(gk):
    assert "序号 3 已被占用（下一个可用的是 17）" in gk.fails(
        "add", "--id", "3", "--group", "1", "--title", "x", "--lead", "综合股", "--deadline", "长期")


def test_rm_asks_first(gk):
    assert "加强信息精准推送" in gk.refused("rm", "16", input="n\n")
    result = gk("rm", "16", input="y\n")
    assert result.exit_code == 0
    assert len(gk.json("list")) == 15


def test_dry_run_prints_diff_and_writes_nothing(gk):
    before = gk.tasks.read_bytes()
    result = gk("done", "5", "--dry-run")
    assert result.exit_code == 0
    assert "-    status: todo\n+    status: done\n+    done_on: 2021-06-20\n" in result.output
    assert gk.tasks.read_bytes() == before


def test_dry_run_on_every_write_command(gk):
    before = gk.tasks.read_bytes()
    for args in (["start", "5"], ["done", "5"], ["reopen", "5"], ["note", "5", "x"],
                 ["set", "5", "--title", "新"], ["rm", "5"],
                 ["add", "--group", "1", "--title", "x", "--lead", "综合股", "--deadline", "长期"]):
        assert gk(*args, "--dry-run").exit_code == 0, args
    assert gk.tasks.read_bytes() == before


def test_no_change_writes_nothing(gk):
    gk("start", "5")
    stat = gk.tasks.stat()
    result = gk("start", "5")
    assert "没有需要修改的内容" in result.output
    assert gk.tasks.stat().st_mtime_ns == stat.st_mtime_ns


def test_conflict_marker_is_refused(gk):
    replace_in(gk.tasks, "  - id: 8\n", "<<<<<<< HEAD\n  - id: 8\n=======\n  - id: 8\n>>>>>>> other\n")
    assert "有未解决的 git 冲突标记" in gk.refused("done", "5")


def test_bom_and_crlf_are_kept(gk):
    text = gk.tasks.read_text("utf-8").replace("\n", "\r\n")
    gk.tasks.write_bytes(("\ufeff" + text).encode("utf-8"))
    assert gk("note", "5", "进展").exit_code == 0
    raw = gk.tasks.read_bytes()
    assert raw.startswith("\ufeff".encode())
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert "      - 2021-06-20 进展\r\n" in raw.decode("utf-8")


def test_file_changed_on_disk_during_the_edit_is_refused(data_dir):
    def change(doc):
        doc.set_field(5, "status", "doing")
        path = data_dir / "tasks.yaml"
        path.write_text(path.read_text("utf-8") + "# 同事刚改的\n", encoding="utf-8")

    with pytest.raises(WriteRefused, match="changed on disk"):
        writer.apply(data_dir, change)
    assert (data_dir / "tasks.yaml").read_text("utf-8").endswith("# 同事刚改的\n")


def test_failed_write_leaves_the_file_intact(data_dir, monkeypatch):
    """A full disk (fsync fails) mid-write: the old file stays whole and no temp file is left."""
    path = data_dir / "tasks.yaml"
    before = path.read_bytes()

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(GkError, match="No space left on device.*unchanged"):
        writer.apply(data_dir, lambda doc: doc.set_field(5, "status", "done"))
    assert path.read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["leading_group.yaml", "tasks.yaml"]


def test_process_killed_mid_write_leaves_the_file_intact(data_dir):
    """A real process dies between writing the temporary file and the rename."""
    before = (data_dir / "tasks.yaml").read_bytes()
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from gkcli import writer\n"
        "real = os.replace\n"
        "def die(*a): os._exit(9)\n"
        "os.replace = die\n"
        "writer._exchange = die\n"
        f"writer.apply(Path({str(data_dir)!r}), lambda d: d.set_field(5, 'status', 'done'))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT)
    assert result.returncode == 9
    assert (data_dir / "tasks.yaml").read_bytes() == before


def test_invalid_result_raises_data_error(data_dir):
    with pytest.raises(DataError):
        writer.apply(data_dir, lambda doc: doc.set_field(5, "lead", "没有这个股"))


def test_two_processes_writing_at_once_lose_nothing(data_dir):
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from gkcli.cli import cli\n"
        "who = sys.argv[1]\n"
        "for i in range(50):\n"
        f"    r = CliRunner().invoke(cli, ['--data', {str(data_dir)!r}, 'note', '1', f'{{who}}-{{i}}'])\n"
        "    assert r.exit_code == 0, r.output\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, who], cwd=ROOT) for who in ("甲", "乙")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    gk = Gk(data_dir, today="2099-12-31")  # the notes are dated the real today
    notes = [n.split(" ", 1)[1] for n in gk.json("show", "1")["progress"]]
    assert sorted(notes) == sorted(f"{who}-{i}" for who in ("甲", "乙") for i in range(50))
    assert gk("check").exit_code == 0


def test_on_today_means_gks_today(gk):
    gk("done", "5", "--on", "今天")
    assert gk.json("show", "5")["done_on"] == "2021-06-20"


def test_a_new_table_starts_empty_and_grows(tmp_path):
    gk = table_of(tmp_path / "data", "offices: [{name: 办公室}]\ngroups: [{id: 1, title: 甲}]\ntasks:\n")
    assert "检查通过：0 项事项" in gk("check").output
    assert gk("add", "--group", "1", "--title", "第一项", "--lead", "办公室", "--deadline", "长期").exit_code == 0
    assert [r["title"] for r in gk.json("list")] == ["第一项"]
    assert gk("rm", "1", "--yes").exit_code == 0
    assert gk.tasks.read_text("utf-8").endswith("tasks: []\n")
    assert gk("check").exit_code == 0


def test_a_key_without_a_colon_is_refused_not_a_traceback(tmp_path):
    from gkcli.yamledit import TasksText

    doc = TasksText("offices: []\ngroups: []\ntasks:\n  - {id: 1, notes}\n")
    with pytest.raises(WriteRefused, match="edit it by hand"):
        doc.set_field(1, "notes", "新")
