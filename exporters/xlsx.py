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
from collections.abc import Collection
from decimal import Decimal
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from exporters.docx_writer import display_width, page_starts
from exporters.forms import Cell, Column, Form, cell_text, grade_bounds

#: Sheet names as Excel shows them on the tabs (at most 31 characters, no []:*?/\).
SHEET_NAMES = {"scores": "自评表", "figures": "基础数据表"}
FONT = "宋体"
_GB2312 = 134
_A4 = 9
_BASE = {"font_name": FONT, "font_charset": _GB2312, "font_size": 10, "valign": "vcenter"}
#: Row heights from the text: a CJK character of 10 pt 宋体 is about two of Excel's width units
#: (the width of a digit), a cell loses about one to its margins, a line of text takes 14 pt.
_CJK_WIDTH, _CELL_PADDING, _LINE, _ROW_PADDING = 1.9, 1.0, 14.0, 4.0
#: The printed page (A4 landscape or portrait) less the margins set below, in points.
_PAGE_LONG, _PAGE_SHORT, _MARGIN_SIDE, _MARGIN_END = 841.9, 595.3, 36.0, 54.0
#: Rows 0 and 1 (the title and the unit line), and what a page keeps free for rounding.
_TITLE_HEIGHT, _UNIT_HEIGHT, _SLACK = 30.0, 18.0, 12.0
#: The grades by the lowest total that earns them, best first; the last is the lowest (at 0).
_BOUNDS = grade_bounds()


class _Formats:
    """The workbook's cell formats, made once and looked up by what the cell holds."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self.grid = {**_BASE, "border": 1, "text_wrap": True}
        grid = self.grid
        self.title = book.add_format({**_BASE, "bold": True, "font_size": 16, "align": "center"})
        self.plain = book.add_format({**_BASE})
        self.head = book.add_format({**grid, "bold": True, "align": "center"})
        self.section = book.add_format({**grid, "bold": True, "align": "left"})
        self.text = {align: book.add_format({**grid, "align": align}) for align in ("left", "center", "right")}
        self.number = book.add_format({**grid, "align": "right", "num_format": "General"})
        self.grade = book.add_format({**grid, "bold": True, "align": "center"})
        self._columns: dict[tuple[str, str, bool], Any] = {}

    def column(self, column: Column, *, bold: bool = False) -> Any:
        """The format of a column's numbers, aligned as the column: two decimals and a suffix ("0.00"%"") where it asks."""
        if column.places is None:
            number = "0.00" if column.money else "General"
        else:
            decimals = "." + "0" * column.places if column.places else ""
            suffix = column.suffix.replace('"', "")
            number = f'0{decimals}"{suffix}"' if suffix else f"0{decimals}"
        key = (number, column.align, bold)
        if key not in self._columns:
            self._columns[key] = self.book.add_format(
                {**self.grid, "align": column.align, "num_format": number, "bold": bold}
            )
        return self._columns[key]


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


def _write(sheet: Any, row: int, col: int, value: Cell, formats: _Formats, column: Column) -> None:
    if isinstance(value, Decimal):
        sheet.write_number(row, col, value, formats.column(column))
    elif isinstance(value, int):
        sheet.write_number(row, col, value, formats.number)
    elif value:
        sheet.write_string(row, col, value, formats.text[column.align])
    else:
        sheet.write_blank(row, col, None, formats.text[column.align])


def _lines(value: Cell, column: Column) -> int:
    """How many lines a cell's text takes in its column (a CJK character is about two width units)."""
    text = cell_text(value, column.money, column)
    room = max(column.width - _CELL_PADDING, 1) / _CJK_WIDTH
    return sum(max(math.ceil(display_width(line) / room), 1) for line in text.split("\n")) if text else 1


def _height(lines: int) -> float:
    """A row's height in points for that many lines of 10 pt text."""
    return lines * _LINE + _ROW_PADDING


