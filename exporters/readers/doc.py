"""A Word 97–2003 file (.doc) or a Kingsoft WPS file (.wps, WPS Office 2003 and later) as paragraphs and tables.

Both are the [MS-DOC] binary format inside an OLE compound file (read with olefile): the
"WordDocument" stream opens with the FIB, which points into the table stream ("0Table" or
"1Table") at the Clx; its piece table (PlcPcd) says where each run of characters lies, as
UTF-16 or as 8-bit "compressed" text. The main document (its first ccpText characters) is the
body; footnotes and headers follow it and are not read; the comments' story comes next
(ccpAtn characters, split into comments by the PlcfandTxt) and is read into Document.comments.

Tracked changes are read as accepted, as the .docx reader reads them: the character properties
(PlcBteChpx → ChpxFkp pages → each run's grpprl, and a piece's own Prm) mark text deleted
(sprmCFRMarkDel: left out; a deleted paragraph mark joins its paragraph to the next) or inserted
(sprmCFRMarkIns: kept), and a note says how many changes and comments there were, with the
same codes as the .docx reader.

In the text, 0x0D ends a paragraph and 0x07 a table cell; a row ends with one more 0x07 whose
paragraph properties (PAPX, sprmPFTtp) mark it as the row's end — read from the paragraph
properties rather than guessed from two 0x07 in a row, since an empty cell is also a 0x07 right
after a 0x07. The row's table definition (sprmTDefTable) tells merged cells, so a merged cell
repeats its text across the columns it covers, as the .docx reader gives it. Fields keep what
they show (their result) and drop their instruction; pictures and objects are dropped.

Automatic numbering is resolved to the text Word prints ("一、", "（二）", "1."): a paragraph's list
and level (sprmPIlfo, sprmPIlvl, its own or its style's) point into the LFO and LST tables
(PlfLfo, PlfLst: each level's format nfc, start, number text), counted by the same
numbering.Counters as the .docx reader. A format it does not know is read as 1, 2, 3 with the
.docx reader's note; list tables it cannot read leave the numbers out, with the
import.doc.numbering note.

Not read: text boxes.

Every offset and length is checked against its stream: a damaged file is refused with one
sentence (ReadError), never an IndexError or a traceback.
"""

from __future__ import annotations

import bisect
import io
import itertools
import struct
from dataclasses import dataclass, field

from exporters.readers.numbering import Counters, Level
from exporters.readers.pieces import Document, Grid, Note, Para, Piece, ReadError, tidy

#: The most characters of main text read: a report is ~10,000; beyond this the file is not one.
MAX_CHARS = 2_000_000
#: The most pages of paragraph or of character properties looked at (each FKP page holds at most 101 runs).
MAX_FKP_PAGES = 20_000

_WORD_IDENT = 0xA5EC
_NFIB_WORD97 = 0x00C1  # Word 97 and every later binary writer (WPS included) write at least this
_FC_STSHF = 1  # FibRgFcLcb97 pair indices
_FC_PLCF_AND_TXT = 5
_FC_CLX = 33
_FC_BTE_CHPX = 12
_FC_BTE_PAPX = 13
_FC_PLF_LST = 73
_FC_PLF_LFO = 74

# Paragraph sprms read: in a table, row end (TTP), list (ilfo), table depth, nested cell and row end.
_SPRM_IN_TABLE = 0x2416
_SPRM_TTP = 0x2417
_SPRM_ILFO = 0x460B
_SPRM_ILVL = 0x260A
_SPRM_ITAP = 0x6649
_SPRM_INNER_CELL = 0x244B
_SPRM_INNER_TTP = 0x244C
_SPRM_TDEF_TABLE = 0xD608
_SPRM_TDEF_TABLE_OLD = 0xD606
_SPRM_CHG_TABS = 0xC615
# Character sprms read: the revision marks (a ToggleOperand: 1 on, 0x81 the style's opposite — no style
# carries one — so on), and who made the change when (one change ends where either changes).
_SPRM_RMARK_DEL = 0x0800
_SPRM_RMARK_INS = 0x0801
_SPRM_IBST_RMARK = 0x4804
_SPRM_DTTM_RMARK = 0x6805
_SPRM_IBST_RMARK_DEL = 0x4863
_SPRM_DTTM_RMARK_DEL = 0x6864
#: Prm0 ([MS-DOC] 2.9.215): a piece's one sprm, by index; only the revision marks matter here.
_PRM0_SPRM = {0x41: _SPRM_RMARK_DEL, 0x42: _SPRM_RMARK_INS}
_TOGGLE_ON = (0x01, 0x81)
_SPRA_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}

#: [MS-DOC] 2.4.1: the bytes of a compressed (8-bit) piece that do not stand for their own code point.
_COMPRESSED = {
    0x82: "\u201a",
    0x83: "\u0192",
    0x84: "\u201e",
    0x85: "\u2026",
    0x86: "\u2020",
    0x87: "\u2021",
    0x88: "\u02c6",
    0x89: "\u2030",
    0x8A: "\u0160",
    0x8B: "\u2039",
    0x8C: "\u0152",
    0x91: "\u2018",
    0x92: "\u2019",
    0x93: "\u201c",
    0x94: "\u201d",
    0x95: "\u2022",
    0x96: "\u2013",
    0x97: "\u2014",
    0x98: "\u02dc",
    0x99: "\u2122",
    0x9A: "\u0161",
    0x9B: "\u203a",
    0x9C: "\u0153",
    0x9F: "\u0178",
}
_COMPRESSED_TABLE = str.maketrans({chr(k): v for k, v in _COMPRESSED.items()})

