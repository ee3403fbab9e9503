"""A long report's preview drawn a line at a time: it costs what is on screen, not what the report holds.

Textual's Markdown widget makes a widget of every paragraph: F8 on a report of 2,000 results
made 7,000 widgets, took 42 s to fill in, peaked at 650 MB and took 11 s to quit (this way:
0.7 s, 145 MB, 0.3 s); Rich's Markdown in one Static still took 14 s. The exporter's Markdown is plain enough to read line by line (headings, paragraphs,
GFM tables, `---` before the 附表), so this widget turns it into lines of text once, wraps them
to the width once (a CJK character is two cells; the breaks keep the Chinese rules, `cjk_wrap`),
and draws only the lines in view (Textual's Line API). Headings are bold, tables are their rows
with the cells side by side.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.widgets.cjk_wrap import wrap

#: A table's alignment row (`| :--- | ---: |`): not shown.
_ALIGNMENT_ROW = re.compile(r"\|(\s*:?-+:?\s*\|)+")
#: A backslash escape, or the backslash of a hard line break at the end of a line.
_ESCAPE = re.compile(r"\\(.)|\\$")
#: A cell border: a `|` not escaped.
_CELL_BORDER = re.compile(r"(?<!\\)\|")

_PLAIN = Style()
_BOLD = Style(bold=True)
_DIM = Style(dim=True)
#: Between two cells of a table row.
_CELL_GAP = "  "
#: A thematic break (`---`, the page break before the 附表) drawn this many cells wide at most.
_RULE_WIDTH = 40


def _unescape(text: str) -> str:
    """Markdown text as it reads: escapes undone, a hard break's backslash dropped."""
    return _ESCAPE.sub(lambda match: match.group(1) or "", text)


def _shown(line: str) -> tuple[str, Style] | None:
    """One line of the exporter's Markdown as text and style, or None for a line not shown."""
    if line.startswith("#"):
        return _unescape(line.lstrip("#").strip()), _BOLD
    if line == "---":
        return "─" * _RULE_WIDTH, _DIM
    if line.startswith("|"):
        if _ALIGNMENT_ROW.fullmatch(line):
            return None
        cells = _CELL_BORDER.split(line.strip())[1:-1]
        return _CELL_GAP.join(_unescape(cell.strip()) for cell in cells), _PLAIN
    if line.startswith("**") and line.endswith("**") and len(line) > 4:
        return _unescape(line[2:-2]), _BOLD  # a table's caption
    return _unescape(line), _PLAIN


def _lines(chapters: list[str]) -> tuple[list[tuple[str, Style]], list[int]]:
    """The text lines of `chapters` (blank lines between blocks kept, one at a time), and where each chapter starts."""
    lines: list[tuple[str, Style]] = []
    starts: list[int] = []
    for chapter in chapters:
        starts.append(len(lines))
        for line in chapter.splitlines():
            if not line.strip():
                if lines and lines[-1][0]:
                    lines.append(("", _PLAIN))
                continue
            shown = _shown(line)
            if shown is not None:
                lines.append(shown)
    return lines, starts


class MarkdownLines(ScrollView, can_focus=True):
    """The preview's Markdown, chapter by chapter, as wrapped lines of which only those in view are drawn."""

    DEFAULT_CSS = """
    MarkdownLines { overflow-x: hidden; padding: 0 1; }
    """

    def __init__(self, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self._text: list[tuple[str, Style]] = []
        self._chapter_lines: list[int] = []
        #: The wrapped lines, each with the index of the text line it is part of.
        self._wrapped: list[tuple[str, Style, int]] = []
        #: For each text line, the index of its first wrapped line.
        self._first: list[int] = []
        self._wrapped_to = 0

    def update(self, chapters: list[str]) -> None:
        """Show these chapters (the preview's Markdown cut by `chapters`), wrapped to the width now.

        Not laid out yet (just put in place of the Markdown preview), it has no width: `on_resize` wraps then.
        """
        self._text, self._chapter_lines = _lines(chapters)
        if self.content_region.width:
            self._wrap(self._width())

    @property
    def chapter_tops(self) -> list[int]:
        """The line (from the top of the text, as scroll_y counts) where each chapter starts."""
        return [self._first[line] for line in self._chapter_lines if line < len(self._first)]

    def _width(self) -> int:
        """The cells a line may take: the content's width less the vertical scrollbar, which a long text always has."""
        return max(self.content_region.width - self.styles.scrollbar_size_vertical, 1)

    def _wrap(self, width: int) -> None:
        """Wrap every text line to `width` cells (`cjk_wrap.wrap`), once."""
        wrapped: list[tuple[str, Style, int]] = []
        first: list[int] = []
        for origin, (text, style) in enumerate(self._text):
            first.append(len(wrapped))
            wrapped.extend((part, style, origin) for part in wrap(text, width))
        self._wrapped, self._first, self._wrapped_to = wrapped, first, width
        self.virtual_size = Size(width, len(wrapped))
        self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        """Rewrap to the new width, keeping the text line at the top of the view at the top."""
        width = self._width()
        if width == self._wrapped_to or not self._text:
            return
        top = round(self.scroll_y)
        origin = self._wrapped[top][2] if top < len(self._wrapped) else 0
        self._wrap(width)
        self.scroll_to(y=self._first[origin], animate=False)

    def render_line(self, y: int) -> Strip:
        """Line `y` of the view: the wrapped line scrolled there, padded to the width."""
        index = round(self.scroll_y) + y
        base = self.rich_style
        width = self.scrollable_content_region.width
        if index >= len(self._wrapped):
            return Strip.blank(width, base)
        text, style, _origin = self._wrapped[index]
        return Strip([Segment(text, base + style)]).extend_cell_length(width, base)
