"""`make bench`: measure every figure of issue #6 against its baseline and write BENCHMARKS.md.

    python -m bench.run [--quick] [--rounds N] [--output BENCHMARKS.md] [--only GROUP …]

Needs tmux (the terminal figures) and pandoc (the whole-process export baseline). Works in a
scratch folder under build/, on copies: sample.db is never written. `--quick` runs every
figure once on a small generated file, to prove the harness works (the test suite uses it);
its numbers mean nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

from bench.bare_input import LABEL as ECHO_LABEL
from bench.bare_screens import TEXTS as BARE_TEXTS
from bench.generate import FIRST_YEAR, STREETS, generate, long_report, unit_key
from bench.measure import Figure, alternate
from bench.report import render
from bench.terminal import HEIGHT, WIDTH, Terminal, contains_any, exited, peak_rss, wait_idle
from store import outline
from store.codec import reports_from_data
from store.repository import Store
from tui import cli
from tui.words import message

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
JIXIAO = str(Path(PYTHON).parent / "jixiao")
#: `jixiao export` wrote the file: 0, or 1 when the checks found errors (the seed's own 3472.44 ≠ 3472.66).
EXPORTED = (cli.EXIT_OK, cli.EXIT_FINDINGS)
ROUNDS = 7
#: The issue's minimum runs of each contender (--quick aside).
MIN_ROUNDS = 5
SAMPLE_NAME = "月湖"
BARE_F2, BARE_F3 = BARE_TEXTS["f2"], BARE_TEXTS["f3"]
#: Every unit name, the seed's and the generated ones, ends so: a line holding it is a row of the list.
UNIT_SUFFIX = "街道办事处"
#: Each part screen's first section, whose heading says the screen is up.
SCREEN_MARKS = {"org": "org", "budget": "budget", "results": "results", "problems": "problems", "prose": "title"}
#: Issue 10's goal for every part screen's first open and every later switch, in seconds (median).
SCREEN_GOAL = 0.10
#: What is typed, a key at a time, to time key echo (issue 10): a figure, in both the bare Input and jixiao's.
ECHO_KEYS = "16106"
#: The long reports of issue 23 (one seed report with its results, or its duties, repeated): (results, duties).
LONG_REPORTS = ((2000, 0), (0, 5000))
#: Typed into the report's first field to time key echo on a long report: a character the seed never holds.
LONG_ECHO = "鑫"
#: Issue 23's goal for quitting a long report, in seconds (the ratio's target is the seed's 1.5×).
QUIT_GOAL = 1.0
#: The groups of figures, as `--only` names them, in the order a full run takes them.
GROUPS = ("terminal", "screens", "echo", "save", "accounts", "export", "cli", "export-all", "long")


def prepare_sample(work: Path) -> Path:
    """A copy of sample.db to measure on (built from samples/yuehu-2019.toml if the repo has none)."""
    target = work / "sample.db"
    source = ROOT / "sample.db"
    if source.exists():
        shutil.copyfile(source, target)
        return target
    with (ROOT / "samples" / "yuehu-2019.toml").open("rb") as handle, Store.open(target) as store:
        for report in reports_from_data(tomllib.load(handle)):
            store.add_report(report, keep_times=True)
    return target


def run_probe(env: Mapping[str, str], *args: str) -> dict[str, list[float]]:
    """One bench.probe command in a fresh interpreter; its JSON result."""
    done = subprocess.run(
        [PYTHON, "-m", "bench.probe", *args], cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8"
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench.probe {' '.join(args)} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def process_time(argv: list[str], cwd: Path, env: Mapping[str, str], ok: Collection[int] = (0,)) -> Callable[[], float]:
    """A contender: the wall time of one whole process, from start to exit (an exit status not in `ok` is a failure)."""

    def run() -> float:
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8")
        elapsed = time.perf_counter() - start
        if done.returncode not in ok:
            raise RuntimeError(f"{' '.join(argv)} failed:\n{done.stderr}")
        return elapsed

    return run


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, with a warning when other work had the machine busy."""
    try:
        averages = os.getloadavg()
    except OSError:
        return "unknown"
    text = ", ".join(f"{value:.2f}" for value in averages)
    if averages[0] > (os.cpu_count() or 1):
        text += " — other programs were busy: wall times are longer and ratios noisier; re-run on an idle machine"
    return text


