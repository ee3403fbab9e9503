"""Reading what a person typed: money, counts, measured values, dates and pasted text.

One parser for every screen, the CLI and the TOML loader. It accepts what a finance officer
means when typing through a Chinese input method (full-width digits and punctuation,
thousands separators, a trailing 万元/元/人, stray spaces) and refuses anything else with an
`InputError` whose message says, in words an officer understands, what is wrong.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from store.refusal import Refusal

#: Largest amount accepted, in 万元 (a trillion yuan): anything above is a typing slip.
MAX_AMOUNT = Decimal("99999999.99")
#: Largest count accepted (people, items).
MAX_COUNT = 9_999_999
#: Largest indicator value accepted, in its own unit.
MAX_NUMBER = Decimal("999999999999")

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x3002: 0x2E, 0x2212: 0x2D, 0x2013: 0x2D, 0xFE63: 0x2D})
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\ufeff]+")
_NUMERIC = re.compile(r"[0-9.,]+")
_PLAIN = re.compile(r"[0-9]*\.?[0-9]*")
_GROUPED = re.compile(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?")
# Characters Word's XML cannot hold: C0 controls except tab/newline, DEL-range C1, non-characters.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
#: Characters that print as nothing (zero-width spaces and joiners, direction marks, soft hyphen,
#: byte-order mark): pasted from web pages and Word, they make two equal-looking names differ.
INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
_DATE_PATTERNS = (
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?"),
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


class InputError(Refusal, ValueError):
    """What was typed cannot be read; the reason quotes (the start of) what was typed."""

    def __init__(self, code: str, **params: object) -> None:
        if isinstance(params.get("text"), str):
            params["text"] = _echo(str(params["text"]))
        super().__init__(code, **params)


#: How much of what was typed a reason quotes back (a pasted page would drown the message).
ECHO_LIMIT = 24


def _echo(text: str) -> str:
    """What was typed, as a reason quotes it: on one line, control characters shown as �, cut short with …."""
    shown = _CONTROL.sub("\ufffd", " ".join(text.split()))
    return shown if len(shown) <= ECHO_LIMIT else shown[: ECHO_LIMIT - 1] + "…"


def _normalise(text: str) -> str:
    """Full-width forms to ASCII, every kind of space removed."""
    return _SPACES.sub("", text.translate(_FULLWIDTH))


def _strip_suffix(text: str, suffixes: tuple[str, ...]) -> tuple[str, str]:
    for suffix in suffixes:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)], suffix
    return text, ""


def _split_sign(text: str) -> tuple[int, str]:
    if text.startswith(("+", "-")):
        return (-1 if text[0] == "-" else 1), text[1:]
    return 1, text


def _decimal(digits: str, original: str) -> Decimal:
    """Plain or comma-grouped ASCII decimal digits to Decimal, or a reason why not."""
    if not digits or digits == "." or not _NUMERIC.fullmatch(digits):
        raise InputError("not_a_number", text=original)
    if "," in digits:
        if not _GROUPED.fullmatch(digits):
            raise InputError("bad_grouping", text=original)
        digits = digits.replace(",", "")
    if not _PLAIN.fullmatch(digits):
        if digits.count(".") > 1:
            raise InputError("many_points", text=original)
        raise InputError("not_a_number", text=original)
    try:
        return Decimal(digits)
    except InvalidOperation:
        raise InputError("not_a_number", text=original) from None


def _places(value: Decimal) -> int:
    """Decimal places that carry a digit (1.50 → 1), exactly, however many digits were typed."""
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        return 0
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing_zeros) if any(digits) else 0


def _unsigned_zero(value: Decimal) -> Decimal:
    """`-0` typed is zero, not a negative amount: Decimal keeps the sign of zero ("-0.00"), this drops it."""
    return value if value else value.copy_abs()


def parse_amount(text: str, *, allow_negative: bool = False) -> Decimal | None:
    """Money in 万元 with at most two decimals; None when blank.

    `1,610.68`, `１６１０．６８`, `1610.68万元` and ` 1610.68 ` all give Decimal("1610.68");
    `16106800元` is converted to 1610.68 万元.
    """
    compact = _normalise(text)
    if not compact:
        return None
    body, unit = _strip_suffix(compact, ("万元", "万", "元"))
    sign, body = _split_sign(body)
    value = _decimal(body, text.strip())
    if unit == "元":
        value = value / 10000
    if _places(value) > 2:
        raise InputError("amount_places_yuan" if unit == "元" else "amount_places", text=text.strip())
    if sign < 0 and value and not allow_negative:
        raise InputError("negative", text=text.strip())
    if value > MAX_AMOUNT:
        raise InputError("too_large", text=text.strip())
    return _unsigned_zero((sign * value).quantize(Decimal("0.01")))


def parse_count(text: str, *, allow_negative: bool = False) -> int | None:
    """A whole number of people or items; None when blank.

    Accepts `55`, `５５人`, `1,200`, `3辆`, `12批次`, `120人次`; with `allow_negative`, also `-3`, `增加5`, `减少3`.
    """
    compact = _normalise(text)
    if not compact:
        return None
    sign = 1
    if allow_negative:
        for word, word_sign in (("增加", 1), ("减少", -1)):
            if compact.startswith(word):
                compact, sign = compact[len(word) :], word_sign
                break
    body, _ = _strip_suffix(compact, ("人次", "批次", "人", "名", "个", "项", "家", "辆", "次", "批"))
    body_sign, body = _split_sign(body)
    try:
        value = _decimal(body, text.strip())
    except InputError as error:
        if error.code == "not_a_number":  # (its reason speaks of money: 可带“万元”)
            raise InputError("not_a_count", text=text.strip()) from None
        raise
    if value != value.to_integral_value():
        raise InputError("not_whole", text=text.strip())
    if body_sign * sign < 0 and value and not allow_negative:
        raise InputError("negative", text=text.strip())
    if value > MAX_COUNT:
        raise InputError("too_large", text=text.strip())
    return sign * body_sign * int(value)


def parse_number(text: str) -> Decimal | None:
    """A measured value (indicator target or actual), up to four decimals; None when blank.

    A trailing `%` is dropped: the unit is kept beside the value, not in it.
    """
    compact = _normalise(text)
    if not compact:
        return None
    body, _ = _strip_suffix(compact, ("%",))
    sign, body = _split_sign(body)
    value = _decimal(body, text.strip())
    if _places(value) > 4:
        raise InputError("number_places", text=text.strip())
    if value > MAX_NUMBER:
        raise InputError("too_large", text=text.strip())
    return _unsigned_zero(sign * value.normalize() if _places(value) else sign * value.quantize(Decimal(1)))


def parse_date(text: str) -> date | None:
    """A calendar date: `2020年9月21日`, `2020-09-21`, `2020/9/21`, `2020.9.21`, `20200921`."""
    compact = _normalise(text)
    if not compact:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(compact)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                value = date(year, month, day)
            except ValueError:
                raise InputError("no_such_date", text=text.strip()) from None
            if not 1949 <= year <= 2100:
                raise InputError("date_range", text=text.strip())
            return value
    raise InputError("not_a_date", text=text.strip())


def parse_year(text: str) -> int | None:
    """A fiscal year, 1949 to 2100; `２０１９`, `2019年` accepted."""
    compact = _normalise(text)
    if not compact:
        return None
    body, _ = _strip_suffix(compact, ("年度", "年"))
    if not re.fullmatch(r"[0-9]{4}", body):
        raise InputError("not_a_year", text=text.strip())
    year = int(body)
    if not 1949 <= year <= 2100:
        raise InputError("date_range", text=text.strip())
    return year


def clean_text(text: str, *, multiline: bool = True) -> str:
    """Text with what a Word file cannot hold taken out; nothing a person wrote is lost.

    Windows and old-Mac line ends become newlines; Word's manual line break (\\v) and page
    break (\\f) become newlines; other control characters are dropped; tabs stay. Without
    `multiline`, newlines become single spaces and the ends are trimmed (names, titles).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\f", "\n")
    text = INVISIBLE.sub("", _XML_INVALID.sub("", text))
    if not multiline:
        return " ".join(part.strip() for part in text.split("\n") if part.strip()).strip()
    return text


def format_amount(value: Decimal | None) -> str:
    """Money as the report prints it: two decimals, no grouping (1610.68); blank for None."""
    return "" if value is None else f"{value:.2f}"


def format_number(value: Decimal | None) -> str:
    """An indicator value without trailing zeros (99.32, 30, 8.79); blank for None."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_date(value: date | None) -> str:
    """A date as official writing prints it: 2020年9月21日."""
    return "" if value is None else f"{value.year}年{value.month}月{value.day}日"


def format_day(text: str) -> str:
    """A date kept as text ("2020-09-21", a `day` field) as official writing prints it: 2020年9月21日; "" stays ""."""
    return format_date(date.fromisoformat(text)) if text else ""
