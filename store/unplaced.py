"""未归类: moving a piece an import could not place into the part of the report where it belongs.

A piece goes to the end of a narrative block (as a new paragraph) or to the end of a list
(as a new item; a titled point gets the piece as its body, its title left for the officer),
and leaves 未归类, in one all-or-nothing change.
"""

from __future__ import annotations

from store import fields
from store.model import TEXT_KEYS, TEXT_LISTS, TITLED_LISTS, TitledItem
from store.repository import Store, StoreError

UNPLACED = "unplaced"

#: Where a piece can go, in the order the report prints them: blocks (`texts.<key>`) and lists.
TARGETS: tuple[str, ...] = tuple(
    sorted(
        (
            *(f"texts.{key}" for key in TEXT_KEYS),
            *(name for name in TEXT_LISTS if name != UNPLACED),
            *TITLED_LISTS,
        ),
        key=fields.order_key,
    )
)


def target_label(target: str, lang: str = "zh") -> str:
    """A target as the officer finds it: its section, then the block or list ("五、… › 问题")."""
    return f"{fields.section_label(target, lang)} › {fields.label(target, lang)}"


def place(store: Store, report_id: int, index: int, target: str, *, expected_revision: int | None = None) -> int:
    """Move piece `index` of 未归类 to `target` (one of TARGETS); returns the report's new revision."""
    if target not in TARGETS:
        raise KeyError(target)
    report = store.load(report_id)
    if not 0 <= index < len(report.unplaced):
        raise StoreError("no_such_item", path=f"{UNPLACED}[{index}]")
    piece = report.unplaced[index]
    with store.transaction():
        if target.startswith("texts."):
            old = report.texts.get(target.removeprefix("texts."), "").rstrip("\n")
            value = f"{old}\n{piece}" if old else piece
            revision = store.set(report_id, target, value, expected_revision=expected_revision)
        else:
            item = TitledItem("", piece) if target in TITLED_LISTS else piece
            size = len(getattr(report, target))
            revision = store.insert(report_id, target, size, item, expected_revision=expected_revision)
        return store.delete(report_id, UNPLACED, index, expected_revision=revision)
