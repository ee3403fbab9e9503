"""The report checked against itself (勾稽关系), and the indicators finance bureaus score.

`run_checks` lists every place where the report's own figures disagree, or a part it must
have is missing, each finding naming every place involved (section and field, as the printed
report heads them) and the value written there. One mistake should give one finding, so a
relation uses each total in its most detailed form: "spent = basic + project" takes the
breakdowns' totals where there are breakdowns, and the stated basic or project figure is
compared with its breakdown on its own. A relation with an unknown (None) value is skipped,
never failed: an unfinished report is not a wrong one.

`ratios` gives the ratios of store/ratios.toml (预算执行率, 结转结余率, 在职人员控制率 …) that the
report's figures allow, each with its formula and figures (store/ratios.py works them out, for
this screen, the report's sentences and the forms alike).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from store import fields
from store import outline as outlines
from store.catalogue import message
from store.formula import resolve
from store.model import DEFAULT_OUTLINE, ECON_LISTS, TEXT_LISTS, TITLED_LISTS, Report, total
from store.outline import number
from store.parse import format_amount, format_date, format_number
from store.ratios import Ratio
from store.ratios import ratios as all_ratios

ERROR = "error"
WARNING = "warning"

#: Lists whose items print under a name, and the attribute holding it (None: the item is its text).
NAMED_ITEMS: tuple[tuple[str, str | None], ...] = (
    ("org_groups", "label"),
    ("staff_lines", "category"),
    *((name, None) for name in TEXT_LISTS),
    *((name, "category") for name in ECON_LISTS),
    ("sangong", "name"),
    *((name, "title") for name in TITLED_LISTS),
)


@dataclass(frozen=True)
class Place:
    """A spot in the report (a field path) and the value written there, as the report prints it.

    `item` is the name of the list item the path sits in (a category, a 三公 item), so the
    label can say "第2项 公务接待费 实际数" rather than only "第2项 实际数".
    """

    path: str
    value: str
    item: str = ""

    def field(self, lang: str = "zh") -> str:
        """The field's own short label: "项目支出明细合计"."""
        return fields.label(self.path, lang, self.item)

    def label(self, lang: str = "zh", outline: str = DEFAULT_OUTLINE) -> str:
        """Section and field, enough to find the spot in the printed report (headed as `outline` heads it)."""
        section = fields.section_label(self.path, lang, outline)
        return message("check.place", lang, section=section, field=self.field(lang))


@dataclass(frozen=True)
class Finding:
    """One relation the report breaks, or one required part it lacks.

    `params` holds what the sentence quotes besides the places' values (the expected sum,
    the difference), already formatted. `outline` is the report's, which names the sections.
    """

    code: str
    severity: str  # "error" | "warning"
    places: tuple[Place, ...]
    params: tuple[tuple[str, str], ...] = ()
    outline: str = DEFAULT_OUTLINE

    def text(self, lang: str = "zh") -> str:
        """A full sentence naming every place and its value."""
        named: dict[str, str] = {key: value for key, value in self.params if key != "sources"}
        sourced = dict(self.params).get("sources")
        if sourced is not None:
            named["sources"] = "".join(
                message(
                    "check.from_accounts",
                    lang,
                    field=fields.label(path, lang),
                    cells=message("check.from_accounts.joiner", lang).join(cells),
                )
                for path, cells in sourced  # type: ignore[misc]
            )
        for n, place in enumerate(self.places):
            named[f"p{n}"] = place.label(lang, self.outline)
            named[f"f{n}"] = place.field(lang)
            named[f"s{n}"] = fields.section_label(place.path, lang, self.outline)
            named[f"v{n}"] = place.value
        return message(f"check.{self.code}", lang, **named)

    def order(self) -> tuple[int, ...]:
        """Where the finding first touches the report, for sorting in reading order."""
        return min(fields.order_key(place.path, self.outline) for place in self.places)


#: A figure with the place it comes from.
Term = tuple[Place, Decimal]


def _stated(report: Report, key: str) -> Term | None:
    value = report.figures.get(key)
    return None if value is None else (Place(f"figures.{key}", format_amount(value)), value)


def _breakdown(report: Report, kind: str) -> Term | None:
    lines = getattr(report, f"{kind}_lines")
    if not lines or any(line.amount is None for line in lines):
        return None
    amount = total(lines)
    return Place(f"{kind}_lines", format_amount(amount)), amount


