"""scan_inbox: regular files directly inside the inbox, nothing hidden, temporary or linked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest.inbox import candidate_state, is_ignored_name, scan_inbox


@pytest.mark.parametrize(
    ("name", "ignored"),
    [
        ("scan.pdf", False),
        ("Scan 2026 (1).TIF", False),
        (".scan.pdf", True),
        ("~$request.docx", True),
        ("scan.pdf.part", True),
        ("scan.PART", True),
        ("upload.tmp", True),
        ("scan.pdf.crdownload", True),
        ("partial.pdf", False),
    ],
)
def test_is_ignored_name(name: str, ignored: bool) -> None:
    assert is_ignored_name(name) is ignored


def test_scan_inbox_lists_only_regular_files_directly_inside(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    outside = tmp_path / "secret.pdf"
    outside.write_bytes(b"not yours")
    (inbox / "scan.pdf").write_bytes(b"12345")
    (inbox / ".hidden.pdf").write_bytes(b"x")
    (inbox / "copy.pdf.part").write_bytes(b"x")
    (inbox / "folder.pdf").mkdir()
    (inbox / "folder.pdf" / "inner.pdf").write_bytes(b"x")
    (inbox / "link.pdf").symlink_to(outside)
    os.mkfifo(inbox / "pipe.pdf")

    found = scan_inbox(inbox)

    assert sorted(path.name for path in found) == ["scan.pdf"]
    assert found[inbox / "scan.pdf"].size == 5


def test_candidate_state_refuses_a_path_outside_the_inbox(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.pdf").write_bytes(b"x")
    assert candidate_state(tmp_path, tmp_path / "sub" / "a.pdf") is None
    assert candidate_state(tmp_path / "sub", tmp_path / "sub" / "a.pdf") is not None
    assert candidate_state(tmp_path, tmp_path / "missing.pdf") is None
