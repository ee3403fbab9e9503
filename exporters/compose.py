"""The composer: a report becomes a document tree, every word and every number decided here.

It follows the seed report's outline (sections 一 to 七; see DOMAIN.md) and its sentences:
narrative is reproduced verbatim from `report.texts` and the lists, one paragraph per line;
sentences that quote figures are written from the figures (money with two decimals and
万元, shares half-up to 0.01 %), so prose and appendix tables cannot drift apart. Stated
figures are printed as stated: the checks, not the composer, flag disagreements. A missing
value leaves its clause out rather than printing a blank or "None".

The outline is data (`OUTLINE`): another one (the ten-part form used from 2020) is another
tuple of section builders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from exporters.forms import score_appendix
from exporters.tree import Align, Block, Document, Heading, PageBreak, Paragraph, Signature, Table, Title
from store.model import EconLine, Report, SanGongItem, TitledItem, share, total
from store.parse import clean_text, format_amount, format_date, format_number

_DIGITS = "零一二三四五六七八九"
_STRIP = " \t\u3000"
_ENDS = "。！？；;：:.!?"
_BLANK_DATE = "　　年　　月　　日"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def number(level: int, n: int) -> str:
    """The number of the n-th heading or item at a level: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def money(value: Decimal | None) -> str:
    """1610.68 → 1610.68万元."""
    return f"{format_amount(value)}万元"


def percent(value: Decimal) -> str:
    """A share already rounded by `share`: 89.92 → 89.92%."""
    return f"{value:.2f}%"


def paragraphs(text: str) -> list[str]:
    """Stored prose as printable paragraphs: one per line, ends trimmed, blank lines dropped."""
    return [line.strip(_STRIP) for line in clean_text(text).split("\n") if line.strip(_STRIP)]


def line(text: str) -> str:
    """A name or title on one line, safe to print."""
    return clean_text(text, multiline=False).strip(_STRIP)


def _ended(text: str) -> str:
    """The text with a full stop added unless it already ends a sentence."""
    return text if not text or text[-1] in _ENDS else text + "。"


def _run_in(text: str) -> str:
    """Text that continues with "其中：…": a comma between, unless it already ends a clause."""
    text = text.rstrip("，,、")
    return text + ("其中：" if text[-1:] and text[-1] in _ENDS else "，其中：")


def _numbered(items: Iterable[str], level: int = 3) -> list[Block]:
    """A numbered list: the number on an item's first paragraph; empty items are not counted."""
    out: list[Block] = []
    n = 0
    for item in items:
        paras = paragraphs(item)
        if not paras:
            continue
        n += 1
        out.append(Paragraph(paras[0], number=number(level, n)))
        out.extend(Paragraph(p) for p in paras[1:])
    return out


def _titled(items: Iterable[TitledItem], separator: str) -> list[Block]:
    """Titled points: `1.` + title + separator run in before the first paragraph of the body."""
    out: list[Block] = []
    n = 0
    for item in items:
        title = line(item.title)
        paras = paragraphs(item.body)
        if not title and not paras:
            continue
        n += 1
        lead = title if not title or not paras or title[-1] in _ENDS else title + separator
        out.append(Paragraph(paras[0] if paras else "", number=number(3, n), lead=lead))
        out.extend(Paragraph(p) for p in paras[1:])
    return out


def _plain(text: str) -> list[Block]:
    return [Paragraph(p) for p in paragraphs(text)]


# --- 一、部门概况 --------------------------------------------------------------------


def _org(report: Report) -> list[Block]:
    out = _plain(report.texts.get("org_intro", ""))
    n = 0
    for group in report.org_groups:
        names = []
        for body in group.bodies:
            name = line(body.name)
            plates = [p for p in (line(p) for p in body.plates) if p]
            if plates:
                joined = "、".join(plates)
                name += f"（加挂{joined}{'' if joined.endswith('牌子') else '牌子'}）"
            if name:
                names.append(name)
        if not names:
            continue
        n += 1
        label = line(group.label)
        listed = "、".join(names)
        text = f"{label}：{listed}。" if label == "其他" else f"设置{len(names)}个{label or '机构'}：{listed}。"
        out.append(Paragraph(text, number=number(4, n)))
    return out


