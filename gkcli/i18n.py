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
    # merging (gk merge-file, gk sync) and the conflicts a merge leaves for gk check
    "conflict_item": ("第{who}项：{field} 两边都改了：{ours} / {theirs}（我方 / 对方；定下后删去 conflict 中这一行）",
                      "item {who}: {field} changed on both sides: {ours} / {theirs} "
                      "(ours / theirs; settle it and delete this line of conflict)"),
    "conflict_member": ("成员 {who}：{field} 两边都改了：{ours} / {theirs}（我方 / 对方；定下后删去 conflict 中这一行）",
                        "member {who}: {field} changed on both sides: {ours} / {theirs} "
                        "(ours / theirs; settle it and delete this line of conflict)"),
    "conflict_file": ("{field} 两边都改了：{ours} / {theirs}（我方 / 对方；定下后删去 conflict 中这一行）",
                      "{field} changed on both sides: {ours} / {theirs} "
                      "(ours / theirs; settle it and delete this line of conflict)"),
    "conflict_item_removed": ("第{who}项：一边删除了，另一边修改了；保留就删去 conflict，不要就删去这一项",
                              "item {who}: removed on one side and changed on the other; "
                              "delete conflict to keep it, or delete the item"),
    "conflict_member_removed": ("成员 {who}：一边删除了，另一边修改了；保留就删去 conflict，不要就删去此人",
                                "member {who}: removed on one side and changed on the other; "
                                "delete conflict to keep them, or delete them"),
    "conflict_file_removed": ("一边删除了，另一边修改了", "removed on one side and changed on the other"),
    "merge_renumbered": ("第{old}项两边都新增了：对方的那项改为第{new}项",
                         "item {old} was added on both sides: theirs is now item {new}"),
    "merge_conflicts": ("{path}：{n}处冲突写在 conflict 中，改好前 gk 命令会拒绝工作；运行 gk check 查看",
                        "{path}: {n} conflict(s) written under conflict:; run gk check to see them"),
    "merge_fallback": ("{path}：无法按事项合并（{reason}），已按行合并：请处理文件中的冲突标记",
                       "{path}: cannot merge by item ({reason}); merged by line: settle the conflict markers"),
    "merge_fallback_clean": ("{path}：无法按事项合并（{reason}），已按行合并，没有冲突标记：gk check 通过后再提交",
                             "{path}: cannot merge by item ({reason}); merged by line without "
                             "conflict markers: commit once gk check passes"),
    "merge_shape": ("这种写法 gk 无法逐项修改：{detail}", "a layout gk cannot edit item by item: {detail}"),
    "merge_problems": ("{path}：合并结果有 {n} 个问题，运行 gk check 查看",
                       "{path}: the merged file has {n} problem(s); run gk check"),
    "setup_config": ("已在 .git/config 登记 {key}", "Set {key} in .git/config"),
    "setup_attributes": ("已在 {path} 加入 {lines}（请提交它，别的副本也就用上了）",
                         "Added {lines} to {path} (commit it so every clone uses it)"),
    "setup_nothing": ("合并驱动已登记，无需改动", "The merge driver is already set up; nothing changed"),
    "driver_missing": ("提示：本仓库有远程仓库，但未登记 gk 的合并驱动；运行 gk setup-git",
                       "note: this repository has a remote but gk's merge driver is not set up; "
                       "run gk setup-git"),
    "git_missing": ("没有安装 git", "git is not installed"),
    "git_failed": ("git {what} 失败：{detail}", "git {what} failed: {detail}"),
    "rev_unknown": ("没有这个版本：{rev}", "no such revision: {rev}"),
    "rev_no_file": ("版本 {rev} 中没有 {path}（用 --data 指明数据目录）",
                    "{rev} has no {path} (name the data folder with --data)"),
    "rev_not_utf8": ("{path}：不是 UTF-8（第{byte}字节）", "{path}: not UTF-8 (byte {byte})"),
    "sync_no_repo": ("{path} 不在 git 仓库中，无从同步", "{path} is not in a git repository: nothing to sync"),
    "sync_no_remote": ("仓库没有远程仓库：先 git remote add origin 地址",
                       "the repository has no remote: git remote add origin URL first"),
    "sync_busy": ("仓库里有未完成的合并或变基：先完成它（gk 不会替你中止）",
                  "a merge or rebase is in progress: finish it first (gk will not abort it)"),
    "sync_detached": ("当前不在任何分支上：先 git switch 到一个分支",
                      "not on a branch: git switch to one first"),
    "sync_dirty": ("有未提交的修改：{path}；先提交（git commit）或撤销，再同步",
                   "uncommitted changes in {path}: commit or discard them, then sync"),
    "sync_fetch_failed": ("从 {remote} 拉取失败：{detail}", "fetching from {remote} failed: {detail}"),
    "sync_push_failed": ("推送到 {remote} 失败：{detail}（再运行一次 gk sync）",
                         "pushing to {remote} failed: {detail} (run gk sync again)"),
    "sync_merge_failed": ("合并失败：{detail}", "the merge failed: {detail}"),
    "sync_pulled": ("已拉取{n}项更改", "Pulled {n} change(s)"),
    "sync_pushed": ("已推送{n}项提交到 {remote}", "Pushed {n} commit(s) to {remote}"),
    "sync_up_to_date": ("已是最新", "Already up to date"),
    "sync_driver": ("{text}", "{text}"),
    "sync_conflict": ("冲突：{problem}", "conflict: {problem}"),
    "sync_conflict_other": ("冲突：{path}（不是数据文件，按 git 的办法处理）",
                            "conflict: {path} (not a data file: settle it the git way)"),
    "sync_next_merge": ("下一步：在文件中定下冲突的取值，gk check 通过后 git add {paths} && git commit",
                        "next: settle the conflicts in the file; when gk check passes, "
                        "git add {paths} && git commit"),
    "sync_next_rebase": ("下一步：在文件中定下冲突的取值，gk check 通过后 git add {paths} && git rebase --continue",
                         "next: settle the conflicts in the file; when gk check passes, "
                         "git add {paths} && git rebase --continue"),
    "sync_conflict_stop": ("同步因冲突停下", "sync stopped at a conflict"),
    "conflict_empty": ("conflict 已空：把 conflict 这一行也删去", "conflict is empty: delete the conflict line too"),
    "conflict_bad": ("conflict 应为“字段: 对方的值”的列表", "conflict must map fields to their values"),
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
