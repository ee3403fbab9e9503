"""A real terminal for the crash trials: a detached tmux pane the app runs in, read and typed into.

Each `Pane` is one tmux session on a private server. The app is started with `exec`, so the
pane's process is the app itself and its pid is the one to kill. `remain-on-exit` keeps the
last screen readable after the kill.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable, Mapping
from pathlib import Path

WIDTH = 100
HEIGHT = 30
#: Seconds between looks at the pane (each look is a tmux process: too many load a small machine).
POLL = 0.03


def have_tmux() -> bool:
    """Whether the crash trials can run here (POSIX with tmux installed)."""
    return os.name == "posix" and shutil.which("tmux") is not None


class PaneTimeout(RuntimeError):
    """The pane did not show what was awaited in time; the message holds the last screen."""


class Pane:
    """One tmux session of a fixed size on the server `socket`."""

    def __init__(self, socket: str, name: str) -> None:
        self.socket = socket
        self.name = name
        self.pid = 0

    def _tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-u", "-L", self.socket, "-f", os.devnull, *args],
            check=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
        ).stdout

    def launch(self, argv: list[str], cwd: Path, env: Mapping[str, str]) -> int:
        """Start `argv` in a fresh session; returns the app's pid."""
        self.close()
        env_args = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
        self._tmux(
            "new-session", "-d", "-s", self.name, "-x", str(WIDTH), "-y", str(HEIGHT), "-c", str(cwd),
            *env_args, "exec " + shlex.join(argv),
        )  # fmt: skip
        self._tmux("set-option", "-t", self.name, "remain-on-exit", "on")
        self.pid = int(self._tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())
        return self.pid

    def _exists(self) -> bool:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", os.devnull, "has-session", "-t", self.name], capture_output=True
        )
        return done.returncode == 0

    def screen(self, *, styled: bool = False) -> str:
        """The pane's text now (with its colours as escape sequences when `styled`)."""
        return self._tmux("capture-pane", "-p", *(["-e"] if styled else []), "-t", self.name)

    def alive(self) -> bool:
        """Whether the app still runs: a killed app tmux has not reaped yet (a zombie) counts as gone."""
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        try:
            with open(f"/proc/{self.pid}/stat", encoding="utf-8") as stat:
                return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return True

    def keys(self, *names: str) -> None:
        """Press keys by tmux name (Enter, F3, BTab, End, C-u …)."""
        self._tmux("send-keys", "-t", self.name, *names)

    def text(self, text: str) -> None:
        """Type `text` literally, all at once, as an input method commits it."""
        self._tmux("send-keys", "-t", self.name, "-l", text)

    def wait(self, shows: Callable[[str], bool], timeout: float, *, styled: bool = False) -> str | None:
        """Poll until the screen satisfies `shows` (its text), or None once the app is gone."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen(styled=styled)
            if shows(text):
                return text
            if not self.alive():
                return None
            if time.monotonic() > deadline:
                raise PaneTimeout(f"not shown within {timeout:.0f} s; the pane shows:\n{text}")
            time.sleep(POLL)

    def close(self) -> None:
        """End the session (and the app, if it still runs)."""
        if self._exists():
            self._tmux("kill-session", "-t", self.name)


def kill_server(socket: str) -> None:
    """Stop the private tmux server and every session on it."""
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
