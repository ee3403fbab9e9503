"""The home screen: the reports in the file, found by typing, opened with Enter.

Each line shows the unit, the year, when it was last edited and how many findings the
checks raise. A file may hold a whole district's reports, so the list shows at most
ROW_CAP of those the filter lets through, with a line saying how many more there are and
that typing narrows the list: drawing thousands of rows nobody scrolls to is what made a
big file slow to open and to filter. Counting findings means loading a report, so it runs
as a worker that gives the keyboard its turn between reports, only for the rows listed, and
fills the column in as it goes. It reads through the app's own connection: a second
connection or `Store.open` of the same file in this process is how saved edits were lost
(issue 19), so the file has one owner.
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from store import fields
from store.outline import DEFAULT
from store.parse import InputError
from store.repository import ReportSummary, Store, StoreError
from store.yearly import update_years, year_mentions
from tui.actions import bindings
from tui.keymap import keys_said
from tui.widgets import focus_now
from tui.widgets.dialogs import ConfirmDialog
from tui.widgets.field import TextInput
from tui.widgets.keyline import KeyLine
from tui.widgets.outline_choice import outline_choices

if TYPE_CHECKING:
    from tui.app import JixiaoApp
    from tui.screens.importing import ImportDone

#: Rows the list shows at most (a few screens); the rest are reached by typing in the filter.
ROW_CAP = 100

#: Reports counted before the column is updated on screen: about a screenful, so the rows in view
#: fill in first. Each update re-renders the table, so not fewer (the list holds at most ROW_CAP).
COUNT_BATCH = 20

#: Seconds the filter must rest before the rows it lets through are counted: a count
#: started on every key would compete with the typing for the interpreter.
COUNT_DELAY = 0.3


class NewReportDialog(ModalScreen["int | None"]):
    """Asks for the unit, the year and the outline of a new report; dismisses with its id, or None."""

    BINDINGS = bindings("dialog")

    def __init__(self, store: Store, year: int, source: ReportSummary | None = None) -> None:
        super().__init__(classes="dialog")
        self.store = store
        self.year = year
        #: The report highlighted on the list: offered as last year's, to start its next year from.
        self.source = source

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(classes="dialog-box"):
            yield Static(t("ui.home.new_title"), classes="dialog-title")
            with Horizontal(classes="field-line"):
                yield Label(t("ui.home.unit"), classes="field-label")
                yield TextInput(placeholder=t("ui.home.unit_hint"), id="unit", compact=True)
            with Horizontal(classes="field-line"):
                yield Label(t("ui.home.year"), classes="field-label")
                yield TextInput(str(self.year), id="year", compact=True)
            with Horizontal(classes="field-line"):
                yield Label(t("ui.home.outline"), classes="field-label")
                yield Select(
                    outline_choices(self.app.lang), value=DEFAULT, allow_blank=False, compact=True, id="outline"
                )
            yield Static("", id="reason", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("ui.home.create"), variant="primary", id="create")
                yield Button(t("ui.dialog.cancel"), id="cancel")
            if self.source is not None:
                source = self.source
                yield Static(
                    t("ui.home.from_last", unit=source.unit_name, last=source.fiscal_year), classes="dialog-text"
                )
                with Horizontal(classes="dialog-buttons"):
                    yield Button(t("ui.home.next_year", year=source.fiscal_year + 1), id="next")

    def on_mount(self) -> None:
        self.query_one("#unit", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "unit":
            self.query_one("#year", Input).focus()
        else:
            self.create()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "create":
            self.create()
        elif event.button.id == "next" and self.source is not None:
            self.create_next(self.source.id)
        else:
            self.dismiss(None)

    def create_next(self, source_id: int) -> None:
        """Make next year's report from the report `source_id`, or say why not (that year exists)."""
        try:
            report_id = self.store.create_next(source_id)
        except StoreError as error:
            self.query_one("#reason", Static).update(error.text(self.app.lang))
            return
        self.dismiss(report_id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def create(self) -> None:
        """Read both fields with the store's parser and make the report, or say what is wrong."""
        lang = self.app.lang
        reason = self.query_one("#reason", Static)
        try:
            unit = fields.parse("unit_name", self.query_one("#unit", Input).value)
        except InputError as error:
            reason.update(f"{self.app.t('ui.home.unit')}：{error.text(lang)}")
            self.query_one("#unit", Input).focus()
            return
        try:
            year = fields.parse("fiscal_year", self.query_one("#year", Input).value)
        except InputError as error:
            reason.update(f"{self.app.t('ui.home.year')}：{error.text(lang)}")
            self.query_one("#year", Input).focus()
            return
        try:
            outline = str(self.query_one("#outline", Select).value)
            report_id = self.store.create_report(unit, year, outline=outline)
        except StoreError as error:
            reason.update(error.text(lang))
            return
        self.dismiss(report_id)


class HomeScreen(Screen):
    """The list of reports in the open file."""

    DEFAULT_CSS = """
    #home-more {
        height: auto;
        padding: 0 2;
        color: $text-muted;
    }
    """

    BINDINGS = bindings("home")

    app: JixiaoApp

    def __init__(self) -> None:
        super().__init__(id="home")
        self.summaries: list[ReportSummary] = []
        #: What the filter matches in each summary ("unit year", casefolded), made once per read.
        self.search_lines: list[str] = []
        self.counts: dict[int, tuple[int, int]] = {}
        self.counted: dict[int, int] = {}
        #: The summaries the table holds now, in order: a filter that lets the same ones through redraws nothing.
        self.shown: list[ReportSummary] = []
        self.count_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        t = self.app.t
        yield Static(t("ui.home.heading", path=self.app.store.path), id="home-heading", classes="heading")
        if self.app.store.readonly:
            yield Static(t("safety.readonly_banner"), classes="banner")
        with Horizontal(classes="field-line", id="filter-line"):
            yield Label(t("ui.home.filter"), classes="field-label")
            hint = t(
                "ui.home.filter_hint",
                up=keys_said(self.app, "home.up"),
                down=keys_said(self.app, "home.down"),
                open=keys_said(self.app, "home.open"),
            )
            yield TextInput(placeholder=hint, id="filter", compact=True)
        table: DataTable = DataTable(id="reports", cursor_type="row", zebra_stripes=True)
        table.add_column(t("ui.home.unit"), key="unit")
        table.add_column(t("ui.home.year"), key="year")
        table.add_column(t("ui.home.updated"), key="updated")
        table.add_column(t("ui.home.findings"), key="findings")
        yield table
        yield Static("", id="home-more")
        yield Static(t("ui.home.empty", new=keys_said(self.app, "home.new")), id="home-empty")
        yield KeyLine()

    def on_mount(self) -> None:
        self.refresh_reports()
        # At once, not deferred: the keys typed while the program started wait for this (tui.app).
        focus_now(self.query_one("#filter", Input))

    # --- the list --------------------------------------------------------------------

    def refresh_reports(self, select: int | None = None) -> None:
        """Read the list from the file again, keep the selection, count what changed."""
        self.summaries = self.app.store.list_reports()
        self.search_lines = [f"{s.unit_name} {s.fiscal_year}".casefold() for s in self.summaries]
        self.show_reports(select)

    def show_reports(self, select: int | None = None, *, typing: bool = False) -> None:
        """Fill the table with the first ROW_CAP reports the filter lets through; count their findings.

        While `typing`, the count waits until the filter rests for COUNT_DELAY.
        """
        table = self.query_one("#reports", DataTable)
        if select is None and table.row_count:
            select = self.selected_id()
        words = self.query_one("#filter", Input).value.strip().casefold().split()
        matches = [
            summary
            for summary, line in zip(self.summaries, self.search_lines, strict=True)
            if all(word in line for word in words)
        ]
        shown = matches[:ROW_CAP]
        chosen = next((s for s in matches[ROW_CAP:] if s.id == select), None)
        if chosen is not None:
            shown[-1] = chosen  # a report just made or left stays in reach, even past the cap
        more = self.query_one("#home-more", Static)
        more.display = len(matches) > len(shown)
        if more.display:
            more.update(self.app.t("ui.home.more", count=len(matches) - len(shown)))
        table.display = bool(self.summaries)
        self.query_one("#home-empty", Static).display = not self.summaries
        if shown != self.shown:
            self.shown = shown
            table.clear()
            for summary in shown:
                table.add_row(
                    summary.unit_name,
                    str(summary.fiscal_year),
                    summary.updated_at.replace("T", " ")[:16],
                    self.count_text(summary.id),
                    key=str(summary.id),
                )
            self.schedule_count([s.id for s in shown if self.counted.get(s.id) != s.revision], typing)
        if select is not None and str(select) in table.rows:
            table.move_cursor(row=table.get_row_index(str(select)), animate=False)
        self.prepare_selected()

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.prepare_selected()

    def prepare_selected(self) -> None:
        """Have the app build the highlighted report's first screen, so that Enter shows it at once."""
        report_id = self.selected_id()
        if report_id is not None:
            self.app.prepare(report_id)

    def schedule_count(self, stale: list[int], typing: bool) -> None:
        """Stop counting rows no longer listed; count `stale` once the list is on screen (and the typing rests)."""
        if self.count_timer is not None:
            self.count_timer.stop()
            self.count_timer = None
        self.workers.cancel_group(self, "counts")
        if not stale:
            return
        if typing:
            self.count_timer = self.set_timer(COUNT_DELAY, lambda: self.count_findings(stale))
        else:
            # After the list is on screen: counting takes turns with the keyboard.
            self.call_after_refresh(self.count_findings, stale)

    def count_text(self, report_id: int) -> str:
        counts = self.counts.get(report_id)
        if counts is None:
            return "…"
        errors, warnings = counts
        if not errors and not warnings:
            return self.app.t("ui.home.no_findings")
        return self.app.t("ui.home.finding_counts", errors=errors, warnings=warnings)

    def selected_id(self) -> int | None:
        """The id of the highlighted report, or None when the list shows none."""
        table = self.query_one("#reports", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value) if row_key.value is not None else None

    @work(exclusive=True, group="counts")
    async def count_findings(self, report_ids: list[int]) -> None:
        """Run the checks on each listed report, between keys, reporting in batches.

        Exclusive: a newer list (the filter changed) cancels the count of the one before.
        """
        from store.checks import run_checks
        from store.yearly import last_year_of

        store = self.app.store
        batch: dict[int, tuple[int, int, int]] = {}
        for report_id in report_ids:
            await asyncio.sleep(0)
            try:
                report = store.load(report_id)
            except StoreError:
                continue
            findings = run_checks(report, last_year_of(store, report))
            errors = sum(finding.severity == "error" for finding in findings)
            batch[report_id] = (errors, len(findings) - errors, report.revision)
            if len(batch) >= COUNT_BATCH:
                self.show_counts(batch)
                batch = {}
        if batch:
            self.show_counts(batch)

    def show_counts(self, batch: dict[int, tuple[int, int, int]]) -> None:
        """Put counted findings into the table."""
        table = self.query_one("#reports", DataTable)
        for report_id, (errors, warnings, revision) in batch.items():
            self.counts[report_id] = (errors, warnings)
            self.counted[report_id] = revision
            if str(report_id) in table.rows:
                table.update_cell(str(report_id), "findings", self.count_text(report_id), update_width=True)

    # --- keys --------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        # A word committed by an input method arrives as several keys, so several Changed
        # messages queue up; only the one carrying the filter's current text needs the list redone.
        if event.input.id == "filter" and event.value == event.input.value:
            self.show_reports(typing=True)

    async def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """A row clicked: open it as Enter does."""
        event.stop()
        await self.action_open()

    def action_cursor(self, move: str) -> None:
        """Move the highlight in the list while the cursor stays in the filter."""
        getattr(self.query_one("#reports", DataTable), f"action_{move}")()

    async def action_open(self) -> None:
        """Enter: open the highlighted report."""
        report_id = self.selected_id()
        if report_id is not None:
            await self.app.open_report(report_id)

    def action_new(self) -> None:
        if self.app.store.readonly:
            self.notify(self.app.t("safety.readonly_banner"), severity="error")
            return

        def answered(report_id: int | None) -> None:
            if report_id is not None:
                self.created(report_id)

        source = next((s for s in self.summaries if s.id == self.selected_id()), None)
        self.app.push_screen(NewReportDialog(self.app.store, date.today().year - 1, source), answered)

    def created(self, report_id: int) -> None:
        """A report was made: list it, offer to update the years of its copied prose, then open it."""
        # The dialog (and Textual's SelectionList) is loaded only when a year is started.
        from tui.screens.yearly import YearUpdateDialog

        self.query_one("#filter", Input).value = ""
        self.refresh_reports(select=report_id)
        report = self.app.store.load(report_id)
        if not year_mentions(report):
            self.run_worker(self.app.open_report(report_id), group="open", exclusive=True)
            return

        def answered(_updated: bool | None) -> None:
            self.run_worker(self.app.open_report(report_id), group="open", exclusive=True)

        def apply(paths: list[str]) -> str:
            try:
                update_years(self.app.store, report, paths)
            except StoreError as error:
                return error.text(self.app.lang)
            return ""

        self.app.push_screen(YearUpdateDialog(report, apply), answered)

    def action_next_year(self) -> None:
        """Start next year's report of the highlighted one (ctrl+y); refused with the reason if it exists."""
        report_id = self.selected_id()
        if report_id is None:
            return
        if self.app.store.readonly:
            self.notify(self.app.t("safety.readonly_banner"), severity="error")
            return
        try:
            new_id = self.app.store.create_next(report_id)
        except StoreError as error:
            self.notify(error.text(self.app.lang), severity="error")
            return
        self.created(new_id)

    def action_delete(self) -> None:
        report_id = self.selected_id()
        summary = next((s for s in self.summaries if s.id == report_id), None)
        if summary is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.app.store.delete_report(summary.id)
            except StoreError as error:
                self.notify(error.text(self.app.lang), severity="error")
                return
            self.counts.pop(summary.id, None)
            self.refresh_reports()
            self.notify(self.app.t("ui.home.deleted", unit=summary.unit_name, year=summary.fiscal_year))

        question = self.app.t("ui.home.confirm_delete", unit=summary.unit_name, year=summary.fiscal_year)
        self.app.push_screen(ConfirmDialog(question, self.app.t("ui.home.delete")), answered)

    def action_import(self) -> None:
        """Import a .docx/.txt report (issue 13), open it, and show its 未归类 pieces if any were left."""
        from tui.screens.importing import ImportDialog

        if self.app.store.readonly:
            self.notify(self.app.t("safety.readonly_banner"), severity="error")
            return

        def imported(done: ImportDone | None) -> None:
            if done is None:
                return
            self.query_one("#filter", Input).value = ""
            self.refresh_reports(select=done.report_id)
            key = "ui.import.done_doubtful" if done.doubtful else "ui.import.done"
            said = self.app.t(key, unit=done.unit, year=done.year, count=done.unplaced, doubtful=done.doubtful)
            self.notify("\n".join([said, *done.notes]), timeout=10 if done.notes else 5)
            self.run_worker(self.open_imported(done), group="open", exclusive=True)

        self.app.push_screen(ImportDialog(self.app.store), imported)

    async def open_imported(self, done: ImportDone) -> None:
        """Open the imported report; its 未归类 list first when pieces wait there."""
        await self.app.open_report(done.report_id)
        if done.unplaced:
            await self.app.show("unplaced")
