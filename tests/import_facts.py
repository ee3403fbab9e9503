"""A test document of our own for the importer: a 2023 self-evaluation report as a Word file.

It follows the 2023 self-evaluation outline (store/outlines/selfeval-2023.toml), numbers its
headings and items with every form real files mix (一、 （一） (二) 1． 2. 3、 1） （2） (1),
full- and half-width), gives its figures, breakdowns and 三公 in tables, and has text jixiao
has no place for (prose under a chapter heading, a chapter the outline lacks), which must
land in 未归类.
"""

from __future__ import annotations

from pathlib import Path

import docx

Table = list[list[str]]

SELFEVAL: list[str | Table] = [
    "长沙县示范中学2023年度部门整体支出绩效自评报告",
    "为全面评价学校2023年度部门整体支出的绩效，根据县财政局的统一部署，现将自评情况报告如下。",
    "一、部门基本情况",
    "（一）机构设置",
    "学校设有以下机构：",
    "1）设置4个内设机构：校长办公室、教务处（加挂教研室牌子）、政教处、总务处。",
    "（2）其他：学校食堂、图书馆。",
    "(二)人员情况",
    "2023年本单位年末实有人数１２０人，其中在编教职工１０５人，聘用人员１５人，与上年持平。",
    "（三）主要职责",
    "1．实施初中、高中学历教育；",
    "2.开展教育教学研究；",
    "3、承担教师培训任务。",
    "(四)年度重点工作",
    "2023年学校以提高教学质量为中心，推进课堂教学改革。",
    "二、部门整体支出情况",
    "2023年学校各项收支情况如下。",
    "（一）预算安排及调整情况",
    "学校2023年度年初预算数为３，０００．００万元，年中追加预算200.50万元，全年预算数为3,200.50万元。",
    "（二）收支情况",
    "表1 收支情况（单位：万元）",
    [
        ["项目", "金额"],
        ["年初预算", "3,000.00"],
        ["实际到位资金", "3,200.50"],
        ["其中：财政拨款", "3,000.50"],
        ["其他收入", "200.00"],
        ["实际支出", "3,150.00"],
        ["其中：基本支出", "2,400.00"],
        ["项目支出", "750.00"],
        ["上年结转", "50.00"],
        ["年末结转", "100.50"],
    ],
    "资金主要用于教职工工资和学校运转。",
    "（三）基本支出",
    [
        ["经济分类", "金额（万元）", "占比（%）"],
        ["工资福利支出", "2,200.00", "91.67"],
        ["商品和服务支出", "150.00", "6.25"],
        ["对个人和家庭的补助", "50.00", "2.08"],
        ["合计", "2,400.00", "100.00"],
    ],
    "（四）“三公”经费支出",
    [
        ["项目", "预算数", "实际数"],
        ["因公出国（境）费", "0", "0"],
        ["公务接待费", "2.00", "1.50"],
        ["公务用车运行维护费", "3.00", "2.80"],
    ],
    "（五）项目支出",
    "项目支出主要用于校舍维修和教学设备购置。",
    [
        ["经济分类", "金额（万元）"],
        ["商品和服务支出", "450.00"],
        ["资本性支出", "300.00"],
        ["合计", "750.00"],
    ],
    "（六）政府采购情况",
    "2023年政府采购预算120.00万元，实际政府采购115.00万元。",
    "三、部门整体支出绩效目标及完成情况",
    "学校全面完成了2023年度绩效目标。",
    "（一）预算执行及管理",
    "严格执行预算，资金拨付及时。",
    "（二）资产管理",
    "1.制度建设：制定了《学校资产管理办法》。",
    "（三）履职效能",
    "学校履职效能明显提升：",
    "1) 教学常规管理规范。",
    "2) 政府采购全部按规定执行。",
    "（四）产出及效益",
    "1．教学质量稳步提升。中考优秀率比上年提高3个百分点。",
    "2．办学条件持续改善。完成两栋教学楼的维修。",
    "四、自评结论",
    "学校2023年度部门整体支出绩效自评等级为优。",
    "五、存在的问题及原因",
    "(1)预算编制不够精准。",
    "(2)绩效目标偏重产出，效益指标不足。",
    "六、改进措施和建议",
    "（1）提高预算编制质量。",
    "（2）完善绩效指标体系。",
    "七、其他需要说明的情况",
    "无。",
    "八、绩效自评结果拟应用和公开情况",
    "自评结果将在学校网站公开。",
    "",
    "长沙县示范中学",
    "2024年3月20日",
]

#: What of SELFEVAL has no place in jixiao's report and must be kept in 未归类, in order.
SELFEVAL_UNPLACED = [
    "2023年学校各项收支情况如下。",
    "八、绩效自评结果拟应用和公开情况",
    "自评结果将在学校网站公开。",
]


def write_docx(path: Path, content: list[str | Table] = SELFEVAL) -> Path:
    """The content as a plain Word file (default styles, as an officer's own file would be)."""
    document = docx.Document()
    for block in content:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=len(block[0]))
        for row, values in zip(table.rows, block, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    document.save(str(path))
    return path
