"""The public progress page in process (Starlette's TestClient): form, lookup, what it
shows and hides, throttling, forged posts, security headers and the citizen's rating."""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from clerk.applicants import PersonInput
from clerk.cases.service import MaterialChanges
from clerk.ratings import CITIZEN_AUTHOR
from clerk.workspace import Workspace
from tests.clerk.factories import ALL_NEEDED, INSTANT
from tests.conftest import FakeClock
from tests.districtkit import PASSWORD, District, accepted_case, make_app, wire_events

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

IdFactory = Callable[..., str]
ATTACKER, REAL = ("10.0.0.66", 40000), ("10.0.0.7", 40000)
BASE = "https://jindu.example.gov.cn/bmfw"


@pytest.fixture
def fclock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 2, tzinfo=UTC))


@pytest.fixture
def page(sqlite_url: str, fclock: FakeClock) -> Iterator[tuple[Any, District]]:
    app = make_app(sqlite_url, clock=fclock, public_base_url=BASE, rating_change_days=7)
    with TestClient(app, client=REAL, base_url="https://jindu.example.gov.cn") as http:
        yield app, District(url=sqlite_url, base="", app=app, http=http)


def completed_case(ws: Workspace, id_no: str) -> str:
    rec = ws.cases.new_case(matter_code=INSTANT, applicant=PersonInput(name="张三", id_no=id_no),
                            changes=MaterialChanges(received=ALL_NEEDED))
    ws.cases.accept(rec.case_no)
    return ws.cases.complete(rec.case_no).case_no


def station_token(d: District) -> str:
    """The station's one device (a second token would be another window's)."""
    if not hasattr(d, "token"):
        d.token = d.station_token()  # type: ignore[attr-defined]
    return str(d.token)  # type: ignore[attr-defined]


def pushed(d: District, ws: Workspace, case_no: str) -> None:
    token = station_token(d)
    r = d.post("/sync/push", token, json={"events": wire_events(ws, case_no), "notes": []})
    assert r.status_code == 200, r.text
    assert all(x["status"] == "accepted" for x in r.json()["results"]), r.text


def token_of(html: str) -> str:
    m = re.search(r'name="token" value="([^"]+)"', html)
    assert m, html
    return m.group(1)


def look_up(c: TestClient, case_no: str, last4: str) -> Any:
    form = c.get(f"/p/{case_no}")
    return c.post("/p", data={"token": token_of(form.text), "c": case_no, "last4": last4})


def test_the_qr_url_fills_the_case_number_and_the_answer_shows_no_person(
        page: tuple[Any, District], sws: Workspace, id_factory: IdFactory) -> None:
    _, d = page
    id_no = id_factory(3)
    rec = accepted_case(sws, id_no)
    pushed(d, sws, rec.case_no)
    c = d.http
    form = c.get(f"/p/{rec.case_no}")
    assert form.status_code == 200
    assert f'value="{rec.case_no}"' in form.text and "<script" not in form.text
    assert c.get("/p", params={"c": rec.case_no}).text.count(rec.case_no) == 1
    r = look_up(c, rec.case_no, id_no[-4:])
    assert r.status_code == 200, r.text
    text = r.text
    assert rec.matter_name in text and "已受理" in text and "承诺办结日期" in text
    assert "海淀区测试社区便民服务站" in text
    # Nothing personal: not the name, not the number (nor its tail outside the form).
    assert "张三" not in text and id_no not in text and id_no[6:14] not in text


def test_security_headers_and_forged_posts(page: tuple[Any, District], sws: Workspace,
                                          id_factory: IdFactory) -> None:
    _, d = page
    c = d.http
    r = c.get("/p")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src" not in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    cookie = r.headers["set-cookie"].lower()
    assert "samesite=strict" in cookie and "httponly" in cookie and "secure" in cookie
    assert 'action="/bmfw/p"' in r.text
    # Without the token, with a wrong one, or from another site: refused, nothing looked up.
    assert c.post("/p", data={"c": "x", "last4": "1234"}).status_code == 403
    assert c.post("/p", data={"token": "forged", "c": "x", "last4": "1234"}).status_code == 403
    forged = c.post("/p", data={"token": token_of(r.text), "c": "x", "last4": "1234"},
                    headers={"Origin": "https://evil.example"})
    assert forged.status_code == 403
    assert c.post("/p", content=b"{}", headers={"Content-Type": "application/json"}
                  ).status_code == 400
    huge = c.post("/p", data={"token": token_of(r.text), "c": "A" * 10_000, "last4": "1234"})
    assert huge.status_code == 413 and "过长" in huge.text
    bad = c.post("/p", data={"token": token_of(r.text), "c": "<b>x</b>", "last4": "12"})
    assert bad.status_code == 422 and "<b>x" not in bad.text


