"""A report as plain TOML-ready data and back: the exchange format between PCs.

`to_data` gives dicts, lists, str, int and date only (money as strings, so tomllib's floats
never touch it); `from_data` checks every value and raises `FormatError` naming the exact
place (`reports[0].basic_lines[2].amount`) and the reason. Unknown keys are refused too: a
file from a newer jixiao is not half-read.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from store import fields
from store.catalogue import message
from store.model import (
    DEFAULT_OUTLINE,
    ECON_LISTS,
    FIGURE_KEYS,
    SCALAR_FIELDS,
    TEXT_KEYS,
    TITLED_EFFICIENCY_OUTLINE,
    Body,
    EconLine,
    Indicator,
    ManualScore,
    OrgGroup,
    Report,
    SanGongItem,
    Source,
    StaffLine,
    TitledItem,
)
from store.outline import ids as outline_ids
from store.parse import InputError, clean_text, format_amount, format_number, parse_number
from store.yearly import markable_paths

FORMAT_NAME = "jixiao-report"
#: 2: a report names its outline and counts its key tasks (issue 12); files of version 1 read as before.
#: 3: the 2023 outline's 履职效能 points are titled (`efficiency`, issue 24); in a file of version 2 a
#: 2023 report's plain `efficiency_points` are read as those points' 内容.
FORMAT_VERSION = 3

#: The head of a place in the file that is not part of the field's path (`reports[0].`).
_REPORT_PREFIX = re.compile(r"^reports\[\d+\]\.?")
#: What TOML type each field kind is written as (store.fields.KINDS): amounts and values as strings,
#: so tomllib's floats never touch them; counts and years as integers; dates as dates.
_TOML_TYPES: dict[str, tuple[type, str]] = {
    **{kind: (str, "format.not_text") for kind in ("line", "required_line", "text", "outline", "day", "phone", "code")},
    **{kind: (int, "format.not_integer") for kind in ("count", "signed_count", "year")},
    **{kind: (str, "format.amount_not_string") for kind in ("amount", "signed_amount", "number")},
    "date": (date, "format.not_date"),
}


class FormatError(ValueError):
    """An exchange file that cannot be taken in; `where` is the path of the bad value.

    `code` is a catalogue key (a `format.` key, or the parser's own reason for a bad amount);
    `text(lang)` gives the reason, `reason` gives it in Chinese.
    """

    def __init__(self, where: str, code: str, **params: object) -> None:
        self.where = where
        self.code = code
        self.params = params
        super().__init__(f"{where}: {self.reason}" if where else self.reason)

    @property
    def reason(self) -> str:
        """The reason in Chinese."""
        return self.text("zh")

    def text(self, lang: str = "zh") -> str:
        """The reason in the given language, without the place."""
        return message(self.code, lang, **self.params)


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None and value != ""}


def _items(items: list[TitledItem]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        entry: dict[str, Any] = {"title": item.title, "body": item.body}
        if item.indicators:
            entry["indicators"] = [
                _drop_none(
                    {
                        "name": ind.name,
                        "target": format_number(ind.target) or None,
                        "actual": format_number(ind.actual) or None,
                        "unit": ind.unit,
                    }
                )
                for ind in item.indicators
            ]
        out.append(entry)
    return out


def _figure(value: Decimal | int | None) -> str | int | None:
    """A figure as the exchange file holds it: an amount as a string ("1610.68"), a count as an integer."""
    if value is None or isinstance(value, int):
        return value
    return format_amount(value)


def report_to_data(report: Report) -> dict[str, Any]:
    """The report as plain data, keys in a fixed order so a dump is byte-stable."""
    head = _drop_none(
        {
            "unit_name": report.unit_name,
            "unit_short": report.unit_short,
            "fiscal_year": report.fiscal_year,
            "title": report.title,
            "sign_unit": report.sign_unit,
            "sign_date": report.sign_date,
            "staff_total": report.staff_total,
            "staff_change": report.staff_change,
            "authorised_posts": report.authorised_posts,
            "outline": report.outline,
            "key_tasks_planned": report.key_tasks_planned,
            "key_tasks_done": report.key_tasks_done,
            "created_at": report.created_at,
            "updated_at": report.updated_at,
        }
    )
    # Narrative blocks always (an empty one says so); a single line (预算编码, 联系人…) only once filled in.
    head["texts"] = {
        key: report.texts.get(key, "")
        for key in TEXT_KEYS
        if report.texts.get(key) or fields.kind_of(f"texts.{key}") == "text"
    }
    head["figures"] = _drop_none({key: _figure(report.figures.get(key)) for key in FIGURE_KEYS})
    head["org_groups"] = [
        {"label": g.label, "bodies": [{"name": b.name, "plates": list(b.plates)} for b in g.bodies]}
        for g in report.org_groups
    ]
    head["staff_lines"] = [
        {"category": s.category, **({} if s.count is None else {"count": s.count})} for s in report.staff_lines
    ]
    head["duties"] = list(report.duties)
    for name in ("basic_lines", "project_lines"):
        head[name] = [
            {"category": line.category, **({} if line.amount is None else {"amount": format_amount(line.amount)})}
            for line in getattr(report, name)
        ]
    head["sangong"] = [
        _drop_none(
            {
                "name": item.name,
                "budget": format_amount(item.budget) or None,
                "actual": format_amount(item.actual) or None,
                "last_year": format_amount(item.last_year) or None,
            }
        )
        for item in report.sangong
    ]
    head["assets"] = _items(report.assets)
    head["efficiency_points"] = list(report.efficiency_points)
    if report.efficiency:  # the 2023 outline's only: a 2019 report's file need not say it has none
        head["efficiency"] = _items(report.efficiency)
    head["results"] = _items(report.results)
    head["problems"] = list(report.problems)
    head["remedies"] = list(report.remedies)
    if report.copied:
        head["copied"] = sorted(report.copied, key=fields.order_key)
    if report.sources:
        head["sources"] = [
            _drop_none(
                {
                    "path": path,
                    "cell": cell,
                    "basis": basis or None,
                    "value": None if value is None else format_amount(value),
                }
            )
            for path, (cell, basis, value) in sorted(report.sources.items(), key=lambda item: fields.order_key(item[0]))
        ]
    if report.score_system or report.manual_scores:
        head["scoring"] = _scoring_to_data(report)
    if report.unplaced:
        head["unplaced"] = list(report.unplaced)
    return head


def _scoring_to_data(report: Report) -> dict[str, Any]:
    """The 自评表 part: the chosen system and, per system and indicator, the entered score and reason."""
    data: dict[str, Any] = _drop_none({"system": report.score_system})
    data["manual"] = {
        system: {
            indicator: _drop_none({"score": format_number(entry.score) or None, "reason": entry.reason})
            for indicator, entry in sorted(entries.items())
        }
        for system, entries in sorted(report.manual_scores.items())
    }
    return data


def reports_to_data(reports: list[Report]) -> dict[str, Any]:
    """A whole exchange file: a format header and the reports."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "reports": [report_to_data(report) for report in reports],
    }


