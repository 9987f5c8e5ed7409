"""The documents' progress code: the district's page for the case, the URL in words under
it, and, while the station does not know the page (offline before its first round), no
code and no sentence that promises one."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from printing.notice import render_notice
from printing.qr_payload import case_no_from_url, progress_url
from printing.receipt import render_receipt
from printing.result import render_result
from tests.printing import factories
from tests.printing.pdftools import flat, pdf_page_png, pdf_pages, pdf_text

URL = f"{factories.PAGE_BASE}/p/{factories.CASE_NO}"
RENDER = {"receipt": (render_receipt, factories.receipt),
          "notice": (render_notice, factories.notice),
          "result": (render_result, factories.result)}


def test_the_url_is_the_case_page_and_a_scanner_reads_the_case_back() -> None:
    assert progress_url(factories.PAGE_BASE + "/", factories.CASE_NO) == URL
    assert progress_url("", factories.CASE_NO) == ""  # no page known: no code
    assert progress_url(factories.PAGE_BASE, "a/../b") == ""
    assert case_no_from_url(URL) == factories.CASE_NO
    assert case_no_from_url(URL + "?x=1") == factories.CASE_NO
    assert case_no_from_url(factories.CASE_NO) is None
    assert case_no_from_url("SD1|x|abcdef") is None


@pytest.mark.parametrize("kind", sorted(RENDER))
def test_with_the_page_known_the_code_and_its_url_in_words(kind: str) -> None:
    render, make = RENDER[kind]
    text = flat(pdf_text(render(make())))
    assert URL in text and "扫码" in text


@pytest.mark.parametrize("kind", sorted(RENDER))
def test_offline_before_the_first_round_no_code_and_no_promise_of_one(kind: str) -> None:
    render, make = RENDER[kind]
    text = flat(pdf_text(render(make(qr_payload=""))))
    assert "二维码" not in text and "扫码" not in text and "http" not in text
    assert factories.CASE_NO in text
    if kind == "receipt":
        assert "凭办件编号及申请人证件号码后4位，到受理地点窗口或拨打" in text


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbar-tools: ./test installs it")
@pytest.mark.parametrize("kind", sorted(RENDER))
def test_the_printed_code_decodes_to_the_url(kind: str, tmp_path: Path) -> None:
    render, make = RENDER[kind]
    pdf = render(make())
    found = set()
    for page in range(1, len(pdf_pages(pdf)) + 1):  # a long notice carries it further on
        png = pdf_page_png(pdf, page, 200, tmp_path)
        out = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True,
                             text=True, check=False, timeout=60)
        found |= set(out.stdout.split())
    assert found == {URL}
