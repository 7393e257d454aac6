"""The JSON API over a real SQLite database and filesystem store, in process."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rogatory.errors import TransientError
from rogatory.settings import load_settings
from service.web_process import open_web_context
from tests.scans import scan
from tests.web.users import act_as, add_people
from web.app import create_app
from web.dependencies import context_of


@pytest.fixture
def queued() -> list[str]:
    return []


@pytest.fixture
def client(tmp_path: Path, queued: list[str]) -> Iterator[TestClient]:
    settings = load_settings(environ={}, data_dir=tmp_path / "data", allowed_hosts=["testserver"])
    with TestClient(create_app(open_web_context(settings, enqueue=queued.append))) as test_client:
        yield act_as(test_client, add_people(context_of(test_client.app).db)["clerk"])


def test_upload_registers_and_queues(client: TestClient, queued: list[str]) -> None:
    png = scan(["Request for mutual legal assistance"])
    response = client.post("/api/requests", files=[("files", ("request.png", png, "image/png"))])
    assert response.status_code == 201
    [result] = response.json()
    assert result["status"] == "registered"
    assert queued == [result["number"]]
    listed = client.get("/api/requests").json()
    assert [r["number"] for r in listed] == [result["number"]]
    view = client.get(f"/api/requests/{result['number']}").json()
    assert view["registration"]["status"] == "registered"
    assert view["analysis"] is None
    original = client.get(f"/api/requests/{result['number']}/original")
    assert original.content == png


def test_upload_of_the_same_content_twice_is_a_duplicate(client: TestClient, queued: list[str]) -> None:
    png = scan(["Same content"])
    first = client.post("/api/requests", files=[("files", ("a.png", png, "image/png"))]).json()[0]
    second = client.post("/api/requests", files=[("files", ("b.png", png, "image/png"))]).json()[0]
    assert second["status"] == "duplicate"
    assert second["duplicate_of"] == first["number"]
    assert len(queued) == 1


def test_bad_upload_is_rejected_with_a_reason(client: TestClient) -> None:
    response = client.post("/api/requests", files=[("files", ("empty.pdf", b"", "application/pdf"))])
    [result] = response.json()
    assert result["status"] == "rejected"
    assert result["reason"]


def test_unknown_number_is_404(client: TestClient) -> None:
    response = client.get("/api/requests/RQ-2026-999999")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_openapi_schema_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/requests", "/api/requests/{number}", "/api/search"} <= set(paths)


def test_an_upload_while_the_broker_is_down_is_queued_when_it_returns(tmp_path: Path) -> None:
    # The broker is a seam here: a real outage of Redis is in tests/faults/test_broker_outage.py.
    down = {"until": 2}
    queued: list[str] = []

    def enqueue(number: str) -> None:
        if down["until"] > 0:
            down["until"] -= 1
            raise TransientError("broker unavailable")
        queued.append(number)

    settings = load_settings(
        environ={}, data_dir=tmp_path / "data", allowed_hosts=["testserver"], queue_retry_seconds=0.3
    )
    with TestClient(
        create_app(open_web_context(settings, enqueue=enqueue, deliver=lambda n: None))
    ) as client:
        act_as(client, add_people(context_of(client.app).db)["clerk"])
        png = scan(["Request while the broker is down"])
        response = client.post("/api/requests", files=[("files", ("down.png", png, "image/png"))])
        assert response.status_code == 201
        [result] = response.json()
        assert result["status"] == "registered"
        deadline = time.monotonic() + 30
        while not queued and time.monotonic() < deadline:
            time.sleep(0.2)
        assert queued == [result["number"]]
