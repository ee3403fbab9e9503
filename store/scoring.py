"""The 自评表: indicator systems as data, each indicator scored from the report or entered by hand.

An indicator system is one TOML file (store/indicators/<id>.toml; see docs/indicators.md for
the sources of each definition). Each indicator has its three levels (一级/二级/三级), a
weight, and either a `ratio` of store/ratios.toml (its name, formula and definition, the same
number the report and the other forms print) or a `formula` of its own over field paths
(store/formula.py), with a scoring `rule`; or neither: then the officer enters its score and
a short reason (never above the weight). A file of the same name in the settings folder's `indicators/` replaces the
package's copy (a unit's own weights); a new name there adds a system.

Rule kinds (the `rule` table of an indicator, `kind` plus its numbers):

- `deduct_below` {target, per_point}: full marks at value ≥ target, else `per_point` lost for
  every percentage point below, never under 0 (预算完成率 below 100 %).
- `deduct_above` {limit, per_point}: full marks at value ≤ limit, else `per_point` lost per point
  above (在职人员控制率 over 100 %, "三公经费"变动率 over 0).
- `proportional` {target}: weight × value ÷ target, at most the weight, at least 0.
- `bands` {bands = [[at_least, share], …]}: the first band whose `at_least` the value reaches
  gives weight × share; below every band, 0.

Scores are exact decimals rounded half-up to 0.01. A figure the report does not hold makes
the indicator "cannot be scored (missing …)", named, never a silent 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from store import ratios, tomltext
from store.catalogue import message
from store.formula import Formula, FormulaError, compile_formula
from store.model import ManualScore, Report, half_up
from store.parse import MAX_NUMBER, InputError, clean_text, format_number, parse_number
from store.refusal import Refusal

#: The system a report is scored by until the officer picks another.
DEFAULT_SYSTEM = "national"
#: Longest reason kept for an entered score (the form's cell is small).
MAX_REASON = 200
#: Grades by the lowest total that earns them, best first.
GRADES: tuple[tuple[Decimal, str], ...] = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"))
LOWEST_GRADE = "差"
RULE_KINDS: dict[str, tuple[str, ...]] = {
    "deduct_below": ("target", "per_point"),
    "deduct_above": ("limit", "per_point"),
    "proportional": ("target",),
    "bands": ("bands",),
}
#: The indicator files shipped with jixiao (package data).
PACKAGE_FOLDER = Path(__file__).with_name("indicators")
_INDICATOR_KEYS = (
    "id",
    "level1",
    "level2",
    "name",
    "weight",
    "ratio",
    "formula",
    "unit",
    "definition",
    "standard",
    "rule",
)


class IndicatorFileError(Refusal):
    """An indicator system file that cannot be used; the message names the file and the indicator."""


@dataclass(frozen=True)
class Rule:
    """How a computed value becomes points: a kind from RULE_KINDS and its numbers."""

    kind: str
    numbers: dict[str, Any]

    def score(self, value: Decimal, weight: Decimal) -> Decimal:
        """Points for `value` out of `weight`, rounded to 0.01, between 0 and the weight."""
        n = self.numbers
        if self.kind == "deduct_below":
            points = weight - max(n["target"] - value, Decimal(0)) * n["per_point"]
        elif self.kind == "deduct_above":
            points = weight - max(value - n["limit"], Decimal(0)) * n["per_point"]
        elif self.kind == "proportional":
            points = weight * value / n["target"]
        else:
            points = next((weight * share for at_least, share in n["bands"] if value >= at_least), Decimal(0))
        return _round(min(max(points, Decimal(0)), weight))


@dataclass(frozen=True)
class IndicatorDef:
    """One 三级指标 of a system: where it sits, its weight, and how it is scored."""

    id: str
    level1: str
    level2: str
    name: str
    weight: Decimal
    formula: Formula | None = None
    rule: Rule | None = None
    ratio: str = ""
    unit: str = "%"
    definition: str = ""
    standard: str = ""

    @property
    def manual(self) -> bool:
        """Whether the officer enters the score (no formula to compute it from)."""
        return self.formula is None


@dataclass(frozen=True)
class System:
    """An indicator system: its id and name, where it was read from, its indicators in form order."""

    id: str
    name: str
    source: str
    path: str
    indicators: tuple[IndicatorDef, ...]
    terms: dict[str, str] = field(default_factory=dict)

    def indicator(self, indicator_id: str) -> IndicatorDef:
        """The indicator with this id; KeyError if the system has none."""
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise KeyError(indicator_id)

    @property
    def full_marks(self) -> Decimal:
        """The sum of the weights (100 in every shipped system)."""
        return sum((i.weight for i in self.indicators), Decimal(0))


# --- reading the files --------------------------------------------------------------


_round = half_up


def _number(value: Any, where: str, key: str) -> Decimal:
    """A number of an indicator file: finite and at most MAX_NUMBER (nan, inf, `1e999` are refused)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise IndicatorFileError("scoring.bad_number", where=where, key=key)
    try:
        number = Decimal(str(value))
        if not abs(number) <= MAX_NUMBER:
            raise ArithmeticError(number)
    except (ArithmeticError, ValueError):
        raise IndicatorFileError("scoring.bad_number", where=where, key=key) from None
    return number


