"""Printing benchmarks: font registration, and PDF rendering after font warm-up.

Budget (DESIGN section 13): a receipt or notice PDF with QR, two copies, ≤ 20 ms median
after font warm-up. Every timed render gets a new case number, so the QR code is encoded
each time (the encoder caches by payload).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, datetime

from clerk.validation import make_resident_id
from printing.model import (
    DailyReportData,
    DocumentMeta,
    MaterialLine,
    MatterCountRow,
    NoticeData,
    Person,
    RatingCounts,
    ReceiptData,
    RefusalData,
    StationInfo,
    SupervisionCounts,
)

RUNS = 60
WARMUP = 5

_STATION = StationInfo(
    name="东城区东华门街道多福巷社区便民服务站",
    code="110101001001",
    address="北京市东城区多福巷12号社区服务站一层大厅",
    phone="010-65120000",
)
_APPLICANT = Person(
    name="张三",
    id_no=make_resident_id("110101", date(1990, 3, 7), 123),
    mobile="13812345678",
    address="北京市东城区多福巷12号院3号楼2单元501",
)
_AGENT = Person(name="李四", id_no=make_resident_id("110105", date(1985, 11, 20), 246),
                mobile="15900001111")
_REQUIREMENT = "须为有效证件；复印件使用A4纸，字迹清晰完整，并由申请人签字确认与原件一致。"


def _materials(n: int) -> tuple[MaterialLine, ...]:
    names = ("居民身份证", "居民户口簿（户主页及本人页）", "结婚证", "近期二寸白底免冠彩色照片",
             "收入证明", "授权委托书")
    return tuple(
        MaterialLine(f"{names[i % len(names)]}（{i + 1}）", "原件和复印件", 1, 1, _REQUIREMENT)
        for i in range(n)
    )


def _meta(seq: int) -> DocumentMeta:
    return DocumentMeta(f"SL-110101001001-20261201-{seq:04d}", datetime(2026, 12, 1, 9, 30),
                        "王芳", "010-65120001")


def _case_no(seq: int) -> str:
    return f"110101001001-20261201-{seq:04d}"


def _page(seq: int) -> str:
    """The QR's content: the district's progress page of the case (issue 16)."""
    from printing.qr_payload import progress_url

    return progress_url("https://zwfw.example.gov.cn/jindu", _case_no(seq))


def receipt(seq: int) -> ReceiptData:
    """A typical receipt: agent, 4 received and 1 deferred material."""
    return ReceiptData(
        meta=_meta(seq), station=_STATION, case_no=_case_no(seq),
        matter_name="残疾人证新办", matter_code="11110101000000000000004",
        applicant=_APPLICANT, agent=_AGENT,
        received_at=datetime(2026, 12, 1, 9, 12), accepted_at=datetime(2026, 12, 1, 9, 30),
        received=_materials(4), legal_limit_days=20, committed_limit_days=10,
        due_date=date(2026, 12, 15),
        deferred=(MaterialLine("残疾评定表", "原件", 1, 0, promised_by=date(2026, 12, 3)),),
        qr_payload=_page(seq),
    )


def notice(seq: int, missing: int = 3) -> NoticeData:
    """A typical one-time notice: agent, ``missing`` missing items, 2 received, 1 deferred."""
    return NoticeData(
        meta=_meta(seq), station=_STATION, case_no=_case_no(seq),
        matter_name="城乡居民基本养老保险参保登记", matter_code="11110101000000000000001",
        applicant=_APPLICANT, agent=_AGENT, applied_on=date(2026, 12, 1),
        missing=_materials(missing), received=_materials(2),
        deferred=(MaterialLine("收入证明", "原件", 1, 0, promised_by=date(2026, 12, 3)),),
        qr_payload=_page(seq),
    )


def refusal(seq: int) -> RefusalData:
    """A typical refusal notice (no QR: the case is not taken): agent, reason, basis."""
    return RefusalData(
        meta=_meta(seq), station=_STATION, case_no=_case_no(seq),
        matter_name="残疾人证新办", matter_code="11110101000000000000004",
        applicant=_APPLICANT, agent=_AGENT, applied_on=date(2026, 12, 1),
        reason="申请事项依法不属于本机关职权范围",
        basis="《中华人民共和国行政许可法》第三十二条第一款第（二）项",
        reconsideration_body="北京市东城区人民政府",
    )


def daily_report(_seq: int) -> DailyReportData:
    """Five matters over the eleven lifecycle states."""
    rows = tuple(MatterCountRow(f"事项{i}", f"1111010100000000000000{i}",
                                tuple((i + j) % 5 for j in range(11))) for i in range(5))
    return DailyReportData(_STATION, date(2026, 12, 1), datetime(2026, 12, 1, 17, 45), rows,
                           supervision=SupervisionCounts(21, 3, 1),
                           ratings=RatingCounts(12, 5, 2, 1, 0))


def _median_ms(render: Callable[[int], bytes]) -> float:
    for i in range(WARMUP):
        render(9000 + i)
    times = []
    for i in range(RUNS):
        started = time.perf_counter()
        render(i + 1)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def font_registration_ms() -> float:
    """First ensure_cjk_font() in a fresh process (reportlab already imported)."""
    code = (
        "import time, reportlab.pdfbase.ttfonts\n"
        "from printing.fonts import ensure_cjk_font\n"
        "t = time.perf_counter(); ensure_cjk_font()\n"
        "print((time.perf_counter() - t) * 1000)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    return float(out.stdout.strip())


def run() -> list[tuple[str, float, str]]:
    """Rows of (what, value in ms, budget)."""
    from printing.daily_report import render_daily_report
    from printing.fonts import ensure_cjk_font
    from printing.model import PrintOptions
    from printing.notice import render_notice
    from printing.qr import qr_runs
    from printing.receipt import render_receipt
    from printing.refusal import render_refusal

    ensure_cjk_font()
    one = PrintOptions(copies=1)
    qr_seq = iter(range(10**6))  # numbers no document above used: the cache is cold
    return [
        ("printing: font registration, first use (ms)", font_registration_ms(), "once per process"),
        ("printing: receipt with QR, 2 copies: median (ms)",
         _median_ms(lambda i: render_receipt(receipt(i))), "≤ 20 ms"),
        ("printing: notice with QR, 2 copies: median (ms)",
         _median_ms(lambda i: render_notice(notice(i))), "≤ 20 ms"),
        ("printing: refusal notice, 2 copies: median (ms)",
         _median_ms(lambda i: render_refusal(refusal(i))), "≤ 20 ms"),
        ("printing: receipt with QR, 1 copy: median (ms)",
         _median_ms(lambda i: render_receipt(receipt(i), one)), ""),
        ("printing: notice with 22 missing items, 2 copies: median (ms)",
         _median_ms(lambda i: render_notice(notice(i, missing=22))), ""),
        ("printing: daily report: median (ms)",
         _median_ms(lambda i: render_daily_report(daily_report(i))), ""),
        ("printing: QR encoding alone: median (ms)",
         _median_ms(lambda i: bytes(qr_runs(_page(10**5 + next(qr_seq)))[0])), ""),
    ]


if __name__ == "__main__":
    for what, value, budget in run():
        print(f"{what:<62}{value:>9.2f}  {budget}")
