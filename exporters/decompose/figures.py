"""Figure sentences read back into figures: the outline's own templates first, then the words
a reader knows each figure by, and a doubt (kept in 未归类 with a note) when the field is not certain.

The composer writes `财政拨款收入预算批复{amount}` (store/outlines/*.toml `[sentences]`); read
backwards, the words just before an amount that end as a template's words end name its figure
for certain, so a reworded outline imports what it exports. Without a template, the labels of
`LABELS` are looked for between the amount and the one before it: the label right before the
amount (only 为/是/共计… between) names the figure when no other figure is named in the same
clause. Otherwise — two labels near it, the nearest label naming a figure this section does not
hold while another is named, no label right before it, a value other than one stated before —
the sentence is kept with a note naming the number and the candidate fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from exporters.decompose.placer import ALL_FIGURES, Placer, amount_text, figure_name
from store import fieldfile, fields
from store import outline as outlines
from store.parse import InputError, parse_amount

#: Full-width digits and point as ASCII, one character for one, so positions still match the text.
DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
MONEY = r"(?P<num>-?\d[\d,，]*(?:\.\d+)?)\s*(?P<unit>万元|万|元)"
#: What may stand between a figure's label and its amount: 为, 是, 共计, a colon…
GAP = re.compile(r"[\s:：]*(?:(?:共|合|总|累)?计|总额|总计|合计|达到?|约|共|为|是|资金|数)*[\s:：]*(?:为|是)?[\s:：]*")
#: Where a clause ends, inside a sentence.
_CLAUSE_END = re.compile(r"[，,；;：:。（(）)]")

#: The four budgets: key prefix, name (一般公共预算) and the words before 收入/支出 (一般公共).
FOUR_BUDGETS = tuple((key, name, name.removesuffix("预算")) for key, name in fields.FOUR_BUDGETS)

#: Each stated amount and the words that name it in real reports (store/fields.toml `import`).
LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (entry.name, re.compile("|".join(entry.words)))
    for entry in fieldfile.load().fields
    if entry.group == "figures" and entry.words and entry.kind in ("amount", "signed_amount")
)

#: The templates that state one figure, and the figure (a lowered budget is a negative adjustment).
TEMPLATE_FIGURES: dict[str, tuple[str, int]] = {
    "budget.approved": ("budget_approved", 1),
    "budget.received": ("funds_received", 1),
    "budget.spent": ("spent", 1),
    "budget.fiscal_appropriation": ("fiscal_appropriation", 1),
    "budget.other_income": ("other_income", 1),
    "budget.basic_spent": ("basic_spent", 1),
    "budget.project_spent": ("project_spent", 1),
    "budget.carried_in": ("carried_in", 1),
    "budget.carried_out": ("carried_out", 1),
    "budget_plan.initial": ("budget_initial", 1),
    "budget_plan.raised": ("budget_adjustment", 1),
    "budget_plan.lowered": ("budget_adjustment", -1),
    "budget_plan.full": ("budget_full", 1),
    "personnel_public.personnel_spent": ("personnel_spent", 1),
    "personnel_public.public_spent": ("public_spent", 1),
    "procurement.planned": ("procurement_planned", 1),
    "procurement.done": ("procurement_done", 1),
}


def digits(text: str) -> str:
    """Full-width digits and point as ASCII (positions unchanged)."""
    return text.translate(DIGITS)


def money(num: str, unit: str) -> Decimal | None:
    try:
        return parse_amount(num.replace("，", ",") + ("元" if unit == "元" else "万元"), allow_negative=True)
    except InputError:
        return None


@cache
def templates(outline_id: str) -> tuple[tuple[re.Pattern[str], str, int], ...]:
    """The outline's figure templates read backwards: (the words before the amount, at the end of a text; figure; sign)."""
    try:
        sentences = outlines.load(outline_id).sentences
    except (KeyError, ValueError, OSError):
        return ()
    found: list[tuple[str, str, int]] = []
    for name, template in sentences.items():
        if name in TEMPLATE_FIGURES:
            key, sign = TEMPLATE_FIGURES[name]
            found.append((template, key, sign))
        elif name.startswith("four_budgets.") and name != "four_budgets.lead":
            side = name.rpartition(".")[2]
            found += [(template.replace("{name}", words), f"{key}_{side}", 1) for key, words, _ in FOUR_BUDGETS]
    out: list[tuple[re.Pattern[str], str, int, int]] = []
    for template, key, sign in found:
        before = template.partition("{amount}")[0].rpartition("}")[2]
        if len(before) >= 2:
            out.append((re.compile(re.escape(before) + GAP.pattern + "$"), key, sign, len(before)))
    out.sort(key=lambda entry: -entry[3])
    return tuple((pattern, key, sign) for pattern, key, sign, _ in out)


@dataclass(frozen=True)
class _Label:
    start: int
    end: int
    keys: frozenset[str]


