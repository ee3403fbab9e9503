"""The outlines the importer knows, as data: a tree of headings, each naming where its text goes.

A heading's `place` names the reader that takes the paragraphs under it (see
exporters.importer.READERS): `text:<key>` (a narrative block), `list:<name>` (numbered
items; `list:<name>:<intro key>` sends unnumbered paragraphs before the first item to a
block), `titled:<name>`, `org`, `staff`, `budget`, `basic`, `sangong`, `project`, or
`none` (a heading that only groups others: what sits directly under it is 未归类). Titles
are matched loosely (see exporters.importer.heading_score), so `aliases` list only other
wordings units really use.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Node:
    """One heading of an outline, where the text under it goes, and the headings under it."""

    title: str
    place: str
    children: tuple[Node, ...] = ()
    aliases: tuple[str, ...] = ()

    def titles(self) -> tuple[str, ...]:
        """Every wording the heading may have."""
        return (self.title, *self.aliases)


@dataclass(frozen=True)
class Outline:
    """An outline by name: its chapters (level-1 headings) in order."""

    name: str
    chapters: tuple[Node, ...]

    def nodes(self) -> list[Node]:
        """Every heading, depth first, in reading order."""
        out: list[Node] = []

        def walk(nodes: tuple[Node, ...]) -> None:
            for node in nodes:
                out.append(node)
                walk(node.children)

        walk(self.chapters)
        return out


_OVERVIEW = (
    Node("组织机构设置情况", "org", aliases=("机构设置情况", "机构设置", "组织机构")),
    Node("人员情况", "staff", aliases=("人员编制情况", "人员构成情况")),
    Node("主要工作职责", "list:duties", aliases=("部门职能", "主要职能", "部门职责")),
    Node("重点工作计划", "text:key_plan", aliases=("年度重点工作", "年度主要工作", "重点工作任务")),
)

#: The seed's outline (most Hunan units up to 2019), as exporters.compose prints it.
CLASSIC_2019 = Outline(
    "classic-2019",
    (
        Node(
            "部门概况",
            "none",
            (
                Node("部门基本情况", "none", _OVERVIEW),
                Node(
                    "部门年度预算收支盈余情况、部门整体支出使用方向和主要内容、涉及范围等",
                    "budget",
                    aliases=("部门年度预算收支情况", "年度预算收支盈余情况"),
                ),
            ),
        ),
        Node(
            "部门整体支出管理及使用情况",
            "none",
            (
                Node("基本支出", "basic", (Node("三公经费使用情况", "sangong", aliases=("“三公”经费使用情况",)),)),
                Node("项目支出", "project"),
            ),
        ),
        Node("部门项目组织实施情况", "text:implementation"),
        Node("资产管理情况", "titled:assets"),
        Node(
            "部门整体支出绩效情况",
            "text:performance_intro",
            (
                Node("经济性评价", "text:economy"),
                Node("行政效能评价", "list:efficiency_points:efficiency_intro"),
                Node("项目产出及社会效益评价", "titled:results"),
            ),
        ),
        Node("存在的主要问题", "list:problems"),
        Node("改进措施和有关建议", "list:remedies"),
    ),
)

#: The ten-part self-evaluation form many units use from 2020 (部门整体支出绩效自评报告).
SELFEVAL_2023 = Outline(
    "selfeval-2023",
    (
        Node("部门基本情况", "none", _OVERVIEW, aliases=("部门（单位）基本情况",)),
        Node(
            "一般公共预算支出情况",
            "budget",
            (
                Node("基本支出情况", "basic", aliases=("基本支出",)),
                Node("项目支出情况", "project", aliases=("项目支出",)),
                Node("“三公”经费支出情况", "sangong", aliases=("三公经费支出情况", "“三公”经费使用情况")),
            ),
            aliases=("部门预算收支情况",),
        ),
        Node("政府性基金预算支出情况", "none"),
        Node("国有资本经营预算支出情况", "none"),
        Node("社会保险基金预算支出情况", "none"),
        Node(
            "部门整体支出绩效情况",
            "text:performance_intro",
            (
                Node("经济性", "text:economy", aliases=("经济性分析",)),
                Node("效率性", "list:efficiency_points:efficiency_intro", aliases=("效率性分析", "行政效能")),
                Node("效果性", "titled:results", aliases=("效益性", "产出及效益", "效果性分析")),
            ),
        ),
        Node("存在的问题及原因分析", "list:problems", aliases=("存在的主要问题",)),
        Node("下一步改进措施", "list:remedies", aliases=("改进措施",)),
        Node("绩效自评结果拟应用和公开情况", "none"),
        Node("其他需要说明的情况", "none"),
    ),
)

OUTLINES: tuple[Outline, ...] = (CLASSIC_2019, SELFEVAL_2023)
