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
from tui.screens.part import PartScreen
from tui.widgets.field import FieldInput, FieldRow, ProseArea
from tui.widgets.listed import ListEditor
from tui.widgets.outline_choice import outline_name

#: The words on the button that adds an item to a list shown here (catalogue keys).
ADD_LABELS = {"assets": "ui.prose.add_asset"}


class ProseScreen(PartScreen):
    """Title, preamble, the sections' prose and points as the outline has them, 落款."""

    PART = "prose"

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
            yield Static(t("ui.outline.current", name=name), classes="field-note")
        elif shape in TITLED_LISTS:
            add = t(ADD_LABELS.get(shape, "ui.prose.add_point"))
            yield ListEditor(
                self.session, shape, self.titled_item, lambda: TitledItem(""), numbered=True, add_label=add
            )
        elif shape in TEXT_LISTS:
            add = t(ADD_LABELS.get(shape, "ui.prose.add_point"))
            yield ListEditor(self.session, shape, self.text_item, str, numbered=True, add_label=add)
        elif "." in shape and not shape.startswith("texts."):
            return
        elif fields.kind_of(shape) == "text":
            yield self.prose(shape, label="" if self.label(shape) in heading else None)
        else:
            yield self.line(shape, placeholder=self.placeholder(shape))

    def placeholder(self, shape: str) -> str:
        """What an empty line shows: the date's format, or for the title the outline's, printed while none is typed."""
        if shape == "sign_date":
            return self.app.t("ui.prose.date_hint")
        if shape == "title":
            report = self.session.report
            return outlines.load(report.outline).report_title(report.unit_name, report.fiscal_year)
        return ""

    def titled_item(self, path: str, _item: Any) -> Iterable[Widget]:
        yield FieldRow(FieldInput(self.session, f"{path}.title"), label=self.column("assets.title"))
        yield FieldRow(ProseArea(self.session, f"{path}.body"), label=self.column("assets.body"), stacked=True)
