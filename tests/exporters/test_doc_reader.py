"""Word 97–2003 (.doc) and WPS (.wps) files, read in pure Python: what LibreOffice writes as .doc
reads as the .docx it came from did, whatever the file is named; a damaged or foreign compound file
is refused with one sentence; a report kept as .doc imports the same facts as its .docx."""

from __future__ import annotations

import random
import shutil
import struct
from pathlib import Path

import docx
import olefile
import pytest
from doc_files import ole_file, to_doc, word_file
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from exporters import export_report
from exporters.importer import import_file
from exporters.readers import Grid, Note, Para, ReadError, read_document
from exporters.readers.doc import doc_document
from store.codec import report_to_data
from store.model import Report
from store.settings import Settings
from tui.cli import main

needs_soffice = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]

TITLE = "长沙市望城区示范街道办事处2020年度部门整体支出绩效评价报告"
EXPECTED = [
    Para(TITLE),
    Para("一、部门概况"),
    Para("街道办事处承担辖区内经济发展、社会管理和公共服务职能。"),
    Para("加强预算管理"),
    Para("规范资产管理"),
    Grid(
        (
            ("类别", "机构名称", "加挂牌子"),
            ("内设机构", "党政综合办公室", ""),
            ("内设机构", "财政所", "统计站"),
            ("", "", ""),
            ("合计", "合计", "2个"),
        )
    ),
    Para("详见网站：财政局网站"),
    Para("第 1 页", role="page"),
    Para("第一行"),
    Para("第二行 “ASCII” – 结尾"),
]

#: What Word shows of the numbered file, .docx or .doc: the list's numbers too (from numbering.xml, or the LST/LFO).
SHOWN_IN_WORD = [*EXPECTED[:3], Para("1. 加强预算管理"), Para("2. 规范资产管理"), *EXPECTED[5:]]


def add_field(paragraph: docx.text.paragraph.Paragraph, instruction: str, result: str) -> None:
    """A complex field as Word writes it: begin, instruction, separate, result, end."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", result), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            run.text = text
            continue
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def write_source(path: Path, *, numbered: bool = True) -> Path:
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("一、部门概况")
    document.add_paragraph("街道办事处承担辖区内经济发展、社会管理和公共服务职能。")
    for text in ("加强预算管理", "规范资产管理"):
        document.add_paragraph(text, style="List Number" if numbered else None)
    table = document.add_table(rows=5, cols=3)
    for (row, column), text in {
        (0, 0): "类别",
        (0, 1): "机构名称",
        (0, 2): "加挂牌子",
        (1, 0): "内设机构",
        (1, 1): "党政综合办公室",
        (2, 1): "财政所",
        (2, 2): "统计站",
        (4, 0): "合计",
        (4, 2): "2个",
    }.items():
        table.cell(row, column).text = text
    table.cell(1, 0).merge(table.cell(2, 0))  # 类别 merged down, as organisation tables have it
    table.cell(4, 0).merge(table.cell(4, 1))  # 合计 across two columns
    paragraph = document.add_paragraph("详见网站：")
    add_field(paragraph, ' HYPERLINK "http://czj.example.gov.cn/" ', "财政局网站")
    paragraph = document.add_paragraph("第 ")
    add_field(paragraph, " PAGE ", "1")
    paragraph.add_run(" 页")
    document.add_paragraph("第一行\n第二行 “ASCII” – 结尾")
    document.sections[0].header.paragraphs[0].text = "页眉：不是正文"
    document.save(path)
    return path


_W = nsdecls("w")
_STAMP = 'w:author="审核人" w:date="2021-03-01T10:00:00Z"'

#: The reviewed draft read as Word shows it with every change accepted (.docx and .doc alike).
ACCEPTED = [
    Para("一、部门概况"),
    Para("全年实际到位指标4321.56万元。"),
    Para("资金主要用于保障机构正常运转。"),  # the first paragraph's mark was deleted: one paragraph
    Para("2.新增一条措施。"),  # a deleted paragraph (text and mark) before it is gone
    Para("三、改进措施"),
]
REVIEW_COMMENTS = ("到位指标请与决算核对。", "补充一条改进措施。 第二段批注")


def write_reviewed(path: Path) -> Path:
    """A draft with tracked changes as Word writes them (python-docx has no API for w:ins/w:del) and two comments."""
    document = docx.Document()
    document.add_paragraph("一、部门概况")
    paragraph = document.add_paragraph("全年实际到位指标")
    for xml in (
        f'<w:del {_W} w:id="1" {_STAMP}><w:r><w:delText>4221.56</w:delText></w:r></w:del>',
        f'<w:ins {_W} w:id="2" {_STAMP}><w:r><w:t>4321.56</w:t></w:r></w:ins>',
    ):
        paragraph._p.append(parse_xml(xml))
    paragraph.add_run("万元。")
    document.add_comment(paragraph.runs, text="到位指标请与决算核对。", author="审核人")
    joined = document.add_paragraph("资金主要用于")
    joined._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {_W}><w:del w:id="3" {_STAMP}/></w:rPr>'))
    document.add_paragraph("保障机构正常运转。")
    gone = document.add_paragraph()
    gone._p.append(parse_xml(f'<w:del {_W} w:id="4" {_STAMP}><w:r><w:delText>这一段已删去。</w:delText></w:r></w:del>'))
    gone._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {_W}><w:del w:id="5" {_STAMP}/></w:rPr>'))
    added = document.add_paragraph()
    added._p.append(parse_xml(f'<w:ins {_W} w:id="6" {_STAMP}><w:r><w:t>2.新增一条措施。</w:t></w:r></w:ins>'))
    heading = document.add_paragraph("三、改进措施")
    comment = document.add_comment(heading.runs, text="补充一条改进措施。", author="审核人")
    comment.add_paragraph("第二段批注")
    document.save(path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, lo_profile: Path) -> dict[str, Path]:
    """The .docx sources and their .doc versions, converted once for the module."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("doc")
    sources = {
        "numbered": write_source(folder / "numbered.docx"),
        "plain": write_source(folder / "plain.docx", numbered=False),
        "reviewed": write_reviewed(folder / "reviewed.docx"),
    }
    docs = dict(zip(sources, to_doc(list(sources.values()), folder, lo_profile), strict=True))
    return {**{f"{name}.docx": path for name, path in sources.items()}, **docs}