def _staff(report: Report) -> list[Block]:
    year = report.fiscal_year
    lines = [f"{line(s.category)}{s.count}人" for s in report.staff_lines]
    clauses = []
    if report.staff_total is not None:
        head = f"{year}年本单位年末实有人数{report.staff_total}人"
        clauses.append(head + ("，其中" + "，".join(lines) if lines else ""))
    elif lines:
        clauses.append(f"{year}年本单位年末实有人员：" + "，".join(lines))
    change = report.staff_change
    if change is not None:
        said = "与上年持平" if change == 0 else f"比上年{'增加' if change > 0 else '减少'}{abs(change)}人"
        clauses.append(said if clauses else f"{year}年本单位年末实有人数{said}")
    text = "，".join(clauses) + "。" if clauses else ""
    reasons = paragraphs(report.texts.get("staff_reasons", ""))
    if reasons:
        text += "人员变化的主要原因是：" + reasons[0]
    out: list[Block] = [Paragraph(text)] if text else []
    out.extend(Paragraph(p) for p in reasons[1:])
    return out


def _parts(pairs: Iterable[tuple[str, Decimal | None]]) -> list[str]:
    return [f"{label}{money(value)}" for label, value in pairs if value is not None]


def _budget_summary(report: Report) -> list[Block]:
    """一（二）: budget approved, funds received and their sources, spending, balances."""
    f = report.figures
    opening = f"{report.short_name}{report.fiscal_year}年度"
    first = []
    if f.get("budget_approved") is not None:
        first.append(f"{opening}财政拨款收入预算批复{money(f['budget_approved'])}")
    sources = _parts((("财政拨款收入", f.get("fiscal_appropriation")), ("其他收入", f.get("other_income"))))
    received = f.get("funds_received")
    if received is not None:
        clause = f"在执行预算的过程中实际到位指标{money(received)}"
        first.append((clause if first else opening + clause) + ("，其中：" + "，".join(sources) if sources else ""))
    elif sources:
        first.append(("" if first else opening) + "到位" + "，".join(sources))
    sentences = ["，".join(first) + "。"] if first else []
    uses = _parts((("基本支出", f.get("basic_spent")), ("项目支出", f.get("project_spent"))))
    if f.get("spent") is not None:
        sentences.append(f"财政实际支出{money(f['spent'])}" + ("，其中：" + "，".join(uses) if uses else "") + "。")
    elif uses:
        sentences.append("财政实际支出中，" + "，".join(uses) + "。")
    balances = _parts((("上年结余", f.get("carried_in")), ("本年结余", f.get("carried_out"))))
    if balances:
        sentences.append("，".join(balances) + "。")
    return [Paragraph("".join(sentences))] if sentences else []


def _overview(report: Report) -> list[Block]:
    texts = report.texts
    return [
        Heading(2, number(2, 1), "部门基本情况"),
        Heading(3, number(3, 1), "组织机构设置情况"),
        *_org(report),
        Heading(3, number(3, 2), "人员情况"),
        *_staff(report),
        Heading(3, number(3, 3), "主要工作职责"),
        *_numbered(report.duties, level=4),
        Heading(3, number(3, 4), "重点工作计划"),
        *_plain(texts.get("key_plan", "")),
        Heading(2, number(2, 2), "部门年度预算收支盈余情况、部门整体支出使用方向和主要内容、涉及范围等"),
        *_budget_summary(report),
        *_plain(texts.get("spending_directions", "")),
    ]


# --- 二、部门整体支出管理及使用情况 ----------------------------------------------------


def breakdown_total(lines: list[EconLine], stated: Decimal | None) -> Decimal | None:
    """The total a breakdown section quotes: the sum of its lines, or the stated figure without lines."""
    return total(lines) if lines else stated


def _econ_sentence(report: Report, label: str, lines: list[EconLine], stated: Decimal | None) -> str:
    """`2019年月湖街道的基本支出总额为…，占年度总支出的…%，其中工资福利支出…，占基本支出的…%…。`"""
    whole = breakdown_total(lines, stated)
    if whole is None:
        return ""
    text = f"{report.fiscal_year}年{report.short_name}的{label}总额为{money(whole)}"
    of_spent = share(whole, report.figures.get("spent"))
    if of_spent is not None:
        text += f"，占年度总支出的{percent(of_spent)}"
    items = []
    for econ in lines:
        part = f"{line(econ.category)}{money(econ.amount)}"
        of_whole = share(econ.amount, whole)
        items.append(part + (f"，占{label}的{percent(of_whole)}" if of_whole is not None else ""))
    if items:
        text += "，其中" + "，".join(items)
    return text + "。"


