"""办事指南: only what the catalog says, the station as place of acceptance, the progress
page's code only when the station knows its address."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from clerk.catalog import FeeItem, HandlingLevel, Matter, load_bundled_catalog
from clerk.issuing import Authority
from clerk.station import StationInfo
from printing.guide import render_matter_guide
from tests.clerk.factories import DISTRICT, STATION, matter
from tests.printing.pdftools import flat, pdf_fonts, pdf_page_png, pdf_pages, pdf_text

BASE = "https://zwfw.example.gov.cn/jindu"
WHEN = datetime(2026, 3, 2, 10, 30)
ROW = StationInfo("110108001001", "学院路某社区便民服务站", "community", "110108",
                  "学院路1号一层", "010-62000000")
AUTHORITY = Authority(station_level="北京市海淀区学院路街道办事处", reviewer="北京市海淀区人民政府",
                      notice_rule="", confirmed=True)


def _guide(m: Matter, base: str = "") -> str:
    return flat(pdf_text(render_matter_guide(m, ROW, AUTHORITY, progress_base=base,
                                             generated_at=WHEN)))


def test_the_catalog_record_on_paper() -> None:
    m = dataclasses.replace(matter(DISTRICT, limit=0), legal_basis=("《某条例》第十条",),
                            fees=(FeeItem("工本费", Decimal("10.00"), "京发改〔2020〕1号"),))
    text = _guide(m)
    for words in ("办事指南", m.name, DISTRICT, "行政给付", "区民政局", "《某条例》第十条",
                  "户口簿", "原件1", "复印件1", "工本费10.00元", "京发改〔2020〕1号",
                  "法定办结时限：法律法规未规定", "即办",
                  "学院路某社区便民服务站（学院路1号一层）", "010-62000000", "12345"):
        assert words in text, words
    # a 上报件 is handled in the name of the matter's district department
    assert "北京市海淀区民政局" in text
    assert "受理条件" not in text  # the catalog states none: none is invented
    assert "扫码" not in text and "http" not in text  # no page known: no code
    assert "到受理地点窗口" in text


def test_conditions_and_limits_when_the_catalog_has_them() -> None:
    m = dataclasses.replace(matter(STATION, level=HandlingLevel.STATION, limit=3),
                            conditions=("本区户籍居民",))
    text = _guide(m)
    assert "受理条件" in text and "本区户籍居民" in text
    assert "承诺办结时限：3个工作日" in text and "法定办结时限：20个工作日" in text
    assert "北京市海淀区学院路街道办事处" in text  # a station-level matter: the 街道


def test_the_progress_code_only_with_the_districts_address() -> None:
    text = _guide(matter(DISTRICT), BASE)
    assert f"{BASE}/p" in text and "扫描" in text


def test_every_bundled_matter_renders_with_an_embedded_font() -> None:
    for m in load_bundled_catalog():
        pdf = render_matter_guide(m, ROW, AUTHORITY, progress_base=BASE, generated_at=WHEN)
        text = flat(pdf_text(pdf))
        assert m.name in text and m.code in text
        assert ("受理条件" in text) == bool(m.conditions)
        assert all(f.embedded and f.subset for f in pdf_fonts(pdf))


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbar-tools: ./test installs it")
def test_the_code_decodes_to_the_lookup_page(tmp_path: Path) -> None:
    pdf = render_matter_guide(matter(DISTRICT), ROW, AUTHORITY, progress_base=BASE,
                              generated_at=WHEN)
    found: set[str] = set()
    for page in range(1, len(pdf_pages(pdf)) + 1):
        png = pdf_page_png(pdf, page, 200, tmp_path)
        out = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True,
                             text=True, check=False, timeout=60)
        found |= set(out.stdout.split())
    assert found == {f"{BASE}/p"}
