"""The English translation: complete, faithful to placeholders and markup, compiled, loadable."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "stationdesk_resources" / "translations" / "stationdesk_en.ts"
QM = ROOT / "stationdesk_resources" / "translations" / "stationdesk_en.qm"

#: Python str.format fields ({0}, {}, {name}) and Qt args (%1, %n).
_PLACEHOLDER = re.compile(r"\{[A-Za-z0-9_]*\}|%\d+|%n")
_TAG = re.compile(r"<[^<>]+>")
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
_SHORTCUT = re.compile(r"\b(?:Ctrl\+(?:Enter|[A-Z])|F\d{1,2}|Esc)\b")


def _mnemonics(text: str) -> int:
    """Count `&X` keyboard mnemonics (not `&&`, not entities such as `&nbsp;`)."""
    text = _ENTITY.sub("", text).replace("&&", "")
    return len(re.findall(r"&(?=\S)", text))


def _messages() -> Iterator[tuple[str, str, ET.Element | None]]:
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message.findtext("source") or "", message.find("translation")


MESSAGES = list(_messages())


def test_ts_has_messages() -> None:
    assert len(MESSAGES) > 600


@pytest.mark.parametrize(("context", "source", "translation"), MESSAGES,
                         ids=[f"{c}:{i}" for i, (c, _s, _t) in enumerate(MESSAGES)])
def test_message_translated_faithfully(context: str, source: str,
                                       translation: ET.Element | None) -> None:
    assert translation is not None, "no <translation> element"
    assert translation.get("type") not in ("unfinished", "vanished", "obsolete")
    text = translation.text or ""
    assert text.strip(), "empty translation"
    assert Counter(_PLACEHOLDER.findall(text)) == Counter(_PLACEHOLDER.findall(source)), \
        "placeholders differ"
    assert Counter(_TAG.findall(text)) == Counter(_TAG.findall(source)), "HTML tags differ"
    assert Counter(_ENTITY.findall(text)) == Counter(_ENTITY.findall(source)), "entities differ"
    assert Counter(_SHORTCUT.findall(text)) == Counter(_SHORTCUT.findall(source)), \
        "keyboard shortcuts differ"
    assert _mnemonics(text) == min(_mnemonics(source), 1), "mnemonic (&X) lost or doubled"


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def test_qm_is_compiled_from_current_ts(tmp_path: Path) -> None:
    assert QM.exists(), "run scripts/i18n.sh"
    # (file times say nothing in a fresh clone: the bytes are compared instead)
    tool = _lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease not available")
    fresh = tmp_path / "fresh.qm"
    run = subprocess.run([tool, str(TS), "-qm", str(fresh)], capture_output=True, text=True,
                         check=True)
    assert "0 unfinished" in run.stdout, run.stdout
    assert fresh.read_bytes() == QM.read_bytes(), "the committed .qm is not the compiled .ts"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(QM))
    assert qapp.installTranslator(translator)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)


def test_translator_gives_english(english: QTranslator) -> None:
    tr = QCoreApplication.translate
    assert tr("MainWindow", "受理") == "Intake"
    assert tr("MainWindow", "办件") == "Cases"
    assert tr("MainWindow", "设置") == "Settings"
    assert tr("DecisionPanel", "受理并出具回执  F9") == "Accept + receipt  F9"
    assert tr("CaseDetail", "撤回(&W)") == "Withdraw (&W)"
    assert tr("MainWindow", "待同步事件：{0}").format(3) == "Unsynced events: 3"
    # Unknown strings fall back to the Chinese source.
    assert tr("MainWindow", "不存在的字符串") == "不存在的字符串"


def test_translator_removed_after_use(english: QTranslator, qapp: QApplication) -> None:
    qapp.removeTranslator(english)
    assert QCoreApplication.translate("MainWindow", "办件") == "办件"


def test_install_translator_switches_and_resets(qapp: QApplication) -> None:
    from ui.common.i18n import install_translator

    try:
        assert install_translator(qapp, "en")
        assert QCoreApplication.translate("MainWindow", "设置") == "Settings"
    finally:
        assert not install_translator(qapp, "zh_CN")
    assert QCoreApplication.translate("MainWindow", "设置") == "设置"


def test_domain_errors_read_in_the_interface_language(english: QTranslator) -> None:
    from clerk.errors import StateError
    from clerk.validation import parse_resident_id
    from ui.common.operations import error_text

    with pytest.raises(Exception) as err:
        parse_resident_id("11010519491231002" + "0")  # a wrong check digit
    text = error_text(err.value)
    assert text.startswith("The ID number does not check: from the first 17 characters the "
                           "18th should be “X”, not “0”."), text
    # The district's refusals too: the client keeps its template and values.
    from apiclient.http import SyncError

    refused = SyncError("一批最多 500 条事件和留言，本批 501 条；请分批推送。",
                        code="batch.too_large",
                        template="一批最多 {limit} 条事件和留言，本批 {size} 条；请分批推送。",
                        params={"limit": "500", "size": "501"})
    assert error_text(refused) == ("A batch holds at most 500 events and notes, this one 501; "
                                   "push it in parts.")
    # The client's own words as well; a value that is a marked message is translated too.
    from apiclient.retry import TransportError
    from sync import credentials

    offline = TransportError("无法连接区中心：网络不通，或区中心服务器暂时没有响应"
                             "（已试 {attempts} 次）。本站照常办件，网络恢复后会自动"
                             "同步；如持续半天以上，请联系区中心。",
                             params={"error": "ConnectionError", "attempts": 5})
    assert offline.message.startswith("无法连接区中心：网络不通") and "5 次" in offline.message
    assert "ConnectionError" not in offline.message  # words for a clerk, not a class name
    assert error_text(offline).startswith("Cannot reach the district center: the network is "
                                          "down or the district server is not answering "
                                          "(5 attempts).")
    keyring_failed = credentials.CredentialsError(
        "无法把设备令牌写入密钥环（{kind}）。{advice}",
        params={"kind": "KeyringLocked", "advice": credentials.NO_BACKEND})
    assert error_text(keyring_failed).startswith(
        "Cannot write the device token to the keyring (KeyringLocked). This machine has no "
        "usable system keyring")
    # Without a translation (or in Chinese) the domain's own words, values filled in.
    unknown = StateError("没有这样的模板 {n}。", params={"n": 3})
    assert error_text(unknown) == "没有这样的模板 3。" == unknown.message


def test_every_domain_error_template_is_collected(english: QTranslator) -> None:
    """Each message the domain marks for translation is in the .ts (scripts/i18n.sh)."""
    marked = set()
    parts = ("clerk", "district", "apiclient", "sync", "staff_client")
    for path in [p for part in parts for p in (ROOT / part).rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r'QT_TRANSLATE_NOOP\(\s*"errors",\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)',
                             text):
            marked.add("".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))))
    in_ts = {source for context, source, _t in MESSAGES if context == "errors"}
    assert len(marked) > 60
    assert marked <= in_ts, sorted(marked - in_ts)[:5]


def test_catalog_publish_changes_read_in_the_interface_language(
        english: QTranslator) -> None:
    """The district admin's publish preview (issue 17): the change texts come as
    templates and values; the window words them in English, names stay as the file has
    them, and the Chinese words travel beside them for other clients."""
    import dataclasses

    from clerk.catalog.changes import compare
    from district.publishing import _wire
    from tests.clerk.factories import DISTRICT, matter
    from ui.district.admin_publish import change_details
    from wire.admin import MatterChange

    old = matter(DISTRICT)
    new = dataclasses.replace(old, version=2, legal_limit_days=None,
                              materials=old.materials[1:], department="区人力社保局")
    (diff,) = compare([old], [new], {})
    change = MatterChange(code=diff.code, name=diff.name, change=diff.change,
                          details=list(diff.details), parts=[_wire(p) for p in diff.parts])
    english_text = change_details(change)
    assert "Legal limit: 20 working days → not set by law" in english_text
    assert f"Material removed: {old.materials[0].name}" in english_text
    assert "Department: 区民政局 → 区人力社保局" in english_text
    assert "法定时限：20个工作日 → 法律法规未规定" in change.details
    # a district that sends no templates: its Chinese words
    assert change_details(change.model_copy(update={"parts": []})) == "；".join(change.details)


def test_publish_preview_problems_read_in_the_interface_language(
        english: QTranslator) -> None:
    """A catalog or holiday file's problems in the publish preview are worded in English
    in the English interface (every problem, with where it is); the Chinese lines travel
    beside them for the CLI and other clients."""
    from district.publishing import _parse, _problems
    from ui.district.admin_publish import problem_lines
    from wire.admin import PublishPreview, PublishRequest

    catalog = ('{"format": "stationdesk-catalog", "version": 1, "matters": '
               '[{"code": "X1", "materials": "none"}]}')
    _, found = _parse(PublishRequest(kind="catalog", file_name="bad.json", content=catalog))
    preview = PublishPreview(kind="catalog", ok=False, **_problems(found))
    english_lines = problem_lines(preview)
    assert len(english_lines) == len(preview.problems) > 3
    assert "catalog file bad.json, matter X1, field name: required key missing" in english_lines
    assert ("catalog file bad.json, matter X1, field materials: should be an array, is a string"
            in english_lines)
    assert not any(re.search(r"[\u4e00-\u9fff]", line) for line in english_lines), english_lines
    assert "目录文件 bad.json，事项 X1，字段 name：缺少必填项" in preview.problems

    year = '{"format": "stationdesk-calendar", "version": 1, "year": 2027}'
    _, found = _parse(PublishRequest(kind="calendar", file_name="2027.json", content=year))
    preview = PublishPreview(kind="calendar", ok=False, **_problems(found))
    (line,) = problem_lines(preview)
    assert line.startswith("Holiday file “2027.json”, the file’s top level is wrong: lacks "
                           "fields “source”“official”“days”."), line
    # a district of an earlier version sends only the Chinese words
    older = preview.model_copy(update={"problem_parts": []})
    assert problem_lines(older) == preview.problems