class _Reader:
    """Walks plain data, checking each value's type and recording where it is."""

    def __init__(self, data: Any, where: str) -> None:
        self.data = data
        self.where = where

    def fail(self, code: str, key: str | int | None = None, **params: object) -> FormatError:
        return FormatError(self._at(key), code, **params)

    def _at(self, key: str | int | None) -> str:
        if key is None:
            return self.where
        if isinstance(key, int):
            return f"{self.where}[{key}]"
        return f"{self.where}.{key}" if self.where else key

    def table(self, allowed: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(self.data, dict):
            raise self.fail("format.not_table")
        unknown = [key for key in self.data if key not in allowed]
        if unknown:
            raise self.fail("format.unknown_key", unknown[0], name=unknown[0])
        return self.data

    def child(self, key: str | int, default: Any = None) -> _Reader:
        value = self.data.get(key, default) if isinstance(key, str) else self.data[key]
        return _Reader(value, self._at(key))

    def text(self, key: str, *, required: bool = False, multiline: bool = True) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail("format.missing", key)
            return ""
        if not isinstance(value, str):
            raise self.fail("format.not_text", key)
        return clean_text(value, multiline=multiline)

    def field(self, key: str, *, required: bool = False, like: str | None = None) -> Any:
        """The value at `key`, read by the very parser and limits of the report field it fills.

        A count or year (a TOML integer) and a date (a TOML date) are turned back into the text a
        person would type and go through `store.fields.parse`, as the field's screen does: so the
        file can hold nothing the form would refuse (a negative count, a year 9999, a count too
        large for the database, `-0`). A TOML date-time is refused for a date: the report is signed
        on a day, and which day a time with an offset falls on depends on where it is read.
        `like` names the field shape whose rules apply where the place has no field of its own.
        """
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail("format.missing", key)
            return None
        path = _REPORT_PREFIX.sub("", self._at(key))
        kind = fields.kind_of(like or path)
        toml_type, wrong_type = _TOML_TYPES[kind]
        if isinstance(value, bool) or not isinstance(value, toml_type):
            raise self.fail(wrong_type, key)
        if isinstance(value, datetime):
            raise self.fail("format.datetime", key)
        try:
            parsed = fields.parse(like or path, value.isoformat() if isinstance(value, date) else str(value))
        except InputError as error:
            raise self.fail(error.code, key, **error.params) from None
        if required and parsed in (None, ""):
            raise self.fail("format.missing", key)
        return parsed

    def number(self, key: str) -> Decimal | None:
        """An entered score: a quoted string, read as the 自评表's cell reads a value."""
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail("format.amount_not_string", key)
        try:
            return parse_number(value)
        except InputError as error:
            raise self.fail(error.code, key, **error.params) from None

    def each(self, key: str) -> list[_Reader]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self.fail("format.not_list", key)
        return [_Reader(item, f"{self._at(key)}[{i}]") for i, item in enumerate(value)]

    def strings(self, key: str) -> list[str]:
        out = []
        for entry in self.each(key):
            if not isinstance(entry.data, str):
                raise entry.fail("format.not_text")
            out.append(clean_text(entry.data))
        return out


_REPORT_KEYS = (
    *SCALAR_FIELDS,
    "created_at",
    "updated_at",
    "texts",
    "figures",
    "org_groups",
    "staff_lines",
    "duties",
    *ECON_LISTS,
    "sangong",
    "assets",
    "efficiency_points",
    "efficiency",
    "results",
    "problems",
    "remedies",
    "copied",
    "sources",
    "scoring",
    "unplaced",
)


def _titled(reader: _Reader, key: str) -> list[TitledItem]:
    items = []
    for entry in reader.each(key):
        entry.table(("title", "body", "indicators"))
        indicators = []
        for ind in entry.each("indicators"):
            ind.table(("name", "target", "actual", "unit"))
            like = {name: f"results.indicators.{name}" for name in ("name", "target", "actual", "unit")}
            indicators.append(
                Indicator(
                    name=ind.field("name", required=True, like=like["name"]),
                    target=ind.field("target", like=like["target"]),
                    actual=ind.field("actual", like=like["actual"]),
                    unit=ind.field("unit", like=like["unit"]) or "",
                )
            )
        items.append(
            TitledItem(title=entry.field("title") or "", body=entry.field("body") or "", indicators=indicators)
        )
    return items


def report_from_data(reader: _Reader, version: int = FORMAT_VERSION) -> Report:
    """One report from plain data of format `version`, every value checked."""
    reader.table(_REPORT_KEYS)
    year = reader.field("fiscal_year", required=True)
    report = Report(unit_name=reader.field("unit_name", required=True), fiscal_year=year)
    report.unit_short = reader.field("unit_short") or ""
    report.title = reader.field("title") or report.title
    report.sign_unit = reader.field("sign_unit") or ""
    report.sign_date = reader.field("sign_date")
    for key in ("staff_total", "staff_change", "authorised_posts", "key_tasks_planned", "key_tasks_done"):
        setattr(report, key, reader.field(key))
    report.outline = reader.text("outline", multiline=False) or DEFAULT_OUTLINE
    if report.outline not in outline_ids():
        raise reader.fail("format.unknown_outline", "outline")
    report.created_at = reader.text("created_at", multiline=False)
    report.updated_at = reader.text("updated_at", multiline=False)
    texts = reader.child("texts", {})
    texts.table(TEXT_KEYS)
    report.texts = {key: texts.field(key) or "" for key in TEXT_KEYS}
    figures = reader.child("figures", {})
    figures.table(FIGURE_KEYS)
    report.figures = {key: figures.field(key) for key in FIGURE_KEYS}
    for group in reader.each("org_groups"):
        group.table(("label", "bodies"))
        bodies = []
        for body in group.each("bodies"):
            body.table(("name", "plates"))
            bodies.append(Body(name=body.field("name", required=True), plates=body.strings("plates")))
        report.org_groups.append(OrgGroup(label=group.field("label") or "", bodies=bodies))
    for line in reader.each("staff_lines"):
        line.table(("category", "count"))
        report.staff_lines.append(StaffLine(category=line.field("category") or "", count=line.field("count")))
    report.duties = reader.strings("duties")
    for name in ("basic_lines", "project_lines"):
        lines = []
        for line in reader.each(name):
            line.table(("category", "amount"))
            lines.append(EconLine(category=line.field("category") or "", amount=line.field("amount")))
        setattr(report, name, lines)
    for item in reader.each("sangong"):
        item.table(("name", "budget", "actual", "last_year"))
        report.sangong.append(
            SanGongItem(
                name=item.field("name", required=True),
                budget=item.field("budget"),
                actual=item.field("actual"),
                last_year=item.field("last_year"),
            )
        )
    report.assets = _titled(reader, "assets")
    report.efficiency_points = reader.strings("efficiency_points")
    report.efficiency = _titled(reader, "efficiency")
    report.results = _titled(reader, "results")
    report.problems = reader.strings("problems")
    report.remedies = reader.strings("remedies")
    renamed = _titled_efficiency(report) if version < 3 else {}
    report.copied = _copied(reader, report, renamed)
    report.sources = _sources(reader, report)
    _scoring_from_data(reader.child("scoring", {}), report)
    report.unplaced = reader.strings("unplaced")
    return report


def _titled_efficiency(report: Report) -> dict[str, str]:
    """A 2023 report of a version-2 file: its plain 履职效能 points become titled ones, each text their 内容.

    The old points are sentences, and a 标题 is a short heading (a sentence typed as one was the
    mistake issue 24 saw), so each text goes whole into 内容 and the 标题 stays to be written;
    the same as schema.m008_efficiency does in a report file. Returns the renamed copied marks.
    """
    if report.outline != TITLED_EFFICIENCY_OUTLINE:
        return {}
    report.efficiency += [TitledItem("", point) for point in report.efficiency_points]
    renamed = {f"efficiency_points[{i}]": f"efficiency[{i}].body" for i in range(len(report.efficiency_points))}
    report.efficiency_points = []
    return renamed


def _copied(reader: _Reader, report: Report, renamed: dict[str, str]) -> set[str]:
    """The paths marked as copied from last year's report (`renamed` as the report now names them);
    each must name a block or item the report has."""
    allowed = set(markable_paths(report))
    marks = set()
    for entry in reader.each("copied"):
        if not isinstance(entry.data, str):
            raise entry.fail("format.not_text")
        path = renamed.get(entry.data, entry.data)
        if path not in allowed:
            raise entry.fail("format.bad_copied", path=entry.data)
        marks.add(path)
    return marks


def _sources(reader: _Reader, report: Report) -> dict[str, Source]:
    """Where imported figures came from (issue 22): each path must name a figure the report has;
    `value` (the workbook's, 万元) is read as the figure itself would be."""
    found: dict[str, Source] = {}
    for entry in reader.each("sources"):
        entry.table(("path", "cell", "basis", "value"))
        path = entry.text("path", required=True, multiline=False)
        if not _is_figure(report, path):
            raise entry.fail("format.bad_source", "path", path=path)
        cell, basis = entry.text("cell", required=True, multiline=False), entry.text("basis", multiline=False)
        found[path] = Source(cell, basis, entry.field("value", like=path))
    return found


def _is_figure(report: Report, path: str) -> bool:
    """Whether `path` names an amount of the report (`figures.spent`, `basic_lines[0].amount`, `sangong[1].actual`)."""
    try:
        segments = fields.split(path)
    except (ValueError, IndexError):
        return False
    if len(segments) == 2 and segments[0] == ("figures", None):
        return segments[1][0] in report.figures and segments[1][1] is None
    if len(segments) != 2 or segments[1][1] is not None or segments[0][1] is None:
        return False
    (name, index), (column, _) = segments
    allowed = {"basic_lines": ("amount",), "project_lines": ("amount",), "sangong": ("budget", "actual")}
    return column in allowed.get(name, ()) and 0 <= index < len(getattr(report, name))


def _scoring_from_data(reader: _Reader, report: Report) -> None:
    """The 自评表 part back; a score above its indicator's weight (in a known system) is refused."""
    from store.scoring import check_manual_score, load_systems

    reader.table(("system", "manual"))
    report.score_system = reader.text("system", multiline=False)
    manual = reader.child("manual", {})
    systems = load_systems()[0] if manual.data else {}
    for system in manual.table(tuple(manual.data)):
        entries = manual.child(system)
        for indicator in entries.table(tuple(entries.data)):
            entry = entries.child(indicator)
            entry.table(("score", "reason"))
            value = entry.number("score")
            known = systems.get(system)
            if value is not None and known is not None and indicator in {i.id for i in known.indicators}:
                try:
                    check_manual_score(value, known.indicator(indicator))
                except InputError as error:
                    raise entry.fail(error.code, "score", **error.params) from None
            reason = entry.text("reason", multiline=False)
            report.manual_scores.setdefault(system, {})[indicator] = ManualScore(value, reason)


def reports_from_data(data: Any) -> list[Report]:
    """Every report of an exchange file; refuses a foreign or newer file before reading any."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise FormatError("format", "format.foreign", name=FORMAT_NAME)
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise FormatError("format_version", "format.no_version")
    if version > FORMAT_VERSION:
        raise FormatError("format_version", "format.newer", version=version, ours=FORMAT_VERSION)
    top = _Reader(data, "")
    top.table(("format", "format_version", "reports"))
    return [report_from_data(entry, version) for entry in top.each("reports")]
