"""A test corpus for the importer: two units' 2020 reports (a county education bureau and a town),
each written the five ways a finance officer's file arrives, with the facts each states, and a scorer.

Kinds (issue 20):
1. `classic-word-numbering`: the classic 2019 outline, headings and lists numbered by Word itself
   (numbering.xml, w:numPr, Heading styles): the visible numbers are not in the text.
2. `classic-tables`: the classic outline with organisation, staff, figures, breakdowns, 三公 and
   indicators in tables (merged 类别 cells by w:vMerge), a 红头 (发文机关, 文号, 主送) and a 版记.
3. `selfeval-office`: the 2023 自评报告 outline (store/outlines/selfeval-2023.toml) worded as an
   office words it, numbers typed.
4. `selfeval-word-numbering`: kind 3 with Word's own numbering.
5. `reviewed-draft`: kind 1 typed, with tracked insertions and deletions (w:ins, w:del) and comments.

Each document carries the traps the issue lists: 核定编制…其中行政编制…事业编制 before the real
staff list, 年初结转结余, 追加预算 before 实际到位指标, a reason clause in the 三公 paragraph.

`score` imports a document and counts, against the unit's facts: landed, unplaced pieces,
wrong values (a fact stored with another value, or a value stored that the document did not
state), lost silently (a fact neither landed nor to be found in 未归类).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from exporters.importer import Imported, import_file
from store.model import Report

D = Decimal


# --- the units -----------------------------------------------------------------------------------


@dataclass
class Unit:
    """What one unit's report states: every fact the scorer checks."""

    name: str
    short: str
    year: int
    signed: date
    groups: list[tuple[str, list[tuple[str, list[str]]]]]
    posts: int
    posts_split: list[tuple[str, int]]
    staff_total: int
    staff_lines: list[tuple[str, int]]
    staff_change: int
    figures: dict[str, Decimal]
    basic: list[tuple[str, Decimal]]
    project: list[tuple[str, Decimal]]
    sangong: list[tuple[str, Decimal, Decimal]]
    duties: list[str]
    results: list[tuple[str, str]]
    problems: list[str]
    remedies: list[str]
    indicators: list[tuple[str, Decimal, Decimal, str]] = field(default_factory=list)
    #: The reason the 三公 paragraph gives (its clause names 公务接待 and 公务用车: not a fourth item).
    sangong_reason: str = ""


EDU = Unit(
    name="青石县教育局",
    short="县教育局",
    year=2020,
    signed=date(2021, 4, 12),
    groups=[
        (
            "内设机构",
            [
                ("办公室", []),
                ("人事股", ["教师工作股"]),
                ("计划财务股", []),
                ("基础教育股", ["学前教育股"]),
                ("职业与成人教育股", []),
                ("安全稳定股", ["督导室"]),
                ("教育装备股", []),
                ("政策法规股", []),
            ],
        ),
        (
            "下属事业单位",
            [
                ("教育事务中心", []),
                ("教师进修学校", ["县教育科学研究所"]),
                ("学生资助管理中心", []),
                ("招生考试中心", []),
                ("电化教育馆", []),
            ],
        ),
        ("其他", [("县教育工会", []), ("县关工委办公室", [])]),
    ],
    posts=50,
    posts_split=[("行政编制", 13), ("事业编制", 37)],
    staff_total=48,
    staff_lines=[("在职人员", 40), ("离退休人员", 6), ("其他人员", 2)],
    staff_change=-2,
    figures={
        "budget_approved": D("3980.00"),
        "budget_initial": D("4000.00"),
        "budget_adjustment": D("321.56"),
        "budget_full": D("4321.56"),
        "funds_received": D("4321.56"),
        "fiscal_appropriation": D("4100.00"),
        "other_income": D("221.56"),
        "spent": D("4250.18"),
        "basic_spent": D("1680.40"),
        "project_spent": D("2569.78"),
        "carried_in": D("102.30"),
        "carried_out": D("173.68"),
    },
    basic=[
        ("工资福利支出", D("1390.20")),
        ("商品和服务支出", D("210.15")),
        ("对个人和家庭的补助", D("65.05")),
        ("资本性支出", D("15.00")),
    ],
    project=[
        ("工资福利支出", D("120.00")),
        ("商品和服务支出", D("860.50")),
        ("对个人和家庭的补助", D("1120.28")),
        ("资本性支出", D("469.00")),
    ],
    sangong=[
        ("因公出国（境）费", D("0.00"), D("0.00")),
        ("公务接待费", D("4.00"), D("3.25")),
        ("公务用车运行维护费", D("6.00"), D("5.10")),
    ],
    duties=[
        "贯彻执行国家教育方针、政策和法规；",
        "统筹规划全县各级各类教育发展；",
        "负责全县教育经费和基建投资的管理。",
    ],
    results=[
        ("义务教育均衡发展", "全县义务教育巩固率达到99.2%，新建改扩建学校6所。"),
        ("学生资助全覆盖", "发放各类资助资金1860万元，惠及学生2.3万人次。"),
        ("教师队伍建设加强", "招聘新教师120名，培训教师3500人次。"),
    ],
    problems=["预算编制不够精准，年中追加较多。", "项目绩效目标设置不够细化。"],
    remedies=["提高预算编制的科学性和准确性。", "完善项目绩效目标和指标体系。"],
    indicators=[("新建改扩建学校", D("6"), D("6"), "所"), ("培训教师", D("3000"), D("3500"), "人次")],
    sangong_reason="较上年减少2.15万元，主要原因是严格控制公务接待和公务用车开支",
)

