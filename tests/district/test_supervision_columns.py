"""Supervision from the case row (limit_days, clock_due, clock_paused; d0020): the board
and the reviewer queue's level filters are SQL, and must say exactly what judging every
case with clerk's rule says, on SQLite and PostgreSQL, also after a calendar year is
published or replaced."""

from __future__ import annotations

import json
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from clerk.workspace import Workspace
from district import admin, oversight
from district.calendar import work_calendar
from district.db import Database
from district.demo import populate
from district.models import CaseRow
from district.review import (
    _LIMIT,
    _PAUSES,
    SUPERVISED,
    Judge,
    LevelWanted,
    QueueFilter,
    Scope,
    queue_page,
)
from tests.conftest import FakeClock
from tests.districtkit import District, escalated_case, make_app, push, wire_events

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

IdFactory = Callable[..., str]


@pytest.fixture
def api(district_url: str, clock: FakeClock) -> Iterator[District]:
    app = make_app(district_url, clock=clock, staff_token_hours=24 * 365)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield District(url=district_url, base="", app=app, http=client, clock=clock)


def _exact(s: Session, judge: Judge) -> dict[str, tuple[str, str, str | None]]:
    """Every supervised case judged one by one from its data (the rule, no columns)."""
    rows = s.execute(select(CaseRow.id, CaseRow.state, CaseRow.accepted_at,
                            CaseRow.station_code, CaseRow.matter_code, _LIMIT, _PAUSES)
                     .where(CaseRow.state.in_(SUPERVISED))).all()
    return {r.id: (r.station_code, r.matter_code,
                   judge.exact(r.state, r.accepted_at, r[5], r[6])[0]) for r in rows}


def _totals(s: Session, judge: Judge) -> dict[str, int]:
    return {w.value: queue_page(s, QueueFilter(scope=Scope.SUPERVISED, level=w),
                                me="x", judge=judge, limit=5).total
            for w in (LevelWanted.RED, LevelWanted.YELLOW, LevelWanted.ATTENTION,
                      LevelWanted.NORMAL)}


@pytest.mark.parametrize("ratio", [0.8, 0.5])
def test_board_and_filters_equal_the_rule_case_by_case(district_url: str,
                                                       ratio: float) -> None:
    db = Database(district_url)
    try:
        populate(db, stations=3, cases=400, now=datetime(2026, 11, 20, 8, tzinfo=UTC))
        with db.write() as s:  # one case in a special procedure: an open pause
            some = s.execute(select(CaseRow.id).where(CaseRow.state == "under_review")
                             .limit(1)).scalar_one()
            s.execute(update(CaseRow).where(CaseRow.id == some).values(clock_paused=True))
        seen: Counter[str | None] = Counter()
        with db.read() as s:
            for today in (date(2026, 11, 20), date(2026, 12, 1), date(2027, 2, 1)):
                judge = Judge.build(work_calendar(s), today, ratio)
                exact = _exact(s, judge)
                levels = Counter(level for _, _, level in exact.values())
                board = oversight.board(s, judge, datetime(2026, 11, 20, 8, tzinfo=UTC), 24)
                assert board.counts == {k: levels[k] for k in ("normal", "yellow", "red",
                                                                "paused")}
                per_station = Counter((st, level) for st, _, level in exact.values())
                assert {(c.code, lv): getattr(c, lv) for c in board.by_station
                        for lv in ("normal", "yellow", "red", "paused")
                        if getattr(c, lv)} == {k: n for k, n in per_station.items()
                                               if k[1] is not None}
                seen.update(levels)
                assert _totals(s, judge) == {
                    "red": levels["red"], "yellow": levels["yellow"],
                    "attention": levels["red"] + levels["yellow"],
                    "normal": levels["normal"]}
        assert all(seen[level] for level in ("normal", "yellow", "red", "paused"))
    finally:
        db.close()


