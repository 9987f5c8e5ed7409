"""Several counter PCs per station (issue 13): devices, enrollment retries, keyring slots,
who-am-I before pushing, the district trusting only the token, numbering across devices."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from apiclient.http import SyncError
from clerk.cases.event_forms import READS
from clerk.numbering import parse_case_no
from clerk.store.models import CaseEvent, SyncOutbox
from clerk.workspace import Workspace
from district import auth
from district.cli import main as district_main
from sync import credentials, engine
from sync.client import DistrictClient
from tests.conftest import ADMIN, ADMIN_PASSWORD, STATION_CODE, FakeClock
from tests.districtkit import (
    OTHER_STATION,
    District,
    accepted_case,
    enroll_station,
    escalated_case,
    push,
    statuses,
    wire_events,
)
from tests.sync.faultproxy import FaultProxy

IdFactory = Callable[..., str]
NAME = "海淀区测试社区便民服务站"


@pytest.fixture
def make_ws(tmp_path: Path, clock: FakeClock) -> Iterator[Callable[..., Workspace]]:
    """More station data directories (other PCs) on the same OS account and keyring."""
    opened: list[Workspace] = []

    def make(label: str, code: str = STATION_CODE, device_no: int = 1) -> Workspace:
        from clerk import numbering
        from tests.clerk.factories import sample_matters

        ws = Workspace.open(tmp_path / label, clock=clock)
        ws.init_station(code=code, name=NAME, admin=ADMIN, password=ADMIN_PASSWORD)
        ws.import_matters(sample_matters(), source="tests")
        with ws.store.write() as s:
            numbering.set_device_no(s, device_no)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


def run_admin(live: District, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        rc = district_main(["admin", *args, "--db", live.url])
    return rc, err.getvalue() + out.getvalue()  # the printed code is the last line


# --------------------------------------------------------------------------- devices


def test_devices_are_issued_listed_and_revoked_one_by_one(live: District, sws: Workspace,
                                                          make_ws: Callable[..., Workspace],
                                                          id_factory: IdFactory) -> None:
    enroll_station(sws, live)  # 1号窗口
    rc, out = run_admin(live, "issue-code", "--station", STATION_CODE)
    assert rc == 0
    code2 = out.strip().splitlines()[-1]
    rc, out = run_admin(live, "issue-code", "--station", STATION_CODE)
    code3 = out.strip().splitlines()[-1]
    second, third = make_ws("pc2", device_no=2), make_ws("pc3", device_no=3)
    # Issuing a code revokes nothing, and two outstanding codes both work.
    engine.enroll(third, live.base, code3, device_name="3号窗口")
    engine.enroll(second, live.base, code2, device_name="2号窗口")
    rc, out = run_admin(live, "list-devices", "--station", STATION_CODE)
    assert rc == 0
    assert [line.split("\t")[:2] for line in out.strip().splitlines()] == [
        ["01", "1号窗口"], ["02", "2号窗口"], ["03", "3号窗口"]]
    for n, ws in enumerate((sws, second, third), start=1):
        accepted_case(ws, id_factory(n))
    rc, out = run_admin(live, "revoke-device", "--station", STATION_CODE, "--device", "2号窗口")
    assert rc == 0 and "2号窗口" in out
    assert engine.sync_round(sws).outcome == engine.DONE
    assert engine.sync_round(third).outcome == engine.DONE
    revoked = engine.sync_round(second)
    assert revoked.outcome == engine.FAILED and revoked.error_code == "auth"
    assert engine.status(second).rejected == []
    rc, out = run_admin(live, "revoke-device", "--station", STATION_CODE, "--device", "9号窗口")
    assert rc == 1 and "9号窗口" in out


def test_a_taken_window_number_or_name_is_refused_before_the_code_is_spent(
        live: District, sws: Workspace, make_ws: Callable[..., Workspace]) -> None:
    enroll_station(sws, live)
    code = live.issue_code()
    pc2 = make_ws("pc2", device_no=1)  # the admin forgot to number the second PC
    with pytest.raises(SyncError) as err:
        engine.enroll(pc2, live.base, code, device_name="2号窗口")
    assert err.value.code == "enroll.device_taken" and "窗口号" in err.value.message
    with pytest.raises(SyncError) as err:
        engine.enroll(pc2, live.base, code, device_name="1号窗口", device_no=2)
    assert err.value.code == "enroll.device_taken"
    info, _ = engine.enroll(pc2, live.base, code, device_name="2号窗口", device_no=2)
    assert (info.device_name, info.device_no) == ("2号窗口", 2)
    # The first window still syncs.
    assert engine.sync_round(sws).outcome == engine.DONE


def test_a_retried_enrollment_gets_a_fresh_token_and_no_one_else_does(
        live: District, sws: Workspace, make_ws: Callable[..., Workspace],
        clock: FakeClock) -> None:
    code = live.station()
    engine.enroll(sws, live.base, code)
    first = engine.stored_token(sws)
    engine.enroll(sws, live.base, code)  # the answer was "lost": the same PC asks again
    again = engine.stored_token(sws)
    assert first and again and first != again
    with DistrictClient(live.base, token=first) as c, pytest.raises(SyncError):
        c.whoami()  # the token never received is dead
    with DistrictClient(live.base, token=again) as c:
        assert (c.whoami().device_no, c.whoami().device_name) == (1, "1号窗口")
    other = make_ws("pc2", device_no=2)
    with pytest.raises(SyncError) as err:
        engine.enroll(other, live.base, code, device_name="2号窗口")
    assert err.value.code == "enroll.invalid"
    clock.advance(seconds=(auth.RETRY_WINDOW + timedelta(minutes=1)).total_seconds())
    with pytest.raises(SyncError) as err:
        engine.enroll(sws, live.base, code)
    assert err.value.code == "enroll.invalid"


def test_enrollment_survives_a_lost_answer(live: District, sws: Workspace) -> None:
    code = live.station()
    port = urlsplit(live.base).port
    assert port is not None
    with FaultProxy(port, faults=("lost",), probability=1.0, max_faults=1) as proxy:
        info, _ = engine.enroll(sws, proxy.base, code)
        assert proxy.dealt["lost"] == 1
    assert info.device_no == 1
    with ProxylessClient(live, sws) as client:
        assert client.whoami().station_code == STATION_CODE


class ProxylessClient(DistrictClient):
    """This PC's stored token, straight to the district (the proxy is gone)."""

    def __init__(self, live: District, ws: Workspace) -> None:
        super().__init__(live.base, token=engine.stored_token(ws))


