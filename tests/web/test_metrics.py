"""``/metrics`` over a real SQLite database and the filesystem broker, in process."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from rogatory.records import TextSource
from rogatory.settings import load_settings
from rogatory.sources import MediaType
from service.bootstrap import task_sender
from service.web_process import open_web_context
from storage.database import open_database
from storage.registry import register
from tests.storage.sample_analysis import make_analysis
from tests.web.users import act_as, add_people
from web.app import create_app
from web.dependencies import context_of
from workers.metrics import OCR_PAGES, record_analysis, timed_stage


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    settings = load_settings(environ={}, data_dir=tmp_path / "data", allowed_hosts=["testserver"])
    settings.ensure_dirs()
    db = open_database(settings.database)
    sender = task_sender(settings)
    for label in ("a", "b", "c"):
        sha256 = hashlib.sha256(label.encode()).hexdigest()
        number = register(
            db, sha256=sha256, filename=label, size=1, media_type=MediaType.PDF, source="cli"
        ).registration.number
        sender.enqueue_processing(number)
    db.dispose()
    with TestClient(create_app(open_web_context(settings, enqueue=lambda number: None))) as test_client:
        yield act_as(test_client, add_people(context_of(test_client.app).db)["admin"])


def _samples(client: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def test_documents_by_status_and_queue_depth(client: TestClient) -> None:
    samples = _samples(client)
    assert samples[("rogatory_documents", (("status", "registered"),))] == 3
    assert samples[("rogatory_queue_depth", ())] == 3


def test_ocr_pages_are_counted(client: TestClient) -> None:
    before = OCR_PAGES._value.get()
    analysis = make_analysis(["one", "two"])
    pages = tuple(page.model_copy(update={"source": TextSource.OCR}) for page in analysis.text.pages)
    record_analysis(analysis.model_copy(update={"text": analysis.text.model_copy(update={"pages": pages})}))
    assert _samples(client)[("rogatory_ocr_pages_total", ())] == before + 2


def test_stage_durations_are_observed(client: TestClient) -> None:
    def count(stage: str) -> float:
        return _samples(client).get(("rogatory_stage_seconds_count", (("stage", stage),)), 0.0)

    before = count("entities")
    with timed_stage("entities"):
        pass
    with pytest.raises(ValueError, match="boom"), timed_stage("entities"):
        raise ValueError("boom")  # a stage that fails is timed too
    assert count("entities") == before + 2
