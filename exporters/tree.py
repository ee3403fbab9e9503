"""The document tree: what the composer decides and every writer lays out.

Blocks are plain, small and final: each holds the exact words and numbers to print. A writer
chooses fonts, spacing and markup, never wording, so Markdown and Word always say the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Title:
    """The document title, centred at the top."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A numbered heading; level 1 to 4 numbers as 一、 （一） 1. （1）."""

    level: int
    number: str
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: an optional item number, an optional run-in title (`lead`), the text.

    `1.` + `制度方面：` + `以区政府……` prints as one paragraph; the lead may be set off
    (bold in Word) but its words are the composer's.
    """

    text: str
    number: str = ""
    lead: str = ""


@dataclass(frozen=True)
class Table:
    """An appendix table: its label (附表1), caption, unit note, header, rows, column alignment, keep-together."""

    label: str
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[Align, ...]
    note: str = ""
    #: Kept on one page (a short appendix table); a long form (the 自评表) breaks across pages instead.
    keep: bool = True
    #: Leading columns whose runs of equal text (under the same parent) are one cell: Word merges
    #: them down the rows; Markdown, which cannot, repeats the text on every row.
    merge: int = 0
    #: Cells spanning columns, as (row index in `rows`, first column, last column): the first cell's
    #: text is shown across them (合计 over the indicator columns).
    spans: tuple[tuple[int, int, int], ...] = ()
    #: Relative column widths set for the content; empty: a writer sizes columns from their text.
    widths: tuple[float, ...] = ()
    #: A hand-in form's table: set in smaller type than a report's 附表 (Word: 五号).
    dense: bool = False
    #: Rows (indices in `rows`) that head the columns below them, set as the header is.
    heads: tuple[int, ...] = ()


@dataclass(frozen=True)
class Signature:
    """The signing unit and the date, at the right after one blank line."""

    unit: str
    date: str


@dataclass(frozen=True)
class PageBreak:
    """Start a new page (before the appendix tables)."""


Block = Title | Heading | Paragraph | Table | Signature | PageBreak


@dataclass
class Document:
    """A whole document: its blocks in reading order, and metadata a writer may record."""

    title: str
    author: str
    blocks: list[Block] = field(default_factory=list)
    #: Printed on landscape pages (a wide hand-in form).
    landscape: bool = False
