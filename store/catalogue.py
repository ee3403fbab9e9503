"""The store's words, in Chinese and English, in one place: the report's wording and vocabulary
(field labels, checks, scoring reasons), and why the store, the importers and the exporters refuse
something. The screens' and the command line's own words are in tui/words.py.

Keys are stable identifiers; values are `str.format` templates. Chinese is the default;
a missing English entry falls back to Chinese so nothing is ever shown blank.
"""

from __future__ import annotations

from store import fieldfile

LANGS = ("zh", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --- input parsing -------------------------------------------------------------
    "not_a_number": {
        "zh": "“{text}”不是数字：只能输入数字、小数点和千位逗号，可带“万元”",
        "en": "“{text}” is not a number: use digits, one decimal point, thousands commas",
    },
    "many_points": {
        "zh": "“{text}”有不止一个小数点",
        "en": "“{text}” has more than one decimal point",
    },
    "bad_grouping": {
        "zh": "“{text}”的千位逗号位置不对（应每三位一个，如 1,610.68）",
        "en": "“{text}” has misplaced thousands commas (e.g. 1,610.68)",
    },
    "amount_places": {
        "zh": "“{text}”超过两位小数：金额以万元计，保留两位小数",
        "en": "“{text}” has more than two decimals: amounts are in 万元 to two places",
    },
    "amount_places_yuan": {
        "zh": "“{text}”换算成万元后超过两位小数，请直接以万元输入",
        "en": "“{text}” is not a whole number of 万元 to two places; enter it in 万元",
    },
    "number_places": {
        "zh": "“{text}”超过四位小数",
        "en": "“{text}” has more than four decimals",
    },
    "negative": {
        "zh": "“{text}”是负数，这里不能为负",
        "en": "“{text}” is negative; this value cannot be",
    },
    "too_large": {
        "zh": "“{text}”大得不合常理，请检查是否多打了数字",
        "en": "“{text}” is implausibly large; check for extra digits",
    },
    "not_a_count": {
        "zh": "“{text}”不是人数或个数：只能输入整数，可带“人”“名”“个”",
        "en": "“{text}” is not a count: use a whole number",
    },
    "not_whole": {
        "zh": "“{text}”不是整数：人数、个数须为整数",
        "en": "“{text}” is not a whole number",
    },
    "not_a_date": {
        "zh": "“{text}”不是日期：请写成 2020年9月21日 或 2020-09-21",
        "en": "“{text}” is not a date: write 2020-09-21",
    },
    "no_such_date": {
        "zh": "“{text}”这一天不存在",
        "en": "“{text}” is not a real day",
    },
    "date_range": {
        "zh": "“{text}”的年份应在1949年至2100年之间",
        "en": "the year of “{text}” must be between 1949 and 2100",
    },
    "not_a_year": {
        "zh": "“{text}”不是年度：请输入四位年份，如 2019",
        "en": "“{text}” is not a year: four digits, e.g. 2019",
    },
    "required": {
        "zh": "此项必填",
        "en": "this is required",
    },
    "not_a_phone": {
        "zh": "“{text}”不是电话号码：请写成 0731-88888888 或 13800000000",
        "en": "“{text}” is not a telephone number: write 0731-88888888",
    },
    "not_a_code": {
        "zh": "“{text}”不是预算编码：只能有字母、数字、点和连字符",
        "en": "“{text}” is not a budget code: letters, digits, points and hyphens only",
    },
}

#: Each single-valued field's label (`field.<path>`), from store/fields.toml: defined there only.
MESSAGES.update({f"field.{entry.key}": {"zh": entry.zh, "en": entry.en} for entry in fieldfile.load().fields})


def message(key: str, /, lang: str = "zh", **params: object) -> str:
    """The text for `key` in `lang`, filled with `params`; the key itself if unknown."""
    return render(MESSAGES, key, lang, params)


def render(table: dict[str, dict[str, str]], key: str, lang: str, params: dict[str, object]) -> str:
    """The text for `key` in `lang` from `table` (this catalogue, or tui's words), filled with
    `params`; Chinese when there is no text in `lang`, the key itself if unknown."""
    entry = table.get(key)
    if entry is None:
        return key
    template = entry.get(lang) or entry["zh"]
    return template.format(**params)


MESSAGES.update(
    {
        # --- opening and writing the report file -----------------------------------
        "is_folder": {"zh": "“{path}”是文件夹，不是报告文件", "en": "“{path}” is a folder, not a report file"},
        "cannot_read": {
            "zh": "无法读取“{path}”（没有权限或被占用）",
            "en": "cannot read “{path}” (no permission or in use)",
        },
        "cannot_write": {
            "zh": "无法写入“{path}”（文件夹只读或磁盘已满）",
            "en": "cannot write “{path}” (read-only folder or disk full)",
        },
        "empty_file": {
            "zh": "“{path}”是空文件，不是 jixiao 报告文件；新建请换一个不存在的文件名",
            "en": "“{path}” is empty, not a jixiao file; to start afresh, name a file that does not exist",
        },
        "not_sqlite": {
            "zh": "“{path}”不是 jixiao 报告文件（不是 SQLite 数据库），文件未改动",
            "en": "“{path}” is not a jixiao report file (not an SQLite database); it was not changed",
        },
        "foreign_db": {
            "zh": "“{path}”是别的程序的数据库，不是 jixiao 报告文件，文件未改动",
            "en": "“{path}” is another program's database, not a jixiao file; it was not changed",
        },
        "damaged": {
            "zh": "“{path}”已损坏（可能是复制不完整或磁盘出错），文件未改动",
            "en": "“{path}” is damaged (perhaps an incomplete copy or a disk error); it was not changed",
        },
        # Appended to "damaged" and "restore_damaged" (store.repository.DamagedError).
        "damaged.good_backup": {
            "zh": '；最近一份完好的备份是“{good}”，恢复：jixiao restore "{good}" "{path}"',
            "en": '; the newest good backup is “{good}”; to restore it: jixiao restore "{good}" "{path}"',
        },
        "damaged.no_good_backup": {
            "zh": "；backups 文件夹里没有完好的备份",
            "en": "; there is no good backup in the backups folder",
        },
        "newer_schema": {
            "zh": "“{path}”由更新版本的 jixiao 保存（格式 {version}，本程序只认到 {ours}），请升级 jixiao；文件未改动",
            "en": "“{path}” was saved by a newer jixiao (format {version}, this one knows {ours}); upgrade; file unchanged",
        },
        "no_such_file": {"zh": "找不到文件“{path}”", "en": "no such file: “{path}”"},
        "no_such_folder": {"zh": "文件夹“{path}”不存在", "en": "no such folder: “{path}”"},
        "locked": {
            "zh": "“{path}”正被另一个程序占用，请稍后再试",
            "en": "“{path}” is locked by another program; try again shortly",
        },
        "readonly": {
            "zh": "“{path}”是只读的：可以查看、导出，但不能修改",
            "en": "“{path}” is read-only: you can view and export, not edit",
        },
        "no_such_report": {"zh": "没有编号为 {report_id} 的报告", "en": "no report with id {report_id}"},
        "no_such_item": {"zh": "没有这一项：{path}", "en": "no such item: {path}"},
        "report_exists": {
            "zh": "{unit} {year}年度的报告已经存在",
            "en": "a {year} report for {unit} already exists",
        },
        "conflict": {
            "zh": "这份报告已在别处（另一个窗口或另一台电脑）被修改",
            "en": "this report was changed elsewhere (another window or PC)",
        },
    }
)

