"""The forms handed in with the report: the 自评表 (scores) and the 基础数据表 (figures).

Each form is composed once here, as a `Form` whose cells keep their typed values (a score
or an amount stays a Decimal), and then laid out by a writer: as a document-tree `Table`
(a 附表 of the report, or a Word file of its own, through the DOCX and Markdown writers)
or as a worksheet (exporters/xlsx.py). So every format says the same words and numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from exporters.tree import Align, Block, Document, Paragraph, Table, Title
from store import fieldfile, ratios, scoring
from store.model import Report, SanGongItem, sangong_sums
from store.outline import chinese_number
from store.parse import format_amount, format_day, format_number

#: A cell's typed value: text, an amount or score (Decimal), a count of people or items (int), or empty.
Cell = str | Decimal | int | None

#: The forms by the name `jixiao export --sheet` and the export dialog use.
FORM_NAMES: tuple[str, ...] = ("scores", "figures")


@dataclass(frozen=True)
class Column:
    """A column of a form: its heading, alignment, width in the worksheet (characters), money or not.

    `brief` columns are the ones a portrait page (the report's 附表) has room for; the form's own
    Word file and the worksheet show them all.
    """

    heading: str
    align: Align = "left"
    width: int = 10
    money: bool = False
    brief: bool = True
    #: Decimal places a number is printed with (None: as it is, without trailing zeros).
    places: int | None = None
    #: Printed after a number (the 指标值's "%").
    suffix: str = ""


@dataclass(frozen=True)
class Form:
    """One hand-in form: title, the unit line, columns, rows of typed cells, and how rows group.

    `merge` is how many leading columns hold a group name that repeats down the rows (一级 and
    二级指标): a writer merges or blanks the repeats. A row whose only cell is the first is a
    section heading (一、人员), spanning the row. `total` is the last row (合计), if any; the
    worksheet writes the total's cells in `sum_columns` (分值, 得分) as SUM formulas over the rows.
    """

    name: str
    title: str
    unit: str
    unit_lines: tuple[str, ...]
    note: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    merge: int = 0
    total: tuple[Cell, ...] | None = None
    sum_columns: tuple[int, ...] = ()
    #: A row under the total: its label and the grade the total earns (None while the total is blank).
    grade: tuple[str, str | None] | None = None
    #: Printed on landscape pages (a wide form).
    landscape: bool = False
    #: Rows (indices in `rows`) printed as column headings: a section's own 编制数 | 年末实有人数.
    heads: tuple[int, ...] = ()
    #: Cells spanning columns, as (row index in `rows`, first column, last column): the first cell's
    #: value is shown across them (a section's title across the table).
    spans: tuple[tuple[int, int, int], ...] = ()
    #: Lines under the table (联系人, 联系电话, 填报日期), printed on one line where there is room.
    foot_lines: tuple[str, ...] = ()


def cell_text(value: Cell, money: bool = False, column: Column | None = None) -> str:
    """A cell as printed: money with two decimals, other numbers without trailing zeros, counts as they are.

    A `column` with `places` prints its numbers with that many decimals and its `suffix` ("97.76%").
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):
        if column is not None and column.places is not None:
            return f"{value:.{column.places}f}{column.suffix}"
        return format_amount(value) if money else format_number(value)
    return str(value)


def _unit_lines(report: Report) -> tuple[str, ...]:
    """The unit and the year the form is for: a line each in Word (together they overrun a 28-character line)."""
    return (f"单位名称：{report.unit_name}", f"评价年度：{report.fiscal_year}年")


# --- 自评表 -----------------------------------------------------------------------------

#: The 自评表 as units hand it in (widths in worksheet characters, set for the content: the
#: explanation and the reason take the room, the numbers only what "100.00%" needs).
_SCORE_COLUMNS = (
    Column("一级指标", "center", 6),
    Column("二级指标", "center", 10),
    Column("三级指标", "center", 12),
    Column("指标解释／评分标准", "left", 47, brief=False),
    Column("分值", "center", 6),
    Column("指标值", "right", 12, places=2, suffix="%"),
    Column("自评得分", "right", 10, places=2),
    Column("扣分原因和其他说明", "left", 25),
)
#: Where the scores, the weights and the values sit in a 自评表 row.
WEIGHT, VALUE, SCORE, REASON = 4, 5, 6, 7
#: The label of the row under the total that carries the grade.
GRADE_LABEL = "评价等级"