# --------------------------------------------------------------------------- keyring slots


def test_two_data_directories_on_one_keyring_keep_their_own_tokens(
        live: District, sws: Workspace, make_ws: Callable[..., Workspace],
        id_factory: IdFactory) -> None:
    enroll_station(sws, live)
    other = make_ws("other-station", code=OTHER_STATION)
    enroll_station(other, live, OTHER_STATION)
    assert engine.stored_token(sws) != engine.stored_token(other)
    accepted_case(sws, id_factory(1))
    accepted_case(other, id_factory(2))
    for ws in (sws, other):
        report = engine.sync_round(ws)
        assert report.outcome == engine.DONE, report.error
        assert engine.status(ws).acked == 2


def test_the_old_single_keyring_entry_is_taken_over_on_first_use(
        live: District, sws: Workspace) -> None:
    enroll_station(sws, live)
    token = engine.stored_token(sws)
    assert token is not None
    credentials.delete_token(live.base, station=STATION_CODE, device_no=1)
    credentials.store_token(live.base, token)  # as an older version kept it
    assert engine.stored_token(sws) == token
    assert credentials.load_token(live.base, station=STATION_CODE, device_no=1) == token
    assert engine.sync_round(sws).outcome == engine.DONE


def test_a_token_of_another_station_stops_the_round_before_anything_is_pushed(
        live: District, sws: Workspace, make_ws: Callable[..., Workspace],
        id_factory: IdFactory) -> None:
    enroll_station(sws, live)
    other = make_ws("other-station", code=OTHER_STATION)
    enroll_station(other, live, OTHER_STATION)
    # An old-scheme keyring entry replaced by the other station's enrollment, taken over.
    credentials.store_token(live.base, engine.stored_token(other) or "",
                            station=STATION_CODE, device_no=1)
    accepted_case(sws, id_factory(1))
    report = engine.sync_round(sws)
    assert report.outcome == engine.FAILED and report.error_code == "sync.identity"
    assert OTHER_STATION in report.error and "重新登记" in report.error
    st = engine.status(sws)
    assert (st.pending, st.acked, st.rejected) == (2, 0, [])


def test_refused_and_unsent_events_are_never_reconciled(live: District, sws: Workspace,
                                                       id_factory: IdFactory) -> None:
    from sqlalchemy import update

    enroll_station(sws, live)
    accepted_case(sws, id_factory(1))
    assert engine.sync_round(sws).outcome == engine.DONE
    with engine.make_client(sws) as client:
        assert engine.reconcile(sws, client).reconciled
        accepted_case(sws, id_factory(2))  # not pushed yet: both ledgers agree, still not
        result = engine.reconcile(sws, client)
        assert not result.reconciled and result.unsent == 2
        with sws.store.write() as s:
            s.execute(update(CaseEvent).where(CaseEvent.sync_state == "pending")
                      .values(sync_state="rejected", sync_error="测试"))
        result = engine.reconcile(sws, client)
    assert not result.reconciled and (result.refused, result.unsent) == (2, 0)
    assert result.differences == []


