"""The command line, in process, on a real data folder: ingest, show, list, search."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.cli import main
from tests.scans import FREEZING_REQUEST, scan


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.mark.slow
def test_ingest_now_then_show_and_search(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = tmp_path / "ghana.pdf"
    original.write_bytes(scan([FREEZING_REQUEST], "PDF"))
    assert main(["--data-dir", str(data_dir), "ingest", "--now", str(original)]) == 0
    out = capsys.readouterr().out
    assert "registered as RQ-" in out
    number = out.split("registered as ")[1].split()[0]
    assert f"{number}: routed" in out
    assert original.exists(), "ingest must not move or delete the user's file"

    assert main(["--data-dir", str(data_dir), "show", number]) == 0
    shown = capsys.readouterr().out
    assert "asset_recovery_office" in shown
    assert "GB82WEST12345698765432" in shown
    assert "language   en" in shown

    assert main(["--data-dir", str(data_dir), "search", "asante"]) == 0
    assert number in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "search", "nonexistentword"]) == 1


def test_ingest_without_now_queues_and_reports_duplicates(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = tmp_path / "a.png"
    original.write_bytes(scan(["Request"]))
    assert main(["--data-dir", str(data_dir), "ingest", str(original)]) == 0
    assert "1 queued" in capsys.readouterr().out
    assert list((data_dir / "queue" / "in").iterdir()), "a message for the worker is in the queue"
    assert main(["--data-dir", str(data_dir), "ingest", str(original)]) == 0
    assert "already registered as RQ-" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "list"]) == 0
    assert "registered" in capsys.readouterr().out


def test_bad_file_is_rejected_with_exit_status_1(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert main(["--data-dir", str(data_dir), "ingest", str(empty)]) == 1
    assert "rejected (empty)" in capsys.readouterr().out


def test_unknown_number_is_a_clear_error(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "show", "RQ-2026-000042"]) == 2
    assert "RQ-2026-000042" in capsys.readouterr().err


def test_bad_settings_stop_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROGATORY_WEB_PORT", "not-a-port")
    assert main(["--data-dir", str(tmp_path), "list"]) == 2
    assert "web_port" in capsys.readouterr().err
