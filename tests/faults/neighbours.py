"""Other programs on the report file while the app has it open, as an office PC has them.

A `Neighbours` thread runs, one after another until stopped, random picks of what a person
or a tool does to the same file from another terminal: `jixiao check`, `dump`, `export`,
`backup`, `next`, `load` (another unit's report), and a plain sqlite3 connection (the
`sqlite3` shell, Datasette, a script) that reads and writes. None of them touches the
report the app edits; each must finish without a traceback. `kill()` ends the one running
with SIGKILL, as a crash or a power cut would. Until `report_open()` only the commands that
leave the home list as it is run, so the app opens the report the trial means to edit.
"""

from __future__ import annotations

import contextlib
import random
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

#: The report the app edits (sample.db's only report); the neighbours leave it alone.
EDITED_ID = 1

_SQLITE_SHELL = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=10)
conn.execute("SELECT count(*) FROM figures").fetchall()
conn.execute("PRAGMA integrity_check").fetchall()
conn.execute("UPDATE reports SET sign_unit = sign_unit || '' WHERE id <> ?", (int(sys.argv[2]),))
conn.commit()
conn.close()
"""

_ANOTHER_UNIT = """format = "jixiao-report"
format_version = 2

[[reports]]
unit_name = "{unit}"
fiscal_year = 2019
duties = ["另一个单位的职责，由 jixiao load 放进同一个文件。"]
"""


@dataclass
class Neighbours:
    """Commands run against `path` from a thread, with their outcomes kept for the test to read."""

    path: Path
    folder: Path
    rng: random.Random
    ran: list[tuple[str, int, str]] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _listed: threading.Event = field(default_factory=threading.Event)
    _child: subprocess.Popen[str] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def report_open(self) -> None:
        """The app has opened its report: reports may now be added to the file too."""
        self._listed.set()

    def stop(self) -> None:
        """Let the command running finish, start no other."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(120)

    def kill(self) -> None:
        """End the command running now outright, and start no other."""
        self._stop.set()
        with self._lock:
            if self._child is not None:
                with contextlib.suppress(ProcessLookupError):
                    self._child.kill()
        if self._thread is not None:
            self._thread.join(120)

    def tracebacks(self) -> list[str]:
        """What each command that crashed printed (a killed command is not a crash)."""
        return [f"{name} (exit {code}):\n{err}" for name, code, err in self.ran if "Traceback" in err]

    def _command(self, serial: int) -> tuple[str, list[str]]:
        db = str(self.path)
        jixiao = [sys.executable, "-m", "tui.cli"]
        report = ["--report", str(EDITED_ID)]
        names = ["check", "dump", "export", "backup", "sqlite3"]
        if self._listed.is_set():
            names += ["next", "load"]
        name = self.rng.choice(names)
        if name == "export":
            fmt = self.rng.choice(("md", "docx"))
            return name, [*jixiao, "export", db, *report, "--format", fmt, "-o", str(self.folder / f"导出{serial}")]
        if name == "next":
            return name, [*jixiao, "next", db, *report]
        if name == "load":
            source = self.folder / f"另一个单位{serial}.toml"
            source.write_text(_ANOTHER_UNIT.format(unit=f"邻居单位{serial}"), encoding="utf-8")
            return name, [*jixiao, "load", str(source), db]
        if name == "sqlite3":
            return name, [sys.executable, "-c", _SQLITE_SHELL, db, str(EDITED_ID)]
        if name == "backup":
            return name, [*jixiao, "backup", db]
        return name, [*jixiao, name, db, *report]

    def _run(self) -> None:
        serial = 0
        while not self._stop.is_set():
            serial += 1
            name, argv = self._command(serial)
            with self._lock:
                if self._stop.is_set():
                    return
                self._child = subprocess.Popen(
                    argv,
                    cwd=self.folder,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                    encoding="utf-8",
                    errors="replace",
                )
            _, err = self._child.communicate()
            code = self._child.returncode
            with self._lock:
                self._child = None
            if code >= 0:
                self.ran.append((name, code, err))
