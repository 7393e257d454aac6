"""Backup from an S3 bucket and restore into another one, against an S3 server on loopback (moto)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.backup import restore_backup, take_backup
from storage.backup_manifest import BackupError
from storage.database import open_database
from storage.registry import list_requests, register
from tests.s3_server import open_s3_store, s3_server

pytestmark = pytest.mark.s3


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with s3_server() as address:
        yield address


def test_backup_from_a_bucket_restores_into_an_empty_bucket(endpoint: str, tmp_path: Path) -> None:
    source = open_s3_store(endpoint, "s3://live/originals")
    db = open_database(f"sqlite:///{tmp_path / 'live.db'}")
    contents = [b"%%PDF-1.7 request %d" % index for index in range(4)]
    for index, data in enumerate(contents):
        sha256 = source.put(data)
        register(
            db,
            sha256=sha256,
            filename=f"r{index}.pdf",
            size=len(data),
            media_type="application/pdf",
            source="cli",
        )
    db.dispose()

    take_backup(f"sqlite:///{tmp_path / 'live.db'}", source, tmp_path / "backup")
    target = open_s3_store(endpoint, "s3://restored")
    restore_backup(tmp_path / "backup", f"sqlite:///{tmp_path / 'restored.db'}", target)

    restored = open_database(f"sqlite:///{tmp_path / 'restored.db'}")
    registrations = list_requests(restored, limit=10)
    restored.dispose()
    assert sorted(target.get(item.sha256) for item in registrations) == sorted(contents)

    with pytest.raises(BackupError, match=r"object store restored/ is not empty"):
        restore_backup(tmp_path / "backup", f"sqlite:///{tmp_path / 'again.db'}", target)


def test_an_original_missing_from_the_bucket_fails_the_backup(endpoint: str, tmp_path: Path) -> None:
    source = open_s3_store(endpoint, "s3://incomplete")
    db = open_database(f"sqlite:///{tmp_path / 'live.db'}")
    register(db, sha256="ab" * 32, filename="lost.pdf", size=3, media_type="application/pdf", source="cli")
    db.dispose()
    with pytest.raises(BackupError, match=r"the original abab.* is not in the object store"):
        take_backup(f"sqlite:///{tmp_path / 'live.db'}", source, tmp_path / "backup")
    assert not (tmp_path / "backup" / "manifest.json").exists()
