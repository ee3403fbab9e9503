"""The Word writer: a document tree laid out as a GB/T 9704-2012 style draft (.docx).

A4, margins 37/35/28/26 mm, 22 lines of 28 characters; body 3号 仿宋_GB2312 at an exact
line pitch, first line indented two characters; title 2号 方正小标宋简体 centred; headings
黑体 / 楷体_GB2312 / 仿宋_GB2312 (bold only on 仿宋); page numbers "— N —" in 4号 宋体,
odd pages right, even pages left; the signature placed as the standard places it; tables
in 小四 仿宋 with a fixed layout and a repeated header row.

All formatting lives in the document's own named styles (公文正文, 公文一级标题…), never in
Word's Heading/Title styles, whose theme fonts would override the names. Every `w:rFonts`
carries the East Asian slot, theme font attributes are removed, and the language is zh-CN,
so Word and WPS do not fall back to a Japanese font. Font names come from the settings.
"""

from __future__ import annotations

import copy
import io
import math
import unicodedata
from datetime import UTC, datetime
from functools import lru_cache

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Length, Mm, Pt, Twips
from docx.styles.style import ParagraphStyle
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph
from lxml import etree

from exporters.tree import Document, Heading, PageBreak, Paragraph, Signature, Table, Title
from store.parse import clean_text
from store.settings import Fonts

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
TEXT_WIDTH = Emu(PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#: A wide form (the 自评表) on landscape A4: 25 mm all round, a 247 × 160 mm text block.
LANDSCAPE_MARGIN = Mm(25)
LANDSCAPE_TEXT_WIDTH = Emu(PAGE_HEIGHT - 2 * LANDSCAPE_MARGIN)
LANDSCAPE_TEXT_HEIGHT = Emu(PAGE_WIDTH - 2 * LANDSCAPE_MARGIN)
TEXT_HEIGHT = Emu(PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM)
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
#: Exact line pitch, whole twips, so 22 lines fill the 225 mm text block: 579 twips = 28.95 pt.
LINE_PITCH = Twips(int(TEXT_HEIGHT / LINES_PER_PAGE / Twips(1)))
BODY_SIZE, TITLE_SIZE, TABLE_SIZE, PAGE_NUMBER_SIZE = Pt(16), Pt(22), Pt(12), Pt(14)
TABLE_LINE = Pt(20)
#: A table cell's left and right margins together (Table Grid: 0.19 cm each), and what a row's rules add.
CELL_MARGINS, ROW_RULE = Pt(10.8), Pt(1)
#: Table columns: room for the cell margins (in table characters); a column this narrow never wraps.
CELL_PADDING, SHORT_COLUMN, MIN_COLUMN = 1.5, 8.0, 4.0
#: Body characters condensed so 28 fit a 156 mm line (in twentieths of a point, rounded down:
#: 28 × (16 − 0.25) pt = 441 pt ≤ 442.2 pt). A document grid would do the same in Word, but
#: LibreOffice lays a character grid out at double width, so plain spacing is used instead.
CHAR_SPACING = math.floor((TEXT_WIDTH / CHARS_PER_LINE - BODY_SIZE) / Pt(1) * 20)
#: Two characters of body text: the first-line indent and the signature's right margin.
TWO_CHARS = Pt(32)
#: The page number line sits 7 mm below the text block.
PAGE_NUMBER_GAP = Mm(7)
PAGE_NUMBER_LINE = Pt(18)

BODY = "公文正文"
TITLE = "公文标题"
HEADINGS = {1: "公文一级标题", 2: "公文二级标题", 3: "公文三级标题", 4: "公文四级标题"}
SIGNATURE = "公文落款"
CAPTION = "公文表题"
TABLE_NOTE = "公文表注"
TABLE_HEAD = "公文表头"
TABLE_TEXT = "公文表格"
#: A hand-in form's table (the 自评表), dense: 五号 (10.5 pt) on a 14 pt line, so a row of
#: explanation and reason stays a few lines and the form a few landscape pages.
FORM_HEAD = "表单表头"
FORM_TEXT = "表单表格"
FORM_SIZE, FORM_LINE = Pt(10.5), Pt(14)
PAGE_NUMBER = "公文页码"

#: Names Word may use when a standard font is missing (the settings file can also rename them).
_ALT_NAMES = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体"}
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_ALIGN = {
    "left": WD_PARAGRAPH_ALIGNMENT.LEFT,
    "center": WD_PARAGRAPH_ALIGNMENT.CENTER,
    "right": WD_PARAGRAPH_ALIGNMENT.RIGHT,
}


# --- low-level XML helpers -------------------------------------------------------------


def _set_fonts(rpr: CT_RPr, east_asia: str, latin: str) -> None:
    """Name the font for every script slot of a style's or the defaults' run properties."""
    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def _set_lang(rpr: CT_RPr) -> None:
    """Mark text as Chinese (zh-CN) for East Asian script, so no Japanese glyph fallback."""
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang", {qn("w:val"): "en-US", qn("w:eastAsia"): "zh-CN", qn("w:bidi"): "ar-SA"})
    rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _set_char_spacing(rpr: CT_RPr, twentieths: int) -> None:
    """Condense (negative) or expand every character by a number of twentieths of a point."""
    for old in rpr.findall(qn("w:spacing")):
        rpr.remove(old)
    spacing = OxmlElement("w:spacing", {qn("w:val"): str(twentieths)})
    rpr.insert_element_before(spacing, "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:lang", "w:eastAsianLayout")


def _chinese_line_rules(ppr: BaseOxmlElement) -> None:
    """Line rules for Chinese text: punctuation at the end of a full line, and digits beside Chinese.

    `overflowPunct` is set ON: Word (whose default it is) lets a 、 or ， hang in the margin;
    LibreOffice reads the flag inverted and, when it is absent or off, hangs the mark out of
    sight, so a full line silently loses its 、. With it on, LibreOffice moves the mark down
    with the character before it. No extra gap between Chinese and digits (2019年 stays tight):
    Word and WPS honour that; LibreOffice ignores it and adds a small gap.
    """
    rules = (("w:overflowPunct", "1"), ("w:autoSpaceDE", "0"), ("w:autoSpaceDN", "0"))
    for tag, _ in rules:
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    successors = ("w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:jc", "w:outlineLvl", "w:rPr")
    for i, (tag, value) in enumerate(rules):
        later = [t for t, _ in rules[i + 1 :]]
        ppr.insert_element_before(OxmlElement(tag, {qn("w:val"): value}), *later, *successors)


def _text(text: str) -> str:
    """Text Word's XML can hold: control characters out (python-docx raises on them), on one line."""
    return clean_text(text).replace("\n", " ")


def display_width(text: str) -> float:
    """Width in body characters: a CJK character is one, a Latin letter or digit half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


# --- styles ------------------------------------------------------------------------


def _paragraph_style(
    doc: WordDocument,
    name: str,
    *,
    font: str,
    latin: str,
    size: Length = BODY_SIZE,
    bold: bool = False,
    align: WD_PARAGRAPH_ALIGNMENT = WD_PARAGRAPH_ALIGNMENT.JUSTIFY,
    first_line: Length | None = None,
    line: Length = LINE_PITCH,
    keep_with_next: bool = False,
    outline_level: int | None = None,
) -> ParagraphStyle:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.next_paragraph_style = style if name == BODY else doc.styles[BODY]
    style.quick_style = True
    style.font.size = size
    style.font.bold = bold
    _set_fonts(style.element.get_or_add_rPr(), font, latin)
    _set_lang(style.element.get_or_add_rPr())
    if size == BODY_SIZE:
        _set_char_spacing(style.element.get_or_add_rPr(), CHAR_SPACING)
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = line
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = align
    fmt.first_line_indent = first_line if first_line is not None else Pt(0)
    if first_line:
        ind = style.element.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:firstLineChars"), str(round(first_line / BODY_SIZE * 100)))
    fmt.keep_with_next = keep_with_next
    fmt.widow_control = False
    if outline_level is not None:
        style.element.get_or_add_pPr().get_or_add_outlineLvl().val = outline_level
    return style


def _define_styles(doc: WordDocument, fonts: Fonts) -> None:
    """The document's own styles; Normal and the defaults are given explicit fonts too."""
    latin = fonts.latin
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr_default, fonts.body, latin)
    _set_lang(rpr_default)
    ppr_default = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for spacing in ppr_default.findall(qn("w:spacing")):
        ppr_default.remove(spacing)

    normal = doc.styles["Normal"]
    normal.font.size = BODY_SIZE
    _set_fonts(normal.element.get_or_add_rPr(), fonts.body, latin)
    _set_lang(normal.element.get_or_add_rPr())
    _set_char_spacing(normal.element.get_or_add_rPr(), CHAR_SPACING)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = WD_PARAGRAPH_ALIGNMENT.JUSTIFY
    fmt.widow_control = False
    _chinese_line_rules(normal.element.get_or_add_pPr())

    _paragraph_style(doc, BODY, font=fonts.body, latin=latin, first_line=TWO_CHARS)
    _paragraph_style(
        doc,
        TITLE,
        font=fonts.title,
        latin=latin,
        size=TITLE_SIZE,
        align=WD_PARAGRAPH_ALIGNMENT.CENTER,
        keep_with_next=True,
    ).paragraph_format.space_after = LINE_PITCH
    heading_fonts = {1: fonts.heading1, 2: fonts.heading2, 3: fonts.body, 4: fonts.body}
    for level, name in HEADINGS.items():
        _paragraph_style(
            doc,
            name,
            font=heading_fonts[level],
            latin=latin,
            bold=level >= 3,
            first_line=TWO_CHARS,
            keep_with_next=True,
            outline_level=level - 1,
        )
    _paragraph_style(doc, SIGNATURE, font=fonts.body, latin=latin, align=WD_PARAGRAPH_ALIGNMENT.RIGHT)
    _paragraph_style(
        doc, CAPTION, font=fonts.heading1, latin=latin, align=WD_PARAGRAPH_ALIGNMENT.CENTER, keep_with_next=True
    )
    _paragraph_style(
        doc,
        TABLE_NOTE,
        font=fonts.body,
        latin=latin,
        size=TABLE_SIZE,
        align=WD_PARAGRAPH_ALIGNMENT.RIGHT,
        keep_with_next=True,
    )
    center = WD_PARAGRAPH_ALIGNMENT.CENTER
    for head, text, size, line in (
        (TABLE_HEAD, TABLE_TEXT, TABLE_SIZE, TABLE_LINE),
        (FORM_HEAD, FORM_TEXT, FORM_SIZE, FORM_LINE),
    ):
        _paragraph_style(doc, head, font=fonts.heading1, latin=latin, size=size, line=line, align=center)
        _paragraph_style(doc, text, font=fonts.body, latin=latin, size=size, line=line)
    _paragraph_style(
        doc,
        PAGE_NUMBER,
        font=fonts.page_number,
        latin=fonts.page_number,
        size=PAGE_NUMBER_SIZE,
        line=PAGE_NUMBER_LINE,
        align=WD_PARAGRAPH_ALIGNMENT.RIGHT,
    )
    for style_fonts in doc.styles.element.iter(qn("w:rFonts")):
        _complete_fonts(style_fonts, fonts)


