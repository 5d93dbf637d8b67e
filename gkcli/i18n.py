"""Words shown to the user: Chinese (the official table's headings) by default, English with --lang en."""

from __future__ import annotations

_WORDS: dict[str, tuple[str, str]] = {
    # the official table's columns
    "id": ("序号", "No."),
    "group": ("工作任务", "Work task"),
    "title": ("具体事项", "Item"),
    "lead": ("牵头股室", "Lead office"),
    "assist": ("协办股室", "Assisting offices"),
    "deadline": ("完成时间", "Deadline"),
    "state": ("状态", "State"),
    "status": ("进度", "Status"),
    "due_date": ("截止日期", "Due date"),
    "days": ("剩余/逾期天数", "Days left/over"),
    "days_over": ("逾期天数", "Days overdue"),
    "people": ("责任人", "Responsible"),
    "done_on": ("完成日期", "Done on"),
    "notes": ("备注", "Notes"),
    "progress": ("进展情况", "Progress"),
    "office": ("股室", "Office"),
    "role": ("组内职务", "Role"),
    "name": ("姓名", "Name"),
    "post": ("职务", "Post"),
    "heads": ("负责股室", "Heads office"),
    # derived states
    "state.overdue": ("已逾期", "overdue"),
    "state.due_soon": ("即将到期", "due soon"),
    "state.open": ("未到期", "open"),
    "state.ongoing": ("长期", "ongoing"),
    "state.done": ("已完成", "done"),
    # statuses as written
    "status.todo": ("未开始", "todo"),
    "status.doing": ("进行中", "doing"),
    "status.done": ("已完成", "done"),
    # roster roles
    "role.leader": ("组长", "leader"),
    "role.deputy": ("副组长", "deputy"),
    "role.member": ("成员", "member"),
    # office roles in an item
    "part.lead": ("牵头", "lead"),
    "part.assist": ("协办", "assist"),
    # words in sentences
    "none": ("无", "none"),
    "total": ("合计", "Total"),
    "as_of": ("截至", "As of"),
    "progress_bar": ("完成进度", "Progress"),
    "by_office": ("各牵头股室情况", "By lead office"),
    "overdue_items": ("已逾期事项", "Overdue items"),
    "due_soon_items": ("即将到期事项（{days}天内）", "Due within {days} days"),
    "nothing_overdue": ("没有逾期事项。", "Nothing is overdue."),
    "nothing_due_soon": ("近期没有到期事项。", "Nothing falls due soon."),
    "days_left_n": ("剩{n}天", "{n} days left"),
    "days_over_n": ("逾期{n}天", "{n} days over"),
    "due_today": ("今天到期", "due today"),
    "no_items": ("没有符合条件的事项。", "No items match."),
    "no_people": ("花名册中没有 {office} 的负责人。", "The roster names nobody for {office}."),
    "answers_for": ("{office} 的负责人", "Who answers for {office}"),
    "leading_group": ("领导小组", "Leading group"),
    "group_office": ("领导小组办公室挂靠{attached}，主任：{director}",
                     "Group office attached to {attached}, director: {director}"),
    "no_change": ("没有需要修改的内容。", "Nothing to change."),
    "written": ("已写入 {path}：{what}", "Wrote {path}: {what}"),
    "committed": ("已提交 {sha}：{message}", "Committed {sha}: {message}"),
    "undone": ("已撤销 “{subject}”（新提交 {sha}）", "Undid \"{subject}\" (new commit {sha})"),
    "rep.total": ("合计", "Total"),
    "rep.done": ("已完成", "Done"),
    "rep.on_time": ("按时", "On time"),
    "rep.late": ("超时", "Late"),
    "rep.overdue": ("逾期", "Overdue"),
    "rep.due_soon": ("临期", "Due soon"),
    "rep.ongoing": ("长期", "Ongoing"),
    "rep.rate": ("按时率", "Rate"),
    "by_group": ("各工作任务情况", "By work task"),
    "nothing_to_remind": ("没有逾期或即将到期的事项，无需提醒。", "Nothing overdue or due soon: no reminders."),
    "sheet": ("任务分工表", "Tasks"),
    "exported": ("已导出 {n} 项到 {path}", "Exported {n} items to {path}"),
    # punctuation and sentence shapes that differ between the languages
    "sep": ("：", ": "),
    "aside": ("（{text}）", " ({text})"),
    "state_days": ("{state}，{days}", "{state}, {days}"),
    "report_header": ("{title} · 截至 {period}", "{title} · As of {period}"),
    "xlsx_font": ("宋体", "Calibri"),
    "legend": ("◆ 完成时间  ✔ 完成日期  → 长期  │ 今天 {today}",
               "◆ deadline  ✔ done  → ongoing  │ today {today}"),
    # gk remind: the message pasted into WeChat
    "rem.office": ("【{office}】", "[{office}]"),
    "rem.people": ("{people}同志：", " {people}:"),
    "rem.source": ("《{title}》", "{title}"),
    "rem.date": ("{year}年{month}月{day}日", "{iso}"),
    "rem.intro": ("根据{source}，截至{date}，贵股室以下事项已逾期或即将到期，请抓紧推进，并及时反馈进展：",
                  "Under {source}, as of {date} these items are overdue or due soon; "
                  "please move them forward and report progress:"),
    "rem.item": ("{n}. [{part}] {id}号 {title}（完成时间：{deadline}，{days}）",
                 "{n}. [{part}] #{id} {title} (deadline {deadline}, {days})"),
    "rem.sender": ("{attached}（{office}）", "{office}"),
}


