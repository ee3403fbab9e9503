"""Outlines as data: each shipped outline loads, names every field once, and survives a TOML round trip."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest
import tomli_w

from store import fields, outline
from store.model import Report


@pytest.mark.parametrize("outline_id", outline.ids())
def test_each_outline_goes_out_to_toml_and_comes_back_the_same(outline_id: str) -> None:
    loaded = outline.load(outline_id)
    text = tomli_w.dumps(outline.dump(loaded))
    assert outline.parse(text) == loaded
    assert tomllib.loads(text)["id"] == outline_id


@pytest.mark.parametrize("outline_id", outline.ids())
def test_each_outline_shows_every_field_of_the_report_it_keeps_data_for(outline_id: str) -> None:
    shown = outline.load(outline_id).shapes()
    every = set(fields.FIELD_KINDS) | set(fields.LISTS)
    assert shown <= every, "an outline names a field the report does not have"
    kept_elsewhere = {"texts.performance_intro", "texts.economy", "texts.goals", "texts.conclusion"}
    kept_elsewhere |= {"texts.other_matters"}
    # 行政效能's plain points (2019) and 履职效能's titled ones (2023): each outline shows its own
    kept_elsewhere |= {"efficiency_points", "efficiency", "efficiency.title", "efficiency.body"}
    assert every - shown <= kept_elsewhere | set(fields.UNPRINTED)


@pytest.mark.parametrize("outline_id", outline.ids())
def test_each_outline_names_only_screens_the_app_has(outline_id: str) -> None:
    assert set(outline.load(outline_id).screen_of().values()) <= {"org", "budget", "results", "problems", "prose"}


def test_the_default_outline_is_the_seeds_and_comes_first() -> None:
    assert outline.ids()[0] == outline.DEFAULT == "classic-2019" == Report("单位", 2019).outline
    assert "selfeval-2023" in outline.ids()


def test_numbers_in_labels_are_computed_from_where_a_section_sits() -> None:
    classic, selfeval = outline.load("classic-2019"), outline.load("selfeval-2023")
    assert classic.label("budget") == "一、部门概况（二）年度预算收支"
    assert classic.label("results", "en") == "V. Performance (III) Outputs and social benefits"
    assert selfeval.label("budget") == "二、部门整体支出情况（二）收支情况"
    assert selfeval.label("conclusion") == "四、自评结论"
    assert [c.title for c in selfeval.chapters] == [
        "部门基本情况",
        "部门整体支出情况",
        "部门整体支出绩效目标及完成情况",
        "自评结论",
        "存在的问题及原因",
        "改进措施和建议",
        "其他需要说明的情况",
    ]


def test_a_field_is_placed_by_the_reports_own_outline() -> None:
    assert fields.section_label("figures.procurement_done") == "一、部门概况（二）年度预算收支"
    assert fields.section_label("figures.procurement_done", outline="selfeval-2023") == (
        "二、部门整体支出情况（六）政府采购情况"
    )
    assert fields.section_label("texts.economy", outline="selfeval-2023") == "本提纲不含此项（换回原提纲后显示）"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('id = "x"\nname = "x"\nname_en = "x"\n[[chapters]]\ntitle = "一"\nfields = ["duties"]\n', "needs a key"),
        ('id = "x"\nname = "x"\nname_en = "x"\n[[chapters]]\ntitle = "一"\nnumber = 3\n', "unknown keys"),
        (
            'id = "x"\nname = "x"\nname_en = "x"\n[[chapters]]\nkey = "a"\nfields = ["duties"]\n'
            '[[chapters]]\nkey = "b"\nfields = ["duties"]\n',
            "two sections",
        ),
        (
            'id = "x"\nname = "x"\nname_en = "x"\n[[chapters]]\nkey = "a"\nfields = ["duties"]\nrequired = ["problems"]\n',
            "not in fields",
        ),
    ],
)
def test_a_malformed_outline_file_is_refused_saying_where(text: str, problem: str) -> None:
    with pytest.raises(outline.OutlineError, match=problem):
        outline.parse(text)


def _shipped(outline_id: str) -> str:
    return resources.files("store.outlines").joinpath(f"{outline_id}.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("outline_id", outline.ids())
@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('"staff.total" = "{year}年本单位年末实有人数{count}人"\n', "", "has no template 'staff.total'"),
        ('"staff.total" = "{year}年', '"staff.total" = "{unit}{year}年', r"'staff.total' uses slots \['unit'\]"),
        ('"staff.level" =', '"staff.levle" = "持平"\n"staff.level" =', r"no builder fills: \['staff.levle'\]"),
        ('"staff.level" = "与上年持平"', '"staff.level" = "与上年{持平"', "'staff.level'"),
    ],
)
def test_an_outline_file_whose_sentences_do_not_fit_its_builders_is_refused_naming_file_and_template(
    outline_id: str, old: str, new: str, problem: str
) -> None:
    text = _shipped(outline_id)
    assert old in text
    with pytest.raises(outline.OutlineError, match=problem) as refused:
        outline.parse(text.replace(old, new))
    assert str(refused.value).startswith(f"{outline_id}.toml: ")


def test_an_unknown_outline_is_refused_when_typed() -> None:
    from store.parse import InputError

    assert fields.parse("outline", " selfeval-2023 ") == "selfeval-2023"
    with pytest.raises(InputError) as refused:
        fields.parse("outline", "2030式")
    assert "classic-2019" in refused.value.text()


@pytest.mark.parametrize("outline_id", outline.ids())
def test_a_report_under_each_outline_goes_through_the_exchange_file_unchanged(
    outline_id: str, seed_report: Report, tmp_path: Path
) -> None:
    from store import exchange
    from store.repository import Store

    seed_report.outline = outline_id
    seed_report.key_tasks_planned, seed_report.key_tasks_done = 8, 7
    seed_report.texts["conclusion"] = "综合评分为92分，等级为优。"
    with Store.open(tmp_path / "a.db") as first:
        (report_id,) = exchange.write([seed_report], first)
        text = exchange.dump(first)
    assert f'outline = "{outline_id}"' in text
    with Store.open(tmp_path / "b.db") as second:
        exchange.load(text, second)
        back = second.load(report_id)
        assert exchange.dump(second) == text
    assert (back.outline, back.key_tasks_planned, back.key_tasks_done) == (outline_id, 8, 7)


def test_an_exchange_file_naming_an_unknown_outline_is_refused(seed_toml: str) -> None:
    from store import exchange

    with pytest.raises(exchange.ExchangeError) as refused:
        exchange.read(seed_toml.replace('outline = "classic-2019"', 'outline = "county-2031"'))
    assert "outline" in refused.value.text()
