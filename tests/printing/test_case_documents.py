"""Documents produced from real committed cases (ws.documents + printing.issue) and the print
commands."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from clerk.applicants import PersonInput
from clerk.cases.service import MaterialChanges
from clerk.cli import main
from clerk.documents import PrintedDocument
from clerk.errors import NotFoundError
from clerk.workspace import Workspace
from printing.issue import render_daily_report, renderer
from printing.model import DEFAULT_OPTIONS, PrintOptions
from tests.clerk.factories import ALL_NEEDED, DISTRICT, INSTANT, sample_matters
from tests.conftest import FakeClock
from tests.printing.pdftools import pdf_text

IdFactory = Callable[..., str]


def render_case_document(ws: Workspace, case_no: str, kind: str,
                         options: PrintOptions = DEFAULT_OPTIONS) -> PrintedDocument:
    return ws.documents.issue(case_no, kind, renderer(options), output="printed")


@pytest.fixture
def tws(ws: Workspace) -> Workspace:
    ws.import_matters(sample_matters(), source="tests")
    return ws


def _case(ws: Workspace, ids: IdFactory, matter: str = DISTRICT,
          received: list[str] | None = None) -> str:
    return ws.cases.new_case(matter_code=matter,
                             applicant=PersonInput(name="王五", id_no=ids(1),
                                                   mobile="13812345678"),
                             changes=MaterialChanges(received=received or ["id_card"])).case_no


def test_notice_lists_missing_items_and_masks(tws: Workspace, id_factory: IdFactory) -> None:
    case_no = _case(tws, id_factory)
    tws.cases.issue_notice(case_no)
    doc = render_case_document(tws, case_no, "notice")
    text = pdf_text(doc.pdf)
    assert "一次性告知单" in text and case_no in text and doc.doc_no.startswith("GZ")
    for name in ("户口簿", "申请表", "收入证明"):
        assert name in text
    assert id_factory(1) not in text and id_factory(1).encode() not in doc.pdf
    assert "13812345678" not in text
    assert text.count("申请人留存联") >= 1 and text.count("窗口存档联") >= 1
    assert not doc.reprint


def test_reprint_is_marked_and_otherwise_identical(tws: Workspace,
                                                   id_factory: IdFactory) -> None:
    case_no = _case(tws, id_factory)
    tws.cases.issue_notice(case_no)
    first = render_case_document(tws, case_no, "notice")
    again = render_case_document(tws, case_no, "notice")
    assert again.reprint and again.doc_no == first.doc_no
    t1, t2 = pdf_text(first.pdf), pdf_text(again.pdf)
    assert "补打" not in t1 and "补打" in t2
    assert sorted(t2.replace("补打", "").split()) == sorted(t1.split())


def test_receipt_due_date_and_provisional(tws: Workspace, id_factory: IdFactory,
                                          clock: FakeClock) -> None:
    clock.set_local(date(2026, 12, 28))
    case_no = _case(tws, id_factory, received=ALL_NEEDED)
    rec = tws.cases.accept(case_no)
    assert rec.due_provisional  # runs into 2027, not yet published
    text = pdf_text(render_case_document(tws, case_no, "receipt").pdf)
    assert "受理回执" in text and "暂定" in text
    assert rec.due_date is not None and f"{rec.due_date.month}月" in text


def test_no_document_before_the_decision_is_committed(tws: Workspace,
                                                      id_factory: IdFactory) -> None:
    case_no = _case(tws, id_factory)
    for kind in ("receipt", "refusal", "result", "notice"):
        with pytest.raises(NotFoundError):
            render_case_document(tws, case_no, kind)


def test_refusal_has_reason_and_remedies(tws: Workspace, id_factory: IdFactory) -> None:
    case_no = _case(tws, id_factory)
    tws.cases.refuse(case_no, reason="申请人户籍不在本街道")
    text = pdf_text(render_case_document(tws, case_no, "refusal").pdf)
    assert "不予受理通知书" in text and "申请人户籍不在本街道" in text
    assert "六十日" in text and "六个月" in text


def test_instant_matter_result_notice_one_copy(tws: Workspace, id_factory: IdFactory) -> None:
    case_no = _case(tws, id_factory, matter=INSTANT, received=ALL_NEEDED)
    tws.cases.accept(case_no)
    tws.cases.complete(case_no, rating=5)
    doc = render_case_document(tws, case_no, "result", options=PrintOptions(copies=1))
    text = pdf_text(doc.pdf)
    assert "办结通知" in text and "窗口存档联" not in text


def test_daily_report_counts_without_personal_data(tws: Workspace,
                                                   id_factory: IdFactory) -> None:
    case_no = _case(tws, id_factory, received=ALL_NEEDED)
    tws.cases.accept(case_no)
    pdf = render_daily_report(tws.documents.daily_report(date(2026, 3, 2)))
    text = pdf_text(pdf)
    assert "站点日报" in text and f"测试事项{DISTRICT}" in text
    assert "王五" not in text and id_factory(1) not in text


def test_print_commands(tws: Workspace, id_factory: IdFactory, data_dir: Path, tmp_path: Path,
                        monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    case_no = _case(tws, id_factory, received=ALL_NEEDED)
    tws.cases.accept(case_no)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    d = ["--data-dir", str(data_dir)]
    out = tmp_path / "r.pdf"
    assert main(["print", "receipt", case_no, "--out", str(out), *d]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert main(["print", "receipt", case_no, "--out", str(out), *d]) == 0
    assert "补打" in capsys.readouterr().out
    assert main(["print", "refusal", case_no, "--out", str(tmp_path / "x.pdf"), *d]) == 1
    assert not (tmp_path / "x.pdf").exists()
    daily = tmp_path / "daily.pdf"
    assert main(["report", "daily", "--date", "2026-03-02", "--out", str(daily), *d]) == 0
    assert "站点日报" in pdf_text(daily.read_bytes())
