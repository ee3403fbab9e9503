"""The report as plain data: everything a 部门整体支出绩效评价报告 holds, free of storage and layout.

Money is Decimal in 万元 (two places); counts are int; indicator values are Decimal with
their own unit. Lists are ordered as the report prints them. Prose that quotes figures is
not stored: the composer writes those sentences from `figures` and the breakdowns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from store import fieldfile

#: The report's single-valued fields, each defined once in store/fields.toml (store/fieldfile.py).
_FIELDS = fieldfile.load()

#: Figures as *stated* in the report (amounts in 万元, and counts such as 公务用车保有量), keyed for
#: storage, in the order the fields file lists them.
FIGURE_KEYS: tuple[str, ...] = _FIELDS.keys("figures")

#: The report's single-valued fields, as the reports table and the exchange file name them.
SCALAR_FIELDS: tuple[str, ...] = _FIELDS.keys("")

#: The outline a report follows unless it says otherwise (the seed's seven chapters).
DEFAULT_OUTLINE = "classic-2019"

#: Texts, in reading order: the narrative blocks (prose kept verbatim, newlines separate paragraphs)
#: and the single lines the hand-in forms carry (预算编码, 联系人, 联系电话, 填报日期 as 2020-09-21).
TEXT_KEYS: tuple[str, ...] = _FIELDS.keys("texts")

#: Ordered lists of plain items (an item may hold several paragraphs, separated by newlines).
TEXT_LISTS: tuple[str, ...] = ("duties", "efficiency_points", "problems", "remedies", "unplaced")

#: Ordered lists of titled items. `efficiency` is the 2023 outline's 履职效能, which heads each point
#: like 资产管理 (issue 24); the 2019 outline's 行政效能 keeps its plain `efficiency_points`.
TITLED_LISTS: tuple[str, ...] = ("assets", "efficiency", "results")

#: The outline that shows `efficiency` (files from before issue 24 held its points as `efficiency_points`).
TITLED_EFFICIENCY_OUTLINE = "selfeval-2023"

#: The two breakdowns of expenditure by economic category (支出经济分类).
ECON_LISTS: tuple[str, ...] = ("basic_lines", "project_lines")


@dataclass
class Body:
    """One body (机构) of the organisation, with the extra plates it carries (加挂…牌子)."""

    name: str
    plates: list[str] = field(default_factory=list)


@dataclass
class OrgGroup:
    """A group of bodies of one kind, e.g. 党政机构, 执法机构, 街道所属事业单位, 其他."""

    label: str
    bodies: list[Body] = field(default_factory=list)


@dataclass
class StaffLine:
    """One category of year-end headcount, e.g. 在职在编人员 44."""

    category: str
    count: int | None


@dataclass
class EconLine:
    """Spending in one economic category, e.g. 工资福利支出 1448.28 万元."""

    category: str
    amount: Decimal | None


@dataclass
class SanGongItem:
    """One 三公经费 item: budget and actual this year, and last year's actual when known."""

    name: str
    budget: Decimal | None = None
    actual: Decimal | None = None
    last_year: Decimal | None = None


@dataclass
class Indicator:
    """A measured result: a target and/or an actual, in a unit (万元, 亿元, %, 个…)."""

    name: str
    target: Decimal | None = None
    actual: Decimal | None = None
    unit: str = ""


@dataclass
class TitledItem:
    """A titled point (资产管理 or 项目产出): a short title, its paragraph, optional indicators."""

    title: str
    body: str = ""
    indicators: list[Indicator] = field(default_factory=list)


@dataclass
class ManualScore:
    """An indicator of the 自评表 scored by hand: the score (None until entered) and a short reason."""

    score: Decimal | None = None
    reason: str = ""


class Source(NamedTuple):
    """Where a figure came from in a 决算 workbook (issue 22): the cell, the basis (口径: 全部资金 or
    财政拨款) and the value the workbook has there (None for a source kept before the value was).

    The value stays when the report's figure is then changed by hand, so that the checks can say
    the report states otherwise than the 决算 (store/checks.py `check_accounts`)."""

    cell: str
    basis: str = ""
    value: Decimal | None = None

    def gave(self, figure: Decimal | None) -> bool:
        """Whether the report's `figure` is the workbook's (taken so when the workbook's value was not kept)."""
        return self.value is None or self.value == figure


def _texts() -> dict[str, str]:
    return {key: "" for key in TEXT_KEYS}


def _figures() -> dict[str, Decimal | int | None]:
    return {key: None for key in FIGURE_KEYS}


