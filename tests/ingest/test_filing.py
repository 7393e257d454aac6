"""move_into / write_into: never overwrite; the reason file says why."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from ingest.filing import move_into, write_into, write_reason


def test_move_into_never_overwrites_an_existing_file(tmp_path: Path) -> None:
    inbox, done = tmp_path / "inbox", tmp_path / "done"
    inbox.mkdir()
    done.mkdir()
    (done / "scan.pdf").write_bytes(b"first")
    (inbox / "scan.pdf").write_bytes(b"second")
    (inbox / "other").write_bytes(b"third")

    moved = move_into(inbox / "scan.pdf", done, "scan.pdf")
    moved_again = move_into(inbox / "other", done, "scan.pdf")

    assert (moved.name, moved_again.name) == ("scan-2.pdf", "scan-3.pdf")
    assert [(done / name).read_bytes() for name in ("scan.pdf", "scan-2.pdf", "scan-3.pdf")] == [
        b"first",
        b"second",
        b"third",
    ]
    assert sorted(path.name for path in inbox.iterdir()) == []


def test_write_into_makes_the_name_safe_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    written = write_into(b"data", tmp_path / "quarantine", "../up/load\u202e.pdf")
    assert written == tmp_path / "quarantine" / "_up_load.pdf"
    assert sorted(path.name for path in written.parent.iterdir()) == ["_up_load.pdf"]


def test_write_reason_beside_the_file(tmp_path: Path) -> None:
    target = write_into(b"x", tmp_path, "bad.pdf")
    at = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    reason = write_reason(target, reason="it is empty", code="empty", sha256="ab" * 32, at=at)
    assert reason.name == "bad.pdf.reason.txt"
    assert reason.read_text(encoding="utf-8") == (
        "reason: it is empty\ncode: empty\n"
        f"sha256: {'ab' * 32}\ntime: 2026-03-01T09:30:00+00:00\nfile: bad.pdf\n"
    )
