"""Formulas of the 自评表 as data: arithmetic over a report's field paths, read safely.

A formula is a line such as `figures.spent / figures.budget_full * 100`. It is parsed with
`ast` and only numbers, `+ - * /`, a leading minus, parentheses and field paths are
accepted; anything else (a call, a name that is not a path, `**`, a comparison) is refused
when the indicator file is loaded, never run. A path names one value of the report the way
store.fields does (`figures.spent`, `staff_total`, `sangong[0].actual`); a list segment
written without an index (`sangong.actual`) adds that value up over all the list's items, and
one indexed by words (`staff_lines["在职"].count`, a path `staff_lines[在职].count`) adds it up
over the items whose name (category, name, label or title) contains those words.

Evaluating never guesses: a path the report does not hold, or holds empty, makes the whole
formula "missing" with the paths named, and dividing by zero says which value was zero.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from store.model import Report
from store.parse import MAX_NUMBER, format_number
from store.refusal import Refusal

_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "×", ast.Div: "÷"}
#: Longest formula accepted, in characters, values it reads (paths and numbers), and levels of its
#: tree: the shipped ones are under 70, 4 and 8; a formula of thousands of terms would overflow
#: Python's stack when checked, and its value the 0.01 a score is rounded to.
MAX_CHARS, MAX_TERMS, MAX_DEPTH = 400, 20, 40
#: Largest value a formula may give (its result is rounded to 0.01 in 28 digits, and no ratio is near).
MAX_RESULT = Decimal(10) ** 15


class FormulaError(Refusal):
    """A formula in an indicator file that is not plain arithmetic over field paths."""


@dataclass(frozen=True)
class Outcome:
    """What a formula gives for one report: a value, or why there is none.

    `missing` lists the paths the report leaves empty; `zero` names a divisor that is 0;
    `too_large` is a value beyond MAX_RESULT (figures entered in the wrong unit, say).
    """

    value: Decimal | None
    missing: tuple[str, ...] = ()
    zero: str = ""
    too_large: Decimal | None = None


@dataclass(frozen=True)
class Formula:
    """A checked formula: its text, its parsed tree, and the paths it reads (in order of use)."""

    text: str
    tree: ast.expr
    paths: tuple[str, ...]

    def evaluate(self, report: Report) -> Outcome:
        """The formula's value for `report`, exact (Decimal), or why it cannot be computed."""
        values = {path: resolve(report, path) for path in self.paths}
        missing = tuple(path for path, value in values.items() if value is None)
        if missing:
            return Outcome(None, missing=missing)
        try:
            value = _evaluate(self.tree, values)
        except _ZeroDivisor as zero:
            return Outcome(None, zero=zero.path)
        return Outcome(value) if abs(value) < MAX_RESULT else Outcome(None, too_large=value)

    def filled(self, report: Report, names: dict[str, str] | None = None) -> str:
        """The formula with each path replaced by the report's value (or "?" where it is empty).

        `names` (path → words) is used instead of the value when given for a path; the
        screen shows both lines: the words, then the figures.
        """

        if names is not None:
            return self.written(names)

        def show(path: str) -> str:
            value = resolve(report, path)
            return "?" if value is None else format_number(value)

        return _show(self.tree, show)

    def written(self, words: dict[str, str]) -> str:
        """The formula with each path replaced by its words in `words` (the path itself where none)."""
        return _show(self.tree, lambda path: words.get(path, path))


class _ZeroDivisor(Exception):
    def __init__(self, path: str) -> None:
        self.path = path


def compile_formula(text: str, *, where: str) -> Formula:
    """`text` checked and parsed; FormulaError naming `where` (file and indicator) if it is not allowed.

    Its size is checked before anything recursive reads it: at most MAX_CHARS characters,
    MAX_TERMS values and MAX_DEPTH levels; numbers written in it must be finite and at most MAX_NUMBER.
    """
    too_long = FormulaError("scoring.formula_too_long", where=where, chars=MAX_CHARS, terms=MAX_TERMS, depth=MAX_DEPTH)
    if len(text) > MAX_CHARS:
        raise too_long
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise FormulaError("scoring.bad_formula", where=where, formula=text) from None
    if _terms(tree) > MAX_TERMS or _depth(tree) > MAX_DEPTH:
        raise too_long
    paths: list[str] = []
    _check(tree, paths, where=where, text=text)
    return Formula(text.strip(), tree, tuple(dict.fromkeys(paths)))


