"""The report file as the app's autosave uses it: every change to a field or list item is on
disk when the call returns (seen from a second connection), bumps the revision by one, and
is refused, changing nothing, when the caller's revision is stale."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from store import fields
from store.model import (
    Body,
    EconLine,
    Indicator,
    OrgGroup,
    Report,
    SanGongItem,
    StaffLine,
    TitledItem,
)
from store.repository import ConflictError, Store, StoreError

#: What a person might type into a field of each kind.
TYPED = {
    "line": "新的名称",
    "required_line": "新的标题",
    "text": "第一段\n第二段\t带制表符",
    "year": "２０２０年",
    "date": "2021年3月4日",
    "count": "１２人",
    "signed_count": "减少2",
    "amount": "1,234.50万元",
    "signed_amount": "-3.20",
    "number": "12.345",
    "plates": "甲办公室、乙服务站",
    "outline": "selfeval-2023",
    "day": "2020年9月21日",
    "phone": "０７３１-8888 8888",
    "code": "４３０１０５-001",
}

#: A new item for each list, and the list's path in the seed report.
NEW_ITEMS: dict[str, Any] = {
    "org_groups": OrgGroup("其他机构", [Body("新机构", ["加挂的牌子"])]),
    "org_groups[0].bodies": Body("新机构", ["牌子一", "牌子二"]),
    "staff_lines": StaffLine("聘用人员", 3),
    "duties": "新增的一项职责",
    "efficiency_points": "新增的一点",
    "problems": "新发现的问题",
    "remedies": "新的改进措施",
    "unplaced": "又一段未归类的文字",
    "basic_lines": EconLine("资本性支出", Decimal("1.23")),
    "project_lines": EconLine("债务利息支出", Decimal("0.50")),
    "sangong": SanGongItem("会议费", Decimal("2.00"), Decimal("1.50")),
    "assets": TitledItem("新的方面", "一段说明。"),
    "efficiency": TitledItem("厉行节约", "一段说明。"),
    "results": TitledItem("新的成果", "成果说明。", [Indicator("完成率", Decimal("100"), Decimal("98.5"), "%")]),
    "results[0].indicators": Indicator("新指标", Decimal("5"), None, "个"),
}


def concrete(shape: str) -> str:
    """A path of this shape in the seed report: the first item of every list on the way."""
    parts = shape.split(".")
    return ".".join(f"{part}[0]" if ".".join(parts[: i + 1]) in fields.LISTS else part for i, part in enumerate(parts))


def value_at(report: Report, path: str) -> Any:
    target: Any = report
    for name, index in fields.split(path):
        target = target[name] if isinstance(target, dict) else getattr(target, name)
        if index is not None:
            target = target[index]
    return target


def list_at(report: Report, list_path: str) -> list[Any]:
    return value_at(report, list_path)


@pytest.fixture
def two(seeded_db: Path) -> Iterator[tuple[Store, Store, int]]:
    """Two connections to one file, as two windows of the app would have (the seed, with a piece in 未归类
    as an imported report has and a 2023 outline's 履职效能 point, so that every list holds an item)."""
    with Store.open(seeded_db) as writer, Store.open(seeded_db) as reader:
        report_id = writer.list_reports()[0].id
        writer.insert(report_id, "unplaced", 0, "导入时未能归位的一段")
        writer.insert(report_id, "efficiency", 0, TitledItem("强化业务管理", "一段说明。"))
        yield writer, reader, report_id


SHAPES = sorted(fields.FIELD_KINDS)


def test_every_field_shape_has_something_to_type() -> None:
    assert {fields.FIELD_KINDS[shape] for shape in SHAPES} <= set(TYPED)


@pytest.mark.parametrize("shape", SHAPES)
def test_set_is_on_disk_before_it_returns(two: tuple[Store, Store, int], shape: str) -> None:
    writer, reader, report_id = two
    path = concrete(shape)
    value = fields.parse(path, TYPED[fields.kind_of(path)])
    before = reader.revision(report_id)

    revision = writer.set(report_id, path, value)

    assert revision == before + 1
    assert reader.revision(report_id) == before + 1
    assert value_at(reader.load(report_id), path) == value


@pytest.mark.parametrize("list_path", sorted(NEW_ITEMS))
def test_insert_puts_the_item_where_asked_and_moves_the_rest_down(
    two: tuple[Store, Store, int], list_path: str
) -> None:
    writer, reader, report_id = two
    expected = copy.deepcopy(list_at(reader.load(report_id), list_path))
    expected.insert(1, NEW_ITEMS[list_path])
    before = reader.revision(report_id)

    assert writer.insert(report_id, list_path, 1, NEW_ITEMS[list_path]) == before + 1

    assert list_at(reader.load(report_id), list_path) == expected


@pytest.mark.parametrize("list_path", sorted(NEW_ITEMS))
def test_insert_at_the_end_appends(two: tuple[Store, Store, int], list_path: str) -> None:
    writer, reader, report_id = two
    expected = copy.deepcopy(list_at(reader.load(report_id), list_path))
    writer.insert(report_id, list_path, len(expected), NEW_ITEMS[list_path])
    assert list_at(reader.load(report_id), list_path) == [*expected, NEW_ITEMS[list_path]]


@pytest.mark.parametrize("list_path", sorted(NEW_ITEMS))
def test_delete_removes_the_item_and_closes_the_gap(two: tuple[Store, Store, int], list_path: str) -> None:
    writer, reader, report_id = two
    expected = copy.deepcopy(list_at(reader.load(report_id), list_path))
    del expected[0]
    before = reader.revision(report_id)

    assert writer.delete(report_id, list_path, 0) == before + 1

    assert list_at(reader.load(report_id), list_path) == expected


@pytest.mark.parametrize("list_path", sorted(NEW_ITEMS))
def test_move_reorders_both_ways(two: tuple[Store, Store, int], list_path: str) -> None:
    writer, reader, report_id = two
    writer.insert(report_id, list_path, 0, NEW_ITEMS[list_path])
    items = copy.deepcopy(list_at(reader.load(report_id), list_path))
    last = len(items) - 1
    before = reader.revision(report_id)

    assert writer.move(report_id, list_path, 0, last) == before + 1
    assert list_at(reader.load(report_id), list_path) == [*items[1:], items[0]]

    writer.move(report_id, list_path, last, 0)
    assert list_at(reader.load(report_id), list_path) == items


def test_deleting_an_item_takes_what_it_holds_with_it(two: tuple[Store, Store, int]) -> None:
    writer, reader, report_id = two
    writer.delete(report_id, "org_groups", 0)
    writer.delete(report_id, "results", 0)
    counts = {
        table: reader.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("org_bodies", "indicators")
    }
    report = reader.load(report_id)
    assert counts["org_bodies"] == sum(len(group.bodies) for group in report.org_groups)
    assert counts["indicators"] == sum(len(item.indicators) for item in report.results)


def stale_changes(report_id: int) -> list[tuple[str, tuple[Any, ...]]]:
    return [
        ("set", (report_id, "figures.project_spent", Decimal("3472.66"))),
        ("insert", (report_id, "duties", 0, "一项")),
        ("delete", (report_id, "duties", 0)),
        ("move", (report_id, "duties", 0, 1)),
    ]


@pytest.mark.parametrize("method", ["set", "insert", "delete", "move"])
def test_a_stale_revision_is_refused_and_nothing_changes(two: tuple[Store, Store, int], method: str) -> None:
    writer, reader, report_id = two
    stale = writer.revision(report_id)
    reader.set(report_id, "texts.key_plan", "另一个窗口改过的计划")
    before = reader.load(report_id)

    args = dict(stale_changes(report_id))[method]
    with pytest.raises(ConflictError) as caught:
        getattr(writer, method)(*args, expected_revision=stale)

    assert caught.value.text("zh") and caught.value.text("en")
    assert reader.load(report_id) == before


def test_the_current_revision_is_accepted(two: tuple[Store, Store, int]) -> None:
    writer, reader, report_id = two
    current = reader.revision(report_id)
    assert writer.set(report_id, "texts.key_plan", "新计划", expected_revision=current) == current + 1


@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("set", ("duties[99]", "x")),
        ("set", ("results[0].indicators[9].name", "x")),
        ("insert", ("duties", 99, "x")),
        ("delete", ("duties", 99)),
        ("move", ("duties", 0, 99)),
    ],
)
def test_an_item_that_is_not_there_is_named_and_nothing_changes(
    two: tuple[Store, Store, int], method: str, args: tuple[Any, ...]
) -> None:
    writer, reader, report_id = two
    before = reader.load(report_id)
    with pytest.raises(StoreError) as caught:
        getattr(writer, method)(report_id, *args)
    assert caught.value.code == "no_such_item"
    assert "99" in caught.value.text("zh") or "[9]" in caught.value.text("zh")
    assert reader.load(report_id) == before


