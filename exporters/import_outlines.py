"""The outlines the importer matches headings against, made from the outline files (store.outline).

Each heading of an outline becomes a `Node`: its printed title (and its short label and a few
wordings units really use, `ALIASES`), the reader that takes the paragraphs under it
(`place`, see exporters.importer.READERS), and the figures it may set. The reader is chosen by
the fields the outline node holds, so a new outline file needs nothing here: `org` (org_groups),
`staff`, `sangong`, `basic`, `project`, `budget` (stated figures, and its prose block),
`list:<name>[:<intro key>]`, `titled:<name>[:<intro key>]`, `text:<key>`, or `none` (nothing to hold: what
sits under it is 未归类). A heading that holds nothing but starts with a section its parent
prints without a heading (the seed's 基本支出 and its inline 基本支出情况) reads as that section.
"""

from __future__ import annotations

from dataclasses import dataclass

from store import outline as outlines
from store.model import TEXT_LISTS, TITLED_LISTS

#: Other wordings of an outline node's title (by node key) seen in units' real reports.
ALIASES: dict[str, tuple[str, ...]] = {
    "org": ("机构设置情况", "机构设置", "组织机构设置情况", "组织机构"),
    "staff": ("人员编制情况", "人员构成情况"),
    "duties": ("部门职能", "主要职能", "部门职责", "主要工作职责", "主要职责"),
    "plan": ("年度重点工作", "年度主要工作", "重点工作计划", "重点工作任务"),
    "budget": ("部门年度预算收支情况", "年度预算收支盈余情况", "收支情况"),
    "basic": ("基本支出", "基本支出情况"),
    "sangong": ("三公经费使用情况", "“三公”经费支出", "三公经费支出情况"),
    "project": ("项目支出", "项目支出情况"),
    "problems": ("存在的主要问题", "存在的问题及原因分析", "存在的问题及原因"),
    "remedies": ("改进措施和有关建议", "下一步改进措施", "改进措施和建议"),
}


@dataclass(frozen=True)
class Node:
    """One heading of an outline, where the text under it goes, and the headings under it."""

    title: str
    place: str
    children: tuple[Node, ...] = ()
    aliases: tuple[str, ...] = ()
    #: The stated figures (model keys) the paragraphs under this heading may set.
    figures: tuple[str, ...] = ()

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


def place_of(fields: tuple[str, ...]) -> str:
    """The reader for a node holding these field shapes (see the module's docstring)."""
    texts = [shape.removeprefix("texts.") for shape in fields if shape.startswith("texts.")]
    for shape, place in (
        ("org_groups", "org"),
        ("staff_total", "staff"),
        ("sangong", "sangong"),
        ("basic_lines", "basic"),
        ("project_lines", "project"),
    ):
        if shape in fields:
            return place
    if any(shape.startswith("figures.") for shape in fields):
        return "budget:" + (texts[0] if texts else "")
    for name in (*TITLED_LISTS, *TEXT_LISTS):
        if name in fields:
            return f"{'titled' if name in TITLED_LISTS else 'list'}:{name}" + (f":{texts[0]}" if texts else "")
    return f"text:{texts[0]}" if texts else "none"


def _node(source: outlines.Node) -> Node:
    place = place_of(source.fields)
    fields = source.fields
    if place == "none" and source.sections and source.sections[0].inline:
        fields = source.sections[0].fields
        place = place_of(fields)
    aliases = tuple(dict.fromkeys(a for a in (source.label, *ALIASES.get(source.key, ())) if a and a != source.title))
    figures = tuple(shape.removeprefix("figures.") for shape in fields if shape.startswith("figures."))
    return Node(source.title, place, tuple(_node(child) for child in source.sections), aliases, figures)


def from_outline(source: outlines.Outline) -> Outline:
    """The importer's view of an outline file: its headings, each with its reader."""
    return Outline(source.id, tuple(_node(chapter) for chapter in source.chapters))


def known() -> tuple[Outline, ...]:
    """Every outline jixiao has, for the importer to pick the best match from."""
    return tuple(from_outline(outlines.load(outline_id)) for outline_id in outlines.ids())
