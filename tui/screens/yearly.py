"""Starting next year's report from last year's, in the app: the year-update offer.

A report just made from last year's (store/yearly.py) holds last year's prose, which quotes
last year's year (2019年). Nothing is replaced behind the officer's back: this dialog lists
each copied block that quotes it, with the words around it, all ticked; the officer updates
the ticked ones, all of them, or none. The blocks stay marked as last year's text either
way (only the years changed), so the checks still list them until they are rewritten.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static

from store.checks import Place
from store.yearly import text_at, year_mentions
from tui.actions import bindings

if TYPE_CHECKING:
    from collections.abc import Callable

    from store.model import Report
    from tui.app import JixiaoApp

#: Characters of context shown on each side of the first year quoted in a block.
CONTEXT = 12


def excerpt(text: str, year: int) -> str:
    """The words around the first `<year>年` in `text`, on one line, with … where it was cut."""
    flat = " ".join(text.split())
    match = re.search(rf"(?<!\d){year}(?=\s*年)", flat)
    if match is None:
        return flat[: CONTEXT * 2]
    start, end = max(0, match.start() - CONTEXT), min(len(flat), match.end() + CONTEXT)
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


class YearUpdateDialog(ModalScreen[bool]):
    """The copied blocks quoting last year's year; dismisses True once some were updated, False if none."""

    BINDINGS = bindings("dialog")
    DEFAULT_CSS = """
    YearUpdateDialog SelectionList { height: auto; max-height: 10; }
    """

    app: JixiaoApp

    def __init__(self, report: Report, apply: Callable[[list[str]], str]) -> None:
        """`apply(paths)` brings the years forward in those blocks, returning "" or the reason it could not."""
        super().__init__(classes="dialog")
        self.apply = apply
        self.report = report
        self.paths = [path for path, _ in year_mentions(report)]

    def compose(self) -> ComposeResult:
        t, lang = self.app.t, self.app.lang
        last, year = self.report.fiscal_year - 1, self.report.fiscal_year
        with Vertical(classes="dialog-box"):
            yield Static(t("ui.years.title", last=last, year=year, count=len(self.paths)), classes="dialog-title")
            yield SelectionList[str](
                *(
                    (f"{Place(path, '').field(lang)}：{excerpt(text_at(self.report, path), last)}", path, True)
                    for path in self.paths
                ),
                id="year-blocks",
            )
            yield Static(t("ui.years.hint"), classes="dialog-text")
            yield Static("", id="reason", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("ui.years.chosen"), variant="primary", id="chosen")
                yield Button(t("ui.years.all"), id="all")
                yield Button(t("ui.years.none"), id="none")

    def on_mount(self) -> None:
        blocks = self.query_one("#year-blocks", SelectionList)
        blocks.highlighted = 0
        blocks.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "none":
            self.dismiss(False)
            return
        chosen = self.query_one("#year-blocks", SelectionList).selected
        self.update(self.paths if event.button.id == "all" else [path for path in self.paths if path in chosen])

    def update(self, paths: list[str]) -> None:
        """Bring the years forward in `paths` (one change), then close; the reason if the file refused."""
        if not paths:
            self.dismiss(False)
            return
        reason = self.apply(paths)
        if reason:
            self.query_one("#reason", Static).update(reason)
            return
        self.notify(self.app.t("ui.years.done", count=len(paths), year=self.report.fiscal_year))
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
