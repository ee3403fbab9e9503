"""Readers: a report document, whatever its format, read as plain pieces (exporters.readers.pieces).

The document side of importing (pandoc's split: readers apart from the writers): a Word file
(.docx, readers.docx) or a text file (.txt, readers.text), told apart by what the file holds,
not by its name. A file that cannot be a document is refused with a reason (`ReadError`),
never half read. exporters.importer places the pieces into a report.
"""

from __future__ import annotations

from pathlib import Path

from exporters.readers.docx import docx_document, is_encrypted_package
from exporters.readers.pieces import Document, Grid, Note, Para, Piece, ReadError, tidy
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
    if data.startswith(ZIP_MAGIC):
        document = docx_document(data)
    elif data.startswith(OLE_MAGIC):
        if is_encrypted_package(data):
            raise ReadError("import.encrypted")
        raise ReadError("import.unknown_type", path=path)
    else:
        document = Document(text_pieces(decode_text(data)))
    if not document.pieces:
        raise ReadError("import.empty")
    return document
