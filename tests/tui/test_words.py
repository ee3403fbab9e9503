"""The screens' and the command line's words live in tui/words.py, the store's in store/catalogue.py,
and every key the UI names has its text (a key shown as itself on a screen is a bug a user sees)."""

from __future__ import annotations

import re
from pathlib import Path

from store import catalogue
from tui import words

TUI = Path(__file__).resolve().parents[2] / "tui"
#: A UI key written out in tui's code, e.g. "ui.help.title" or "cli.help.open".
UI_KEY = re.compile(r"[\"']((?:ui|cli)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*)[\"']")


def test_every_ui_key_the_code_names_has_words_in_both_languages():
    named = {key for path in TUI.rglob("*.py") for key in UI_KEY.findall(path.read_text(encoding="utf-8"))}
    assert len(named) > 150
    for key in named:
        table = words.MESSAGES if key in words.MESSAGES else catalogue.MESSAGES
        assert key in table, key
        assert table[key]["zh"] and table[key]["en"], key


def test_the_store_keeps_no_screen_words():
    """The store's catalogue holds no `ui.` key; its `cli.` keys are the refusals the command line
    raises as a StoreError (said by the store's error type)."""
    store_keys = set(catalogue.MESSAGES)
    assert not {key for key in store_keys if key.startswith("ui.")}
    assert {key for key in store_keys if key.startswith("cli.")} == {
        "cli.no_reports",
        "cli.several_reports",
        "cli.in_file",
        "cli.report_exists",
    }
    assert not store_keys & set(words.MESSAGES)


def test_the_ui_says_its_own_words_and_the_stores():
    assert words.message("ui.help.screen_keys", "en") == "Keys of this screen"
    assert words.message("no_such_report", "zh", report_id=7) == catalogue.message("no_such_report", "zh", report_id=7)
