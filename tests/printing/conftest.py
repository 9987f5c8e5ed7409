"""Rendered documents shared by the printing tests (each rendered once per session)."""

from __future__ import annotations

import pytest

from printing.daily_report import render_daily_report
from printing.notice import render_notice
from printing.receipt import render_receipt
from printing.refusal import render_refusal
from printing.result import render_result
from tests.printing import factories


@pytest.fixture(scope="session")
def notice_pdf() -> bytes:
    """The sample one-time notice, two copies."""
    return render_notice(factories.notice())


@pytest.fixture(scope="session")
def receipt_pdf() -> bytes:
    """The sample acceptance receipt, two copies."""
    return render_receipt(factories.receipt())


@pytest.fixture(scope="session")
def refusal_pdf() -> bytes:
    """The sample refusal notice, two copies."""
    return render_refusal(factories.refusal())


@pytest.fixture(scope="session")
def result_pdf() -> bytes:
    """The sample (approved) result notice, two copies."""
    return render_result(factories.result())


@pytest.fixture(scope="session")
def report_pdf() -> bytes:
    """The sample daily report."""
    return render_daily_report(factories.daily_report())


@pytest.fixture(scope="session")
def official_pdfs(
    notice_pdf: bytes, receipt_pdf: bytes, refusal_pdf: bytes, result_pdf: bytes
) -> dict[str, bytes]:
    """The four documents handed to an applicant, by name."""
    return {
        "notice": notice_pdf,
        "receipt": receipt_pdf,
        "refusal": refusal_pdf,
        "result": result_pdf,
    }
