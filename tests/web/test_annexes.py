"""Annexes in the web app: several files uploaded as one request, the annex count in the
registry, the annexes listed and downloadable in the document view (real SQLite and store)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rogatory.records import AnnexReading
from rogatory.settings import load_settings
from service.web_process import open_web_context
from storage.registry import save_analysis
from tests.ingest import originals
from tests.scans import scan
from tests.storage.sample_analysis import make_analysis
from tests.web.users import act_as, add_people
from web.app import create_app
from web.dependencies import context_of


@pytest.fixture
def queued() -> list[str]:
    return []


@pytest.fixture
def people(tmp_path: Path, queued: list[str]) -> Iterator[tuple[TestClient, dict[str, str]]]:
    settings = load_settings(environ={}, data_dir=tmp_path / "data", allowed_hosts=["testserver"])
    with TestClient(create_app(open_web_context(settings, enqueue=queued.append))) as test_client:
        tokens = add_people(context_of(test_client.app).db)
        yield act_as(test_client, tokens["clerk"]), tokens


def _upload_together(client: TestClient, *files: tuple[str, bytes, str]) -> list[dict[str, object]]:
    response = client.post(
        "/api/requests", files=[("files", file) for file in files], data={"one_request": "true"}
    )
    assert response.status_code == 201
    results: list[dict[str, object]] = response.json()
    return results


def test_files_uploaded_as_one_request_get_one_number_and_are_listed_as_annexes(
    people: tuple[TestClient, dict[str, str]], queued: list[str]
) -> None:
    client, _ = people
    letter, photo = scan(["Request for mutual legal assistance"]), originals.image("JPEG")
    results = _upload_together(
        client,
        ("letter.png", letter, "image/png"),
        ("photo.jpg", photo, "image/jpeg"),
        ("notes.txt", b"not a scan", "text/plain"),
    )

    assert [r["status"] for r in results] == ["registered", "registered", "rejected"]
    number = results[0]["number"]
    assert results[1]["number"] == number
    assert queued == [number]
    view = client.get(f"/api/requests/{number}").json()
    assert [(a["position"], a["name"], a["status"]) for a in view["annexes"]] == [
        (2, "photo.jpg", "accepted"),
        (3, "notes.txt", "refused"),
    ]
    assert view["registration"]["annex_count"] == 1
    annex = client.get(f"/api/requests/{number}/annexes/2")
    assert annex.status_code == 200
    assert annex.content == photo
    assert annex.headers["content-type"] == "image/jpeg"
    assert (
        client.get(f"/api/requests/{number}/annexes/3").status_code == 404
    )  # refused: not kept in the store
    assert client.get(f"/api/requests/{number}/annexes/9").status_code == 404
    page = client.get(f"/requests/{number}").text
    assert "Annexes" in page
    assert f"/api/requests/{number}/annexes/2" in page
    assert "Refused:" in page
    registry = client.get("/").text
    assert "+ 1 annex" in registry


def test_files_uploaded_without_one_request_are_each_their_own(
    people: tuple[TestClient, dict[str, str]],
) -> None:
    client, _ = people
    response = client.post(
        "/api/requests",
        files=[
            ("files", ("a.png", scan(["First request"]), "image/png")),
            ("files", ("b.png", scan(["Second request"]), "image/png")),
        ],
    )
    numbers = [result["number"] for result in response.json()]
    assert len(set(numbers)) == 2


def test_a_pdf_with_attached_files_uploaded_alone_is_one_request_with_its_annexes(
    people: tuple[TestClient, dict[str, str]], queued: list[str]
) -> None:
    client, _ = people
    order = originals.pdf(2)
    letter = originals.pdf_with_attachments([("order.pdf", order)])
    response = client.post("/api/requests", files=[("files", ("letter.pdf", letter, "application/pdf"))])

    assert response.status_code == 201
    (result,) = response.json()
    assert result["status"] == "registered"
    number = result["number"]
    assert queued == [number]
    view = client.get(f"/api/requests/{number}").json()
    assert [(a["position"], a["name"], a["status"]) for a in view["annexes"]] == [
        (2, "letter.pdf/order.pdf", "accepted")
    ]
    assert client.get(f"/api/requests/{number}/annexes/2").content == order


def test_an_authority_that_may_not_see_the_request_gets_no_annex(
    people: tuple[TestClient, dict[str, str]],
) -> None:
    client, tokens = people
    results = _upload_together(
        client,
        ("letter.png", scan(["Request"]), "image/png"),
        ("photo.jpg", originals.image("JPEG"), "image/jpeg"),
    )
    number = results[0]["number"]
    stranger = {"Authorization": f"Bearer {tokens['fiu-officer']}"}
    assert client.get(f"/api/requests/{number}/annexes/2", headers=stranger).status_code in (403, 404)


def test_the_document_view_shows_what_was_read_in_each_annex(
    people: tuple[TestClient, dict[str, str]],
) -> None:
    client, _ = people
    results = _upload_together(
        client,
        ("letter.png", scan(["Request"]), "image/png"),
        ("order.jpg", originals.image("JPEG"), "image/jpeg"),
    )
    number = str(results[0]["number"])
    annex = make_analysis(["Order of the court to freeze the account of Ana Lima"], language="en")
    person = annex.entities.items[0]
    reading = AnnexReading(position=2, name="order.jpg", text=annex.text, entities=annex.entities)
    db = context_of(client.app).db
    save_analysis(db, number, make_analysis(["Demande"]).model_copy(update={"annexes": (reading,)}))

    page = client.get(f"/requests/{number}").text

    assert "Order of the court to freeze the account of Ana Lima" in page
    assert "Text of annex 2, page 1" in page
    assert f'{person.value} <span class="muted small">(p. 1)</span>' in page