TOWN = Unit(
    name="青石县白沙镇人民政府",
    short="白沙镇",
    year=2020,
    signed=date(2021, 3, 18),
    groups=[
        (
            "党政机构",
            [
                ("党政综合办公室", []),
                ("党建工作办公室", ["纪检监察室"]),
                ("经济发展办公室", ["统计站"]),
                ("社会事务办公室", ["退役军人服务站", "残疾人联合会"]),
                ("自然资源和生态环境办公室", []),
                ("社会治安和应急管理办公室", []),
            ],
        ),
        (
            "事业单位",
            [
                ("综合行政执法大队", []),
                ("农业综合服务中心", ["林业站"]),
                ("社会事务综合服务中心", []),
                ("财政所", []),
                ("村镇建设服务中心", []),
            ],
        ),
        ("其他", [("便民服务中心", []), ("文化站", []), ("司法所", []), ("人民武装部", [])]),
    ],
    posts=62,
    posts_split=[("行政编制", 30), ("事业编制", 32)],
    staff_total=70,
    staff_lines=[("在编人员", 58), ("聘用人员", 9), ("退休人员", 3)],
    staff_change=4,
    figures={
        "budget_approved": D("2600.00"),
        "budget_initial": D("2600.00"),
        "budget_adjustment": D("845.20"),
        "budget_full": D("3445.20"),
        "funds_received": D("3445.20"),
        "fiscal_appropriation": D("3300.20"),
        "other_income": D("145.00"),
        "spent": D("3380.60"),
        "basic_spent": D("1210.30"),
        "project_spent": D("2170.30"),
        "carried_in": D("56.40"),
        "carried_out": D("121.00"),
    },
    basic=[("工资福利支出", D("980.10")), ("商品和服务支出", D("180.20")), ("对个人和家庭的补助", D("50.00"))],
    project=[
        ("商品和服务支出", D("650.30")),
        ("对个人和家庭的补助", D("420.00")),
        ("资本性支出", D("1100.00")),
    ],
    sangong=[
        ("因公出国（境）费", D("0.00"), D("0.00")),
        ("公务接待费", D("8.00"), D("6.72")),
        ("公务用车运行维护费", D("12.00"), D("10.45")),
    ],
    duties=["贯彻执行党和国家的路线方针政策；", "负责全镇经济社会发展规划的实施；", "做好辖区社会治安和安全生产工作。"],
    results=[
        ("乡村振兴稳步推进", "完成12个村的人居环境整治，新修村道18公里。"),
        ("民生保障有力", "发放低保、特困供养资金320万元，惠及1800人。"),
        ("安全形势平稳", "全年未发生较大以上安全生产事故。"),
    ],
    problems=["部分项目资金支付进度偏慢。", "资产管理基础工作薄弱。"],
    remedies=["加快项目资金支付进度。", "开展资产清查，完善资产台账。"],
    indicators=[("人居环境整治村数", D("12"), D("12"), "个"), ("新修村道", D("15"), D("18"), "公里")],
    sangong_reason="比上年下降1.08万元，原因是压减公务接待批次和公务用车运行费用",
)

