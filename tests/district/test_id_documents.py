"""A case whose applicant shows a document other than the resident ID travels to the
district with its type, and the progress lookup works with that document's last 4."""

from __future__ import annotations

import pytest

from clerk.applicants import PersonInput
from clerk.cases.service import MaterialChanges
from clerk.workspace import Workspace
from tests.clerk.factories import ALL_NEEDED, DISTRICT
from tests.districtkit import District, push, statuses, wire_events

#: Generated, shape-valid numbers (clerk.id_documents); the passport ends in letters.
DOCUMENTS = [("passport", "USA 1A2B3C4DEF", "4DEF"), ("hk_macau_pass", "H1234567890", "7890"),
             ("foreign_permanent_resident", "ABC123456789012", "9012")]


@pytest.mark.parametrize(("id_type", "typed", "last4"), DOCUMENTS)
def test_other_document_case_pushes_and_is_found(api: District, sws: Workspace, id_type: str,
                                                 typed: str, last4: str) -> None:
    token = api.station_token()
    reviewer = api.user("li.shen")
    rec = sws.cases.new_case(
        matter_code=DISTRICT,
        applicant=PersonInput(name="Test Person", id_no=typed, id_type=id_type),
        agent=PersonInput(name="代理人", id_no="87654321", id_type="taiwan_pass"),
        changes=MaterialChanges(received=ALL_NEEDED))
    rec = sws.cases.escalate(sws.cases.accept(rec.case_no).case_no)
    assert set(statuses(push(api, token, wire_events(sws, rec.case_no)))) == {"accepted"}
    masked = api.get(f"/cases/{rec.id}", reviewer).json()  # least access: masked first
    assert masked["record"]["applicant"]["id_no"] != rec.applicant["id_no"]
    detail = api.post(f"/cases/{rec.id}/reveal", reviewer, json={"reason": "核对证件"}).json()
    applicant = detail["record"]["applicant"]
    assert applicant["id_type"] == id_type and applicant["id_no"] == rec.applicant["id_no"]
    agent = detail["record"]["agent"]
    assert agent["id_type"] == "taiwan_pass"
    for given in (last4, last4.lower()):
        r = api.post("/progress", json={"case_no": rec.case_no, "last4": given})
        assert r.status_code == 200, r.text
        assert r.json()["state"] == "escalated" and typed not in r.text
    r = api.post("/progress", json={"case_no": rec.case_no, "last4": "ZZZZ"})
    assert r.status_code == 404
