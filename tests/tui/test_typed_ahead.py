"""Keys typed before the home list is drawn reach it, in order (issue 23).

Typed as the program starts, keys came before the home list had put the cursor in its filter
and went nowhere; and the terminal, still editing lines until Textual set its raw mode, passed
Enter on as ctrl+j. Pilot posts the keys before the app runs; the terminal tests type them into
the installed `jixiao` as it starts.
"""

from __future__ import annotations

import os
import termios
import time
from decimal import Decimal

import pytest
from keystream import FIGURES
from pilot_helpers import until, widget
from test_keystream_terminal import DEADLINE
from test_keystream_terminal import launched_pane as launched_pane  # noqa: F401 (a fixture)
from textual import events

from tui.keyinput import typed_ahead_kept
from tui.screens.budget import BudgetScreen


async def test_digits_typed_before_the_home_list_is_drawn_end_in_its_filter(make_app):
    app = make_app(build_ahead=True)
    for digit in "2019":
        app.post_message(events.Key(digit, digit))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.screen.query_one("#filter").value == "2019", "2019 in the filter")
        assert app.session is None


async def test_enter_and_f3_typed_as_the_program_starts_open_the_budget_part(make_app, stored):
    app = make_app(build_ahead=True)
    # Enter as a terminal still editing lines sends it (a line feed, ctrl+j), then F3 and a figure.
    for key, character in [("ctrl+j", "\n"), ("f3", None), ("end", None), ("ctrl+u", None)]:
        app.post_message(events.Key(key, character))
    for character in "12":
        app.post_message(events.Key(character, character))
    app.post_message(events.Key("enter", "\r"))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.focused is widget(pilot, FIGURES[1]), "the cursor past the first figure")
        assert isinstance(app.screen, BudgetScreen)
        assert widget(pilot, FIGURES[0]).value == "12.00"
    assert stored(FIGURES[0]) == Decimal("12")


def test_the_terminal_passes_keys_on_as_typed_while_the_program_starts_and_is_given_back_as_it_was():
    leader, follower = os.openpty()
    try:
        with open(follower, closefd=False) as stream:
            before = termios.tcgetattr(follower)
            with typed_ahead_kept(stream):
                held = termios.tcgetattr(follower)
                os.write(leader, b"\r")
                assert os.read(follower, 8) == b"\r"  # Enter, not the line feed canonical mode makes of it
            assert termios.tcgetattr(follower) == before
        assert held[3] & termios.ICANON == 0 and held[3] & termios.ECHO == 0
        assert held[3] & termios.ISIG  # Ctrl+C still interrupts a program slow to start
    finally:
        os.close(leader)
        os.close(follower)


@pytest.mark.slow
def test_2019_typed_a_tenth_of_a_second_after_launch_ends_in_the_filter(launched_pane):
    time.sleep(0.1)
    launched_pane.text("2019")
    shown = launched_pane.wait(lambda s: "筛选 2019" in s and "月湖街道" in s, DEADLINE)
    assert shown is not None


@pytest.mark.slow
def test_enter_f3_typed_at_launch_opens_the_budget_part(launched_pane, stored):
    launched_pane.keys("Enter", "F3", "End")
    launched_pane.wait(lambda s: "财政拨款收入预算批复数" in s, DEADLINE)
    launched_pane.keys("C-u", "3", "3", "Enter")
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if stored(FIGURES[0]) == Decimal("33"):
            return
        time.sleep(0.05)
    pytest.fail(f"33 not saved; the pane shows:\n{launched_pane.screen()}")
