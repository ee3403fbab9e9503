"""Every ratio once: 执行率, 结转结余率, 控制率, 变动率, 完成率 … as formulas in store/ratios.toml.

A ratio is an id, a name (zh, en), a formula over field paths (store/formula.py) and the
definition the forms print. `ratio(report, id)` works one out for a report: its value as a
percentage rounded half-up to 0.01 (`store.model.half_up`, the one rounding of shares,
ratios and scores), the figures it was worked from, or why there is none (figures missing,
a divisor of 0). The checks screen and `jixiao check`, the report's sentences, the 自评表 (an
indicator names its ratio by id) and the 基础数据表 all call this, so each ratio has one
number wherever it is printed.

    >>> ratio(seed, "execution").value
    Decimal('90.21')
    >>> ratio(seed, "execution").formula()
    '实际支出 ÷ (实际到位指标 + 上年结余（结转）) × 100 = 5083.34 ÷ (5116.09 + 519.03) × 100'
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from store import tomltext
from store.formula import Formula, Outcome, compile_formula, resolve
from store.model import Report, half_up

__all__ = ["RatioDef", "Ratio", "definitions", "definition", "evaluate", "ratio", "ratios", "term"]

#: The ratios file shipped with jixiao (package data).
PATH = Path(__file__).with_name("ratios.toml")
_WHERE = "store/ratios.toml"


@dataclass(frozen=True)
class RatioDef:
    """One ratio as the file defines it: id, names by language, formula, the definition printed on forms."""

    id: str
    labels: dict[str, str]
    formula: Formula
    definition: str

    def label(self, lang: str = "zh") -> str:
        """Its name: "在职人员控制率" (the Chinese name where the language has none)."""
        return self.labels.get(lang) or self.labels["zh"]


@dataclass(frozen=True)
class Ratio:
    """A ratio worked out for one report: the value (None when it cannot be), and the figures it used.

    `missing` names the paths the report leaves empty; `zero` a divisor that is 0.
    """

    definition: RatioDef
    value: Decimal | None
    inputs: tuple[tuple[str, Decimal | None], ...] = ()
    missing: tuple[str, ...] = ()
    zero: str = ""

    @property
    def code(self) -> str:
        """The ratio's id ("staff_control")."""
        return self.definition.id

    def label(self, lang: str = "zh") -> str:
        """Its name: "预算执行率"."""
        return self.definition.label(lang)

    def formula(self, lang: str = "zh") -> str:
        """How it is worked out, in words and then with the figures: "在职人员数 ÷ 编制数 × 100 = 44 ÷ 50 × 100"."""
        formula = self.definition.formula
        names = {path: term(path, lang) for path in formula.paths}
        return f"{formula.written(names)} = {formula.written(dict(_shown(self.inputs)))}"

    def input(self, path: str) -> Decimal | None:
        """The value the ratio read at `path` (None if empty)."""
        return dict(self.inputs).get(path)


def _shown(inputs: tuple[tuple[str, Decimal | None], ...]) -> list[tuple[str, str]]:
    from store.parse import format_number

    return [(path, "?" if value is None else format_number(value)) for path, value in inputs]


@lru_cache(maxsize=1)
def _file() -> tuple[dict[str, RatioDef], dict[str, dict[str, str]]]:
    data = tomltext.loads(PATH.read_text(encoding="utf-8"))
    found: dict[str, RatioDef] = {}
    for entry in data["ratios"]:
        where = f"{_WHERE} [{entry['id']}]"
        formula = compile_formula(entry["formula"], where=where)
        found[entry["id"]] = RatioDef(entry["id"], dict(entry["label"]), formula, entry["definition"])
    return found, {path: dict(words) for path, words in data.get("terms", {}).items()}


def definitions() -> dict[str, RatioDef]:
    """Every ratio of the file by id, in the file's order."""
    return _file()[0]


def definition(ratio_id: str) -> RatioDef:
    """The ratio called `ratio_id`; KeyError if the file has none."""
    return definitions()[ratio_id]


def term(path: str, lang: str = "zh") -> str:
    """What a person calls the value at `path`: the ratios file's word, else the field's label, else the path."""
    words = _file()[1].get(path)
    if words:
        return words.get(lang) or words["zh"]
    from store import fields

    try:
        return fields.label(path, lang)
    except (KeyError, ValueError):
        return path


def evaluate(formula: Formula, report: Report) -> Outcome:
    """A formula's outcome for `report` with its value rounded half-up to 0.01 (as every ratio is)."""
    outcome = formula.evaluate(report)
    if outcome.value is None:
        return outcome
    return Outcome(half_up(outcome.value))


def ratio(report: Report, ratio_id: str) -> Ratio:
    """The ratio `ratio_id` for `report`: its value, the figures it read, or why it has none."""
    found = definition(ratio_id)
    outcome = evaluate(found.formula, report)
    inputs = tuple((path, resolve(report, path)) for path in found.formula.paths)
    return Ratio(found, outcome.value, inputs, outcome.missing, outcome.zero)


def ratios(report: Report) -> list[Ratio]:
    """Every ratio of the file for `report`, in the file's order (those that cannot be worked out too)."""
    return [ratio(report, ratio_id) for ratio_id in definitions()]
