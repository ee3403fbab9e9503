"""Tables told by their headers, not their position: each to its place in the report.

Organisation (类别 | 机构名称 | 加挂牌子, a merged 类别 cell read on every row it spans), staff
(类别 | 人数), income and spending (label and amount pairs, two or four columns), breakdowns by
经济分类, 三公 (预算数 | 实际数 | 执行率), indicators (名称 | 目标 | 实际). A 合计 row is checked
against the rows above it, never stored as a line; a total that disagrees, a row whose label
names no figure for certain, a second table of something already given: kept in 未归类, with a note.
"""

from __future__ import annotations

import re
from decimal import Decimal
from difflib import SequenceMatcher

from exporters.decompose.figures import digits, money, read_label
from exporters.decompose.placer import Placer, amount_text
from exporters.readers import Grid
from store import fields
from store.model import Body, EconLine, Indicator, OrgGroup, SanGongItem, StaffLine, TitledItem
from store.parse import InputError, parse_number

Row = tuple[str, ...]
_TOTAL = re.compile(r"\s*(?:合\s*计|总\s*计|小\s*计|总额)\s*")


def top_split(text: str, separators: str) -> list[str]:
    """Split at separators outside brackets: `a（x、y）、b` → [a（x、y）, b]."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch in "（(" and 1 or (-1 if ch in "）)" else 0)
        if depth == 0 and ch in separators:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def plates_of(text: str) -> list[str]:
    """`加挂行政审批服务办公室、退役军人服务站牌子` → the plates."""
    inner = text.strip().removeprefix("加挂").removesuffix("牌子").removesuffix("牌")
    return [plate.removesuffix("牌子") for plate in top_split(inner, "、，,；;")]


def body(text: str) -> Body:
    """`公共服务办公室（加挂行政审批服务办公室、退役军人服务站牌子）` → the body and its plates."""
    match = re.fullmatch(r"(?P<name>[^（(]+)[（(](?P<inner>.+)[）)]", text)
    if not match:
        return Body(text)
    return Body(match["name"].strip(), plates_of(match["inner"]))


def cell_amount(text: str, unit: str) -> Decimal | None:
    flat = digits(text).replace(" ", "").rstrip("%")
    if not re.fullmatch(r"-?\d[\d,，]*(?:\.\d+)?(?:万元|万|元)?", flat):
        return None
    return money(re.sub(r"(万元|万|元)$", "", flat), "元" if flat.endswith("元") and "万" not in flat else unit)


def column(header: Row, *words: str) -> int | None:
    return next((i for i, cell in enumerate(header) if any(word in cell for word in words)), None)


def _is_total(label: str) -> bool:
    return bool(_TOTAL.fullmatch(label)) or label.strip() in ("合计数", "总计数")


def grid(ctx: Placer, table: Grid, caption: str, kind: str) -> None:
    """A table: by its header, organisation, staff, indicators, 三公, a breakdown or figures; rows it cannot read are kept.

    `caption` is the table's caption and unit note, `kind` the reader of the section it sits in.
    """
    header, *rows = table.rows
    joined = "".join(header) + caption
    unit = "元" if re.search(r"单位\s*[:：]\s*元|[（(]元[）)]", joined) else "万元"
    names = "".join(row[0] for row in rows if row)
    if column(header, "机构") is not None and column(header, "人数") is None:
        _org_rows(ctx, header, rows)
    elif column(header, "人数") is not None:
        _staff_rows(ctx, header, rows)
    elif "指标" in joined and ("目标" in joined or "实际" in joined):
        _indicator_rows(ctx, header, rows)
    elif re.search("出国|接待|公车|用车", names) and "预算" in joined:
        _sangong_rows(ctx, header, rows, unit)
    elif "经济分类" in joined or kind in ("basic", "project"):
        which = "basic_lines" if "基本" in caption or (kind == "basic" and "项目" not in caption) else "project_lines"
        _econ_rows(ctx, which, rows, unit)
    else:
        _figure_rows(ctx, [tuple(header), *rows], unit)


def _keep_row(ctx: Placer, row: Row, note: str = "") -> None:
    if any(cell.strip() for cell in row):
        ctx.keep(" | ".join(row), note)


def _org_rows(ctx: Placer, header: Row, rows: list[Row]) -> None:
    """类别 | 机构名称 | 加挂牌子: bodies grouped by 类别 (a merged cell reads on each row; an empty one continues)."""
    kind_col, name_col, plate_col = (
        column(header, "类别", "类型", "性质"),
        column(header, "机构"),
        column(header, "牌子", "加挂"),
    )
    assert name_col is not None
    groups: dict[str, OrgGroup] = {}
    label = ""
    for row in rows:

        def cell(index: int | None, row: Row = row) -> str:
            return row[index].strip() if index is not None and index < len(row) else ""

        label = cell(kind_col) or label or "机构"
        name = cell(name_col)
        if not name or _is_total(name):
            if any(cell.strip() for cell in row) and not (name and _is_total(name)):
                _keep_row(ctx, row)
            continue
        found = body(name)
        if cell(plate_col) and cell(plate_col) not in ("无", "—", "-", "/"):
            found.plates += plates_of(cell(plate_col))
        groups.setdefault(label, OrgGroup(label)).bodies.append(found)
    if ctx.report.org_groups:
        for row in rows:
            _keep_row(ctx, row, _again("机构设置"))
        return
    ctx.add("org_groups", list(groups.values()))


def _again(what: str) -> str:
    from store.catalogue import message

    return message("import.doubt.again", "zh", what=what)


def _total_note(label: str, total: object, lines: object) -> str:
    from store.catalogue import message

    return message("import.doubt.total", "zh", label=label, total=total, sum=lines)


def _staff_rows(ctx: Placer, header: Row, rows: list[Row]) -> None:
    """类别 | 人数 (a 合计 row is the year-end total, checked against the lines)."""
    count_col = column(header, "人数")
    report = ctx.report
    lines: list[StaffLine] = []
    total: tuple[Row, int] | None = None
    for row in rows:
        label = row[0].strip() if row else ""
        try:
            count = (
                int(parse_number(digits(row[count_col]).strip().removesuffix("人"))) if count_col is not None else None
            )
        except (InputError, IndexError, ValueError):
            count = None
        if count is None or not label:
            _keep_row(ctx, row)
        elif _is_total(label) or re.search(r"实有|年末", label):
            total = (row, count)
        elif "编制" in label:
            if report.authorised_posts is None and re.fullmatch(r"(?:核定)?编制(?:数|人数)?", label):
                report.authorised_posts = count
                ctx.placed["authorised_posts"] += 1
            else:
                _keep_row(ctx, row)
        else:
            lines.append(StaffLine(label, count))
    if lines and report.staff_lines and report.staff_lines != lines:
        for line in lines:
            _keep_row(ctx, (line.category, str(line.count)), _again("人员构成"))
    elif lines:
        ctx.add("staff_lines", lines)
    if total is not None:
        row, count = total
        summed = sum(line.count or 0 for line in lines)
        if lines and summed != count:
            _keep_row(ctx, row, _total_note(row[0].strip(), f"{count}人", f"{summed}人"))
        elif report.staff_total is None:
            report.staff_total = count
            ctx.placed["staff_total"] += 1
        elif report.staff_total != count:
            _keep_row(ctx, row, _again(fields.label("staff_total")))


def _figure_rows(ctx: Placer, rows: list[Row], unit: str) -> None:
    """Label and amount pairs (项目 | 金额, or 收入项目 | 金额 | 支出项目 | 金额): each label read as a figure's."""
    from store.catalogue import message

    for row in rows:
        notes: list[str] = []
        taken = 0
        unread = False
        i = 0
        while i < len(row):
            label = digits(row[i]).strip()
            value = cell_amount(row[i + 1], unit) if i + 1 < len(row) else None
            if cell_amount(label, unit) is not None or not label or value is None:
                unread = unread or (bool(label) and value is None and not re.search(r"项目|科目|名称|金额", label))
                i += 1
                continue
            reading = read_label(re.sub(r"^\s*其中\s*[:：]?", "", label), ctx.allowed, ctx.outline_id)
            if reading.key is not None and ctx.figure(reading.key, value):
                taken += 1
            elif reading.key is not None:
                notes.append(
                    message(
                        "import.doubt.differs",
                        "zh",
                        amount=amount_text(value),
                        field=_name(reading.key),
                        old=ctx.report.figures[reading.key],
                    )
                )
            elif reading.candidates:
                notes.append(
                    message(
                        "import.doubt.candidates",
                        "zh",
                        amount=amount_text(value),
                        fields=ctx.candidates(list(reading.candidates)),
                    )
                )
            else:
                notes.append(message("import.doubt.no_label", "zh", amount=amount_text(value)))
            i += 2
        if notes:
            _keep_row(ctx, row, "；".join(notes))
        elif unread and not taken:
            _keep_row(ctx, row)