def _complete_fonts(element: BaseOxmlElement, fonts: Fonts) -> None:
    """A template style's rFonts: theme attributes out, every slot named (East Asian included)."""
    for attr in _THEME_ATTRS:
        element.attrib.pop(qn(attr), None)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        if element.get(qn(slot)) is None:
            element.set(qn(slot), fonts.latin)
    if element.get(qn("w:eastAsia")) is None:
        element.set(qn("w:eastAsia"), fonts.body)


# --- page set-up, footer, package ---------------------------------------------------------


def _page_number_field(paragraph: WordParagraph) -> None:
    """ "— N —" with N a PAGE field (begin, instruction, separate, result, end) built by hand."""
    paragraph.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind is not None:
            run._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    paragraph.add_run(" —")


def _set_up_pages(doc: WordDocument) -> None:
    """A4, GB/T 9704 margins, a 22×28 document grid, page numbers right on odd and left on even pages."""
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = Mm(15)
    section.footer_distance = Emu(MARGIN_BOTTOM - PAGE_NUMBER_GAP - PAGE_NUMBER_LINE)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.attrib.pop(qn("w:type"), None)
    grid.attrib.pop(qn("w:charSpace"), None)
    grid.set(qn("w:linePitch"), str(LINE_PITCH.twips))

    doc.settings.odd_and_even_pages_header_footer = True
    odd = section.footer.paragraphs[0]
    odd.style = doc.styles[PAGE_NUMBER]
    odd.paragraph_format.right_indent = PAGE_NUMBER_SIZE
    _page_number_field(odd)
    even = section.even_page_footer.paragraphs[0]
    even.style = doc.styles[PAGE_NUMBER]
    even.alignment = WD_PARAGRAPH_ALIGNMENT.LEFT
    even.paragraph_format.left_indent = PAGE_NUMBER_SIZE
    _page_number_field(even)


