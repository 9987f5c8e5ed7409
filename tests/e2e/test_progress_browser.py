"""The public progress page in a real browser (Debian's Chromium through chromedriver)
against the district as a uvicorn subprocess, from the QR code of a rendered receipt to
the citizen's rating on the district's 好差评 statistics and back to the station.

Screenshots of both viewports are written to the test's folder (and, when
STATIONDESK_SCREENSHOTS names a folder, there too, to be looked at).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from clerk.applicants import PersonInput
from clerk.cases.service import MaterialChanges
from clerk.errors import StateError
from clerk.options import SYNC_PROGRESS_URL
from clerk.workspace import Workspace
from printing.issue import renderer
from sync import engine
from tests.clerk.factories import ALL_NEEDED, INSTANT
from tests.conftest import STATION_CODE, FakeClock
from tests.districtkit import (
    API,
    PASSWORD,
    District,
    ServerProcess,
    accepted_case,
    enroll_station,
    free_port,
)

pytestmark = pytest.mark.slow
CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
PHONE, DESKTOP = (390, 844), (1366, 768)
IdFactory = Callable[..., str]

needs_browser = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(DRIVER).exists() and shutil.which("zbarimg")),
    reason="chromium, chromium-driver and zbar-tools are installed by ./test (TEST_DEBS)")


@pytest.fixture
def district(sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
             ) -> Iterator[District]:
    """The district as `python -m district serve`, its public address set by environment."""
    port = free_port()
    monkeypatch.setenv("STATIONDESK_DISTRICT_PUBLIC_URL", f"http://127.0.0.1:{port}/")
    with ServerProcess(sqlite_url, port=port, log=tmp_path / "server.log") as proc, \
            requests.Session() as http:
        yield District(url=sqlite_url, base=proc.base, http=http)


class Browser:
    def __init__(self, shots: Path) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                    "--disable-gpu", "--lang=zh-CN", "--window-size=1366,768"):
            options.add_argument(arg)
        # Given the driver's path, selenium looks for nothing online.
        self.driver = webdriver.Chrome(service=Service(DRIVER), options=options)
        self.shots = shots

    def viewport(self, size: tuple[int, int], *, mobile: bool) -> None:
        width, height = size
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})

    def open(self, url: str) -> None:
        self.driver.get(url)

    def field(self, name: str) -> Any:
        return self.driver.find_element("name", name)

    def submit(self, css: str = "form button") -> None:
        """Click and wait until the answer has replaced the page (a form post)."""
        from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
        from selenium.webdriver.support.wait import WebDriverWait

        old = self.driver.find_element("tag name", "html")
        self.driver.find_element("css selector", css).click()

        def replaced(_driver: Any) -> bool:
            # Chromium says the old node is gone in one of two ways, depending on when in
            # the navigation it is asked: a stale reference, or an inspector error.
            try:
                old.is_enabled()
            except StaleElementReferenceException:
                return True
            except WebDriverException as exc:
                if "does not belong to the document" in str(exc):
                    return True
                raise
            return False

        WebDriverWait(self.driver, 20).until(replaced)

    def text(self) -> str:
        return str(self.driver.find_element("tag name", "body").text)

    def shot(self, name: str) -> Path:
        path = self.shots / f"{name}.png"
        self.driver.save_screenshot(str(path))
        extra = os.environ.get("STATIONDESK_SCREENSHOTS")
        if extra:
            Path(extra).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(extra) / path.name)
        return path


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    b = Browser(tmp_path)
    try:
        yield b
    finally:
        b.driver.quit()


def qr_of(pdf: bytes, folder: Path) -> str:
    """The QR code's content, read back from the printed page's image (pdftoppm, zbarimg)."""
    folder.mkdir()
    src = folder / "doc.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", str(src),
                    str(folder / "page")], check=True)
    page = next(folder.glob("page*.png"))
    out = subprocess.run(["zbarimg", "--raw", "-q", str(page)], capture_output=True,
                         text=True, check=False)
    return out.stdout.strip()


def completed(ws: Workspace, id_no: str) -> str:
    rec = ws.cases.new_case(matter_code=INSTANT, applicant=PersonInput(name="李四", id_no=id_no),
                            changes=MaterialChanges(received=ALL_NEEDED))
    ws.cases.accept(rec.case_no)
    return ws.cases.complete(rec.case_no).case_no


def reviewer(d: District) -> str:
    d.user("li.shen")
    r = d.http.post(f"{d.base}{API}/auth/login",
                    json={"username": "li.shen", "password": PASSWORD})
    return str(r.json()["token"])


@needs_browser
def test_from_the_receipts_qr_to_a_rating_on_the_district_board(
        district: District, sws: Workspace, browser: Browser, tmp_path: Path,
        id_factory: IdFactory, clock: FakeClock) -> None:
    from district import admin

    clock.moment = datetime.now(UTC)  # the server runs on the real clock: stay in step
    base = district.base
    enroll_station(sws, district)
    db = district.db()
    try:
        admin.set_station_contact(db, station_code=STATION_CODE, address="学院路街道1号",
                                  phone="010-62000000")
    finally:
        db.close()
    offline = accepted_case(sws, id_factory(1))
    # Before the first round the station does not know the page: no code, no promise of one.
    before = sws.documents.issue(offline.case_no, "receipt", renderer(), output="printed").pdf
    assert qr_of(before, tmp_path / "a") == ""
    done_id = id_factory(2)
    done = completed(sws, done_id)
    assert engine.sync_round(sws).outcome == "done"
    assert sws.settings.get(SYNC_PROGRESS_URL) == base
    receipt = sws.documents.issue(offline.case_no, "receipt", renderer(), output="printed").pdf
    url = qr_of(receipt, tmp_path / "b")
    assert url == f"{base}/p/{offline.case_no}"

    # The phone opens the QR's URL: the case number is filled in.
    browser.viewport(PHONE, mobile=True)
    browser.open(url)
    assert browser.field("c").get_attribute("value") == offline.case_no
    browser.shot("phone-form")
    browser.field("last4").send_keys(id_factory(1)[-4:])
    browser.submit()
    text = browser.text()
    assert "已受理，正在办理" in text and "学院路街道1号" in text and "010-62000000" in text
    assert "张三" not in text and id_factory(1) not in text
    assert browser.driver.execute_script("return document.documentElement.scrollWidth") <= 390
    browser.shot("phone-case")

    # The result notice's code leads to the rating; the citizen rates on the phone.
    result = sws.documents.issue(done, "result", renderer(), output="printed").pdf
    rate_url = qr_of(result, tmp_path / "c")
    assert rate_url == f"{base}/p/{done}"
    browser.open(rate_url)
    browser.field("last4").send_keys(done_id[-4:])
    browser.submit()
    browser.driver.find_element("css selector", "input[name=score][value='2']").click()
    browser.field("comment").send_keys("排队时间太长")
    browser.shot("phone-rating")
    browser.submit("form.rating button")
    assert "谢谢您的评价" in browser.text() and "修改评价" in browser.text()
    browser.shot("phone-rated")

    # The district's 好差评 statistics and its follow-up list have it, as the citizen's own.
    staff = reviewer(district)
    board = district.get("/oversight/ratings", staff).json()
    assert board["overall"]["counts"]["2"] == 1 and board["overall"]["channels"]["phone"] == 1
    items = district.get("/oversight/followups", staff).json()["items"]
    assert [(i["case_no"], i["channel"], i["comment"]) for i in items] == [
        (done, "phone", "排队时间太长")]

    # The station learns it at its next round and does not ask again.
    assert engine.sync_round(sws).outcome == "done"
    with pytest.raises(StateError, match="手机"):
        sws.cases.rate(done, 5)

    # Desktop, and a wrong tail slowed down (never a lockout of the applicant).
    browser.viewport(DESKTOP, mobile=False)
    browser.open(f"{base}/p?c={offline.case_no}")
    browser.shot("desktop-form")
    wrong = "0000" if id_factory(1)[-4:] != "0000" else "1111"
    # The server runs on the real clock: after the 3 free failures each wait doubles
    # (1, 2, 4 … s), so a slow machine may outlast the first waits, never all of them.
    answers = []
    for _ in range(10):
        browser.field("last4").send_keys(wrong)
        browser.submit()
        answers.append("查询过于频繁" in browser.text())
        if answers[-1]:
            break
        assert "没有查到" in browser.text()
    assert answers[:3] == [False] * 3 and answers[-1], answers
    browser.shot("desktop-throttled")