def _explanation(indicator: scoring.IndicatorDef) -> str:
    """指标解释 and 评分标准, a line each (the cell wraps; a writer keeps the line break)."""
    return "\n".join(part for part in (indicator.definition, indicator.standard) if part)


def score_form(report: Report, systems: dict[str, scoring.System] | None = None) -> Form:
    """The 自评表 of `report` under its indicator system.

    What is not scored yet (a missing figure, a score not entered) stays blank: the total and
    the grade too until every indicator has a score. `scoring.gaps` says what is missing; the
    form carries no program prompt.
    """
    systems = systems if systems is not None else scoring.load_systems()[0]
    system = scoring.system_for(report, systems)
    sheet = scoring.score(report, system)
    rows: list[tuple[Cell, ...]] = []
    for row in sheet.rows:
        indicator = row.indicator
        value: Cell = row.value
        if row.value is not None and indicator.unit != "%":
            value = f"{row.value:.2f}{indicator.unit}"
        rows.append(
            (
                indicator.level1,
                indicator.level2,
                indicator.name,
                _explanation(indicator),
                indicator.weight,
                value,
                row.score,
                scoring.form_reason(row),
            )
        )
    total = sheet.total if sheet.complete else None
    grade = sheet.grade if sheet.complete else None
    return Form(
        name="scores",
        title=f"{report.fiscal_year}年度部门整体支出绩效自评表",
        unit=report.unit_name,
        unit_lines=_unit_lines(report),
        note=system.name,
        columns=_SCORE_COLUMNS,
        rows=tuple(rows),
        merge=2,
        total=("合计", None, None, None, system.full_marks, None, total, None),
        sum_columns=(WEIGHT, SCORE),
        grade=(GRADE_LABEL, grade),
        landscape=True,
    )


def grade_bounds() -> tuple[tuple[Decimal, str], ...]:
    """The grades by the lowest total that earns them, best first, the lowest grade at 0 (for a formula)."""
    return (*scoring.GRADES, (Decimal(0), scoring.LOWEST_GRADE))


# --- 基础数据表 ---------------------------------------------------------------------------

#: The columns: a row's words, its unit, and three values whose headings each section may restate
#: (预算数 | 执行数 | 上年数 for money; 编制数 | 年末实有人数 for staff…, store/fields.toml `[[section]]`).
_FIGURE_COLUMNS = (
    Column("项目", "left", 30),
    Column("单位", "center", 6),
    Column("预算数", "right", 14, money=True),
    Column("执行数", "right", 14, money=True),
    Column("上年数", "right", 14, money=True),
)
#: Where a field's value sits, by its `form.column` in the fields file.
_VALUE_COLUMN = {name: 2 + i for i, name in enumerate(fieldfile.COLUMNS)}
#: The ratios the 基础数据表 states, by their id in store/ratios.toml, in print order.
FIGURE_RATIOS: tuple[str, ...] = ("execution", "carryover", "procurement", "staff_control", "sangong_control")
#: Indent of a row, in full-width spaces.
_INDENT = "\u3000"


@dataclass
class _Rows:
    """The rows of a form being built, with the rows to print as headings and the cells spanning columns."""

    rows: list[tuple[Cell, ...]]
    heads: list[int]
    spans: list[tuple[int, int, int]]

    def add(self, *cells: Cell, span: tuple[int, int] | None = None) -> None:
        if span is not None:
            self.spans.append((len(self.rows), *span))
        self.rows.append(tuple(cells))


def _field_value(report: Report, entry: fieldfile.Field) -> Cell:
    """A field's value as a form cell: an amount or a count, or None when not entered."""
    if entry.group == "figures":
        return report.figures.get(entry.name)
    value = getattr(report, entry.key, None)
    return value if isinstance(value, int | Decimal) and not isinstance(value, bool) else None


def _field_rows(section: fieldfile.Section) -> dict[str, list[fieldfile.Field]]:
    """The section's rows by id, each with its fields, in the section's order (rows it does not name last)."""
    found: dict[str, list[fieldfile.Field]] = {}
    for entry in fieldfile.load().fields:
        if entry.form is not None and entry.form.section == section.id:
            found.setdefault(entry.form.row, []).append(entry)
    named = [row for row in section.order if row in found]
    return {row: found[row] for row in (*named, *(row for row in found if row not in named))}