def _set_language(doc: WordDocument) -> None:
    """Theme fonts resolve for Chinese, not Japanese."""
    lang = doc.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def _font_table(doc: WordDocument, fonts: Fonts) -> None:
    """List the fonts used, with GB2312 charset and the usual alternative names, for substitution."""
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            part = rel.target_part
            break
    else:
        return
    table = parse_xml(part.blob)
    for font in table.findall(qn("w:font")):
        charset = font.find(qn("w:charset"))
        if charset is not None and charset.get(qn("w:val")) == "80":
            table.remove(font)
    present = {font.get(qn("w:name")) for font in table.findall(qn("w:font"))}
    for name in dict.fromkeys((fonts.body, fonts.title, fonts.heading1, fonts.heading2, fonts.page_number)):
        if name in present:
            continue
        font = OxmlElement("w:font", {qn("w:name"): name})
        if name in _ALT_NAMES:
            font.append(OxmlElement("w:altName", {qn("w:val"): _ALT_NAMES[name]}))
        font.append(OxmlElement("w:charset", {qn("w:val"): "86"}))
        font.append(OxmlElement("w:family", {qn("w:val"): "modern"}))
        font.append(OxmlElement("w:pitch", {qn("w:val"): "fixed"}))
        table.append(font)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_styles_with_effects(doc: WordDocument) -> None:
    """The template's Word 2010 style copy still names theme fonts; only styles.xml should speak."""
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rel_id)


