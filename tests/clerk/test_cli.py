"""`python -m clerk`: command names, exit statuses, --json, --data-dir, and no PII in output."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from clerk.calendar import CalendarDay, CalendarYear, DayKind, dump_year_file
from clerk.catalog import dump_catalog
from clerk.cli import main
from clerk.store import DB_FILENAME
from tests.clerk.factories import ALL_NEEDED, DISTRICT, INSTANT, sample_matters
from tests.conftest import ADMIN

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    def _run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err
    return _run


@pytest.fixture
def station(run: Run, data_dir: Path, tmp_path: Path) -> Path:
    catalog = tmp_path / "test-catalog.json"
    catalog.write_text(dump_catalog(sample_matters()), encoding="utf-8")
    code, _, err = run("catalog", "import", str(catalog), "--data-dir", str(data_dir))
    assert code == 0, err
    return data_dir


def test_init_creates_station(run: Run, tmp_path: Path) -> None:
    d = tmp_path / "new"
    code, out, err = run("--data-dir", str(d), "--json", "init", "--station-code", "110105002003",
                         "--station-name", "朝阳区某社区便民服务站", "--admin", "chief",
                         "--password-stdin", stdin="s3cret-pass\n")
    assert code == 0, err
    data = json.loads(out)
    assert data["code"] == "110105002003" and data["district_code"] == "110105"
    assert data["matters"] >= 15  # the bundled catalog
    code, _, err = run("--data-dir", str(d), "init", "--station-code", "110105002003",
                       "--station-name", "x", "--admin", "chief", "--password-stdin",
                       stdin="s3cret-pass\n")
    assert code == 2 and "已初始化" in err


def test_init_rejects_bad_code_and_stores_nothing(run: Run, tmp_path: Path) -> None:
    d = tmp_path / "bad"
    code, _, err = run("--data-dir", str(d), "init", "--station-code", "310101001001",
                       "--station-name", "上海", "--admin", "chief", "--password-stdin",
                       stdin="s3cret-pass\n")
    assert code == 2 and "错误" in err
    code, _, err = run("--data-dir", str(d), "case", "list")
    assert code == 1 and "没有站点数据" in err


def test_uninitialised_dir_is_not_created(run: Run, tmp_path: Path) -> None:
    d = tmp_path / "nothing"
    code, _, err = run("catalog", "list", "--data-dir", str(d))
    assert code == 1 and "init" in err
    assert not (d / DB_FILENAME).exists()


def test_validate_commands(run: Run, id_factory: Callable[..., str]) -> None:
    good = id_factory(7)
    code, out, _ = run("validate", "id-no", good)
    assert code == 0 and good not in out and good[:6] in out and good[-4:] in out
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    code, _, err = run("validate", "id-no", bad)
    assert code == 2 and "校验" in err
    assert run("validate", "uscc", "91110108MA01ABCD1X")[0] == 2
    from clerk.validation import make_uscc
    assert run("validate", "uscc", make_uscc("91110108MA01ABCD1"))[0] == 0


DOCUMENT_TYPE_NAMES = ["resident_id", "gat_residence_permit", "foreign_permanent_resident",
                       "hk_macau_pass", "taiwan_pass", "passport"]


@pytest.mark.parametrize("id_type", DOCUMENT_TYPE_NAMES)
def test_validate_document_every_type(run: Run, id_type: str) -> None:
    import random

    from clerk.id_documents import random_document, validate_document

    good = random_document(random.Random(5), id_type)
    stored = validate_document(id_type, good).number
    code, out, err = run("validate", "document", "--type", id_type, good)
    assert code == 0, err
    assert out.startswith("有效：") and stored not in out  # masked, never the full number
    code, out, _ = run("--json", "validate", "document", "--type", id_type, good)
    data = json.loads(out)
    assert code == 0 and data["valid"] is True and data["type"] == id_type
    assert data["masked"] != stored and len(data["masked"]) == len(stored)
    code, out, err = run("validate", "document", "--type", id_type, good[:-2] + "?")
    assert code == 2 and out == "" and err.startswith("错误：")


def test_validate_document_names_and_id_no_unchanged(run: Run,
                                                     id_factory: Callable[..., str]) -> None:
    with pytest.raises(SystemExit) as info:  # argparse lists the six names
        run("validate", "document", "--type", "driving_licence", "1")
    assert info.value.code == 2
    good = id_factory(3)
    assert run("validate", "id-no", good)[0] == 0
    code, _, err = run("validate", "document", "--type", "taiwan_pass", "1234567801")
    assert code == 2 and "前8位" in err
    from clerk.validation import make_resident_id

    permit = make_resident_id("810000", date(1980, 5, 17), 3)
    typo = permit[:-1] + ("0" if permit[-1] != "0" else "1")
    code, out, err = run("--json", "validate", "document", "--type", "gat_residence_permit",
                         typo)
    assert code == 2 and out == "" and "港澳台居民居住证号码校验不通过" in err


def test_applicant_and_case_with_other_documents(run: Run, station: Path) -> None:
    d = ("--data-dir", str(station))
    code, out, err = run("--json", "applicant", "add", "--name", "Ivan Petrov", "--id-type",
                         "passport", "--id-no", "FRA 12AB34567", *d)
    assert code == 0, err
    added = json.loads(out)
    assert added["id_type"] == "passport" and added["id_no_masked"] == "FRA-1*****567"
    code, out, _ = run("--json", "applicant", "find", "--id-no", "fra12ab34567",
                       "--id-type", "passport", *d)
    assert code == 0 and json.loads(out)["id"] == added["id"]
    code, _, _ = run("applicant", "find", "--id-no", "FRA 12AB34567", "--id-type",
                     "taiwan_pass", *d)
    assert code == 1  # identity is (type, number)
    code, out, err = run("--json", "case", "new", "--matter", INSTANT, "--id-type",
                         "hk_macau_pass", "--id-no", "M12345678", "--name", "澳门居民",
                         "--agent-name", "代理人", "--agent-id-type", "taiwan_pass",
                         "--agent-id-no", "87654321", *d)
    assert code == 0, err
    case = json.loads(out)
    assert case["applicant_id_type"] == "hk_macau_pass"
    assert case["applicant_id_no"] == "M*****678" and "M12345678" not in out
    code, _, err = run("case", "new", "--matter", INSTANT, "--id-type", "hk_macau_pass",
                       "--id-no", "12345678", "--name", "x", *d)
    assert code == 2 and "H" in err


def test_calendar_due(run: Run, data_dir: Path) -> None:
    code, out, _ = run("calendar", "due", "--from", "2026-09-29", "--days", "5",
                       "--data-dir", str(data_dir))
    assert code == 0 and out.strip() == "2026-10-12"
    code, out, _ = run("calendar", "due", "--from", "2026-12-28", "--days", "10", "--json",
                       "--data-dir", str(data_dir))
    assert json.loads(out)["provisional"] is True


def test_calendar_due_before_init(run: Run, tmp_path: Path) -> None:
    """No station yet: the bundled calendar answers, and no database appears."""
    empty = tmp_path / "nothing-here"
    code, out, err = run("calendar", "due", "--from", "2026-12-04", "--days", "20",
                         "--data-dir", str(empty))
    assert code == 0, err
    assert out.startswith("2027-01-04（暂定")  # 元旦 2027-01-01 is off by statute
    assert not empty.exists() or not any(empty.iterdir())
    code, out, _ = run("calendar", "due", "--from", "2027-02-04", "--days", "1", "--json",
                       "--data-dir", str(empty))
    assert json.loads(out) == {"from": "2027-02-04", "days": 1, "due": "2027-02-09",
                               "provisional": True}  # 春节 2027-02-05..08


def test_calendar_due_uses_the_published_years(run: Run, data_dir: Path,
                                               tmp_path: Path) -> None:
    f = tmp_path / "2027.json"
    f.write_text(dump_year_file(CalendarYear(2027, "测试：国务院办公厅通知", True, tuple(
        CalendarDay(date(2027, 1, d), DayKind.HOLIDAY, "元旦", "") for d in range(1, 5)))),
        encoding="utf-8")
    assert run("calendar", "import", str(f), "--data-dir", str(data_dir))[0] == 0
    code, out, _ = run("calendar", "due", "--from", "2026-12-04", "--days", "20",
                       "--data-dir", str(data_dir))
    assert code == 0 and out.strip() == "2027-01-05"  # official: no longer provisional


def test_calendar_due_zero_and_negative_days(run: Run, tmp_path: Path) -> None:
    d = ["--data-dir", str(tmp_path)]
    code, out, _ = run("calendar", "due", "--from", "2026-12-04", "--days", "0", *d)
    assert code == 0 and out.strip() == "2026-12-04（0 个工作日：即办，当日到期）"
    code, out, err = run("calendar", "due", "--from", "2026-12-04", "--days", "-3", *d)
    assert code == 2 and out == "" and "不能为负数" in err and "-3" in err
    code, _, err = run("calendar", "due", "--from", "2026-12-04", "--days", "3651", *d)
    assert code == 2 and "3650" in err


def test_calendar_import_bad_file_stores_nothing(run: Run, data_dir: Path,
                                                 tmp_path: Path) -> None:
    f = tmp_path / "y.json"
    f.write_text('{"format": "stationdesk-calendar", "version": 1, "year": 2027}')
    code, _, err = run("calendar", "import", str(f), "--data-dir", str(data_dir))
    assert code == 2 and "y.json" in err


def test_catalog_validate_reports_file_matter_and_field(run: Run, tmp_path: Path) -> None:
    data = json.loads(dump_catalog(sample_matters()))
    data["matters"][1]["materials"][0]["necessity"] = "sometimes"
    f = tmp_path / "broken.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = run("catalog", "validate", str(f))
    assert code == 2
    assert "broken.json" in err and "T-STATION-001" in err and "necessity" in err


def test_catalog_import_rejects_whole_file(run: Run, station: Path, tmp_path: Path) -> None:
    data = json.loads(dump_catalog(sample_matters()))
    data["matters"][0]["name"] = "新名字"
    data["matters"][0]["version"] = 5
    data["matters"][2]["committed_limit_days"] = -1
    f = tmp_path / "half.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run("catalog", "import", str(f), "--data-dir", str(station))[0] == 2
    code, out, _ = run("catalog", "show", DISTRICT, "--data-dir", str(station), "--json")
    assert code == 0 and json.loads(out)["version"] == 1


def test_case_flow_through_cli(run: Run, station: Path, id_factory: Callable[..., str]) -> None:
    d = ["--data-dir", str(station)]
    id_no = id_factory(3)
    code, out, err = run("case", "new", "--matter", DISTRICT, "--id-no", id_no, "--name", "赵六",
                         "--received", "id_card", *d)
    assert code == 0, err
    case_no = out.splitlines()[0]
    assert case_no.startswith("110108001001-")
    assert run("case", "accept", case_no, *d)[0] == 1  # refused: incomplete
    code, out, _ = run("case", "notice", case_no, *d)
    assert code == 0 and "户口簿" in out
    code, out, _ = run("case", "supplement", case_no, "--received", *ALL_NEEDED[1:], *d)
    assert code == 0
    code, out, _ = run("case", "accept", case_no, "--json", *d)
    assert code == 0 and json.loads(out)["state"] == "accepted"
    code, out, _ = run("case", "show", case_no, *d)
    assert code == 0 and "时间线" in out and "受理" in out
    assert id_no not in out  # only the masked number is shown
    code, out, _ = run("case", "list", "--state", "accepted", "--json", *d)
    assert [c["case_no"] for c in json.loads(out)] == [case_no]
    code, out, _ = run("applicant", "find", "--id-no", id_no, "--json", *d)
    found = json.loads(out)
    assert found["name"] == "赵六" and id_no not in out
    assert {x["material_key"] for x in found["documents_on_file"]} >= {"id_card"}


def test_instant_and_refusal_through_cli(run: Run, station: Path,
                                         id_factory: Callable[..., str]) -> None:
    d = ["--data-dir", str(station)]
    case_no = run("case", "new", "--matter", INSTANT, "--id-no", id_factory(4), "--name", "钱七",
                  "--received", *ALL_NEEDED, "--clerk", ADMIN, *d)[1].strip()
    assert run("case", "accept", case_no, *d)[0] == 0
    code, out, _ = run("case", "complete", case_no, "--rating", "4", "--json", *d)
    assert code == 0 and json.loads(out)["rating"]["score"] == 4
    other = run("case", "new", "--matter", DISTRICT, "--id-no", id_factory(5), "--name", "孙八",
                *d)[1].splitlines()[0]
    assert run("case", "refuse", other, "--reason", "", *d)[0] == 2
    assert run("case", "refuse", other, "--reason", "不符合条件", *d)[0] == 0
    assert run("case", "show", "110108001001-20990101-0001", *d)[0] == 1


def test_rating_channel_through_cli(run: Run, station: Path,
                                    id_factory: Callable[..., str]) -> None:
    d = ["--data-dir", str(station)]
    made = []
    for n in (6, 7):
        case_no = run("case", "new", "--matter", INSTANT, "--id-no", id_factory(n), "--name",
                      "钱七", "--received", *ALL_NEEDED, "--clerk", ADMIN, *d)[1].strip()
        assert run("case", "accept", case_no, *d)[0] == 0
        made.append(case_no)
    code, out, _ = run("case", "complete", made[0], "--rating", "5", "--channel", "phone",
                       "--json", *d)
    assert code == 0 and json.loads(out)["rating"]["channel"] == "phone"
    assert run("case", "complete", made[1], *d)[0] == 0
    code, _, err = run("case", "rate", made[1], "--score", "3", "--channel", "kiosk", *d)
    assert code == 2 and "kiosk" in err and "clerk_on_behalf" in err  # a worded error
    code, out, _ = run("case", "rate", made[1], "--score", "3", "--channel", "clerk_on_behalf",
                       "--clerk", ADMIN, "--json", *d)
    rating = json.loads(out)["rating"]
    assert rating["channel"] == "clerk_on_behalf" and rating["entered_by"] == ADMIN
    code, out, _ = run("case", "show", made[1], *d)
    assert code == 0 and "评价：3 基本满意（窗口人员代为录入（" in out


def test_bad_clerk_and_bad_id(run: Run, station: Path, id_factory: Callable[..., str]) -> None:
    d = ["--data-dir", str(station)]
    code, _, err = run("case", "new", "--matter", DISTRICT, "--id-no", "123", "--name", "x", *d)
    assert code == 2 and "18" in err
    code, _, err = run("case", "new", "--matter", DISTRICT, "--id-no", id_factory(9),
                       "--name", "x", "--clerk", "nobody", *d)
    assert code == 1 and "nobody" in err
    assert run("case", "list", "--json", *d)[1].strip() == "[]"


def test_audit_and_backup(run: Run, station: Path, tmp_path: Path) -> None:
    d = ["--data-dir", str(station)]
    assert run("audit", "verify", *d)[0] == 0
    assert run("backup", "--to", str(tmp_path / "bk.sqlite3"), *d)[0] == 0
    assert (tmp_path / "bk.sqlite3").exists()


def test_real_process_entry_point(data_dir: Path) -> None:
    """`python -m clerk` as scripts call it."""
    proc = subprocess.run([sys.executable, "-m", "clerk", "calendar", "due", "--from",
                           "2026-04-30", "--days", "3", "--data-dir", str(data_dir)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "2026-05-08"
    proc = subprocess.run([sys.executable, "-m", "clerk", "case", "frobnicate"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2


def test_case_scan_through_cli(run: Run, station: Path, id_factory: Callable[..., str],
                               tmp_path: Path) -> None:
    d = ["--data-dir", str(station)]
    code, out, err = run("case", "new", "--matter", DISTRICT, "--id-no", id_factory(21),
                         "--name", "冯十", "--received", "id_card", *d)
    assert code == 0, err
    case_no = out.splitlines()[0]
    scan = tmp_path / "id.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"an id card" * 40)
    code, out, err = run("case", "scan", case_no, "id_card", str(scan), *d)
    assert code == 0, err
    assert "居民身份证" in out
    code, out, _ = run("case", "show", case_no, "--json", *d)
    item = next(i for i in json.loads(out)["checklist"] if i["key"] == "id_card")
    assert item["scans"][0]["media_type"] == "application/pdf"
    # A file that is not a scan, or none at all: a clear error, nothing recorded.
    text = tmp_path / "notes.txt"
    text.write_text("no scan")
    code, _, err = run("case", "scan", case_no, "id_card", str(text), *d)
    assert code == 2 and "PDF、PNG 或 JPEG" in err
    code, _, err = run("case", "scan", case_no, "id_card", str(tmp_path / "gone.pdf"), *d)
    assert code == 2 and "无法读取文件" in err
    code, out, _ = run("case", "show", case_no, "--json", *d)
    assert len(json.loads(out)["timeline"]) == 2


def test_case_scan_remove_through_cli(run: Run, station: Path, id_factory: Callable[..., str],
                                      tmp_path: Path) -> None:
    d = ["--data-dir", str(station)]
    case_no = run("case", "new", "--matter", DISTRICT, "--id-no", id_factory(22), "--name",
                  "卫十一", *d)[1].splitlines()[0]
    scan = tmp_path / "id.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"an id card" * 40)
    assert run("case", "scan", case_no, "id_card", str(scan), *d)[0] == 0
    code, out, err = run("case", "scan", case_no, "id_card", "--remove", *d)
    assert code == 0, err
    code, out, _ = run("case", "show", case_no, "--json", *d)
    assert next(i for i in json.loads(out)["checklist"] if i["key"] == "id_card")["scans"] == []
    code, _, err = run("case", "scan", case_no, "id_card", *d)  # neither a file nor --remove
    assert code == 2 and "--remove" in err


def test_supplement_after_acceptance_through_cli(run: Run, station: Path,
                                                 id_factory: Callable[..., str]) -> None:
    """`case supplement` after acceptance records promised (容缺后补) items only."""
    d = ["--data-dir", str(station)]
    others = [k for k in ALL_NEEDED if k != "income_proof"]
    case_no = run("case", "new", "--matter", DISTRICT, "--id-no", id_factory(11), "--name",
                  "周九", "--received", *others, "--deferred", "income_proof=2026-12-31",
                  *d)[1].splitlines()[0]
    assert run("case", "accept", case_no, *d)[0] == 0
    # Not promised, not a material, marks other than --received, bad counts: exit 2.
    for bad in (["--received", "id_card"], ["--received", "nope"],
                ["--deferred", "income_proof=2027-01-05"], [],
                ["--received", "income_proof", "--counts", "income_proof=x"],
                ["--received", "income_proof", "--counts", "income_proof=0,0"]):
        code, _, err = run("case", "supplement", case_no, *bad, *d)
        assert code == 2 and err.strip(), bad
    code, out, err = run("case", "supplement", case_no, "--received", "income_proof",
                         "--counts", "income_proof=1,1", "--json", *d)
    assert code == 0, err
    data = json.loads(out)
    assert data["supplemented"] == ["income_proof"] and data["state"] == "accepted"
    code, out, _ = run("case", "show", case_no, "--json", *d)
    item = next(i for i in json.loads(out)["checklist"] if i["key"] == "income_proof")
    assert item["status"] == "received" and item["delivered_on"]
    assert json.loads(out)["timeline"][-1]["label"] == "补交容缺材料"
    code, _, err = run("case", "supplement", case_no, "--received", "income_proof", *d)
    assert code == 2 and "已经补交" in err  # delivered once
    assert run("case", "escalate", case_no, *d)[0] == 0
