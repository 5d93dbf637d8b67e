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
    "days_late": ("超时天数", "Days late"),
    "punctual": ("按时/超时", "On time/late"),
    "sheet_flat": ("排序筛选", "Sort and filter"),
    "xlsx_title": ("{title}　截至 {date}", "{title} as of {date}"),
    "xlsx_title_notices": ("{numbers}任务分工汇总表", "Tasks of {numbers}"),
    "xlsx_title_more": ("{numbers}等{n}个文件任务分工汇总表", "Tasks of {numbers} and {more} more notices"),
    "xlsx_footer": ("第 &P 页，共 &N 页", "Page &P of &N"),
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
    # documents: the 通报 and the 催办通知单 (docx_report.py)
    "doc.bulletin_title": ("关于{table}进展情况的通报", "Progress report on {table}"),
    "doc.as_of": ("（截至{day}）", "(as of {day})"),
    "doc.period": ("（统计期间：{start}至{end}）", "(period: {start} to {end})"),
    "doc.when_as_of": ("截至{day}", "as of {day}"),
    "doc.when_period": ("{start}至{end}期间", "from {start} to {end}"),
    "doc.scope": ("确定事项", "items"),
    "doc.scope_period": ("涉及事项", "items in the period"),
    "doc.opening": ("根据{source}，{when}，{figures}现将有关情况通报如下。",
                    "Under {source}, {when}: {figures} The details follow."),
    "doc.by_office": ("各牵头股室完成情况", "By lead office"),
    "doc.overdue": ("逾期事项", "Overdue items"),
    "doc.office_count": ("{office}（{n}项）", "{office} ({n})"),
    "doc.due_soon": ("即将到期事项（{days}天内）", "Due within {days} days"),
    "doc.led_by": ("，{office}牵头", "; led by {office}"),
    "doc.item_line": ("{title}（第{id}项，完成时间：{deadline}{lead}，{days}）。",
                      "{title} (item {id}; deadline {deadline}{lead}; {days})."),
    "doc.annex_line": ("附件：{table}进展情况表", "Annex: progress of {table}"),
    "doc.annex": ("附件", "Annex"),
    "doc.annex_title": ("{table}进展情况表", "Progress of {table}"),
    "doc.urge_title": ("催办通知单", "Reminder notice"),
    "doc.addressee_people": ("{office}{people}同志：", "To {people}, {office}:"),
    "doc.addressee": ("{office}：", "To {office}:"),
    "doc.urge_body": ("根据{source}，截至{day}，{you}牵头或协办的以下{n}项事项已逾期或即将到期，"
                      "请抓紧推进：",
                      "Under {source}, as of {day} the {n} items below, which {you} leads "
                      "or assists, are overdue or due soon; please move them forward:"),
    "doc.part": ("职责", "Part"),
    "doc.days": ("逾期/剩余天数", "Days over/left"),
    "doc.latest": ("最新进展", "Latest progress"),
    "doc.no_progress": ("暂无", "none yet"),
    "doc.reply_by": ("请于{day}前将办理进展情况书面反馈{sender}。",
                     "Please report progress in writing to {sender} by {day}."),
    "doc.us": ("我们", "us"),
    "doc.saved": ("已生成 {path}", "Wrote {path}"),
    "doc.sub": ("（{n}）", "({n}) "),
    "doc.source": ("《{title}》", "{title}"),
    # gk summary (summary_text.py)
    "sum.heading": ("《{title}》进展情况（截至{date}）：", "Progress of {title}, as of {date}:"),
    "sum.occurrences": ("周期性事项应办{due}次，按时{on_time}次，超时{late}次，未完成{missed}次。",
                        " Recurring items: {due} occurrences due, {on_time} on time, {late} late,"
                        " {missed} missed."),
    "sum.figures": ("{scope}{total}项，已完成{done}项，占{pct}；按时完成{on_time}项；{overdue}。",
                    "{total} {scope}; {done} done ({pct}), {on_time} on time; {overdue}."),
    "sum.overdue": ("逾期{n}项，涉及{offices}", "{n} overdue, led by {offices}"),
    "sum.no_overdue": ("无逾期事项", "nothing overdue"),
    "sum.id": ("{id}", "#{id}"),
    "sum.ids": ("{ids}号", "{ids}"),
    "sum.list_sep": ("、", ", "),
    "sum.parts_sep": ("；", "; "),
    "sum.more_items": ("等{n}项", " and {rest} more"),
    "sum.more_offices": ("等{n}个股室", " and {rest} more"),
    "sum.overdue_office": ("{office}{n}项（{ids}）", "{office} {n} ({ids})"),
    "sum.more_office_parts": ("另有{n}个股室", "{n} more offices"),
    "sum.overdue_line": ("逾期：{parts}。", "Overdue: {parts}."),
    "sum.due_soon": ("{days}天内到期{n}项：{ids}。", "Due within {days} days: {n} ({ids})."),
    "sum.since": ("{start}以来：{done}；{fell}。", "Since {start}: {done}; {fell}."),
    "sum.done_n": ("完成{n}项（{ids}）", "{n} done ({ids})"),
    "sum.done_none": ("无新完成事项", "nothing done"),
    "sum.fell_n": ("新增逾期{n}项（{ids}）", "{n} fell overdue ({ids})"),
    "sum.fell_none": ("无新增逾期", "nothing fell overdue"),
    "punct.on_time": ("按时", "on time"),
    "punct.late": ("超时", "late"),
    "sum.of_them_late": ("，其中超时{ids}", ", {ids} late"),
    "sum.done_all": ("已完成：{ids}。", "Done: {ids}."),
    # the calendar (ics.py) and the page (html_page.py)
    "ics.summary": ("{id}号 {title}", "#{id} {title}"),
    "ics.done_prefix": ("【已完成】", "[done] "),
    "ics.source": ("文件", "Notice"),
    "html.lang": ("zh-CN", "en"),
    "html.timeline": ("时间轴", "Timeline"),
    "html.legend": ("◆ 完成时间　✔ 完成日期　▶ 长期　┃ 今天 {today}",
                    "◆ deadline  ✔ done  ▶ ongoing  ┃ today {today}"),
    "html.items": ("全部事项", "All items"),
    "html.footer": ("由 gk {version} 生成。数据以 JSON 嵌在本页（#gk-data）中。",
                    "Made by gk {version}. The data is embedded in this page as JSON (#gk-data)."),
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
    "days_left_1": ("剩1天", "1 day left"),
    "days_over_1": ("逾期1天", "1 day over"),
    "due_today": ("今天到期", "due today"),
    "no_items": ("没有符合条件的事项。", "No items match."),
    "no_people": ("花名册中没有 {office} 的负责人。", "The roster names nobody for {office}."),
    "answers_for": ("{office} 的负责人", "Who answers for {office}"),
    "person_answers": ("{name} 负责的股室", "What {name} answers for"),
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
    "rep.overdue": ("已逾期", "Overdue"),
    "rep.due_soon": ("即将到期", "Due soon"),
    "rep.open": ("未到期", "Open"),
    "rep.undated": ("未注明日期", "Undated"),
    "rep.ongoing": ("长期", "Ongoing"),
    "rep.rate": ("按时率", "Rate"),
    "since_after_today": ("{since} 晚于今天（{today}）", "{since} is after today ({today})"),
    "by_occurrence": ("周期性事项（按次计）", "Recurring items (per occurrence)"),
    "occ.n_due": ("应办次数", "Due"),
    "occ.n_on_time": ("按时", "On time"),
    "occ.n_late": ("超时", "Late"),
    "occ.n_missed": ("未完成", "Missed"),
    "by_group": ("各工作任务情况", "By work task"),
    # gk --all: every table of the workspace
    "notice": ("文号", "Notice"),
    "by_notice": ("各文件情况", "By notice"),
    "ws_title": ("全部 {n} 个文件", "All {n} notices"),
    # gk --all status: notices whose due-soon windows differ, each window with its notices
    "ws_due_soon_items": ("即将到期事项（{windows}）", "Due soon ({windows})"),
    "ws_soon_days": ("{notices} {days}天内", "{notices} within {days} days"),
    "ws_soon_workdays": ("{notices} {days}个工作日内", "{notices} within {days} working days"),
    "ws_more": ("{notices}等 {n} 个文件", "{notices} and others ({n} notices)"),
    "nothing_to_remind": ("没有逾期或即将到期的事项，无需提醒。", "Nothing overdue or due soon: no reminders."),
    "sheet": ("任务分工表", "Tasks"),
    "exported": ("已导出 {n} 项到 {path}", "Exported {n} items to {path}"),
    # punctuation and sentence shapes that differ between the languages
    "sep": ("：", ": "),
    "list_sep": ("、", ", "),
    "aside": ("（{text}）", " ({text})"),
    "state_days": ("{state}，{days}", "{state}, {days}"),
    "report_header": ("{title} · 截至 {period}", "{title} · As of {period}"),
    "report_period": ("{title} · 统计期间 {since} 至 {until}", "{title} · {since} to {until}"),
    "xlsx_font": ("宋体", "Calibri"),
    "legend": ("◆ 完成时间  ━ 已逾期  ═ 已完成（✔ 按时 ✘ 超时）  ─ 未到期  → 长期  │ 今天 {today}",
               "◆ deadline  ━ overdue  ═ done (✔ on time ✘ late)  ─ open  → ongoing  │ today {today}"),
    # gk remind: the message pasted into WeChat
    "rem.office": ("【{office}】", "[{office}]"),
    "rem.people": ("{people}同志：", " {people}:"),
    "rem.nobody": ("负责同志：", " to whom it may concern:"),
    "rem.you.office": ("贵股室", "your office"),
    "rem.you.unit": ("贵单位", "your unit"),
    "rem.note": ("　　最新进展：“{note}”", "    latest progress: \"{note}\""),
    "rem.source": ("《{title}》", "{title}"),
    "rem.numbers": ("{numbers}文件", "notices {numbers}"),
    "rem.deadline_by": ("{text}（{date}前）", "{text} (by {date})"),
    "rem.date": ("{year}年{month}月{day}日", "{iso}"),
    "rem.intro": ("根据{source}，截至{date}，{you}以下事项已逾期或即将到期，请抓紧推进，并及时反馈进展：",
                  "Under {source}, as of {date} these items of {you} are overdue or due soon; "
                  "please move them forward and report progress:"),
    "rem.item": ("【{part}】{id}号 {title}（完成时间：{deadline}，{days}）",
                 "[{part}] #{id} {title} (deadline {deadline}, {days})"),
    "rem.sender": ("{attached}（{office}）", "{attached} ({office})"),
    # the table over time
    "on_time": ("按时", "on time"),
    "late_n": ("超时{n}天", "{n} days late"),
    "done_how": ("已完成（{how}）", "done ({how})"),
    "rep.extended": ("延期", "Extended"),
    "extensions": ("延期", "Extensions"),
    "original_deadline": ("原定完成时间", "Original deadline"),
    "extension_line": ("{on} 由 {source} 延至 {to}（{reason}）{by}",
                       "{on}: {source} → {to} ({reason}){by}"),
    "deadline_in_force": ("现行完成时间", "Deadline in force"),
    "extension_late": ("，晚于当时的现行完成时间才办理，不计入，仍按现行完成时间考核",
                       "; granted after the deadline then in force, not counted"),
    "since_meeting": ("自上次会议（{day}）以来：完成 {done} 项，新增逾期 {overdue} 项",
                      "Since the last meeting ({day}): {done} done, {overdue} newly overdue"),
    "due_on": ("完成时间 {day}", "deadline {day}"),
    "changes_header": ("{since} — {until} 的变化", "Changes {since} — {until}"),
    "no_changes": ("这段时间没有变化。", "Nothing changed in this period."),
    "uncommitted": ("未提交", "uncommitted"),
    "log_header": ("第{id}项 {title}", "Item {id} {title}"),
    "log_facts": ("有日期的记录", "Dated facts"),
    "log_changes": ("修改记录", "Changes"),
    "log_none": ("历史中没有这项的修改记录。", "No recorded changes to this item."),
    "kind.added": ("新增", "added"),
    "kind.removed": ("删除", "removed"),
    "kind.started": ("开始", "started"),
    "kind.done": ("完成", "done"),
    "kind.reopened": ("重新打开", "reopened"),
    "kind.deadline": ("完成时间", "deadline"),
    "kind.extended": ("延期", "extended"),
    "kind.lead": ("牵头股室", "lead"),
    "kind.assist": ("协办股室", "assist"),
    "kind.title": ("事项内容", "title"),
    "kind.note": ("进展", "note"),
    "kind.overdue": ("逾期", "overdue"),
    "kind.due_soon": ("即将到期", "due soon"),
    "kind.group": ("工作任务", "work task"),
    "kind.note_removed": ("删去进展", "note removed"),
    "kind.extension_removed": ("删去延期", "extension removed"),
    "kind.status": ("进度", "status"),
    "kind.notes": ("备注", "notes"),
    "date": ("日期", "Date"),
    "change": ("变化", "Change"),
    "commit": ("提交", "Commit"),
    "author": ("作者", "Author"),
    # the official calendar, recurring deadlines and reporting cycles
    "workdays_left_n": ("剩{n}个工作日", "{n} working days left"),
    "due_soon_items_workdays": ("即将到期事项（{days}个工作日内）", "Due within {days} working days"),
    "start": ("起算日期", "Start"),
    "occurrences": ("各期完成情况", "Occurrences"),
    "occ.on_time": ("按时完成", "done on time"),
    "occ.late": ("超时完成", "done late"),
    "occ.missed": ("未完成（已逾期）", "missed"),
    "occ.pending": ("待完成", "to do"),
    "occ.line": ("{label}期（{due}前）：{state}{done}", "{label} (due {due}): {state}{done}"),
    "occ.done_on": ("，{on}完成", ", done {on}"),
    "reports": ("报送情况", "Reports"),
    "rpt.what": ("报送事项", "Report"),
    "rpt.cycle": ("期次", "Cycle"),
    "rpt.due": ("报送时限", "Due"),
    "rpt.reported_on": ("报送日期", "Reported on"),
    "rpt.on_time": ("按时报送", "on time"),
    "rpt.late": ("超时报送", "late"),
    "rpt.missing": ("逾期未报送", "missing"),
    "rpt.pending": ("本期未报送", "not yet reported"),
    "rpt.heading": ("{what}（{cycle}期，{due}前报送{to}）", "{what} ({cycle}, due {due}{to})"),
    "rpt.to": ("{to}", " to {to}"),
    "rpt.day": ("{month}月{day}日", "{iso}"),
    "rpt.join": ("；", "; "),
    "rpt.remind_intro": ("根据{source}，截至{date}，请按要求报送以下材料：",
                         "Under {source}, as of {date}, please send these reports:"),
    "rpt.all_in": ("本期均已报送", "all reported this cycle"),
    "rpt.rate": ("按时报送率", "On-time report rate"),
    "rpt.count_on_time": ("按时", "On time"),
    "rpt.count_late": ("超时", "Late"),
    "rpt.count_missing": ("未报", "Missing"),
    "rpt.remind_head": ("请按要求报送以下材料：", "Please send these reports:"),
    "rpt.remind_missing": ("{what}（{cycle}期，应于{due}前报送{to}，已逾期{n}天）",
                           "{what} ({cycle}, due {due}{to}, {n} days over)"),
    "rpt.remind_pending": ("{what}（{cycle}期，请于{due}前报送{to}）",
                           "{what} ({cycle}, due {due}{to})"),
    "rpt.none": ("没有报送要求（tasks.yaml 中无 reporting:）。", "No reporting declared (no reporting: in tasks.yaml)."),
    "recorded_report": ("已记录 {office} 的{what}（{cycle}期）", "Recorded {office}'s {what} ({cycle})"),
}


