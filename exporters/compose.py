"""The composer: a report becomes a document tree, every number and which clauses are said decided here.

It follows the report's outline (store/outline.py: the seed's seven chapters unless the
report names another), printing each chapter and section's heading with its computed number
and then what its builders write (`BUILDERS`, named in the outline file). Narrative is reproduced verbatim from `report.texts` and the lists, one paragraph per line;
sentences that quote figures are written from the figures, in the words of the outline's
`[sentences]` templates (the code decides which clauses are said; money with two decimals and
万元, shares half-up to 0.01 %), so prose and appendix tables cannot drift apart. Stated
figures are printed as stated: the checks, not the composer, flag disagreements. A missing
value leaves its clause out rather than printing a blank or "None".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal

from exporters.forms import score_appendix
from exporters.tree import Align, Block, Document, Heading, PageBreak, Paragraph, Signature, Table, Title
from store import fieldfile, fields, ratios, scoring
from store import outline as outlines
from store.fields import FOUR_BUDGETS
from store.model import SHARE_METHODS, EconLine, Report, SanGongItem, TitledItem, sangong_sums, share, shares, total
from store.outline import Node, Outline, chinese_number, number
from store.parse import clean_text, format_amount, format_date, format_number
from store.yearly_checks import sangong_totals

__all__ = ["BUILDERS", "appendix", "chinese_number", "compose", "number", "report_title"]

_STRIP = " \t\u3000"
_ENDS = "。！？；;：:.!?"
_BLANK_DATE = "　　年　　月　　日"


@dataclass(frozen=True)
class _Options:
    """What `compose` was asked besides the report: last year's report (for 较上年), how shares round."""

    last_year: Report | None = None
    shares: str = SHARE_METHODS[0]


_PLAIN = _Options()

#: The options of the `compose` call in progress. A context variable rather than an argument to
#: every builder, so each builder keeps its one-argument signature and the outline's dispatch
#: is unchanged; `compose` sets it for the duration of one call (safe across threads).
_OPTIONS: ContextVar[_Options] = ContextVar("compose_options", default=_PLAIN)


def compared(label: str, this_year: Decimal | None, last_year: Decimal | None, outline: Outline | None = None) -> str:
    """`收入较上年增加120.00万元，增长2.40%`, `…减少…，下降…%`, `…与上年持平`; no rate when last year is 0.

    "" when either year is unknown. The rate is the change over last year, half-up to 0.01 %.
    The words are the outline's `compared.*` templates (the default outline's unless given).
    """
    if this_year is None or last_year is None:
        return ""
    words = outline or outlines.load()
    change = this_year - last_year
    if change == 0:
        return words.sentence("compared.level", label=label)
    name = "compared.up" if change > 0 else "compared.down"
    rate = share(abs(change), last_year) if last_year > 0 else None
    if rate is None:
        return words.sentence(name, label=label, amount=money(abs(change)))
    return words.sentence(f"{name}_rate", label=label, amount=money(abs(change)), rate=percent(rate))


def _last_year() -> Report | None:
    """Last year's report of the unit, when `compose` was given it."""
    return _OPTIONS.get().last_year


def _shares(parts: list[Decimal | None], whole: Decimal | None) -> list[Decimal | None]:
    """The parts' shares of `whole`, rounded as `compose` was asked (balanced to 100.00 % by default)."""
    return shares(parts, whole, _OPTIONS.get().shares)


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


def _run_in(text: str, then: str) -> str:
    """Text that continues with `then` ("其中：…"): a comma between, unless it already ends a clause."""
    text = text.rstrip("，,、")
    return text + ("" if text[-1:] and text[-1] in _ENDS else "，") + then


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


