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
# symbols differ only by their mask on the data modules, so each is the first build
# XORed with a mask. A symbol is scored as one Python int holding all its rows and then
# all its columns, each line n bits wide with a light gap bit above it, so the rules
# are a few big-int operations instead of a loop per line: runs of 5 alike, 1:1:3:1:1
# finder-like patterns and 2×2 blocks become AND-ed shifts counted by int.bit_count.

#: 1:1:3:1:1 finder-like pattern with 4 light modules on one side, as qrcode's scan
#: reads a line (first module = most significant bit). Neither overlaps itself, so
#: every window that matches is one occurrence qrcode counts.
_FINDER_LIKE = ("10111010000", "00001011101")

Bits = tuple[int, ...]
_BIT_CHARS = bytes.maketrans(b"\x00\x01", b"01")


def _to_ints(grid: list[list[bool]]) -> Bits:
    return tuple(int(bytes(line).translate(_BIT_CHARS), 2) for line in grid)


def _columns(grid: list[list[bool]]) -> list[list[bool]]:
    return [list(col) for col in zip(*grid, strict=True)]


def _pack(rows: Bits, cols: Bits, n: int) -> int:
    """Rows then columns in one int: line k at bits k*(n+1) … k*(n+1)+n-1."""
    packed = 0
    for line in reversed((*rows, *cols)):
        packed = (packed << (n + 1)) | line
    return packed


class _Geometry:
    """The masks of one symbol size that the penalty rules use (all as packed ints)."""

    __slots__ = ("finder", "lines", "n", "pairs", "rows", "windows11")

    def __init__(self, n: int) -> None:
        full = (1 << n) - 1
        self.n = n
        #: every module of every line (gap bits clear)
        self.lines = _pack((full,) * n, (full,) * n, n)
        #: the row modules only (the dark-module count)
        self.rows = _pack((full,) * n, (0,) * n, n)
        #: 2×2 blocks: a block's lowest bit, in rows 0 … n-2 and not the line's top bit
        self.pairs = _pack(((1 << (n - 1)) - 1,) * (n - 1) + (0,), (0,) * n, n)
        #: where an 11-module window lies inside one line
        windows = self.lines
        for shift in range(1, 11):
            windows &= self.lines >> shift
        self.windows11 = windows
        self.finder = tuple(int(p, 2) for p in _FINDER_LIKE)


@lru_cache(maxsize=16)
def _geometry(n: int) -> _Geometry:
    return _Geometry(n)


def _matches(packed: int, light: int, pattern: int, windows: int) -> int:
    """Where an 11-bit ``pattern`` starts (its lowest bit) in a line of ``packed``."""
    hits = windows
    for shift in range(11):
        hits &= (packed if pattern >> shift & 1 else light) >> shift
    return hits


def _runs_of_five(line_bits: int) -> int:
    """N1 points of one colour: a run of L ≥ 5 alike scores L - 2, i.e. (L - 4) windows
    of 5 inside it plus 2 for the run (one top end among the windows' bits)."""
    w = line_bits & line_bits >> 1 & line_bits >> 2 & line_bits >> 3 & line_bits >> 4
    return w.bit_count() + 2 * (w & ~(w >> 1)).bit_count()


def _penalty(packed: int, geo: _Geometry) -> int:
    """qrcode.util.lost_point of the symbol packed by :func:`_pack`."""
    n = geo.n
    light = packed ^ geo.lines  # gap bits stay clear, so no run crosses into a gap
    points = _runs_of_five(packed) + _runs_of_five(light)
    points += 40 * sum(_matches(packed, light, p, geo.windows11).bit_count()
                       for p in geo.finder)
    # 2×2 blocks: a module alike its right neighbour and the two below them
    same_down = ~(packed ^ (packed >> (n + 1)))
    same_right = ~(packed ^ (packed >> 1))
    points += 3 * (same_down & (same_down >> 1) & same_right & geo.pairs).bit_count()
    dark = (packed & geo.rows).bit_count()
    points += int(abs(float(dark) / (n**2) * 100 - 50) / 5) * 10
    return points


@lru_cache(maxsize=16)
def _mask_bits(version: int, region: tuple[tuple[bool, ...], ...]) -> tuple[int, ...]:
    """Per mask pattern: the modules it flips (data modules only), packed."""
    from qrcode.util import mask_func

    n = len(region)
    out = []
    for pattern in range(8):
        flips = mask_func(pattern)
        grid = [[region[i][j] and bool(flips(i, j)) for j in range(n)] for i in range(n)]
        out.append(_pack(_to_ints(grid), _to_ints(_columns(grid)), n))
    return tuple(out)


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
            geo = _geometry(n)
            # the data without any mask: undo pattern 0
            raw = _pack(_to_ints(self.modules), _to_ints(_columns(self.modules)), n) ^ masks[0]
            best, best_points = 0, 0
            for pattern, mask in enumerate(masks):
                points = _penalty(raw ^ mask, geo)
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
