"""Sealing the rows already stored: migration d0017 and `admin rotate-key`.

Both walk the ledger and the case projections in batches (by key, so memory stays
bounded on any size) and bring every value under the current key: a plain payload or
field is sealed, one sealed under an older key is opened and sealed again, one already
under the current key is left alone (so a run cut short is simply run again). The
applicant's lookup hash is recomputed with the fields, under the same key.

The tables are read through plain column types (not district.models' sealed ones), so
this code sees what is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from district import crypto

BATCH = 500

_LEDGER = sa.table("ledger", sa.column("pos", sa.BigInteger), sa.column("payload", sa.Text))
_CASES = sa.table("cases", sa.column("id", sa.String), sa.column("data", sa.JSON),
                  sa.column("applicant_id_hash", sa.String))
_SET_PAYLOAD = (sa.update(_LEDGER).where(_LEDGER.c.pos == sa.bindparam("_pos"))
                .values(payload=sa.bindparam("_payload")))
_SET_CASE = (sa.update(_CASES).where(_CASES.c.id == sa.bindparam("_id"))
             .values(data=sa.bindparam("_data", type_=sa.JSON),
                     applicant_id_hash=sa.bindparam("_hash")))


@dataclass
class Resealed:
    """How many rows were looked at and how many were (re)written."""

    ledger_seen: int = 0
    ledger_sealed: int = 0
    cases_seen: int = 0
    cases_sealed: int = 0


def _payload(value: str, ring: crypto.Keyring) -> str | None:
    """The value to store, or None when it already is under the current key."""
    key_id = crypto.key_id_of(value)
    if key_id == ring.current.key_id:
        return None
    plain = value if key_id is None else crypto.open_sealed(value, crypto.PAYLOAD_PURPOSE, ring)
    return crypto.seal(plain, crypto.PAYLOAD_PURPOSE, ring)


def _open_any(data: Any, ring: crypto.Keyring) -> Any:
    """`crypto.open_fields`, leaving plain fields (not yet sealed) as they are."""
    return crypto.map_fields(data, lambda v: crypto.open_sealed(v, crypto.FIELD_PURPOSE, ring)
                             if crypto.is_sealed(v) else v)


def reseal_ledger(conn: Connection, ring: crypto.Keyring, after: int, done: Resealed,
                  limit: int = BATCH) -> int | None:
    """One batch of ledger rows after position `after`; the last position, None at the end."""
    rows = conn.execute(sa.select(_LEDGER.c.pos, _LEDGER.c.payload)
                        .where(_LEDGER.c.pos > after).order_by(_LEDGER.c.pos)
                        .limit(limit)).all()
    changes = []
    for pos, payload in rows:
        new = _payload(payload, ring)
        if new is not None:
            changes.append({"_pos": pos, "_payload": new})
    if changes:
        conn.execute(_SET_PAYLOAD, changes)
    done.ledger_seen += len(rows)
    done.ledger_sealed += len(changes)
    return rows[-1].pos if len(rows) == limit else None


def reseal_cases(conn: Connection, ring: crypto.Keyring, after: str, done: Resealed,
                 limit: int = BATCH) -> str | None:
    """One batch of case rows after id `after`; the last id, None at the end."""
    # Locked (PostgreSQL): a push changing one of these cases meanwhile waits, instead of
    # having its change overwritten by the row read before it (SQLite has one writer).
    rows = conn.execute(sa.select(_CASES.c.id, _CASES.c.data, _CASES.c.applicant_id_hash)
                        .where(_CASES.c.id > after).order_by(_CASES.c.id).limit(limit)
                        .with_for_update()).all()
    changes = []
    for case_id, data, old_hash in rows:
        plain = _open_any(data, ring)
        id_no = (plain.get("applicant") or {}).get("id_no") if isinstance(plain, dict) else None
        new_hash = (crypto.lookup_hash(id_no, ring)
                    if isinstance(id_no, str) and id_no.strip() else None)
        if crypto.field_key_ids(data) <= {ring.current.key_id} and new_hash == old_hash:
            continue
        changes.append({"_id": case_id, "_data": crypto.seal_fields(plain, ring),
                        "_hash": new_hash})
    if changes:
        conn.execute(_SET_CASE, changes)
    done.cases_seen += len(rows)
    done.cases_sealed += len(changes)
    return rows[-1].id if len(rows) == limit else None


def reseal_all(conn: Connection, ring: crypto.Keyring | None,
               limit: int = BATCH) -> Resealed:
    """Every row, in the caller's transaction (the migration's); nothing without keys."""
    done = Resealed()
    if ring is None:
        return done
    pos: int | None = 0
    while pos is not None:
        pos = reseal_ledger(conn, ring, pos, done, limit)
    case_id: str | None = ""
    while case_id is not None:
        case_id = reseal_cases(conn, ring, case_id, done, limit)
    return done


def ring_if_needed(conn: Connection) -> crypto.Keyring | None:
    """The configured keys (CryptoError if none is); an empty database (a fresh install)
    needs none. Asked before the migration changes anything: SQLite commits DDL."""
    has_rows = conn.execute(sa.select(_LEDGER.c.pos).limit(1)).first() is not None \
        or conn.execute(sa.select(_CASES.c.id).limit(1)).first() is not None
    return crypto.keyring() if has_rows else None


def check_key_before_upgrade(engine: sa.Engine, known: tuple[str, ...],
                             current: str | None) -> None:
    """Raise CryptoError before any migration runs when d0017 is still ahead and the
    database holds rows without a key: on SQLite the steps before it (DDL) would
    otherwise be committed and the database left half way."""
    if current is None or current not in known or "d0017" not in known:
        return
    if known.index(current) >= known.index("d0017"):
        return
    with engine.connect() as conn:
        ring_if_needed(conn)


def reseal_batched(write_conn: Callable[[], AbstractContextManager[Connection]],
                   ring: crypto.Keyring, limit: int = BATCH,
                   progress: Callable[[Resealed], None] | None = None) -> Resealed:
    """Every row, one transaction per batch (a live service keeps serving meanwhile)."""
    done = Resealed()
    pos: int | None = 0
    while pos is not None:
        with write_conn() as conn:
            pos = reseal_ledger(conn, ring, pos, done, limit)
        if progress is not None:
            progress(done)
    case_id: str | None = ""
    while case_id is not None:
        with write_conn() as conn:
            case_id = reseal_cases(conn, ring, case_id, done, limit)
        if progress is not None:
            progress(done)
    return done


# --- migration d0024's downgrade: packed values (enc2) back to the unpacked spelling ---

_PACKED_PAYLOADS = (sa.select(_LEDGER.c.pos, _LEDGER.c.payload)
                    .where(_LEDGER.c.payload.like(f"{crypto.PACKED_PREFIX}%")))
_SET_DATA = (sa.update(_CASES).where(_CASES.c.id == sa.bindparam("_id"))
             .values(data=sa.bindparam("_data", type_=sa.JSON)))


def _unpacked(value: str, purpose: bytes, ring: crypto.Keyring) -> str:
    if not crypto.is_packed(value):
        return value
    return crypto.seal(crypto.open_sealed(value, purpose, ring), purpose, ring, pack=False)


def unpack_all(conn: Connection, ring: crypto.Keyring | None, limit: int = BATCH) -> Resealed:
    """Every packed payload and field sealed again unpacked (under the current key), in
    the caller's transaction: the code before d0024 reads only `enc1:`. Nothing without
    keys (an empty database)."""
    done = Resealed()
    if ring is None:
        return done
    after = 0
    while True:
        rows = conn.execute(_PACKED_PAYLOADS.where(_LEDGER.c.pos > after)
                            .order_by(_LEDGER.c.pos).limit(limit)).all()
        if rows:
            conn.execute(_SET_PAYLOAD, [
                {"_pos": pos, "_payload": _unpacked(payload, crypto.PAYLOAD_PURPOSE, ring)}
                for pos, payload in rows])
            done.ledger_sealed += len(rows)
        if len(rows) < limit:
            break
        after = rows[-1].pos
    case_id = ""
    while True:
        cases = conn.execute(sa.select(_CASES.c.id, _CASES.c.data).where(_CASES.c.id > case_id)
                             .order_by(_CASES.c.id).limit(limit)).all()
        changes = [{"_id": cid, "_data": crypto.map_fields(
                        data, lambda v: _unpacked(v, crypto.FIELD_PURPOSE, ring))}
                   for cid, data in cases if _has_packed(data)]
        if changes:
            conn.execute(_SET_DATA, changes)
        done.cases_seen += len(cases)
        done.cases_sealed += len(changes)
        if len(cases) < limit:
            return done
        case_id = cases[-1].id


def _has_packed(data: Any) -> bool:
    found = False

    def note(value: str) -> str:
        nonlocal found
        found = found or crypto.is_packed(value)
        return value

    crypto.map_fields(data, note)
    return found