MESSAGES: dict[str, tuple[str, str]] = {
    # errors and refusals: GkError(key, **values) / Problem(..., key, values)
    "invalid_data": ("数据有误", "invalid data"),
    "date_without_day": ("{text} 不是完整日期（缺少年、月或日）；请写成 2021-06-30",
                         "{text} is not a whole date (a year, month or day is missing); write it as 2021-06-30"),
    # data safety (reading)
    "alias_bomb": ("别名（*）展开后超过 {limit} 个节点，gk 不读取这样的文件",
                   "aliases (*) expand to more than {limit} nodes; gk does not read such a file"),
    "too_deep": ("列表或映射嵌套超过 {limit} 层，gk 不读取这样的文件",
                 "lists or mappings nested more than {limit} levels deep; gk does not read such a file"),
    "too_big": ("{path}：文件有 {size} MB，超过 gk 的上限 {limit} MB",
                "{path}: the file is {size} MB, over gk's limit of {limit} MB"),
    # data safety (git)
    "git_in_progress": ("git 正在进行 {what}：请先完成或中止它（gk 不会替你中止），或不加 --commit 运行；"
                        "未写入任何内容",
                        "a git {what} is in progress: finish or abort it first (gk will not do it for "
                        "you), or run without --commit; nothing written"),
    "undo_in_progress": ("git 正在进行 {what}：请先完成或中止它（gk 不会替你中止）；未撤销任何内容",
                         "a git {what} is in progress: finish or abort it first (gk will not do it "
                         "for you); nothing undone"),
    "commit_failed_restored": ("git 提交失败：{detail}。gk 已把 {path} 恢复原样，什么都没有改变；"
                               "解决上述问题后再运行，或不加 --commit 运行",
                               "git commit failed: {detail}. gk put {path} back as it was, so nothing "
                               "changed; deal with that and run it again, or run without --commit"),
    "commit_failed_kept": ("git 提交失败：{detail}。{path} 已有 gk 的修改（文件在此期间又被改动，未恢复），"
                           "尚未提交；请查看 git status 后手工提交",
                           "git commit failed: {detail}. {path} holds gk's change (the file changed "
                           "again meanwhile, so gk left it), not committed; see git status and commit "
                           "it by hand"),
    "commit_differs": ("提交中的 {path} 与 gk 写入的内容不一致；请查看 git show HEAD",
                       "the committed {path} is not what gk wrote; look at git show HEAD"),
    "undo_not_exact": ("最后一次提交（{commit}）不只是 gk 对 tasks.yaml 的一次修改（可能已被 amend 或含有其他文件）；"
                       "未撤销",
                       "the last commit ({commit}) is not exactly one gk change to tasks.yaml "
                       "(amended, or it holds other files); nothing undone"),
    "export_not_a_file": ("{path} 不是普通文件、管道或字符设备；未写入",
                          "{path} is not a regular file, a pipe or a character device; nothing written"),
    "export_dangling_link": ("{path} 是指向不存在文件的链接；未写入", "{path} is a link to nothing; nothing written"),
    # data safety (writing)
    "unintended_change": ("这次写入会改动未要求改动的内容（{what}）；未写入任何内容，请手工编辑或检查文件",
                          "this write would change what gk was not asked to change ({what}); nothing "
                          "written: edit it by hand, or check the file"),
    "line_break_refused": ("{what} 含有换行：gk 只写一行文字，不会悄悄合并换行；请写成一行（多行请手工编辑文件）",
                           "{what} holds a line break: gk writes one-line text and never joins lines "
                           "silently; write it on one line (edit the file by hand for several lines)"),
    "changed_on_disk": ("{path} 在 gk 工作时被改动；未写入任何内容，请再运行一次",
                        "{path} changed on disk while gk was working; nothing written, run it again"),
    "changed_on_disk_kept": ("{path} 在 gk 写入的同一瞬间被其他程序连续替换；被替换下的版本保存在 {kept}，"
                             "请对照检查",
                             "{path} was replaced by other programs again and again at the moment gk "
                             "wrote it; the version it displaced is kept as {kept}: compare the two"),
    "being_written": ("{path} 正被其他程序写入（复制或同步尚未完成？）；未写入任何内容，等它完成后再运行",
                      "{path} is being written by another program (a copy or a sync still running?); "
                      "nothing written, run it again when that is done"),
    "not_a_regular_file": ("{path} 不是普通文件；未写入任何内容", "{path} is not a regular file; nothing written"),
    "read_only": ("{path} 是只读文件；未写入任何内容（需要修改请先允许写入）",
                  "{path} is read-only; nothing written (make it writable first if the change is wanted)"),
    "line_break_in_value": ("gk 不在文字中写入换行：请写成一行（多行文字请手工编辑文件）",
                            "gk does not write line breaks into a value: write it on one line "
                            "(edit the file by hand for several lines)"),
    "odd_line_break": ("{path}：含有特殊换行符（U+0085、U+2028 或 U+2029），请手工编辑",
                       "{path}: holds an unusual line break (U+0085, U+2028 or U+2029); edit it by hand"),
    "anchor_edit_by_hand": ("{path}:{line}：{what} 用了锚点（&）、别名（*）或标签（!!），gk 不改这样的内容；请手工编辑",
                            "{path}:{line}: {what} uses an anchor (&), alias (*) or tag (!!), which gk "
                            "does not edit; edit it by hand"),
}


