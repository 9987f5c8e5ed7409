"""The district mode's main window: sign-in, then the work area for the staff member's role.

* reviewer (审核人员) and admin: 审核队列, 电子监察, 好差评, 统计报表;
* proxy agent (代办员): 我的代办, 电子监察.

Pages are built the first time they are shown. The status bar tells the truth: who is
signed in, which district, whether the last request reached it. A refused token (the
session expired or was revoked) goes back to sign-in and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from clerk.timeutil import local_time
from ui.common.navigation import Navigator, PageFactory
from ui.common.operations import Operation, error_text, message_bridge
from ui.district.login import DistrictLoginPage
from ui.district.password import ChangePasswordDialog, PasswordForm
from ui.district.session import (
    CaseListPage,
    DistrictBus,
    DistrictPage,
    DistrictSession,
    ReadyPage,
    role_label,
)
from wire.staff import Facets

REVIEWERS = ("reviewer", "admin")


def _queue_page() -> QWidget:
    from ui.district.queue import QueuePage

    return QueuePage()


def _proxy_page() -> QWidget:
    from ui.district.proxy import ProxyPage

    return ProxyPage()


def _board_page() -> QWidget:
    from ui.district.board import BoardPage

    return BoardPage()


def _ratings_page() -> QWidget:
    from ui.district.ratings import RatingsPage

    return RatingsPage()


def _reports_page() -> QWidget:
    from ui.district.reports import ReportsPage

    return ReportsPage()


def _stations_page() -> QWidget:
    from ui.district.admin_stations import StationsPage

    return StationsPage()


def _accounts_page() -> QWidget:
    from ui.district.admin_accounts import AccountsPage

    return AccountsPage()


def _publish_page() -> QWidget:
    from ui.district.admin_publish import PublishPage

    return PublishPage()


def _security_page() -> QWidget:
    from ui.district.admin_security import SecurityPage

    return SecurityPage()


ADMINS = ("admin",)
# Each page is imported the first time it is shown; which roles see it.
PAGES: tuple[tuple[str, PageFactory, tuple[str, ...]], ...] = (
    ("queue", _queue_page, REVIEWERS),
    ("mine", _proxy_page, ("proxy",)),
    ("board", _board_page, ("reviewer", "admin", "proxy")),
    ("ratings", _ratings_page, REVIEWERS),
    ("reports", _reports_page, REVIEWERS),
    ("stations", _stations_page, ADMINS),
    ("accounts", _accounts_page, ADMINS),
    ("publish", _publish_page, ADMINS),
    ("security", _security_page, ADMINS),
)


@dataclass(frozen=True)
class SignedIn:
    server: str
    token: str
    username: str
    display_name: str
    role: str
    ca_bundle: str | None
    facets: Facets | None  # None until a one-time password is replaced
    remember_error: str = ""
    must_change_password: bool = False


def sign_in(server: str, username: str, password: str, remember: bool,
            ca_bundle: str | None) -> SignedIn:
    """Log in and read the queue's choices (runs off the UI thread)."""
    from apiclient.http import normalize_server
    from apiclient.keyring_backend import CredentialsError
    from staff_client import client as district_client

    server = normalize_server(server)
    with district_client.StaffClient(server, ca_bundle=ca_bundle) as client:
        answer = client.login(username, password)
        # With a one-time password the district answers nothing else until it is changed.
        facets = None if answer.must_change_password else client.facets()
    note = ""
    if remember:
        try:
            district_client.remember(server, answer.username, answer.token)
        except CredentialsError as exc:
            note = exc.message
    display = facets.me.display_name if facets is not None else answer.username
    return SignedIn(server, answer.token, answer.username, display,
                    answer.role, ca_bundle, facets, note, answer.must_change_password)


def resume(server: str, username: str, ca_bundle: str | None) -> SignedIn | bool:
    """The remembered session, if the keyring has one the district still accepts; else
    whether there was one (refused: it expired or was revoked)."""
    from apiclient.http import AuthError
    from staff_client import client as district_client

    token = district_client.remembered(server, username)
    if not token:
        return False
    with district_client.StaffClient(server, token=token, ca_bundle=ca_bundle) as client:
        try:
            me = client.me()
            facets = None if me.must_change_password else client.facets()
        except AuthError:
            district_client.forget(server, username)
            return True
    return SignedIn(server, token, me.username, me.display_name, me.role, ca_bundle, facets,
                    must_change_password=me.must_change_password)