def test_wrong_tails_are_slowed_without_locking_out_the_applicant(
        page: tuple[Any, District], sws: Workspace, id_factory: IdFactory,
        fclock: FakeClock) -> None:
    app, d = page
    id_no = id_factory(5)
    rec = accepted_case(sws, id_no)
    pushed(d, sws, rec.case_no)
    wrong = "0000" if id_no[-4:] != "0000" else "1111"
    with TestClient(app, client=ATTACKER, base_url="https://jindu.example.gov.cn") as bad:
        codes = [look_up(bad, rec.case_no, wrong).status_code for _ in range(4)]
        assert codes == [404, 404, 404, 429]
        r = look_up(bad, rec.case_no, id_no[-4:])
        assert r.status_code == 429 and r.headers["retry-after"] == "1"
        assert "请 1 秒后再试" in r.text
        assert look_up(d.http, rec.case_no, id_no[-4:]).status_code == 200
        fclock.advance(seconds=1)
        assert look_up(bad, rec.case_no, id_no[-4:]).status_code == 200


def rate(c: TestClient, case_no: str, last4: str, score: str, comment: str = "") -> Any:
    look_up(c, case_no, last4)
    return c.post("/p/rate", data={"token": token_of(c.get("/p").text), "c": case_no,
                                   "last4": last4, "score": score, "comment": comment})


def test_the_citizen_rates_once_changes_within_the_period_and_the_district_sees_it(
        page: tuple[Any, District], sws: Workspace, id_factory: IdFactory,
        fclock: FakeClock) -> None:
    _, d = page
    id_no = id_factory(9)
    accepted = accepted_case(sws, id_no)
    pushed(d, sws, accepted.case_no)
    # Not before the result is handed over.
    assert "提交评价" not in look_up(d.http, accepted.case_no, id_no[-4:]).text
    refused = rate(d.http, accepted.case_no, id_no[-4:], "5")
    assert refused.status_code == 409 and "办结" in refused.text
    case_no = completed_case(sws, id_factory(10))
    pushed(d, sws, case_no)
    tail = id_factory(10)[-4:]
    assert "提交评价" in look_up(d.http, case_no, tail).text
    assert rate(d.http, case_no, tail, "9").status_code == 422  # not a level: nothing stored
    r = rate(d.http, case_no, tail, "1", "等了很久")
    assert r.status_code == 200 and "谢谢您的评价" in r.text and "修改评价" in r.text
    reviewer = d.user("li.shen")
    board = d.get("/oversight/ratings", reviewer).json()
    assert "overall" in board, board
    assert board["overall"]["counts"]["1"] == 1 and board["overall"]["channels"]["phone"] == 1
    follow = d.get("/oversight/followups", reviewer).json()
    assert [i["case_no"] for i in follow["items"]] == [case_no]
    assert follow["items"][0]["channel"] == "phone"
    # Changed within the period: one rating per case, the latest counts.
    fclock.advance(days=2)
    assert rate(d.http, case_no, tail, "5").status_code == 200
    reviewer = d.post("/auth/login", json={"username": "li.shen", "password": PASSWORD}
                      ).json()["token"]  # the first sign-in has expired meanwhile
    board = d.get("/oversight/ratings", reviewer).json()
    assert board["overall"]["total"] == 1 and board["overall"]["counts"]["5"] == 1
    # After the period it stands.
    fclock.advance(days=6)
    late = rate(d.http, case_no, tail, "2")
    assert late.status_code == 409 and "超过" in late.text
    # The station pulls the ratings as notes by the citizen.
    pulled = d.get("/sync/pull", station_token(d), params={"cursor": 0}).json()
    notes = [n for n in pulled["notes"] if n["author"] == CITIZEN_AUTHOR]
    assert [n["text"][:11] for n in notes] == ["申请人在办件进度页评价", "申请人修改了评价：非常"]


