"""The progress QR code printed on the notice and the receipt.

Payload: ``SD1|{case_no}|{check}``. The check code is the first 6 hex digits (lower
case) of ``sha256(f"{case_no}|{last4}")``, where ``last4`` is the last four characters
of the applicant's ID number (of the credit code for an organisation). A scanned code
is verified by recomputing the check from the case number and the ID digits the
applicant states, so the code carries no personal data and cannot be forged for another
case without knowing those digits.

The symbol is encoded with the ``qrcode`` package (about 3x faster than reportlab's
own encoder here) and drawn as vector rectangles, so it prints sharp at any
resolution; the drawing is a PDF form XObject shared by both copies.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from printing.qr_payload import (
    CHECK_LENGTH,
    PAYLOAD_PREFIX,
    check_code,
    parse_qr_payload,
    qr_payload,
    verify_qr_payload,
)

__all__ = ["CHECK_LENGTH", "PAYLOAD_PREFIX", "check_code", "parse_qr_payload", "qr_payload",
           "verify_qr_payload"]


@lru_cache(maxsize=64)
def qr_runs(payload: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """Encode ``payload``; return (modules per side, dark runs as (row, start col, length)).

    Merging horizontal runs cuts the drawing operators roughly in half. Cached because a
    reprint or a second copy encodes the same payload again.
    """
    import qrcode  # imported lazily: only the documents with a QR code need it
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    runs: list[tuple[int, int, int]] = []
    for r, row in enumerate(matrix):
        c = 0
        n = len(row)
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                runs.append((r, start, c - start))
            else:
                c += 1
    return len(matrix), tuple(runs)


class QrFlowable(Flowable):
    """A QR code of ``size`` points square (quiet zone included)."""

    QUIET_MODULES = 4  # the standard's minimum quiet zone

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self.width = size
        self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canv: Canvas = self.canv
        name = "SDQR" + hashlib.sha1(self.payload.encode()).hexdigest()[:12]
        if not canv.hasForm(name):
            self._define_form(canv, name)
        canv.doForm(name)

    def _define_form(self, canv: Canvas, name: str) -> None:
        count, runs = qr_runs(self.payload)
        module = self.size / (count + 2 * self.QUIET_MODULES)
        offset = self.QUIET_MODULES * module
        canv.beginForm(name, lowerx=0, lowery=0, upperx=self.size, uppery=self.size)
        canv.setFillGray(0)
        path = canv.beginPath()
        top = self.size - offset
        for row, col, length in runs:
            path.rect(offset + col * module, top - (row + 1) * module, length * module, module)
        canv.drawPath(path, stroke=0, fill=1)
        canv.endForm()
