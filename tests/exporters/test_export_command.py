"""`jixiao export DB [--report ID] --format md|docx [-o FILE] [--no-tables]`."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tui.cli import main


def test_export_writes_the_default_name_in_the_current_folder(
    sample_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "out"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["export", str(sample_copy), "--format", "docx"]) == 1, "the seed's figures disagree (3472.44)"
    written = work / "月湖街道-2019-绩效评价报告.docx"
    assert "月湖街道-2019-绩效评价报告.docx" in capsys.readouterr().out
    document = docx.Document(str(written))
    assert document.paragraphs[0].text == "绩效评价报告"
    assert len(document.tables) == 5


def test_export_markdown_to_a_named_file_without_tables(sample_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "报告.md"
    assert main(["export", str(sample_copy), "--report", "1", "--format", "md", "-o", str(target), "--no-tables"]) == 1
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# 绩效评价报告\n") and "附表" not in text
    assert text.rstrip().endswith("2020年9月21日")


def test_a_target_open_in_word_exits_2_naming_the_file(
    sample_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"open in Word")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "in use", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    assert main(["export", str(sample_copy), "--format", "docx", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert str(target) in err and "Word" in err
    assert target.read_bytes() == b"open in Word"


def test_a_missing_folder_exits_2_in_english_too(
    sample_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nowhere" / "r.md"
    assert main(["--lang", "en", "export", str(sample_copy), "--format", "md", "-o", str(target)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_bad_settings_file_is_mentioned_and_the_export_still_made(
    sample_copy: Path, tmp_path: Path, own_settings: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own_settings.write_text("[fonts\n", encoding="utf-8")
    target = tmp_path / "r.docx"
    assert main(["export", str(sample_copy), "--format", "docx", "-o", str(target)]) == 1
    assert str(own_settings) in capsys.readouterr().err
    assert target.exists()


def test_an_export_with_errors_in_the_checks_is_written_and_says_so_with_status_1(
    sample_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 21: the seed's 附表1 says 5083.34 over 1610.68 + 3472.44; the file is made, a line says so, status 1."""
    target = tmp_path / "r.md"
    assert main(["export", str(sample_copy), "--format", "md", "-o", str(target)]) == 1
    out, err = capsys.readouterr()
    assert target.exists() and str(target) in out
    assert err.strip() == "注意：检查发现 1 处错误，导出的文件中数字前后不一致；运行 jixiao check 查看"
    for sheet in ("scores", "figures"):
        assert main(["export", str(sample_copy), "--format", "md", "--sheet", sheet, "-o", str(target)]) == 1
        assert "检查发现" in capsys.readouterr().err


def test_an_export_whose_checks_find_no_error_exits_0_without_the_line(
    sample_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from decimal import Decimal

    from store.repository import Store

    with Store.open(sample_copy) as store:
        store.set(1, "figures.project_spent", Decimal("3472.66"))
    assert main(["--lang", "en", "export", str(sample_copy), "--format", "md", "-o", str(tmp_path / "r.md")]) == 0
    assert "error" not in capsys.readouterr().err


def test_an_unknown_format_is_a_usage_error(sample_copy: Path) -> None:
    assert main(["export", str(sample_copy), "--format", "pdf"]) == 2


def test_exporters_do_not_load_textual() -> None:
    code = "import sys, exporters, exporters.docx_writer; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
