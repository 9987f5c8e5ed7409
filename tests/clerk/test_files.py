"""Durable file writes (clerk/files.py): the whole new file or the old one, nothing between."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk import files


def test_a_file_is_written_whole_and_replaces_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "receipt.pdf"
    files.write_durably(target, b"%PDF-1 old")
    files.write_durably(target, b"%PDF-1 new")
    assert target.read_bytes() == b"%PDF-1 new"
    assert [p.name for p in target.parent.iterdir()] == ["receipt.pdf"]  # no leftovers


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "receipt.pdf"
    target.write_bytes(b"old")

    def broken_fsync(_fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        files.write_durably(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["receipt.pdf"]


def test_stale_temporary_files_are_cleaned_at_start(data_dir: Path) -> None:
    """A kill during a PDF or scan write leaves a hidden .stationdesk-*.pdf behind."""
    import os
    import time

    from clerk.workspace import Workspace

    old = time.time() - files.STALE_AFTER_SECONDS - 60
    stale = [data_dir / ".stationdesk-abc123.pdf", data_dir / "blobs" / "ab" / ".stationdesk-x"]
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-1 half")
        os.utime(path, (old, old))
    live = data_dir / ".stationdesk-live.pdf"  # another process is writing it right now
    live.write_bytes(b"%PDF-1")
    Workspace.open(data_dir).close()
    assert not any(p.exists() for p in stale) and live.exists()


def test_a_write_cleans_stale_temporaries_in_its_folder(tmp_path: Path) -> None:
    import os
    import time

    left = tmp_path / ".stationdesk-old.pdf"
    left.write_bytes(b"%PDF-1 half")
    old = time.time() - files.STALE_AFTER_SECONDS - 60
    os.utime(left, (old, old))
    files.write_durably(tmp_path / "notice.pdf", b"%PDF-1 whole")
    assert not left.exists() and (tmp_path / "notice.pdf").read_bytes() == b"%PDF-1 whole"
    assert [p.name for p in tmp_path.iterdir()] == ["notice.pdf"]
