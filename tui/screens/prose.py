"""其他章节与落款: the title and preamble, the prose of every other section, and the signature.

Laid out from the report's outline (store/outline.py): every part whose fields the outline
puts on this screen, in print order, each field by its kind — a line for names, years and
dates, a text box for prose, a numbered list for points and titled items. So the seed's
outline shows what the money went to, the 三公 sentences, implementation, assets and the
performance sections; the 2023 outline shows its goals, conclusion and other matters.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

from store import fields
from store import outline as outlines
from store.model import TEXT_LISTS, TITLED_LISTS, TitledItem
from tui.actions import bindings
from tui.keymap import keys_said
from tui.screens.part import PartBody, PartScreen
from tui.widgets.field import FieldInput, FieldRow, ProseArea
from tui.widgets.listed import ListEditor
from tui.widgets.outline_choice import outline_name

#: Characters beyond which a 标题 is taken for a sentence meant for its 内容.
TITLE_LONG = 30


class ProseScreen(PartScreen):
    """Title, preamble, the sections' prose and points as the outline has them, 落款."""

    PART = "prose"
    BINDINGS = bindings("prose")

    def compose_body(self) -> ComposeResult:
        for key, shapes in self.sections_on():
            yield self.section(key)
            heading = self.outline.label(key, self.session.lang)
            for shape in shapes:
                yield from self.field(shape, heading=heading)

    def field(self, shape: str, *, heading: str) -> Iterable[Widget]:
        """The editor for one field of the outline, by its kind; prose the heading already names goes unlabelled."""
        t = self.app.t
        if shape == "outline":
            name = outline_name(self.session.report.outline, self.session.lang)
            yield Static(
                t("ui.outline.current", name=name, outline=keys_said(self.app, "outline")), classes="field-note"
            )
        elif shape in TITLED_LISTS:
            add = self.add_label(shape)
            yield ListEditor(
                self.session,
                shape,
                self.titled_item,
                lambda: TitledItem(""),
                numbered=True,
                add_label=add,
                item_lines=3,
            )
        elif shape in TEXT_LISTS:
            add = self.add_label(shape)
            yield ListEditor(self.session, shape, self.text_item, str, numbered=True, add_label=add)
        elif "." in shape and not shape.startswith("texts."):
            return
        elif fields.kind_of(shape) == "text":
            yield self.prose(shape, label="" if self.label(shape) in heading else None)
        else:
            yield self.line(shape, placeholder=self.placeholder(shape))

    def update_live(self) -> None:
        """A 标题 grown into a sentence: say that the text goes in 内容, below it (Enter gets there)."""
        for path in list(self.editors_now()):
            if path.endswith(".title") and path.partition("[")[0] in TITLED_LISTS:
                title = self.typed(path) or ""
                long = len(title) > TITLE_LONG
                self.set_aside(
                    path, self.app.t("ui.prose.title_long", enter=keys_said(self.app, "field.next")) if long else ""
                )

    def add_label(self, shape: str) -> str:
        """The words on a list's add button, naming its part as the report's outline does ("＋ 添加履职效能要点")."""
        node = self.outline.node(fields.section_of(shape, self.session.report.outline))
        return self.app.t("ui.prose.add_point", part=node.label if self.session.lang == "zh" else node.label_en)

    async def action_add_to_section(self) -> None:
        """Ctrl+N in a text of the form (not in a list): add an item to the list of the same part, below it."""
        focused = self.focused
        if focused is None or any(isinstance(node, ListEditor) for node in focused.ancestors):
            return
        passed = False
        for node in self.query_one(PartBody).children:
            if passed and node.has_class("section"):
                return
            if node is focused or node in focused.ancestors:
                passed = True
            elif passed and isinstance(node, ListEditor):
                await node.action_add(1)
                return

    def placeholder(self, shape: str) -> str:
        """What an empty line shows: the date's format, or for the title the outline's, printed while none is typed."""
        if shape == "sign_date":
            return self.app.t("ui.prose.date_hint")
        if shape == "title":
            report = self.session.report
            return outlines.load(report.outline).report_title(report.unit_name, report.fiscal_year)
        return ""

    def titled_item(self, path: str, _item: Any) -> Iterable[Widget]:
        title = FieldInput(self.session, f"{path}.title", placeholder=self.app.t("ui.prose.title_hint"))
        yield FieldRow(title, label=self.column("assets.title"), aside="")
        yield FieldRow(ProseArea(self.session, f"{path}.body"), label=self.column("assets.body"), stacked=True)