def _rule(data: Any, where: str) -> Rule:
    if not isinstance(data, dict) or data.get("kind") not in RULE_KINDS:
        raise IndicatorFileError("scoring.bad_rule", where=where, kinds="、".join(RULE_KINDS))
    kind = data["kind"]
    needed = RULE_KINDS[kind]
    if set(data) - {"kind"} != set(needed):
        raise IndicatorFileError("scoring.bad_rule", where=where, kinds="、".join(RULE_KINDS))
    if kind == "bands":
        bands = data["bands"]
        if not isinstance(bands, list) or not bands or not all(isinstance(b, list) and len(b) == 2 for b in bands):
            raise IndicatorFileError("scoring.bad_rule", where=where, kinds="、".join(RULE_KINDS))
        pairs = [(_number(a, where, "bands"), _number(s, where, "bands")) for a, s in bands]
        return Rule(kind, {"bands": tuple(sorted(pairs, reverse=True))})
    numbers = {key: _number(data[key], where, key) for key in needed}
    if kind == "proportional" and numbers["target"] == 0:
        raise IndicatorFileError("scoring.bad_number", where=where, key="target")
    return Rule(kind, numbers)


def _shared_ratio(data: dict[str, Any], where: str) -> dict[str, Any]:
    """An indicator that names a ratio of store/ratios.toml, with the ratio's name, formula and definition.

    It may not carry a formula or a definition of its own, nor another name (one name, one number).
    """
    found = ratios.definitions().get(data["ratio"]) if isinstance(data["ratio"], str) else None
    if found is None:
        known = "、".join(ratios.definitions())
        raise IndicatorFileError("scoring.unknown_ratio", where=where, ratio=data["ratio"], known=known)
    if "formula" in data or "definition" in data or data.get("name", found.label()) != found.label():
        raise IndicatorFileError("scoring.ratio_name", where=where, label=found.label())
    return {**data, "name": found.label(), "definition": found.definition, "formula": found.formula}


