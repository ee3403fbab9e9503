"""A report file at district scale for the benchmarks: 200 units × 10 years built from the seed.

Every report is the seed report (samples/yuehu-2019.toml) renamed for its unit — the street
name replaces 月湖 and the year replaces 2019年, in names and prose — with its money figures scaled by a
factor drawn per unit and year, and its headcounts nudged. The draw is seeded, so the same
arguments always give the same file. Reports go in through `Store.add_report`, the same
path `jixiao load` takes; the file is written with SQLite's sync off (it is a scratch file,
rebuilt on every run), which keeps 2,000 reports to a few seconds.

    python -m bench.generate OUT.db [--units 200] [--years 10]
    python -m bench.generate OUT.db --results 2000      (or --duties 5000: one long report)
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
import tomllib
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from store.codec import reports_from_data
from store.model import Report
from store.repository import Store

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "yuehu-2019.toml"
SEED_STREET = "月湖"
SEED_DISTRICT = "开福区"
SEED_YEAR = 2019
#: The generated years start here (200 units × 10 years: 2014–2023).
FIRST_YEAR = 2014

#: 10 districts × 20 streets give 200 distinct units; "district + street" names one unit.
#: No street but 月湖 occurs in the seed's prose, so a street on screen means a unit name.
DISTRICTS = ("开福区", "芙蓉区", "天心区", "岳麓区", "雨花区", "望城区", "长沙县", "浏阳市", "宁乡市", "高新区")
STREETS = (
    "月湖",
    "黎托",
    "新河",
    "清水塘",
    "东风",
    "湘雅",
    "望麓园",
    "伍家岭",
    "四方坪",
    "捞刀河",
    "青竹湖",
    "秀峰",
    "大明",
    "圭塘",
    "东屯渡",
    "鸭子铺",
    "侯家塘",
    "定王台",
    "文艺路",
    "坡子街",
)


def seed_report() -> Report:
    """The seed report as the model holds it."""
    with SEED.open("rb") as handle:
        return reports_from_data(tomllib.load(handle))[0]


def unit_key(index: int) -> str:
    """The short distinctive name of unit `index` (district + street), as a user would type it."""
    return DISTRICTS[index // len(STREETS) % len(DISTRICTS)] + STREETS[index % len(STREETS)]


def _renamed(text: str, district: str, street: str, year: int) -> str:
    renamed = text.replace(SEED_DISTRICT + SEED_STREET, district + street).replace(SEED_STREET, street)
    return renamed.replace(f"{SEED_YEAR}年", f"{year}年")


def _scaled(amount: Decimal | None, factor: Decimal) -> Decimal | None:
    return None if amount is None else (amount * factor).quantize(Decimal("0.01"))


def variant(seed: Report, index: int, year: int, rng: random.Random) -> Report:
    """The seed rewritten for unit `index` and `year`: its names, its scaled figures."""
    district = DISTRICTS[index // len(STREETS) % len(DISTRICTS)]
    street = STREETS[index % len(STREETS)]
    factor = Decimal(rng.randint(60, 160)) / 100
    report = copy.deepcopy(seed)
    report.unit_name = _renamed(seed.unit_name, district, street, year)
    report.unit_short = _renamed(seed.unit_short, district, street, year)
    report.sign_unit = _renamed(seed.sign_unit, district, street, year)
    report.fiscal_year = year
    if seed.sign_date is not None:
        report.sign_date = seed.sign_date.replace(year=seed.sign_date.year + year - SEED_YEAR)
    report.texts = {key: _renamed(text, district, street, year) for key, text in seed.texts.items()}
    report.figures = {key: _scaled(value, factor) for key, value in seed.figures.items()}
    for name in ("basic_lines", "project_lines"):
        for line in getattr(report, name):
            line.amount = _scaled(line.amount, factor)
    report.sangong = [
        replace(
            item,
            budget=_scaled(item.budget, factor),
            actual=_scaled(item.actual, factor),
            last_year=_scaled(item.last_year, factor),
        )
        for item in report.sangong
    ]
    for name in ("duties", "efficiency_points", "problems", "remedies"):
        setattr(report, name, [_renamed(text, district, street, year) for text in getattr(report, name)])
    for item in (*report.assets, *report.results):
        item.title = _renamed(item.title, district, street, year)
        item.body = _renamed(item.body, district, street, year)
    for line in report.staff_lines:
        line.count = max(0, line.count + rng.randint(-3, 3))
    if report.staff_total is not None:
        report.staff_total = sum(line.count for line in report.staff_lines)
    report.created_at = report.updated_at = f"{year + 1}-09-21T09:00:00"
    return report


def generate(path: Path, units: int = 200, years: int = 10, *, first_year: int = FIRST_YEAR) -> None:
    """Write a fresh file at `path` with `units` × `years` reports, unit by unit, year by year."""
    if units > len(DISTRICTS) * len(STREETS):
        raise ValueError(f"at most {len(DISTRICTS) * len(STREETS)} units")
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    seed = seed_report()
    rng = random.Random(9704)
    with Store.open(path) as store:
        store.conn.execute("PRAGMA synchronous = OFF")
        for index in range(units):
            for year in range(first_year, first_year + years):
                store.add_report(variant(seed, index, year, rng), keep_times=True)


def long_report(path: Path, *, results: int = 0, duties: int = 0) -> None:
    """Write a fresh file at `path` holding the seed report with its results (and their indicators) or its
    duties repeated until there are `results` or `duties` of them (0: as the seed has them).

    The long lists issue 23 measures: a 主管部门 summing its units, or a school listing every project.
    """
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    report = seed_report()
    if results:
        report.results = [copy.deepcopy(report.results[i % len(report.results)]) for i in range(results)]
    if duties:
        report.duties = [report.duties[i % len(report.duties)] for i in range(duties)]
    with Store.open(path) as store:
        store.conn.execute("PRAGMA synchronous = OFF")
        store.add_report(report, keep_times=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--results", type=int, default=0, help="one seed report with this many results instead")
    parser.add_argument("--duties", type=int, default=0, help="one seed report with this many duties instead")
    args = parser.parse_args(argv)
    if args.results or args.duties:
        long_report(args.out, results=args.results, duties=args.duties)
        print(f"{args.out}: the seed report with {args.results or 'its'} results and {args.duties or 'its'} duties")
        return 0
    generate(args.out, args.units, args.years)
    print(f"{args.out}: {args.units * args.years} reports")
    return 0


if __name__ == "__main__":
    sys.exit(main())
