"""The installed `jixiao` command in a real terminal (tmux): type Chinese prose and a figure, quit, reopen.

This is what Pilot cannot show: the real key decoding of a terminal, wide characters sent
as text the way an input method sends them, and that quitting with ctrl+q leaves both
values in the file. Every wait polls the screen against a deadline; nothing sleeps blindly.

The terminal's cursor says which field has the cursor: a key is sent, then the test waits
until the cursor stands where that key should have put it (keys pressed while a screen is
still coming up may land before its first field takes the cursor, so a move is retried).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from store.repository import Store

pytestmark = pytest.mark.slow

#: Seconds any one step may take on a slow CI machine before the test gives up.
DEADLINE = 60
PROSE = "测试：中文输入法录入的一句话。"
FIGURE = "２０５０"


def jixiao_command() -> str | None:
    """The installed command: beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).with_name("jixiao")
    if beside.exists():
        return str(beside)
    return shutil.which("jixiao")


if shutil.which("tmux") is None or jixiao_command() is None:
    pytest.skip("needs tmux and the installed jixiao command", allow_module_level=True)


class Terminal:
    """One tmux window of 100×30 running a command, on a private tmux server."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.server = f"jixiao-test-{uuid.uuid4().hex[:8]}"
        settings = [f"{name}={value}" for name, value in env.items()]
        self.tmux("new-session", "-d", "-s", "app", "-x", "100", "-y", "30", "env", *settings, *command)

    def tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-u", "-L", self.server, *args], capture_output=True, text=True, encoding="utf-8", check=False
        )

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app").stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "app", *keys)

    def text(self, text: str) -> None:
        """Send `text` literally, as an input method delivers composed characters."""
        self.tmux("send-keys", "-t", "app", "-l", text)

    def cursor(self) -> tuple[int, int]:
        """Where the terminal's cursor is: (column, row), from 0."""
        column, row = self.tmux("display-message", "-p", "-t", "app", "#{cursor_x} #{cursor_y}").stdout.split()
        return int(column), int(row)

    def row_of(self, label: str, screen: str | None = None) -> int:
        """The first screen row that starts with the field label `label` (after the bar marking the cursor's row)."""
        lines = (self.screen() if screen is None else screen).splitlines()
        return next(row for row, line in enumerate(lines) if line.lstrip("▌").split()[:1] == [label])

    def field_text(self, label: str, screen: str) -> str:
        """What the one-line field labelled `label` shows (the rest of its row)."""
        return " ".join(screen.splitlines()[self.row_of(label, screen)].lstrip("▌").split()[1:])

    def move_to_row(self, key: str, row: int) -> None:
        """Press `key` until the cursor is on `row`, waiting after each press for the cursor to move."""
        deadline = time.monotonic() + DEADLINE
        while self.cursor()[1] != row:
            if time.monotonic() > deadline:
                pytest.fail(f"the cursor never reached row {row}; it is at {self.cursor()}:\n{self.screen()}")
            before = self.cursor()
            self.keys(key)
            settle = time.monotonic() + 2
            while self.cursor() == before and time.monotonic() < settle:
                time.sleep(0.05)

    def running(self) -> bool:
        return self.tmux("has-session", "-t", "app").returncode == 0

    def wait_for(self, *words: str) -> str:
        """Poll the screen until it shows every one of `words`; fail with what it shows instead."""
        return self.wait_until(lambda shown: all(word in shown for word in words), f"showing {words!r}")

    def wait_until(self, test: Callable[[str], bool], what: str) -> str:
        """Poll the screen until `test(screen text)` holds; fail with what it shows instead."""
        deadline = time.monotonic() + DEADLINE
        while True:
            shown = self.screen()
            if test(shown):
                return shown
            if time.monotonic() > deadline:
                pytest.fail(f"the screen never was {what}; it shows:\n{shown}")
            time.sleep(0.1)

    def wait_until_ended(self) -> None:
        deadline = time.monotonic() + DEADLINE
        while self.running():
            if time.monotonic() > deadline:
                pytest.fail(f"jixiao did not quit; the screen shows:\n{self.screen()}")
            time.sleep(0.1)

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal(sample_copy: Path, tmp_path: Path) -> Iterator[Terminal]:
    env = {"JIXIAO_SETTINGS": str(tmp_path / "settings.toml"), "LANG": "C.UTF-8", "TERM": "xterm-256color"}
    term = Terminal([str(jixiao_command()), str(sample_copy)], env)
    yield term
    term.close()


def test_typed_prose_and_figure_are_in_the_file_after_quitting(terminal: Terminal, sample_copy: Path):
    terminal.wait_for("月湖街道", "2019")
    terminal.keys("Enter")
    terminal.wait_for("F2 组织与人员", "机构类别")

    terminal.keys("F6")
    terminal.wait_for("标题及导语", "单位简称")
    # 单位名称 → 单位简称 → 年度 → 标题 → 导语, the text box under the line naming the outline
    outline_row = next(row for row, shown in enumerate(terminal.screen().splitlines()) if "报告提纲" in shown)
    terminal.move_to_row("Tab", outline_row + 1)
    terminal.text(PROSE)
    terminal.wait_for(PROSE + "为进一步规范财政资金管理")

    terminal.keys("F3")
    terminal.wait_for("财政拨款收入预算批复数", "2040.00")
    label = "财政拨款收入预算批复数"
    terminal.move_to_row("End", terminal.row_of(label))  # the first field
    # Textual runs a key's action (ctrl+u: clear) after characters already queued behind it,
    # so the field must be seen empty before typing into it.
    terminal.keys("C-u")
    terminal.wait_until(lambda shown: terminal.field_text(label, shown) == "万元", "showing the field cleared")
    terminal.text(FIGURE)
    terminal.keys("Enter")
    terminal.wait_for("2050.00")

    terminal.keys("C-q")
    terminal.wait_until_ended()

    with Store.open(sample_copy) as store:
        report = store.load(1)
    assert report.texts["preamble"].startswith(PROSE + "为进一步规范财政资金管理")
    assert report.figures["budget_approved"] == Decimal("2050.00")


def test_next_year_from_the_list_in_a_real_terminal(terminal: Terminal, sample_copy: Path):
    """ctrl+y on the seed makes 2020; the year offer updates every block; the report opens (issue 11)."""
    terminal.wait_for("月湖街道", "2019")
    terminal.keys("C-y")
    terminal.wait_for("更新所选", "全部更新", "经济性评价：2019年街道")
    terminal.keys("Tab")
    terminal.keys("Tab")
    terminal.keys("Enter")
    terminal.wait_for("F2 组织与人员", "2020年月湖街道按照上级要求")
    terminal.keys("C-q")
    terminal.wait_until_ended()

    with Store.open(sample_copy) as store:
        years = [summary.fiscal_year for summary in store.list_reports()]
        report = store.load(2)
    assert years == [2020, 2019]
    assert "2019年" not in report.texts["economy"] and "texts.economy" in report.copied
    assert report.figures["carried_in"] == Decimal("551.78")
