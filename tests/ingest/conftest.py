"""Intake on a temporary data folder (SQLite, files on disk), with the numbers it queued."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.intake import IntakeContext
from rogatory.settings import Settings
from storage.database import open_database
from storage.objects import FilesystemObjectStore


@pytest.fixture
def queued() -> list[str]:
    return []


@pytest.fixture
def context(tmp_path: Path, queued: list[str]) -> Iterator[IntakeContext]:
    settings = Settings(data_dir=tmp_path, stable_seconds=2.0, max_file_bytes=2_000_000, max_pages=10)
    settings.ensure_dirs()
    db = open_database(settings.database)
    yield IntakeContext(
        settings=settings, db=db, store=FilesystemObjectStore(settings.objects_dir), enqueue=queued.append
    )
    db.dispose()
