"""Looking into PDFs from the tests: poppler-utils (pdftotext, pdffonts, pdftoppm) and a
raw look at the decompressed content streams.

Every helper skips the calling test, with the reason, when its poppler binary is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not found: install poppler-utils (apt-get install poppler-utils)")
    return path


def _run(args: list[str], pdf: bytes) -> bytes:
    return subprocess.run(args, input=pdf, capture_output=True, check=True, timeout=60).stdout


def pdf_text(pdf: bytes, *, first: int | None = None, last: int | None = None) -> str:
    """The text layer, in reading order; pages separated by form feeds."""
    args = [_tool("pdftotext"), "-enc", "UTF-8"]
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    return _run([*args, "-", "-"], pdf).decode("utf-8")


def pdf_blocks(pdf: bytes) -> list[list[str]]:
    """Per page, the text blocks pdftotext finds (whitespace removed).

    A table cell is one block, so a wrapped cell reads whole here, while the reading
    order of plain pdftotext interleaves the lines of neighbouring cells.
    """
    xhtml = _run([_tool("pdftotext"), "-enc", "UTF-8", "-bbox-layout", "-", "-"], pdf)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.fromstring(xhtml)
    return [
        [flat("".join(w.text or "" for w in block.iterfind(".//h:word", ns)))
         for block in page.iterfind(".//h:block", ns)]
        for page in root.iterfind(".//h:page", ns)
    ]


def pdf_info(pdf: bytes) -> str:
    """The document information dictionary as pdfinfo prints it."""
    return _run([_tool("pdfinfo"), "-enc", "UTF-8", "-"], pdf).decode("utf-8")


def pdf_pages(pdf: bytes) -> list[str]:
    """Text of each page (pdftotext ends every page with a form feed)."""
    return pdf_text(pdf).split("\f")[:-1]


def flat(text: str) -> str:
    """Text without whitespace: pdftotext may space or break CJK runs anywhere."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class FontRow:
    """One line of ``pdffonts`` output."""

    name: str
    type: str
    embedded: bool
    subset: bool


def pdf_fonts(pdf: bytes) -> list[FontRow]:
    """The fonts the PDF uses, as pdffonts lists them."""
    out = _run([_tool("pdffonts"), "-"], pdf).decode("utf-8").splitlines()
    rows = []
    for line in out[2:]:  # two header lines
        # name, type (may contain a space: "Type 1", "CID TrueType"), encoding, emb sub uni, id
        m = re.match(r"(\S+)\s+(.+?)\s{2,}\S.*?\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)
        if m:
            rows.append(FontRow(m.group(1), m.group(2), m.group(3) == "yes", m.group(4) == "yes"))
    return rows


def pdf_page_png(pdf: bytes, page: int, dpi: int, tmp: Path) -> Path:
    """Render one page to PNG with pdftoppm; return the file."""
    src = tmp / "doc.pdf"
    src.write_bytes(pdf)
    prefix = tmp / f"page{page}"
    subprocess.run(
        [_tool("pdftoppm"), "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
         "-singlefile", str(src), str(prefix)],
        check=True, timeout=60,
    )
    return prefix.with_suffix(".png")


_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)


def pdf_streams(pdf: bytes) -> list[bytes]:
    """Every stream's content, inflated where it is Flate-compressed."""
    streams = []
    for m in _STREAM.finditer(pdf):
        raw = m.group(1)
        try:
            # decompressobj tolerates the end-of-line that may precede "endstream"
            streams.append(zlib.decompressobj().decompress(raw))
        except zlib.error:
            streams.append(raw)
    return streams


def pdf_all_bytes(pdf: bytes) -> bytes:
    """The file plus all its inflated streams: where a leaked number would show up."""
    return pdf + b"\n".join(pdf_streams(pdf))
