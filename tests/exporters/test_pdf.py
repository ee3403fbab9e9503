"""The Word draft as LibreOffice lays it out: converted to PDF headlessly, its text and pages checked."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from doc_files import soffice_convert
from export_facts import SEED_AMOUNTS, SEED_SENTENCES, SEED_SHARES, seed_narrative

from exporters import export_report
from store import exchange
from store.model import Report

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed"),
]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, seed_toml: str, lo_profile: Path) -> dict[str, Path]:
    """The seed's draft ("seed"), the same without tables ("short") and in the 2023 outline with a
    conclusion ("selfeval"), as PDFs: one LibreOffice run for the three (each run costs seconds)."""
    folder = tmp_path_factory.mktemp("pdf")
    (report,) = exchange.read(seed_toml)
    drafts = [export_report(report, "docx", folder / "seed.docx")]
    drafts.append(export_report(report, "docx", folder / "short.docx", tables=False))
    report.outline = "selfeval-2023"
    report.texts["conclusion"] = "综合评分为95分，等级为优。"
    drafts.append(export_report(report, "docx", folder / "selfeval.docx"))
    return {pdf.stem: pdf for pdf in soffice_convert(drafts, folder, "pdf", lo_profile)}


def pdf_text(pdf: Path, *pages: str) -> str:
    return subprocess.run(["pdftotext", *pages, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def test_the_seed_draft_converts_to_an_a4_pdf_with_every_figure(seed_report: Report, pdfs: dict[str, Path]) -> None:
    pdf = pdfs["seed"]
    info = pdf_info(pdf)
    pages = int(info["Pages"])
    # About 8,900 characters of prose at 22 × 28 a page, plus the appendix tables.
    assert 14 <= pages <= 20, pages
    width, height = (float(v) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1
    text = re.sub(r"\s+", "", pdf_text(pdf))
    for heading in ("一、部门概况", "四、资产管理情况", "七、改进措施和有关建议", "附表5"):
        assert heading in text
    for amount in SEED_AMOUNTS:
        assert amount in text, amount
    for share in SEED_SHARES:
        assert f"{share}%" in text, share
    assert "长沙市开福区月湖街道办事处2020年9月21日" in text
    # No character lost in the layout (a 、 hung out of sight at the end of a full line, say):
    # every sentence and paragraph reads whole, once the page numbers between pages are taken out.
    running = re.sub(r"—\d+—", "", text)
    for paragraph in [*SEED_SENTENCES, *seed_narrative(seed_report)]:
        assert re.sub(r"\s+", "", paragraph) in running, paragraph[:40]
    # The footer's PAGE field counts the pages: "— 1 —" on the first, "— N —" on the last.
    assert "—1—" in re.sub(r"\s+", "", pdf_text(pdf, "-f", "1", "-l", "1"))
    assert f"—{pages}—" in re.sub(r"\s+", "", pdf_text(pdf, "-f", str(pages), "-l", str(pages)))


def test_without_tables_the_last_page_carries_the_signature(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["short"]
    pages = pdf_info(pdf)["Pages"].strip()
    assert "附表" not in pdf_text(pdf)
    last = re.sub(r"\s+", "", pdf_text(pdf, "-f", pages, "-l", pages))
    assert "长沙市开福区月湖街道办事处2020年9月21日" in last


def test_the_2023_outline_converts_with_its_seven_parts_in_order(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["selfeval"]
    text = "".join(pdf_text(pdf).split())  # pdftotext sets a space between digits and Chinese
    chapters = [
        "一、部门基本情况",
        "二、部门整体支出情况",
        "三、部门整体支出绩效目标及完成情况",
        "四、自评结论",
        "五、存在的问题及原因",
        "六、改进措施和建议",
        "七、其他需要说明的情况",
    ]
    places = [text.find(chapter) for chapter in chapters]
    assert -1 not in places and places == sorted(places), places
    assert "综合评分为95分，等级为优。" in text
    assert "经济性评价" not in text, "the seed outline's own section is not printed"