# The characters of the text stream that are marks, not text.
_PARA_END = "\r"
_CELL_MARK = "\x07"
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
#: Marks read as text: line and page/section break end the line (as the .docx reader splits them),
#: tab stays, non-breaking hyphen is a hyphen; the rest below 0x20 (objects 0x01, pictures 0x08,
#: footnote and comment anchors 0x02/0x05, optional hyphen 0x1F) is dropped.
_AS_TEXT = {"\x0b": "\n", "\x0c": "\n", "\t": "\t", "\x1e": "-"}


class _Damaged(Exception):
    """An offset or length of the file points outside its stream."""


def _unpack(fmt: str, data: bytes, offset: int) -> tuple[int, ...]:
    if offset < 0 or offset + struct.calcsize(fmt) > len(data):
        raise _Damaged
    return struct.unpack_from(fmt, data, offset)


def _u16(data: bytes, offset: int) -> int:
    return _unpack("<H", data, offset)[0]


def _u32(data: bytes, offset: int) -> int:
    return _unpack("<I", data, offset)[0]


def _span(data: bytes, offset: int, length: int) -> bytes:
    if offset < 0 or length < 0 or offset + length > len(data):
        raise _Damaged
    return data[offset : offset + length]


# --- the compound file ------------------------------------------------------------------------


def ole_kind(data: bytes) -> str:
    """What an OLE compound file holds: "word", "encrypted" (a password-protected .docx), "excel",
    "powerpoint", "works" (Microsoft Works, also named .wps) or "other"."""
    streams = _streams(data)
    if "worddocument" in streams:
        return "word"
    if {"encryptioninfo", "encryptedpackage"} & streams:
        return "encrypted"
    if {"workbook", "book"} & streams:
        return "excel"
    if "powerpoint document" in streams:
        return "powerpoint"
    if {"contents", "mn0", "quill"} & streams:
        return "works"
    return "other"


def _streams(data: bytes) -> set[str]:
    """The names of the top-level streams, lower case; ReadError when the compound file is damaged."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return {entry[0].lower() for entry in ole.listdir(streams=True, storages=True)}
    except Exception:  # olefile raises many kinds on a damaged file; every one means the same to a person
        raise ReadError("import.doc.damaged") from None


def _read_streams(data: bytes) -> tuple[bytes, dict[str, bytes]]:
    """The WordDocument stream and the table streams present."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            word = ole.openstream("WordDocument").read()
            tables = {name: ole.openstream(name).read() for name in ("0Table", "1Table") if ole.exists(name)}
    except Exception:
        raise ReadError("import.doc.damaged") from None
    return word, tables


# --- the FIB and the piece table --------------------------------------------------------------


@dataclass(frozen=True)
class _Fib:
    table_name: str
    #: FibRgLw97's lengths of the stories, in the order they follow one another in the text:
    #: ccpText (main), ccpFtn (footnotes), ccpHdd (headers), ccpMcr (unused, 0), ccpAtn (comments).
    ccps: tuple[int, int, int, int, int]
    pairs: tuple[tuple[int, int], ...]  # FibRgFcLcb: (fc, lcb) in the table stream

    @property
    def ccp_text(self) -> int:
        return self.ccps[0]

    def comments_span(self) -> tuple[int, int]:
        """Where the comment story lies: (first cp, cp past the end)."""
        if any(ccp < 0 for ccp in self.ccps):
            raise _Damaged
        start = sum(self.ccps[:4])
        return start, start + self.ccps[4]

    def pair(self, index: int) -> tuple[int, int]:
        return self.pairs[index] if index < len(self.pairs) else (0, 0)


def _fib(word: bytes) -> _Fib:
    ident, nfib = _unpack("<HH", word, 0)
    if ident != _WORD_IDENT:
        raise ReadError("import.doc.damaged")
    flags = _u16(word, 0x0A)
    if flags & 0x0100:  # fEncrypted (XOR-obfuscated or RC4-encrypted): the text is not readable without the password
        raise ReadError("import.doc.password")
    if nfib < _NFIB_WORD97:
        raise ReadError("import.doc.word95")
    csw = _u16(word, 32)
    lw = 34 + csw * 2
    cslw = _u16(word, lw)
    if cslw < 4:
        raise _Damaged
    ccps = _unpack("<5i", word, lw + 2 + 12)
    at = lw + 2 + cslw * 4
    count = _u16(word, at)
    if count <= _FC_CLX:
        raise _Damaged
    values = _unpack(f"<{count * 2}I", word, at + 2)
    pairs = tuple(zip(values[::2], values[1::2], strict=True))
    return _Fib("1Table" if flags & 0x0200 else "0Table", ccps, pairs)