MESSAGES.update(
    {
        # --- keeping the officer's data safe: backups, journal, read-only ------------
        "backup_failed": {
            "zh": "无法在“{path}”中保存备份（{reason}）：请检查文件夹是否只读、磁盘是否已满",
            "en": "cannot save a backup in “{path}” ({reason}): is the folder read-only or the disk full?",
        },
        "backup_unsound": {
            "zh": "“{path}”的备份副本未通过完整性检查（可能是磁盘出错），没有保留；报告文件本身完好，请再备份一次",
            "en": "the backup copy of “{path}” failed its integrity check (a disk error?) and was not kept; "
            "the file itself is sound: back up again",
        },
        "restore_damaged": {
            "zh": "备份“{backup}”已损坏（未通过完整性检查），不能用来恢复；“{path}”未改动",
            "en": "the backup “{backup}” is damaged (it fails the integrity check) and cannot be restored; "
            "“{path}” was not changed",
        },
        "restore_in_use": {
            "zh": "“{path}”正在另一个 jixiao（或别的程序）中打开：请先关闭它再恢复；文件未改动",
            "en": "“{path}” is open in another jixiao (or another program): close it, then restore; file unchanged",
        },
        "restore_unreadable": {
            "zh": "SQLite 无法读取“{path}”，不能先把它备份一份；请把它移到别处（或改名）后再恢复；文件未改动",
            "en": "SQLite cannot read “{path}” to back it up first; move or rename it, then restore; file unchanged",
        },
        "restore_same": {
            "zh": "“{path}”就是报告文件本身，不能用它恢复自己",
            "en": "“{path}” is the report file itself; it cannot be restored from itself",
        },
        "no_such_backup": {
            "zh": '没有序号为 {n} 的备份；用 jixiao backup "{path}" --list 列出全部',
            "en": 'there is no backup number {n}; jixiao backup "{path}" --list lists them',
        },
    }
)