def test_a_change_to_a_report_that_is_gone_is_refused(two: tuple[Store, Store, int]) -> None:
    writer, _, report_id = two
    with pytest.raises(StoreError) as caught:
        writer.set(report_id + 1, "texts.key_plan", "x")
    assert caught.value.code == "no_such_report"


def test_a_transaction_keeps_all_or_none(two: tuple[Store, Store, int]) -> None:
    writer, reader, report_id = two
    before = reader.load(report_id)
    with pytest.raises(RuntimeError), writer.transaction():
        writer.set(report_id, "texts.key_plan", "一")
        writer.insert(report_id, "duties", 0, "二")
        raise RuntimeError("stop half-way")
    assert reader.load(report_id) == before

    with writer.transaction():
        writer.set(report_id, "texts.key_plan", "一")
        writer.insert(report_id, "duties", 0, "二")
        assert reader.load(report_id) == before, "nothing shows before the transaction ends"
    after = reader.load(report_id)
    assert (after.texts["key_plan"], after.duties[0], after.revision) == ("一", "二", before.revision + 2)


def test_a_failed_change_inside_a_transaction_undoes_only_itself(two: tuple[Store, Store, int]) -> None:
    writer, reader, report_id = two
    with writer.transaction():
        writer.set(report_id, "texts.key_plan", "保留")
        with pytest.raises(StoreError):
            writer.delete(report_id, "duties", 99)
    assert reader.load(report_id).texts["key_plan"] == "保留"


def test_two_reports_of_one_unit_and_year_are_refused(seeded_store: Store, seed_report: Report) -> None:
    with pytest.raises(StoreError) as caught:
        seeded_store.add_report(seed_report)
    assert caught.value.code == "report_exists"
    assert len(seeded_store.list_reports()) == 1


def test_a_date_and_time_stored_by_an_older_load_reads_as_its_day(seeded_db: Path) -> None:
    """Before load checked dates it stored `2020-09-21T08:00:00`; such a report still opens, signed that day."""
    import sqlite3
    from datetime import date

    conn = sqlite3.connect(seeded_db)
    conn.execute("UPDATE reports SET sign_date = '2020-09-21T08:00:00'")
    conn.commit()
    conn.close()
    with Store.open(seeded_db) as store:
        assert store.load(1).sign_date == date(2020, 9, 21)
