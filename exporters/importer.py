"""A report document (read by exporters.readers) placed into a Report: the composer run backwards.

The document is cut at its numbered headings (一、 （一） 1. 1） （1）, full- or half-width,
mixed as real files mix them); each heading is matched, by its words rather than its number,
against an outline held as data (exporters.import_outlines), and the outline whose headings
match best is used. The paragraphs under a heading go to the reader its outline node names:
a narrative block, a numbered list, titled points, the organisation, staff, the budget
figures, a breakdown by economic category, 三公. Sentences that state figures (实际到位…万元，
其中…; 基本支出…占…%) become figures and are not also kept as prose. Tables become figures,
breakdowns, 三公 items or indicators. The title gives the unit and year, the signature the
signing unit and date.

Nothing is dropped: whatever could not be placed is kept, with the heading it sat under, in
`Imported.unplaced` (stored in the report's 未归类 list), for the officer to move or delete.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path

from exporters.decompose.figures import digits, figure_sentence, money
from exporters.decompose.placer import ALL_FIGURES, Placer, Unplaced
from exporters.decompose.tables import body as _body
from exporters.decompose.tables import grid as _grid
from exporters.decompose.tables import indicator_table, indicators
from exporters.decompose.tables import top_split as _top_split
from exporters.import_outlines import Node, Outline, known
from exporters.readers import Grid, Note, Para, Piece, read_document
from store import fieldfile
from store.model import TITLED_LISTS, EconLine, OrgGroup, Report, SanGongItem, StaffLine, TitledItem
from store.refusal import Refusal
from store.repository import Store

_CN_NUM = "一二三四五六七八九十"
_MARKER = re.compile(
    r"\s*(?:"
    r"[一二三四五六七八九十]{1,3}\s*[、.．]"
    r"|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]\s*[、.．]?"
    r"|[（(]\s*\d{1,2}\s*[）)]\s*[、.．]?"
    r"|\d{1,2}\s*[）)]\s*[、.．]?"
    r"|\d{1,2}\s*(?:[、．]|\.(?!\d))"
    r")\s*"
)
#: Characters ignored when heading words are compared.
_NOISE = re.compile(r"[\s“”\"'‘’（）()、，,。.．：:；;！!？?《》〈〉【】\-—]")
#: A heading holds no sentence: none of these inside it.
_SENTENCE_MARKS = re.compile(r"[。；;，,！!？?：:]")
#: Least score for a numbered line to be taken as a heading, and for a line without a number.
NUMBERED_HEADING, BARE_HEADING = 0.65, 0.85
#: Fewer matched headings than this and the document is not taken for a report.
MIN_HEADINGS = 3
_MONEY = r"(?P<num>-?\d[\d,，]*(?:\.\d+)?)\s*(?P<unit>万元|万|元)"
_DATE = re.compile(
    r"(?P<y>\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_TITLE = re.compile(r"(?P<unit>.*?)(?P<year>(?:19|20)\d{2})\s*年度?(?P<rest>.*)")
_OPENING = re.compile(r"(?P<short>[^\d，,。；;：:]{2,20}?)的?(?P<year>(?:19|20)\d{2})\s*年度?")
_NOTE = re.compile(r"\s*(?:附件?|注|备注|说明)\s*[:：\d]")
_CAPTION = re.compile(r"(?:附表\s*\d+|表\s*\d+|单位\s*[:：])")
_ECON_ITEM = re.compile(
    r"(?P<label>[^,，。;；:：]+?)\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*万元\s*[,，]?\s*[（(]?\s*占(?P<whole>基本|项目)支出(?:总额)?的?"
    r"\s*[\d.]+\s*%"
)
_ECON_TOTAL = re.compile(
    r"(?:^|(?<=[，,。；;]))\s*(?:\d{4}年\S{0,12}的)?(?P<whole>基本|项目)支出(?:总额|合计)?为?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*万元"
)
#: The categories of the 经济分类 by which spending is broken down.
ECON_CATEGORIES = (
    "工资福利支出",
    "商品和服务支出",
    "对个人和家庭的补助",
    "资本性支出",
    "对企业补助",
    "债务利息及费用支出",
    "其他支出",
)
_ECON_BARE = re.compile(
    "(?P<label>"
    + "|".join(ECON_CATEGORIES)
    + r")(?:支出)?\s*为?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*万元(?!\s*[，,]?\s*[（(]?\s*占)"
)
_SANGONG_NAME = re.compile(
    r"(?P<name>[^，,；;。]*?(?:出国|出境|接待|用车|公车|车辆)[^，,；;。\d]*?)(?=预算|实际|本年|未发生|支出|为|上年|\d|$)"
)
_SANGONG_VALUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("last_year", re.compile(r"上年(?:实际)?(?:发生|支出)?(?:数|额)?为?\s*" + _MONEY)),
    ("budget", re.compile(r"预算(?:数|额)?为?\s*" + _MONEY)),
    ("actual", re.compile(r"(?:实际|决算)(?:发生|支出)?(?:数|额)?为?\s*" + _MONEY)),
)


def _words(key: str) -> str:
    """The words a document names a field by (store/fields.toml `import`), as one regex alternation."""
    entry = fieldfile.load().get(key)
    return "|".join(entry.words) if entry is not None else ""


_STAFF_TOTAL = re.compile(rf"(?:{_words('staff_total')})\D{{0,4}}?(\d+)\s*(?:人|名)")
_STAFF_POSTS = re.compile(rf"(?:{_words('authorised_posts')})\D{{0,4}}?(\d+)\s*(?:人|名|个)")
_STAFF_CHANGE = re.compile(r"[比较与]上年[^。，,\d]*?(?:(增加|增长|减少|下降)[^。，,\d]*?)?(\d+)\s*(?:人|名)")
_STAFF_REASONS = re.compile(r"(?:人员变[化动]的?)?(?:主要)?原因(?:是|为|主要是)?\s*[:：]\s*")


class ImportRefused(Refusal):
    """The document cannot become a report, or the report cannot go into the file."""


@dataclass
class Imported:
    """The report read from a document, which outline matched, what landed where, what did not."""

    report: Report
    outline: str
    unplaced: list[Unplaced] = field(default_factory=list)
    #: How many values landed in each part of the report (by the model's attribute: figures, duties…).
    placed: Counter[str] = field(default_factory=Counter)
    #: What the reader said about the file (revisions, what was approximated), for the summary.
    notes: tuple[Note, ...] = ()


def split_marker(text: str) -> tuple[str, str]:
    """`1）.设置5个…` → ("1）.", "设置5个…"); ("", text) when the paragraph has no item number."""
    match = _MARKER.match(digits(text))
    if not match or match.end() == len(text):
        return "", text
    return text[: match.end()].strip(), text[match.end() :]


def _plain_words(text: str) -> str:
    return _NOISE.sub("", digits(text))


def heading_score(text: str, title: str) -> float:
    """How well a line's words match a heading title, 0 to 1 (containing it counts for 0.75 at least)."""
    a, b = _plain_words(text), _plain_words(title)
    if not a or not b:
        return 0.0
    score = SequenceMatcher(None, a, b).ratio()
    shorter, longer = sorted((a, b), key=len)
    if shorter in longer and len(shorter) >= 2 and len(shorter) * 2 >= len(longer):
        score = max(score, 0.75)
    return score


