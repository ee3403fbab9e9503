"""One open report and every change made to it from the screens.

`ReportSession` is the only way a screen touches a report: it parses what was typed with
the store's parser, writes it through the Store with the revision it last saw, keeps
`.report` fresh, and tells the app (`ReportChanged`) so open panels can refresh.

When the file moved on under us (another window or PC changed the report), the change is
not written; the session keeps it as its pending `conflict` and the app asks the person
whether to keep theirs-on-screen or take the file's. The whole of that decision is here, in
`resolve_conflict`, so it can be hardened in one place.

When another program holds the file's write lock, a write waits LOCK_WAIT_MS at most (the
screen must not freeze) and a field's change is kept as *waiting*: tried again on a timer,
sooner first, then less often, until it goes in. Waiting changes to one field keep only the
latest text; changes to different fields are written in the order they were made, and any
other change waits behind them. The session also keeps what the fields hold but could not
hand over (`hold`: input the parser refused), so the status line can say what is unsaved and
why (`status`), and quitting or leaving the report can ask first (`unsaved`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from textual.message import Message

from store import fields
from store.model import Report
from store.parse import InputError
from store.repository import ConflictError, Store, StoreError
from store.scoring import System, parse_manual_score, parse_reason
from store.yearly import last_year_of, update_years
from tui.words import message

#: The path a change to the 自评表 is announced under (ReportChanged.paths): no field has it.
SCORES = "scores"

#: Milliseconds a write of the app waits for another program's lock before it is kept waiting.
LOCK_WAIT_MS = 40
#: Seconds before the first new try of a waiting change, and the most between two tries.
FIRST_RETRY, LAST_RETRY = 0.25, 4.0

#: Why a field's text is not in the file yet, as `SaveResult.why` and `ReportSession.hold` name it.
WAITING, INPUT, CONFLICT, FAILED = "waiting", "input", "conflict", "failed"


class Stoppable(Protocol):
    """A timer as the session is given it (Textual's Timer): it can be stopped."""

    def stop(self) -> None: ...


class SaveFailed(Message, bubble=False):
    """A waiting change to `paths` was finally refused (`reason`), or met another copy's change (`why` CONFLICT)."""

    def __init__(self, report_id: int, paths: tuple[str, ...], reason: str, why: str) -> None:
        super().__init__()
        self.report_id = report_id
        self.paths = paths
        self.reason = reason
        self.why = why


class ReportChanged(Message, bubble=False):
    """The open report changed: `paths` were written, or everything when `reloaded`."""

    def __init__(self, report_id: int, paths: tuple[str, ...], *, reloaded: bool = False) -> None:
        super().__init__()
        self.report_id = report_id
        self.paths = paths
        self.reloaded = reloaded


@dataclass(frozen=True)
class SaveResult:
    """What became of one change: saved, or not with a `reason` and `why` (WAITING, INPUT, CONFLICT, FAILED).

    WAITING means the file is locked and the session will write the change itself once it can.
    """

    ok: bool
    reason: str = ""
    why: str = ""

    @property
    def conflict(self) -> bool:
        """Whether another copy changed the report first (the app asks the person what to keep)."""
        return self.why == CONFLICT

    @property
    def waiting(self) -> bool:
        """Whether the change is kept and will be written once the file's lock is gone."""
        return self.why == WAITING


@dataclass
class Change:
    """A change not in the file yet: kept waiting for a lock, or refused because the report moved on.

    `lists` are the lists the change finds its place in by position: if another copy added or
    removed items there, the same position now holds a different item.
    """

    paths: tuple[str, ...]
    write: Callable[[int], int] = field(repr=False)
    lists: tuple[str, ...] = ()
    #: What the change is kept waiting under if the file is locked (a field's path); None: not kept.
    key: str | None = None
    #: Whether every screen shows the report anew once it is written (not only the fields at `paths`).
    reload: bool = False


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
        self,
        store: Store,
        report_id: int,
        lang: str = "zh",
        notify: Callable[[Message], object] | None = None,
        call_later: Callable[[float, Callable[[], None]], Stoppable] | None = None,
    ) -> None:
        """`notify` is told of every change (ReportChanged) and of a waiting change refused at last
        (SaveFailed); `call_later(seconds, callback)` runs the next try of waiting changes (without
        it, they are tried again only before the next change, or by calling `retry`)."""
        self.store = store
        self.report_id = report_id
        self.lang = lang
        self.notify = notify
        self.report: Report = store.load(report_id)
        self.revision: int = self.report.revision
        self.saved_at: datetime | None = None
        self.conflict: Change | None = None
        #: Changes kept while the file is locked, by field path, in the order they are to be written.
        self.waiting: dict[str, Change] = {}
        #: Text in a field that is not handed over (field path → (why, reason)): see `hold`.
        self.held: dict[str, tuple[str, str]] = {}
        self.call_later = call_later
        self._retry_timer: Stoppable | None = None
        self._retry_delay = FIRST_RETRY
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
            return SaveResult(False, error.text(self.lang), INPUT)
        return self._write(
            (path,),
            lambda revision: self.store.set(self.report_id, path, value, expected_revision=revision),
            lists_along(path),
            key=path,
        )

    def switch_outline(self, outline_id: str) -> SaveResult:
        """Follow the outline `outline_id`: saved like a field, then every screen lays itself out anew.

        No value is dropped: what only the old outline shows stays in the file for switching back.
        """
        try:
            value = fields.parse("outline", outline_id)
        except InputError as error:
            return SaveResult(False, error.text(self.lang), INPUT)
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
            return SaveResult(False, error.text(self.lang), INPUT)
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
            return SaveResult(False, error.text(self.lang), INPUT)
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

    def import_figures(
        self,
        changes: list[tuple[str, Any, str, str]],
        new_items: list[tuple[str, Any]] = (),
        noted: list[tuple[str, Any, str, str]] = (),
    ) -> SaveResult:
        """Write figures from a 决算 workbook (path, value, source cell, basis) and the list items
        they need first, as ONE change checked against the revision we saw; every screen shows
        the report anew (items may have been added). Of the `noted` ones only the workbook's
        value and cell are kept (Store.set_figures)."""
        paths = tuple(path for path, *_ in changes)
        lists = tuple(dict.fromkeys([*(name for name, _ in new_items), *(a for p in paths for a in lists_along(p))]))
        return self._write(
            paths,
            lambda revision: self.store.set_figures(
                self.report_id,
                list(changes),
                expected_revision=revision,
                new_items=list(new_items),
                noted=list(noted),
            ),
            lists,
            reload=True,
        )

    def _write(
        self,
        paths: tuple[str, ...],
        write: Callable[[int], int],
        lists: tuple[str, ...] = (),
        *,
        reload: bool = False,
        key: str | None = None,
    ) -> SaveResult:
        """Run one write with the revision we saw; keep it pending if the file moved on or is locked.

        Changes still waiting for the lock go first, in their order. While they cannot, a field's
        change (`key`, its path) joins them and any other change (a list item added, moved,
        deleted) is refused with the reason: it would overtake them. While a conflict waits for
        the person's answer, further writes are refused the same way (their fields stay marked
        and save on the next try), so the answer covers one change.
        """
        change = Change(paths, write, lists, key, reload)
        self.retry()
        if self.conflict is not None:
            return SaveResult(False, message("conflict", self.lang), CONFLICT)
        if not self.waiting:
            result = self._attempt(change)
            if result.why != WAITING:
                return result
        if key is None:
            return SaveResult(False, StoreError("locked", path=self.store.path).text(self.lang), FAILED)
        self._keep_waiting(change)
        return SaveResult(False, message("ui.unsaved.locked", self.lang), WAITING)

    def _attempt(self, change: Change) -> SaveResult:
        """Write `change` once with the revision we saw; a lock met is WAITING, whatever the change."""
        try:
            self.revision = change.write(self.revision)
        except ConflictError as error:
            self.conflict = change
            return SaveResult(False, error.text(self.lang), CONFLICT)
        except StoreError as error:
            return SaveResult(False, error.text(self.lang), WAITING if error.code == "locked" else FAILED)
        except sqlite3.Error as error:
            return SaveResult(False, message("ui.save.failed", self.lang, error=error), FAILED)
        self._changed(change.paths, reloaded=change.reload)
        return SaveResult(True)

    def _keep_waiting(self, change: Change, *, first: bool = False) -> None:
        """Keep a field's change until the lock goes: it replaces an earlier one to the same field
        (the latest text wins) and takes its place last in line (`first`: back at the head)."""
        assert change.key is not None
        self.waiting.pop(change.key, None)
        self.waiting = {change.key: change, **self.waiting} if first else {**self.waiting, change.key: change}
        self._retry_soon()

    def _retry_soon(self) -> None:
        """Try the waiting changes again after the current delay (doubled at each try, up to LAST_RETRY)."""
        if self._retry_timer is None and self.call_later is not None:
            self._retry_timer = self.call_later(self._retry_delay, self._retry_due)

    def _retry_due(self) -> None:
        self._retry_timer = None
        self._retry_delay = min(self._retry_delay * 2, LAST_RETRY)
        self.retry()

    def retry(self) -> None:
        """Write the waiting changes in their order, until one meets the lock again (tried later).

        A change refused for another reason is dropped and told (SaveFailed): its field keeps the text.
        """
        while self.waiting and self.conflict is None:
            key, change = next(iter(self.waiting.items()))
            result = self._attempt(change)
            if result.waiting:
                self._retry_soon()
                return
            del self.waiting[key]
            if not result.ok and self.notify is not None:
                self.notify(SaveFailed(self.report_id, change.paths, result.reason, result.why))
        self._stop_retrying()  # all written, or a conflict waits for the person (resolving it tries again)
        if not self.waiting:
            self._retry_delay = FIRST_RETRY

    def _stop_retrying(self) -> None:
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None

    def _changed(self, paths: tuple[str, ...], *, reloaded: bool = False, saved: bool = True) -> None:
        self.report = self.store.load(self.report_id)
        self.revision = self.report.revision
        if saved:
            self.saved_at = datetime.now()
        if self.notify is not None:
            self.notify(ReportChanged(self.report_id, paths, reloaded=reloaded))

    # --- what is not saved ---------------------------------------------------------------

    def hold(self, path: str, why: str, reason: str) -> None:
        """Note that the field at `path` shows text the file does not have, `why` (INPUT, CONFLICT,
        FAILED) with `reason`; `why` "" when it no longer does. Counted by `unsaved` and `status`."""
        if why:
            self.held[path] = (why, reason)
        else:
            self.held.pop(path, None)

    def is_waiting(self, path: str) -> bool:
        """Whether a change to the field at `path` waits for the file's lock."""
        return path in self.waiting

    def unsaved(self) -> dict[str, int]:
        """How many fields are not saved, by why: {WAITING: 2, INPUT: 1}; empty when all is saved."""
        counts: dict[str, int] = {}
        whys = [WAITING] * len(self.waiting) + [why for path, (why, _) in self.held.items() if path not in self.waiting]
        for why in whys:
            counts[why] = counts.get(why, 0) + 1
        return counts

    def unsaved_reasons(self) -> str:
        """Why fields are not saved, in words: 1 处因文件被其他程序锁定，将自动重试，2 处输入有误."""
        return message("ui.unsaved.separator", self.lang).join(
            message(f"ui.unsaved.{why}.count", self.lang, n=n) for why, n in self.unsaved().items()
        )

    def status(self) -> str:
        """The status line: what is not saved and why, else when the last change was saved.

        Never 已保存 while anything is unsaved: a save of another field says nothing of this one.
        """
        counts = self.unsaved()
        if counts:
            return message("ui.status.unsaved", self.lang, n=sum(counts.values()), whys=self.unsaved_reasons())
        if self.saved_at is None:
            return message("ui.status.ready", self.lang)
        return message("ui.status.saved", self.lang, time=self.saved_at.strftime("%H:%M:%S"))

    def drop_unsaved(self) -> None:
        """Forget every change not written yet (the person chose to leave without it)."""
        self._stop_retrying()
        self.waiting.clear()
        self.held.clear()
        self.conflict = None

    # --- conflicts -------------------------------------------------------------------

    def resolve_conflict(self, keep_mine: bool) -> SaveResult:
        """Settle the pending conflict: write our change over the file's, or take the file's.

        Either way the report is reloaded (ReportChanged with `reloaded`), so every open screen
        shows what the file holds, the other copy's changes included: a screen still showing
        what it loaded would let the next save silently undo them. Keeping ours is refused when
        the other copy added or removed items in a list our change finds its place in by
        position: written there, it would land on a different item. Changes waiting for the lock
        behind it follow ours, or are dropped with it when ours is not kept (every screen shows
        the file's then).
        """
        conflict, self.conflict = self.conflict, None
        if conflict is None:
            return SaveResult(True)
        try:
            current = self.store.revision(self.report_id)
        except StoreError as error:
            return SaveResult(False, error.text(self.lang), FAILED)
        if keep_mine and not self._reshaped(conflict.lists):
            mine = Change(conflict.paths, lambda _seen: conflict.write(current), conflict.lists, conflict.key, True)
            result = self._attempt(mine)
            if result.waiting:
                if mine.key is None:
                    return SaveResult(False, result.reason, FAILED)
                self._keep_waiting(mine, first=True)
                return SaveResult(False, message("ui.unsaved.locked", self.lang), WAITING)
            self.retry()
            return result
        self.drop_unsaved()
        self._changed(conflict.paths, reloaded=True, saved=False)
        if keep_mine:
            return SaveResult(False, message("ui.conflict.reshaped", self.lang), FAILED)
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