# --- blocks ----------------------------------------------------------------------------


class _Writer:
    """Adds the blocks of a tree to a Word document, one paragraph or table at a time."""

    def __init__(
        self,
        doc: WordDocument,
        style_ids: dict[str, str],
        text_width: Length = TEXT_WIDTH,
        text_height: Length = TEXT_HEIGHT,
    ) -> None:
        self.doc = doc
        self.text_width = text_width
        self.text_height = text_height
        #: Lines of body pitch written so far (where on the first page a table starts).
        self.lines = 0
        self.break_before = False
        # Style ids looked up once: python-docx's `paragraph.style = name` scans every style each time.
        self.style_ids = style_ids
        # Formatted empty cells by (alignment, header, kept with next), shared by every table.
        self.cells: dict[tuple[str, bool, bool, bool], BaseOxmlElement] = {}

    def paragraph(self, text: str, style: str) -> WordParagraph:
        para = self.doc.add_paragraph()
        para._p.style = self.style_ids[style]
        self.lines += 2 if style == TITLE else 1
        if text:
            para.add_run(_text(text))
        if self.break_before:
            para.paragraph_format.page_break_before = True
            self.break_before = False
        return para

    def title(self, block: Title) -> None:
        self.paragraph(block.text, TITLE)

    def heading(self, block: Heading) -> None:
        self.paragraph(block.number + block.text, HEADINGS[block.level])

    def body(self, block: Paragraph) -> None:
        para = self.paragraph(block.number, BODY)
        if block.lead:
            para.add_run(_text(block.lead)).bold = True
        if block.text:
            para.add_run(_text(block.text))

    def signature(self, block: Signature) -> None:
        """GB/T 9704 7.3.5.2: one blank line; the unit 2 characters from the right; the date
        starting 2 characters right of the unit (or, if longer, 2 from the right, unit moved in)."""
        unit, date = _text(block.unit), _text(block.date)
        unit_gap = 2.0
        date_gap = unit_gap + display_width(unit) - display_width(date) - 2
        if date_gap < 2:
            unit_gap += 2 - date_gap
            date_gap = 2.0
        self.paragraph("", BODY).paragraph_format.keep_with_next = True
        for text, gap, keep in ((unit, unit_gap, True), (date, date_gap, False)):
            para = self.paragraph(text, SIGNATURE)
            para.paragraph_format.right_indent = Emu(round(BODY_SIZE * gap))
            para.paragraph_format.keep_with_next = keep

    def table(self, block: Table) -> None:
        if not self.break_before:
            self.paragraph("", BODY)
        if block.label or block.caption:
            self.paragraph("　".join(part for part in (block.label, block.caption) if part), CAPTION)
        if block.note:
            self.paragraph(block.note, TABLE_NOTE)
        widths = column_widths(block, self.text_width)
        table = self.doc.add_table(rows=len(block.rows) + 1, cols=len(block.header))
        table._tbl.tblStyle_val = self.style_ids["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        # Setting each cell's properties through python-docx costs ~350 µs a cell; instead each
        # distinct cell (column × header / kept-with-next / last row) is formatted once and copied.
        blank = table._tbl.tr_lst[0].tc_lst[0]
        last = len(block.rows)
        prototypes: dict[tuple[int, bool], list[BaseOxmlElement]] = {}
        for index, (tr, values) in enumerate(zip(table._tbl.tr_lst, (block.header, *block.rows), strict=True)):
            tr_pr = tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
            if index == 0:
                tr_pr.append(OxmlElement("w:tblHeader"))
            head = index == 0 or index - 1 in block.heads
            kind = (0 if head else 1, index < last and (block.keep or index == 0))
            if kind not in prototypes:
                prototypes[kind] = [
                    self._cell_prototype(table, blank, width, align, header=head, keep=kind[1], dense=block.dense)
                    for width, align in zip(widths, block.align, strict=True)
                ]
            for tc, value, prototype in zip(tr.tc_lst, values, prototypes[kind], strict=True):
                cell = copy.deepcopy(prototype)
                tr.replace(tc, cell)
                _fill(cell, value)
        breaks: set[int] = set()
        if block.merge:
            heights = [float(_row_height(values, widths, block.dense)) for values in (block.header, *block.rows)]
            room = self.text_height - heights[0]
            breaks = page_starts(heights[1:], room - self.lines * LINE_PITCH, room)
        _merge_cells(table._tbl.tr_lst[1:], block, widths, breaks)
        for row, first, end in block.spans:
            if end - first + 1 == len(widths):
                self._section_head(table._tbl.tr_lst[row + 1])

    def _section_head(self, tr: BaseOxmlElement) -> None:
        """A row-wide span heads a section of a form (一、人员情况): set as a heading cell, from the left."""
        para = WordParagraph(tr.tc_lst[0].p_lst[0], None)
        para._p.style = self.style_ids[TABLE_HEAD]
        para.alignment = WD_PARAGRAPH_ALIGNMENT.LEFT

    def _cell_prototype(
        self,
        table: WordTable,
        blank: BaseOxmlElement,
        width: Length,
        align: str,
        *,
        header: bool,
        keep: bool,
        dense: bool = False,
    ) -> BaseOxmlElement:
        """An empty cell of the given width and alignment, formatted as a header or body cell."""
        key = (align, header, keep, dense)
        if key not in self.cells:
            cell = _Cell(copy.deepcopy(blank), table)
            cell.width = width
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            para = cell.paragraphs[0]
            styles = (FORM_HEAD, FORM_TEXT) if dense else (TABLE_HEAD, TABLE_TEXT)
            para._p.style = self.style_ids[styles[0] if header else styles[1]]
            para.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER if header else _ALIGN[align]
            para.paragraph_format.keep_with_next = keep
            self.cells[key] = cell._tc
        prototype = copy.deepcopy(self.cells[key])
        prototype.width = width
        return prototype

    def page_break(self, _: PageBreak) -> None:
        self.break_before = True


def _fill(cell: BaseOxmlElement, value: str) -> None:
    """A cell's text, a paragraph for each of its lines (指标解释 above 评分标准)."""
    if not value:
        return
    first = cell.p_lst[0]
    lines = value.split("\n")
    for line in reversed(lines[1:]):
        paragraph = copy.deepcopy(first)
        paragraph.add_r().text = _text(line)
        first.addnext(paragraph)
    first.add_r().text = _text(lines[0])


def _row_height(values: tuple[str, ...], widths: list[Length], dense: bool) -> Length:
    """About how tall a row prints: its tallest cell's lines (each paragraph wrapped to the column) at the line pitch."""
    size, line = (FORM_SIZE, FORM_LINE) if dense else (TABLE_SIZE, TABLE_LINE)
    lines = 1
    for value, width in zip(values, widths, strict=True):
        room = max((width - CELL_MARGINS) / size, 1.0)
        lines = max(lines, sum(max(math.ceil(display_width(part) / room), 1) for part in value.split("\n")))
    return Emu(lines * line + ROW_RULE)


def page_starts(heights: list[float], first: float, room: float) -> set[int]:
    """The rows that begin a new page, for rows of these heights that never split: `first` is the room
    left on the page the table starts on, `room` that of every later page (under the repeated header)."""
    starts: set[int] = set()
    left = first
    for index, height in enumerate(heights):
        if height > left and left < room:
            starts.add(index)
            left = room
        left -= height
    return starts


def _merge_cells(trs: list[BaseOxmlElement], block: Table, widths: list[Length], breaks: set[int]) -> None:
    """Merge the group columns' runs of equal text down the rows, then the spans across columns.

    A merged-down cell keeps its text in the first row (`vMerge` restart) and an empty paragraph
    in the rest (`vMerge` continue); a run is cut where a page is expected to begin (`breaks`), so
    a continuation page names its groups again. A span is one cell (`gridSpan`) as wide as the
    columns it covers.
    """
    spanned = {(row, col) for row, first, last in block.spans for col in range(first, last + 1)}
    rows = block.rows
    for col in range(block.merge):
        start = 0
        for index in range(1, len(rows) + 1):
            if (
                index < len(rows)
                and rows[index][: col + 1] == rows[start][: col + 1]
                and rows[start][col]
                and (index, col) not in spanned
                and index not in breaks
            ):
                continue
            if index - 1 > start and rows[start][col] and (start, col) not in spanned:
                trs[start].tc_lst[col].vMerge = "restart"
                for tr in trs[start + 1 : index]:
                    tc = tr.tc_lst[col]
                    tc.vMerge = "continue"
                    for run in tc.xpath("./w:p/w:r"):
                        run.getparent().remove(run)
            start = index
    for row, first, last in sorted(block.spans, key=lambda span: (span[0], -span[1])):
        cells = trs[row].tc_lst
        cells[first].grid_span = last - first + 1
        cells[first].width = Emu(sum(widths[first : last + 1]))
        for tc in cells[first + 1 : last + 1]:
            trs[row].remove(tc)


def column_widths(block: Table, text_width: Length = TEXT_WIDTH) -> list[Length]:
    """Column widths filling the text block.

    A table that sets its `widths` (a hand-in form, sized for its content) gets them, scaled to
    the text block. Otherwise every column wants its widest entry. If they do not all fit, short
    columns (numbers, units) keep their width so they never wrap, and the long text columns share
    the rest evenly, a column needing less than its share giving the difference to the others.
    """
    if block.widths:
        scale = text_width / sum(block.widths)
        widths = [Emu(int(want * scale)) for want in block.widths]
        widths[-1] = Emu(text_width - sum(widths[:-1]))
        return widths
    available = text_width / TABLE_SIZE
    # A cell spanning columns (a section's title) asks nothing of any one column.
    spanned = {(row, column) for row, first, end in block.spans for column in range(first, end + 1)}
    rows = (block.header, *block.rows)
    wants = [
        max(display_width(row[i]) for r, row in enumerate(rows) if (r - 1, i) not in spanned) + CELL_PADDING
        for i in range(len(block.header))
    ]
    long = sorted((i for i, want in enumerate(wants) if want > SHORT_COLUMN), key=wants.__getitem__)
    if sum(wants) > available and long:
        rest = available - sum(want for i, want in enumerate(wants) if i not in long)
        for count, i in enumerate(long):
            wants[i] = min(wants[i], max(rest / (len(long) - count), MIN_COLUMN))
            rest -= wants[i]
    scale = text_width / sum(wants)
    widths = [Emu(int(want * scale)) for want in wants]
    widths[-1] = Emu(text_width - sum(widths[:-1]))
    return widths


def _landscape(doc: WordDocument) -> Length:
    """Turn the page to landscape A4 with 25 mm margins (the page number keeps its place below); the text width."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_HEIGHT, PAGE_WIDTH
    section.top_margin = section.bottom_margin = LANDSCAPE_MARGIN
    section.left_margin = section.right_margin = LANDSCAPE_MARGIN
    section.footer_distance = Emu(LANDSCAPE_MARGIN - PAGE_NUMBER_GAP - PAGE_NUMBER_LINE)
    return LANDSCAPE_TEXT_WIDTH


@lru_cache(maxsize=4)
def _template(fonts: Fonts) -> tuple[bytes, dict[str, str]]:
    """The styled, empty document for these fonts as .docx bytes, and its style ids by name.

    Built once per process and font setting: defining the styles through python-docx is
    slow, while re-opening the saved template is quick.
    """
    doc = docx.Document()
    _define_styles(doc, fonts)
    _set_up_pages(doc)
    _set_language(doc)
    _font_table(doc, fonts)
    _drop_styles_with_effects(doc)
    body = doc.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue(), {style.name: style.style_id for style in doc.styles}


def render(document: Document, fonts: Fonts) -> bytes:
    """The whole document as .docx bytes."""
    template, style_ids = _template(fonts)
    doc = docx.Document(io.BytesIO(template))
    props = doc.core_properties
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.title, props.author, props.last_modified_by = document.title, document.author, "jixiao"
    props.comments, props.created, props.modified, props.revision = "", now, now, 1
    props.language = "zh-CN"
    if document.landscape:
        writer = _Writer(doc, style_ids, _landscape(doc), LANDSCAPE_TEXT_HEIGHT)
    else:
        writer = _Writer(doc, style_ids)
    dispatch = {
        Title: writer.title,
        Heading: writer.heading,
        Paragraph: writer.body,
        Signature: writer.signature,
        Table: writer.table,
        PageBreak: writer.page_break,
    }
    for block in document.blocks:
        dispatch[type(block)](block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