def _heading_words(text: str) -> str | None:
    """The words of a line that could be a heading (short, no sentence inside), else None."""
    words = text.strip().rstrip("。：:").strip()
    if not 2 <= len(words) <= 50 or _SENTENCE_MARKS.search(words):
        return None
    return words


@dataclass
class _Section:
    node: Node | None
    heading: str
    pieces: list[Piece] = field(default_factory=list)
    known: bool = True


#: Numbers of chapters and sections (一、 （一）), which items in these reports do not use.
_CHAPTER_NUMBER = re.compile(r"[（(]?\s*[一二三四五六七八九十]")


def _cut(pieces: list[Piece], outline: Outline) -> tuple[list[_Section], float]:
    """The pieces cut into sections at the outline's headings; the sum of the heading scores."""
    nodes = outline.nodes()
    used: set[int] = set()
    sections = [_Section(None, "")]
    total = 0.0
    last = -1
    for piece in pieces:
        if isinstance(piece, Para):
            marker, rest = split_marker(piece.text)
            words = _heading_words(rest)
            if words is not None:
                best, best_score = -1, 0.0
                order = list(range(last + 1, len(nodes))) + list(range(last + 1))
                for index in order:
                    if index in used:
                        continue
                    score = max(heading_score(words, title) for title in nodes[index].titles())
                    if score > best_score:
                        best, best_score = index, score
                if best >= 0 and best_score >= (NUMBERED_HEADING if marker else BARE_HEADING):
                    used.add(best)
                    last = best
                    total += best_score
                    sections.append(_Section(nodes[best], piece.text))
                    continue
                if _CHAPTER_NUMBER.match(marker):
                    # A heading of no part jixiao knows: it and all under it go to 未归类.
                    sections.append(_Section(Node(words, "none"), piece.text, [piece], known=False))
                    continue
        sections[-1].pieces.append(piece)
    return sections, total