def _name(key: str) -> str:
    from exporters.decompose.placer import figure_name

    return figure_name(key)


def _econ_rows(ctx: Placer, which: str, rows: list[Row], unit: str) -> None:
    """经济分类 | 金额: the lines; a 合计 row checked against their sum (and the stated figure), not stored."""
    lines: list[EconLine] = []
    totals: list[tuple[Row, Decimal]] = []
    for row in rows:
        value = cell_amount(row[1], unit) if len(row) > 1 else None
        label = row[0].strip() if row else ""
        if value is None:
            _keep_row(ctx, row)
        elif _is_total(label):
            totals.append((row, value))
        else:
            lines.append(EconLine(label, value))
    existing = getattr(ctx.report, which)
    if existing and existing != lines:
        for line in lines:
            _keep_row(ctx, (line.category, f"{line.amount}"), _again("经济分类明细"))
        return
    if not existing:
        ctx.add(which, lines)
    whole = "basic_spent" if which == "basic_lines" else "project_spent"
    summed = sum((line.amount or Decimal(0) for line in lines), Decimal(0))
    for row, value in totals:
        if lines and value != summed:
            _keep_row(ctx, row, _total_note(row[0].strip(), amount_text(value), amount_text(summed)))
        elif ctx.report.figures.get(whole) is None:
            # A total other than the stated figure is the breakdown's own (the seed's 3472.66 of 3472.44).
            ctx.figure(whole, value)


