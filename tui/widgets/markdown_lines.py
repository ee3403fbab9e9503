"""The preview's drawing: the report's Markdown as lines wrapped once to the width, only those in view drawn.

Textual's Markdown widget makes a widget of every paragraph (and of every table cell): F8 on a
report of 2,000 results made 7,000 widgets, took 42 s to fill in, peaked at 650 MB and took 11 s
to quit (this way: 0.7 s, 145 MB, 0.3 s), and it wraps Chinese with no line-breaking rules (a
line began with "，"). The exporter's Markdown is plain enough to read line by line (headings,
paragraphs, hard line breaks, GFM tables with their captions, `---` before the 附表), so this
widget reads it into blocks once, draws them to the width once (a CJK character is two cells;
text breaks by the Chinese rules, `cjk_wrap`), and draws only the lines in view (Textual's Line
API). The title is centred and the headings bold, as the Markdown widget had them; a table is a
box-drawn grid, its columns fitted to the width, its cells wrapped inside their column and
aligned as the table's alignment row says (amounts to the right).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.widgets.cjk_wrap import wrap

#: A table's alignment row (`| :--- | ---: |`).
_ALIGNMENT_ROW = re.compile(r"\|(\s*:?-+:?\s*\|)+")
#: A backslash escape, or the backslash of a hard line break at the end of a line.
_ESCAPE = re.compile(r"\\(.)|\\$")
#: A cell border: a `|` not escaped.
_CELL_BORDER = re.compile(r"(?<!\\)\|")

_PLAIN = Style()
_BOLD = Style(bold=True)
_DIM = Style(dim=True)
#: The fewest cells a table column is narrowed to: one CJK character.
_NARROWEST = 2

Align = Literal["left", "center", "right"]
#: A line drawn: its pieces of text, each with its style.
Line = list[Segment]


def _unescape(text: str) -> str:
    """Markdown text as it reads: escapes undone, a hard break's backslash dropped."""
    return _ESCAPE.sub(lambda match: match.group(1) or "", text)


@dataclass(frozen=True)
class Text:
    """A line of text (a heading, a paragraph, a line of one), wrapped to the width."""

    text: str
    style: Style = _PLAIN
    centred: bool = False


@dataclass(frozen=True)
class Rule:
    """A thematic break (`---`, the page break before the 附表): a dim line across the width."""


@dataclass(frozen=True)
class Table:
    """A GFM table: its header cells, each column's alignment and its rows of cells."""

    header: list[str]
    align: list[Align]
    rows: list[list[str]]


Block = Text | Rule | Table
#: The blank line kept between two blocks.
_BLANK = Text("")


def _cells(line: str) -> list[str]:
    """The cells of a table row as they read (the exporter's padding spaces dropped, a full-width indent kept)."""
    return [_unescape(cell.strip(" ")) for cell in _CELL_BORDER.split(line.strip())[1:-1]]


def _alignment(cell: str) -> Align:
    """`:---:` centre, `---:` right, anything else left."""
    if cell.endswith(":"):
        return "center" if cell.startswith(":") else "right"
    return "left"


def _table(lines: list[str]) -> Table:
    """The table written on these `|` lines: header, alignment row, then the rows."""
    header = _cells(lines[0])
    if len(lines) > 1 and _ALIGNMENT_ROW.fullmatch(lines[1]):
        align, rows = [_alignment(cell) for cell in _cells(lines[1])], lines[2:]
    else:
        align, rows = ["left"] * len(header), lines[1:]
    return Table(header, align, [_cells(row) for row in rows])


def _text(line: str) -> Text | Rule:
    """One line of the exporter's Markdown, not a table's."""
    if line.startswith("# "):
        return Text(_unescape(line[2:].strip()), _BOLD, centred=True)  # the report's title
    if line.startswith("#"):
        return Text(_unescape(line.lstrip("#").strip()), _BOLD)
    if line == "---":
        return Rule()
    if line.startswith("**") and line.endswith("**") and len(line) > 4:
        return Text(_unescape(line[2:-2]), _BOLD)  # a table's caption
    return Text(_unescape(line))