def labels_in(text: str) -> list[_Label]:
    """The figure labels in `text`, a label inside a longer one left out, labels on the same words merged."""
    spans: dict[tuple[int, int], set[str]] = {}
    for key, pattern in LABELS:
        for found in pattern.finditer(text):
            spans.setdefault(found.span(), set()).add(key)
    outer = [span for span in spans if not any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in spans)]
    merged: list[_Label] = []
    for s, e in sorted(outer):
        if merged and s < merged[-1].end:  # 实际到位|到位指标 overlapping: one label
            last = merged.pop()
            merged.append(_Label(last.start, max(e, last.end), last.keys | spans[(s, e)]))
        else:
            merged.append(_Label(s, e, frozenset(spans[(s, e)])))
    return merged


@dataclass(frozen=True)
class Reading:
    """What the words before one amount say: the figure for certain, or the candidates when doubtful."""

    key: str | None
    candidates: tuple[str, ...] = ()


def read_label(span: str, allowed: frozenset[str], outline_id: str = "", sign_ok: bool = True) -> Reading:
    """The figure the words `span` (ending right before an amount) name: certain, doubtful, or none.

    Reading(key) when certain; Reading(None, candidates) when doubtful; Reading(None) when no
    label is there at all.
    """
    for pattern, key, _ in templates(outline_id) if outline_id else ():
        if key in allowed and pattern.search(span):
            return Reading(key)
    found = labels_in(span)
    if not found:
        return Reading(None)
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(span)), default=0)
    last = found[-1]
    adjacent = last if GAP.fullmatch(span[last.end :]) else None
    # A label right before the adjacent one qualifies it (财政拨款收入|预算批复, 基本支出中|人员经费).
    qualifiers: set[int] = set()
    if adjacent is not None:
        chain_start = adjacent.start
        for i in range(len(found) - 2, -1, -1):
            if re.fullmatch(r"[中的]?", span[found[i].end : chain_start]):
                qualifiers.add(i)
                chain_start = found[i].start
            else:
                break
    in_clause = [
        label
        for i, label in enumerate(found[:-1] if adjacent else found)
        if i not in qualifiers and label.start >= clause_start
    ]
    before = [label for i, label in enumerate(found) if i not in qualifiers and label.start < clause_start]
    if adjacent is not None and not in_clause:
        own = sorted(adjacent.keys & allowed)
        if len(own) == 1:
            return Reading(own[0])
        if not own and not before and len(adjacent.keys) == 1:
            # The one figure named, plainly, though this section does not print it: it is still that figure.
            return Reading(next(iter(adjacent.keys)))
    order = [adjacent] if adjacent else []
    order += [*reversed(in_clause), *reversed(before)]
    keys = [key for label in order if label is not None for key in sorted(label.keys, key=_key_order)]
    return Reading(None, tuple(dict.fromkeys(keys)))


def _key_order(key: str) -> int:
    return [k for k, _ in LABELS].index(key)


def figure_sentence(ctx: Placer, sentence: str, outline_id: str) -> bool:
    """Take the stated figures of one sentence; True when the sentence is not prose (its figures are taken or doubted).

    A sentence with a doubtful amount, or with an amount no label names beside amounts that
    were taken, is kept in 未归类 with a note for each such amount.
    """
    flat = digits(sentence)
    start = 0
    taken = 0
    notes: list[str] = []
    for amount in re.finditer(MONEY, flat):
        span = flat[start : amount.start()]
        start = amount.end()
        value = money(amount["num"], amount["unit"])
        if value is None:
            continue
        said = amount_text(value)
        reading = read_label(span, ctx.allowed, outline_id)
        if reading.key is not None:
            key = reading.key
            if "调减" in span[-8:] and key == "budget_adjustment" and value > 0:
                value = -value
            if ctx.figure(key, value):
                taken += 1
            else:
                notes.append(
                    _message("import.doubt.differs", amount=said, field=figure_name(key), old=ctx.report.figures[key])
                )
        elif reading.candidates:
            notes.append(
                _message("import.doubt.candidates", amount=said, fields=ctx.candidates(list(reading.candidates)))
            )
        else:
            notes.append(_message("import.doubt.no_label", amount=said))
    if taken and not ctx.report.unit_short:
        opening = _OPENING.match(flat)
        short = opening["short"].strip() if opening else ""
        if short and short != ctx.report.unit_name and short in ctx.report.unit_name:
            ctx.report.unit_short = sentence[: len(opening["short"])].strip()
            ctx.placed["unit_short"] += 1
    if notes and (taken or len(notes) > sum(n.endswith(_NO_LABEL_END) for n in notes)):
        ctx.keep(sentence, "；".join(notes))
        return True
    # Amounts no label names, and nothing taken: prose (全年投入近200万元用于…).
    return taken > 0


_OPENING = re.compile(r"(?P<short>[^\d，,。；;：:]{2,20}?)的?(?P<year>(?:19|20)\d{2})\s*年度?")


def _message(code: str, **params: object) -> str:
    from store.catalogue import message

    return message(code, "zh", **params)


_NO_LABEL_END = "不知是哪一项，未填入"

__all__ = ["ALL_FIGURES", "LABELS", "Reading", "figure_sentence", "labels_in", "read_label", "templates"]
