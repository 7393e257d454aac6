"""Fixtures of the mail tests: a private dovecot, and intake on a temporary data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.intake import IntakeContext
from rogatory.settings import Settings
from storage.database import open_database
from storage.objects import FilesystemObjectStore
from tests.mail.dovecot import Dovecot, running_dovecot


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    with running_dovecot() as server:
        yield server


@pytest.fixture
def queued() -> list[str]:
    return []


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, max_file_bytes=2_000_000, max_pages=10)


@pytest.fixture
def context(settings: Settings, queued: list[str]) -> Iterator[IntakeContext]:
    settings.ensure_dirs()
    db = open_database(settings.database)
    yield IntakeContext(
        settings=settings, db=db, store=FilesystemObjectStore(settings.objects_dir), enqueue=queued.append
    )
    db.dispose()
