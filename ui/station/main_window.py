"""The workstation's main window.

One window, several screens stacked in it (no modal dialogs for routine steps):
opening → first-start set-up → sign-in → the work area (navigation + pages), and the
idle lock, which hides the work area until the clerk's password is typed again.
The status bar always tells the truth: clerk, station, network, events waiting, last sync.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from clerk.options import IDLE_LOCK_MINUTES, LAST_USER, PRINT_PRINTER
from clerk.station import Account, StationInfo
from ui.common.forms import centred
from ui.common.gc import collect_all_soon, keep_long_lived
from ui.common.idle import IdleWatcher
from ui.common.navigation import Navigator, PageFactory
from ui.common.operations import Operation, error_text, message_bridge
from ui.station.customer_link import CustomerLink
from ui.station.login_page import LockPage, LoginPage, PasswordPage, SetupPage
from ui.station.session import (
    CasesPageLike,
    CatalogPageLike,
    IntakePageLike,
    Page,
    Session,
    SessionBus,
)

if TYPE_CHECKING:  # imported off the UI thread, after the first paint (see load())
    from clerk.catalog import CatalogIndex
    from clerk.issuing import Authority
    from clerk.peek import Peek
    from clerk.sync_status import StationSyncStatus as LightStatus
    from clerk.workspace import Workspace
    from ui.station.sync_page import StatusLike, SyncController


@dataclass(frozen=True)
class Opened:
    ws: Workspace
    station: StationInfo | None
    accounts: list[Account]
    catalog: CatalogIndex | None
    last_user: str = ""
    recovery_key: str | None = None  # made at set-up: shown once, then forgotten


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str


class MainWindow(QMainWindow):
    ready = Signal()  # the first interactive screen is showing (set-up, sign-in or work)
    station_shown = Signal()  # the sign-in screen shows the station and its clerks
    signed_in = Signal()
    load_failed = Signal(str)

    def __init__(self, open_workspace: Callable[[], Workspace], *,
                 peek: Callable[[], Peek | None] | None = None,
                 init_demo: Callable[[Workspace], None] | None = None,
                 auto_login: Credentials | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_workspace = open_workspace
        self._peek = peek
        self._seen: Peek | None = None  # the quick look's result, for `_open` after it
        self._pending_sign_in: tuple[str, str] | None = None
        self._init_demo = init_demo
        self._auto_login = auto_login
        self._painted = False
        self._last_user = ""  # as the store had it when the sign-in screen was shown
        self._load_after_paint = False
        self._settling: Workspace | None = None  # the store settle_after_open ran for
        self.ws: Workspace | None = None
        self.catalog_index: CatalogIndex | None = None
        self.station: StationInfo | None = None
        self.session: Session | None = None
        self.sync: SyncController | None = None
        self.recovery_dialog: QWidget | None = None  # the recovery key, once after set-up
        self.bus = SessionBus(self)
        self.customer = CustomerLink(self)  # the customer display (双屏)
        self.setWindowTitle(self.tr("StationDesk 便民服务站窗口工作台"))
        self.screens = QStackedWidget()
        self.setCentralWidget(self.screens)
        self.opening = QLabel(self.tr("正在打开本站数据…"))
        self.opening_screen = centred(self.opening)  # no `Qt` before paint (ui.common.forms)
        self._setup_page: SetupPage | None = None  # built only for a station to set up
        self.login_page = LoginPage()
        self.lock_page = LockPage()
        self.password_page = PasswordPage()
        self.work = Navigator()
        for screen in (self.opening_screen, self.login_page, self.lock_page,
                       self.password_page, self.work):
            self.screens.addWidget(screen)
        self._forced_password_change = False
        self._pages_attached = False  # the pages built hold a signed-in clerk's session
        self._build_work_area()
        self._build_status_bar()
        self._build_account_menu()
        self.idle = IdleWatcher(0, self)
        self.idle.idle.connect(self.lock)
        self.login_page.login_requested.connect(self._sign_in)
        self.lock_page.unlock_requested.connect(self._unlock)
        self.lock_page.switch_user.connect(self.sign_out)
        self.password_page.change_requested.connect(self._change_password)
        self.password_page.cancelled.connect(self._password_cancelled)
        message_bridge().error.connect(self._show_error)

    @property
    def setup_page(self) -> SetupPage:
        """首次使用, built the first time it is needed: a station with data never shows it,
        and its form is a tenth of the window's build before the first paint."""
        if self._setup_page is None:
            self._setup_page = SetupPage()
            self._setup_page.setup_requested.connect(self._create_station)
            self.screens.addWidget(self._setup_page)
        return self._setup_page

    # --- work area ----------------------------------------------------------------------
    def _build_work_area(self) -> None:
        self.nav, self.pages = self.work.nav, self.work.pages
        self.work.page_built.connect(self._page_built)
        # Shown until an administrator confirms who the documents are issued for.
        self.authority_banner = QLabel()
        self.authority_banner.setWordWrap(True)
        self.authority_banner.setStyleSheet(
            "background: #fff4e5; color: #8a4b00; padding: 6px 10px; "
            "border-bottom: 1px solid #f0c36d;")
        self.authority_banner.linkActivated.connect(lambda _link: self.show_page("settings"))
        self.authority_banner.hide()
        self.work.add_above_pages(self.authority_banner)
        # Shown to an administrator while the station has no recovery key (encrypted by an
        # upgrade): without one, a lost keyring or a new PC means the data is lost.
        self.recovery_banner = QLabel()
        self.recovery_banner.setWordWrap(True)
        self.recovery_banner.setStyleSheet(self.authority_banner.styleSheet())
        self.recovery_banner.setText(self.tr(
            "本站数据已加密，但还没有恢复密钥：换电脑、重装系统或密钥环丢失后将无法打开本站"
            "数据和备份。<a href=\"recovery\">现在生成恢复密钥</a>（只显示一次，请打印"
            "恢复密钥单并锁柜保管）。"))
        self.recovery_banner.linkActivated.connect(lambda _link: self.make_recovery_key())
        self.recovery_banner.hide()
        self.work.add_above_pages(self.recovery_banner)

    def _build_account_menu(self) -> None:
        """账户: lock now (Ctrl+L), change one's password, sign out. The actions also belong
        to the window, so Ctrl+L works on every page; the menu shows only in the work area."""
        menu = self.menuBar().addMenu(self.tr("账户(&A)"))
        self.lock_action = QAction(self.tr("立即锁定"), self)
        # setShortcuts, not setShortcut: the latter's overloads make PySide6 build Qt's
        # whole namespace before the first paint (see ui.common.forms); same shortcut.
        self.lock_action.setShortcuts([QKeySequence("Ctrl+L")])
        self.lock_action.triggered.connect(self.lock)
        self.password_action = QAction(self.tr("修改密码…"), self)
        self.password_action.triggered.connect(self.ask_password_change)
        self.sign_out_action = QAction(self.tr("退出登录"), self)
        self.sign_out_action.triggered.connect(self.sign_out)
        for action in (self.lock_action, self.password_action, self.sign_out_action):
            menu.addAction(action)
            self.addAction(action)
        self.menuBar().hide()
        self.screens.currentChanged.connect(self._screen_changed)

    def _screen_changed(self, _index: int) -> None:
        in_work = self.screens.currentWidget() is self.work
        self.menuBar().setVisible(in_work)
        for action in (self.lock_action, self.password_action, self.sign_out_action):
            action.setEnabled(in_work)

    def _build_pages(self) -> None:
        """The navigation and the counter page, at the first sign-in; every other page is
        built the first time it is shown, so none of them delays the start."""
        pages: tuple[tuple[str, str, PageFactory], ...] = (
            ("intake", self.tr("受理"), _intake_page),
            ("cases", self.tr("办件"), _cases_page),
            ("tasks", self.tr("待办"), _tasks_page),
            ("applicants", self.tr("申请人"), _applicants_page),
            ("catalog", self.tr("事项"), _catalog_page),
            ("reports", self.tr("统计"), _reports_page),
            ("settings", self.tr("设置"), _settings_page),
            ("sync", self.tr("同步"), _sync_page),
        )
        for key, title, factory in pages:
            self.work.add(key, title, factory)
        self.bus.resume_case.connect(self._resume_case)
        self.bus.open_case.connect(self._open_case)
        self.work.page("intake")

    def _page_built(self, key: str, page: QWidget) -> None:
        setattr(self, f"{key}_page", page)
        if isinstance(page, IntakePageLike):
            # Usable with data once the counter page has its catalog and any draft.
            page.ready.connect(self._counter_ready)
        station_saved = getattr(page, "station_saved", None)  # 设置: name, phone, address
        if station_saved is not None:
            station_saved.connect(self._station_edited)
        if self.session is not None:  # else attached at sign-in (see _enter_work)
            self._attach_page(page)

    def _attach_page(self, page: QWidget) -> None:
        assert self.session is not None
        if isinstance(page, Page):
            page.attach(self.session)
        if isinstance(page, CatalogPageLike) and self.session.catalog is not None:
            page.set_index(self.session.catalog)

    def _resume_case(self, case_no: str) -> None:
        page = self.work.show_page("intake")
        if isinstance(page, IntakePageLike):
            page.resume(case_no)

    def _open_case(self, case_no: str) -> None:
        fresh = not self.work.is_built("cases")
        page = self.work.show_page("cases")
        if fresh and isinstance(page, CasesPageLike):  # an attached page follows the bus
            page.show_case(case_no)

    def _page_widgets(self) -> list[QWidget]:
        return self.work.built_pages()

    def page(self, key: str) -> QWidget:
        return self.work.page(key)

    def show_page(self, key: str) -> None:
        self.work.show_page(key)

    # --- status bar -------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.clerk_label = QLabel(self.tr("经办人：未登录"))
        self.station_label = QLabel(self.tr("站点：正在打开…"))
        # Neutral until the station's link is read (just after the counter is ready): an
        # enrolled station must not flash "not connected" at every start.
        self.network_label = QLabel(self.tr("● 正在读取同步状态…"))
        self.network_label.setStyleSheet("color: #666666;")
        self.pending_label = QLabel(self.tr("待同步事件：—"))
        self.sync_label = QLabel(self.tr("上次同步：从未"))
        # "有新版本 …" when the district announces a newer workstation (sync_page.LinkState)
        self.update_label = QLabel()
        self.update_label.setStyleSheet("color: #8a6d00; font-weight: bold;")
        self.update_label.hide()
        for w in (self.clerk_label, self.station_label, self.network_label, self.pending_label,
                  self.sync_label, self.update_label):
            w.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(w)
        bar.setContentsMargins(0, 0, 12, 0)

    def refresh_status(self) -> None:
        """Re-read the counts the status bar shows (in the background)."""
        ws = self.ws
        if ws is None:
            return
        Operation(lambda: _sync_status(ws), parent=self).success(self._show_sync_status) \
            .failure(self._sync_status_failed).run_in_background()

    def _sync_status_failed(self, exc: Exception) -> None:
        """Said in the label, which must not go on saying it is reading (or anything it
        did not read); the reason in its tooltip."""
        log.error("sync status could not be read: %s", type(exc).__name__)
        self.network_label.setText(self.tr("● 无法读取同步状态"))
        self.network_label.setStyleSheet("color: #a8231b;")
        self.network_label.setToolTip(error_text(exc))

    def _show_sync_status(self, status: StatusLike) -> None:
        from ui.station.sync_page import LinkState

        link = LinkState.of(status)
        self.pending_label.setText(self.tr("待同步事件：{0}").format(status.pending))
        self.sync_label.setText(self.tr("上次同步：{0}").format(
            link.last_success or self.tr("从未")))
        if not link.configured:
            text, colour = self.tr("● 离线（未连接区中心）"), "#8a6d00"
        elif link.online is None:
            text, colour = self.tr("● 尚未同步"), "#8a6d00"
        elif link.online and link.problems:
            text, colour = self.tr("● 在线（上次同步有 {0} 个问题）").format(
                len(link.problems)), "#8a6d00"
        elif link.online:
            text, colour = self.tr("● 在线"), "#1b6e35"
        else:
            text, colour = self.tr("● 离线（上次同步失败）"), "#a8231b"
        tip = "\n".join(link.problems) or link.error
        ws = self.ws
        if ws is not None and ws.store.damage is not None:
            text, colour = self.tr("● 数据库已损坏（已停止保存）"), "#a8231b"
            from ui.common.operations import error_text

            tip = error_text(ws.store.damaged_error())
        self.network_label.setText(text)
        self.network_label.setStyleSheet(f"color: {colour};")
        self.network_label.setToolTip(tip)
        self.update_label.setText(link.update)
        self.update_label.setVisible(bool(link.update))

    # --- opening ------------------------------------------------------------------------------
    def load(self) -> None:
        """Open the station's data in the background, then ask for set-up or sign-in.

        A visible window first paints, then starts opening: the background import of the
        store would otherwise compete with the first paint for the interpreter.
        """
        self.screens.setCurrentWidget(self.opening_screen)
        if self.isVisible() and not self._painted:
            self._load_after_paint = True
            return
        if self._peek is not None and self._init_demo is None:
            # The sign-in screen from a quick standard-library read, while the store
            # (SQLAlchemy) loads behind it for everything after the password.
            Operation(self._look, parent=self).success(self._peeked).run_in_background()
        Operation(self._open, parent=self).success(self._opened).failure(self._open_failed) \
            .run_in_background()

    def _look(self) -> Peek | None:
        """On the store's serial worker, just before `_open` there, which uses it too."""
        assert self._peek is not None
        self._seen = self._peek()
        return self._seen

    def _peeked(self, seen: Peek | None) -> None:
        if seen is not None and self.station is None:
            self._show_station(seen.station, seen.accounts, seen.last_user)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            if self._load_after_paint:
                self._load_after_paint = False
                QTimer.singleShot(0, self.load)
        return handled

    def _open(self) -> Opened:
        ws = self._open_workspace()
        seen, self._seen = self._seen, None
        # Built while the clerk types the password, so search is ready at sign-in.
        if seen is not None:  # the quick look just read these from the same file
            return Opened(ws, seen.station, seen.accounts, ws.catalog_index(),
                          seen.last_user)
        station = ws.station()
        recovery_key = None
        if station is None and self._init_demo is not None:
            self._init_demo(ws)
            station = ws.station()
            # As at a real set-up: the demo's recovery key is shown once, with its slip.
            recovery_key = ws.create_recovery_key()
        accs = ws.accounts.all()
        catalog = ws.catalog_index() if station is not None else None
        return Opened(ws, station, accs, catalog, ws.settings.get(LAST_USER),
                      recovery_key=recovery_key)

    def _opened(self, opened: Opened) -> None:
        self.ws = opened.ws
        self.catalog_index = opened.catalog
        if opened.station is None:
            self.station_label.setText(self.tr("站点：尚未设置"))
            self.screens.setCurrentWidget(self.setup_page)
            self.setup_page.code_edit.setFocus()
            self.ready.emit()
            return
        if self.station is None:
            self._show_station(opened.station, opened.accounts, opened.last_user)
        if opened.recovery_key is not None:
            self._show_recovery_key(opened.recovery_key, opened.station)
        if self._auto_login is not None:
            creds, self._auto_login = self._auto_login, None
            self._sign_in(creds.username, creds.password)
        elif self._pending_sign_in is not None:
            username, password = self._pending_sign_in
            self._pending_sign_in = None
            self._sign_in(username, password)
        else:  # a sign-in at once reads the counts when its counter is ready
            self.refresh_status()
        # Built now, while the password is checked in the background (the hash leaves
        # the interpreter free) or typed: the counter shows at once after sign-in.
        self._prepare_pages()

    @property
    def pages_signed_in(self) -> bool:
        """Whether the pages built so far hold a signed-in clerk's session."""
        return self._pages_attached

    def _prepare_pages(self) -> None:
        """The navigation and the 受理 page, before anyone is signed in (hidden behind the
        sign-in screen); they are attached to the clerk's session at sign-in."""
        if not self.work.keys and self.station is not None:
            self._build_pages()

    def _show_recovery_key(self, recovery_key: str, station: StationInfo) -> None:
        """Window-modal, not blocking: the key is shown once, over the sign-in screen."""
        from PySide6.QtCore import Qt

        from ui.station.recovery_dialog import RecoveryKeyDialog

        assert self.ws is not None
        self.recovery_dialog = RecoveryKeyDialog(recovery_key, station, str(self.ws.data_dir),
                                                 self)
        self.recovery_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.recovery_dialog.open()

    def _show_station(self, station: StationInfo, accs: list[Account], last_user: str) -> None:
        self.station = station
        self._last_user = last_user
        self.setWindowTitle(self.tr("StationDesk 便民服务站窗口工作台 — {0}").format(station.name))
        self.station_label.setText(self.tr("站点：{0}（{1}）").format(station.name, station.code))
        self.login_page.set_station(station.name, accs, last_user)
        self.screens.setCurrentWidget(self.login_page)
        self.station_shown.emit()
        if self._auto_login is None:
            self.ready.emit()

    def _station_edited(self, station: StationInfo) -> None:
        self.station = station
        self.setWindowTitle(self.tr("StationDesk 便民服务站窗口工作台 — {0}").format(station.name))
        self.station_label.setText(self.tr("站点：{0}（{1}）").format(station.name, station.code))

    def _open_failed(self, exc: Exception) -> None:
        text = error_text(exc)
        self.station_label.setText(self.tr("站点：无法打开"))
        from PySide6.QtCore import Qt  # after the first paint (see ui.common.forms)

        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)  # its lines, centred
        self.opening.setText(self.tr("无法打开本站数据：\n{0}").format(text))
        self.load_failed.emit(text)

    def _create_station(self, values: dict[str, str]) -> None:
        ws = self.ws
        assert ws is not None

        def create() -> Opened:

            station = ws.init_station(
                code=values["code"], name=values["name"], level=values["level"],
                phone=values["phone"], address=values["address"], admin=values["admin"],
                admin_name=values["admin_name"], password=values["password"],
                authority=values.get("authority", ""),
                device_no=int(values.get("device_no") or 1),
                device_name=values.get("device_name", ""))
            recovery_key = ws.create_recovery_key()
            return Opened(ws, station, ws.accounts.all(), ws.catalog_index(),
                          recovery_key=recovery_key)

        Operation(create, parent=self).success(self._opened).failure(
            lambda exc: self.setup_page.failed(error_text(exc))).run_in_background()

    # --- sign-in, lock ----------------------------------------------------------------------
    def _sign_in(self, username: str, password: str) -> None:
        ws = self.ws
        if ws is None:  # typed on the quick sign-in screen: go on once the store is open
            self._pending_sign_in = (username, password)
            return

        def check() -> Account | None:
            return ws.accounts.authenticate(username, password)

        Operation(check, parent=self).success(self._signed_in).failure(
            lambda exc: self.login_page.failed(error_text(exc))).run_in_background()

    def _signed_in(self, account: Account | None) -> None:
        if account is None:
            self.login_page.failed(self.tr("用户名或密码不正确，或账号已停用。"))
            self.refresh_status()
            self.ready.emit()
            return
        assert self.ws is not None and self.station is not None
        if self._pages_attached:
            # Pages built for the clerk before hold that clerk's session (and what they
            # typed): the next clerk gets pages of their own (their draft is restored).
            self._discard_pages()
        self.session = Session(self.ws, account, self.station, self.bus, self.catalog_index)
        self.clerk_label.setText(self.tr("经办人：{0}").format(account.display_name))
        self.customer.attach(self.session)
        if account.must_change_password:  # a one-time password from an admin's reset
            self._remember_last_user(account.username)
            self._forced_password_change = True
            self.password_page.ask(account.display_name, forced=True)
            self.screens.setCurrentWidget(self.password_page)
            self.ready.emit()
            return
        self._enter_work()
        # Queued after the counter's own loading: a write waits for the store's
        # background integrity check, and the catalog must not wait behind it.
        self._remember_last_user(account.username)

    def _remember_last_user(self, username: str) -> None:
        """The sign-in screen offers this clerk first next time (written only if new)."""
        ws = self.ws
        if ws is None or username == self._last_user:
            return
        self._last_user = username
        Operation(lambda: ws.settings.set(LAST_USER, username), parent=self) \
            .run_in_background()

    def _enter_work(self) -> None:
        if not self._pages_attached:
            if self.work.keys:  # built before the sign-in (see _prepare_pages)
                for page in self.work.built_pages():
                    self._attach_page(page)
            else:  # attached as they are built
                self._build_pages()
            self._pages_attached = True
            self._attach_pages()
        self.screens.setCurrentWidget(self.work)
        self._settings_changed()
        self.signed_in.emit()

    def _discard_pages(self) -> None:
        """Drop every page and the bus they listen to (a new sign-in builds them again):
        a page keeps the session it was attached with, so it must not outlive it."""
        for key in self.work.keys:
            if getattr(self, f"{key}_page", None) is not None:
                delattr(self, f"{key}_page")
        self.work.clear()
        self._pages_attached = False
        old, self.bus = self.bus, SessionBus(self)
        old.deleteLater()

    def _attach_pages(self) -> None:
        """At each sign-in: pages are attached as they are built (see _page_built)."""
        self.bus.case_changed.connect(lambda _no: self.refresh_status())
        self.bus.settings_changed.connect(self._settings_changed)
        self.work.show_page(self.work.keys[0])

    def _counter_ready(self) -> None:
        """The 受理 page has its catalog: the clerk can work. What nobody waits for starts
        now, so it neither delays the counter nor competes with it for the interpreter."""
        keep_long_lived()  # what the start loaded is not walked by the collector again
        self.ready.emit()
        self.refresh_status()
        self._settle_after_open()
        if self.ws is not None and self.sync is None:
            # background sync rounds once the station is enrolled (one controller per run)
            from ui.station.sync_page import sync_controller

            self.sync = sync_controller(self.ws, self)
            self.sync.status_changed.connect(self._show_sync_status)
            self.sync.start()

    def _settle_after_open(self) -> None:
        """Once per store: what an upgrade or a calendar left to work out over the cases
        (Workspace.settle_after_open), in small write transactions on a worker of its own,
        so neither the counter's reads nor its saves queue behind it; the lists are right
        meanwhile. Cut short (closed, killed), the next start goes on."""
        ws = self.ws
        if ws is None or self._settling is ws:
            return
        self._settling = ws

        def settled(done: tuple[int, int]) -> None:
            if done[0]:  # provisional due dates moved: the lists show them
                self.bus.case_changed.emit("")

        Operation(ws.settle_after_open, serial=False).success(settled) \
            .failure(lambda exc: log.warning("settling after open stopped: %s",
                                             type(exc).__name__)) \
            .run_in_background()

    def _settings_changed(self) -> None:
        ws = self.ws
        if ws is None:
            return
        self.idle.set_minutes(float(ws.settings.get(IDLE_LOCK_MINUTES)))
        self.customer.read_setting(self.screen())
        Operation(lambda: ws.settings.get(PRINT_PRINTER), parent=self).success(
            _apply_printer).run_in_background()
        Operation(ws.authority, parent=self).success(self._show_authority).run_in_background()
        if self.session is not None and self.session.is_admin:
            Operation(ws.has_recovery_key, parent=self).success(
                lambda has: self.recovery_banner.setVisible(not has)).run_in_background()
        else:
            self.recovery_banner.hide()

    def make_recovery_key(self) -> None:
        """The banner's link: the same path as `python -m clerk recovery-key new`, the key
        shown once with its printable slip."""
        ws, station = self.ws, self.station
        if ws is None or station is None or self.session is None \
                or not self.session.is_admin:
            return
        Operation(ws.create_recovery_key, parent=self).success(
            lambda key: self._recovery_key_made(key, station)).failure(
            lambda exc: self.recovery_banner.setText(error_text(exc))).run_in_background()

    def _recovery_key_made(self, recovery_key: str, station: StationInfo) -> None:
        self.recovery_banner.hide()
        self._show_recovery_key(recovery_key, station)

    def _show_authority(self, authority: Authority) -> None:
        if authority.confirmed:
            self.authority_banner.hide()
            return
        self.authority_banner.setText(self.tr(
            "文书的出具机关尚未确认：当前以“{0}”的名义打印受理回执等文书。"
            "请管理员在<a href=\"settings\">设置 → 出具机关</a>中核对并保存。").format(
            authority.station_level))
        self.authority_banner.show()

    def save_drafts(self) -> None:
        """Write what the clerk typed now (pages' own close events do not fire in here)."""
        for widget in self._page_widgets():
            save = getattr(widget, "save_draft_now", None)
            if callable(save):
                save()

    def lock(self) -> None:
        if self.session is None or self.screens.currentWidget() is not self.work:
            return
        self.save_drafts()
        self.idle.pause()
        self.customer.clear()
        self.lock_page.lock_for(self.session.clerk.display_name)
        self.screens.setCurrentWidget(self.lock_page)
        # Nobody is at the counter: the moment for the one pass over the whole heap
        # (what earlier clerks' pages left, see ui.common.gc).
        collect_all_soon(self, lambda: self.screens.currentWidget() is self.lock_page)

    # --- own password -------------------------------------------------------------------
    def ask_password_change(self) -> None:
        if self.session is None or self.screens.currentWidget() is not self.work:
            return
        self.password_page.ask(self.session.clerk.display_name, forced=False)
        self.screens.setCurrentWidget(self.password_page)

    def _change_password(self, current: str, new: str) -> None:
        session = self.session
        assert session is not None
        ws, username = session.ws, session.username

        def done(_: None) -> None:
            session.clerk = replace(session.clerk, must_change_password=False)
            self.statusBar().showMessage(self.tr("密码已修改，下次登录请使用新密码。"), 10000)
            if self._forced_password_change:
                self._forced_password_change = False
                self._enter_work()
            else:
                self.screens.setCurrentWidget(self.work)

        Operation(lambda: ws.accounts.change_own_password(username, current, new),
                  parent=self).success(done).failure(
            lambda exc: self.password_page.failed(error_text(exc))).run_in_background()

    def _password_cancelled(self) -> None:
        if self._forced_password_change:  # the work area stays closed: back to sign-in
            self._forced_password_change = False
            self.sign_out()
        else:
            self.screens.setCurrentWidget(self.work)

    def _unlock(self, password: str) -> None:
        session = self.session
        assert session is not None
        ws = session.ws

        def check() -> Account | None:
            return ws.accounts.authenticate(session.username, password)

        def done(account: Account | None) -> None:
            if account is None:
                self.lock_page.failed(self.tr("密码不正确。"))
                return
            self.screens.setCurrentWidget(self.work)
            self.idle.restart()

        Operation(check, parent=self).success(done).run_in_background()

    def sign_out(self) -> None:
        """Back to the sign-in screen; the next clerk signs in (pages keep their drafts)."""
        self.save_drafts()
        self.idle.pause()
        self.customer.clear()
        self.clerk_label.setText(self.tr("经办人：未登录"))
        if self.ws is not None and self.station is not None:
            ws, station = self.ws, self.station

            def reload() -> list[Account]:
                return ws.accounts.all()

            Operation(reload, parent=self).success(
                lambda accs: self.login_page.set_station(station.name, accs,
                                                         self.session.username
                                                         if self.session else "")
            ).run_in_background()
        self.screens.setCurrentWidget(self.login_page)

    # --- errors, closing ------------------------------------------------------------------------
    def _show_error(self, text: str) -> None:
        # A modal box would block an offscreen run (screenshots, tests) forever.
        if self.isVisible() and QGuiApplication.platformName() != "offscreen":
            QMessageBox.warning(self, self.tr("出错了"), text)
        else:
            self.statusBar().showMessage(text, 15000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_drafts()
        self.customer.close()
        if self.ws is not None:
            self.ws.close()
        super().closeEvent(event)


def _apply_printer(name: str) -> None:
    from ui.common.print_preview import set_preferred_printer

    set_preferred_printer(name)


def _sync_status(ws: Workspace) -> LightStatus:
    from ui.station.sync_page import light_status

    return light_status(ws)


__all__ = ["Credentials", "MainWindow"]


# The pages, each imported the first time it is shown (start-up time).
def _intake_page() -> QWidget:
    from ui.station.intake.page import IntakePage

    return IntakePage()


def _cases_page() -> QWidget:
    from ui.station.cases_page import CasesPage

    return CasesPage()


def _tasks_page() -> QWidget:
    from ui.station.tasks_page import TasksPage

    return TasksPage()


def _applicants_page() -> QWidget:
    from ui.station.applicants_page import ApplicantsPage

    return ApplicantsPage()


def _catalog_page() -> QWidget:
    from ui.station.catalog_page import CatalogPage

    return CatalogPage()


def _reports_page() -> QWidget:
    from ui.station.reports_page import ReportsPage

    return ReportsPage()


def _settings_page() -> QWidget:
    from ui.station.settings_page import SettingsPage

    return SettingsPage()


def _sync_page() -> QWidget:
    from ui.station.sync_page import SyncPage

    return SyncPage()