def _sangong_rows(ctx: Placer, header: Row, rows: list[Row], unit: str) -> None:
    """项目 | 预算数 | 实际数 | 执行率 (上年数): the items; a 合计 row checked against them; 执行率 not stored (worked out)."""
    budget, actual, last = column(header, "预算"), column(header, "实际", "决算", "支出数"), column(header, "上年")
    items: list[SanGongItem] = []
    totals: list[Row] = []
    for row in rows:
        if not row or not row[0].strip():
            continue
        if _is_total(row[0]):
            totals.append(row)
            continue

        def cell(index: int | None, row: Row = row) -> Decimal | None:
            return cell_amount(row[index], unit) if index is not None and index < len(row) else None

        items.append(SanGongItem(row[0].strip(), cell(budget), cell(actual), cell(last)))
    if ctx.report.sangong and ctx.report.sangong != items:
        for row in rows:
            _keep_row(ctx, row, _again("三公经费"))
        return
    if not ctx.report.sangong:
        ctx.add("sangong", items)
    for row in totals:
        for attr, index in (("budget", budget), ("actual", actual), ("last_year", last)):
            value = cell_amount(row[index], unit) if index is not None and index < len(row) else None
            summed = sum((getattr(item, attr) or Decimal(0) for item in items), Decimal(0))
            if value is not None and value != summed:
                _keep_row(ctx, row, _total_note(row[0].strip(), amount_text(value), amount_text(summed)))
                break


def _common(a: str, b: str) -> int:
    match = SequenceMatcher(None, a, b).find_longest_match(0, len(a), 0, len(b))
    return match.size


def _indicator_rows(ctx: Placer, header: Row, rows: list[Row], items: list[TitledItem] | None = None) -> None:
    """指标 | 目标 | 实际 (| 单位 | 成果): each indicator to the result its 成果 cell names, or whose words it shares.

    Without a 成果 column an indicator goes to the one result whose title or text shares at
    least four characters with its name more than any other; none or a tie: kept in 未归类.
    """
    from exporters.importer import split_marker

    results = items if items is not None else ctx.report.results
    owner_col, name_col = column(header, "成果", "项目"), column(header, "指标", "名称")
    unit_col, target_col, actual_col = column(header, "单位"), column(header, "目标"), column(header, "实际")
    by_title = {item.title: item for item in results}
    found: dict[int, list[Indicator]] = {}
    owner = ""
    for row in rows:

        def cell(index: int | None, row: Row = row) -> str:
            return row[index].strip() if index is not None and index < len(row) else ""

        if cell(owner_col):
            owner = split_marker(cell(owner_col))[1].strip()
        try:
            indicator = Indicator(
                cell(name_col), parse_number(cell(target_col)), parse_number(cell(actual_col)), cell(unit_col)
            )
        except InputError:
            _keep_row(ctx, row)
            continue
        target = None
        if owner_col is not None:
            target = results.index(by_title[owner]) if owner in by_title else None
        elif indicator.name:
            shared = [_common(indicator.name, item.title + item.body) for item in results]
            best = max(shared, default=0)
            if best >= 4 and shared.count(best) == 1:
                target = shared.index(best)
        if target is None or not indicator.name:
            _keep_row(ctx, row)
        else:
            found.setdefault(target, []).append(indicator)
    for index, indicators in found.items():
        item = results[index]
        if not item.indicators:
            item.indicators = indicators
            ctx.placed["indicators"] += len(indicators)
        elif item.indicators != indicators:
            for i in indicators:
                _keep_row(ctx, (item.title, i.name), _again("绩效指标"))


def indicator_table(table: Grid, caption: str) -> bool:
    """Whether a table is an indicators table (read after the results it belongs to)."""
    joined = "".join(table.rows[0]) + caption
    return "指标" in joined and ("目标" in joined or "实际" in joined)


def indicators(ctx: Placer, table: Grid, items: list[TitledItem]) -> None:
    _indicator_rows(ctx, table.rows[0], list(table.rows[1:]), items)
