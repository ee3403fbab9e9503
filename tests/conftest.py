"""Fixtures every test package can use: the seed report, report files made from it, and a settings
file of the test's own so no test reads the settings of whoever runs the tests."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import exchange
from store.model import Report
from store.repository import Store

ROOT = Path(__file__).resolve().parent.parent
SEED_TOML = ROOT / "samples" / "yuehu-2019.toml"
SAMPLE_DB = ROOT / "sample.db"

#: One test process runs a hundred apps one after another, and each makes tens of thousands of
#: objects a screen: with Python's default thresholds the collector scanned them so often that it
#: took a fifth of the Pilot tests' time. Collected less often, nothing is kept that would not be
#: (tests/tui/test_no_leaks.py still sees an app give back all it held).
gc.set_threshold(50_000, 20, 100)


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: tests run without xdist too (-p no:xdist)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`make test`'s `-n auto`: one test process more than the machine has cores. A fifth of the
    suite's time is tests waiting on another program (a terminal in tmux, LibreOffice, a killed
    app's restart); the extra process keeps every core busy meanwhile."""
    return (os.cpu_count() or 1) + 1


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point JIXIAO_SETTINGS at a file that does not exist (defaults), in a folder of the test's own:
    never the user's file, nor one an earlier test wrote. Programs the test starts inherit it."""
    path = tmp_path_factory.mktemp("settings") / "settings.toml"
    monkeypatch.setenv("JIXIAO_SETTINGS", str(path))
    return path


@pytest.fixture(scope="session")
def seed_toml() -> str:
    """The seed report's exchange file (samples/yuehu-2019.toml), as text."""
    return SEED_TOML.read_text(encoding="utf-8")


@pytest.fixture
def seed_report(seed_toml: str) -> Report:
    """The seed report as a fresh Report (月湖街道 2019), not yet in any file."""
    (report,) = exchange.read(seed_toml)
    return report


@pytest.fixture(scope="session")
def _seeded_template(tmp_path_factory: pytest.TempPathFactory, seed_toml: str) -> Path:
    """The seed report loaded into a new report file once a session; `seeded_db` hands out copies
    (loading takes a third of a second, a copy a fraction of a millisecond)."""
    path = tmp_path_factory.mktemp("seeded") / "template.db"
    with Store.open(path) as store:
        exchange.load(seed_toml, store)
    return path


@pytest.fixture
def seeded_db(tmp_path: Path, _seeded_template: Path) -> Path:
    """A new report file in a temporary folder holding the seed report (id 1)."""
    path = tmp_path / "月湖 2019.db"
    shutil.copyfile(_seeded_template, path)
    return path


@pytest.fixture
def seeded_store(seeded_db: Path) -> Iterator[Store]:
    """`seeded_db`, open; closed after the test."""
    with Store.open(seeded_db) as store:
        yield store


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A copy of the committed sample.db, for tests that open it (opening may write a backup beside it)."""
    target = tmp_path / "sample.db"
    shutil.copyfile(SAMPLE_DB, target)
    return target