def _chinese_int(text: str) -> int:
    """十 → 10, 二十一 → 21, 二〇二〇 → 2020 (digit by digit), 9 → 9."""
    if text.isdigit():
        return int(text)
    zeros = {"〇": 0, "○": 0, "零": 0}
    if len(text) == 4:
        return int("".join(str(zeros.get(ch, _CN_NUM.find(ch) + 1)) for ch in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_NUM.index(tens) + 1 if tens else 1) * 10 + (_CN_NUM.index(ones) + 1 if ones else 0)
    return _CN_NUM.index(text) + 1


def parse_sign_date(text: str) -> date | None:
    """A signature date line, `2020年9月21日` or `二〇二〇年九月二十一日`; None if the line is not one."""
    match = _DATE.fullmatch(digits(text).strip())
    if not match:
        return None
    try:
        return date(*(_chinese_int(match[part]) for part in ("y", "m", "d")))
    except ValueError:
        return None


def _sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[。！？!?])", text) if part.strip()]


# --- readers: the paragraphs under one heading --------------------------------------------------


def _paras(ctx: Placer, pieces: list[Piece], kind: str) -> list[str]:
    """The paragraphs among the pieces; each table goes to `_grid` with the caption lines before it."""
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if isinstance(piece, Grid):
            caption = " ".join(p.text for p in pieces[max(0, i - 2) : i] if _is_caption(p))
            if kind in TITLED_LISTS and indicator_table(piece, caption):
                ctx.deferred.append(piece)  # read once the results it belongs to are known
            else:
                _grid(ctx, piece, caption, kind)
        elif not (_is_caption(piece) and _next_is_grid(pieces, i)):
            out.append(piece.text)
    return out


def _next_is_grid(pieces: list[Piece], i: int) -> bool:
    """Whether a table follows the caption at `i`, with at most another caption line between."""
    for piece in pieces[i + 1 : i + 3]:
        if isinstance(piece, Grid):
            return True
        if not _is_caption(piece):
            return False
    return False


def _is_caption(piece: Piece) -> bool:
    return isinstance(piece, Para) and len(piece.text) <= 40 and bool(_CAPTION.match(digits(piece.text)))


#: A ratio the composer works out and prints with its formula (预算执行率为96.91%（实际支出…÷…）).
_WORKED_RATIO = re.compile(r"[^。]*率为\s*[\d.]+\s*%\s*[（(][^。]*÷[^。]*[）)]\s*。?")


def _read_text(ctx: Placer, key: str, pieces: list[Piece]) -> None:
    """A narrative block; a worked-out ratio sentence is the figures' (see `_WORKED_RATIO`), not prose."""
    paras = []
    for p in _paras(ctx, pieces, key):
        kept = "".join(s for s in _sentences(p) if not _WORKED_RATIO.fullmatch(digits(s).strip())).strip()
        if kept:
            paras.append(kept)
    ctx.text(key, paras)


def _read_none(ctx: Placer, _: str, pieces: list[Piece]) -> None:
    for text in _paras(ctx, pieces, ""):
        ctx.keep(text)


def _items(ctx: Placer, paras: list[str]) -> tuple[list[str], list[str]]:
    """Numbered items (a paragraph without a number continues the item before it) and what comes before them.

    A section where no paragraph is numbered is taken as one item a paragraph. A note after
    the items (附：… 注：…) continues none of them: it is kept in 未归类.
    """
    if not any(split_marker(p)[0] for p in paras):
        return paras, []
    items: list[str] = []
    before: list[str] = []
    for p in paras:
        marker, rest = split_marker(p)
        if marker:
            items.append(rest.strip())
        elif items and _NOTE.match(p):
            ctx.keep(p)
        elif items:
            items[-1] += "\n" + p
        else:
            before.append(p)
    return items, before


