"""The station's data at rest (issue 14): the SQLCipher store, its key in the keyring per
data directory, the recovery key, sealed scans and backups, file modes, and the one-time
encryption of an earlier version's plaintext store (killed at random moments)."""

from __future__ import annotations

import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from clerk.applicants import PersonInput
from clerk.cases.service import MaterialChanges
from clerk.cli import main
from clerk.errors import StoreError, ValidationError
from clerk.scans import LocalBlobs
from clerk.store import DB_FILENAME, Store, keys
from clerk.store.backup import restore
from clerk.store.recovery import unlock
from clerk.workspace import Workspace
from tests.clerk.factories import DISTRICT
from tests.conftest import (
    TEST_RECOVERY_KEY,
    TEST_STORE_KEY,
    FakeClock,
    export_plaintext,
    raw_store,
)

Run = Callable[..., tuple[int, str, str]]
PNG = b"\x89PNG\r\n\x1a\n" + b"scan of an id card" * 20


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    def _run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err
    return _run


def another_pc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str = "pc2") -> None:
    """Point the (file) keyring at an empty one: a new PC, or a lost keyring."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / name))


def with_case_and_scan(ws: Workspace, id_no: str) -> str:
    rec = ws.cases.new_case(matter_code=DISTRICT, applicant=PersonInput(name="张三", id_no=id_no),
                            changes=MaterialChanges(received=["id_card"]))
    ws.cases.attach_scan(rec.case_no, "id_card", PNG + id_no.encode())
    return rec.case_no


def test_no_id_number_in_the_database_its_wal_the_scans_or_a_backup(
        tws: Workspace, id_factory: Callable[..., str], tmp_path: Path) -> None:
    ws = tws
    id_no = id_factory(7)
    with_case_and_scan(ws, id_no)
    assert ws.store.path is not None and ws.data_dir is not None
    wal = ws.store.path.with_name(DB_FILENAME + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the case is (also) in the WAL
    backup = ws.backup(tmp_path / "bk" / "station.backup")
    files = [ws.store.path, wal, backup, *(p for p in ws.blobs.root.rglob("*") if p.is_file())]
    assert len(files) >= 4
    for path in files:
        data = path.read_bytes()
        assert id_no.encode() not in data, path.name
        assert b"SQLite format 3" not in data[:100], path.name
    assert ws.cases.list() and ws.blobs.get(next(iter(_shas(ws)))) is not None


def _shas(ws: Workspace) -> list[str]:
    return [p.name for p in ws.blobs.root.glob("??/*")]


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_files_are_0600_and_folders_0700(tws: Workspace, id_factory: Callable[..., str],
                                         tmp_path: Path) -> None:
    ws = tws
    with_case_and_scan(ws, id_factory(1))
    assert ws.data_dir is not None
    backup = ws.backup(tmp_path / "bk.backup")
    ws.create_recovery_key()
    mode = lambda p: p.stat().st_mode & 0o777  # noqa: E731
    assert mode(ws.data_dir) == 0o700 and mode(ws.blobs.root) == 0o700
    for name in (DB_FILENAME, DB_FILENAME + "-wal", DB_FILENAME + "-shm", keys.RECOVERY_FILENAME):
        assert mode(ws.data_dir / name) == 0o600, name
    for p in ws.blobs.root.rglob("*"):
        assert mode(p) == (0o700 if p.is_dir() else 0o600), p
    assert mode(backup) == 0o600


def test_two_data_dirs_on_one_keyring_keep_their_own_keys(tmp_path: Path) -> None:
    a, b = Store.open_dir(tmp_path / "a"), Store.open_dir(tmp_path / "b")
    assert a.key and b.key and a.key != b.key
    assert keys.stored_key(tmp_path / "a") == a.key
    assert keys.stored_key(tmp_path / "b") == b.key
    for folder, store in ((tmp_path / "a", a), (tmp_path / "b", b)):
        store.close()
        Store.open_dir(folder).close()  # each reopens with its own key


def test_a_wrong_key_gives_the_worded_error_and_changes_nothing(
        data_dir: Path, id_factory: Callable[..., str]) -> None:
    keys.key_source().set(data_dir.resolve(), bytes(32))  # some other store's key
    before = (data_dir / DB_FILENAME).read_bytes()
    with pytest.raises(StoreError, match="打不开数据文件") as err:
        Workspace.open(data_dir)
    assert err.value.code == "store.wrong_key" and "unlock" in err.value.message
    assert (data_dir / DB_FILENAME).read_bytes() == before


def test_no_key_and_no_recovery_key_is_a_worded_refusal(
        run: Run, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    another_pc(monkeypatch, tmp_path)
    before = sorted(p.name for p in data_dir.iterdir())
    code, _out, err = run("case", "list", "--data-dir", str(data_dir))
    assert code == 1 and "密钥环中没有" in err and "unlock --recovery-key" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in data_dir.iterdir()) == before


def test_unlock_with_the_recovery_key_on_a_new_pc(
        run: Run, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    another_pc(monkeypatch, tmp_path)
    d = ("--data-dir", str(data_dir))
    wrong = keys.new_recovery_key()
    code, _, err = run("unlock", "--recovery-key", wrong, *d)
    assert code == 2 and "恢复密钥不对" in err
    code, _, err = run("unlock", "--recovery-key", "ABCD-EFGH", *d)
    assert code == 2 and "8 组" in err
    assert keys.stored_key(data_dir) is None
    typed = TEST_RECOVERY_KEY.lower().replace("-", " ")  # as someone might type it
    code, _out, err = run("unlock", "--recovery-key", typed, *d)
    assert code == 0, err
    assert keys.stored_key(data_dir) == TEST_STORE_KEY
    assert run("case", "list", *d)[0] == 0


def test_unlock_without_a_recovery_file_is_refused(data_dir: Path) -> None:
    (data_dir / keys.RECOVERY_FILENAME).unlink()
    with pytest.raises(StoreError) as err:
        unlock(data_dir, TEST_RECOVERY_KEY)
    assert err.value.code == "unlock.no_file"


def test_init_shows_a_recovery_key_that_unlocks_the_store(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = ("--data-dir", str(tmp_path / "new"))
    code, out, err = run("init", "--station-code", "110108001001", "--station-name",
                         "测试站", "--admin", "chief", "--password-stdin", *d,
                         stdin="correct-horse-1\n")
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.startswith("恢复密钥："))
    recovery_key = line.removeprefix("恢复密钥：")
    assert len(recovery_key.split("-")) == 8
    assert run("doctor", *d)[1].count("恢复密钥") >= 1
    another_pc(monkeypatch, tmp_path)
    assert run("case", "list", *d)[0] == 1
    assert run("unlock", "--recovery-key", recovery_key, *d)[0] == 0
    assert run("case", "list", *d)[0] == 0


def test_restore_on_this_pc_and_on_another_with_the_recovery_key(
        run: Run, tws: Workspace, id_factory: Callable[..., str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ws = tws
    case_no = with_case_and_scan(ws, id_factory(3))
    backup = ws.backup(tmp_path / "station.backup")
    # This PC: the keyring entry of the folder it came from opens it.
    code, _, err = run("restore", "--from", str(backup), "--data-dir", str(tmp_path / "r1"))
    assert code == 0, err
    assert Workspace.open(tmp_path / "r1").cases.get(case_no).case_no == case_no
    # Another PC without the recovery key: refused, nothing written.
    another_pc(monkeypatch, tmp_path)
    target = tmp_path / "r2"
    code, _, err = run("restore", "--from", str(backup), "--data-dir", str(target))
    assert code == 1 and "--recovery-key" in err and not target.exists()
    code, _, err = run("restore", "--from", str(backup), "--data-dir", str(target),
                         "--recovery-key", keys.new_recovery_key())
    assert code == 2 and "恢复密钥不对" in err and not target.exists()
    # ... and with it: restored, and the same recovery key still unlocks the copy.
    code, _out, err = run("restore", "--from", str(backup), "--data-dir", str(target),
                         "--recovery-key", TEST_RECOVERY_KEY)
    assert code == 0, err
    restored = Workspace.open(target)
    assert restored.cases.get(case_no).case_no == case_no and restored.has_recovery_key()
    restored.close()


def test_restore_refuses_a_file_that_is_no_backup_and_an_occupied_folder(
        data_dir: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a backup" * 100)
    with pytest.raises(StoreError) as err:
        restore(junk, tmp_path / "x", scans=LocalBlobs)
    assert err.value.code == "backup.not_backup" and not (tmp_path / "x").exists()
    with pytest.raises(StoreError) as err:
        restore(junk, data_dir, scans=LocalBlobs)
    assert err.value.code == "backup.target_exists"


def test_a_malformed_recovery_key_is_refused_before_any_work() -> None:
    with pytest.raises(ValidationError) as err:
        keys.parse_recovery_key("0000-1111")
    assert err.value.code == "recovery.malformed"
    good = keys.new_recovery_key()
    assert keys.parse_recovery_key(good.lower()) == keys.parse_recovery_key(good)


# --- an earlier version's plaintext store ---------------------------------------------
def _plaintext_station(ws: Workspace, id_factory: Callable[..., str], tmp_path: Path,
                       cases: int) -> tuple[Path, dict[str, int]]:
    """A data dir as the previous version left it: plaintext database and plain scans."""
    for n in range(cases):
        with_case_and_scan(ws, id_factory(n + 1))
    assert ws.store.path is not None
    folder = tmp_path / "old"
    folder.mkdir()
    export_plaintext(ws.store.path, folder / DB_FILENAME)
    for p in ws.blobs.root.glob("??/*"):
        (folder / "blobs" / p.parent.name).mkdir(parents=True, exist_ok=True)
        (folder / "blobs" / p.parent.name / p.name).write_bytes(ws.blobs.get(p.name) or b"")
    con = sqlite3.connect(folder / DB_FILENAME)
    con.execute("PRAGMA journal_mode=WAL")
    counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
              for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    return folder, counts


def _counts(folder: Path) -> dict[str, int]:
    con = raw_store(folder / DB_FILENAME)
    try:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def test_a_plaintext_store_and_its_scans_are_encrypted_at_first_start(
        tws: Workspace, id_factory: Callable[..., str], tmp_path: Path, clock: FakeClock) -> None:
    ws = tws
    id_no = id_factory(1)
    folder, counts = _plaintext_station(ws, id_factory, tmp_path, 2)
    assert id_no.encode() in (folder / DB_FILENAME).read_bytes()
    opened = Workspace.open(folder, clock=clock)
    opened.close()
    assert _counts(folder) == counts
    assert id_no.encode() not in (folder / DB_FILENAME).read_bytes()
    for p in (folder / "blobs").glob("??/*"):
        assert p.read_bytes().startswith(b"SDSCAN1") and id_no.encode() not in p.read_bytes()
    assert sorted(p.name for p in folder.iterdir() if "encrypting" in p.name) == []


_OPEN_SCRIPT = """
import sys
from clerk.workspace import Workspace
Workspace.open(sys.argv[1]).close()
print("opened", flush=True)
"""


def _open_in_subprocess(folder: Path, kill_after: float | None) -> float:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", _OPEN_SCRIPT, str(folder)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if kill_after is None:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        return time.monotonic() - start
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return time.monotonic() - start


@pytest.mark.slow
def test_a_kill_at_any_moment_of_the_encryption_leaves_one_whole_store(
        tws: Workspace, id_factory: Callable[..., str], tmp_path: Path) -> None:
    ws = tws
    folder, counts = _plaintext_station(ws, id_factory, tmp_path, 3)
    con = sqlite3.connect(folder / DB_FILENAME)  # make the copy take a while
    con.execute("CREATE TABLE ballast (x BLOB)")
    con.executemany("INSERT INTO ballast VALUES (randomblob(2000))", [()] * 4000)
    con.commit()
    con.close()
    counts["ballast"] = 4000
    pristine = (folder / DB_FILENAME).read_bytes()
    # How long an uninterrupted first start takes (interpreter start included).
    probe = tmp_path / "probe"
    probe.mkdir()
    (probe / DB_FILENAME).write_bytes(pristine)
    whole = _open_in_subprocess(probe, None)
    rng = random.Random(14)
    outcomes = set()
    for _ in range(6):
        _open_in_subprocess(folder, rng.uniform(0.2, whole))
        was_plain = (folder / DB_FILENAME).read_bytes()[:16] == b"SQLite format 3\x00"
        outcomes.add(was_plain)
        # Whatever the moment, the next start opens the store whole with every row.
        Workspace.open(folder).close()
        assert _counts(folder) == counts
        (folder / DB_FILENAME).write_bytes(pristine)  # back to plaintext for the next kill
        for side in ("-wal", "-shm"):
            (folder / (DB_FILENAME + side)).unlink(missing_ok=True)
    print("kill outcomes (plaintext left?)", sorted(outcomes), "first start", round(whole, 2))
    assert outcomes


# --- backups hold the scans ----------------------------------------------------------------

def _scans_of(ws: Workspace) -> dict[str, bytes]:
    """Every scan the station keeps, opened with its key."""
    out = {}
    for sha in ws.blobs.kept():
        data = ws.blobs.get(sha)
        assert data is not None
        out[sha] = data
    return out


def test_a_backup_holds_the_scans_and_restore_on_another_pc_gives_them_back(
        run: Run, tws: Workspace, id_factory: Callable[..., str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ws = tws
    id_no = id_factory(4)
    case_no = with_case_and_scan(ws, id_no)
    ws.cases.attach_scan(case_no, "id_card", b"%PDF-1.4 second scan " + id_no.encode())
    scans = _scans_of(ws)
    assert len(scans) == 2
    code, out, err = run("backup", "--to", str(tmp_path / "bk" / "station.backup"),
                         "--data-dir", str(ws.data_dir))
    assert code == 0, err
    backup = tmp_path / "bk" / "station.backup"
    assert str(backup) in out
    assert id_no.encode() not in backup.read_bytes()
    ws.close()
    another_pc(monkeypatch, tmp_path)
    target = tmp_path / "fresh"
    code, _, err = run("restore", "--from", str(backup), "--data-dir", str(target),
                       "--recovery-key", TEST_RECOVERY_KEY)
    assert code == 0, err
    restored = Workspace.open(target)
    try:
        assert _scans_of(restored) == scans  # byte-identical once opened with the key
        for path in restored.blobs.root.rglob("*"):
            if path.is_file():
                assert id_no.encode() not in path.read_bytes()
        assert restored.cases.get(case_no).case_no == case_no
    finally:
        restored.close()


def _sections(backup: Path) -> tuple[int, int]:
    """Where the database starts in a backup file, and where the first scan starts."""
    from clerk.store.backup import read_header

    header, offset = read_header(backup)
    return offset, offset + int(header["db_bytes"])


@pytest.mark.parametrize("damage", ["database", "scan", "cut", "appended"])
def test_a_damaged_backup_is_refused_and_writes_nothing(
        damage: str, tws: Workspace, id_factory: Callable[..., str], tmp_path: Path) -> None:
    ws = tws
    with_case_and_scan(ws, id_factory(5))
    backup = ws.backup(tmp_path / "station.backup")
    data = bytearray(backup.read_bytes())
    db_at, scans_at = _sections(backup)
    if damage == "database":
        data[db_at + 5000] ^= 0x01
    elif damage == "scan":
        data[-10] ^= 0x01  # inside the last scan's sealed bytes
    elif damage == "cut":
        del data[scans_at + 20:]
    else:
        data += b"\0"
    backup.write_bytes(bytes(data))
    target = tmp_path / "restored"
    with pytest.raises(StoreError) as err:
        restore(backup, target, scans=LocalBlobs)
    assert err.value.code == "backup.damaged" and "已损坏" in err.value.message
    assert not target.exists()


def test_restore_into_an_existing_empty_folder_leaves_it_empty_when_damaged(
        tws: Workspace, id_factory: Callable[..., str], tmp_path: Path) -> None:
    ws = tws
    with_case_and_scan(ws, id_factory(6))
    backup = ws.backup(tmp_path / "station.backup")
    backup.write_bytes(backup.read_bytes()[:-1])
    target = tmp_path / "existing"
    target.mkdir()
    with pytest.raises(StoreError):
        restore(backup, target, scans=LocalBlobs)
    assert list(target.iterdir()) == []


def test_a_damaged_scan_refuses_the_backup(
        tws: Workspace, id_factory: Callable[..., str], tmp_path: Path) -> None:
    ws = tws
    with_case_and_scan(ws, id_factory(8))
    (sha,) = ws.blobs.kept()
    path = ws.blobs.path(sha)
    sealed = bytearray(path.read_bytes())
    sealed[-1] ^= 0x01
    path.write_bytes(bytes(sealed))
    target = tmp_path / "bk" / "station.backup"
    with pytest.raises(StoreError) as err:
        ws.backup(target)
    assert err.value.code == "backup.scan_damaged" and sha[:12] in err.value.message
    assert list(target.parent.iterdir()) == []  # no backup, no scratch copy left


def test_a_backup_of_the_first_format_still_restores(
        tws: Workspace, id_factory: Callable[..., str], tmp_path: Path) -> None:
    """MAGIC_V1: the header then the database to the end of the file, no scans."""
    import json
    import struct

    from clerk.store.backup import MAGIC_V1, read_header

    ws = tws
    case_no = with_case_and_scan(ws, id_factory(9))
    backup = ws.backup(tmp_path / "station.backup")
    header, offset = read_header(backup)
    db = backup.read_bytes()[offset:offset + header.pop("db_bytes")]
    header.pop("scans")
    body = json.dumps(header).encode()
    old = tmp_path / "old.backup"
    old.write_bytes(MAGIC_V1 + struct.pack(">I", len(body)) + body + db)
    restore(old, tmp_path / "r", scans=LocalBlobs)
    restored = Workspace.open(tmp_path / "r")
    try:
        assert restored.cases.get(case_no).case_no == case_no
        assert restored.blobs.kept() == []
    finally:
        restored.close()
