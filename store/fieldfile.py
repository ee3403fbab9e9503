"""The fields file, store/fields.toml: every single-valued field of a report, defined once.

Each entry names a field by its path and says its kind, unit, labels (zh/en), help, its row in
附表1, its place in the 基础数据表, the words a document names it by (for the importer), and what
next year's report does with it. The model's key lists (FIGURE_KEYS, TEXT_KEYS, SCALAR_FIELDS),
the field kinds and labels (store/fields.py, the catalogue), the composer's 附表1, the forms, the
importer's label patterns and the screens all read it from here. The file also lists the
基础数据表's sections and its 三公 items.

Read once (`load`), and checked as it is read: a malformed entry is refused with a
`FieldsError` naming the file and the key. This module imports nothing of the store, so the
model can take its key lists from it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "KINDS",
    "Appendix",
    "Field",
    "Fields",
    "FieldsError",
    "FormPlace",
    "SanGongKind",
    "Section",
    "load",
    "parse",
]

#: The file as it ships, and how errors name it.
SOURCE = "store/fields.toml"

#: The kinds a field may have (store/fields.py KINDS gives each its parser).
KINDS = frozenset(
    {
        "amount",
        "signed_amount",
        "count",
        "signed_count",
        "number",
        "text",
        "line",
        "required_line",
        "year",
        "date",
        "day",
        "phone",
        "code",
        "outline",
    }
)
#: The kinds a figure (`figures.*`, kept in the figures table) may have: numbers only.
FIGURE_KINDS = frozenset({"amount", "signed_amount", "count", "signed_count"})
#: The kinds a `texts.*` field (kept in the texts table as text) may have.
TEXT_KINDS = frozenset({"text", "line", "day", "phone", "code"})
#: The value columns of the 基础数据表, by the name a field's `form.column` gives.
COLUMNS = ("budget", "actual", "last")
#: What next year's report does with a field (`from:<key>` besides).
NEXT_YEAR = frozenset({"blank", "keep", "copy"})

_FIELD_KEYS = frozenset({"key", "kind", "unit", "zh", "en", "help", "appendix", "form", "import", "next_year"})
_APPENDIX_KEYS = frozenset({"row", "label", "always"})
_FORM_KEYS = frozenset({"section", "row", "column", "label", "indent"})
_SECTION_KEYS = frozenset({"id", "title", "columns", "order"})
_SANGONG_KEYS = frozenset({"id", "zh", "import", "parent"})
_PATH = re.compile(r"(?:(figures|texts)\.)?([a-z][a-z0-9_]*)")


class FieldsError(ValueError):
    """A fields file that does not have the shape store/fields.toml describes; names the file and the key."""

    def __init__(self, source: str, where: str, why: str) -> None:
        super().__init__(f"{source}: {where}: {why}")
        self.source, self.where, self.why = source, where, why


@dataclass(frozen=True)
class Appendix:
    """A figure's row in 附表1 收支情况表: its place, its words there, and whether it prints when blank."""

    row: int
    label: str
    always: bool = False


@dataclass(frozen=True)
class FormPlace:
    """A field's cell in the 基础数据表: section, row id, value column, the row's words, indent."""

    section: str
    row: str
    column: str
    label: str
    indent: int = 0


@dataclass(frozen=True)
class Field:
    """One single-valued field of a report, as the fields file defines it."""

    key: str
    kind: str
    zh: str
    en: str
    unit: str = ""
    help: str = ""
    appendix: Appendix | None = None
    form: FormPlace | None = None
    words: tuple[str, ...] = ()
    next_year: str = "keep"

    @property
    def group(self) -> str:
        """ "figures", "texts", or "" for a column of the reports table."""
        return self.key.partition(".")[0] if "." in self.key else ""

    @property
    def name(self) -> str:
        """The key without its group: `figures.spent` → "spent"."""
        return self.key.rpartition(".")[2]

    def label(self, lang: str = "zh") -> str:
        """The field's label in `lang` (Chinese unless English is asked for and given)."""
        return self.en if lang == "en" and self.en else self.zh


@dataclass(frozen=True)
class Section:
    """A section of the 基础数据表: id, title (numbered when printed), value-column headings, row order."""

    id: str
    title: str
    columns: tuple[str, str, str]
    order: tuple[str, ...] = ()


