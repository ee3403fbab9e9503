"""What every reader makes of a document: its paragraphs and tables as plain pieces, in reading order.

Text only, cleaned of what a web page or Word leaves in it (non-breaking and odd-width
spaces, zero-width marks, control characters) but otherwise as written, so the importer
can place every word and lose none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.parse import clean_text
from store.refusal import Refusal

#: Spaces a web page or Word puts in text (no-break, en/em/thin, ideographic stays: it is typed).
_ODD_SPACES = re.compile("[\u00a0\u2002-\u200a\u202f\u205f]")


class ReadError(Refusal):
    """The file cannot be read as a report document; the code says why."""


@dataclass(frozen=True)
class Para:
    """One paragraph of the document, one line of a text file."""

    text: str


@dataclass(frozen=True)
class Grid:
    """A table: its rows of cell texts, first row first."""

    rows: tuple[tuple[str, ...], ...]


Piece = Para | Grid


@dataclass(frozen=True)
class Note:
    """What a reader tells the person about the file in the import summary: a catalogue code and its parameters."""

    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Document:
    """A document as read: its pieces in reading order, its reviewers' comments, and what the reader has to say.

    Comments are not part of the text; the importer keeps them in 未归类 so none is lost.
    """

    pieces: list[Piece]
    comments: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()


def tidy(text: str) -> str:
    """One paragraph's text as written, without what pasting adds: odd spaces → spaces, invisible marks out
    (clean_text drops them, store.parse.INVISIBLE)."""
    return clean_text(_ODD_SPACES.sub(" ", text), multiline=False).strip(" \t")