UNITS = {"edu": EDU, "town": TOWN}


# --- the facts and the scorer --------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One thing the document states: its name, its value, how to read it from a report, a clue to find it in 未归类."""

    name: str
    value: Any
    read: Callable[[Report], Any]
    clue: str


def _body(report: Report, name: str) -> tuple[str, tuple[str, ...]] | None:
    for group in report.org_groups:
        for body in group.bodies:
            if body.name == name:
                return body.name, tuple(body.plates)
    return None


def _sangong(report: Report, name: str) -> tuple[Decimal | None, Decimal | None] | None:
    for item in report.sangong:
        if item.name == name:
            return item.budget, item.actual
    return None


def _line(lines: list, category: str) -> Decimal | None:
    return next((line.amount for line in lines if line.category == category), None)


def _indicator(report: Report, name: str) -> tuple[Decimal | None, Decimal | None, str] | None:
    for item in report.results:
        for indicator in item.indicators:
            if indicator.name == name:
                return indicator.target, indicator.actual, indicator.unit
    return None


def facts(unit: Unit, *, indicators: bool = False) -> list[Fact]:
    """The facts the unit's document states (indicators only where a document gives their table)."""
    out = [
        Fact("unit", unit.name, lambda r: r.unit_name, unit.name),
        Fact("year", unit.year, lambda r: r.fiscal_year, str(unit.year)),
        Fact("sign_unit", unit.name, lambda r: r.sign_unit, unit.name),
        Fact("sign_date", unit.signed, lambda r: r.sign_date, f"{unit.signed.year}年"),
    ]
    for _, bodies in unit.groups:
        for name, plates in bodies:
            out.append(Fact(f"body {name}", (name, tuple(plates)), lambda r, n=name: _body(r, n), name))
    out += [
        Fact("staff_total", unit.staff_total, lambda r: r.staff_total, f"{unit.staff_total}"),
        Fact("authorised_posts", unit.posts, lambda r: r.authorised_posts, f"{unit.posts}"),
        Fact("staff_change", unit.staff_change, lambda r: r.staff_change, f"{abs(unit.staff_change)}人"),
    ]
    for category, count in unit.staff_lines:
        out.append(
            Fact(
                f"staff {category}",
                count,
                lambda r, c=category: next((s.count for s in r.staff_lines if s.category == c), None),
                f"{category}{count}",
            )
        )
    for key, value in unit.figures.items():
        out.append(Fact(f"figure {key}", value, lambda r, k=key: r.figures.get(k), f"{value}"))
    for which, lines in (("basic_lines", unit.basic), ("project_lines", unit.project)):
        for category, amount in lines:
            out.append(
                Fact(f"{which} {category}", amount, lambda r, w=which, c=category: _line(getattr(r, w), c), f"{amount}")
            )
    for name, budget, actual in unit.sangong:
        out.append(Fact(f"三公 {name}", (budget, actual), lambda r, n=name: _sangong(r, n), name))
    out.append(Fact("duties", unit.duties, lambda r: r.duties, unit.duties[0]))
    for title, _ in unit.results:
        out.append(
            Fact(f"result {title}", title, lambda r, t=title: t if t in [i.title for i in r.results] else None, title)
        )
    for i, text in enumerate(unit.problems):
        out.append(Fact(f"problem {i + 1}", text, lambda r, i=i: r.problems[i] if len(r.problems) > i else None, text))
    for i, text in enumerate(unit.remedies):
        out.append(Fact(f"remedy {i + 1}", text, lambda r, i=i: r.remedies[i] if len(r.remedies) > i else None, text))
    if indicators:
        for name, target, actual, measure in unit.indicators:
            out.append(Fact(f"indicator {name}", (target, actual, measure), lambda r, n=name: _indicator(r, n), name))
    return out


@dataclass
class Score:
    document: str
    landed: int
    total: int
    unplaced: int
    doubtful: int
    wrong: list[str]
    lost: list[str]

    def row(self) -> str:
        return (
            f"| {self.document} | {self.landed}/{self.total} ({100 * self.landed // self.total}%) | {self.unplaced} "
            f"({self.doubtful} doubtful) | {len(self.wrong)} | {len(self.lost)} |"
        )


