"""The Markdown writer, read back with markdown-it-py: the intended structure, and text that stays text."""

from __future__ import annotations

import pytest
from export_facts import (
    HOSTILE_LINES,
    LONG_PARAGRAPH,
    SEED_AMOUNTS,
    SEED_HEADINGS,
    SEED_SENTENCES,
    SEED_SHARES,
    printed,
    seed_narrative,
)
from markdown_it import MarkdownIt
from markdown_it.token import Token

from exporters import to_markdown
from exporters.markdown import escape, render
from exporters.tree import Document, Paragraph, Table
from store.model import Report

#: Inline markup the writer never produces from user text.
FOREIGN_INLINE = {"html_inline", "link_open", "image", "em_open", "code_inline", "s_open", "softbreak"}
#: Block structure the writer never produces.
FOREIGN_BLOCKS = {"bullet_list_open", "ordered_list_open", "blockquote_open", "html_block", "code_block", "fence"}


def parse(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def plain(inline: Token) -> str:
    """The text a reader sees in an inline token; a hard line break as a newline."""
    parts = []
    for child in inline.children or []:
        if child.type == "text":
            parts.append(child.content)
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def structure(tokens: list[Token]) -> dict[str, list]:
    """Headings (level, text), paragraphs, tables (as lists of rows) and thematic breaks, in order."""
    out: dict[str, list] = {"headings": [], "paragraphs": [], "tables": [], "hr": []}
    row: list[str] | None = None
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            out["headings"].append((int(token.tag[1]), plain(tokens[i + 1])))
        elif token.type == "paragraph_open":
            out["paragraphs"].append(plain(tokens[i + 1]))
        elif token.type == "table_open":
            out["tables"].append([])
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            assert row is not None
            row.append(plain(tokens[i + 1]))
        elif token.type == "tr_close":
            out["tables"][-1].append(row)
        elif token.type == "hr":
            out["hr"].append(i)
    return out


def foreign(tokens: list[Token]) -> set[str]:
    kinds = {t.type for t in tokens} & FOREIGN_BLOCKS
    for token in tokens:
        kinds |= {c.type for c in token.children or []} & FOREIGN_INLINE
    return kinds


def test_the_seed_parses_to_title_sections_paragraphs_tables_and_signature(report: Report) -> None:
    tokens = parse(to_markdown(report))
    found = structure(tokens)
    assert found["headings"] == [(1, "绩效评价报告")] + [(level + 1, text) for level, text in SEED_HEADINGS]
    paragraphs = found["paragraphs"]
    for sentence in SEED_SENTENCES:
        assert any(sentence in p for p in paragraphs), sentence
    for paragraph in seed_narrative(report):
        assert any(paragraph.strip() in p for p in paragraphs), paragraph[:40]
    assert "长沙市开福区月湖街道办事处\n2020年9月21日" in paragraphs
    assert len(found["hr"]) == 1
    assert [len(t) for t in found["tables"]] == [10, 5, 8, 5, 10]
    assert found["tables"][1][0] == ["经济分类", "金额", "占基本支出（%）", "占总支出（%）"]
    assert found["tables"][1][-1] == ["合计", "1610.68", "100.00", "31.69"]
    assert foreign(tokens) == set()


def test_every_figure_and_share_of_the_seed_is_in_the_text(report: Report) -> None:
    text = to_markdown(report, tables=False)
    for amount in SEED_AMOUNTS:
        assert f"{amount}万元" in text, amount
    for share in SEED_SHARES:
        assert f"{share}%" in text, share


def test_without_tables_there_is_no_appendix(report: Report) -> None:
    found = structure(parse(to_markdown(report, tables=False)))
    assert found["tables"] == [] and found["hr"] == []
    assert found["paragraphs"][-1] == "长沙市开福区月湖街道办事处\n2020年9月21日"


@pytest.mark.parametrize("line", HOSTILE_LINES)
def test_hostile_text_stays_one_paragraph_of_the_same_text(line: str) -> None:
    tokens = parse(render(Document(title="", author="", blocks=[Paragraph(printed(line))])))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert plain(tokens[1]) == printed(line)


@pytest.mark.parametrize("line", HOSTILE_LINES)
def test_hostile_text_stays_in_its_table_cell(line: str) -> None:
    table = Table("附表1", "表", ("甲", "乙"), ((printed(line), "|"),), ("left", "right"))
    (found,) = structure(parse(render(Document(title="", author="", blocks=[table]))))["tables"]
    assert found == [["甲", "乙"], [printed(line), "|"]]


def test_a_hostile_report_keeps_its_structure(hostile_report: Report) -> None:
    text = to_markdown(hostile_report)
    tokens = parse(text)
    found = structure(tokens)
    assert found["headings"][0] == (1, "# 标题|")
    assert [h for h in found["headings"][1:]] == [(level + 1, t) for level, t in SEED_HEADINGS]
    for line in HOSTILE_LINES:
        assert printed(line) in found["paragraphs"], line
    assert LONG_PARAGRAPH in found["paragraphs"]
    assert "单位名称 | 盖章\n2020年9月21日" in found["paragraphs"]
    basic = found["tables"][1]
    assert basic[-2] == ["其他|支出 #1", "0.00", "0.00", "0.00"]
    assert found["tables"][-1][-1] == ["17.# 成果 | 一", "比率|a", "%|", "0", "5", ""]
    assert foreign(tokens) == set()
    assert len(found["hr"]) == 1


def test_escape_leaves_ordinary_chinese_and_figures_alone() -> None:
    assert escape("2019年基本支出1610.68万元，占31.69%。") == "2019年基本支出1610.68万元，占31.69%。"
    assert escape("1.制度方面：") == "1.制度方面："