MESSAGES: dict[str, tuple[str, str]] = {
    # errors and refusals: GkError(key, **values) / Problem(..., key, values)
    "invalid_data": ("数据有误", "invalid data"),
    "warning": ("提醒：{text}", "warning: {text}"),
    "more_problems": ("（另有 {n} 处问题，运行 gk check 查看）", " (and {n} more; run gk check)"),
    "more_problems_all": ("（另有 {n} 处问题，运行 gk --all check 查看）",
                          " (and {n} more; run gk --all check)"),
    "no_item": ("没有第 {id} 项（用 gk list 查看全部事项）", "no item {id} (see gk list)"),
    # where a problem is: parts of messages
    "where.item": ("第 {id} 项", "item {id}"),
    "where.item_line": ("第 {line} 行的事项", "item on line {line}"),
    "where.member_line": ("第 {line} 行的成员", "member on line {line}"),
    "where.field": ("{where}的 {field}", "{where}: {field}"),
    # gk check
    "check_ok": ("检查通过：{items} 项事项，{groups} 项工作任务，{people} 人",
                 "ok: {items} items, {groups} work tasks, {people} people"),
    "check_ok_in": ("{path}：检查通过：{items} 项事项，{groups} 项工作任务，{people} 人",
                    "{path}: ok: {items} items, {groups} work tasks, {people} people"),
    "check_warnings": ("另有 {n} 条提醒（不影响使用，建议核对）",
                       "{n} warnings (gk works all the same; worth a look)"),
    "warn.deadline_before_notice": ("第 {id} 项的完成时间 {deadline} 早于通知印发日期 {issued}",
                                    "item {id}: deadline {deadline} is before the notice was issued ({issued})"),
    "warn.done_in_future": ("第 {id} 项的完成日期 {day} 晚于今天（{today}）",
                            "item {id}: done_on {day} is after today ({today})"),
    "warn.assist_covered": ("第 {id} 项的协办股室 {office} 已包含在旁边的 {group} 中",
                            "item {id}: assisting office {office} is already covered by {group} beside it"),
    "warn.nobody_heads": ("{office} 牵头 {n} 项事项，但领导小组名单中没有人负责它",
                          "{office} leads {n} items but nobody in the roster heads it"),
    "warn.no_roster": ("没有 leading_group.yaml：不知道各股室由谁负责（gk who、提醒中不会有责任人）",
                       "no leading_group.yaml: gk cannot tell who answers for an office"),
    # finding and reading the files
    "no_tasks_in": ("{path} 中没有 tasks.yaml（请检查 --data 或 GK_DATA）",
                    "no tasks.yaml in {path} (check --data or GK_DATA)"),
    "no_data_dir": ("当前文件夹及其上级都没有 data/tasks.yaml；请在任务分工表所在的仓库中运行 gk，"
                    "或用 --data 目录 指定（也可设置 GK_DATA）",
                    "no data/tasks.yaml here or in any parent folder; run gk inside your table's "
                    "repository or pass --data DIR (or set GK_DATA)"),
    "only_notices": ("{path} 里是各个通知的表格（{names}），没有总表：用 gk --all 看全部，"
                     "或进入其中一个文件夹、用 --data {first} 指定",
                     "{path} holds one table per notice ({names}) and no main table: use gk --all "
                     "for all of them, or go into one's folder or pass --data {first}"),
    "cannot_read": ("{path}：无法读取（{reason}）", "{path}: cannot read: {reason}"),
    "not_utf8_gbk": ("{path}：文件似乎是 GBK 编码，请另存为 UTF-8",
                     "{path}: the file seems to be GBK (ANSI) encoded; save it as UTF-8"),
    "not_utf8": ("{path}：不是 UTF-8 编码（第 {byte} 字节），请另存为 UTF-8",
                 "{path}: not UTF-8 (byte {byte}); save it as UTF-8"),
    "file_empty": ("文件是空的", "the file is empty"),
    # YAML syntax, in plain words with the fix
    "conflict_marker": ("有未解决的 git 冲突标记：请先完成合并（保留要的内容，删去 <<<<<<< ======= >>>>>>> 行）",
                        "git conflict marker: finish the merge first"),
    "yaml.colon_space": ("冒号后面缺少空格：应写成“{key}: {value}”",
                         "a colon needs a space after it: write \"{key}: {value}\""),
    "yaml.colon_in_value": ("这一行的内容里有英文冒号加空格“: ”：请改用中文冒号“：”，或给整段文字加上引号",
                            "the text on this line contains ': ' (colon and space): use the full-width "
                            "colon '：' or put the whole text in quotes"),
    "yaml.tab": ("缩进里有 Tab 字符：请改用空格", "a tab in the indentation: use spaces"),
    "yaml.indent": ("缩进不对：同一层的字段要上下对齐，列表项以“- ”开头",
                    "the indentation is off: fields at one level line up, list items start with '- '"),
    "yaml.quote": ("引号没有配对：检查这一行的引号", "a quote is not closed: check the quotes on this line"),
    "yaml.syntax": ("YAML 格式错误（{detail}）：检查这一行及上一行的冒号、缩进和引号",
                    "YAML syntax ({detail}): check the colons, indentation and quotes here and on the line above"),
    "yaml.other": ("YAML 无法读取：{detail}", "YAML: {detail}"),
    # validation
    "cannot_read_value": ("无法读取这个值：{detail}", "cannot read value: {detail}"),
    "must_be_mapping": ("{where} 应为“字段: 值”的形式", "{where} must be a mapping of fields"),
    "field_names_words": ("{where}：字段名应为普通文字", "{where}: field names must be plain words"),
    "duplicate_field": ("{where}：字段 {key} 重复（第一次在第 {line} 行）",
                        "{where}: duplicate field {key} (first on line {line})"),
    "unknown_field": ("{where}：未知字段 {key}", "{where}: unknown field {key}"),
    "unknown_field_hint": ("{where}：未知字段 {key}（是不是 {hint}？）",
                           "{where}: unknown field {key} (did you mean {hint}?)"),
    "missing_field": ("{where}：缺少字段 {key}", "{where}: missing field {key}"),
    "must_be_list": ("{where} 应为列表", "{where} must be a list"),
    "must_be_text": ("{where} 应为文字", "{where} must be text"),
    "is_empty": ("{where} 是空的", "{where} is empty"),
    "must_be_integer": ("{where} 应为整数", "{where} must be a whole number"),
    "must_be_positive": ("{where} 应为正整数", "{where} must be a positive number"),
    "must_not_be_negative": ("{where} 不能是负数", "{where} must not be negative"),
    "must_be_bool": ("{where} 只能是 true 或 false", "{where} must be true or false"),
    "must_be_date": ("{where} 应为日期，如 2021-06-30", "{where} must be a date like 2021-06-30"),
    "office_name_twice": ("股室名称 {name} 重复（第一次在第 {line} 行）",
                          "office name {name} is used twice (first on line {line})"),
    "group_named_as_office": ("股室组合 {name} 与某个股室同名", "office group {name} has the name of an office"),
    "duplicate_group_id": ("工作任务编号 {id} 重复", "duplicate work task id {id}"),
    "one_office_not_group": ("{where} 只能是一个股室，不能是股室组合 {name}",
                             "{where} must be one office, not the group {name}"),
    "duplicate_id": ("序号 {id} 重复（另见第 {line} 行）", "duplicate id {id} (also on line {line})"),
    "unknown_group": ("{where}：没有编号为 {id} 的工作任务", "{where}: unknown group {id}"),
    "field_error": ("{where}：{detail}", "{where}: {detail}"),
    "bad_status": ("{where}：状态 {word} 无法识别（可用 未开始、进行中、已完成，或 todo、doing、done）",
                   "{where}: bad status {word} (use todo, doing or done; 未开始, 进行中, 已完成)"),
    "done_on_not_done": ("{where}：填了 done_on（完成日期），但状态是 {status}",
                         "{where}: done_on is set but status is {status}"),
    "bad_role": ("角色 {word} 无法识别（可用 组长、副组长、成员，或 leader、deputy、member）",
                 "bad role {word} (use leader, deputy, member; 组长, 副组长, 成员)"),
    "director_not_member": ("领导小组办公室主任 {name} 不在成员名单中",
                            "group office director {name} is not in members"),
    "person_heads": ("{who} 负责的股室：{detail}", "{who} heads {detail}"),
    # offices
    "unknown_office": ("未知股室 {name}", "unknown office {name}"),
    "unknown_office_hint": ("未知股室 {name}（是不是 {hint}？）", "unknown office {name} (did you mean {hint}?)"),
    "group_not_office": ("{name} 是股室组合，请指定一个股室", "{name} is a group of offices; name one office"),
    "unknown_who": ("{name} 既不是股室，也不在领导小组名单中", "{name} is neither an office nor a person in the roster"),
    "unknown_who_hint": ("{name} 既不是股室，也不在领导小组名单中（是不是 {hint}？）",
                         "{name} is neither an office nor a person in the roster (did you mean {hint}?)"),
    # options on the command line
    "no_such_office": ("没有这个股室", "no such office"),
    "no_such_office_hint": ("没有这个股室（是不是 {hint}？）", "no such office (did you mean {hint}?)"),
    "no_such_group": ("没有这个编号的工作任务", "no work task with this id"),
    "option_value": ("{option} {value}：{detail}", "{option} {value}: {detail}"),
    "rm_confirm": ("删除以上 {n} 项？", "Remove {n} item(s)?"),
    "confirm_suffix": ("（y 确认 / N 取消）[y/N] ", " [y/N] "),
    "xlsx_needs_file": ("xlsx 只能写入文件：用 --export 文件名.xlsx（或 --export -）",
                        "xlsx goes to a file: use --export FILE.xlsx (or --export -)"),
    "note_empty": ("进展内容是空的", "the note is empty"),
    "note_needs_text": ("缺少进展内容：gk note ID... TEXT（例如 gk note 5 \"已完成平台选型\"）",
                        "missing the note: gk note ID... TEXT (e.g. gk note 5 \"platform chosen\")"),
    "bad_item_id": ("'{value}' 不是事项编号（例如 3、3号、#3）", "'{value}' is not an item id (e.g. 3 or #3)"),
    "nothing_to_set": ("没有要修改的内容：请给出 --status、--deadline、--start、--lead、--assist、--title、--group 或 --notes",
                       "nothing to set: give --status, --deadline, --start, --lead, --assist, --title, --group or --notes"),
    "bad_state": ("{value} 不是可用的状态（可用 {choices}）", "{value} is not a state (use {choices})"),
    # deadlines and dates
    "deadline_no_year": ("完成时间“{phrase}”没有写年份，通知也没有印发日期",
                         "deadline \"{phrase}\" has no year and the notice has no issue date"),
    "deadline_unreadable": ("无法识别完成时间“{phrase}”（可写成 2021年6月底、2020年7月17日前、10个工作日内、每月底、长期）",
                            "cannot read deadline \"{phrase}\" (write e.g. 2021年6月底, 2020年7月17日前, 10个工作日内, 每月底, 长期)"),
    "deadline_type": ("完成时间应为文字或日期", "deadline must be a phrase or a date"),
    "deadline_not_real": ("完成时间“{phrase}”不是真实的日期", "deadline \"{phrase}\" is not a real date"),
    "date_not_real": ("“{text}”不是真实的日期", "\"{text}\" is not a real date"),
    "not_a_date": ("“{text}”不是日期（请写成 2021-06-30）", "\"{text}\" is not a date (write it as 2021-06-30)"),
    # changes
    "is_done_reopen": ("第 {id} 项已完成；如要重新办理，用 gk reopen {id}",
                       "#{id} is done; use gk reopen {id} to take it up again"),
    "on_after_today": ("--on {day} 晚于今天（{today}）", "--on {day} is after today ({today})"),
    "id_retired": ("序号 {id} 曾被已删除的事项用过，不再使用，以免与它混淆（下一个可用的是 {next}）",
                   "id {id} was used by an item since removed and is not given again, so the two "
                   "are never confused (next free: {next})"),
    "id_taken": ("序号 {id} 已被占用（下一个可用的是 {next}）", "id {id} is taken (next free: {next})"),
    "commit_not_repo": ("{path} 不在 git 仓库中；请去掉 --commit 再运行（或设置 commit: false）",
                        "{path} is not in a git repository; run without --commit (or set commit: false)"),
    "commit_uncommitted": ("{path} 有尚未提交的修改；请先提交，或去掉 --commit 再运行",
                           "{path} has changes not yet committed; commit them first, or run without --commit"),
    # gk's commit messages (after the "gk: " prefix that gk undo looks for)
    "commit.item": ("#{id} {title}", "#{id} {title}"),
    "commit.start": ("开始办理 {items}", "{items} started"),
    "commit.done": ("完成 {items}（{day}）", "{items} done ({day})"),
    "commit.done_cycles": ("完成 {items}（{day}）；{which}", "{items} done ({day}); {which}"),
    "commit.occurrence": ("#{id} 第 {cycle} 期", "#{id} occurrence {cycle}"),
    "commit.reported": ("{office} 报送 {what} {cycle}（{day}）", "{office} {what} {cycle} reported ({day})"),
    "field.start": ("起算日期", "start"),
    "no_reporting_decl": ("{path}：没有第 {n} 个报送要求可以修改", "{path}: no reporting declaration {n} to edit"),
    "not_a_list_to_add": ("{path}:{line}：{key} 不是 gk 能添加内容的列表；请手工修改",
                          "{path}:{line}: {key} is not a list gk can add to; edit it by hand"),
    "commit.reopen": ("重新办理 {items}", "{items} reopened"),
    "commit.note": ("记录进展 {items}（{day}）", "{items} note ({day})"),
    "commit.set": ("修改 {items}：{what}", "{items} set {what}"),
    "commit.add": ("新增 {items}", "{items} added"),
    "commit.remove": ("删除 {items}", "{items} removed"),
    "commit.extend": ("延期 {items} 至 {to}（{day}）", "{items} extended to {to} ({day})"),
    "commit.meeting": ("记录会议（{day}）", "meeting ({day})"),
    "commit.field": ("{field} {value}", "{field} {value}"),
    "field.title": ("具体事项", "title"),
    "field.group": ("工作任务", "group"),
    "field.lead": ("牵头股室", "lead"),
    "field.assist": ("协办股室", "assist"),
    "field.deadline": ("完成时间", "deadline"),
    "field.status": ("进度", "status"),
    "field.notes": ("备注", "notes"),
    # writing
    "cannot_lock": ("{path}：无法加锁（{reason}）", "{path}: cannot lock: {reason}"),
    "lock_busy": ("{path}：另一个 gk 正在写入，请稍后再试", "{path}: another gk is still writing; try again"),
    "lockfile_exists": ("{path} 已存在：另一个 gk 正在写入，或者请删除它",
                        "{path} exists: another gk is writing, or remove it"),
    "changed_on_disk": ("{path} 在 gk 工作期间被修改了；没有写入任何内容，请重新运行",
                        "{path} changed on disk while gk was working; nothing written, run it again"),
    "cannot_write_unchanged": ("{path}：无法写入（{reason}）；文件未改动",
                               "{path}: cannot write ({reason}); the file is unchanged"),
    "no_tasks_list": ("{path}：没有可以修改的 tasks 列表", "{path}: no tasks list to edit"),
    "no_colon_value": ("{path}:{line}：{key} 没有 gk 能修改的“: 值”；请手工修改",
                       "{path}:{line}: {key} has no ': value' gk can edit; edit it by hand"),
    "field_shares_line": ("第 {id} 项的 {key} 与其他内容在同一行；请手工修改",
                          "item {id}: {key} shares its line with other text; edit it by hand"),
    "field_not_list": ("第 {id} 项的 {key} 不是列表；请手工修改", "item {id}: {key} is not a list; edit it by hand"),
    "tasks_not_items": ("{path}：tasks 中有不是事项的内容", "{path}: tasks holds something other than items"),
    "item_shares_line": ("第 {id} 项与其他内容在同一行；请手工修改",
                         "item {id} shares its line with other text; edit it by hand"),
    # exports
    "unknown_format": ("未知格式 {fmt}", "unknown format {fmt}"),
    "output_failed": ("无法输出（{reason}）", "cannot write the output ({reason})"),
    # git
    # gk undo and its journal (gkcli/undo.py, gkcli/journal.py)
    "undone_file": ("已撤销 “{subject}”：{path} 已改回", "Undid \"{subject}\": {path} changed back"),
    "undone_file_kept": ("已撤销 “{subject}”：{path} 已改回，此后的手工修改都保留",
                         "Undid \"{subject}\": {path} changed back, keeping the edits made by hand since"),
    "undone_already": ("“{subject}” 的修改已不在 {path} 中（此后已手工改回）：记为已撤销，文件未改动",
                       "The change \"{subject}\" is no longer in {path} (changed back by hand since): "
                       "marked undone, the file is untouched"),
    "undone_not_committed": ("注意：这次修改的提交 {sha} 仍在 git 历史中；撤销只改了文件，没有提交（{why}）。要留下这次撤销，请自己提交",
                             "Note: its commit {sha} stays in git's history; the undo changed the file only "
                             "and committed nothing ({why}). Commit it yourself to keep it"),
    "undo_why.moved": ("之后已有别的提交，或它被改过", "it is no longer the last commit: commits came after it, or it was amended"),
    "undo_why.dirty": ("文件里有尚未提交的修改", "the file has changes not committed"),
    "undo_why.no_repo": ("数据文件夹已不在 git 仓库中", "the data folder is no longer in a git repository"),
    "undo_would": ("将撤销 “{subject}”（{time}）：", "Would undo \"{subject}\" ({time}):"),
    "undo_would_commit": ("（将提交这次撤销：Revert \"gk: …\"）；未写入任何内容",
                          "(the undo would be committed: Revert \"gk: …\"); nothing written"),
    "undo_would_file": ("（只改文件，不提交：{why}）；未写入任何内容",
                        "(the file only, nothing committed: {why}); nothing written"),
    "undo_would_plain": ("未写入任何内容", "Nothing written"),
    "undo.subject": ("撤销 “{subject}”", "undo of \"{subject}\""),
    "undo_list_head": ("gk 的撤销记录（{path}，新的在前；→ 标出下一次 gk undo 撤销的）：",
                       "gk's undo journal ({path}, newest first; → marks what gk undo takes back next):"),
    "undo_list_empty": ("撤销记录是空的（{path}）：gk 还没有在这台电脑上修改过这份数据",
                        "The undo journal is empty ({path}): gk has made no write to this data on this computer"),
    "undo_tag.commit": ("（提交 {sha}）", " (commit {sha})"),
    "undo_tag.undone": ("（已撤销）", " (undone)"),
    "undo_nothing": ("没有可撤销的：{path} 的撤销记录里没有尚未撤销的 gk 修改（见 gk undo --list）",
                     "nothing to undo: the undo journal of {path} holds no gk write not undone yet "
                     "(see gk undo --list)"),
    "undo_nothing_here": ("没有可撤销的：{path} 的撤销记录里没有尚未撤销的 gk 修改；{folder} 里有："
                          "到那个文件夹里运行 gk undo，或 gk --data {folder} undo",
                          "nothing to undo in {path}'s journal; {folder} has a gk write to undo: "
                          "run gk undo in that folder, or gk --data {folder} undo"),
    "undo_overlap": ("撤销不了 “{subject}”：{path} 第 {lines} 行此后被手工改过，正是 gk 这次改动的地方；未写入任何内容（要跳过这次修改、撤销更早的，运行 gk undo --skip）",
                     "cannot undo \"{subject}\": line {lines} of {path} was edited by hand since, "
                     "where gk made this change; nothing written (to skip this one and undo earlier ones: gk undo --skip)"),
    "undo_overlap_item": ("撤销不了 “{subject}”：{path} 第 {lines} 行（第 {id} 项）此后被手工改过，正是 gk 这次改动的地方；未写入任何内容（要跳过这次修改、撤销更早的，运行 gk undo --skip）",
                          "cannot undo \"{subject}\": line {lines} of {path} (item {id}) was edited by "
                          "hand since, where gk made this change; nothing written (to skip this one and undo earlier ones: gk undo --skip)"),
    "undo_overlap_section": ("撤销不了 “{subject}”：{path} 第 {lines} 行（{section} 部分）此后被手工改过，正是 gk 这次改动的地方；未写入任何内容（要跳过这次修改、撤销更早的，运行 gk undo --skip）",
                             "cannot undo \"{subject}\": line {lines} of {path} (in {section}) was edited "
                             "by hand since, where gk made this change; nothing written (to skip this one and undo earlier ones: gk undo --skip)"),
    "undo_removed": ("撤销不了 “{subject}”：{path} 中 gk 这次改动的那几行此后被手工删去或移走了；未写入任何内容（要跳过这次修改、撤销更早的，运行 gk undo --skip）",
                     "cannot undo \"{subject}\": the lines of {path} where gk made this change were "
                     "removed or moved by hand since; nothing written (to skip this one and undo earlier ones: gk undo --skip)"),
    "undo_removed_item": ("撤销不了 “{subject}”：{path} 中 gk 这次在第 {id} 项改动的那几行此后被手工删去或移走了；未写入任何内容（要跳过这次修改、撤销更早的，运行 gk undo --skip）",
                          "cannot undo \"{subject}\": the lines of item {id} in {path} where gk made this "
                          "change were removed or moved by hand since; nothing written (to skip this one and undo earlier ones: gk undo --skip)"),
    "undo_removed_section": ("撤销不了 “{subject}”：{path} 中 gk 这次在 {section} 部分改动的那几行此后被手工删去或移走了；未写入任何内容（要跳过这次修改、撤销更早的，运行 gk undo --skip）",
                             "cannot undo \"{subject}\": the lines in {section} of {path} where gk made "
                             "this change were removed or moved by hand since; nothing written (to skip this one and undo earlier ones: gk undo --skip)"),
    "undo_beside": ("撤销不了 “{subject}”：{path} 第 {lines} 行是此后手工加在 gk 这次写入的内容旁边的，撤销会让它们归到别的部分下；未写入任何内容（要跳过这次修改、撤销更早的，运行 gk undo --skip）",
                    "cannot undo \"{subject}\": lines {lines} of {path} were added by hand since, right "
                    "beside what gk wrote, and undoing it would leave them under another section; "
                    "nothing written (to skip this one and undo earlier ones: gk undo --skip)"),
    "undo_beside_item": ("撤销不了 “{subject}”：{path} 第 {lines} 行（第 {id} 项）是此后手工加在 gk 这次写入的内容旁边的，撤销会让它们归到别的部分下；未写入任何内容（要跳过这次修改、撤销更早的，运行 gk undo --skip）",
                         "cannot undo \"{subject}\": lines {lines} of {path} (item {id}) were added by "
                         "hand since, right beside what gk wrote, and undoing it would leave them under "
                         "another section; nothing written (to skip this one and undo earlier ones: gk undo --skip)"),
    "undo_beside_section": ("撤销不了 “{subject}”：{path} 第 {lines} 行（{section} 部分）是此后手工加在 gk 这次写入的内容旁边的，撤销会让它们归到别的部分下；未写入任何内容（要跳过这次修改、撤销更早的，运行 gk undo --skip）",
                            "cannot undo \"{subject}\": lines {lines} of {path} (in {section}) were "
                            "added by hand since, right beside what gk wrote, and undoing it would leave "
                            "them under another section; nothing written (to skip this one and undo earlier ones: gk undo --skip)"),
    "undo_invalid": ("撤销不了 “{subject}”：撤销后的文件通不过检查（{where}：{detail}）；未写入任何内容（要跳过这次修改、撤销更早的，运行 gk undo --skip）",
                     "cannot undo \"{subject}\": the file would not pass gk check ({where}: {detail}); "
                     "nothing written (to skip this one and undo earlier ones: gk undo --skip)"),
    "undo_unsure": ("撤销不了 “{subject}”：此后对 {what} 的手工修改与这次修改交织在一起，gk 无法确定怎样撤销；未写入任何内容（要跳过这次修改、撤销更早的，运行 gk undo --skip）",
                    "cannot undo \"{subject}\": the edits made by hand since to {what} are entangled with "
                    "this change, gk cannot tell how to take it back; nothing written (to skip this one and undo earlier ones: gk undo --skip)"),
    "undo_skipped": ("已跳过 “{subject}”（{time}）：文件未改动，下一次 gk undo 撤销更早的修改",
                     "Skipped \"{subject}\" ({time}): the file is untouched, the next gk undo takes back "
                     "the write before it"),
    "undo_would_skip": ("将跳过 “{subject}”（{time}），不改动文件；未写入任何内容",
                        "Would skip \"{subject}\" ({time}), leaving the file untouched; nothing written"),
    "undo.skip": ("跳过 “{subject}”", "skipped \"{subject}\""),
    "undo_tag.skipped": ("（已跳过）", " (skipped)"),
    "undo_tag.gone": ("（它的提交已不在当前分支的历史里）", " (its commit is no longer in the branch's history)"),
    "undo_nothing_dropped": ("没有可撤销的：{path} 的撤销记录里的 gk 修改都已撤销，更早的已超出记录（只保留最近 {limit} 次）",
                             "nothing to undo: every gk write in the undo journal of {path} is undone, "
                             "and older ones fell out of it (it keeps the last {limit})"),
    "undo_list_dropped": ("更早的 {count} 次修改已超出撤销记录（只保留最近 {limit} 次），不能再撤销",
                          "{count} older writes fell out of the journal (it keeps the last {limit}) and "
                          "cannot be undone"),
    "undo_list_empty_dropped": ("撤销记录是空的（{path}）：更早的 {count} 次修改已超出记录（只保留最近 {limit} 次）",
                                "The undo journal is empty ({path}): {count} older writes fell out of it "
                                "(it keeps the last {limit})"),
    "undo_why.gone": ("它的提交已不在当前分支的历史里（git reset 或 --amend 过）",
                      "its commit is no longer in the branch's history (reset or amended)"),
    "undone_already_gone": ("“{subject}” 的修改已不在 {path} 中，它的提交也已不在当前分支的历史里（git reset 或 --amend 过）：无需撤销，也没有要提交的；记为已撤销",
                            "The change \"{subject}\" is no longer in {path}, and its commit is no "
                            "longer in the branch's history (reset or amended): nothing to undo and "
                            "nothing to commit; marked undone"),
    "undone_gone_not_committed": ("注意：这次修改原来的提交已不在当前分支的历史里（git reset 或 --amend 过），但修改还在文件中；撤销只改了文件，没有提交。要留下这次撤销，请自己提交",
                                  "Note: the commit that held this change is no longer in the branch's "
                                  "history (reset or amended), but the change was still in the file; the "
                                  "undo changed the file only and committed nothing. Commit it yourself to "
                                  "keep it"),
    "undo_would_already": ("“{subject}” 的修改已不在 {path} 中（此后已手工改回）：gk undo 会把它记为已撤销，不改动文件；未写入任何内容",
                           "The change \"{subject}\" is no longer in {path} (changed back by hand since): "
                           "gk undo would mark it undone and leave the file untouched; nothing written"),
    "undo_would_already_gone": ("“{subject}” 的修改已不在 {path} 中，它的提交也已不在当前分支的历史里（git reset 或 --amend 过）：gk undo 会把它记为已撤销，无需提交；未写入任何内容",
                                "The change \"{subject}\" is no longer in {path}, and its commit is no "
                                "longer in the branch's history (reset or amended): gk undo would mark it "
                                "undone, with nothing to commit; nothing written"),
    "undo_commit_failed_restored": ("git 提交失败：{detail}。gk 已把 {path} 恢复原样，什么都没有撤销；"
                                    "解决上述问题后再运行 gk undo",
                                    "git commit failed: {detail}. gk put {path} back as it was, so nothing "
                                    "was undone; deal with that and run gk undo again"),
    "undo_commit_failed_kept": ("git 提交失败：{detail}。{path} 已是撤销后的内容（文件在此期间又被改动，未恢复），"
                                "尚未提交；请查看 git status 后手工提交",
                                "git commit failed: {detail}. {path} holds the undo (the file changed "
                                "again meanwhile, so gk left it), not committed; see git status and commit "
                                "it by hand"),
    "journal.detail": ("{subject}：{text}", "{subject}: {text}"),
    "journal_damaged": ("撤销记录 {path} 已损坏（{why}）：未撤销任何内容（gk 下次写入时会把它改名保留，另起一份）",
                        "the undo journal {path} is damaged ({why}): nothing undone (gk's next write "
                        "keeps it aside and starts a new one)"),
    "journal_why.json": ("不是完整的 JSON，可能写到一半被打断", "not complete JSON, perhaps cut short"),
    "journal_why.format": ("不是 gk 写的格式", "not in gk's format"),
    "journal_why.not_private": ("{path} 别人也能读写，而撤销记录里有表格的副本",
                                "others may read or write {path}, and the journal holds copies of the table"),
    "journal_why.bytes": ("记录的内容与校验值不符", "a recorded copy fails its checksum"),
    "journal_unreadable": ("读不了撤销记录 {path}：{reason}", "cannot read the undo journal {path}: {reason}"),
    "journal_not_written": ("已写入，但撤销记录没能保存（{reason}）：这次修改不能用 gk undo 撤销",
                            "written, but the undo journal could not be saved ({reason}): gk undo cannot "
                            "take this write back"),
    "journal_restarted": ("撤销记录 {path} 已损坏：已改名为 {kept} 保留，另起一份新的",
                          "the undo journal {path} was damaged: kept as {kept}, a new one started"),
    "undo_not_repo": ("{path} 不在 git 仓库中：没有可撤销的提交", "{path} is not in a git repository: nothing to undo"),
    "no_commits": ("还没有任何提交：没有可撤销的", "no commits yet: nothing to undo"),
    "last_not_gk": ("最近一次提交不是 gk 做的（{sha} {subject}）；没有撤销",
                    "the last commit is not gk's ({sha} {subject}); nothing undone"),
    "undo_uncommitted": ("{path} 有尚未提交的修改；请先提交或放弃这些修改",
                         "{path} has changes not yet committed; commit or discard them first"),
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
    "item_one_line": ("第 {id} 项写在一行里；请手工添加 {key}", "item {id} is written on one line; add {key} by hand"),
    "field_not_block_list": ("第 {id} 项的 {key} 不是分行列表；请手工修改",
                             "item {id}: {key} is not a block list; edit it by hand"),
    "key_not_block_list": ("{path}：{key} 不是分行列表；请手工修改", "{path}: {key} is not a block list; edit it by hand"),
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
    # the table over time (issue 8)
    "asof_no_git": ("不在 git 仓库中，无法查到历史：按当前文件显示截至{day}已发生的情况",
                    "not in a git repository, so no history: showing the current file with what "
                    "had happened by {day}"),
    "asof_no_history": ("tasks.yaml 还没有提交记录：按当前文件显示截至{day}已发生的情况",
                        "tasks.yaml has no commits yet: showing the current file with what had "
                        "happened by {day}"),
    "asof_before_history": ("tasks.yaml 最早的提交在{first}，晚于{day}：按最早提交的版本显示截至{day}已发生的情况",
                            "tasks.yaml was first committed on {first}, after {day}: showing its "
                            "first committed version with what had happened by {day}"),
    "asof_unreadable_history": ("git 中截至{day}的 tasks.yaml 都无法读取：按当前文件显示截至{day}已发生的情况",
                                "no version of tasks.yaml in git up to {day} can be read: showing "
                                "the current file with what had happened by {day}"),
    "log_no_git": ("不在 git 仓库中，没有修改记录：只列出当前文件中有日期的记录",
                   "not in a git repository, so no recorded changes: only the dated facts of "
                   "the current file"),
    "recorded_today": ("这次修改记录于今天（{real}）：按更早的日期（如 {day}）查看时表中还没有它；"
                       "--today 只决定写入的完成、进展、延期和会议日期",
                       "this change is recorded today ({real}): the table as of an earlier day "
                       "(such as {day}) does not have it; --today sets only the dates gk writes "
                       "(done, notes, extensions, meetings)"),
    "log_cut": ("只列出{day}及以前的修改和记录（不加 --today 可看全部）",
                "only the changes and facts up to {day} (without --today, all of them)"),
    "log_no_git_cut": ("不在 git 仓库中，没有修改记录：只列出当前文件中{day}及以前有日期的记录",
                       "not in a git repository, so no recorded changes: only the dated facts of "
                       "the current file up to {day}"),
    "history_unreadable": ("读取 git 历史失败", "could not read the git history"),
    "unknown_revision": ("--since：{rev} 既不是日期，也不是 git 中的版本（日期写作 2021-06-30）",
                         "--since: {rev} is neither a date nor a revision in git "
                         "(write dates as 2021-06-30)"),
    "bad_since": ("--since 的日期有误：{reason}", "--since: {reason}"),
    "meeting_exists": ("{day}的会议（{title}）已经记录过了", "the meeting of {day} ({title}) is already recorded"),
    "since_after_until": ("--since {since} 晚于 --until {until}", "--since {since} is after --until {until}"),
    "no_meeting_yet": ("还没有记录会议：先运行 gk meeting，或用 --since 指定日期",
                       "no meeting recorded yet: run gk meeting first, or give --since DATE"),
    "on_in_future": ("--on {day} 晚于今天（{today}）", "--on {day} is after today ({today})"),
    "on_before_notice": ("--on {day} 早于通知印发日期（{issued}）",
                         "--on {day} is before the notice was issued ({issued})"),
    "already_done": ("#{id} 已于{day}完成", "#{id} was done on {day}"),
    "already_done_undated": ("#{id} 已完成", "#{id} is already done"),
    "done_corrected": ("#{id} 完成日期由{old}改为{new}", "#{id}: done date corrected from {old} to {new}"),
    "not_done": ("#{id} 尚未完成，无需重新打开", "#{id} is not done; nothing to reopen"),
    "extend_done": ("#{id} 已于{day}完成，不能延期", "#{id} was done on {day}; it cannot be extended"),
    "extend_not_later": ("#{id}：延期后的完成时间 {to} 不晚于现在的 {current}",
                         "#{id}: the new deadline {to} is not after the current one ({current})"),
    "extend_ongoing": ("#{id} 是长期事项，无需延期", "#{id} is ongoing; it has no deadline to extend"),
    "extend_late": ("#{id} 的延期在现行完成时间（{deadline}）之后才办理：已记录，但不计入，仍按{deadline}考核",
                    "#{id}: the extension was granted after the deadline in force ({deadline}); "
                    "it is recorded but not counted: the item is still judged against {deadline}"),
    "reason_empty": ("延期理由不能为空", "the reason for the extension is empty"),
    "no_item_ever": ("历史中从未有过第{id}项", "item {id} is not in the table or its history"),
    # gk --all: the workspace
    "ws_none": ("此处及上级目录都没有 data/（其中或其子目录应有 tasks.yaml）；请在表格所在的仓库中运行 gk，或用 --data 指定目录",
                "no data/ here or in any parent folder with tasks.yaml in it or in its sub-folders; "
                "run gk inside your tables' repository or pass --data DIR"),
    "ws_none_in": ("{path} 及其子目录中都没有 tasks.yaml（请检查 --data 或 GK_DATA）",
                   "no tasks.yaml in {path} or its sub-folders (check --data or GK_DATA)"),
    "ws_no_documents": ("--all 不能输出 {fmt}：{fmt} 文件只针对一张表；请去掉 --all，或改用 {formats}",
                        "--all cannot write {fmt}: a {fmt} file is of one table; drop --all, "
                        "or use {formats}"),
    "ws_no_documents_output": ("--all 不能输出 {fmt}：{fmt} 文件只针对一张表；请去掉 --all，"
                               "或去掉 -o，改用 --format {formats}",
                               "--all cannot write {fmt}: a {fmt} file is of one table; drop --all, "
                               "or drop -o and use --format {formats}"),
    "ws_no_documents_format": ("--all 不能输出 {fmt}：{fmt} 文件只针对一张表；请去掉 --all，"
                               "或改用 --format {formats}",
                               "--all cannot write {fmt}: a {fmt} file is of one table; drop --all, "
                               "or use --format {formats}"),
    "ws_not_for": ("--all 不适用于 gk {command}；可用于：{commands}",
                   "--all does not apply to gk {command}; it works with: {commands}"),
    # gk --all --today DAY: which notices existed on the day, and how each was read
    "ws_asof_left_out": ("{notice} 最早提交于{first}，晚于{day}：当日还没有这个文件，不计入",
                         "{notice} was first committed on {first}, after {day}: it did not exist "
                         "yet and is not counted"),
    "ws_asof_left_out_n": ("{notices} 最早提交都晚于{day}：当日还没有这些文件，不计入",
                           "{notices} were first committed after {day}: they did not exist yet "
                           "and are not counted"),
    "ws_asof_unissued": ("{notices} 尚未提交，印发日期晚于{day}：当日还没有这个文件，不计入",
                         "{notices}: not committed yet, and issued after {day}: it did not exist "
                         "yet and is not counted"),
    "ws_asof_first_on": ("{notice}（{first}）", "{notice} ({first})"),
    "ws_asof_no_git": ("不在 git 仓库中，无法查到历史：{notices}按当前文件显示截至{day}已发生的情况",
                       "not in a git repository, so no history: showing {notices} as in the "
                       "current files with what had happened by {day}"),
    "ws_asof_no_history": ("{notices} 还没有提交记录：按当前文件显示截至{day}已发生的情况",
                           "{notices}: no commits yet; showing the current file with what had "
                           "happened by {day}"),
    "ws_asof_before_history": ("{notices} 最早的提交在{first}，晚于{day}：按最早提交的版本显示截至{day}已发生的情况",
                               "{notices}: first committed on {first}, after {day}; showing the "
                               "first committed version with what had happened by {day}"),
    "ws_asof_unreadable_history": ("git 中截至{day}的 {notices} 都无法读取：按当前文件显示截至{day}已发生的情况",
                                   "no version of {notices} in git up to {day} can be read: "
                                   "showing the current file with what had happened by {day}"),
    "ws_asof_and": ("{first}；{rest}", "{first}; {rest}"),
    "ws_all": ("全部 {n} 个文件", "all {n} notices"),
    "ws_notices_more": ("{notices}等 {n} 个文件", "{notices} and others ({n} notices)"),
    "office_apart": ("{name} 在各文件中指不同股室（{offices}），请写全称",
                     "{name} means different offices in different notices ({offices}); "
                     "give the full name"),
    "ws_offices_apart": ("注意：{name} 在各文件中指不同股室（{offices}），已分开列出{more}；"
                         "如是同一股室，请在各文件中写同一全称或简称",
                         "note: {name} means different offices in different notices ({offices}); "
                         "they are kept apart{more}. If they are one office, give it the same "
                         "name in every notice"),
    "ws_same_notice": ("注意：{number} 在 {folders} 中各有一份，gk --all 把它们当作不同的文件、重复计算；"
                       "请删去多余的那份",
                       "note: {number} is in {folders}, one copy each; gk --all counts them as "
                       "different notices, twice over. Remove the extra copy"),
    "warn.same_notice": ("{number} 与 {other} 里的文号相同：同一个通知有两份，gk --all 会重复计算",
                         "{number} is also the notice number in {other}: the same notice twice, "
                         "counted twice by gk --all"),
    "ws_offices_apart_more": ("（另有 {n} 个名称也是如此）", " (and {n} more names)"),
    "export_stdout_format": ("写到 - 需要给出 --format（csv、xlsx、md、json、docx、ics 或 html）",
                             "writing to - needs --format (csv, xlsx, md, json, docx, ics or html)"),
    "export_unknown_format": ("看不出 {target} 要导出成什么格式：请用 {extensions} 结尾，或给出 --format",
                              "cannot tell the format of {target}: name it {extensions}, "
                              "or give --format"),
    "docx_needs_file": ("docx 要写到文件：请给出 -o 文件名.docx（或 -o - 写到标准输出）",
                        "docx goes to a file: give -o FILE.docx (or -o - for stdout)"),
    "output_needs_docx": ("-o/--output 只用于 --format docx", "-o/--output is for --format docx only"),
    "option_only_for": ("{option} 只用于 {fmt} 格式", "{option} is for --format {fmt} only"),
    "file_exists": ("{path} 已存在；要覆盖请加 --force", "{path} exists; add --force to overwrite it"),
    "not_a_folder": ("{path} 不是文件夹", "{path} is not a folder"),
    "cannot_write": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "nothing_to_remind_doc": ("没有逾期或即将到期的事项，不生成催办通知单",
                              "nothing is overdue or due soon: no reminder notices to write"),
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
    # gk import: refusals
    "import_missing": ("没有文件 {path}", "no file {path}"),
    "import_unreadable": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "import_not_a_file": ("{path} 是一个目录，不是文件", "{path} is a folder, not a file"),
    "import_out_is_file": ("{path} 是一个文件，不是目录", "{path} is a file, not a folder"),
    "import_empty": ("{path} 是空文件，没有可导入的内容", "{path} is empty: nothing to import"),
    "import_unknown_type": ("不认识的文件类型 {suffix}（{path}）：可导入 .docx、.doc、.wps、.txt、.xlsx、.csv",
                            "unknown file type {suffix} ({path}): gk imports .docx, .doc, .wps, .txt, .xlsx, .csv"),
    "import_encrypted": ("{path} 是加密（设了密码）的文件或旧版 Word 文件：请在 Word/WPS 中去掉密码并另存为 .docx",
                         "{path} is password-protected or an old Word file: remove the password and save it as .docx in Word/WPS"),
    "import_corrupt": ("无法读取 {path}：文件已损坏或不是 {kind} 文件", "cannot read {path}: the file is damaged or not a {kind} file"),
    "import_needs_package": ("导入此类文件需要 {package}：pip install {pip}", "importing this kind of file needs {package}: pip install {pip}"),
    "import_needs_openpyxl": ("导入此类文件需要 openpyxl：pip install 'gkcli[xlsx]'（在 gk 的源码目录中：pip install '.[xlsx]'）",
                              "importing this kind of file needs openpyxl: pip install 'gkcli[xlsx]' (in gk's source folder: pip install '.[xlsx]')"),
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
    # why the system refused a file or folder (gk import), never in the system's English
    "os_error.enoent": ("没有这个文件或目录", "no such file or folder"),
    "os_error.eacces": ("没有权限", "permission denied"),
    "os_error.enotdir": ("路径中有一段不是目录", "a part of the path is not a folder"),
    "os_error.eisdir": ("这是一个目录", "it is a folder"),
    "os_error.enospc": ("磁盘已满", "the disk is full"),
    "os_error.erofs": ("磁盘只读", "the disk is read-only"),
    "os_error.enametoolong": ("名称太长", "the name is too long"),
    "os_error.eexist": ("已存在", "it exists"),
    "os_error.other": ("系统错误（代码 {code}）", "system error (code {code})"),
    "import_needs_out": ("请用 --out DIR 指定新目录（或用 --dry-run 只看结果）", "give the new folder with --out DIR (or look first with --dry-run)"),
    # gk import: what it says
    "imp_summary": ("读出 {items} 项、{groups} 个工作任务、{offices} 个股室、{people} 人",
                    "Read {items} items, {groups} work tasks, {offices} offices, {people} people"),
    "imp_review_head": ("请核对（{n} 条）：", "To review ({n}):"),
    "imp_wrote": ("已写入 {path}", "Wrote {path}"),
    "imp_check_ok": ("gk check 通过", "gk check: ok"),
    "imp_check_failed": ("gk check 发现 {n} 个问题：文件已写入，请修改后运行 gk check", "gk check found {n} problems: the files are written; fix them and run gk check"),
    "imp_dry_check_failed": ("gk check 会发现 {n} 个问题", "gk check would find {n} problems"),
    "imp_joined": ("已加入工作区：gk --all 会读到 {path}", "Added to the workspace: gk --all reads {path}"),
    "imp_would_join": ("会加入工作区：gk --all 会读到 {path}", "It would join the workspace: gk --all would read {path}"),
    "imp_not_joined": ("{path} 不在工作区：gk --all 只读 {root}/ 及其下一层的目录；要加入，请改用 --out {suggest}",
                       "{path} is not in the workspace: gk --all reads only {root}/ and the folders right under it; "
                       "to add it, use --out {suggest}"),
    "imp_dry_run": ("（--dry-run：未写入任何文件）", "(--dry-run: nothing written)"),
    # gk import: the review list
    "imp_where_line": ("第{line}行", "line {line}"),
    "imp_where_line_col": ("第{line}行第{col}列", "line {line} column {col}"),
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
    "imp_same_number": ("文号 {number} 已在 {path} 中：同一通知导入两次，gk --all 会重复计数",
                        "{path} already holds notice {number}: imported twice, gk --all counts it twice"),
    "imp_nested_table": ("单元格里有一张嵌套的表格：其中的文字已并入该单元格，请核对",
                         "the cell holds a nested table: its text is taken into the cell; check it"),
    "imp_lead_assist_merged": ("第{id}项的牵头股室与协办股室是同一个合并单元格：读作牵头，没有协办",
                               "item {id}: one cell is merged across the lead and assisting offices; read as lead, no assisting office"),
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
    # the official calendar (workdays.py), recurring deadlines, reporting cycles
    "no_holiday_data": ("{year}年没有节假日数据：请升级 chinesecalendar，或在 {file} 中写明该年的安排",
                        "no holiday data for {year}: upgrade chinesecalendar, or give that year in {file}"),
    "no_holiday_data_item": ("{where}：{year}年没有节假日数据，无法计算“{deadline}”；请升级 chinesecalendar，"
                             "或在 holidays.yaml 中写明该年的安排",
                             "{where}: no holiday data for {year}, so \"{deadline}\" cannot be counted; "
                             "upgrade chinesecalendar, or give that year in holidays.yaml"),
    "needs_start": ("{where}：“{deadline}”需要起算日期：给该项写 start，或在 notice 中写 issued",
                    "{where}: \"{deadline}\" needs a day to count from: give the item a start, "
                    "or the notice an issued date"),
    "holidays_both": ("{day} 同时写在 off 和 work 中", "{day} is in both off and work"),
    "holidays_bad_day": ("不是日期或日期区间：{value}（写作 2027-01-01 或 2027-02-06 至 2027-02-12）",
                         "not a day or a range of days: {value} (write 2027-01-01 or "
                         "2027-02-06 至 2027-02-12)"),
    "workdays_negative": ("settings due_soon_workdays 不能为负数",
                          "settings due_soon_workdays must not be negative"),
    "occurrences_not_recurring": ("{where}：只有周期性完成时间（如 每月底）才有 done_occurrences",
                                  "{where}: only a recurring deadline (such as 每月底) has "
                                  "done_occurrences"),
    "occurrence_bad": ("{where}：done_occurrences 每项写作“期次 完成日期”，如 {example}，而不是 {value}",
                       "{where}: each done_occurrences entry is \"OCCURRENCE DATE\", e.g. {example}, "
                       "not {value}"),
    "occurrence_twice": ("{where}：{label}期记录了两次", "{where}: occurrence {label} is recorded twice"),
    "occurrence_done": ("第{id}项的{label}期已于 {on} 记录完成",
                        "item {id}: occurrence {label} is already recorded done on {on}"),
    "occurrence_not_recurring": ("第{id}项的完成时间不是周期性的，--cycle 只用于周期性事项",
                                 "item {id} does not recur; --cycle is for recurring items"),
    "reporting_not_recurring": ("reporting 的 every 须是周期，如 每月28日前、每季度末，而不是 {value}",
                                "reporting every must recur, like 每月28日前 or 每季度末, not {value}"),
    "report_bad": ("报送记录写作“期次 日期 股室”，如 {example}，而不是 {value}",
                   "a report is written \"CYCLE DATE OFFICE\", e.g. {example}, not {value}"),
    "report_twice": ("{office} 的{cycle}期报送记录了两次", "{office}'s report for {cycle} is recorded twice"),
    "no_reporting": ("tasks.yaml 中没有 reporting: 报送要求", "tasks.yaml declares no reporting:"),
    "which_reporting": ("有多项报送要求，请用 --what 指明：{names}",
                        "several reports are declared; name one with --what: {names}"),
    "unknown_reporting": ("没有名为 {what} 的报送要求（有：{names}）",
                          "no report called {what} is declared (there are: {names})"),
    "not_reporting_office": ("{office} 不在“{what}”的报送股室之列",
                             "{office} is not among the offices that send {what}"),
    "report_future": ("--on {on} 晚于今天（{today}）", "--on {on} is after today ({today})"),
    "cycle_not_open": ("{cycle}期自 {opens} 起，晚于 {on}，尚不能记录",
                       "cycle {cycle} opens on {opens}, after {on}: it cannot be recorded yet"),
    "bad_cycle": ("期次 {cycle} 与“{every}”不符（写作 {example} 这样）",
                  "cycle {cycle} does not fit {every} (write it like {example})"),
    "already_reported": ("{office} 的{cycle}期已于 {on} 报送",
                         "{office} already reported {cycle} on {on}"),
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

    def days(self, days_left: int | None, workdays_left: int | None = None) -> str:
        """剩5天 / 剩3个工作日 / 逾期3天 / 今天到期 / — for an ongoing item."""
        if days_left is None:
            return "—"
        if days_left == 0:
            return self("due_today")
        if days_left < 0:
            return self("days_over_1") if days_left == -1 else self("days_over_n", n=-days_left)
        if workdays_left is not None:
            return self("workdays_left_n", n=workdays_left)
        return self("days_left_1") if days_left == 1 else self("days_left_n", n=days_left)

    def done_how(self, on_time: bool | None, days_late: int | None) -> str:
        """按时 / 超时3天 / '' (undated) for a done item."""
        if on_time is None:
            return ""
        return self("on_time") if on_time else self("late_n", n=days_late)

    def item_state(self, state: str, on_time: bool | None = None,
                   days_late: int | None = None) -> str:
        """已逾期 … and, for a done item, 已完成（按时） / 已完成（超时3天）."""
        how = self.done_how(on_time, days_late) if state == "done" else ""
        return self("done_how", how=how) if how else self.state(state)

    def ordinal(self, n: int) -> str:
        """一、 二、 … for Chinese headings (as the notice numbers its work tasks); 1. 2. … in English."""
        if self.lang == "en" or not 0 < n < 100:
            return f"{n}. "
        digits = "零一二三四五六七八九"
        tens, ones = divmod(n, 10)
        text = (digits[tens] if tens > 1 else "") + ("十" if tens else "") + (digits[ones] if ones else "")
        return text + "、"

    def message(self, key: str, values: dict[str, object] | None = None) -> str:
        """A catalogue message with its values; a value that is a Msg is said in the same language.

        A key missing from the catalogue is a bug: KeyError (the tests walk every key).
        Text values are cut to :data:`MAX_VALUE` characters: a message stays one line.
        """
        text = MESSAGES[key][self._index]
        if not values:
            return text
        return text.format(**{k: self._value(v, k) for k, v in values.items()})

    def _value(self, value: object, name: str = "") -> object:
        key = getattr(value, "key", None)
        if key is not None and hasattr(value, "params"):  # a Msg (or a GkError) inside a message
            return self.message(key, value.params)
        if isinstance(value, (list, tuple)):
            return self("list_sep").join(str(self._value(v, name)) for v in value)
        if isinstance(value, str):
            return short(value, 200 if name.endswith("path") else MAX_VALUE)
        return value


MAX_VALUE = 200


def short(text: str, limit: int = MAX_VALUE) -> str:
    """A user's value as it goes into a message: one line, at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
