"""A Word file (.docx) read as Word shows it, straight from its XML (zipfile + lxml, no python-docx).

What a person sees is what the pieces say:

- automatic numbering resolved to its visible text ("一、", "（二）", "3．", "1.2") from
  word/numbering.xml, whether the paragraph carries w:numPr or inherits it from its style;
  counters run per abstract numbering (as Word counts: two w:num of one w:abstractNum continue one
  sequence; a w:startOverride restarts it where that w:num is first used), w:lvlRestart and
  w:isLgl honoured; a bullet adds no text;
- the outline level of headings (Heading 1–9 / 标题 1–9 styles, w:outlineLvl) as `Para.level`;
- tracked changes read as accepted (w:ins, w:moveTo in; w:del, w:moveFrom out; a deleted
  paragraph mark joins the paragraph to the next), with a Note saying how many there were;
- comments (word/comments.xml) in Document.comments, with a Note;
- text in content controls (not their grey placeholder), text boxes (once: of an
  mc:AlternateContent only the first Choice is read), hyperlinks, smart tags, simple and complex
  fields (the result, never the instruction), hidden text (w:vanish) left out;
- tables as Grids, merged cells repeated into every column and row they cover (see Grid), rows
  deleted in tracked changes left out, tables in cells after their table;
- 红头, 文号, 主送, 版记, page numbers and table-of-contents lines marked with a `Para.role`
  (pieces.ROLES) so the importer never takes them for the title or the report's text; page
  headers and footers (word/header*.xml, footer*.xml) are not read at all.

A hostile file is refused before it costs much (see `read_part`): each part read is checked for
its declared and actual inflated size and its compression ratio before it is parsed; XML is parsed
with entities unresolved, no network, no DTD accepted and libxml2's default depth and text limits;
a part holding too many elements or paragraphs is refused as it is read. An encrypted Word file
(an OLE compound file with an EncryptedPackage stream) is named as such by readers.doc.ole_kind.
"""

from __future__ import annotations

import io
import keyword
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from posixpath import dirname, normpath
from posixpath import join as join_path

from lxml import etree

from exporters.readers.numbering import Counters, Level, Num
from exporters.readers.pieces import Document, Grid, Note, Para, Piece, ReadError, mark_frame, tidy

#: The most a part may inflate to (document.xml; the small parts: styles, numbering, comments, rels).
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 20 * 1024 * 1024
#: Above this size a part compressed more than MAX_RATIO : 1 is refused (Word's XML compresses ~5–30 : 1).
RATIO_FLOOR_BYTES = 1024 * 1024
MAX_RATIO = 200
#: The most zip members, XML elements in one part, and paragraphs in the document.
MAX_MEMBERS = 10_000
MAX_ELEMENTS = 1_000_000
MAX_PARAGRAPHS = 100_000


_W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # ISO strict
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MATH = (
    "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "http://purl.oclc.org/ooxml/officeDocument/math",
)
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


# --- the package: parts read safely ---------------------------------------------------------------


_DTD_MARKS = tuple(
    word.encode(codec) for word in ("<!DOCTYPE", "<!ENTITY") for codec in ("utf-8", "utf-16-le", "utf-16-be")
)