MESSAGES.update(
    {
        # --- field labels (store.fields.label); `.item` names a list item by position ------------
        "field.org_groups": {"zh": "机构设置", "en": "Bodies"},
        "field.org_groups.item": {"zh": "第{n}类", "en": "group {n}"},
        "field.org_groups.label": {"zh": "机构类别", "en": "kind"},
        "field.org_groups.bodies": {"zh": "机构", "en": "bodies"},
        "field.org_groups.bodies.item": {"zh": "第{n}个机构", "en": "body {n}"},
        "field.org_groups.bodies.name": {"zh": "名称", "en": "name"},
        "field.org_groups.bodies.plates": {"zh": "加挂牌子", "en": "extra plates"},
        "field.staff_lines": {"zh": "各类人员合计", "en": "Sum of staff lines"},
        "field.staff_lines.item": {"zh": "第{n}行", "en": "row {n}"},
        "field.staff_lines.category": {"zh": "人员类别", "en": "category"},
        "field.staff_lines.count": {"zh": "人数", "en": "count"},
        "field.duties": {"zh": "职责", "en": "Duties"},
        "field.duties.item": {"zh": "第{n}条", "en": "duty {n}"},
        "field.basic_lines": {"zh": "基本支出明细合计", "en": "Basic breakdown total"},
        "field.basic_lines.item": {"zh": "第{n}行", "en": "row {n}"},
        "field.basic_lines.category": {"zh": "经济分类", "en": "category"},
        "field.basic_lines.amount": {"zh": "金额", "en": "amount"},
        "field.sangong": {"zh": "三公经费", "en": "Three public expenses"},
        "field.sangong.item": {"zh": "第{n}项", "en": "item {n}"},
        "field.sangong.name": {"zh": "名称", "en": "name"},
        "field.sangong.budget": {"zh": "预算数", "en": "budget"},
        "field.sangong.actual": {"zh": "实际数", "en": "actual"},
        "field.sangong.last_year": {"zh": "上年实际数", "en": "last year's actual"},
        "field.project_lines": {"zh": "项目支出明细合计", "en": "Project breakdown total"},
        "field.project_lines.item": {"zh": "第{n}行", "en": "row {n}"},
        "field.project_lines.category": {"zh": "经济分类", "en": "category"},
        "field.project_lines.amount": {"zh": "金额", "en": "amount"},
        "field.assets": {"zh": "要点", "en": "Points"},
        "field.assets.item": {"zh": "第{n}点", "en": "point {n}"},
        "field.assets.title": {"zh": "标题", "en": "title"},
        "field.assets.body": {"zh": "内容", "en": "text"},
        "field.efficiency_points": {"zh": "要点", "en": "Points"},
        "field.efficiency_points.item": {"zh": "第{n}点", "en": "point {n}"},
        "field.efficiency": {"zh": "要点", "en": "Points"},
        "field.efficiency.item": {"zh": "第{n}点", "en": "point {n}"},
        "field.efficiency.title": {"zh": "标题", "en": "title"},
        "field.efficiency.body": {"zh": "内容", "en": "text"},
        "field.results": {"zh": "成果", "en": "Results"},
        "field.results.item": {"zh": "第{n}项", "en": "result {n}"},
        "field.results.title": {"zh": "标题", "en": "title"},
        "field.results.body": {"zh": "内容", "en": "text"},
        "field.results.indicators": {"zh": "指标", "en": "indicators"},
        "field.results.indicators.item": {"zh": "指标{n}", "en": "indicator {n}"},
        "field.results.indicators.name": {"zh": "名称", "en": "name"},
        "field.results.indicators.target": {"zh": "目标值", "en": "target"},
        "field.results.indicators.actual": {"zh": "实际值", "en": "actual"},
        "field.results.indicators.unit": {"zh": "单位", "en": "unit"},
        "field.problems": {"zh": "问题", "en": "Problems"},
        "field.problems.item": {"zh": "第{n}条", "en": "problem {n}"},
        "field.remedies": {"zh": "措施", "en": "Remedies"},
        "field.remedies.item": {"zh": "第{n}条", "en": "remedy {n}"},
        "field.unplaced": {"zh": "未归类", "en": "Unplaced"},
        "field.unplaced.item": {"zh": "第{n}段", "en": "piece {n}"},
        # --- checks (store.checks): p = place, f = field, s = section, v = value, by position --------
        "check.place": {"zh": "{section}“{field}”", "en": "{section} › {field}"},
        "check.severity.error": {"zh": "错误", "en": "error"},
        "check.severity.warning": {"zh": "提示", "en": "warning"},
        "check.received": {
            "zh": "实际到位指标与其构成不符：{p0}为{v0}万元，而{f1}{v1}万元 + {f2}{v2}万元 = {expected}万元，相差{diff}万元",
            "en": "Funds received do not add up: {p0} is {v0} 万元, but {f1} {v1} + {f2} {v2} = {expected} 万元, {diff} 万元 apart",
        },
        "check.spent": {
            "zh": "实际支出不等于基本支出与项目支出之和：{p0}为{v0}万元，而{p1}{v1}万元 + {p2}{v2}万元 = {expected}万元，相差{diff}万元",
            "en": "Spending does not add up: {p0} is {v0} 万元, but {p1} {v1} + {p2} {v2} = {expected} 万元, {diff} 万元 apart",
        },
        "check.carried_out": {
            "zh": "本年结余与收支不符：{p0}为{v0}万元，而{f1}{v1}万元 + {f2}{v2}万元 − {f3}{v3}万元 = {expected}万元，相差{diff}万元",
            "en": "Carried out does not add up: {p0} is {v0} 万元, but {f1} {v1} + {f2} {v2} − {f3} {v3} = {expected} 万元, {diff} 万元 apart",
        },
        "check.breakdown": {
            "zh": "{f0}前后不一致：{p0}为{v0}万元，{p1}为{v1}万元，相差{diff}万元{sources}",
            "en": "{f0} disagrees: {p0} is {v0} 万元, {p1} is {v1} 万元, {diff} 万元 apart{sources}",
        },
        "check.accounts": {
            "zh": "{f0} {v0}（{s0}）≠ {accounts}（决算 {cell}，{basis}）：报告与导入的决算数相差{diff}万元",
            "en": "{f0} {v0} ({s0}) ≠ {accounts} (决算 {cell}, {basis}): the report and the imported 决算"
            " are {diff} 万元 apart",
        },
        "check.headcount": {
            "zh": "人数对不上：{p0}为{v0}人，{p1}为{v1}人，相差{diff}人",
            "en": "Headcount does not add up: {p0} is {v0}, {p1} is {v1}, {diff} apart",
        },
        "check.posts": {
            "zh": "编制数对不上：{p0}为{v0}人，而{f1}{v1}人 + {f2}{v2}人 = {expected}人，相差{diff}人",
            "en": "Authorised posts do not add up: {p0} is {v0}, but {f1} {v1} + {f2} {v2} = {expected}, {diff} apart",
        },
        "check.sangong_over": {
            "zh": "三公经费超出预算：{p0}为{v0}万元，{f1}为{v1}万元，超出{diff}万元",
            "en": "三公 spending over budget: {p0} is {v0} 万元, {f1} is {v1} 万元, {diff} 万元 over",
        },
        "check.required": {"zh": "{p0}必须填写", "en": "{p0} must be filled in"},
        "check.empty": {"zh": "{p0}还没有内容", "en": "{p0} is still empty"},
        "check.empty_list": {"zh": "{p0}至少应写一条", "en": "{p0} needs at least one entry"},
        "check.empty_section": {
            "zh": "{section}还没有任何内容：导出的报告不印这一部分（连同标题，其后序号依次前移）；请填写{f0}等",
            "en": "{section} has nothing in it: the exported report leaves it out (heading too, the numbers after it"
            " close up); fill in {f0} and the rest",
        },
        "check.empty_section_none": {
            "zh": "{section}还没有任何内容：导出的报告在这一部分只写“无。”；如有情况，请填写{f0}",
            "en": "{section} has nothing in it: the exported report says only “无。” there; if there is something"
            " to say, fill in {f0}",
        },
        "check.conclusion_grade": {
            "zh": "{section}：文字写的等级为“{v0}”，而自评表综合评分{total}分，等级为“{grade}”；请核对文字或自评表（F10）",
            "en": "{section}: the text states the grade “{v0}”, but the 自评表's total is {total}, grade “{grade}”;"
            " check the text or the 自评表 (F10)",
        },
        "check.conclusion_unscored": {
            "zh": "{section}：自评表还有{count}项指标未评分（{names}），报告不写综合评分、等级和扣分点；请在自评表（F10）中评分",
            "en": "{section}: {count} indicator(s) of the 自评表 have no score yet ({names}), so the report states no"
            " total, grade or deductions; score them in the 自评表 (F10)",
        },
        "check.blank_item": {"zh": "{p0}是空的：请填写或删去这一条", "en": "{p0} is blank: fill it in or delete it"},
        "check.sign_date_early": {
            "zh": "{p1}为{v1}，不在{v0}年度结束之后：绩效评价报告应在年度结束后落款",
            "en": "{p1} is {v1}, before fiscal year {v0} ended: the report is signed after the year",
        },
    }
)

MESSAGES.update(
    {
        # --- the [keys] section of the settings file (tui/keymap.py) ---------------------
        "settings.bad_key": {
            "zh": '设置文件“{path}”中的“{name}”不是有效的按键设置（应为 "jixiao.编号" = "键"），已忽略',
            "en": 'in the settings file “{path}”, “{name}” is not a key setting ("jixiao.id" = "key"); ignored',
        },
    }
)

