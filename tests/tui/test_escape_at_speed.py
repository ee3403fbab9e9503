"""Escape followed at once by another key is Escape, then that key (issue 23), in a real terminal.

The keys go in one `tmux send-keys`, with no pause: the app reads ESC and the next key in the
same read. tui.keyinput makes such an ESC the Escape key; these check the screen and the file.
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from conftest import SEED_ID
from test_keystream_terminal import DEADLINE
from test_keystream_terminal import budget_pane as budget_pane  # noqa: F401 (a fixture)
from test_keystream_terminal import launched_pane as launched_pane  # noqa: F401 (a fixture)

from store.repository import Store
from tui.keyinput import ESCAPE_KEY, EscapeSplitter


def test_an_escape_not_starting_a_sequence_is_the_escape_key_whatever_follows():
    split = EscapeSplitter(0.1)
    assert split.feed("\x1b5", 0.0) == ESCAPE_KEY + "5"
    assert split.feed("\x1b\r\x1b\t\x1b\x7f", 0.0) == f"{ESCAPE_KEY}\r{ESCAPE_KEY}\t{ESCAPE_KEY}\x7f"
    assert split.feed("\x1b[4~\x1bOP\x1b[1;3A", 0.0) == "\x1b[4~\x1bOP\x1b[1;3A"
    assert split.feed("\x1b[200~a\x1bb\x1b[201~", 0.0) == "\x1b[200~a\x1bb\x1b[201~"


def test_an_escape_at_the_end_of_a_read_waits_for_the_next_read_or_the_delay():
    split = EscapeSplitter(0.1)
    assert split.feed("x\x1b", 0.0) == "x"
    assert split.feed("[A", 0.05) == "\x1b[A"
    assert split.feed("\x1b", 1.0) == ""
    assert split.feed("5", 1.01) == ESCAPE_KEY + "5"
    assert split.feed("\x1b", 2.0) == ""
    assert split.due(2.05) == ""
    assert split.due(2.1) == ESCAPE_KEY


def _figure(path) -> Decimal | None:
    with Store.open(path) as store:
        return store.load(SEED_ID).figures.get("budget_approved")


@pytest.mark.slow
def test_escape_then_a_digit_at_once_leaves_the_report_and_the_digit_reaches_the_filter(budget_pane, sample_copy):  # noqa: F811
    budget_pane.keys("F3", "End", "Escape", "5")
    shown = budget_pane.wait(lambda s: "筛选 5" in s, DEADLINE)
    assert shown is not None and "2040.00" not in shown
    time.sleep(0.5)
    assert _figure(sample_copy) == Decimal("2040.00")


@pytest.mark.slow
def test_a_figure_then_escape_at_once_saves_the_figure(budget_pane, sample_copy):  # noqa: F811
    budget_pane.keys("F3", "End", "C-u", "1", "1", "Escape")
    budget_pane.wait(lambda s: "筛选" in s and "机构类别" not in s, DEADLINE)
    deadline = time.monotonic() + DEADLINE
    while _figure(sample_copy) != Decimal("11") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _figure(sample_copy) == Decimal("11")


@pytest.mark.slow
def test_escape_enter_f4_at_once_after_a_figure_reopens_on_the_results_and_saves_the_figure(budget_pane, sample_copy):  # noqa: F811
    budget_pane.keys("F3", "End", "C-u", "1", "1", "Escape", "Enter", "F4")
    shown = budget_pane.wait(lambda s: "项目产出及社会效益评价" in s, DEADLINE)  # the heading of F4's part
    assert shown is not None and "11^" not in shown
    deadline = time.monotonic() + DEADLINE
    while _figure(sample_copy) != Decimal("11") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _figure(sample_copy) == Decimal("11")
