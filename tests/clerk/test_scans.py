"""Scans of materials (clerk/scans.py and CaseService.attach_scan): kept once under their
hash, cited by the checklist item, refused with a clear error when they cannot be."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from clerk.applicants import PersonInput, documents_on_file
from clerk.cases.checklist import Scan
from clerk.cases.service import MaterialChanges
from clerk.errors import StateError, ValidationError
from clerk.scans import MAX_SCAN_BYTES, SEALED, LocalBlobs, keep, media_type_of
from clerk.workspace import Workspace
from tests.clerk.factories import ALL_NEEDED, DISTRICT
from tests.conftest import TEST_STORE_KEY

IdFactory = Callable[..., str]
PNG = b"\x89PNG\r\n\x1a\n" + b"scan of an id card" * 20
PDF = b"%PDF-1.4\n" + b"scan of a hukou booklet" * 20


def _new(ws: Workspace, ids: IdFactory, **kw: object) -> str:  # one applicant for all
    return ws.cases.new_case(matter_code=DISTRICT,
                             applicant=PersonInput(name="张三", id_no=ids(1)),
                             changes=MaterialChanges(**kw)).case_no  # type: ignore[arg-type]


def _events(ws: Workspace, case_no: str) -> int:
    return len(ws.cases.timeline(case_no))


def test_the_local_store_keeps_a_file_once_under_its_hash(tmp_path: Path) -> None:
    store = LocalBlobs(tmp_path / "blobs", TEST_STORE_KEY)
    sha = store.put(PNG)
    assert sha == hashlib.sha256(PNG).hexdigest() and store.get(sha) == PNG
    assert store.put(PNG) == sha and len(list((tmp_path / "blobs").rglob("*"))) == 2
    sealed = store.path(sha).read_bytes()
    assert sealed.startswith(SEALED) and b"scan of an id card" not in sealed
    assert store.path(sha).stat().st_mode & 0o777 == 0o600
    assert store.path(sha).parent.stat().st_mode & 0o777 == 0o700
    flipped = bytearray(sealed)
    flipped[-1] ^= 1
    store.path(sha).write_bytes(bytes(flipped))
    assert store.get(sha) is None  # a tampered sealed file is refused too
    assert LocalBlobs(tmp_path / "blobs", bytes(32)).get(sha) is None  # another key
    assert media_type_of(PNG) == "image/png" and media_type_of(b"text") is None
    store.path(sha).write_bytes(PNG + b"damage")
    assert store.get(sha) is None  # a damaged file is never sent under the good name


def test_a_plain_scan_of_an_earlier_version_is_read_then_sealed_in_place(
        tmp_path: Path) -> None:
    store = LocalBlobs(tmp_path / "blobs", TEST_STORE_KEY)
    sha = hashlib.sha256(PDF).hexdigest()
    store.path(sha).parent.mkdir(parents=True)
    store.path(sha).write_bytes(PDF)  # as the previous version left it
    assert store.get(sha) == PDF
    assert store.seal_plain() == 1
    assert store.path(sha).read_bytes().startswith(SEALED) and store.get(sha) == PDF
    assert store.seal_plain() == 0


@pytest.mark.parametrize(("data", "code"), [
    (b"plain text, not a scan", "scan.type"),
    (b"%PDF-" + b"x" * MAX_SCAN_BYTES, "scan.too_large")])
def test_a_file_that_is_not_a_scan_is_refused_and_nothing_is_stored(
        tws: Workspace, id_factory: IdFactory, data: bytes, code: str) -> None:
    case_no = _new(tws, id_factory)
    before = _events(tws, case_no)
    with pytest.raises(ValidationError) as err:
        tws.cases.attach_scan(case_no, "id_card", data)
    assert err.value.code == code
    assert _events(tws, case_no) == before
    assert not tws.blobs.root.exists()


def test_a_scan_is_cited_by_its_material_and_kept_on_file_after_acceptance(
        tws: Workspace, id_factory: IdFactory) -> None:
    case_no = _new(tws, id_factory, received=["id_card"])
    rec = tws.cases.attach_scan(case_no, "id_card", PNG)
    rec = tws.cases.attach_scan(case_no, "id_card", PDF)
    before = _events(tws, case_no)
    rec = tws.cases.attach_scan(case_no, "id_card", PNG)  # the same file again: once
    assert _events(tws, case_no) == before
    item = rec.materials.item("id_card")
    assert [s.media_type for s in item.scans] == ["image/png", "application/pdf"]
    assert tws.blobs.get(item.scans[0].sha256) == PNG
    # The event carries the citation the sync uploads first (wire.protocol.blob_refs).
    payload = tws.cases.timeline(case_no)[-1].payload
    cited = next(i for i in payload["checklist"] if i["key"] == "id_card")["scans"]
    assert cited == [{"sha256": s.sha256, "media_type": s.media_type} for s in item.scans]
    # Items without scans read exactly as before scans existed.
    assert all("scans" not in i for i in payload["checklist"] if i["key"] != "id_card")
    rec = tws.cases.update_materials(case_no, MaterialChanges(received=ALL_NEEDED))
    rec = tws.cases.accept(case_no)
    with tws.store.read() as s:
        docs = {d.material_key: d for d in documents_on_file(s, rec.applicant["id"])}
    assert docs["id_card"].scan_sha256 == item.scans[0].sha256


def test_scans_taken_at_the_counter_go_in_with_the_new_case(tws: Workspace,
                                                           id_factory: IdFactory) -> None:
    scan = keep(tws.blobs, PDF)
    assert scan == Scan(hashlib.sha256(PDF).hexdigest(), "application/pdf")
    case_no = _new(tws, id_factory, received=["hukou_booklet"],
                   scans={"hukou_booklet": [scan]})
    assert tws.cases.get(case_no).materials.item("hukou_booklet").scans == (scan,)
    assert _events(tws, case_no) == 1


def test_scans_follow_the_rules_of_any_change_of_materials(tws: Workspace,
                                                           id_factory: IdFactory) -> None:
    case_no = _new(tws, id_factory, received=ALL_NEEDED)
    with pytest.raises(ValidationError) as err:
        tws.cases.attach_scan(case_no, "no_such_material", PNG)
    assert err.value.code == "checklist.unknown_key"
    tws.cases.accept(case_no)
    with pytest.raises(StateError):  # accepted: the materials are settled
        tws.cases.attach_scan(case_no, "id_card", PNG)


def test_a_document_on_file_brings_its_scan_to_the_next_case(tws: Workspace,
                                                             id_factory: IdFactory) -> None:
    first = _new(tws, id_factory, received=ALL_NEEDED)
    tws.cases.attach_scan(first, "id_card", PNG)
    tws.cases.accept(first)
    sha = hashlib.sha256(PNG).hexdigest()
    second = tws.cases.get(_new(tws, id_factory))  # the same applicant, a new case
    item = second.materials.item("id_card")
    assert item.document_id is not None and item.scans == (Scan(sha, "image/png"),)
    # A file the station lost is not cited (it would hold the case back in sync).
    tws.blobs.path(sha).unlink()
    third = tws.cases.get(_new(tws, id_factory))
    assert third.materials.item("id_card").scans == ()


def test_scans_of_a_material_can_be_detached_and_the_files_stay(tws: Workspace,
                                                                id_factory: IdFactory) -> None:
    case_no = _new(tws, id_factory, received=["id_card"])
    tws.cases.attach_scan(case_no, "id_card", PNG)
    tws.cases.attach_scan(case_no, "hukou_booklet", PNG)  # the same file, another material
    rec = tws.cases.detach_scans(case_no, "id_card")
    assert rec.materials.item("id_card").scans == ()
    assert rec.materials.item("hukou_booklet").scans  # untouched
    assert tws.blobs.get(hashlib.sha256(PNG).hexdigest()) == PNG
    before = _events(tws, case_no)
    tws.cases.detach_scans(case_no, "id_card")  # nothing cited: nothing recorded
    assert _events(tws, case_no) == before