def _equation(
    code: str,
    whole: Term | None,
    parts: list[tuple[int, Term | None]],
    fmt: Callable[[Decimal], str] = format_amount,
    severity: str = ERROR,
) -> list[Finding]:
    """whole = Σ sign × part, or one error naming every place; skipped when anything is unknown."""
    if whole is None or any(term is None for _, term in parts):
        return []
    known = [(sign, term) for sign, term in parts if term is not None]
    expected = sum((sign * value for sign, (_, value) in known), Decimal(0))
    if whole[1] == expected:
        return []
    places = (whole[0], *(place for _, (place, _) in known))
    params = (("expected", fmt(expected)), ("diff", fmt(abs(whole[1] - expected))))
    return [Finding(code, severity, places, params)]


def check_received(report: Report) -> list[Finding]:
    """实际到位指标 = 财政拨款收入 + 其他收入."""
    parts = [(1, _stated(report, "fiscal_appropriation")), (1, _stated(report, "other_income"))]
    return _equation("received", _stated(report, "funds_received"), parts)


def check_spent(report: Report) -> list[Finding]:
    """实际支出 = 基本支出 + 项目支出, each from its breakdown where there is one, else as stated."""
    parts = [(1, _breakdown(report, kind) or _stated(report, f"{kind}_spent")) for kind in ("basic", "project")]
    return _equation("spent", _stated(report, "spent"), parts)


def check_carried_out(report: Report) -> list[Finding]:
    """本年结余 = 上年结余 + 实际到位 − 实际支出, all as stated in 一（二）."""
    parts = [(1, _stated(report, "carried_in")), (1, _stated(report, "funds_received")), (-1, _stated(report, "spent"))]
    return _equation("carried_out", _stated(report, "carried_out"), parts)


def check_breakdowns(report: Report) -> list[Finding]:
    """The basic and project figures stated in 一（二） equal the totals of their breakdowns in 二.

    When either side came from a 决算 workbook (issue 22) and still holds its value, the finding says
    which cells (one changed since is check_accounts' to say).
    """
    found = []
    for kind in ("basic", "project"):
        for finding in _equation("breakdown", _stated(report, f"{kind}_spent"), [(1, _breakdown(report, kind))]):
            sources = {
                place.path: [
                    source.cell
                    for path, source in sorted(report.sources.items())
                    if (path == place.path or path.startswith(f"{place.path}[")) and source.gave(resolve(report, path))
                ]
                for place in finding.places
            }
            found.append(replace(finding, params=(*finding.params, ("sources", _source_words(sources)))))
    return found


def check_accounts(report: Report) -> list[Finding]:
    """Each figure the report states otherwise than the 决算 workbook it was brought in from (issue 22):
    收入, 支出, 结余, 三公 and every other figure that has a source, a line unticked in the import or
    changed by hand afterwards. The comparison check_breakdowns makes of a stated figure and its
    breakdown, made with the workbook's value: "项目支出 3472.44（部门概况）≠ 3472.66（决算 公开03表!E5）".

    A warning: the report may state it on another basis (口径) than the table it came from.
    """
    found = []
    for path, source in report.sources.items():
        now = resolve(report, path)
        if now is None or source.gave(now):
            continue
        place = Place(path, format_amount(now), fields.item_name(report, path))
        params = (
            ("accounts", format_amount(source.value)),
            ("cell", source.cell),
            ("basis", source.basis),
            ("diff", format_amount(abs(now - source.value))),
        )
        found.append(Finding("accounts", WARNING, (place,), params))
    return found


