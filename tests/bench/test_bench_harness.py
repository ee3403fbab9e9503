"""`make bench` stays runnable: its generated file is a real report file and a quick run fills the table.

No timing is asserted here; the figures themselves live in BENCHMARKS.md.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate import long_report, seed_report
from store.repository import Store

ROOT = Path(__file__).resolve().parents[2]


def test_generated_file_holds_distinct_units_and_years(tmp_path: Path) -> None:
    path = tmp_path / "district.db"
    subprocess.run(
        [sys.executable, "-m", "bench.generate", str(path), "--units", "3", "--years", "2"], cwd=ROOT, check=True
    )
    with Store.open(path) as store:
        summaries = store.list_reports()
        reports = [store.load(summary.id) for summary in summaries]
    assert len(reports) == 6
    assert len({report.unit_name for report in reports}) == 3
    assert {report.fiscal_year for report in reports} == {2014, 2015}
    assert len({report.figures["spent"] for report in reports}) > 1
    other = next(report for report in reports if "月湖" not in report.unit_name)
    assert not any("月湖" in text for text in other.texts.values())
    assert all(report.duties and report.basic_lines and report.results for report in reports)


def test_long_report_repeats_the_seed_lists_to_the_length_asked(tmp_path: Path) -> None:
    path = tmp_path / "long.db"
    subprocess.run([sys.executable, "-m", "bench.generate", str(path), "--results", "40"], cwd=ROOT, check=True)
    long_report(tmp_path / "duties.db", duties=60)
    with Store.open(path) as store, Store.open(tmp_path / "duties.db") as other:
        results = store.load(store.list_reports()[0].id)
        duties = other.load(other.list_reports()[0].id)
    seed = seed_report()
    assert len(results.results) == 40 and results.duties == seed.duties
    assert results.results[len(seed.results)] == seed.results[0]
    assert len(duties.duties) == 60 and len(duties.results) == len(seed.results)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tmux") is None or shutil.which("pandoc") is None, reason="needs tmux and pandoc")
def test_quick_run_measures_every_figure(tmp_path: Path) -> None:
    output = tmp_path / "BENCHMARKS.md"
    done = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    rows = [line for line in output.read_text(encoding="utf-8").splitlines() if line.startswith("| ") and "×" in line]
    assert len(rows) == 34
    assert all(row.split("|")[4].strip().endswith("×") for row in rows)
    assert "textual" in output.read_text(encoding="utf-8")
