"""Real cases of a 行政给付, a 公共服务 and a 行政许可 matter printed end to end: the right
issuing authority, the place of acceptance, the law that fits the type, the limits, the
容缺受理 wording, the remedies and the district's decision number."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from clerk.applicants import PersonInput
from clerk.cases.service import MaterialChanges
from clerk.cases.states import EventType
from clerk.catalog import HandlingLevel, MatterType
from clerk.workspace import Workspace
from printing.issue import renderer
from tests.clerk.case_builder import BIRTH, DIBAO, Cases
from tests.clerk.factories import ALL_NEEDED, matter
from tests.printing.pdftools import flat, pdf_text

STREET = "北京市海淀区测试街道办事处"
REVIEWER = "北京市海淀区人民政府"
PLACE = "海淀区测试社区便民服务站"


@pytest.fixture
def confirmed(cases: Cases) -> Cases:
    cases.ws.save_authority(STREET, REVIEWER)
    return cases


def _text(ws: Workspace, case_no: str, kind: str) -> str:
    pdf = ws.documents.issue(case_no, kind, renderer(), output="printed").pdf
    dump = os.environ.get("STATIONDESK_PDF_DUMP")  # to look at the pages: pdftoppm them
    if dump:
        matter_code = ws.cases.get(case_no).matter_code
        (Path(dump) / f"{matter_code}-{kind}.pdf").write_bytes(pdf)
    return flat(pdf_text(pdf))


def test_benefit_district_matter(confirmed: Cases) -> None:
    """最低生活保障 (行政给付, 上报件): issued by the district 民政局, the matter's own law."""
    ws = confirmed.ws
    case_no = confirmed.accepted(DIBAO, deferred={"income_proof": date(2026, 3, 10)})
    receipt = _text(ws, case_no, "receipt")
    assert receipt.count("北京市海淀区民政局") >= 3  # header, title block, seal area
    assert f"受理地点：{PLACE}" in receipt
    assert "容缺受理" in receipt and "承诺于2026年3月10日前补交" in receipt
    assert "申请材料齐全" not in receipt.replace("主要申请材料齐全", "")
    assert "25个工作日" in receipt
    assert "行政许可法" not in receipt and STREET not in receipt

    notice_no = confirmed.awaiting(DIBAO)
    notice = _text(ws, notice_no, "notice")
    assert "《社会救助暂行办法》《最低生活保障审核确认办法》" in notice
    assert "行政许可法" not in notice and "即为受理" not in notice

    refused = confirmed.new(DIBAO, complete=False)
    ws.cases.refuse(refused, reason="申请人户籍不在本区。")
    refusal = _text(ws, refused, "refusal")
    assert "“最低生活保障申请”，经审查，北京市海淀区民政局决定不予受理" in refusal
    assert "申请人户籍不在本区。" in refusal and "。。" not in refusal
    assert "《社会救助暂行办法》" in refusal  # the basis comes from the matter
    assert f"六十日内向{REVIEWER}申请行政复议" in refusal
    assert "六个月内依法向人民法院提起行政诉讼" in refusal
    assert "行政许可法" not in refusal
    assert not re.search(r"申请”申请|决定决定|受理受理", refusal)


def test_result_notice_carries_the_decision_number(confirmed: Cases) -> None:
    ws = confirmed.ws
    case_no = confirmed.under_review()
    confirmed.district(case_no, EventType.APPROVED,
                       {"text": "符合条件，准予。", "doc_no": "海民低字〔2026〕第0042号"})
    ws.cases.complete(case_no)
    result = _text(ws, case_no, "result")
    assert "决定文号海民低字〔2026〕第0042号" in result
    assert "北京市海淀区民政局" in result and f"受理地点：{PLACE}" in result


def test_public_service_station_matter(confirmed: Cases) -> None:
    """生育登记 (公共服务, instant, station level): issued by the street office; no law sets a
    limit, so the receipt says so instead of 即办."""
    ws = confirmed.ws
    case_no = confirmed.completed(rating=None)
    receipt = _text(ws, case_no, "receipt")
    assert receipt.count(STREET) >= 3
    assert "法律法规未规定" in receipt and "即办" in receipt
    assert "申请材料齐全、符合要求" in receipt and "行政许可法" not in receipt
    result = _text(ws, case_no, "result")
    assert STREET in result and "决定文号" not in result
    notice = _text(ws, confirmed.awaiting(BIRTH), "notice")
    assert "《中华人民共和国人口与计划生育法》" in notice and "行政许可法" not in notice
    refused = confirmed.new(BIRTH, complete=False)
    ws.cases.refuse(refused, reason="夫妻双方均不具有本市户籍")
    refusal = _text(ws, refused, "refusal")
    assert "“生育登记”申请" in refusal and f"{STREET}决定不予受理" in refusal
    assert "夫妻双方均不具有本市户籍。" in refusal and f"向{REVIEWER}申请行政复议" in refusal


def test_licence_matter_cites_article_32(ws: Workspace, id_factory: object) -> None:
    licence = replace(matter("T-LICENCE-001", level=HandlingLevel.STATION),
                      type=MatterType.LICENSE, legal_basis=("《某某许可条例》",))
    ws.import_matters([licence], source="tests")
    assert callable(id_factory)

    def new(received: list[str]) -> str:
        return ws.cases.new_case(matter_code="T-LICENCE-001",
                                 applicant=PersonInput(name="王五", id_no=id_factory(1)),
                                 changes=MaterialChanges(received=received)).case_no

    notice_no = new(["id_card"])
    ws.cases.issue_notice(notice_no)
    notice = _text(ws, notice_no, "notice")
    assert "《中华人民共和国行政许可法》第三十二条" in notice
    assert "逾期不告知的，自收到申请材料之日起即为受理" in notice
    case_no = new(ALL_NEEDED)
    ws.cases.accept(case_no)
    receipt = _text(ws, case_no, "receipt")
    assert "符合法定形式" in receipt
    assert "依照《中华人民共和国行政许可法》第三十二条予以受理" in receipt
    assert "20个工作日" in receipt
    refused = new(["id_card"])
    ws.cases.refuse(refused, reason="不符合申请条件")
    refusal = _text(ws, refused, "refusal")
    assert "《中华人民共和国行政许可法》第三十二条" in refusal and "《某某许可条例》" in refusal
    ws.cases.complete(case_no)
    assert "已办结" in _text(ws, case_no, "result")


def test_unconfirmed_authority_is_a_sensible_default(cases: Cases) -> None:
    """Before an admin confirms, the documents still name a body, never the station."""
    auth = cases.ws.authority()
    assert not auth.confirmed and auth.reviewer == REVIEWER
    case_no = cases.accepted(DIBAO)
    assert "北京市海淀区民政局" in _text(cases.ws, case_no, "receipt")
