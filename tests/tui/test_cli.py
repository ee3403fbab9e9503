"""The `jixiao` command as a finance officer meets it: check, dump, load and open, Chinese by
default, English on request, exit 0/1/2, one plain sentence and no traceback for a mistake."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

import tui.cli
from store.repository import Store
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def test_check_on_the_sample_finds_only_the_project_spending_mismatch(
    sample_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "check", sample_copy)
    assert status == 1
    findings = [line for line in out.splitlines() if line.startswith(("【错误】", "【提醒】"))]
    assert len(findings) == 1
    assert findings[0].startswith("【错误】")
    assert "3472.44" in findings[0] and "3472.66" in findings[0]
    assert "预算执行率 90.21%" in out and "结转结余变动率 6.31%" in out
    assert "结转结余率" not in out  # 本年结余 ÷ 全年预算数 (issue 21): the sample holds no 全年预算数


def test_check_speaks_english_on_request(sample_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", sample_copy, "--lang", "en")
    assert status == 1
    findings = [line for line in out.splitlines() if line.startswith("[")]
    assert len(findings) == 1 and findings[0].startswith("[error]")
    assert "3472.44" in findings[0] and "3472.66" in findings[0]
    assert not any(
        "\u4e00" <= char <= "\u9fff" for char in out.replace("长沙市开福区月湖街道办事处", "").replace("万元", "")
    )


def test_check_exits_0_once_the_figures_agree(sample_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(sample_copy) as store:
        store.set(1, "figures.project_spent", Decimal("3472.66"))
    status, out, _ = run(capsys, "check", sample_copy)
    assert status == 0
    assert "【错误】" not in out and "未发现问题" in out


def test_several_reports_need_report_and_are_listed(sample_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(sample_copy) as store:
        report = store.load(1)
        report.fiscal_year = 2020
        store.add_report(report)
    status, _, err = run(capsys, "check", sample_copy)
    assert status == 2
    assert "--report" in err and "2019" in err and "2020" in err
    status, out, _ = run(capsys, "check", sample_copy, "--report", 2)
    assert status == 1 and "2020" in out


def test_an_unknown_report_id_is_named(sample_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", sample_copy, "--report", 7)
    assert (status, out) == (2, "")
    assert "7" in err and len(err.strip().splitlines()) == 1


def test_a_file_without_reports_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Store.open(tmp_path / "new.db").close()
    status, _, err = run(capsys, "check", tmp_path / "new.db")
    assert status == 2 and "还没有报告" in err


def test_dump_prints_the_exchange_file(sample_copy: Path, seed_toml: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "dump", sample_copy)
    assert status == 0
    assert tomllib.loads(out) == tomllib.loads(seed_toml)


def test_dump_to_a_file_then_load_elsewhere_round_trips(
    sample_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    moved, copy_db = tmp_path / "月湖 2019.toml", tmp_path / "另一台电脑.db"
    assert run(capsys, "dump", sample_copy, "-o", moved)[0] == 0
    status, out, _ = run(capsys, "load", moved, copy_db)
    assert status == 0 and "长沙市开福区月湖街道办事处" in out
    assert run(capsys, "dump", copy_db, "-o", tmp_path / "again.toml")[0] == 0
    assert (tmp_path / "again.toml").read_bytes() == moved.read_bytes()


def test_load_refuses_a_report_already_there_unless_replace(
    sample_copy: Path, seed_toml: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "seed.toml"
    source.write_text(seed_toml, encoding="utf-8")
    status, _, err = run(capsys, "load", source, sample_copy)
    assert status == 2 and "--replace" in err
    assert run(capsys, "load", source, sample_copy, "--replace")[0] == 0


def test_load_of_a_broken_file_names_the_line_and_makes_no_database(
    seed_toml: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "坏的.toml"
    source.write_text(seed_toml.replace('carried_out = "551.78"', 'carried_out = "551.7.8"'), encoding="utf-8")
    line = next(n for n, text in enumerate(source.read_text(encoding="utf-8").splitlines(), 1) if "551.7.8" in text)
    status, _, err = run(capsys, "load", source, tmp_path / "new.db")
    assert status == 2
    assert f"第 {line} 行" in err and "坏的.toml" in err
    assert not (tmp_path / "new.db").exists()


@pytest.mark.parametrize(
    "argv",
    [["check"], ["check", "a.db", "--report", "x"], ["dump", "a.db", "--colour"], ["--lang", "fr", "check", "a.db"]],
    ids=["missing file argument", "report not a number", "unknown option", "unknown language"],
)
def test_a_usage_mistake_is_one_line_and_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and "jixiao --help" in err


def test_a_mistyped_command_is_not_made_into_a_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, "chek", "sample.db")
    assert status == 2 and "chek" in err and "check" in err
    assert list(tmp_path.iterdir()) == []


def test_help_lists_every_command_and_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0
    for name in tui.cli.COMMANDS:
        assert name in out
    assert "退出码" in out
    status, out, _ = run(capsys, "--lang", "en", "--help")
    assert "Exit status" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out.startswith("jixiao ")


# --- opening the app --------------------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str]]:
    """Stands in for the app: records which file and language it was asked to open."""
    import tui.app

    calls: list[tuple[Path, str]] = []

    def fake_run(db_path: Path, lang: str = "zh") -> int:
        calls.append((Path(db_path), lang))
        return 0

    monkeypatch.setattr(tui.app, "run", fake_run)
    return calls


def test_a_file_name_alone_opens_the_app_on_it(opened: list[tuple[Path, str]]) -> None:
    assert main(["报告.db"]) == 0
    assert main(["--lang", "en", "sub/报告.db"]) == 0
    assert main(["open", "x.db"]) == 0
    assert opened == [(Path("报告.db"), "zh"), (Path("sub/报告.db"), "en"), (Path("x.db"), "zh")]


def test_no_file_opens_the_default_one_in_documents(
    opened: list[tuple[Path, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "Documents"))
    assert main([]) == 0
    assert opened == [(tmp_path / "Documents" / "jixiao" / "jixiao.db", "zh")]
    assert (tmp_path / "Documents" / "jixiao").is_dir()


def test_without_a_usable_documents_folder_the_data_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    blocker = tmp_path / "Documents"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(blocker))
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *args, **kwargs: str(tmp_path / "data"))
    assert tui.cli.default_db_path() == tmp_path / "data" / "jixiao.db"


def test_the_app_refuses_a_file_that_is_not_a_report_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text_file = tmp_path / "notes.db"
    text_file.write_text("不是数据库", encoding="utf-8")
    status, _, err = run(capsys, text_file)
    assert status == 2 and "notes.db" in err
    assert text_file.read_text(encoding="utf-8") == "不是数据库"


# --- what the console gets --------------------------------------------------------------------


class GbkConsole(io.TextIOWrapper):
    """A Windows console on code page 936: a terminal that can only encode GBK."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="gbk")

    def isatty(self) -> bool:
        return True