def _read_list(ctx: Placer, arg: str, pieces: list[Piece]) -> None:
    name, _, intro = arg.partition(":")
    items, before = _items(ctx, _paras(ctx, pieces, name))
    ctx.add(name, items)
    ctx.text(intro, before)


def _titled_item(text: str) -> TitledItem:
    """`制度方面：以区政府…` or `各项指标稳中有进。街道…` → title and body (no title when the first clause is
    long, or is the whole text: one sentence alone is 内容, as the officer would type it)."""
    first = re.search(r"[。：:]", text)
    if first and 0 < first.start() <= 40 and text[first.end() :].strip():
        return TitledItem(text[: first.start()].strip(), text[first.end() :].strip())
    return TitledItem("", text)


def _read_titled(ctx: Placer, arg: str, pieces: list[Piece]) -> None:
    """Titled points, and the words before them into the part's text when it has one (履职效能's intro)."""
    name, _, intro = arg.partition(":")
    items, before = _items(ctx, _paras(ctx, pieces, name))
    titled = [_titled_item(item) for item in items]
    ctx.add(name, titled)
    for table in ctx.deferred:
        indicators(ctx, table, titled)
    ctx.deferred.clear()
    if intro:
        ctx.text(intro, before)
    else:
        for text in before:
            ctx.keep(text)


def _group(text: str, numbered: bool) -> OrgGroup | None:
    """`设置5个党政机构：a、b（加挂c）。` or (numbered) `其他：a，b` → the group; None for prose."""
    text = digits(text).strip()
    match = re.fullmatch(r"设置\s*\d+\s*个(?P<label>[^：:，,。]{1,20})[：:](?P<list>.+)", text)
    if not match and numbered:
        match = re.fullmatch(r"(?P<label>[^：:，,。]{1,12})[：:](?P<list>.+)", text)
    if not match:
        return None
    bodies = [_body(name.rstrip("。；;")) for name in _top_split(match["list"].rstrip("。；;"), "、，,；;")]
    return OrgGroup(match["label"].strip(), bodies)


def _read_org(ctx: Placer, _: str, pieces: list[Piece]) -> None:
    intro: list[str] = []
    groups: list[OrgGroup] = []
    for p in _paras(ctx, pieces, "org"):
        marker, rest = split_marker(p)
        group = _group(rest, bool(marker))
        if group is not None:
            groups.append(group)
        elif not groups:
            intro.append(p)
        else:
            ctx.keep(p)
    ctx.text("org_intro", intro)
    ctx.add("org_groups", groups)


def _staff_lines(text: str) -> list[StaffLine]:
    """`其中在职在编人员44人，转业士官7人` → the categories and counts."""
    match = re.search(r"其中\s*[:：]?(?P<list>.+?)(?=[，,；;]\s*[比较与]上年|[。；;]|$)", text)
    if not match:
        return []
    lines = []
    for part in re.split(r"[，,、；;]", match["list"]):
        found = re.fullmatch(r"\s*(?P<cat>.+?)\s*(?P<n>\d+)\s*(?:人|名)\s*", part)
        if found:
            lines.append(StaffLine(found["cat"].strip("：: "), int(found["n"])))
    return lines