def _unstated(unit: Unit, report: Report) -> list[str]:
    """Values stored that the document did not state (a figure, a staff line, a body, an item, a line)."""
    wrong = [f"figure {k}={v}" for k, v in report.figures.items() if v is not None and k not in unit.figures]
    wrong += [f"staff line {s.category}" for s in report.staff_lines if s.category not in dict(unit.staff_lines)]
    names = {name for _, bodies in unit.groups for name, _ in bodies}
    wrong += [f"body {b.name}" for g in report.org_groups for b in g.bodies if b.name not in names]
    wrong += [f"三公 {i.name}" for i in report.sangong if i.name not in {n for n, _, _ in unit.sangong}]
    wrong += [f"basic line {x.category}" for x in report.basic_lines if x.category not in dict(unit.basic)]
    wrong += [f"project line {x.category}" for x in report.project_lines if x.category not in dict(unit.project)]
    return wrong


def score(document: str, unit: Unit, imported: Imported, *, indicators: bool = False) -> Score:
    report = imported.report
    kept = "\n".join(piece.text + piece.note for piece in imported.unplaced)
    landed, wrong, lost = 0, [], []
    for fact in facts(unit, indicators=indicators):
        got = fact.read(report)
        if got == fact.value:
            landed += 1
            continue
        if got not in (None, [], ""):
            wrong.append(f"{fact.name}: {got!r} ≠ {fact.value!r}")
        if fact.clue not in kept:
            lost.append(fact.name)
    wrong += _unstated(unit, report)
    doubtful = sum(bool(piece.note) for piece in imported.unplaced)
    total = len(facts(unit, indicators=indicators))
    return Score(document, landed, total, len(imported.unplaced), doubtful, wrong, lost)


# --- the documents, as blocks --------------------------------------------------------------------


@dataclass(frozen=True)
class H:
    """A heading of `level` (1 一、 2 （一） 3 1.)."""

    level: int
    text: str


@dataclass(frozen=True)
class Items:
    """A numbered list: typed as 1. 2. (or （1）…), or numbered by Word."""

    items: tuple[str, ...]
    form: str = "paren"  # "paren" （1）, "dot" 1．, "bracket" 1）


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    #: Columns whose equal cells in successive rows are one merged cell (w:vMerge).
    merged: tuple[int, ...] = ()


@dataclass(frozen=True)
class Revised:
    """A paragraph of a reviewed draft: its parts, each plain, inserted (+) or deleted (-)."""

    parts: tuple[tuple[str, str], ...]
    comment: str = ""


Block = str | H | Items | Table | Revised


def _money(value: Decimal) -> str:
    return f"{value:.2f}万元"


def _org_items(unit: Unit) -> Items:
    lines = []
    for label, bodies in unit.groups:
        names = "、".join(name + (f"（加挂{'、'.join(plates)}牌子）" if plates else "") for name, plates in bodies)
        lines.append(f"设置{len(bodies)}个{label}：{names}。" if label != "其他" else f"其他：{names}。")
    return Items(tuple(lines), "bracket")


def _staff_sentence(unit: Unit) -> str:
    split = "，".join(f"{c}{n}名" for c, n in unit.posts_split)
    lines = "，".join(f"{c}{n}人" for c, n in unit.staff_lines)
    change = f"比上年{'增加' if unit.staff_change > 0 else '减少'}{abs(unit.staff_change)}人"
    return (
        f"核定编制{unit.posts}名，其中{split}。{unit.year}年末实有人员{unit.staff_total}人，其中{lines}，{change}。"
        "人员变化的主要原因是：正常退休及调动。"
    )


def _econ_sentence(unit: Unit, label: str, lines: list[tuple[str, Decimal]], total: Decimal) -> str:
    parts = "，".join(f"{c}{_money(a)}，占{label}的{100 * a / total:.2f}%" for c, a in lines)
    return f"{unit.year}年{unit.short}的{label}总额为{_money(total)}，其中{parts}。"


def _sangong_sentence(unit: Unit) -> str:
    _, (j_name, j_budget, j_actual), (c_name, c_budget, c_actual) = unit.sangong
    return (
        f"{unit.year}年三公经费控制在预算范围内，其中：因公出国（境）费预算数为0.00万元，本年度未发生经费支出，"
        f"{j_name}预算数为{_money(j_budget)}，实际发生{_money(j_actual)}，"
        f"{c_name}预算数为{_money(c_budget)}，实际发生{_money(c_actual)}。"
        f"三公经费{unit.sangong_reason}。"
    )


