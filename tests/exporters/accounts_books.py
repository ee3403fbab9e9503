"""决算 workbooks built for the tests (issue 22): both families, the seed's figures, in 元 or 万元."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import xlsxwriter

SEED = {
    "unit": "长沙市开福区月湖街道办事处",
    "year": 2019,
    "income": [
        ("一、一般公共预算财政拨款收入", "4454.34"),
        ("四、上级补助收入", "0"),
        ("五、事业收入", "0"),
        ("八、其他收入", "661.75"),
    ],
    "income_total": "5116.09",
    "spent": "5083.34",
    "carried_in": "519.03",
    "carried_out": "551.78",
    "basic": "1610.68",
    "project": "3472.44",
    "classes": [
        ("301", "工资福利支出", "1448.28"),
        ("302", "商品和服务支出", "129.60"),
        ("303", "对个人和家庭的补助", "32.80"),
    ],
    "sangong": {
        "因公出国（境）费": ("0", "0"),
        "公务用车购置费": ("0", "0"),
        "公务用车运行维护费": ("0", "0"),
        "公务接待费": ("3.00", "0"),
    },
    # 财政拨款收入支出决算总表: each fund's (income, spending); the seed's 财政拨款 is all 一般公共预算
    "funds": {"一般公共预算财政拨款": ("4454.34", "4421.59")},
    # the seed's own 项目支出 lines (3472.66, while its text states 3472.44)
    "project_classes": [
        ("301", "工资福利支出", "321.79"),
        ("302", "商品和服务支出", "616.49"),
        ("303", "对个人和家庭的补助", "251.69"),
        ("310", "资本性支出", "140.71"),
        ("312", "对企业的补贴支出", "11.17"),
        ("399", "其他支出", "2130.81"),
    ],
}
OTHER = {
    **SEED,
    "unit": "长沙市开福区望麓园街道办事处",
    "income": [("一、一般公共预算财政拨款收入", "3000.00"), ("八、其他收入", "200.00")],
    "income_total": "3200.00",
    "spent": "3100.00",
    "carried_in": "100.00",
    "carried_out": "200.00",
    "basic": "1200.00",
    "project": "1900.00",
    "classes": [
        ("301", "工资福利支出", "1000.00"),
        ("302", "商品和服务支出", "150.00"),
        ("303", "对个人和家庭的补助", "30.00"),
        ("310", "资本性支出", "20.00"),
    ],
    "sangong": {
        "因公出国（境）费": ("1.00", "0.50"),
        "公务用车购置费": ("0", "0"),
        "公务用车运行维护费": ("5.00", "4.20"),
        "公务接待费": ("2.00", "1.10"),
    },
    "funds": {
        "一般公共预算财政拨款": ("3000.00", "2950.00"),
        "政府性基金预算财政拨款": ("120.50", "100.25"),
        "国有资本经营预算财政拨款": ("0", "0"),
    },
    "project_classes": [
        ("302", "商品和服务支出", "1500.00"),
        ("303", "对个人和家庭的补助", "250.00"),
        ("310", "资本性支出", "150.00"),
    ],
}
FUNDS = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")


def _n(text: str, yuan: bool) -> float:
    return float(Decimal(text) * (10000 if yuan else 1))


def _details(amount: str) -> list[Decimal]:
    """A class's amount in two detail parts (about 60 % and the rest), to stand for its 款 lines."""
    first = (Decimal(amount) * Decimal("0.6")).quantize(Decimal("0.01"))
    return [first, Decimal(amount) - first]