def citizen_notes(d: District) -> list[str]:
    pulled = d.get("/sync/pull", station_token(d), params={"cursor": 0}).json()
    return [n["text"] for n in pulled["notes"] if n["author"] == CITIZEN_AUTHOR]


def stored_rating(app: Any, case_no: str) -> Any:
    from sqlalchemy import select

    from district.models import CaseRow

    with app.state.ctx.db.read() as s:
        row = s.execute(select(CaseRow).where(CaseRow.case_no == case_no)).scalar_one()
        return row.rating, row.data.get("rating")


def test_a_repeated_post_is_the_same_rating_and_a_change_is_a_change(
        page: tuple[Any, District], sws: Workspace, id_factory: IdFactory,
        fclock: FakeClock) -> None:
    """A reload or a post whose answer was lost sends the same rating again: one note."""
    app, d = page
    case_no = completed_case(sws, id_factory(21))
    pushed(d, sws, case_no)
    tail = id_factory(21)[-4:]
    for _ in range(3):
        r = rate(d.http, case_no, tail, "2", "窗口人少")
        assert r.status_code == 200 and "谢谢您的评价" in r.text
    assert citizen_notes(d) == ["申请人在办件进度页评价：不满意（2分）。意见：窗口人少"]
    fclock.advance(days=1)
    assert rate(d.http, case_no, tail, "4", "窗口人少").status_code == 200
    assert rate(d.http, case_no, tail, "4", "窗口人少").status_code == 200  # replayed
    notes = citizen_notes(d)
    assert len(notes) == 2 and notes[1] == "申请人修改了评价：满意（4分）。意见：窗口人少"
    score, rating = stored_rating(app, case_no)
    assert score == 4 and rating["channel"] == "phone"
    # The change keeps the first day: the period to change it does not start again.
    assert rating["first_at"] < rating["at"]
    # After the period, a replay of the rating in force still answers with it.
    fclock.advance(days=7)
    assert rate(d.http, case_no, tail, "4", "窗口人少").status_code == 200
    assert rate(d.http, case_no, tail, "5").status_code == 409
    assert len(citizen_notes(d)) == 2


def test_a_decline_at_the_counter_gives_way_to_the_citizens_rating_on_the_page(
        page: tuple[Any, District], sws: Workspace, id_factory: IdFactory) -> None:
    app, d = page
    case_no = completed_case(sws, id_factory(22))
    sws.cases.decline_rating(case_no)
    pushed(d, sws, case_no)
    tail = id_factory(22)[-4:]
    assert "提交评价" in look_up(d.http, case_no, tail).text
    assert rate(d.http, case_no, tail, "5").status_code == 200
    assert citizen_notes(d) == ["申请人在办件进度页评价：非常满意（5分）。"]
    assert stored_rating(app, case_no)[0] == 5