class TestLibreOfficeDoc:
    pytestmark = needs_soffice

    def test_text_table_cells_and_fields_come_out_exactly(self, made: dict[str, Path]) -> None:
        document = read_document(made["numbered"])
        assert document.pieces == SHOWN_IN_WORD
        # the .docx it was made from reads the same, with the numbers Word draws
        assert read_document(made["numbered.docx"]).pieces == SHOWN_IN_WORD
        assert "页眉：不是正文" not in str(document.pieces)

    def test_automatic_numbering_read_needs_no_note_and_a_plain_file_has_no_numbers(
        self, made: dict[str, Path]
    ) -> None:
        assert read_document(made["numbered"]).notes == ()
        assert read_document(made["plain"]).notes == ()
        assert read_document(made["plain"]).pieces == EXPECTED

    def test_numbering_tables_that_cannot_be_read_leave_the_numbers_out_with_a_note(
        self, made: dict[str, Path], tmp_path: Path
    ) -> None:
        with olefile.OleFileIO(made["numbered"].read_bytes()) as ole:
            word = bytearray(ole.openstream("WordDocument").read())
            table = ole.openstream("1Table").read()
        word[154 + 74 * 8 : 154 + 74 * 8 + 8] = struct.pack("<II", len(table) - 4, 64)  # PlfLfo past the stream
        path = tmp_path / "编号表损坏.doc"
        path.write_bytes(ole_file({"WordDocument": bytes(word), "1Table": table}))
        document = read_document(path)
        assert document.pieces == EXPECTED
        assert [note.code for note in document.notes] == ["import.doc.numbering"]

    def test_tracked_changes_read_as_accepted_and_comments_kept_as_the_docx_says(self, made: dict[str, Path]) -> None:
        from_doc, from_docx = read_document(made["reviewed"]), read_document(made["reviewed.docx"])
        assert from_doc.pieces == from_docx.pieces == ACCEPTED
        assert from_doc.comments == from_docx.comments == REVIEW_COMMENTS
        assert from_doc.notes == from_docx.notes
        assert [(note.code, note.params) for note in from_doc.notes] == [
            ("import.note.revisions", {"inserted": 2, "deleted": 2}),
            ("import.note.comments", {"count": 2}),
        ]

    def test_damaged_character_properties_are_refused_with_one_sentence(self, made: dict[str, Path]) -> None:
        with olefile.OleFileIO(made["reviewed"].read_bytes()) as ole:
            word = ole.openstream("WordDocument").read()
            table = ole.openstream("1Table").read()
        far = bytearray(word)
        far[250:258] = struct.pack("<II", len(table) + 8, 12)  # fcPlcfBteChpx past the table stream
        fc, lcb = struct.unpack_from("<II", word, 250)
        page = struct.unpack_from("<I", table, fc + lcb - 4)[0] & 0x3FFFFF  # the last ChpxFkp page
        crun = bytearray(word)
        crun[page * 512 + 511] = 200  # more runs than the page holds
        cb = bytearray(word)
        runs = word[page * 512 + 511]
        cb[page * 512 + (runs + 1) * 4 + runs - 1] = 255  # the last run's Chpx at the page's last word…
        cb[page * 512 + 510] = 2  # …its grpprl running past the page
        for damaged in (far, crun, cb):
            with pytest.raises(ReadError) as refused:
                doc_document(ole_file({"WordDocument": bytes(damaged), "1Table": table}))
            assert refused.value.code == "import.doc.damaged"

    def test_the_name_tells_nothing(self, made: dict[str, Path], tmp_path: Path) -> None:
        doc_as_docx = tmp_path / "其实是doc.docx"
        doc_as_wps = tmp_path / "金山.wps"  # LibreOffice cannot write .wps: a WPS 2003+ file is this format
        docx_as_doc = tmp_path / "其实是docx.doc"
        shutil.copy(made["numbered"], doc_as_docx)
        shutil.copy(made["numbered"], doc_as_wps)
        shutil.copy(made["numbered.docx"], docx_as_doc)
        for path in (doc_as_docx, doc_as_wps):
            assert read_document(path).pieces == SHOWN_IN_WORD, path.name
        assert read_document(docx_as_doc).pieces == SHOWN_IN_WORD

    def test_every_damaged_version_is_refused_with_one_sentence(self, made: dict[str, Path]) -> None:
        data = made["numbered"].read_bytes()
        with olefile.OleFileIO(data) as ole:
            streams = {name: ole.openstream(name).read() for name in ("WordDocument", "1Table")}
        rng = random.Random(20)
        outcomes = {"read": 0, "refused": 0}
        for trial in range(300):
            if trial < 40:
                candidate = data[: rng.randrange(len(data))]
            else:
                damaged = dict(streams)
                name = rng.choice(list(damaged))
                stream = bytearray(damaged[name])
                for _ in range(rng.choice((1, 4, 32))):
                    at = rng.randrange(len(stream))
                    stream[at] = rng.randrange(256)
                damaged[name] = bytes(stream)
                candidate = ole_file(damaged)
            try:
                doc_document(candidate)
                outcomes["read"] += 1
            except ReadError:
                outcomes["refused"] += 1
        assert outcomes["read"] and outcomes["refused"], outcomes  # both kinds were tried

    def test_a_damaged_file_exits_2_with_one_sentence(
        self, made: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        data = made["numbered"].read_bytes()
        with olefile.OleFileIO(data) as ole:
            word = bytearray(ole.openstream("WordDocument").read())
            table = ole.openstream("1Table").read()
        word[0x1A2:0x1AA] = b"\xff" * 8  # fcClx and lcbClx far past the table stream
        cases = {
            "cut.doc": data[: len(data) // 3],
            "garbled.doc": ole_file({"WordDocument": bytes(word), "1Table": table}),
        }
        for name, content in cases.items():
            path = tmp_path / name
            path.write_bytes(content)
            status, out, err = run(capsys, "import", path, tmp_path / "r.db")
            assert status == 2, name
            assert out == "" and len(err.strip().splitlines()) == 1, err
            assert "损坏" in err, err
        assert not (tmp_path / "r.db").exists()


def test_the_seed_report_as_doc_imports_the_same_facts_as_its_docx(
    sample_report: Report, tmp_path: Path, lo_profile: Path
) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    draft = export_report(sample_report, "docx", tmp_path / "月湖街道.docx", settings=Settings())
    (old,) = to_doc([draft], tmp_path, lo_profile)
    from_docx, from_doc = import_file(draft), import_file(old)
    assert from_doc.unplaced == [] and from_doc.notes == ()
    assert from_doc.outline == from_docx.outline
    assert from_doc.placed == from_docx.placed
    assert report_to_data(from_doc.report) == report_to_data(from_docx.report)


# --- without LibreOffice: files built by hand ---------------------------------------------------


def test_compressed_pieces_read_as_cp1252_with_the_formats_own_mapping() -> None:
    data = word_file([("“Budget” – 3,000… ™\r", True), ("预算执行率98.50%\r", False), ("end\r", True)])
    assert doc_document(data).pieces == [Para("“Budget” – 3,000… ™"), Para("预算执行率98.50%"), Para("end")]


def test_a_paragraph_split_over_pieces_and_the_marks_inside_text() -> None:
    data = word_file(
        [
            ("部门整体支出", False),
            ("ok ", True),
            ("绩效\x0b第二行\x0c第三行\x01\x08图后\x1e连字\x1f符\u00a0空格\r", False),
        ]
    )
    assert doc_document(data).pieces == [
        Para("部门整体支出ok 绩效"),
        Para("第二行"),
        Para("第三行图后-连字符 空格"),
    ]


def test_fields_keep_their_result_and_drop_their_instruction_nested_or_not() -> None:
    text = (
        "第\x13 PAGE \x141\x15页\r"
        "\x13 IF \x13 PAGE \x142\x15 = 2 \x14是第二页\x15\r"
        "\x13 TOC \\o \x15目录外\r"
        '见\x13 HYPERLINK "http://x" \x14\x13 REF a \x14网站\x15\x15。\r'
    )
    assert doc_document(word_file([(text, False)])).pieces == [
        Para("第1页"),
        Para("是第二页"),
        Para("目录外"),
        Para("见网站。"),
    ]


def test_only_the_main_text_is_body_not_what_follows_ccp_text() -> None:
    main = "正文一段\r"
    data = word_file([(main + "页眉文字\r脚注文字\r", False)], ccp_text=len(main))
    assert doc_document(data).pieces == [Para("正文一段")]


def test_a_piece_marked_deleted_or_inserted_by_its_prm_reads_as_accepted() -> None:
    deleted, inserted = (0x41 << 1) | (1 << 8), (0x42 << 1) | (1 << 8)  # Prm0: sprmCFRMarkDel / Ins, on
    data = word_file(
        [("到位指标", False), ("4221.56", True), ("4321.56", True), ("万元。\r", False)],
        prms=[0, deleted, inserted, 0],
    )
    document = doc_document(data)
    assert document.pieces == [Para("到位指标4321.56万元。")]
    assert document.notes == (Note("import.note.revisions", {"inserted": 1, "deleted": 1}),)


def test_comments_are_read_from_the_comment_story_one_per_plcfand_txt_range() -> None:
    main = "正文\x05一段\r"
    story = "\x05批注一\r\x05批注二第一段\r第二段\r\r"
    data = word_file([(main + story, False)], ccp_text=len(main), comments=[0, 5, len(story) - 1])
    document = doc_document(data)
    assert document.pieces == [Para("正文一段")]  # the 0x05 comment reference is no text
    assert document.comments == ("批注一", "批注二第一段 第二段")
    assert document.notes == (Note("import.note.comments", {"count": 2}),)


def test_without_paragraph_properties_a_row_ends_at_a_second_cell_mark() -> None:
    data = word_file([("前\r项目\x07金额\x07\x07工资\x07100\x07\x07后\r", False)])
    assert doc_document(data).pieces == [
        Para("前"),
        Grid((("项目", "金额"), ("工资", "100"))),
        Para("后"),
    ]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (ole_file({"Workbook": b"\x09\x08" * 100}), "import.doc.excel"),
        (ole_file({"PowerPoint Document": b"\0" * 100}), "import.doc.powerpoint"),
        (ole_file({"CONTENTS": b"\0" * 100}), "import.doc.works"),
        (ole_file({"Something": b"\0" * 100}), "import.doc.not_word"),
        (ole_file({"EncryptionInfo": b"\4\0\4\0", "EncryptedPackage": b"\0" * 100}), "import.doc.password"),
        (word_file([("机密\r", False)], encrypted=True), "import.doc.password"),
        (word_file([("很长\r", False)], ccp_text=10**9), "import.doc.too_long"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "import.doc.damaged"),
    ],
)
def test_compound_files_that_are_not_readable_word_files_are_named(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "报告.doc"
    path.write_bytes(content)
    with pytest.raises(ReadError) as refused:
        read_document(path)
    assert refused.value.code == code


def test_an_excel_file_named_doc_exits_2_with_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The content decides: an Excel file named .doc goes to the 决算 workbook reader, which names what is wrong."""
    path = tmp_path / "报告.doc"
    path.write_bytes(ole_file({"Workbook": b"\x09\x08" * 100}))
    status, out, err = run(capsys, "import", path, tmp_path / "r.db")
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "工作簿" in err


def test_an_old_wps_binary_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "1999年报告.wps"
    path.write_bytes(b"\x00\x01WPS\x00" + bytes(range(256)) * 4)
    with pytest.raises(ReadError) as refused:
        read_document(path)
    assert refused.value.code == "import.doc.old_wps"
