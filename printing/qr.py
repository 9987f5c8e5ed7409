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
import re
from functools import lru_cache
from itertools import pairwise
from typing import Any

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
    from qrcode.constants import ERROR_CORRECT_M  # lazily: only documents with a QR need it

    code = _quick_mask_qrcode()(error_correction=ERROR_CORRECT_M, border=0)
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


#: Symbol versions whose mask tables the warm-up builds: 15 to 122 bytes at level M, more
#: than a progress page's address with a case number needs.
WARM_VERSIONS = range(2, 8)


def warm_up_encoder() -> None:
    """Import the encoder and build the mask tables of the usual symbol sizes (a few ms
    per size, once per process), so the first real code does not pay for them."""
    from qrcode.constants import ERROR_CORRECT_M

    for version in WARM_VERSIONS:
        code = _quick_mask_qrcode()(version=version, error_correction=ERROR_CORRECT_M, border=0)
        code.add_data("warm-up")
        code.make(fit=False)


# --------------------------------------------------------------------------- mask choice
#
# The encoder picks one of eight mask patterns by the standard's penalty score. The
# ``qrcode`` package builds the whole symbol eight times and scores each one module by
# module in Python: ~90% of encoding a receipt's code. The subclass below gives the very
# same choice (the same penalty rules, the same ties) from one build: the eight trial
# symbols differ only by their mask on the data modules, so they are the first build
# XORed with a mask, each row (and column) a Python int; runs and finder-like patterns
# are then counted by a regular expression and str.count over the rows' binary strings,
# 2×2 blocks by bit operations.

_RUN = re.compile(r"0{5,}|1{5,}")
#: 1:1:3:1:1 finder-like pattern with 4 light modules on one side. Neither overlaps
#: itself, so str.count finds every occurrence qrcode's scan does.
_FINDER_LIKE = ("10111010000", "00001011101")

Bits = tuple[int, ...]


def _to_ints(grid: list[list[bool]]) -> Bits:
    return tuple(int("".join("1" if m else "0" for m in line), 2) for line in grid)


def _columns(grid: list[list[bool]]) -> list[list[bool]]:
    return [list(col) for col in zip(*grid, strict=True)]


@lru_cache(maxsize=16)
def _mask_bits(version: int, region: tuple[tuple[bool, ...], ...]) -> tuple[tuple[Bits, Bits], ...]:
    """Per mask pattern: the modules it flips (data modules only), as (rows, columns)."""
    from qrcode.util import mask_func

    n = len(region)
    out = []
    for pattern in range(8):
        flips = mask_func(pattern)
        grid = [[region[i][j] and bool(flips(i, j)) for j in range(n)] for i in range(n)]
        out.append((_to_ints(grid), _to_ints(_columns(grid))))
    return tuple(out)


def _penalty(rows: Bits, cols: Bits, n: int) -> int:
    """qrcode.util.lost_point of the symbol with these rows and columns."""
    width = f"0{n}b"
    # one string of every row and column, "|" between them so nothing matches across
    lines = "|".join([format(x, width) for x in rows] + [format(x, width) for x in cols])
    runs = _RUN.findall(lines)
    points = sum(map(len, runs)) - 2 * len(runs)  # N1 = 3 for 5 alike, +1 per extra module
    points += 40 * sum(lines.count(pattern) for pattern in _FINDER_LIKE)
    pairs = (1 << (n - 1)) - 1
    for upper, lower in pairwise(rows):
        same = ~(upper ^ lower)
        blocks = same & (same >> 1) & ~(upper ^ (upper >> 1)) & pairs
        points += 3 * blocks.bit_count()
    dark = sum(x.bit_count() for x in rows)
    points += int(abs(float(dark) / (n**2) * 100 - 50) / 5) * 10
    return points


@lru_cache(maxsize=1)
def _quick_mask_qrcode() -> type[Any]:
    """``qrcode.QRCode`` with a faster :meth:`best_mask_pattern` (same result)."""
    import qrcode

    class QuickMaskQRCode(qrcode.QRCode):
        _region: tuple[tuple[bool, ...], ...] = ()

        def map_data(self, data: Any, mask_pattern: int) -> None:
            # the modules still unset are the data modules the mask applies to
            self._region = tuple(tuple(m is None for m in line) for line in self.modules)
            super().map_data(data, mask_pattern)

        def best_mask_pattern(self) -> int:
            self.makeImpl(True, 0)
            n = self.modules_count
            masks = _mask_bits(self.version, self._region)
            base_rows = _to_ints(self.modules)
            base_cols = _to_ints(_columns(self.modules))
            # the data without any mask: undo pattern 0
            raw_rows = [a ^ b for a, b in zip(base_rows, masks[0][0], strict=True)]
            raw_cols = [a ^ b for a, b in zip(base_cols, masks[0][1], strict=True)]
            best, best_points = 0, 0
            for pattern, (mask_rows, mask_cols) in enumerate(masks):
                rows = tuple(a ^ b for a, b in zip(raw_rows, mask_rows, strict=True))
                cols = tuple(a ^ b for a, b in zip(raw_cols, mask_cols, strict=True))
                points = _penalty(rows, cols, n)
                if pattern == 0 or points < best_points:
                    best, best_points = pattern, points
            return best

    return QuickMaskQRCode


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