def _org(report: Report, outline: Outline, level: int = 4) -> list[Block]:
    """The org intro, then each group's bodies in the outline's words (a group labelled 其他 is not counted)."""
    out = _plain(report.texts.get("org_intro", ""))
    n = 0
    for group in report.org_groups:
        names = []
        for body in group.bodies:
            name = line(body.name)
            plates = [p for p in (line(p) for p in body.plates) if p]
            if plates:
                # The template says 牌子 once: a last plate typed as "…牌子" is not given a second.
                name += outline.sentence("org.plates", plates="、".join(plates).removesuffix("牌子"))
            if name:
                names.append(name)
        if not names:
            continue
        n += 1
        label = line(group.label)
        values = {
            "count": str(len(names)),
            "label": label or outline.sentence("org.default_label"),
            "bodies": "、".join(names),
        }
        text = outline.sentence("org.other" if label == "其他" else "org.group", **values) + "。"
        out.append(Paragraph(text, number=number(level, n)))
    return out


def _staff(report: Report, outline: Outline) -> list[Block]:
    """Staff at year end and by category, the change over last year, then its reasons, in the outline's words."""
    say = outline.sentence
    year = str(report.fiscal_year)
    lines = "，".join(
        say("staff.line", category=line(s.category), count=str(s.count))
        for s in report.staff_lines
        if s.count is not None
    )
    clauses = []
    if report.staff_total is not None:
        clauses.append(say("staff.total", year=year, count=str(report.staff_total)))
        clauses += [say("staff.lines", lines=lines)] if lines else []
    elif lines:
        clauses.append(say("staff.lines_only", year=year, lines=lines))
    change = report.staff_change
    last = _last_year()
    if last is not None and report.staff_total is not None and last.staff_total is not None:
        change = report.staff_total - last.staff_total
    if change is not None:
        said = (
            say("staff.level")
            if change == 0
            else say("staff.up" if change > 0 else "staff.down", count=str(abs(change)))
        )
        clauses.append(said if clauses else say("staff.change_only", year=year, change=said))
    text = "，".join(clauses) + "。" if clauses else ""
    reasons = paragraphs(report.texts.get("staff_reasons", ""))
    if reasons:
        text += say("staff.reasons", reasons=reasons[0])
    out: list[Block] = [Paragraph(text)] if text else []
    out.extend(Paragraph(p) for p in reasons[1:])
    return out


def _parts(outline: Outline, figures: dict[str, Decimal | None], keys: Iterable[str]) -> str:
    """The known figures of `keys`, each in its `budget.<key>` template, joined with "，"."""
    said = [
        outline.sentence(f"budget.{key}", amount=money(figures[key])) for key in keys if figures.get(key) is not None
    ]
    return "，".join(said)


def _budget_summary(report: Report, outline: Outline) -> list[Block]:
    """一（二）: budget approved, funds received and their sources, spending, balances."""
    f, say = report.figures, outline.sentence
    first = []
    if f.get("budget_approved") is not None:
        first.append(say("budget.approved", amount=money(f["budget_approved"])))
    sources = _parts(outline, f, ("fiscal_appropriation", "other_income"))
    received = f.get("funds_received")
    if received is not None:
        first.append(say("budget.received", amount=money(received)))
        first += [say("budget.of_which", items=sources)] if sources else []
    elif sources:
        first.append(say("budget.sources_only", items=sources))
    opening = say("budget.opening", unit=report.short_name, year=str(report.fiscal_year))
    sentences = [opening + "，".join(first) + "。"] if first else []
    uses = _parts(outline, f, ("basic_spent", "project_spent"))
    if f.get("spent") is not None:
        spent = [say("budget.spent", amount=money(f["spent"]))] + ([say("budget.of_which", items=uses)] if uses else [])
        sentences.append("，".join(spent) + "。")
    elif uses:
        sentences.append(say("budget.uses_only", items=uses) + "。")
    balances = _parts(outline, f, ("carried_in", "carried_out"))
    if balances:
        sentences.append(balances + "。")
    last = _last_year()
    if last is not None:
        changes = [
            compared(say(f"budget.label.{key}"), f.get(key), last.figures.get(key), outline)
            for key in ("funds_received", "spent")
        ]
        if any(changes):
            sentences.append("；".join(change for change in changes if change) + "。")
    return [Paragraph("".join(sentences))] if sentences else []


