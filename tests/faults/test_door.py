"""Issue 19.6: what cannot be lived with is refused at the door, with one sentence and exit 2.

Each kind of input file the issue found accepted-but-fatal, or fatal at once, is fed in here:
exchange files whose values the app's own fields refuse (a date-time for a date, negative
counts and amounts, year 9999, counts past 2^63, nesting 100,000 deep, a zero-width space
hiding a duplicate), indicator files with nan/inf weights, a 3,000-term formula or 1e999,
settings files nested too deep or holding wrong types, and file names over 255 bytes. Each
is refused (or set aside, the built-in used) with one readable sentence; none prints a
traceback, through the Store API, the `jixiao` command in this process, or a real process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from fault_helpers import SAMPLE_TOML, assert_one_line_refusal, digest, run_cli

from exporters import ExportError
from exporters.files import write_atomically
from store import exchange
from store.repository import Store
from store.scoring import PACKAGE_FOLDER, load_systems, row_note, score, system_for
from store.settings import load_settings
from tui import cli

REPO = Path(__file__).resolve().parents[2]
DEEP = 100_000
#: A name of 90 Chinese characters: 270 bytes of UTF-8, over the 255 every file system allows.
LONG_NAME = "长" * 90


@pytest.fixture(autouse=True)
def _settings_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings (and indicator overrides) from this test's folder, never the user's."""
    path = tmp_path / "config" / "settings.toml"
    path.parent.mkdir()
    monkeypatch.setenv("JIXIAO_SETTINGS", str(path))
    return path


