"""The progress QR code: payload rule, round trip, verification, presence in the PDF."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from printing.qr import check_code, parse_qr_payload, qr_payload, qr_runs, verify_qr_payload
from tests.printing import factories
from tests.printing.pdftools import pdf_page_png, pdf_streams

CASE = factories.CASE_NO
LAST4 = factories.APPLICANT.last4


def test_payload_shape_is_short_and_documented() -> None:
    payload = qr_payload(CASE, LAST4)
    expected_check = hashlib.sha256(f"{CASE}|{LAST4}".encode()).hexdigest()[:6]
    assert payload == f"SD1|{CASE}|{expected_check}"
    assert len(payload) < 50


def test_round_trip() -> None:
    assert parse_qr_payload(qr_payload(CASE, LAST4)) == (CASE, check_code(CASE, LAST4))


def test_station_verifies_with_the_stated_id_digits() -> None:
    payload = qr_payload(CASE, LAST4)
    assert verify_qr_payload(payload, LAST4) == CASE
    assert verify_qr_payload(payload, "0000") is None


def test_a_changed_case_number_no_longer_verifies() -> None:
    other = CASE[:-1] + ("2" if CASE[-1] != "2" else "3")
    forged = qr_payload(CASE, LAST4).replace(CASE, other)
    assert verify_qr_payload(forged, LAST4) is None


@pytest.mark.parametrize(
    "text",
    ["", "SD2|x|abcdef", "SD1|x", "SD1||abcdef", "SD1|x|ABCDEF", "SD1|x|abc", "SD1|a|b|c"],
)
def test_foreign_or_malformed_payloads_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_qr_payload(text)
    assert verify_qr_payload(text, LAST4) is None


def test_payload_carries_no_personal_number() -> None:
    payload = qr_payload(CASE, LAST4)
    assert factories.APPLICANT_ID not in payload


def test_case_number_with_separator_is_refused() -> None:
    with pytest.raises(ValueError):
        qr_payload("a|b", LAST4)


def test_encoded_symbol_has_finder_patterns() -> None:
    size, runs = qr_runs(qr_payload(CASE, LAST4))
    assert size in (25, 29, 33)  # version 2–4 for this short payload
    assert (0, 0, 7) in runs and (0, size - 7, 7) in runs  # top finder patterns


@pytest.mark.parametrize("doc", ["notice", "receipt"])
def test_qr_is_drawn_in_the_pdf(doc: str, official_pdfs: dict[str, bytes]) -> None:
    pdf = official_pdfs[doc]
    assert re.search(rb"/FormXob\.SDQR[0-9a-f]+", pdf), "QR form not referenced"
    _, runs = qr_runs(qr_payload(CASE, LAST4))
    qr_forms = [s for s in pdf_streams(pdf) if s.count(b" re") >= len(runs)]
    assert qr_forms, "no stream draws the QR modules"


def test_the_receipts_code_decodes_when_zbar_is_installed(receipt_pdf: bytes,
                                                          tmp_path: Path) -> None:
    zbar = shutil.which("zbarimg")
    if zbar is None:
        pytest.skip("zbarimg (zbar-tools) not installed: decoding is an optional check")
    png = pdf_page_png(receipt_pdf, 1, 200, tmp_path)
    out = subprocess.run([zbar, "--raw", "-q", str(png)], capture_output=True, text=True,
                         timeout=60)
    # The receipts' code opens the district's progress page (tests/printing/test_progress_qr)
    assert f"{factories.PAGE_BASE}/p/{factories.CASE_NO}" in out.stdout.splitlines()


def test_documents_without_qr_payload_render_without_code() -> None:
    from printing.notice import render_notice

    pdf = render_notice(factories.notice(qr_payload=""))
    assert b"/FormXob.SDQR" not in pdf


@pytest.mark.parametrize("length", [1, 17, 44, 63, 90, 150, 260])
def test_quick_mask_choice_gives_the_stock_encoders_symbol(length: int) -> None:
    """The faster mask choice must pick what qrcode's own best_mask_pattern picks: same
    mask, same modules, for short codes and for versions ≥ 7 (with version blocks)."""
    import random
    import string

    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    from printing.qr import _quick_mask_qrcode

    rnd = random.Random(length)
    alphabet = string.ascii_letters + string.digits + "/:.?=&|-"
    for _ in range(12):
        payload = "".join(rnd.choice(alphabet) for _ in range(length))
        stock = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
        quick = _quick_mask_qrcode()(error_correction=ERROR_CORRECT_M, border=0)
        for code in (stock, quick):
            code.add_data(payload)
            code.make(fit=True)
        assert quick.get_matrix() == stock.get_matrix()


def test_the_warm_up_builds_the_mask_tables_a_progress_page_code_needs() -> None:
    from printing.qr import _mask_bits, qr_runs, warm_up_encoder

    _mask_bits.cache_clear()
    warm_up_encoder()
    built = _mask_bits.cache_info().currsize
    assert built >= 5  # one per symbol size
    qr_runs.__wrapped__(f"{factories.PAGE_BASE}/p/{factories.CASE_NO}")
    assert _mask_bits.cache_info().currsize == built  # nothing left for the first receipt


@pytest.mark.parametrize("length", [1, 44, 150, 260])
def test_packed_penalty_is_qrcodes_lost_point_for_every_mask(length: int) -> None:
    """Not only the chosen mask: every trial symbol scores what qrcode scores it."""
    import random
    import string

    import qrcode
    from qrcode.constants import ERROR_CORRECT_M
    from qrcode.util import lost_point

    from printing.qr import _columns, _geometry, _pack, _penalty, _to_ints

    rnd = random.Random(length)
    alphabet = string.ascii_letters + string.digits + "/:.?=&|-"
    for _ in range(4):
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
        code.add_data("".join(rnd.choice(alphabet) for _ in range(length)))
        code.make(fit=True)
        for mask in range(8):
            code.makeImpl(True, mask)
            n = code.modules_count
            packed = _pack(_to_ints(code.modules), _to_ints(_columns(code.modules)), n)
            assert _penalty(packed, _geometry(n)) == lost_point(code.modules)
