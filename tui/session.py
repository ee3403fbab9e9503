"""One open report and every change made to it from the screens.

`ReportSession` is the only way a screen touches a report: it parses what was typed with
the store's parser, writes it through the Store with the revision it last saw, keeps
`.report` fresh, and tells the app (`ReportChanged`) so open panels can refresh.

When the file moved on under us (another window or PC changed the report), the change is
not written; the session keeps it as a pending `Conflict` and the app asks the person
whether to keep theirs-on-screen or take the file's. The whole of that decision is here, in
`resolve_conflict`, so it can be hardened in one place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from textual.message import Message

from store import fields
from store.catalogue import message
from store.model import Report
from store.parse import InputError
from store.repository import ConflictError, Store, StoreError
from store.scoring import System, parse_manual_score, parse_reason
from store.yearly import last_year_of, update_years

#: The path a change to the 自评表 is announced under (ReportChanged.paths): no field has it.
SCORES = "scores"


class ReportChanged(Message, bubble=False):
    """The open report changed: `paths` were written, or everything when `reloaded`."""

    def __init__(self, report_id: int, paths: tuple[str, ...], *, reloaded: bool = False) -> None:
        super().__init__()
        self.report_id = report_id
        self.paths = paths
        self.reloaded = reloaded


@dataclass(frozen=True)
class SaveResult:
    """What became of one change: saved, refused with a reason, or held back by a conflict."""

    ok: bool
    reason: str = ""
    conflict: bool = False


@dataclass
class Conflict:
    """A change the file refused because the report moved on since we loaded it.

    `lists` are the lists the change finds its place in by position: if another copy added or
    removed items there, the same position now holds a different item.
    """

    paths: tuple[str, ...]
    write: Callable[[int], int] = field(repr=False)
    lists: tuple[str, ...] = ()


def lists_along(path: str) -> tuple[str, ...]:
    """The lists a path reaches into by position: `results[4].indicators[1].target` → (results, results[4].indicators)."""
    found: list[str] = []
    prefix = ""
    for name, index in fields.split(path):
        prefix = f"{prefix}.{name}" if prefix else name
        if index is not None:
            found.append(prefix)
            prefix += f"[{index}]"
    return tuple(found)


def value_at(report: Report, path: str) -> Any:
    """The value a field path names in a loaded report (`figures.spent`, `duties[2]`, …)."""
    node: Any = report
    for name, index in fields.split(path):
        node = node[name] if isinstance(node, dict) else getattr(node, name)
        if index is not None:
            node = node[index]
    return node


class ReportSession:
    """An open report: `.report` is what the file holds now, `.revision` the version we saw."""

    def __init__(
        self, store: Store, report_id: int, lang: str = "zh", notify: Callable[[ReportChanged], object] | None = None
    ) -> None:
        self.store = store
        self.report_id = report_id
        self.lang = lang
        self.notify = notify
        self.report: Report = store.load(report_id)
        self.revision: int = self.report.revision
        self.saved_at: datetime | None = None
        self.conflict: Conflict | None = None
        #: The unit's report of the year before, when it is in the same file: the checks and the
        #: preview compare with it (store/yearly.py). Read once: it is not the report being edited.
        self.last_year: Report | None = last_year_of(store, self.report)

    @property
    def readonly(self) -> bool:
        """Whether the file may only be read (every change is then refused with the reason)."""
        return self.store.readonly

    def value(self, path: str) -> Any:
        """The stored value of the field at `path`."""
        return value_at(self.report, path)

    # --- changes ---------------------------------------------------------------------

    def save(self, path: str, typed_text: str) -> SaveResult:
        """Parse what was typed into the field at `path` and write it; the reason if refused."""
        try:
            value = fields.parse(path, typed_text)
        except InputError as error:
            return SaveResult(False, error.text(self.lang))
        return self._write(
            (path,),
            lambda revision: self.store.set(self.report_id, path, value, expected_revision=revision),
            lists_along(path),
        )

    def switch_outline(self, outline_id: str) -> SaveResult:
        """Follow the outline `outline_id`: saved like a field, then every screen lays itself out anew.

        No value is dropped: what only the old outline shows stays in the file for switching back.
        """
        try:
            value = fields.parse("outline", outline_id)
        except InputError as error:
            return SaveResult(False, error.text(self.lang))
        return self._write(
            ("outline",),
            lambda revision: self.store.set(self.report_id, "outline", value, expected_revision=revision),
            reload=True,
        )

    def insert(self, list_path: str, index: int, value: Any) -> SaveResult:
        """Put a new item (str or model item) at `index` of the list at `list_path`."""
        return self._write(
            (list_path,),
            lambda revision: self.store.insert(self.report_id, list_path, index, value, expected_revision=revision),
            (*lists_along(list_path), list_path),
        )

    def delete(self, list_path: str, index: int) -> SaveResult:
        """Remove item `index` of the list at `list_path`."""
        return self._write(
            (list_path,),
            lambda revision: self.store.delete(self.report_id, list_path, index, expected_revision=revision),
            (*lists_along(list_path), list_path),
        )

    def move(self, list_path: str, index: int, new_index: int) -> SaveResult:
        """Move item `index` of the list at `list_path` to `new_index`."""
        return self._write(
            (list_path,),
            lambda revision: self.store.move(self.report_id, list_path, index, new_index, expected_revision=revision),
            (*lists_along(list_path), list_path),
        )

    # --- the 自评表 (store/scoring.py): not field paths, so their own three changes ---------------

    def choose_score_system(self, system: str) -> SaveResult:
        """Score the report by the indicator system `system` from now on."""
        return self._write(
            (SCORES,), lambda revision: self.store.set_score_system(self.report_id, system, expected_revision=revision)
        )

    def save_score(self, system: System, indicator: str, typed_text: str) -> SaveResult:
        """Parse a typed score of a manual indicator (refused above its weight) and write it."""
        try:
            value = parse_manual_score(typed_text, system.indicator(indicator))
        except InputError as error:
            return SaveResult(False, error.text(self.lang))
        return self._write(
            (SCORES,),
            lambda revision: self.store.set_manual_score(
                self.report_id, system, indicator, value, expected_revision=revision
            ),
        )

    def save_score_reason(self, system: System, indicator: str, typed_text: str) -> SaveResult:
        """Write the short reason typed for a manual indicator's score (refused when too long)."""
        try:
            reason = parse_reason(typed_text)
        except InputError as error:
            return SaveResult(False, error.text(self.lang))
        return self._write(
            (SCORES,),
            lambda revision: self.store.set_score_reason(
                self.report_id, system, indicator, reason, expected_revision=revision
            ),
        )

    def place_unplaced(self, index: int, target: str) -> SaveResult:
        """Move piece `index` of 未归类 to the block or list `target` (see store.unplaced), in one change."""
        from store import unplaced

        lists = ("unplaced", target) if target in fields.LISTS else ("unplaced",)
        return self._write(
            ("unplaced", target),
            lambda revision: unplaced.place(self.store, self.report_id, index, target, expected_revision=revision),
            lists,
        )

    def update_years(self, paths: list[str]) -> SaveResult:
        """Bring last year's year forward in the copied blocks at `paths` (store/yearly.py), as one change."""
        return self._write(
            tuple(paths),
            lambda revision: update_years(self.store, self.report, paths, expected_revision=revision),
        )

    def _write(
        self, paths: tuple[str, ...], write: Callable[[int], int], lists: tuple[str, ...] = (), *, reload: bool = False
    ) -> SaveResult:
        """Run one write with the revision we saw; keep it pending if the file moved on.

        While a conflict waits for the person's answer, further writes are refused the same
        way (their fields stay marked and save on the next try), so the answer covers one change.
        """
        if self.conflict is not None:
            return SaveResult(False, message("conflict", self.lang), conflict=True)
        try:
            self.revision = write(self.revision)
        except ConflictError as error:
            self.conflict = Conflict(paths, write, lists)
            return SaveResult(False, error.text(self.lang), conflict=True)
        except StoreError as error:
            return SaveResult(False, error.text(self.lang))
        except sqlite3.Error as error:
            return SaveResult(False, message("ui.save.failed", self.lang, error=error))
        self._changed(paths, reloaded=reload)
        return SaveResult(True)

    def _changed(self, paths: tuple[str, ...], *, reloaded: bool = False, saved: bool = True) -> None:
        self.report = self.store.load(self.report_id)
        self.revision = self.report.revision
        if saved:
            self.saved_at = datetime.now()
        if self.notify is not None:
            self.notify(ReportChanged(self.report_id, paths, reloaded=reloaded))

    # --- conflicts -------------------------------------------------------------------

    def resolve_conflict(self, keep_mine: bool) -> SaveResult:
        """Settle the pending conflict: write our change over the file's, or take the file's.

        Either way the report is reloaded (ReportChanged with `reloaded`), so every open screen
        shows what the file holds, the other copy's changes included: a screen still showing
        what it loaded would let the next save silently undo them. Keeping ours is refused when
        the other copy added or removed items in a list our change finds its place in by
        position: written there, it would land on a different item.
        """
        conflict, self.conflict = self.conflict, None
        if conflict is None:
            return SaveResult(True)
        try:
            current = self.store.revision(self.report_id)
        except StoreError as error:
            return SaveResult(False, error.text(self.lang))
        if keep_mine and not self._reshaped(conflict.lists):
            return self._write(conflict.paths, lambda _seen: conflict.write(current), reload=True)
        self._changed(conflict.paths, reloaded=True, saved=False)
        if keep_mine:
            return SaveResult(False, message("ui.conflict.reshaped", self.lang))
        return SaveResult(True)

    def _reshaped(self, lists: tuple[str, ...]) -> bool:
        """Whether any of `lists` has a different number of items in the file than in what we loaded."""
        now = self.store.load(self.report_id)
        for path in lists:
            try:
                if len(value_at(self.report, path)) != len(value_at(now, path)):
                    return True
            except (IndexError, KeyError):
                return True
        return False
