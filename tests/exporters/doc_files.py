"""Old-format test files made in the test: OLE compound files of any streams, and a Word 97 file
built by hand from pieces of text (compressed 8-bit or UTF-16), for what LibreOffice never writes;
and .doc files converted by LibreOffice, for what it does."""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

_END, _FREE, _FATSECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
SECTOR = 512


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A version-3 compound file holding the streams (each padded to 4096 bytes, so no mini stream)."""
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    datas = [streams[n].ljust(4096, b"\0") for n in names]
    datas = [d.ljust(-(-len(d) // SECTOR) * SECTOR, b"\0") for d in datas]
    fat: list[int] = []
    starts = []
    for data in datas:
        starts.append(len(fat))
        count = len(data) // SECTOR
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [_END]
    entries = [_entry("Root Entry", 5, child=1 if names else _NOSTREAM, start=_END, size=0)]
    for i, (name, data) in enumerate(zip(names, datas, strict=True)):
        right = i + 2 if i + 1 < len(names) else _NOSTREAM
        entries.append(_entry(name, 2, right=right, start=starts[i], size=len(data)))
    directory = b"".join(entries)
    directory = directory.ljust(-(-len(directory) // SECTOR) * SECTOR, b"\0")
    dir_start = len(fat)
    dir_count = len(directory) // SECTOR
    fat += [dir_start + i + 1 for i in range(dir_count - 1)] + [_END]
    fat_count = 1
    while (len(fat) + fat_count) * 4 > fat_count * SECTOR:
        fat_count += 1
    fat_start = len(fat)
    fat += [_FATSECT] * fat_count
    fat += [_FREE] * (fat_count * SECTOR // 4 - len(fat))
    difat = [fat_start + i for i in range(fat_count)] + [_FREE] * (109 - fat_count)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\0" * 16,
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,
        fat_count,
        dir_start,
        0,
        4096,
        _END,
        0,
        _END,
        0,
        *difat,
    )
    return header + b"".join(datas) + directory + struct.pack(f"<{len(fat)}I", *fat)


def _entry(name: str, kind: int, *, child: int = _NOSTREAM, right: int = _NOSTREAM, start: int, size: int) -> bytes:
    encoded = name.encode("utf-16-le") + b"\0\0"
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        encoded,
        len(encoded),
        kind,
        1,
        _NOSTREAM,
        right,
        child,
        b"\0" * 16,
        0,
        0,
        0,
        start,
        size,
    )


def word_file(
    pieces: list[tuple[str, bool]],
    *,
    ccp_text: int | None = None,
    encrypted: bool = False,
    prms: list[int] | None = None,
    comments: list[int] | None = None,
) -> bytes:
    """A Word 97 file whose main text is the pieces in order, each (text, compressed): a compressed piece
    is stored 8-bit (cp1252 with [MS-DOC]'s own mapping), the others UTF-16. No paragraph properties.

    `prms` gives each piece's Prm (a Prm0: one sprm for the whole piece). `comments` makes the text after
    ccp_text the comment story: the PlcfandTxt's CPs (each comment's start, then the story's length - 1)."""
    text_at = 1024
    body = b""
    cps, pcds = [0], []
    for i, (text, compressed) in enumerate(pieces):
        offset = text_at + len(body)
        prm = prms[i] if prms else 0
        if compressed:
            body += text.encode("cp1252")
            pcds.append(struct.pack("<HIH", 0, (offset * 2) | 0x40000000, prm))
        else:
            body += text.encode("utf-16-le")
            pcds.append(struct.pack("<HIH", 0, offset, prm))
        cps.append(cps[-1] + len(text))
    plc = struct.pack(f"<{len(cps)}i", *cps) + b"".join(pcds)
    clx = b"\x01" + struct.pack("<h", 3) + b"\x00\x00\x00" + b"\x02" + struct.pack("<I", len(plc)) + plc
    flags = 0x0200 | (0x0100 if encrypted else 0)
    fib = struct.pack("<HHHHHH", 0xA5EC, 0x00C1, 0, 0x0804, 0, flags).ljust(32, b"\0")
    fib += struct.pack("<H", 14) + b"\0" * 28
    lw = [0] * 22
    lw[3] = cps[-1] if ccp_text is None else ccp_text
    table = clx
    pairs = [0] * (93 * 2)
    pairs[33 * 2], pairs[33 * 2 + 1] = 0, len(clx)  # fcClx, lcbClx in 1Table
    if comments is not None:
        lw[7] = cps[-1] - lw[3]  # ccpAtn: the rest of the text
        plcfand_txt = struct.pack(f"<{len(comments) + 1}i", *comments, comments[-1] + 1)
        pairs[5 * 2], pairs[5 * 2 + 1] = len(table), len(plcfand_txt)  # fcPlcfandTxt, lcbPlcfandTxt
        table += plcfand_txt
    fib += struct.pack("<H22i", 22, *lw)
    fib += struct.pack("<H186I", 93, *pairs) + b"\0\0"
    word = fib.ljust(text_at, b"\0") + body
    return ole_file({"WordDocument": word, "1Table": table})


def soffice_convert(sources: list[Path], folder: Path, kind: str, profile: Path, timeout: int = 180) -> list[Path]:
    """Convert with LibreOffice into `folder` (`kind` as --convert-to takes it: "pdf", "xls",
    "doc:MS Word 97"), with a time limit. `profile` is the session's LibreOffice profile (the
    `lo_profile` fixture): one a test process, as parallel runs must not share one, and made once,
    as a new profile costs about three seconds at each conversion."""
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            kind,
            "--outdir",
            str(folder),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    made = [folder / f"{source.stem}.{kind.split(':')[0]}" for source in sources]
    assert all(path.exists() for path in made)
    return made


def to_doc(sources: list[Path], folder: Path, profile: Path) -> list[Path]:
    """Convert to Word 97 .doc files with LibreOffice (`soffice_convert`)."""
    return soffice_convert(sources, folder, "doc:MS Word 97", profile, timeout=240)