def test_attacks_on_the_rating_form_are_refused_and_store_nothing(
        page: tuple[Any, District], sws: Workspace, id_factory: IdFactory) -> None:
    app, d = page
    mine, other = completed_case(sws, id_factory(23)), completed_case(sws, id_factory(24))
    accepted = accepted_case(sws, id_factory(25))
    for case_no in (mine, other, accepted.case_no):
        pushed(d, sws, case_no)
    tail, other_tail = id_factory(23)[-4:], id_factory(24)[-4:]
    c = d.http

    def post(body: Any, **kw: Any) -> Any:
        token = token_of(c.get("/p").text)
        if isinstance(body, dict):
            return c.post("/p/rate", data={"token": token, **body}, **kw)
        return c.post("/p/rate", content=body(token), **kw)

    # Another case's number with the right tail of a different case.
    if tail != other_tail:
        wrong = post({"c": other, "last4": tail, "score": "1"})
        assert wrong.status_code == 404 and "不符" in wrong.text
    # A comment over 500 characters, and a body far over any form.
    long = post({"c": mine, "last4": tail, "score": "1", "comment": "差" * 501})
    assert long.status_code == 422 and "500" in long.text
    huge = post({"c": mine, "last4": tail, "score": "1", "comment": "差" * 100_000})
    assert huge.status_code == 413 and "过长" in huge.text
    # Nested or repeated fields, JSON, multipart: which value was meant cannot be told.
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    for shape in ("token={t}&c=" + mine + "&last4=" + tail + "&score=5&score=1",
                  "token={t}&c=" + mine + "&last4=" + tail + "&rating[score]=1",
                  "token={t}&c=" + mine + "&last4=" + tail + "&score[]=1"):
        r = post(lambda t, shape=shape: shape.format(t=t).encode(), headers=form)
        assert r.status_code == 400 and "表单" in r.text, shape
    as_json = post(lambda t: json.dumps({"token": t, "c": mine, "last4": tail,
                                         "score": {"value": 1}}).encode(),
                   headers={"Content-Type": "application/json"})
    assert as_json.status_code == 400
    multipart = c.post("/p/rate", files={"score": ("x", b"1")},
                       data={"token": token_of(c.get("/p").text), "c": mine, "last4": tail})
    assert multipart.status_code == 400
    # Before the result is handed over.
    early = post({"c": accepted.case_no, "last4": id_factory(25)[-4:], "score": "5"})
    assert early.status_code == 409 and "办结" in early.text
    assert citizen_notes(d) == []
    for case_no in (mine, other, accepted.case_no):
        assert stored_rating(app, case_no) == (None, None)
    # A 500-character Chinese comment is the form at its longest: taken.
    full = post({"c": mine, "last4": tail, "score": "3", "comment": "慢" * 500})
    assert full.status_code == 200, full.text
    assert stored_rating(app, mine)[0] == 3


@pytest.mark.parametrize(("text", "url"), [
    ("https://zwfw.example.gov.cn/jindu/", "https://zwfw.example.gov.cn/jindu"),
    ("  http://127.0.0.1:8765 ", "http://127.0.0.1:8765"),
    ("", ""),
])
def test_the_public_url_as_configured(text: str, url: str) -> None:
    from district.config import normalize_public_url

    assert normalize_public_url(text) == url


@pytest.mark.parametrize("text", ["zwfw.example.gov.cn", "javascript:alert(1)",
                                  "https://x.cn/?c=1", "https://u:p@x.cn", "https://x.cn/a b"])
def test_a_public_url_a_phone_cannot_open_is_refused(text: str) -> None:
    from district.config import normalize_public_url

    with pytest.raises(ValueError, match="公开访问地址"):
        normalize_public_url(text)


def test_station_contact_bad_input_stores_nothing(sqlite_url: str) -> None:
    from clerk.errors import ValidationError
    from district import admin
    from district.db import Database
    from district.models import StationRow

    d = District(url=sqlite_url, base="")
    d.station()
    db = Database(sqlite_url)
    try:
        with pytest.raises(ValidationError, match="没有编码"):
            admin.set_station_contact(db, station_code="110108999999", address="某地",
                                      phone="1")
        with pytest.raises(ValidationError, match="地址须在"):
            admin.set_station_contact(db, station_code="110108001001", address="路" * 201,
                                      phone="010")
        with pytest.raises(ValidationError, match="地址须在"):
            admin.set_station_contact(db, station_code="110108001001", address="a\x00b",
                                      phone="010")
        with db.read() as s:
            row = s.get(StationRow, "110108001001")
            assert row is not None and row.address is None and row.phone is None
    finally:
        db.close()


def test_check_words_the_public_url() -> None:
    from district.check import check_public_url

    assert check_public_url({}).ok and "不印" in check_public_url({}).text
    good = check_public_url({"STATIONDESK_DISTRICT_PUBLIC_URL": BASE})
    assert good.ok and f"{BASE}/p/" in good.text
    bad = check_public_url({"STATIONDESK_DISTRICT_PUBLIC_URL": "javascript:alert(1)"})
    assert not bad.ok and "公开访问地址" in bad.text