def run_process(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`jixiao ARGS` as a real process, in English, with this test's settings."""
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "--lang", "en", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def sample() -> str:
    return SAMPLE_TOML.read_text(encoding="utf-8")


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def second_report(text: str, unit: str) -> str:
    """The sample twice: the second copy's unit name spelt `unit`."""
    report = text[text.index("[[reports]]") :]
    return text + edit(report, 'unit_name = "长沙市开福区月湖街道办事处"', f'unit_name = "{unit}"')


# --- exchange files: every value as the app's own field takes it -----------------------------


@dataclass(frozen=True)
class Bad:
    name: str
    text: Callable[[], str]
    words: tuple[str, ...]


BAD_EXCHANGE = [
    Bad(
        "a date-time where the signing date goes",
        lambda: edit(sample(), "sign_date = 2020-09-21", "sign_date = 2020-09-21T08:00:00"),
        ("line 13", "sign_date", "without a time of day"),
    ),
    Bad(
        "a date-time with an offset",
        lambda: edit(sample(), "sign_date = 2020-09-21", "sign_date = 2020-09-21T08:00:00+08:00"),
        ("sign_date", "without a time of day"),
    ),
    Bad(
        "a negative count", lambda: edit(sample(), "staff_total = 55", "staff_total = -55"), ("staff_total", "negative")
    ),
    Bad(
        "a negative count in a list",
        lambda: edit(sample(), "count = 44 }", "count = -44 }"),
        ("staff_lines[0].count", "negative"),
    ),
    Bad(
        "a negative amount in a breakdown",
        lambda: edit(sample(), 'amount = "140.71"', 'amount = "-140.71"'),
        ("amount", "negative"),
    ),
    Bad(
        "a negative figure that cannot be negative",
        lambda: edit(sample(), 'spent = "5083.34"', 'spent = "-5083.34"'),
        ("figures.spent", "negative"),
    ),
    Bad("year 9999", lambda: edit(sample(), "fiscal_year = 2019", "fiscal_year = 9999"), ("fiscal_year", "2100")),
    Bad(
        "a signing date in year 9999",
        lambda: edit(sample(), "sign_date = 2020-09-21", "sign_date = 9999-09-21"),
        ("sign_date", "2100"),
    ),
    Bad(
        "a count of 2^63",
        lambda: edit(sample(), "staff_total = 55", f"staff_total = {2**63}"),
        ("staff_total", "implausibly large"),
    ),
    Bad(
        "a count of 5,000 digits",
        lambda: edit(sample(), "staff_total = 55", "staff_total = " + "9" * 5000),
        ("line 14", "integer too long"),
    ),
    Bad("nesting 100,000 deep", lambda: sample() + "deep = " + "[" * DEEP + "]" * DEEP + "\n", ("nested too deep",)),
    Bad(
        "inline tables 100,000 deep",
        lambda: sample() + "deep = " + "{a=" * DEEP + "1" + "}" * DEEP + "\n",
        ("nested too deep",),
    ),
    Bad(
        "a zero-width space hiding a duplicate",
        lambda: second_report(sample(), "长沙市开福区月湖街道\u200b办事处"),
        ("appears twice",),
    ),
]


@pytest.mark.parametrize("case", BAD_EXCHANGE, ids=[case.name for case in BAD_EXCHANGE])
def test_load_refuses_what_the_fields_refuse(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: Bad) -> None:
    source = tmp_path / "交换.toml"
    source.write_text(case.text(), encoding="utf-8")
    target = tmp_path / "报告.db"
    Store.open(target).close()
    before = digest(target)
    with pytest.raises(exchange.ExchangeError):
        exchange.read(source.read_bytes())
    assert_one_line_refusal(*run_cli(capsys, "load", source, target)[::2], *case.words)
    assert digest(target) == before


def test_what_load_takes_every_command_can_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`-0` is zero (not a negative amount), a zero-width space in a name is dropped; dump, check,
    export and next then run on the report as on any other."""
    text = edit(sample(), 'carried_out = "551.78"', 'carried_out = "-0"')
    text = edit(text, 'amount = "140.71"', 'amount = "-0.00"')
    text = edit(text, 'unit_short = "月湖街道"', 'unit_short = "月湖\u200b街道\u2060"')
    source = tmp_path / "交换.toml"
    source.write_text(text, encoding="utf-8")
    db = tmp_path / "报告.db"
    assert run_cli(capsys, "load", source, db)[0] == cli.EXIT_OK
    with Store.open(db) as store:
        report = store.load(store.list_reports()[0].id)
    assert str(report.figures["carried_out"]) == "0.00" and report.unit_short == "月湖街道"
    status, dumped, err = run_cli(capsys, "dump", db)
    assert status == cli.EXIT_OK and 'carried_out = "0.00"' in dumped and '"-0' not in dumped, err
    assert run_cli(capsys, "check", db)[0] in (cli.EXIT_OK, cli.EXIT_FINDINGS)
    assert run_cli(capsys, "export", db, "--format", "md", "-o", tmp_path / "r.md")[0] in (
        cli.EXIT_OK,
        cli.EXIT_FINDINGS,
    )
    assert run_cli(capsys, "next", db)[0] == cli.EXIT_OK


def agreeing(db: Path) -> Path:
    """The seed's report file with its one real inconsistency put right (项目支出 3472.44 stated, its lines
    3472.66), so that an export's status and stderr speak only of the settings or indicator file under test."""
    with Store.open(db) as store:
        store.set(store.list_reports()[0].id, "figures.project_spent", Decimal("3472.66"))
    return db


# --- indicator files: set aside with one sentence, the shipped system used -------------------


def national() -> str:
    return (PACKAGE_FOLDER / "national.toml").read_text(encoding="utf-8")


#: The line a bad formula takes the place of: the 在职人员控制率 indicator then carries a formula of its own.
STAFF_FORMULA = 'ratio = "staff_control"'

BAD_INDICATORS = [
    Bad("weight nan", lambda: national().replace("weight = 4", "weight = nan", 1), ("weight",)),
    Bad("weight inf", lambda: national().replace("weight = 4", "weight = inf", 1), ("weight",)),
    Bad("weight 1e999", lambda: national().replace("weight = 4", "weight = 1e999", 1), ("weight",)),
    Bad("a rule's number 1e999", lambda: national().replace("limit = 100", "limit = 1e999", 1), ("limit",)),
    Bad(
        "a formula of 3,000 terms",
        lambda: edit(national(), STAFF_FORMULA, 'formula = "' + " + ".join(["staff_total"] * 3000) + '"'),
        ("too long",),
    ),
    Bad(
        "a formula of 3,000 short terms",
        lambda: edit(national(), STAFF_FORMULA, 'formula = "' + "+".join(["1"] * 3000) + '"'),
        ("too long",),
    ),
    Bad(
        "a formula 300 levels deep",
        lambda: edit(national(), STAFF_FORMULA, 'formula = "' + "-" * 300 + 'staff_total"'),
        ("too long",),
    ),
    Bad(
        "a formula of 1,000 nested brackets",
        lambda: edit(national(), STAFF_FORMULA, 'formula = "' + "(" * 1000 + "staff_total" + ")" * 1000 + '"'),
        ("too long",),
    ),
    Bad("1e999 in a formula", lambda: edit(national(), STAFF_FORMULA, 'formula = "staff_total * 1e999"'), ("formula",)),
    Bad(
        "a number of 5,000 digits in a formula",
        lambda: edit(national(), STAFF_FORMULA, 'formula = "staff_total * ' + "9" * 390 + '"'),
        ("formula",),
    ),
    Bad("nesting 100,000 deep", lambda: national() + "deep = " + "[" * DEEP + "]" * DEEP + "\n", ("too deep",)),
]


