"""Column encryption at the district (issue 14): a dump of the district database holds
no generated ID number or phone; the key comes from the configuration only; existing
databases are sealed by d0017; keys rotate; the keyed hash finds a person's cases."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import create_engine, select

from clerk.applicants import PersonInput
from clerk.calendar import WorkCalendar, seed_years
from clerk.cases.events import canonical_json
from clerk.cases.service import MaterialChanges
from clerk.workspace import Workspace
from district import cli, crypto, ledger, schema, sealing
from district.db import Database
from district.models import CaseRow, LedgerEntry
from tests.clerk.factories import ALL_NEEDED, DISTRICT
from tests.districtkit import (
    District,
    create_pg_database,
    drop_pg_database,
    push,
    statuses,
    wire_events,
)

IdFactory = Callable[..., str]
MOBILE, AGENT_MOBILE = "13900000071", "13700000072"  # synthetic, not real numbers


def person_case(ws: Workspace, ids: IdFactory) -> tuple[str, str, dict[str, str]]:
    """An escalated case with an applicant, an agent and an ID number in its form."""
    secrets = {"applicant": ids(11), "agent": ids(12), "guardian": ids(13),
               "mobile": MOBILE, "agent_mobile": AGENT_MOBILE}
    rec = ws.cases.new_case(
        matter_code=DISTRICT,
        applicant=PersonInput(name="张三", id_no=secrets["applicant"], mobile=MOBILE),
        agent=PersonInput(name="李四", id_no=secrets["agent"], mobile=AGENT_MOBILE),
        form_data={"guardian_id_no": secrets["guardian"]},
        changes=MaterialChanges(received=ALL_NEEDED))
    ws.cases.accept(rec.case_no)
    ws.cases.escalate(rec.case_no)
    return rec.id, rec.case_no, secrets


def served_db(api: District) -> Database:
    db: Database = api.app.state.ctx.db
    return db


def dump(url: str) -> bytes:
    """Everything the database holds, as an attacker with a copy would read it."""
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    return subprocess.run(["pg_dump", "--no-owner", plain], check=True,
                          capture_output=True).stdout


def test_a_dump_of_the_district_holds_no_id_number_or_phone(
        api: District, sws: Workspace, id_factory: IdFactory) -> None:
    from sync import notes

    token = api.station_token()
    case_id, case_no, secrets = person_case(sws, id_factory)
    assert set(statuses(push(api, token, wire_events(sws, case_no)))) == {"accepted"}
    # A remark typed with a phone in it: notes are sealed with the ledger's payloads.
    notes.remark(sws, case_no, f"申请人来电 {MOBILE}")
    row = notes.notes_of(sws, case_no)[0]
    wire = {"note_id": row.note_id, "case_id": row.case_id, "text": row.text,
            "author": row.author, "origin": row.origin, "occurred_at": row.occurred_at,
            "hash": row.hash}
    r = api.post("/sync/push", token, json={"events": [], "notes": [wire]})
    assert r.json()["note_results"][0]["status"] == "accepted"

    stored = dump(api.url)
    assert b"enc1:" in stored  # the dump is readable: what is sealed is really there
    for secret in secrets.values():
        assert secret.encode() not in stored
    assert "张三".encode() in stored  # names are not sealed (the review queue sorts them)

    # The service reads them back: the full record, the station's pull, the lookup hash.
    reviewer = api.user("li.shen")
    full = api.post(f"/cases/{case_id}/reveal", reviewer, json={"reason": "核对身份"}).json()
    assert full["record"]["applicant"]["id_no"] == secrets["applicant"]
    assert full["record"]["agent"]["mobile"] == AGENT_MOBILE
    assert full["record"]["form_data"]["guardian_id_no"] == secrets["guardian"]
    masked = api.get(f"/cases/{case_id}", reviewer).json()["record"]
    for secret in secrets.values():  # form fields too (guardian_id_no), by their names
        assert secret not in str(masked)
    detail = api.get(f"/cases/{case_id}", reviewer).json()
    assert f"申请人来电 {MOBILE}" in [n["text"] for n in detail["notes"]]
    with served_db(api).read() as s:
        found = s.execute(select(CaseRow.id).where(
            CaseRow.applicant_id_hash == crypto.lookup_hash(f" {secrets['applicant'].lower()} ")
        )).scalars().all()
        assert found == [case_id]
        assert not s.execute(select(CaseRow.id).where(
            CaseRow.applicant_id_hash == crypto.lookup_hash(secrets["agent"]))).first()


def test_the_ledger_gives_back_the_exact_text_that_was_hashed(
        api: District, sws: Workspace, id_factory: IdFactory) -> None:
    token = api.station_token()
    _, case_no, _ = person_case(sws, id_factory)
    events = wire_events(sws, case_no)
    push(api, token, events)
    with served_db(api).read() as s:
        payloads = s.execute(select(LedgerEntry.payload).order_by(LedgerEntry.pos)).scalars()
        assert list(payloads) == [canonical_json(e["payload"]) for e in events]
    # The station's ledger check still agrees with the district's hashes.
    assert sum(d["station"]["count"]
               for d in api.get("/sync/ledger", token).json()["days"]) == len(events)


# --------------------------------------------------------------------------- the keys


def test_sealed_values_open_only_with_their_key_and_in_their_column() -> None:
    ring = crypto.Keyring.parse(crypto.generate_key("k1"))
    other = crypto.Keyring.parse(crypto.generate_key("k1"))
    sealed = crypto.seal("110108198005170011", crypto.PAYLOAD_PURPOSE, ring)
    assert sealed.startswith("enc1:k1:") and "110108" not in sealed
    assert sealed != crypto.seal("110108198005170011", crypto.PAYLOAD_PURPOSE, ring)  # nonce
    assert crypto.open_sealed(sealed, crypto.PAYLOAD_PURPOSE, ring) == "110108198005170011"
    for purpose, keys in ((crypto.FIELD_PURPOSE, ring), (crypto.PAYLOAD_PURPOSE, other)):
        with pytest.raises(crypto.CryptoError) as err:
            crypto.open_sealed(sealed, purpose, keys)
        assert err.value.code == "crypto.damaged"
    tampered = sealed[:-4] + ("AAAA" if not sealed.endswith("AAAA") else "BBBB")
    with pytest.raises(crypto.CryptoError):
        crypto.open_sealed(tampered, crypto.PAYLOAD_PURPOSE, ring)
    with pytest.raises(crypto.CryptoError) as err:
        crypto.open_sealed(sealed.replace("enc1:k1:", "enc1:k9:"), crypto.PAYLOAD_PURPOSE, ring)
    assert err.value.code == "crypto.unknown_key" and "k9" in err.value.message
    with pytest.raises(crypto.CryptoError) as err:
        crypto.open_sealed('{"id_no":"x"}', crypto.PAYLOAD_PURPOSE, ring)
    assert err.value.code == "crypto.plain"


@pytest.mark.parametrize("text", ["", "k1:", "k1:c2hvcnQ=", "K1:" + "A" * 44, "not base64!",
                                  "k1:" + "A" * 43 + "=,k1:" + "B" * 43 + "="])
def test_a_badly_spelled_key_is_refused_in_words(text: str) -> None:
    with pytest.raises(crypto.CryptoError) as err:
        crypto.Keyring.parse(text)
    assert err.value.code == "crypto.bad_key" and "STATIONDESK_DISTRICT_KEY" in err.value.message


def test_keys_come_from_the_variable_or_the_file_it_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(crypto.ENV_KEY, raising=False)
    monkeypatch.delenv(crypto.ENV_KEY_FILE, raising=False)
    with pytest.raises(crypto.CryptoError) as err:
        crypto.keyring()
    assert err.value.code == "crypto.no_key" and "generate-key" in err.value.message
    key_file = tmp_path / "district.key"
    key_file.write_text(crypto.generate_key("k7") + "\n")
    monkeypatch.setenv(crypto.ENV_KEY_FILE, str(key_file))
    assert crypto.keyring().current.key_id == "k7"
    monkeypatch.setenv(crypto.ENV_KEY, crypto.generate_key("k8") + "," + crypto.generate_key())
    assert [k.key_id for k in crypto.keyring().keys] == ["k8", "k1"]


def test_the_key_file_is_read_once_until_it_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """keyring() is asked for every case a push writes: the file is read again only when
    it was replaced, rewritten or removed, never served stale."""
    monkeypatch.delenv(crypto.ENV_KEY, raising=False)
    key_file = tmp_path / "district.key"
    key_file.write_text(crypto.generate_key("k4"))
    monkeypatch.setenv(crypto.ENV_KEY_FILE, str(key_file))
    reads: list[Path] = []
    real = Path.read_text

    def counted(self: Path, *args: Any, **kw: Any) -> str:
        reads.append(self)
        return real(self, *args, **kw)

    monkeypatch.setattr(Path, "read_text", counted)
    assert {crypto.keyring().current.key_id for _ in range(50)} == {"k4"}
    assert reads == [key_file]
    replacement = tmp_path / "new.key"  # as an editor or `install` replaces a file
    replacement.write_text(crypto.generate_key("k5") + "," + crypto.generate_key("k4"))
    replacement.replace(key_file)
    assert crypto.keyring().current.key_id == "k5"
    with key_file.open("w") as f:  # rewritten in place, a different length
        f.write(crypto.generate_key("k6"))
    assert crypto.keyring().current.key_id == "k6"
    key_file.unlink()
    with pytest.raises(crypto.CryptoError) as err:
        crypto.keyring()
    assert err.value.code == "crypto.no_key"


def test_the_lookup_hash_is_keyed_and_ignores_spelling() -> None:
    ring = crypto.Keyring.parse(crypto.generate_key("k2") + "," + crypto.generate_key("k1"))
    other = crypto.Keyring.parse(crypto.generate_key())
    h = crypto.lookup_hash("11010819800517001x", ring)
    assert h == crypto.lookup_hash(" 11010819800517001X ", ring) and len(h) == 64
    assert h != crypto.lookup_hash("11010819800517001X", other)
    assert crypto.lookup_hashes("11010819800517001X", ring)[0] == h
    assert len(set(crypto.lookup_hashes("11010819800517001X", ring))) == 2


def test_serve_refuses_to_start_without_the_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv(crypto.ENV_KEY, raising=False)
    monkeypatch.delenv(crypto.ENV_KEY_FILE, raising=False)
    db = tmp_path / "d.sqlite3"
    assert cli.main(["serve", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "STATIONDESK_DISTRICT_KEY" in err and "generate-key" in err
    assert not db.exists()  # nothing created, nothing started
    monkeypatch.setenv(crypto.ENV_KEY, "k1:short")
    assert cli.main(["serve", "--db", str(db)]) == 1
    assert "格式不对" in capsys.readouterr().err


def test_check_names_the_missing_or_misspelled_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "--db", f"sqlite:///{tmp_path / 'd.sqlite3'}", "--data-dir", str(tmp_path)]
    monkeypatch.delenv(crypto.ENV_KEY, raising=False)
    monkeypatch.delenv(crypto.ENV_KEY_FILE, raising=False)
    assert cli.main(args) == 1
    assert "缺少 证件号码和电话的数据加密密钥" in capsys.readouterr().out
    monkeypatch.setenv(crypto.ENV_KEY, "k1:" + "A" * 10)
    assert cli.main(args) == 1
    assert "格式不对" in capsys.readouterr().out
    monkeypatch.setenv(crypto.ENV_KEY, crypto.generate_key("k3"))
    assert cli.main(args) == 0
    assert "当前密钥 k3" in capsys.readouterr().out


def test_generate_key_prints_a_usable_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["admin", "generate-key", "--id", "k2"]) == 0
    line = capsys.readouterr().out.strip()
    assert crypto.Keyring.parse(line).current.key_id == "k2"
    assert cli.main(["admin", "generate-key", "--id", "Bad Id"]) == 1


# --------------------------------------------------------------------------- rotation


def stored(url: str) -> tuple[list[str], list[dict[str, Any]], list[str | None]]:
    """The raw payloads, case data and lookup hashes (not opened)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            payloads = list(conn.execute(sa.text("SELECT payload FROM ledger")).scalars())
            cases = conn.execute(sa.select(sealing._CASES.c.data,
                                           sealing._CASES.c.applicant_id_hash)).all()
    finally:
        engine.dispose()
    return payloads, [c[0] for c in cases], [c[1] for c in cases]


