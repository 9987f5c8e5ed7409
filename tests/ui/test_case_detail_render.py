"""The station's case detail, as rendered: the materials tab lists each item's scans."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from clerk.applicants import PersonInput
from clerk.cases.service import MaterialChanges
from ui.station.case_detail import DetailRenderer, load_detail
from ui.station.session import Session

PNG = b"\x89PNG\r\n\x1a\n" + b"scan" * 50
PDF = b"%PDF-1.4\n" + b"scan" * 50


def test_the_materials_tab_lists_scans(qapp: QApplication, session: Session,
                                       id_factory: Callable[..., str]) -> None:
    ws = session.ws
    case_no = ws.cases.new_case(matter_code="BJ-RS-GG-001",
                                applicant=PersonInput(name="韩梅", id_no=id_factory(1)),
                                changes=MaterialChanges(received=["id_card"])).case_no
    ws.cases.attach_scan(case_no, "id_card", PNG)
    ws.cases.attach_scan(case_no, "id_card", PDF)
    html = DetailRenderer().materials(load_detail(ws, case_no))
    assert "扫描件" in html and "2 份（PDF、PNG）" in html
    assert html.count("<td width='10%'>—</td>") == len(ws.cases.get(case_no).checklist) - 1
