"""The whole path, station and district together (DESIGN section 14):

offline capture → escalate → sync → reviewer returns for correction → the station sees
the task → supplement → re-escalate → approve → the station hands over and records the
rating → the rating reaches the district; afterwards both sides agree event for event.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from apiclient.retry import RetryPolicy
from clerk.cases.service import MaterialChanges
from clerk.cases.states import State
from clerk.workspace import Workspace
from sync import engine
from sync.client import DistrictClient
from tests.conftest import FakeClock
from tests.districtkit import District, enroll_station, escalated_case, free_port

IdFactory = Callable[..., str]


def _no_sleep(_: float) -> None:
    return None


def offline_round(ws: Workspace) -> engine.SyncReport:
    """A round while the district is unreachable (nothing listens on the port)."""
    dead = DistrictClient(f"http://127.0.0.1:{free_port()}", token="sdt_x",
                          retry=RetryPolicy(attempts=2, sleep=_no_sleep))
    return engine.sync_round(ws, dead)


def agree_event_for_event(district: District, ws: Workspace, staff: str, case_id: str,
                          case_no: str) -> None:
    theirs = [(e["event_id"], e["seq"], e["hash"])
              for e in district.get(f"/cases/{case_id}/events", staff).json()["events"]]
    mine = [(e.event_id, e.seq, e.hash) for e in ws.cases.timeline(case_no)]
    assert theirs == mine


def round_trip(district: District, ws: Workspace, ids: IdFactory, clock: FakeClock | None
               ) -> None:
    enroll_station(ws, district)
    reviewer = district.user("li.shen")
    proxy = district.user("wang.dai", "proxy")

    # Offline capture: the clerk keeps working, nothing is lost or reported as synced.
    rec = escalated_case(ws, ids(1))
    report = offline_round(ws)
    assert not report.ok and report.error_code == "transport"
    assert engine.status(ws).pending == 3

    report = engine.sync_round(ws)
    assert report.ok and report.push.accepted == 3

    # The reviewer takes the case and returns it for correction, listing the items.
    assert district.post(f"/cases/{rec.id}/take", reviewer,
                         json={"expected_version": 3}).status_code == 200
    r = district.post(f"/cases/{rec.id}/return", reviewer, json={
        "expected_version": 4, "note": "收入证明须加盖单位公章",
        "items": [{"key": "income_proof", "name": "收入证明", "requirement": "加盖公章"}]})
    assert r.status_code == 200, r.text

    # The station sees the task.
    if clock is not None:
        clock.advance(hours=3)
    report = engine.sync_round(ws)
    assert report.ok and report.pull.tasks == [rec.case_no]
    task = ws.cases.get(rec.case_no)
    assert task.state == State.RETURNED and task.returns[-1]["items"][0]["key"] == "income_proof"

    # Supplement and re-escalate with the same case number.
    ws.cases.update_materials(rec.case_no, MaterialChanges(received=["income_proof"]))
    again = ws.cases.resubmit(rec.case_no)
    assert again.state == State.ESCALATED and again.case_no == rec.case_no
    assert engine.sync_round(ws).push.accepted == 2

    # Take, assign a proxy agent, who records a step and the approval.
    v = 7
    for path, body, who in (("take", {}, reviewer),
                            ("assign", {"proxy_agent": "wang.dai"}, reviewer),
                            ("proxy-step", {"step": "已报民政科室审核"}, proxy),
                            ("approve", {"text": "准予", "doc_no": "海民准〔2026〕1号"}, proxy)):
        r = district.post(f"/cases/{rec.id}/{path}", who, json={"expected_version": v, **body})
        assert r.status_code == 200, r.text
        v += 1

    report = engine.sync_round(ws)
    assert report.pull.decisions == [rec.case_no]
    decided = ws.cases.get(rec.case_no)
    assert decided.state == State.APPROVED and decided.owner.value == "station"

    # Hand-over with a bad rating; the rating reaches the district.
    done = ws.cases.complete(rec.case_no, rating=2, text="准予，证件已领取")
    assert done.state == State.COMPLETED
    # the number the district entered at approval reaches the station's result notice
    from printing.issue import renderer
    from tests.printing.pdftools import flat, pdf_text

    result = flat(pdf_text(ws.documents.issue(rec.case_no, "result", renderer(),
                                              output="printed").pdf))
    assert "决定文号海民准〔2026〕1号" in result
    report = engine.sync_round(ws)
    assert report.ok and report.push.accepted == 1
    detail = district.get(f"/cases/{rec.id}", reviewer).json()
    assert (detail["state"], detail["rating"]) == ("completed", 2)
    board = district.get("/supervision", reviewer).json()
    assert [b["case_no"] for b in board["bad_ratings"]] == [rec.case_no]
    r = district.post(f"/cases/{rec.id}/followup", reviewer,
                      json={"text": "已回访申请人并整改", "rectified": True})
    assert r.status_code == 200

    # Station and district agree event for event, and the ledgers reconcile.
    agree_event_for_event(district, ws, reviewer, rec.id, rec.case_no)
    with engine.make_client(ws) as client:
        assert engine.reconcile(ws, client).reconciled
    st = engine.status(ws)
    assert (st.pending, st.rejected) == (0, [])


def test_round_trip_in_process(live: District, sws: Workspace, id_factory: IdFactory,
                               clock: FakeClock) -> None:
    round_trip(live, sws, id_factory, clock)


@pytest.mark.slow
def test_round_trip_against_uvicorn_subprocess(served: District, sws: Workspace,
                                               id_factory: IdFactory, clock: FakeClock) -> None:
    clock.moment = datetime.now(UTC)  # the server runs on the real clock: stay in step
    round_trip(served, sws, id_factory, None)


@pytest.mark.slow
def test_cli_round_trip(served: District, sws: Workspace, id_factory: IdFactory,
                        capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m clerk enroll / case escalate / sync / sync --status / sync --reconcile`."""
    from clerk.cli import main

    data_dir = str(sws.store.path.parent)  # type: ignore[union-attr]
    rec = escalated_case(sws, id_factory(1))
    sws.close()
    secret = served.station()
    assert main(["enroll", "--server", served.base, "--code", secret,
                 "--data-dir", data_dir]) == 0
    assert "已登记" in capsys.readouterr().out
    assert main(["sync", "--status", "--data-dir", data_dir]) == 0
    assert "待同步：3 条事件" in capsys.readouterr().out
    assert main(["sync", "--data-dir", data_dir]) == 0
    out = capsys.readouterr().out
    assert "推送：3 条事件（接收 3" in out and "同步完成" in out
    assert main(["sync", "--reconcile", "--data-dir", data_dir]) == 0
    assert "已对账" in capsys.readouterr().out
    assert main(["sync", "--status", "--json", "--data-dir", data_dir]) == 0
    import json

    status = json.loads(capsys.readouterr().out)
    assert status["pending"] == 0 and status["acked"] == 3 and status["last_success"]
    assert main(["note", rec.case_no, "申请人来电询问", "--data-dir", data_dir]) == 0
    assert "留言" in capsys.readouterr().out
