"""Importing last year's report: the seed text, jixiao's own Word draft, and two documents of our
own in other outlines and styles become the report they hold, and nothing in them is dropped."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from import_facts import SELFEVAL, SELFEVAL_UNPLACED, write_docx

from exporters import export_report
from exporters.importer import ImportRefused, heading_score, import_file, parse_sign_date, save, split_marker
from exporters.readers import ReadError, decode_text
from store.codec import report_to_data
from store.model import Report, SanGongItem
from store.repository import Store
from store.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SEED_TEXT = ROOT / "tests" / "yuehu-2019-report.txt"
WEB_PASTE = Path(__file__).parent / "import_docs" / "web-paste-2021.txt"

#: Every way the seed text, imported, differs from samples/yuehu-2019.toml, and why.
SEED_DIFFERENCES = {
    # The sample's times are the report's signing day; an imported report gets its own when saved.
    ".created_at": "set when the imported report is saved",
    ".updated_at": "set when the imported report is saved",
    # The sample's indicators were entered by hand from figures inside the prose (names shortened,
    # e.g. 文创企业全口径税收（1-9月）); the seed states them only in running text, which is kept whole.
    ".results[0].indicators": "typed in by hand for the sample",
    ".results[1].indicators": "typed in by hand for the sample",
    ".results[14].indicators": "typed in by hand for the sample",
}


def differences(expected: Any, got: Any, path: str = "") -> list[str]:
    """The paths (`.results[0].indicators`) where two reports' exchange data differ."""
    if isinstance(expected, dict) and isinstance(got, dict):
        return [
            d
            for key in sorted(set(expected) | set(got))
            for d in differences(expected.get(key), got.get(key), f"{path}.{key}")
        ]
    if isinstance(expected, list) and isinstance(got, list) and len(expected) == len(got):
        return [
            d for i, (a, b) in enumerate(zip(expected, got, strict=True)) for d in differences(a, b, f"{path}[{i}]")
        ]
    return [] if expected == got or (not expected and not got) else [path]


def test_the_seed_text_imports_as_the_sample_report_but_for_the_listed_differences(seed_report: Report) -> None:
    imported = import_file(SEED_TEXT)
    assert imported.outline == "classic-2019"
    assert imported.unplaced == []
    assert set(differences(report_to_data(seed_report), report_to_data(imported.report))) == set(SEED_DIFFERENCES)


def test_the_seed_keeps_its_own_disagreement_and_every_figure_as_stated() -> None:
    report = import_file(SEED_TEXT).report
    assert report.figures["project_spent"] == Decimal("3472.44")
    assert sum(line.amount for line in report.project_lines) == Decimal("3472.66")
    assert report.sangong[1] == SanGongItem("公务接待费", Decimal("3.00"), Decimal("0.00"))
    assert (report.staff_total, report.staff_change, report.unit_short) == (55, 5, "月湖街道")


def test_figure_sentences_become_figures_not_frozen_prose() -> None:
    report = import_file(SEED_TEXT).report
    prose = "\n".join([*report.texts.values(), *report.unplaced])
    for frozen in ("实际到位指标5116.09万元", "占基本支出的89.92%", "实有人数55人", "公务接待费预算数为3万"):
        assert frozen not in prose


@pytest.mark.parametrize("codec", ["gbk", "utf-16", "utf-8-sig"])
def test_the_seed_in_other_encodings_imports_the_same(tmp_path: Path, codec: str) -> None:
    copy = tmp_path / f"seed-{codec}.txt"
    # GBK has no no-break space (the seed has one); the importer reads it as a space anyway.
    copy.write_bytes(SEED_TEXT.read_text(encoding="utf-8").replace("\xa0", " ").encode(codec))
    assert report_to_data(import_file(copy).report) == report_to_data(import_file(SEED_TEXT).report)


def test_the_word_draft_jixiao_exports_imports_back_to_the_same_data(sample_report: Report, tmp_path: Path) -> None:
    draft = export_report(sample_report, "docx", tmp_path / "月湖街道.docx", settings=Settings())
    imported = import_file(draft)
    assert imported.unplaced == []
    assert differences(report_to_data(sample_report), report_to_data(imported.report)) == [".created_at", ".updated_at"]


def test_a_selfeval_word_file_with_mixed_numbering_and_figure_tables(tmp_path: Path) -> None:
    imported = import_file(write_docx(tmp_path / "示范中学.docx"))
    report = imported.report
    assert imported.outline == "selfeval-2023"
    assert (report.unit_name, report.fiscal_year, report.sign_date.isoformat()) == (
        "长沙县示范中学",
        2023,
        "2024-03-20",
    )
    assert report.figures["funds_received"] == Decimal("3200.50")
    assert report.figures["carried_out"] == Decimal("100.50")
    assert [line.amount for line in report.basic_lines] == [Decimal("2200.00"), Decimal("150.00"), Decimal("50.00")]
    assert [item.name for item in report.sangong] == ["因公出国（境）费", "公务接待费", "公务用车运行维护费"]
    assert report.duties == ["实施初中、高中学历教育；", "开展教育教学研究；", "承担教师培训任务。"]
    assert report.org_groups[0].bodies[1].plates == ["教研室"]
    assert (report.staff_total, report.staff_change) == (120, 0)
    assert [item.title for item in report.results] == ["教学质量稳步提升", "办学条件持续改善"]
    assert report.problems[1] == "绩效目标偏重产出，效益指标不足。"
    assert [piece.text for piece in imported.unplaced] == SELFEVAL_UNPLACED
    assert imported.unplaced[0].where == "二、部门整体支出情况"
    assert (report.figures["budget_full"], report.figures["procurement_done"]) == (
        Decimal("3200.50"),
        Decimal("115.00"),
    )
    assert (report.texts["goals"], report.texts["other_matters"]) == ("学校全面完成了2023年度绩效目标。", "无。")
    assert report.unit_short == ""
    assert report.unplaced == SELFEVAL_UNPLACED