def _row_of_fields(report: Report, entries: list[fieldfile.Field]) -> tuple[Cell, ...]:
    """One row of fields: the words and indent of the first that gives a `form.label` (else the first
    field's label), the unit, the values."""
    first = next((entry for entry in entries if entry.form is not None and entry.form.label), entries[0])
    assert first.form is not None
    cells: list[Cell] = [_INDENT * first.form.indent + (first.form.label or first.zh), first.unit, None, None, None]
    for entry in entries:
        assert entry.form is not None
        cells[_VALUE_COLUMN[entry.form.column]] = _field_value(report, entry)
    return tuple(cells)


def _staff_rows(report: Report, out: _Rows) -> None:
    """Each category of the year-end headcount (其中：在职在编人员 44…), in the 年末实有人数 column."""
    for i, line in enumerate(report.staff_lines):
        lead = "其中：" if i == 0 else _INDENT * 3
        out.add(f"{_INDENT}{lead}{line.category}", "人", None, line.count, None)


def sangong_kind(name: str) -> str:
    """The 基础数据表's 三公 item a report's 三公 line belongs to, by its name ("" for none).

    The most specific item whose words the name holds: 公车运行维护费 is 公务用车运行维护费, not
    the 公务用车购置及运行维护费 it is part of; 公务用车 alone is that whole.
    """
    matching = [kind for kind in fieldfile.load().sangong if kind.pattern.search(name)]
    if not matching:
        return ""
    return ([kind for kind in matching if kind.parent] or matching)[0].id


def _sangong_rows(report: Report, out: _Rows) -> None:
    """因公出国（境）, 公务用车 (购置, 运行维护), 公务接待 — blank when the report has no such line — any
    other 三公 line by its own name, and the 合计 (the very sum 附表4 prints, `sangong_sums`)."""
    kinds = fieldfile.load().sangong
    by_kind: dict[str, list[SanGongItem]] = {kind.id: [] for kind in kinds}
    others: list[SanGongItem] = []
    for item in report.sangong:
        kind = sangong_kind(item.name)
        (by_kind[kind] if kind else others).append(item)
    for kind in kinds:
        items = by_kind[kind.id] + [i for child in kinds if child.parent == kind.id for i in by_kind[child.id]]
        indent = "" if not kind.parent else _INDENT * (1 if kind.zh.startswith("其中") else 4)
        out.add(f"{indent}{kind.zh}", "万元", *sangong_sums(items))
    for item in others:
        out.add(item.name, "万元", item.budget, item.actual, item.last_year)
    out.add("合计", "万元", *sangong_sums(report.sangong))


def _ratio_rows(report: Report, out: _Rows) -> None:
    """预算执行率, 结转结余率, 政府采购执行率… from store/ratios.toml, the numbers the report and the 自评表
    print: how each was worked out and its value, both blank where the report cannot work it out."""
    for code in FIGURE_RATIOS:
        found = ratios.ratio(report, code)
        worked = found.formula() if found.value is not None else None
        out.add(found.label(), "%", worked, None, found.value, span=(2, 3))


_BUILT_ROWS = {"@staff_lines": _staff_rows, "@sangong": _sangong_rows, "@ratios": _ratio_rows}


def figures_form(report: Report) -> Form:
    """The 基础数据表: sections as store/fields.toml orders them, a field in its row and column.

    Each section is a row spanning the table (一、基本情况); one whose value columns mean other than
    预算数 | 执行数 | 上年数 restates them in a heading row (编制数 | 年末实有人数). Staff by category,
    the 三公 items and the ratios are written here; every other row is a field's. What the report
    does not hold is a blank cell.
    """
    out = _Rows([], [], [])
    width = len(_FIGURE_COLUMNS)
    money = tuple(column.heading for column in _FIGURE_COLUMNS[2:])
    for n, section in enumerate(fieldfile.load().sections, start=1):
        out.add(f"{chinese_number(n)}、{section.title}", None, None, None, None, span=(0, width - 1))
        if any(head and head != money[i] for i, head in enumerate(section.columns)):
            out.heads.append(len(out.rows))
            out.add("项目", "单位", *section.columns)
        rows = _field_rows(section)
        for row_id in (*section.order, *(row for row in rows if row not in section.order)):
            if row_id in _BUILT_ROWS:
                _BUILT_ROWS[row_id](report, out)
            elif row_id in rows:
                out.add(*_row_of_fields(report, rows[row_id]))
    texts = report.texts
    return Form(
        name="figures",
        title=f"{report.fiscal_year}年度部门整体支出绩效评价基础数据表",
        unit=report.unit_name,
        unit_lines=(*_unit_lines(report), f"预算编码：{texts.get('budget_code', '')}"),
        note="金额单位：万元",
        columns=_FIGURE_COLUMNS,
        rows=tuple(out.rows),
        heads=tuple(out.heads),
        spans=tuple(out.spans),
        foot_lines=(
            f"联系人：{texts.get('contact_person', '')}",
            f"联系电话：{texts.get('contact_phone', '')}",
            f"填报日期：{format_day(texts.get('filled_date', ''))}",
        ),
    )