# --- 二、部门整体支出管理及使用情况 ----------------------------------------------------


def breakdown_total(lines: list[EconLine], stated: Decimal | None) -> Decimal | None:
    """The total a breakdown section quotes: the sum of its lines, or the stated figure without lines.

    A breakdown with an amount not filled in yet (a year just started from last year's) has
    no total of its own: the stated figure stands for it.
    """
    return total(lines) if lines and all(e.amount is not None for e in lines) else stated


def _econ_sentence(report: Report, outline: Outline, kind: str) -> str:
    """`2019年月湖街道的基本支出总额为…，占年度总支出的…%，其中工资福利支出…，占基本支出的…%…。`

    `kind` is "basic" or "project": the breakdown's lines and stated total, and its name (`econ.label.<kind>`).
    """
    say = outline.sentence
    label, lines = say(f"econ.label.{kind}"), getattr(report, f"{kind}_lines")
    whole = breakdown_total(lines, report.figures.get(f"{kind}_spent"))
    if whole is None:
        return ""
    clauses = [
        say("econ.total", year=str(report.fiscal_year), unit=report.short_name, label=label, amount=money(whole))
    ]
    of_spent = share(whole, report.figures.get("spent"))
    if of_spent is not None:
        clauses.append(say("econ.of_spent", rate=percent(of_spent)))
    items = []
    known = [econ for econ in lines if econ.amount is not None]
    for econ, of_whole in zip(known, _shares([econ.amount for econ in known], whole), strict=True):
        item = [say("econ.line", category=line(econ.category), amount=money(econ.amount))]
        item += [say("econ.line_share", label=label, rate=percent(of_whole))] if of_whole is not None else []
        items.append("，".join(item))
    if items:
        clauses.append(say("econ.of_which", items="，".join(items)))
    return "，".join(clauses) + "。"


def _spending_change(report: Report, outline: Outline, kind: str) -> str:
    """`基本支出较上年增加…，增长…%。` when `compose` has last year's report, else ""; `kind` "basic" or "project"."""
    last = _last_year()
    if last is None:
        return ""
    said = compared(
        outline.sentence(f"econ.label.{kind}"),
        breakdown_total(getattr(report, f"{kind}_lines"), report.figures.get(f"{kind}_spent")),
        breakdown_total(getattr(last, f"{kind}_lines"), last.figures.get(f"{kind}_spent")),
        outline,
    )
    return said + "。" if said else ""


def _sangong_item(item: SanGongItem, outline: Outline) -> str:
    """One 三公 item's name and what is known of it: budget, actual (or none spent), last year's."""
    say = outline.sentence
    said = []
    if item.actual == 0 and item.budget is None:
        said.append(say("sangong.none"))
    else:
        if item.budget is not None:
            said.append(say("sangong.budget", amount=money(item.budget)))
        if item.actual is not None:
            said.append(say("sangong.actual", amount=money(item.actual)))
    if item.last_year is not None:
        said.append(say("sangong.last_year", amount=money(item.last_year)))
    return line(item.name) + "，".join(said) if said else ""


def _sangong(report: Report, outline: Outline) -> list[Block]:
    """二（一）2: the intro, then each item's budget and actual, then the comparison, as the seed runs them on."""
    intro = paragraphs(report.texts.get("sangong_intro", ""))
    closing = paragraphs(report.texts.get("sangong_closing", ""))
    items = "，".join(said for said in (_sangong_item(item, outline) for item in report.sangong) if said)
    out: list[Block] = [Paragraph(p) for p in intro[:-1]]
    if items:
        text = (_run_in(intro[-1], outline.sentence("sangong.of_which", items=items)) if intro else items) + "。"
    else:
        text = _ended(intro[-1]) if intro else ""
    totals = sangong_totals(report) if _last_year() is not None else None
    if totals is not None:
        text += outline.sentence("sangong.total", amount=money(totals[0])) + f"，{compared('', *totals, outline)}。"
    if closing:
        text += closing[0]
    if text:
        out.append(Paragraph(text))
    out.extend(Paragraph(p) for p in closing[1:])
    return out


