"""Every string jixiao shows a person, in Chinese and English, in one place.

Keys are stable identifiers; values are `str.format` templates. Chinese is the default;
a missing English entry falls back to Chinese so nothing is ever shown blank.
"""

from __future__ import annotations

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
}


def message(key: str, lang: str = "zh", **params: object) -> str:
    """The text for `key` in `lang`, filled with `params`; the key itself if unknown."""
    entry = MESSAGES.get(key)
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
            "zh": "“{path}”已损坏（可能是复制不完整），文件未改动；请从 backups 文件夹恢复",
            "en": "“{path}” is damaged (perhaps an incomplete copy); it was not changed; restore from backups",
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