def _check(node: ast.expr, paths: list[str], *, where: str, text: str) -> None:
    """Walk the tree, collecting paths and refusing every node that is not arithmetic or a path."""
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        _check(node.left, paths, where=where, text=text)
        _check(node.right, paths, where=where, text=text)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        _check(node.operand, paths, where=where, text=text)
    elif isinstance(node, ast.Constant) and type(node.value) in (int, float):
        if not abs(node.value) <= MAX_NUMBER:  # also refuses inf and nan (1e999, which reads as inf)
            raise FormulaError("scoring.bad_formula", where=where, formula=text)
    else:
        path = _path_of(node)
        if path is None:
            raise FormulaError("scoring.bad_formula", where=where, formula=text)
        paths.append(path)


def _terms(tree: ast.expr) -> int:
    """How many values (paths and numbers) the formula reads; a path's own parts count once."""
    return sum(isinstance(node, ast.Name | ast.Constant) for node in ast.walk(tree))


def _depth(tree: ast.expr) -> int:
    """How many levels the tree has, counted without recursion (the tree may be thousands deep)."""
    deepest, level = 0, [tree]
    while level:
        deepest += 1
        level = [child for node in level for child in ast.iter_child_nodes(node)]
    return deepest


def _path_of(node: ast.expr) -> str | None:
    """`figures.spent`, `sangong[0].actual`, `staff_total` as a path string; None for anything else."""
    if isinstance(node, ast.Name):
        return node.id if node.id.isascii() and node.id.islower() else None
    if isinstance(node, ast.Attribute):
        head = _path_of(node.value)
        return None if head is None or not node.attr.islower() else f"{head}.{node.attr}"
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and _is_index(node.slice.value):
        head = _path_of(node.value)
        return None if head is None or head.endswith("]") else f"{head}[{node.slice.value}]"
    return None


def _is_index(value: object) -> bool:
    """A list index a formula may write: a position (0 or more), or words an item's name contains."""
    if type(value) is int:
        return value >= 0
    if not isinstance(value, str) or not value or value != value.strip() or value.isdigit():
        return False
    return not set(value) & set("[].\"'")


def resolve(report: Report, path: str) -> Decimal | None:
    """The number at `path` in `report` (a list without an index sums its items); None if absent or empty."""
    return _resolve(report, _segments(path))


#: The attributes that name a list item, the first an item has (what `staff_lines[在职]` matches).
ITEM_NAMES = ("category", "name", "label", "title")


def _segments(path: str) -> list[tuple[str, int | str | None]]:
    out: list[tuple[str, int | str | None]] = []
    for part in path.split("."):
        name, _, index = part.partition("[")
        text = index.rstrip("]")
        out.append((name, (int(text) if text.isdigit() else text) if index else None))
    return out


def _item_name(item: Any) -> str:
    return next((str(getattr(item, attr)) for attr in ITEM_NAMES if hasattr(item, attr)), "")


def _resolve(target: Any, segments: list[tuple[str, int | str | None]]) -> Decimal | None:
    if not segments:
        if isinstance(target, bool) or not isinstance(target, int | Decimal):
            return None
        return Decimal(target)
    (name, index), rest = segments[0], segments[1:]
    value = target.get(name) if isinstance(target, dict) else getattr(target, name, None)
    if isinstance(value, list):
        if isinstance(index, str):
            value = [item for item in value if index in _item_name(item)]
            index = None
        if index is not None:
            return _resolve(value[index], rest) if index < len(value) else None
        if not value or not rest:
            return None
        parts = [_resolve(item, rest) for item in value]
        return None if any(part is None for part in parts) else sum(parts, Decimal(0))
    if index is not None:
        return None
    return _resolve(value, rest)


def _evaluate(node: ast.expr, values: dict[str, Decimal]) -> Decimal:
    if isinstance(node, ast.BinOp):
        left, right = _evaluate(node.left, values), _evaluate(node.right, values)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if right == 0:
            raise _ZeroDivisor(_path_of(node.right) or ast.unparse(node.right))
        return left / right
    if isinstance(node, ast.UnaryOp):
        return -_evaluate(node.operand, values)
    if isinstance(node, ast.Constant):
        return Decimal(str(node.value))
    path = _path_of(node)
    assert path is not None
    return values[path]


def _show(node: ast.expr, show: Any, parent: int = 0) -> str:
    """The tree written out again (× and ÷ for people), each path through `show`, brackets kept where needed."""
    if isinstance(node, ast.BinOp):
        rank = 1 if isinstance(node.op, ast.Add | ast.Sub) else 2
        right_rank = rank + 1 if isinstance(node.op, ast.Sub | ast.Div) else rank
        text = f"{_show(node.left, show, rank)} {_OPERATORS[type(node.op)]} {_show(node.right, show, right_rank)}"
        return f"({text})" if rank < parent else text
    if isinstance(node, ast.UnaryOp):
        return f"-{_show(node.operand, show, 3)}"
    if isinstance(node, ast.Constant):
        return format_number(Decimal(str(node.value)))
    path = _path_of(node)
    assert path is not None
    return show(path)