@dataclass(frozen=True)
class SanGongKind:
    """A 三公 item of the 基础数据表 and the words that find a report's 三公 line for it."""

    id: str
    zh: str
    words: tuple[str, ...]
    parent: str = ""

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{word})" for word in self.words))


@dataclass(frozen=True)
class Fields:
    """The whole file: fields in file order, the 基础数据表's sections and its 三公 items."""

    fields: tuple[Field, ...]
    sections: tuple[Section, ...]
    sangong: tuple[SanGongKind, ...]

    def keys(self, group: str) -> tuple[str, ...]:
        """The names of one group's fields in file order: `keys("figures")` → ("budget_approved", …)."""
        return tuple(f.name for f in self.fields if f.group == group)

    def get(self, key: str) -> Field | None:
        """The field at path `key`, or None."""
        return self._by_key.get(key)

    @property
    def _by_key(self) -> dict[str, Field]:
        found = self.__dict__.get("_index")
        if found is None:
            found = {f.key: f for f in self.fields}
            object.__setattr__(self, "_index", found)
        return found


def _fail(source: str, where: str, why: str) -> FieldsError:
    return FieldsError(source, where, why)


def _only(data: Any, allowed: frozenset[str], source: str, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _fail(source, where, "should be a table")
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise _fail(source, f"{where}.{unknown[0]}", "unknown key")
    return data


def _text(data: dict[str, Any], name: str, source: str, where: str, *, required: bool = True) -> str:
    value = data.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(source, f"{where}.{name}", "should be non-empty text")
    return value


def _words(data: dict[str, Any], name: str, source: str, where: str) -> tuple[str, ...]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(word, str) and word for word in value):
        raise _fail(source, f"{where}.{name}", "should be a list of regular expressions")
    for word in value:
        try:
            re.compile(word)
        except re.error as error:
            raise _fail(source, f"{where}.{name}", f"{word!r} is not a regular expression: {error}") from None
    return tuple(value)


