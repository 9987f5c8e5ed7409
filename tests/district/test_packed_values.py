"""Long sealed values are packed (LZ4) before they are encrypted (`enc2:`, d0024): they
open to exactly the text sealed, a changed spelling does not open, short or incompressible
values keep the unpacked spelling, and the downgrade to d0023 unpacks every one."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from clerk.applicants import PersonInput
from clerk.cases.events import canonical_json
from clerk.cases.service import MaterialChanges
from clerk.workspace import Workspace
from district import crypto
from district.models import LedgerEntry
from tests.clerk.factories import ALL_NEEDED, DISTRICT
from tests.districtkit import District, district_migrations, push, statuses, wire_events

IdFactory = Callable[..., str]
RING = crypto.Keyring.parse(crypto.generate_key("k1"))
# A payload-like text: JSON with repeated keys and Chinese text, 2-3 KB.
LONG = canonical_json({"materials": [{"code": f"M{i:02d}", "name": "居民身份证复印件",
                                      "received": True, "note": "核验原件后退还"}
                                     for i in range(40)]})


def test_a_long_value_is_packed_and_opens_to_the_same_text() -> None:
    sealed = crypto.seal(LONG, crypto.PAYLOAD_PURPOSE, RING)
    plain = crypto.seal(LONG, crypto.PAYLOAD_PURPOSE, RING, pack=False)
    assert sealed.startswith("enc2:k1:") and plain.startswith("enc1:k1:")
    assert len(sealed) < len(plain) / 2
    assert crypto.open_sealed(sealed, crypto.PAYLOAD_PURPOSE, RING) == LONG
    assert crypto.open_sealed(plain, crypto.PAYLOAD_PURPOSE, RING) == LONG
    assert crypto.is_sealed(sealed) and crypto.is_packed(sealed) and not crypto.is_packed(plain)
    assert crypto.key_id_of(sealed) == "k1"
    # The bytes a push hands over are sealed alike.
    assert crypto.open_sealed(crypto.seal(LONG.encode(), crypto.PAYLOAD_PURPOSE, RING),
                              crypto.PAYLOAD_PURPOSE, RING) == LONG


def test_short_and_incompressible_values_keep_the_unpacked_spelling() -> None:
    short = "1" * (crypto.PACK_FROM - 1)
    noise = base64.b85encode(os.urandom(900)).decode("ascii")  # packs no smaller
    for text in (short, noise, "110108198005170011"):
        sealed = crypto.seal(text, crypto.FIELD_PURPOSE, RING)
        assert sealed.startswith("enc1:k1:")
        assert crypto.open_sealed(sealed, crypto.FIELD_PURPOSE, RING) == text


def test_a_packed_value_does_not_open_under_another_spelling_or_column() -> None:
    packed = crypto.seal(LONG, crypto.PAYLOAD_PURPOSE, RING)
    plain = crypto.seal(LONG, crypto.PAYLOAD_PURPOSE, RING, pack=False)
    body = packed.split(":", 2)[2]
    tampered = [packed.replace("enc2:", "enc1:", 1), plain.replace("enc1:", "enc2:", 1),
                f"enc2:k1:{body[:-8]}AAAAAAAA"]
    for value in tampered:
        with pytest.raises(crypto.CryptoError) as err:
            crypto.open_sealed(value, crypto.PAYLOAD_PURPOSE, RING)
        assert err.value.code == "crypto.damaged"
    with pytest.raises(crypto.CryptoError) as err:
        crypto.open_sealed(packed, crypto.FIELD_PURPOSE, RING)
    assert err.value.code == "crypto.damaged"


def test_a_packed_body_that_does_not_unpack_is_damaged_not_a_crash() -> None:
    """Encrypted under the right key and spelling, but not LZ4 inside (or claiming more
    than a value can hold): refused in words, as any damaged value."""
    key = RING.current
    for inner in (b"\xff\xff\xff\x7f" + b"x" * 40, b"\x10\x00\x00\x00garbage", b"ab"):
        nonce = os.urandom(12)
        sealed = key.aead.encrypt(nonce, inner, crypto.PAYLOAD_PURPOSE + b"|lz4")
        value = f"enc2:k1:{base64.b64encode(nonce + sealed).decode()}"
        with pytest.raises(crypto.CryptoError) as err:
            crypto.open_sealed(value, crypto.PAYLOAD_PURPOSE, RING)
        assert err.value.code == "crypto.damaged"


def _long_case(ws: Workspace, ids: IdFactory) -> str:
    rec = ws.cases.new_case(matter_code=DISTRICT,
                            applicant=PersonInput(name="赵六", id_no=ids(31)),
                            form_data={"说明": "申请人说明：" + "家庭困难，" * 80},
                            changes=MaterialChanges(received=ALL_NEEDED))
    ws.cases.accept(rec.case_no)
    ws.cases.escalate(rec.case_no)
    return rec.case_no


def _stored(api: District) -> tuple[list[str], list[object]]:
    db = api.db()
    try:
        with db.engine.connect() as conn:
            payloads = list(conn.execute(sa.text("SELECT payload FROM ledger ORDER BY pos"))
                            .scalars())
            datas = list(conn.execute(sa.select(sa.table("cases", sa.column("data", sa.JSON))
                                                .c.data)).scalars())
    finally:
        db.close()
    return payloads, datas


def test_pushed_payloads_are_stored_packed_and_read_back_exactly(
        api: District, sws: Workspace, id_factory: IdFactory) -> None:
    case_no = _long_case(sws, id_factory)
    events = wire_events(sws, case_no)
    assert set(statuses(push(api, api.station_token(), events))) == {"accepted"}
    payloads, datas = _stored(api)
    assert any(crypto.is_packed(p) for p in payloads)
    assert "enc2:" in str(datas)  # the long form text, sealed as a field
    with api.db().read() as s:
        assert list(s.execute(select(LedgerEntry.payload).order_by(LedgerEntry.pos))
                    .scalars()) == [canonical_json(e["payload"]) for e in events]
    case_id = events[0]["case_id"]
    full = api.post(f"/cases/{case_id}/reveal", api.user("li.shen"),
                    json={"reason": "核对"}).json()["record"]
    assert full["form_data"]["说明"].startswith("申请人说明：家庭困难，")


def test_the_downgrade_to_d0023_unpacks_every_value(
        api: District, sws: Workspace, id_factory: IdFactory) -> None:
    from alembic import command

    case_no = _long_case(sws, id_factory)
    events = wire_events(sws, case_no)
    push(api, api.station_token(), events)
    before, before_data = _stored(api)
    db = api.db()
    try:
        cfg = district_migrations(db.engine)
        command.downgrade(cfg, "d0023")
        after, after_data = _stored(api)
        assert not any(crypto.is_packed(p) for p in after) and "enc2:" not in str(after_data)
        assert [crypto.open_sealed(p, crypto.PAYLOAD_PURPOSE) for p in after] == \
            [crypto.open_sealed(p, crypto.PAYLOAD_PURPOSE) for p in before]
        assert crypto.open_fields(after_data[0]) == crypto.open_fields(before_data[0])
        command.upgrade(cfg, "head")  # and up again: unpacked values read as before
    finally:
        db.close()
    reviewer = api.user("li.shen")
    record = api.post(f"/cases/{events[0]['case_id']}/reveal", reviewer,
                      json={"reason": "核对"}).json()["record"]
    assert record["applicant"]["id_no"] == id_factory(31)
