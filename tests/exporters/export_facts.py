"""What the exporter tests expect of the seed report, and hostile text to throw at the writers."""

from __future__ import annotations

import re

from store.model import Report

#: Every amount the seed states (万元, two decimals as the export prints them).
SEED_AMOUNTS = [
    "2040.00",
    "5116.09",
    "4454.34",
    "661.75",
    "5083.34",
    "1610.68",
    "3472.44",
    "519.03",
    "551.78",
    "1448.28",
    "129.60",
    "32.80",
    "3472.66",
    "321.79",
    "616.49",
    "251.69",
    "140.71",
    "11.17",
    "2130.81",
    "3.00",
    "0.00",
]
#: Every share the seed prints, as the composer computes it: half-up, except that the last line of a
#: breakdown takes the rounding balance so the column adds up to 100.00 (the default, issue 11). So
#: 32.80 ÷ 1610.68 = 2.0364 % prints as the seed's own 2.03 (half-up alone, a setting, gives 2.04).
SEED_SHARES = ["31.69", "68.31", "89.92", "8.05", "2.03", "9.27", "17.75", "7.25", "4.05", "0.32", "61.36"]

#: The seed's headings, in order, with its numbering: (level, number + text).
SEED_HEADINGS = [
    (1, "一、部门概况"),
    (2, "（一）部门基本情况"),
    (3, "1.组织机构设置情况"),
    (3, "2.人员情况"),
    (3, "3.主要工作职责"),
    (3, "4.重点工作计划"),
    (2, "（二）部门年度预算收支盈余情况、部门整体支出使用方向和主要内容、涉及范围等"),
    (1, "二、部门整体支出管理及使用情况"),
    (2, "（一）基本支出"),
    (3, "2.三公经费使用情况"),
    (2, "（二）项目支出"),
    (1, "三、部门项目组织实施情况"),
    (1, "四、资产管理情况"),
    (1, "五、部门整体支出绩效情况"),
    (2, "（一）经济性评价"),
    (2, "（二）行政效能评价"),
    (2, "（三）项目产出及社会效益评价"),
    (1, "六、存在的主要问题"),
    (1, "七、改进措施和有关建议"),
]

#: Sentences written from the figures, as they must read for the seed.
SEED_SENTENCES = [
    "月湖街道2019年度财政拨款收入预算批复2040.00万元，在执行预算的过程中实际到位指标5116.09万元，"
    "其中：财政拨款收入4454.34万元，其他收入661.75万元。财政实际支出5083.34万元，"
    "其中：基本支出1610.68万元，项目支出3472.44万元。上年结余519.03万元，本年结余551.78万元。",
    "2019年本单位年末实有人数55人，其中在职在编人员44人，转业士官7人，退休人员4人，比上年增加5人。"
    "人员变化的主要原因是：一是退休人员增加;二是正常区内人员调动。",
    "设置5个党政机构：党政综合办公室、基层党建办公室、城市管理办公室（加挂区域建设服务办公室牌子）、"
    "公共服务办公室（加挂行政审批服务办公室、优化营商环境服务办公室、退役军人服务站牌子）、公共安全办公室。",
    "设置1个执法机构：综合行政执法队。",
    "其他：街道财政所、街道劳动社会保障和最低生活保障管理服务站。",
    "2019年月湖街道的基本支出总额为1610.68万元，占年度总支出的31.69%，其中工资福利支出1448.28万元，"
    "占基本支出的89.92%，商品和服务支出129.60万元，占基本支出的8.05%，对个人和家庭的补助32.80万元，"
    "占基本支出的2.03%。",
    "，2019年的三公经费均控制在预算范围内，其中：因公出国出境费用本年度未发生经费支出，"
    "公务接待费预算数为3.00万元，实际发生0.00万元，公车运行维护费预算数为0.00万元，实际发生0.00万元。"
    "本年三公经费较上年度有明显减少。",
    "2019年月湖街道的项目支出总额为3472.66万元，占年度总支出的68.31%，其中工资福利支出321.79万元，"
    "占项目支出的9.27%，商品和服务支出616.49万元，占项目支出的17.75%，对个人和家庭的补助251.69万元，"
    "占项目支出的7.25%，资本性支出140.71万元，占项目支出的4.05%，对企业的补贴支出11.17万元，"
    "占项目支出的0.32%，其他支出2130.81万元，占项目支出的61.36%。",
]

#: Hostile text: each line would be structure in Markdown if not escaped; some hold control characters.
HOSTILE_LINES = [
    "2024. 年度工作",
    "2024.",
    "3) 第三",
    "# 不是标题 #",
    "> 不是引用",
    "- 不是列表",
    "* 也不是列表",
    "+ 还不是列表",
    "---",
    "===",
    "    不是代码块",
    "```不是代码```",
    "<b>不是粗体</b> <!-- 不是注释 --> &amp; 不是实体",
    "[不是链接](http://example.com) ![不是图](x.png)",
    "反斜杠 \\ 结尾\\",
    "竖线 | 在 | 中间",
    "*强调* _下划线_ ~~删除~~ `代码`",
    "控制\x00字\x07符\x1b被删",
]
LONG_PARAGRAPH = "长" * 99_990 + "|#<>*_\\末尾。"


def printed(text: str) -> str:
    """What a hostile line must print as: control characters gone, ends trimmed, nothing else changed."""
    return re.sub("[\x00-\x08\x0b-\x1f]", "", text).strip(" \t\u3000")


def seed_narrative(report: Report) -> list[str]:
    """Every narrative paragraph the seed holds, as stored (one entry per printed paragraph)."""
    out: list[str] = []
    for key, text in report.texts.items():
        if key in ("sangong_intro", "staff_reasons"):
            continue
        out += [line for line in text.split("\n") if line.strip()]
    for items in (report.duties, report.efficiency_points, report.problems, report.remedies):
        for item in items:
            out += [line for line in item.split("\n") if line.strip()]
    for titled in (*report.assets, *report.results):
        out.append(titled.title)
        out += [line for line in titled.body.split("\n") if line.strip()]
    out.append(report.texts["sangong_intro"])
    return out