class Words:
    """Everything gk says, in the language chosen once at start-up (``--lang``)."""

    def __init__(self, lang: str = "zh"):
        self.lang = lang
        self._index = 1 if lang == "en" else 0

    def __call__(self, key: str, **values: object) -> str:
        text = _WORDS[key][self._index]
        return text.format(**values) if values else text

    def state(self, state: str) -> str:
        return self(f"state.{state}")

    def status(self, status: str) -> str:
        return self(f"status.{status}")

    def days(self, days_left: int | None) -> str:
        """剩5天 / 逾期3天 / 今天到期 / — for an ongoing item."""
        if days_left is None:
            return "—"
        if days_left == 0:
            return self("due_today")
        if days_left < 0:
            return self("days_over_n", n=-days_left)
        return self("days_left_n", n=days_left)

    def ordinal(self, n: int) -> str:
        """一、 二、 … for Chinese headings (as the notice numbers its work tasks); 1. 2. … in English."""
        if self.lang == "en" or not 0 < n < 100:
            return f"{n}. "
        digits = "零一二三四五六七八九"
        tens, ones = divmod(n, 10)
        text = (digits[tens] if tens > 1 else "") + ("十" if tens else "") + (digits[ones] if ones else "")
        return text + "、"

    def message(self, key: str, values: dict | None = None) -> str:
        """A catalogue message; a key not in the catalogue is literal text (shown as given)."""
        entry = MESSAGES.get(key)
        if entry is None:
            return key
        text = entry[self._index]
        return text.format(**values) if values else text
