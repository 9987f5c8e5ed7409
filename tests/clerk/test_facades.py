"""The Workspace's facades: each call owns its transaction and returns plain data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from clerk.accounts import Account
from clerk.applicants import ApplicantView
from clerk.cases.queries import CaseFilter, CaseQuery, SortKey
from clerk.cases.states import State
from clerk.errors import NotFoundError, ValidationError
from clerk.options import YELLOW_RATIO
from clerk.workspace import Workspace
from tests.clerk.case_builder import Cases
from tests.conftest import ADMIN, ADMIN_PASSWORD

# --- accounts ----------------------------------------------------------------------------

def test_accounts_create_list_disable_and_sign_in(ws: Workspace) -> None:
    acc = ws.accounts.create(username="li", password="long-enough-1", role="clerk",
                             display_name="李窗口")
    assert acc == Account("li", "李窗口", "clerk", "", True)
    assert [a.username for a in ws.accounts.all()] == [ADMIN, "li"]
    assert ws.accounts.authenticate("li", "long-enough-1") == acc
    assert ws.accounts.authenticate("li", "wrong-password") is None
    assert ws.accounts.toggle_active("li") is False
    assert ws.accounts.authenticate("li", "long-enough-1") is None
    assert ws.accounts.toggle_active("li") is True
    ws.accounts.set_password("li", "another-secret-2")
    assert ws.accounts.authenticate("li", "another-secret-2") is not None
    assert ws.accounts.authenticate(ADMIN, ADMIN_PASSWORD) is not None


def test_sign_in_writes_only_to_upgrade_an_outdated_hash(
        ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from contextlib import AbstractContextManager

    from argon2 import PasswordHasher
    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from clerk.store.models import User

    ws.accounts.create(username="li", password="long-enough-1", role="clerk")
    old = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    with ws.store.write() as s:
        s.execute(update(User).where(User.username == "li")
                  .values(password_hash=old.hash("long-enough-1")))
    writes: list[str] = []
    real_write = ws.store.write

    def counted_write() -> AbstractContextManager[Session]:
        writes.append("write")
        return real_write()

    monkeypatch.setattr(ws.store, "write", counted_write)
    assert ws.accounts.authenticate("li", "wrong-password") is None
    assert writes == []  # a wrong password writes nothing, old hash or not
    assert ws.accounts.authenticate("li", "long-enough-1") is not None
    assert writes == ["write"]  # the outdated hash is upgraded once
    with ws.store.read() as s:
        stored = s.query(User.password_hash).filter(User.username == "li").scalar()
    assert not PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1) \
        .check_needs_rehash(stored)
    assert ws.accounts.authenticate("li", "long-enough-1") is not None
    assert writes == ["write"]  # a current hash: the sign-in only reads


def test_a_refused_account_stores_nothing(ws: Workspace) -> None:
    with pytest.raises(ValidationError):
        ws.accounts.create(username=ADMIN, password="long-enough-1", role="clerk")
    with pytest.raises(ValidationError):
        ws.accounts.create(username="zhao", password="long-enough-1", role="boss")
    assert [a.username for a in ws.accounts.all()] == [ADMIN]
    with pytest.raises(NotFoundError):
        ws.accounts.toggle_active("nobody")


# --- applicants --------------------------------------------------------------------------

def test_applicants_search_lookup_update_and_file(ws: Workspace, cases: Cases,
                                                  id_factory: Callable[..., str]) -> None:
    case_no = cases.accepted(person="张三", n=7)
    id_no = id_factory(7)
    person, docs = ws.applicants.lookup(id_no, ws.now().date())
    assert isinstance(person, ApplicantView) and person.name == "张三"
    assert isinstance(docs, dict)
    assert ws.applicants.lookup(id_factory(99), ws.now().date()) == (None, {})
    assert [p.id for p in ws.applicants.search("张")] == [person.id]
    updated = ws.applicants.update(person.id, mobile="13900139000")
    assert updated.mobile == "13900139000"
    found = ws.applicants.file(person.id, ws.case_lists.supervision_cut())
    assert found.person == updated
    assert [r.case_no for r in found.cases] == [case_no]
    assert found.names[ADMIN] == "王窗口"


def test_a_bad_applicant_edit_stores_nothing(ws: Workspace, cases: Cases) -> None:
    cases.new(person="李四")
    person = ws.applicants.search("李四")[0]
    with pytest.raises(ValidationError):
        ws.applicants.update(person.id, name="李四", mobile="12345")
    assert ws.applicants.search("李四")[0] == person


# --- case lists, tasks, sync status ------------------------------------------------------

def test_case_lists_read_pages_rows_and_one_case(ws: Workspace, cases: Cases) -> None:
    first, second = cases.accepted(), cases.awaiting()
    cut = ws.case_lists.supervision_cut()
    query = CaseQuery(CaseFilter(), cut, SortKey.CASE_NO, True)
    page = ws.case_lists.first_page(query)
    assert page.total == 2 and [r.case_no for r in page.rows] == [second, first]
    assert ws.case_lists.row(first, cut) is not None
    assert ws.case_lists.row("nope", cut) is None
    found = ws.case_lists.file(first)
    assert found.record.case_no == first and found.timeline[0].seq == 1
    assert ws.case_lists.matters_in_use()
    id_no = ws.case_lists.file(second).record.applicant["id_no"]
    waiting = ws.case_lists.waiting_for(id_no, (State.AWAITING_SUPPLEMENT,))
    assert [w.case_no for w in waiting] == [second]


def test_supervision_cut_follows_the_declared_ratio(ws: Workspace) -> None:
    assert ws.case_lists.supervision_cut().yellow_ratio == 0.8
    ws.settings.set(YELLOW_RATIO, 0.5)
    assert ws.case_lists.supervision_cut().yellow_ratio == 0.5


def test_tasks_lists(ws: Workspace, cases: Cases) -> None:
    awaiting, decided = cases.awaiting(), cases.decided()
    lists = ws.tasks.lists(ws.case_lists.supervision_cut())
    assert awaiting in [f.case_no for f in lists.follow_ups]
    assert [r.case_no for r in lists.results] == [decided]


def test_sync_status_counts_the_stations_pending_events(ws: Workspace, cases: Cases) -> None:
    before = ws.sync_status()
    assert (before.server, before.pending, before.last_success) == ("", 0, "")
    cases.accepted()
    assert ws.sync_status().pending == 2  # created, accepted


def test_data_dir_and_backup(ws: Workspace, tmp_path: Path) -> None:
    assert ws.data_dir is not None and ws.data_dir.is_dir()
    target = ws.backup(tmp_path / "copy.sqlite3")
    assert target.stat().st_size > 0


def test_matter_reads_one_matter_of_the_catalog(ws: Workspace) -> None:
    some = ws.matters()[0]
    assert ws.matter(some.code).code == some.code
    with pytest.raises(NotFoundError):
        ws.matter("no-such-matter")

