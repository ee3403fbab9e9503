"""Next year's report from last year's (issue 11): what is kept, what is blanked, what carries over,
the copied marks (kept through list changes, cleared by an edit, kept by TOML), and the years in prose."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from store import exchange, yearly
from store.model import FIGURE_KEYS, TEXT_KEYS, Report
from store.repository import Store, StoreError


@pytest.fixture
def two_years(sample_copy: Path) -> tuple[Store, Report, Report]:
    """The sample file with 2020 made from the seed's 2019, as (store, 2019, 2020)."""
    store = Store.open(sample_copy)
    (summary,) = store.list_reports()
    last = store.load(summary.id)
    report = store.load(store.create_next(summary.id))
    yield store, last, report
    store.close()


def test_next_year_keeps_the_unit_and_its_words_and_blanks_the_figures(two_years: tuple[Store, Report, Report]) -> None:
    _, last, report = two_years
    assert (report.unit_name, report.fiscal_year, report.unit_short) == (last.unit_name, 2020, last.unit_short)
    assert report.texts == last.texts
    assert (report.duties, report.problems, report.remedies) == (last.duties, last.problems, last.remedies)
    assert report.org_groups == last.org_groups
    assert report.authorised_posts == last.authorised_posts
    assert [line.category for line in report.staff_lines] == [line.category for line in last.staff_lines]
    assert all(line.count is None for line in report.staff_lines)
    assert [line.category for line in report.basic_lines] == [line.category for line in last.basic_lines]
    assert all(line.amount is None for line in [*report.basic_lines, *report.project_lines])
    assert (report.staff_total, report.staff_change, report.sign_date) == (None, None, None)
    assert [item.title for item in report.results] == [item.title for item in last.results]
    targets = [(i.name, i.target, i.actual) for item in report.results for i in item.indicators]
    assert targets == [(i.name, i.target, None) for item in last.results for i in item.indicators]


def test_only_the_balance_and_the_sangong_actuals_carry_over(two_years: tuple[Store, Report, Report]) -> None:
    _, last, report = two_years
    assert report.figures == {key: None for key in FIGURE_KEYS} | {"carried_in": last.figures["carried_out"]}
    assert report.figures["carried_in"] == Decimal("551.78")
    assert [(s.name, s.budget, s.actual, s.last_year) for s in report.sangong] == [
        (s.name, None, None, s.actual) for s in last.sangong
    ]


def test_a_year_that_exists_is_refused_with_the_reason(two_years: tuple[Store, Report, Report]) -> None:
    store, last, _ = two_years
    before = len(store.list_reports())
    with pytest.raises(StoreError) as refused:
        store.create_next(last.id or 0)
    assert refused.value.code == "report_exists"
    assert "2020" in refused.value.text("zh")
    assert len(store.list_reports()) == before


def test_every_copied_block_and_item_is_marked(two_years: tuple[Store, Report, Report]) -> None:
    _, last, report = two_years
    texts = {f"texts.{key}" for key in TEXT_KEYS if last.texts[key].strip()}
    assert texts <= report.copied
    assert {f"duties[{i}]" for i in range(len(last.duties))} <= report.copied
    assert {f"results[{i}].body" for i in range(len(last.results))} <= report.copied
    assert not any(path.startswith(("figures", "staff", "sangong")) for path in report.copied)


def test_an_edit_clears_the_mark_and_an_unchanged_save_keeps_it(two_years: tuple[Store, Report, Report]) -> None:
    store, _, report = two_years
    assert report.id is not None
    store.set(report.id, "texts.economy", report.texts["economy"])
    store.set(report.id, "duties[0]", report.duties[0])
    assert {"texts.economy", "duties[0]"} <= store.load(report.id).copied
    store.set(report.id, "texts.economy", "2020年街道严格控制预算支出。")
    store.set(report.id, "results[1].body", "本年的成果。")
    store.set(report.id, "results[2].title", "新的标题")
    marks = store.load(report.id).copied
    assert "texts.economy" not in marks and "results[1].body" not in marks
    assert "results[2].body" in marks  # a title edit leaves the body as last year's


