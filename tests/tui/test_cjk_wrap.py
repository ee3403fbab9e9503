"""The long preview's line breaking (issue 23): Chinese punctuation stays with its text as Word and WPS keep it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.widgets.cjk_wrap import NO_END, NO_START, wrap

SENTENCE = "项目总投资一千二百万元（含中央补助五百万元）。"


def test_a_sentence_ending_exactly_at_the_width_keeps_its_closing_marks_on_its_line():
    width = cell_len(SENTENCE)
    assert wrap(SENTENCE + "下一年度继续实施。", width) == [SENTENCE, "下一年度继续实施。"]


def test_closing_marks_past_the_width_take_the_character_before_them_down():
    """One cell short, "）。" would begin the line: "元）。" goes down together."""
    lines = wrap(SENTENCE, cell_len(SENTENCE) - 1)
    assert lines == ["项目总投资一千二百万元（含中央补助五百万", "元）。"]


def test_an_opening_bracket_at_the_end_of_a_line_goes_down_with_what_it_opens():
    text = "项目总投资一千二百万元（含中央补助）"
    width = cell_len("项目总投资一千二百万元（")
    assert wrap(text, width) == ["项目总投资一千二百万元", "（含中央补助）"]


def test_a_percentage_is_not_cut_from_its_number():
    assert wrap("资金到位率为98.5%，执行到位", cell_len("资金到位率为98.5")) == ["资金到位率为", "98.5%，执行到位"]
    assert wrap("预算执行率为100%。", cell_len("预算执行率为100%")) == ["预算执行率为", "100%。"]


def test_ascii_closing_marks_do_not_begin_a_line():
    text = "详见附表(一),共三项"
    assert wrap(text, cell_len("详见附表(一")) == ["详见附表", "(一),共三项"]


def test_dashes_and_ellipses_stay_whole():
    assert wrap("绩效目标——产出", cell_len("绩效目标—")) == ["绩效目", "标——产出"]
    assert wrap("包括培训……等", cell_len("包括培训…")) == ["包括培", "训……等"]


def test_a_run_of_closing_marks_wider_than_the_line_is_cut_at_the_width():
    assert wrap("）" * 7, 6) == ["）））", "）））", "）"]


def test_words_break_at_spaces_and_lose_them():
    assert wrap("Performance evaluation report", 12) == ["Performance", "evaluation", "report"]


def test_a_character_wider_than_the_width_still_makes_a_line():
    assert wrap("绩效", 1) == ["绩", "效"]


def may_break(before: str, after: str) -> bool:
    """The rules as a person reads them (no spaces in the text below): no closing mark first, no opening mark last, no word cut."""
    return after not in NO_START and before not in NO_END and not (before + after).isascii()


@given(
    text=st.text(alphabet="绩效目标产出ab12.%，。（）《》“”、", min_size=1, max_size=60),
    width=st.integers(min_value=2, max_value=30),
)
def test_wrapped_lines_fit_keep_the_text_and_break_by_the_rules_where_they_can(text, width):
    lines = wrap(text, width)
    assert "".join(lines) == text
    assert all(cell_len(line) <= width for line in lines)
    for before, after in zip(lines, lines[1:], strict=False):
        if not may_break(before[-1], after[0]):
            assert not any(may_break(a, b) for a, b in zip(before, before[1:], strict=False)), (before, after)
