"""Fixtures every test package can use: the seed report, and report files made from it."""

from __future__ import annotations

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


@pytest.fixture(scope="session")
def seed_toml() -> str:
    """The seed report's exchange file (samples/yuehu-2019.toml), as text."""
    return SEED_TOML.read_text(encoding="utf-8")


@pytest.fixture
def seed_report(seed_toml: str) -> Report:
    """The seed report as a fresh Report (月湖街道 2019), not yet in any file."""
    (report,) = exchange.read(seed_toml)
    return report


@pytest.fixture
def seeded_db(tmp_path: Path, seed_toml: str) -> Path:
    """A new report file in a temporary folder holding the seed report (id 1)."""
    path = tmp_path / "月湖 2019.db"
    with Store.open(path) as store:
        exchange.load(seed_toml, store)
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
