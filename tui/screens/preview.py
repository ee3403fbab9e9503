"""The preview: the whole report exactly as the Markdown export will say it.

The text is the exporter's own Markdown (`exporters.to_markdown`), so what is read here is
what is exported; this screen decides no wording.

Textual's Markdown widget builds a widget per paragraph and per table cell: rebuilding the
whole seed report takes seconds on a busy PC, and every widget slows each return to the
screen. So the text is cut into its chapters (一、… 七、 and the 附表), one Markdown widget
each, and after an edit only the chapters whose text changed are rebuilt (about a tenth of
the time); and a table is drawn as one widget (`PreviewTable`, built on Textual's private
MarkdownTable, through tui.textual_compat). The screen comes up at once and fills in.

A long report (over AHEAD_AT_MOST list items) would still make thousands of widgets, so its
preview is the same text in one widget that draws only the lines in view (`MarkdownLines`).
Which of the two draws it is chosen each time the preview fills in, from the report as it is
then: a report that grows past the limit while open (or shrinks below it) is drawn the other
way at the next F8, on the screen already built.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from typing import TYPE_CHECKING, Any

from rich import box
from rich.table import Table
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import MountError
from textual.widgets import Markdown, Static

from exporters import to_markdown
from exporters.compose import paragraphs
from exporters.markdown import escape
from store.yearly import text_at
from tui.actions import bindings
from tui.screens.report_screen import ReportScreen
from tui.textual_compat import MarkdownTable, table_headers_and_rows
from tui.widgets.keyline import KeyLine
from tui.widgets.markdown_lines import MarkdownLines

if TYPE_CHECKING:
    from store.model import Report
    from tui.session import ReportSession


#: Items of the report's lists (duties, results, their indicators…) beyond which the preview is not built
#: ahead: it makes a widget of every paragraph, and a 2,000-result report's took 200 MB and 10 s to quit.
AHEAD_AT_MOST = 500

#: A table cell that holds a number (an amount, a share, a count): right-aligned.
_NUMBER = re.compile(r"-?[\d,]+(\.\d+)?%?")


class PreviewTable(MarkdownTable):
    """A Markdown table drawn as one widget, numbers right-aligned.

    Textual's own table makes a widget of every cell; the seed's 附表 alone have about 150,
    and every widget costs time each time the screen is shown. (MarkdownTable is private: tui.textual_compat.)
    """

    def compose(self) -> ComposeResult:
        headers, rows = table_headers_and_rows(self)
        table = Table(box=box.SQUARE, header_style="bold", border_style="dim")
        for index, header in enumerate(headers):
            column = [row[index].plain.strip() for row in rows if index < len(row)]
            numeric = any(column) and all(_NUMBER.fullmatch(cell) for cell in column if cell)
            table.add_column(header.plain, justify="right" if numeric else "left", overflow="fold")
        for row in rows:
            table.add_row(*(cell.plain for cell in row))
        yield Static(table)


class PreviewMarkdown(Markdown):
    """The Markdown widget with the one-widget table."""

    BLOCKS = {**Markdown.BLOCKS, "table_open": PreviewTable}


def list_items(value: Any) -> int:
    """How many list items `value` holds, counting the items of lists inside items."""
    if isinstance(value, list):
        return sum(1 + list_items(item) for item in value)
    if dataclasses.is_dataclass(value):
        return sum(list_items(getattr(value, field.name)) for field in dataclasses.fields(value))
    return 0


def is_long(report: Report) -> bool:
    """Whether the report's preview is drawn a line at a time: more than AHEAD_AT_MOST list items."""
    return list_items(report) > AHEAD_AT_MOST


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
    PreviewScreen .preview-body > Markdown { margin: 0; }
    """

    def __init__(self, session: ReportSession) -> None:
        super().__init__()
        self.session = session
        self.shown_revision: int | None = None
        self._rendering = asyncio.Lock()
        #: What draws the text: MarkdownLines for a long report, else a scroll of Markdown widgets (`_draw_as`).
        self._body = self._new_body(long=is_long(session.report))

    @classmethod
    def worth_building_ahead(cls, session: ReportSession) -> bool:
        """Not for a long report: it is built when F8 asks for it (a person may never look)."""
        return not is_long(session.report)

    @staticmethod
    def _new_body(*, long: bool) -> MarkdownLines | VerticalScroll:
        """An empty body drawing a long report's text a line at a time, or another's as Markdown widgets."""
        if long:
            return MarkdownLines(classes="preview-body")
        return VerticalScroll(classes="preview-body", can_focus=True)

    def compose(self) -> ComposeResult:
        report = self.session.report
        heading = self.app.t(
            "ui.part.heading", unit=report.short_name, year=report.fiscal_year, path=self.session.store.path
        )
        yield Static(f"{self.app.t('ui.preview.title')} · {heading}", classes="heading")
        yield self._body
        yield KeyLine()

    def on_mount(self) -> None:
        self.call_after_refresh(self.fill_in)

    def on_screen_resume(self) -> None:
        self.body.focus()
        if self.shown_revision is not None and self.session.revision != self.shown_revision:
            self.fill_in()

    def on_report_changed(self, _message: Any) -> None:
        if self.is_current:
            self.fill_in()

    def fill_in(self) -> None:
        """Bring the preview up to date in the screen's own worker, not in its message handlers.

        A worker is what the app cancels before it takes a screen apart (JixiaoApp._remove): the
        screen built ahead and left at once (Escape right after opening a report) stopped the
        program when a chapter, halfway through being rebuilt, mounted into a removed widget.
        """
        self.run_worker(self.refresh_preview, group="preview")

    @property
    def body(self) -> VerticalScroll | MarkdownLines:
        """What draws the text now."""
        return self._body

    @property
    def long(self) -> bool:
        """Whether the text is drawn a line at a time (MarkdownLines) rather than as Markdown widgets."""
        return isinstance(self._body, MarkdownLines)

    @property
    def blocks(self) -> list[Markdown]:
        """The chapters' Markdown widgets, in order."""
        return list(self.body.query_children(Markdown))

    async def refresh_preview(self) -> None:
        """Show the report as it is now, rebuilding only the chapters whose text changed."""
        async with self._rendering:
            if not self.is_attached:
                return  # left while waiting for the rendering before
            self.shown_revision = self.session.revision
            report = self.session.report
            text = to_markdown(report, last_year=self.session.last_year, shares=self.app.settings.shares)
            texts = chapters(mark_copied(text, report, self.app.t("ui.preview.copied")))
            blocks: list[Markdown] = []
            try:
                await self._draw_as(long=is_long(report))
                if self.long:
                    self.body.update(texts)
                    return
                blocks = self.blocks
                for index, text in enumerate(texts):
                    if index < len(blocks):
                        if blocks[index].source != text:
                            await blocks[index].update(text)
                    else:
                        block = PreviewMarkdown(open_links=False)
                        await self.body.mount(block)
                        blocks.append(block)
                        await block.update(text)
            except MountError:
                # The screen is being taken apart under the rebuild (the app closing, or the screen
                # dropped between two awaits): a chapter or a new body had nowhere left to go. Anything else is a fault.
                if all(block.is_attached for block in blocks) and self.body.is_attached:
                    raise
                return
            for extra in blocks[len(texts) :]:
                await extra.remove()

    async def _draw_as(self, *, long: bool) -> None:
        """Put the other drawing in the body's place if the report crossed AHEAD_AT_MOST since it was drawn.

        The new body is in place before the old one goes, so a key meanwhile (n, p) always finds one.
        """
        if long == self.long:
            return
        old = self._body
        new = self._new_body(long=long)
        await self.mount(new, after=old)
        self._body = new
        if self.focused is old:
            new.focus()
        await old.remove()

    def action_home(self) -> None:
        self.app.leave_report()

    def action_chapter(self, step: int) -> None:
        """Scroll so that the next (step 1) or previous (step -1) chapter starts at the top."""
        body = self.body
        tops = (
            body.chapter_tops if isinstance(body, MarkdownLines) else [block.virtual_region.y for block in self.blocks]
        )
        here = round(body.scroll_y)
        if step > 0:
            target = next((top for top in tops if top > here), None)
        else:
            target = next((top for top in reversed(tops) if top < here), None)
        if target is not None:
            body.scroll_to(y=target, animate=False)
