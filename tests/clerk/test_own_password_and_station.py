"""A clerk changes their own password, an admin resets one (a one-time password to be
replaced at the next sign-in), and an admin corrects the station's name, phone, address."""

from __future__ import annotations

import pytest

from clerk.accounts import ONE_TIME_LENGTH
from clerk.errors import NotFoundError, ValidationError
from clerk.workspace import Workspace
from tests.conftest import ADMIN, ADMIN_PASSWORD


@pytest.fixture
def li(ws: Workspace) -> str:
    ws.accounts.create(username="li", password="long-enough-1", role="clerk",
                       display_name="李窗口")
    return "li"


def test_own_password_needs_the_current_one(ws: Workspace, li: str) -> None:
    with pytest.raises(ValidationError) as wrong:
        ws.accounts.change_own_password(li, "not-my-password", "brand-new-pass-2")
    assert wrong.value.code == "account.current_password"
    with pytest.raises(ValidationError) as short:
        ws.accounts.change_own_password(li, "long-enough-1", "short")
    assert short.value.code == "account.password"
    with pytest.raises(ValidationError) as same:
        ws.accounts.change_own_password(li, "long-enough-1", "long-enough-1")
    assert same.value.code == "account.same_password"
    # nothing stored by the refusals
    assert ws.accounts.authenticate(li, "long-enough-1") is not None
    ws.accounts.change_own_password(li, "long-enough-1", "brand-new-pass-2")
    assert ws.accounts.authenticate(li, "long-enough-1") is None
    assert ws.accounts.authenticate(li, "brand-new-pass-2") is not None


def test_reset_gives_a_one_time_password_that_must_be_changed(ws: Workspace, li: str) -> None:
    one_time = ws.accounts.reset_password(li)
    assert len(one_time) == ONE_TIME_LENGTH and one_time != ws.accounts.reset_password(li)
    one_time = ws.accounts.reset_password(li)
    assert ws.accounts.authenticate(li, "long-enough-1") is None
    signed = ws.accounts.authenticate(li, one_time)
    assert signed is not None and signed.must_change_password
    ws.accounts.change_own_password(li, one_time, "chosen-by-li-3")
    signed = ws.accounts.authenticate(li, "chosen-by-li-3")
    assert signed is not None and not signed.must_change_password
    admin = ws.accounts.authenticate(ADMIN, ADMIN_PASSWORD)
    assert admin is not None and not admin.must_change_password


def test_reset_refuses_unknown_and_disabled_accounts(ws: Workspace, li: str) -> None:
    with pytest.raises(NotFoundError):
        ws.accounts.reset_password("nobody")
    ws.accounts.toggle_active(li)
    with pytest.raises(ValidationError):
        ws.accounts.reset_password(li)
    ws.accounts.toggle_active(li)
    assert ws.accounts.authenticate(li, "long-enough-1") is not None


def test_station_details_are_edited_and_checked(ws: Workspace) -> None:
    before = ws.station()
    assert before is not None
    info = ws.update_station(name="  学院路社区便民服务站 ", phone="010-6234 5678",
                             address="北京市海淀区学院路 1 号")
    assert (info.name, info.phone, info.address) == (
        "学院路社区便民服务站", "010-6234 5678", "北京市海淀区学院路 1 号")
    assert info.code == before.code and info.level == before.level
    assert ws.station() == info
    for bad in ({"name": " "}, {"phone": "call me"}, {"phone": "123"},
                {"address": "x" * 201}, {"address": "a\x00b"}):
        values = {"name": "新名称", "phone": "", "address": ""} | bad
        with pytest.raises(ValidationError):
            ws.update_station(**values)
    assert ws.station() == info
