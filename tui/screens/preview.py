"""The preview: the whole report exactly as the Markdown export will say it.

The text is the exporter's own Markdown (`exporters.to_markdown`), so what is read here is
what is exported; this screen decides no wording. It is rebuilt only when the report has
changed since it was last shown, so flipping back to it is instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Markdown, MarkdownViewer

from exporters import to_markdown
from tui.keymap import localize_bindings

if TYPE_CHECKING:
    from tui.session import ReportSession

#: Below this width the table of contents starts hidden, leaving the text room to read.
TOC_MIN_WIDTH = 110


class PreviewScreen(Screen):
    """The report as it will export, with a table of contents that can be shown or hidden."""

    BINDINGS = [Binding("t", "toggle_toc", "目录", id="jixiao.preview.toc")]
    DEFAULT_CSS = """
    PreviewScreen MarkdownViewer { height: 1fr; }
    PreviewScreen MarkdownTableOfContents { width: 32; }
    """

    def __init__(self, session: ReportSession) -> None:
        super().__init__()
        self.session = session
        self.shown_revision: int | None = None
        localize_bindings(self, session.lang)

    def compose(self) -> ComposeResult:
        yield MarkdownViewer(show_table_of_contents=False, open_links=False)
        yield Footer()

    async def on_mount(self) -> None:
        self.title = self.app.t("ui.preview.title")
        self.viewer.show_table_of_contents = self.app.size.width >= TOC_MIN_WIDTH
        await self.refresh_preview()

    async def on_screen_resume(self) -> None:
        if self.session.revision != self.shown_revision:
            await self.refresh_preview()
        self.viewer.document.focus()

    async def on_report_changed(self, _message: Any) -> None:
        if self.is_current:
            await self.refresh_preview()

    @property
    def viewer(self) -> MarkdownViewer:
        return self.query_one(MarkdownViewer)

    @property
    def document(self) -> Markdown:
        return self.viewer.document

    async def refresh_preview(self) -> None:
        """Render the report as it is now, keeping the reading position."""
        scroll_y = self.viewer.scroll_y
        self.shown_revision = self.session.revision
        await self.document.update(to_markdown(self.session.report))
        self.viewer.scroll_to(y=scroll_y, animate=False)

    def action_toggle_toc(self) -> None:
        self.viewer.show_table_of_contents = not self.viewer.show_table_of_contents
