"""TOML exchange between PCs: dump → load → dump gives the same bytes, and a file that cannot
be taken in whole is refused with the line where the trouble is, writing nothing at all."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import exchange
from store.codec import FORMAT_VERSION
from store.model import Indicator, Report, SanGongItem, TitledItem
from store.parse import clean_text
from store.repository import Store, StoreError


def fresh(folder: Path, name: str = "fresh.db") -> Store:
    path = folder / name
    path.unlink(missing_ok=True)
    return Store.open(path)


def test_dump_load_dump_is_byte_identical(seeded_store: Store, tmp_path: Path) -> None:
    first = exchange.dump(seeded_store)
    with fresh(tmp_path) as other:
        exchange.load(first, other)
        assert exchange.dump(other) == first


def test_the_seed_source_is_a_dump_of_itself(seed_toml: str, seeded_store: Store) -> None:
    body = "".join(line for line in seed_toml.splitlines(keepends=True) if not line.startswith("#")).lstrip("\n")
    assert exchange.dump(seeded_store) == body


def test_times_travel_with_the_report(seeded_store: Store, tmp_path: Path) -> None:
    seeded_store.set(1, "texts.key_plan", "改过的计划")
    edited = seeded_store.load(1)
    with fresh(tmp_path) as other:
        (new_id,) = exchange.load(exchange.dump(seeded_store), other)
        moved = other.load(new_id)
    assert (moved.created_at, moved.updated_at) == (edited.created_at, edited.updated_at)
    assert moved.texts["key_plan"] == "改过的计划"


def test_a_sparse_report_round_trips(tmp_path: Path) -> None:
    report = Report(unit_name="某某局", fiscal_year=2020)
    report.sangong = [SanGongItem("公务接待费")]
    report.results = [TitledItem("只有标题", indicators=[Indicator("只有名称")])]
    with fresh(tmp_path, "a.db") as one, fresh(tmp_path, "b.db") as two:
        one.add_report(report)
        text = exchange.dump(one)
        exchange.load(text, two)
        assert exchange.dump(two) == text
        loaded = two.load(two.list_reports()[0].id)
    assert loaded.sangong == report.sangong and loaded.results == report.results
    assert loaded.figures == report.figures


PROSE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60).map(clean_text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prose=PROSE, item=PROSE, title=PROSE.map(lambda t: clean_text(t, multiline=False)))
def test_any_text_a_person_can_enter_round_trips(tmp_path: Path, prose: str, item: str, title: str) -> None:
    report = Report(unit_name="某某局", fiscal_year=2020, title=title or "绩效评价报告")
    report.texts["preamble"] = prose
    report.duties = [item]
    with fresh(tmp_path, "a.db") as one, fresh(tmp_path, "b.db") as two:
        one.add_report(report)
        text = exchange.dump(one)
        exchange.load(text, two)
        assert exchange.dump(two) == text
        loaded = two.load(two.list_reports()[0].id)
    assert (loaded.texts["preamble"], loaded.duties, loaded.title) == (prose, [item], report.title)


def test_a_dump_of_chosen_reports_holds_only_those(seeded_store: Store, seed_report: Report) -> None:
    seed_report.fiscal_year = 2020
    other_id = seeded_store.add_report(seed_report)
    data = tomllib.loads(exchange.dump(seeded_store, [other_id]))
    assert [entry["fiscal_year"] for entry in data["reports"]] == [2020]
    assert len(tomllib.loads(exchange.dump(seeded_store))["reports"]) == 2


def test_amounts_are_written_as_strings(seeded_store: Store) -> None:
    data = tomllib.loads(exchange.dump(seeded_store))
    assert data["reports"][0]["figures"]["project_spent"] == "3472.44"
    assert Decimal(data["reports"][0]["basic_lines"][1]["amount"]) == Decimal("129.60")


# --- refusals: nothing written, the line named ------------------------------------------------


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


BAD_FILES = {
    "broken TOML": (lambda t: edit(t, 'spent = "5083.34"', "spent = 5083.34 万元"), "spent = 5083.34 万元", "bad_toml"),
    "amount as a number": (
        lambda t: edit(
            t, '{ category = "资本性支出", amount = "140.71" }', '{ category = "资本性支出", amount = 140.71 }'
        ),
        "amount = 140.71 }",
        "bad_value",
    ),
    "three decimals": (lambda t: edit(t, 'carried_out = "551.78"', 'carried_out = "551.789"'), "551.789", "bad_value"),
    "text where a count goes": (lambda t: edit(t, "staff_total = 55", 'staff_total = "55人"'), "55人", "bad_value"),
    "unknown key": (lambda t: edit(t, 'title = "资产管理"', 'titel = "资产管理"'), "titel", "bad_value"),
    "a number in a list of text": (
        lambda t: edit(t, '"负责本辖区村的拆迁和安置工作。",', "5,"),
        "    5,",
        "bad_value",
    ),
    "newer format": (
        lambda t: edit(t, f"format_version = {FORMAT_VERSION}", "format_version = 99"),
        "format_version",
        "bad_value",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_at_its_line_and_nothing_is_written(
    case: str, seed_toml: str, seeded_store: Store
) -> None:
    change, fragment, code = BAD_FILES[case]
    text = change(seed_toml)
    seeded_store.delete_report(1)
    before = exchange.dump(seeded_store)

    with pytest.raises(exchange.ExchangeError) as caught:
        exchange.load(text, seeded_store)

    error = caught.value
    assert error.code == f"exchange.{code}"
    assert error.line == line_of(text, fragment)
    assert f"{error.line}" in error.text("zh") and f"{error.line}" in error.text("en")
    assert exchange.dump(seeded_store) == before


def test_a_syntax_error_names_line_and_column() -> None:
    with pytest.raises(exchange.ExchangeError) as caught:
        exchange.read('format = "jixiao-report"\nformat_version = 1\n[[reports]]\nunit_name = \n')
    assert (caught.value.line, caught.value.params["column"]) == (4, 13)
    assert "第 4 行第 13 列" in caught.value.text("zh")


def test_a_newer_format_says_upgrade(seed_toml: str) -> None:
    with pytest.raises(exchange.ExchangeError) as caught:
        exchange.read(edit(seed_toml, f"format_version = {FORMAT_VERSION}", f"format_version = {FORMAT_VERSION + 1}"))
    assert "升级" in caught.value.text("zh") and "upgrade" in caught.value.text("en")


@pytest.mark.parametrize(
    "text",
    [
        '[project]\nname = "jixiao"\n',
        'format = "other-tool"\nformat_version = 1\n',
        "title = '绩效评价报告'\n",
    ],
    ids=["pyproject", "other format", "no header"],
)
def test_a_foreign_file_is_named_as_not_ours(text: str) -> None:
    with pytest.raises(exchange.ExchangeError) as caught:
        exchange.read(text)
    assert "jixiao" in caught.value.text("zh")
    assert "jixiao-report" in caught.value.text("en")


def test_a_report_file_given_where_the_toml_goes_is_recognised(seeded_db: Path) -> None:
    with pytest.raises(exchange.ExchangeError) as caught:
        exchange.read(seeded_db.read_bytes())
    assert caught.value.code == "exchange.is_database"


def test_a_file_saved_as_gbk_is_refused_as_not_utf8(seed_toml: str) -> None:
    with pytest.raises(exchange.ExchangeError) as caught:
        exchange.read(seed_toml.encode("gbk"))
    assert caught.value.code == "exchange.not_utf8"
    assert caught.value.line == 1


def test_a_byte_order_mark_from_notepad_is_fine(seed_toml: str) -> None:
    (report,) = exchange.read(seed_toml.encode("utf-8-sig"))
    assert report.unit_name == "长沙市开福区月湖街道办事处"


def test_a_report_already_in_the_file_is_refused_unless_replacing(seed_toml: str, seeded_store: Store) -> None:
    seeded_store.set(1, "texts.key_plan", "本机上改过")
    with pytest.raises(StoreError) as caught:
        exchange.load(seed_toml, seeded_store)
    assert caught.value.code == "report_exists"
    assert seeded_store.load(1).texts["key_plan"] == "本机上改过"

    (new_id,) = exchange.load(seed_toml, seeded_store, replace=True)
    assert [summary.id for summary in seeded_store.list_reports()] == [new_id]
    assert seeded_store.load(new_id).texts["key_plan"] != "本机上改过"


def test_one_refused_report_keeps_the_others_out_too(seed_toml: str, seeded_store: Store) -> None:
    other = edit(seed_toml, "fiscal_year = 2019", "fiscal_year = 2020")
    both = other + seed_toml[seed_toml.index("[[reports]]") :]
    with pytest.raises(StoreError):
        exchange.load(both, seeded_store)
    assert [summary.fiscal_year for summary in seeded_store.list_reports()] == [2019]


def test_the_same_report_twice_in_one_file_is_refused_at_the_second(seed_toml: str, tmp_path: Path) -> None:
    twice = seed_toml + seed_toml[seed_toml.index("[[reports]]") :]
    with fresh(tmp_path) as store:
        with pytest.raises(exchange.ExchangeError) as caught:
            exchange.load(twice, store)
        assert store.list_reports() == []
    assert caught.value.code == "exchange.duplicate"
    assert caught.value.line == len(seed_toml.splitlines()) + 1


# --- finding the line in a big file (issue 19.6: one pass, not a parse per line) ----------------


def _many_results(seed_toml: str, count: int) -> str:
    """The sample with its 项目产出 replaced by `count` results, each with a body over two lines and an indicator."""
    head = seed_toml[: seed_toml.index("[[reports.results]]")]
    item = (
        '[[reports.results]]\ntitle = "成果{n}"\nbody = """第{n}项\n[[reports.results]]\n成果"""\n'
        'indicators = [\n    {{ name = "指标{n}", target = "{n}", unit = "家" }},\n]\n\n'
    )
    return head + "".join(item.format(n=n) for n in range(count))


def test_a_bad_value_near_the_end_of_2000_results_is_found_at_its_line(seed_toml: str) -> None:
    text = edit(_many_results(seed_toml, 2000), 'target = "1990"', 'target = "1990.12345"')
    with pytest.raises(exchange.ExchangeError) as caught:
        exchange.read(text)
    assert caught.value.params["where"] == "reports[0].results[1990].indicators[0].target"
    assert caught.value.line == line_of(text, '"1990.12345"')


@pytest.mark.parametrize(
    ("where", "fragment"),
    [
        ("reports[0].results[7].title", 'title = "成果7"'),
        ("reports[0].results[7].body", 'body = """第7项'),
        ("reports[0].results[7].indicators[0]", '{ name = "指标7"'),
        ("reports[0].results[7].indicators[0].unit", '{ name = "指标7"'),
        ("reports[0].results", 'title = "成果0"'),
        ("reports[0].texts.preamble", "preamble = "),
        ("reports[0].duties[4]", "负责本辖区村的拆迁和安置工作。"),
        ("format_version", "format_version"),
        ("reports", "unit_name ="),
    ],
)
def test_a_place_is_found_past_headers_written_inside_strings(seed_toml: str, where: str, fragment: str) -> None:
    """A body holding a line `[[reports.results]]` is text, not a header: the count of results stays right."""
    text = _many_results(seed_toml, 10)
    expected = line_of(text, fragment)
    if fragment in ('title = "成果0"', "unit_name ="):
        expected -= 1  # a list of tables is found at its first header, just above
    assert exchange.locate(text, where) == expected


def test_a_version_2_files_2023_report_reads_its_efficiency_points_as_titled_ones(
    seed_toml: str, tmp_path: Path
) -> None:
    old = seed_toml.replace(f"format_version = {FORMAT_VERSION}", "format_version = 2")
    old = old.replace('outline = "classic-2019"', 'outline = "selfeval-2023"')
    old = old.replace("[[reports]]\n", '[[reports]]\ncopied = ["efficiency_points[0]"]\n', 1)
    (report,) = exchange.read(old)
    (seed,) = exchange.read(seed_toml)
    assert [(item.title, item.body) for item in report.efficiency] == [("", p) for p in seed.efficiency_points]
    assert report.efficiency_points == [] and report.copied == {"efficiency[0].body"}
    with Store.open(tmp_path / "a.db") as store:
        exchange.write([report], store)
        text = exchange.dump(store)
    assert "[[reports.efficiency]]" in text
    (again,) = exchange.read(text)
    assert again.efficiency == report.efficiency and again.copied == report.copied
