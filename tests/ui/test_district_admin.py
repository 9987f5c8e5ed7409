"""District administration in the window, through the real widgets against a real
district service (uvicorn subprocess): stations and devices with the printable code slip,
accounts with one-time passwords and the forced change, publishing after a preview, the
security log, and everyone's own password."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSettings
from pytestqt.qtbot import QtBot

from clerk.calendar import dump_year_file, seed_years
from clerk.catalog import dump_catalog
from tests.clerk.factories import sample_matters
from tests.conftest import STATION_CODE
from tests.districtkit import PASSWORD
from tests.printing.pdftools import flat, pdf_text
from tests.ui.district_fixtures import TIMEOUT_MS, ClockedDistrict, staff, wait_until, window
from ui.district.admin_accounts import AccountsPage
from ui.district.admin_publish import PublishPage
from ui.district.admin_security import SecurityPage
from ui.district.admin_stations import StationsPage


def admin_window(qtbot: QtBot, district: ClockedDistrict, tmp_path: Path) -> Any:
    staff(district, "zhao.admin", "admin")
    w = window(qtbot, district, tmp_path, "zhao.admin")
    assert w.page_keys[-4:] == ["stations", "accounts", "publish", "security"]
    return w


def test_stations_devices_code_slip_and_revocation(
        qtbot: QtBot, district: ClockedDistrict, tmp_path: Path) -> None:
    w = admin_window(qtbot, district, tmp_path)
    page = w.show_page("stations")
    assert isinstance(page, StationsPage)
    page.confirm = lambda _p, _t: True
    page.code_edit.setText("12345")
    page.create_station()
    assert "12 位" in page.note.text()  # refused before asking the district
    page.code_edit.setText(STATION_CODE)
    page.name_edit.setText("海淀区测试社区便民服务站")
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS):
        page.create_station()
    assert page.issued is not None and page.code_box.isVisible()
    secret = page.issued.enrollment_code
    assert secret in page.code_label.text()
    opened: list[bytes] = []
    page.preview_opener = lambda pdf, _title, _parent: opened.append(pdf)
    page.print_slip()
    wait_until(qtbot, lambda: bool(opened))
    text = flat(pdf_text(opened[0]))
    assert secret in text and STATION_CODE in text and district.base in text
    wait_until(qtbot, lambda: page.table.rowCount() == 1)
    # A counter PC enrolls with the code: the device shows up with its window number.
    r = district.post("/enroll", json={"station_code": STATION_CODE, "enrollment_code": secret,
                                       "device_no": 2, "device_name": "2号窗口"})
    assert r.status_code == 200, r.text
    with qtbot.waitSignal(page.ready, timeout=TIMEOUT_MS):
        page.reload()
    assert page.table.text(0, 2) == "1"
    wait_until(qtbot, lambda: page.device_table.rowCount() == 1)
    assert page.device_table.text(0, 0) == "2号窗口" and page.device_table.text(0, 1) == "02"
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS):
        page.issue_code()
    assert page.issued.enrollment_code != secret
    page.device_table.selectRow(0)
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS):
        page.revoke_device()
    wait_until(qtbot, lambda: "已吊销" in page.device_table.text(0, 3))
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS):
        page.revoke_station()
    wait_until(qtbot, lambda: "已吊销" in page.table.text(0, 4))
    assert not page.issue_button.isEnabled()


def test_accounts_one_time_password_forces_a_change_at_sign_in(
        qtbot: QtBot, district: ClockedDistrict, tmp_path: Path) -> None:
    w = admin_window(qtbot, district, tmp_path)
    page = w.show_page("accounts")
    assert isinstance(page, AccountsPage)
    page.confirm = lambda _p, _t: True
    wait_until(qtbot, lambda: page.table.rowCount() == 1)
    page.username_edit.setText("wang.dai")
    page.display_edit.setText("王代")
    page.role_combo.setCurrentIndex(page.role_combo.findData("proxy"))
    page.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS):
        page.create_user()
    wait_until(qtbot, lambda: page.table.rowCount() == 2)
    page.table.selectRow(1)
    assert page.table.text(1, 2) == "代办员"
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS):
        page.toggle_active()
    wait_until(qtbot, lambda: page.table.text(1, 3) == "已停用")
    page.table.selectRow(1)
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS):
        page.toggle_active()
    wait_until(qtbot, lambda: page.table.text(1, 3) == "在用")
    page.table.selectRow(1)
    with qtbot.waitSignal(page.changed, timeout=TIMEOUT_MS):
        page.reset_password()
    wait_until(qtbot, lambda: page.table.text(1, 3) == "待改密码")
    one_time = page.password_label.text().split("：")[1].split("（")[0]
    assert len(one_time) == 12
    # The proxy agent signs in with it: only the password screen opens.
    from ui.district.window import DistrictWindow

    settings = QSettings(str(tmp_path / "proxy.ini"), QSettings.Format.IniFormat)
    pw = DistrictWindow(district.base, auto_login=("wang.dai", one_time), settings=settings)
    qtbot.addWidget(pw)
    with qtbot.waitSignal(pw.ready, timeout=TIMEOUT_MS):
        pw.show()
        pw.start()
    assert pw.screens.currentWidget() is pw.password_page
    assert pw.page_keys == []
    form = pw.password_page
    form.old_edit.setText(one_time)
    form.new_edit.setText("wang-new-pass-1")
    form.repeat_edit.setText("wang-new-pass-2")
    form.submit()
    assert "不一致" in form.error_label.text()
    form.repeat_edit.setText("wang-new-pass-1")
    with qtbot.waitSignal(pw.signed_in, timeout=TIMEOUT_MS):
        form.submit()
    assert pw.page_keys == ["mine", "board"]
    assert pw.screens.currentWidget() is pw.work
    r = district.post("/auth/login", json={"username": "wang.dai", "password": "wang-new-pass-1"})
    assert r.status_code == 200 and r.json()["must_change_password"] is False


def test_everyone_changes_their_own_password(
        qtbot: QtBot, district: ClockedDistrict, tmp_path: Path) -> None:
    staff(district, "wang.dai", "proxy")
    w = window(qtbot, district, tmp_path, "wang.dai")
    assert w.password_button.isVisibleTo(w)
    dialog = w.change_password()
    form = dialog.form
    form.old_edit.setText("not-my-password")
    form.new_edit.setText("brand-new-pass")
    form.repeat_edit.setText("brand-new-pass")
    form.submit()
    wait_until(qtbot, lambda: "原密码不正确" in form.error_label.text())
    form.old_edit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT_MS):
        form.submit()
    r = district.post("/auth/login", json={"username": "wang.dai", "password": "brand-new-pass"})
    assert r.status_code == 200


def test_publish_after_a_preview_and_never_with_an_error(
        qtbot: QtBot, district: ClockedDistrict, tmp_path: Path) -> None:
    w = admin_window(qtbot, district, tmp_path)
    page = w.show_page("publish")
    assert isinstance(page, PublishPage)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "stationdesk-catalog", "version": 1, "matters": [{}]}')
    page.path_edit.setText(str(bad))
    with qtbot.waitSignal(page.previewed, timeout=TIMEOUT_MS):
        page.run_preview()
    assert not page.publish_button.isEnabled()
    assert page.problems.isVisible() and "bad.json" in page.problems.toPlainText()
    good = tmp_path / "catalog.json"
    good.write_text(dump_catalog(sample_matters()), encoding="utf-8")
    page.path_edit.setText(str(good))
    with qtbot.waitSignal(page.previewed, timeout=TIMEOUT_MS):
        page.run_preview()
    assert page.publish_button.isEnabled() and page.table.rowCount() == 3
    assert page.table.text(0, 2) == "新增"
    with qtbot.waitSignal(page.published, timeout=TIMEOUT_MS):
        page.publish()
    assert "新增 3 个版本" in page.note.text()
    token = staff(district, "li.shen")
    assert len(district.get("/catalog", token).json()["matters"]) == 3
    # A calendar year file.
    year = seed_years()[-1]
    path = tmp_path / f"{year.year}.json"
    path.write_text(dump_year_file(year), encoding="utf-8")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("calendar"))
    page.path_edit.setText(str(path))
    with qtbot.waitSignal(page.previewed, timeout=TIMEOUT_MS):
        page.run_preview()
    assert page.table.text(0, 0) == str(year.year) and page.table.text(0, 2) == "新增"
    missing = tmp_path / "nowhere.json"
    page.path_edit.setText(str(missing))
    page.run_preview()
    assert "无法读取" in page.note.text() and not page.publish_button.isEnabled()


def test_security_log_filters(qtbot: QtBot, district: ClockedDistrict, tmp_path: Path) -> None:
    staff(district, "li.shen")
    district.post("/auth/login", json={"username": "li.shen", "password": "wrong-password"})
    w = admin_window(qtbot, district, tmp_path)
    page = w.show_page("security")
    assert isinstance(page, SecurityPage)
    day = district.clock().date()  # the district's (test) day, not the machine's
    page.from_edit.setDate(QDate(day.year, day.month, day.day))
    page.to_edit.setDate(QDate(day.year, day.month, day.day))
    page.set_filter()
    with qtbot.waitSignal(page.ready, timeout=TIMEOUT_MS):
        page.reload()
    assert page.table.rowCount() >= 4
    page.set_filter(kind="login.failed")
    with qtbot.waitSignal(page.ready, timeout=TIMEOUT_MS):
        page.reload()
    assert page.table.rowCount() == 1 and page.table.text(0, 1) == "登录失败"
    assert page.table.text(0, 2) == "li.shen"
    page.set_filter(user="zhao.admin")
    with qtbot.waitSignal(page.ready, timeout=TIMEOUT_MS):
        page.reload()
    assert page.table.rowCount() >= 1
    assert {page.table.text(r, 2) for r in range(page.table.rowCount())} == {"zhao.admin"}
