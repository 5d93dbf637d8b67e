"""The Chinese of gk's --help: each command's text, and each option's, keyed by its English.

The English is written where it belongs (the command's docstring, the option's ``help=``)
and is what ``--lang en`` shows; this table gives the Chinese, which is the default. A
command or option without its Chinese here fails tests/test_docs.py.
"""

from __future__ import annotations

COMMANDS: dict[str, str] = {
    "gk": """gk：跟踪以 YAML 形式保存在 git 中的任务分工表。

    \b
    示例：
        gk status                      # 开会前看一眼
        gk list --office 安监股         # 某个股室牵头或协办的事项
        gk --today 2021-01-01 status   # 某一天时的情况
    """,
    "status": """总览：各状态的事项数、各牵头股室情况、已逾期和即将到期的事项。

    \b
    示例：
        gk status
        gk --today 2021-06-20 status --format json
    """,
    "list": """任务分工表：序号、工作任务、具体事项、牵头股室、协办股室、完成时间、状态。

    \b
    示例：
        gk list --office 安监股
        gk list --state 已逾期 --state 即将到期 --format json
        gk list --due-before 2021年9月底 --format csv > 事项.csv
    """,
    "show": """一项事项的全部内容：工作任务、牵头股室及其负责人、完成时间、进度、备注、进展情况。

    \b
    示例：
        gk show 8
    """,
    "roster": """领导小组名单：组长、副组长、成员及其职务。

    \b
    示例：
        gk roster
        gk roster --office 安监股 --format json
    """,
    "who": """谁负责某个股室；给出人名时，显示这个人负责哪个股室。

    \b
    示例：
        gk who 安监股
        gk who 黄梁岸
    """,
    "check": """检查 tasks.yaml 和 leading_group.yaml，逐条列出问题（文件:行:列）。

    没有问题时退出码为 0，有问题时为 1。可能的疏漏（如完成时间早于通知印发日期）作为“提醒”列出，不影响退出码。
    加 --all 时检查工作区的每一张表。

    \b
    示例：
        gk check && git commit -am "更新进度"
        gk check --rev origin/main
        gk --all check
    """,
    "overdue": """已逾期事项，逾期最久的在前，附牵头股室的负责人。

    筛选条件与 gk list 相同。

    \b
    示例：
        gk overdue
        gk overdue --lead 综合股 --export 逾期事项.xlsx
    """,
    "export": """把事项（全部或筛选后的）写入文件，供 Excel/WPS、Word 或脚本使用。

    CSV 为带 BOM 的 UTF-8，Excel 和 WPS 能正确显示中文；会被表格软件当作公式的单元格已作处理。XLSX 可直接打印（A4 横向、每页重复表头、页码），另有一张不合并单元格的工作表便于排序和筛选；逾期事项整行标红。文件名为 - 时输出到标准输出。

    \b
    示例：
        gk export 任务分工表.xlsx
        gk export 安监股.csv --office 安监股
        gk export - --format md --state 已逾期
    """,
    "report": """按牵头股室和工作任务统计：合计、已完成（按时、超时、未注明日期）、已逾期、即将到期、未到期、长期，以及按时完成率。

    按时完成率 = 在完成时间内完成的事项 ÷（已完成且注明完成日期的事项 + 已逾期事项）。

    \b
    示例：
        gk report
        gk report --since 2021-01-01 --format md > 上半年情况.md
    """,
    "remind": """可直接粘贴的催办提醒：每个有已逾期或即将到期事项的股室一段（牵头或协办）。

    每段写明负责人、每项事项的完成时间和逾期或剩余天数、本股室是【牵头】还是【协办】，并引用最近一条进展情况。

    \b
    示例：
        gk remind
        gk remind --office 安监股
        gk remind --format md > 催办.md
    """,
    "timeline": """按月排列的完成时间（简易甘特图），标出今天；不用颜色也能看清。

    筛选条件与 gk list 相同；宽度随终端调整。

    \b
    示例：
        gk timeline
        gk timeline --lead 运管股
    """,
    "start": """把事项标为进行中。

    \b
    示例：
        gk start 5
        gk start 5 6 --commit
    """,
    "done": """把事项标为已完成，并记下完成日期（默认今天，可用 --on 指定）。

    \b
    示例：
        gk done 5
        gk done 1 2 3 --on 2021-06-28 --commit
    """,
    "reopen": """重新办理已完成的事项：进度改为进行中，清除完成日期。

    \b
    示例：
        gk reopen 5
    """,
    "note": """给事项添加一条带日期的进展情况。

    记在该事项进展情况列表的末尾，格式为“日期 内容”。

    \b
    示例：
        gk note 5 "已完成平台选型"
        gk note 1 2 "已报送初稿" --on 2021-06-18
    """,
    "set": """修改事项的字段：进度、完成时间、牵头股室、协办股室、具体事项、工作任务、备注。

    \b
    示例：
        gk set 8 --deadline 2021年12月底
        gk set 8 --lead 运管股 --assist 综合股 --assist 安监股
    """,
    "add": """新增一项事项，放在所属工作任务的最后一项之后。

    不带年份的完成时间（9月底）按录入当天所在的年份理解，并把年份写入文件。

    \b
    示例：
        gk add --group 3 --title 开通政务微信公众号 --lead 综合股 \\
               --assist 局各股室（中队、站） --deadline 2021年9月底
    """,
    "rm": """从表中删除事项（先询问，加 --yes 则不询问）。

    \b
    示例：
        gk rm 17
        gk rm 17 18 --yes --commit
    """,
    "undo": """撤销 gk 最近一次对 tasks.yaml 的修改，不论是否已提交；再运行一次，撤销再往前的一次。

    gk 为自己的每次写入留一份撤销记录（最近 50 次，存在这台电脑上，在数据之外，从不提交）。此后的手工修改都保留：若手工改到了 gk 改过的那几行，gk 拒绝撤销，什么也不写。gk 提交过、且仍是最后一次提交的修改，用一次新提交撤销；否则只改文件。gk undo 撤销不了手工修改、其他程序的写入、gk import、git 合并，也撤销不了在别的电脑上做的修改。撤销不了的那次修改可以跳过（--skip），再撤销更早的。

    \b
    示例：
        gk done 13
        gk undo --dry-run
        gk undo
        gk undo --list
    """,
    "import": """把一份通知（.docx、.doc/.wps、文本、.xlsx、.csv）转成新的数据文件夹。

    读出文号、印发单位、日期和标题，任务分工表（按表头行找到；合并单元格向下填充）和领导小组附件；列出读到的内容和每一处需要核对的推断；只有新文件夹通过 gk check 时退出码才为 0。
    放在 data/ 下（data/名称）的文件夹即加入工作区，gk --all 会读到它。

    \b
    示例：
        gk import 通知.docx --out data/安全生产
        gk import 通知.txt --dry-run
    """,
    "reports": """报送情况：每个报送要求的各期 × 各股室，截止日期、报送日期和状态。

    列出 tasks.yaml 中每个 reporting: 要求到下一期为止的各期，以及每个应报送的股室（状态：按时 on_time、迟报 late、逾期未报送 missing、本期未报送 pending）。

    \b
    示例：
        gk reports
        gk reports --state missing --format json
    """,
    "reported": """记下某个股室已报送某一期的材料。

    写入 tasks.yaml 中 reporting: 要求的 reported: 列表，格式为“期次 日期 股室”。

    \b
    示例：
        gk reported 运管股 --on 2021-06-25
        gk reported 安监股 --cycle 2021-05 --on 2021-06-02 --commit
    """,
    "completion": """输出 bash、zsh 或 fish 的命令补全脚本。

    可补全命令、选项、事项序号（附标题）、股室及其简称、人名和状态词。

    \b
    示例：
        gk completion bash > ~/.local/share/bash-completion/completions/gk
        eval "$(gk completion zsh)"
    """,
    "merge-file": """git 的合并驱动：把 THEIRS 自 BASE 以来的修改按事项合并进 OURS。

    BASE OURS THEIRS [PATH] 即 git 的 %O %A %B %P，结果写入 OURS 的文件。干净合并时退出码为 0；同一字段两边都改了时为 1（写在该事项的 conflict: 下，由 gk check 指出），文件无法按表读取时也为 1（此时交给 git 按行合并并留下冲突标记）。由 gk setup-git 注册。

    \b
    示例：
        gk setup-git
        gk merge-file base.yaml ours.yaml theirs.yaml data/tasks.yaml
    """,
    "schema": """输出 tasks.yaml 或 leading_group.yaml 的 JSON Schema，供编辑器使用。

    保存在数据旁边并在文件第一行指明，VS Code（装有 YAML 扩展）就会在输入时检查字段、股室和状态。

    \b
    示例：
        gk schema tasks > tasks.schema.json
        gk schema leading_group
    """,
    "setup-git": """为本仓库注册 gk 按事项合并的驱动（可重复运行）。

    在 .git/config 中设置 merge.gk.driver，并把数据文件加入 .gitattributes（请提交该文件，使每个克隆都按事项合并）。每个克隆运行一次。

    \b
    示例：
        gk setup-git && git add .gitattributes && git commit -m "按事项合并"
    """,
    "summary": """几句可以粘贴到微信或邮件里的话：总数、各股室逾期情况、即将到期。

    一屏手机就能看完。加 --since 时，还会说明从 DATE（比如上次开会）以来完成了什么、新逾期了什么。

    \b
    示例：
        gk summary
        gk summary --since 2021-06-01 --format md
    """,
    "sync": """拉取、合并（用 gk 的驱动）并推送：每种结果一行。

    不会替你提交任何内容：请先提交自己的修改。文件夹不在 git 仓库中、没有远程仓库、有未提交的修改或正在合并时拒绝。遇到冲突时停下，指出事项和字段，并说明怎么做。

    \b
    示例：
        git commit -am "更新进度" && gk sync
    """,
    "extend": """给事项延期（延期），保留原定完成时间，并留下有日期的延期记录。

    原定完成时间是通知中的完成时间；现行完成时间（据以考核）是最后一次算数的延期的完成时间。
    延期只有在当时的现行完成时间之前（含当天）办理才算数：之后办理的会记录并显示，但不计入，
    仍按当时的现行完成时间考核（没有办理延期的事项按原定时间考核）。已完成的事项不能延期。

    \b
    示例：
        gk extend 8 --to 2021年9月底 --reason 等待上级文件 --by 陈伟
    """,
    "changes": """两个日期之间逐项发生了哪些变化，按牵头股室分组。

    新增、删除、开始办理、完成（按时/超时）、重新办理、完成时间改动、延期、牵头/协办/事项表述改动、
    进展记录（含原文），以及只因时间推移而变为逾期或即将到期的事项。按序号比较两个日期当时的分工表
    （见 README 的“As of a date”）。

    \b
    示例：
        gk changes                              # 自上次 gk meeting 以来
        gk changes --since 2021-01-01 --until 2021-03-31 --format md
        gk changes --since HEAD~5 --office 安监股 --format json
    """,
    "meeting": """在 tasks.yaml 中记下一次领导小组会议（随仓库一起保存）。

    gk changes 默认从上次会议算起，gk status 会说明此后发生了什么。

    \b
    示例：
        gk meeting 第二次专题会议 --on 2021-03-05
    """,
    "log": """一项事项的历史：每一次有记录的修改（日期、提交、作者、原值 → 新值），包括手工修改，
    再列出它有日期的记录。已删除的事项也能查。加 gk --today 日期 时只列到那一天（并说明）。

    \b
    示例：
        gk log 8
    """,
}

