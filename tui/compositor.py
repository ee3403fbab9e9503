"""Drawing a change: only the widgets whose visible part touches it.

Textual, to redraw a changed region, asks every widget whose clip (its container's visible
area) touches the region to render, even where the widget itself lies elsewhere: on a part
screen each key typed into a figure rendered every visible row of the form (36 renders, not
2 as in a bare app). A widget that shows nothing inside the region cannot change what is
drawn there, so it is left out; and widgets are painted front to back, the first to paint a
cell keeping it, so once one covers the whole region (the field a key was typed into) the
containers behind it are not rendered either.
"""

from __future__ import annotations

from collections.abc import Iterable

import textual.screen
from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip


class LeanCompositor(Compositor):
    """Textual's compositor, rendering for a partial update only the widgets seen inside it."""

    def _get_renders(self, crop: Region | None = None) -> Iterable[tuple[Region, Region, list[Strip]]]:
        if crop is None:
            yield from super()._get_renders(None)
            return
        for widget, (region, clip) in self.visible_widgets.items():
            seen = region.intersection(clip)
            if seen.width and seen.height and crop.overlaps(seen):
                yield region, clip, widget.render_lines(seen.translate(-region.offset))
                if seen.contains_region(crop):
                    return


def use_lean_compositor() -> None:
    """Give every screen made from now on (the app's and Textual's own) a LeanCompositor."""
    textual.screen.Compositor = LeanCompositor
