"""A real terminal for the first-paint, memory and filter figures: one private tmux server.

A program is started in the pane with `exec`, so the pane's process *is* the program and
its /proc entry gives its peak resident memory (VmHWM). "First paint" is the time from
asking tmux to start it until `tmux capture-pane` shows an expected string; the pane is
polled as fast as tmux answers (a few milliseconds a poll), the same way for every
program measured, so the polling cost falls on both sides of each ratio.

Key echo is a few milliseconds, as long as one poll: it is timed through a control-mode
client of the same server instead (Watch), which sends the key and hears of the pane's
output the moment tmux reads it.
"""

from __future__ import annotations

import os
import select
import shlex
import signal
import subprocess
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

WIDTH = 100
HEIGHT = 30
TIMEOUT = 60.0


class TerminalError(RuntimeError):
    """The program did not show what was awaited in time (the pane's last text is in the message)."""


@dataclass
class Session:
    """One program running in the pane."""

    pid: int
    first_paint: float


class Terminal:
    """A detached tmux session of a fixed size on its own socket; use as a context manager."""

    def __init__(self, cwd: Path, env: Mapping[str, str]) -> None:
        self.socket = f"jixiao-bench-{os.getpid()}"
        self.cwd = cwd
        self.env = dict(env)
        self.target = "bench:0.0"

    def _tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-u", "-L", self.socket, "-f", os.devnull, *args],
            check=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
        ).stdout

    def __enter__(self) -> Terminal:
        self._tmux("new-session", "-d", "-s", "bench", "-x", str(WIDTH), "-y", str(HEIGHT), "-c", str(self.cwd))
        self._tmux("set-option", "-g", "remain-on-exit", "on")
        self._tmux("set-option", "-g", "status", "off")
        self.socket_path = Path(self._tmux("display-message", "-p", "#{socket_path}").strip())
        return self

    def __exit__(self, *exc: object) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        self.socket_path.unlink(missing_ok=True)

    def screen(self, row: int | None = None) -> str:
        """The pane's text now: all of it, or the line at `row` (0 is the top) alone."""
        lines = () if row is None else ("-S", str(row), "-E", str(row))
        return self._tmux("capture-pane", "-p", "-t", self.target, *lines)

    def launch(self, argv: list[str], shows: Callable[[str], bool]) -> Session:
        """Start `argv` in the pane and wait until its screen satisfies `shows`."""
        self._tmux("respawn-pane", "-k", "-t", self.target, "-c", str(self.cwd), "sleep 86400")
        self.wait_until(lambda text: not text.strip(), "a clear pane")
        env_args = [arg for key, value in self.env.items() for arg in ("-e", f"{key}={value}")]
        command = "exec " + shlex.join(argv)
        start = time.perf_counter()
        self._tmux("respawn-pane", "-k", "-t", self.target, "-c", str(self.cwd), *env_args, command)
        self.wait_until(shows, shlex.join(argv))
        first_paint = time.perf_counter() - start
        pid = int(self._tmux("display-message", "-p", "-t", self.target, "#{pane_pid}").strip())
        return Session(pid, first_paint)

    def wait_until(self, shows: Callable[[str], bool], what: str, row: int | None = None) -> float:
        """Poll the pane (or its line at `row`) until `shows` holds; returns the time it took.

        A poll of one line takes as long whatever else the pane shows: a full pane of text
        takes tmux longer to hand over than a nearly empty one, and that time counts in each figure.
        """
        start = time.perf_counter()
        deadline = start + TIMEOUT
        while True:
            text = self.screen(row)
            if shows(text):
                return time.perf_counter() - start
            if time.perf_counter() > deadline:
                raise TerminalError(f"{what}: not shown after {TIMEOUT:.0f} s; the pane shows:\n{text}")

    def send_text(self, text: str) -> None:
        """Type `text` into the pane literally, all at once (as an input method commits a word)."""
        self._tmux("send-keys", "-t", self.target, "-l", text)

    def send_keys(self, *names: str) -> None:
        """Press keys by tmux name (Enter, F3 …)."""
        self._tmux("send-keys", "-t", self.target, *names)

    def watch(self) -> Watch:
        """A control-mode client of this terminal, for timing key echo; use as a context manager."""
        return Watch(self)

    def stop(self, session: Session) -> None:
        """End the program and wait until it is gone, so the next launch has the machine to itself."""
        try:
            os.kill(session.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.perf_counter() + 10
        while _state(session.pid) != "Z":
            if time.perf_counter() > deadline:
                os.kill(session.pid, signal.SIGKILL)
                deadline += 10
            time.sleep(0.01)


class Watch:
    """A tmux control-mode client attached to the bench's session: keys are sent through it,
    and each block of the program's output is heard of (`%output`) the moment tmux reads it,
    with no tmux process started per key or per poll."""

    def __init__(self, terminal: Terminal) -> None:
        self.terminal = terminal
        self._pending = b""

    def __enter__(self) -> Watch:
        self._client = subprocess.Popen(
            ["tmux", "-u", "-L", self.terminal.socket, "-C", "attach", "-t", "bench"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,
        )
        self._outputs(time.perf_counter() + 0.2)
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._client.stdin is not None
        self._client.stdin.close()
        self._client.wait(timeout=10)

    def _outputs(self, until: float) -> float | None:
        """Read what the client has said until `until` (or, once something came, until it pauses);
        the arrival time of the last pane output among it, if any."""
        assert self._client.stdout is not None
        stream = self._client.stdout.fileno()
        last = None
        while True:
            while b"\n" in self._pending:
                line, self._pending = self._pending.split(b"\n", 1)
                if line.startswith(b"%output"):
                    last = time.perf_counter()
            wait = until - time.perf_counter()
            if last is not None:
                wait = 0.0
            if not select.select([stream], [], [], max(wait, 0.0))[0]:
                return last
            data = os.read(stream, 65536)
            if not data:
                raise TerminalError("the tmux control client has gone")
            self._pending += data

    def type(self, text: str, shows: Callable[[str], bool], row: int) -> float:
        """Type `text` (as `Terminal.send_text`) and return the time until the pane's output after
        which its line at `row` satisfies `shows`. Output that arrives while the line is being
        read counts: the time is then that of the later output."""
        assert self._client.stdin is not None
        self._outputs(time.perf_counter())
        start = time.perf_counter()
        self._client.stdin.write(f"send-keys -t {self.terminal.target} -l {shlex.quote(text)}\n".encode())
        deadline = start + TIMEOUT
        shown_at = self._outputs(deadline)
        while shown_at is not None:
            if not shows(self.terminal.screen(row)):
                shown_at = self._outputs(deadline)
                continue
            later = self._outputs(time.perf_counter())
            if later is None:
                return shown_at - start
            shown_at = later
        raise TerminalError(f"{text!r}: not shown after {TIMEOUT:.0f} s; the line shows: {self.terminal.screen(row)}")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


def cpu_seconds(pid: int) -> float:
    """CPU time the process (all its threads) has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(pid: int, window: float = 0.5, busy: float = 0.05) -> float:
    """Wait until the process uses under `busy` of a CPU over `window` seconds (work after the
    first paint, such as counting findings in a thread, is done); returns the time waited."""
    start = time.perf_counter()
    used = cpu_seconds(pid)
    while time.perf_counter() - start < TIMEOUT:
        time.sleep(window)
        now = cpu_seconds(pid)
        if now - used < busy * window:
            break
        used = now
    return time.perf_counter() - start


def exited(pid: int) -> float:
    """Wait until the process has ended (a zombie or gone: the pane keeps it until respawned); the time waited."""
    start = time.perf_counter()
    while _state(pid) != "Z":
        if time.perf_counter() - start > TIMEOUT:
            raise TerminalError(f"process {pid} still running after {TIMEOUT:.0f} s")
        time.sleep(0.005)
    return time.perf_counter() - start


def peak_rss(pid: int) -> int:
    """The process's peak resident set so far, in bytes (VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise TerminalError(f"no VmHWM for process {pid}")


def contains_any(needles: Iterable[str]) -> Callable[[str], bool]:
    """A screen test: true once any of `needles` is on screen."""
    wanted = tuple(needles)
    return lambda text: any(needle in text for needle in wanted)
