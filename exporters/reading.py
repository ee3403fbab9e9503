"""A report document read as plain pieces: its paragraphs and tables in reading order.

The document side of importing (the composer's mirror): a Word file (.docx, read with
python-docx, paragraphs and tables interleaved as the body holds them) or a text file
(.txt, UTF-8, GBK/GB18030, or UTF-16/UTF-8 with a byte-order mark, whichever it is). What
comes out is text only, cleaned of what a web page or Word leaves in it (non-breaking and
odd-width spaces, zero-width marks, control characters) but otherwise as written, so the
importer can place every word and lose none. A file that cannot be a document is refused
with a reason (`ReadError`), never half read.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from store.parse import clean_text
from store.refusal import Refusal

#: Spaces a web page or Word puts in text (no-break, en/em/thin, ideographic stays: it is typed).
_ODD_SPACES = re.compile("[\u00a0\u2002-\u200a\u202f\u205f]")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
DOCX_SUFFIX, TEXT_SUFFIX = ".docx", ".txt"


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


def tidy(text: str) -> str:
    """One paragraph's text as written, without what pasting adds: odd spaces → spaces, invisible marks out
    (clean_text drops them, store.parse.INVISIBLE)."""
    return clean_text(_ODD_SPACES.sub(" ", text), multiline=False).strip(" \t")


def decode_text(data: bytes) -> str:
    """The text of a .txt file: by its byte-order mark, else UTF-8, else GB18030 (GBK); refuses binary."""
    if not data.strip():
        raise ReadError("import.empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise ReadError("import.bad_encoding") from None
    if b"\x00" in data:
        raise ReadError("import.binary")
    for codec in ("utf-8", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not any(ord(ch) < 32 and ch not in "\t\n\r\f\v" for ch in text):
            return text
    raise ReadError("import.binary")


def text_pieces(text: str) -> list[Piece]:
    """A text file's lines as paragraphs (blank lines left out: they separate, they say nothing)."""
    lines = (tidy(line) for line in clean_text(text).split("\n"))
    return [Para(line) for line in lines if line]


def docx_pieces(data: bytes) -> list[Piece]:
    """A Word file's body in reading order: each paragraph, and each table as its rows of cell text."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise ReadError("import.not_docx") from None
    pieces: list[Piece] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            rows = tuple(tuple(tidy(cell.text) for cell in row.cells) for row in block.rows)
            if any(any(row) for row in rows):
                pieces.append(Grid(rows))
            continue
        for line in block.text.split("\n"):
            text = tidy(line)
            if text:
                pieces.append(Para(text))
    return pieces


def read_document(path: Path) -> list[Piece]:
    """The paragraphs and tables of a .docx or .txt report; ReadError when it is neither or unreadable."""
    suffix = path.suffix.lower()
    if suffix not in (DOCX_SUFFIX, TEXT_SUFFIX):
        raise ReadError("import.unknown_type", path=path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("no_such_file", path=path) from None
    except OSError:
        raise ReadError("is_folder" if path.is_dir() else "cannot_read", path=path) from None
    if not data:
        raise ReadError("import.empty")
    pieces = docx_pieces(data) if suffix == DOCX_SUFFIX else text_pieces(decode_text(data))
    if not pieces:
        raise ReadError("import.empty")
    return pieces
