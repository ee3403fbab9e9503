"""The checks panel: every finding of the store's checks, live, each one a way to its field.

The findings and indicators come from `store.checks` (the same ones `jixiao check` prints);
this screen only shows them. Severity is shown by a word as well as by colour, so it reads
on a monochrome terminal and to a colour-blind officer. Choosing a finding moves the cursor
to the field it names; a finding that names two places (项目支出 in 部门概况 and in the
breakdown) first asks which one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.checks import ratios, run_checks
from store.model import DEFAULT_OUTLINE, SHARE_METHODS
from store.yearly import year_mentions
from tui.actions import bindings
from tui.keymap import keys_said
from tui.screens.report_screen import ReportScreen
from tui.widgets.keyline import KeyLine
from tui.words import message

if TYPE_CHECKING:
    from store.checks import Finding, Place
    from tui.session import ReportSession

#: severity → the style of its word; the word itself comes from the catalogue.
SEVERITY_STYLES = {"error": "bold white on dark_red", "warning": "bold black on yellow"}


class PlaceChooser(ModalScreen["Place | None"]):
    """Asks which of a finding's places to go to; dismisses with the chosen place or None."""

    BINDINGS = bindings("place_chooser")
    DEFAULT_CSS = """
    PlaceChooser { align: center middle; }
    PlaceChooser > Vertical {
        width: 80%; max-width: 90; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    PlaceChooser OptionList { height: auto; max-height: 12; }
    """

    def __init__(self, places: list[Place], lang: str, outline: str = DEFAULT_OUTLINE) -> None:
        super().__init__()
        self.places = places
        self.lang = lang
        #: The report's outline, which names the sections the places are in.
        self.outline = outline

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                self.app.t("ui.checks.choose_place", back=keys_said(self.app, "checks.cancel")), classes="title"
            )
            yield OptionList(
                *(
                    Option(Text(place_text(place, self.lang, self.outline)), id=str(i))
                    for i, place in enumerate(self.places)
                ),
                id="places",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.places[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


def place_text(place: Place, lang: str, outline: str = DEFAULT_OUTLINE) -> str:
    """`部门概况 · 项目支出：3472.44` — where (headed as the report's `outline` heads it), and the value found there."""
    return f"{place.label(lang, outline)}：{place.value}"


def finding_prompt(finding: Finding, lang: str, word: str) -> Table:
    """A finding as one option: its severity as a coloured word, then what is wrong, wrapped beside it."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(
        Text(f" {word} ", style=SEVERITY_STYLES.get(finding.severity, "bold")),
        Text(finding.text(lang), overflow="fold"),
    )
    return grid


class ChecksScreen(ReportScreen):
    """Every finding of the open report, refreshed on each change; Enter goes to the field."""

    BINDINGS = bindings("checks")
    DEFAULT_CSS = """
    ChecksScreen > #checks-summary { padding: 0 1; text-style: bold; }
    ChecksScreen > #findings { height: 1fr; border: round $primary; }
    ChecksScreen > #no-findings { height: 1fr; padding: 1 2; color: $success; }
    ChecksScreen > #ratios-title { padding: 0 1; text-style: bold; }
    ChecksScreen > #ratios { height: auto; max-height: 8; padding: 0 1; }
    """

    def __init__(self, session: ReportSession) -> None:
        super().__init__()
        self.session = session
        self.findings: list[Finding] = []
        self.shown_revision: int | None = None

    def compose(self) -> ComposeResult:
        report = self.session.report
        heading = self.app.t(
            "ui.part.heading", unit=report.short_name, year=report.fiscal_year, path=self.session.store.path
        )
        yield Static(f"{self.app.t('ui.checks.title')} · {heading}", classes="heading")
        yield Static(id="checks-summary")
        yield OptionList(id="findings")
        yield Static(self.app.t("ui.checks.none"), id="no-findings")
        yield Static(self.app.t("ui.checks.ratios"), id="ratios-title")
        yield Static(id="ratios")
        yield KeyLine()

    def on_mount(self) -> None:
        self.refresh_findings()

    def on_screen_resume(self) -> None:
        if self.session.revision != self.shown_revision:
            self.refresh_findings()
        self.query_one("#findings", OptionList).focus()

    def on_report_changed(self, _message: Any) -> None:
        self.refresh_findings()

    def refresh_findings(self) -> None:
        """Run the checks on the report as it is now and show the result."""
        report = self.session.report
        lang = self.session.lang
        self.findings = run_checks(report, self.session.last_year)
        self.shown_revision = self.session.revision
        errors = sum(finding.severity == "error" for finding in self.findings)
        warnings = len(self.findings) - errors
        self.query_one("#checks-summary", Static).update(
            self.app.t("ui.checks.summary", errors=errors, warnings=warnings, goto=keys_said(self.app, "checks.goto"))
        )
        listing = self.query_one("#findings", OptionList)
        highlighted = listing.highlighted
        listing.set_options(
            Option(finding_prompt(finding, lang, self.app.t(f"ui.checks.{finding.severity}")), id=str(i))
            for i, finding in enumerate(self.findings)
        )
        if self.findings:
            listing.highlighted = min(highlighted or 0, len(self.findings) - 1)
        listing.display = bool(self.findings)
        self.query_one("#no-findings", Static).display = not self.findings
        self.query_one("#ratios", Static).update(ratios_table(report, lang, self.app.settings.shares))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(self.findings[event.option_index])

    def action_goto(self) -> None:
        index = self.query_one("#findings", OptionList).highlighted
        if index is not None and index < len(self.findings):
            self.choose(self.findings[index])

    def action_home(self) -> None:
        self.app.leave_report()

    def action_years(self) -> None:
        """Offer to bring last year's year (2019年) forward in the copied blocks that still quote it."""
        from tui.screens.yearly import YearUpdateDialog

        report = self.session.report
        if not year_mentions(report):
            self.notify(self.app.t("ui.years.nothing", last=report.fiscal_year - 1))
            return

        def apply(paths: list[str]) -> str:
            result = self.session.update_years(paths)
            return "" if result.ok else result.reason

        self.app.push_screen(YearUpdateDialog(report, apply))

    def choose(self, finding: Finding) -> None:
        """Go to the finding's place, asking which one when it names several."""
        places = list(finding.places)
        if len(places) == 1:
            self.app.goto_field(places[0].path)
        elif places:
            self.app.push_screen(
                PlaceChooser(places, self.session.lang, self.session.report.outline), self._go_to_place
            )

    def _go_to_place(self, place: Place | None) -> None:
        if place is not None:
            self.app.goto_field(place.path)


def ratios_table(report: Any, lang: str, shares: str = SHARE_METHODS[0]) -> Table:
    """The indicators, one a row: name, percentage, and the formula with its figures (wrapped beside them).

    A last row says how the shares in the breakdowns are rounded (`shares`, from the settings).
    """
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1, style="dim")
    for ratio in ratios(report):
        value = "—" if ratio.value is None else f"{ratio.value}%"
        grid.add_row(ratio.label(lang), value, Text("= " + ratio.formula(lang), overflow="fold"))
    grid.add_row(message("checks.shares", lang), "", Text(message(f"checks.shares.{shares}", lang), overflow="fold"))
    return grid
