"""The preview's drawing of the exporter's Markdown: tables as grids fitted to the width, as the alignment row says."""

from __future__ import annotations

from rich.cells import cell_len

from tui.widgets.markdown_lines import blocks, column_widths, draw

TABLE = (
    "| 项目 | 单位 | 金额 |\n| :--- | :---: | ---: |\n| 财政拨款收入 | 万元 | 4454.34 |\n| 其他收入 |   | 661.75 |\n"
)


def drawn(markdown: str, width: int) -> list[str]:
    """The lines `markdown` is drawn as, `width` cells wide, as text."""
    read, _starts = blocks([markdown])
    return [
        "".join(segment.text for segment in line) for block in read for piece in draw(block, width) for line in piece
    ]


def test_columns_are_placed_as_the_alignment_row_says():
    assert drawn(TABLE, 60) == [
        "┌──────────────┬──────┬─────────┐",
        "│ 项目         │ 单位 │    金额 │",
        "├──────────────┼──────┼─────────┤",
        "│ 财政拨款收入 │ 万元 │ 4454.34 │",
        "│ 其他收入     │      │  661.75 │",
        "└──────────────┴──────┴─────────┘",
        "",
    ]


def test_a_table_wider_than_the_line_shares_it_and_keeps_its_amounts_whole():
    lines = drawn(TABLE, 26)
    assert max(cell_len(line) for line in lines) == 26
    assert lines[3].startswith("│ 财政 ") and lines[4].startswith("│ 拨款 ") and lines[3].endswith("│ 4454.34 │")


def test_cut_columns_get_even_widths_and_the_rest_goes_two_cells_at_a_time():
    assert column_widths([50, 26, 4, 6, 6, 11], [2, 2, 2, 4, 5, 2], 37) == [8, 7, 4, 6, 6, 6]
    assert column_widths([10, 4], [2, 4], 20) == [10, 4]
    assert column_widths([10, 8], [8, 8], 12) == [8, 8]  # not below the narrowest, though wider than the room
