"""A rating the citizen gives on the progress page of a real district (uvicorn
subprocess) reaches the station at a round and is counted once in its report, beside the
counter's ratings, channel by channel; a post whose answer was lost and is sent again
(through the fault proxy) is the same rating, and a change is no second rating."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date

import pytest
import requests
from sqlalchemy import func, select

from clerk.applicants import PersonInput
from clerk.cases.queries import SupervisionCut
from clerk.cases.service import MaterialChanges
from clerk.ratings import CITIZEN_AUTHOR, RatingChannel
from clerk.reports import RatedCase, StationReport, ratings_in_period, station_report
from clerk.store.models import CaseNote
from clerk.timeutil import local_date
from clerk.workspace import Workspace
from sync import engine
from tests.clerk.factories import ALL_NEEDED, INSTANT
from tests.districtkit import District, enroll_station
from tests.sync.faultproxy import FaultProxy

IdFactory = Callable[..., str]


def completed(ws: Workspace, id_no: str) -> str:
    rec = ws.cases.new_case(matter_code=INSTANT, applicant=PersonInput(name="王五", id_no=id_no),
                            changes=MaterialChanges(received=ALL_NEEDED))
    ws.cases.accept(rec.case_no)
    return ws.cases.complete(rec.case_no).case_no


def token_of(html: str) -> str:
    m = re.search(r'name="token" value="([^"]+)"', html)
    assert m, html
    return m.group(1)


def page_rating(http: requests.Session, form_base: str, post_base: str, case_no: str,
                last4: str, score: int, comment: str = "") -> requests.Response:
    token = token_of(http.get(f"{form_base}/p/{case_no}", timeout=10).text)
    return http.post(f"{post_base}/p/rate", timeout=10, data={
        "token": token, "c": case_no, "last4": last4, "score": str(score),
        "comment": comment})


def citizen_notes(ws: Workspace) -> int:
    with ws.store.read() as s:
        return int(s.execute(select(func.count()).select_from(CaseNote).where(
            CaseNote.author == CITIZEN_AUTHOR)).scalar_one())


def report_of(ws: Workspace, days: list[date]) -> tuple[StationReport, list[RatedCase]]:
    start, end = min(days), max(days)
    cut = SupervisionCut.build(ws.calendar(), end)
    with ws.store.read() as s:
        return station_report(s, start, end, cut), list(ratings_in_period(s, start, end))


@pytest.mark.slow
def test_page_ratings_reach_the_station_report_once_by_their_channel(
        served: District, sws: Workspace, id_factory: IdFactory) -> None:
    ids = [id_factory(n) for n in range(31, 36)]
    device, on_behalf, by_page, declined, unrated = (completed(sws, i) for i in ids)
    sws.cases.rate(device, 5)
    sws.cases.rate(on_behalf, 1, "等太久", channel=RatingChannel.CLERK_ON_BEHALF)
    sws.cases.decline_rating(declined)
    enroll_station(sws, served)
    assert engine.sync_round(sws).ok
    port = served.process.port  # type: ignore[attr-defined]
    with requests.Session() as http, FaultProxy(port, faults=("lost",), probability=1.0,
                                                 max_faults=1) as proxy:
        # The first post reaches the district, which stores it; its answer is lost.
        with pytest.raises(requests.ConnectionError):
            page_rating(http, served.base, proxy.base, by_page, ids[2][-4:], 2, "没人指导")
        assert proxy.dealt["lost"] == 1
        # The browser sends it again: the same rating, not a second one.
        again = page_rating(http, served.base, proxy.base, by_page, ids[2][-4:], 2, "没人指导")
        assert again.status_code == 200 and "谢谢您的评价" in again.text
        # A change within the period, itself sent twice.
        for _ in range(2):
            changed = page_rating(http, served.base, served.base, by_page, ids[2][-4:], 3)
            assert changed.status_code == 200
        # A decline at the counter gives way to the citizen's own rating.
        assert page_rating(http, served.base, served.base, declined, ids[3][-4:],
                           4).status_code == 200
    report = engine.sync_round(sws)
    assert report.ok, report
    assert citizen_notes(sws) == 3  # first rating, its change, the declined case's rating
    assert engine.sync_round(sws).ok and citizen_notes(sws) == 3  # pulled once
    with sws.store.read() as s:
        days = [local_date(sws.now())]  # the station's own day (its test clock)
        note_days = [date.fromisoformat(t[:10]) for t in s.execute(
            select(CaseNote.occurred_at).where(CaseNote.author == CITIZEN_AUTHOR)).scalars()]
    # Notes are stamped in UTC by the district's real clock: cover the Beijing days.
    days += note_days + [d.fromordinal(d.toordinal() + 1) for d in note_days]
    counted, listed = report_of(sws, days)
    by_case = {r.case_no: r for r in listed}
    assert len(by_case) == len(listed) == 4 and unrated not in by_case
    assert (by_case[by_page].score, by_case[by_page].channel) == (3, RatingChannel.PHONE)
    assert (by_case[declined].score, by_case[declined].channel) == (4, RatingChannel.PHONE)
    assert by_case[device].channel == RatingChannel.DEVICE
    assert by_case[on_behalf].channel == RatingChannel.CLERK_ON_BEHALF
    # The report's numbers are the list's: channels apart, one per case.
    assert counted.rated == 4 and counted.declined == 0
    assert counted.channels == Counter({
        RatingChannel.PHONE: 2, RatingChannel.DEVICE: 1, RatingChannel.CLERK_ON_BEHALF: 1})
    assert counted.ratings == Counter({5: 1, 4: 1, 3: 1, 1: 1})
    assert [b.case_no for b in counted.bad] == [on_behalf]
    # The counter records no second rating for the page's cases.
    with pytest.raises(Exception, match="手机"):
        sws.cases.rate(by_page, 5)