def test_rotate_key_reseals_everything_under_the_new_key(
        api: District, sws: Workspace, id_factory: IdFactory,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    old = crypto.configured_text()
    assert old is not None
    token = api.station_token()
    case_id, case_no, secrets = person_case(sws, id_factory)
    push(api, token, wire_events(sws, case_no))
    new = crypto.generate_key("k2")
    monkeypatch.setenv(crypto.ENV_KEY, f"{new},{old}")
    assert cli.main(["admin", "rotate-key", "--db", api.url]) == 0
    assert "k2" in capsys.readouterr().out
    payloads, datas, hashes = stored(api.url)
    assert {crypto.key_id_of(p) for p in payloads} == {"k2"}
    assert set().union(*(crypto.field_key_ids(d) for d in datas)) == {"k2"}
    # The old key can go now; the service reads everything with the new one alone.
    monkeypatch.setenv(crypto.ENV_KEY, new)
    assert hashes == [crypto.lookup_hash(secrets["applicant"])]
    reviewer = api.user("li.shen")
    full = api.post(f"/cases/{case_id}/reveal", reviewer, json={"reason": "核对"}).json()
    assert full["record"]["applicant"]["id_no"] == secrets["applicant"]
    # Run again: nothing left to do.
    assert cli.main(["admin", "rotate-key", "--db", api.url]) == 0
    assert "台账 0/" in capsys.readouterr().out


def test_resealing_in_small_batches_covers_every_row(
        api: District, sws: Workspace, id_factory: IdFactory) -> None:
    token = api.station_token()
    for n in (1, 2, 3):
        rec = sws.cases.new_case(matter_code=DISTRICT,
                                 applicant=PersonInput(name="王五", id_no=id_factory(20 + n)),
                                 changes=MaterialChanges(received=ALL_NEEDED))
        push(api, token, wire_events(sws, rec.case_no))
    ring = crypto.Keyring.parse(crypto.generate_key("k5") + "," + crypto.configured_text())
    seen: list[int] = []
    done = sealing.reseal_batched(served_db(api).write_conn, ring, limit=2,
                                  progress=lambda d: seen.append(d.ledger_seen + d.cases_seen))
    assert (done.ledger_seen, done.cases_seen) == (3, 3)
    assert (done.ledger_sealed, done.cases_sealed) == (3, 3)
    assert len(seen) == 4  # ledger: 2 + 1, cases: 2 + 1
    payloads, datas, _ = stored(api.url)
    assert set().union(*(crypto.field_key_ids(d) for d in datas)) == {"k5"}
    assert {crypto.key_id_of(p) for p in payloads} == {"k5"}


# --------------------------------------------------------------------------- d0017


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.sqlite3'}"
        return
    pg_url: str = request.getfixturevalue("pg_url")
    url = create_pg_database(pg_url)
    yield url
    drop_pg_database(pg_url, url)


def d0014_database(url: str, ws: Workspace, ids: IdFactory) -> tuple[str, dict[str, str],
                                                                        list[str]]:
    """A database at d0014 holding a case and its events as d0014 stored them (plain)."""
    case_id, case_no, secrets = person_case(ws, ids)
    events = ws.cases.timeline(case_no)
    engine = create_engine(url)
    schema.upgrade(engine, "d0014")
    values = ledger.case_values(ws.cases.get(case_no), WorkCalendar(seed_years()))
    for later in ("applicant_id_hash", "limit_days", "clock_due", "clock_paused", "clock_left"):
        values.pop(later)  # columns added after d0014
    matter = values.pop(ledger.SNAPSHOT_KEY)
    cases = sa.table("cases", *(sa.column(k, sa.JSON if k == "data" else None)
                                for k in values))
    entries = [ledger.event_row(e, values["station_code"], datetime(2026, 3, 2, 9))
               for e in events]
    texts = [e["payload"] for e in entries]
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO stations (code, name, district_code, created_at) "
                             "VALUES (:c, '站', '110108', :t)"),
                     {"c": values["station_code"], "t": datetime(2026, 3, 1)})
        conn.execute(sa.text("INSERT INTO matter_snapshots (ref, data) VALUES (:r, :d)"),
                     {"r": values["matter_ref"], "d": canonical_json(matter)})
        conn.execute(sa.insert(cases), [values])
        conn.execute(sa.insert(sa.table("ledger", *(sa.column(k) for k in entries[0]))),
                     entries)
    engine.dispose()
    return case_id, secrets, texts


