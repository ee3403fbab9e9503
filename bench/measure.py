"""Runs compared fairly, and the figures they give.

Each round runs every contender once, in an order that rotates from round to round, so a
machine that slows down or speeds up during the run weighs on all of them alike. A figure
is the median of jixiao's runs over the median of the baseline's runs from the same rounds.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


def alternate(contenders: Mapping[str, Callable[[], T]], rounds: int) -> dict[str, list[T]]:
    """Run each contender `rounds` times, interleaved; each call returns what it measured."""
    names = list(contenders)
    samples: dict[str, list[T]] = {name: [] for name in names}
    for round_index in range(rounds):
        shift = round_index % len(names)
        for name in names[shift:] + names[:shift]:
            samples[name].append(contenders[name]())
    return samples


@dataclass(frozen=True)
class Figure:
    """One row of the table: jixiao's runs against the baseline's, and the ratio the issue sets."""

    row: int
    name: str
    baseline_name: str
    baseline: list[float]
    jixiao: list[float]
    target: float
    unit: str
    note: str = ""

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline)

    @property
    def jixiao_median(self) -> float:
        return statistics.median(self.jixiao)

    @property
    def ratio(self) -> float:
        return self.jixiao_median / self.baseline_median

    @property
    def met(self) -> bool:
        return self.ratio <= self.target

    @property
    def runs(self) -> int:
        return min(len(self.baseline), len(self.jixiao))


def show(value: float, unit: str) -> str:
    """A median for the table: seconds as ms (or s), bytes as MiB."""
    if unit == "bytes":
        return f"{value / 2**20:.1f} MiB"
    if value >= 10:
        return f"{value:.1f} s"
    if value >= 0.01:
        return f"{value * 1000:.0f} ms"
    if value >= 0.001:
        return f"{value * 1000:.2f} ms"
    return f"{value * 1e6:.0f} µs"
