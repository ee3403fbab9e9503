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
from store import ratios, scoring
from store.formula import resolve
from store.model import Report
from store.parse import format_amount, format_number

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

_FIGURE_COLUMNS = (
    Column("项目", "left", 30),
    Column("单位", "center", 6),
    Column("预算（计划）数", "right", 14, money=True),
    Column("实际数", "right", 14, money=True),
    Column("上年数", "right", 14, money=True),
)

#: Where the 三公 items go (one row each, then their sum).
_SANGONG = ("", "sangong")
#: (label, unit, path of the planned value, path of the actual value); a label alone heads a section.
_FIGURE_ROWS: tuple[tuple[str, ...], ...] = (
    ("一、人员编制",),
    ("编制数／在职人数", "人", "authorised_posts", "staff_total"),
    ("二、收入",),
    ("年初预算数", "万元", "figures.budget_initial", ""),
    ("预算调整数", "万元", "figures.budget_adjustment", ""),
    ("全年预算数／实际到位数", "万元", "figures.budget_full", "figures.funds_received"),
    ("　其中：财政拨款收入", "万元", "figures.budget_approved", "figures.fiscal_appropriation"),
    ("　　　　其他收入", "万元", "", "figures.other_income"),
    ("一般公共预算收入", "万元", "", "figures.general_income"),
    ("政府性基金预算收入", "万元", "", "figures.fund_income"),
    ("国有资本经营预算收入", "万元", "", "figures.capital_income"),
    ("社会保险基金预算收入", "万元", "", "figures.social_income"),
    ("三、支出",),
    ("支出合计", "万元", "", "figures.spent"),
    ("　基本支出", "万元", "", "figures.basic_spent"),
    ("　　其中：人员经费", "万元", "", "figures.personnel_spent"),
    ("　　　　　公用经费", "万元", "", "figures.public_spent"),
    ("　项目支出", "万元", "", "figures.project_spent"),
    ("一般公共预算支出", "万元", "", "figures.general_spent"),
    ("政府性基金预算支出", "万元", "", "figures.fund_spent"),
    ("国有资本经营预算支出", "万元", "", "figures.capital_spent"),
    ("社会保险基金预算支出", "万元", "", "figures.social_spent"),
    ("四、结转结余",),
    ("上年结转结余", "万元", "", "figures.carried_in"),
    ("本年结转结余", "万元", "", "figures.carried_out"),
    ("五、“三公”经费",),
    _SANGONG,
    ("六、政府采购",),
    ("政府采购", "万元", "figures.procurement_planned", "figures.procurement_done"),
    ("七、重点工作",),
    ("重点工作（计划／完成）", "项", "key_tasks_planned", "key_tasks_done"),
)


#: The ratios the 基础数据表 states (store/ratios.toml: the same numbers as the report and the 自评表).
_RATIO_ROWS: tuple[str, ...] = ("execution", "budget_completion", "carryover", "staff_control", "procurement")


#: Units whose figures are counts (written as whole numbers, never as money).
_COUNT_UNITS = ("人", "项")


def _value(report: Report, path: str, unit: str) -> Decimal | int | None:
    value = resolve(report, path) if path else None
    return int(value) if value is not None and unit in _COUNT_UNITS else value


def figures_form(report: Report) -> Form:
    """The 基础数据表: staff, income, spending, carry-over, 三公, procurement and key work, as figures."""
    rows: list[tuple[Cell, ...]] = []
    for spec in _FIGURE_ROWS:
        if spec == _SANGONG:
            rows.extend(_sangong_rows(report))
            continue
        if len(spec) == 1:
            rows.append((spec[0], None, None, None, None))
            continue
        label, unit, planned, actual = spec
        rows.append((label, unit, _value(report, planned, unit), _value(report, actual, unit), None))
    rows.append(("八、主要比率", None, None, None, None))
    for ratio_id in _RATIO_ROWS:
        found = ratios.ratio(report, ratio_id)
        rows.append((found.label(), "%", None, found.value, None))
    return Form(
        name="figures",
        title=f"{report.fiscal_year}年度部门整体支出绩效评价基础数据表",
        unit=report.unit_name,
        unit_lines=_unit_lines(report),
        note="金额单位：万元",
        columns=_FIGURE_COLUMNS,
        rows=tuple(rows),
    )


def _sangong_rows(report: Report) -> list[tuple[Cell, ...]]:
    """Each 三公 item's budget, actual and last year's actual, and their sum."""
    rows: list[tuple[Cell, ...]] = []
    for item in report.sangong:
        rows.append((f"　{item.name}", "万元", item.budget, item.actual, item.last_year))
    if report.sangong:
        sums = [resolve(report, f"sangong.{key}") for key in ("budget", "actual", "last_year")]
        rows.append(("　合计", "万元", *sums))
    return rows


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
    )


def form_document(form: Form) -> Document:
    """A form as a Word or Markdown document of its own: its title, the unit line, the whole table."""
    heads = [Paragraph(part) for part in form.unit_lines]
    blocks: list[Block] = [Title(form.title), *heads, form_table(form, "", "", brief=False)]
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
