"""The importer measured on a corpus of our own (tests/exporters/import_corpus.py): two units other
than the seed, each in the five ways a report arrives, scored fact by fact: none wrong, none lost
silently, and at least 95 % landed where the reader already sees the document as Word shows it."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from doc_files import to_doc
from import_corpus import EDU, KINDS, UNITS, build, measure
from import_corpus import score as score_of

from exporters.decompose.figures import read_label
from exporters.decompose.placer import ALL_FIGURES
from exporters.importer import import_file

CASES = [pytest.param(kind, unit, id=f"{unit}-{kind}") for kind in KINDS for unit in UNITS]

#: The kinds whose .doc (Word 97–2003, as LibreOffice saves it) must score as well: every kind, its
#: automatic numbering read from the LST/LFO tables and its tracked changes read as accepted, as in the .docx.
DOC_KINDS = tuple(KINDS)


@pytest.mark.parametrize(("kind", "unit"), CASES)
def test_every_document_lands_its_facts_with_none_wrong_and_none_lost(kind: str, unit: str, tmp_path: Path) -> None:
    score = measure(kind, unit, tmp_path)
    assert score.wrong == []
    assert score.lost == []
    assert score.landed * 100 >= 95 * score.total, score.row()


@pytest.fixture(scope="module")
def as_doc(tmp_path_factory: pytest.TempPathFactory, lo_profile: Path) -> dict[tuple[str, str], Path]:
    """The corpus's documents of DOC_KINDS saved as .doc by LibreOffice (one conversion for the module)."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("corpus-doc")
    keys = [(kind, unit) for kind in DOC_KINDS for unit in UNITS]
    sources = [build(kind, unit, folder) for kind, unit in keys]
    return dict(zip(keys, to_doc(sources, folder, lo_profile), strict=True))


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".doc", ".wps"])
@pytest.mark.parametrize(("kind", "unit"), [(kind, unit) for kind in DOC_KINDS for unit in UNITS])
def test_the_same_documents_as_doc_or_wps_land_every_fact(
    as_doc: dict[tuple[str, str], Path], kind: str, unit: str, suffix: str, tmp_path: Path
) -> None:
    """A .wps of WPS Office 2003 and later is the same binary format as a .doc; the name tells nothing."""
    path = tmp_path / f"{unit}-{kind}{suffix}"
    shutil.copyfile(as_doc[kind, unit], path)
    score = score_of(f"{unit} {kind}{suffix}", UNITS[unit], import_file(path), indicators=kind == "classic-tables")
    assert score.wrong == [] and score.lost == []
    assert score.landed == score.total, score.row()


@pytest.mark.parametrize("unit", list(UNITS))
def test_the_traps_of_issue_20_are_kept_with_a_note_never_stored(unit: str, tmp_path: Path) -> None:
    imported = import_file(build("selfeval-office", unit, tmp_path))
    report, spec = imported.report, UNITS[unit]
    assert [line.category for line in report.staff_lines] == [c for c, _ in spec.staff_lines]
    assert report.authorised_posts == spec.posts
    assert report.figures["carried_in"] == spec.figures["carried_in"]
    assert report.figures["budget_adjustment"] == spec.figures["budget_adjustment"]
    assert [item.name for item in report.sangong] == [n for n, _, _ in spec.sangong]
    notes = {piece.text: piece.note for piece in imported.unplaced}
    received = f"{spec.figures['funds_received']}万元"
    assert (
        notes[f"追加预算后，全年实际到位指标{received}。"] == f"{received}：可能是 实际到位指标 或 预算调整数，未填入"
    )
    assert any("核定编制的细分" in note for note in notes.values())
    # The note travels with the piece into the report's 未归类 list.
    assert any(
        text.endswith("〔" + notes[f"追加预算后，全年实际到位指标{received}。"] + "〕") for text in report.unplaced
    )


def test_tables_are_read_by_their_headers_and_totals_checked(tmp_path: Path) -> None:
    imported = import_file(build("classic-tables", "edu", tmp_path))
    report = imported.report
    assert report.title == "青石县教育局2020年度部门整体支出绩效评价报告"  # not the 红头
    assert [group.label for group in report.org_groups] == [label for label, _ in EDU.groups]
    assert report.org_groups[1].bodies[1].plates == ["县教育科学研究所"]
    assert (report.staff_total, [line.count for line in report.staff_lines]) == (48, [40, 6, 2])
    assert report.figures["carried_out"] == Decimal("173.68")
    assert [item.name for item in report.sangong] == [n for n, _, _ in EDU.sangong]  # 合计 is not a fourth item
    assert [i.name for i in report.results[0].indicators] == ["新建改扩建学校"]
    assert [n.code for n in imported.notes] == ["import.furniture"]
    assert report.texts["preamble"].startswith("根据县财政局")  # the 主送 line 县财政局： left out


def test_a_total_row_that_disagrees_with_its_lines_is_kept_with_a_note(tmp_path: Path) -> None:
    from import_corpus import Table, classic, write

    blocks = classic(EDU, tables=True)
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Table) and b.rows[0][0] == "经济分类")
    rows = blocks[at].rows
    blocks[at] = Table((*rows[:-1], ("合计", "1700.00")))
    imported = import_file(write(tmp_path / "合计不符.docx", blocks))
    (piece,) = [p for p in imported.unplaced if p.text.startswith("合计")]
    assert piece.note == "合计1700.00万元与各行之和1680.40万元不符，未作数"
    assert imported.report.figures["basic_spent"] == Decimal("1680.40")


@pytest.mark.parametrize(
    ("span", "allowed", "key", "candidates"),
    [
        ("在执行预算的过程中实际到位指标", ALL_FIGURES, "funds_received", ()),
        ("财政拨款收入预算批复", ALL_FIGURES, "budget_approved", ()),
        ("年初结转结余", ALL_FIGURES, "carried_in", ()),
        ("，年末结转结余为", ALL_FIGURES, "carried_out", ()),
        (
            "追加预算后，全年实际到位指标",
            frozenset({"budget_adjustment"}),
            None,
            ("funds_received", "budget_adjustment"),
        ),
        ("年初预算", ALL_FIGURES, None, ("budget_approved", "budget_initial")),
        ("全年投入", ALL_FIGURES, None, ()),
    ],
)
def test_the_words_before_an_amount_name_its_figure_or_say_the_candidates(
    span: str, allowed: frozenset[str], key: str | None, candidates: tuple[str, ...]
) -> None:
    reading = read_label(span, allowed, "classic-2019")
    assert (reading.key, reading.candidates) == (key, candidates)


def test_a_text_file_with_a_red_head_takes_the_report_title(tmp_path: Path) -> None:
    from import_corpus import SELFEVAL_TEXT_HEAD

    source = tmp_path / "红头.txt"
    source.write_text("\n".join(SELFEVAL_TEXT_HEAD), encoding="utf-8")
    imported = import_file(source)
    assert imported.report.title == "青石县教育局2020年度部门整体支出绩效评价报告"


def test_a_reviewers_comments_wait_in_unplaced_marked_as_comments(tmp_path: Path) -> None:
    """In the app's 未归类 list a comment says it is one, so it is not mistaken for the report's text."""
    report = import_file(build("reviewed-draft", "edu", tmp_path)).report
    comments = [text for text in report.unplaced if text.startswith("〔批注〕")]
    assert len(comments) == 2
