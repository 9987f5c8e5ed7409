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
