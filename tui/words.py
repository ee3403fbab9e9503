"""The words of jixiao's screens and command line, in Chinese and English: titles, labels, hints,
notices and the command line's help and output.

The store keeps the report's wording and vocabulary and the reasons it refuses something
(store/catalogue.py); what only the terminal app and the jixiao command say lives here, and
the keys' labels and help text in the action registry (tui/actions.toml). `message` looks a
key up here first, then in the store's catalogue, so a screen names any text by its key alone.
"""

from __future__ import annotations

from store import catalogue

MESSAGES: dict[str, dict[str, str]] = {
    "cli.help.backup": {
        "zh": "立即把报告文件备份到其旁边的 backups 文件夹（检查完好才算数，保留最近 10 份），并显示备份的位置；"
        "加 --list 列出所有备份及是否完好",
        "en": "back up the report file now into the backups folder beside it (checked; the last 10 are kept); "
        "print where; with --list, list every backup and whether it is good",
    },
    "cli.help.backup_list": {
        "zh": "不备份，列出所有备份（新的在前）：时间、大小、完好或已损坏，以及最近一份完好的",
        "en": "make no copy: list every backup (newest first) with its time, size, good or damaged, and the newest good one",
    },
    "cli.help.restore": {
        "zh": "用一份备份恢复报告文件：先检查备份是否完好，再把当前文件备份一份（可撤销），然后写入；"
        "须先关闭打开此文件的 jixiao",
        "en": "restore the report file from a backup: the backup is checked, the current file is backed up first "
        "(so it can be undone), then written; close any jixiao that has the file open",
    },
    "cli.help.restore_backup": {
        "zh": "备份文件的路径，或 jixiao backup DB --list 列出的序号（1 是最新的）",
        "en": "the backup file, or its number in jixiao backup DB --list (1 is the newest)",
    },
    "cli.help.restore_db": {"zh": "要恢复的报告文件", "en": "the report file to restore"},
    "ui.conflict.reshaped": {
        "zh": "另一处刚在这一列表中增删了条目，你的修改已对不上原来的那一项，所以没有保存；"
        "现在显示的是文件中的内容，请在对应的条目上重新修改",
        "en": "items were just added to or removed from this list elsewhere, so your change no longer "
        "matches its item and was not saved; the file's version is shown, please make the change again",
    },
    "ui.checks.title": {"zh": "检查", "en": "Checks"},
    "ui.checks.summary": {
        "zh": "检查结果：{errors} 个错误，{warnings} 个警告（{goto}转到字段）",
        "en": "Checks: errors {errors}, warnings {warnings} ({goto} goes to the field)",
    },
    "ui.checks.none": {
        "zh": "没有发现问题：各项数字相互吻合，必填章节均已填写。",
        "en": "No findings: the figures agree and every required section is filled in.",
    },
    "ui.checks.error": {"zh": "错误", "en": "error"},
    "ui.checks.warning": {"zh": "警告", "en": "warning"},
    "ui.checks.ratios": {"zh": "绩效指标", "en": "Indicators"},
    "ui.checks.choose_place": {
        "zh": "这一问题涉及几处，转到哪一处？（回车选择，{back} 返回）",
        "en": "This finding names several places; go to which? (Enter chooses, {back} goes back)",
    },
    "ui.preview.title": {"zh": "预览", "en": "Preview"},
    "ui.export.title": {"zh": "导出报告", "en": "Export the report"},
    "ui.export.format": {"zh": "格式", "en": "Format"},
    "ui.export.markdown": {"zh": "Markdown（.md）", "en": "Markdown (.md)"},
    "ui.export.word": {"zh": "Word 公文稿（.docx）", "en": "Word draft (.docx)"},
    "ui.export.tables": {"zh": "附表（收支、支出分类、三公经费、指标）", "en": "Appendix tables (附表)"},
    "ui.export.path": {"zh": "保存到", "en": "Save to"},
    "ui.export.errors.question": {
        "zh": "检查发现 {count} 处错误：导出的文件中数字前后不一致。仍然导出，还是先去检查（{checks}）改正？",
        "en": "The checks found {count} error(s): figures in the exported file will disagree."
        " Export all the same, or go to the checks ({checks}) first?",
    },
    "ui.export.errors.anyway": {"zh": "仍然导出", "en": "Export anyway"},
    "ui.export.errors.see": {"zh": "去检查（{checks}）", "en": "Go to checks ({checks})"},
    "ui.export.hint": {
        "zh": "{run} 或在路径上回车即导出；{close} 关闭。",
        "en": "{run}, or Enter on the path, exports; {close} closes.",
    },
    "ui.export.run": {"zh": "导出", "en": "Export"},
    "ui.export.close": {"zh": "关闭", "en": "Close"},
    "ui.export.no_path": {"zh": "请填写保存位置", "en": "Enter where to save the file"},
    "ui.export.working": {"zh": "正在写入 {path} …", "en": "Writing {path} …"},
    "ui.export.done": {"zh": "已导出：{path}", "en": "Exported: {path}"},
    "ui.export.folder_made": {
        "zh": "文件夹原先不存在，已新建：{path}",
        "en": "The folder did not exist and was made: {path}",
    },
    "ui.export.failed": {"zh": "导出失败：{reason}", "en": "Export failed: {reason}"},
    "ui.help.title": {"zh": "按键（{close} 关闭）", "en": "Keys ({close} closes)"},
    "ui.help.screen_keys": {"zh": "本页按键", "en": "Keys of this screen"},
    "ui.help.app_keys": {"zh": "随处可用", "en": "Keys that work everywhere"},
    "ui.help.ids": {"zh": "改键用的编号", "en": "ids for remapping keys"},
    "ui.help.remap": {
        "zh": '改键：在设置文件的 [keys] 一节写 "上面的编号" = "新键"，如 "jixiao.checks" = "f7"。',
        "en": 'To remap, write "id above" = "key" in the [keys] section of the settings file, e.g. "jixiao.checks" = "f7".',
    },
    "ui.palette.placeholder": {
        "zh": "输入要做的事或按键，如“检查”“f9”…",
        "en": "Type what to do or a key, e.g. checks, f9…",
    },
    "cli.description": {
        "zh": "部门整体支出绩效评价报告：录入、校验、交换。\n不带命令时，jixiao [DB] 就是 jixiao open [DB]：用程序打开报告文件。",
        "en": "Department expenditure performance reports: enter, check, exchange.\n"
        "Without a command, jixiao [DB] means jixiao open [DB]: open the report file in the app.",
    },
    "cli.epilog": {
        "zh": "退出码：0 正常；1 校验发现错误（check）；2 文件或输入无法使用。\n每个命令的用法：jixiao 命令 --help",
        "en": "Exit status: 0 fine; 1 check found errors; 2 the file or input cannot be used.\n"
        "Help on a command: jixiao COMMAND --help",
    },
    "cli.help.lang": {
        "zh": "输出语言：zh（中文，默认）或 en（英文）",
        "en": "language: zh (Chinese, default) or en",
    },
    "cli.help.open": {"zh": "用程序打开报告文件（默认命令）", "en": "open a report file in the app (the default)"},
    "cli.help.open_db": {
        "zh": "报告文件；省略时用“文档/jixiao/jixiao.db”（首次运行时新建）",
        "en": "report file; default Documents/jixiao/jixiao.db (made on first run)",
    },
    "cli.help.check": {
        "zh": "校验报告的勾稽关系，列出问题和指标（有错误时退出码为 1）",
        "en": "check that the report's figures agree; list findings and indicators (exit 1 on errors)",
    },
    "cli.help.dump": {
        "zh": "把报告写成 TOML 交换文件（可用 U 盘或邮件带到另一台电脑）",
        "en": "write reports as a TOML exchange file (to carry to another PC)",
    },
    "cli.help.load": {
        "zh": "从 TOML 交换文件导入报告，要么全部导入，要么一份也不导入",
        "en": "load reports from a TOML exchange file: all of them or none",
    },
    "cli.help.db": {"zh": "报告文件（SQLite）", "en": "report file (SQLite)"},
    "cli.help.load_db": {"zh": "报告文件（SQLite；不存在时新建）", "en": "report file (SQLite; made if absent)"},
    "cli.help.toml": {"zh": "TOML 交换文件（UTF-8）", "en": "TOML exchange file (UTF-8)"},
    "cli.help.report": {
        "zh": "报告编号（文件里只有一份报告时可省略）",
        "en": "report id (may be left out when the file holds one report)",
    },
    "cli.help.dump_report": {
        "zh": "只写这份报告（可重复；省略时写出全部报告）",
        "en": "only this report (repeatable; default: every report)",
    },
    "cli.help.output": {"zh": "写入此文件（省略时输出到屏幕）", "en": "write into this file (default: the screen)"},
    "cli.help.replace": {
        "zh": "同一单位同一年度的报告已存在时，用文件中的替换它",
        "en": "replace a report of the same unit and year already in the file",
    },
    "cli.usage_error": {
        "zh": "命令用法有误：{detail}（用 jixiao --help 查看用法）",
        "en": "wrong usage: {detail} (see jixiao --help)",
    },
    "cli.unknown_command": {
        "zh": "没有“{word}”这个命令（命令有：{commands}）；要打开或新建报告文件，请写出扩展名，如 {word}.db",
        "en": "there is no command “{word}” (commands: {commands}); to open or make a report file, "
        "give its extension, e.g. {word}.db",
    },
    "cli.refused": {"zh": "错误：{reason}", "en": "error: {reason}"},
    "cli.loaded": {"zh": "已导入 {count} 份报告到“{path}”：", "en": "loaded {count} report(s) into “{path}”:"},
    "cli.dumped": {"zh": "已把 {count} 份报告写入“{path}”", "en": "wrote {count} report(s) to “{path}”"},
    "cli.check.head": {"zh": "{unit} {year}年度报告（编号 {id}）", "en": "{unit}, report for {year} (id {id})"},
    "cli.check.error": {"zh": "【错误】{text}", "en": "[error] {text}"},
    "cli.check.warning": {"zh": "【提醒】{text}", "en": "[warning] {text}"},
    "cli.check.summary": {
        "zh": "共 {errors} 项错误，{warnings} 项提醒。",
        "en": "{errors} error(s), {warnings} warning(s).",
    },
    "cli.check.clean": {"zh": "未发现问题。", "en": "No findings."},
    "cli.check.ratios": {"zh": "指标：", "en": "Indicators:"},
    "cli.check.ratio": {"zh": "  {label} {value}：{formula}", "en": "  {label} {value}: {formula}"},
    "cli.check.no_value": {"zh": "无法计算（除数为零）", "en": "cannot be worked out (divisor is zero)"},
    "ui.app.title": {"zh": "jixiao 绩效评价报告", "en": "jixiao performance reports"},
    "ui.save.failed": {"zh": "未能保存：{error}", "en": "could not save: {error}"},
    "ui.dialog.cancel": {"zh": "取消", "en": "Cancel"},
    "ui.conflict.text": {
        "zh": "这份报告刚在别处（另一个窗口或另一台电脑）被修改过，你的这处修改尚未保存。\n"
        "保留我的：用本屏上的内容覆盖那处修改；采用文件中的：放弃本屏这处修改，显示文件中的内容。",
        "en": "This report was just changed elsewhere (another window or PC); your change is not saved yet.\n"
        "Keep mine: write what is on this screen over it. Take the file's: drop this change and show the file.",
    },
    "ui.conflict.keep_mine": {"zh": "保留我的", "en": "Keep mine"},
    "ui.conflict.take_theirs": {"zh": "采用文件中的", "en": "Take the file's"},
    "ui.home.heading": {"zh": "jixiao 绩效评价报告 · 文件：{path}", "en": "jixiao · file: {path}"},
    "ui.home.filter": {"zh": "筛选", "en": "Filter"},
    "ui.home.filter_hint": {
        "zh": "输入单位或年度筛选；{up}/{down}选择，{open}打开",
        "en": "type a unit or year; {up}/{down} to choose, {open} to open",
    },
    "ui.home.unit": {"zh": "单位", "en": "Unit"},
    "ui.home.unit_hint": {"zh": "单位全称，如 长沙市开福区月湖街道办事处", "en": "the unit's full name"},
    "ui.home.year": {"zh": "年度", "en": "Year"},
    "ui.home.updated": {"zh": "最后修改", "en": "Last edited"},
    "ui.home.findings": {"zh": "待处理", "en": "Findings"},
    "ui.home.no_findings": {"zh": "无", "en": "none"},
    "ui.home.finding_counts": {"zh": "错误{errors} 警告{warnings}", "en": "{errors} err {warnings} warn"},
    "ui.home.empty": {
        "zh": "这个文件里还没有报告。按 {new} 新建一份。",
        "en": "No reports in this file yet. Press {new} to start one.",
    },
    "ui.home.new_title": {"zh": "新建报告", "en": "New report"},
    "ui.home.create": {"zh": "新建", "en": "Create"},
    "ui.home.delete": {"zh": "删除", "en": "Delete"},
    "ui.home.confirm_delete": {
        "zh": "删除“{unit}”{year}年度的报告？\n报告的全部内容将从文件中删除，不能撤销。",
        "en": "Delete the {year} report of “{unit}”?\nEverything in it is removed from the file; this cannot be undone.",
    },
    "ui.home.deleted": {"zh": "已删除“{unit}”{year}年度的报告", "en": "deleted the {year} report of “{unit}”"},
    "ui.part.heading": {"zh": "{unit} {year}年度 · 文件：{path}", "en": "{unit} {year} · file: {path}"},
    "ui.part.org": {"zh": "组织与人员", "en": "Org & staff"},
    "ui.part.budget": {"zh": "预算执行", "en": "Budget"},
    "ui.part.results": {"zh": "项目成果", "en": "Results"},
    "ui.part.problems": {"zh": "问题与改进", "en": "Problems"},
    "ui.part.prose": {"zh": "其他章节与落款", "en": "Other & sign"},
    "ui.status.ready": {
        "zh": "每处修改离开输入框或停顿片刻即自动保存",
        "en": "every change is saved when you leave the field or pause typing",
    },
    "ui.status.saved": {"zh": "已保存 {time}", "en": "saved {time}"},
    "ui.status.refused": {"zh": "{status} · {field}：{reason}", "en": "{status} · {field}: {reason}"},
    "ui.status.unsaved": {"zh": "未保存 {n} 处：{whys}", "en": "not saved, {n} field(s): {whys}"},
    "ui.unsaved.separator": {"zh": "，", "en": "; "},
    "ui.unsaved.waiting.count": {
        "zh": "{n} 处因文件被其他程序锁定，将自动重试",
        "en": "{n} waiting for the file, locked by another program (retrying)",
    },
    "ui.unsaved.input.count": {"zh": "{n} 处输入有误", "en": "{n} with input that cannot be read"},
    "ui.unsaved.conflict.count": {
        "zh": "{n} 处与别处的修改冲突",
        "en": "{n} in conflict with a change made elsewhere",
    },
    "ui.unsaved.failed.count": {"zh": "{n} 处未能写入文件", "en": "{n} that could not be written"},
    "ui.unsaved.locked": {
        "zh": "未保存：文件被其他程序锁定，解锁后自动保存",
        "en": "not saved: the file is locked by another program; saved as soon as it is free",
    },
    "ui.unsaved.title": {"zh": "有未保存的内容", "en": "Unsaved changes"},
    "ui.unsaved.question": {
        "zh": "还有 {n} 处修改没有保存：{whys}。\n现在离开，这些内容将会丢失。",
        "en": "{n} change(s) are not saved: {whys}.\nLeave now and they are lost.",
    },
    "ui.unsaved.keep_editing": {"zh": "继续编辑", "en": "Keep editing"},
    "ui.unsaved.wait": {"zh": "等保存完再退出", "en": "Quit once saved"},
    "ui.unsaved.discard_quit": {"zh": "放弃未保存内容并退出", "en": "Discard and quit"},
    "ui.unsaved.discard_leave": {"zh": "放弃未保存内容并离开", "en": "Discard and leave"},
    "ui.unsaved.waiting_to_quit": {
        "zh": "文件解锁、保存完成后自动退出",
        "en": "quitting once the file is free and the changes are saved",
    },
    "ui.list.add_first": {"zh": "＋ 添加第一项（{add}）", "en": "+ add the first item ({add})"},
    "ui.list.fix_first": {
        "zh": "请先改正标红的输入，再增删或移动",
        "en": "fix the input marked in red before adding, moving or deleting",
    },
    "ui.list.more_before": {
        "zh": "⋯ 前面还有 {n} 项（{previous} 逐项显示）",
        "en": "⋯ {n} more above ({previous} shows them)",
    },
    "ui.list.more_after": {"zh": "⋯ 后面还有 {n} 项（{next} 逐项显示）", "en": "⋯ {n} more below ({next} shows them)"},
    "ui.list.confirm_delete": {"zh": "删除第{n}项“{what}”？", "en": "Delete item {n} “{what}”?"},
    "ui.list.delete": {"zh": "删除", "en": "Delete"},
    "ui.org.add_group": {"zh": "＋ 添加机构类别（如 党政机构）", "en": "+ add a kind of body"},
    "ui.org.add_body": {"zh": "＋ 添加机构", "en": "+ add a body"},
    "ui.org.plates_column": {"zh": "加挂牌子（多个用、分隔）", "en": "extra plates (separate with 、)"},
    "ui.org.add_staff_line": {"zh": "＋ 添加人员类别", "en": "+ add a staff category"},
    "ui.field.offer": {"zh": "{value}（按{enter}填入）", "en": "{value} ({enter} fills it in)"},
    "ui.part.last_field": {"zh": "已是本页最后一项", "en": "this is the last field on the page"},
    "ui.part.first_field": {"zh": "已是本页第一项", "en": "this is the first field on the page"},
    "ui.org.staff_sum": {"zh": "各类合计 {total}", "en": "lines add up to {total}"},
    "ui.org.change_hint": {"zh": "如 5、-3、增加5、减少3", "en": "e.g. 5 or -3"},
    "ui.org.add_duty": {"zh": "＋ 添加职责", "en": "+ add a duty"},
    "ui.budget.of_which": {"zh": "其中：{label}", "en": "of which: {label}"},
    "ui.budget.unit": {"zh": "万元", "en": "万元"},
    "ui.budget.amount_column": {"zh": "金额（万元）", "en": "amount (万元)"},
    "ui.budget.share_column": {"zh": "占比", "en": "share"},
    "ui.budget.add_line": {"zh": "＋ 添加经济分类", "en": "+ add a category"},
    "ui.budget.add_sangong": {"zh": "＋ 添加三公经费项目", "en": "+ add an item"},
    "ui.budget.total": {"zh": "合计 {total} 万元", "en": "total {total} 万元"},
    "ui.budget.stated": {
        "zh": "；{part}所列{label} {amount} 万元",
        "en": "; {part} states {label} {amount} 万元",
    },
    "ui.results.add_result": {"zh": "＋ 添加项目成果", "en": "+ add a result"},
    "ui.results.add_indicator": {"zh": "＋ 添加指标（目标、实际）", "en": "+ add an indicator"},
    "ui.results.completion_column": {"zh": "完成率", "en": "done"},
    "ui.problems.add": {"zh": "＋ 添加问题", "en": "+ add a problem"},
    "ui.remedies.add": {"zh": "＋ 添加改进措施", "en": "+ add a remedy"},
    "ui.prose.title_hint": {
        "zh": "短标题，如“固定资产管理”；正文写在下面的“内容”",
        "en": "a short title; the text goes in 内容 below",
    },
    "ui.prose.title_long": {"zh": "标题宜短，正文按{enter}到“内容”", "en": "keep it short; {enter} goes to 内容"},
    "ui.prose.add_point": {"zh": "＋ 添加{part}要点", "en": "+ add a point to {part}"},
    "ui.prose.date_hint": {"zh": "如 2020年9月21日", "en": "e.g. 2020-09-21"},
    "cli.help.export": {
        "zh": "导出报告为 Markdown 或公文格式 Word 稿",
        "en": "export a report as Markdown or as an official-layout Word draft",
    },
    "cli.help.format": {
        "zh": "导出格式：md、docx 或 xlsx（xlsx 为自评表与基础数据表）",
        "en": "format: md, docx or xlsx (xlsx: the 自评表 and 基础数据表 forms)",
    },
    "cli.help.export_output": {
        "zh": "保存为此文件或存入此文件夹（省略时为当前文件夹下的“单位简称-年度-绩效评价报告”）",
        "en": "save as this file or into this folder (default: <unit>-<year>-绩效评价报告 in the current folder)",
    },
    "cli.help.no_tables": {"zh": "不附附表", "en": "leave out the appendix tables (附表)"},
    "ui.home.more": {
        "zh": "还有 {count} 份报告未列出，输入单位名或年度即可找到",
        "en": "{count} more reports not listed; type a unit or a year to find them",
    },
    "cli.help.accounts_report": {
        "zh": "决算工作簿导入到哪份报告（编号）；默认按工作簿的单位和年度找",
        "en": "the report a 决算 workbook goes into (its id); by default the workbook's unit and year",
    },
    "cli.help.dry_run": {"zh": "只列出会改哪些数，不写入", "en": "list what would change, write nothing"},
    "cli.help.import": {
        "zh": "把 Word（.docx、.doc）、WPS（.wps）或文本（.txt）格式的报告导入报告文件",
        "en": "import a report written as a Word (.docx, .doc), WPS (.wps) or text (.txt) file into a report file",
    },
    "cli.help.import_file": {
        "zh": "要导入的 .docx、.doc、.wps 或 .txt 文件",
        "en": "the .docx, .doc, .wps or .txt file to import",
    },
    "cli.help.as_copy": {
        "zh": "同一单位同一年度的报告已存在时，导入为副本（单位名后加“（导入副本）”）",
        "en": "when the unit's report for that year exists, import this one as a copy (名称（导入副本）)",
    },
    "ui.import.title": {"zh": "导入 Word 或文本格式的报告", "en": "Import a report from a Word or text file"},
    "ui.import.path": {"zh": "文件", "en": "File"},
    "ui.import.path_hint": {
        "zh": ".docx、.doc、.wps 或 .txt 文件的位置，可直接粘贴，如 D:\\报告\\2019年绩效评价报告.docx",
        "en": "where the .docx, .doc, .wps or .txt file is; paste it, e.g. D:\\reports\\2019.docx",
    },
    "ui.import.do": {"zh": "导入", "en": "Import"},
    "ui.import.as_copy": {"zh": "导入为副本", "en": "Import as a copy"},
    "ui.import.done_doubtful": {
        "zh": "已导入 {unit} {year}年度的报告；未归类 {count} 段，其中 {doubtful} 段的数字归属不确定、未填入，请核对",
        "en": "imported the {year} report of {unit}; {count} piece(s) unplaced, {doubtful} with a number not filled in to check",
    },
    "ui.import.done": {
        "zh": "已导入 {unit} {year}年度的报告；未归类 {count} 段",
        "en": "imported the {year} report of {unit}; {count} piece(s) unplaced",
    },
    "ui.unplaced.title": {"zh": "未归类", "en": "Unplaced"},
    "ui.unplaced.hint": {
        "zh": "导入时未能归位的内容。{place}：选择放到哪里；{delete}：删除此段。",
        "en": "What the import could not place. {place}: choose where it goes; {delete}: delete it.",
    },
    "ui.unplaced.none": {"zh": "没有未归类的内容。", "en": "Nothing is left unplaced."},
    "ui.unplaced.choose": {"zh": "把“{text}”放到：", "en": "Put “{text}” into:"},
    "ui.unplaced.placed": {"zh": "已放入 {target}", "en": "moved into {target}"},
    "ui.unplaced.confirm_delete": {"zh": "删除这一段？“{text}”", "en": "Delete this piece? “{text}”"},
    "ui.unplaced.delete": {"zh": "删除", "en": "Delete"},
    "ui.outline.title": {
        "zh": "报告提纲：选择本报告采用的章节结构",
        "en": "Outline: the chapters this report follows",
    },
    "ui.outline.kept": {
        "zh": "更换后，两种提纲共有的内容照旧；只有原提纲才有的内容仍保存在文件里，换回即可看到。{cancel} 取消",
        "en": "What both outlines share stays; what only the old one shows stays in the file and returns if you switch back. {cancel} cancels",
    },
    "ui.outline.switched": {"zh": "已改用提纲：{name}", "en": "Now following: {name}"},
    "ui.outline.current": {"zh": "报告提纲：{name}（{outline} 更换）", "en": "Outline: {name} ({outline} to change)"},
    "ui.home.outline": {"zh": "提纲", "en": "Outline"},
    "cli.help.sheet": {
        "zh": "导出哪一份：report 报告（md、docx 的默认）、scores 自评表、figures 基础数据表、forms 两张表（xlsx 的默认）",
        "en": "what to export: report (default for md, docx), scores (自评表), figures (基础数据表), forms (both; default for xlsx)",
    },
    "cli.sheet_format": {
        "zh": "--sheet {sheet} 不能导出为 {fmt}：报告只导出为 md 或 docx，两张表合在一起只导出为 xlsx",
        "en": "--sheet {sheet} cannot be written as {fmt}: the report is md or docx only, both forms together xlsx only",
    },
    "cli.help.next": {
        "zh": "由上年报告新建下一年度报告（沿用机构、职责、各段文字等，数字留空）",
        "en": "start next year's report from last year's (organisation, duties, prose kept; figures blank)",
    },
    "cli.help.next_report": {
        "zh": "作为上年报告的报告编号（文件里只有一份时可省略）",
        "en": "id of last year's report to start from (may be left out when the file holds one)",
    },
    "cli.next.made": {
        "zh": "已由{last}年报告新建 {unit} {year}年度报告（编号 {id}）：{copied}段文字和条目沿用上年原文，"
        "上年结余取上年本年结余，三公上年实际数取上年实际数，其他数字留空待填",
        "en": "made the {year} report of {unit} (id {id}) from the {last} report: {copied} blocks and items "
        "keep last year's words; 上年结余 is last year's 本年结余, 三公 上年实际数 last year's actuals; "
        "other figures are blank",
    },
    "cli.check.shares": {"zh": "{label}：{rule}", "en": "{label}: {rule}"},
    "cli.next.years": {
        "zh": "其中 {count} 处仍写着“{last}年”：在程序中打开这份报告，在 {checks} 检查里按 {years} 可逐段或一次更新年份",
        "en": "{count} of them still say “{last}年”: open the report in the app and press {years} in the {checks} checks "
        "to update the years, block by block or all at once",
    },
    "ui.home.from_last": {
        "zh": "或由所选报告“{unit} {last}年度”新建下一年度（沿用机构、职责和各段文字，数字留空）：",
        "en": "Or start next year from the selected “{unit} {last}” (organisation, duties and prose kept, "
        "figures blank):",
    },
    "ui.home.next_year": {"zh": "新建{year}年度", "en": "Start {year}"},
    "ui.years.title": {
        "zh": "以下 {count} 段沿用{last}年报告的文字仍写着“{last}年”：勾选的将改为“{year}年”",
        "en": "{count} blocks copied from the {last} report still say “{last}年”: the ticked ones become “{year}年”",
    },
    "ui.years.hint": {
        "zh": "空格勾选或取消；改年份后这些段落仍标为上年原文，请逐段改写",
        "en": "Space ticks or unticks; after the years change these blocks are still last year's text: rewrite them",
    },
    "ui.years.nothing": {
        "zh": "沿用上年的段落里已没有“{last}年”",
        "en": "no copied block still says “{last}年”",
    },
    "ui.years.chosen": {"zh": "更新所选", "en": "Update ticked"},
    "ui.years.all": {"zh": "全部更新", "en": "Update all"},
    "ui.years.none": {"zh": "不更新", "en": "Leave as is"},
    "ui.years.done": {
        "zh": "已把 {count} 段的年份改为{year}年",
        "en": "years brought forward to {year} in {count} blocks",
    },
    "ui.preview.copied": {"zh": "【上年原文】", "en": "[last year's text] "},
    "ui.scoring.title": {"zh": "自评表", "en": "Self-assessment (自评表)"},
    "ui.scoring.system": {
        "zh": "指标体系：{name}\n（{next_system} 换为：{others}）",
        "en": "indicator system: {name}\n({next_system} switches to: {others})",
    },
    "ui.scoring.total": {"zh": "综合得分 {total} 分 · 等级 {grade}", "en": "total {total} · grade {grade}"},
    "ui.scoring.total_partial": {
        "zh": "已得 {total} 分 · 尚有 {left} 项未评分（等级暂为 {grade}）",
        "en": "{total} so far · {left} indicators not scored yet (grade for now: {grade})",
    },
    "ui.scoring.weight": {"zh": "分值 {weight}", "en": "weight {weight}"},
    "ui.scoring.scored": {"zh": "得分 {score}", "en": "score {score}"},
    "ui.scoring.score": {"zh": "得分（≤{weight}）", "en": "score (≤{weight})"},
    "ui.scoring.reason": {"zh": "理由", "en": "reason"},
    "ui.export.content": {"zh": "内容", "en": "What"},
    "ui.export.content.report": {"zh": "报告（Excel 时为两张表）", "en": "Report (Excel: both forms)"},
    "ui.export.content.scores": {"zh": "自评表", "en": "自评表 (scores)"},
    "ui.export.content.figures": {"zh": "基础数据表", "en": "基础数据表 (figures)"},
    "ui.export.content.forms": {"zh": "两张表", "en": "Both forms"},
    "ui.export.excel": {"zh": "Excel（.xlsx）", "en": "Excel (.xlsx)"},
    "ui.export.mismatch": {
        "zh": "两张表合在一起只导出为 Excel；Word 或 Markdown 请选其中一张表",
        "en": "both forms together are exported as Excel only; for Word or Markdown choose one form",
    },
    "ui.accounts.title": {
        "zh": "从部门决算工作簿导入本报告的数",
        "en": "Bring this report's figures in from a 部门决算 workbook",
    },
    "ui.accounts.path_hint": {
        "zh": ".xls、.xlsx 或 .ods 工作簿的位置，可直接粘贴，如 D:\\决算\\2019年部门决算.xls",
        "en": "where the .xls, .xlsx or .ods workbook is; paste it, e.g. D:\\accounts\\2019.xls",
    },
    "ui.accounts.read": {"zh": "读取", "en": "Read"},
    "ui.accounts.other_report": {
        "zh": "注意：工作簿是“{unit}” {year} 年度的，而打开的报告是“{report_unit}” {report_year} 年度；确认无误再写入",
        "en": "note: the workbook is of “{unit}” for {year}, the open report of “{report_unit}” for {report_year}; "
        "write only if that is right",
    },
    "ui.accounts.changes": {
        "zh": "工作簿与报告不同的 {count} 个数（现值 → 工作簿的值，来源单元格，口径）：",
        "en": "{count} figures differ from the workbook (now → workbook, source cell, basis):",
    },
    "ui.accounts.hint": {
        "zh": "空格勾选或取消；{apply}写入勾选的数",
        "en": "Space ticks or unticks; {apply} writes the ticked figures",
    },
    "ui.accounts.chosen": {"zh": "写入所选", "en": "Write ticked"},
    "ui.accounts.all": {"zh": "全部写入", "en": "Write all"},
    "ui.accounts.none_chosen": {"zh": "没有勾选要写入的数", "en": "no figure is ticked"},
    "ui.accounts.done": {
        "zh": "已从决算工作簿写入 {count} 个数",
        "en": "{count} figures written from the 决算 workbook",
    },
    "ui.accounts.source": {"zh": "决算 {source}", "en": "决算 {source}"},
    "ui.accounts.source_differs": {"zh": "决算 {source} 为 {value}", "en": "决算 {source}: {value}"},
    "ui.accounts.note_sources": {
        "zh": "按“全部写入”记下这 {count} 个数在决算中的单元格（数不变），F3 会注明来源、检查会与决算比对",
        "en": "“Write all” notes where these {count} figures are in the 决算 (they stay as they are): F3 shows"
        " it and the checks compare",
    },
    "ui.accounts.sources_noted": {
        "zh": "已记下 {count} 个数在决算中的单元格",
        "en": "where {count} figures are in the 决算 is noted",
    },
    # --- what the app and the jixiao command say of backups, restores, exports and imports --------
    "safety.backup_made": {
        "zh": "已备份到 {path}",
        "en": "backed up to {path}",
    },
    "restore.done": {
        "zh": "已用备份“{source}”恢复“{path}”",
        "en": "restored “{path}” from the backup “{source}”",
    },
    "restore.kept": {
        "zh": '恢复前的文件已备份为“{aside}”；要撤销这次恢复：jixiao restore "{aside}" "{path}"',
        "en": 'the file as it was is backed up as “{aside}”; to undo: jixiao restore "{aside}" "{path}"',
    },
    "restore.kept_damaged": {
        "zh": "恢复前的文件已损坏，原样留存为“{aside}”（标为已损坏，不作为备份使用）",
        "en": "the file as it was is damaged; it is kept as “{aside}” (marked damaged, never used as a backup)",
    },
    "backup.list.head": {
        "zh": "“{path}”的备份（在 {folder}，新的在前）：",
        "en": "backups of “{path}” (in {folder}, newest first):",
    },
    "backup.list.none": {
        "zh": "“{path}”还没有备份（{folder}）",
        "en": "“{path}” has no backups yet ({folder})",
    },
    "backup.list.line": {
        "zh": "{n:>3}  {taken}  {size:>8} KB  {state}  {name}",
        "en": "{n:>3}  {taken}  {size:>8} KB  {state}  {name}",
    },
    "backup.state.good": {"zh": "完好  ", "en": "good   "},
    "backup.state.damaged": {"zh": "已损坏", "en": "damaged"},
    "backup.list.newest_good": {
        "zh": '最近一份完好的备份：{n}（{name}）；恢复：jixiao restore {n} "{path}"',
        "en": 'the newest good backup: {n} ({name}); to restore it: jixiao restore {n} "{path}"',
    },
    "backup.list.no_good": {
        "zh": "没有完好的备份",
        "en": "there is no good backup",
    },
    "safety.rollback_journal": {
        "zh": "此文件在网络共享盘上（或不支持 WAL）：改用回滚日志方式保存，照样每改一处即存盘，只是稍慢",
        "en": "this file is on a network share (or WAL is unavailable): saving with a rollback journal, "
        "still at every change, a little slower",
    },
    "safety.readonly_banner": {
        "zh": "只读：此文件或其所在文件夹不可写，可以查看、检查、导出，不能修改",
        "en": "read-only: this file or its folder cannot be written; you can view, check and export, not edit",
    },
    "export.done": {
        "zh": "已导出：{path}",
        "en": "exported: {path}",
    },
    "export.has_errors": {
        "zh": "注意：检查发现 {count} 处错误，导出的文件中数字前后不一致；运行 jixiao check 查看",
        "en": "note: the checks found {count} error(s): figures in the exported file disagree;"
        " run jixiao check to see them",
    },
    "accounts.empty": {
        "zh": "{table}（表“{sheet}”）本年度无数据，其中的数不导入。{note}",
        "en": "{table} (sheet “{sheet}”) is empty this year; nothing taken from it. {note}",
    },
    "accounts.other_report_named": {
        "zh": "注意：工作簿是“{unit}” {year} 年度的，报告 {id} 是“{report_unit}” {report_year} 年度；"
        "因已用 --report 指定，仍导入该报告",
        "en": "note: the workbook is of “{unit}” for {year}, report {id} of “{report_unit}” for {report_year};"
        " imported into it all the same, since --report names it",
    },
    "accounts.no_report": {
        "zh": "文件里找不到“{unit}” {year} 年度的报告；请用 --report 指定",
        "en": "no report of “{unit}” for {year} in the file; name one with --report",
    },
    "accounts.unchanged": {
        "zh": "工作簿的数与报告一致，没有要改的",
        "en": "the workbook's figures are those of the report already; nothing to change",
    },
    "accounts.dry_run": {
        "zh": "（试运行：以上 {count} 处改动未写入）",
        "en": "(dry run: the {count} changes above were not written)",
    },
    "accounts.done": {
        "zh": "已从 {source} 导入 {count} 个数到报告 {id}（{unit} {year}年度）",
        "en": "{count} figures from {source} written into report {id} ({unit} {year})",
    },
    "import.done": {
        "zh": "已从“{source}”导入 {unit} {year}年度的报告（编号 {id}，按“{outline}”提纲认出），归位 {placed} 项",
        "en": "imported the {year} report of {unit} from “{source}” (id {id}, outline “{outline}”): {placed} values placed",
    },
    "import.unplaced": {
        "zh": "有 {count} 段未能归类，已放在报告的“未归类”清单里，请在程序中逐段归位或删除：",
        "en": "{count} piece(s) could not be placed; they are in the report's “unplaced” list, to move or delete in the app:",
    },
    "import.piece": {"zh": "  {n}. 〔{where}〕{text}", "en": "  {n}. [{where}] {text}"},
    "import.piece_note": {"zh": "     ↳ {note}", "en": "     ↳ {note}"},
    "import.doubtful": {
        "zh": "其中 {count} 段里的数字归属不确定，没有填入，附说明留在“未归类”，请核对后填写：",
        "en": "{count} of them hold a number whose field is not certain: not filled in, kept with a note to check:",
    },
}


def message(key: str, /, lang: str = "zh", **params: object) -> str:
    """The text for `key` in `lang`, filled with `params`: the UI's own words, else the store's."""
    table = MESSAGES if key in MESSAGES else catalogue.MESSAGES
    return catalogue.render(table, key, lang, params)
