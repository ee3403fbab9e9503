"""Small .docx files written part by part, as Word writes them (WordprocessingML by hand), for the reader's tests.

`word_file(body, numbering=…, styles=…, comments=…)` gives the bytes of a package whose
word/document.xml body is `body` (paragraph and table XML with the w:, r:, wp:, a:, wps:, mc:, v:
prefixes declared); `p(text, …)` writes one paragraph the way Word does.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'mc:Ignorable="w14"'
)
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_TYPES = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def p(text: str = "", *, style: str = "", num: tuple[int, int] | None = None, runs: str = "", ppr: str = "") -> str:
    """A paragraph: its style id, its numbering (numId, ilvl), then `text` as one run (and `runs`, raw XML)."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    props += ppr
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{run}{runs}</w:p>"


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    """One level of an abstract numbering, as Word writes it."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{420 * (ilvl + 1)}" w:hanging="420"/></w:pPr></w:lvl>'
    )


def numbering(abstracts: dict[int, list[str]], nums: dict[int, int | tuple[int, str]]) -> str:
    """numbering.xml: abstract numberings (id → levels), then instances (numId → abstractNumId or
    (abstractNumId, override XML))."""
    body = "".join(
        f'<w:abstractNum w:abstractNumId="{key}"><w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
        for key, levels in abstracts.items()
    )
    for num_id, ref in nums.items():
        abstract, override = ref if isinstance(ref, tuple) else (ref, "")
        body += f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>'
    return f"{HEAD}<w:numbering {NS}>{body}</w:numbering>"


def style(style_id: str, name: str, *, based_on: str = "", ppr: str = "", default: bool = False) -> str:
    """A paragraph style as Word writes it (a Chinese Word names Heading 1 "heading 1" with id "1")."""
    flag = ' w:default="1"' if default else ""
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    props = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f'<w:style w:type="paragraph"{flag} w:styleId="{style_id}"><w:name w:val="{name}"/>{base}<w:qFormat/>{props}</w:style>'


def styles(*defined: str) -> str:
    normal = style("a", "Normal", default=True)
    return f"{HEAD}<w:styles {NS}>{normal}{''.join(defined)}</w:styles>"


def comments(*texts: str) -> str:
    body = "".join(
        f'<w:comment w:id="{i}" w:author="审核人" w:date="2021-03-01T10:00:00Z" w:initials="审">'
        f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:comment>"
        for i, text in enumerate(texts)
    )
    return f"{HEAD}<w:comments {NS}>{body}</w:comments>"


def word_file(
    body: str,
    *,
    numbering: str = "",
    styles: str = "",
    comments: str = "",
    header: str = "",
    document: str | bytes = "",
) -> bytes:
    """The bytes of a .docx: [Content_Types].xml, the package and document relationships, the parts given.

    `document` replaces the whole word/document.xml (for hostile tests); else `body` sits in w:body
    with a section's properties after it, as Word ends every body."""
    parts: dict[str, str | bytes] = {
        "word/document.xml": document or f"{HEAD}<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"
    }
    rels, overrides = [], [("/word/document.xml", f"{_TYPES}.document.main+xml")]
    for name, xml, kind in (
        ("styles", styles, "styles"),
        ("numbering", numbering, "numbering"),
        ("comments", comments, "comments"),
        ("header1", header, "header"),
    ):
        if xml:
            parts[f"word/{name}.xml"] = xml
            rels.append(f'<Relationship Id="rId{len(rels) + 1}" Type="{_RELS}/{kind}" Target="{name}.xml"/>')
            overrides.append((f"/word/{name}.xml", f"{_TYPES}.{kind}+xml"))
    types = "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides)
    parts["[Content_Types].xml"] = (
        f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{types}</Types>'
    )
    parts["_rels/.rels"] = (
        f'{HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    parts["word/_rels/document.xml.rels"] = (
        f'{HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{''.join(rels)}</Relationships>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name in (
            "[Content_Types].xml",
            "_rels/.rels",
            *sorted(set(parts) - {"[Content_Types].xml", "_rels/.rels"}),
        ):
            package.writestr(name, parts[name])
    return buffer.getvalue()