def test_a_gbk_console_gets_chinese_and_no_crash(sample_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    console = GbkConsole()
    monkeypatch.setattr(sys, "stdout", console)
    status = main(["check", str(sample_copy)])
    console.flush()
    text = console.buffer.getvalue().decode("gbk")
    assert status == 1
    assert "【错误】" in text and "3472.44" in text


def test_a_pipe_gets_utf8_whatever_the_locale(sample_copy: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "PYTHONUTF8": "0"}
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "check", str(sample_copy)], capture_output=True, env=env, check=False
    )
    assert done.returncode == 1
    assert "【错误】" in done.stdout.decode("utf-8")


def test_commands_that_show_no_ui_never_import_textual(sample_copy: Path, tmp_path: Path) -> None:
    toml = tmp_path / "out.toml"
    for argv in (["check", sample_copy], ["dump", sample_copy, "-o", toml], ["load", toml, tmp_path / "n.db"]):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "tui.cli", *map(str, argv)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line]
        assert "store.repository" in imported, "importtime output is being read"
        assert not [name for name in imported if name.split(".")[0] == "textual"], argv


def test_next_makes_2020_from_the_seed_and_export_and_check_compare_with_it(
    sample_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "next", sample_copy)
    assert status == 0
    assert "2020年度报告（编号 2）" in out and "“2019年”" in out and "在 F7 检查里按 Ctrl+Y" in out
    with Store.open(sample_copy) as store:
        store.set(2, "figures.funds_received", Decimal("5000.00"))
        store.set(2, "figures.carried_in", Decimal("500.00"))
    status, out, _ = run(capsys, "export", sample_copy, "--report", 2, "--format", "md", "-o", tmp_path / "2020.md")
    text = (tmp_path / "2020.md").read_text(encoding="utf-8")
    assert status == 1 and "收入较上年减少116.09万元，下降2.27%。" in text  # 5000.00 − 5116.09, ÷ 5116.09
    status, out, _ = run(capsys, "check", sample_copy, "--report", 2)
    assert status == 1 and "2019年报告的" in out and "551.78" in out and "仍是上年原文" in out
    assert "占比：各行四舍五入保留两位小数，最后一行取余数，合计恰为100.00%" in out


def test_next_refuses_a_year_that_exists_and_changes_nothing(
    sample_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from store import exchange

    run(capsys, "next", sample_copy)
    with Store.open(sample_copy) as store:
        before = exchange.dump(store)
    status, _, err = run(capsys, "next", sample_copy, "--report", 1)
    assert status == 2 and "2020年度的报告已经存在" in err
    with Store.open(sample_copy) as store:
        assert exchange.dump(store) == before


@pytest.mark.parametrize("textual_loaded", [False, True])
def test_the_installed_command_ends_with_mains_status_and_says_all_it_printed(
    sample_copy: Path, textual_loaded
) -> None:
    # After a session of the app (Textual loaded) the process ends at once, skipping Python's
    # teardown: the exit status and everything printed must still come out.
    script = (
        "import textual; " if textual_loaded else ""
    ) + f"import sys; from tui.cli import console; sys.argv = ['jixiao', 'check', {str(sample_copy)!r}]; console()"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode == 1  # the seed's own error, 3472.44 ≠ 3472.66
    assert "3472.44" in done.stdout and "Traceback" not in done.stderr