# --------------------------------------------------------------------------- trust the token


def test_squatting_another_stations_number_is_refused_and_harms_nothing(
        live: District, sws: Workspace, make_ws: Callable[..., Workspace],
        id_factory: IdFactory) -> None:
    mine = live.station_token()
    squatter = live.station_token(OTHER_STATION)
    rec = escalated_case(sws, id_factory(1))
    events = wire_events(sws, rec.case_no)
    # The other station sends our case's first event as its own (its station code in the
    # payload, our number), then with a path for a number.
    from wire.protocol import WireEvent

    def resealed(event: dict[str, object], **payload: object) -> dict[str, object]:
        e = dict(event, payload=dict(event["payload"], **payload))  # type: ignore[arg-type]
        w = WireEvent.model_validate(e)
        e["hash"] = w.computed_hash(w.canonical_payload())
        return e

    taken = resealed(events[0], station_code=OTHER_STATION)
    results = push(live, squatter, [taken])
    assert statuses(results) == ["rejected:case_no.station"]
    assert rec.case_no in results[0]["message"]
    path = resealed(events[0], station_code=OTHER_STATION, case_no="../../etc")
    path["case_id"] = "01a24214-f36d-7064-af5a-186f9ba26d3b"
    path = resealed(path)
    results = push(live, squatter, [path])
    assert statuses(results) == ["rejected:case_no.format"]
    # Our station's own case goes through untouched.
    assert statuses(push(live, mine, events)) == ["accepted"] * len(events)


def test_a_case_number_of_another_window_is_refused(live: District, sws: Workspace,
                                                    id_factory: IdFactory) -> None:
    live.station_token()  # window 1
    second = live.station_token()  # window 2
    rec = accepted_case(sws, id_factory(1))  # numbered by window 1
    assert parse_case_no(rec.case_no).device == 1  # type: ignore[union-attr]
    results = push(live, second, wire_events(sws, rec.case_no))
    assert results[0]["code"] == "case_no.device"


# --------------------------------------------------------------------------- numbering


@pytest.mark.parametrize("windows", [3])
def test_windows_capture_offline_on_one_day_without_duplicate_numbers(
        live: District, make_ws: Callable[..., Workspace], id_factory: IdFactory,
        windows: int) -> None:
    first = live.station()
    pcs = [make_ws(f"pc{n}", device_no=n) for n in range(1, windows + 1)]
    other = make_ws("other", code=OTHER_STATION)
    numbers: list[str] = []
    n = 0
    for ws in (*pcs, other):
        for _ in range(4):
            n += 1
            numbers.append(accepted_case(ws, id_factory(n)).case_no)
    assert len(set(numbers)) == len(numbers)
    engine.enroll(pcs[0], live.base, first, device_name="1号窗口")
    for i, ws in enumerate(pcs[1:], start=2):
        engine.enroll(ws, live.base, live.issue_code(), device_name=f"{i}号窗口")
    enroll_station(other, live, OTHER_STATION)
    port = urlsplit(live.base).port
    assert port is not None
    with FaultProxy(port, seed=3, probability=0.5, max_faults=8,
                    faults=("drop", "lost", "500", "duplicate")) as proxy:
        for ws in (*pcs, other):
            token = engine.stored_token(ws)
            from apiclient.retry import RetryPolicy

            client = DistrictClient(proxy.base, token=token,
                                    retry=RetryPolicy(attempts=6, base=0.01, cap=0.05))
            for _ in range(20):
                report = engine.sync_round(ws, client)
                if report.ok and engine.status(ws).pending == 0:
                    break
            client.close()
            st = engine.status(ws)
            assert (st.pending, st.rejected) == (0, []), report.error
            with ws.store.read() as s:  # every event acknowledged: none left in the outbox
                assert s.execute(select(SyncOutbox)).first() is None
    # The station is one place: one more round each, and every counter of the station
    # holds the station's twelve cases and their applicants; the other station its own.
    from clerk.cases.audit import verify
    from clerk.store.models import Applicant, Case, SyncQuarantine

    for ws in pcs:
        assert engine.sync_round(ws).outcome == engine.DONE
    for ws in (*pcs, other):
        with ws.store.read() as s:
            cases = set(s.execute(select(Case.case_no)).scalars())
            people = s.execute(select(Applicant.id)).all()
            assert s.execute(select(SyncQuarantine)).first() is None
            assert verify(s).ok
        expected = 4 if ws is other else 4 * windows
        assert len(cases) == len(people) == expected
        assert all(no.startswith(OTHER_STATION if ws is other else STATION_CODE)
                   for no in cases)