def _sangong_item(item: SanGongItem) -> str:
    said = []
    if item.actual == 0 and item.budget is None:
        said.append("本年度未发生经费支出")
    else:
        if item.budget is not None:
            said.append(f"预算数为{money(item.budget)}")
        if item.actual is not None:
            said.append(f"实际发生{money(item.actual)}")
    if item.last_year is not None:
        said.append(f"上年实际发生{money(item.last_year)}")
    return line(item.name) + "，".join(said) if said else ""


def _sangong(report: Report) -> list[Block]:
    """二（一）2: the intro, then each item's budget and actual, then the comparison, as the seed runs them on."""
    intro = paragraphs(report.texts.get("sangong_intro", ""))
    closing = paragraphs(report.texts.get("sangong_closing", ""))
    items = [said for said in (_sangong_item(item) for item in report.sangong) if said]
    out: list[Block] = [Paragraph(p) for p in intro[:-1]]
    if items:
        text = (_run_in(intro[-1]) if intro else "") + "，".join(items) + "。"
    else:
        text = _ended(intro[-1]) if intro else ""
    if closing:
        text += closing[0]
    if text:
        out.append(Paragraph(text))
    out.extend(Paragraph(p) for p in closing[1:])
    return out


def _spending(report: Report) -> list[Block]:
    texts, f = report.texts, report.figures
    out: list[Block] = [Heading(2, number(2, 1), "基本支出")]
    n = 0
    intro = paragraphs(texts.get("basic_intro", ""))
    figures = _econ_sentence(report, "基本支出", report.basic_lines, f.get("basic_spent"))
    if intro:
        # As the seed does: the number runs into the intro ("1.基本支出主要包括，…").
        n += 1
        out.append(Paragraph(intro[0], number=number(3, n)))
        out.extend(Paragraph(p) for p in intro[1:])
    elif figures:
        # A number run into "2019年…" would read as 1.2019: give the figures a heading instead.
        n += 1
        out.append(Heading(3, number(3, n), "基本支出情况"))
    out += [Paragraph(figures)] if figures else []
    sangong = _sangong(report)
    if sangong:
        n += 1
        out += [Heading(3, number(3, n), "三公经费使用情况"), *sangong]
    out.append(Heading(2, number(2, 2), "项目支出"))
    out += _plain(texts.get("project_intro", ""))
    figures = _econ_sentence(report, "项目支出", report.project_lines, f.get("project_spent"))
    out += [Paragraph(figures)] if figures else []
    out += _plain(texts.get("project_management", ""))
    return out


# --- 三 to 七 ------------------------------------------------------------------------


def _implementation(report: Report) -> list[Block]:
    return _plain(report.texts.get("implementation", ""))


def _assets(report: Report) -> list[Block]:
    return _titled(report.assets, "：")


def _performance(report: Report) -> list[Block]:
    texts = report.texts
    return [
        *_plain(texts.get("performance_intro", "")),
        Heading(2, number(2, 1), "经济性评价"),
        *_plain(texts.get("economy", "")),
        Heading(2, number(2, 2), "行政效能评价"),
        *_plain(texts.get("efficiency_intro", "")),
        *_numbered(report.efficiency_points),
        Heading(2, number(2, 3), "项目产出及社会效益评价"),
        *_titled(report.results, "。"),
    ]


def _problems(report: Report) -> list[Block]:
    return _numbered(report.problems)


def _remedies(report: Report) -> list[Block]:
    return _numbered(report.remedies)


Section = tuple[str, Callable[[Report], list[Block]]]

#: The seed's outline (most Hunan units up to 2019): level-1 headings and what goes under each.
OUTLINE: tuple[Section, ...] = (
    ("部门概况", _overview),
    ("部门整体支出管理及使用情况", _spending),
    ("部门项目组织实施情况", _implementation),
    ("资产管理情况", _assets),
    ("部门整体支出绩效情况", _performance),
    ("存在的主要问题", _problems),
    ("改进措施和有关建议", _remedies),
)


# --- 附表 ----------------------------------------------------------------------------

_MONEY_NOTE = "单位：万元"
_FIGURE_ROWS = (
    ("budget_approved", "财政拨款收入预算批复数"),
    ("funds_received", "实际到位指标"),
    ("fiscal_appropriation", "　　财政拨款收入"),
    ("other_income", "　　其他收入"),
    ("spent", "实际支出"),
    ("basic_spent", "　　基本支出"),
    ("project_spent", "　　项目支出"),
    ("carried_in", "上年结余"),
    ("carried_out", "本年结余"),
)