def _classes_down(
    ws, data: dict, yuan: bool, internal: bool, continued: str, title: str, unit_note: str, sheet
) -> None:
    """Two panes of class lines (301, 303 | 302, 310 …), 人员经费合计 | 公用经费合计 below; maybe a 续表."""
    header = ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"]
    ws.write_row(3, 0, header)
    left = [c for c in data["classes"] if c[0] in ("301", "303")]
    right = [c for c in data["classes"] if c[0] not in ("301", "303")]
    lines = []
    for i in range(max(len(left), len(right))):
        line: list = [None] * 6
        for off, pane in ((0, left), (3, right)):
            if i < len(pane):
                line[off : off + 3] = [pane[i][0], pane[i][1], _n(pane[i][2], yuan)]
        lines.append(line)
    personnel = sum(Decimal(v) for _, _, v in left)
    public = sum(Decimal(v) for _, _, v in right)
    personnel = _n(str(data.get("personnel", personnel)), yuan)
    lines.append([None, "人员经费合计", personnel, None, "公用经费合计", _n(str(public), yuan)])
    r = 4
    if continued:
        ws.write_row(r, 0, lines[0])
        lines, r = lines[1:], r + 1
        if continued == "below":
            ws.write(r + 1, 0, f"{title}（续表）")
            ws.write(r + 2, 4, unit_note)
            ws.write_row(r + 3, 0, header)
            r += 4
        else:
            ws = sheet("公开06表(续)" if not internal else "Z05_1 续表", f"{title}（续表）")
            ws.write_row(3, 0, header if continued == "sheet" else ["编码", *header[1:]])
            r = 4
    for line in lines:
        ws.write_row(r, 0, line)
        r += 1


def _classes_split(ws, classes: list, yuan: bool) -> None:
    """Two panes 类 | 款 | 科目名称 | 决算数 under a merged 科目编码: each class line, then one 款 line (301 | 01)."""
    for off in (0, 4):
        ws.merge_range(3, off, 3, off + 1, "科目编码")
        ws.merge_range(3, off + 2, 4, off + 2, "科目名称")
        ws.merge_range(3, off + 3, 4, off + 3, "决算数")
        ws.write_row(4, off, ["类", "款"])
    rows = [5, 5]
    for code, name, amount in classes:
        pane = 0 if code in ("301", "303") else 1
        off, r = pane * 4, rows[pane]
        ws.write_row(r, off, [code, None, name])
        ws.write_number(r, off + 3, _n(amount, yuan))
        ws.write_row(r + 1, off, [code, "01", f"{name}的首款"])
        ws.write_number(r + 1, off + 3, _n(str(Decimal(amount)), yuan))
        rows[pane] += 2


def _classes_across(ws, classes: list, yuan: bool) -> None:
    """The classes as columns (小计 and two details under each class's merged name, 301 and 302 by name,
    the others by code and name: "312对企业的补贴支出"), 功能分类 rows coded in
    类 | 款 | 项 cells under a merged 科目编码; the 合计 row first, then one 功能分类 row holding it all."""
    ws.merge_range(3, 0, 3, 2, "科目编码")
    ws.write_row(4, 0, ["类", "款", "项"])
    ws.merge_range(3, 3, 4, 3, "科目名称")
    ws.merge_range(3, 4, 4, 4, "合计")
    total = sum(Decimal(amount) for _, _, amount in classes)
    values = [total]
    c = 5
    for code, name, amount in classes:
        ws.merge_range(3, c, 3, c + 2, name if code in ("301", "302") else f"{code}{name}")
        ws.write_row(4, c, ["小计", f"{name}甲", f"{name}乙"])
        values += [Decimal(amount), *_details(amount)]
        c += 3
    ws.write(5, 3, "合计")
    ws.write_row(6, 0, ["201", "03", "01", "行政运行"])
    for row in (5, 6):
        for c, value in enumerate(values, start=4):
            ws.write_number(row, c, _n(str(value), yuan))


