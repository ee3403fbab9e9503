"""The hand-in forms as an Excel workbook (.xlsx, XlsxWriter): one worksheet per form.

Laid out the way officers hand them in, and so that Excel and WPS open them as they are:
thin borders on every cell, the title merged across the sheet, 一级/二级指标 merged down the
rows they head, column widths set, text wrapped, numbers written as numbers (money with two
decimals), the total score as a SUM formula with its value cached, Chinese fonts (宋体 with the
GB2312 character set), A4 pages one sheet wide with the heading row repeated. The words and
numbers all come from exporters/forms.py; this module only lays them out.
"""

from __future__ import annotations

import io
import math
from decimal import Decimal
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from exporters.docx_writer import display_width
from exporters.forms import Cell, Form

#: Sheet names as Excel shows them on the tabs (at most 31 characters, no []:*?/\).
SHEET_NAMES = {"scores": "自评表", "figures": "基础数据表"}
FONT = "宋体"
_GB2312 = 134
_A4 = 9
_BASE = {"font_name": FONT, "font_charset": _GB2312, "font_size": 10, "valign": "vcenter"}


class _Formats:
    """The workbook's cell formats, made once and looked up by what the cell holds."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        grid = {**_BASE, "border": 1, "text_wrap": True}
        self.title = book.add_format({**_BASE, "bold": True, "font_size": 16, "align": "center"})
        self.plain = book.add_format({**_BASE})
        self.head = book.add_format({**grid, "bold": True, "align": "center"})
        self.section = book.add_format({**grid, "bold": True, "align": "left"})
        self.text = {align: book.add_format({**grid, "align": align}) for align in ("left", "center", "right")}
        self.money = book.add_format({**grid, "align": "right", "num_format": "0.00"})
        self.number = book.add_format({**grid, "align": "right", "num_format": "General"})
        self.total = book.add_format({**grid, "bold": True, "align": "right", "num_format": "General"})


def render(forms: list[Form]) -> bytes:
    """The forms as .xlsx bytes, one worksheet each, in the order given."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False})
    formats = _Formats(book)
    if forms:
        book.set_properties({"title": forms[0].title, "author": forms[0].unit, "company": forms[0].unit})
    for form in forms:
        _sheet(book, formats, form)
    book.close()
    return out.getvalue()


def _write(sheet: Any, row: int, col: int, value: Cell, formats: _Formats, align: str, money: bool) -> None:
    if isinstance(value, Decimal):
        sheet.write_number(row, col, value, formats.money if money else formats.number)
    elif isinstance(value, int):
        sheet.write_number(row, col, value, formats.number)
    elif value:
        sheet.write_string(row, col, value, formats.text[align])
    else:
        sheet.write_blank(row, col, None, formats.text[align])


def _sheet(book: xlsxwriter.Workbook, formats: _Formats, form: Form) -> None:
    sheet = book.add_worksheet(SHEET_NAMES[form.name])
    last = len(form.columns) - 1
    sheet.merge_range(0, 0, 0, last, form.title, formats.title)
    sheet.set_row(0, 30)
    sheet.merge_range(1, 0, 1, last, "　　".join((*form.unit_lines, form.note)), formats.plain)
    head = 2
    for col, column in enumerate(form.columns):
        sheet.set_column(col, col, column.width)
        sheet.write_string(head, col, column.heading, formats.head)
    first = head + 1
    rows = list(form.rows)
    spans = {index: (start, end) for index, start, end in form.spans if (start, end) != (0, last)}
    for offset, values in enumerate(rows):
        row = first + offset
        if all(value is None for value in values[1:]) and isinstance(values[0], str):
            sheet.merge_range(row, 0, row, last, values[0], formats.section)
            continue
        if offset in form.heads:
            for col, value in enumerate(values):
                sheet.write_string(row, col, value if isinstance(value, str) else "", formats.head)
            continue
        start, end = spans.get(offset, (-1, -1))
        for col, (value, column) in enumerate(zip(values, form.columns, strict=True)):
            if col < form.merge or start < col <= end:
                continue
            if col == start:
                text = value if isinstance(value, str) else ""
                sheet.merge_range(row, start, row, end, text, formats.text[column.align])
                room = sum(form.columns[i].width for i in range(start, end + 1)) - 1
                sheet.set_row(row, 14 * max(1, math.ceil(display_width(text) * 2 / room)) + 4)
                continue
            _write(sheet, row, col, value, formats, column.align, column.money)
    _merge_groups(sheet, formats, form, first)
    below = first + len(rows)
    if form.total is not None:
        _total_row(sheet, formats, form, below, first)
        below += 1
    if form.foot_lines:
        sheet.merge_range(below, 0, below, last, "　　".join(form.foot_lines), formats.plain)
    sheet.set_paper(_A4)
    sheet.fit_to_pages(1, 0 if form.merge else 1)  # a form without groups (基础数据表) on one page
    sheet.repeat_rows(head)
    sheet.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    sheet.center_horizontally()
    if len(form.columns) > 6:
        sheet.set_landscape()
    sheet.freeze_panes(first, 0)


def _merge_groups(sheet: Any, formats: _Formats, form: Form, first: int) -> None:
    """Write the leading group columns, each run of equal names (under the same parent) merged into one cell."""
    for col in range(form.merge):
        start = 0
        rows = form.rows
        for index in range(1, len(rows) + 1):
            if index < len(rows) and rows[index][: col + 1] == rows[start][: col + 1]:
                continue
            value = rows[start][col]
            text = value if isinstance(value, str) else ""
            if index - 1 > start:
                sheet.merge_range(first + start, col, first + index - 1, col, text, formats.text["center"])
            else:
                sheet.write_string(first + start, col, text, formats.text["center"])
            start = index


def _total_row(sheet: Any, formats: _Formats, form: Form, row: int, first: int) -> None:
    """The 合计 row: the label merged over the group columns, weights and the score as SUM formulas."""
    assert form.total is not None
    merge = max(form.merge, 1)
    label = form.total[0] if isinstance(form.total[0], str) else ""
    if merge > 1:
        sheet.merge_range(row, 0, row, merge - 1, label, formats.head)
    else:
        sheet.write_string(row, 0, label, formats.head)
    for col in range(merge, len(form.columns)):
        value = form.total[col]
        column = form.columns[col]
        if isinstance(value, Decimal) and col in form.sum_columns:
            top, bottom = xl_rowcol_to_cell(first, col), xl_rowcol_to_cell(row - 1, col)
            sheet.write_formula(row, col, f"=SUM({top}:{bottom})", formats.total, value)
        else:
            _write(sheet, row, col, value, formats, column.align, column.money)
