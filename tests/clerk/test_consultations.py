"""咨询登记 (ws.consultations, `clerk consult`) and the print log's printed vs saved."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from clerk.cases.queries import DocumentOutputs, printed_documents
from clerk.cli import main
from clerk.errors import NotFoundError, ValidationError
from clerk.workspace import Workspace
from tests.clerk.case_builder import Cases
from tests.clerk.factories import DISTRICT, INSTANT
from tests.conftest import ADMIN, FakeClock, station_migrations

IdFactory = Callable[..., str]


def test_a_consultation_is_recorded_with_matter_time_and_clerk(
        tws: Workspace, clock: FakeClock) -> None:
    entry = tws.consultations.record(DISTRICT, note="  问了需要哪些材料  ")
    assert (entry.matter_code, entry.matter_name) == (DISTRICT, f"测试事项{DISTRICT}")
    assert entry.clerk == ADMIN and entry.note == "问了需要哪些材料" and entry.guide == ""
    assert entry.consulted_at == clock()
    printed = tws.consultations.record(INSTANT, guide="printed")
    assert printed.guide == "printed"
    assert [e.id for e in tws.consultations.between(date(2026, 3, 2), date(2026, 3, 2))] \
        == [entry.id, printed.id]
    assert tws.consultations.count(date(2026, 3, 2)) == 2
    assert tws.consultations.count(date(2026, 3, 3)) == 0


def test_the_day_is_beijings(tws: Workspace, clock: FakeClock) -> None:
    clock.set_local(date(2026, 3, 3), 0)  # 00:xx in Beijing is still 3-02 in UTC
    tws.consultations.record(DISTRICT)
    assert tws.consultations.count(date(2026, 3, 3)) == 1
    assert tws.consultations.count(date(2026, 3, 2)) == 0


@pytest.mark.parametrize("note", ["张三 身份证 110101199003071234", "电话13812345678回电",
                                  "x" * 201])
def test_bad_notes_are_refused_and_nothing_is_stored(tws: Workspace, note: str) -> None:
    with pytest.raises(ValidationError) as caught:
        tws.consultations.record(DISTRICT, note=note)
    assert caught.value.field == "note"
    assert tws.consultations.count(date(2026, 3, 2)) == 0


def test_unknown_or_missing_matter_is_refused(tws: Workspace) -> None:
    with pytest.raises(NotFoundError):
        tws.consultations.record("NO-SUCH-MATTER")
    with pytest.raises(ValidationError):
        tws.consultations.record("  ")
    with pytest.raises(ValidationError):
        tws.consultations.record(DISTRICT, guide="faxed")  # type: ignore[arg-type]
    assert tws.consultations.count(date(2026, 3, 2)) == 0


def test_the_report_counts_consultations_apart_from_cases(
        ws: Workspace, cases: Cases) -> None:
    cases.accepted()
    code = ws.matters()[0].code
    for _ in range(3):
        ws.consultations.record(code)
    report = ws.case_lists.station_report(date(2026, 3, 1), date(2026, 3, 2),
                                          ws.supervision_cut())
    assert report.consulted == 3 and report.consultations[code] == 3
    assert report.received() == 1  # the consultations are not cases
    day_after = ws.documents.daily_report(date(2026, 3, 3)).summary
    assert day_after.consulted == 0


def test_cli_consult(tws: Workspace, data_dir: Path, capsys: pytest.CaptureFixture[str],
                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    d = ["--data-dir", str(data_dir)]
    assert main(["consult", "--matter", DISTRICT, "--note", "问低保条件", "--json", *d]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["matter_code"] == DISTRICT and out["clerk"] == ADMIN and out["note"] == "问低保条件"
    assert main(["consult", "--matter", DISTRICT, "--note", "13812345678", *d]) == 2
    assert "个人信息" in capsys.readouterr().err
    assert main(["consult", "--matter", "NOPE", *d]) == 1
    # the command line runs on the real clock: any day
    assert len(tws.consultations.between(date(2000, 1, 1), date(2100, 1, 1))) == 1


# --- printed vs saved ---------------------------------------------------------------------

def _receipt(ws: Workspace, cases: Cases) -> tuple[str, str]:
    case_no = cases.accepted()
    return case_no, ws.cases.get(case_no).id


def test_rendering_logs_nothing_and_each_output_is_told_apart(ws: Workspace,
                                                             cases: Cases) -> None:
    from printing.issue import renderer

    case_no, case_id = _receipt(ws, cases)
    doc = ws.documents.issue(case_no, "receipt", renderer(), output=None)
    with ws.store.read() as s:
        assert printed_documents(s, case_id) == {}  # previewed, closed: still 未打印
    ws.documents.record_output(doc, "saved")
    with ws.store.read() as s:
        assert printed_documents(s, case_id) == {doc.doc_no: DocumentOutputs(0, 1)}
    again = ws.documents.issue(case_no, "receipt", renderer(), output="printed")
    assert again.reprint  # a saved PDF is a copy in circulation: the next one is 补打
    with ws.store.read() as s:
        assert printed_documents(s, case_id) == {doc.doc_no: DocumentOutputs(1, 1)}
    with pytest.raises(ValidationError):
        ws.documents.record_output(doc, "faxed")  # type: ignore[arg-type]


def test_cli_print_logs_a_saved_pdf(ws: Workspace, cases: Cases, data_dir: Path,
                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    case_no, case_id = _receipt(ws, cases)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    out = tmp_path / "r.pdf"
    assert main(["print", "receipt", case_no, "--out", str(out), "--data-dir",
                 str(data_dir)]) == 0
    capsys.readouterr()
    with ws.store.read() as s:
        (outputs,) = printed_documents(s, case_id).values()
    assert outputs == DocumentOutputs(printed=0, saved=1)


def test_0008_keeps_earlier_prints_as_printed_and_downgrades(
        ws: Workspace, cases: Cases) -> None:
    """A store of the previous release: its print log rows were written by the print path
    and stay 'printed'; consultations start empty; the revision goes back down cleanly."""
    from alembic import command
    from sqlalchemy import create_engine, text

    from printing.issue import renderer

    case_no, case_id = _receipt(ws, cases)
    ws.documents.issue(case_no, "receipt", renderer(), output="saved")
    ws.consultations.record(ws.matters()[0].code)
    path = ws.store.path
    assert path is not None
    ws.close()
    from tests.conftest import raw_store

    # The store is encrypted: every connection keyed from the test keyring.
    engine = create_engine(f"sqlite:///{path}", creator=lambda: raw_store(path))
    cfg = station_migrations(engine)
    command.downgrade(cfg, "0007")
    with engine.connect() as c:
        tables = {r[0] for r in c.execute(text("SELECT name FROM sqlite_master"))}
        columns = {r[1] for r in c.execute(text("PRAGMA table_info(print_log)"))}
    assert "consultations" not in tables and "output" not in columns
    engine.dispose()
    again = Workspace.open(path.parent)
    try:
        with again.store.read() as s:
            assert printed_documents(s, case_id) == {
                next(iter(printed_documents(s, case_id))): DocumentOutputs(printed=1)}
        assert again.consultations.count(date(2026, 3, 2)) == 0
    finally:
        again.close()