def blocks(chapters: list[str]) -> tuple[list[Block], list[int]]:
    """The blocks of `chapters` (a blank line kept between blocks, one at a time), and where each chapter starts."""
    read: list[Block] = []
    starts: list[int] = []
    for chapter in chapters:
        starts.append(len(read))
        table: list[str] = []
        for line in [*chapter.splitlines(), ""]:
            if line.startswith("|"):
                table.append(line)
                continue
            if table:
                read.append(_table(table))
                table = []
            if not line.strip():
                if read and read[-1] != _BLANK:
                    read.append(_BLANK)
            else:
                read.append(_text(line))
    return read, starts


def column_widths(natural: list[int], narrowest: list[int], room: int) -> list[int]:
    """Each column's width in cells: its natural width when all fit in `room`, else the room shared.

    The narrow columns keep their width and the wide ones are cut to one width, the widest that
    fits, made even (a CJK character takes two cells: an odd width leaves one empty); what is left
    over goes two cells at a time to the first cut columns. No column goes below its narrowest,
    even when the table is then wider than the room.
    """
    if sum(natural) <= room:
        return natural
    cap = max(natural)
    while cap > 0 and sum(max(low, min(width, cap)) for width, low in zip(natural, narrowest, strict=True)) > room:
        cap -= 1
    widths = [max(low, min(width, cap - cap % 2)) for width, low in zip(natural, narrowest, strict=True)]
    cut = [index for index, width in enumerate(natural) if widths[index] < width]
    for step in (2, 1):
        for index in cut:
            widths[index] += max(min(step, room - sum(widths), natural[index] - widths[index]), 0)
    return widths