def _results(unit: Unit) -> Items:
    return Items(tuple(f"{title}。{body}" for title, body in unit.results), "dot")


def classic(unit: Unit, *, tables: bool = False, reviewed: bool = False) -> list[Block]:
    """The classic 2019 outline; with `tables` its figures in tables, with `reviewed` a draft with revisions."""
    f = unit.figures
    budget_text = (
        f"{unit.short}{unit.year}年度财政拨款收入预算批复{_money(f['budget_approved'])}，"
        f"年初预算数{_money(f['budget_initial'])}，年中追加预算{_money(f['budget_adjustment'])}，"
        f"全年预算数为{_money(f['budget_full'])}。全年实际到位指标{_money(f['funds_received'])}，"
        f"其中：财政拨款收入{_money(f['fiscal_appropriation'])}，其他收入{_money(f['other_income'])}；"
        f"年初结转结余{_money(f['carried_in'])}。财政实际支出{_money(f['spent'])}，其中：基本支出"
        f"{_money(f['basic_spent'])}，项目支出{_money(f['project_spent'])}。年末结转结余{_money(f['carried_out'])}。"
    )
    blocks: list[Block] = []
    if tables:
        blocks += [
            f"{unit.short.removeprefix('县')}文件" if False else f"{unit.name}文件",
            f"青{unit.short[-2]}发〔2021〕12号",
        ]
    blocks += [
        f"{unit.name}{unit.year}年度部门整体支出绩效评价报告",
    ]
    if tables:
        blocks.append("县财政局：")
    blocks += [
        f"根据县财政局关于开展{unit.year}年度部门整体支出绩效评价工作的通知要求，现将我单位自评情况报告如下：",
        H(1, "部门概况"),
        H(2, "部门基本情况"),
        H(3, "组织机构设置情况"),
    ]
    if tables:
        rows = [("类别", "机构名称", "加挂牌子")]
        rows += [(label, name, "、".join(plates)) for label, bodies in unit.groups for name, plates in bodies]
        blocks += [f"{unit.short}机构设置如下表。", "表1 机构设置情况", Table(tuple(rows), merged=(0,))]
    else:
        blocks += [f"{unit.short}机构设置如下：", _org_items(unit)]
    blocks.append(H(3, "人员情况"))
    if tables:
        blocks += [
            f"核定编制{unit.posts}名，其中{'，'.join(f'{c}{n}名' for c, n in unit.posts_split)}。",
            "表2 人员情况（单位：人）",
            Table((("类别", "人数"), *((c, str(n)) for c, n in unit.staff_lines), ("合计", str(unit.staff_total)))),
            f"年末实有人数比上年{'增加' if unit.staff_change > 0 else '减少'}{abs(unit.staff_change)}人。",
        ]
    elif reviewed:
        blocks.append(
            Revised((("", _staff_sentence(unit).replace(f"{unit.staff_total}人，", "")),))
            if False
            else _staff_sentence(unit)
        )
    else:
        blocks.append(_staff_sentence(unit))
    blocks += [H(3, "主要工作职责"), Items(tuple(unit.duties), "bracket"), H(3, "重点工作计划")]
    blocks.append(f"{unit.year}年，{unit.short}围绕年度目标，扎实推进各项重点工作。")
    blocks.append(H(2, "部门年度预算收支盈余情况、部门整体支出使用方向和主要内容、涉及范围等"))
    if tables:
        rows = (
            ("收入项目", "金额", "支出项目", "金额"),
            ("财政拨款收入", f"{f['fiscal_appropriation']}", "基本支出", f"{f['basic_spent']}"),
            ("其他收入", f"{f['other_income']}", "项目支出", f"{f['project_spent']}"),
            ("上年结转结余", f"{f['carried_in']}", "年末结转结余", f"{f['carried_out']}"),
            ("收入合计", f"{f['funds_received']}", "支出合计", f"{f['spent']}"),
        )
        blocks += [
            f"{unit.short}{unit.year}年度财政拨款收入预算批复{_money(f['budget_approved'])}，"
            f"年初预算数{_money(f['budget_initial'])}，年中追加预算{_money(f['budget_adjustment'])}，"
            f"全年预算数为{_money(f['budget_full'])}。",
            "表3 收支情况（单位：万元）",
            Table(rows),
        ]
    elif reviewed:
        wrong_received = f["funds_received"] - D("100")
        blocks.append(
            Revised(
                (
                    ("", budget_text.partition("全年实际到位指标")[0] + "全年实际到位指标"),
                    ("-", _money(wrong_received)),
                    ("+", _money(f["funds_received"])),
                    ("", "，" + budget_text.partition("全年实际到位指标")[2].partition("，")[2]),
                ),
                comment="到位指标请与决算核对。",
            )
        )
    else:
        blocks.append(budget_text)
    blocks.append("资金主要用于保障机构正常运转和重点项目实施。")
    blocks += [H(1, "部门整体支出管理及使用情况"), H(2, "基本支出"), H(3, "基本支出情况")]
    if tables:
        rows = (("经济分类", "金额（万元）"), *((c, f"{a}") for c, a in unit.basic), ("合计", f"{f['basic_spent']}"))
        blocks += ["表4 基本支出（单位：万元）", Table(rows)]
    else:
        blocks.append(_econ_sentence(unit, "基本支出", unit.basic, f["basic_spent"]))
    blocks.append(H(3, "三公经费使用情况"))
    if tables:
        rows = [("项目", "预算数", "实际数", "执行率")]
        rows += [(n, f"{b}", f"{a}", f"{100 * a / b:.2f}%" if b else "") for n, b, a in unit.sangong]
        total_b, total_a = sum(b for _, b, _ in unit.sangong), sum(a for _, _, a in unit.sangong)
        rows.append(("合计", f"{total_b}", f"{total_a}", f"{100 * total_a / total_b:.2f}%"))
        blocks += ["表5 三公经费（单位：万元）", Table(tuple(rows)), f"三公经费{unit.sangong_reason}。"]
    else:
        blocks.append(_sangong_sentence(unit))
    blocks.append(H(2, "项目支出"))
    if tables:
        rows = (
            ("经济分类", "金额（万元）"),
            *((c, f"{a}") for c, a in unit.project),
            ("合计", f"{f['project_spent']}"),
        )
        blocks += ["项目支出主要用于重点项目。", "表6 项目支出（单位：万元）", Table(rows)]
    else:
        blocks.append(_econ_sentence(unit, "项目支出", unit.project, f["project_spent"]))
    blocks += [
        H(1, "部门项目组织实施情况"),
        "项目实施严格按照管理办法执行，资金专款专用。",
        H(1, "资产管理情况"),
        Items(("制度方面：建立健全资产管理制度。", "管理方面：定期开展资产清查。"), "dot"),
        H(1, "部门整体支出绩效情况"),
        f"{unit.year}年，{unit.short}较好地完成了年度工作目标。",
        H(2, "经济性评价"),
        "严格控制一般性支出，厉行节约。",
        H(2, "行政效能评价"),
        "行政效能明显提升。",
        H(2, "项目产出及社会效益评价"),
        _results(unit),
    ]
    if tables:
        rows = (("指标名称", "目标值", "实际值", "单位"), *((n, f"{t}", f"{a}", m) for n, t, a, m in unit.indicators))
        blocks += ["表7 绩效指标完成情况", Table(rows)]
    blocks += [H(1, "存在的主要问题"), Items(tuple(unit.problems), "dot")]
    if reviewed:
        blocks += [
            H(1, "改进措施和有关建议"),
            Items((unit.remedies[0],), "dot"),
            Revised((("+", "2." + unit.remedies[1]),), comment="补充一条改进措施。"),
        ]
    else:
        blocks += [H(1, "改进措施和有关建议"), Items(tuple(unit.remedies), "dot")]
    blocks += ["", unit.name, f"{unit.signed.year}年{unit.signed.month}月{unit.signed.day}日"]
    if tables:
        blocks += [
            "抄送：县审计局。",
            f"{unit.name}办公室    {unit.signed.year}年{unit.signed.month}月{unit.signed.day}日印发",
        ]
    return blocks