def _field(data: Any, source: str, where: str) -> Field:
    data = _only(data, _FIELD_KEYS, source, where)
    key = _text(data, "key", source, where)
    where = f"field {key}"
    match = _PATH.fullmatch(key)
    if not match:
        raise _fail(source, f"{where}.key", "should be a path: name, figures.name or texts.name")
    kind = _text(data, "kind", source, where)
    if kind not in KINDS:
        raise _fail(source, f"{where}.kind", f"unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
    group = match[1] or ""
    allowed = {"figures": FIGURE_KINDS, "texts": TEXT_KINDS}.get(group)
    if allowed is not None and kind not in allowed:
        raise _fail(source, f"{where}.kind", f"a {group} field cannot be of kind {kind!r}")
    default_next = "blank" if group == "figures" else "copy" if group == "texts" else "keep"
    next_year = data.get("next_year", default_next)
    if not isinstance(next_year, str) or (next_year not in NEXT_YEAR and not next_year.startswith("from:")):
        raise _fail(source, f"{where}.next_year", "should be blank, keep, copy or from:<key>")
    zh = _text(data, "zh", source, where)
    appendix = None
    if "appendix" in data:
        spec = _only(data["appendix"], _APPENDIX_KEYS, source, f"{where}.appendix")
        row = spec.get("row")
        if not isinstance(row, int) or isinstance(row, bool) or row < 1:
            raise _fail(source, f"{where}.appendix.row", "should be a whole number from 1")
        if group != "figures":
            raise _fail(source, f"{where}.appendix", "only figures have a row in 附表1")
        label = _text(spec, "label", source, f"{where}.appendix", required=False) or zh
        appendix = Appendix(row, label, bool(spec.get("always", False)))
    form = None
    if "form" in data:
        spec = _only(data["form"], _FORM_KEYS, source, f"{where}.form")
        column = _text(spec, "column", source, f"{where}.form")
        if column not in COLUMNS:
            raise _fail(source, f"{where}.form.column", f"should be one of {', '.join(COLUMNS)}")
        indent = spec.get("indent", 0)
        if not isinstance(indent, int) or isinstance(indent, bool) or not 0 <= indent <= 12:
            raise _fail(source, f"{where}.form.indent", "should be a whole number from 0 to 12")
        form = FormPlace(
            section=_text(spec, "section", source, f"{where}.form"),
            row=_text(spec, "row", source, f"{where}.form", required=False) or match[2],
            column=column,
            label=_text(spec, "label", source, f"{where}.form", required=False),
            indent=indent,
        )
    return Field(
        key=key,
        kind=kind,
        zh=zh,
        en=_text(data, "en", source, where),
        unit=_text(data, "unit", source, where, required=False),
        help=_text(data, "help", source, where, required=False),
        appendix=appendix,
        form=form,
        words=_words(data, "import", source, where),
        next_year=next_year,
    )


def _section(data: Any, source: str, index: int) -> Section:
    where = f"section[{index}]"
    data = _only(data, _SECTION_KEYS, source, where)
    section_id = _text(data, "id", source, where)
    where = f"section {section_id}"
    columns = data.get("columns")
    if not isinstance(columns, list) or len(columns) != len(COLUMNS) or not all(isinstance(c, str) for c in columns):
        raise _fail(source, f"{where}.columns", f'should be {len(COLUMNS)} headings ("" for an unused column)')
    order = data.get("order", [])
    if not isinstance(order, list) or not all(isinstance(row, str) and row for row in order):
        raise _fail(source, f"{where}.order", "should be a list of row ids")
    return Section(section_id, _text(data, "title", source, where), (columns[0], columns[1], columns[2]), tuple(order))


def _sangong(data: Any, source: str, index: int) -> SanGongKind:
    where = f"sangong[{index}]"
    data = _only(data, _SANGONG_KEYS, source, where)
    item_id = _text(data, "id", source, where)
    where = f"sangong {item_id}"
    words = _words(data, "import", source, where)
    if not words:
        raise _fail(source, f"{where}.import", "should name at least one word")
    parent = _text(data, "parent", source, where, required=False)
    return SanGongKind(item_id, _text(data, "zh", source, where), words, parent)


def parse(text: str, source: str = SOURCE) -> Fields:
    """A fields file's text as `Fields`, every entry checked; FieldsError naming `source` and the key if not."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _fail(source, "file", f"not TOML: {error}") from None
    data = _only(data, frozenset({"field", "section", "sangong"}), source, "file")
    entries = data.get("field", [])
    if not isinstance(entries, list):
        raise _fail(source, "field", "should be a list of [[field]] tables")
    found = [_field(entry, source, f"field[{i}]") for i, entry in enumerate(entries)]
    seen: set[str] = set()
    for entry in found:
        if entry.key in seen:
            raise _fail(source, f"field {entry.key}", "defined twice")
        seen.add(entry.key)
    for entry in found:
        if entry.next_year.startswith("from:") and entry.next_year[5:] not in seen:
            raise _fail(source, f"field {entry.key}.next_year", f"no field {entry.next_year[5:]}")
    sections = tuple(_section(entry, source, i) for i, entry in enumerate(data.get("section", [])))
    section_ids = {section.id for section in sections}
    if len(section_ids) != len(sections):
        raise _fail(source, "section", "two sections with the same id")
    for entry in found:
        if entry.form is not None and entry.form.section not in section_ids:
            raise _fail(source, f"field {entry.key}.form.section", f"no section {entry.form.section!r}")
    rows = [(entry.form.section, entry.form.row, entry.form.column) for entry in found if entry.form is not None]
    for place in rows:
        if rows.count(place) > 1:
            raise _fail(source, f"section {place[0]}", f"two fields in row {place[1]!r}, column {place[2]!r}")
    sangong = tuple(_sangong(entry, source, i) for i, entry in enumerate(data.get("sangong", [])))
    ids = {item.id for item in sangong}
    for item in sangong:
        if item.parent and item.parent not in ids:
            raise _fail(source, f"sangong {item.id}.parent", f"no item {item.parent!r}")
    rows_of = [entry.appendix.row for entry in found if entry.appendix is not None]
    if len(set(rows_of)) != len(rows_of):
        raise _fail(source, "appendix.row", "two figures in the same row of 附表1")
    return Fields(tuple(found), sections, sangong)


@cache
def load() -> Fields:
    """The shipped store/fields.toml, read and checked once."""
    return parse(resources.files("store").joinpath("fields.toml").read_text(encoding="utf-8"))