MESSAGES.update(
    {
        # --- the TOML exchange file: what is wrong with a value (codec) ---------------
        "format.not_table": {"zh": "应为表（table）", "en": "should be a table"},
        "format.unknown_key": {
            "zh": "不认识的字段“{name}”（拼写有误，或来自更新版本的 jixiao）",
            "en": "unknown key “{name}” (a typo, or written by a newer jixiao)",
        },
        "format.missing": {"zh": "缺少此项（必填）", "en": "missing (required)"},
        "format.not_text": {"zh": "应为文字（带引号的字符串）", "en": "should be text (a quoted string)"},
        "format.not_integer": {"zh": "应为整数", "en": "should be a whole number"},
        "format.amount_not_string": {
            "zh": '金额和数值应写成带引号的字符串，如 "1610.68"',
            "en": 'amounts and values must be quoted strings, e.g. "1610.68"',
        },
        "format.not_date": {
            "zh": "应为日期，如 2020-09-21（不加引号）",
            "en": "should be a date such as 2020-09-21 (no quotes)",
        },
        "format.not_list": {"zh": "应为列表", "en": "should be a list"},
        "format.datetime": {
            "zh": "应为日期，如 2020-09-21，不带时刻",
            "en": "should be a date such as 2020-09-21, without a time of day",
        },
        "format.foreign": {
            "zh": '不是 jixiao 报告交换文件（文件里应有 format = "{name}"）',
            "en": 'not a jixiao report exchange file (it should say format = "{name}")',
        },
        "format.no_version": {"zh": "缺少格式版本号 format_version", "en": "format_version is missing"},
        "format.newer": {
            "zh": "文件格式版本 {version} 比本程序认识的（{ours}）新，请升级 jixiao",
            "en": "file format version {version} is newer than this jixiao knows ({ours}); upgrade jixiao",
        },
        # --- the TOML exchange file: loading it (store/exchange.py) --------------------
        "exchange.not_utf8": {
            "zh": "第 {line} 行不是 UTF-8 编码（文件可能被另存为 ANSI/GBK），请另存为 UTF-8 后再导入；未导入任何内容",
            "en": "line {line} is not UTF-8 (the file may have been saved as ANSI/GBK); save it as UTF-8; nothing was loaded",
        },
        "exchange.bad_toml": {
            "zh": "第 {line} 行第 {column} 列：TOML 格式有误（{detail}）；未导入任何内容",
            "en": "line {line}, column {column}: not valid TOML ({detail}); nothing was loaded",
        },
        "exchange.bad_value": {
            "zh": "第 {line} 行，{where}：{reason}；未导入任何内容",
            "en": "line {line}, {where}: {reason}; nothing was loaded",
        },
        "exchange.bad_value_nowhere": {
            "zh": "{reason}；未导入任何内容",
            "en": "{reason}; nothing was loaded",
        },
        "exchange.is_database": {
            "zh": "是报告文件（SQLite 数据库），不是 TOML 交换文件；用法：jixiao load 交换文件.toml 报告文件.db",
            "en": "is a report file (SQLite), not a TOML exchange file; usage: jixiao load FILE.toml DB",
        },
        "exchange.too_deep": {
            "zh": "文件里的表或列表嵌套过深，不是 jixiao 写出的交换文件；未导入任何内容",
            "en": "tables or lists are nested too deep; this is not a jixiao exchange file; nothing was loaded",
        },
        "exchange.duplicate": {
            "zh": "第 {line} 行：{unit} {year}年度的报告在文件里出现了两次；未导入任何内容",
            "en": "line {line}: the {year} report of {unit} appears twice in the file; nothing was loaded",
        },
    }
)

MESSAGES.update(
    {
        # --- export (exporters/) --------------------------------------------------------
        "export.unknown_format": {
            "zh": "不支持导出为“{fmt}”格式，可选：{formats}",
            "en": "cannot export as “{fmt}”; choose one of: {formats}",
        },
        "export.is_database": {
            "zh": "“{path}”是一个数据库文件（可能就是报告文件），导出不会覆盖它；请换一个文件名",
            "en": "“{path}” is a database (perhaps the report file itself); an export never replaces one; choose another name",
        },
        "export.is_folder": {
            "zh": "“{path}”是文件夹，请给出要保存的文件名",
            "en": "“{path}” is a folder; give a file name to save to",
        },
        "export.no_folder": {
            "zh": "无法保存“{path}”：文件夹“{folder}”不存在",
            "en": "cannot save “{path}”: the folder “{folder}” does not exist",
        },
        "export.folder_readonly": {
            "zh": "无法保存“{path}”：这个文件夹不允许写入，请换一个文件夹",
            "en": "cannot save “{path}”: the folder is not writable; choose another folder",
        },
        "export.in_use": {
            "zh": "无法保存“{path}”：文件正被其他程序（如 Word、WPS）打开或为只读，请关闭后重试；原文件未改动",
            "en": "cannot save “{path}”: it is open in another program (Word, WPS) or read-only; close it and retry; the old file is unchanged",
        },
        "export.disk_full": {
            "zh": "无法保存“{path}”：磁盘空间不足；原文件未改动",
            "en": "cannot save “{path}”: the disk is full; the old file is unchanged",
        },
        "export.cannot_write": {
            "zh": "无法保存“{path}”：{reason}；原文件未改动",
            "en": "cannot save “{path}”: {reason}; the old file is unchanged",
        },
        "name_too_long": {
            "zh": "文件名太长（{size} 字节，文件系统最多允许 {limit} 字节），请换一个短一些的名字：“{name}”",
            "en": "file name too long ({size} bytes; file systems allow {limit}); use a shorter name: “{name}”",
        },
        # --- settings file (store/settings.py) -----------------------------------------------
        "settings.unreadable": {
            "zh": "无法读取设置文件“{path}”（{reason}），本次使用默认设置",
            "en": "cannot read the settings file “{path}” ({reason}); using the defaults",
        },
        "settings.malformed": {
            "zh": "设置文件“{path}”格式有误，本次使用默认设置：{reason}",
            "en": "the settings file “{path}” is not valid TOML; using the defaults: {reason}",
        },
        "settings.too_deep": {
            "zh": "设置文件“{path}”中的表或列表嵌套过深，本次使用默认设置",
            "en": "the settings file “{path}” nests tables or lists too deep; using the defaults",
        },
        "settings.bad_section": {
            "zh": "设置文件“{path}”中的 [{section}] 应为一节设置，已忽略",
            "en": "in the settings file “{path}”, [{section}] should be a table; ignored",
        },
        "settings.unknown_key": {
            "zh": "设置文件“{path}”中有不认识的设置项“{name}”，已忽略",
            "en": "the settings file “{path}” has an unknown setting “{name}”; ignored",
        },
        "settings.bad_font": {
            "zh": "设置文件“{path}”中的“{name}”应为字体名（带引号的文字），已使用默认字体",
            "en": "in the settings file “{path}”, “{name}” should be a font name in quotes; using the default",
        },
        "settings.bad_lang": {
            "zh": "设置文件“{path}”中的界面语言“{value}”无效（可选 {langs}），已使用中文",
            "en": "in the settings file “{path}”, the language “{value}” is not one of {langs}; using Chinese",
        },
    }
)

