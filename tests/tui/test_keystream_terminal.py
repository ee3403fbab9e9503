"""Keys typed at speed are never lost or reordered, in a real terminal: the installed `jixiao` in
tmux, the seeded edit scripts of tests/tui/keystream.py sent with no pause (each key its own
`tmux send-keys`, typed text as an input method commits it), the file compared with a correct
editor after every script. A few dozen scripts here; several hundred under `make stress`.
"""

from __future__ import annotations

import importlib.util
import random
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED_ID
from keystream import TMUX_NAMES, Editor, is_key, next_script

from store.repository import Store

#: The crash trials' tmux driver, shared rather than written twice (tests/faults is no package).
_spec = importlib.util.spec_from_file_location("faults_terminal", Path(__file__).parents[1] / "faults" / "terminal.py")
assert _spec is not None and _spec.loader is not None
terminal = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(terminal)

JIXIAO = Path(sys.executable).with_name("jixiao")
#: Seconds one step may take on a loaded machine before the test says what it saw.
DEADLINE = 60.0

if not terminal.have_tmux() or not JIXIAO.exists():
    pytest.skip("needs tmux and the installed jixiao command", allow_module_level=True)


@pytest.fixture
def launched_pane(sample_copy: Path, tmp_path: Path) -> Iterator[Any]:
    """A tmux pane that has just started jixiao on the test's copy of sample.db (nothing drawn yet)."""
    socket = f"jixiao-keys-{uuid.uuid4().hex[:8]}"
    pane = terminal.Pane(socket, "keys")
    env = {"JIXIAO_SETTINGS": str(tmp_path / "settings.toml"), "LANG": "C.UTF-8", "TERM": "xterm-256color"}
    pane.launch([str(JIXIAO), str(sample_copy)], tmp_path, env)
    try:
        yield pane
    finally:
        terminal.kill_server(socket)


@pytest.fixture
def budget_pane(launched_pane: Any) -> Any:
    """jixiao on the test's copy of sample.db in tmux, the seed report open on its first part."""
    launched_pane.wait(lambda shown: "月湖街道" in shown, DEADLINE)
    launched_pane.keys("Enter")
    launched_pane.wait(lambda shown: "机构类别" in shown, DEADLINE)
    return launched_pane


def type_scripts(pane: Any, path: Path, seed: int, count: int) -> None:
    """Open the budget part and type `count` scripts at once each; after each, the file holds what it should."""
    rng = random.Random(seed)
    with Store.open(path) as store:
        editor = Editor.of(store.load(SEED_ID))
        pane.keys("F3")
        for number in range(count):
            keys = next_script(rng, editor)
            for key in keys:
                if is_key(key):
                    pane.keys(TMUX_NAMES[key])
                else:
                    pane.text(key)
            deadline = time.monotonic() + DEADLINE
            while found := editor.differences(store.load(SEED_ID)):
                if time.monotonic() > deadline:
                    shown = pane.screen()
                    pytest.fail(f"script {number} {keys!r}:\n" + "\n".join(found) + f"\nthe pane shows:\n{shown}")
                time.sleep(0.05)


@pytest.mark.slow
def test_edit_scripts_typed_in_a_terminal_leave_what_a_correct_editor_would(budget_pane, sample_copy):
    type_scripts(budget_pane, sample_copy, seed=10, count=30)


@pytest.mark.stress
@pytest.mark.parametrize("seed", range(11, 19))
def test_many_edit_scripts_typed_in_a_terminal_lose_no_key(budget_pane, sample_copy, seed):
    type_scripts(budget_pane, sample_copy, seed=seed, count=60)
