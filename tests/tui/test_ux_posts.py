"""F2 编制数 with its 行政编制 / 事业编制 split: typed as counts, refused in a count's words, checked on F7."""

from __future__ import annotations

import io

from pilot_helpers import open_part, retype, widget
from rich.console import Console
from textual.widgets import OptionList, Static

from tui.widgets.field import row_of


async def test_the_posts_split_is_typed_under_the_authorised_posts(make_app, stored):
    async with make_app().run_test(size=(80, 24)) as pilot:
        await open_part(pilot, "f2")
        await retype(pilot, "authorised_posts", "50")
        await retype(pilot, "figures.posts_admin", "１３名")
        await retype(pilot, "figures.posts_institution", "三十七")
        refused = widget(pilot, "figures.posts_institution")
        assert refused.has_class("-refused")
        error = str(row_of(refused).query_one(".field-error", Static).render())
        assert "只能输入整数" in error and "万元" not in error
        await retype(pilot, "figures.posts_institution", "36")
        await pilot.press("f7")
        await pilot.pause()
        findings = pilot.app.screen.query_one("#findings", OptionList)
        console = Console(width=400, record=True, file=io.StringIO())
        for option in findings.options:
            console.print(option.prompt)
        shown = console.export_text()
        assert "编制数对不上" in shown and "相差1人" in shown
    assert (stored("authorised_posts"), stored("figures.posts_admin"), stored("figures.posts_institution")) == (
        50,
        13,
        36,
    )
