"""Matter snapshots kept once (district/snapshots.py): what a case row stores, and what
every reader gets back."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import delete, func, select, update

from clerk.cases.events import canonical_bytes
from clerk.workspace import Workspace
from district import privacy, snapshots
from district.models import CaseRow, MatterSnapshot
from tests.districtkit import (
    District,
    district_migrations,
    escalated_case,
    push,
    statuses,
    wire_events,
)

IdFactory = Callable[..., str]


def _rows(api: District) -> list[Any]:
    db = api.db()
    try:
        with db.read() as s:
            return list(s.execute(select(CaseRow.id, CaseRow.data, CaseRow.matter_ref)).all())
    finally:
        db.close()


def _snapshot_count(api: District) -> int:
    db = api.db()
    try:
        with db.read() as s:
            return int(s.execute(select(func.count()).select_from(MatterSnapshot)).scalar_one())
    finally:
        db.close()


def test_cases_of_one_matter_share_one_snapshot(api: District, sws: Workspace,
                                                id_factory: IdFactory) -> None:
    token = api.station_token()
    cases = [escalated_case(sws, id_factory(k)) for k in (1, 2)]
    for rec in cases:
        assert statuses(push(api, token, wire_events(sws, rec.case_no))) == ["accepted"] * 3
    rows = _rows(api)
    ref = hashlib.sha256(canonical_bytes(cases[0].matter)).hexdigest()
    assert [r.matter_ref for r in rows] == [ref, ref]
    assert all("matter" not in r.data for r in rows)
    assert _snapshot_count(api) == 1
    # Every reader gets the whole record back: the staff's case detail...
    reviewer = api.user("li.shen")
    detail = api.get(f"/cases/{cases[0].id}", reviewer).json()
    assert detail["record"]["matter"] == cases[0].matter
    # Staff see the applicant masked (district.privacy) unless they open the full record.
    assert detail["record"]["applicant"] == privacy.masked(cases[0].applicant)
    # ...and a district action, which loads the record to judge it.
    r = api.post(f"/cases/{cases[0].id}/take", reviewer, json={"expected_version": 3})
    assert r.status_code == 200, r.text
    assert api.get(f"/cases/{cases[0].id}", reviewer).json()["record"]["matter"] \
        == cases[0].matter


def test_a_row_with_its_snapshot_inline_is_read_and_moved_out_at_its_next_update(
        api: District, sws: Workspace, id_factory: IdFactory) -> None:
    token = api.station_token()
    rec = escalated_case(sws, id_factory(1))
    push(api, token, wire_events(sws, rec.case_no))
    db = api.db()
    try:
        # As a row written before snapshots were kept apart: inline, no ref.
        with db.write() as s:
            row = s.get(CaseRow, rec.id)
            assert row is not None
            s.execute(update(CaseRow).where(CaseRow.id == rec.id).values(
                data={**row.data, "matter": rec.matter}, matter_ref=None))
            s.execute(delete(MatterSnapshot))
    finally:
        db.close()
    reviewer = api.user("li.shen")
    assert api.get(f"/cases/{rec.id}", reviewer).json()["record"]["matter"] == rec.matter
    supervised = api.get("/supervision", reviewer)
    assert supervised.status_code == 200 and sum(supervised.json()["counts"].values()) == 1
    r = api.post(f"/cases/{rec.id}/take", reviewer, json={"expected_version": 3})
    assert r.status_code == 200, r.text
    (row,) = _rows(api)
    assert row.matter_ref is not None and "matter" not in row.data
    assert _snapshot_count(api) == 1
    assert api.get(f"/cases/{rec.id}", reviewer).json()["record"]["matter"] == rec.matter


def test_a_missing_snapshot_is_an_error_not_a_blank_matter(api: District) -> None:
    db = api.db()
    try:
        with db.read() as s, pytest.raises(LookupError, match="missing"):
            snapshots.load(s, ["0" * 64])
    finally:
        db.close()


def test_downgrading_puts_the_snapshots_back_inline(api: District, sws: Workspace,
                                                    id_factory: IdFactory) -> None:
    from alembic import command

    rec = escalated_case(sws, id_factory(1))
    push(api, api.station_token(), wire_events(sws, rec.case_no))
    db = api.db()
    try:
        cfg = district_migrations(db.engine)
        command.downgrade(cfg, "d0004")
        with db.engine.connect() as conn:
            data = conn.execute(select(CaseRow.__table__.c.data)).scalar_one()
        assert data["matter"] == rec.matter
        command.upgrade(cfg, "head")  # and up again: the inline snapshot is still read
    finally:
        db.close()
    reviewer = api.user("li.shen")
    assert api.get(f"/cases/{rec.id}", reviewer).json()["record"]["matter"] == rec.matter
