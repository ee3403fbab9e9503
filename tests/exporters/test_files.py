"""Exports are written whole or not at all: the old file survives every failure, no temp file is left."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from exporters import ExportError, export_report
from exporters import files as export_files
from store.model import Report
from store.repository import Store


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    target = tmp_path / "月湖街道-2019-绩效评价报告.docx"
    target.write_bytes(b"the previous export")
    return target


def test_export_replaces_the_old_file_and_leaves_nothing_behind(seed_report: Report, old_file: Path) -> None:
    written = export_report(seed_report, "md", old_file)
    assert written == old_file
    assert old_file.read_text(encoding="utf-8").startswith("# 绩效评价报告\n")
    assert leftovers(old_file.parent) == []


def test_a_folder_as_target_gets_the_default_name(seed_report: Report, tmp_path: Path) -> None:
    written = export_report(seed_report, "docx", tmp_path)
    assert written == tmp_path / "月湖街道-2019-绩效评价报告.docx"
    assert written.read_bytes()[:2] == b"PK"


def test_a_name_without_extension_gets_the_formats(seed_report: Report, tmp_path: Path) -> None:
    assert export_report(seed_report, "docx", tmp_path / "报告") == tmp_path / "报告.docx"
    assert export_report(seed_report, "md", tmp_path / "报告.txt") == tmp_path / "报告.txt"


def test_a_file_open_in_word_is_reported_by_name_and_kept(
    seed_report: Report, old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError) as caught:
        export_report(seed_report, "docx", old_file)
    assert caught.value.code == "export.in_use"
    assert str(old_file) in str(caught.value) and "Word" in str(caught.value)
    assert str(old_file) in caught.value.text("en")
    assert old_file.read_bytes() == b"the previous export"
    assert leftovers(old_file.parent) == []


def test_a_full_disk_is_reported_and_the_old_file_kept(
    seed_report: Report, old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError) as caught:
        export_report(seed_report, "md", old_file)
    assert caught.value.code == "export.disk_full"
    assert str(old_file) in str(caught.value) and "磁盘空间不足" in str(caught.value)
    assert old_file.read_bytes() == b"the previous export"
    assert leftovers(old_file.parent) == []


def test_a_read_only_folder_is_reported(seed_report: Report, old_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(path: Path, mode: str = "r") -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(export_files, "open", read_only, raising=False)
    with pytest.raises(ExportError) as caught:
        export_report(seed_report, "md", old_file)
    assert caught.value.code == "export.folder_readonly"
    assert str(old_file) in str(caught.value)
    assert old_file.read_bytes() == b"the previous export"


def test_a_chinese_name_the_locale_cannot_write_is_refused_with_advice(
    seed_report: Report, old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ascii_only(path: Path, mode: str = "r") -> None:
        str(path).encode("ascii")

    monkeypatch.setattr(export_files, "open", ascii_only, raising=False)
    with pytest.raises(ExportError) as caught:
        export_report(seed_report, "md", old_file.with_name("月湖街道-2019-绩效评价报告.md"))
    assert caught.value.code == "export.bad_name"
    assert "-o" in str(caught.value)
    assert old_file.read_bytes() == b"the previous export"


def test_a_missing_folder_is_reported_by_name(seed_report: Report, tmp_path: Path) -> None:
    target = tmp_path / "没有这个文件夹" / "报告.md"
    with pytest.raises(ExportError) as caught:
        export_report(seed_report, "md", target)
    assert caught.value.code == "export.no_folder"
    assert str(target) in str(caught.value) and "没有这个文件夹" in str(caught.value)
    assert not target.parent.exists()


def test_an_unknown_format_writes_nothing(seed_report: Report, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        export_report(seed_report, "pdf", tmp_path / "a.pdf")
    assert caught.value.code == "export.unknown_format"
    assert list(tmp_path.iterdir()) == []


def test_writing_a_folder_over_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        export_files.write_atomically(tmp_path, b"x")
    assert caught.value.code == "export.is_folder"


@pytest.mark.parametrize("name", ["sample.db", "sample.db-wal"])
def test_an_export_never_replaces_the_report_file(seed_report: Report, sample_copy: Path, name: str) -> None:
    """A mistyped export name that is the report file (or its -wal) is refused; the file keeps its reports."""
    before = sample_copy.read_bytes()
    with Store.open(sample_copy) as store:
        with pytest.raises(ExportError) as refused:
            export_report(seed_report, "md", sample_copy.with_name(name))
        assert refused.value.code == "export.is_database"
        assert store.list_reports()
    assert sample_copy.read_bytes() == before
