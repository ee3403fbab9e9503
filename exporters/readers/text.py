"""A text file (.txt) read as paragraphs: UTF-8, GBK/GB18030, or UTF-16/UTF-8 with a byte-order mark."""

from __future__ import annotations

from exporters.readers.pieces import Para, Piece, ReadError, tidy
from store.parse import clean_text

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


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