OPTIONS: dict[str, str] = {
    "Check the files as committed at REV (a commit, branch or tag), as a server hook does.":
        "检查 REV（提交、分支或标签）中已提交的文件，如服务器钩子那样。",
    "The 通报's title (.docx) [default: 关于<table>进展情况的通报].": "通报的标题（.docx）［默认：关于<表名>进展情况的通报］。",
    "In the calendar (.ics), a reminder N days before each deadline not yet done.":
        "日历（.ics）中，在每个未完成事项的完成时间前 N 天提醒。",
    "Output format [default: text, or docx for -o FILE.docx].": "输出格式［默认：文本；-o 文件名.docx 时为 docx］。",
    "Write the Word document (--format docx) to FILE; - for stdout.": "把 Word 文档（--format docx）写入 FILE；- 为标准输出。",
    "In the 催办通知单, the day to reply by [default: 7 days from today].": "催办通知单中的回复期限［默认：今天起 7 天］。",
    "Output format [default: table, or docx for -o FILE.docx].": "输出格式［默认：表格；-o 文件名.docx 时为 docx］。",
    "The 通报's title [default: 关于<table>进展情况的通报].": "通报的标题［默认：关于<表名>进展情况的通报］。",
    "Also say what was done, and what fell overdue, from DATE (or the last meeting) to today.": "同时说明从 DATE（或上次会议，last-meeting）到今天完成了什么、新逾期了什么。",
    "Rebase your commits on the remote's instead of merging.": "把你的提交变基到远程的提交之上，而不是合并。",
    "For a recurring item: the occurrence done (2021-06, 2021-Q2, 2021-H1, 2021) [default: the current one].":
        "周期性事项：完成的是哪一期（2021-06、2021-Q2、2021-H1、2021）［默认：当前一期］。",
    "The day the report came in [default: today].": "收到报送的日期［默认：今天］。",
    "The day a period deadline (10个工作日内) counts from [default: the notice's date].":
        "期限类完成时间（如 10个工作日内）的起算日期［默认：通知印发日期］。",
    "The cycle reported: 2021-06, 2021-Q2, 2021-H1 or 2021 [default: the last one missed, else the one due next].":
        "报送的期次：2021-06、2021-Q2、2021-H1 或 2021［默认：最近漏报的一期，否则下一期］。",
    "Which report, when tasks.yaml declares several.": "tasks.yaml 有多个报送要求时，指明是哪一个。",
    "Only this office's reports.": "只看这个股室的报送。",
    "The day a period deadline (10个工作日内) counts from.": "期限类完成时间（如 10个工作日内）的起算日期。",
    "on_time, late, missing (逾期未报送) or pending (本期未报送); repeatable.":
        "按时 on_time、迟报 late、逾期未报送 missing、本期未报送 pending；可重复。",
    "The new data folder to write (it must not exist).": "要写入的新数据文件夹（不能已存在）。",
    "Print the two files instead of writing them.": "只显示两个文件的内容，不写入。",
    "Output format.": "输出格式。","Items the office leads or assists (aliases and groups count).":
        "该股室牵头或协办的事项（简称和股室组合都算）。",
    "Items the office leads.": "该股室牵头的事项。","Items the office assists, named or through a group such as 局各股室.":
        "该股室协办的事项（直接列出的，或通过 局各股室 这样的组合）；也可给组合的简称。",
    "Derived state; repeat for several.":
        "状态：已逾期、即将到期、未到期、长期、已完成（或 overdue 等）；可重复。",
    "Status as written in the file; repeatable.": "文件中写的进度；可重复。","Work task (工作任务) id; repeatable.": "工作任务编号；可重复。","Deadline on or before DATE.": "完成时间不晚于 DATE（如 2021-09-30、2021年9月底）。","Deadline on or after DATE.": "完成时间不早于 DATE。","Text in the title, work task, offices or notes.": "具体事项、工作任务、股室或备注中含有的文字。","Folder with tasks.yaml and leading_group.yaml [env GK_DATA; default: nearest data/ upward].":
        "tasks.yaml 和 leading_group.yaml 所在的文件夹［环境变量 GK_DATA；默认：向上最近的 data/］。",
    "Pretend today is DATE (2021-06-30) [env GK_TODAY].": "把 DATE 当作今天（2021-06-30）［环境变量 GK_TODAY］。","Language of output [env GK_LANG].": "输出语言：zh 中文，en 英文［环境变量 GK_LANG］。","Items due within N days are 'due soon' [default: settings.due_soon_days or 14].":
        "N 天内到期算“即将到期”［默认：settings.due_soon_days，或 14］。",
    "Only the people who answer for this office.": "只列出负责该股室的人。","Write the list to FILE (.csv, .xlsx, .md, .json; - for stdout).":
        "把清单写入 FILE（.csv、.xlsx、.md、.json；- 为标准输出）。",
    "Overwrite FILE if it exists.": "FILE 已存在时覆盖。","Output format [default: table, or the FILE's extension].": "输出格式［默认：表格，或按 FILE 的扩展名］。","Format [default: from FILE's extension].": "格式［默认：按 FILE 的扩展名］。","Only items due, or done, from DATE (or the last meeting) to today.": "只统计 DATE（或上次会议，last-meeting）至今天之间到期或完成的事项。","Only this office (leading or assisting).": "只给这个股室（牵头或协办）。","git commit the change [default: settings.commit].": "用 git 提交这次修改［默认：settings.commit］。","Print the diff it would make; write nothing.": "只显示将要做的修改，不写入。","List the writes gk can undo, newest first; change nothing.": "列出 gk 可以撤销的写入，新的在前；不做任何修改。","Print what would be undone and the diff; write nothing.": "显示将撤销哪次修改及其差异，不写入。","Mark the write gk undo would take back next as not to be undone; the next undo goes further back.": "把下一次 gk undo 要撤销的那次修改标为不撤销（跳过），再撤销就往更早的去。","The day it was done [default: today].": "完成的日期［默认：今天］。","The date of the note [default: today].": "进展的日期［默认：今天］。","todo, doing, done (or 未开始, 进行中, 已完成).": "未开始、进行中、已完成（或 todo、doing、done）。","A deadline phrase (2021年12月底) or date.": "完成时间（如 2021年12月底）或日期。","The lead office.": "牵头股室。","Assisting office; repeat for several (replaces the list).": "协办股室；多个就重复（替换原有列表）。","The item's wording.": "具体事项的表述。","The work task it belongs to.": "所属工作任务的编号。","Free-text notes (replaces them).": "备注（替换原有备注）。","The work task (工作任务) id.": "所属工作任务的编号。","The item's wording (具体事项).": "具体事项的表述。","The lead office (牵头股室).": "牵头股室。","Assisting office; repeatable.": "协办股室；可重复。","完成时间, as written.": "完成时间，照通知原文写（如 2021年9月底）。","Its 序号 [default: the next one never used, in the file or its git history].": "序号［默认：文件及其 git 历史中从未用过的下一个序号］。","Do not ask for confirmation.": "不询问，直接删除。","The status it starts with.": "初始进度。","Show the version and exit.": "显示版本号并退出。","Every table of the workspace (data/ and each data/NAME/) together, with the notice number (文号): status, list, overdue, report, remind, export, check.": "工作区的所有表格（data/ 及其下每个 data/名称/）一起看，并标出文号：适用于 status、list、overdue、report、remind、export、check。","The message of one office alone, nothing else (to paste).": "只输出这一个股室的提醒正文（便于粘贴）。",
    "The table as it stood at the end of DATE (2021-06-30) [env GK_TODAY].":
        "按 DATE（2021-06-30）当天结束时的分工表显示［环境变量 GK_TODAY］。",
    "From the end of this day, from a git revision, or from the last meeting [default: last-meeting].":
        "从这一天结束时、某个 git 版本，或上次会议算起［默认：last-meeting，上次会议］。",
    "To the end of this day [default: today].": "到这一天结束时为止［默认：今天］。",
    "Only items the office leads or assists.": "只看这个股室牵头或协办的事项。",
    "The new deadline, a phrase (2021年9月底) or a date.": "新的完成时间，写法如 2021年9月底，或一个日期。",
    "Why it was extended.": "延期理由。",
    "The day the extension was granted [default: today].": "批准延期的日期［默认：今天］。",
    "Who granted it.": "批准人。",
    "The day of the meeting [default: today].": "会议日期［默认：今天］。",
}