def _sheet(book: xlsxwriter.Workbook, formats: _Formats, form: Form) -> None:
    sheet = book.add_worksheet(SHEET_NAMES[form.name])
    last = len(form.columns) - 1
    sheet.merge_range(0, 0, 0, last, form.title, formats.title)
    sheet.set_row(0, 30)
    sheet.merge_range(1, 0, 1, last, "　　".join((*form.unit_lines, form.note)), formats.plain)
    sheet.set_row(1, _UNIT_HEIGHT)
    head = 2
    for col, column in enumerate(form.columns):
        sheet.set_column(col, col, column.width)
        sheet.write_string(head, col, column.heading, formats.head)
    head_height = _height(max(_lines(column.heading, column) for column in form.columns))
    sheet.set_row(head, head_height)
    first = head + 1
    rows = list(form.rows)
    alone = _alone(form)
    heights: list[float] = []
    spans = {index: (start, end) for index, start, end in form.spans if (start, end) != (0, last)}
    for offset, values in enumerate(rows):
        row = first + offset
        if all(value is None for value in values[1:]) and isinstance(values[0], str):
            sheet.merge_range(row, 0, row, last, values[0], formats.section)
            heights.append(_height(1))
            continue
        if offset in form.heads:
            for col, value in enumerate(values):
                sheet.write_string(row, col, value if isinstance(value, str) else "", formats.head)
            heights.append(_height(1))
            continue
        start, end = spans.get(offset, (-1, -1))
        span_height = 0.0
        for col, (value, column) in enumerate(zip(values, form.columns, strict=True)):
            if col < form.merge or start < col <= end:
                continue
            if col == start:
                text = value if isinstance(value, str) else ""
                sheet.merge_range(row, start, row, end, text, formats.text[column.align])
                room = sum(form.columns[i].width for i in range(start, end + 1)) - 1
                span_height = 14 * max(1, math.ceil(display_width(text) * 2 / room)) + 4
                continue
            _write(sheet, row, col, value, formats, column)
        wanted = [
            _lines(value, column)
            for col, (value, column) in enumerate(zip(values, form.columns, strict=True))
            if (col >= form.merge or (offset, col) in alone) and not start <= col <= end
        ]
        heights.append(max(_height(max(wanted, default=1)), span_height))
        sheet.set_row(row, heights[-1])
    landscape = form.landscape or len(form.columns) > 6
    breaks: set[int] = set()
    if form.merge:
        scale = _scale(form, landscape)
        room = ((_PAGE_SHORT if landscape else _PAGE_LONG) - 2 * _MARGIN_END) / scale - head_height - _SLACK
        breaks = page_starts(heights, room - _TITLE_HEIGHT - _UNIT_HEIGHT, room) - {0}
        sheet.set_h_pagebreaks(sorted(first + index for index in breaks))
    sheet.fit_to_pages(1, 0 if form.merge else 1)  # a form without groups (基础数据表) on one page
    _merge_groups(sheet, formats, form, first, breaks)
    below = first + len(rows)
    if form.total is not None:
        _total_row(sheet, formats, form, below, first)
        below += 1
    if form.grade is not None and form.total is not None:
        _grade_row(sheet, formats, form, below, first)
        below += 1
    if form.foot_lines:
        sheet.merge_range(below, 0, below, last, "　　".join(form.foot_lines), formats.plain)
    sheet.set_paper(_A4)
    sheet.repeat_rows(head)
    sheet.set_margins(left=_MARGIN_SIDE / 72, right=_MARGIN_SIDE / 72, top=_MARGIN_END / 72, bottom=_MARGIN_END / 72)
    sheet.center_horizontally()
    if landscape:
        sheet.set_landscape()
    sheet.freeze_panes(first, 0)


def _scale(form: Form, landscape: bool) -> float:
    """The print scale that fits the columns to one page wide (1.0 when they fit as they are).

    Set as a scale rather than "fit to width" because Excel ignores manual page breaks under
    fit-to-page, and the breaks are where the group names are written again.
    """
    pixels = sum(int(column.width * 7 + 0.5) + 5 for column in form.columns)
    printable = (_PAGE_LONG if landscape else _PAGE_SHORT) - 2 * _MARGIN_SIDE
    return min(1.0, math.floor(printable / (pixels * 0.75) * 100) / 100)


