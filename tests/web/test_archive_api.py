"""The archive API: party search and related requests over a real SQLite database, in process."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rogatory.records import Entities, Entity, EntityKind, Span
from rogatory.settings import load_settings
from rogatory.sources import MediaType
from service.web_process import open_web_context
from storage.database import open_database
from storage.registry import register, save_analysis
from tests.storage.sample_analysis import make_analysis
from tests.web.users import act_as, add_people
from web.app import create_app
from web.dependencies import context_of


def _save(url: str, label: str, names: list[str]) -> str:
    db = open_database(url)
    number = register(
        db,
        sha256=hashlib.sha256(label.encode()).hexdigest(),
        filename=label,
        size=1,
        media_type=MediaType.PDF,
        source="cli",
    ).registration.number
    entities = Entities(
        items=tuple(
            Entity(
                kind=EntityKind.PERSON,
                value=name,
                span=Span(page=1, start=0, end=len(name), text=name),
                method="test",
                confidence=0.9,
            )
            for name in names
        )
    )
    save_analysis(db, number, make_analysis(["Request"]).model_copy(update={"entities": entities}))
    db.dispose()
    return number


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    settings = load_settings(environ={}, data_dir=tmp_path / "data", allowed_hosts=["testserver"])
    with TestClient(create_app(open_web_context(settings, enqueue=lambda number: None))) as test_client:
        test_client.numbers = [  # type: ignore[attr-defined]
            _save(settings.database, "first", ["Александр Петров"]),
            _save(settings.database, "second", ["Aleksandr Petrov"]),
        ]
        yield act_as(test_client, add_people(context_of(test_client.app).db)["clerk"])


def test_party_search_across_scripts(client: TestClient) -> None:
    first, second = client.numbers  # type: ignore[attr-defined]
    found = client.get("/api/parties", params={"q": "Aleksandr Petrov"}).json()
    assert [(hit["number"], hit["value"], hit["score"]) for hit in found] == [
        (first, "Александр Петров", 1.0),
        (second, "Aleksandr Petrov", 1.0),
    ]
    assert found[0]["reason"] == "aleksandr = aleksandr (same); petrov = petrov (same)"
    assert client.get("/api/parties", params={"q": ""}).status_code == 422


def test_related_requests(client: TestClient) -> None:
    first, second = client.numbers  # type: ignore[attr-defined]
    related = client.get(f"/api/requests/{first}/related").json()
    assert [(item["number"], item["kind"], item["shared_with"]) for item in related] == [
        (second, "person", "Александр Петров")
    ]
    assert client.get("/api/requests/RQ-2026-999999/related").status_code == 404
