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
    # gk --all: every table of the workspace
    "notice": ("文号", "Notice"),
    "by_notice": ("各文件情况", "By notice"),
    "ws_title": ("全部 {n} 个文件", "All {n} notices"),
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
    # gk --all: the workspace
    "ws_none": ("此处及上级目录都没有 data/（其中或其子目录应有 tasks.yaml）；请在表格所在的仓库中运行 gk，或用 --data 指定目录",
                "no data/ here or in any parent folder with tasks.yaml in it or in its sub-folders; "
                "run gk inside your tables' repository or pass --data DIR"),
    "ws_none_in": ("{path} 及其子目录中都没有 tasks.yaml（请检查 --data 或 GK_DATA）",
                   "no tasks.yaml in {path} or its sub-folders (check --data or GK_DATA)"),
    "ws_not_for": ("--all 不适用于 gk {command}；可用于：{commands}",
                   "--all does not apply to gk {command}; it works with: {commands}"),
    # gk import: refusals
    "import_missing": ("没有文件 {path}", "no file {path}"),
    "import_unreadable": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "import_empty": ("{path} 是空文件，没有可导入的内容", "{path} is empty: nothing to import"),
    "import_unknown_type": ("不认识的文件类型 {suffix}（{path}）：可导入 .docx、.doc、.wps、.txt、.xlsx、.csv",
                            "unknown file type {suffix} ({path}): gk imports .docx, .doc, .wps, .txt, .xlsx, .csv"),
    "import_encrypted": ("{path} 是加密（设了密码）的文件或旧版 Word 文件：请在 Word/WPS 中去掉密码并另存为 .docx",
                         "{path} is password-protected or an old Word file: remove the password and save it as .docx in Word/WPS"),
    "import_corrupt": ("无法读取 {path}：文件已损坏或不是 {kind} 文件", "cannot read {path}: the file is damaged or not a {kind} file"),
    "import_needs_package": ("导入此类文件需要 {package}：pip install {pip}", "importing this kind of file needs {package}: pip install {pip}"),
    "import_needs_soffice": ("无法直接读取 {suffix} 文件 {path}：请在 Word/WPS 中另存为 .docx 再导入（或安装 LibreOffice）",
                             "cannot read the {suffix} file {path}: save it as .docx in Word/WPS and import that (or install LibreOffice)"),
    "import_convert_failed": ("LibreOffice 未能转换 {path}：请在 Word/WPS 中另存为 .docx 再导入",
                              "LibreOffice could not convert {path}: save it as .docx in Word/WPS and import that"),
    "import_not_text": ("{path} 不是文本文件（应为 UTF-8 或 GB18030 编码）", "{path} is not a text file (UTF-8 or GB18030)"),
    "import_no_table": ("{path} 中没有找到任务分工表（表头应有 序号、工作任务/具体事项、牵头股室、完成时间 等栏）",
                        "no task table in {path} (its header row names columns such as 序号, 具体事项, 牵头股室, 完成时间)"),
    "import_no_items": ("任务分工表中没有具体事项", "the task table has no items"),
    "import_out_exists": ("{path} 已存在：gk import 不覆盖已有目录，请换一个 --out", "{path} exists: gk import never overwrites a folder; choose another --out"),
    "import_out_unwritable": ("无法创建 {path}：{reason}", "cannot create {path}: {reason}"),
    "import_needs_out": ("请用 --out DIR 指定新目录（或用 --dry-run 只看结果）", "give the new folder with --out DIR (or look first with --dry-run)"),
    # gk import: what it says
    "imp_summary": ("读出 {items} 项、{groups} 个工作任务、{offices} 个股室、{people} 人",
                    "Read {items} items, {groups} work tasks, {offices} offices, {people} people"),
    "imp_review_head": ("请核对（{n} 条）：", "To review ({n}):"),
    "imp_wrote": ("已写入 {path}", "Wrote {path}"),
    "imp_check_ok": ("gk check 通过", "gk check: ok"),
    "imp_check_failed": ("gk check 发现 {n} 个问题：文件已写入，请修改后运行 gk check", "gk check found {n} problems: the files are written; fix them and run gk check"),
    "imp_dry_check_failed": ("gk check 会发现 {n} 个问题", "gk check would find {n} problems"),
    "imp_dry_run": ("（--dry-run：未写入任何文件）", "(--dry-run: nothing written)"),
    # gk import: the review list
    "imp_where_line": ("第{line}行", "line {line}"),
    "imp_where_cell": ("表{table}第{row}行第{col}列", "table {table} row {row} column {col}"),
    "imp_group": ("“{name}”指所有股室：作为股室组合（members: all）", "{name} means every office: an office group (members: all)"),
    "imp_alias_bracket": ("{aliases} 作为 {office} 的简称", "{aliases} taken as short names of {office}"),
    "imp_alias_short": ("{alias} 作为 {office} 的简称", "{alias} taken as a short name of {office}"),
    "imp_alias_unsure": ("{name} 可能是 {offices} 之一的简称，未合并", "{name} may shorten one of {offices}; kept apart"),
    "imp_heads": ("{name} 负责 {office}（职务：{post}）", "{name} heads {office} (post: {post})"),
    "imp_heads_unknown": ("{name} 的职务提到 {unit}，但它不是已知股室：未填 office", "{name}'s post names {unit}, which is no known office: no office set"),
    "imp_attached_unknown": ("领导小组办公室挂靠的 {unit} 不是已知股室：未填 attached_to", "the group office is attached to {unit}, which is no known office: no attached_to set"),
    "imp_director_unknown": ("办公室主任 {name} 不在组成人员中：未填 director", "the office director {name} is not a member: no director set"),
    "imp_unplaced": ("未能放入任何字段：{text}", "not placed anywhere: {text}"),
    "imp_default_group": ("表中没有工作任务栏或标题行：各项都归入“{title}”", "the table has no work-task column or heading: every item goes under {title}"),
    "imp_inline": ("从事项末尾读出牵头/配合股室：{title}", "lead/assisting offices read from the end of the item: {title}"),
    "imp_filled_down": ("第{id}项的 {field} 为空，沿用上一项：{value}", "item {id} has no {field}; the one above is used: {value}"),
    "imp_several_leads": ("第{id}项有几个牵头股室：{lead} 作牵头，{others} 改为协办", "item {id} names several lead offices: {lead} leads, {others} assist"),
    "imp_no_lead": ("第{id}项没有牵头股室", "item {id} has no lead office"),
    "imp_group_leads": ("第{id}项的牵头是组合 {name}：请改为一个股室", "item {id} is led by the group {name}: name one office"),
    "imp_no_deadline": ("第{id}项没有完成时间", "item {id} has no deadline"),
    "imp_bad_deadline": ("第{id}项的完成时间“{deadline}”gk 读不懂：照原文保留，请改写（如 2021年6月底）",
                         "item {id}: gk cannot read the deadline {deadline}; kept as written, rewrite it (e.g. 2021年6月底)"),
    "imp_no_notice_field": ("没有找到通知的 {field}", "no {field} found in the notice"),
    "imp_other_table": ("另一张任务表未导入（每次导入一张）", "another task table was not imported (one per import)"),
    "imp_field.number": ("文号", "number"),
    "imp_field.issuer": ("发文机关", "issuer"),
    "imp_field.issued": ("印发日期", "issue date"),
    "imp_field.title": ("标题", "title"),
    "imp_field.table": ("表名", "table name"),
    "imp_field.group": ("领导小组名称", "leading group's name"),
    "imp_field.lead": ("牵头股室", "lead office"),
    "imp_field.deadline": ("完成时间", "deadline"),
    "imp_no_roster": ("没有领导小组附件：不写 leading_group.yaml", "no leading-group annex: leading_group.yaml is not written"),
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
