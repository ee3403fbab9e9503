"""Fixtures for driving the app with Textual's Pilot on a copy of sample.db.

Each test gets its own copy of the sample file and no user settings (tests/conftest.py), and reads what was
saved through a fresh Store, as a second program would.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bench.generate import long_report
from store.repository import Store
from store.settings import Settings
from tui.app import JixiaoApp
from tui.session import value_at

#: The seed report's id in sample.db.
SEED_ID = 1


@pytest.fixture
def make_app(sample_copy: Path) -> Callable[..., JixiaoApp]:
    """A factory of apps on the test's copy of sample.db: `make_app(lang="en")`, or on another file: `make_app(path=…)`.

    The app builds each screen as it is first shown, unless the test asks for the screens built while
    the keyboard rests (`make_app(build_ahead=True)`, as the program does): a test of what a screen
    does runs in half the time, and the tests of screens built ahead, of keys at random moments and
    of bursts of keys (tests/tui/test_screens_ahead.py, test_keys_at_random.py, test_keystream.py …)
    keep the program's own way. The terminal tests (tests/faults, test_terminal.py) run the program itself.
    """
    stores: list[Store] = []

    def make(lang: str = "zh", path: Path = sample_copy, *, build_ahead: bool = False) -> JixiaoApp:
        store = Store.open(path)
        stores.append(store)
        return JixiaoApp(store, lang, settings=Settings(), build_ahead=build_ahead)

    yield make
    for store in stores:
        store.close()


@pytest.fixture(scope="session")
def _long_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The long report's file, made once a session; `long_copy` hands out copies."""
    path = tmp_path_factory.mktemp("long") / "long.db"
    long_report(path, results=2000, duties=5000)
    return path


@pytest.fixture
def long_copy(tmp_path: Path, _long_template: Path) -> Path:
    """A file holding the seed report (id SEED_ID) with 2,000 results and 5,000 duties: issue 23's long lists."""
    path = tmp_path / "long.db"
    shutil.copyfile(_long_template, path)
    return path


@pytest.fixture
def stored(sample_copy: Path) -> Callable[[str], Any]:
    """What the file holds at a field path of the seed report, read with a fresh Store."""

    def read(path: str) -> Any:
        with Store.open(sample_copy) as store:
            return value_at(store.load(SEED_ID), path)

    return read


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's documents folder, here a temporary one."""
    import tui.screens.export as export_screen

    folder = tmp_path / "文档"
    folder.mkdir()
    monkeypatch.setattr(export_screen, "documents_folder", lambda: folder)
    return folder