def _parse(data: bytes, part: str) -> etree._Element:
    """`data` parsed as XML without entities, network or DTD; refused past MAX_ELEMENTS elements or
    MAX_PARAGRAPHS paragraphs, counted as it is read (a megabyte at a time), before the tree grows big."""
    if any(mark in data for mark in _DTD_MARKS):  # Word never writes a DTD; "<" in text is always escaped
        raise ReadError("import.docx_unsafe", part=part)
    parser = etree.XMLPullParser(
        events=("start",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    elements = paragraphs = 0
    try:
        for at in range(0, len(data), 1 << 20):
            parser.feed(data[at : at + (1 << 20)])
            for _, element in parser.read_events():
                elements += 1
                paragraphs += element.tag[-2:] == "}p"
            if elements > MAX_ELEMENTS:
                raise ReadError("import.docx_too_many", part=part, limit=MAX_ELEMENTS)
            if paragraphs > MAX_PARAGRAPHS:
                raise ReadError("import.docx_too_many", part=part, limit=MAX_PARAGRAPHS)
        root = parser.close()
    except etree.XMLSyntaxError as error:
        raise ReadError("import.docx_bad_xml", part=part, line=error.lineno or 1) from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise ReadError("import.docx_unsafe", part=part)
    return root


class _Package:
    """The zip package of a .docx: its parts found through their relationships, each read within limits."""

    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise ReadError("import.not_docx") from None
        if len(infos) > MAX_MEMBERS:
            raise ReadError("import.docx_too_many", part="[zip]", limit=MAX_MEMBERS)
        self.members = {info.filename: info for info in infos}

    def read_part(self, name: str, limit: int = MAX_PART_BYTES) -> bytes | None:
        """A member's bytes, None when absent; refused when it inflates (or says it does) past `limit`."""
        info = self.members.get(name)
        if info is None:
            return None
        limit_mb = limit // (1024 * 1024)
        if info.file_size > limit or (
            info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise ReadError("import.docx_too_big", part=name, limit=limit_mb)
        try:
            with self.zip.open(info) as member:
                data = member.read(limit + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
            raise ReadError("import.docx_damaged", part=name) from None
        if len(data) > limit:
            raise ReadError("import.docx_too_big", part=name, limit=limit_mb)
        return data

    def xml(self, name: str, limit: int = MAX_PART_BYTES) -> etree._Element | None:
        data = self.read_part(name, limit)
        return None if data is None else _parse(data, name)

    def relations(self, part: str) -> dict[str, str]:
        """The part's relationships: type (its last word: officeDocument, styles…) → target part name."""
        folder, base = dirname(part), part.rsplit("/", 1)[-1]
        rels = self.xml(join_path(folder, "_rels", base + ".rels") if part else "_rels/.rels")
        found: dict[str, str] = {}
        if rels is None:
            return found
        for rel in rels.iter(f"{{{_REL}}}Relationship"):
            kind, target = rel.get("Type", "").rsplit("/", 1)[-1], rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target or kind in found:
                continue
            path = target.lstrip("/") if target.startswith("/") else normpath(join_path(folder, target))
            found[kind] = path
        return found


class _Names:
    """The qualified tag and attribute names of one WordprocessingML namespace."""

    def __init__(self, w: str) -> None:
        self.w = w
        for local in [
            "abstractNum",
            "abstractNumId",
            "basedOn",
            "body",
            "br",
            "cr",
            "comment",
            "customXml",
            "del",
            "delText",
            "dir",
            "bdo",
            "document",
            "drawing",
            "fldChar",
            "fldCharType",
            "fldSimple",
            "gridAfter",
            "gridBefore",
            "gridSpan",
            "hyperlink",
            "ilvl",
            "ins",
            "instrText",
            "isLgl",
            "lvl",
            "lvlOverride",
            "lvlRestart",
            "lvlText",
            "moveFrom",
            "moveTo",
            "name",
            "noBreakHyphen",
            "num",
            "numFmt",
            "numId",
            "numPr",
            "numStyleLink",
            "object",
            "outlineLvl",
            "p",
            "pict",
            "pPr",
            "pStyle",
            "ptab",
            "r",
            "rPr",
            "sdt",
            "sdtContent",
            "sdtPr",
            "showingPlcHdr",
            "smartTag",
            "start",
            "startOverride",
            "style",
            "styleId",
            "styleLink",
            "suff",
            "sym",
            "char",
            "t",
            "tab",
            "tbl",
            "tc",
            "tcPr",
            "tr",
            "trPr",
            "txbxContent",
            "type",
            "val",
            "vanish",
            "vMerge",
            "color",
            "sz",
            "default",
        ]:
            setattr(self, local + "_" if keyword.iskeyword(local) else local, f"{{{w}}}{local}")


def _on(element: etree._Element | None, names: _Names) -> bool:
    """A toggle property (w:vanish, w:isLgl…) that is present and not switched off."""
    return element is not None and element.get(names.val, "true") not in ("0", "false", "off")


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None


_HEADING_NAME = re.compile(r"(?i)(?:heading|标题)\s*([1-9])")
_TOC_NAME = re.compile(r"(?i)(?:toc|目录)\s*[1-9]")
_TOC_ENTRY = re.compile(r"[\t.…·]\s*\d{1,4}\s*$")


class _Styles:
    """Paragraph styles: numbering and outline level, each inherited along w:basedOn."""

    def __init__(self, root: etree._Element | None, n: _Names) -> None:
        self.styles: dict[str, _Style] = {}
        self.default: str | None = None
        if root is None:
            return
        for element in root.iter(n.style):
            style_id = element.get(n.styleId)
            if style_id is None:
                continue
            style = _Style()
            if (name := element.find(n.name)) is not None:
                style.name = name.get(n.val, "")
            if (based := element.find(n.basedOn)) is not None:
                style.based_on = based.get(n.val)
            ppr = element.find(n.pPr)
            if ppr is not None:
                num_pr = ppr.find(n.numPr)
                if num_pr is not None:
                    num_id, ilvl = num_pr.find(n.numId), num_pr.find(n.ilvl)
                    style.num_id = num_id.get(n.val) if num_id is not None else None
                    style.ilvl = _int(ilvl.get(n.val)) if ilvl is not None else None
                if (outline := ppr.find(n.outlineLvl)) is not None:
                    style.outline = _int(outline.get(n.val))
            self.styles[style_id] = style
            if element.get(n.type) == "paragraph" and element.get(n.default) in ("1", "true", "on"):
                self.default = style_id

    def chain(self, style_id: str | None) -> Iterator[tuple[str, _Style]]:
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style_id, style
            style_id = style.based_on

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        num_id = ilvl = None
        for _, style in self.chain(style_id):
            num_id = num_id if num_id is not None else style.num_id
            ilvl = ilvl if ilvl is not None else style.ilvl
        return num_id, ilvl

    def outline(self, style_id: str | None) -> int | None:
        """1–9 for a heading style (its w:outlineLvl, or its name: heading 1, 标题 1), else None."""
        for _, style in self.chain(style_id):
            if style.outline is not None:
                return style.outline + 1 if 0 <= style.outline <= 8 else None
            match = _HEADING_NAME.fullmatch(style.name.strip())
            if match:
                return int(match[1])
        return None

    def is_toc(self, style_id: str | None) -> bool:
        return any(_TOC_NAME.fullmatch(style.name.strip()) for _, style in self.chain(style_id))


class _Numbering:
    """word/numbering.xml, and the counters Word keeps while it lays the document out."""

    def __init__(self, root: etree._Element | None, n: _Names, styles: _Styles) -> None:
        self.n, self.styles = n, styles
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstractNum id → the numbering style it stands for (numStyleLink)
        self.nums: dict[str, Num] = {}
        self.counts = Counters()
        if root is None:
            return
        for abstract in root.iter(n.abstractNum):
            key = abstract.get(n.abstractNumId, "")
            self.abstracts[key] = {lvl.ilvl: lvl for lvl in map(self._level, abstract.iter(n.lvl))}
            if (link := abstract.find(n.numStyleLink)) is not None:
                self.links[key] = link.get(n.val, "")
        for element in root.iter(n.num):
            ref = element.find(n.abstractNumId)
            if ref is None:
                continue
            num = Num(ref.get(n.val, ""))
            for override in element.iter(n.lvlOverride):
                ilvl = _int(override.get(n.ilvl), 0) or 0
                if (start := override.find(n.startOverride)) is not None:
                    num.starts[ilvl] = _int(start.get(n.val), 0) or 0
                if (lvl := override.find(n.lvl)) is not None:
                    level = self._level(lvl)
                    num.levels[ilvl] = level
            self.nums[element.get(n.numId, "")] = num

    def _level(self, lvl: etree._Element) -> Level:
        n = self.n

        def value(tag: str) -> str | None:
            found = lvl.find(tag)
            return None if found is None else found.get(n.val)

        level = Level(
            start=_int(value(n.start), 1) or 0,
            fmt=value(n.numFmt) or "decimal",
            text=value(n.lvlText) or "",
            restart=_int(value(n.lvlRestart)),
            legal=_on(lvl.find(n.isLgl), n),
            style=value(n.pStyle),
            suffix=value(n.suff) or "tab",
            ilvl=_int(lvl.get(n.ilvl), 0) or 0,
        )
        return level

    def _abstract(self, num: Num) -> str:
        """The abstract numbering a w:num uses, through a numbering style's link (numStyleLink) if any."""
        key = num.abstract
        for _ in range(4):
            style = self.links.get(key)
            if not style:
                break
            linked = self.nums.get(self.styles.numbering(style)[0] or "")
            if linked is None or linked.abstract == key:
                break
            key = linked.abstract
        return key

    def marker(self, num_id: str | None, ilvl: int | None, style_id: str | None) -> str | None:
        """The text Word shows before the paragraph ("一、", "（二）", "1.2"), "" for a bullet;
        None when the paragraph is not numbered. Counts it."""
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        num = self.nums[num_id]
        key = self._abstract(num)
        levels = dict(self.abstracts.get(key, {}))
        levels.update(num.levels)
        if ilvl is None:
            ilvl = next((i for i, lvl in levels.items() if style_id and lvl.style == style_id), 0)
        return self.counts.marker(key, num_id, levels, num.starts, ilvl)


# --- the document's text -----------------------------------------------------------------------------


@dataclass
class _Field:
    instr: str = ""
    result: bool = False
    kind: str = ""


@dataclass
class _Line:
    """A line of a paragraph as read (tidied): its text, outline level, whether it belongs to a table of
    contents, and whether it is written mostly in red (a 红头 is)."""

    text: str
    level: int | None = None
    toc: bool = False
    red: bool = False


_RED = re.compile(r"(?i)(?:FF|E[0-9A-F]|D[0-9A-F]|C[0-9A-F])[0-4][0-9A-F][0-4][0-9A-F]|red")


class _Reader:
    """Walks a part's XML in reading order, as Word would lay it out."""

    def __init__(self, n: _Names, styles: _Styles, numbering: _Numbering) -> None:
        self.n, self.styles, self.numbering = n, styles, numbering
        self.fields: list[_Field] = []
        self.paragraphs = 0
        self.mc_choice, self.mc_fallback = f"{{{_MC}}}Choice", f"{{{_MC}}}Fallback"
        self.mc_alternate = f"{{{_MC}}}AlternateContent"
        self.math_t = {f"{{{m}}}t" for m in _MATH}
        self.math = {f"{{{m}}}{local}" for m in _MATH for local in ("oMath", "oMathPara")}
        self.inline_wrappers = {n.ins, n.moveTo, n.hyperlink, n.smartTag, n.customXml, n.fldSimple, n.dir, n.bdo}

    # containers (body, cell, text box, comment) -------------------------------------------------

    def children(self, element: etree._Element) -> Iterator[etree._Element]:
        """The element's children, looking through content controls, custom XML and alternate content."""
        n = self.n
        for child in element:
            tag = child.tag
            if tag == n.sdt:
                if not self._placeholder(child) and (content := child.find(n.sdtContent)) is not None:
                    yield from self.children(content)
            elif tag == n.customXml:
                yield from self.children(child)
            elif tag == self.mc_alternate:
                if (chosen := self._chosen(child)) is not None:
                    yield from self.children(chosen)
            else:
                yield child

    def _placeholder(self, sdt: etree._Element) -> bool:
        props = sdt.find(self.n.sdtPr)
        return props is not None and _on(props.find(self.n.showingPlcHdr), self.n)

    def _chosen(self, alternate: etree._Element) -> etree._Element | None:
        """Of mc:AlternateContent, the one branch read: the first Choice, else the Fallback."""
        choice = alternate.find(self.mc_choice)
        return choice if choice is not None else alternate.find(self.mc_fallback)

    def blocks(self, container: etree._Element) -> list[Piece | _Line]:
        """Paragraphs (as _Line, one per visible line) and tables (as Grid) of a container, in order."""
        n = self.n
        out: list[Piece | _Line] = []
        carry = ""
        for child in self.children(container):
            if child.tag == n.p:
                lines, boxes, joined = self.paragraph(child, carry)
                carry = ""
                if joined is not None:
                    carry = joined
                else:
                    out.extend(lines)
                for box in boxes:
                    out.extend(self.blocks(box))
            elif child.tag == n.tbl:
                out.extend(self.table(child))
        if carry.strip():
            out.append(_Line(carry))
        return out

    # paragraphs -------------------------------------------------------------------------------------

    def paragraph(self, p: etree._Element, carry: str) -> tuple[list[_Line], list[etree._Element], str | None]:
        """The paragraph's lines, its text boxes, and — when its mark was deleted in a tracked change —
        its text to join to the next paragraph instead."""
        n = self.n
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise ReadError("import.docx_too_many", part="word/document.xml", limit=MAX_PARAGRAPHS)
        # A field's instruction never spans paragraphs: one left open is broken, not a reason to hide the text.
        self.fields = [f for f in self.fields if f.result]
        toc = any(f.kind == "TOC" for f in self.fields)
        buffer: list[str] = [carry]
        boxes: list[etree._Element] = []
        red = [0, 0]
        self.inline(p, buffer, boxes, red)
        text = "".join(buffer)
        toc = toc or any(f.kind == "TOC" and f.result for f in self.fields)
        # In a TOC field, an entry is a line ending in its page number (a broken, unclosed field marks no more).
        toc = toc and bool(_TOC_ENTRY.search(text.rstrip()))
        ppr = p.find(n.pPr)
        style_id = num_id = ilvl = outline = None
        if ppr is not None:
            mark = ppr.find(n.rPr)
            if mark is not None and (mark.find(n.del_) is not None or mark.find(n.moveFrom) is not None):
                return [], boxes, text
            if (pstyle := ppr.find(n.pStyle)) is not None:
                style_id = pstyle.get(n.val)
            if (num_pr := ppr.find(n.numPr)) is not None:
                if (found := num_pr.find(n.numId)) is not None:
                    num_id = found.get(n.val)
                if (found := num_pr.find(n.ilvl)) is not None:
                    ilvl = _int(found.get(n.val))
            if (found := ppr.find(n.outlineLvl)) is not None:
                value = _int(found.get(n.val))
                outline = value + 1 if value is not None and 0 <= value <= 8 else 0
        style_id = style_id or self.styles.default
        if num_id is None:
            inherited, inherited_ilvl = self.styles.numbering(style_id)
            num_id = inherited
            ilvl = ilvl if ilvl is not None else inherited_ilvl
        marker = self.numbering.marker(num_id, ilvl, style_id)
        level = outline if outline is not None else self.styles.outline(style_id)
        toc = toc or self.styles.is_toc(style_id)
        lines = [tidy(line) for line in text.split("\n")]
        first = next((i for i, line in enumerate(lines) if line), None)
        if first is None:
            return [], boxes, None
        if marker:
            lines[first] = tidy(marker + lines[first])
        is_red = red[0] > 0 and red[0] >= red[1]
        out = [
            _Line(line, level=(level or None) if i == first else None, toc=toc, red=is_red)
            for i, line in enumerate(lines)
            if line
        ]
        return out, boxes, None

    def inline(self, element: etree._Element, buffer: list[str], boxes: list[etree._Element], red: list[int]) -> None:
        n = self.n
        for child in element:
            tag = child.tag
            if tag == n.r:
                self.run(child, buffer, boxes, red)
            elif tag in self.inline_wrappers:
                self.inline(child, buffer, boxes, red)
            elif tag == n.sdt:
                if not self._placeholder(child) and (content := child.find(n.sdtContent)) is not None:
                    self.inline(content, buffer, boxes, red)
            elif tag == self.mc_alternate:
                if (chosen := self._chosen(child)) is not None:
                    self.inline(chosen, buffer, boxes, red)
            elif tag in self.math and self._showing():
                buffer.append("".join(t.text or "" for t in child.iter(*self.math_t)))

    def _showing(self) -> bool:
        return all(f.result for f in self.fields)

    def run(self, r: etree._Element, buffer: list[str], boxes: list[etree._Element], red: list[int]) -> None:
        n = self.n
        rpr = r.find(n.rPr)
        hidden = rpr is not None and _on(rpr.find(n.vanish), n)
        is_red = False
        if rpr is not None and (color := rpr.find(n.color)) is not None:
            is_red = bool(_RED.fullmatch(color.get(n.val, "")))
        start = sum(map(len, buffer))
        for child in r:
            tag = child.tag
            if tag == n.fldChar:
                kind = child.get(n.fldCharType)
                if kind == "begin":
                    self.fields.append(_Field())
                elif kind == "separate" and self.fields:
                    self.fields[-1].result = True
                    self.fields[-1].kind = (self.fields[-1].instr.split() or [""])[0].upper()
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if tag == n.instrText:
                if self.fields and not self.fields[-1].result:
                    self.fields[-1].instr += child.text or ""
                continue
            if hidden or not self._showing():
                continue
            if tag == n.t:
                buffer.append(child.text or "")
            elif tag in (n.tab, n.ptab):
                buffer.append("\t")
            elif tag in (n.br, n.cr):
                buffer.append("\n")
            elif tag == n.noBreakHyphen:
                buffer.append("-")
            elif tag == n.sym:
                try:
                    code = int(child.get(n.char, ""), 16)
                except ValueError:
                    continue
                if code >= 0xF000:  # a Symbol/Wingdings glyph: no character anyone reads
                    continue
                buffer.append(chr(code))
            elif tag in (n.drawing, n.pict, n.object, self.mc_alternate):
                boxes.extend(self._text_boxes(child))
        written = sum(map(len, buffer)) - start
        red[0 if is_red else 1] += written

    def _text_boxes(self, element: etree._Element) -> Iterator[etree._Element]:
        """The text boxes (w:txbxContent) in a drawing, once: of alternate content only the branch read."""
        if element.tag == self.n.txbxContent:
            yield element
            return
        if element.tag == self.mc_alternate:
            chosen = self._chosen(element)
            if chosen is not None:
                yield from self._text_boxes(chosen)
            return
        for child in element:
            yield from self._text_boxes(child)

    # tables -----------------------------------------------------------------------------------------

    def table(self, tbl: etree._Element) -> list[Piece | _Line]:
        """The table as a Grid (merged cells repeated), then the tables nested in its cells."""
        n = self.n
        rows: list[list[str]] = []
        nested: list[Piece | _Line] = []
        above: dict[int, str] = {}  # grid column → text of the cell a vertical merge continues
        for tr in self.children(tbl):
            if tr.tag != n.tr:
                continue
            trpr = tr.find(n.trPr)
            if trpr is not None and (trpr.find(n.del_) is not None):
                continue
            row: list[str] = []
            if trpr is not None and (before := trpr.find(n.gridBefore)) is not None:
                row += [""] * (_int(before.get(n.val), 0) or 0)
            for tc in self.children(tr):
                if tc.tag != n.tc:
                    continue
                tcpr = tc.find(n.tcPr)
                span, merge = 1, None
                if tcpr is not None:
                    if (found := tcpr.find(n.gridSpan)) is not None:
                        span = max(1, min(_int(found.get(n.val), 1) or 1, 64))
                    if (found := tcpr.find(n.vMerge)) is not None:
                        merge = found.get(n.val, "continue")
                texts: list[str] = []
                for block in self.blocks(tc):
                    if isinstance(block, _Line):
                        texts.append(block.text)
                    else:
                        nested.append(block)
                text = tidy("\n".join(texts))
                column = len(row)
                if merge == "continue":
                    text = above.get(column, "")
                for offset in range(span):
                    above[column + offset] = text
                row += [text] * span
            rows.append(row)
        width = max((len(row) for row in rows), default=0)
        grid = tuple(tuple(row + [""] * (width - len(row))) for row in rows)
        out: list[Piece | _Line] = []
        if any(any(row) for row in grid):
            out.append(Grid(grid))
        return out + nested


# --- the whole file -----------------------------------------------------------------------------------


def _revisions(root: etree._Element, n: _Names) -> tuple[int, int]:
    """How many insertions and deletions the document holds (paragraph-mark ones folded into their text)."""
    inserted = deleted = 0
    for element in root.iter(n.ins, n.moveTo, n.del_, n.moveFrom):
        parent = element.getparent()
        if parent is not None and parent.tag == n.rPr:
            continue
        if element.tag in (n.ins, n.moveTo):
            inserted += 1
        else:
            deleted += 1
    return inserted, deleted


def _mark_frame(lines: list[Piece | _Line]) -> list[Piece]:
    """The lines as Paras, table-of-contents lines and the official-document frame marked with their role
    (pieces.mark_frame, told the lines printed red)."""
    pieces = [
        item if isinstance(item, Grid) else Para(item.text, level=item.level, role="toc" if item.toc else None)
        for item in lines
    ]
    red = frozenset(i for i, item in enumerate(lines) if not isinstance(item, Grid) and item.red)
    return mark_frame(pieces, red=red)


def docx_document(data: bytes) -> Document:
    """A Word file's body in reading order (paragraphs and tables), its comments and what the reader
    noticed (tracked changes, comments, numbering formats read approximately); ReadError when the file
    is not a Word file, is damaged, or is built to exhaust the machine."""
    package = _Package(data)
    main = package.relations("").get("officeDocument") or (
        "word/document.xml" if "word/document.xml" in package.members else None
    )
    if main is None:
        raise ReadError("import.not_docx")
    root = package.xml(main, MAX_DOCUMENT_BYTES)
    if root is None or not isinstance(root.tag, str):
        raise ReadError("import.not_docx")
    w = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    if w not in _W_NAMESPACES or root.tag != f"{{{w}}}document":
        raise ReadError("import.not_docx")
    n = _Names(w)
    parts = package.relations(main)
    styles = _Styles(package.xml(parts["styles"]) if "styles" in parts else None, n)
    numbering = _Numbering(package.xml(parts["numbering"]) if "numbering" in parts else None, n, styles)
    reader = _Reader(n, styles, numbering)
    body = root.find(n.body)
    lines = reader.blocks(body) if body is not None else []
    pieces = _mark_frame(lines)
    comments: list[str] = []
    if "comments" in parts and (comments_root := package.xml(parts["comments"])) is not None:
        for comment in comments_root.iter(n.comment):
            reader.fields = []
            texts = [item.text for item in reader.blocks(comment) if isinstance(item, _Line)]
            text = tidy("\n".join(texts))
            if text:
                comments.append(text)
    notes: list[Note] = []
    inserted, deleted = _revisions(root, n)
    if inserted or deleted:
        notes.append(Note("import.note.revisions", {"inserted": inserted, "deleted": deleted}))
    if comments:
        notes.append(Note("import.note.comments", {"count": len(comments)}))
    if numbering.counts.unknown:
        notes.append(Note("import.note.numbering", {"formats": "、".join(sorted(numbering.counts.unknown))}))
    return Document(pieces, tuple(comments), tuple(notes))


def docx_pieces(data: bytes) -> list[Piece]:
    """A Word file's body alone, in reading order (see `docx_document` for its comments and notes)."""
    return docx_document(data).pieces