MESSAGES.update(
    {
        # --- the jixiao command's refusals, said as a StoreError (tui/cli.py) -----------
        "cli.no_reports": {"zh": "“{path}”里还没有报告", "en": "“{path}” holds no report yet"},
        "cli.several_reports": {
            "zh": "“{path}”里有 {count} 份报告，请用 --report 编号 指定其中一份：\n{listing}",
            "en": "“{path}” holds {count} reports; name one with --report ID:\n{listing}",
        },
        "cli.in_file": {"zh": "“{path}” {reason}", "en": "“{path}”: {reason}"},
        "cli.report_exists": {
            "zh": "“{path}”里已有{unit} {year}年度的报告；要用文件中的替换它，请加 --replace；未导入任何内容",
            "en": "“{path}” already holds the {year} report of {unit}; add --replace to replace it; nothing was loaded",
        },
    }
)


MESSAGES.update(
    {
        "export.bad_name": {
            "zh": "这台电脑的区域设置写不了文件名“{path}”，请用 -o 换一个只含英文字母和数字的文件名",
            "en": "this computer's locale cannot write the file name “{path}”; pass -o with a plain ASCII name",
        },
    }
)


# --- issue 13: importing a .docx / .txt report (exporters.readers, exporters.importer, jixiao import) ---
MESSAGES.update(
    {
        # --- 部门决算 workbooks (issue 22) ----------------------------------------------------
        "accounts.password": {
            "zh": "工作簿设有打开密码，请在 Excel 中取消密码后再导入",
            "en": "the workbook has an opening password; remove it in Excel and import again",
        },
        "accounts.damaged": {
            "zh": "工作簿已损坏，无法读取（{reason}）",
            "en": "the workbook is damaged and cannot be read ({reason})",
        },
        "accounts.not_workbook_file": {"zh": "这不是 Excel 工作簿", "en": "this is not an Excel workbook"},
        "accounts.not_accounts": {
            "zh": "这不是部门决算工作簿：找的是 {looked}，工作簿里的表是 {found}",
            "en": "not a 部门决算 workbook: looked for {looked}; the sheets are {found}",
        },
        "accounts.no_header": {
            "zh": "表“{sheet}”找不到表头（项目、科目名称、决算数……）",
            "en": "sheet “{sheet}” has no header row (项目, 科目名称, 决算数 …)",
        },
        "accounts.no_unit": {
            "zh": "表“{sheet}”没有写金额单位（金额单位：元 / 万元）",
            "en": "sheet “{sheet}” does not state its unit (金额单位：元 / 万元)",
        },
        "accounts.missing_column": {
            "zh": "{table}（表“{sheet}”）缺少“{column}”列：表头里找的是 {words}，只找到 {found}",
            "en": "{table} (sheet “{sheet}”) has no “{column}” column: looked for {words} in its header, found {found}",
        },
        "accounts.missing_row": {"zh": "表“{sheet}”缺少“{row}”行", "en": "sheet “{sheet}” has no “{row}” row"},
        "accounts.merged_header": {
            "zh": "{table}（表“{sheet}”）的表头单元格 {cell} 合并了几列数据，下面又没有分列的表头，分不清各列",
            "en": "{table} (sheet “{sheet}”): header cell {cell} is merged over several data columns with no header"
            " below it to tell them apart",
        },
        "accounts.continued": {
            "zh": "表“{sheet}”是“{main}”的续表，但两者表头不同，对不上各列：请把续表的行并回主表后再导入",
            "en": "sheet “{sheet}” continues “{main}” (续表) under a different header, so its columns cannot be"
            " matched; merge it into its table first",
        },
        "accounts.inexact": {
            "zh": "{cell} 的 {value} 换算成万元后超过两位小数，未导入此数",
            "en": "{cell}: {value} is not a whole number of 0.01 万元; not imported",
        },
        "accounts.sum": {
            "zh": "工作簿自身不平：{parts} = {got}，而 {total} = {expected}",
            "en": "the workbook does not add up: {parts} = {got}, but {total} = {expected}",
        },
        "accounts.class_detail": {
            "zh": "工作簿自身不平：{cell} 的款级明细合计 {got}，而类级为 {expected}",
            "en": "the workbook does not add up: the detail rows under {cell} sum to {got}, the class line says {expected}",
        },
        "accounts.line": {
            "zh": "{label}：{now} → {new}（{source}，{basis}）",
            "en": "{label}: {now} → {new} ({source}, {basis})",
        },
        "import.empty": {"zh": "文件是空的，没有可导入的内容", "en": "the file is empty: nothing to import"},
        "import.binary": {
            "zh": "不是文本文件（像是程序、图片或压缩包），不能作为报告导入",
            "en": "not a text file (it looks like a program, an image or an archive); it cannot be imported",
        },
        "import.bad_encoding": {
            "zh": "文件开头标明了编码，但内容不符（文件可能已损坏）",
            "en": "the file's byte-order mark does not match its content (the file may be damaged)",
        },
        "import.not_docx": {
            "zh": "不是有效的 Word 文件（.docx）：文件已损坏或不完整",
            "en": "not a valid Word file (.docx): the file is damaged or incomplete",
        },
        "import.not_report": {
            "zh": "这份文件不像绩效评价报告：认不出“部门概况”“存在的主要问题”等标题（至少要认出 3 个），未导入",
            "en": "this does not look like a performance report: fewer than 3 of its headings (部门概况, 存在的主要问题…) were recognised; nothing was imported",
        },
        "import.no_year": {
            "zh": "找不到报告的年度（标题、正文和落款日期里都没有），未导入",
            "en": "no fiscal year found (not in the title, the text or the signing date); nothing was imported",
        },
        "import.no_unit": {
            "zh": "找不到单位名称（标题和落款里都没有），未导入",
            "en": "no unit name found (neither in the title nor in the signature); nothing was imported",
        },
        "import.exists": {
            "zh": "文件里已有{unit} {year}年度的报告，未导入；要另存为一份副本，请加 --as-copy（程序里选“导入为副本”）",
            "en": "the file already holds the {year} report of {unit}; nothing was imported; add --as-copy to import it as a copy",
        },
        "import.furniture": {
            "zh": "公文的红头、文号、主送、版记等 {count} 行不是报告内容，未导入",
            "en": "{count} line(s) of the official document's framing (red head, number, addressee, colophon) are not the report: left out",
        },
        "import.doubt.candidates": {
            "zh": "{amount}：可能是 {fields}，未填入",
            "en": "{amount}: may be {fields}; not filled in",
        },
        "import.doubt.differs": {
            "zh": "{amount}：与前文所述{field}{old}万元不同，未填入",
            "en": "{amount}: differs from {field} stated before ({old}万元); not filled in",
        },
        "import.doubt.no_label": {
            "zh": "{amount}不知是哪一项，未填入",
            "en": "{amount}: which figure it is is not said; not filled in",
        },
        "import.doubt.total": {
            "zh": "{label}{total}与各行之和{sum}不符，未作数",
            "en": "{label} {total} is not the sum of the lines ({sum}); not taken",
        },
        "import.doubt.not_staff": {
            "zh": "{lines}：是{whole}的细分，不是人员构成，未填入",
            "en": "{lines}: a breakdown of {whole}, not of the staff; not filled in",
        },
        "import.doubt.again": {
            "zh": "{what}前文已有另一份，此处的未填入",
            "en": "{what} was already given differently; this one was not filled in",
        },
        "import.doubt.sangong": {
            "zh": "{name}：三公经费只有出国（境）、公务接待、公务用车三项，未作为一项填入",
            "en": "{name}: not one of the three public expenses; not filled in",
        },
        "section.unplaced": {"zh": "未归类（导入时未能归位的内容）", "en": "Unplaced (imported, not yet placed)"},
        "check.unplaced": {
            "zh": "未归类里还有 {count} 段导入时未能归位的内容，请把每段移到该放的地方或删除",
            "en": "{count} imported piece(s) are still unplaced: move each into place or delete it",
        },
    }
)

