"""A Word file (.docx, read with python-docx) as paragraphs and tables interleaved as its body holds them."""

from __future__ import annotations

import io
import zipfile

from exporters.readers.pieces import Grid, Para, Piece, ReadError, tidy


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
