"""The one input parser: what a finance officer types through a Chinese IME is read as meant,
and anything else is refused with a reason in words (Chinese and English)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.parse import MAX_AMOUNT, MAX_COUNT, InputError, format_amount, parse_amount, parse_count

AMOUNTS = st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2, allow_nan=False, allow_infinity=False)
COUNTS = st.integers(min_value=0, max_value=MAX_COUNT)


def fullwidth(text: str) -> str:
    """What a Chinese IME in full-width mode types: １６１０．６８, １，６１０."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def spellings(value: Decimal) -> list[str]:
    plain = f"{value:.2f}"
    grouped = f"{value:,.2f}"
    return [
        plain,
        grouped,
        fullwidth(plain),
        fullwidth(grouped),
        f"{plain}万元",
        f"{plain}万",
        f" {plain} ",
        f"\u3000{fullwidth(plain)}\u3000",
        f"{grouped} 万元",
    ]


def refused(text: str) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_amount(text)
    error = caught.value
    assert error.text("zh") and error.text("en"), "a refusal always says why"
    return error


@pytest.mark.parametrize("typed", ["1610.68", "1,610.68", "１６１０．６８", "1610.68万元", " 1610.68 "])
def test_the_ways_people_type_an_amount_all_mean_it(typed: str) -> None:
    assert parse_amount(typed) == Decimal("1610.68")


@given(AMOUNTS, st.data())
def test_every_spelling_of_an_amount_reads_as_that_amount(value: Decimal, data: st.DataObject) -> None:
    typed = data.draw(st.sampled_from(spellings(value)))
    assert parse_amount(typed) == value


@given(AMOUNTS)
def test_format_then_parse_gives_the_amount_back(value: Decimal) -> None:
    assert parse_amount(format_amount(value)) == value
    assert format_amount(parse_amount(f"{value:,.2f}")) == format_amount(value)


def test_blank_is_no_amount_not_zero() -> None:
    assert parse_amount("") is None
    assert parse_amount(" \u3000 ") is None


@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=1, max_size=8))
def test_letters_are_not_a_number(word: str) -> None:
    assert refused(word).code == "not_a_number"


def test_abc_is_refused_quoting_what_was_typed() -> None:
    error = refused("abc")
    assert error.code == "not_a_number"
    assert "abc" in error.text("zh")


@given(st.lists(st.integers(min_value=0, max_value=999), min_size=3, max_size=5))
def test_more_than_one_decimal_point_is_named(parts: list[int]) -> None:
    assert refused(".".join(map(str, parts))).code == "many_points"


@pytest.mark.parametrize("zero", [0x0660, 0x06F0], ids=["arabic-indic", "extended-arabic-indic"])
@given(value=AMOUNTS)
def test_arabic_indic_digits_are_refused(zero: int, value: Decimal) -> None:
    typed = "".join(chr(zero + int(c)) if c.isdigit() else c for c in f"{value:.2f}")
    assert refused(typed).code == "not_a_number"


@given(st.text(alphabet="⁰¹²³⁴⁵⁶⁷⁸⁹", min_size=1, max_size=6))
def test_superscript_digits_are_refused(typed: str) -> None:
    assert refused(typed).code == "not_a_number"


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=-9, max_value=9), st.sampled_from("eE"))
def test_scientific_notation_is_refused(mantissa: int, exponent: int, letter: str) -> None:
    assert refused(f"{mantissa}{letter}{exponent}").code == "not_a_number"


@given(
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    st.integers(min_value=3, max_value=8),
    st.integers(min_value=1, max_value=9),
)
def test_more_than_two_decimals_is_refused_not_rounded(value: Decimal, places: int, last: int) -> None:
    typed = f"{value:.2f}" + "0" * (places - 3) + str(last)
    assert refused(typed).code == "amount_places"


@given(st.decimals(min_value=MAX_AMOUNT + Decimal("0.01"), max_value=Decimal(10) ** 20, places=2, allow_nan=False))
def test_an_absurd_size_is_refused_as_a_typing_slip(value: Decimal) -> None:
    assert refused(f"{value:.2f}").code == "too_large"


def test_a_negative_amount_is_refused_where_it_cannot_be() -> None:
    assert refused("-5").code == "negative"
    assert parse_amount("-5", allow_negative=True) == Decimal("-5.00")


@pytest.mark.parametrize("typed", ["-0", "-0.00", "－０", "-0万元", "-0元"])
def test_minus_zero_is_zero_not_a_negative_amount(typed: str) -> None:
    """Issue 19.6: `-0` was refused as negative here and kept as "-0.00" where a sign is allowed."""
    assert str(parse_amount(typed)) == "0.00"
    assert str(parse_amount(typed, allow_negative=True)) == "0.00"
    assert parse_count(typed.removesuffix("万元").removesuffix("元")) == 0


@given(COUNTS)
def test_full_width_counts_read_as_the_number(count: int) -> None:
    assert parse_count(fullwidth(str(count))) == count
    assert parse_count(f"{fullwidth(str(count))}人") == count
    assert parse_count(f"{count:,}") == count


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=1, max_value=9))
def test_a_count_with_a_fraction_is_refused(whole: int, tenth: int) -> None:
    with pytest.raises(InputError) as caught:
        parse_count(f"{whole}.{tenth}")
    assert caught.value.code == "not_whole"


def test_a_count_above_the_limit_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_count(str(MAX_COUNT + 1))
    assert caught.value.code == "too_large"
