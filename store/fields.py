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
from functools import cache
from typing import Any

from store import fieldfile
from store import outline as outlines
from store.catalogue import message
from store.model import ECON_LISTS, TEXT_LISTS, TITLED_LISTS, Report
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

#: A telephone number: digits with the separators people write (0731-8888 8888, (0731)88888888, 转 12).
_PHONE = re.compile(r"[+]?[\d()（）\- ]{3,}(?:(?:转|-|ext\.?)\s*\d{1,6})?", re.IGNORECASE)
#: A budget code (预算编码): letters, digits, points and hyphens.
_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.\-]{0,39}")


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


def _outline_id(text: str) -> str:
    value = clean_text(text, multiline=False).strip()
    if value not in outlines.ids():
        raise InputError("unknown_outline", known="、".join(outlines.ids()))
    return value


def _day(text: str) -> str:
    """A date kept as text (`texts.filled_date`): "2020-09-21", or "" when blank."""
    value = parse_date(text)
    return "" if value is None else value.isoformat()


def _phone(text: str) -> str:
    """A telephone number as typed (full-width digits made plain); refused when it holds other words."""
    value = clean_text(text, multiline=False).strip().translate(_FULL_WIDTH)
    if value and not _PHONE.fullmatch(value):
        raise InputError("not_a_phone", text=text.strip())
    return value


def _code(text: str) -> str:
    """A budget code (预算编码) as typed, full-width letters and digits made plain."""
    value = clean_text(text, multiline=False).strip().translate(_FULL_WIDTH)
    if value and not _CODE.fullmatch(value):
        raise InputError("not_a_code", text=text.strip())
    return value


_FULL_WIDTH = {0xFF01 + i: 0x21 + i for i in range(94)} | {0x3000: 0x20}


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
    "signed_count": (lambda text: parse_count(text, allow_negative=True), (int, type(None))),
    "amount": (parse_amount, (Decimal, type(None))),
    "signed_amount": (lambda text: parse_amount(text, allow_negative=True), (Decimal, type(None))),
    "number": (parse_number, (Decimal, type(None))),
    "plates": (parse_plates, (list,)),
    "outline": (_outline_id, (str,)),
    "day": (_day, (str,)),
    "phone": (_phone, (str,)),
    "code": (_code, (str,)),
}

