"""The preview of a long report (issue 23): F8 on 2,000 results and 5,000 duties comes up at once
as lines drawn for the screen only, reaches the last result, and n / p / the scrolling keys move
through it.
"""

from __future__ import annotations

from pathlib import Path

from conftest import SEED_ID
from pilot_helpers import retype, shown, until

from store.repository import Store
from tui.screens.preview import PreviewScreen
from tui.widgets.markdown_lines import MarkdownLines

#: Live widgets the long preview may have under its screen: the heading, the lines, the key line and their parts.
MOST_WIDGETS = 50


def last_measured_result(path: Path) -> str:
    """The number and title of the last result with indicators, as the 自评表 at the report's end lists it."""
    with Store.open(path) as store:
        results = store.load(SEED_ID).results
    number = max(index for index, result in enumerate(results, 1) if result.indicators)
    return f"{number}.{results[number - 1].title}"


async def open_preview(pilot) -> MarkdownLines:
    """Open the report, press F8 and wait for the preview's text."""
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("f8")
    await until(pilot, lambda: isinstance(pilot.app.screen, PreviewScreen), "the preview on screen")
    body = pilot.app.screen.body
    await until(pilot, lambda: shown(body)[0], "the preview's text shown")
    return body


async def test_f8_on_a_long_report_shows_its_first_heading_in_bold_with_few_widgets(make_app, long_copy):
    async with make_app(path=long_copy).run_test(size=(100, 30)) as pilot:
        body = await open_preview(pilot)
        assert isinstance(body, MarkdownLines)
        assert shown(body)[0].strip() == "绩效评价报告"
        assert all(segment.style.bold for segment in body.render_line(0) if segment.text.strip())
        assert "一、部门概况" in shown(body)
        assert len(pilot.app.screen.query("*")) < MOST_WIDGETS
        assert pilot.app.focused is body


async def test_end_reaches_the_last_results_table_rows_of_a_long_report(make_app, long_copy):
    """The 自评表 ends the report: End shows its last result (the 1,999th) in its table's grid, no Markdown marks."""
    result = last_measured_result(long_copy)
    assert result.startswith("1999.")
    async with make_app(path=long_copy).run_test(size=(100, 30)) as pilot:
        body = await open_preview(pilot)
        await pilot.press("end")
        await pilot.pause()
        lines = shown(body)
        assert any(line.startswith(f"│ {result[:10]}") for line in lines)
        assert [line for line in lines if line][-1].startswith("└")
        assert all(cell not in "".join(lines) for cell in ("|", ":---", "**"))


async def test_n_and_p_jump_between_the_chapters_of_a_long_report(make_app, long_copy):
    async with make_app(path=long_copy).run_test(size=(100, 30)) as pilot:
        body = await open_preview(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert shown(body)[0] == "一、部门概况"
        await pilot.press("n")
        await pilot.pause()
        assert shown(body)[0].startswith("二、")
        await pilot.press("p")
        await pilot.pause()
        assert shown(body)[0] == "一、部门概况"


async def test_page_and_arrow_keys_scroll_a_long_preview(make_app, long_copy):
    async with make_app(path=long_copy).run_test(size=(100, 30)) as pilot:
        body = await open_preview(pilot)
        first = shown(body)
        await pilot.press("pagedown")
        await pilot.pause()
        paged = shown(body)
        assert paged[0] == first[-1] or paged[0] not in first[:-1]
        await pilot.press("down")
        await pilot.pause()
        assert shown(body)[0] == paged[1]
        await pilot.press("up", "pageup")
        await pilot.pause()
        assert shown(body) == first


async def test_a_long_preview_rewraps_to_a_narrower_terminal_keeping_its_place(make_app, long_copy):
    async with make_app(path=long_copy).run_test(size=(100, 30)) as pilot:
        body = await open_preview(pilot)
        await pilot.press("n", "n")
        await pilot.pause()
        wide = shown(body)
        await pilot.resize_terminal(60, 30)
        await pilot.pause()
        narrow = shown(body)
        assert narrow[0].startswith("二、")
        assert max(len(line) for line in narrow) < max(len(line) for line in wide)
        assert all(body.render_line(y).cell_length <= 60 for y in range(5))


async def test_a_long_preview_follows_an_edit(make_app, long_copy):
    """The project spending retyped on F3 shows in the 附表1 (the last chapter: End, then p) on the next F8."""
    async with make_app(path=long_copy).run_test(size=(100, 30)) as pilot:
        body = await open_preview(pilot)
        await pilot.press("end", "p")
        await pilot.pause()
        assert set(shown(body)[0]) == {"─"} and "3472.44" in "".join(shown(body))
        await pilot.press("f3")
        await pilot.pause()
        await retype(pilot, "figures.project_spent", "3472.66")
        await pilot.press("f8")
        await until(pilot, lambda: "3472.66" in "".join(shown(body)), "the new figure in the preview")
        assert "3472.44" not in "".join(shown(body))