# --------------------------------------------------------------------------- event forms


def _checklist_forms(ws: Workspace, case_no: str) -> set[bool]:
    """For each stored event of the case that carries a checklist: is it written slim?"""
    from clerk.cases.ledger import load_by_case_no

    with ws.store.read() as s:
        case_id = load_by_case_no(s, case_no).id
        payloads = s.execute(select(CaseEvent.payload).where(
            CaseEvent.case_id == case_id)).scalars().all()
    return {all("name" not in item for item in p["checklist"])
            for p in payloads if "checklist" in p}


def test_slim_events_are_written_only_once_every_live_device_of_the_station_reads_them(
        live: District, sws: Workspace, make_ws: Callable[..., Workspace],
        id_factory: IdFactory) -> None:
    from clerk import settings
    from clerk.options import SYNC_EVENT_FORMS

    enroll_station(sws, live)
    pc2 = make_ws("pc2", device_no=2)
    engine.enroll(pc2, live.base, live.issue_code(), device_name="2号窗口")

    def forms(ws: Workspace) -> str:
        with ws.store.read() as s:
            return settings.read(s, SYNC_EVENT_FORMS)

    # pc2 has not said what it reads yet: the station writes the full form.
    assert engine.sync_round(sws).outcome == engine.DONE
    assert forms(sws) == ""
    assert _checklist_forms(sws, accepted_case(sws, id_factory(1)).case_no) == {False}
    # Once both have said so, both write slim items ...
    assert engine.sync_round(pc2).outcome == engine.DONE
    assert engine.sync_round(sws).outcome == engine.DONE
    assert forms(sws) == forms(pc2) == ",".join(sorted(READS))
    slim = accepted_case(sws, id_factory(2))
    assert _checklist_forms(sws, slim.case_no) == {True}
    # ... which the district and the other counter apply to the very same record.
    assert engine.sync_round(sws).outcome == engine.DONE
    assert engine.sync_round(pc2).outcome == engine.DONE
    assert pc2.cases.get(slim.case_no).to_dict() == sws.cases.get(slim.case_no).to_dict()
    from district import snapshots
    from district.models import CaseRow

    db = live.db()
    try:
        with db.read() as s:
            row = s.get(CaseRow, slim.id)
            assert row is not None
            data = snapshots.row_data(s, row.data, row.matter_ref)
    finally:
        db.close()
    assert data["checklist"] == sws.cases.get(slim.case_no).checklist
    # A third PC whose software names no forms (an older release) stops slim writing at
    # the others' next round; revoking it lets them write slim again.
    pc3 = make_ws("pc3", device_no=3)
    engine.enroll(pc3, live.base, live.issue_code(), device_name="3号窗口")
    with DistrictClient(live.base, token=engine.stored_token(pc3)) as old:
        assert old.whoami().station_reads == []  # it never said: the station reads none
    assert engine.sync_round(sws).outcome == engine.DONE
    assert forms(sws) == ""
    assert _checklist_forms(sws, accepted_case(sws, id_factory(3)).case_no) == {False}
    rc, _ = run_admin(live, "revoke-device", "--station", STATION_CODE, "--device", "3号窗口")
    assert rc == 0
    assert engine.sync_round(sws).outcome == engine.DONE
    assert forms(sws) == ",".join(sorted(READS))


@pytest.mark.parametrize("reads", ["x" * 201, "SLIM", "slim checklist", "a;b"])
def test_a_malformed_list_of_forms_is_refused_and_changes_nothing(
        live: District, sws: Workspace, reads: str) -> None:
    enroll_station(sws, live)
    token = engine.stored_token(sws)
    with DistrictClient(live.base, token=token) as c:
        assert c.whoami(reads=READS).station_reads == sorted(READS)
        resp = live.http.get(f"{live.base}/api/v1/sync/whoami", params={"reads": reads},
                             headers={"Authorization": f"Bearer {token}"})
        assert resp.status_code == 422
        # Forms the district does not know are not announced; not naming any keeps
        # what was said before.
        assert c.whoami(reads=(*READS, "future_form")).station_reads == sorted(READS)
        assert c.whoami().station_reads == sorted(READS)
        assert c.whoami(reads=()).station_reads == []
