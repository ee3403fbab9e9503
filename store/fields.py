"""Where each value of a report lives, what kind of value it is, and how typed text becomes it.

A field is named by a path: `unit_name`, `texts.preamble`, `figures.project_spent`,
`duties[3]`, `basic_lines[2].amount`, `results[4].indicators[1].target`,
`org_groups[0].bodies[2].plates`. Screens, checks and the store all use these paths, so a
finding can point at the very field that a screen shows and the store saves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from store.model import ECON_LISTS, FIGURE_KEYS, TEXT_KEYS, TEXT_LISTS, TITLED_LISTS
from store.parse import (
    InputError,
    clean_text,
    parse_amount,
    parse_count,
    parse_date,
    parse_number,
    parse_year,
)

_SEGMENT = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")
_PLATE_SEPARATORS = re.compile(r"[、,，;；/\n]+")

#: Figures that may be negative (a balance can be overdrawn); every other amount may not.
SIGNED_FIGURES = ("carried_in", "carried_out")


def split(path: str) -> list[tuple[str, int | None]]:
    """`results[4].indicators[1].target` → [("results", 4), ("indicators", 1), ("target", None)]."""
    out: list[tuple[str, int | None]] = []
    for part in path.split("."):
        match = _SEGMENT.fullmatch(part)
        if not match:
            raise KeyError(path)
        out.append((match[1], None if match[2] is None else int(match[2])))
    return out


def shape(path: str) -> str:
    """The path with its indices taken out: `results[4].indicators[1].target` → `results.indicators.target`."""
    return ".".join(name for name, _ in split(path))


def _line(text: str) -> str:
    return clean_text(text, multiline=False)


def _required_line(text: str) -> str:
    value = clean_text(text, multiline=False)
    if not value:
        raise InputError("required")
    return value


def _required_year(text: str) -> int:
    value = parse_year(text)
    if value is None:
        raise InputError("required")
    return value


def _required_amount(text: str) -> Decimal:
    value = parse_amount(text)
    if value is None:
        raise InputError("required")
    return value


def _required_count(text: str) -> int:
    value = parse_count(text)
    if value is None:
        raise InputError("required")
    return value


def parse_plates(text: str) -> list[str]:
    """Extra plates typed as one line: `行政审批服务办公室、退役军人服务站` → two plates."""
    return [part.strip() for part in _PLATE_SEPARATORS.split(clean_text(text)) if part.strip()]


#: kind name → (parser from typed text, Python type(s) the store accepts)
KINDS: dict[str, tuple[Callable[[str], Any], tuple[type, ...]]] = {
    "line": (_line, (str,)),
    "required_line": (_required_line, (str,)),
    "text": (clean_text, (str,)),
    "year": (_required_year, (int,)),
    "date": (parse_date, (date, type(None))),
    "count": (parse_count, (int, type(None))),
    "required_count": (_required_count, (int,)),
    "signed_count": (lambda text: parse_count(text, allow_negative=True), (int, type(None))),
    "amount": (parse_amount, (Decimal, type(None))),
    "required_amount": (_required_amount, (Decimal,)),
    "signed_amount": (lambda text: parse_amount(text, allow_negative=True), (Decimal, type(None))),
    "number": (parse_number, (Decimal, type(None))),
    "plates": (parse_plates, (list,)),
}

#: field shape → kind
FIELD_KINDS: dict[str, str] = {
    "unit_name": "required_line",
    "unit_short": "line",
    "fiscal_year": "year",
    "title": "required_line",
    "sign_unit": "line",
    "sign_date": "date",
    "staff_total": "count",
    "staff_change": "signed_count",
    "authorised_posts": "count",
    **{f"texts.{key}": "text" for key in TEXT_KEYS},
    **{f"figures.{key}": "signed_amount" if key in SIGNED_FIGURES else "amount" for key in FIGURE_KEYS},
    "org_groups.label": "line",
    "org_groups.bodies.name": "line",
    "org_groups.bodies.plates": "plates",
    "staff_lines.category": "line",
    "staff_lines.count": "required_count",
    **{name: "text" for name in TEXT_LISTS},
    **{f"{name}.category": "line" for name in ECON_LISTS},
    **{f"{name}.amount": "required_amount" for name in ECON_LISTS},
    "sangong.name": "line",
    "sangong.budget": "amount",
    "sangong.actual": "amount",
    "sangong.last_year": "amount",
    **{f"{name}.title": "line" for name in TITLED_LISTS},
    **{f"{name}.body": "text" for name in TITLED_LISTS},
    "results.indicators.name": "line",
    "results.indicators.target": "number",
    "results.indicators.actual": "number",
    "results.indicators.unit": "line",
}


def kind_of(path: str) -> str:
    """The kind of value at `path` (see KINDS); KeyError for a path that names no field."""
    return FIELD_KINDS[shape(path)]


def parse(path: str, text: str) -> Any:
    """What the person typed into the field at `path`, as the value the store keeps.

    Raises InputError with the reason when it cannot be read.
    """
    parser, _ = KINDS[kind_of(path)]
    return parser(text)


def accepts(path: str, value: Any) -> bool:
    """Whether `value` has the type the field at `path` holds."""
    _, types = KINDS[kind_of(path)]
    if isinstance(value, bool):
        return False
    return isinstance(value, types) and not (isinstance(value, list) and not all(isinstance(v, str) for v in value))
