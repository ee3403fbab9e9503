"""What every reader makes of a document: its paragraphs and tables as plain pieces, in reading order.

Text only, cleaned of what a web page or Word leaves in it (non-breaking and odd-width
spaces, zero-width marks, control characters) but otherwise as written, so the importer
can place every word and lose none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from store.parse import clean_text
from store.refusal import Refusal

#: Spaces a web page or Word puts in text (no-break, en/em/thin, ideographic stays: it is typed).
_ODD_SPACES = re.compile("[\u00a0\u2002-\u200a\u202f\u205f]")


class ReadError(Refusal):
    """The file cannot be read as a report document; the code says why."""


#: What a paragraph is when it is not the report's own text (`Para.role`); the importer takes none of
#: them for the title or for content:
#: "masthead" — 红头 (the issuing organ's line, "长沙县教育局文件"), 文号 ("长教发〔2021〕12号"), 签发人;
#: "addressee" — 主送 ("县财政局："); "colophon" — 版记 (抄送, 印发 "…办公室 2021年3月5日印发", 主题词);
#: "page" — a page number typed into the text ("— 1 —", "第 1 页 共 5 页");
#: "toc" — a line of a table of contents (it repeats the headings with page numbers).
ROLES = ("masthead", "addressee", "colophon", "page", "toc")


@dataclass(frozen=True)
class Para:
    """One paragraph of the document, one line of a text file.

    `level` is the paragraph's outline level when the document gives it one (1 for a Heading 1 /
    标题 1 paragraph or w:outlineLvl 0, … 9), None for body text. `role` is None for the report's
    own text, else one of ROLES: a line of the official-document frame, not of the report.
    """

    text: str
    level: int | None = None
    role: str | None = None


@dataclass(frozen=True)
class Grid:
    """A table: its rows of cell texts, first row first.

    Every row has one text per column of the table's grid: a cell merged across columns
    (w:gridSpan) gives its text to each column it covers, and a cell merged down rows (w:vMerge)
    gives its text to each row it covers (so a merged 类别 cell names the category of every row
    beside it). A table inside a cell is a Grid of its own, after the table that holds it.
    """

    rows: tuple[tuple[str, ...], ...]


Piece = Para | Grid

#: 红头: the issuing organ's line ("长沙县教育局文件", "中共XX委员会文件").
_MASTHEAD = re.compile(r"[^，。；：,;:]{2,30}文\s*件")
#: 文号 ("长教发〔2021〕12号", "X财预[2020] 5 号"), alone or with 签发人 on the same line.
_DOC_NUMBER = re.compile(
    r"[^，。；,;]{0,20}[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*第?\s*\d{1,5}\s*号(?:\s+签发人.*)?"
)
_SIGNER = re.compile(r"签\s*发\s*人\s*[：:].{0,20}")
#: 主送: organs, then a colon, and nothing else ("县财政局：", "各乡镇人民政府、县直各单位：").
_ADDRESSEE = re.compile(
    r"[^，。；,;：:“”]{2,60}(?:局|委|委员会|办|办公室|厅|处|院|会|政府|部|室|组|中心|站|所|科|部门|单位|公司|镇|街道|乡|领导|同志)[：:]"
)
#: 版记: 抄送/抄报/主题词/公开方式 lines, and "…办公室 2021年3月5日印发".
_COLOPHON = re.compile(
    r"(?:抄\s*送|抄\s*报|主\s*题\s*词|公开方式|分\s*送)\s*[：:].*"
    r"|.{0,40}(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发。?"
    r"|[（(]\s*共印\s*\d+\s*份\s*[）)]"
)
_PAGE_NUMBER = re.compile(
    r"[—\-－–]\s*\d{1,4}\s*[—\-－–]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
)


def frame_role(text: str, *, front: bool) -> str | None:
    """The role (ROLES) a line of the official-document frame plays, by its words; None for report text.

    `front` says whether the line sits before the report's first heading, where 红头, 文号 and 主送
    are; 版记 and page numbers are told anywhere. A report's own title ("…报告") is never a 红头.
    """
    line = text.strip()
    if len(line) > 120:
        return None
    if _COLOPHON.fullmatch(line):
        return "colophon"
    if _PAGE_NUMBER.fullmatch(line):
        return "page"
    if front:
        if "报告" not in line and (_MASTHEAD.fullmatch(line) or _SIGNER.fullmatch(line)):
            return "masthead"
        if _DOC_NUMBER.fullmatch(line):
            return "masthead"
        if _ADDRESSEE.fullmatch(line) and "如下" not in line:
            return "addressee"
    return None


def mark_frame(pieces: list[Piece], *, red: frozenset[int] = frozenset()) -> list[Piece]:
    """The pieces with the official-document frame marked (`Para.role`, by `frame_role`), for every reader alike.

    The front (where 红头, 文号 and 主送 are) lasts until the first table, heading (`level`) or
    paragraph longer than 40 characters. `red` are the indices of lines printed red, where the
    reader can tell (a Word file): a short red line at the very start is a 红头 whatever it says.
    """
    marked: list[Piece] = []
    front = leading = True
    for i, piece in enumerate(pieces):
        if isinstance(piece, Grid):
            marked.append(piece)
            front = leading = False
            continue
        role = piece.role or frame_role(piece.text, front=front)
        if role is None and leading and i in red and len(piece.text) <= 30 and "报告" not in piece.text:
            role = "masthead"
        if role is None:
            leading = False
            if piece.level is not None or len(piece.text) > 40:
                front = False
        marked.append(piece if role == piece.role else replace(piece, role=role))
    return marked


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
