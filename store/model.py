"""The report as plain data: everything a 部门整体支出绩效评价报告 holds, free of storage and layout.

Money is Decimal in 万元 (two places); counts are int; indicator values are Decimal with
their own unit. Lists are ordered as the report prints them. Prose that quotes figures is
not stored: the composer writes those sentences from `figures` and the breakdowns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

#: Budget figures as *stated* in 部门概况, keyed for storage, in the order the report gives them.
FIGURE_KEYS: tuple[str, ...] = (
    "budget_approved",  # 财政拨款收入预算批复数
    "funds_received",  # 实际到位指标
    "fiscal_appropriation",  # 其中：财政拨款收入
    "other_income",  # 其他收入
    "spent",  # 实际支出
    "basic_spent",  # 其中：基本支出
    "project_spent",  # 项目支出
    "carried_in",  # 上年结余（结转）
    "carried_out",  # 本年结余（结转）
    # --- the figures the official 共性指标 need (issue 12) ---
    "budget_initial",  # 年初预算数
    "budget_adjustment",  # 预算调整数（可为负）
    "budget_full",  # 全年预算数 = 年初预算数 + 预算调整数
    "personnel_spent",  # 基本支出中的人员经费
    "public_spent",  # 基本支出中的公用经费
    "procurement_planned",  # 政府采购预算数
    "procurement_done",  # 政府采购实际数
    "general_income",  # 一般公共预算收入
    "general_spent",  # 一般公共预算支出
    "fund_income",  # 政府性基金预算收入
    "fund_spent",  # 政府性基金预算支出
    "capital_income",  # 国有资本经营预算收入
    "capital_spent",  # 国有资本经营预算支出
    "social_income",  # 社会保险基金预算收入
    "social_spent",  # 社会保险基金预算支出
)

#: The report's single-valued fields, as the reports table and the exchange file name them.
SCALAR_FIELDS: tuple[str, ...] = (
    "unit_name",
    "unit_short",
    "fiscal_year",
    "title",
    "sign_unit",
    "sign_date",
    "staff_total",
    "staff_change",
    "authorised_posts",
    "outline",  # the outline the report follows (store/outlines/<id>.toml)
    "key_tasks_planned",  # 重点工作计划数
    "key_tasks_done",  # 重点工作完成数
)

#: The outline a report follows unless it says otherwise (the seed's seven chapters).
DEFAULT_OUTLINE = "classic-2019"

#: Narrative blocks, in reading order. Each is prose kept verbatim (newlines separate paragraphs).
TEXT_KEYS: tuple[str, ...] = (
    "preamble",  # 标题后的导语
    "org_intro",  # 一（一）1 组织机构设置情况 的引言
    "staff_reasons",  # 一（一）2 人员变化的主要原因
    "key_plan",  # 一（一）4 重点工作计划
    "spending_directions",  # 一（二）支出使用方向和主要内容
    "basic_intro",  # 二（一）1 基本支出主要包括……
    "sangong_intro",  # 二（一）2 三公经费：数字之前的说明
    "sangong_closing",  # 二（一）2 三公经费：与上年比较
    "project_intro",  # 二（二）项目支出主要包括……
    "project_management",  # 二（二）项目支出管理
    "implementation",  # 三、部门项目组织实施情况
    "performance_intro",  # 五、部门整体支出绩效情况 的引言
    "economy",  # 五（一）经济性评价
    "efficiency_intro",  # 五（二）行政效能评价 的引言
    # --- blocks of the 2023 self-evaluation outline (issue 12) ---
    "goals",  # 三、部门整体支出绩效目标及完成情况 的说明
    "conclusion",  # 四、自评结论
    "other_matters",  # 七、其他需要说明的情况
)

#: Ordered lists of plain items (an item may hold several paragraphs, separated by newlines).
TEXT_LISTS: tuple[str, ...] = ("duties", "efficiency_points", "problems", "remedies", "unplaced")

#: Ordered lists of titled items.
TITLED_LISTS: tuple[str, ...] = ("assets", "results")

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


def _texts() -> dict[str, str]:
    return {key: "" for key in TEXT_KEYS}


def _figures() -> dict[str, Decimal | None]:
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
    figures: dict[str, Decimal | None] = field(default_factory=_figures)
    org_groups: list[OrgGroup] = field(default_factory=list)
    staff_lines: list[StaffLine] = field(default_factory=list)
    duties: list[str] = field(default_factory=list)
    basic_lines: list[EconLine] = field(default_factory=list)
    project_lines: list[EconLine] = field(default_factory=list)
    sangong: list[SanGongItem] = field(default_factory=list)
    assets: list[TitledItem] = field(default_factory=list)
    efficiency_points: list[str] = field(default_factory=list)
    results: list[TitledItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    remedies: list[str] = field(default_factory=list)
    #: Paths of the narrative blocks and list items still as copied from last year's report
    #: (`texts.economy`, `duties[3]`, `results[1].body`); editing one takes it out (issue 11).
    copied: set[str] = field(default_factory=set)
    #: Where imported figures came from (issue 22): path → (source cell, basis), e.g.
    #: `figures.spent` → ("Z01 收入支出决算总表(财决01表)!F13", "全部资金").
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)
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