def _indicator(data: Any, path: str) -> IndicatorDef:
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
        raise IndicatorFileError("scoring.bad_indicator", where=path)
    where = f"{path} [{data['id']}]"
    if "ratio" in data:
        data = _shared_ratio(data, where)
    unknown = [key for key in data if key not in _INDICATOR_KEYS]
    if unknown or not all(isinstance(data.get(key), str) for key in ("level1", "level2", "name")):
        raise IndicatorFileError("scoring.bad_indicator", where=where)
    weight = _number(data.get("weight"), where, "weight")
    if weight <= 0:
        raise IndicatorFileError("scoring.bad_number", where=where, key="weight")
    formula = rule = None
    if isinstance(data.get("formula"), Formula):
        formula, rule = data["formula"], _rule(data.get("rule"), where)
    elif "formula" in data:
        if not isinstance(data["formula"], str):
            raise FormulaError("scoring.bad_formula", where=where, formula=data["formula"])
        formula = compile_formula(data["formula"], where=where)
        rule = _rule(data.get("rule"), where)
    elif "rule" in data:
        raise IndicatorFileError("scoring.bad_rule", where=where, kinds="、".join(RULE_KINDS))
    return IndicatorDef(
        id=data["id"],
        level1=data["level1"],
        level2=data["level2"],
        name=data["name"],
        weight=weight,
        formula=formula,
        rule=rule,
        unit=str(data.get("unit", "%")),
        definition=str(data.get("definition", "")),
        standard=str(data.get("standard", "")),
        ratio=data.get("ratio", ""),
    )


def parse_system(text: str, path: str) -> System:
    """A system from the text of its TOML file; IndicatorFileError or FormulaError naming `path` and the indicator."""
    try:
        data = tomltext.loads(text)
    except tomltext.TooDeep:
        raise IndicatorFileError("scoring.too_deep", where=path) from None
    except ValueError as error:
        raise IndicatorFileError("scoring.bad_file", where=path, reason=str(error)) from None
    if not isinstance(data.get("id"), str) or not isinstance(data.get("name"), str):
        raise IndicatorFileError("scoring.bad_file", where=path, reason="id, name")
    indicators = tuple(_indicator(entry, path) for entry in data.get("indicators", []))
    ids = [i.id for i in indicators]
    if not indicators or len(set(ids)) != len(ids):
        raise IndicatorFileError("scoring.bad_file", where=path, reason="indicators")
    terms = data.get("terms", {})
    if not isinstance(terms, dict) or not all(isinstance(v, str) for v in terms.values()):
        raise IndicatorFileError("scoring.bad_file", where=path, reason="terms")
    system = System(data["id"], data["name"], str(data.get("source", "")), path, indicators, dict(terms))
    if system.full_marks != 100:
        raise IndicatorFileError("scoring.weights_sum", where=path, total=format_number(system.full_marks))
    return system


@lru_cache(maxsize=1)
def _packaged() -> tuple[System, ...]:
    found = sorted(PACKAGE_FOLDER.glob("*.toml"))
    return tuple(parse_system(entry.read_text(encoding="utf-8"), f"store/indicators/{entry.name}") for entry in found)


def user_folder() -> Path:
    """Where a unit keeps its own indicator files: `indicators/` beside the settings file."""
    from store.settings import settings_path

    return settings_path().parent / "indicators"


def load_systems(folder: Path | None = None) -> tuple[dict[str, System], list[Refusal]]:
    """Every indicator system by id (the package's, replaced or added to by the user's folder).

    A user file that cannot be used is passed over, the package's copy kept, and the reason
    returned for the screen or the command line to show; it never stops the program.
    """
    systems = {system.id: system for system in _packaged()}
    problems: list[Refusal] = []
    folder = user_folder() if folder is None else folder
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            try:
                system = parse_system(path.read_text(encoding="utf-8"), str(path))
            except (OSError, UnicodeDecodeError) as error:
                problems.append(IndicatorFileError("scoring.bad_file", where=path, reason=error))
                continue
            except Refusal as error:
                problems.append(error)
                continue
            systems[system.id] = system
    return systems, problems


def system_for(report: Report, systems: dict[str, System]) -> System:
    """The system `report` is scored by (its own choice if still known, else the default)."""
    return systems.get(report.score_system) or systems[DEFAULT_SYSTEM]


# --- scoring a report ---------------------------------------------------------------


