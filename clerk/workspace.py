"""A station's working context: its store, its clock, its calendar, its services.

The command line, the Qt window and the tests all go through one Workspace, so the
rules are applied the same way whoever calls them.
"""

from __future__ import annotations

import contextlib
import time
from datetime import date
from functools import cached_property
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk import accounts, calendar_store, catalog_store, numbering, options
from clerk.accounts import Accounts
from clerk.calendar import CalendarYear, WorkCalendar
from clerk.catalog import CatalogIndex, Matter, load_bundled_catalog
from clerk.context import StationContext
from clerk.errors import QT_TRANSLATE_NOOP, NotFoundError, StateError, ValidationError
from clerk.files import clean_stale_temps
from clerk.issuing import (
    Authority,
    default_reviewer,
    district_name,
    read_authority,
    validate_authority,
)
from clerk.scans import LocalBlobs
from clerk.settings import Settings
from clerk.station import (
    LEVELS,
    StationInfo,
    validate_station_details,
    validate_station_inputs,
)
from clerk.store import Store
from clerk.store.models import Setting, Station, User
from clerk.timeutil import Clock, local_date, system_clock

if TYPE_CHECKING:
    from clerk.applicants import Applicants
    from clerk.cases.conflicts import Conflicts
    from clerk.cases.lists import CaseLists
    from clerk.cases.queries import SupervisionCut
    from clerk.cases.service import CaseService
    from clerk.consultations import Consultations
    from clerk.documents import DocumentService
    from clerk.retention import RetentionReport
    from clerk.sync_status import StationSyncStatus
    from clerk.tasks import Tasks