def _basic_spending(report: Report, node: Node, outline: Outline) -> list[Block]:
    """The seed's 二（一）: its two inline parts (basic spending, 三公) numbered only when they have content."""
    basic, sangong_part = node.sections
    level = node.level + 1
    out: list[Block] = []
    n = 0
    intro = paragraphs(report.texts.get("basic_intro", ""))
    figures = _econ_sentence(report, outline, "basic")
    figures += _spending_change(report, outline, "basic") if figures else ""
    if intro:
        # As the seed does: the number runs into the intro ("1.基本支出主要包括，…").
        n += 1
        out.append(Paragraph(intro[0], number=number(level, n)))
        out.extend(Paragraph(p) for p in intro[1:])
    elif figures:
        # A number run into "2019年…" would read as 1.2019: give the figures a heading instead.
        n += 1
        out.append(Heading(level, number(level, n), basic.title))
    out += [Paragraph(figures)] if figures else []
    sangong = _sangong(report, outline)
    if sangong:
        n += 1
        out += [Heading(level, number(level, n), sangong_part.title), *sangong]
    return out


def _econ(report: Report, outline: Outline, kind: str) -> list[Block]:
    """The sentence of one breakdown (`basic` or `project`): its total, share of spending, each line's share."""
    figures = _econ_sentence(report, outline, kind)
    figures += _spending_change(report, outline, kind) if figures else ""
    return [Paragraph(figures)] if figures else []


def _item_level(node: Node) -> int:
    """Items under a node number one level below it, never above 1. (the seed numbers 六's problems 1.)."""
    return max(3, node.level + 1)


def _signature(report: Report) -> list[Block]:
    unit = line(report.sign_unit) or line(report.unit_name)
    return [Signature(unit=unit, date=format_date(report.sign_date) or _BLANK_DATE)]


@dataclass(frozen=True)
class Part:
    """What a builder works from: the report, the outline node it writes under, the argument its name carries."""

    report: Report
    node: Node
    arg: str
    outline: Outline

    def sentence(self, clauses: Iterable[tuple[str, dict[str, str] | None]], lead: str = "") -> list[Block]:
        """One paragraph of the outline's templates, each clause filled where its values are known (None: left out)."""
        said = [self.outline.sentence(name, **values) for name, values in clauses if values is not None]
        return [Paragraph(lead + "，".join(said) + "。")] if said else []


Builder = Callable[[Part], list[Block]]


def _titled_builder(part: Part) -> list[Block]:
    """`titled:<list>:<separator>`: titled points, the title run in before the body with the separator."""
    name, _, separator = part.arg.partition(":")
    return _titled(getattr(part.report, name), separator)


#: Builders by the name an outline file gives them (`name` or `name:argument`); each writes words, not the
#: node's own heading. The 2023 outline's figure builders are added below (`_FIGURE_BUILDERS`).
BUILDERS: dict[str, Builder] = {
    "text": lambda part: _plain(part.report.texts.get(part.arg, "")),
    "list": lambda part: _numbered(getattr(part.report, part.arg), level=_item_level(part.node)),
    "titled": _titled_builder,
    "org": lambda part: _org(part.report, part.outline, level=_item_level(part.node)),
    "staff": lambda part: _staff(part.report, part.outline),
    "budget_summary": lambda part: _budget_summary(part.report, part.outline),
    "basic_spending": lambda part: _basic_spending(part.report, part.node, part.outline),
    "econ": lambda part: _econ(part.report, part.outline, part.arg),
    "sangong": lambda part: _sangong(part.report, part.outline),
    "signature": lambda part: _signature(part.report),
}


# --- the figures the 2023 outline prints (issue 12), in its own sentence templates --------------


def _amount(value: Decimal | None) -> dict[str, str] | None:
    return None if value is None else {"amount": money(value)}


