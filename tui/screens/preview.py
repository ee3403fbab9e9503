"""The preview: the whole report exactly as the Markdown export will say it.

The text is the exporter's own Markdown (`exporters.to_markdown`), so what is read here is
what is exported; this screen decides no wording. It is drawn by one widget that draws only
the lines in view (`MarkdownLines`): Chinese broken into lines by its rules, the tables as
grids fitted to the width, whatever the report's length. (Textual's Markdown widget, used
before for all but long reports, made a widget of every paragraph and table cell, took about a
second to build for the seed report and began lines with "，".)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widgets import Static

from exporters import to_markdown
from exporters.compose import paragraphs
from exporters.markdown import escape
from store.yearly import text_at
from tui.actions import bindings
from tui.screens.report_screen import ReportScreen
from tui.widgets.keyline import KeyLine
from tui.widgets.markdown_lines import MarkdownLines

if TYPE_CHECKING:
    from store.model import Report
    from tui.session import ReportSession


def chapters(markdown: str) -> list[str]:
    """The Markdown cut before each level-2 heading (一、…) and each thematic break (附表)."""
    parts: list[list[str]] = [[]]
    for line in markdown.splitlines():
        if (line.startswith("## ") or line == "---") and parts[-1]:
            parts.append([])
        parts[-1].append(line)
    return ["\n".join(lines) + "\n" for lines in parts if lines]


def mark_copied(text: str, report: Report, mark: str) -> str:
    """The Markdown with `mark` put before each paragraph still as copied from last year's report.

    The words are the composer's; this only flags, in the preview and never in an export, the
    lines that print a copied block or item (found by its paragraphs, as the writer escapes them).
    """
    copied = {escape(p) for path in report.copied for p in paragraphs(text_at(report, path))}
    if not copied:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if any(paragraph in line for paragraph in copied) and not line.startswith(("#", "|")):
            lines[index] = f"{mark}{line}"
    return "\n".join(lines)


class PreviewScreen(ReportScreen):
    """The report as it will export; n / p jump to the next / previous chapter."""

    BINDINGS = bindings("preview")
    DEFAULT_CSS = """
    PreviewScreen .preview-body { height: 1fr; background: $surface; }
    """

    def __init__(self, session: ReportSession) -> None:
        super().__init__()
        self.session = session
        self.shown_revision: int | None = None
        #: What draws the text.
        self.body = MarkdownLines(classes="preview-body")

    def compose(self) -> ComposeResult:
        report = self.session.report
        heading = self.app.t(
            "ui.part.heading", unit=report.short_name, year=report.fiscal_year, path=self.session.store.path
        )
        yield Static(f"{self.app.t('ui.preview.title')} · {heading}", classes="heading")
        yield self.body
        yield KeyLine()

    def on_mount(self) -> None:
        self.call_after_refresh(self.refresh_preview)

    def on_screen_resume(self) -> None:
        self.body.focus()
        if self.shown_revision is not None and self.session.revision != self.shown_revision:
            self.refresh_preview()

    def on_report_changed(self, _message: Any) -> None:
        if self.is_current:
            self.refresh_preview()

    def refresh_preview(self) -> None:
        """Show the report as it is now (the 2,000-result report's Markdown is made and drawn in half a second)."""
        self.shown_revision = self.session.revision
        report = self.session.report
        text = to_markdown(report, last_year=self.session.last_year, shares=self.app.settings.shares)
        self.body.update(chapters(mark_copied(text, report, self.app.t("ui.preview.copied"))))

    def action_home(self) -> None:
        self.app.leave_report()

    def action_chapter(self, step: int) -> None:
        """Scroll so that the next (step 1) or previous (step -1) chapter starts at the top."""
        tops = self.body.chapter_tops
        here = round(self.body.scroll_y)
        if step > 0:
            target = next((top for top in tops if top > here), None)
        else:
            target = next((top for top in reversed(tops) if top < here), None)
        if target is not None:
            self.body.scroll_to(y=target, animate=False)
