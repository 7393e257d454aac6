"""One registration through the real pipeline, as a worker runs it (without Celery)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from rogatory.registration import Status
from rogatory.settings import load_settings
from service.bootstrap import open_worker_context
from storage.objects import FilesystemObjectStore
from storage.registry import get_request, register
from tests.scans import FREEZING_REQUEST, scan
from workers.context import WorkerContext
from workers.processing import process_registration


@pytest.fixture
def context(tmp_path: Path) -> Iterator[WorkerContext]:
    settings = load_settings(environ={}, data_dir=tmp_path / "data")
    settings.ensure_dirs()
    worker = open_worker_context(settings)
    yield worker
    worker.db.dispose()


def _registered(context: WorkerContext, data: bytes, media_type: str) -> str:
    sha256 = context.store.put(data)
    result = register(
        context.db, sha256=sha256, filename="request", size=len(data), media_type=media_type, source="cli"
    )
    return result.registration.number


@pytest.mark.slow
def test_a_scan_is_analysed_routed_and_can_be_processed_again(context: WorkerContext) -> None:
    number = _registered(context, scan([FREEZING_REQUEST], "TIFF"), "image/tiff")
    assert process_registration(number, context) == Status.ROUTED
    first = get_request(context.db, number)
    assert first.analysis is not None
    assert first.analysis.routing.route_to == "asset_recovery_office"
    assert first.analysis.routing.notify == ("anti_corruption_agency",)
    assert "freezing" in first.analysis.classification.values("measures")

    assert process_registration(number, context) == Status.ROUTED
    again = get_request(context.db, number)
    assert again.analysis == first.analysis


def test_a_lost_original_fails_the_request_with_a_reason(context: WorkerContext, tmp_path: Path) -> None:
    number = _registered(context, scan(["A request"]), "image/png")
    empty_store = FilesystemObjectStore(tmp_path / "another-store")
    status = process_registration(number, replace(context, store=empty_store))
    assert status == Status.FAILED
    registration = get_request(context.db, number).registration
    assert registration.status == Status.FAILED
    assert registration.status_reason
    assert "original" in registration.status_reason
    assert registration.sha256 == hashlib.sha256(scan(["A request"])).hexdigest()
