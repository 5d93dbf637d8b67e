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
    "by_group": ("各工作任务情况", "By work task"),
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
    "legend": ("◆ 完成时间  ✔ 完成日期  → 长期  │ 今天 {today}",
               "◆ deadline  ✔ done  → ongoing  │ today {today}"),
    # gk remind: the message pasted into WeChat
    "rem.office": ("【{office}】", "[{office}]"),
    "rem.people": ("{people}同志：", " {people}:"),
    "rem.nobody": ("负责同志：", " to whom it may concern:"),
    "rem.you.office": ("贵股室", "your office"),
    "rem.you.unit": ("贵单位", "your unit"),
    "rem.note": ("　　最新进展：“{note}”", "    latest progress: \"{note}\""),
    "rem.source": ("《{title}》", "{title}"),
    "rem.date": ("{year}年{month}月{day}日", "{iso}"),
    "rem.intro": ("根据{source}，截至{date}，{you}以下事项已逾期或即将到期，请抓紧推进，并及时反馈进展：",
                  "Under {source}, as of {date} these items of {you} are overdue or due soon; "
                  "please move them forward and report progress:"),
    "rem.item": ("【{part}】{id}号 {title}（完成时间：{deadline}，{days}）",
                 "[{part}] #{id} {title} (deadline {deadline}, {days})"),
    "rem.sender": ("{attached}（{office}）", "{office}"),
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
    "no_item": ("没有第 {id} 项（用 gk list 查看全部事项）", "no item {id} (see gk list)"),
    # where a problem is: parts of messages
    "where.item": ("第 {id} 项", "item {id}"),
    "where.item_line": ("第 {line} 行的事项", "item on line {line}"),
    "where.member_line": ("第 {line} 行的成员", "member on line {line}"),
    "where.field": ("{where}的 {field}", "{where}: {field}"),
    # gk check
    "check_ok": ("检查通过：{items} 项事项，{groups} 项工作任务，{people} 人",
                 "ok: {items} items, {groups} work tasks, {people} people"),
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
    "file_exists": ("{path} 已存在；如要覆盖，加上 --force", "{path} exists; add --force to overwrite it"),
    "not_a_folder": ("{path} 不是文件夹", "{path} is not a folder"),
    "cannot_write_file": ("无法写入 {path}（{reason}）", "cannot write {path}: {reason}"),
    "unknown_format": ("未知格式 {fmt}", "unknown format {fmt}"),
    "dash_needs_format": ("输出到 - 时需要 --format（csv、xlsx、md 或 json）",
                          "writing to - needs --format (csv, xlsx, md or json)"),
    "format_of_file": ("无法判断 {path} 的格式：请用 .csv、.xlsx、.md 或 .json 结尾，或给出 --format",
                       "cannot tell the format of {path}: name it .csv, .xlsx, .md or .json, or give --format"),
    "output_failed": ("无法输出（{reason}）", "cannot write the output ({reason})"),
    # git
    "git_missing": ("没有安装 git；请去掉 --commit 再运行", "git is not installed; run without --commit"),
    "git_failed": ("git {what} 失败：{detail}", "git {what} failed: {detail}"),
    "undo_not_repo": ("{path} 不在 git 仓库中：没有可撤销的提交", "{path} is not in a git repository: nothing to undo"),
    "no_commits": ("还没有任何提交：没有可撤销的", "no commits yet: nothing to undo"),
    "last_not_gk": ("最近一次提交不是 gk 做的（{sha} {subject}）；没有撤销",
                    "the last commit is not gk's ({sha} {subject}); nothing undone"),
    "undo_uncommitted": ("{path} 有尚未提交的修改；请先提交或放弃这些修改",
                         "{path} has changes not yet committed; commit or discard them first"),
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

    def ordinal(self, n: int) -> str:
        """一、 二、 … for Chinese headings (as the notice numbers its work tasks); 1. 2. … in English."""
        if self.lang == "en" or not 0 < n < 100:
            return f"{n}. "
        digits = "零一二三四五六七八九"
        tens, ones = divmod(n, 10)
        text = (digits[tens] if tens > 1 else "") + ("十" if tens else "") + (digits[ones] if ones else "")
        return text + "、"

    def message(self, key: str, values: dict | None = None) -> str:
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


MAX_VALUE = 60


def short(text: str, limit: int = MAX_VALUE) -> str:
    """A user's value as it goes into a message: one line, at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
