"""A rating the citizen gave on the district's progress page reaches the station as a
note by 申请人本人 at the pull; the counter then records no second rating. The page's
address, as whoami states it, is kept only when a phone can open it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from clerk.applicants import PersonInput
from clerk.cases.events import utc_iso
from clerk.cases.service import MaterialChanges
from clerk.errors import StateError
from clerk.ids import new_id
from clerk.ratings import CITIZEN_AUTHOR
from clerk.workspace import Workspace
from sync import engine, pull
from tests.clerk.factories import ALL_NEEDED, INSTANT
from wire.protocol import PulledNote, PullResponse, note_hash

IdFactory = Callable[..., str]


def completed(ws: Workspace, id_no: str) -> tuple[str, str]:
    rec = ws.cases.new_case(matter_code=INSTANT, applicant=PersonInput(name="王五", id_no=id_no),
                            changes=MaterialChanges(received=ALL_NEEDED))
    ws.cases.accept(rec.case_no)
    done = ws.cases.complete(rec.case_no)
    return done.case_no, done.id


def pulled_note(case_id: str, author: str, pos: int) -> PulledNote:
    note_id, at = new_id(), utc_iso(datetime(2026, 3, 2, 3, tzinfo=UTC))
    text = "申请人在办件进度页评价：不满意（2分）。"
    return PulledNote(note_id=note_id, case_id=case_id, text=text, author=author,
                      origin="district", occurred_at=at, pos=pos,
                      hash=note_hash(note_id, case_id, text, author, "district", at))


def test_the_citizens_note_stops_a_second_rating_at_the_counter(
        sws: Workspace, id_factory: IdFactory) -> None:
    case_no, case_id = completed(sws, id_factory(1))
    other_no, other_id = completed(sws, id_factory(2))
    page = PullResponse(events=[], notes=[pulled_note(case_id, CITIZEN_AUTHOR, 7),
                                          pulled_note(other_id, "li.shen", 8)],
                        next_cursor=8, more=False)
    pull.apply_page(sws, page, pull.PullReport())
    with pytest.raises(StateError, match="手机") as refused:
        sws.cases.rate(case_no, 5)
    assert refused.value.code == "state.rated"
    assert sws.cases.get(case_no).rating is None  # nothing stored
    # A reviewer's note is no rating: that case is rated at the counter as before.
    assert sws.cases.rate(other_no, 4).rating is not None


@pytest.mark.parametrize(("said", "kept"), [
    ("https://zwfw.example.gov.cn/jindu/", "https://zwfw.example.gov.cn/jindu"),
    ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
    ("", ""),
    ("javascript:alert(1)", ""),
    ("ftp://zwfw.example.gov.cn", ""),
    ("https://zwfw.example.gov.cn/p?c=1", ""),
    ("https://zwfw.example.gov.cn/#x", ""),
    ("https://zwfw.example.gov.cn/a b", ""),
    ("https://" + "a" * 300 + ".cn", ""),
])
def test_the_page_address_is_kept_only_when_a_phone_can_open_it(said: str, kept: str) -> None:
    assert engine._progress_url(said) == kept
