"""The Word draft, read back with python-docx: GB/T 9704 page, own styles with East Asian fonts,
zh-CN, the PAGE field, fixed tables with a repeated header row, and every word of the seed."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from export_facts import (
    HOSTILE_LINES,
    LONG_PARAGRAPH,
    SEED_AMOUNTS,
    SEED_HEADINGS,
    SEED_SENTENCES,
    SEED_SHARES,
    printed,
    seed_narrative,
)

from exporters import docx_writer as w
from exporters import export_report
from exporters.compose import compose
from store import exchange
from store.model import Report
from store.repository import Store
from store.settings import Fonts, Settings

THEME_ATTRS = [qn(a) for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")]


def word(report: Report, fonts: Fonts | None = None, *, tables: bool = True) -> Document:
    data = w.render(compose(report, tables=tables), fonts or Fonts())
    return docx.Document(io.BytesIO(data))


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", params=["toml", "sample.db"])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Document]:
    """The seed report (from the TOML source, then from a copy of sample.db) and its draft, read back.

    Rendered once per module: the tests only read the document."""
    if request.param == "toml":
        (report,) = exchange.read((ROOT / "samples" / "yuehu-2019.toml").read_text(encoding="utf-8"))
    else:
        copy = tmp_path_factory.mktemp("db") / "sample.db"
        shutil.copyfile(ROOT / "sample.db", copy)
        with Store.open(copy) as store:
            (summary,) = store.list_reports()
            report = store.load(summary.id)
    return report, word(report)


@pytest.fixture
def seed_doc(rendered: tuple[Report, Document]) -> Document:
    return rendered[1]


def close(length: int | None, expected: int, tolerance: int = Mm(0.1)) -> bool:
    return length is not None and abs(length - expected) <= tolerance


def test_page_is_a4_with_the_standard_margins(seed_doc: Document) -> None:
    (section,) = seed_doc.sections
    assert close(section.page_width, Mm(210)) and close(section.page_height, Mm(297))
    assert close(section.top_margin, Mm(37)) and close(section.bottom_margin, Mm(35))
    assert close(section.left_margin, Mm(28)) and close(section.right_margin, Mm(26))
    # The page number sits 7 mm below the text block.
    assert close(section.footer_distance + w.PAGE_NUMBER_LINE, Mm(35 - 7))


def test_22_lines_of_28_characters_fit_the_text_block() -> None:
    height, width = Mm(297 - 37 - 35), Mm(210 - 28 - 26)
    assert 22 * w.LINE_PITCH <= height < 23 * w.LINE_PITCH
    pitch = w.BODY_SIZE + Pt(w.CHAR_SPACING / 20)
    assert 28 * pitch <= width < 29 * pitch
    assert abs(w.LINE_PITCH.pt - 28.95) < 0.01


def test_own_styles_carry_the_official_fonts_sizes_and_spacing(seed_doc: Document) -> None:
    styles = seed_doc.styles
    expected = {
        w.BODY: ("仿宋_GB2312", 16, False),
        w.TITLE: ("方正小标宋简体", 22, False),
        w.HEADINGS[1]: ("黑体", 16, False),
        w.HEADINGS[2]: ("楷体_GB2312", 16, False),
        w.HEADINGS[3]: ("仿宋_GB2312", 16, True),
        w.HEADINGS[4]: ("仿宋_GB2312", 16, True),
        w.SIGNATURE: ("仿宋_GB2312", 16, False),
        w.TABLE_TEXT: ("仿宋_GB2312", 12, False),
        w.TABLE_HEAD: ("黑体", 12, False),
        w.PAGE_NUMBER: ("宋体", 14, False),
    }
    for name, (east_asia, size, bold) in expected.items():
        style = styles[name]
        fonts = style.element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == east_asia, name
        assert style.font.size == Pt(size), name
        assert bool(style.font.bold) is bold, name
        assert style.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY, name
    assert styles[w.BODY].font.name == "Times New Roman"  # digits and Latin letters
    assert styles[w.PAGE_NUMBER].font.name == "宋体"  # half-width 宋体 digits
    assert styles[w.BODY].paragraph_format.line_spacing == w.LINE_PITCH
    assert styles[w.BODY].paragraph_format.first_line_indent == Pt(32)
    assert styles[w.TITLE].paragraph_format.alignment == WD_PARAGRAPH_ALIGNMENT.CENTER
    for level in (1, 2, 3, 4):
        heading = styles[w.HEADINGS[level]]
        assert heading.element.pPr.outlineLvl.val == level - 1
        assert heading.paragraph_format.keep_with_next
    normal = styles["Normal"].element.rPr.rFonts
    assert normal.get(qn("w:eastAsia")) == "仿宋_GB2312" and normal.get(qn("w:ascii")) == "Times New Roman"


def test_paragraphs_use_only_the_documents_own_styles(seed_doc: Document) -> None:
    used = {p.style.name for p in seed_doc.paragraphs}
    used |= {p.style.name for t in seed_doc.tables for row in t.rows for c in row.cells for p in c.paragraphs}
    assert used <= {
        w.BODY,
        w.TITLE,
        *w.HEADINGS.values(),
        w.SIGNATURE,
        w.CAPTION,
        w.TABLE_NOTE,
        w.TABLE_HEAD,
        w.TABLE_TEXT,
    }


def test_every_font_slot_is_named_and_no_theme_font_is_left(seed_doc: Document) -> None:
    parts = [seed_doc.styles.element, seed_doc.element]
    section = seed_doc.sections[0]
    parts += [section.footer._element, section.even_page_footer._element]
    count = 0
    for part in parts:
        for fonts in part.iter(qn("w:rFonts")):
            count += 1
            assert fonts.get(qn("w:eastAsia")), fonts.attrib
            assert fonts.get(qn("w:ascii")), fonts.attrib
            assert not any(attr in fonts.attrib for attr in THEME_ATTRS), fonts.attrib
    assert count > 10
    rels = {rel.reltype.rsplit("/", 1)[-1] for rel in seed_doc.part.rels.values()}
    assert "stylesWithEffects" not in rels


def test_the_language_is_chinese(seed_doc: Document) -> None:
    defaults = seed_doc.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    for name in (w.BODY, w.TITLE, w.HEADINGS[1], w.TABLE_TEXT):
        assert seed_doc.styles[name].element.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    assert seed_doc.settings.element.find(qn("w:themeFontLang")).get(qn("w:eastAsia")) == "zh-CN"
    assert seed_doc.core_properties.language == "zh-CN"


def test_page_numbers_are_a_page_field_between_dashes_odd_right_even_left(seed_doc: Document) -> None:
    section = seed_doc.sections[0]
    assert seed_doc.settings.odd_and_even_pages_header_footer
    for footer, alignment in (
        (section.footer, WD_PARAGRAPH_ALIGNMENT.RIGHT),
        (section.even_page_footer, WD_PARAGRAPH_ALIGNMENT.LEFT),
    ):
        (para,) = footer.paragraphs
        assert para.style.name == w.PAGE_NUMBER
        own = para.alignment
        assert (own if own is not None else para.style.paragraph_format.alignment) == alignment
        sequence = []
        for element in para._p.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:t")):
            if element.tag == qn("w:fldChar"):
                sequence.append(element.get(qn("w:fldCharType")))
            elif element.tag == qn("w:instrText"):
                sequence.append(element.text.strip())
            else:
                sequence.append(element.text)
        assert sequence == ["— ", "begin", "PAGE", "separate", "1", "end", " —"]


def test_tables_are_fixed_with_a_repeated_header_row(seed_doc: Document) -> None:
    assert len(seed_doc.tables) == 5
    for table in seed_doc.tables:
        layout = table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout is not None and layout.get(qn("w:type")) == "fixed"
        rows = list(table.rows)
        assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])
        widths = [col.width for col in table.columns]
        assert abs(sum(widths) - w.TEXT_WIDTH) < Mm(0.5)
    basic = seed_doc.tables[1]
    assert [c.text for c in basic.rows[0].cells] == ["经济分类", "金额", "占基本支出（%）", "占总支出（%）"]
    assert [c.text for c in basic.rows[-1].cells] == ["合计", "1610.68", "100.00", "31.69"]


def test_headings_in_order_with_the_seed_numbering(seed_doc: Document) -> None:
    levels = {name: level for level, name in w.HEADINGS.items()}
    found = [(levels[p.style.name], p.text) for p in seed_doc.paragraphs if p.style.name in levels]
    assert found == SEED_HEADINGS
    title = seed_doc.paragraphs[0]
    assert title.style.name == w.TITLE and title.text == "绩效评价报告"


def test_every_figure_sentence_and_narrative_paragraph_is_in_the_draft(rendered: tuple[Report, Document]) -> None:
    report, seed_doc = rendered
    paragraphs = [p.text for p in seed_doc.paragraphs]
    text = "\n".join(paragraphs)
    for amount in SEED_AMOUNTS:
        assert f"{amount}万元" in text, amount
    for share in SEED_SHARES:
        assert f"{share}%" in text, share
    for sentence in SEED_SENTENCES:
        assert sentence in text, sentence
    for paragraph in seed_narrative(report):
        assert paragraph.strip() in text, paragraph[:40]


def test_run_in_titles_are_bold_and_the_rest_is_not(seed_doc: Document) -> None:
    item = next(p for p in seed_doc.paragraphs if p.text.startswith("1.制度方面："))
    assert [(r.text, bool(r.bold)) for r in item.runs][:2] == [("1.", False), ("制度方面：", True)]
    assert item.runs[2].bold is None


def test_the_signature_is_right_aligned_after_a_blank_line(seed_doc: Document) -> None:
    paragraphs = seed_doc.paragraphs
    unit = next(i for i, p in enumerate(paragraphs) if p.text == "长沙市开福区月湖街道办事处")
    assert paragraphs[unit - 1].text == ""
    date = paragraphs[unit + 1]
    assert date.text == "2020年9月21日"
    for para in (paragraphs[unit], date):
        assert para.style.name == w.SIGNATURE
        assert para.style.paragraph_format.alignment == WD_PARAGRAPH_ALIGNMENT.RIGHT
    # GB/T 9704 7.3.5.2: the unit 2 characters from the right, the date starting 2 characters further in.
    assert paragraphs[unit].paragraph_format.right_indent == Pt(32)
    assert date.paragraph_format.right_indent == Pt(16 * (13 - 6.5))


def test_the_appendix_starts_on_a_new_page(seed_doc: Document) -> None:
    caption = next(p for p in seed_doc.paragraphs if p.style.name == w.CAPTION)
    assert caption.text == "附表1　2019年度收支情况表"
    assert caption.paragraph_format.page_break_before


def test_without_tables_the_draft_ends_with_the_signature(seed_report: Report) -> None:
    document = word(seed_report, tables=False)
    assert document.tables == []
    assert document.paragraphs[-1].text == "2020年9月21日"


def test_font_names_come_from_the_settings(seed_report: Report, tmp_path: Path) -> None:
    fonts = Fonts(body="仿宋", heading2="楷体", title="华文中宋", latin="Arial")
    target = export_report(seed_report, "docx", tmp_path / "a.docx", settings=Settings(fonts=fonts))
    document = docx.Document(str(target))
    assert document.styles[w.BODY].element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋"
    assert document.styles[w.HEADINGS[2]].element.rPr.rFonts.get(qn("w:eastAsia")) == "楷体"
    assert document.styles[w.TITLE].element.rPr.rFonts.get(qn("w:eastAsia")) == "华文中宋"
    assert document.styles[w.BODY].font.name == "Arial"


def test_a_hostile_report_exports_and_reads_back(hostile_report: Report) -> None:
    document = word(hostile_report)
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "# 标题|"
    for line in HOSTILE_LINES:
        assert printed(line) in paragraphs, line
    assert LONG_PARAGRAPH in paragraphs
    assert "单位名称 | 盖章" in paragraphs
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    assert {"其他|支出 #1", "比率|a", "%|", "17.# 成果 | 一"} <= cells