def _rate(report: Report, ratio_id: str) -> dict[str, str] | None:
    """The ratio of store/ratios.toml as the sentence quotes it ("95.17%"), the same number the forms print."""
    rate = ratios.ratio(report, ratio_id).value
    return None if rate is None else {"rate": percent(rate)}


def _budget_plan(part: Part) -> list[Block]:
    """年初预算数, the adjustment (raised or lowered) and 全年预算数."""
    report, f = part.report, part.report.figures
    initial, adjustment = f.get("budget_initial"), f.get("budget_adjustment")
    opening = {"unit": report.short_name, "year": str(report.fiscal_year)}
    clauses: list[tuple[str, dict[str, str] | None]] = [
        ("budget_plan.initial", None if initial is None else {**opening, "amount": money(initial)}),
        ("budget_plan.raised", _amount(adjustment) if adjustment is not None and adjustment > 0 else None),
        ("budget_plan.lowered", _amount(-adjustment) if adjustment is not None and adjustment < 0 else None),
        ("budget_plan.full", _amount(f.get("budget_full"))),
    ]
    return part.sentence(clauses)


def _four_budgets(part: Part) -> list[Block]:
    """Each of the four budgets the unit has, its income and spending ("按预算类别分：…")."""
    f, outline = part.report.figures, part.outline
    said = []
    for key, name in FOUR_BUDGETS:
        sides = [
            outline.sentence(f"four_budgets.{side}", name=name, amount=money(f[f"{key}_{side}"]))
            for side in ("income", "spent")
            if f.get(f"{key}_{side}") is not None
        ]
        if sides:
            said.append("，".join(sides))
    return [Paragraph(outline.sentence("four_budgets.lead") + "；".join(said) + "。")] if said else []


def _personnel_public(part: Part) -> list[Block]:
    """人员经费 and 公用经费 with their shares of basic spending (its breakdown's total, else as stated)."""
    f = part.report.figures
    basic = breakdown_total(part.report.basic_lines, f.get("basic_spent"))
    clauses: list[tuple[str, dict[str, str] | None]] = []
    for key in ("personnel_spent", "public_spent"):
        value = f.get(key)
        rate = share(value, basic)
        values = None if value is None else {"amount": money(value)}
        clauses.append((f"personnel_public.{key}", values))
        clauses.append(("personnel_public.share", None if rate is None or value is None else {"rate": percent(rate)}))
    return part.sentence(clauses, lead=part.outline.sentence("personnel_public.lead"))


def _procurement(part: Part) -> list[Block]:
    """政府采购 planned and done, and the execution rate when both are known."""
    f = part.report.figures
    planned, done = f.get("procurement_planned"), f.get("procurement_done")
    clauses = [
        (
            "procurement.planned",
            None if planned is None else {"year": str(part.report.fiscal_year), "amount": money(planned)},
        ),
        ("procurement.done", _amount(done)),
        ("procurement.rate", _rate(part.report, "procurement")),
    ]
    return part.sentence(clauses)


def _count(name: str, value: int | None) -> dict[str, str] | None:
    return None if value is None else {name: str(value)}


def _key_tasks(part: Part) -> list[Block]:
    """重点工作 planned and done, and the completion rate."""
    planned, done = part.report.key_tasks_planned, part.report.key_tasks_done
    clauses = [
        ("key_tasks.planned", _count("count", planned)),
        ("key_tasks.done", _count("count", done)),
        ("key_tasks.rate", _rate(part.report, "key_tasks")),
    ]
    return part.sentence(clauses)