def _read_staff(ctx: Placer, _: str, pieces: list[Piece]) -> None:
    report = ctx.report
    reasons: list[str] = []
    stated = False
    for p in _paras(ctx, pieces, "staff"):
        text = digits(p)
        head, cut, tail = p, None, ""
        found = _STAFF_REASONS.search(text)
        if found:
            cut = found
            head, tail = p[: found.start()], p[found.end() :]
        rest = []
        for sentence in _sentences(head):
            flat = digits(sentence)
            total, posts = _STAFF_TOTAL.search(flat), _STAFF_POSTS.search(flat)
            change, lines = _STAFF_CHANGE.search(flat), _staff_lines(flat)
            if not (total or posts or change or lines):
                rest.append(sentence)
                continue
            stated = True
            if total and report.staff_total is None:
                report.staff_total = int(total[1])
                ctx.placed["staff_total"] += 1
            if posts and report.authorised_posts is None:
                report.authorised_posts = int(posts[1])
                ctx.placed["authorised_posts"] += 1
            if change and report.staff_change is None:
                amount = int(change[2])
                report.staff_change = -amount if change[1] in ("减少", "下降") else amount
                ctx.placed["staff_change"] += 1
            elif "持平" in flat and report.staff_change is None:
                report.staff_change = 0
                ctx.placed["staff_change"] += 1
            if lines and all("编制" in line.category for line in lines):
                # 核定编制50名，其中行政编制13名…: a breakdown of the posts, not of the staff.
                said = "，".join(f"{line.category}{line.count}" for line in lines)
                ctx.doubt(sentence, "import.doubt.not_staff", lines=said, whole="核定编制")
            elif lines and not report.staff_lines:
                ctx.add("staff_lines", lines)
            elif lines and report.staff_lines != lines:
                ctx.doubt(sentence, "import.doubt.again", what="人员构成")
        if cut is not None:
            reasons.append(tail.strip())
        elif reasons or (not stated and "原因" in text):
            reasons.append(p)
            continue
        leftover = "".join(rest).strip()
        if leftover:
            ctx.keep(leftover)
    ctx.text("staff_reasons", reasons)


def _read_budget(ctx: Placer, text_key: str, pieces: list[Piece]) -> None:
    """Stated figures (the sentences stating them are not kept); other prose to `text_key`, else 未归类."""
    prose = []
    for p in _paras(ctx, pieces, "budget"):
        kept = "".join(s for s in _sentences(p) if not figure_sentence(ctx, s, ctx.outline_id)).strip()
        if kept:
            prose.append(kept)
    ctx.text(text_key, prose)


def _econ_sentence(ctx: Placer, sentence: str, whole: str = "") -> bool:
    """Take the breakdown lines (`工资福利支出1448.28万元，占基本支出的89.92%`) of one sentence.

    Lines without their shares are taken when they name the categories of the 经济分类
    (`ECON_CATEGORIES`) and the sentence speaks of the section's own spending (`whole`).
    """
    flat = digits(sentence)
    items = list(_ECON_ITEM.finditer(flat))
    totals = list(_ECON_TOTAL.finditer(flat))
    for found in totals:
        key = "basic_spent" if found["whole"] == "基本" else "project_spent"
        value = money(found["num"], "万元")
        # A total other than the stated figure is the breakdown's own (the seed's 3472.66 of 3472.44): its lines say it.
        if value is not None and ctx.report.figures.get(key) is None:
            ctx.figure(key, value)
    if not items and whole:
        other = "项目" if whole == "基本" else "基本"
        bare = [m for m in _ECON_BARE.finditer(flat) if money(m["num"], "万元") is not None]
        if bare and f"{other}支出" not in flat and len(bare) >= 2:
            which = "basic_lines" if whole == "基本" else "project_lines"
            lines = [EconLine(m["label"], money(m["num"], "万元")) for m in bare]
            if getattr(ctx.report, which):
                ctx.doubt(sentence, "import.doubt.again", what="经济分类明细")
            else:
                ctx.add(which, lines)
            return True
    for found in items:
        value = money(found["num"], "万元")
        label = re.sub(r"^\s*(?:其中|包括)\s*[:：]?", "", sentence[found.start("label") : found.end("label")]).strip()
        if value is None or not label:
            ctx.keep(sentence)
            continue
        ctx.add("basic_lines" if found["whole"] == "基本" else "project_lines", [EconLine(label, value)])
    return bool(items or totals)


def _read_breakdown(ctx: Placer, arg: str, pieces: list[Piece]) -> None:
    """基本支出 / 项目支出: prose before the breakdown is the intro, after it (项目) the management text."""
    intro_key, after_key = ("basic_intro", "") if arg == "basic" else ("project_intro", "project_management")
    before, after = [], []
    seen = False
    for p in _paras(ctx, pieces, arg):
        whole = "基本" if arg == "basic" else "项目"
        kept = "".join(s for s in _sentences(p) if not _econ_sentence(ctx, s, whole)).strip()
        seen = seen or kept != p.strip()
        if not kept:
            continue
        if seen and kept == p.strip():
            after.append(kept)
        else:
            before.append(split_marker(kept)[1] if not seen or kept != p.strip() else kept)
    ctx.text(intro_key, before)
    ctx.text(after_key, after)


