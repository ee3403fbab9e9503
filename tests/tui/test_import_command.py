"""`jixiao import FILE DB [--as-copy]` as an officer meets it: exit 0 when everything found its place,
1 with the 未归类 pieces listed, 2 with one plain sentence (and no report made) when refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run

from store.repository import Store

ROOT = Path(__file__).resolve().parents[2]
SEED_TEXT = ROOT / "tests" / "yuehu-2019-report.txt"


def test_the_seed_imports_into_a_new_file_with_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "新文件.db"
    status, out, _ = run(capsys, "import", SEED_TEXT, db)
    assert status == 0
    assert "长沙市开福区月湖街道办事处 2019年度" in out and "未归类" not in out
    with Store.open(db) as store:
        (summary,) = store.list_reports()
        assert store.load(summary.id).figures["spent"] is not None


def test_pieces_left_unplaced_are_listed_with_their_heading_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8").replace(
        "六、存在的主要问题", "（四）其他\n另附照片若干张。\n六、存在的主要问题"
    )
    source = tmp_path / "多一段.txt"
    source.write_text(text, encoding="utf-8")
    status, out, _ = run(capsys, "import", source, tmp_path / "r.db")
    assert status == 1
    assert "有 2 段未能归类" in out
    assert "〔（四）其他〕（四）其他" in out and "〔（四）其他〕另附照片若干张。" in out


def test_the_same_unit_and_year_is_refused_then_imported_as_a_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "r.db"
    run(capsys, "import", SEED_TEXT, db)
    status, _, err = run(capsys, "import", SEED_TEXT, db)
    assert status == 2
    assert "已有长沙市开福区月湖街道办事处 2019年度的报告" in err and "--as-copy" in err
    status, out, _ = run(capsys, "--lang", "en", "import", SEED_TEXT, db, "--as-copy")
    assert status == 0
    assert "长沙市开福区月湖街道办事处（导入副本）" in out


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("空.txt", b"", "文件是空的"),
        ("图片.txt", bytes(range(256)) * 8, "不是文本文件"),
        ("假.docx", b"PK\x03\x04broken", "不是有效的 Word 文件"),
        ("笔记.md", "# 笔记".encode(), "不像绩效评价报告"),
        ("通知.txt", "通知\n请按时参加会议。\n".encode(), "不像绩效评价报告"),
    ],
)
def test_what_is_not_a_report_exits_2_and_makes_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, words: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    db = tmp_path / "r.db"
    status, out, err = run(capsys, "import", source, db)
    assert status == 2
    assert words in err and not out
    assert not db.exists()


def test_a_number_whose_field_is_not_certain_is_named_with_its_candidates_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(ROOT / "tests" / "exporters")  # for this test only
    from import_corpus import build

    status, out, _ = run(capsys, "import", build("selfeval-office", "edu", tmp_path), tmp_path / "r.db")
    assert status == 1
    assert "其中 2 段里的数字归属不确定" in out
    assert "↳ 4321.56万元：可能是 实际到位指标 或 预算调整数，未填入" in out
    with Store.open(tmp_path / "r.db") as store:
        (summary,) = store.list_reports()
        assert "budget_adjustment" in store.load(summary.id).figures
        assert store.load(summary.id).figures["funds_received"] == store.load(summary.id).figures["budget_full"]
