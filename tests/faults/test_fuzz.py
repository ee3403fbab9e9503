"""Fuzzing: hypothesis makes whole reports — CJK, emoji, control characters, long texts, empty
sections, figures at the parser's limits — and every way out of jixiao must hold them.

- TOML (codec + tomli-w/tomllib, and the exchange module): a clean report round-trips
  exactly; a report with characters Word cannot hold comes back cleaned, and from then on
  round-trips exactly too.
- The report file: what is written with `add_report` loads back the same, and the
  exchange text dumped from the file reads back the same.
- Markdown and DOCX export never raise, and the DOCX opens again in python-docx.

Example counts are kept small so the normal suite stays fast; the shapes are varied enough
that each run covers empty and full sections alike.
"""

from __future__ import annotations

import re
import string
import tempfile
from datetime import date
from decimal import Decimal
from html import unescape
from pathlib import Path

import docx
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exporters import export_report, to_markdown
from store import codec, exchange, fields
from store.model import (
    FIGURE_KEYS,
    TEXT_KEYS,
    Body,
    EconLine,
    Indicator,
    OrgGroup,
    Report,
    SanGongItem,
    StaffLine,
    TitledItem,
)
from store.parse import MAX_AMOUNT, MAX_COUNT, MAX_NUMBER, clean_text
from store.repository import Store

# --- what goes into a report ---------------------------------------------------------

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_EMOJI = st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)
_PUNCT = st.sampled_from(list("，。、；：？！“”‘’（）《》—…·％") + list(string.punctuation))
_SPACE = st.sampled_from([" ", "\u3000", "\t", "\u00a0"])
_CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.sampled_from(["\x7f", "\x85", "\ufffe"])

_clean_char = st.one_of(_CJK, _EMOJI, _PUNCT, _SPACE, st.characters(min_codepoint=0x20, max_codepoint=0x7E))
_any_char = _clean_char | _CONTROL | st.just("\n") | st.just("\r")


def _line(chars: st.SearchStrategy[str], min_size: int = 0) -> st.SearchStrategy[str]:
    """A one-line name or title: what a one-line field can hold once cleaned."""
    return st.text(chars, min_size=min_size, max_size=40).map(lambda text: clean_text(text, multiline=False))


