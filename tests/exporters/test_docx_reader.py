"""The .docx reader reads what Word shows (exporters.readers.docx): automatic numbering as its visible
text, outline levels, tracked changes as accepted, comments, content controls, text boxes, fields,
merged table cells, and the official-document frame (红头, 文号, 主送, 版记) marked so it is never
the title. Files are written part by part as Word writes them (word_package)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from word_package import NS, comments, lvl, numbering, p, style, styles, word_file

from exporters.importer import digits, import_file, import_pieces, split_marker
from exporters.readers import Grid, Note, Para
from exporters.readers.docx import docx_document
from store.codec import report_to_data
from tui.cli import main

# A Chinese office's outline numbering: 一、 / （一） / 1． — headings numbered through their styles
# (Word's "heading 1" has id "1" in a Chinese Word), items through w:numPr on the paragraph.
OUTLINE = numbering(
    {
        1: [
            lvl(0, "chineseCounting", "%1、"),
            lvl(1, "chineseCounting", "（%2）"),
            lvl(2, "decimal", "%3．"),
            lvl(3, "decimal", "%3.%4"),
        ]
    },
    {1: 1, 2: (1, '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride>')},
)
HEADINGS = styles(
    style("1", "heading 1", ppr='<w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/>'),
    style("2", "heading 2", based_on="1", ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'),
    style("30", "标题 3"),
)


def texts(data: bytes) -> list[str]:
    return [piece.text for piece in docx_document(data).pieces if isinstance(piece, Para)]


def test_word_numbering_reads_as_the_numbers_word_shows() -> None:
    body = "".join(
        [
            p("部门概况", style="1"),
            p("部门基本情况", style="2"),
            p("组织机构", num=(1, 2)),
            p("人员情况", num=(1, 2)),
            p("其中在职人员", num=(1, 3)),
            p("部门职责", style="2"),
            p("第一项", num=(1, 2)),
            p("部门整体支出管理及使用情况", style="1"),
            p("续前", num=(2, 2)),  # another w:num of the same list, restarting at 5
            p("再续", num=(1, 2)),  # back on the first: Word continues the one sequence
            p("不编号的段落", num=(0, 0)),  # numId 0: numbering switched off
            p("第三级标题", style="30"),
        ]
    )
    document = docx_document(word_file(body, numbering=OUTLINE, styles=HEADINGS))
    assert [(piece.text, piece.level) for piece in document.pieces] == [
        ("一、部门概况", 1),
        ("（一）部门基本情况", 2),
        ("1．组织机构", None),
        ("2．人员情况", None),
        ("2.1 其中在职人员", None),
        ("（二）部门职责", 2),
        ("1．第一项", None),
        ("二、部门整体支出管理及使用情况", 1),
        ("5．续前", None),
        ("6．再续", None),
        ("不编号的段落", None),
        ("第三级标题", 3),
    ]
    assert document.notes == ()


@pytest.mark.parametrize(
    ("fmt", "start", "text", "shown"),
    [
        ("chineseCounting", 1, "%1、", "一、"),
        ("chineseCounting", 10, "%1、", "十、"),
        ("chineseCounting", 21, "（%1）", "（二十一）"),
        ("chineseCountingThousand", 11, "%1、", "十一、"),
        ("chineseCountingThousand", 101, "%1、", "一百〇一、"),
        ("japaneseCounting", 3, "%1．", "三．"),
        ("ideographTraditional", 2, "%1、", "乙、"),
        ("chineseLegalSimplified", 3, "%1、", "叁、"),
        ("decimal", 3, "%1.", "3. "),
        ("decimal", 3, "%1．", "3．"),
        ("decimalFullWidth", 12, "%1、", "１２、"),
        ("decimalZero", 7, "%1.", "07. "),
        ("decimalEnclosedParen", 2, "%1", "⑵"),
        ("decimalEnclosedCircle", 3, "%1", "③"),
        ("decimalEnclosedCircle", 21, "%1", "㉑"),
        ("decimalEnclosedFullstop", 4, "%1", "⒋"),
        ("upperLetter", 2, "%1.", "B. "),
        ("lowerLetter", 27, "%1)", "aa) "),
        ("upperRoman", 4, "%1.", "IV. "),
        ("lowerRoman", 9, "(%1)", "(ix) "),
        ("bullet", 1, "\uf06c", ""),
    ],
)
def test_each_number_format_and_start_value(fmt: str, start: int, text: str, shown: str) -> None:
    data = word_file(p("内容", num=(1, 0)), numbering=numbering({1: [lvl(0, fmt, text, start)]}, {1: 1}))
    assert texts(data) == [shown + "内容"]


def test_restarts_legal_numbers_and_a_number_word_does_not_know() -> None:
    levels = [
        lvl(0, "chineseCounting", "%1、"),
        lvl(1, "decimal", "%2）", extra='<w:lvlRestart w:val="0"/>'),  # never restarts
        lvl(2, "decimal", "%1.%2.%3", extra="<w:isLgl/>"),  # legal: every level in Arabic figures
        lvl(3, "koreanCounting", "%4、"),
    ]
    body = "".join(
        [
            p("甲", num=(1, 0)),
            p("子一", num=(1, 1)),
            p("法定", num=(1, 2)),
            p("乙", num=(1, 0)),
            p("子二", num=(1, 1)),
            p("韩式", num=(1, 3)),
        ]
    )
    document = docx_document(word_file(body, numbering=numbering({1: levels}, {1: 1})))
    assert [piece.text for piece in document.pieces] == [
        "一、甲",
        "1）子一",
        "1.1.1 法定",
        "二、乙",
        "2）子二",
        "1、韩式",
    ]
    assert document.notes == (Note("import.note.numbering", {"formats": "koreanCounting"}),)


def test_a_level_linked_to_a_style_numbers_paragraphs_of_that_style() -> None:
    levels = [lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="H2"/>')]
    sheet = styles(style("H2", "标题 2", ppr='<w:numPr><w:numId w:val="1"/></w:numPr>'))
    body = p("一级", num=(1, 0)) + p("二级", style="H2") + p("二级又一", style="H2")
    pieces = docx_document(word_file(body, numbering=numbering({1: levels}, {1: 1}), styles=sheet)).pieces
    assert [(piece.text, piece.level) for piece in pieces] == [
        ("一、一级", None),
        ("（一）二级", 2),
        ("（二）二级又一", 2),
    ]


# --- tracked changes and comments -----------------------------------------------------------------

REVIEWED = "".join(
    [
        p(
            "",
            runs=(
                '<w:r><w:t xml:space="preserve">本年支出</w:t></w:r>'
                '<w:del w:id="1" w:author="审核人" w:date="2021-03-01T10:00:00Z">'
                "<w:r><w:delText>4321.00</w:delText></w:r></w:del>"
                '<w:ins w:id="2" w:author="审核人" w:date="2021-03-01T10:00:00Z">'
                "<w:r><w:t>4321.56</w:t></w:r></w:ins>"
                '<w:commentRangeStart w:id="0"/><w:r><w:t>万元。</w:t></w:r><w:commentRangeEnd w:id="0"/>'
                '<w:r><w:commentReference w:id="0"/></w:r>'
            ),
        ),
        # a paragraph inserted whole: its runs and its mark
        '<w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="审核人" w:date="2021-03-01T10:00:00Z"/></w:rPr></w:pPr>'
        '<w:ins w:id="4" w:author="审核人" w:date="2021-03-01T10:00:00Z"><w:r><w:t>加强资产管理。</w:t></w:r></w:ins></w:p>',
        # a paragraph deleted whole
        '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="审核人" w:date="2021-03-01T10:00:00Z"/></w:rPr></w:pPr>'
        '<w:del w:id="6" w:author="审核人" w:date="2021-03-01T10:00:00Z"><w:r><w:delText>删去的一段。</w:delText></w:r></w:del></w:p>',
        # a paragraph mark deleted: the two paragraphs become one
        '<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="审核人" w:date="2021-03-01T10:00:00Z"/></w:rPr></w:pPr>'
        "<w:r><w:t>前半句，</w:t></w:r></w:p>",
        p("后半句。"),
        # moved text: read where it went, not where it was
        '<w:p><w:moveFrom w:id="8" w:author="审核人" w:date="2021-03-01T10:00:00Z"><w:r><w:t>挪走</w:t></w:r></w:moveFrom>'
        '<w:r><w:t>原处</w:t></w:r><w:moveTo w:id="9" w:author="审核人" w:date="2021-03-01T10:00:00Z">'
        "<w:r><w:t>挪来</w:t></w:r></w:moveTo></w:p>",
    ]
)


def test_tracked_changes_read_as_accepted_and_comments_kept_with_a_note() -> None:
    document = docx_document(word_file(REVIEWED, comments=comments("数字请核对决算表。", "措施太笼统。")))
    assert [piece.text for piece in document.pieces] == [
        "本年支出4321.56万元。",
        "加强资产管理。",
        "前半句，后半句。",
        "原处挪来",
    ]
    assert document.comments == ("数字请核对决算表。", "措施太笼统。")
    assert document.notes == (
        Note("import.note.revisions", {"inserted": 3, "deleted": 3}),
        Note("import.note.comments", {"count": 2}),
    )


# --- content controls, text boxes, fields -----------------------------------------------------------

TEXT_BOX = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>'
    "<w:p><w:r><w:t>文本框里的话</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
    "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
    "<w:p><w:r><w:t>文本框里的话</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r>"
)


def test_content_controls_text_boxes_fields_links_and_hidden_text() -> None:
    body = "".join(
        [
            # a block content control, and one still showing its grey placeholder
            '<w:sdt><w:sdtPr><w:alias w:val="单位"/></w:sdtPr><w:sdtContent>'
            f"{p('填报单位：示范县农业农村局')}</w:sdtContent></w:sdt>",
            "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
            f"{p('单击或点击此处输入文字。')}</w:sdtContent></w:sdt>",
            # inline control, hyperlink, smart tag, tab and line break
            p(
                "",
                runs="<w:r><w:t>年度：</w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>2020</w:t></w:r></w:sdtContent></w:sdt>"
                '<w:r><w:tab/><w:t>见</w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>门户网站</w:t></w:r></w:hyperlink>'
                '<w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>长沙县</w:t></w:r></w:smartTag>'
                "<w:r><w:br/><w:t>第二行</w:t></w:r>",
            ),
            # a text box, written as Word writes it (a DrawingML choice and its VML fallback): read once
            p("正文", runs=TEXT_BOX),
            # fields: the result, never the instruction; a simple field's result
            p(
                "",
                runs='<w:r><w:t xml:space="preserve">共 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                '<w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 页，</w:t></w:r>'
                '<w:fldSimple w:instr=" DATE "><w:r><w:t>2021年3月5日</w:t></w:r></w:fldSimple>'
                "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>",
            ),
        ]
    )
    assert texts(word_file(body)) == [
        "填报单位：示范县农业农村局",
        "年度：2020\t见门户网站长沙县",
        "第二行",
        "正文",
        "文本框里的话",
        "共 12 页，2021年3月5日",
    ]


def test_a_table_of_contents_is_marked_not_read_as_headings() -> None:
    toc = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、部门概况</w:t></w:r><w:r><w:tab/><w:t>1</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>二、存在的主要问题</w:t></w:r><w:r><w:tab/><w:t>5</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    pieces = docx_document(word_file(p("目录") + toc + p("一、部门概况"))).pieces
    assert [(piece.text, piece.role) for piece in pieces] == [
        ("目录", None),
        ("一、部门概况\t1", "toc"),
        ("二、存在的主要问题\t5", "toc"),
        ("一、部门概况", None),
    ]


# --- tables -----------------------------------------------------------------------------------------


def cell(text: str, props: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{p(text)}</w:tc>"


def test_merged_cells_repeat_their_text_and_a_nested_table_follows() -> None:
    restart, cont, span = '<w:vMerge w:val="restart"/>', "<w:vMerge/>", '<w:gridSpan w:val="2"/>'
    nested = f"<w:tbl><w:tr>{cell('内表')}{cell('1')}</w:tr></w:tbl>"
    table = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        f"<w:tr>{cell('类别')}{cell('机构名称')}{cell('加挂牌子')}</w:tr>"
        f"<w:tr>{cell('党政机构', restart)}{cell('党政综合办公室')}{cell('')}</w:tr>"
        f"<w:tr>{cell('', cont)}{cell('公共服务办公室')}{cell('退役军人服务站')}</w:tr>"
        '<w:tr><w:trPr><w:del w:id="1" w:author="a" w:date="2021-01-01T00:00:00Z"/></w:trPr>'
        f"{cell('删去')}{cell('删去')}{cell('删去')}</w:tr>"
        f"<w:tr>{cell('合计：2个', span)}"
        f"<w:tc>{p('')}{nested}</w:tc></w:tr>"
        "</w:tbl>"
    )
    pieces = docx_document(word_file(table)).pieces
    assert pieces == [
        Grid(
            (
                ("类别", "机构名称", "加挂牌子"),
                ("党政机构", "党政综合办公室", ""),
                ("党政机构", "公共服务办公室", "退役军人服务站"),
                ("合计：2个", "合计：2个", ""),
            )
        ),
        Grid((("内表", "1"),)),
    ]


# --- the official-document frame -----------------------------------------------------------------

RED = '<w:rPr><w:color w:val="FF0000"/><w:sz w:val="72"/></w:rPr>'


def red(text: str) -> str:
    return f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>{RED}<w:t>{text}</w:t></w:r></w:p>'


FRAMED = [
    red("长沙县教育局文件"),
    p("长教发〔2021〕12号"),
    p("长沙县教育局2020年度部门整体支出绩效评价报告"),
    p("县财政局："),
    p("根据有关规定，现将我局2020年度部门整体支出绩效自评情况报告如下："),
]
COLOPHON = [p("抄送：县审计局，县人大财经委。"), p("长沙县教育局办公室 2021年3月5日印发"), p("— 3 —")]


def test_the_frame_of_an_official_document_is_marked_with_its_role() -> None:
    pieces = docx_document(word_file("".join([red("长沙县教育局"), *FRAMED[1:], p("一、部门概况"), *COLOPHON]))).pieces
    assert [(piece.text, piece.role) for piece in pieces] == [
        ("长沙县教育局", "masthead"),
        ("长教发〔2021〕12号", "masthead"),
        ("长沙县教育局2020年度部门整体支出绩效评价报告", None),
        ("县财政局：", "addressee"),
        ("根据有关规定，现将我局2020年度部门整体支出绩效自评情况报告如下：", None),
        ("一、部门概况", None),
        ("抄送：县审计局，县人大财经委。", "colophon"),
        ("长沙县教育局办公室 2021年3月5日印发", "colophon"),
        ("— 3 —", "page"),
    ]


def test_a_report_in_its_frame_keeps_its_title_and_none_of_the_frame() -> None:
    body = [
        "一、部门概况",
        "（一）部门基本情况",
        "本局内设机构8个。",
        "二、部门整体支出管理及使用情况",
        "2020年本局支出合计4321.56万元。",
        "三、存在的主要问题",
        "1.预算编制不够细化。",
        "四、改进措施和有关建议",
        "1.细化预算编制。",
        "长沙县教育局",
        "2021年3月1日",
    ]
    header = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {NS}>{p("页眉：内部资料")}</w:hdr>'
    data = word_file("".join([*FRAMED, *(p(line) for line in body), *COLOPHON]), header=header)
    document = docx_document(data)
    assert "页眉：内部资料" not in [piece.text for piece in document.pieces if isinstance(piece, Para)]
    imported = import_pieces(document.pieces)
    report = imported.report
    assert report.title == "长沙县教育局2020年度部门整体支出绩效评价报告"
    assert report.unit_name == "长沙县教育局" and report.fiscal_year == 2020
    kept = " ".join([*report.unplaced, *report.texts.values()])
    for frame in ("长沙县教育局文件", "长教发", "县财政局：", "抄送", "印发", "— 3 —"):
        assert frame not in kept


def test_python_docx_opens_the_files_these_tests_write() -> None:
    """The hand-written packages are real Word files: python-docx (and so Word) opens them."""
    opened = docx.Document(io.BytesIO(word_file(p("一级", style="1"), numbering=OUTLINE, styles=HEADINGS)))
    assert [paragraph.text for paragraph in opened.paragraphs] == ["一级"]


# --- end to end: the seed written with Word's own numbering ---------------------------------------

SEED_TEXT = Path(__file__).resolve().parents[1] / "yuehu-2019-report.txt"
SEED_NUMBERING = numbering(
    {
        1: [lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "（%2）"), lvl(2, "decimal", "%3.")],
        2: [lvl(0, "decimal", "%1）.")],
        3: [lvl(0, "decimal", "%1）")],
    },
    {1: 1, 2: 2, 3: 3},
)
SEED_STYLES = styles(
    style("1", "heading 1", ppr='<w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/>'),
    style("2", "heading 2", ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/>'),
)


def seed_numbered_by_word(after_preamble: str = "", remarks: str = "") -> bytes:
    """The seed report with every typed number taken out and Word's automatic numbering put in its place:
    一、 and （一） headings numbered through Heading 1/2 styles, 1. items and 1）/1）. lists by w:numPr;
    `after_preamble` (paragraph XML) after the opening paragraph, `remarks` its comments part."""
    paragraphs = []
    for line in SEED_TEXT.read_text(encoding="utf-8").splitlines():
        marker, rest = split_marker(line.strip())
        if not marker:
            paragraphs.append(p(line.strip()))
        elif marker[0] in "一二三四五六七八九十":
            paragraphs.append(p(rest, style="1"))
        elif marker[0] in "(（":
            paragraphs.append(p(rest, style="2"))
        elif marker.endswith("）."):
            paragraphs.append(p(rest, num=(2, 0)))
        elif marker.endswith("）"):
            paragraphs.append(p(rest, num=(3, 0)))
        else:
            paragraphs.append(p(rest, num=(1, 2)))
    paragraphs.insert(2, after_preamble)
    return word_file("".join(paragraphs), numbering=SEED_NUMBERING, styles=SEED_STYLES, comments=remarks)


def test_the_seed_numbered_by_word_imports_through_jixiao_import_as_its_typed_text_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "月湖街道2019（自动编号）.docx"
    source.write_bytes(seed_numbered_by_word())
    typed = [split_marker(line.strip())[0] for line in SEED_TEXT.read_text(encoding="utf-8").splitlines()]
    shown = [split_marker(text)[0] for text in texts(source.read_bytes())]
    assert [digits(m).rstrip(".、 ").replace("(", "（").replace(")", "）") for m in typed if m] == [
        digits(m).rstrip(".、 ") for m in shown if m
    ], "Word's numbers are the numbers the seed typed"
    status = main(["import", str(source), str(tmp_path / "r.db")])
    out, err = capsys.readouterr()
    assert status == 0 and not err and "Traceback" not in out
    assert out.startswith("已从") and "长沙市开福区月湖街道办事处 2019年度" in out and "未归类" not in out
    assert report_to_data(import_file(source).report) == report_to_data(import_file(SEED_TEXT).report)


def test_a_reviewed_draft_says_what_it_had_in_the_import_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "审阅稿.docx"
    source.write_bytes(seed_numbered_by_word(REVIEWED, comments("数字请核对决算表。", "措施太笼统。")))
    status = main(["import", str(source), str(tmp_path / "r.db")])
    out, _ = capsys.readouterr()
    lines = out.splitlines()
    assert status == 1  # the comments wait in 未归类
    assert lines[0].startswith("已从")
    assert lines[1] == "文件里有未接受的修订，已按“全部接受”读入（插入 3 处，删除 3 处），请对照 Word 核对"
    assert lines[2] == "文件里有 2 条批注，已放在“未归类”里（批注）"
    assert "〔批注〕数字请核对决算表。" in out and "〔批注〕措施太笼统。" in out
    assert "4321.00" not in out and "删去的一段" not in out


def test_a_broken_field_hides_no_text_after_it() -> None:
    """A field begun and never ended (a damaged file): its paragraph loses the instruction, the rest is read."""
    broken_toc = '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC </w:instrText></w:r>'
    broken_toc += '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、部门概况</w:t></w:r><w:r><w:tab/><w:t>1</w:t></w:r></w:p>'
    broken_instr = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>'
    )
    pieces = docx_document(word_file(broken_instr + p("正文一") + broken_toc + p("一、部门概况") + p("正文二"))).pieces
    assert [(piece.text, piece.role) for piece in pieces] == [
        ("正文一", None),
        ("一、部门概况\t1", "toc"),
        ("一、部门概况", None),
        ("正文二", None),
    ]