# --- issue 20: a .docx read as Word shows it; hostile files refused (exporters.readers.docx) ---
MESSAGES.update(
    {
        "import.docx_too_big": {
            "zh": "Word 文件里的“{part}”解压后超过 {limit} MB 或压缩比异常，不像正常的报告，未导入",
            "en": "the Word file's “{part}” inflates past {limit} MB or is compressed beyond reason; it is not a normal report and was not imported",
        },
        "import.docx_too_many": {
            "zh": "Word 文件的“{part}”里段落或元素过多（超过 {limit} 个），不像正常的报告，未导入",
            "en": "the Word file's “{part}” holds too many paragraphs or elements (over {limit}); it is not a normal report and was not imported",
        },
        "import.docx_bad_xml": {
            "zh": "Word 文件已损坏：“{part}”第 {line} 行不是有效的 XML，未导入；请在 Word 中打开后另存再试",
            "en": "the Word file is damaged: line {line} of “{part}” is not valid XML; nothing was imported (open it in Word and save it again)",
        },
        "import.docx_unsafe": {
            "zh": "Word 文件的“{part}”里有 Word 不会写的 DTD 或实体声明（可能是恶意构造的文件），未导入",
            "en": "the Word file's “{part}” holds a DTD or entity declarations Word never writes (the file may be built to attack); nothing was imported",
        },
        "import.docx_damaged": {
            "zh": "Word 文件已损坏：压缩包里的“{part}”读不出来，未导入；请在 Word 中打开后另存再试",
            "en": "the Word file is damaged: “{part}” cannot be read from the package; nothing was imported (open it in Word and save it again)",
        },
        "import.note.revisions": {
            "zh": "文件里有未接受的修订，已按“全部接受”读入（插入 {inserted} 处，删除 {deleted} 处），请对照 Word 核对",
            "en": "the file had unaccepted tracked changes; they were read as accepted ({inserted} insertion(s), {deleted} deletion(s)): compare with Word",
        },
        "import.note.comments": {
            "zh": "文件里有 {count} 条批注，已放在“未归类”里（批注）",
            "en": "the file had {count} comment(s); they are in the unplaced list (批注)",
        },
        "import.note.numbering": {
            "zh": "文件里有不认识的自动编号格式（{formats}），这些编号按阿拉伯数字读入，请核对",
            "en": "the file uses automatic numbering formats jixiao does not know ({formats}); those numbers were read as 1, 2, 3…: check them",
        },
    }
)

# --- issue 12: the outline as data, the second outline, the figures the official indicators need ---
MESSAGES.update(
    {
        "unknown_outline": {
            "zh": "没有这个报告提纲，可选：{known}",
            "en": "no such outline; the outlines are: {known}",
        },
        "section.elsewhere": {
            "zh": "本提纲不含此项（换回原提纲后显示）",
            "en": "not in this outline (shown again under the outline it came from)",
        },
        "format.unknown_outline": {"zh": "本程序没有这个报告提纲", "en": "this jixiao has no such outline"},
        "check.budget_full": {
            "zh": "全年预算数不等于年初预算数与预算调整数之和：{p0}为{v0}万元，而{f1}{v1}万元 + {f2}{v2}万元 = {expected}万元，相差{diff}万元",
            "en": "The year's budget does not add up: {p0} is {v0} 万元, but {f1} {v1} + {f2} {v2} = {expected} 万元, {diff} 万元 apart",
        },
        "check.personnel_public": {
            "zh": "人员经费与公用经费之和不等于基本支出：{p0}为{v0}万元，而{f1}{v1}万元 + {f2}{v2}万元 = {expected}万元，相差{diff}万元",
            "en": "Personnel and running costs do not add up to basic spending: {p0} is {v0} 万元, but {f1} {v1} + {f2} {v2} = {expected} 万元, {diff} 万元 apart",
        },
        "check.four_income": {
            "zh": "四本预算收入之和（{expected}万元）与{p0}{v0}万元相差{diff}万元：请核对是否另有事业收入或其他收入",
            "en": "The four budgets' income ({expected} 万元) is {diff} 万元 from {p0} {v0} 万元: check for income outside them",
        },
        "check.four_spent": {
            "zh": "四本预算支出之和（{expected}万元）与{p0}{v0}万元相差{diff}万元",
            "en": "The four budgets' spending ({expected} 万元) is {diff} 万元 from {p0} {v0} 万元",
        },
        "check.procurement_over": {
            "zh": "政府采购超出预算：{p1}为{v1}万元，{f0}为{v0}万元，超出{diff}万元，请在报告中说明原因",
            "en": "Procurement over budget: {p1} is {v1} 万元, {f0} is {v0} 万元, {diff} 万元 over; explain why in the report",
        },
        "check.key_tasks_over": {
            "zh": "重点工作完成数多于计划数：{p1}为{v1}项，{f0}为{v0}项，多{diff}项",
            "en": "More key tasks done than planned: {p1} is {v1}, {f0} is {v0}, {diff} more",
        },
    }
)