@dataclass
class Report:
    """One unit's report for one fiscal year."""

    unit_name: str
    fiscal_year: int
    unit_short: str = ""
    title: str = ""  # none of its own: the outline's title (exporters.compose.report_title)
    sign_unit: str = ""
    sign_date: date | None = None
    staff_total: int | None = None
    staff_change: int | None = None
    authorised_posts: int | None = None
    outline: str = DEFAULT_OUTLINE
    key_tasks_planned: int | None = None
    key_tasks_done: int | None = None
    texts: dict[str, str] = field(default_factory=_texts)
    #: Amounts as Decimal, counts (kind `count` in the fields file) as int; None until entered.
    figures: dict[str, Decimal | int | None] = field(default_factory=_figures)
    org_groups: list[OrgGroup] = field(default_factory=list)
    staff_lines: list[StaffLine] = field(default_factory=list)
    duties: list[str] = field(default_factory=list)
    basic_lines: list[EconLine] = field(default_factory=list)
    project_lines: list[EconLine] = field(default_factory=list)
    sangong: list[SanGongItem] = field(default_factory=list)
    assets: list[TitledItem] = field(default_factory=list)
    efficiency_points: list[str] = field(default_factory=list)
    efficiency: list[TitledItem] = field(default_factory=list)
    results: list[TitledItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    remedies: list[str] = field(default_factory=list)
    #: Paths of the narrative blocks and list items still as copied from last year's report
    #: (`texts.economy`, `duties[3]`, `results[1].body`); editing one takes it out (issue 11).
    copied: set[str] = field(default_factory=set)
    #: Where imported figures came from (issue 22): path → Source, e.g. `figures.spent` →
    #: Source("Z01 收入支出决算总表(财决01表)!F13", "全部资金", Decimal("5083.34")).
    sources: dict[str, Source] = field(default_factory=dict)
    #: The 自评表's indicator system (store/scoring.py); "" until the officer picks one.
    score_system: str = ""
    #: Entered scores of the 自评表: system id → indicator id → score and reason.
    manual_scores: dict[str, dict[str, ManualScore]] = field(default_factory=dict)
    #: 未归类: pieces of an imported document the importer could not place; never printed, kept
    #: until the officer moves each into its place or deletes it.
    unplaced: list[str] = field(default_factory=list)
    id: int | None = None
    created_at: str = ""
    updated_at: str = ""
    revision: int = 0

    @property
    def short_name(self) -> str:
        """The name used in prose and file names: the short name if set, else the full name."""
        return self.unit_short or self.unit_name


def total(lines: list[EconLine]) -> Decimal:
    """Sum of a breakdown, exact; a line whose amount is not filled in yet counts for nothing."""
    return sum((line.amount for line in lines if line.amount is not None), Decimal("0.00"))


def half_up(value: Decimal) -> Decimal:
    """`value` rounded half-up to 0.01: how every share, ratio and score is rounded (89.915 → 89.92)."""
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def sum_known(values: Iterable[Decimal | None]) -> Decimal | None:
    """A 合计 cell: the sum of the values that are known, None (blank, not 0.00) when none is."""
    known = [value for value in values if value is not None]
    return sum(known, Decimal("0.00")) if known else None


#: The three columns of a 三公 item, as its attributes: budget, actual, last year's actual.
SANGONG_COLUMNS: tuple[str, ...] = ("budget", "actual", "last_year")


def sangong_sums(items: Iterable[SanGongItem]) -> tuple[Decimal | None, ...]:
    """The 三公 合计 of budget, actual and last year's actual, each over the items that state it.

    The one sum both 附表4 and the 基础数据表 print (the seed: budget 3.00 = 公务接待 3.00 + 公车 0.00,
    its 因公出国 having no budget stated).
    """
    items = list(items)
    return tuple(sum_known(getattr(item, column) for item in items) for column in SANGONG_COLUMNS)


def share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """part ÷ whole as a percentage, rounded half-up to 0.01 (1448.28 of 1610.68 → 89.92).

    None when either is unknown or the whole is zero: no share can be stated then.
    """
    if part is None or whole is None or whole == 0:
        return None
    return half_up(part * 100 / whole)


#: How the shares of a breakdown are rounded: "balanced" (the default) makes them add up to
#: exactly 100.00 % as the seed does, the last line taking the rounding balance; "half_up"
#: rounds each share on its own (they may then add up to 99.99 or 100.01).
SHARE_METHODS: tuple[str, ...] = ("balanced", "half_up")


def shares(parts: list[Decimal | None], whole: Decimal | None, method: str = "balanced") -> list[Decimal | None]:
    """Each part's share of `whole`, rounded by `method` (see SHARE_METHODS).

    Balanced: every share half-up except the last non-zero one, which is 100.00 minus the others
    (the seed's 89.92 + 8.05 + 2.03: 2.036… half-up would make the column add up to 100.01).
    It applies only when the known parts add up to `whole`; otherwise each is rounded half-up.
    """
    plain = [share(part, whole) for part in parts]
    if method != "balanced" or whole is None or whole == 0:
        return plain
    known = [part for part in parts if part is not None]
    # A zero line is exactly 0.00 %: the balance goes to the last line that holds something.
    holding = [i for i, part in enumerate(parts) if part]
    if not holding or sum(known, Decimal(0)) != whole:
        return plain
    others = sum((plain[i] or Decimal(0) for i in holding[:-1]), Decimal("0.00"))
    plain[holding[-1]] = Decimal("100.00") - others
    return plain