def _year(tmp_path: Path, holidays: list[int]) -> Path:
    path = tmp_path / f"2027-{len(holidays)}.json"
    path.write_text(json.dumps({
        "format": "stationdesk-calendar", "version": 1, "year": 2027, "official": True,
        "source": "测试", "days": [{"date": f"2027-01-0{d}", "kind": "holiday", "name": "元旦"}
                                 for d in holidays]}, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_published_year_moves_the_board_and_the_filters(
        api: District, sws: Workspace, id_factory: IdFactory, clock: FakeClock,
        tmp_path: Path) -> None:
    token = api.station_token()
    reviewer = api.user("li.shen")
    clock.set_local(date(2026, 12, 28))
    rec = escalated_case(sws, id_factory(1))  # 5 working days
    push(api, token, wire_events(sws, rec.case_no))
    clock.set_local(date(2027, 1, 7))

    def seen() -> tuple[dict[str, int], int, int]:
        board = api.get("/oversight/board", reviewer).json()["counts"]
        red = api.get("/review/queue?scope=supervised&level=red", reviewer).json()["total"]
        yellow = api.get("/review/queue?scope=supervised&level=yellow",
                         reviewer).json()["total"]
        return board, red, yellow

    # Provisional: 12-29, 12-30, 12-31, (元旦), 01-04, 01-05: overdue on 01-07.
    assert seen() == ({"normal": 0, "yellow": 0, "red": 1, "paused": 0}, 1, 0)
    db = api.db()
    try:
        admin.publish_calendar_file(db, _year(tmp_path, [1, 2, 3, 4]), clock())
        # Due 01-06: still overdue on 01-07.
        assert seen() == ({"normal": 0, "yellow": 0, "red": 1, "paused": 0}, 1, 0)
        # The official year replaced: 01-05 off too, due 01-07, today: yellow.
        admin.publish_calendar_file(db, _year(tmp_path, [1, 2, 3, 4, 5]), clock())
        assert seen() == ({"normal": 0, "yellow": 1, "red": 0, "paused": 0}, 0, 1)
        row = api.get("/review/queue?scope=supervised&level=yellow", reviewer).json()
        assert row["rows"][0]["due_date"] == "2027-01-07"
        with db.read() as s:
            assert s.get(CaseRow, rec.id).clock_due == date(2027, 1, 7)
    finally:
        db.close()


def test_columns_left_empty_are_filled_at_start(district_url: str) -> None:
    """After the upgrade (d0020 adds the columns empty) the first start fills them."""
    from district.models import Publication

    db = Database(district_url)
    try:
        populate(db, stations=2, cases=80, now=datetime(2026, 11, 20, 8, tzinfo=UTC))
        with db.write() as s:
            expected = dict(s.execute(select(CaseRow.id, CaseRow.clock_due)).all())
            s.execute(update(CaseRow).values(limit_days=None, clock_due=None))
            s.delete(s.get(Publication, "clock"))
    finally:
        db.close()
    db = Database(district_url)
    try:
        with db.read() as s:
            assert dict(s.execute(select(CaseRow.id, CaseRow.clock_due)).all()) == expected
            assert any(expected.values())
    finally:
        db.close()


def test_judges_share_their_judgments_only_for_the_same_calendar_day_and_ratio() -> None:
    from clerk.calendar import WorkCalendar, seed_years
    from district.review import Judge

    first, republished = WorkCalendar(seed_years()), WorkCalendar(seed_years())
    day = date(2026, 11, 20)
    a, b = Judge.build(first, day, 0.8), Judge.build(first, day, 0.8)
    accepted = datetime(2026, 11, 2, 2, tzinfo=UTC).replace(tzinfo=None)
    judged = a.exact("accepted", accepted, 5, [])
    assert judged[0] is not None and a._judged  # judged, and remembered
    assert b._judged is a._judged and b.exact("accepted", accepted, 5, []) == judged
    for other in (Judge.build(republished, day, 0.8), Judge.build(first, date(2026, 11, 23), 0.8),
                  Judge.build(first, day, 0.5)):
        assert other._judged is not a._judged and not other._judged


@pytest.mark.parametrize("ratio", [0.8, 0.5])
def test_open_pauses_are_judged_from_their_days_left(district_url: str, ratio: float) -> None:
    """Running cases with an open pause (a special procedure) are SQL too (clock_left,
    d0023): begun early or late in their limit, after a closed pause or not, begun once
    the case was due, the board and the filters say what the rule says day after day."""
    from datetime import timedelta

    from district.ledger import recompute_clocks

    db = Database(district_url)
    latest = date(2026, 11, 20)
    try:
        populate(db, stations=2, cases=300, now=datetime(2026, 11, 20, 8, tzinfo=UTC))
        with db.write() as s:
            rows = s.execute(select(CaseRow).where(
                CaseRow.state.in_(("accepted", "escalated", "under_review")),
                CaseRow.limit_days > 0).order_by(CaseRow.case_no).limit(60)).scalars().all()
            assert len(rows) >= 30
            for i, row in enumerate(rows):
                assert row.accepted_at is not None
                accepted = row.accepted_at.date()
                start = min(accepted + timedelta(days=i % 30), latest)
                pauses = [{"kind": "special", "reason": "特别程序", "start": start.isoformat(),
                           "end": None}]
                if i % 3 == 0 and start > accepted + timedelta(days=2):
                    pauses.insert(0, {"kind": "special", "reason": "特别程序",
                                      "start": (accepted + timedelta(days=1)).isoformat(),
                                      "end": (accepted + timedelta(days=2)).isoformat()})
                row.data = {**row.data, "pauses": pauses}
            s.flush()
            assert recompute_clocks(s, work_calendar(s)) >= len(rows)
        paused_levels: Counter[str | None] = Counter()
        with db.read() as s:
            frozen = s.execute(select(CaseRow.id, CaseRow.clock_left).where(
                CaseRow.clock_paused.is_(True), CaseRow.state != "returned")).all()
            assert {left is not None and left > 0 for _, left in frozen} == {True, False}
            for today in (latest, date(2026, 11, 27), date(2026, 12, 15), date(2027, 2, 1)):
                judge = Judge.build(work_calendar(s), today, ratio)
                exact = _exact(s, judge)
                levels = Counter(level for _, _, level in exact.values())
                board = oversight.board(s, judge, datetime(2026, 11, 20, 8, tzinfo=UTC), 24)
                assert board.counts == {k: levels[k] for k in ("normal", "yellow", "red",
                                                                "paused")}
                assert _totals(s, judge) == {
                    "red": levels["red"], "yellow": levels["yellow"],
                    "attention": levels["red"] + levels["yellow"],
                    "normal": levels["normal"]}
                assert not judge.unclocked(s)  # every one of them answered by SQL
                paused_levels.update(exact[case_id][2] for case_id, _ in frozen)
        assert all(paused_levels[level] for level in ("normal", "yellow", "red"))
    finally:
        db.close()