# --- as document tree ---------------------------------------------------------------


def _foot_rows(form: Form) -> list[tuple[tuple[Cell, ...], tuple[tuple[int, int], ...]]]:
    """The total and grade rows, each with its column spans: a label over the columns before the
    first summed one (合计 over the three levels and the explanation), the grade over the rest."""
    width = len(form.columns)
    split = form.sum_columns[0] if form.sum_columns else max(form.merge, 1)
    label = ((0, split - 1),) if split > 1 else ()
    foot: list[tuple[tuple[Cell, ...], tuple[tuple[int, int], ...]]] = []
    if form.total is not None:
        foot.append((form.total, label))
    if form.grade is not None:
        name, grade = form.grade
        row: list[Cell] = [None] * width
        row[0], row[split] = name, grade
        foot.append((tuple(row), (*label, (split, width - 1))))
    return foot


def form_table(form: Form, label: str, caption: str, *, brief: bool = True) -> Table:
    """The form as a tree Table.

    `brief` (the report's 附表, on a portrait page): the `brief` columns only, each group name
    printed once, the rest of its run blank. Otherwise (the form's own document) every column,
    the group names on every row with `merge` telling the writer to merge the runs, the foot
    rows' spans and the columns' widths.
    """
    keep = [i for i, column in enumerate(form.columns) if column.brief or not brief]
    position = {column: index for index, column in enumerate(keep)}
    rows: list[tuple[str, ...]] = []
    previous: list[Cell] = [None] * form.merge
    for row in form.rows:
        shown = [cell_text(row[i], form.columns[i].money, form.columns[i]) for i in range(len(row))]
        for i in range(form.merge if brief else 0):
            if list(row[: i + 1]) == previous[: i + 1]:
                shown[i] = ""
        previous = list(row[: form.merge])
        rows.append(tuple(shown[i] for i in keep))
    spans: list[tuple[int, int, int]] = []
    for index, first, last in form.spans:
        columns = [position[i] for i in range(first, last + 1) if i in position]
        if len(columns) > 1:
            spans.append((index, columns[0], columns[-1]))
    for row, row_spans in _foot_rows(form):
        index = len(rows)
        rows.append(tuple(cell_text(row[i], form.columns[i].money, form.columns[i]) for i in keep))
        for first, last in row_spans:
            columns = [position[i] for i in range(first, last + 1) if i in position]
            if len(columns) > 1:
                spans.append((index, columns[0], columns[-1]))
    return Table(
        label=label,
        caption=caption,
        header=tuple(form.columns[i].heading for i in keep),
        rows=tuple(rows),
        align=tuple(form.columns[i].align for i in keep),
        note=form.note,
        keep=False,
        merge=0 if brief else form.merge,
        spans=tuple(spans),
        widths=() if brief else tuple(float(form.columns[i].width) for i in keep),
        dense=not brief,
        heads=form.heads,
    )


def form_document(form: Form) -> Document:
    """A form as a Word or Markdown document of its own: its title, the unit lines, the whole table, the foot lines."""
    heads = [Paragraph(part) for part in form.unit_lines]
    foot = [Paragraph("　　".join(form.foot_lines))] if form.foot_lines else []
    blocks: list[Block] = [Title(form.title), *heads, form_table(form, "", "", brief=False), *foot]
    return Document(title=form.title, author=form.unit, blocks=blocks, landscape=form.landscape)


def build(report: Report, name: str) -> Form:
    """The form called `name` ("scores" or "figures") for `report`."""
    return score_form(report) if name == "scores" else figures_form(report)


def score_appendix(report: Report) -> tuple[str, tuple[str, ...], list[tuple[str, ...]], tuple[Align, ...]] | None:
    """The 自评表 as the report's last 附表, once the officer has chosen a system or entered a score; else None."""
    if not report.score_system and not report.manual_scores:
        return None
    table = form_table(score_form(report), "", "")
    return "部门整体支出绩效自评表", table.header, list(table.rows), table.align
