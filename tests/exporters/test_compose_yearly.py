"""较上年 comparisons (issue 11): written from both years' figures only when last year's report is given,
as 增减额 and 增减率 (two places, half-up), 持平 when equal, no rate when last year is 0."""

from __future__ import annotations

import copy
import re
from decimal import Decimal

import pytest

from exporters import export_report, to_markdown
from exporters.compose import compared, compose
from exporters.tree import Document, Paragraph
from store.model import Report, share
from store.settings import load_settings
from store.yearly import next_report


def texts(document: Document) -> list[str]:
    return [b.number + b.lead + b.text for b in document.blocks if isinstance(b, Paragraph)]


@pytest.fixture
def next_year(report: Report) -> Report:
    """2020 made from the seed's 2019, with this year's figures filled in."""
    new = next_report(report)
    d = Decimal
    new.figures |= {"funds_received": d("5300.00"), "spent": d("5083.34"), "basic_spent": d("1700.00")}
    new.figures["project_spent"] = d("3383.34")
    new.staff_total = 52
    new.basic_lines = []
    new.project_lines = []
    new.sangong[1].actual = d("1.50")
    for item in (new.sangong[0], new.sangong[2]):
        item.actual = d("0.00")
    return new


def test_compared_says_change_rate_and_level() -> None:
    assert compared("收入", Decimal("110.00"), Decimal("100.00")) == "收入较上年增加10.00万元，增长10.00%"
    assert compared("支出", Decimal("97.00"), Decimal("99.00")) == "支出较上年减少2.00万元，下降2.02%"
    assert compared("支出", Decimal("5.00"), Decimal("5.00")) == "支出与上年持平"
    assert compared("三公", Decimal("1.50"), Decimal("0.00")) == "三公较上年增加1.50万元"
    assert compared("收入", None, Decimal("1.00")) == ""


def test_every_comparison_is_worked_out_from_both_years(report: Report, next_year: Report) -> None:
    printed = "\n".join(texts(compose(next_year, last_year=report)))
    received = next_year.figures["funds_received"] - report.figures["funds_received"]
    rate = share(received, report.figures["funds_received"])
    assert f"收入较上年增加{received:.2f}万元，增长{rate:.2f}%；支出与上年持平。" in printed
    basic = report.figures["basic_spent"] - next_year.figures["basic_spent"]
    assert (
        basic < 0 and f"基本支出较上年增加{-basic:.2f}万元，增长{share(-basic, Decimal('1610.68')):.2f}%。" in printed
    )
    project = Decimal("3472.66") - next_year.figures["project_spent"]  # last year's breakdown total
    assert f"项目支出较上年减少{project:.2f}万元，下降{share(project, Decimal('3472.66')):.2f}%。" in printed
    assert "三公经费合计实际发生1.50万元，较上年增加1.50万元。" in printed  # last year 0.00: no rate
    assert "2020年本单位年末实有人数52人，比上年减少3人。" in printed  # 52 − 55, not the stated change


def test_every_number_in_a_comparison_follows_from_the_figures(report: Report, next_year: Report) -> None:
    printed = [t for t in texts(compose(next_year, last_year=report)) if "较上年" in t or "持平" in t]
    known: set[str] = set()
    pairs = [(next_year.figures[k], report.figures[k]) for k in ("funds_received", "spent", "basic_spent")]
    pairs.append((next_year.figures["project_spent"], Decimal("3472.66")))
    for this_year, last_year in pairs:
        known |= {f"{abs(this_year - last_year):.2f}", f"{share(abs(this_year - last_year), last_year):.2f}"}
    known |= {f"{v:.2f}" for v in [*next_year.figures.values(), *report.figures.values()] if v is not None}
    known |= {"1.50", "0.00", "2020", "2019", "52", "3"}
    for paragraph in printed:
        sentences = re.findall(r"[^。]*(?:较上年|持平)[^。]*。", paragraph)
        for sentence in sentences:
            assert set(re.findall(r"\d+(?:\.\d+)?", sentence)) <= known, sentence


def test_without_last_year_nothing_is_compared(report: Report, next_year: Report) -> None:
    assert compose(copy.deepcopy(report)) == compose(report, last_year=None)
    printed = "\n".join(texts(compose(next_year)))
    assert "较上年增加" not in printed and "与上年持平" not in printed and "三公经费合计" not in printed


def test_half_up_is_a_setting(report: Report, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "占基本支出的2.03%" in to_markdown(report)
    assert "占基本支出的2.04%" in to_markdown(report, shares="half_up")
    settings = tmp_path / "settings.toml"
    settings.write_text('[report]\nshares = "half_up"\n', encoding="utf-8")
    written = export_report(report, "md", tmp_path / "out.md", settings=load_settings(settings))
    assert "占基本支出的2.04%" in written.read_text(encoding="utf-8")
    settings.write_text('[report]\nshares = "rounded"\n', encoding="utf-8")
    loaded = load_settings(settings)
    assert loaded.shares == "balanced" and "report.shares" in loaded.notices[0].text("zh")