def build(
    path: Path,
    data: dict = SEED,
    *,
    yuan: bool = False,
    internal: bool = False,
    rows_sangong: bool = False,
    spending_header: str = "plain",
    continued: str = "",
    sangong_empty: bool = False,
    filler: int = 0,
    econ: str = "rows",
    **change: str,
) -> Path:
    """A workbook of `data`; internal = the 财决 family (Z01 … sheet names, 元 by default).

    spending_header: "plain"; "merged" (a two-row header, 科目编码… merged down, 支出构成 merged over
    基本支出 | 项目支出); "ambiguous" (基本支出 merged over two number columns, nothing below); "missing"
    (no 项目支出 column). continued: "" ; "sheet" (the 基本支出 table's later rows on a 续表 sheet);
    "below" (…further down its sheet after a 续表 line and the header again); "other_header" (a 续表
    sheet whose header differs). sangong_empty: the 三公 table kept empty by a 说明 line. econ: the
    基本支出 by 经济分类 as "rows" (two panes of class lines, 人员/公用经费合计 below), "split" (the same with
    the code in 类 | 款 cells and a 款 line under each class) or "across" (the classes as columns, each
    with its 小计 and two detail columns, the rows 功能分类 with 类 | 款 | 项 cells; the internal family
    then also has 项目支出决算明细表 Z05_2 so laid out, from data["project_classes"])."""
    data = {**data, **change}
    unit_note = "金额单位：元" if yuan else "金额单位：万元"
    book = xlsxwriter.Workbook(str(path))
    head = f"编制单位：{data['unit']}" if internal else f"部门：{data['unit']}"

    def sheet(name: str, title: str):
        ws = book.add_worksheet(name[:31])
        ws.write(0, 0, title)
        ws.write(1, 0, head)
        ws.write(1, 4, f"{data['year']}年度")
        ws.write(2, 4, unit_note)
        return ws

    # 收入支出决算总表
    ws = sheet("Z01 收入支出决算总表(财决01表)" if internal else "公开01表", "收入支出决算总表")
    ws.write_row(3, 0, ["项目", "行次", "决算数", "项目", "行次", "决算数"])
    r = 4
    for n, (name, value) in enumerate(data["income"], start=1):
        ws.write_row(r, 0, [name, n])
        ws.write_number(r, 2, _n(value, yuan))
        r += 1
    ws.write_row(r, 3, ["一、一般公共服务支出", 29])
    ws.write_number(r, 5, _n(data["spent"], yuan))
    r = 12
    left = [("本年收入合计", data["income_total"]), ("使用非财政拨款结余", "0"), ("年初结转和结余", data["carried_in"])]
    right = [("本年支出合计", data["spent"]), ("结余分配", "0"), ("年末结转和结余", data["carried_out"])]
    total = str(Decimal(data["income_total"]) + Decimal(data["carried_in"]))
    total_right = str(Decimal(data["spent"]) + Decimal(data["carried_out"]))
    for (a, av), (b, bv) in zip(
        [*left, ("总计", data.get("total", total))], [*right, ("总计", total_right)], strict=True
    ):
        ws.write(r, 0, a)
        ws.write_number(r, 2, _n(av, yuan))
        ws.write(r, 3, b)
        ws.write_number(r, 5, _n(bv, yuan))
        r += 1
    # 财政拨款收入支出决算总表: income by fund down the left, spending by fund across the right (the three
    # funds, and 社会保险基金 when the data has it)
    names = [*FUNDS, *(name for name in data["funds"] if name not in FUNDS)]
    ws = sheet("Z01_1 财政拨款收入支出决算总表(财决01-1表)" if internal else "公开04表", "财政拨款收入支出决算总表")
    numbered = ["行次"] if internal else []
    ws.write_row(3, 0, ["项目", *numbered, "决算数", "项目", *numbered, "合计", *names])
    funds = {name: data["funds"].get(name, ("0", "0")) for name in names}
    fiscal_in = sum(Decimal(i) for i, _ in funds.values())
    fiscal_out = sum(Decimal(o) for _, o in funds.values())
    right = 2 + len(numbered)
    for n, name in enumerate(names):
        ws.write_row(4 + n, 0, [f"{'一二三四'[n]}、{name}", *([n + 1] if numbered else [])])
        ws.write_number(4 + n, right - 1, _n(funds[name][0], yuan))
    ws.write_row(4, right, ["一、一般公共服务支出", *([n + 4] if numbered else [])])
    ws.write_row(8, 0, ["本年收入合计", *([7] if numbered else [])])
    ws.write_number(8, right - 1, _n(str(fiscal_in), yuan))
    ws.write_row(8, right, ["本年支出合计", *([8] if numbered else [])])
    for c, v in enumerate([fiscal_out, *(Decimal(o) for _, o in funds.values())], start=right + 1 + len(numbered)):
        ws.write_number(4, c, _n(str(v), yuan))
        ws.write_number(8, c, _n(str(v), yuan))
    # 支出决算表
    ws = sheet("Z04 支出决算表(财决04表)" if internal else "公开03表", "支出决算表")
    heads = [
        "科目编码",
        "科目名称",
        "本年支出合计",
        "基本支出",
        "项目支出",
        "上缴上级支出",
        "经营支出",
        "对附属单位补助支出",
    ]
    values = [data["spent"], data["basic"], data["project"], "0", "0", "0"]
    data_row = 4
    if spending_header == "merged":
        for c, word in enumerate(heads):
            if c not in (3, 4):
                ws.merge_range(3, c, 4, c, word)
        ws.merge_range(3, 3, 3, 4, "支出构成")
        ws.write_row(4, 3, ["基本支出", "项目支出"])
        data_row = 5
    elif spending_header == "ambiguous":
        ws.write_row(3, 0, heads[:3])
        ws.merge_range(3, 3, 3, 4, "基本支出")
        ws.write_row(3, 5, heads[5:])
    elif spending_header == "missing":
        heads, values = heads[:4] + heads[5:], values[:2] + values[3:]
        ws.write_row(3, 0, heads)
    else:
        ws.write_row(3, 0, heads)
    ws.write(data_row, 1, "合计")
    for c, v in enumerate(values, start=2):
        ws.write_number(data_row, c, _n(v, yuan))
    # 基本支出 by 经济分类
    title = "基本支出决算明细表" if internal else "一般公共预算财政拨款基本支出决算表"
    ws = sheet("Z05_1 基本支出决算明细表(财决05-1表)" if internal else "公开06表", title)
    if econ == "across":
        _classes_across(ws, data["classes"], yuan)
        if internal:
            ws = sheet("Z05_2 项目支出决算明细表(财决05-2表)", "项目支出决算明细表")
            _classes_across(ws, data["project_classes"], yuan)
    elif econ == "split":
        _classes_split(ws, data["classes"], yuan)
    else:
        _classes_down(ws, data, yuan, internal, continued, title, unit_note, sheet)
    # 三公
    ws = sheet("F01 三公" if internal else "公开07表", "财政拨款“三公”经费支出决算表")
    items = list(data["sangong"].items())
    if sangong_empty:
        ws.write_row(3, 0, ["项目", "预算数", "决算数"])
        ws.write(5, 0, "说明：本单位本年度没有使用财政拨款安排“三公”经费，故本表无数据。")
    elif rows_sangong:
        ws.write_row(3, 0, ["项目", "预算数", "决算数"])
        for i, (name, (budget, actual)) in enumerate(items):
            ws.write(4 + i, 0, name)
            ws.write_number(4 + i, 1, _n(budget, yuan))
            ws.write_number(4 + i, 2, _n(actual, yuan))
    else:
        labels = [
            "合计",
            "因公出国（境）费",
            "公务用车购置及运行维护费",
            "公务用车购置费",
            "公务用车运行维护费",
            "公务接待费",
        ]
        ws.merge_range(3, 0, 3, 5, "预算数")
        ws.merge_range(3, 6, 3, 11, "决算数")
        ws.write_row(4, 0, labels + labels)
        for k, which in ((0, 0), (6, 1)):
            values = {name: Decimal(pair[which]) for name, pair in items}
            car = values["公务用车购置费"] + values["公务用车运行维护费"]
            row = [
                sum(values.values()),
                values["因公出国（境）费"],
                car,
                values["公务用车购置费"],
                values["公务用车运行维护费"],
                values["公务接待费"],
            ]
            for j, v in enumerate(row):
                ws.write_number(5, k + j, _n(str(v), yuan))
    # an empty 政府性基金 table with its 说明
    ws = sheet("公开08表", "政府性基金预算财政拨款收入支出决算表")
    ws.write_row(3, 0, ["科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出", "年末结转和结余"])
    ws.write(6, 0, "说明：本单位本年度没有政府性基金预算财政拨款收入支出，故本表无数据。")
    for n in range(filler):
        ws = sheet(f"附{n + 1:02d}表", f"附表{n + 1} 资产和机构情况表")
        ws.write_row(3, 0, ["科目编码", "科目名称", "行次", "年初数", "增加", "减少", "年末数", "备注"])
        for r in range(60):
            ws.write_row(4 + r, 0, [f"{201 + r}", f"第{r + 1}项", r + 1])
            for c in range(3, 7):
                ws.write_number(4 + r, c, (r * 7 + c) * 12.34)
    book.close()
    return path