def _aligned(text: str, width: int, align: Align) -> str:
    """`text` padded with spaces to `width` cells, placed as `align` says."""
    room = max(width - cell_len(text), 0)
    if align == "right":
        return " " * room + text
    if align == "center":
        return " " * (room // 2) + text + " " * (room - room // 2)
    return text + " " * room


def _border(widths: list[int], left: str, middle: str, right: str) -> Line:
    return [Segment(left + middle.join("─" * (width + 2) for width in widths) + right, _DIM)]


def _row(cells: list[str], widths: list[int], align: list[Align], style: Style) -> list[Line]:
    """A table row as lines: each cell wrapped inside its column, the row as tall as its tallest cell."""
    cells = cells + [""] * (len(widths) - len(cells))
    wrapped = [wrap(cell, width) for cell, width in zip(cells, widths, strict=False)]
    lines: list[Line] = []
    for y in range(max(len(parts) for parts in wrapped)):
        line: Line = [Segment("│", _DIM)]
        for parts, width, side in zip(wrapped, widths, align, strict=False):
            text = parts[y] if y < len(parts) else ""
            line += [Segment(f" {_aligned(text, width, side)} ", style), Segment("│", _DIM)]
        lines.append(line)
    return lines


def _narrowest(table: Table, index: int, align: Align) -> int:
    """The fewest cells column `index` is narrowed to: an amount's column keeps its amounts whole."""
    if align == "right":
        return max([_NARROWEST, *(cell_len(row[index]) for row in table.rows if index < len(row))])
    return _NARROWEST


def draw_table(table: Table, width: int) -> list[list[Line]]:
    """The table as a grid `width` cells wide at most (when its narrowest columns fit): its top and
    header, each row, its bottom, each a list of lines."""
    columns = len(table.header)
    align = (table.align + ["left"] * columns)[:columns]
    natural = [
        max(cell_len(row[index]) if index < len(row) else 0 for row in [table.header, *table.rows])
        for index in range(columns)
    ]
    narrowest = [min(natural[index], _narrowest(table, index, side)) for index, side in enumerate(align)]
    widths = column_widths(natural, narrowest, width - 3 * columns - 1)
    head = [_border(widths, "┌", "┬", "┐"), *_row(table.header, widths, align, _BOLD), _border(widths, "├", "┼", "┤")]
    rows = [_row(row, widths, align, _PLAIN) for row in table.rows]
    return [head, *rows, [_border(widths, "└", "┴", "┘")]]


def draw(block: Block, width: int) -> list[list[Line]]:
    """A block drawn `width` cells wide, as the pieces a resize keeps its place by (a table's rows, else the whole)."""
    if isinstance(block, Table):
        return draw_table(block, width)
    if isinstance(block, Rule):
        return [[[Segment("─" * width, _DIM)]]]
    parts = wrap(block.text, width)
    if block.centred:
        parts = [_aligned(part, width, "center").rstrip(" ") for part in parts]
    return [[[Segment(part, block.style)] for part in parts]]


class MarkdownLines(ScrollView, can_focus=True):
    """The preview's Markdown, chapter by chapter, as drawn lines of which only those in view are drawn."""

    DEFAULT_CSS = """
    MarkdownLines { overflow-x: hidden; padding: 0 0 0 1; }
    """

    def __init__(self, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self._blocks: list[Block] = []
        self._chapter_blocks: list[int] = []
        #: For each block, the index of its first piece (`draw`): a table has a piece per row.
        self._block_pieces: list[int] = []
        #: The drawn lines, each with the index of the piece it is part of.
        self._lines: list[tuple[Line, int]] = []
        #: For each piece, the index of its first drawn line.
        self._first: list[int] = []
        self._drawn_at = 0

    def update(self, chapters: list[str]) -> None:
        """Show these chapters (the preview's Markdown cut into chapters), drawn to the width now.

        Not laid out yet (just mounted), it has no width: `on_resize` draws it then.
        """
        self._blocks, self._chapter_blocks = blocks(chapters)
        self._block_pieces = []
        if self.content_region.width:
            self._draw(self._width())

    @property
    def chapter_tops(self) -> list[int]:
        """The line (from the top of the text, as scroll_y counts) where each chapter starts."""
        tops = [self._block_pieces[block] for block in self._chapter_blocks if block < len(self._block_pieces)]
        return [self._first[piece] for piece in tops if piece < len(self._first)]

    def _width(self) -> int:
        """The cells a line may take: the content's width less the vertical scrollbar (which a long text has)
        and a cell between them."""
        return max(self.content_region.width - self.styles.scrollbar_size_vertical - 1, 1)

    def _draw(self, width: int) -> None:
        """Draw every block `width` cells wide, once."""
        lines: list[tuple[Line, int]] = []
        first: list[int] = []
        block_pieces: list[int] = []
        for block in self._blocks:
            block_pieces.append(len(first))
            for piece in draw(block, width):
                first.append(len(lines))
                lines.extend((line, len(first) - 1) for line in piece)
        self._lines, self._first, self._block_pieces, self._drawn_at = lines, first, block_pieces, width
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        """Draw again to the new width, keeping the piece (a paragraph, a table row) at the top of the view at the top."""
        width = self._width()
        if width == self._drawn_at or not self._blocks:
            return
        top = round(self.scroll_y)
        piece = self._lines[top][1] if top < len(self._lines) else 0
        self._draw(width)
        self.scroll_to(y=self._first[piece] if piece < len(self._first) else 0, animate=False)

    def render_line(self, y: int) -> Strip:
        """Line `y` of the view: the drawn line scrolled there, padded (or cut) to the width."""
        index = round(self.scroll_y) + y
        base = self.rich_style
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, base)
        line, _piece = self._lines[index]
        strip = Strip([Segment(segment.text, base + segment.style) for segment in line])
        return strip.crop(0, width).extend_cell_length(width, base)
