"""Every screen key pressed at random moments never stops the program, and edits typed between are saved (issue 23).

The keys come while the program starts, while a report is opening (its screens are built in
the background) and while it is closing, with seeded random pauses between them: each seed is
one fixed run. Between the bursts a retyped figure is sent in the same stream (Escape until
the home list, Enter, F3, the figure, Enter): it must be in the file at the end. A few seeds
here; many more under `make stress`.
"""

from __future__ import annotations

import asyncio
import random
from decimal import Decimal

import pytest
from keystream import FIGURES
from pilot_helpers import widget
from textual import events
from textual.keys import _character_to_key

from tui.app import JixiaoApp

#: The keys of the screens (F1–F10, Escape) and the other keys that open, move or leave without
#: typing: none deletes, quits or switches the report's outline.
SCREEN_KEYS = (
    *(f"f{number}" for number in range(1, 11)),
    *("escape", "enter", "tab", "shift+tab", "up", "down", "pageup", "pagedown"),
)
#: Escapes enough to reach the home list from any screen or dialog over a report.
BACK_HOME = ["escape"] * 4
#: The longest random pause between two keys, in seconds (longer than the app's QUIET, so screens
#: built ahead are caught being built).
LONGEST_PAUSE = 0.5


def post(app: JixiaoApp, key: str) -> None:
    """Post `key` to the app as the terminal would: a key name, or text typed character by character."""
    if key in SCREEN_KEYS or key in ("end", "ctrl+u"):
        app.post_message(events.Key(key, None))
    else:
        for character in key:
            app.post_message(events.Key(_character_to_key(character), character))


def retyped_figure(rng: random.Random) -> tuple[list[str], Decimal]:
    """The keys that retype the budget's first figure from anywhere, and the amount they save."""
    amount = Decimal(rng.randint(1, 99999)) / 100
    return [*BACK_HOME, "enter", "f3", "end", "ctrl+u", f"{amount:.2f}", "enter"], amount


async def press_at_random(app: JixiaoApp, seed: int, bursts: int) -> Decimal:
    """Send `bursts` bursts of random screen keys, each followed by a retyped figure, with random
    pauses between every two keys; the amount the last figure saved."""
    rng = random.Random(seed)
    amount = Decimal(0)
    for _burst in range(bursts):
        figure, amount = retyped_figure(rng)
        for key in [*rng.choices(SCREEN_KEYS, k=rng.randint(4, 16)), *figure]:
            post(app, key)
            if rng.random() < 0.6:
                await asyncio.sleep(rng.uniform(0, LONGEST_PAUSE))
    return amount


async def keys_at_random_leave_the_program_running_and_the_figure_saved(make_app, stored, seed, bursts) -> None:
    app = make_app(build_ahead=True)
    async with app.run_test(size=(100, 30)) as pilot:
        amount = await press_at_random(app, seed, bursts)
        deadline = asyncio.get_running_loop().time() + 60
        while stored(FIGURES[0]) != amount and asyncio.get_running_loop().time() < deadline:
            await pilot.pause(0.05)
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert stored(FIGURES[0]) == amount, f"seed {seed}"
        assert widget(pilot, FIGURES[0]).value == f"{amount:.2f}"


@pytest.mark.parametrize("seed", [1, 2])
async def test_screen_keys_at_random_moments_keep_the_program_running_and_edits_saved(
    make_app, stored, documents, seed
):
    await keys_at_random_leave_the_program_running_and_the_figure_saved(make_app, stored, seed, bursts=2)


@pytest.mark.stress
@pytest.mark.parametrize("seed", range(100, 130))
async def test_many_runs_of_screen_keys_at_random_moments_keep_the_program_running(make_app, stored, documents, seed):
    await keys_at_random_leave_the_program_running_and_the_figure_saved(make_app, stored, seed, bursts=6)