@pytest.mark.parametrize("case", BAD_INDICATORS, ids=[case.name for case in BAD_INDICATORS])
def test_a_bad_indicator_file_is_set_aside_and_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], _settings_here: Path, case: Bad, seeded_db: Path
) -> None:
    folder = _settings_here.parent / "indicators"
    folder.mkdir()
    (folder / "national.toml").write_text(case.text(), encoding="utf-8")
    systems, problems = load_systems()
    assert [problem.code.split(".")[0] for problem in problems] == ["scoring"]
    for word in case.words:
        assert word in problems[0].text("en"), problems[0].text("en")
    assert systems["national"].path == "store/indicators/national.toml"
    with Store.open(seeded_db) as store:
        report = store.load(store.list_reports()[0].id)
    assert len(score(report, system_for(report, systems)).rows) == 28

    status, out, err = run_cli(capsys, "export", agreeing(seeded_db), "--format", "xlsx", "-o", tmp_path / "表.xlsx")
    assert status == cli.EXIT_OK and "Traceback" not in err
    assert err.count("national.toml") == 1, err  # said once (the 自评表's unscored rows are listed after it)
    assert run_cli(capsys, "check", seeded_db)[0] in (cli.EXIT_OK, cli.EXIT_FINDINGS)


def test_a_formula_whose_value_is_absurd_says_so_rather_than_crash(_settings_here: Path, seed_report) -> None:
    folder = _settings_here.parent / "indicators"
    folder.mkdir()
    product = " * ".join(["figures.spent"] * 5)
    (folder / "national.toml").write_text(edit(national(), STAFF_FORMULA, f'formula = "{product}"'), encoding="utf-8")
    systems, problems = load_systems()
    assert problems == []
    row = next(row for row in score(seed_report, systems["national"]).rows if row.indicator.id == "staff_control")
    assert row.status == "too_large" and row.score is None and row.value is None
    assert "implausibly large" in row_note(row, systems["national"], "en")


# --- the settings file: reported, defaults used, --help always works ----------------------------

BAD_SETTINGS = [
    Bad("tables 100,000 deep", lambda: "x = " + "{a=" * DEEP + "1" + "}" * DEEP + "\n", ("too deep",)),
    Bad("lists 100,000 deep", lambda: "x = " + "[" * DEEP + "]" * DEEP + "\n", ("too deep",)),
    Bad("a number of 5,000 digits", lambda: "x = " + "9" * 5000 + "\n", ("not valid TOML",)),
    Bad("[ui] lang a list", lambda: "[ui]\nlang = [1, 2]\n", ("language",)),
    Bad("[ui] lang a table", lambda: "[ui]\nlang = { a = 1 }\n", ("language",)),
    Bad("[fonts] a number", lambda: "fonts = 3\n", ("[fonts]",)),
    Bad("[report] shares a table", lambda: "[report]\nshares = { a = 1 }\n", ("shares",)),
    Bad("[keys] a list", lambda: "keys = [1]\n", ()),
    Bad("[keys] a wrong value", lambda: "[keys]\n'jixiao.save' = 5\n", ()),
]