def test_a_report_pasted_from_a_web_page_with_odd_spaces_and_full_width_digits() -> None:
    imported = import_file(WEB_PASTE)
    report = imported.report
    assert imported.outline == "classic-2019"
    assert (report.unit_name, report.fiscal_year, report.sign_date.isoformat()) == (
        "湘江县农业农村局",
        2021,
        "2022-03-15",
    )
    assert report.figures["budget_approved"] == Decimal("1234.56")
    assert report.sangong[2].last_year == Decimal("11.80")
    assert report.staff_change == -3
    assert report.texts["key_plan"].startswith("2021年，我局")
    assert report.texts["org_intro"] == "我局为县政府工作部门，内设机构和下属单位如下。"
    assert [piece.text for piece in imported.unplaced] == ["附：本报告数据来源于2021年度部门决算。"]
    assert report.remedies == ["细化预算编制。", "完善绩效目标管理。"]


def test_text_under_a_heading_jixiao_has_no_place_for_is_kept_not_dropped(tmp_path: Path) -> None:
    content = [*SELFEVAL[:-3], "（一）其他事项", "学校另获省级表彰两项。", *SELFEVAL[-3:]]  # under 八、
    imported = import_file(write_docx(tmp_path / "多一段.docx", content))
    assert "学校另获省级表彰两项。" in [piece.text for piece in imported.unplaced]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "import.empty"),
        (b"\n \n", "import.empty"),
        (bytes(range(256)) * 4, "import.binary"),
        ("会议纪要\n一、时间：上午\n二、地点：会议室\n".encode(), "import.not_report"),
    ],
)
def test_what_is_not_a_report_is_refused_with_its_reason(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    with pytest.raises((ReadError, ImportRefused)) as refused:
        import_file(path)
    assert refused.value.code == code


def test_a_random_word_file_and_a_fake_one_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as refused:
        import_file(write_docx(tmp_path / "通知.docx", ["通知", "请各科室按时报送材料。"]))
    assert refused.value.code == "import.not_report"
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ReadError) as refused_read:
        import_file(fake)
    assert refused_read.value.code == "import.not_docx"


def test_a_report_of_a_unit_and_year_in_the_file_is_refused_or_copied(tmp_path: Path) -> None:
    with Store.open(tmp_path / "r.db") as store:
        save(store, import_file(SEED_TEXT))
        with pytest.raises(ImportRefused) as refused:
            save(store, import_file(SEED_TEXT))
        assert refused.value.code == "import.exists"
        assert len(store.list_reports()) == 1
        save(store, import_file(SEED_TEXT), as_copy=True)
        save(store, import_file(SEED_TEXT), as_copy=True)
        names = {summary.unit_name for summary in store.list_reports()}
    assert names == {
        "长沙市开福区月湖街道办事处",
        "长沙市开福区月湖街道办事处（导入副本）",
        "长沙市开福区月湖街道办事处（导入副本2）",
    }


def test_unplaced_pieces_are_stored_with_the_report_and_shown_by_the_checks(tmp_path: Path) -> None:
    from store.checks import run_checks

    with Store.open(tmp_path / "r.db") as store:
        report_id = save(store, import_file(write_docx(tmp_path / "示范中学.docx")))
        stored = store.load(report_id)
    assert stored.unplaced == SELFEVAL_UNPLACED
    warnings = [finding.text() for finding in run_checks(stored) if finding.code == "unplaced"]
    assert warnings == ["未归类里还有 3 段导入时未能归位的内容，请把每段移到该放的地方或删除"]


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("一、部门概况", "一、"),
        ("（一）基本支出", "（一）"),
        ("(二)项目支出", "(二)"),
        ("１．人员情况", "１．"),
        ("1）.设置5个", "1）."),
        ("（12）承办", "（12）"),
        ("3、项目推进", "3、"),
        ("1.5亿元投资", ""),
        ("2019年", ""),
    ],
)
def test_item_numbers_in_full_and_half_width_forms(line: str, marker: str) -> None:
    assert split_marker(line)[0] == marker


def test_headings_match_by_their_words() -> None:
    assert heading_score("“三公”经费使用情况", "三公经费使用情况") == 1.0
    assert heading_score("三公经费", "三公经费使用情况") >= 0.65
    assert heading_score("加强经济性管理", "经济性") < 0.65


@pytest.mark.parametrize("text", ["2020年9月21日", "二〇二〇年九月二十一日", "２０２０年９月２１日"])
def test_signing_dates_in_arabic_and_chinese_numerals(text: str) -> None:
    assert parse_sign_date(text).isoformat() == "2020-09-21"


def test_text_files_in_gbk_and_with_byte_order_marks_decode() -> None:
    assert decode_text("绩效评价报告".encode("gbk")) == "绩效评价报告"
    assert decode_text("绩效评价报告".encode("utf-16")) == "绩效评价报告"


def test_a_selfeval_report_exported_by_jixiao_imports_back_but_for_its_unprinted_unplaced_pieces(
    tmp_path: Path,
) -> None:
    first = import_file(write_docx(tmp_path / "示范中学.docx")).report
    draft = export_report(first, "docx", tmp_path / "导出.docx", settings=Settings())
    again = import_file(draft)
    assert again.outline == "selfeval-2023"
    assert again.unplaced == []
    assert differences(report_to_data(first), report_to_data(again.report)) == [".unplaced"]
