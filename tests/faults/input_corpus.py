"""What people type (or paste) into jixiao's fields, and what each must become.

Each entry is (field path, typed text, expected): the expected value the field then holds,
or `Refused(code)` — the reason the field must show. Shared by the store-level test and the
test that types every entry through the real widgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Refused:
    """The input must be refused with this catalogue reason, and nothing saved."""

    code: str


AMOUNT = "figures.spent"
SIGNED_AMOUNT = "figures.carried_out"
COUNT = "staff_total"
SIGNED_COUNT = "staff_change"
DATE = "sign_date"
NUMBER = "results[0].indicators[0].target"
TEXT = "texts.preamble"
LINE = "unit_name"
ITEM = "duties[0]"

PASTE = ("绩效评价报告正文。" * 12_500)[:100_000]

CORPUS: list[tuple[str, str, object]] = [
    # money, in 万元
    (AMOUNT, "1610.68", Decimal("1610.68")),
    (AMOUNT, "1,610.68", Decimal("1610.68")),
    (AMOUNT, "１６１０．６８", Decimal("1610.68")),
    (AMOUNT, "１，６１０．６８", Decimal("1610.68")),
    (AMOUNT, "1610.68万元", Decimal("1610.68")),
    (AMOUNT, " 1610.68 万 元 ", Decimal("1610.68")),
    (AMOUNT, "1610.68万", Decimal("1610.68")),
    (AMOUNT, "16106800元", Decimal("1610.68")),
    (AMOUNT, "1610。68", Decimal("1610.68")),
    (AMOUNT, "1\u00a0610.68", Decimal("1610.68")),
    (AMOUNT, "+5", Decimal("5.00")),
    (AMOUNT, "0", Decimal("0.00")),
    (AMOUNT, ".5", Decimal("0.50")),
    (AMOUNT, "1610.680", Decimal("1610.68")),
    (AMOUNT, "99999999.99", Decimal("99999999.99")),
    (AMOUNT, "", None),
    (AMOUNT, "-5", Refused("negative")),
    (AMOUNT, "－５", Refused("negative")),
    (AMOUNT, "1.234", Refused("amount_places")),
    (AMOUNT, "1.0000000000000000000000000000001", Refused("amount_places")),
    (AMOUNT, "1610.68元", Refused("amount_places_yuan")),
    (AMOUNT, "1,6,10", Refused("bad_grouping")),
    (AMOUNT, "1.610,68", Refused("bad_grouping")),
    (AMOUNT, "1..5", Refused("many_points")),
    (AMOUNT, "100000000", Refused("too_large")),
    (AMOUNT, "9" * 400, Refused("too_large")),
    (AMOUNT, "abc", Refused("not_a_number")),
    (AMOUNT, "一千万", Refused("not_a_number")),
    (AMOUNT, "￥1,610.68", Refused("not_a_number")),
    (AMOUNT, "1e5", Refused("not_a_number")),
    (AMOUNT, "NaN", Refused("not_a_number")),
    (AMOUNT, "Infinity", Refused("not_a_number")),
    (AMOUNT, "💰", Refused("not_a_number")),
    (AMOUNT, "16\x0010.68", Refused("not_a_number")),
    (AMOUNT, "١٢٣", Refused("not_a_number")),
    (AMOUNT, PASTE, Refused("not_a_number")),
    (SIGNED_AMOUNT, "-12.30", Decimal("-12.30")),
    (SIGNED_AMOUNT, "－１２．３万元", Decimal("-12.30")),
    # counts of people
    (COUNT, "55", 55),
    (COUNT, "５５人", 55),
    (COUNT, "1,200", 1200),
    (COUNT, "55.0", 55),
    (COUNT, "55 名", 55),
    (COUNT, "", None),
    (COUNT, "55.5", Refused("not_whole")),
    (COUNT, "-3", Refused("negative")),
    (COUNT, "-0", 0),
    (COUNT, "增加5", Refused("not_a_count")),
    (COUNT, "１２３４５６７８９０", Refused("too_large")),
    (COUNT, "五十五", Refused("not_a_count")),
    (SIGNED_COUNT, "增加5", 5),
    (SIGNED_COUNT, "减少３人", -3),
    (SIGNED_COUNT, "-3", -3),
    (SIGNED_COUNT, "增加", Refused("not_a_count")),
    (SIGNED_COUNT, "减少", Refused("not_a_count")),
    # dates
    (DATE, "2020年9月21日", date(2020, 9, 21)),
    (DATE, "２０２０年９月２１日", date(2020, 9, 21)),
    (DATE, "2020-09-21", date(2020, 9, 21)),
    (DATE, "2020/9/21", date(2020, 9, 21)),
    (DATE, "2020.9.21", date(2020, 9, 21)),
    (DATE, "20200921", date(2020, 9, 21)),
    (DATE, "2020 年 9 月 21 日", date(2020, 9, 21)),
    (DATE, "", None),
    (DATE, "2020-02-30", Refused("no_such_date")),
    (DATE, "1900-01-01", Refused("date_range")),
    (DATE, "二〇二〇年九月二十一日", Refused("not_a_date")),
    (DATE, "21/09/2020", Refused("not_a_date")),
    (DATE, "2020年9月", Refused("not_a_date")),
    (DATE, "📅", Refused("not_a_date")),
    # indicator values
    (NUMBER, "99.32", Decimal("99.32")),
    (NUMBER, "９９．３２％", Decimal("99.32")),
    (NUMBER, "1,234.5678", Decimal("1234.5678")),
    (NUMBER, "1.23456", Refused("number_places")),
    (NUMBER, "30亿元", Refused("not_a_number")),
    # prose and names
    (TEXT, "街道积极参与绩效评价。", "街道积极参与绩效评价。"),
    (TEXT, "第一段\r\n第二段", "第一段\n第二段"),
    (TEXT, "Word 软回车\v分页\f完", "Word 软回车\n分页\n完"),
    (TEXT, "控制\x00字符\x07\x1b删掉", "控制字符删掉"),
    (TEXT, "表情😀🎉保留", "表情😀🎉保留"),
    (TEXT, "制表\t保留", "制表\t保留"),
    (TEXT, "", ""),
    (TEXT, PASTE, PASTE),
    (LINE, "长沙市开福区\n月湖街道办事处", "长沙市开福区 月湖街道办事处"),
    (LINE, "  月湖街道  ", "月湖街道"),
    (LINE, "月湖\u200b街道\u2060", "月湖街道"),
    (LINE, "", Refused("required")),
    (LINE, "\x00\x01", Refused("required")),
    (ITEM, "贯彻执行国家法律😀", "贯彻执行国家法律😀"),
]