def filtered(typed: str, rows: int) -> Callable[[str], bool]:
    """A screen test: `typed` is in the filter and the list shows exactly `rows` rows, each holding its words."""
    words = typed.split()

    def shows(text: str) -> bool:
        lines = text.splitlines()
        listed = [line for line in lines if UNIT_SUFFIX in line]
        echoed = any(typed in line and UNIT_SUFFIX not in line for line in lines)
        return echoed and len(listed) == rows and all(word in line for line in listed for word in words)

    return shows


class Bench:
    """One `make bench` run: its scratch files, its terminal, the figures measured so far."""

    def __init__(self, work: Path, rounds: int, quick: bool) -> None:
        self.work = work
        self.rounds = rounds
        self.quick = quick
        self.figures: list[Figure] = []
        self.notes: list[str] = []
        home = work / "home"
        #: What every measured program runs with: a UTF-8 locale and settings of its own (none: defaults).
        self.env = {
            "LANG": "C.UTF-8",
            "JIXIAO_SETTINGS": str(home / "settings.toml"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
        }
        self.process_env = {**os.environ, **self.env}
        self.sample = prepare_sample(work)
        units, years = (5, 2) if quick else (200, 10)
        self.district = work / "district.db"
        generate(self.district, units, years)
        self.years = years
        self.reports = units * years
        self.one = work / "one.db"
        generate(self.one, 1, 1)

    def warm_up(self, contenders: Mapping[str, Callable[[], object]]) -> None:
        """One untimed run of each (files into the page cache, .pyc written, the day's backup made);
        skipped by --quick, whose numbers are not meant to be read."""
        if not self.quick:
            alternate(contenders, 1)

    def add(self, figure: Figure) -> None:
        self.figures.append(figure)
        print(f"{figure.name}: {figure.ratio:.2f}× (target ≤ {figure.target:g}×)", flush=True)

    # --- in a terminal ---------------------------------------------------------------

    def terminal_figures(self) -> None:
        """First paint, peak memory and the home-list filter, each program in the same tmux pane.

        A round opens the bare app, jixiao on sample.db, on the district file and on a file of one
        report. Each session: first paint; wait until the process is idle (jixiao counts findings
        in a thread after the list shows); read its peak memory; on the district and one-report
        files, type a unit's name into the home filter and time until the list shows only it.
        """
        typed = f"{unit_key(0)} {FIRST_YEAR}"
        with Terminal(self.work, self.env) as terminal:

            def session(
                argv: list[str], shows: Callable[[str], bool], rows: int | None = None
            ) -> Callable[[], tuple[float, int, float]]:
                def run() -> tuple[float, int, float]:
                    opened = terminal.launch(argv, shows)
                    wait_idle(opened.pid)
                    rss = peak_rss(opened.pid)
                    filtering = float("nan")
                    if rows is not None:
                        start = time.perf_counter()
                        terminal.send_text(typed)
                        terminal.wait_until(filtered(typed, rows), f"the list filtered by {typed}")
                        filtering = time.perf_counter() - start
                    terminal.stop(opened)
                    return opened.first_paint, rss, filtering

                return run

            contenders = {
                "bare": session([PYTHON, str(ROOT / "bench" / "bare_app.py")], contains_any([SAMPLE_NAME])),
                "sample": session([JIXIAO, str(self.sample)], contains_any([SAMPLE_NAME])),
                "district": session([JIXIAO, str(self.district)], contains_any(STREETS), rows=1),
                "one": session([JIXIAO, str(self.one)], contains_any(STREETS), rows=1),
            }
            self.warm_up(contenders)
            runs = alternate(contenders, self.rounds)
        paint = {name: [sample[0] for sample in samples] for name, samples in runs.items()}
        memory = {name: [float(sample[1]) for sample in samples] for name, samples in runs.items()}
        filtering = {name: [sample[2] for sample in samples] for name, samples in runs.items()}
        reports = f"{self.reports:,}"
        self.add(
            Figure(
                1,
                "first paint, `jixiao sample.db`",
                "bare Textual app",
                paint["bare"],
                paint["sample"],
                1.25,
                "s",
                f"tmux pane {WIDTH}×{HEIGHT}; from `tmux respawn-pane` starting the program until `capture-pane` "
                f"shows “{SAMPLE_NAME}” (the unit in jixiao's home list; the bare app's Static shows the same name).",
            )
        )
        self.add(
            Figure(
                2,
                "peak memory of that session",
                "bare Textual app",
                memory["bare"],
                memory["sample"],
                1.5,
                "bytes",
                "VmHWM of the pane's process, read once it is idle (under 5% of a CPU for 0.5 s), just before it is ended.",
            )
        )
        self.add(
            Figure(
                7,
                f"first paint with {reports} reports",
                "`jixiao sample.db`",
                paint["sample"],
                paint["district"],
                1.1,
                "s",
                f"as the first figure, on a file from bench/generate.py ({self.reports // self.years} units × "
                f"{self.years} years); done when any unit name shows.",
            )
        )
        self.add(
            Figure(
                8,
                f"filtering the home list of {reports} reports",
                "the same with 1 report",
                filtering["one"],
                filtering["district"],
                1.2,
                "s",
                f"once the app is idle, “{typed}” is sent to the focused filter at once (as an input method commits "
                "a word); done when the pane shows it in the filter and the list shows only that unit's report for "
                "that year. Unit and year, so that both lists end showing the same single row: the figure is what "
                "the other reports cost, not drawing ten rows instead of one.",
            )
        )
        self.add(
            Figure(
                10,
                f"peak memory with {reports} reports open",
                "`jixiao sample.db`",
                memory["sample"],
                memory["district"],
                1.2,
                "bytes",
                "VmHWM as above, from the same sessions as the first paint (after the findings column is filled).",
            )
        )

    def screen_figures(self) -> None:
        """Issue 10: each part screen's first open, and later switches, against a bare two-screen app.

        A round is one session of each, in the same pane. jixiao: Enter on the seed report (its
        first part comes up), then F3–F6 once each (each screen built), then F2–F6 again (each
        brought back). The bare app: F3 (its second screen built), then F2 and F3 (brought back).
        Each time runs from the key until the pane shows that screen's first heading and no
        longer the one before.
        """
        keys = {"org": "F2", "budget": "F3", "results": "F4", "problems": "F5", "prose": "F6"}
        marks = {part: outline.load().label(first, "zh") for part, first in SCREEN_MARKS.items()}
        with Terminal(self.work, self.env) as terminal:

            def switch(key: str, shown: str, gone: str, pid: int) -> float:
                wait_idle(pid)
                start = time.perf_counter()
                terminal.send_keys(key)
                terminal.wait_until(lambda text: shown in text and gone not in text, f"{key} showing {shown}")
                return time.perf_counter() - start

            def jixiao() -> dict[str, float]:
                opened = terminal.launch([JIXIAO, str(self.sample)], contains_any([SAMPLE_NAME]))
                times = {"org": switch("Enter", marks["org"], message("ui.home.filter", "zh"), opened.pid)}
                order = list(keys)
                for before, part in zip(order, order[1:], strict=False):
                    times[part] = switch(keys[part], marks[part], marks[before], opened.pid)
                later = []
                for before, part in zip(["prose", *order], order, strict=False):
                    later.append(switch(keys[part], marks[part], marks[before], opened.pid))
                times["later"] = statistics.median(later)
                terminal.stop(opened)
                return times

            def bare() -> dict[str, float]:
                opened = terminal.launch([PYTHON, str(ROOT / "bench" / "bare_screens.py")], contains_any([BARE_F2]))
                first = switch("F3", BARE_F3, BARE_F2, opened.pid)
                later = statistics.median(
                    [switch("F2", BARE_F2, BARE_F3, opened.pid), switch("F3", BARE_F3, BARE_F2, opened.pid)]
                )
                terminal.stop(opened)
                return {"first": first, "later": later}

            contenders = {"bare": bare, "jixiao": jixiao}
            self.warm_up(contenders)
            runs = alternate(contenders, self.rounds)
        first = [sample["first"] for sample in runs["bare"]]
        later = [sample["later"] for sample in runs["bare"]]
        goal = round(SCREEN_GOAL / statistics.median(first), 2)
        for row, part in enumerate(keys, start=11):
            how = "Enter on the seed report in the home list" if part == "org" else f"{keys[part]} from the part before"
            self.add(
                Figure(
                    row,
                    f"first open of the {part} screen ({keys[part]})",
                    "bare Textual app, first switch to its second screen",
                    first,
                    [sample[part] for sample in runs["jixiao"]],
                    goal,
                    "s",
                    f"{how}, sent once the program is idle (a person reads one screen before going to the next; "
                    "the screens are built meanwhile), in a session of `jixiao sample.db` in the tmux pane; done when the pane shows "
                    f"“{marks[part]}” and no longer the screen before. Target: {SCREEN_GOAL:.2f} s (issue 10), "
                    "as a ratio to this run's baseline.",
                )
            )
        self.add(
            Figure(
                16,
                "later switch between part screens (F2–F6)",
                "bare Textual app, later switches",
                later,
                [sample["later"] for sample in runs["jixiao"]],
                round(SCREEN_GOAL / statistics.median(later), 2),
                "s",
                "median of F2, F3, F4, F5, F6 pressed again once every screen was built, per session; the bare "
                f"app's median of F2 and F3. Target: {SCREEN_GOAL:.2f} s, as a ratio to this run's baseline.",
            )
        )

    def echo_figure(self) -> None:
        """Issue 10: key echo in jixiao's first budget figure against a bare Textual Input.

        A round is one session of each in the same pane. jixiao: Enter on the seed report, F3,
        End and ctrl+u (the figure emptied); the bare app starts with its Input empty and
        focused. Then each digit of ECHO_KEYS is sent once the program is idle, and timed from
        the key until the output after which the line of the figure's label shows the digits
        typed so far (bench.terminal.Watch: a poll of the pane takes as long as the echo itself).
        A run is the median of its digits.
        """

        def echoed(typed: str) -> Callable[[str], bool]:
            return lambda text: any(
                ECHO_LABEL in line and typed in line.replace(ECHO_LABEL, "").split() for line in text.splitlines()
            )

        with Terminal(self.work, self.env) as terminal:

            def typing(pid: int) -> float:
                row = next(y for y, line in enumerate(terminal.screen().splitlines()) if ECHO_LABEL in line)
                times = []
                with terminal.watch() as watch:
                    for count in range(1, len(ECHO_KEYS) + 1):
                        wait_idle(pid)
                        times.append(watch.type(ECHO_KEYS[count - 1], echoed(ECHO_KEYS[:count]), row))
                return statistics.median(times)

            def jixiao() -> float:
                opened = terminal.launch([JIXIAO, str(self.sample)], contains_any([SAMPLE_NAME]))
                for key in ("Enter", "F3", "End", "C-u"):
                    wait_idle(opened.pid)
                    terminal.send_keys(key)
                terminal.wait_until(lambda text: ECHO_LABEL in text, "the budget screen")
                wait_idle(opened.pid)
                took = typing(opened.pid)
                terminal.stop(opened)
                return took

            def bare() -> float:
                opened = terminal.launch([PYTHON, str(ROOT / "bench" / "bare_input.py")], contains_any([ECHO_LABEL]))
                took = typing(opened.pid)
                terminal.stop(opened)
                return took

            contenders = {"bare": bare, "jixiao": jixiao}
            self.warm_up(contenders)
            runs = alternate(contenders, self.rounds)
        self.add(
            Figure(
                17,
                "key echo in a figure (F3)",
                "bare Textual app, one Input",
                runs["bare"],
                runs["jixiao"],
                1.0,
                "s",
                f"each digit of “{ECHO_KEYS}” typed into the emptied first budget figure of the seed, sent once the "
                "program is idle, timed from the key until tmux reads the output after which the figure's line "
                "shows it (key and output through a tmux control-mode client: a poll of the pane takes as long "
                "as the echo itself); a run is the median of its digits. The "
                "baseline: the same digits into a bare Input beside the same label. Target: no slower (issue 10).",
            )
        )

    def long_figures(self) -> None:
        """Issue 23: the app on a report with 2,000 results and on one with 5,000 duties, against the seed.

        A round is one session of each file in the same pane. Each session: Enter on the report
        (timed until its first part shows); a second later LONG_ECHO typed into the first field
        (timed until it shows; then erased); once idle, F3–F6 (each part's first open, timed as in
        the screen figures); peak memory once idle; ctrl+q, timed until the process has ended.
        """
        keys = {"budget": "F3", "results": "F4", "problems": "F5", "prose": "F6"}
        marks = {part: outline.load().label(first, "zh") for part, first in SCREEN_MARKS.items()}
        files = {"seed": self.sample}
        # --quick, whose numbers are not meant to be read, times reports a tenth as long.
        scale = 10 if self.quick else 1
        for results, duties in LONG_REPORTS:
            results, duties = results // scale, duties // scale
            name = f"{results:,} results" if results else f"{duties:,} duties"
            files[name] = self.work / f"long-{results}-{duties}.db"
            long_report(files[name], results=results, duties=duties)
        with Terminal(self.work, self.env) as terminal:

            def timed(keys_sent: tuple[str, ...], shows: Callable[[str], bool], what: str) -> float:
                start = time.perf_counter()
                terminal.send_keys(*keys_sent)
                terminal.wait_until(shows, what)
                return time.perf_counter() - start

            def session(path: Path) -> Callable[[], dict[str, float]]:
                def run() -> dict[str, float]:
                    opened = terminal.launch([JIXIAO, str(path)], contains_any([SAMPLE_NAME]))
                    wait_idle(opened.pid)
                    home = message("ui.home.filter", "zh")
                    times = {"open": timed(("Enter",), lambda t: marks["org"] in t and home not in t, "the report")}
                    time.sleep(1.0)
                    start = time.perf_counter()
                    terminal.send_text(LONG_ECHO)
                    terminal.wait_until(lambda text: LONG_ECHO in text, "the key typed")
                    times["echo"] = time.perf_counter() - start
                    terminal.send_keys("BSpace")
                    terminal.wait_until(lambda text: LONG_ECHO not in text, "the key erased")
                    before = "org"
                    for part, key in keys.items():
                        wait_idle(opened.pid)
                        gone = marks[before]
                        times[part] = timed((key,), lambda t, p=part, g=gone: marks[p] in t and g not in t, key)
                        before = part
                    wait_idle(opened.pid)
                    times["memory"] = float(peak_rss(opened.pid))
                    start = time.perf_counter()
                    terminal.send_keys("C-q")
                    exited(opened.pid)
                    times["quit"] = time.perf_counter() - start
                    terminal.stop(opened)
                    return times

                return run

            contenders = {name: session(path) for name, path in files.items()}
            self.warm_up(contenders)
            runs = alternate(contenders, self.rounds)
        seed = runs.pop("seed")
        row = 19
        for name, samples in runs.items():
            what = f"a report with {name}"
            steps = {
                "open": (
                    "opening the report (Enter)",
                    1.5,
                    "s",
                    "Enter on the report in the home list, once idle; done when its first part shows.",
                ),
                **{
                    part: (
                        f"first open of the {part} screen ({key})",
                        1.5,
                        "s",
                        f"{key} once idle (the screens are built meanwhile); done when “{marks[part]}” shows and the part before does not.",
                    )
                    for part, key in keys.items()
                },
                "echo": (
                    "key echo a second after opening",
                    1.5,
                    "s",
                    f"“{LONG_ECHO}” typed into the first field a second after the report came up (screens still being built); done when it shows.",
                ),
                "memory": ("peak memory", 1.5, "bytes", "VmHWM once idle after the four part screens were opened."),
                "quit": (
                    "ctrl+q",
                    1.5,
                    "s",
                    f"ctrl+q once idle, until the process has ended. Issue 23 also wants it under {QUIT_GOAL:g} s (jixiao's median).",
                ),
            }
            for step, (label, target, unit, how) in steps.items():
                self.add(
                    Figure(
                        row,
                        f"{what}: {label}",
                        "the seed report",
                        [sample[step] for sample in seed],
                        [sample[step] for sample in samples],
                        target,
                        unit,
                        f"{how} The long report is the seed's with its {name.split()[1]} repeated to {name.split()[0]} "
                        "(bench/generate.py `long_report`), in the same pane, alternating with `jixiao sample.db`.",
                    )
                )
                row += 1

    # --- in process ------------------------------------------------------------------

    def accounts_figure(self) -> None:
        result = run_probe(self.process_env, "accounts", str(self.work / "accounts"), str(self.rounds))
        self.add(
            Figure(
                18,
                "决算 workbook import (20 sheets)",
                "python-calamine opening it and reading every sheet",
                result["baseline"],
                result["jixiao"],
                5.0,
                "s",
                "`read_accounts` on a 20-sheet .xlsx (tests/exporters/accounts_books.py: the seed's 收入支出决算总表, "
                "支出决算表, 基本支出 by 经济分类, 三公 and an empty table with its 说明, and 15 more sheets of 60 "
                "coded rows) — sheets read, tables found by code and title, headers, figures in 万元 and the "
                "workbook's sums checked — against `CalamineWorkbook.from_path` + `to_python()` of every sheet; "
                "each run is the mean of 5 reads. The issue's own target is absolute: under 1 s (jixiao's median).",
            )
        )

    def save_figure(self) -> None:
        result = run_probe(self.process_env, "save", str(self.sample), str(self.rounds))
        self.add(
            Figure(
                3,
                "one field change saved",
                "bare sqlite3 UPDATE + commit",
                result["baseline"],
                result["jixiao"],
                1.5,
                "s",
                "`Store.set(id, 'figures.project_spent', Decimal, expected_revision=…)` as the app saves, against "
                "`UPDATE figures SET amount = ? …` + `commit()` on a second connection with Store.open's pragmas "
                "(foreign keys, busy timeout, synchronous FULL, WAL), same file; each run is the mean of 40 saves.",
            )
        )

    def export_figures(self) -> None:
        result = run_probe(self.process_env, "export", str(self.sample), str(self.rounds), str(self.work / "export"))
        self.add(
            Figure(
                4,
                "DOCX export of the sample, in process",
                "plain python-docx",
                result["plain"],
                result["docx"],
                1.5,
                "s",
                "`export_report(report, 'docx', path)` against python-docx writing the same paragraphs and tables "
                "(read back from jixiao's own .docx) into the default template with no styling; each run is the mean of 3.",
            )
        )
        self.add(
            Figure(
                6,
                "Markdown export, in process",
                "DOCX export, in process",
                result["docx"],
                result["markdown"],
                0.1,
                "s",
                "`export_report(report, 'md', path)` against `export_report(report, 'docx', path)`, same runs as above.",
            )
        )

    def cli_export_figure(self) -> None:
        markdown = self.work / "cli" / "sample.md"
        markdown.parent.mkdir(parents=True, exist_ok=True)
        process_time(
            [JIXIAO, "export", str(self.sample), "--format", "md", "--output", str(markdown)],
            self.work,
            self.process_env,
            EXPORTED,
        )()
        contenders = {
            "jixiao": process_time(
                [
                    JIXIAO,
                    "export",
                    str(self.sample),
                    "--format",
                    "docx",
                    "--output",
                    str(markdown.with_suffix(".docx")),
                ],
                self.work,
                self.process_env,
                EXPORTED,
            ),
            "pandoc": process_time(
                ["pandoc", str(markdown), "-o", str(markdown.with_name("pandoc.docx"))], self.work, self.process_env
            ),
        }
        self.warm_up(contenders)
        runs = alternate(contenders, self.rounds)
        self.add(
            Figure(
                5,
                "`jixiao export --format docx`, whole process",
                "pandoc .md → .docx",
                runs["pandoc"],
                runs["jixiao"],
                2,
                "s",
                "wall time of `jixiao export sample.db --format docx` against `pandoc sample.md -o sample.docx` "
                "on the Markdown jixiao exports.",
            )
        )

    def export_all_figure(self) -> None:
        """All reports of the district file exported by one process, in turns between lone exports.

        Exporting 2,000 reports takes minutes, so the one process runs once: it exports the file
        in `rounds` turns, and a fresh process exporting the one-report file runs between turns.
        Each turn's time per report is one jixiao run.
        """
        out = self.work / "export-all"
        rounds = self.rounds
        batch = subprocess.Popen(
            [PYTHON, "-m", "bench.probe", "export-all", str(self.district), str(rounds), str(out / "district")],
            cwd=ROOT,
            env=self.process_env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        assert batch.stdin is not None and batch.stdout is not None

        def turn() -> float:
            batch.stdin.write("go\n")
            batch.stdin.flush()
            return json.loads(batch.stdout.readline())["per_report"]

        def lone() -> float:
            done = subprocess.run(
                [PYTHON, "-m", "bench.probe", "export-all", str(self.one), "1", str(out / "one")],
                cwd=ROOT,
                env=self.process_env,
                input="go\n",
                capture_output=True,
                text=True,
                encoding="utf-8",
                check=True,
            )
            return json.loads(done.stdout)["per_report"]

        self.warm_up({"one": lone})
        runs = alternate({"district": turn, "one": lone}, rounds)
        batch.stdin.close()
        if batch.wait() != 0:
            raise RuntimeError("bench.probe export-all failed")
        shutil.rmtree(out, ignore_errors=True)
        reports = f"{self.reports:,}"
        self.add(
            Figure(
                9,
                f"export all {reports} reports to DOCX, per report",
                "one report",
                runs["one"],
                runs["district"],
                1.2,
                "s",
                f"one process loads and exports each of the {reports} reports (`Store.load` + `export_report`, a "
                f"file each), in {rounds} turns; a fresh process exporting a file of one generated report runs "
                "between turns. Runs are time per report of a turn, and the lone export; no warm-up in either.",
            )
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="every figure once, on a small file")
    parser.add_argument("--rounds", type=int, help=f"runs of each contender (default {ROUNDS})")
    parser.add_argument(
        "--output", type=Path, help="where the table goes (default BENCHMARKS.md; with --only, build/bench-only.md)"
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=GROUPS,
        help="measure these groups of figures only (the table then holds them alone)",
    )
    args = parser.parse_args(argv)
    output = args.output or (ROOT / "build" / "bench-only.md" if args.only else ROOT / "BENCHMARKS.md")
    needed = {"tmux": {"terminal", "screens", "echo", "long"}, "pandoc": {"cli"}}
    wanted = set(args.only or GROUPS)
    missing = [tool for tool, groups in needed.items() if groups & wanted and shutil.which(tool) is None]
    if missing:
        print(f"make bench needs {' and '.join(missing)}: apt-get install {' '.join(missing)}", file=sys.stderr)
        return 2
    rounds = args.rounds or (1 if args.quick else ROUNDS)
    if not args.quick and rounds < MIN_ROUNDS:
        parser.error(f"--rounds: at least {MIN_ROUNDS} (the issue's minimum); --quick for a single pass")
    start = time.perf_counter()
    (ROOT / "build").mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-", dir=ROOT / "build"))
    try:
        bench = Bench(work, rounds, args.quick)
        bench.notes.append(f"load average at the start of the run: {load_average()}")
        groups = {
            "terminal": bench.terminal_figures,
            "screens": bench.screen_figures,
            "echo": bench.echo_figure,
            "save": bench.save_figure,
            "accounts": bench.accounts_figure,
            "export": bench.export_figures,
            "cli": bench.cli_export_figure,
            "export-all": bench.export_all_figure,
            "long": bench.long_figures,
        }
        for name in GROUPS:
            if args.only is None or name in args.only:
                groups[name]()
        bench.notes.append(f"load average at the end of the run: {load_average()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    figures = sorted(bench.figures, key=lambda figure: figure.row)
    output.write_text(render(figures, time.perf_counter() - start, bench.notes), encoding="utf-8")
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
