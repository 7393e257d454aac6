"""Every page renders for the roles that may open it, with what it is for on it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rogatory.records import Issue, IssueCode, IssueStage
from rogatory.registration import Status
from storage.database import Database
from tests.storage.sample_analysis import add_request, make_analysis
from tests.web.users import app_with_people, bearer
from web.dependencies import context_of


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str], str]]:
    with app_with_people(tmp_path / "data") as (client, tokens):
        analysis = make_analysis(["Ivanov requests bank records"], route_to="fiu", notify=("police",))
        db: Database = context_of(client.app).db
        number = add_request(db, "p", analysis, status=Status.ROUTED, filename="p.pdf")
        yield client, tokens, number


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "Registry"),
        ("/?status=routed&offence=art23&sort=state&order=asc", "RQ-"),
        ("/upload", "Drop scanned requests here"),
        ("/review", "review_threshold = 0.50"),
        ("/deadlines", "Overdue"),
        ("/search?q=Ivanov", "1 request matches"),
        ("/search?q=Ivanov&mode=party", "Ivanov"),
        ("/statistics", "Requests received per month"),
        ("/admin/users", "Add a user"),
        ("/admin/authorities", "Routing rules, in order"),
        ("/admin/deliveries", "No delivery yet"),
        ("/admin/deliveries?status=failed", "No delivery with this status"),
        ("/admin/audit", "Registered"),
        ("/requests/{number}", "Completeness"),
    ],
)
def test_pages_render_for_an_admin(
    setup: tuple[TestClient, dict[str, str], str], path: str, expected: str
) -> None:
    client, tokens, number = setup
    response = client.get(path.replace("{number}", number), headers=bearer(tokens["admin"]))
    assert response.status_code == 200
    assert expected in response.text


def test_the_notified_authority_sees_the_request_in_its_queue(
    setup: tuple[TestClient, dict[str, str], str],
) -> None:
    client, tokens, number = setup
    assert number in client.get("/queue", headers=bearer(tokens["police-officer"])).text
    assert client.get("/admin/users", headers=bearer(tokens["police-officer"])).status_code == 403
    assert client.get("/admin/users", headers=bearer(tokens["reviewer"])).status_code == 403


def test_statistics_export_as_csv(setup: tuple[TestClient, dict[str, str], str]) -> None:
    client, tokens, _ = setup
    response = client.get("/statistics.csv", headers=bearer(tokens["clerk"]))
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["dimension", "value", "count"]
    assert ["total", "received", "1"] in rows
    assert ["route_to", "fiu", "1"] in rows
    assert ["measure", "bank_records", "1"] in rows


def test_search_api_narrows_by_facet_and_counts_facets(setup: tuple[TestClient, dict[str, str], str]) -> None:
    client, tokens, number = setup
    headers = bearer(tokens["clerk"])
    assert [hit["number"] for hit in client.get("/api/search?q=Ivanov", headers=headers).json()] == [number]
    assert client.get("/api/search?q=Ivanov&route_to=police", headers=headers).json() == []
    assert len(client.get("/api/search?q=Ivanov&offence=art23&status=routed", headers=headers).json()) == 1
    facets = client.get("/api/search/facets?q=Ivanov", headers=headers).json()
    assert facets["route_to"] == [{"value": "fiu", "count": 1}]
    assert facets["measure"] == [{"value": "bank_records", "count": 1}]
    hidden = client.get("/api/search/facets?q=Ivanov", headers=bearer(tokens["police-officer"])).json()
    assert hidden["status"] == [{"value": "routed", "count": 1}]  # notified to the police
    assert client.get("/api/search/facets?q=Ivanov", headers=bearer(tokens["fiu-officer"])).json()["route_to"]


def test_the_document_view_shows_a_page_issue_by_its_message(tmp_path: Path) -> None:
    analysis = make_analysis(["", "Ivanov requests bank records"])
    issue = Issue(stage=IssueStage.TEXT, code=IssueCode.NO_TEXT, page=1, message="page 1: no text found")
    blank = analysis.text.pages[0].model_copy(update={"issues": (issue,)})
    text = analysis.text.model_copy(update={"pages": (blank, *analysis.text.pages[1:])})
    with app_with_people(tmp_path / "data") as (client, tokens):
        db: Database = context_of(client.app).db
        number = add_request(db, "i", analysis.model_copy(update={"text": text}), status=Status.ROUTED)
        page = client.get(f"/requests/{number}", headers=bearer(tokens["admin"])).text
    assert '<p class="alert">page 1: no text found</p>' in page
    assert "no_text" not in page
