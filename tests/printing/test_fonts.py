"""Finding a TrueType CJK font, skipping CFF fonts, and saying what to do when none exists."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from clerk.errors import StationDeskError
from printing.fonts import (
    FontNotFoundError,
    _order_fc_lines,
    ensure_cjk_font,
    font_search_report,
)
from tests.printing.pdftools import pdf_fonts

NOTO_CFF = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def _fake_cff(path: Path) -> Path:
    """A file with the OpenType/CFF signature: reportlab refuses it like a real Noto font."""
    path.write_bytes(b"OTTO" + b"\x00" * 64)
    return path


def _system_font_dir() -> str:
    return os.path.dirname(ensure_cjk_font().path)


def test_finds_and_registers_a_truetype_cjk_font() -> None:
    font = ensure_cjk_font()
    assert Path(font.path).is_file()
    assert font.path.lower().endswith((".ttf", ".ttc"))
    from reportlab.pdfbase import pdfmetrics

    assert pdfmetrics.getFont(font.name).face.charToGlyph[ord("受")]


def test_registration_is_cached_for_the_process() -> None:
    assert ensure_cjk_font() is ensure_cjk_font()


def test_concurrent_first_use_registers_one_font() -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        fonts = list(pool.map(lambda _: ensure_cjk_font(), range(16)))
    assert len({id(f) for f in fonts}) == 1


@pytest.mark.parametrize("kind", ["real Noto Sans CJK", "synthetic CFF"])
def test_a_cff_font_is_skipped_with_its_reason(kind: str, tmp_path: Path) -> None:
    if kind == "real Noto Sans CJK":
        if not NOTO_CFF.exists():
            pytest.skip("fonts-noto-cjk not installed; the synthetic case covers the rule")
        cff = NOTO_CFF
    else:
        cff = _fake_cff(tmp_path / "NotoSansCJK-Regular.otf")
    font = ensure_cjk_font(str(cff), search_dirs=[_system_font_dir()], use_fc_list=False)
    assert font.path != str(cff)
    report = font_search_report()
    assert report is not None and report.chosen == font
    reasons = dict(report.skipped)
    assert "postscript outlines are not supported" in reasons[f"{cff}#0"]


def test_a_configured_font_is_used_first(tmp_path: Path) -> None:
    source = ensure_cjk_font()
    copy = tmp_path / "station-font.ttc"
    shutil.copyfile(source.path, copy)
    font = ensure_cjk_font(str(copy), search_dirs=[], use_fc_list=False)
    assert font.path == str(copy)


def test_a_missing_configured_font_falls_back_to_the_system(tmp_path: Path) -> None:
    missing = tmp_path / "gone.ttf"
    font = ensure_cjk_font(str(missing), search_dirs=[_system_font_dir()], use_fc_list=False)
    assert font.path != str(missing)
    report = font_search_report()
    assert report is not None
    assert (f"{missing}#0", "文件不存在") in report.skipped


def test_nothing_found_says_where_it_looked_and_how_to_fix_it(tmp_path: Path) -> None:
    fake = _fake_cff(tmp_path / "wqy-microhei.ttc")
    not_a_font = tmp_path / "simsun.ttc"
    not_a_font.write_bytes(b"this is not a font")
    with pytest.raises(FontNotFoundError) as caught:
        ensure_cjk_font(search_dirs=[str(tmp_path)], use_fc_list=False)
    err = caught.value
    assert isinstance(err, StationDeskError)
    assert err.code == "font_not_found"
    message = str(err)
    assert str(tmp_path) in message  # the searched directory
    assert "wqy-microhei.ttc" in message and "msyh.ttc" in message  # the searched names
    assert f"{fake}#0" in message and "postscript outlines" in message  # why it was skipped
    assert f"{not_a_font}#0" in message
    assert "apt-get install fonts-wqy-microhei" in message  # how to fix it
    assert "设置" in message


def test_empty_search_reports_every_location(tmp_path: Path) -> None:
    dirs = [str(tmp_path / "a"), str(tmp_path / "b")]
    with pytest.raises(FontNotFoundError) as caught:
        ensure_cjk_font(search_dirs=dirs, use_fc_list=False)
    for d in dirs:
        assert d in str(caught.value)


def test_fc_list_lines_put_truetype_before_otf() -> None:
    cands = _order_fc_lines([
        "/fonts/NotoSansCJK-Regular.otf|0",
        "/fonts/wqy-zenhei.ttc|0,1",
        "",
        "/fonts/DroidSansFallbackFull.ttf|",
    ])
    assert [(c.path, c.subfont_index) for c in cands] == [
        ("/fonts/wqy-zenhei.ttc", 0),
        ("/fonts/DroidSansFallbackFull.ttf", 0),
        ("/fonts/NotoSansCJK-Regular.otf", 0),
    ]


def test_fc_list_alone_finds_a_font() -> None:
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig's fc-list is not installed")
    font = ensure_cjk_font(search_dirs=[], use_fc_list=True)
    assert Path(font.path).is_file()


def test_pdf_embeds_only_a_subset_of_the_cjk_font(notice_pdf: bytes) -> None:
    fonts = pdf_fonts(notice_pdf)
    assert fonts, "pdffonts listed no font"
    for row in fonts:
        assert row.embedded and row.subset, row
        assert "+" in row.name  # subset tag, e.g. AAAAAA+WenQuanYiMicroHei
    assert not any("Helvetica" in row.name for row in fonts)


def _glyph_sets() -> list[list[int]]:
    """Subsets as a document builds them (code 0 first, up to 256 codes), over simple and
    composite glyphs and a character the font lacks."""
    import random

    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(ensure_cjk_font().name).face
    codes = sorted(face.charToGlyph)
    rnd = random.Random(19)
    sets = [[0], [0, *range(32, 128)], [0, *map(ord, "受理回执一次性告知单"), 0x10FFFD]]
    sets += [[0, *rnd.sample(codes, size)] for size in (1, 31, 255, 255)]
    return sets


@pytest.mark.parametrize("index", range(7))
def test_subsets_are_byte_for_byte_reportlabs(index: int) -> None:
    """The faster subsetter must embed exactly what reportlab's would."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFontFace

    face = pdfmetrics.getFont(ensure_cjk_font().name).face
    subset = _glyph_sets()[index]
    assert face.makeSubset(subset) == TTFontFace.makeSubset(face, subset)
    assert face.makeSubset(subset) == TTFontFace.makeSubset(face, subset)  # glyphs kept