def test_marks_move_with_their_items(two_years: tuple[Store, Report, Report]) -> None:
    store, _, report = two_years
    assert report.id is not None
    store.set(report.id, "duties[1]", "本年新写的第二条")
    store.insert(report.id, "duties", 0, "新增的第一条")
    assert [f"duties[{i}]" in store.load(report.id).copied for i in range(3)] == [False, True, False]
    store.move(report.id, "duties", 2, 0)
    store.delete(report.id, "duties", 1)
    moved = store.load(report.id)
    assert moved.duties[0] == "本年新写的第二条" and "duties[0]" not in moved.copied
    assert moved.duties[1] == report.duties[0] and "duties[1]" in moved.copied


def test_toml_keeps_the_marks(two_years: tuple[Store, Report, Report], tmp_path: Path) -> None:
    store, _, report = two_years
    assert report.id is not None
    store.set(report.id, "problems[0]", "本年的问题")
    text = exchange.dump(store, [report.id])
    with Store.open(tmp_path / "other.db") as other:
        (copy_id,) = exchange.load(text, other)
        copy = other.load(copy_id)
        assert copy.copied == store.load(report.id).copied and "problems[0]" not in copy.copied
        assert exchange.dump(other, [copy_id]) == text


def test_a_mark_on_a_place_the_report_lacks_is_refused(two_years: tuple[Store, Report, Report]) -> None:
    store, _, report = two_years
    text = exchange.dump(store, [report.id or 0]).replace('"duties[0]"', '"duties[99]"')
    with pytest.raises(exchange.ExchangeError) as refused:
        exchange.read(text)
    assert "duties[99]" in refused.value.text("zh")


def test_years_in_copied_prose_are_offered_not_replaced(two_years: tuple[Store, Report, Report]) -> None:
    store, _, report = two_years
    assert report.id is not None
    mentions = dict(yearly.year_mentions(report))
    assert mentions["texts.economy"] >= 1 and "2019年" in report.texts["economy"]
    assert yearly.bring_years_forward("2019年街道，12019年，2019 年度", 2020) == "2020年街道，12019年，2020 年度"
    yearly.update_years(store, report, ["texts.economy"])
    updated = store.load(report.id)
    assert "2019年" not in updated.texts["economy"] and "2020年" in updated.texts["economy"]
    assert "texts.economy" in updated.copied  # only the years changed: the words are still last year's
    assert "2019年" in updated.texts["performance_intro"]  # not asked: left alone
    assert "texts.economy" not in dict(yearly.year_mentions(updated))


def test_last_year_is_found_in_the_same_file(two_years: tuple[Store, Report, Report]) -> None:
    store, last, report = two_years
    found = yearly.last_year_of(store, report)
    assert found is not None and found.id == last.id
    assert yearly.last_year_of(store, last) is None


def test_a_file_of_the_first_schema_is_migrated_with_no_marks(tmp_path: Path) -> None:
    import sqlite3

    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from store import schema

    path = tmp_path / "old.db"
    first = Migrations("jixiao")
    first()(schema.m001_initial)
    conn = sqlite3.connect(path)
    first.apply(Database(conn))
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO reports (id, unit_name, fiscal_year, created_at, updated_at) VALUES (1, '某单位', 2019, 'x', 'x')"
    )
    conn.execute("INSERT INTO staff_lines (report_id, position, category, count) VALUES (1, 0, '在职人员', 9)")
    conn.execute("INSERT INTO list_items (report_id, list, position, body) VALUES (1, 'duties', 0, '一项职责')")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        report = store.load(1)
        assert (report.staff_lines[0].count, report.duties, report.copied) == (9, ["一项职责"], set())
        store.set(1, "staff_lines[0].count", None)
        next_id = store.create_next(1)
        assert store.load(next_id).copied == {"duties[0]"}
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_next_year_leaves_behind_an_imports_unplaced_pieces_and_the_key_task_counts(seed_report: Report) -> None:
    seed_report.unplaced = ["一段没有归类的文字"]
    seed_report.key_tasks_planned, seed_report.key_tasks_done = 12, 11
    report = yearly.next_report(seed_report)
    assert report.unplaced == []
    assert (report.key_tasks_planned, report.key_tasks_done) == (None, None)
    assert report.duties == seed_report.duties
    assert not any(path.startswith("unplaced") for path in report.copied)