@dataclass(frozen=True)
class Scored:
    """One row of the sheet: the indicator, its computed value or entered score, and why.

    `status` is "scored", "missing" (figures the report lacks, named in `missing`), "zero"
    (a divisor is 0, named in `zero`), "too_large" (the formula gives the absurd `too_large`) or
    "unentered" (a manual indicator not yet scored).
    """

    indicator: IndicatorDef
    status: str
    value: Decimal | None = None
    score: Decimal | None = None
    reason: str = ""
    missing: tuple[str, ...] = ()
    zero: str = ""
    too_large: Decimal | None = None


@dataclass(frozen=True)
class Sheet:
    """A report's 自评表: every row, the total of the scored rows, and the grade it earns."""

    system: System
    rows: tuple[Scored, ...]

    @property
    def total(self) -> Decimal:
        """The sum of the scores given so far."""
        return sum((row.score for row in self.rows if row.score is not None), Decimal("0.00"))

    @property
    def complete(self) -> bool:
        """Whether every indicator has a score (only then is the total the report's score)."""
        return all(row.score is not None for row in self.rows)

    @property
    def grade(self) -> str:
        """优 ≥ 90, 良 80–90, 中 60–80, 差 < 60 (on the total as it stands)."""
        return grade(self.total)


def grade(total: Decimal) -> str:
    """The grade of a total: 优 at 90 or more, 良 at 80, 中 at 60, else 差."""
    return next((name for lowest, name in GRADES if total >= lowest), LOWEST_GRADE)


def score_row(report: Report, system: System, indicator: IndicatorDef) -> Scored:
    """One indicator scored for `report`: from its formula, or the officer's entry."""
    if indicator.formula is None:
        entry = report.manual_scores.get(system.id, {}).get(indicator.id, ManualScore())
        status = "unentered" if entry.score is None else "scored"
        return Scored(indicator, status, score=entry.score, reason=entry.reason)
    outcome = ratios.evaluate(indicator.formula, report)
    if outcome.missing:
        return Scored(indicator, "missing", missing=outcome.missing)
    if outcome.zero:
        return Scored(indicator, "zero", zero=outcome.zero)
    if outcome.too_large is not None:
        return Scored(indicator, "too_large", too_large=outcome.too_large)
    assert outcome.value is not None and indicator.rule is not None
    value = outcome.value
    return Scored(indicator, "scored", value=value, score=indicator.rule.score(value, indicator.weight))


def score(report: Report, system: System) -> Sheet:
    """The whole 自评表 of `report` under `system`."""
    return Sheet(system, tuple(score_row(report, system, indicator) for indicator in system.indicators))


def term(system: System, path: str, lang: str = "zh") -> str:
    """What a person calls the value at `path`: the ratios file's word or the field's label, else the system's."""
    word = ratios.term(path, lang)
    return word if word != path else system.terms.get(path, path)


def row_note(row: Scored, system: System, lang: str = "zh") -> str:
    """Why a row has no score, in words ("无法评分：缺少 实际支出"), or its entered reason."""
    if row.status == "missing":
        names = "、".join(term(system, path, lang) for path in row.missing)
        return message("scoring.missing", lang, names=names)
    if row.status == "zero":
        return message("scoring.zero", lang, name=term(system, row.zero, lang))
    if row.status == "too_large":
        return message("scoring.too_large", lang, value=format_number(row.too_large))
    if row.status == "unentered":
        return message("scoring.unentered", lang)
    return row.reason