def _sangong_items(text: str) -> list[SanGongItem]:
    """`因公出国出境费用本年度未发生经费支出，公务接待费预算数为3万，实际发生0万…` → the items."""
    items: list[SanGongItem] = []
    for clause in re.split(r"[，,；;]", text.rstrip("。")):
        flat = digits(clause)
        named = _SANGONG_NAME.match(flat)
        if named and named["name"].strip():
            items.append(SanGongItem(clause[: named.end("name")].strip()))
        if not items:
            return []
        item = items[-1]
        if "未发生" in flat and item.actual is None:
            item.actual = Decimal("0.00")
        for attr, pattern in _SANGONG_VALUES:
            found = pattern.search(flat)
            if found and getattr(item, attr) is None:
                setattr(item, attr, money(found["num"], found["unit"]))
    return items


def _read_sangong(ctx: Placer, _: str, pieces: list[Piece]) -> None:
    intro, closing = [], []
    for p in _paras(ctx, pieces, "sangong"):
        found = re.search(r"其中\s*[:：]?", p)
        items_text, rest = "", p
        if not ctx.report.sangong and (found or _sangong_items(_sentences(p)[0])):
            head, tail = (p[: found.start()], p[found.end() :]) if found else ("", p)
            sentence = _sentences(tail)[0] if _sentences(tail) else ""
            items = _sangong_items(sentence)
            if items:
                ctx.add("sangong", items)
                intro.append(head.rstrip("，,、 "))
                items_text, rest = sentence, tail[len(sentence) :]
        if items_text:
            closing.append(rest.strip())
        elif ctx.report.sangong:
            closing.append(p)
        else:
            intro.append(p)
    ctx.text("sangong_intro", intro)
    ctx.text("sangong_closing", closing)


READERS = {
    "text": _read_text,
    "none": _read_none,
    "list": _read_list,
    "titled": _read_titled,
    "org": _read_org,
    "staff": _read_staff,
    "budget": _read_budget,
    "basic": _read_breakdown,
    "project": _read_breakdown,
    "sangong": _read_sangong,
}


# --- tables -------------------------------------------------------------------------------------


# --- the whole document -------------------------------------------------------------------------


def _signature(pieces: list[Piece]) -> tuple[int, int, date | None]:
    """Where the signature is: (index of the unit line or -1, index of the date line or -1, the date)."""
    for i in range(len(pieces) - 1, -1, -1):
        piece = pieces[i]
        if isinstance(piece, Para):
            signed = parse_sign_date(piece.text)
            if signed is not None:
                before = pieces[i - 1] if i else None
                unit = (
                    i - 1
                    if isinstance(before, Para) and len(before.text) <= 40 and not _SENTENCE_MARKS.search(before.text)
                    else -1
                )
                return unit, i, signed
    return -1, -1, None


def best_outline(pieces: list[Piece], outlines: tuple[Outline, ...] | None = None) -> tuple[Outline, list[_Section]]:
    """The outline whose headings the document matches best (of `outlines`, default every outline file)."""
    scored = [(outline, *_cut(pieces, outline)) for outline in (outlines or known())]
    outline, sections, _ = max(scored, key=lambda entry: entry[2])
    return outline, sections


def _year(*texts: str) -> int | None:
    for text in texts:
        found = _YEAR.search(digits(text))
        if found:
            return int(found[1])
    return None


def _furniture(pieces: list[Piece]) -> tuple[list[Piece], int]:
    """The pieces without the official-document frame its reader marked (`Para.role`), and how many were left out."""
    kept = [piece for piece in pieces if not (isinstance(piece, Para) and piece.role)]
    return kept, len(pieces) - len(kept)


