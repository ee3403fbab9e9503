"""Fixtures for the exporter tests: the seed report from TOML and from sample.db, and a hostile
report. (The settings file of the test's own is tests/conftest.py's `own_settings`.)"""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest
from export_facts import HOSTILE_LINES, LONG_PARAGRAPH

from store.model import Body, EconLine, Indicator, OrgGroup, Report, SanGongItem, TitledItem
from store.repository import Store


@pytest.fixture(scope="session")
def lo_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The LibreOffice user profile every conversion of this test process uses (doc_files.soffice_convert)."""
    return tmp_path_factory.mktemp("lo-profile")


@pytest.fixture
def sample_report(sample_copy: Path) -> Report:
    """The seed report as stored in the committed sample.db."""
    with Store.open(sample_copy) as store:
        (summary,) = store.list_reports()
        return store.load(summary.id)


@pytest.fixture(params=["toml", "sample.db"])
def report(request: pytest.FixtureRequest) -> Report:
    """The seed report, once from samples/yuehu-2019.toml and once from sample.db."""
    return request.getfixturevalue("seed_report" if request.param == "toml" else "sample_report")


@pytest.fixture
def hostile_report(seed_report: Report) -> Report:
    """The seed with hostile text in prose, lists, names, table cells and a 100,000-character paragraph."""
    report = copy.deepcopy(seed_report)
    joined = "\n".join(HOSTILE_LINES)
    report.title = "# 标题\x00|"
    report.texts["preamble"] = joined
    report.texts["economy"] = LONG_PARAGRAPH
    report.duties = [*HOSTILE_LINES]
    report.problems = [joined]
    report.org_groups.append(OrgGroup(label="其他", bodies=[Body(name="*所|站*", plates=["<牌子>"])]))
    report.basic_lines.append(EconLine(category="其他|支出 #1", amount=Decimal("0.00")))
    report.sangong.append(SanGongItem(name="会议|费\x07", budget=None, actual=None))
    report.results.append(
        TitledItem(
            title="# 成果 | 一",
            body=joined,
            indicators=[Indicator(name="比率|a", target=Decimal("0"), actual=Decimal("5"), unit="%|")],
        )
    )
    report.sign_unit = "单位\x1b名称 | 盖章"
    return report
