"""Bad input: every entry of the corpus is either read as the person meant or refused with a reason.

Here each entry goes through the store's one parser (`fields.parse`) and `Store.set`, as the
screens do; nothing else in the report may change, and a refused entry changes nothing at
all. The reason quoted back stays short and printable, even for a pasted page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fault_helpers import make_report_file, replace_at, same_apart_from_stamps
from input_corpus import CORPUS, PASTE, Refused

from store import fields
from store.parse import ECHO_LIMIT, InputError, parse_amount, parse_count, parse_number
from store.repository import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, int]]:
    path = tmp_path_factory.mktemp("bad_input") / "月湖 2019.db"
    report_id = make_report_file(path)
    with Store.open(path) as opened:
        yield opened, report_id


def _label(entry: tuple[str, str, object]) -> str:
    path, typed, _ = entry
    return f"{path}={typed[:20]!r}" + ("…" if len(typed) > 20 else "")


@pytest.mark.parametrize("entry", CORPUS, ids=[_label(entry) for entry in CORPUS])
def test_typed_value_is_read_as_meant_or_refused(store: tuple[Store, int], entry: tuple[str, str, object]) -> None:
    opened, report_id = store
    path, typed, expected = entry
    before = opened.load(report_id)
    if isinstance(expected, Refused):
        with pytest.raises(InputError) as caught:
            fields.parse(path, typed)
        assert caught.value.code == expected.code
        for lang in ("zh", "en"):
            reason = caught.value.text(lang)
            assert reason.isprintable() and len(reason) < 120, reason
        assert opened.load(report_id) == before
        return
    value = fields.parse(path, typed)
    assert value == expected
    opened.set(report_id, path, value, expected_revision=before.revision)
    after = opened.load(report_id)
    assert same_apart_from_stamps(after, replace_at(before, path, expected))
    assert after.revision == before.revision + 1


def test_the_corpus_is_broad() -> None:
    kinds = {fields.kind_of(path) for path, _, _ in CORPUS}
    assert {"amount", "signed_amount", "count", "signed_count", "date", "number", "text"} <= kinds
    assert len(CORPUS) >= 60


# --- parser bugs this suite found, one test each ----------------------------------


def test_a_change_word_alone_is_refused_not_a_crash() -> None:
    """`增加` with no number used to raise IndexError out of the parser (a crash in the app)."""
    for typed in ("增加", "减少", "+", "-"):
        with pytest.raises(InputError) as caught:
            parse_count(typed, allow_negative=True)
        assert caught.value.code == "not_a_number"


def test_a_currency_sign_is_named_as_the_problem() -> None:
    """`￥1,610.68` used to be blamed on its (correct) thousands commas."""
    with pytest.raises(InputError) as caught:
        parse_amount("￥1,610.68")
    assert caught.value.code == "not_a_number"


def test_digits_beyond_decimal_precision_are_not_dropped_silently() -> None:
    """A fraction past the 28th digit used to be rounded away and the value accepted."""
    with pytest.raises(InputError):
        parse_amount("1.0000000000000000000000000000001")
    with pytest.raises(InputError):
        parse_number("999999999999.0000000000000000000000000001")


def test_a_pasted_page_is_quoted_back_short_on_one_line() -> None:
    """The reason used to quote the whole paste (100,000 characters) and its control characters."""
    with pytest.raises(InputError) as caught:
        parse_amount("第一行\n" + PASTE)
    quoted = caught.value.params["text"]
    assert isinstance(quoted, str) and len(quoted) == ECHO_LIMIT and quoted.endswith("…")
    assert "\n" not in quoted
    with pytest.raises(InputError) as caught:
        parse_amount("12\x00\x1b")
    assert caught.value.text("en").isprintable()