#: field shape → kind: the single-valued fields from store/fields.toml, then the lists' parts.
FIELD_KINDS: dict[str, str] = {
    **{entry.key: entry.kind for entry in fieldfile.load().fields},
    "org_groups.label": "line",
    "org_groups.bodies.name": "line",
    "org_groups.bodies.plates": "plates",
    "staff_lines.category": "line",
    "staff_lines.count": "count",
    **{name: "text" for name in TEXT_LISTS},
    **{f"{name}.category": "line" for name in ECON_LISTS},
    **{f"{name}.amount": "amount" for name in ECON_LISTS},
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


def _budget_name(key: str) -> str:
    entry = fieldfile.load().get(f"figures.{key}_income")
    assert entry is not None, f"store/fields.toml has no figures.{key}_income"
    return entry.zh.removesuffix("收入")


#: The four budgets (四本预算) by key prefix, in the order the 决算 forms list them, each named as its
#: income figure is named in store/fields.toml, less 收入 (一般公共预算收入 → 一般公共预算).
FOUR_BUDGETS: tuple[tuple[str, str], ...] = tuple(
    (key, _budget_name(key)) for key in ("general", "fund", "capital", "social")
)


def unit_of(path: str) -> str:
    """The unit the field at `path` is entered in (万元, 人, 辆…), "" for words or a list's parts."""
    entry = fieldfile.load().get(shape(path))
    return entry.unit if entry is not None else ""


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


# --- where a field sits in the printed report, and what a person calls it ------------------

#: Segments that only group named values (`texts.preamble`, `figures.spent`): no label of their own.
_CONTAINERS = ("texts", "figures")

#: Shapes that are lists; an item is called by its position (`field.<shape>.item`).
LISTS: tuple[str, ...] = (
    "org_groups",
    "org_groups.bodies",
    "staff_lines",
    *TEXT_LISTS,
    *ECON_LISTS,
    "sangong",
    *TITLED_LISTS,
    "results.indicators",
)

#: The report's parts in print order for the default outline (their names: `section_label`), each
#: with the shapes it holds in print order; every outline's come from its file (store/outline.py). A
#: list's own shape stands for the whole list (`project_lines`: the breakdown as a whole, i.e. its total).
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = outlines.load().sections()


#: Shapes no outline prints (kept beside the report, not in it: 未归类, issue 13) and the message naming each.
UNPRINTED: dict[str, str] = {"unplaced": "section.unplaced"}


@cache
def _index(outline: str) -> tuple[dict[str, str], dict[str, int]]:
    """For one outline: shape → the key of the part printing it, and shape → its place in print order."""
    section_of = {shape: key for key, shapes in outlines.load(outline).sections() for shape in shapes}
    return section_of, {shape: position for position, shape in enumerate(section_of)}


#: Attributes that name a list item, tried in this order (staff and econ lines, 三公, points, groups).
_NAME_ATTRS = ("category", "name", "title", "label")


def section_of(path: str, outline: str = outlines.DEFAULT) -> str:
    """The key of the part of `outline` that prints `path` (`figures.spent` → "budget").

    Its name, as the report heads it, is `section_label(path, lang)`. KeyError for a path
    that names no field, or one this outline does not show.
    """
    return _index(outline)[0][shape(path)]


def section_label(path: str, lang: str = "zh", outline: str = outlines.DEFAULT) -> str:
    """The heading under which `path` is printed, numbered as printed: "一、部门概况（二）年度预算收支".

    A field the outline does not show (kept from another outline) is named by the message
    `section.elsewhere`.
    """
    key = _index(outline)[0].get(shape(path))
    if key is None:
        if shape(path) not in LISTS:
            kind_of(path)  # KeyError for a path that names no field
        return message(UNPRINTED.get(shape(path), "section.elsewhere"), lang)
    return outlines.load(outline).label(key, lang)


def label(path: str, lang: str = "zh", item: str = "") -> str:
    """The short name of the field at `path`, as a form or the checks panel shows it.

    List items are named by position, followed by `item` (the item's own name, see
    `item_name`) when known: `basic_lines[2].amount` → "第3行 对个人和家庭的补助 金额", or
    "第3行 金额" without it. A whole list names what it adds up to: `project_lines` →
    "项目支出明细合计". KeyError for a path that names nothing in the report.
    """
    segments = split(path)
    if shape(path) not in FIELD_KINDS and shape(path) not in LISTS:
        raise KeyError(path)
    innermost = max((i for i, (_, index) in enumerate(segments) if index is not None), default=-1)
    words: list[str] = []
    prefix = ""
    for i, (name, index) in enumerate(segments):
        prefix = f"{prefix}.{name}" if prefix else name
        if prefix in _CONTAINERS:
            continue
        if index is None:
            words.append(message(f"field.{prefix}", lang))
            continue
        words.append(message(f"field.{prefix}.item", lang, n=index + 1))
        if i == innermost and item:
            words.append(item)
    return " ".join(words)


def item_name(report: Report, path: str) -> str:
    """The name `report` gives the innermost list item on `path` (its category, name or title).

    "" when the path holds no list item, the item is a plain paragraph, or it is out of range.
    """
    target: Any = report
    for name, index in split(path):
        if index is None:
            break
        items = getattr(target, name)
        if index >= len(items):
            return ""
        target = items[index]
    if target is report or isinstance(target, str):
        return ""
    return next((getattr(target, attr) for attr in _NAME_ATTRS if hasattr(target, attr)), "")


def order_key(path: str, outline: str = outlines.DEFAULT) -> tuple[int, ...]:
    """Sorts paths in the order `outline` prints them (list items by position, a whole list first).

    Fields the outline does not show come after every field it shows.
    """
    order = _index(outline)[1]
    key: list[int] = []
    prefix = ""
    for name, index in split(path):
        prefix = f"{prefix}.{name}" if prefix else name
        if prefix in FIELD_KINDS or prefix in LISTS:
            key += (order.get(prefix, len(order)), -1 if index is None else index)
    return tuple(key)