def test_d0017_seals_the_rows_of_a_d0014_database(
        empty_url: str, sws: Workspace, id_factory: IdFactory) -> None:
    case_id, secrets, texts = d0014_database(empty_url, sws, id_factory)
    before = stored_payloads(empty_url)
    assert before == texts and secrets["applicant"] in before[0]  # plain, as d0014 had it
    db = Database(empty_url)  # migrates to head
    try:
        payloads, datas, hashes = stored(empty_url)
        assert all(crypto.key_id_of(p) == "k1" for p in payloads) and len(payloads) == 3
        assert crypto.field_key_ids(datas[0]) == {"k1"}
        assert hashes == [crypto.lookup_hash(secrets["applicant"])]
        with db.read() as s:
            assert list(s.execute(select(LedgerEntry.payload).order_by(LedgerEntry.pos))
                        .scalars()) == texts
            rec = ledger.load_record(s, case_id)
            assert rec is not None and rec.applicant["id_no"] == secrets["applicant"]
            assert rec.form_data == {"guardian_id_no": secrets["guardian"]}
    finally:
        db.close()
    if empty_url.startswith("sqlite"):
        for secret in secrets.values():
            assert secret.encode() not in dump(empty_url)


def test_d0017_without_the_key_changes_nothing_and_says_why(
        empty_url: str, sws: Workspace, id_factory: IdFactory,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _, _, texts = d0014_database(empty_url, sws, id_factory)
    monkeypatch.delenv(crypto.ENV_KEY)
    with pytest.raises(crypto.CryptoError) as err:
        Database(empty_url)
    assert "STATIONDESK_DISTRICT_KEY" in err.value.message
    engine = create_engine(empty_url)
    try:
        assert schema.current_revision(engine) == "d0014"
        assert "applicant_id_hash" not in {c["name"] for c in sa.inspect(engine)
                                           .get_columns("cases")}
    finally:
        engine.dispose()
    assert stored_payloads(empty_url) == texts


def stored_payloads(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text("SELECT payload FROM ledger ORDER BY pos")).scalars())
    finally:
        engine.dispose()
