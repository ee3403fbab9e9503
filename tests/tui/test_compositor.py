"""Drawing a key typed into a figure (tui.textual_compat.LeanCompositor): the same picture, a fraction of the work.

What a person notices: each key shows at once on a form of hundreds of rows, and what the
terminal shows is exactly what Textual would have drawn.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from keystream import FIGURES
from pilot_helpers import open_part, widget
from textual._compositor import Compositor
from textual.widget import Widget

from tui.textual_compat import LeanCompositor
from tui.widgets.field import FieldInput


def _drawn(monkeypatch: pytest.MonkeyPatch, compositor: Compositor, draw: Callable[[], Any]) -> tuple[Any, Counter]:
    """What `draw` returns, and how often it had each widget render, with the compositor as it is."""
    rendered: Counter[Widget] = Counter()
    render_lines = Widget.render_lines

    def counted(self: Widget, crop: Any) -> Any:
        rendered[self] += 1
        return render_lines(self, crop)

    with monkeypatch.context() as patch:
        patch.setattr(Widget, "render_lines", counted)
        return draw(), rendered


#: A cursor move straight before another, or at the very end: it moves the cursor and draws nothing.
_IDLE_MOVE = re.compile(r"\x1b\[\d+;\d+H(?=\x1b\[\d+;\d+H|$)")


def _picture(update: str) -> str:
    """What an update draws: its text and styles, without cursor moves that draw nothing."""
    return _IDLE_MOVE.sub("", update)


def _as_textual(monkeypatch: pytest.MonkeyPatch, compositor: Compositor) -> None:
    monkeypatch.setattr(compositor, "_get_renders", partial(Compositor._get_renders, compositor))


async def test_a_key_in_a_figure_is_drawn_as_textual_draws_it_from_the_widgets_on_its_line(make_app, monkeypatch):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_part(pilot, "f3")
        field = widget(pilot, FIGURES[0])
        field.focus()
        await pilot.press("end", "ctrl+u", "1", "6")
        await pilot.pause()
        compositor = app.screen._compositor
        assert isinstance(compositor, LeanCompositor)

        def key_drawn() -> str:
            compositor._dirty_regions.add(field.region)
            return compositor.render_partial_update().render_segments(app.console)

        lean, lean_rendered = _drawn(monkeypatch, compositor, key_drawn)
        _as_textual(monkeypatch, compositor)
        textual, textual_rendered = _drawn(monkeypatch, compositor, key_drawn)

    assert "16" in lean
    assert _picture(lean) == _picture(textual)
    # Textual renders every visible row of the form, whose container's view holds the line;
    # only the field shows anything there (what holds it lies behind it).
    assert set(lean_rendered) == {field}
    assert sum(textual_rendered.values()) > 3 * sum(lean_rendered.values())


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_a_whole_screen_is_drawn_as_textual_draws_it(make_app, monkeypatch, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_part(pilot, "f3")
        compositor = app.screen._compositor
        lean = [strip.text for strip in compositor.render_strips()]
        _as_textual(monkeypatch, compositor)
        textual = [strip.text for strip in compositor.render_strips()]
    assert lean == textual
    assert any("财政拨款收入预算批复数" in line for line in lean)


async def test_a_key_typed_into_a_figure_is_drawn_before_what_it_set_off(make_app, monkeypatch):
    """The digit shows as soon as the field has it, before even the field's own Changed message
    (which climbs the form to update its sums and shares) has run."""

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_part(pilot, "f3")
        field = widget(pilot, FIGURES[0])
        field.focus()
        await pilot.press("end", "ctrl+u")
        await pilot.pause()
        happened: list[str] = []
        display, heard = app._display, FieldInput.on_input_changed

        def drawn(screen: Any, update: Any) -> None:
            happened.append(f"drawn {field.value}")
            display(screen, update)

        def told(self: FieldInput, event: Any) -> None:
            happened.append(f"told {field.value}")
            heard(self, event)

        monkeypatch.setattr(app, "_display", drawn)
        monkeypatch.setattr(FieldInput, "on_input_changed", told)
        await pilot.press("7")
        await pilot.pause()
    assert happened.index("drawn 7") < happened.index("told 7")