class DistrictWindow(QMainWindow):
    ready = Signal()  # the first interactive screen shows its data (sign-in or a page)
    signed_in = Signal()
    load_failed = Signal(str)

    def __init__(self, server: str = "", *, ca_bundle: str | None = None,
                 auto_login: tuple[str, str] | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or QSettings("StationDesk", "district")
        self._server = server or str(self.settings.value("server", "") or "")
        self._ca = ca_bundle if ca_bundle is not None else str(
            self.settings.value("ca_bundle", "") or "")
        self._auto_login = auto_login
        self.session: DistrictSession | None = None
        self.bus = DistrictBus(self)
        self.setWindowTitle(self.tr("StationDesk 区政务服务中心"))
        self.screens = QStackedWidget()
        self.setCentralWidget(self.screens)
        self.opening = QLabel(self.tr("正在连接区中心…"))
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.login_page = DistrictLoginPage()
        self.work = Navigator()
        self.password_page = PasswordForm(self.tr(
            "管理员为您设置了一次性密码。请先设置自己的新密码，然后才能开始工作。"))
        self.password_page.changed.connect(self._password_replaced)
        for screen in (self.opening, self.login_page, self.work, self.password_page):
            self.screens.addWidget(screen)
        self._build_work_area()
        self._build_status_bar()
        self.login_page.login_requested.connect(self._sign_in)
        self.bus.online.connect(self._online)
        self.bus.session_expired.connect(self._expired)
        self.bus.open_case.connect(self._open_case)
        message_bridge().error.connect(self._show_error)

    # --- start --------------------------------------------------------------------
    def start(self) -> None:
        """Sign in with the given credentials, resume a remembered session, or ask."""
        username = str(self.settings.value("username", "") or "")
        if self._auto_login is not None and self._server:
            user, password = self._auto_login
            self._auto_login = None
            self.screens.setCurrentWidget(self.opening)
            self._sign_in(self._server, user, password, False, self._ca)
            return
        if self._server and username:
            self.screens.setCurrentWidget(self.opening)
            server, ca = self._server, self._ca or None
            Operation(lambda: resume(server, username, ca), parent=self, serial=False) \
                .success(self._resumed).failure(lambda exc: self._show_login(
                    error_text(exc))).run_in_background()
            return
        self._show_login()

    def _resumed(self, signed: SignedIn | bool) -> None:
        if isinstance(signed, SignedIn):
            self._enter(signed)
        else:
            self._show_login(self.tr("登录已过期，请重新登录。") if signed else "")

    def _show_login(self, error: str = "") -> None:
        from staff_client.client import keyring_usable

        self.login_page.prefill(self._server, str(self.settings.value("username", "") or ""),
                                self._ca, keyring_usable())
        self.login_page.show_error(error)
        self.sign_out_button.hide()
        self.password_button.hide()
        self.screens.setCurrentWidget(self.login_page)
        self.ready.emit()

    def _sign_in(self, server: str, username: str, password: str, remember: bool,
                 ca: str) -> None:
        self.login_page.set_busy(True)

        def failed(exc: Exception) -> None:
            text = error_text(exc)
            if self.screens.currentWidget() is not self.login_page:
                self._show_login(text)
                self.load_failed.emit(text)
            else:
                self.login_page.failed(text)

        Operation(lambda: sign_in(server, username, password, remember, ca or None),
                  parent=self, serial=False).success(self._enter).failure(failed) \
            .run_in_background()

    def _enter(self, signed: SignedIn) -> None:
        self._server, self._ca = signed.server, signed.ca_bundle or ""
        self.settings.setValue("server", signed.server)
        self.settings.setValue("username", signed.username)
        self.settings.setValue("ca_bundle", self._ca)
        self.session = DistrictSession(
            server=signed.server, token=signed.token, username=signed.username,
            display_name=signed.display_name, role=signed.role, ca_bundle=signed.ca_bundle,
            bus=self.bus, facets=signed.facets)
        self.user_label.setText(self.tr("{name}（{role}）").format(
            name=signed.display_name, role=role_label(signed.role)))
        self.server_label.setText(self.tr("区中心：{server}").format(server=signed.server))
        self._online(True, "")
        self.sign_out_button.show()
        if signed.must_change_password or signed.facets is None:
            self.password_page.attach(self.session)
            self.screens.setCurrentWidget(self.password_page)
            self.ready.emit()
            return
        self.password_button.show()
        self._build_pages(signed.role)
        self.screens.setCurrentWidget(self.work)
        if signed.remember_error:
            self.statusBar().showMessage(signed.remember_error, 15000)
        self.signed_in.emit()

    def _password_replaced(self) -> None:
        """The one-time password is replaced: read the queue's choices, then work."""
        session = self.session
        if session is None:
            return
        from ui.district.session import network

        def entered(facets: Facets) -> None:
            if self.session is not session:
                return
            session.facets = facets
            self._enter(SignedIn(session.server, session.token, session.username,
                                 facets.me.display_name, session.role, session.ca_bundle,
                                 facets))
            self.statusBar().showMessage(self.tr("密码已修改。"), 8000)

        network(session, lambda client: client.facets(), parent=self, done=entered,
                failed=self.password_page.error_label.setText)

    def change_password(self) -> QDialog | None:
        """Everyone's own password (the dialog is returned for tests)."""
        if self.session is None:
            return None
        dialog = ChangePasswordDialog(self.session, self, on_done=lambda: self.statusBar()
                                      .showMessage(self.tr("密码已修改。"), 8000))
        dialog.open()
        return dialog

    # --- work area ----------------------------------------------------------------
    def _build_work_area(self) -> None:
        self.nav, self.pages = self.work.nav, self.work.pages
        self.work.page_built.connect(self._page_built)

    def _titles(self) -> dict[str, str]:
        return {"queue": self.tr("审核队列"), "mine": self.tr("我的代办"),
                "board": self.tr("电子监察"), "ratings": self.tr("好差评"),
                "reports": self.tr("统计报表"), "stations": self.tr("站点与设备"),
                "accounts": self.tr("账号"), "publish": self.tr("事项与节假日"),
                "security": self.tr("安全日志")}

    def _build_pages(self, role: str) -> None:
        self.work.clear()
        titles = self._titles()
        for key, factory, roles in PAGES:
            if role in roles:
                self.work.add(key, titles[key], factory)
        first = self.work.page(self.work.keys[0])
        if isinstance(first, ReadyPage):
            first.ready.connect(self._first_ready)
        self.work.show_page(self.work.keys[0])

    def _page_built(self, _key: str, page: QWidget) -> None:
        if self.session is not None and isinstance(page, DistrictPage):
            page.attach(self.session)

    def _first_ready(self) -> None:
        keys = self.work.keys
        page = self.work.page(keys[0]) if keys else None
        if isinstance(page, ReadyPage):
            page.ready.disconnect(self._first_ready)
        self.ready.emit()

    @property
    def page_keys(self) -> list[str]:
        return self.work.keys

    def page(self, key: str) -> QWidget:
        return self.work.page(key)

    def show_page(self, key: str) -> QWidget:
        return self.work.show_page(key)

    def _open_case(self, case_id: str) -> None:
        """Drill-downs open a case in the queue (a proxy agent: in 我的代办)."""
        key = next((k for k in ("queue", "mine") if k in self.work.keys), None)
        if key is None:
            return
        fresh = not self.work.is_built(key)
        page = self.show_page(key)
        if fresh and isinstance(page, CaseListPage):
            page.show_case(case_id)

    # --- status bar ---------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(self.tr("未登录"))
        self.server_label = QLabel("")
        self.network_label = QLabel(self.tr("● 未连接"))
        self.network_label.setStyleSheet("color: #8a6d00;")
        self.time_label = QLabel("")
        self.sign_out_button = QPushButton(self.tr("退出登录"))
        self.sign_out_button.setFlat(True)
        self.sign_out_button.setStyleSheet("color: #1a56a8;")
        self.sign_out_button.clicked.connect(self.sign_out)
        self.password_button = QPushButton(self.tr("修改密码"))
        self.password_button.setFlat(True)
        self.password_button.setStyleSheet("color: #1a56a8;")
        self.password_button.clicked.connect(self.change_password)
        for w in (self.user_label, self.server_label, self.network_label, self.time_label,
                  self.password_button, self.sign_out_button):
            w.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(w)
        self.sign_out_button.hide()
        self.password_button.hide()

    def _online(self, online: bool, why: str) -> None:
        if online:
            self.network_label.setText(self.tr("● 在线"))
            self.network_label.setStyleSheet("color: #1b6e35;")
            self.network_label.setToolTip("")
            # Beijing time, as everywhere else in the product (not the machine's zone).
            self.time_label.setText(self.tr("更新于 {time}").format(
                time=local_time(datetime.now(UTC)).strftime("%H:%M")))
        else:
            self.network_label.setText(self.tr("● 连接中断"))
            self.network_label.setStyleSheet("color: #a8231b;")
            self.network_label.setToolTip(why)

    # --- leaving ------------------------------------------------------------------
    def sign_out(self) -> None:
        session = self.session
        if session is None:
            return
        self.session = None

        def leave() -> None:
            from staff_client import client as district_client

            district_client.forget(session.server, session.username)
            session.client().logout()

        Operation(leave, parent=None, serial=False).failure(lambda _e: None) \
            .run_in_background()
        self.user_label.setText(self.tr("未登录"))
        self._show_login()

    def _expired(self, text: str) -> None:
        if self.session is None:
            return
        from staff_client import client as district_client

        session, self.session = self.session, None
        server, user = session.server, session.username
        Operation(lambda: district_client.forget(server, user), parent=None, serial=False) \
            .failure(lambda _e: None).run_in_background()
        self._show_login(self.tr("登录已失效，请重新登录（{why}）。").format(why=text))

    def _show_error(self, text: str) -> None:
        if self.isVisible() and QGuiApplication.platformName() != "offscreen":
            QMessageBox.warning(self, self.tr("出错了"), text)
        else:
            self.statusBar().showMessage(text, 15000)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
