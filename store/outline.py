"""A report's outline as data: chapters, their sections, and what each holds, read from a TOML file.

One file per outline, `store/outlines/<id>.toml`. A node (chapter or section) has a printed
`title`, a short `label` and `label_en` for screens and checks, the field shapes it holds
(`fields`), the composer builders that write its words (`blocks`, by name, see
exporters/compose.py), the screen that edits its fields (`screen`, inherited by the nodes
below), which of its fields must be filled (`required`) and which are carried to next year
(`carried`), and its subsections (`sections`). Levels and numbers (一、 （一） 1.) are
computed from where a node sits, never written. `front` (title and preamble) and `back`
(落款) frame the chapters without a heading. `sentences` holds the figure sentences as
templates with `{name}` slots, so what the composer writes can be read back by an importer;
each builder a file names must find its templates there, using only the slots it fills
(store/sentences.py), or the file is refused naming the template.

A node says what the report prints when it is `empty` (nothing of its own or below it is filled
in): "omit" (the default for sections: the heading is left out and the numbers of the headings
after it close up) or "none" (the heading and "无。", where the outline requires a statement, as
存在的问题 or 其他需要说明的情况). `title` is the report's title when the report has none of its
own, a template with `{unit}` (the unit's full name) and `{year}` slots.

A node marked `inline` is printed by its parent's builder (the seed's 三公 paragraph, whose
number depends on whether the basic-spending intro is there); it still names its fields.

Adding an outline is adding a file: nothing here knows any chapter.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from store import sentences as needed
from store.model import DEFAULT_OUTLINE

__all__ = [
    "DEFAULT",
    "EMPTY_RULES",
    "Node",
    "Outline",
    "OutlineError",
    "chinese_number",
    "dump",
    "ids",
    "load",
    "number",
    "parse",
]

#: The outline every report follows unless it names another (and what existing reports migrate to).
DEFAULT = DEFAULT_OUTLINE

_NODE_KEYS = frozenset(
    {
        "key",
        "title",
        "label",
        "label_en",
        "fields",
        "blocks",
        "screen",
        "edited_on",
        "required",
        "carried",
        "inline",
        "empty",
        "sections",
    }
)
_TOP_KEYS = frozenset({"id", "name", "name_en", "title", "front", "chapters", "back", "sentences"})
#: What a node prints when empty: nothing (its heading left out) or its heading and "无。".
EMPTY_RULES = ("omit", "none")
#: The slots a title template may use.
_TITLE_SLOTS = frozenset({"unit", "year"})
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_DIGITS = "零一二三四五六七八九"


class OutlineError(ValueError):
    """An outline file that does not have the shape described above (a programming error in a shipped file)."""


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def number(level: int, n: int, lang: str = "zh") -> str:
    """The number of the n-th heading or item at a level: 一、 （一） 1. （1） (en: I. (I) 1. (1))."""
    if lang != "zh":
        roman = _ROMAN[n - 1] if 0 < n <= len(_ROMAN) else str(n)
        return (f"{roman}.", f"({roman})", f"{n}.", f"({n})")[min(level, 4) - 1]
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


@dataclass(frozen=True)
class Node:
    """One chapter or section of an outline (or its front or back matter, which have no title)."""

    key: str
    title: str
    label: str
    label_en: str
    level: int
    number: int
    fields: tuple[str, ...]
    blocks: tuple[str, ...]
    screen: str
    edited_on: dict[str, str]
    required: tuple[str, ...]
    carried: tuple[str, ...]
    inline: bool
    sections: tuple[Node, ...]
    empty: str = "omit"

    def walk(self) -> Iterator[Node]:
        """This node, then every node below it, in print order."""
        yield self
        for section in self.sections:
            yield from section.walk()


@dataclass(frozen=True)
class Outline:
    """A whole outline: front matter, the numbered chapters, back matter, the sentence templates."""

    id: str
    name: str
    name_en: str
    front: Node
    chapters: tuple[Node, ...]
    back: Node
    sentences: dict[str, str]
    title: str = ""

    def report_title(self, unit: str, year: int) -> str:
        """The title of a report that has none of its own: the outline's template filled with unit and year."""
        return self.title.format(unit=unit, year=year)

    def nodes(self) -> Iterator[Node]:
        """Every node in print order: front, each chapter and its sections, back."""
        yield self.front
        for chapter in self.chapters:
            yield from chapter.walk()
        yield self.back

    def sections(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(key, field shapes) of every node that holds fields, in print order (as fields.SECTIONS)."""
        return tuple((node.key, node.fields) for node in self.nodes() if node.key)

    def node(self, key: str) -> Node:
        """The node named `key`; KeyError if the outline has none."""
        for node in self.nodes():
            if node.key == key:
                return node
        raise KeyError(key)

    def trail(self, key: str) -> tuple[Node, ...]:
        """The headed nodes from the chapter down to the node `key` (empty for front and back matter)."""
        for chapter in self.chapters:
            found = _trail(chapter, key)
            if found is not None:
                return found
        if key in (self.front.key, self.back.key):
            return ()
        raise KeyError(key)

    def label(self, key: str, lang: str = "zh") -> str:
        """What checks and screens call the node `key`, numbered as printed: "一、部门概况（二）年度预算收支"."""
        trail = self.trail(key)
        if not trail:
            node = self.node(key)
            return node.label if lang == "zh" else node.label_en
        if lang == "zh":
            return "".join(number(n.level, n.number) + n.label for n in trail)
        return " ".join(f"{number(n.level, n.number, lang)} {n.label_en}".strip() for n in trail)

    def screen_of(self) -> dict[str, str]:
        """Field shape → the screen that edits it."""
        return {shape: node.edited_on.get(shape, node.screen) for node in self.nodes() for shape in node.fields}

    def required(self) -> tuple[str, ...]:
        """Every field shape the outline says must be filled, in print order."""
        return tuple(shape for node in self.nodes() for shape in node.required)

    def carried(self) -> tuple[str, ...]:
        """Every field shape the outline carries to next year's report, in print order."""
        return tuple(shape for node in self.nodes() for shape in node.carried)

    def shapes(self) -> frozenset[str]:
        """Every field shape the outline shows somewhere."""
        return frozenset(shape for node in self.nodes() for shape in node.fields)

    def sentence(self, template: str, /, **values: str) -> str:
        """The template `name` with its slots filled: sentence("budget.spent", amount="5083.34万元")."""
        return self.sentences[template].format(**values)


def _trail(node: Node, key: str) -> tuple[Node, ...] | None:
    if node.key == key:
        return (node,)
    for section in node.sections:
        found = _trail(section, key)
        if found is not None:
            return (node, *found)
    return None


def _strings(data: dict[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OutlineError(f"{where}: {name} must be a list of strings")
    return tuple(value)


def _node(data: Any, where: str, level: int, n: int, screen: str) -> Node:
    """One node from its TOML table, with its level, number and inherited screen worked out."""
    if not isinstance(data, dict):
        raise OutlineError(f"{where}: a section must be a table")
    unknown = set(data) - _NODE_KEYS
    if unknown:
        raise OutlineError(f"{where}: unknown keys {sorted(unknown)}")
    title = data.get("title", "")
    screen = data.get("screen", screen)
    fields = _strings(data, "fields", where)
    edited_on = data.get("edited_on", {})
    if not isinstance(edited_on, dict) or not all(isinstance(v, str) for v in edited_on.values()):
        raise OutlineError(f"{where}: edited_on must map field shapes to screen names")
    for name, named in (
        ("required", _strings(data, "required", where)),
        ("carried", _strings(data, "carried", where)),
        ("edited_on", tuple(edited_on)),
    ):
        stray = set(named) - set(fields)
        if stray:
            raise OutlineError(f"{where}: {name} names shapes not in fields: {sorted(stray)}")
    empty = data.get("empty", EMPTY_RULES[0])
    if empty not in EMPTY_RULES:
        raise OutlineError(f"{where}: empty must be one of {list(EMPTY_RULES)}")
    if fields and not data.get("key"):
        raise OutlineError(f"{where}: a section with fields needs a key")
    children = data.get("sections", [])
    if not isinstance(children, list):
        raise OutlineError(f"{where}: sections must be a list")
    sections = tuple(_node(child, f"{where} › {i + 1}", level + 1, i + 1, screen) for i, child in enumerate(children))
    return Node(
        key=data.get("key", ""),
        title=title,
        label=data.get("label", title),
        label_en=data.get("label_en", ""),
        level=level,
        number=n,
        fields=fields,
        blocks=_strings(data, "blocks", where),
        screen=screen,
        edited_on=dict(edited_on),
        required=_strings(data, "required", where),
        carried=_strings(data, "carried", where),
        inline=bool(data.get("inline", False)),
        sections=sections,
        empty=empty,
    )


def parse(text: str) -> Outline:
    """An outline from the text of its TOML file; OutlineError naming the place if it is malformed."""
    data = tomllib.loads(text)
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise OutlineError(f"unknown keys {sorted(unknown)}")
    chapters = data.get("chapters", [])
    outline = Outline(
        id=data["id"],
        name=data["name"],
        name_en=data["name_en"],
        front=_node(data.get("front", {}), "front", 0, 0, "prose"),
        chapters=tuple(_node(c, f"chapter {i + 1}", 1, i + 1, "prose") for i, c in enumerate(chapters)),
        back=_node(data.get("back", {}), "back", 0, 0, "prose"),
        sentences=dict(data.get("sentences", {})),
        title=data.get("title", "{unit}{year}年度绩效评价报告"),
    )
    stray = _slots(outline.title, f"{outline.id}: title") - _TITLE_SLOTS
    if stray:
        raise OutlineError(f"{outline.id}: title uses slots {sorted(stray)}; it may use {sorted(_TITLE_SLOTS)}")
    keys = [node.key for node in outline.nodes() if node.key]
    if len(keys) != len(set(keys)):
        raise OutlineError(f"{outline.id}: a key is used twice")
    shapes = [shape for node in outline.nodes() for shape in node.fields]
    if len(shapes) != len(set(shapes)):
        raise OutlineError(f"{outline.id}: a field sits in two sections")
    _check_sentences(outline)
    return outline


def _slots(template: str, where: str) -> set[str]:
    """The slot names a template uses; OutlineError for unbalanced braces."""
    try:
        return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}
    except ValueError as error:
        raise OutlineError(f"{where}: {error}") from error


def _check_sentences(outline: Outline) -> None:
    """Every template the outline's builders fill is in its `[sentences]`, with only slots they fill."""
    source = f"{outline.id}.toml"
    stray = set(outline.sentences) - needed.known()
    if stray:
        raise OutlineError(f"{source}: [sentences] names templates no builder fills: {sorted(stray)}")
    builders = dict.fromkeys(spec.partition(":")[0] for node in outline.nodes() for spec in node.blocks)
    for builder in builders:
        for name, slots in needed.NEEDED.get(builder, {}).items():
            template = outline.sentences.get(name)
            if not isinstance(template, str):
                raise OutlineError(f"{source}: [sentences] has no template {name!r} (the {builder} builder says it)")
            unknown = _slots(template, f"{source}: [sentences] {name!r}") - set(slots)
            if unknown:
                raise OutlineError(
                    f"{source}: [sentences] {name!r} uses slots {sorted(unknown)}; "
                    f"the {builder} builder fills {sorted(slots)}"
                )


@cache
def ids() -> tuple[str, ...]:
    """The outlines shipped with jixiao, the default first, then by id."""
    found = sorted(
        entry.name.removesuffix(".toml")
        for entry in resources.files("store.outlines").iterdir()
        if entry.name.endswith(".toml")
    )
    return (DEFAULT, *(name for name in found if name != DEFAULT))


@cache
def load(outline_id: str = DEFAULT) -> Outline:
    """The outline `outline_id` (KeyError for one jixiao does not ship)."""
    if outline_id not in ids():
        raise KeyError(outline_id)
    text = resources.files("store.outlines").joinpath(f"{outline_id}.toml").read_text(encoding="utf-8")
    outline = parse(text)
    if outline.id != outline_id:
        raise OutlineError(f"{outline_id}.toml says id = {outline.id!r}")
    return outline


def dump(outline: Outline) -> dict[str, Any]:
    """The outline as the plain data of its file (what `parse` reads back), for tests and a third outline's author."""

    def node(n: Node) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in ("key", "title"):
            if getattr(n, name):
                out[name] = getattr(n, name)
        if n.label != n.title:
            out["label"] = n.label
        if n.label_en:
            out["label_en"] = n.label_en
        for name in ("fields", "blocks", "required", "carried"):
            if getattr(n, name):
                out[name] = list(getattr(n, name))
        out["screen"] = n.screen
        if n.edited_on:
            out["edited_on"] = dict(n.edited_on)
        if n.inline:
            out["inline"] = True
        if n.empty != EMPTY_RULES[0]:
            out["empty"] = n.empty
        if n.sections:
            out["sections"] = [node(s) for s in n.sections]
        return out

    return {
        "id": outline.id,
        "name": outline.name,
        "name_en": outline.name_en,
        "title": outline.title,
        "front": node(outline.front),
        "chapters": [node(c) for c in outline.chapters],
        "back": node(outline.back),
        "sentences": dict(outline.sentences),
    }