def deduction_reason(row: Scored, lang: str = "zh") -> str:
    """Why a computed row has its score, written from its rule, values with two decimals.

    "在职人员控制率110.00%，超过100%共10个百分点，扣2.00分", or "…，未超过100%，不扣分" at full
    marks. "" for a manual indicator and for a row without a value (the form leaves it blank).
    """
    indicator, rule = row.indicator, row.indicator.rule
    if rule is None or row.value is None or row.score is None:
        return ""
    unit, numbers, value = indicator.unit, rule.numbers, row.value
    deducted = indicator.weight - row.score
    words = {
        "name": indicator.name,
        "value": f"{value:.2f}{unit}",
        "score": f"{row.score:.2f}",
        "deducted": f"{deducted:.2f}",
        "step": message("scoring.reason.points", lang) if unit == "%" else unit,
    }
    if rule.kind == "deduct_above":
        limit = f"{format_number(numbers['limit'])}{unit}"
        if value > numbers["limit"]:
            points = format_number(value - numbers["limit"])
            return message("scoring.reason.above", lang, limit=limit, points=points, **words)
        return message("scoring.reason.not_above", lang, limit=limit, **words)
    if rule.kind in ("deduct_below", "proportional"):
        target = f"{format_number(numbers['target'])}{unit}"
        if value >= numbers["target"] or deducted == 0:
            return message("scoring.reason.reached", lang, target=target, **words)
        if rule.kind == "proportional":
            return message("scoring.reason.proportional", lang, target=target, **words)
        points = format_number(numbers["target"] - value)
        return message("scoring.reason.below", lang, target=target, points=points, **words)
    bands = numbers["bands"]
    reached = next((at_least for at_least, _ in bands if value >= at_least), None)
    if reached is None:
        return message("scoring.reason.no_band", lang, band=f"{format_number(bands[-1][0])}{unit}", **words)
    key = "scoring.reason.band_full" if deducted == 0 else "scoring.reason.band"
    return message(key, lang, band=f"{format_number(reached)}{unit}", **words)


def form_reason(row: Scored, lang: str = "zh") -> str:
    """The 扣分原因和其他说明 cell of a hand-in form: the rule's reason, or the officer's; never a prompt."""
    return row.reason if row.indicator.manual else deduction_reason(row, lang)


def gaps(sheet: Sheet, lang: str = "zh") -> list[str]:
    """What the 自评表 still lacks, for the app, `jixiao check` and the export's message (the form stays blank).

    A heading line, then one line per indicator without a score and why; [] when every one is scored.
    """
    left = [row for row in sheet.rows if row.score is None]
    if not left:
        return []
    lines = [message("scoring.gaps", lang, count=len(left))]
    for row in left:
        why = row_note(row, sheet.system, lang)
        lines.append(message("scoring.gap", lang, level2=row.indicator.level2, name=row.indicator.name, why=why))
    return lines


def formula_text(row: Scored, system: System, report: Report, lang: str = "zh") -> tuple[str, str]:
    """The formula in words and with the report's figures filled in ("" for a manual indicator)."""
    formula = row.indicator.formula
    if formula is None:
        return "", ""
    names = {path: term(system, path, lang) for path in formula.paths}
    return formula.filled(report, names), formula.filled(report)


# --- entering a score ---------------------------------------------------------------


def parse_manual_score(text: str, indicator: IndicatorDef) -> Decimal | None:
    """A typed score for a manual indicator (full-width digits welcome); refused above the weight.

    None for an empty field (the score is taken back). InputError with the reason otherwise.
    """
    value = parse_number(text)
    if value is None:
        return None
    return check_manual_score(value, indicator)


def check_manual_score(value: Decimal, indicator: IndicatorDef) -> Decimal:
    """`value` as a score of `indicator`: 0 to the weight, two decimals at most."""
    if value < 0:
        raise InputError("negative", text=format_number(value))
    if value > indicator.weight:
        raise InputError("scoring.above_weight", text=format_number(value), weight=format_number(indicator.weight))
    if value != _round(value):
        raise InputError("scoring.places", text=format_number(value))
    return value


def parse_reason(text: str) -> str:
    """A typed reason on one line, refused when longer than MAX_REASON characters."""
    value = clean_text(text, multiline=False).strip()
    if len(value) > MAX_REASON:
        raise InputError("scoring.reason_long", text=value, limit=MAX_REASON)
    return value