class Workspace:
    def __init__(self, store: Store, clock: Clock = system_clock) -> None:
        self.store = store
        self.now: Clock = clock
        self._calendar: WorkCalendar | None = None
        self._calendar_lock = Lock()
        self.blobs = LocalBlobs.of(store)
        self._context = StationContext(store=store, now=clock, calendar=self.calendar,
                                       blobs=self.blobs, require_station=self.require_station,
                                       resolve_clerk=self.resolve_clerk)
        # The facades the window and the command line call; each owns its transactions.
        # Those sign-in needs are made here; the others (below) at their first use, so
        # their modules are not imported before the counter is ready.
        self.settings = Settings(store)
        self.accounts = Accounts(self)

    @cached_property
    def cases(self) -> CaseService:
        from clerk.cases.service import CaseService

        return CaseService(self._context)

    @cached_property
    def documents(self) -> DocumentService:
        from clerk.documents import DocumentService

        return DocumentService(self._context)

    @cached_property
    def applicants(self) -> Applicants:
        from clerk.applicants import Applicants

        return Applicants(self)

    @cached_property
    def case_lists(self) -> CaseLists:
        from clerk.cases.lists import CaseLists

        return CaseLists(self)

    @cached_property
    def tasks(self) -> Tasks:
        from clerk.tasks import Tasks

        return Tasks(self)

    @cached_property
    def conflicts(self) -> Conflicts:
        from clerk.cases.conflicts import Conflicts

        return Conflicts(self)

    @cached_property
    def consultations(self) -> Consultations:
        from clerk.consultations import Consultations

        return Consultations(self)

    @classmethod
    def open(cls, data_dir: Path | str, clock: Clock = system_clock, *,
             key: bytes | None = None) -> Workspace:
        """Open the station in ``data_dir`` (its key from the key source unless given)."""
        ws = cls(Store.open_dir(data_dir, key=key), clock)
        # Files a killed write left behind (scans, PDFs saved here) go at start.
        blobs = Path(data_dir) / "blobs"
        clean_stale_temps([Path(data_dir), blobs, *(p for p in blobs.glob("??") if p.is_dir())])
        ws.blobs.seal_plain()  # scans an earlier version kept in plain
        # What an upgrade or a calendar left to work out over many cases is not done
        # here: a write at open waits for the store's integrity check (seconds at
        # 100,000 cases). The window calls `settle_after_open` once the counter is ready,
        # the command line at once (clerk.cli.common); the readers are right meanwhile.
        return ws

    def create_recovery_key(self) -> str:
        """A new recovery key for this station's store, to be shown once (and printed);
        any earlier one stops working."""
        from clerk.store import recovery

        assert self.data_dir is not None and self.store.key is not None
        return recovery.create(self.data_dir, self.store.key)

    def has_recovery_key(self) -> bool:
        from clerk.store import recovery

        return self.data_dir is not None and recovery.has_recovery_key(self.data_dir)

    def close(self) -> None:
        self.store.close()

    @property
    def data_dir(self) -> Path | None:
        """The folder of the station's database (None for an in-memory store)."""
        return self.store.path.parent if self.store.path else None

    def backup(self, target: Path) -> Path:
        """One sealed file at ``target``: a consistent copy of the station's database and
        its scans (clerk.store.backup), checked before it is returned."""
        return self.store.backup(target, scans=self.blobs)

    def retention(self, *, dry_run: bool = False) -> RetentionReport:
        """Remove the personal data of cases past their retention period (clerk.retention)."""
        from clerk.retention import run as run_retention

        days = {m.code: m.retention_days for m in self.matters()}
        return run_retention(self.store.read if dry_run else self.store.write, self.blobs,
                             now=self.now(), matter_days=days.get, dry_run=dry_run)

    def sync_status(self) -> StationSyncStatus:
        """Events waiting for the district and the last sync round's outcome."""
        from clerk.sync_status import read_sync_status

        with self.store.read() as s:
            return read_sync_status(s)

    # --- station ------------------------------------------------------------------
    def station(self) -> StationInfo | None:
        with self.store.read() as s:
            row = s.execute(select(Station)).scalars().first()
            return _station(row) if row else None

    def require_station(self, s: Session) -> StationInfo:
        row = s.execute(select(Station)).scalars().first()
        if row is None:
            raise StateError(
                QT_TRANSLATE_NOOP("errors", "本机尚未初始化站点，"
                                            "请先运行 init（或在首次启动时完成设置）。"),
                code="station.uninitialised")
        return _station(row)

    def init_station(self, *, code: str, name: str, admin: str, password: str,
                     level: str = "community", address: str = "", phone: str = "",
                     admin_name: str = "", matters: list[Matter] | None = None,
                     authority: str = "", device_no: int | None = None,
                     device_name: str = "") -> StationInfo:
        """Create the station, its first admin, the calendar seed and the bundled catalog.

        ``authority`` (the 街道办事处 the station accepts for) is stored as confirmed when
        given; without it the documents use a default and the window asks to confirm it.
        ``device_no`` and ``device_name`` (本机窗口号, 本机名称) are this PC's among the
        station's counters: the number is part of every case number it makes.
        """
        code, name = validate_station_inputs(code=code, name=name, level=level, admin=admin,
                                             password=password)
        if device_no is not None:
            numbering.validate_device_no(device_no)
        if device_name.strip():
            numbering.validate_device_name(device_name)
        issuing_settings = validate_authority(
            authority, default_reviewer(district_name(code))) if authority.strip() else {}
        matters = matters if matters is not None else load_bundled_catalog()
        now = self.now()
        with self.store.write() as s:
            if s.execute(select(Station)).first():
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "本数据目录已初始化过站点。"),
                    code="station.exists")
            s.add(Station(code=code, name=name, level=level, district_code=code[:6],
                          address=address.strip(), phone=phone.strip(),
                          created_at=now.replace(tzinfo=None)))
            accounts.create_account(s, username=admin, password=password, role="admin",
                                    display_name=admin_name, phone=phone, now=now)
            calendar_store.seed_if_empty(s, now=now)
            catalog_store.import_matters(s, matters, source="bundled", now=now)
            for key, value in issuing_settings.items():
                s.add(Setting(key=key, value=value))
            if device_no is not None:
                numbering.set_device_no(s, device_no)
            if device_name.strip():
                numbering.set_device_name(s, device_name)
            _settle_new_station(s)
        self._calendar = None
        info = self.station()
        assert info is not None
        return info

    def update_station(self, *, name: str, phone: str, address: str) -> StationInfo:
        """An admin corrects the station's name, phone or address (code and level stay:
        the code numbers every case and identifies the station to the district)."""
        name, phone, address = validate_station_details(name=name, phone=phone,
                                                        address=address)
        with self.store.write() as s:
            row = s.execute(select(Station)).scalars().first()
            if row is None:
                self.require_station(s)  # raises the worded "not set up" error
            assert row is not None
            row.name, row.phone, row.address = name, phone, address
            return _station(row)

    # --- clerks ---------------------------------------------------------------------
    def resolve_clerk(self, s: Session, username: str | None) -> str:
        """The acting clerk: the given active account, or the only admin when none is given."""
        if username:
            acc = accounts.get_account(s, username)
            if not acc.active:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "账号 {username} 已停用。"),
                    code="account.inactive", params={"username": username})
            return acc.username
        names = s.execute(select(User.username).where(User.active.is_(True))
                          .order_by(User.id)).scalars().all()
        if len(names) == 1:
            return names[0]
        if not names:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "本站还没有窗口人员账号。"),
                code="account.none")
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "本站有多个账号，请用 --clerk 指明经办人。"),
            code="account.ambiguous", field="clerk")

    # --- calendar -------------------------------------------------------------------
    def calendar(self) -> WorkCalendar:
        with self._calendar_lock:
            if self._calendar is None:
                with self.store.read() as s:
                    self._calendar = calendar_store.build_calendar(s)
            return self._calendar

    def settle_provisional_dues(self) -> int:
        """Once after an upgrade that changed how years without official data count
        (clerk.cases.due.PROVISIONAL_RULE), recompute the stored provisional due dates in
        small write transactions (clerk.cases.due.settle_rule_step); otherwise a read.
        Returns how many due dates moved."""
        from clerk.cases.clock import calendar_of, clock_key
        from clerk.cases.due import rule_changed, settle_rule_step, unsettled_dues

        with self.store.read() as s:
            ids = [case_id for case_id, _updated in unsettled_dues(s)]
            if not ids and not rule_changed(s):
                return 0
            calendar_of(s, clock_key(s))  # built before the first write, not in it
        if ids:
            self.judge_unsettled()
        self._before_steps()
        moved = 0
        for i in range(0, len(ids), SETTLE_STEP_DUES):
            if self.store.closing:
                return moved
            with self.store.write() as s:
                moved += settle_rule_step(s, calendar_of(s, clock_key(s)),
                                          ids[i:i + SETTLE_STEP_DUES], now=self.now())
            time.sleep(SETTLE_PAUSE_S)
        if self.store.closing:
            return moved
        with self.store.write() as s:
            settle_rule_step(s, calendar_of(s, clock_key(s)), [], now=self.now())
        return moved

    def import_calendar_year(self, year: CalendarYear) -> int:
        """Store a published year and recompute the provisional due dates it settles;
        returns how many cases' due dates moved."""
        from clerk.cases.clock import settle_clock
        from clerk.cases.due import refresh

        with self.store.write() as s:
            calendar_store.store_year(s, year, now=self.now())
            cal = calendar_store.build_calendar(s)
            moved = refresh(s, cal, now=self.now())
            settle_clock(s, cal)  # the returned cases' clocks follow the new calendar
        self._calendar = None
        return moved

    def settle_supervision_clock(self) -> int:
        """Work out the returned cases' clocks (clerk.cases.clock) when they do not follow
        the calendar stored now: once after the upgrade that added them (or a calendar
        stored by a writer that did not), in small write transactions
        (clerk.cases.clock.settle_clock_step); otherwise two small reads. Returns how
        many rows were written."""
        from clerk.cases.clock import calendar_of, clock_current, clock_key, settle_clock_step

        with self.store.read() as s:
            if clock_current(s):
                return 0
            calendar_of(s, clock_key(s))  # built before the first write, not in it
        self._before_steps()
        written = 0
        while not self.store.closing:
            with self.store.write() as s:
                step = settle_clock_step(s)
            if step is None:
                break
            written += step
            time.sleep(SETTLE_PAUSE_S)
        return written

    def judge_unsettled(self) -> None:
        """Until the steps reach them, the lists judge the provisional cases by the date in
        force, worked out from each one's pauses (clerk.cases.queries.held_dues: at
        100,000 cases ~1,000 rows of ~14 KB, some 60 ms). Done once here, in a read before
        the steps wait for the integrity check, so the clerk's first red/yellow filter
        finds them judged (the lists keep what was worked out per calendar)."""
        from clerk.cases.queries import held_dues

        with self.store.read() as s:
            held_dues(s, self.supervision_cut())

    def _before_steps(self) -> None:
        """The first write waits for the integrity check, and so do the writes queued
        behind it (the clerk's): those go first, the steps a moment later."""
        if self.store.checking:
            self.store.wait_for_check()
            if not self.store.closing:
                time.sleep(SETTLE_START_S)

    def settle_after_open(self) -> tuple[int, int]:
        """What an upgrade or a calendar change left to work out over the cases, each in
        steps of a few milliseconds' write (a counter's save never waits long behind
        one), resumed by the next start when cut short: the provisional due dates of a
        changed rule, then the returned cases' clocks. Otherwise a few small reads.
        Returns (due dates moved, clock rows written)."""
        return self.settle_provisional_dues(), self.settle_supervision_clock()

    # --- catalog --------------------------------------------------------------------
    def matters(self) -> list[Matter]:
        with self.store.read() as s:
            return catalog_store.active_matters(s)

    def catalog_index(self) -> CatalogIndex:
        """The active catalog's search index. Its pinyin comes from the data directory's
        cache (written again when a name is new), so a start needs no pypinyin."""
        from clerk.catalog.spelling_cache import FILENAME, read_spellings, write_spellings

        folder = self.data_dir
        known = read_spellings(folder / FILENAME) if folder is not None else {}
        index = CatalogIndex(self.matters(), known)
        if folder is not None and index.spellings() != known:
            # Only a cache: when it cannot be written, the next start spells again.
            with contextlib.suppress(OSError):
                write_spellings(folder / FILENAME, index.spellings())
        return index

    def matter(self, code: str) -> Matter:
        """The active version of one matter of the station's catalog."""
        with self.store.read() as s:
            return catalog_store.get_matter(s, code)

    def import_matters(self, matters: list[Matter], source: str) -> dict[str, int]:
        with self.store.write() as s:
            return catalog_store.import_matters(s, matters, source=source, now=self.now())

    # --- issuing authority ------------------------------------------------------------
    def authority(self) -> Authority:
        """Who the station's documents are issued for; defaults until an admin confirms."""
        station = self.station()
        if station is None:
            raise StateError(
                QT_TRANSLATE_NOOP("errors", "本机尚未初始化站点，"
                                            "请先运行 init（或在首次启动时完成设置）。"),
                code="station.uninitialised")
        return read_authority(self.setting, station.name, station.code)

    def save_authority(self, station_level: str, reviewer: str, notice_rule: str = "") -> None:
        """Store (and so confirm) the issuing authority, the reviewing body and the rule."""
        values = validate_authority(station_level, reviewer, notice_rule)
        with self.store.write() as s:
            for key, value in values.items():
                row = s.get(Setting, key)
                if row is None:
                    s.add(Setting(key=key, value=value))
                else:
                    row.value = value

    # --- settings -------------------------------------------------------------------
    def yellow_ratio(self) -> float:
        """The station's supervision threshold (预警比例), as configured."""
        from clerk.cases.supervision import yellow_ratio

        return yellow_ratio(self.settings.get(options.YELLOW_RATIO))

    def supervision_cut(self, today: date | None = None) -> SupervisionCut:
        """The supervision rule of `today` (default: today in Beijing) with the station's
        calendar and yellow ratio, as the lists, the 待办 page and the reports apply it."""
        from clerk.cases.queries import SupervisionCut

        return SupervisionCut.build(self.calendar(), today or local_date(self.now()),
                                    self.yellow_ratio())

    # The stored text of a key; declared settings are read typed through ws.settings.
    def setting(self, key: str, default: str = "") -> str:
        return self.settings.get_text(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self.settings.set_text(key, value)


#: Open cases a step of settle_provisional_dues recomputes (each reads the case's data).
SETTLE_STEP_DUES = 20
#: Between two steps the lock is free a while: a writer waiting for it (SQLite's busy
#: handler polls, sleeping up to 100 ms) gets it instead of the next step.
SETTLE_PAUSE_S = 0.03
#: After the integrity check, before the first step (see Workspace._before_steps).
SETTLE_START_S = 0.5


def _settle_new_station(s: Session) -> None:
    """A new station's store: nothing to recompute, the rule and the calendar are the
    ones stored now (what settle_after_open finds done)."""
    from clerk.cases.clock import settle_clock
    from clerk.cases.due import settle_rule

    cal = calendar_store.build_calendar(s)
    settle_rule(s, cal)
    settle_clock(s, cal)


def _station(row: Station) -> StationInfo:
    return StationInfo(row.code, row.name, row.level, row.district_code, row.address, row.phone)

__all__ = ["LEVELS", "StationInfo", "Workspace", "validate_station_inputs"]
