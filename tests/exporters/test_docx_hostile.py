"""Hostile and broken Word files are refused fast, in one sentence, with exit 2 and no traceback:
an entity bomb, a part that inflates huge, malformed XML, too many paragraphs, a password-protected
file (exporters.readers.docx). The files are built small in the test."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from word_package import HEAD, NS, p, word_file

from exporters.readers import ReadError, read_document
from exporters.readers import docx as docx_reader
from exporters.readers.doc import ole_kind

ROOT = Path(__file__).resolve().parents[2]

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + f"]>\n<w:document {NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


def test_an_entity_bomb_is_named_as_such_wherever_its_dtd_hides() -> None:
    padded = BILLION_LAUGHS.replace("?>\n", "?>\n<!--" + "x" * 6000 + "-->")
    utf16 = BILLION_LAUGHS.replace('"1.0"', '"1.0" encoding="UTF-16"').encode("utf-16")
    for bomb in (BILLION_LAUGHS, padded, utf16):
        with pytest.raises(ReadError) as error:
            docx_reader.docx_document(word_file("", document=bomb))
        assert error.value.code == "import.docx_unsafe"


def zeros_member(size: int) -> bytes:
    """A .docx whose document.xml is `size` bytes of XML padding (spaces compress ~1000 : 1), written in chunks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f"{HEAD}<w:document {NS}><w:body>".encode())
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return buffer.getvalue()


def cfb(streams: dict[str, int]) -> bytes:
    """A minimal OLE compound file (MS-CFB version 3, 512-byte sectors) holding streams of the given sizes
    (each at least 4096 bytes, so none sits in the mini stream): what Word writes around an encrypted
    package, without the encryption."""
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    fat = [fat_sector, end]
    entries = [("Root Entry", 5, end, 0)]
    data = b""
    for name, size in streams.items():
        first, count = len(fat), -(-size // 512)
        fat += [first + i + 1 for i in range(count - 1)] + [end]
        entries.append((name, 2, first, size))
        data += b"\x01" * (count * 512)
    fat += [free] * (128 - len(fat))
    directory = b""
    for index, (name, kind, start, size) in enumerate(entries):
        encoded = (name + "\0").encode("utf-16-le")
        child = 1 if kind == 5 else 0xFFFFFFFF
        right = index + 1 if kind == 2 and index + 1 < len(entries) else 0xFFFFFFFF
        directory += encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, 0xFFFFFFFF, right, child)
        directory += b"\0" * 36 + struct.pack("<IQ", start, size)
    directory = directory.ljust(512, b"\0")
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    header += b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    assert len(header) == 512
    return header + struct.pack("<128I", *fat) + directory + data


def refused(tmp_path: Path, name: str, data: bytes) -> tuple[int, str, str, float]:
    """`jixiao import` run on the file in a fresh interpreter: exit status, stdout, stderr, seconds."""
    source = tmp_path / name
    source.write_bytes(data)
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "import", str(source), str(tmp_path / "r.db")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr, time.monotonic() - began


@pytest.mark.parametrize(
    ("name", "build", "words"),
    [
        ("炸弹.docx", lambda: word_file("", document=BILLION_LAUGHS), "DTD 或实体声明"),
        ("巨大.docx", lambda: zeros_member(200 << 20), "解压后超过 50 MB"),
        (
            "损坏.docx",
            lambda: word_file("", document=f"{HEAD}<w:document {NS}><w:body><w:p></w:body>"),
            "不是有效的 XML",
        ),
        ("加密.docx", lambda: cfb({"EncryptionInfo": 4096, "EncryptedPackage": 8192}), "文件设了打开密码"),
    ],
    ids=["entity-bomb", "inflates-200MB", "malformed-xml", "encrypted"],
)
def test_a_hostile_or_broken_word_file_exits_2_in_one_sentence_within_seconds(
    tmp_path: Path, name: str, build, words: str
) -> None:
    data = build()
    assert len(data) < 1 << 20, "the test file itself stays small"
    status, out, err, seconds = refused(tmp_path, name, data)
    assert status == 2, err
    assert words in err and not out
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert seconds < 10
    assert not (tmp_path / "r.db").exists()


def test_an_absurd_compression_ratio_is_refused_under_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "压缩比.docx"
    path.write_bytes(zeros_member(8 << 20))  # 8 MB of spaces in a few KB
    with pytest.raises(ReadError) as error:
        read_document(path)
    assert error.value.code == "import.docx_too_big"


def test_too_many_paragraphs_or_elements_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "段落.docx"
    path.write_bytes(word_file(p("一段") * 50))
    monkeypatch.setattr(docx_reader, "MAX_PARAGRAPHS", 20)
    with pytest.raises(ReadError) as error:
        read_document(path)
    assert error.value.code == "import.docx_too_many"
    monkeypatch.setattr(docx_reader, "MAX_ELEMENTS", 100)
    with pytest.raises(ReadError) as error:
        read_document(path)
    assert error.value.code == "import.docx_too_many"


def test_an_ole_file_with_the_encryption_streams_is_called_encrypted() -> None:
    assert ole_kind(cfb({"EncryptionInfo": 4096, "EncryptedPackage": 4096})) == "encrypted"
    assert ole_kind(cfb({"WordDocument": 4096, "1Table": 4096})) != "encrypted"
