"""store/fields.toml is the one definition of each single-valued field (issue 21): the model's key
lists, the kinds, the catalogue's labels, 附表1, the 基础数据表 and the importer's words all come
from it, a malformed file is refused naming the file and the key, and no code spells a figure's
label a second time."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest

from store import catalogue, exchange, fieldfile, fields, yearly
from store.model import FIGURE_KEYS, SCALAR_FIELDS, TEXT_KEYS, Report
from store.parse import InputError
from store.repository import Store

ROOT = Path(__file__).resolve().parents[2]
FILE = fieldfile.load()
#: Section-heading aliases an imported document may use (exporters/import_outlines.py): headings, which
#: happen to read as the figures they head (基本支出, 项目支出), not the figures' labels.
HEADING_ALIASES = ROOT / "exporters" / "import_outlines.py"


def _labels() -> dict[str, str]:
    """Every word the file gives a figure or a count (label, 附表1 words, 基础数据表 words) → its key."""
    found: dict[str, str] = {}
    for entry in FILE.fields:
        if entry.group != "figures" and entry.kind not in ("count", "signed_count"):
            continue
        words = [entry.zh]
        words += [entry.appendix.label] if entry.appendix else []
        words += [entry.form.label] if entry.form and entry.form.label else []
        for word in words:
            found[word.strip("\u3000").removeprefix("其中：")] = entry.key
    return found


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def test_no_code_spells_a_figures_label_a_second_time() -> None:
    labels = _labels()
    found = []
    for package in ("store", "exporters", "tui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if path == HEADING_ALIASES:
                continue
            for line, text in _code_strings(path):
                word = text.strip("\u3000").removeprefix("其中：")
                if word in labels:
                    found.append(f"{path.relative_to(ROOT)}:{line} {text!r} ({labels[word]})")
    assert not found, "a figure's words belong in store/fields.toml only:\n" + "\n".join(found)


def test_the_catalogue_takes_every_field_label_from_the_file() -> None:
    source = (ROOT / "store" / "catalogue.py").read_text(encoding="utf-8")
    for entry in FILE.fields:
        assert f'"field.{entry.key}"' not in source
        assert catalogue.message(f"field.{entry.key}") == entry.zh
        assert catalogue.message(f"field.{entry.key}", "en") == entry.en
        assert fields.label(entry.key) == entry.zh


def test_the_models_key_lists_and_the_kinds_are_the_files() -> None:
    assert FILE.keys("figures") == FIGURE_KEYS
    assert FILE.keys("texts") == TEXT_KEYS
    assert FILE.keys("") == SCALAR_FIELDS
    report = Report(unit_name="某单位", fiscal_year=2024)
    for entry in FILE.fields:
        assert fields.kind_of(entry.key) == entry.kind
        assert entry.kind in fields.KINDS
        if not entry.group:
            assert hasattr(report, entry.key), f"{entry.key} has no column in the reports table"


def test_the_importers_words_are_the_files() -> None:
    from exporters.decompose.figures import LABELS

    patterns = dict(LABELS)
    assert patterns["carried_in"].pattern == "|".join(FILE.get("figures.carried_in").words)
    for words in ("年初结转和结余", "上年结余", "年初结转结余"):
        assert patterns["carried_in"].fullmatch(words)
    for words in ("财政拨款收入预算批复", "预算批复"):
        assert patterns["budget_approved"].search(words)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[[field]]\nkey = "figures.x"\nkind = "money"\nzh = "某"\nen = "x"\n', "field figures.x.kind"),
        ('[[field]]\nkey = "figures.x"\nkind = "text"\nzh = "某"\nen = "x"\n', "field figures.x.kind"),
        ('[[field]]\nkey = "figures.x"\nkind = "amount"\nen = "x"\n', "field figures.x.zh"),
        ('[[field]]\nkey = "figures.x"\nkind = "amount"\nzh = "某"\nen = "x"\nunits = "万元"\n', "field[0].units"),
        (
            '[[field]]\nkey = "figures.x"\nkind = "amount"\nzh = "某"\nen = "x"\nimport = ["(未闭"]\n',
            "field figures.x.import",
        ),
        (
            '[[field]]\nkey = "figures.x"\nkind = "amount"\nzh = "某"\nen = "x"\n' * 2,
            "field figures.x",
        ),
        (
            '[[field]]\nkey = "figures.x"\nkind = "amount"\nzh = "某"\nen = "x"\nform = { section = "无", column = "actual" }\n',
            "field figures.x.form.section",
        ),
        ('[[field]]\nkey = "Figures x"\nkind = "amount"\nzh = "某"\nen = "x"\n', "field Figures x.key"),
        ("[[field]\n", "file"),
    ],
)
def test_a_malformed_file_is_refused_naming_the_file_and_the_key(text: str, where: str) -> None:
    with pytest.raises(fieldfile.FieldsError) as refused:
        fieldfile.parse(text, "my-fields.toml")
    assert refused.value.where == where
    assert str(refused.value).startswith(f"my-fields.toml: {where}: ")


@pytest.mark.parametrize(
    ("path", "typed", "value"),
    [
        ("figures.vehicles", "３辆", 3),
        ("figures.reception_people", "120人次", 120),
        ("figures.posts_admin", "１３名", 13),
        ("texts.contact_phone", "（0731）８８８８ 8888", "(0731)8888 8888"),
        ("texts.budget_code", "４３０１０５-001", "430105-001"),
        ("texts.filled_date", "2020年9月21日", "2020-09-21"),
        ("texts.contact_person", "  王某 ", "王某"),
    ],
)
def test_new_fields_are_read_by_their_kind(path: str, typed: str, value: object) -> None:
    assert fields.parse(path, typed) == value


@pytest.mark.parametrize(
    ("path", "typed"),
    [
        ("figures.vehicles", "2.5"),
        ("figures.vehicles", "-1"),
        ("figures.posts_institution", "三十七"),
        ("texts.contact_phone", "找王科长"),
        ("texts.budget_code", "编码一"),
    ],
)
def test_new_fields_refuse_what_their_kind_cannot_hold(path: str, typed: str) -> None:
    with pytest.raises(InputError):
        fields.parse(path, typed)


def test_counts_and_form_lines_go_through_the_file_and_the_exchange(tmp_path: Path) -> None:
    report = Report(unit_name="某单位", fiscal_year=2024)
    report.figures.update(vehicles=3, reception_batches=12, posts_admin=13, public_budget=Decimal("20.00"))
    report.texts.update(contact_person="王某", contact_phone="0731-88888888", filled_date="2025-03-01")
    with Store.open(tmp_path / "a.db") as store:
        report_id = store.add_report(report)
        loaded = store.load(report_id)
        assert loaded.figures["vehicles"] == 3 and isinstance(loaded.figures["vehicles"], int)
        assert loaded.figures["public_budget"] == Decimal("20.00")
        text = exchange.dump(store)
    assert "vehicles = 3\n" in text and "posts_admin = 13\n" in text and 'public_budget = "20.00"' in text
    assert 'contact_phone = "0731-88888888"' in text and "budget_code" not in text
    (back,) = exchange.read(text)
    assert (
        back.figures["vehicles"] == 3
        and back.figures["posts_admin"] == 13
        and back.texts["filled_date"] == "2025-03-01"
    )


def test_next_year_follows_each_fields_rule() -> None:
    last = Report(unit_name="某单位", fiscal_year=2024)
    last.figures.update(vehicles=3, carried_out=Decimal("5.00"))
    last.texts.update(budget_code="430105", contact_person="王某", filled_date="2025-03-01", economy="评价。")
    new = yearly.next_report(last)
    assert new.figures["vehicles"] is None and new.figures["carried_in"] == Decimal("5.00")
    assert new.texts["budget_code"] == "430105" and new.texts["contact_person"] == "王某"
    assert new.texts["filled_date"] == ""
    assert new.copied == {"texts.economy"}


def test_the_posts_split_is_a_count_kept_for_next_year_and_refused_in_a_counts_words() -> None:
    with pytest.raises(InputError) as refused:
        fields.parse("figures.posts_admin", "十三")
    assert "只能输入整数" in refused.value.text() and "万元" not in refused.value.text()
    last = Report(unit_name="某单位", fiscal_year=2024, authorised_posts=50)
    last.figures.update(posts_admin=13, posts_institution=37)
    new = yearly.next_report(last)
    assert (new.authorised_posts, new.figures["posts_admin"], new.figures["posts_institution"]) == (50, 13, 37)