# --- issue 12b: the 自评表 (scoring), the 基础数据表 and the .xlsx export ----------------
MESSAGES.update(
    {
        "scoring.bad_formula": {
            "zh": "{where}：公式“{formula}”不可用：只能写数字、加减乘除、括号和字段路径（如 figures.spent）",
            "en": "{where}: formula “{formula}” is not allowed: only numbers, + - * /, brackets and field paths",
        },
        "scoring.formula_too_long": {
            "zh": "{where}：公式过长（最多 {chars} 个字符、{terms} 项、{depth} 层括号）",
            "en": "{where}: the formula is too long (at most {chars} characters, {terms} terms, {depth} levels of brackets)",
        },
        "scoring.bad_rule": {
            "zh": "{where}：评分规则不可用，kind 须为 {kinds} 之一并给出其所需数值",
            "en": "{where}: unusable scoring rule; kind must be one of {kinds}, with its numbers",
        },
        "scoring.bad_number": {
            "zh": "{where}：“{key}”须为正确的数字",
            "en": "{where}: “{key}” must be a proper number",
        },
        "scoring.bad_indicator": {
            "zh": "{where}：指标须有 id、level1、level2、name、weight，且不含其他键",
            "en": "{where}: an indicator needs id, level1, level2, name, weight and no other keys",
        },
        "scoring.unknown_ratio": {
            "zh": "{where}：没有名为 {ratio} 的比率（比率见 store/ratios.toml：{known}）",
            "en": "{where}: no ratio called {ratio} (the ratios are in store/ratios.toml: {known})",
        },
        "scoring.ratio_name": {
            "zh": "{where}：引用比率的指标不另写 formula 或 definition，name 须与比率名称“{label}”相同",
            "en": "{where}: an indicator that names a ratio has no formula or definition of its own, and its name is the ratio's (“{label}”)",
        },
        "scoring.too_deep": {
            "zh": "指标体系文件 {where} 无法使用：表或列表嵌套过深",
            "en": "indicator file {where} cannot be used: tables or lists are nested too deep",
        },
        "scoring.bad_file": {
            "zh": "指标体系文件 {where} 无法使用：{reason}",
            "en": "indicator file {where} cannot be used: {reason}",
        },
        "scoring.weights_sum": {
            "zh": "指标体系文件 {where} 的分值合计为 {total}，应为 100",
            "en": "the weights in {where} add up to {total}, not 100",
        },
        "scoring.missing": {"zh": "无法评分：缺少{names}", "en": "cannot be scored: missing {names}"},
        "scoring.zero": {"zh": "无法评分：{name}为0", "en": "cannot be scored: {name} is 0"},
        "scoring.too_large": {
            "zh": "无法评分：算得的值 {value} 大得不合常理，请检查所用数据的单位",
            "en": "cannot be scored: the value {value} is implausibly large; check the figures' units",
        },
        "scoring.unentered": {"zh": "待填：请录入得分和理由", "en": "to do: enter a score and a reason"},
        "scoring.above_weight": {
            "zh": "“{text}”超过该指标分值 {weight} 分",
            "en": "“{text}” is more than this indicator's weight of {weight}",
        },
        "scoring.places": {"zh": "“{text}”超过两位小数", "en": "“{text}” has more than two decimals"},
        "scoring.reason_long": {
            "zh": "理由超过 {limit} 个字，请写简短些",
            "en": "the reason is longer than {limit} characters; shorten it",
        },
        "scoring.unknown_system": {
            "zh": "没有名为“{system}”的指标体系",
            "en": "there is no indicator system named “{system}”",
        },
        "scoring.unknown_indicator": {
            "zh": "指标体系“{system}”中没有指标“{indicator}”",
            "en": "indicator system “{system}” has no indicator “{indicator}”",
        },
    }
)

# --- issue 21: the 自评表's deduction reasons, written from each indicator's rule ------------
MESSAGES.update(
    {
        "scoring.reason.above": {
            "zh": "{name}{value}，超过{limit}共{points}{step}，扣{deducted}分",
            "en": "{name} {value}: {points} {step} above {limit}, {deducted} points off",
        },
        "scoring.reason.not_above": {
            "zh": "{name}{value}，未超过{limit}，不扣分",
            "en": "{name} {value}: not above {limit}, no points off",
        },
        "scoring.reason.below": {
            "zh": "{name}{value}，低于{target}共{points}{step}，扣{deducted}分",
            "en": "{name} {value}: {points} {step} below {target}, {deducted} points off",
        },
        "scoring.reason.reached": {
            "zh": "{name}{value}，达到{target}，不扣分",
            "en": "{name} {value}: {target} reached, no points off",
        },
        "scoring.reason.proportional": {
            "zh": "{name}{value}，未达到{target}，按比例得{score}分，扣{deducted}分",
            "en": "{name} {value}: short of {target}, {score} points in proportion, {deducted} off",
        },
        "scoring.reason.band": {
            "zh": "{name}{value}，达到{band}一档，得{score}分，扣{deducted}分",
            "en": "{name} {value}: in the band from {band}, {score} points, {deducted} off",
        },
        "scoring.reason.band_full": {
            "zh": "{name}{value}，达到{band}一档，不扣分",
            "en": "{name} {value}: in the band from {band}, no points off",
        },
        "scoring.reason.no_band": {
            "zh": "{name}{value}，低于{band}，不得分，扣{deducted}分",
            "en": "{name} {value}: below {band}, no points, {deducted} off",
        },
        "scoring.reason.points": {"zh": "个百分点", "en": "percentage points"},
        "scoring.gaps": {
            "zh": "自评表尚有{count}项未评分，表中留空：",
            "en": "{count} indicators of the 自评表 have no score; they are left blank in the form:",
        },
        "scoring.gap": {"zh": "  {level2}·{name}：{why}", "en": "  {level2} · {name}: {why}"},
        "scoring.gaps_more": {
            "zh": "  ……另有{count}项，见自评表（F10）",
            "en": "  … and {count} more; see the 自评表 (F10)",
        },
    }
)

