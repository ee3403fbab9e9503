"""Which sentence templates each composer builder fills, and with which slots.

An outline file's `[sentences]` table (store/outline.py) holds the words of the sentences that
quote figures; the composer's builders (exporters/compose.py `BUILDERS`) decide which clauses
are said and fill the slots. This table is the contract between the two, so that loading an
outline can refuse a file that lacks a template one of its builders needs, or whose template
uses a slot the builder does not fill, before anything is composed.

Slot values as the composer gives them: `amount` money as "1610.68万元", `rate` a share as
"89.92%", `year` "2019", `unit` the unit's short name, `count` a whole number, `items` and
`lines` clauses already joined with "，", `label` a name from another template (or a
group's label).
"""

from __future__ import annotations

__all__ = ["NEEDED", "known"]

#: The 较上年 comparison, said by every builder that compares a figure with last year's.
_COMPARED: dict[str, tuple[str, ...]] = {
    "compared.up": ("label", "amount"),
    "compared.up_rate": ("label", "amount", "rate"),
    "compared.down": ("label", "amount"),
    "compared.down_rate": ("label", "amount", "rate"),
    "compared.level": ("label",),
}

_ECON: dict[str, tuple[str, ...]] = {
    "econ.label.basic": (),
    "econ.label.project": (),
    "econ.total": ("year", "unit", "label", "amount"),
    "econ.of_spent": ("rate",),
    "econ.line": ("category", "amount"),
    "econ.line_share": ("label", "rate"),
    "econ.of_which": ("items",),
}

_SANGONG: dict[str, tuple[str, ...]] = {
    "sangong.of_which": ("items",),
    "sangong.none": (),
    "sangong.budget": ("amount",),
    "sangong.actual": ("amount",),
    "sangong.last_year": ("amount",),
    "sangong.total": ("amount",),
}

#: Builder name (as an outline's `blocks` give it, before any ":") → template name → its slots.
NEEDED: dict[str, dict[str, tuple[str, ...]]] = {
    "org": {
        "org.plates": ("plates",),
        "org.group": ("count", "label", "bodies"),
        "org.other": ("label", "bodies"),
        "org.default_label": (),
    },
    "staff": {
        "staff.total": ("year", "count"),
        "staff.lines": ("lines",),
        "staff.lines_only": ("year", "lines"),
        "staff.line": ("category", "count"),
        "staff.up": ("count",),
        "staff.down": ("count",),
        "staff.level": (),
        "staff.change_only": ("year", "change"),
        "staff.reasons": ("reasons",),
    },
    "budget_summary": {
        "budget.opening": ("unit", "year"),
        "budget.approved": ("amount",),
        "budget.received": ("amount",),
        "budget.of_which": ("items",),
        "budget.sources_only": ("items",),
        "budget.spent": ("amount",),
        "budget.uses_only": ("items",),
        "budget.fiscal_appropriation": ("amount",),
        "budget.other_income": ("amount",),
        "budget.basic_spent": ("amount",),
        "budget.project_spent": ("amount",),
        "budget.carried_in": ("amount",),
        "budget.carried_out": ("amount",),
        "budget.label.funds_received": (),
        "budget.label.spent": (),
        **_COMPARED,
    },
    "econ": {**_ECON, **_COMPARED},
    "basic_spending": {**_ECON, **_SANGONG, **_COMPARED},
    "sangong": {**_SANGONG, **_COMPARED},
    "budget_plan": {
        "budget_plan.initial": ("unit", "year", "amount"),
        "budget_plan.raised": ("amount",),
        "budget_plan.lowered": ("amount",),
        "budget_plan.full": ("amount",),
    },
    "four_budgets": {
        "four_budgets.lead": (),
        "four_budgets.income": ("name", "amount"),
        "four_budgets.spent": ("name", "amount"),
    },
    "personnel_public": {
        "personnel_public.lead": (),
        "personnel_public.personnel_spent": ("amount",),
        "personnel_public.public_spent": ("amount",),
        "personnel_public.share": ("rate",),
    },
    "procurement": {
        "procurement.planned": ("year", "amount"),
        "procurement.done": ("amount",),
        "procurement.rate": ("rate",),
    },
    "key_tasks": {
        "key_tasks.planned": ("count",),
        "key_tasks.done": ("count",),
        "key_tasks.rate": ("rate",),
    },
    "posts": {
        "posts.posts": ("count",),
        "posts.of_which": ("items",),
        "posts.admin": ("count",),
        "posts.institution": ("count",),
        "posts.in_post": ("category", "count"),
        "posts.rate": ("rate",),
    },
    "execution": {
        "execution.rate": ("rate", "spent", "received", "carried_in"),
    },
    "score_conclusion": {
        "conclusion.score": ("unit", "year", "total", "grade"),
        "conclusion.deductions": ("items",),
        "conclusion.deduction": ("name", "points"),
        "conclusion.full_marks": (),
    },
}


def known() -> frozenset[str]:
    """Every template name some builder fills (a name outside these in a file is a typo)."""
    return frozenset(name for templates in NEEDED.values() for name in templates)
