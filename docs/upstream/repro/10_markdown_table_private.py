"""`MarkdownTable` is not exported from `textual.widgets.markdown`, nor is a public way to read a
table's header and rows: replacing the table through the public `Markdown.BLOCKS` means
subclassing `textual.widgets._markdown.MarkdownTable` and calling its `_get_headers_and_rows()`.

Textual's table makes a widget of every cell; a document with a few tables has hundreds.

Run: python 10_markdown_table_private.py
"""

import asyncio

import textual
import textual.widgets.markdown
from textual.app import App, ComposeResult
from textual.widgets import Markdown

TABLE = "| item | amount |\n|---|---:|\n" + "".join(f"| item {n} | {n * 100} |\n" for n in range(20))


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Markdown(TABLE)


async def main() -> bool:
    """True when the bug shows: MarkdownTable cannot be imported from the public module."""
    exported = hasattr(textual.widgets.markdown, "MarkdownTable")
    print("textual.widgets.markdown exports:", textual.widgets.markdown.__all__)
    print("MarkdownTable importable from textual.widgets.markdown:", exported)
    app = TableApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        widgets = len(app.query_one(Markdown).query("*"))
    print(f"widgets under Markdown for one 21-row, 2-column table: {widgets}")
    return not exported


if __name__ == "__main__":
    print("Textual", textual.__version__)
    print("bug reproduced:", asyncio.run(main()))