@dataclass(frozen=True)
class _Piece:
    cp: int  # first character position
    end: int  # one past the last
    offset: int  # byte offset of the first character in the WordDocument stream
    compressed: bool
    mark: str | None = None  # a revision mark its Prm applies to all of it: "del", "ins" or None

    def fc(self, cp: int) -> int:
        """The file position of a character in this piece (what the paragraph properties are keyed by)."""
        return self.offset + (cp - self.cp) * (1 if self.compressed else 2)


def _pieces(table: bytes, fib: _Fib) -> list[_Piece]:
    """The piece table: the Clx's Prc entries (grpprls a piece's Prm may point to), then the Pcdt's PlcPcd."""
    fc, lcb = fib.pair(_FC_CLX)
    clx = _span(table, fc, lcb)
    at = 0
    prcs: list[bytes] = []
    while at < len(clx) and clx[at] == 0x01:
        size = _unpack("<h", clx, at + 1)[0]
        prcs.append(_span(clx, at + 3, size))
        at += 3 + size
    if at >= len(clx) or clx[at] != 0x02:
        raise _Damaged
    plc = _span(clx, at + 5, _u32(clx, at + 1))
    count = (len(plc) - 4) // 12
    if count < 1 or len(plc) != count * 12 + 4:
        raise _Damaged
    cps = _unpack(f"<{count + 1}i", plc, 0)
    pieces = []
    for i in range(count):
        raw, prm = _unpack("<IH", plc, (count + 1) * 4 + i * 8 + 2)
        compressed = bool(raw & 0x40000000)
        offset = raw & 0x3FFFFFFF
        start, end = cps[i], cps[i + 1]
        if start < 0 or end < start:
            raise _Damaged
        pieces.append(_Piece(start, end, offset // 2 if compressed else offset, compressed, _prm_mark(prm, prcs)))
    return pieces


def _prm_mark(prm: int, prcs: list[bytes]) -> str | None:
    """The revision mark a piece's Prm applies to the whole piece: one sprm (Prm0) or a Prc's grpprl (Prm1)."""
    if prm & 1:
        index = prm >> 1
        return _rmark(_sprms(prcs[index]))[0] if index < len(prcs) else None
    sprm = _PRM0_SPRM.get((prm >> 1) & 0x7F)
    return _rmark([(sprm, bytes([prm >> 8]))])[0] if sprm else None


def _rmark(sprms: list[tuple[int, bytes]]) -> tuple[str | None, tuple[bytes, bytes]]:
    """The revision mark of a run's character properties: "del" (a deletion wins over an insertion it
    holds), "ins" or None; and who made it when (author index and date, as written)."""
    deleted = inserted = False
    who = when = b""
    for sprm, operand in sprms:
        if sprm == _SPRM_RMARK_DEL and operand:
            deleted = operand[0] in _TOGGLE_ON
        elif sprm == _SPRM_RMARK_INS and operand:
            inserted = operand[0] in _TOGGLE_ON
        elif sprm in (_SPRM_IBST_RMARK, _SPRM_IBST_RMARK_DEL):
            who = operand
        elif sprm in (_SPRM_DTTM_RMARK, _SPRM_DTTM_RMARK_DEL):
            when = operand
    return ("del" if deleted else "ins" if inserted else None), (who, when)


def _text(word: bytes, pieces: list[_Piece], start: int, stop: int) -> list[tuple[int, str]]:
    """The text from cp `start` to `stop` (a story: the main document, the comments), as (cp, run of
    characters) per piece."""
    if start < 0 or stop < start:
        raise _Damaged
    if stop - start > MAX_CHARS:
        raise ReadError("import.doc.too_long", limit=MAX_CHARS)
    runs = []
    for piece in sorted(pieces, key=lambda p: p.cp):
        first, end = max(piece.cp, start), min(piece.end, stop)
        if end <= first:
            continue
        n, at = end - first, piece.fc(first)
        if piece.compressed:
            text = _span(word, at, n).decode("latin-1").translate(_COMPRESSED_TABLE)
        else:
            text = _span(word, at, n * 2).decode("utf-16-le", errors="replace")
        runs.append((first, text))
    return runs


# --- paragraph properties ---------------------------------------------------------------------


@dataclass
class _Pap:
    """What the reader needs of one paragraph's properties."""

    depth: int = 0  # table depth: 0 outside tables
    ttp: bool = False  # this mark ends a table row
    inner_cell: bool = False  # in a nested table: this 0x0D ends an inner cell
    inner_ttp: bool = False
    istd: int = 0  # its paragraph style
    ilfo: int | None = None  # the list (LFO, 1-based) its own properties put it in; 0 none, None: its style's
    ilvl: int | None = None  # its level in the list; None: its style's, or the level the list gives its style
    cells: list[tuple[int, int, int]] = field(default_factory=list)  # row end: (left, right, vertMerge)


def _sprms(grpprl: bytes) -> list[tuple[int, bytes]]:
    """The (sprm, operand) pairs of a grpprl; stops quietly where it stops making sense."""
    out = []
    at = 0
    while at + 2 <= len(grpprl):
        sprm = _u16(grpprl, at)
        at += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm in (_SPRM_TDEF_TABLE, _SPRM_TDEF_TABLE_OLD):
                if at + 2 > len(grpprl):
                    break
                size, at = _u16(grpprl, at) - 1, at + 2  # the count includes one byte of itself
            elif at < len(grpprl) and not (sprm == _SPRM_CHG_TABS and grpprl[at] == 255):
                size, at = grpprl[at], at + 1
            else:
                break
        else:
            size = _SPRA_SIZE[spra]
        if size < 0 or at + size > len(grpprl):
            break
        out.append((sprm, grpprl[at : at + size]))
        at += size
    return out


def _pap(body: bytes) -> _Pap:
    """A paragraph's properties from its style index (istd, 2 bytes) and grpprl."""
    pap = _Pap(istd=_u16(body, 0) if len(body) >= 2 else 0)
    for sprm, operand in _sprms(body[2:]):
        if sprm == _SPRM_IN_TABLE and operand:
            pap.depth = max(pap.depth, 1) if operand[0] else 0
        elif sprm == _SPRM_TTP:
            pap.ttp = bool(operand[0])
        elif sprm == _SPRM_ITAP:
            pap.depth = _unpack("<i", operand, 0)[0]
        elif sprm == _SPRM_INNER_CELL:
            pap.inner_cell = bool(operand[0])
        elif sprm == _SPRM_INNER_TTP:
            pap.inner_ttp = bool(operand[0])
        elif sprm == _SPRM_ILFO:
            pap.ilfo = _unpack("<h", operand, 0)[0]
        elif sprm == _SPRM_ILVL:
            pap.ilvl = operand[0]
        elif sprm in (_SPRM_TDEF_TABLE, _SPRM_TDEF_TABLE_OLD):
            pap.cells = _row_cells(operand)
    return pap


def _row_cells(operand: bytes) -> list[tuple[int, int, int]]:
    """A row's cells from its TDefTableOperand: left and right edge, and how each is merged vertically."""
    if not operand:
        return []
    n = operand[0]
    if 1 + (n + 1) * 2 > len(operand):
        return []
    edges = _unpack(f"<{n + 1}h", operand, 1)
    tc_at = 1 + (n + 1) * 2
    cells = []
    for i in range(n):
        at = tc_at + i * 20
        grf = _u16(operand, at) if at + 2 <= len(operand) else 0
        cells.append((edges[i], edges[i + 1], (grf >> 5) & 0x3))
    return cells


class _Papx:
    """The paragraph properties of the file, looked up by the file position of a paragraph's mark."""

    def __init__(self, runs: list[tuple[int, int, bytes]]) -> None:
        self.runs = sorted(runs)  # (first fc, fc past the end, istd and grpprl) per paragraph run
        self.starts = [start for start, _, _ in self.runs]

    @classmethod
    def read(cls, word: bytes, table: bytes, fib: _Fib) -> _Papx:
        """From the PlcBtePapx: the FKP pages of the WordDocument stream that hold the properties."""
        runs = []
        for page in _fkp_pages(word, table, fib, _FC_BTE_PAPX):
            runs += _fkp(page)
        return cls(runs)

    def at(self, fc: int) -> _Pap | None:
        i = bisect.bisect_right(self.starts, fc) - 1
        if i < 0 or not self.runs[i][0] <= fc < self.runs[i][1]:
            return None
        return _pap(self.runs[i][2])


def _fkp_pages(word: bytes, table: bytes, fib: _Fib, index: int) -> list[bytes]:
    """The 512-byte FKP pages of the WordDocument stream a PlcBtePapx or PlcBteChpx points to."""
    fc, lcb = fib.pair(index)
    if not lcb:
        return []
    plc = _span(table, fc, lcb)
    count = (len(plc) - 4) // 8
    if count < 1 or len(plc) != count * 8 + 4:
        raise _Damaged
    pages = sorted({_u32(plc, (count + 1) * 4 + i * 4) & 0x3FFFFF for i in range(count)})
    if len(pages) > MAX_FKP_PAGES:
        raise _Damaged
    return [_span(word, pn * 512, 512) for pn in pages]


def _fkp(page: bytes) -> list[tuple[int, int, bytes]]:
    """A PapxFkp: (first fc, fc past the end, grpprl) of each paragraph run on the 512-byte page."""
    crun = page[511]
    if crun == 0 or (crun + 1) * 4 + crun * 13 > 511:
        raise _Damaged
    fcs = _unpack(f"<{crun + 1}I", page, 0)
    runs = []
    for i in range(crun):
        offset = page[(crun + 1) * 4 + i * 13] * 2
        grpprl = b""
        if offset:
            cb = page[offset] if offset < 511 else 0
            if cb:
                body = _span(page, offset + 1, 2 * cb - 1)
            else:
                body = _span(page, offset + 2, 2 * page[offset + 1]) if offset + 1 < 511 else b""
            grpprl = body  # the style index (istd, 2 bytes), then the sprms
        runs.append((fcs[i], fcs[i + 1], grpprl))
    return runs


# --- lists: the LST and LFO tables -------------------------------------------------------------

#: MSONFC ([MS-OSHARED] 2.2.1.3): a level's number format as numbering.FORMATS names it (the .docx name).
_NFC = {
    0: "decimal",
    1: "upperRoman",
    2: "lowerRoman",
    3: "upperLetter",
    4: "lowerLetter",
    5: "ordinal",
    6: "cardinalText",
    7: "ordinalText",
    8: "hex",
    9: "chicago",
    10: "ideographDigital",
    11: "japaneseCounting",
    12: "aiueo",
    13: "iroha",
    14: "decimalFullWidth",
    15: "decimalHalfWidth",
    16: "japaneseLegal",
    17: "japaneseDigitalTenThousand",
    18: "decimalEnclosedCircle",
    19: "decimalFullWidth2",
    20: "aiueoFullWidth",
    21: "irohaFullWidth",
    22: "decimalZero",
    23: "bullet",
    24: "ganada",
    25: "chosung",
    26: "decimalEnclosedFullstop",
    27: "decimalEnclosedParen",
    28: "decimalEnclosedCircleChinese",
    29: "ideographEnclosedCircle",
    30: "ideographTraditional",
    31: "ideographZodiac",
    32: "ideographZodiacTraditional",
    33: "taiwaneseCounting",
    34: "ideographLegalTraditional",
    35: "taiwaneseCountingThousand",
    36: "taiwaneseDigital",
    37: "chineseCounting",
    38: "chineseLegalSimplified",
    39: "chineseCountingThousand",
    40: "decimal",  # msonfcChnDbNum4
    41: "koreanDigital",
    42: "koreanCounting",
    43: "koreanLegal",
    44: "koreanDigital2",
    255: "none",
}
_FOLLOW = {0: "tab", 1: "space", 2: "nothing"}
#: The most lists (LSTF, LFO) read: a report has a few dozen.
MAX_LISTS = 10_000


def _lvl(table: bytes, at: int) -> tuple[Level, int]:
    """A LVL at `at` (LVLF, its grpprlPapx and grpprlChpx, then the number text xst) as a numbering.Level
    whose text names level numbers as %1…%9 (the xst's placeholders 0x00–0x08); and where the next begins."""
    start, nfc, flags = _unpack("<iBB", table, at)
    follow = table[at + 15] if at + 15 < len(table) else 0
    cb_chpx, cb_papx, restart_lim = _unpack("<BBB", table, at + 24)
    at += 28 + cb_papx + cb_chpx
    cch = _u16(table, at)
    xst = _span(table, at + 2, cch * 2).decode("utf-16-le", errors="replace")
    text = "".join(f"%{ord(ch) + 1}" if ord(ch) < 9 else ("%\u200b" if ch == "%" else ch) for ch in xst)
    level = Level(
        start=start,
        fmt=_NFC.get(nfc, f"nfc {nfc}"),
        text=text,
        restart=restart_lim if flags & 0x08 else None,  # fNoRestart: restarts only after levels above ilvlRestartLim
        legal=bool(flags & 0x04),
        suffix=_FOLLOW.get(follow, "tab"),
    )
    return level, at + 2 + cch * 2


@dataclass
class _List:
    """A list (LFO) of the document: its LST's identity, levels and paragraph styles per level, and its
    overrides (start numbers, levels)."""

    lsid: int
    levels: dict[int, Level]
    styles: dict[int, int]  # istd → level (LSTF.rgistdPara)
    starts: dict[int, int] = field(default_factory=dict)


def _lists(table: bytes, fib: _Fib) -> dict[int, _List]:
    """The document's lists by ilfo (1-based, as sprmPIlfo names them), from the PlfLst (LSTF, then the
    LVLs of each in order) and the PlfLfo (LFO, then each one's LFOData with its LFOLVL overrides)."""
    fc, lcb = fib.pair(_FC_PLF_LST)
    if lcb < 2:
        return {}
    count = _unpack("<h", table, fc)[0]
    if not 0 <= count <= MAX_LISTS:
        raise _Damaged
    lsts: dict[int, tuple[dict[int, Level], dict[int, int]]] = {}
    at = fc + 2 + count * 28
    for i in range(count):
        lstf = fc + 2 + i * 28
        lsid = _unpack("<i", table, lstf)[0]
        istds = _unpack("<9H", table, lstf + 8)
        simple = table[lstf + 26] & 0x01 if lstf + 26 < len(table) else 0
        levels = {}
        for ilvl in range(1 if simple else 9):
            levels[ilvl], at = _lvl(table, at)
        styles = {istd: ilvl for ilvl, istd in enumerate(istds[: len(levels)]) if istd != 0x0FFF}
        lsts[lsid] = (levels, styles)
    fc, lcb = fib.pair(_FC_PLF_LFO)
    if lcb < 4:
        return {}
    count = _u32(table, fc)
    if count > MAX_LISTS:
        raise _Damaged
    lists: dict[int, _List] = {}
    at = fc + 4 + count * 16
    for i in range(count):
        lsid, _, _, clfolvl = _unpack("<iIIB", table, fc + 4 + i * 16)
        levels, styles = lsts.get(lsid, ({}, {}))
        found = _List(lsid, dict(levels), styles)
        at += 4  # LFOData.cp: every LFO has its LFOData, overrides or none
        for _ in range(clfolvl):
            start, flags = _unpack("<iI", table, at)
            at += 8
            ilvl = flags & 0x0F
            if flags & 0x20:  # fFormatting: a whole LVL replaces the level
                found.levels[ilvl], at = _lvl(table, at)
                found.starts[ilvl] = found.levels[ilvl].start
            elif flags & 0x10:  # fStartAt
                found.starts[ilvl] = start
        lists[i + 1] = found
    return lists


# --- character properties: the revision marks -------------------------------------------------


@dataclass(frozen=True)
class _Mark:
    """A stretch of characters [cp, end) inserted or deleted in one tracked change."""

    cp: int
    end: int
    kind: str  # "ins" or "del"
    who: tuple[bytes, bytes]  # author index and date as written: one change ends where either changes


class _Marks:
    """The revision marks of the text, looked up by character position."""

    def __init__(self, marks: list[_Mark]) -> None:
        self.marks = sorted(marks, key=lambda m: m.cp)
        self.starts = [m.cp for m in self.marks]

    @classmethod
    def read(cls, word: bytes, table: bytes, fib: _Fib, pieces: list[_Piece]) -> _Marks:
        """From the pieces' own Prm and the PlcBteChpx: the ChpxFkp pages' runs whose grpprl marks a revision,
        laid on the characters of each piece that the run's file positions cover."""
        runs: list[tuple[int, int, str, tuple[bytes, bytes]]] = []
        for page in _fkp_pages(word, table, fib, _FC_BTE_CHPX):
            for start, end, grpprl in _chpx_fkp(page):
                kind, who = _rmark(_sprms(grpprl))
                if kind:
                    runs.append((start, end, kind, who))
        runs.sort()
        fcs = [start for start, _, _, _ in runs]
        marks = []
        for piece in pieces:
            if piece.end <= piece.cp:
                continue
            if piece.mark:
                marks.append(_Mark(piece.cp, piece.end, piece.mark, (b"", b"")))
                continue
            width = 1 if piece.compressed else 2
            first, last = piece.offset, piece.fc(piece.end)
            i = max(bisect.bisect_right(fcs, first) - 1, 0)
            while i < len(runs) and runs[i][0] < last:
                start, end, kind, who = runs[i]
                i += 1
                low, high = max(start, first), min(end, last)
                if low < high:
                    cp = piece.cp + -(-(low - first) // width)
                    stop = piece.cp + -(-(high - first) // width)
                    if cp < stop:
                        marks.append(_Mark(cp, stop, kind, who))
        return cls(marks)

    def at(self, cp: int) -> _Mark | None:
        if not self.marks:
            return None
        i = bisect.bisect_right(self.starts, cp) - 1
        return self.marks[i] if i >= 0 and cp < self.marks[i].end else None


def _chpx_fkp(page: bytes) -> list[tuple[int, int, bytes]]:
    """A ChpxFkp: (first fc, fc past the end, grpprl) of each character run on the 512-byte page."""
    crun = page[511]
    if crun == 0 or (crun + 1) * 4 + crun > 511:
        raise _Damaged
    fcs = _unpack(f"<{crun + 1}I", page, 0)
    runs = []
    for i in range(crun):
        offset = page[(crun + 1) * 4 + i] * 2
        grpprl = _span(page, offset + 1, page[offset]) if offset else b""
        runs.append((fcs[i], fcs[i + 1], grpprl))
    return runs


# --- from characters to pieces ----------------------------------------------------------------


class _Builder:
    """Characters in, paragraphs and tables out."""

    def __init__(self, numberer: _Numberer | None = None) -> None:
        self.numberer = numberer
        self.pieces: list[Piece] = []
        self.line: list[str] = []  # the paragraph being read
        self.cell: list[str] = []  # the paragraphs of the cell being read
        self.row: list[str] = []  # the cells of the row being read
        self.rows: list[tuple[list[str], list[tuple[int, int, int]]]] = []  # the table being read

    def text(self, pap: _Pap | None) -> str:
        """The paragraph just read, with the number Word prints before it (on its first line with text)."""
        text = "".join(self.line)
        self.line = []
        marker = self.numberer.marker(pap) if self.numberer else None
        if marker:
            lines = text.split("\n")
            first = next((i for i, line in enumerate(lines) if tidy(line)), None)
            if first is not None:
                lines[first] = marker + tidy(lines[first])
                text = "\n".join(lines)
        return text

    def paragraph(self, pap: _Pap | None) -> None:
        text = self.text(pap)
        in_table = pap.depth > 0 if pap else bool(self.row or self.cell)
        if in_table:
            self.cell.append(text)
            return
        self.end_table()
        for part in text.split("\n"):
            part = tidy(part)
            if part:
                self.pieces.append(Para(part))

    def cell_end(self, pap: _Pap | None) -> None:
        """A 0x07: the end of a cell, or of a row when its properties say so (or, unknown, when nothing
        stands between it and the cell before)."""
        row_end = pap.ttp if pap else (not self.line and not self.cell and bool(self.row))
        if row_end:
            self.line = []
            self.rows.append((self.row, pap.cells if pap else []))
            self.row, self.cell = [], []
            return
        self.cell.append(self.text(pap))
        self.row.append(tidy("\n".join(self.cell)))
        self.cell = []

    def end_table(self) -> None:
        if self.row or self.cell:  # a row without its end mark (a damaged or cut file): keep its cells
            if self.cell:
                self.row.append(tidy("\n".join(self.cell)))
            self.rows.append((self.row, []))
            self.row, self.cell = [], []
        if self.rows:
            grid = _grid(self.rows)
            if any(any(row) for row in grid):
                self.pieces.append(Grid(grid))
            self.rows = []


def _grid(rows: list[tuple[list[str], list[tuple[int, int, int]]]]) -> tuple[tuple[str, ...], ...]:
    """Rows of cells laid on the table's columns: a cell spanning columns repeats its text in each,
    a cell merged with the one above takes its text (as python-docx gives a .docx table)."""
    edges = sorted({edge for _, cells in rows for left, right, _ in cells for edge in (left, right)})
    out: list[tuple[str, ...]] = []
    above: dict[int, str] = {}
    for texts, cells in rows:
        if len(cells) != len(texts) or len(edges) < 2:
            out.append(tuple(texts))
            above = {}
            continue
        line: list[str] = []
        for text, (left, right, vmerge) in zip(texts, cells, strict=True):
            first = bisect.bisect_left(edges, left)
            last = bisect.bisect_left(edges, right)
            value = above.get(first, text) if vmerge == 1 else text
            for column in range(first, max(last, first + 1)):
                above[column] = value
                line.append(value)
        out.append(tuple(line))
    return tuple(out)


@dataclass
class _Revisions:
    """How many tracked changes the text holds, counted as the .docx reader counts its w:ins and w:del:
    one per stretch of a paragraph inserted (or deleted) by one author at one time; a paragraph mark's
    own mark is folded into its text, so it never counts alone."""

    inserted: int = 0
    deleted: int = 0
    current: tuple[str, tuple[bytes, bytes]] | None = None

    def see(self, ch: str, mark: _Mark | None) -> None:
        if mark is None or ch in (_PARA_END, _CELL_MARK):
            self.current = None
            return
        key = (mark.kind, mark.who)
        if key != self.current:
            self.current = key
            if mark.kind == "ins":
                self.inserted += 1
            else:
                self.deleted += 1


def _run_marks(marks: _Marks, start: int, length: int) -> list[_Mark | None]:
    """The revision mark of each character of a run of text beginning at cp `start`."""
    out: list[_Mark | None] = [None] * length
    i = max(bisect.bisect_right(marks.starts, start) - 1, 0)
    while i < len(marks.marks) and marks.marks[i].cp < start + length:
        mark = marks.marks[i]
        i += 1
        for cp in range(max(mark.cp, start), min(mark.end, start + length)):
            out[cp - start] = mark
    return out


def _build(
    runs: list[tuple[int, str]],
    pieces: list[_Piece],
    papx: _Papx,
    marks: _Marks | None = None,
    revisions: _Revisions | None = None,
    numberer: _Numberer | None = None,
) -> list[Piece]:
    """The paragraphs and tables of a story's text, its tracked changes accepted (deleted characters
    left out — a deleted paragraph mark joins its paragraph to the next — inserted ones kept) and
    counted into `revisions`."""
    ordered = sorted(pieces, key=lambda p: p.cp)
    starts = [p.cp for p in ordered]

    def pap_at(cp: int) -> _Pap | None:
        i = bisect.bisect_right(starts, cp) - 1
        return papx.at(ordered[i].fc(cp)) if i >= 0 else None

    builder = _Builder(numberer)
    fields: list[bool] = []  # per open field: True once its separator is passed (its result shows)
    for start, text in runs:
        kinds = _run_marks(marks, start, len(text)) if marks and marks.marks else None
        for offset, ch in enumerate(text):
            if kinds is not None:
                mark = kinds[offset]
                if revisions is not None:
                    revisions.see(ch, mark)
                if mark is not None and mark.kind == "del":
                    continue
            if ch == _FIELD_BEGIN:
                fields.append(False)
            elif ch == _FIELD_SEPARATOR:
                if fields:
                    fields[-1] = True
            elif ch == _FIELD_END:
                if fields:
                    fields.pop()
            elif ch == _PARA_END:
                if not all(fields):  # a paragraph mark inside a field's instruction: the field is broken
                    fields = []
                builder.paragraph(pap_at(start + offset))
            elif ch == _CELL_MARK:
                fields = []
                builder.cell_end(pap_at(start + offset))
            elif not all(fields):
                continue
            elif ch >= " ":
                builder.line.append(ch)
            elif ch in _AS_TEXT:
                builder.line.append(_AS_TEXT[ch])
    builder.paragraph(None)
    builder.end_table()
    return builder.pieces


class _Numberer:
    """What Word prints before each numbered paragraph, counted as the .docx reader counts (numbering.Counters:
    one sequence per LST, an LFO's start overrides restarting it where the LFO is first used).

    A paragraph is numbered by its own sprmPIlfo/sprmPIlvl or its style's (through its base styles); its
    level, when neither says, is the one the LST links to its style (LSTF.rgistdPara), else 0.
    """

    def __init__(self, table: bytes, fib: _Fib) -> None:
        self.counts = Counters()
        self.styles = _style_numbering(table, fib)
        try:
            self.lists: dict[int, _List] | None = _lists(table, fib)
        except _Damaged:  # the text is still readable: its numbers are left out, with a note
            self.lists = None
        self.missed = False  # a paragraph is numbered but its list could not be read

    def marker(self, pap: _Pap | None) -> str | None:
        if pap is None:
            return None
        ilfo, ilvl = pap.ilfo, pap.ilvl
        if ilfo is None:
            ilfo, style_ilvl = self.styles.get(pap.istd, (None, None))
            ilvl = ilvl if ilvl is not None else style_ilvl
        if not ilfo or ilfo < 0:  # 0: no list; negative: a list switched off (Word 97 compatibility)
            return None
        found = (self.lists or {}).get(ilfo)
        if found is None:
            self.missed = True
            return None
        if ilvl is None:
            ilvl = found.styles.get(pap.istd, 0)
        return self.counts.marker(found.lsid, ilfo, found.levels, found.starts, ilvl)


def _style_numbering(table: bytes, fib: _Fib) -> dict[int, tuple[int | None, int | None]]:
    """The list (ilfo) and level (ilvl) each paragraph style puts its paragraphs in, each inherited through
    its base styles; {} if the stylesheet is unreadable."""
    fc, lcb = fib.pair(_FC_STSHF)
    try:
        stsh = _span(table, fc, lcb)
        cb_stshi = _u16(stsh, 0)
        cstd, cb_base = _unpack("<HH", stsh, 2)
        at = 2 + cb_stshi
        own: dict[int, tuple[int, int | None, int | None]] = {}  # istd → (istdBase, its own ilfo, ilvl)
        for istd in range(cstd):
            cb_std = _u16(stsh, at)
            std = _span(stsh, at + 2, cb_std)
            at += 2 + cb_std
            if not cb_std:
                continue
            stk, base = _u16(std, 2) & 0xF, _u16(std, 2) >> 4
            name_chars = _u16(std, cb_base)
            upx = cb_base + 2 + name_chars * 2 + 2
            upx += upx % 2
            if stk != 1:
                continue
            cb_upx = _u16(std, upx)
            grpprl = _span(std, upx + 4, max(cb_upx - 2, 0))
            sprms = _sprms(grpprl)
            lists = [_unpack("<h", op, 0)[0] for sprm, op in sprms if sprm == _SPRM_ILFO and len(op) == 2]
            levels = [op[0] for sprm, op in sprms if sprm == _SPRM_ILVL and op]
            own[istd] = (base, lists[-1] if lists else None, levels[-1] if levels else None)
    except _Damaged:
        return {}
    resolved: dict[int, tuple[int | None, int | None]] = {}
    for istd in own:
        values: list[int | None] = [None, None]
        current, seen = istd, 0
        while current in own and seen < 16:  # 0x0FFF: no base
            for i in (0, 1):
                values[i] = values[i] if values[i] is not None else own[current][i + 1]
            current, seen = own[current][0], seen + 1
        resolved[istd] = (values[0], values[1])
    return resolved


def _comments(word: bytes, table: bytes, fib: _Fib, pieces: list[_Piece], papx: _Papx, marks: _Marks) -> list[str]:
    """The comments' texts, from the comment story (after the main text, footnotes and headers): the
    PlcfandTxt's CPs begin each comment, the second-to-last ends the last; without it, the story is one."""
    start, stop = fib.comments_span()
    if stop <= start:
        return []
    fc, lcb = fib.pair(_FC_PLCF_AND_TXT)
    bounds = [0, stop - start]
    if lcb >= 12 and lcb % 4 == 0:
        cps = _unpack(f"<{lcb // 4}i", _span(table, fc, lcb), 0)[:-1]
        if all(0 <= a < b <= stop - start for a, b in itertools.pairwise(cps)):
            bounds = list(cps)
    comments = []
    for first, end in itertools.pairwise(bounds):
        found = _build(_text(word, pieces, start + first, start + end), pieces, papx, marks)
        text = tidy("\n".join(piece.text for piece in found if isinstance(piece, Para)))
        if text:
            comments.append(text)
    return comments


def doc_document(data: bytes) -> Document:
    """A .doc or .wps file's main text in reading order (tracked changes accepted), its comments, and
    notes: how many tracked changes and comments there were, and whether Word's own numbering was left out."""
    word, tables = _read_streams(data)
    try:
        fib = _fib(word)
        table = tables.get(fib.table_name)
        if table is None:
            raise _Damaged
        pieces = _pieces(table, fib)
        runs = _text(word, pieces, 0, fib.ccp_text)
        papx = _Papx.read(word, table, fib)
        marks = _Marks.read(word, table, fib, pieces)
        revisions = _Revisions()
        numberer = _Numberer(table, fib)
        found = _build(runs, pieces, papx, marks, revisions, numberer)
        comments = _comments(word, table, fib, pieces, papx, marks)
    except _Damaged:
        raise ReadError("import.doc.damaged") from None
    notes: list[Note] = []
    if revisions.inserted or revisions.deleted:
        notes.append(Note("import.note.revisions", {"inserted": revisions.inserted, "deleted": revisions.deleted}))
    if comments:
        notes.append(Note("import.note.comments", {"count": len(comments)}))
    if numberer.counts.unknown:
        notes.append(Note("import.note.numbering", {"formats": "、".join(sorted(numberer.counts.unknown))}))
    if numberer.missed:
        notes.append(Note("import.doc.numbering"))
    return Document(found, tuple(comments), tuple(notes))
