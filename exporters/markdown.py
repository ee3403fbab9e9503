"""The Markdown writer: a document tree as CommonMark with GFM tables.

It lays the tree out and nothing more. Run-in titles are not set in bold: CommonMark's
emphasis rules do not close `**…：**` before a CJK character, so the words stay plain. Every piece of user text is escaped so it cannot
change the structure: a paragraph that starts with `2024.` or `#` stays a paragraph, a `|`
stays inside its table cell, `<b>` is shown, not interpreted.
"""

from __future__ import annotations

import re

from exporters.tree import Document, Heading, PageBreak, Paragraph, Signature, Table, Title

# ASCII punctuation that can start or end markup anywhere in a line (CommonMark + GFM).
_INLINE = re.compile(r"([\\`*_\[\]<>#|~&!])")
# Markers that only matter at the start of a line: list bullets, setext underline, thematic breaks.
_LINE_START = re.compile(r"^([-+=])")
# An ordered-list marker: up to nine digits, then `.` or `)`, then a space or the end.
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)")
_HEADING_MARKS = {1: "##", 2: "###", 3: "####", 4: "#####"}


def escape(text: str) -> str:
    """User text as Markdown that renders exactly as the text, on one line."""
    text = " ".join(text.splitlines()).lstrip(" \t")
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\\\1", text)
    return _ORDERED.sub(r"\1\\\2", text)


def _cell(text: str) -> str:
    return escape(text) or " "


def _table(table: Table) -> str:
    rule = {"left": ":---", "center": ":---:", "right": "---:"}
    lines = [
        "| " + " | ".join(_cell(h) for h in table.header) + " |",
        "| " + " | ".join(rule[a] for a in table.align) + " |",
    ]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    caption = "　".join(escape(part) for part in (table.label, table.caption) if part)
    head = [f"**{caption}**"] if caption else []
    if table.note:
        head.append(escape(table.note))
    return "\n\n".join([*head, "\n".join(lines)])


def render(document: Document) -> str:
    """The whole document as Markdown text, blocks separated by blank lines, ending in a newline."""
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, Title):
            out.append(f"# {escape(block.text)}")
        elif isinstance(block, Heading):
            out.append(f"{_HEADING_MARKS[block.level]} {escape(block.number + block.text)}")
        elif isinstance(block, Paragraph):
            out.append(escape(block.number + block.lead + block.text))
        elif isinstance(block, Signature):
            out.append(f"{escape(block.unit)}\\\n{escape(block.date)}")
        elif isinstance(block, PageBreak):
            out.append("---")
        elif isinstance(block, Table):
            out.append(_table(block))
    return "\n\n".join(out) + "\n"
