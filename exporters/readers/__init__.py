"""Readers: a report document, whatever its format, read as plain pieces (exporters.readers.pieces).

The document side of importing (pandoc's split: readers apart from the writers): a Word file
(.docx, readers.docx), an old Word or WPS file (.doc/.wps, readers.doc) or a text file (.txt,
readers.text), told apart by what the file holds, not by its name. A file that cannot be a document is refused with a reason (`ReadError`),
never half read. exporters.importer places the pieces into a report.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from exporters.readers.doc import doc_document, ole_kind
from exporters.readers.docx import docx_document
from exporters.readers.pieces import Document, Grid, Note, Para, Piece, ReadError, mark_frame, tidy
from exporters.readers.text import decode_text, text_pieces

__all__ = ["Document", "Grid", "Note", "Para", "Piece", "ReadError", "decode_text", "read_document", "tidy"]

#: The first bytes of a zip package (.docx) and of an OLE compound file (.doc, .wps, an encrypted .docx).
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_document(path: Path) -> Document:
    """The paragraphs and tables of a report document; ReadError when it is none jixiao reads, or unreadable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("no_such_file", path=path) from None
    except OSError:
        raise ReadError("is_folder" if path.is_dir() else "cannot_read", path=path) from None
    if not data:
        raise ReadError("import.empty")
    if data.startswith(OLE_MAGIC):
        document = _ole_document(data)
    elif data.startswith(ZIP_MAGIC):
        document = docx_document(data)  # marks the frame itself: it can also tell a red 红头
    else:
        document = Document(mark_frame(text_pieces(_text_of(data, path))))
    if not document.pieces:
        raise ReadError("import.empty")
    return document


def _ole_document(data: bytes) -> Document:
    """A compound file: a Word 97–2003 or WPS document is read; anything else is named and refused."""
    kind = ole_kind(data)
    if kind == "word":
        document = doc_document(data)
        return replace(document, pieces=mark_frame(document.pieces))
    if kind == "encrypted":  # a .docx with an opening password is an OLE file holding the encrypted package
        raise ReadError("import.doc.password")
    raise ReadError(f"import.doc.{kind}" if kind in ("excel", "powerpoint", "works") else "import.doc.not_word")


def _text_of(data: bytes, path: Path) -> str:
    """A text file's text; a binary file named .wps is named as the WPS 2000 (or older) file it likely is."""
    try:
        return decode_text(data)
    except ReadError as error:
        if error.code == "import.binary" and path.suffix.lower() == ".wps":
            raise ReadError("import.doc.old_wps") from None
        raise