def selfeval(unit: Unit) -> list[Block]:
    """The 2023 self-evaluation outline, worded as an office words it (not as jixiao's templates)."""
    f = unit.figures
    return [
        f"{unit.name}{unit.year}年度部门整体支出绩效自评报告",
        f"按照县财政局的统一部署，我单位对{unit.year}年度部门整体支出开展了绩效自评，现将有关情况报告如下。",
        H(1, "部门基本情况"),
        H(2, "机构设置"),
        _org_items(unit),
        H(2, "人员情况"),
        _staff_sentence(unit),
        H(2, "主要职责"),
        Items(tuple(unit.duties), "dot"),
        H(2, "年度重点工作"),
        f"{unit.year}年重点抓好民生保障和项目建设。",
        H(1, "部门整体支出情况"),
        H(2, "预算安排及调整情况"),
        f"{unit.year}年年初预算数{_money(f['budget_initial'])}，年中追加预算{_money(f['budget_adjustment'])}，"
        f"调整后预算数为{_money(f['budget_full'])}。追加预算后，全年实际到位指标{_money(f['funds_received'])}。",
        H(2, "收支情况"),
        f"{unit.year}年财政拨款收入预算批复{_money(f['budget_approved'])}。全年收入合计{_money(f['funds_received'])}，"
        f"其中财政拨款收入{_money(f['fiscal_appropriation'])}，其他收入{_money(f['other_income'])}，"
        f"年初结转结余{_money(f['carried_in'])}。全年支出合计{_money(f['spent'])}，其中基本支出"
        f"{_money(f['basic_spent'])}，项目支出{_money(f['project_spent'])}，年末结转结余{_money(f['carried_out'])}。",
        "支出主要用于人员工资、机构运转和民生项目。",
        H(2, "基本支出"),
        f"基本支出{_money(f['basic_spent'])}，其中" + "，".join(f"{c}{_money(a)}" for c, a in unit.basic) + "。",
        H(2, "“三公”经费支出"),
        _sangong_sentence(unit),
        H(2, "项目支出"),
        f"项目支出{_money(f['project_spent'])}，按经济分类："
        + "，".join(f"{c}{_money(a)}" for c, a in unit.project)
        + "。",
        "项目资金实行专账核算。",
        H(1, "部门整体支出绩效目标及完成情况"),
        "年初设定的绩效目标基本完成。",
        H(2, "预算执行及管理"),
        "预算执行进度总体均衡。",
        H(2, "产出及效益"),
        _results(unit),
        H(1, "自评结论"),
        "经自评，综合得分92分，等级为优。",
        H(1, "存在的问题及原因"),
        Items(tuple(unit.problems), "paren"),
        H(1, "改进措施和建议"),
        Items(tuple(unit.remedies), "paren"),
        H(1, "其他需要说明的情况"),
        "无。",
        "",
        unit.name,
        f"{unit.signed.year}年{unit.signed.month}月{unit.signed.day}日",
    ]


