"""The yearly cycle: next year's report made from last year's, and last year's found beside this one.

An officer starts each year from last year's report. `next_report` keeps what usually stays
(the organisation, staff categories, posts, duties, 三公 items, economic categories, results
and their targets, problems, remedies and every narrative block) and blanks what is measured
anew (counts, amounts, actuals, the signing date), except the two figures that are last
year's by definition: 上年结余 is last year's 本年结余, and each 三公 item's 上年实际数 is
last year's 实际数. What becomes of each single-valued field is its `next_year` in
store/fields.toml (blank, keep, copy with a mark, or from:<key> of last year), so a field added
there follows without a change here: a new figure starts blank, a new narrative block is copied
and marked, 预算编码 and 联系人 are kept, 填报日期 starts blank.

Every copied narrative block and list item is marked (`Report.copied`) until it is edited;
years quoted in such prose (2019年) are offered for update (`year_mentions`,
`bring_years_forward`), never replaced behind the user's back.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from store import fieldfile, fields
from store.model import FIGURE_KEYS, SCALAR_FIELDS, TEXT_KEYS, TEXT_LISTS, TITLED_LISTS, Report

if TYPE_CHECKING:
    from store.repository import Store

_RULES = {entry.key: entry.next_year for entry in fieldfile.load().fields}
#: Figures of the new year taken from last year's: new key → last year's key (itself for `keep`, such as
#: the 编制 split, which changes only when the establishment does). All others start blank.
CARRIED_FIGURES: dict[str, str] = {
    key: key if _RULES[f"figures.{key}"] == "keep" else _RULES[f"figures.{key}"].removeprefix("from:figures.")
    for key in FIGURE_KEYS
    if _RULES[f"figures.{key}"] == "keep" or _RULES[f"figures.{key}"].startswith("from:figures.")
}
#: Single-valued fields measured anew each year (blank in the new report); every other one is kept.
MEASURED_SCALARS: tuple[str, ...] = tuple(name for name in SCALAR_FIELDS if _RULES[name] == "blank")
#: Texts copied with a mark (narrative); the others are kept as they are (预算编码) or start blank (填报日期).
MARKED_TEXTS: tuple[str, ...] = tuple(key for key in TEXT_KEYS if _RULES[f"texts.{key}"] == "copy")
KEPT_TEXTS: tuple[str, ...] = tuple(key for key in TEXT_KEYS if _RULES[f"texts.{key}"] in ("copy", "keep"))
#: The plain lists a new year copies: every printed one (未归类, an import's leftovers, stays behind).
CARRIED_LISTS: tuple[str, ...] = tuple(name for name in TEXT_LISTS if name not in fields.UNPRINTED)


def markable_paths(report: Report) -> list[str]:
    """The paths that can carry a copied mark, in reading order of their kind: texts, list items, titled bodies."""
    paths = [f"texts.{key}" for key in MARKED_TEXTS]
    paths += [f"{name}[{i}]" for name in CARRIED_LISTS for i in range(len(getattr(report, name)))]
    paths += [f"{name}[{i}].body" for name in TITLED_LISTS for i in range(len(getattr(report, name)))]
    return paths


def text_at(report: Report, path: str) -> str:
    """The prose at a markable path (`texts.economy`, `duties[3]`, `results[1].body`); "" if it is not there."""
    segments = fields.split(path)
    name, index = segments[0]
    if name == "texts":
        return report.texts.get(segments[1][0], "")
    items = getattr(report, name, None)
    if items is None or index is None or index >= len(items):
        return ""
    item = items[index]
    return item if isinstance(item, str) else item.body


def next_report(last: Report) -> Report:
    """Year + 1 of the same unit, made from `last` (which is left as it was); see the module docstring."""
    figures = {key: None for key in FIGURE_KEYS}
    for key, source in CARRIED_FIGURES.items():
        figures[key] = last.figures.get(source)
    scalars = {name: getattr(last, name) for name in SCALAR_FIELDS if name not in MEASURED_SCALARS}
    report = Report(
        **scalars | {"fiscal_year": last.fiscal_year + 1},
        texts={key: last.texts.get(key, "") if key in KEPT_TEXTS else "" for key in TEXT_KEYS},
        figures=figures,
        org_groups=[
            replace(group, bodies=[replace(body, plates=list(body.plates)) for body in group.bodies])
            for group in last.org_groups
        ],
        staff_lines=[replace(line, count=None) for line in last.staff_lines],
        basic_lines=[replace(line, amount=None) for line in last.basic_lines],
        project_lines=[replace(line, amount=None) for line in last.project_lines],
        sangong=[replace(item, budget=None, actual=None, last_year=item.actual) for item in last.sangong],
    )
    for name in CARRIED_LISTS:
        setattr(report, name, list(getattr(last, name)))
    for name in TITLED_LISTS:
        items = [
            replace(item, indicators=[replace(ind, actual=None) for ind in item.indicators])
            for item in getattr(last, name)
        ]
        setattr(report, name, items)
    report.copied = {path for path in markable_paths(report) if text_at(report, path).strip()}
    return report


def last_year_of(store: Store, report: Report) -> Report | None:
    """Last year's report of the same unit when it is in the same file, else None."""
    wanted = next(
        (
            summary.id
            for summary in store.list_reports()
            if summary.unit_name == report.unit_name and summary.fiscal_year == report.fiscal_year - 1
        ),
        None,
    )
    return None if wanted is None else store.load(wanted)


def _year_pattern(year: int) -> re.Pattern[str]:
    """`2019年` (also `2019 年`, `2019年度`), but not the 2019 inside 12019 or 20190."""
    return re.compile(rf"(?<!\d){year}(?=\s*年)")


def year_mentions(report: Report) -> list[tuple[str, int]]:
    """The copied blocks that still quote last year's year (`2019年` in a 2020 report): (path, how many times)."""
    pattern = _year_pattern(report.fiscal_year - 1)
    found = []
    for path in markable_paths(report):
        if path in report.copied:
            count = len(pattern.findall(text_at(report, path)))
            if count:
                found.append((path, count))
    return found


def bring_years_forward(text: str, year: int) -> str:
    """`text` with every `<year − 1>年` made `<year>年` (2019年 → 2020年 in a 2020 report)."""
    return _year_pattern(year - 1).sub(str(year), text)


def update_years(store: Store, report: Report, paths: list[str], *, expected_revision: int | None = None) -> int:
    """Bring the years forward in the blocks at `paths`, all in one change; returns the new revision.

    The blocks stay marked as copied: only their years changed, the words are still last year's.
    With `expected_revision`, refuses (ConflictError, nothing written) if the report moved on.
    """
    assert report.id is not None
    revision = report.revision if expected_revision is None else expected_revision
    with store.transaction():
        for path in paths:
            text = text_at(report, path)
            updated = bring_years_forward(text, report.fiscal_year)
            if updated != text:
                revision = store.set(report.id, path, updated, expected_revision=revision, keep_mark=True)
    return revision
