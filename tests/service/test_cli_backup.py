"""``rogatory backup`` and ``restore`` in process, on real data folders (SQLite and the filesystem store)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from service.cli import main
from storage.backup_manifest import object_path, read_manifest
from storage.database import open_database
from storage.objects import FilesystemObjectStore
from storage.registry import list_requests
from tests.ingest import originals
from tests.service.cli_output import without_folder_line


def _ingest(data_dir: Path, tmp_path: Path, count: int) -> None:
    files = []
    for index in range(count):
        path = tmp_path / f"request-{index}.pdf"
        path.write_bytes(originals.pdf(index + 1))
        files.append(str(path))
    assert main(["--data-dir", str(data_dir), "ingest", *files]) == 0


def test_backup_then_restore_into_a_new_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live, restored, backup = tmp_path / "live", tmp_path / "restored", tmp_path / "backup"
    _ingest(live, tmp_path, 3)
    capsys.readouterr()

    assert main(["--data-dir", str(live), "backup", str(backup)]) == 0
    assert "backup written to" in capsys.readouterr().out
    assert main(["--data-dir", str(restored), "restore", str(backup)]) == 0
    assert "3 registrations, 3 objects, every hash verified" in capsys.readouterr().out

    db = open_database(f"sqlite:///{restored / 'rogatory.db'}")
    registrations = list_requests(db, limit=10)
    db.dispose()
    assert len(registrations) == 3
    store = FilesystemObjectStore(restored / "objects")
    for registration in registrations:
        assert hashlib.sha256(store.get(registration.sha256)).hexdigest() == registration.sha256


def test_a_damaged_backup_or_a_used_data_folder_is_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live, backup = tmp_path / "live", tmp_path / "backup"
    _ingest(live, tmp_path, 2)
    assert main(["--data-dir", str(live), "backup", str(backup)]) == 0
    capsys.readouterr()

    assert main(["--data-dir", str(live), "restore", str(backup)]) == 2
    error = without_folder_line(capsys.readouterr().err)
    assert error.startswith("rogatory: the target database")
    assert "is not empty" in error
    assert "Traceback" not in error

    damaged = object_path(backup, read_manifest(backup).objects[1].sha256)
    damaged.chmod(0o640)
    damaged.write_bytes(b"%PDF-1.7 not the original")
    assert main(["--data-dir", str(tmp_path / "new"), "restore", str(backup)]) == 2
    error = without_folder_line(capsys.readouterr().err)
    assert "is damaged, nothing was restored: 1 of 3 files fail their check" in error
    assert error.count("\n") == 1
    assert not (tmp_path / "new" / "rogatory.db").exists()