def import_pieces(
    pieces: list[Piece], *, fallback_name: str = "", outlines: tuple[Outline, ...] | None = None
) -> Imported:
    """The report the pieces of a document hold; ImportRefused when they are not a report.

    The official-document frame (红头, 文号, 主送, 版记, page numbers: readers.pieces.frame_role) is not
    the report: never its title, never its text; left out, and counted in a note.
    """
    pieces, framing = _furniture(pieces)
    unit_at, date_at, signed = _signature(pieces)
    back = pieces[date_at + 1 :] if date_at >= 0 else []
    sign_unit = pieces[unit_at].text if unit_at >= 0 and isinstance(pieces[unit_at], Para) else ""
    body = [p for i, p in enumerate(pieces[: date_at if date_at >= 0 else len(pieces)]) if i != unit_at]
    outline, sections = best_outline(body, outlines)
    if sum(section.node is not None and section.known for section in sections) < MIN_HEADINGS:
        raise ImportRefused("import.not_report")
    front = sections[0].pieces
    title = ""
    if front and isinstance(front[0], Para) and ("报告" in front[0].text or not _SENTENCE_MARKS.search(front[0].text)):
        title = front.pop(0).text
    titled = _TITLE.fullmatch(digits(title)) if title else None
    unit_name = sign_unit or (titled["unit"].strip() if titled and len(titled["unit"].strip()) >= 2 else "")
    report = Report(unit_name=unit_name or fallback_name, fiscal_year=0, title=title, outline=outline.name)
    report.sign_unit, report.sign_date = sign_unit, signed
    ctx = Placer(report)
    ctx.outline_id = outline.name
    ctx.placed.update(title=bool(title), sign_unit=bool(sign_unit), sign_date=signed is not None)
    ctx.where = title or "标题"
    ctx.text("preamble", _paras(ctx, front, "preamble"))
    for section in sections[1:]:
        assert section.node is not None
        kind, _, arg = section.node.place.partition(":")
        ctx.where = section.heading
        ctx.allowed = frozenset(section.node.figures)
        READERS[kind](ctx, arg if kind == "budget" else arg or kind, section.pieces)
    ctx.where = "落款之后"
    ctx.allowed = ALL_FIGURES
    for text in _paras(ctx, back, "back"):
        if not _CAPTION.match(digits(text)):
            ctx.keep(text)
    year = int(titled["year"]) if titled else None
    year = year or _year(*(p.text for p in sections[0].pieces if isinstance(p, Para)))
    year = year or _year(report.texts.get("spending_directions", ""), *(s.heading for s in sections))
    if year is None and ctx.placed["figures"]:
        year = _year(
            *(p.text for s in sections if s.node and s.node.place == "budget" for p in s.pieces if isinstance(p, Para))
        )
    if year is None and signed is not None:
        year = signed.year - 1
    if year is None:
        raise ImportRefused("import.no_year")
    report.fiscal_year = year
    if not report.unit_name:
        raise ImportRefused("import.no_unit")
    report.unplaced = [piece.stored for piece in ctx.unplaced]
    notes = (Note("import.furniture", {"count": framing}),) if framing else ()
    return Imported(report, outline.name, ctx.unplaced, +ctx.placed, notes)


def import_file(path: Path, outlines: tuple[Outline, ...] | None = None) -> Imported:
    """Read a report document (see exporters.readers) and place it (see `import_pieces`).

    The document's comments go to 未归类 (under 批注), so a reviewer's remark is seen, not lost.
    """
    document = read_document(path)
    imported = import_pieces(document.pieces, fallback_name=path.stem, outlines=outlines)
    imported.unplaced += [Unplaced("批注", text) for text in document.comments]
    imported.report.unplaced += [f"〔批注〕{text}" for text in document.comments]
    imported.notes = imported.notes + document.notes
    return imported


def copy_name(store: Store, unit_name: str, year: int) -> str:
    """The first free name for an imported copy: 单位（导入副本）, then 单位（导入副本2）…"""
    taken = {summary.unit_name for summary in store.list_reports() if summary.fiscal_year == year}
    n = 1
    while True:
        name = f"{unit_name}（导入副本{'' if n == 1 else n}）"
        if name not in taken:
            return name
        n += 1


def save(store: Store, imported: Imported, *, as_copy: bool = False) -> int:
    """Add the imported report to the file; refuses one whose unit and year are there (unless `as_copy`)."""
    report = imported.report
    exists = any(
        summary.unit_name == report.unit_name and summary.fiscal_year == report.fiscal_year
        for summary in store.list_reports()
    )
    if exists and not as_copy:
        raise ImportRefused("import.exists", unit=report.unit_name, year=report.fiscal_year)
    if exists:
        report.unit_name = copy_name(store, report.unit_name, report.fiscal_year)
    return store.add_report(report)