@pytest.mark.parametrize("case", BAD_SETTINGS, ids=[case.name for case in BAD_SETTINGS])
def test_a_bad_settings_file_is_reported_and_defaults_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], _settings_here: Path, case: Bad, seeded_db: Path
) -> None:
    _settings_here.write_text(case.text(), encoding="utf-8")
    settings = load_settings()
    assert (settings.lang, settings.shares) == ("zh", "balanced")
    texts = " ".join(notice.text("en") for notice in settings.notices)
    for word in case.words:
        assert word in texts, texts
    status, out, err = run_cli(capsys, "--help")
    assert status == cli.EXIT_OK and "Traceback" not in err and "export" in out
    status, out, err = run_cli(capsys, "export", agreeing(seeded_db), "--format", "md", "-o", tmp_path / "r.md")
    assert status == cli.EXIT_OK and "Traceback" not in err, err


# --- names over 255 bytes ----------------------------------------------------------------


def test_an_export_name_over_255_bytes_is_refused_with_a_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ExportError) as caught:
        write_atomically(folder / f"{LONG_NAME}.md", b"x")
    assert caught.value.code == "name_too_long" and "273 bytes" in caught.value.text("en")
    with pytest.raises(ExportError):
        write_atomically(folder / LONG_NAME / "r.md", b"x")
    assert list(folder.iterdir()) == []


def test_a_name_that_just_fits_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    name = "长" * 84 + ".md"  # 255 bytes: the temporary name beside it must not be longer
    assert write_atomically(folder / name, b"x").read_bytes() == b"x"
    assert [path.name for path in folder.iterdir()] == [name]


@pytest.mark.parametrize(
    "args",
    [
        ("export", "{db}", "--format", "md", "-o", f"{LONG_NAME}.md"),
        ("export", "{db}", "--format", "docx", "-o", f"{LONG_NAME}/r.docx"),
        ("dump", "{db}", "-o", f"{LONG_NAME}.toml"),
        ("check", f"{LONG_NAME}.db"),
        ("backup", f"{LONG_NAME}.db"),
        ("load", f"{LONG_NAME}.toml", "{db}"),
        ("load", str(SAMPLE_TOML), f"{LONG_NAME}.db"),
        ("import", f"{LONG_NAME}.docx", "{db}"),
        ("next", f"{LONG_NAME}.db"),
        (f"{LONG_NAME}.db",),
    ],
    ids=lambda args: " ".join(arg[:12] for arg in args),
)
def test_every_command_refuses_a_name_over_255_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seeded_db: Path, monkeypatch: pytest.MonkeyPatch, args
) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    assert_one_line_refusal(*run_cli(capsys, *(arg.format(db=seeded_db) for arg in args))[::2], "too long", "255")
    assert sorted(tmp_path.iterdir()) == before


# --- a real process: exit 2, one sentence, no traceback --------------------------------------


def test_no_input_file_makes_a_real_process_print_a_traceback(tmp_path: Path, _settings_here: Path) -> None:
    """One of each kind, through `python -m tui.cli` as a person would run it."""
    _settings_here.write_text("x = " + "[" * DEEP + "]" * DEEP + "\n", encoding="utf-8")
    folder = _settings_here.parent / "indicators"
    folder.mkdir()
    (folder / "national.toml").write_text(national().replace("weight = 4", "weight = nan", 1), encoding="utf-8")
    assert run_process("--help", cwd=tmp_path).returncode == cli.EXIT_OK
    db = tmp_path / "报告.db"
    for case in BAD_EXCHANGE:
        source = tmp_path / "交换.toml"
        source.write_text(case.text(), encoding="utf-8")
        done = run_process("load", source, db, cwd=tmp_path)
        assert done.returncode == cli.EXIT_UNUSABLE, (case.name, done.stderr)
        assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, (case.name, done.stderr)
    done = run_process("load", SAMPLE_TOML, db, cwd=tmp_path)
    assert done.returncode == cli.EXIT_OK and "Traceback" not in done.stderr, done.stderr
    agreeing(db)
    done = run_process("export", db, "--format", "md", "-o", f"{LONG_NAME}.md", cwd=tmp_path)
    assert done.returncode == cli.EXIT_UNUSABLE and "Traceback" not in done.stderr, done.stderr
    done = run_process("export", db, "--format", "xlsx", "-o", "表.xlsx", cwd=tmp_path)
    assert done.returncode == cli.EXIT_OK and "Traceback" not in done.stderr, done.stderr
    assert "national.toml" in done.stderr and "too deep" in done.stderr