def _posts(part: Part) -> list[Block]:
    """编制数 and its 行政编制 / 事业编制 split, the staff in post (the lines 在职人员控制率 counts,
    store/ratios.toml) and the rate."""
    report = part.report
    control = ratios.ratio(report, "staff_control")
    in_post = control.input(control.definition.formula.paths[0])
    lines = [s for s in report.staff_lines if "在职" in s.category]
    category = line(lines[0].category) if len(lines) == 1 else ratios.term(control.definition.formula.paths[0])
    split = "，".join(
        part.outline.sentence(f"posts.{kind}", count=str(count))
        for kind in ("admin", "institution")
        if (count := report.figures.get(f"posts_{kind}")) is not None
    )
    clauses = [
        ("posts.posts", _count("count", report.authorised_posts)),
        ("posts.of_which", {"items": split} if split else None),
        ("posts.in_post", None if in_post is None else {"category": category, "count": format_number(in_post)}),
        ("posts.rate", _rate(report, "staff_control")),
    ]
    return part.sentence(clauses)


def _execution(part: Part) -> list[Block]:
    """预算执行率 (store/ratios.toml: 实际支出 ÷ (实际到位指标 + 上年结余)), with the figures it is worked from."""
    f = part.report.figures
    spent, received, carried_in = f.get("spent"), f.get("funds_received"), f.get("carried_in")
    rate = ratios.ratio(part.report, "execution").value
    if rate is None or spent is None or received is None or carried_in is None:
        return []
    values = {
        "rate": percent(rate),
        "spent": money(spent),
        "received": money(received),
        "carried_in": money(carried_in),
    }
    return part.sentence([("execution.rate", values)])


BUILDERS.update(
    {
        "budget_plan": _budget_plan,
        "four_budgets": _four_budgets,
        "personnel_public": _personnel_public,
        "procurement": _procurement,
        "key_tasks": _key_tasks,
        "posts": _posts,
        "execution": _execution,
    }
)


def _score_conclusion(part: Part) -> list[Block]:
    """自评结论's computed part: 综合评分、等级 and 主要扣分点 (largest first), from the 自评表's own scores.

    Nothing until every indicator is scored: a report never states a provisional score (the
    checks say which indicators are missing). The words are the outline's `conclusion.*` templates.
    """
    sheet = scoring.score(part.report, scoring.system_for(part.report, scoring.load_systems()[0]))
    if not sheet.complete:
        return []
    say = part.outline.sentence
    opening = {"unit": part.report.short_name, "year": str(part.report.fiscal_year)}
    text = say("conclusion.score", **opening, total=f"{sheet.total:.2f}", grade=sheet.grade) + "。"
    lost = [
        (row.indicator.weight - row.score, n, row.indicator.name)
        for n, row in enumerate(sheet.rows)
        if row.score is not None and row.score < row.indicator.weight
    ]
    lost.sort(key=lambda item: (-item[0], item[1]))
    items = "；".join(say("conclusion.deduction", name=line(name), points=f"{points:.2f}") for points, _, name in lost)
    text += (say("conclusion.deductions", items=items) if items else say("conclusion.full_marks")) + "。"
    return [Paragraph(text)]


BUILDERS["score_conclusion"] = _score_conclusion

#: What a node whose outline says `empty = "none"` prints under its heading when it has nothing to say.
NONE_STATED = "无。"


def _section(report: Report, node: Node, outline: Outline, n: int | None = None) -> list[Block]:
    """A node's heading (numbered `n`, its place among the siblings printed), its builders' words, its subsections.

    An empty node (its builders and subsections write nothing) follows its outline's rule: left
    out ([] — the siblings after it close up the numbers) or its heading and "无。" (`empty = "none"`).
    """
    out: list[Block] = []
    for spec in node.blocks:
        name, _, arg = spec.partition(":")
        out += BUILDERS[name](Part(report, node, arg, outline))
    printed = 0
    for child in node.sections:
        if not child.inline:
            said = _section(report, child, outline, printed + 1)
            printed += bool(said)
            out += said
    if not (node.title and node.level):
        return out
    if not out:
        if node.empty == "omit":
            return []
        out = [Paragraph(NONE_STATED)]
    return [Heading(node.level, number(node.level, node.number if n is None else n), node.title), *out]


# --- 附表 ----------------------------------------------------------------------------

