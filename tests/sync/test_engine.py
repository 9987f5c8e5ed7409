"""The station's sync client against the real district app on a loopback socket."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from clerk.cases.states import State
from clerk.store.models import CaseEvent
from clerk.workspace import Workspace
from sync import credentials, engine, outbox
from sync.client import DistrictClient
from tests.conftest import STATION_CODE, FakeClock
from tests.districtkit import District, accepted_case, enroll_station, escalated_case

IdFactory = Callable[..., str]


def test_enroll_stores_token_in_keyring(live: District, sws: Workspace) -> None:
    enroll_station(sws, live)
    assert engine.server_url(sws) == live.base
    token = engine.stored_token(sws)
    assert token is not None and token.startswith("sdt_")
    with DistrictClient(live.base, token=token) as client:
        assert client.station().code == sws.station().code  # type: ignore[union-attr]


def test_enrollment_code_is_single_use(live: District, sws: Workspace,
                                       tmp_path: Path, clock: FakeClock) -> None:
    secret = live.station()
    engine.enroll(sws, live.base, secret)
    # Another PC (its own device secret) cannot use the spent code.
    other = Workspace.open(tmp_path / "other", clock=clock)
    try:
        other.init_station(code=STATION_CODE, name="海淀区测试社区便民服务站", admin="admin",
                           password="admin-pass-1")
        with pytest.raises(engine.SyncError) as err:
            engine.enroll(other, live.base, secret, device_no=2, device_name="2号窗口")
        assert err.value.code == "enroll.invalid"
    finally:
        other.close()


def test_round_pushes_then_nothing_to_do(live: District, sws: Workspace,
                                         id_factory: IdFactory) -> None:
    enroll_station(sws, live)
    a = escalated_case(sws, id_factory(1))
    accepted_case(sws, id_factory(2))
    report = engine.sync_round(sws)
    assert report.ok, report.error
    assert (report.push.sent, report.push.accepted, report.push.rejected) == (5, 5, [])
    st = engine.status(sws)
    assert (st.pending, st.acked, st.rejected) == (0, 5, [])
    assert st.last_success
    again = engine.sync_round(sws)
    assert again.ok and again.push.sent == 0 and again.pull.events == 0
    reviewer = live.user("li.shen")
    assert live.get(f"/cases/{a.id}", reviewer).json()["state"] == "escalated"


def test_return_comes_back_as_a_task(live: District, sws: Workspace,
                                     id_factory: IdFactory) -> None:
    enroll_station(sws, live)
    rec = escalated_case(sws, id_factory(1))
    engine.sync_round(sws)
    reviewer = live.user("li.shen")
    live.post(f"/cases/{rec.id}/take", reviewer, json={"expected_version": 3})
    r = live.post(f"/cases/{rec.id}/return", reviewer, json={
        "expected_version": 4, "note": "收入证明须加盖公章",
        "items": [{"key": "income_proof", "name": "收入证明", "requirement": "加盖公章"}]})
    assert r.status_code == 200, r.text
    report = engine.sync_round(sws)
    assert report.ok and report.pull.events == 2 and report.pull.tasks == [rec.case_no]
    local = sws.cases.get(rec.case_no)
    assert local.state == State.RETURNED and local.owner.value == "station"
    assert local.returns[0]["items"][0]["key"] == "income_proof"
    assert local.returns[0]["note"] == "收入证明须加盖公章"
    # Pulled events are part of the station's tamper-evident history.
    from clerk.cases.audit import verify

    with sws.store.read() as s:
        assert verify(s).ok
    # Pulling again applies nothing twice.
    assert engine.sync_round(sws).pull.events == 0


def test_revoked_token_says_so(live: District, sws: Workspace, id_factory: IdFactory) -> None:
    enroll_station(sws, live)
    escalated_case(sws, id_factory(1))
    live.revoke()
    report = engine.sync_round(sws)
    assert not report.ok and report.error_code == "auth"
    st = engine.status(sws)
    assert st.pending == 3 and "吊销" in st.last_error


def test_no_keyring_backend_is_said_plainly(live: District, sws: Workspace,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    secret = live.station()
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(credentials.CredentialsError) as err:
            engine.enroll(sws, live.base, secret)
        assert "密钥环" in err.value.message
        # The code was not spent: it still works once a backend is there.
    finally:
        keyring.set_keyring(previous)
    engine.enroll(sws, live.base, secret)


def test_rejections_are_recorded_with_reasons(live: District, sws: Workspace,
                                              id_factory: IdFactory) -> None:
    enroll_station(sws, live)
    a = escalated_case(sws, id_factory(1))
    b = escalated_case(sws, id_factory(2))
    # Corrupt one stored event of case a (as a damaged disk or a bug would).
    with sws.store.write() as s:
        s.execute(update(CaseEvent).where(CaseEvent.case_id == a.id, CaseEvent.seq == 2)
                  .values(hash="0" * 64))
    report = engine.sync_round(sws)
    assert report.ok
    assert [(r.code) for r in report.push.rejected] == ["hash_mismatch", "out_of_order"]
    st = engine.status(sws)
    assert st.acked == 4 and len(st.rejected) == 2  # case b went through entirely
    # The clerk reads words, not codes; and the round says it is done with problems.
    assert st.rejected[0].case_no == a.case_no and "哈希不符" in st.rejected[0].error
    assert "hash_mismatch" not in st.rejected[0].error
    assert report.outcome == "problems" and report.exit_status == 3
    assert [p.kind for p in report.problems] == ["rejected"]
    assert a.case_no in report.problems[0].text
    assert b.case_no not in {r.case_no for r in st.rejected}


def test_reconcile(live: District, sws: Workspace, id_factory: IdFactory) -> None:
    enroll_station(sws, live)
    escalated_case(sws, id_factory(1))
    engine.sync_round(sws)
    with engine.make_client(sws) as client:
        assert engine.reconcile(sws, client).reconciled
        # An event the station believes acked but the district lacks shows up.
        with sws.store.write() as s:
            ev = s.execute(select(CaseEvent).limit(1)).scalar_one()
            s.add(CaseEvent(**{c: getattr(ev, c) for c in (
                "case_id", "type", "payload", "actor", "origin", "occurred_at", "hash",
                "chain_prev", "chain_hash")}, event_id="00000000-0000-4000-8000-00000000abcd",
                seq=99, sync_state="acked"))
        result = engine.reconcile(sws, client)
    assert not result.reconciled
    diff = result.differences[0]
    assert (diff.origin, diff.local.count, diff.district.count) == ("station", 4, 3)


def test_catalog_and_calendar_updates(live: District, sws: Workspace, id_factory: IdFactory,
                                      clock: FakeClock, tmp_path: Path) -> None:
    from clerk.catalog import dump_catalog
    from district import admin
    from tests.clerk.factories import matter

    enroll_station(sws, live)
    # A case accepted on 2026-12-28 with 5 days is due in 2027: provisional (no data yet;
    # 元旦 01-01 is off by statute).
    clock.set_local(date(2026, 12, 28))
    rec = accepted_case(sws, id_factory(1))
    assert rec.due_provisional and rec.due_date == date(2027, 1, 5)
    catalog = tmp_path / "catalog.json"
    catalog.write_text(dump_catalog([matter("D-NEW-001", name="新发布事项")]), encoding="utf-8")
    year = tmp_path / "2027.json"
    year.write_text(json.dumps({
        "format": "stationdesk-calendar", "version": 1, "year": 2027, "official": True,
        "source": "国务院办公厅通知（测试）",
        "days": [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
                 {"date": "2027-01-04", "kind": "holiday", "name": "元旦（测试）"}]},
        ensure_ascii=False), encoding="utf-8")
    db = live.db()
    try:
        admin.publish_catalog_file(db, catalog, clock())
        admin.publish_calendar_file(db, year, clock())
    finally:
        db.close()
    report = engine.sync_round(sws)
    assert report.ok, report.error
    assert report.reference.catalog_changed and report.reference.matters_added == 1
    assert report.reference.years == (2027,) and report.reference.due_recomputed == 1
    assert "D-NEW-001" in {m.code for m in sws.matters()}
    with sws.store.read() as s:
        from clerk.store.models import Case, DueOverride

        row = s.get(Case, rec.id)
        assert row is not None and (row.due_date, row.due_provisional) == (date(2027, 1, 6),
                                                                          False)
        override = s.get(DueOverride, rec.id)
        assert override is not None and override.original_due == date(2027, 1, 5)
    # History is untouched: the accepting event still carries the printed date.
    assert sws.cases.timeline(rec.case_no)[1].payload["due_date"] == "2027-01-05"
    assert sws.calendar().is_official(2027)
    # Nothing new: both answered 304.
    again = engine.sync_round(sws)
    assert not again.reference.catalog_changed and not again.reference.calendar_changed


def test_outbox_counts_and_requeue(sws: Workspace, id_factory: IdFactory) -> None:
    escalated_case(sws, id_factory(1))
    with sws.store.write() as s:
        s.execute(update(CaseEvent).values(sync_state="rejected", sync_error="x: y"))
    with sws.store.read() as s:
        assert outbox.counts(s) == {"pending": 0, "acked": 0, "rejected": 3}
    assert outbox.requeue_rejected(sws) == 3
    with sws.store.read() as s:
        assert outbox.counts(s)["pending"] == 3


def test_unenrolled_round_says_what_to_do(sws: Workspace) -> None:
    report = engine.sync_round(sws)
    assert not report.ok and report.error_code == "sync.not_enrolled"
    assert "登记到区中心…" in report.error and "python -m" not in report.error



def test_a_round_with_nothing_new_asks_only_who_am_i_and_the_pull(
        live: District, sws: Workspace, clock: FakeClock, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The devices, the announced version and the publications' ETags come with the
    who-am-I; the catalog is fetched the round after it is published, and only then."""
    from apiclient.http import ApiClient
    from clerk.catalog import dump_catalog
    from district import admin
    from tests.clerk.factories import matter

    enroll_station(sws, live)
    assert engine.sync_round(sws).ok  # takes what the district has published
    asked: list[str] = []
    real = ApiClient._request

    def request(self: ApiClient, method: str, path: str, **kw: object) -> object:
        asked.append(path)
        return real(self, method, path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ApiClient, "_request", request)
    report = engine.sync_round(sws)
    assert report.ok, report.error
    assert [p.partition("?")[0] for p in asked] == ["/sync/whoami", "/sync/pull"]
    with sws.store.read() as s:
        kept = json.loads(engine._setting(s, engine.DEVICES_KEY))
    assert [d["number"] for d in kept] == [1] and kept[0]["last_seen_at"]
    catalog = tmp_path / "catalog.json"
    catalog.write_text(dump_catalog([matter("D-NEW-002", name="又一新发布事项")]),
                       encoding="utf-8")
    db = live.db()
    try:
        admin.publish_catalog_file(db, catalog, clock())
    finally:
        db.close()
    asked.clear()
    report = engine.sync_round(sws)
    assert report.ok and report.reference.catalog_changed, report.lines()
    assert [p.partition("?")[0] for p in asked] == ["/sync/whoami", "/sync/pull", "/catalog"]
    assert "D-NEW-002" in {m.code for m in sws.matters()}


def test_who_am_i_answers_what_the_separate_reads_answer(live: District,
                                                         sws: Workspace) -> None:
    enroll_station(sws, live)
    token = engine.stored_token(sws)
    assert token is not None
    with DistrictClient(live.base, token=token) as client:
        who = client.whoami()
        assert who.devices == client.devices()
        assert who.client_version == client.client_version()
        assert who.catalog_etag == client.catalog()[0]
        assert who.calendar_etag == client.calendar()[0]