KINDS: dict[str, Callable[[Unit], list[Block]]] = {
    "classic-word-numbering": classic,
    "classic-tables": lambda unit: classic(unit, tables=True),
    "selfeval-office": selfeval,
    "selfeval-word-numbering": selfeval,
    "reviewed-draft": lambda unit: classic(unit, reviewed=True),
}
#: The kinds whose numbering Word writes (numbering.xml): their visible numbers are not in the text.
WORD_NUMBERED = frozenset({"classic-word-numbering", "selfeval-word-numbering"})


# --- writing them as Word writes them -------------------------------------------------------------

_CN = "一二三四五六七八九十"
_W = nsdecls("w")

#: Heading numbers as Word defines them: one abstract numbering, a level per heading level.
_HEADING_NUMBERING = f"""
<w:abstractNum {_W} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pStyle w:val="Heading1"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:pStyle w:val="Heading2"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/><w:pStyle w:val="Heading3"/></w:lvl>
</w:abstractNum>"""
_LIST_FORMS = {"paren": ("decimal", "（%1）"), "dot": ("decimal", "%1."), "bracket": ("decimal", "%1）")}


def _list_numbering(abstract_id: int, form: str) -> str:
    fmt, text = _LIST_FORMS[form]
    return (
        f'<w:abstractNum {_W} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    )


def _typed_number(level: int, n: int) -> str:
    if level == 1:
        return f"{_CN[n - 1] if n <= 10 else '十' + _CN[n - 11]}、"
    if level == 2:
        return f"（{_CN[n - 1]}）"
    return f"{n}."


def _typed_item(form: str, n: int) -> str:
    return {"paren": f"（{n}）", "dot": f"{n}．", "bracket": f"{n}）"}[form]


def _num_pr(paragraph: Any, num_id: int, level: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def write(path: Path, blocks: list[Block], *, word_numbering: bool = False) -> Path:
    """The blocks as a Word file: numbers typed, or (`word_numbering`) numbered by Word through numbering.xml."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    next_num = [100]

    def add_num(abstract_xml: str | None, abstract_id: int) -> int:
        if abstract_xml:
            numbering.insert(0, parse_xml(abstract_xml))
        num_id = next_num[0]
        next_num[0] += 1
        numbering.append(
            parse_xml(
                f'<w:num {_W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            )
        )
        return num_id

    heading_num = add_num(_HEADING_NUMBERING, 90) if word_numbering else 0
    counters = [0, 0, 0]
    comment_id = [0]
    revision_id = [500]
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        elif isinstance(block, H):
            counters[block.level - 1] += 1
            for deeper in range(block.level, 3):
                counters[deeper] = 0
            if word_numbering:
                paragraph = document.add_paragraph(block.text, style=f"Heading {block.level}")
                _num_pr(paragraph, heading_num, block.level - 1)
            else:
                document.add_paragraph(_typed_number(block.level, counters[block.level - 1]) + block.text)
        elif isinstance(block, Items):
            num_id = add_num(_list_numbering(91 + next_num[0], block.form), 91 + next_num[0]) if word_numbering else 0
            for n, item in enumerate(block.items, start=1):
                if word_numbering:
                    _num_pr(document.add_paragraph(item, style="List Paragraph"), num_id)
                else:
                    document.add_paragraph(_typed_item(block.form, n) + item)
        elif isinstance(block, Table):
            _table(document, block)
        else:
            paragraph = document.add_paragraph()
            for kind, text in block.parts:
                run = f'<w:r {_W}><w:t xml:space="preserve">{text}</w:t></w:r>'
                revision_id[0] += 1
                stamp = f'w:id="{revision_id[0]}" w:author="审核人" w:date="2021-03-01T10:00:00Z"'
                if kind == "+":
                    paragraph._p.append(parse_xml(f"<w:ins {_W} {stamp}>{run}</w:ins>"))
                elif kind == "-":
                    deleted = f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>'
                    paragraph._p.append(parse_xml(f"<w:del {_W} {stamp}>{deleted}</w:del>"))
                else:
                    paragraph.add_run(text)
            if block.comment:
                runs = paragraph.runs or [paragraph.add_run("")]
                document.add_comment(runs, text=block.comment, author="审核人")
                comment_id[0] += 1
    document.save(str(path))
    return path


def _table(document: Any, block: Table) -> None:
    table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
    for r, values in enumerate(block.rows):
        for c, value in enumerate(values):
            table.rows[r].cells[c].text = value
    for c in block.merged:
        start = 1
        for r in range(2, len(block.rows) + 1):
            if r == len(block.rows) or block.rows[r][c] != block.rows[start][c]:
                if r - 1 > start:
                    top = table.cell(start, c)
                    merged = top.merge(table.cell(r - 1, c))
                    merged.text = block.rows[start][c]
                start = r


def build(kind: str, unit_key: str, folder: Path) -> Path:
    unit = UNITS[unit_key]
    return write(folder / f"{unit_key}-{kind}.docx", KINDS[kind](unit), word_numbering=kind in WORD_NUMBERED)


def measure(kind: str, unit_key: str, folder: Path) -> Score:
    path = build(kind, unit_key, folder)
    return score(f"{unit_key} {kind}", UNITS[unit_key], import_file(path), indicators=kind == "classic-tables")


#: A red-headed text file's first lines, then a short report (test of the 红头 in a .txt).
SELFEVAL_TEXT_HEAD = [
    "青石县教育局文件",
    "青教发〔2021〕12号",
    "青石县教育局2020年度部门整体支出绩效评价报告",
    "县财政局：",
    "现将评价情况报告如下。",
    "一、部门概况",
    "二、部门整体支出管理及使用情况",
    "三、部门项目组织实施情况",
    "四、资产管理情况",
    "项目实施严格按照管理办法执行。",
    "青石县教育局",
    "2021年4月12日",
    "抄送：县审计局。",
]


if __name__ == "__main__":  # the measurement table: .venv/bin/python tests/exporters/import_corpus.py
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        print("| document | facts landed | unplaced | wrong | lost silently |\n|---|---|---|---|---|")
        for kind_name in KINDS:
            for unit_key in UNITS:
                print(measure(kind_name, unit_key, Path(folder)).row())