def _pct_cell(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


#: What a table builder gives: caption, header, rows, column alignment (None: nothing to show).
_Built = tuple[str, tuple[str, ...], list[tuple[str, ...]], tuple[Align, ...]] | None


def _figures_table(report: Report) -> _Built:
    f = report.figures
    if all(f.get(key) is None for key, _ in _FIGURE_ROWS):
        return None
    rows = [(label, format_amount(f.get(key))) for key, label in _FIGURE_ROWS]
    return "收支情况表", ("项目", "金额"), rows, ("left", "right")


def _econ_table(report: Report, label: str, lines: list[EconLine]) -> _Built:
    if not lines:
        return None
    whole = total(lines)
    spent = report.figures.get("spent")
    rows = [
        (
            line(e.category),
            format_amount(e.amount),
            _pct_cell(share(e.amount, whole)),
            _pct_cell(share(e.amount, spent)),
        )
        for e in lines
    ]
    rows.append(("合计", format_amount(whole), _pct_cell(share(whole, whole)), _pct_cell(share(whole, spent))))
    header = ("经济分类", "金额", f"占{label}（%）", "占总支出（%）")
    return f"{label}明细表（按经济分类）", header, rows, ("left", "right", "right", "right")


def _sum_known(values: Iterable[Decimal | None]) -> str:
    known = [v for v in values if v is not None]
    return format_amount(sum(known, Decimal("0.00"))) if known else ""


def _sangong_table(report: Report) -> _Built:
    items = report.sangong
    if not items:
        return None
    with_last = any(item.last_year is not None for item in items)
    header = ("项目", "预算数", "实际发生数") + (("上年实际发生数",) if with_last else ())
    rows = []
    for item in items:
        row = (line(item.name), format_amount(item.budget), format_amount(item.actual))
        rows.append(row + ((format_amount(item.last_year),) if with_last else ()))
    sums = ("合计", _sum_known(i.budget for i in items), _sum_known(i.actual for i in items))
    rows.append(sums + ((_sum_known(i.last_year for i in items),) if with_last else ()))
    return "“三公”经费预算与支出情况表", header, rows, ("left",) + ("right",) * (len(header) - 1)


def _indicator_table(report: Report) -> _Built:
    rows = []
    for n, item in enumerate(report.results, start=1):
        first = True
        for ind in item.indicators:
            owner = f"{n}.{line(item.title)}" if first else ""
            first = False
            done = share(ind.actual, ind.target)
            rows.append(
                (
                    owner,
                    line(ind.name),
                    line(ind.unit),
                    format_number(ind.target),
                    format_number(ind.actual),
                    _pct_cell(done),
                )
            )
    if not rows:
        return None
    header = ("项目成果", "指标", "单位", "目标值", "实际值", "完成率（%）")
    return "项目产出指标完成情况表", header, rows, ("left", "left", "center", "right", "right", "right")


def appendix(report: Report) -> list[Block]:
    """The appendix tables on a new page, numbered 附表1, 附表2… in the order they appear."""
    builders = (
        (_figures_table, _MONEY_NOTE),
        (lambda r: _econ_table(r, "基本支出", r.basic_lines), _MONEY_NOTE),
        (lambda r: _econ_table(r, "项目支出", r.project_lines), _MONEY_NOTE),
        (_sangong_table, _MONEY_NOTE),
        (_indicator_table, ""),
        (score_appendix, ""),
    )
    tables: list[Block] = []
    for build, note in builders:
        built = build(report)
        if built is None:
            continue
        caption, header, rows, align = built
        tables.append(
            Table(
                label=f"附表{len(tables) + 1}",
                caption=f"{report.fiscal_year}年度{caption}",
                header=header,
                rows=tuple(tuple(row) for row in rows),
                align=align,
                note=note,
            )
        )
    return [PageBreak(), *tables] if tables else []


# --- the whole ---------------------------------------------------------------------


def compose(report: Report, *, tables: bool = True, outline: tuple[Section, ...] = OUTLINE) -> Document:
    """The report as a document tree: title, preamble, the outline's sections, signature, 附表."""
    title = line(report.title) or "绩效评价报告"
    unit = line(report.sign_unit) or line(report.unit_name)
    blocks: list[Block] = [Title(title), *_plain(report.texts.get("preamble", ""))]
    for n, (heading, build) in enumerate(outline, start=1):
        blocks.append(Heading(1, number(1, n), heading))
        blocks.extend(build(report))
    blocks.append(Signature(unit=unit, date=format_date(report.sign_date) or _BLANK_DATE))
    if tables:
        blocks.extend(appendix(report))
    return Document(title=title, author=unit, blocks=blocks)