def _runs(form: Form, col: int, breaks: Collection[int] = ()) -> list[tuple[int, int]]:
    """The runs of equal group names (under the same parent) in a leading column, as (first, last) row
    offsets; a run is cut where a page begins (`breaks`), so that page names its group again."""
    runs: list[tuple[int, int]] = []
    start = 0
    rows = form.rows
    for index in range(1, len(rows) + 1):
        if index < len(rows) and rows[index][: col + 1] == rows[start][: col + 1] and index not in breaks:
            continue
        runs.append((start, index - 1))
        start = index
    return runs


def _alone(form: Form) -> set[tuple[int, int]]:
    """The group cells that head a single row: their text sets that row's height."""
    return {(start, col) for col in range(form.merge) for start, end in _runs(form, col) if start == end}


def _merge_groups(sheet: Any, formats: _Formats, form: Form, first: int, breaks: set[int]) -> None:
    """Write the leading group columns, each run of equal names (under the same parent) on a page merged into one cell."""
    for col in range(form.merge):
        for start, end in _runs(form, col, breaks):
            value = form.rows[start][col]
            text = value if isinstance(value, str) else ""
            if end > start:
                sheet.merge_range(first + start, col, first + end, col, text, formats.text["center"])
            else:
                sheet.write_string(first + start, col, text, formats.text["center"])


def _label_columns(form: Form) -> int:
    """How many leading columns the 合计 and 评价等级 labels span: those before the first summed column."""
    return form.sum_columns[0] if form.sum_columns else max(form.merge, 1)


def _total_row(sheet: Any, formats: _Formats, form: Form, row: int, first: int) -> None:
    """The 合计 row: the label merged over the leading columns, the summed columns as SUM formulas.

    The graded column (自评得分) stays blank while any of its cells is, as the Word form does, and
    becomes the sum once all are filled in; the values are cached so a reader sees them unrecalculated.
    """
    assert form.total is not None
    merge = _label_columns(form)
    label = form.total[0] if isinstance(form.total[0], str) else ""
    if merge > 1:
        sheet.merge_range(row, 0, row, merge - 1, label, formats.head)
    else:
        sheet.write_string(row, 0, label, formats.head)
    sheet.set_row(row, _height(1))
    for col in range(merge, len(form.columns)):
        value = form.total[col]
        column = form.columns[col]
        if col in form.sum_columns:
            cells = f"{xl_rowcol_to_cell(first, col)}:{xl_rowcol_to_cell(row - 1, col)}"
            rule = f"=SUM({cells})"
            if form.grade is not None and col == form.sum_columns[-1]:
                rule = f'=IF(COUNTBLANK({cells})>0,"",SUM({cells}))'
            cached: Decimal | str = value if isinstance(value, Decimal) else ""
            sheet.write_formula(row, col, rule, formats.column(column, bold=True), cached)
        else:
            _write(sheet, row, col, value, formats, column)


def _grade_row(sheet: Any, formats: _Formats, form: Form, row: int, first: int) -> None:
    """The 评价等级 row: the grade an IF formula on the total (so it follows an edited score), its value cached."""
    assert form.grade is not None
    label, grade = form.grade
    merge = _label_columns(form)
    last = len(form.columns) - 1
    total = xl_rowcol_to_cell(row - 1, form.sum_columns[-1])
    rule = f'"{_BOUNDS[-1][1]}"'
    for lowest, name in reversed(_BOUNDS[:-1]):
        rule = f'IF({total}>={lowest},"{name}",{rule})'
    rule = f'=IF({total}="","",{rule})'
    if merge > 1:
        sheet.merge_range(row, 0, row, merge - 1, label, formats.head)
    else:
        sheet.write_string(row, 0, label, formats.head)
    sheet.merge_range(row, merge, row, last, "", formats.grade)
    sheet.write_formula(row, merge, rule, formats.grade, grade or "")
    sheet.set_row(row, _height(1))