def _prose(chars: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Prose: empty, a few words, or long (a paragraph repeated to a few thousand characters)."""
    return st.one_of(
        st.just(""),
        st.text(chars | st.just("\n"), max_size=120),
        st.text(chars, min_size=20, max_size=60).map(lambda paragraph: (paragraph + "\n") * 60),
    )


def _amount(low: Decimal = Decimal(0)) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=low, max_value=MAX_AMOUNT, places=2, allow_nan=False, allow_infinity=False)


_optional_amount = st.none() | _amount()
_number = st.decimals(min_value=-MAX_NUMBER, max_value=MAX_NUMBER, places=4, allow_nan=False, allow_infinity=False)
_count = st.integers(min_value=0, max_value=MAX_COUNT)
#: The single lines of the hand-in forms, by their kind in store/fields.toml (prose for any other text).
_TEXT_KINDS = {
    "line": _line(_clean_char),
    "phone": st.just("") | st.from_regex(r"\A(?:0[0-9]{2,3}-)?[0-9]{7,8}\Z"),  # [0-9]: \d takes full-width digits
    "code": st.just("") | st.from_regex(r"\A[0-9A-Za-z][0-9A-Za-z.\-]{0,20}\Z"),
    "day": st.just("") | st.dates(min_value=date(1949, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat),
}


@st.composite
def reports(draw: st.DrawFn, *, clean: bool = True) -> Report:
    """A whole report; `clean` keeps to characters every format holds, else anything may be typed."""
    chars = _clean_char if clean else _any_char
    prose = _prose(chars)
    name = _line(_clean_char, min_size=1).filter(bool)
    lists = {"max_size": 6}
    report = Report(
        unit_name=draw(name),
        fiscal_year=draw(st.integers(min_value=1949, max_value=2100)),
        unit_short=draw(_line(chars)),
        title=draw(name),
        sign_unit=draw(_line(chars)),
        sign_date=draw(st.none() | st.dates(min_value=date(1949, 1, 1), max_value=date(2100, 12, 31))),
        staff_total=draw(st.none() | _count),
        staff_change=draw(st.none() | st.integers(min_value=-MAX_COUNT, max_value=MAX_COUNT)),
        authorised_posts=draw(st.none() | _count),
        texts={key: draw(_TEXT_KINDS.get(fields.kind_of(f"texts.{key}"), prose)) for key in TEXT_KEYS},
        figures={
            key: draw(
                st.none()
                | (
                    _count
                    if fields.kind_of(f"figures.{key}") == "count"
                    else _amount(-MAX_AMOUNT if key.startswith("carried") else Decimal(0))
                )
            )
            for key in FIGURE_KEYS
        },
        created_at="2020-09-21T09:00:00",
        updated_at="2020-09-21T09:00:00",
    )
    report.org_groups = draw(
        st.lists(
            st.builds(OrgGroup, _line(chars), st.lists(st.builds(Body, name, st.lists(name, max_size=3)), **lists)),
            max_size=4,
        )
    )
    report.staff_lines = draw(st.lists(st.builds(StaffLine, _line(chars), _count), **lists))
    for key in ("duties", "efficiency_points", "problems", "remedies"):
        setattr(report, key, draw(st.lists(prose, **lists)))
    for key in ("basic_lines", "project_lines"):
        setattr(report, key, draw(st.lists(st.builds(EconLine, _line(chars), _amount()), **lists)))
    report.sangong = draw(
        st.lists(st.builds(SanGongItem, name, _optional_amount, _optional_amount, _optional_amount), **lists)
    )
    indicator = st.builds(Indicator, name, st.none() | _number, st.none() | _number, _line(chars))
    titled = st.builds(TitledItem, _line(chars), prose, st.lists(indicator, max_size=3))
    report.assets = draw(st.lists(titled, **lists))
    report.results = draw(st.lists(titled, **lists))
    return report


def _toml(report: Report) -> str:
    """The exchange text of one report, as `jixiao dump` writes it."""
    return tomli_w.dumps(codec.reports_to_data([report]), multiline_strings=True)


FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
SLOW = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

# --- properties ------------------------------------------------------------------------


@FAST
@given(reports())
def test_toml_round_trip_is_exact(report: Report) -> None:
    text = _toml(report)
    (back,) = exchange.read(text)
    assert back == report
    assert _toml(back) == text


@FAST
@given(reports(clean=False))
def test_toml_cleans_what_word_cannot_hold_then_round_trips(report: Report) -> None:
    (once,) = exchange.read(_toml(report))
    (twice,) = exchange.read(_toml(once))
    assert twice == once
    text = _toml(once)
    assert all(ch in "\t\n" or ch >= " " for ch in text if ch not in "\x7f\x85"), "a control character survived"


@SLOW
@given(reports(clean=False))
def test_report_file_holds_what_was_written(report: Report) -> None:
    (cleaned,) = exchange.read(_toml(report))
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "报告.db") as store:
        report_id = store.add_report(cleaned, keep_times=True)
        loaded = store.load(report_id)
        text = exchange.dump(store)
    loaded.id, loaded.revision = None, 0
    assert loaded == cleaned
    assert exchange.read(text) == [cleaned]


def _words(text: str) -> str:
    return " ".join(text.split())


@FAST
@given(reports(clean=False))
def test_markdown_export_never_raises_and_shows_the_title_as_typed(report: Report) -> None:
    """Whatever the title holds (`#`, `*`, `[`, `<`…), a Markdown viewer shows it as written."""
    html = MarkdownIt().render(to_markdown(report))
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S)
    assert heading is not None
    assert _words(unescape(re.sub(r"<[^>]+>", "", heading[1]))) == _words(clean_text(report.title, multiline=False))


@SLOW
@given(reports(clean=False))
def test_docx_export_never_raises_and_reopens(report: Report) -> None:
    with tempfile.TemporaryDirectory() as folder:
        written = export_report(report, "docx", Path(folder) / "报告.docx")
        document = docx.Document(str(written))
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert clean_text(report.title, multiline=False) in body


_SAMPLE = (Path(__file__).resolve().parents[2] / "samples" / "yuehu-2019.toml").read_text(encoding="utf-8")


@st.composite
def damaged_exchange_texts(draw: st.DrawFn) -> str:
    """The seed's exchange file with a slice cut out, replaced or doubled: a mangled e-mail attachment."""
    start = draw(st.integers(0, len(_SAMPLE)))
    end = draw(st.integers(start, min(len(_SAMPLE), start + 200)))
    middle = draw(st.one_of(st.just(""), st.text(_any_char, max_size=20), st.just(_SAMPLE[start:end] * 2)))
    return _SAMPLE[:start] + middle + _SAMPLE[end:]


@FAST
@given(damaged_exchange_texts())
def test_a_damaged_exchange_file_is_read_or_refused_with_a_reason(text: str) -> None:
    try:
        reports = exchange.read(text.encode("utf-8"))
    except exchange.ExchangeError as error:
        reason = error.text("en")
        assert reason and "Traceback" not in reason
        return
    assert all(isinstance(report, Report) for report in reports)