# --- issue 11: next year's report from last year's ------------------------------------------
MESSAGES.update(
    {
        "format.bad_copied": {
            "zh": "“{path}”不是这份报告里可标记为“上年原文”的段落或条目",
            "en": "“{path}” is not a block or item of this report that can be marked as last year's text",
        },
        "check.still_copied": {
            "zh": "{p0}仍是上年原文，请按本年情况改写",
            "en": "{p0} is still last year's text: rewrite it for this year",
        },
        "check.carried_in_last_year": {
            "zh": "{p0}为{v0}万元，而{last_year}年报告的{s0}“本年结余”为{last}万元，相差{diff}万元："
            "上年结余应等于上年报告的本年结余",
            "en": "{p0} is {v0} 万元 but 本年结余 in {s0} of the {last_year} report is {last} 万元, "
            "{diff} 万元 apart: the balance carried in is last year's balance carried out",
        },
        "check.staff_change_last_year": {
            "zh": "{p0}写的是{v0}人，而{f1}{v1}人减去{last_year}年的{last_total}人为{computed}人",
            "en": "{p0} says {v0}, but {f1} {v1} minus {last_year}'s {last_total} is {computed}",
        },
        "check.sangong_said_down": {
            "zh": "{p0}说“{v0}”，但{f1}实际发生合计{v1}万元，比上年的{last_year}万元增加了",
            "en": "{p0} says “{v0}”, but the 三公 actuals total {v1} 万元, up on last year's {last_year} 万元",
        },
        "check.sangong_said_up": {
            "zh": "{p0}说“{v0}”，但{f1}实际发生合计{v1}万元，比上年的{last_year}万元减少了",
            "en": "{p0} says “{v0}”, but the 三公 actuals total {v1} 万元, down on last year's {last_year} 万元",
        },
        "checks.shares.balanced": {
            "zh": '各行四舍五入保留两位小数，最后一行取余数，合计恰为100.00%（设置 [report] shares = "half_up" 可改为逐行四舍五入）',
            "en": "Each line half-up to 0.01, the last line takes the balance so they add up to 100.00% "
            '(settings [report] shares = "half_up" rounds every line on its own)',
        },
        "checks.shares.half_up": {
            "zh": '逐行四舍五入保留两位小数，合计可能为99.99%或100.01%（设置 [report] shares = "balanced" 可使合计为100.00%）',
            "en": "Every line half-up to 0.01 on its own, so they may add up to 99.99% or 100.01% "
            '(settings [report] shares = "balanced" makes them add up to 100.00%)',
        },
        "settings.bad_shares": {
            "zh": "{path}：report.shares 应为 {methods} 之一，“{value}”未采用",
            "en": "{path}: report.shares must be one of {methods}; “{value}” was ignored",
        },
    }
)

MESSAGES.update(
    {
        "export.unknown_form": {
            "zh": "没有名为“{name}”的表：可选 {forms}",
            "en": "there is no form “{name}”: choose from {forms}",
        },
    }
)


# --- the share-rounding rule's name (settings [report] shares) ----------------------------------
MESSAGES.update(
    {
        "checks.shares": {"zh": "占比", "en": "Shares"},
    }
)


# --- issue 20: the old Word formats, .doc and .wps (exporters/readers/doc.py) ---
MESSAGES.update(
    {
        "import.doc.damaged": {
            "zh": "这个 Word 97–2003 文件（.doc/.wps）已损坏或不完整，读不出正文；请在 Word 或 WPS 中打开后另存为 .docx 再导入",
            "en": "this Word 97–2003 file (.doc/.wps) is damaged or incomplete and its text cannot be read; open it in Word or WPS, save it as .docx and import that",
        },
        "import.doc.password": {
            "zh": "文件设了打开密码（已加密），读不出内容；请在 Word 或 WPS 中取消密码后另存再导入",
            "en": "the file is password-protected (encrypted) and cannot be read; remove the password in Word or WPS, save it and import that",
        },
        "import.doc.word95": {
            "zh": "这是 Word 6.0/95 格式的旧文件，不能直接导入；请在 Word 或 WPS 中另存为 .docx 再导入",
            "en": "this is a Word 6.0/95 file, which cannot be imported as it is; save it as .docx in Word or WPS and import that",
        },
        "import.doc.too_long": {
            "zh": "文件正文超过 {limit} 个字符，不像一份报告，未导入",
            "en": "the file's text is longer than {limit} characters; it is not a report and was not imported",
        },
        "import.doc.not_word": {
            "zh": "这是 Office 复合文件，但不是 Word 文档，不能作为报告导入",
            "en": "this is an Office compound file but not a Word document; it cannot be imported as a report",
        },
        "import.doc.excel": {
            "zh": "这是 Excel 表格（.xls/.et），不是 Word 文档，不能作为报告导入",
            "en": "this is an Excel workbook (.xls/.et), not a Word document; it cannot be imported as a report",
        },
        "import.doc.powerpoint": {
            "zh": "这是 PowerPoint 演示文稿（.ppt/.dps），不是 Word 文档，不能作为报告导入",
            "en": "this is a PowerPoint presentation (.ppt/.dps), not a Word document; it cannot be imported as a report",
        },
        "import.doc.works": {
            "zh": "这是 Microsoft Works 文字处理文件（也用 .wps 作扩展名，但不是金山 WPS 格式），不能直接导入；请另存为 .docx 再导入",
            "en": "this is a Microsoft Works document (also named .wps, but not a Kingsoft WPS file); save it as .docx and import that",
        },
        "import.doc.old_wps": {
            "zh": "不是 Word 格式：像是 WPS 2000 或更早版本的 .wps 文件，不能直接导入；请在 WPS 中另存为 .docx 或 .doc 再导入",
            "en": "not in Word format: it looks like a .wps file of WPS 2000 or earlier, which cannot be imported as it is; save it as .docx or .doc in WPS and import that",
        },
        "import.doc.numbering": {
            "zh": "注意：原文件（.doc/.wps）用了 Word 的自动编号，自动生成的编号（如“一、”“（一）”）没有读出，请核对各级标题是否归位正确",
            "en": "note: the .doc/.wps file uses Word's automatic numbering; the numbers Word draws (一、, （一）…) were not read, so check that the headings landed in the right places",
        },
    }
)

MESSAGES.update(
    {
        # --- figures that came from the 决算 workbook (issue 22) -------------------------------
        "check.from_accounts": {"zh": "（{field}取自决算 {cells}）", "en": " ({field} from the 决算 {cells})"},
        "format.bad_source": {
            "zh": "“{path}”不是这份报告里的金额，不能记录其决算来源",
            "en": "“{path}” is not an amount of this report; it cannot have a 决算 source",
        },
        "check.from_accounts.joiner": {"zh": "、", "en": ", "},
    }
)