def _source_words(sources: dict[str, list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(field path, its cells in the workbook) of the places that have any: said by `Finding.text`."""
    return tuple((path, tuple(cells)) for path, cells in sources.items() if cells)


def check_headcount(report: Report) -> list[Finding]:
    """年末实有人数 = the sum of the staff lines."""
    if report.staff_total is None or not report.staff_lines or any(s.count is None for s in report.staff_lines):
        return []
    lines = sum(line.count for line in report.staff_lines if line.count is not None)
    return _equation(
        "headcount", _count("staff_total", report.staff_total), [(1, _count("staff_lines", lines))], fmt=str
    )


def _count(path: str, value: object) -> Term | None:
    """A whole number (a headcount, a number of posts) with its place, or None while it is not given."""
    return None if value is None else (Place(path, str(value)), Decimal(str(value)))


def check_posts(report: Report) -> list[Finding]:
    """编制数 = 行政编制 + 事业编制, when all three are given (one alone may be the whole)."""
    parts = [
        (1, _count(f"figures.posts_{kind}", report.figures.get(f"posts_{kind}"))) for kind in ("admin", "institution")
    ]
    return _equation("posts", _count("authorised_posts", report.authorised_posts), parts, fmt=str)


def check_sangong(report: Report) -> list[Finding]:
    """Each 三公 item's actual is within its budget."""
    findings = []
    for i, item in enumerate(report.sangong):
        if item.budget is None or item.actual is None or item.actual <= item.budget:
            continue
        places = (
            Place(f"sangong[{i}].budget", format_amount(item.budget), item.name),
            Place(f"sangong[{i}].actual", format_amount(item.actual), item.name),
        )
        findings.append(Finding("sangong_over", ERROR, places, (("diff", format_amount(item.actual - item.budget)),)))
    return findings


def _top_value(report: Report, path: str) -> object:
    """The value of a field that is not inside a list (`texts.goals`, `duties`, `key_tasks_planned`)."""
    group, _, key = path.partition(".")
    return getattr(report, group).get(key) if key else getattr(report, group)


def check_required(report: Report) -> list[Finding]:
    """The unit and the signature are there (errors); what the outline requires is not empty (warnings).

    A required field in a section with nothing at all to print is left to that section's warning.
    """
    findings = [
        Finding("required", ERROR, (Place(path, ""),))
        for path, value in (
            ("unit_name", report.unit_name.strip()),
            ("sign_unit", report.sign_unit.strip()),
            ("sign_date", report.sign_date),
        )
        if not value
    ]
    unsaid = {shape for node, _ in _empty_sections(report) for part in node.walk() for shape in part.fields}
    for path in outlines.load(report.outline).required():
        if path in unsaid:
            continue  # the empty section's own warning (check_empty_sections) says it
        value = _top_value(report, path)
        if isinstance(value, list) and not value:
            findings.append(Finding("empty_list", WARNING, (Place(path, ""),)))
        elif value is None or (isinstance(value, str) and not value.strip()):
            findings.append(Finding("empty", WARNING, (Place(path, ""),)))
    return findings


def check_blank_items(report: Report) -> list[Finding]:
    """No list item is left without its text or its name (it would print as a bare number)."""
    findings = []
    for name, attr in NAMED_ITEMS:
        for i, item in enumerate(getattr(report, name)):
            text = item if attr is None else getattr(item, attr)
            if not text.strip():
                path = f"{name}[{i}]" if attr is None else f"{name}[{i}].{attr}"
                findings.append(Finding("blank_item", WARNING, (Place(path, ""),)))
    return findings


def check_sign_date(report: Report) -> list[Finding]:
    """The report is signed after its fiscal year ends (a wrong year is a common slip)."""
    if report.sign_date is None or report.sign_date.year > report.fiscal_year:
        return []
    places = (Place("fiscal_year", str(report.fiscal_year)), Place("sign_date", format_date(report.sign_date)))
    return [Finding("sign_date_early", WARNING, places)]


def check_unplaced(report: Report) -> list[Finding]:
    """Pieces of an imported document still waiting in 未归类 (issue 13): one warning at the list."""
    if not report.unplaced:
        return []
    return [Finding("unplaced", WARNING, (Place("unplaced", ""),), (("count", str(len(report.unplaced))),))]


def check_budget_full(report: Report) -> list[Finding]:
    """全年预算数 = 年初预算数 + 预算调整数."""
    parts = [(1, _stated(report, "budget_initial")), (1, _stated(report, "budget_adjustment"))]
    return _equation("budget_full", _stated(report, "budget_full"), parts)


def check_personnel_public(report: Report) -> list[Finding]:
    """人员经费 + 公用经费 = 基本支出 (its breakdown's total where there is one, else as stated)."""
    parts = [(1, _stated(report, "personnel_spent")), (1, _stated(report, "public_spent"))]
    return _equation("personnel_public", _breakdown(report, "basic") or _stated(report, "basic_spent"), parts)


def check_four_budgets(report: Report) -> list[Finding]:
    """The four budgets' income and spending, when all four are given, against 实际到位 and 实际支出.

    A warning, not an error: income outside the four budgets (事业收入, 其他收入) is possible.
    """
    findings = []
    for code, side, whole in (("four_income", "income", "funds_received"), ("four_spent", "spent", "spent")):
        parts = [(1, _stated(report, f"{budget}_{side}")) for budget in ("general", "fund", "capital", "social")]
        findings += _equation(code, _stated(report, whole), parts, severity=WARNING)
    return findings


def check_procurement(report: Report) -> list[Finding]:
    """政府采购实际数 within 政府采购预算数 (a warning: a purchase above plan needs a reason, not a fix)."""
    planned, done = _stated(report, "procurement_planned"), _stated(report, "procurement_done")
    if planned is None or done is None or done[1] <= planned[1]:
        return []
    return [
        Finding("procurement_over", WARNING, (planned[0], done[0]), (("diff", format_amount(done[1] - planned[1])),))
    ]


def check_key_tasks(report: Report) -> list[Finding]:
    """重点工作完成数 ≤ 重点工作计划数."""
    planned, done = report.key_tasks_planned, report.key_tasks_done
    if planned is None or done is None or done <= planned:
        return []
    places = (Place("key_tasks_planned", str(planned)), Place("key_tasks_done", str(done)))
    return [Finding("key_tasks_over", ERROR, places, (("diff", str(done - planned)),))]


def check_copied(report: Report) -> list[Finding]:
    """Each narrative block or list item still as copied from last year's report: one warning each (issue 11)."""
    return [Finding("still_copied", WARNING, (Place(path, ""),)) for path in sorted(report.copied)]


def _filled(report: Report, shape: str) -> bool | None:
    """Whether the field `shape` holds something (None for a shape inside a list: the list itself says)."""
    group, _, key = shape.partition(".")
    if key and isinstance(getattr(report, group, None), list):
        return None
    value = _top_value(report, shape)
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value)
    return value is not None


def _scores_complete(report: Report) -> bool:
    from store import scoring

    return scoring.score(report, scoring.system_for(report, scoring.load_systems()[0])).complete


#: Builders that write from more than their node's own fields (exporters/compose.py), and when they say something.
_WRITES_FROM_ELSEWHERE: dict[str, Callable[[Report], bool]] = {
    "execution": lambda report: all(
        report.figures.get(key) is not None for key in ("spent", "funds_received", "carried_in")
    ),
    "score_conclusion": _scores_complete,
}


#: Builders that print one field, named after the colon (`text:goals` → texts.goals); any other prints its node's.
_ONE_FIELD = {"text": "texts.", "list": "", "titled": ""}


def _printed(node: outlines.Node) -> tuple[str, ...]:
    """The field shapes a node's builders print: the one each `text:`/`list:`/`titled:` names, else all its own."""
    named = [spec.partition(":") for spec in node.blocks]
    if node.inline or any(name not in _ONE_FIELD for name, _, _ in named):
        return node.fields
    return tuple(_ONE_FIELD[name] + arg.partition(":")[0] for name, _, arg in named)


def _says_something(report: Report, node: outlines.Node) -> bool:
    """Whether a node (with what is printed inline in it and below it) has anything to print."""
    for part in node.walk():
        if any(_filled(report, shape) for shape in _printed(part)):
            return True
        writers = (_WRITES_FROM_ELSEWHERE.get(spec.partition(":")[0]) for spec in part.blocks)
        if any(says(report) for says in writers if says is not None):
            return True
    return False


def _empty_sections(report: Report) -> list[tuple[outlines.Node, str]]:
    """Each headed section of the report's outline with nothing to print, and its heading as numbered in the
    outline ("二、部门整体支出情况（一）预算安排及调整情况"); a section inside an empty one is not listed."""
    found: list[tuple[outlines.Node, str]] = []

    def visit(node: outlines.Node, heading: str) -> None:
        if node.inline or not node.title:
            return
        heading += number(node.level, node.number) + node.label
        if not _says_something(report, node):
            found.append((node, heading))
            return
        for child in node.sections:
            visit(child, heading)

    for chapter in outlines.load(report.outline).chapters:
        visit(chapter, "")
    return found


def check_empty_sections(report: Report) -> list[Finding]:
    """Each headed section with nothing to print: one warning, at its first field, saying what the report does.

    The outline's rule for it (`empty`): left out of the report, or printed as "无。". 自评结论
    waiting for scores gets `conclusion_unscored` instead, naming the indicators not scored.
    """
    findings: list[Finding] = []
    for node, heading in _empty_sections(report):
        shapes = [shape for part in node.walk() for shape in part.fields]
        if not shapes:
            continue
        params = (("section", heading),)
        if "score_conclusion" in node.blocks:
            findings += _unscored(report, shapes[0], params)
        else:
            code = "empty_section_none" if node.empty == "none" else "empty_section"
            findings.append(Finding(code, WARNING, (Place(shapes[0], ""),), params))
    return findings


def _unscored(report: Report, path: str, params: tuple[tuple[str, str], ...]) -> list[Finding]:
    """自评结论 with no score to state: which indicators of the 自评表 have none yet."""
    from store import scoring

    sheet = scoring.score(report, scoring.system_for(report, scoring.load_systems()[0]))
    names = [row.indicator.name for row in sheet.rows if row.score is None]
    if not names:
        return _other_grade(report, path, params, sheet.grade, format_number(sheet.total.normalize()))
    shown = "、".join(names[:3]) + ("等" if len(names) > 3 else "")
    more = (("count", str(len(names))), ("names", shown))
    return [Finding("conclusion_unscored", WARNING, (Place(path, ""),), params + more)]


#: A grade the officer's own words state: "等级为“优”", "自评等级：良", "评为优秀".
_STATED_GRADE = re.compile(r"(?:等级|评价结果|自评结果|评定为|评为)[为是：:\s]*[“\"「『]?([优良中差])")


def _other_grade(
    report: Report, path: str, params: tuple[tuple[str, str], ...], grade: str, total: str
) -> list[Finding]:
    """The text of 自评结论 states a grade other than the one the 自评表's total earns (the printed
    report would then say both)."""
    stated = {match.group(1) for match in _STATED_GRADE.finditer(str(_top_value(report, path) or ""))}
    if not stated or stated == {grade}:
        return []
    other = "、".join(sorted(stated - {grade})) or grade
    more = (("grade", grade), ("total", total))
    return [Finding("conclusion_grade", WARNING, (Place(path, other),), params + more)]


def check_conclusion(report: Report) -> list[Finding]:
    """自评结论 has text of the officer's but the 自评表 is not scored whole: its score sentence is left out;
    or it is scored whole and the text states another grade than the total earns."""
    outline = outlines.load(report.outline)
    for node in outline.nodes():
        if "score_conclusion" in node.blocks and node.key and _says_something(report, node):
            return _unscored(report, node.fields[0], (("section", outline.label(node.key)),))
    return []


#: Every check, in the order of the relations in DOMAIN.md (ties in sorting keep this order).
CHECKS: tuple[Callable[[Report], list[Finding]], ...] = (
    check_received,
    check_spent,
    check_carried_out,
    check_breakdowns,
    check_accounts,
    check_headcount,
    check_posts,
    check_sangong,
    check_required,
    check_blank_items,
    check_sign_date,
    check_unplaced,
    check_budget_full,
    check_personnel_public,
    check_four_budgets,
    check_procurement,
    check_key_tasks,
    check_copied,
    check_empty_sections,
    check_conclusion,
)


def run_checks(report: Report, last_year: Report | None = None) -> list[Finding]:
    """Every finding on `report`, in the order its outline prints the places they first touch.

    With `last_year` (the unit's report of the year before, from the same file) the checks
    against last year's figures run too (store/yearly_checks.py).
    """
    from store.yearly_checks import YEARLY_CHECKS

    found = [finding for check in CHECKS for finding in check(report)]
    if last_year is not None:
        found += [finding for check in YEARLY_CHECKS for finding in check(report, last_year)]
    found = [replace(finding, outline=report.outline) for finding in found]
    return sorted(found, key=Finding.order)


def ratios(report: Report) -> list[Ratio]:
    """The ratios of store/ratios.toml that can be worked out from what the report holds (a divisor of 0
    included, its value None); one whose figures the report lacks is left out."""
    return [found for found in all_ratios(report) if not found.missing]
