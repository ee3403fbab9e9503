"""BENCHMARKS.md: the table of figures against their targets, and the machine they were measured on."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

from bench.measure import Figure, show


def _first_line(argv: list[str]) -> str:
    try:
        output = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "not installed"
    return output.splitlines()[0].strip() if output else ""


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                return f"{line.split('=', 1)[1].strip(chr(34))} ({platform.system()} {platform.release()})"
    except OSError:
        pass
    return platform.platform()


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    return {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "Python": platform.python_version(),
        "OS": _os_name(),
        "textual": version("textual"),
        "python-docx": version("python-docx"),
        "sqlite": __import__("sqlite3").sqlite_version,
        "tmux": _first_line(["tmux", "-V"]),
        "pandoc": _first_line(["pandoc", "--version"]),
    }


def render(figures: list[Figure], elapsed: float, notes: list[str]) -> str:
    """The whole of BENCHMARKS.md."""
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/run.py); do not edit by hand. Every figure is the median of",
        "jixiao's runs over the median of its baseline's runs, interleaved in the same run (runs: how many",
        "of each; one warm-up of each before them, not counted). Lower is better; a ratio at or under its",
        "target meets it.",
        "",
        "| figure | baseline (median) | jixiao (median) | ratio | target | met? | runs |",
        "|---|---|---|---|---|---|---|",
    ]
    for figure in figures:
        lines.append(
            f"| {figure.name} | {figure.baseline_name}: {show(figure.baseline_median, figure.unit)} "
            f"| {show(figure.jixiao_median, figure.unit)} | {figure.ratio:.2f}× | ≤ {figure.target:g}× "
            f"| {'yes' if figure.met else '**no**'} | {figure.runs} |"
        )
    lines += ["", "## How each figure is taken", ""]
    lines += [f"- **{figure.name}**: {figure.note}" for figure in figures if figure.note]
    if notes:
        lines += ["", "## Notes", ""]
        lines += [f"- {note}" for note in notes]
    lines += ["", "## Machine", ""]
    lines += [f"- {key}: {value}" for key, value in machine().items()]
    lines += [
        f"- measured: {datetime.now().replace(microsecond=0).isoformat()}, whole run {elapsed:.0f} s",
        "",
    ]
    return "\n".join(lines)
