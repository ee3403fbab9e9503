"""Where imported figures came from (issue 22): kept by set_figures with the workbook's value, kept
through an edit by hand (the checks then compare), dropped when the item moves."""

from __future__ import annotations

from decimal import Decimal

import pytest

from store import exchange
from store.checks import run_checks
from store.model import EconLine, Source
from store.repository import ConflictError, Store

S = Source("公开03表!E5", "全部资金", Decimal("1.00"))


def _import(store: Store, *paths: str) -> None:
    store.set_figures(1, [(p, Decimal("1.00"), S.cell, S.basis) for p in paths], expected_revision=store.revision(1))


def test_an_edit_by_hand_keeps_the_workbooks_value_and_the_checks_say_it(seeded_store: Store) -> None:
    _import(seeded_store, "figures.project_spent", "figures.spent")
    assert seeded_store.load(1).sources["figures.project_spent"] == S
    seeded_store.set(1, "figures.project_spent", Decimal("2.00"))
    report = seeded_store.load(1)
    assert report.figures["project_spent"] == Decimal("2.00") and report.sources["figures.project_spent"] == S
    said = [f.text() for f in run_checks(report) if f.code == "accounts"]
    assert len(said) == 1 and said[0].startswith(
        "项目支出 2.00（一、部门概况（二）年度预算收支）≠ 1.00（决算 公开03表!E5"
    )


def test_a_declined_figure_keeps_the_report_value_and_the_workbooks_beside_it(seeded_store: Store) -> None:
    seeded_store.set_figures(
        1,
        [("figures.spent", Decimal("1.00"), S.cell, S.basis)],
        expected_revision=seeded_store.revision(1),
        noted=[("figures.project_spent", Decimal("3472.66"), "公开03表!E5", "全部资金")],
    )
    report = seeded_store.load(1)
    assert report.figures["project_spent"] == Decimal("3472.44")
    assert report.sources["figures.project_spent"] == Source("公开03表!E5", "全部资金", Decimal("3472.66"))
    assert any("3472.44" in f.text() and "≠ 3472.66" in f.text() for f in run_checks(report) if f.code == "accounts")


def test_a_refused_edit_keeps_the_source(seeded_store: Store) -> None:
    _import(seeded_store, "figures.project_spent")
    with pytest.raises(ConflictError):
        seeded_store.set(1, "figures.project_spent", Decimal("2.00"), expected_revision=0)
    assert seeded_store.load(1).sources["figures.project_spent"] == S


def test_items_moved_under_a_source_lose_it_those_before_keep_it(seeded_store: Store) -> None:
    _import(seeded_store, "basic_lines[0].amount", "basic_lines[2].amount")
    seeded_store.insert(1, "basic_lines", 1, EconLine("其他", Decimal("1.00")))
    assert set(seeded_store.load(1).sources) == {"basic_lines[0].amount"}
    _import(seeded_store, "basic_lines[3].amount")
    seeded_store.insert(1, "basic_lines", 4, EconLine("末尾", Decimal("1.00")))  # appended: nothing moves
    assert set(seeded_store.load(1).sources) == {"basic_lines[0].amount", "basic_lines[3].amount"}
    seeded_store.delete(1, "basic_lines", 0)
    assert seeded_store.load(1).sources == {}


def test_sources_travel_through_toml_and_a_bad_one_is_refused(seeded_store: Store, tmp_path) -> None:
    _import(seeded_store, "figures.project_spent", "sangong[0].budget")
    text = exchange.dump(seeded_store)
    assert 'path = "figures.project_spent"' in text and 'cell = "公开03表!E5"' in text
    with Store.open(tmp_path / "other.db") as other:
        (copy_id,) = exchange.load(text, other)
        assert other.load(copy_id).sources == seeded_store.load(1).sources
        assert exchange.dump(other) == text
    for bad in ("figures.nothing", "sangong[99].budget", "texts.summary"):
        with pytest.raises(exchange.ExchangeError) as refused:
            exchange.read(text.replace('"figures.project_spent"', f'"{bad}"'))
        assert bad in refused.value.text("zh")


def test_next_year_starts_with_no_sources(seeded_store: Store) -> None:
    _import(seeded_store, "figures.carried_out", "sangong[0].actual")
    new = seeded_store.load(seeded_store.create_next(1))
    assert new.figures["carried_in"] == Decimal("1.00") and new.sources == {}


def test_a_source_kept_before_the_workbooks_value_was_migrates_as_given(sample_copy) -> None:
    """A schema-6 file's source has no value: after the migration it is still shown as the figure's, never
    said to differ from it."""
    import sqlite3

    Store.open(sample_copy).close()
    with sqlite3.connect(sample_copy) as conn:
        conn.execute("ALTER TABLE figure_sources DROP COLUMN value")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_source_values'")
        conn.execute("INSERT INTO figure_sources VALUES (1, 'figures.project_spent', '公开03表!E5', '全部资金')")
        conn.execute("PRAGMA user_version = 6")
    with Store.open(sample_copy) as store:
        report = store.load(1)
    assert report.sources["figures.project_spent"] == Source("公开03表!E5", "全部资金", None)
    assert report.sources["figures.project_spent"].gave(report.figures["project_spent"])
    assert not [f for f in run_checks(report) if f.code == "accounts"]