_MONEY_NOTE = "单位：万元"
#: 附表1 收支情况表's rows: (figure key, words, printed even when blank), from store/fields.toml.
_FIGURE_ROWS = tuple(
    (entry.name, entry.appendix.label, entry.appendix.always)
    for entry in sorted(
        (entry for entry in fieldfile.load().fields if entry.appendix is not None),
        key=lambda entry: entry.appendix.row if entry.appendix else 0,
    )
)


def _pct_cell(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


#: What a table builder gives: caption, header, rows, column alignment (None: nothing to show).
_Built = tuple[str, tuple[str, ...], list[tuple[str, ...]], tuple[Align, ...]] | None


def _figures_table(report: Report) -> _Built:
    """附表1: the figures printed always (blank when not known), and the others once given."""
    f = report.figures
    if all(f.get(key) is None for key, _, _ in _FIGURE_ROWS):
        return None
    rows = [
        (label, format_amount(f.get(key))) for key, label, always in _FIGURE_ROWS if always or f.get(key) is not None
    ]
    return "收支情况表", ("项目", "金额"), rows, ("left", "right")


def _econ_table(report: Report, label: str, lines: list[EconLine]) -> _Built:
    if not lines:
        return None
    # A line not filled in yet (a year just started from last year's) leaves the total unknown.
    whole = breakdown_total(lines, None)
    spent = report.figures.get("spent")
    rows = [
        (
            line(e.category),
            format_amount(e.amount),
            _pct_cell(of_whole),
            _pct_cell(share(e.amount, spent)),
        )
        for e, of_whole in zip(lines, _shares([e.amount for e in lines], whole), strict=True)
    ]
    rows.append(("合计", format_amount(whole), _pct_cell(share(whole, whole)), _pct_cell(share(whole, spent))))
    header = ("经济分类", "金额", f"占{label}（%）", "占总支出（%）")
    return f"{label}明细表（按经济分类）", header, rows, ("left", "right", "right", "right")


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
    budget, actual, last_year = (format_amount(value) for value in sangong_sums(items))
    rows.append(("合计", budget, actual) + ((last_year,) if with_last else ()))
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
        (lambda r: _econ_table(r, fields.label("figures.basic_spent"), r.basic_lines), _MONEY_NOTE),
        (lambda r: _econ_table(r, fields.label("figures.project_spent"), r.project_lines), _MONEY_NOTE),
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


def compose(
    report: Report,
    *,
    tables: bool = True,
    outline: Outline | None = None,
    last_year: Report | None = None,
    shares: str = SHARE_METHODS[0],
) -> Document:
    """The report as a document tree: title, then the outline (the report's own unless given), then 附表.

    With `last_year` (the unit's report of the year before) the figure sentences add the
    较上年 comparisons and the staff change is worked out from last year's total. `shares`
    says how a breakdown's shares are rounded (store.model.SHARE_METHODS).
    """
    token = _OPTIONS.set(_Options(last_year, shares))
    try:
        return _compose(report, tables=tables, outline=outline)
    finally:
        _OPTIONS.reset(token)


def report_title(report: Report, outline: Outline | None = None) -> str:
    """The report's own title, or (none typed) its outline's: "长沙市开福区月湖街道办事处2019年度部门整体支出绩效评价报告"."""
    shape = outline or outlines.load(report.outline)
    return line(report.title) or line(shape.report_title(report.unit_name, report.fiscal_year))


def _compose(report: Report, *, tables: bool, outline: Outline | None) -> Document:
    """`compose` with its options set."""
    shape = outline or outlines.load(report.outline)
    title = report_title(report, shape)
    unit = line(report.sign_unit) or line(report.unit_name)
    blocks: list[Block] = [Title(title)]
    blocks += _section(report, shape.front, shape)
    printed = 0
    for chapter in shape.chapters:
        said = _section(report, chapter, shape, printed + 1)
        printed += bool(said)
        blocks += said
    blocks += _section(report, shape.back, shape)
    if tables:
        blocks.extend(appendix(report))
    return Document(title=title, author=unit, blocks=blocks)
