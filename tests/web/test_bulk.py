"""Bulk actions on the registry (issue 18) over a real SQLite database, in process: confirm,
assign and export many requests, each through the one-document action's checks and audit."""

from __future__ import annotations

import csv
import html
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rogatory.registration import Status
from rogatory.settings import load_settings
from service.web_process import open_web_context
from storage.audit import list_audit
from storage.database import Database
from storage.registry import get_request
from storage.review import review_history
from tests.storage.sample_analysis import add_request, make_analysis
from tests.web.users import add_people, bearer
from web.app import create_app
from web.dependencies import context_of

World = tuple[TestClient, dict[str, str], Database, list[str]]


@pytest.fixture
def delivered() -> list[str]:
    return []


@pytest.fixture
def world(tmp_path: Path, delivered: list[str]) -> Iterator[World]:
    """Two requests waiting for review, one routed to the FIU (with its original stored), one
    with no analysis yet; the deliveries queued are counted in ``delivered``."""
    settings = load_settings(environ={}, data_dir=tmp_path / "data", allowed_hosts=["testserver"])
    app = create_app(open_web_context(settings, enqueue=lambda number: None, deliver=delivered.append))
    with TestClient(app) as client:
        context = context_of(client.app)
        tokens = add_people(context.db)
        db = context.db
        numbers = []
        for label in ("alpha", "beta"):
            context.store.put(label.encode())
            analysis = make_analysis([f"{label} requests bank records"], route_to="fiu", needs_review=True)
            numbers.append(
                add_request(
                    db,
                    label,
                    analysis,
                    status=Status.NEEDS_REVIEW,
                    filename=f"{label}.pdf",
                    content=label.encode(),
                )
            )
        routed = make_analysis(["gamma requests bank records"], route_to="fiu")
        content = b"%PDF-1.4 gamma original"
        context.store.put(content)
        numbers.append(
            add_request(db, "gamma", routed, status=Status.ROUTED, filename="=cmd|x.pdf", content=content)
        )
        numbers.append(add_request(db, "delta", None, filename="delta.pdf"))
        yield client, tokens, db, numbers


def _audit_actions(db: Database, number: str) -> list[str]:
    return [entry.action for entry in list_audit(db, number=number)]


def test_bulk_confirm_writes_what_one_confirmation_writes(world: World, delivered: list[str]) -> None:
    client, tokens, db, numbers = world
    alpha, beta, _, delta = numbers
    answer = client.post(
        "/api/requests/bulk/confirm",
        json={"numbers": [alpha, beta, delta, alpha], "reason": "checked"},
        headers=bearer(tokens["reviewer"]),
    )
    assert answer.status_code == 200, answer.text
    outcomes = {item["number"]: item for item in answer.json()}
    assert list(outcomes) == [alpha, beta, delta]  # once each, in the order chosen
    assert outcomes[alpha]["done"]
    assert outcomes[beta]["done"]
    assert not outcomes[delta]["done"]
    assert "no analysis" in outcomes[delta]["detail"]
    for number in (alpha, beta):
        assert get_request(db, number).registration.status is Status.ROUTED
        (action,) = review_history(db, number)
        assert (action.action, action.actor, action.reason) == ("confirm", "reviewer", "checked")
        assert _audit_actions(db, number)[:2] == ["status", "review_confirm"]
    assert delivered == [alpha, beta]  # the deliveries of each decided request, as one confirmation queues


def test_bulk_assign_needs_a_known_authority_and_a_reason(world: World) -> None:
    client, tokens, db, numbers = world
    alpha, beta, gamma, _ = numbers
    headers = bearer(tokens["reviewer"])
    no_reason = client.post(
        "/api/requests/bulk/assign",
        json={"numbers": [alpha], "authority": "police", "reason": " "},
        headers=headers,
    )
    assert no_reason.status_code == 422
    unknown = client.post(
        "/api/requests/bulk/assign",
        json={"numbers": [alpha], "authority": "nobody", "reason": "r"},
        headers=headers,
    )
    assert unknown.status_code == 422
    assert "unknown authority" in unknown.json()["detail"]
    assert review_history(db, alpha) == []  # nothing done before the error
    moved = client.post(
        "/api/requests/bulk/assign",
        json={"numbers": [alpha, beta, gamma], "authority": "police", "reason": "police matter"},
        headers=headers,
    )
    assert moved.status_code == 200
    assert all(item["done"] and item["detail"] == "police" for item in moved.json())
    for number in (alpha, beta, gamma):
        (action,) = review_history(db, number)
        assert (action.action, action.previous_authority, action.authority) == ("reassign", "fiu", "police")
        assert "review_reassign" in _audit_actions(db, number)


def test_only_reviewers_decide_in_bulk(world: World) -> None:
    client, tokens, db, numbers = world
    for username in ("clerk", "fiu-officer"):
        answer = client.post(
            "/api/requests/bulk/confirm", json={"numbers": numbers[:1]}, headers=bearer(tokens[username])
        )
        assert answer.status_code == 403
    form = client.post(
        "/bulk", data={"action": "confirm", "numbers": numbers[:1]}, headers=bearer(tokens["clerk"])
    )
    assert form.status_code == 403
    assert review_history(db, numbers[0]) == []


def test_a_selection_is_bounded(world: World) -> None:
    client, tokens, _, _ = world
    headers = bearer(tokens["reviewer"])
    assert client.post("/api/requests/bulk/confirm", json={"numbers": []}, headers=headers).status_code == 422
    many = [f"RQ-2026-{index:06d}" for index in range(101)]
    assert (
        client.post("/api/requests/bulk/confirm", json={"numbers": many}, headers=headers).status_code == 422
    )
    empty_form = client.post("/bulk", data={"action": "export"}, headers=headers)
    assert empty_form.status_code == 422
    assert "select at least one" in empty_form.text


def test_export_zips_the_originals_the_caller_may_see(world: World) -> None:
    client, tokens, db, numbers = world
    alpha, _, gamma, delta = numbers  # delta's original was never stored
    answer = client.post(
        "/api/requests/bulk/export", json={"numbers": [gamma, alpha, delta]}, headers=bearer(tokens["clerk"])
    )
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/zip"
    assert re.match(
        r'attachment; filename="rogatory-export-\d{8}-\d{4}\.zip"', answer.headers["content-disposition"]
    )
    bundle = zipfile.ZipFile(io.BytesIO(answer.content))
    names = bundle.namelist()
    assert f"{gamma} =cmd|x.pdf" in names
    assert bundle.read(f"{gamma} =cmd|x.pdf") == b"%PDF-1.4 gamma original"  # byte for byte
    assert bundle.read(f"{alpha} alpha.pdf") == b"alpha"
    rows = list(csv.reader(io.StringIO(bundle.read("registry.csv").decode())))
    assert rows[0][:2] == ["number", "file"]
    assert [row[0] for row in rows[1:]] == [gamma, alpha]
    assert rows[1][1] == "'=cmd|x.pdf"  # a received name is never run as a spreadsheet formula
    note = bundle.read("not-exported.txt").decode().splitlines()
    assert note[0] == "These selected requests are not in the export, and why:"  # said, not skipped
    assert note[2].startswith(f"{delta}: The stored original is missing from the object store")
    assert f"(no object {get_request(db, delta).registration.sha256} in the store)" in note[2]
    for number in (alpha, gamma):
        assert "download" in _audit_actions(db, number)


def test_an_authority_exports_only_its_own_and_learns_nothing_of_the_others(world: World) -> None:
    client, tokens, db, numbers = world
    _, _, gamma, delta = numbers  # gamma routed to the FIU; delta not routed at all
    for username, shown in (("fiu-officer", True), ("police-officer", False)):
        answer = client.post(
            "/api/requests/bulk/export", json={"numbers": [gamma, delta]}, headers=bearer(tokens[username])
        )
        assert answer.status_code == 200
        bundle = zipfile.ZipFile(io.BytesIO(answer.content))
        assert (f"{gamma} =cmd|x.pdf" in bundle.namelist()) is shown
        left_out = bundle.read("not-exported.txt").decode()
        assert f"{delta}: There is no request of this number that you may see. (no registration" in left_out
        assert "delta.pdf" not in bundle.read("registry.csv").decode()
    denied = [
        entry for entry in list_audit(db, number=delta, denials=True) if entry.actor == "police-officer"
    ]
    assert denied, "the refused export is audited as a denial, as a refused download is"


def test_the_export_says_what_was_left_out_in_the_readers_language(world: World) -> None:
    client, tokens, _, numbers = world
    _, _, gamma, delta = numbers
    answer = client.post(
        "/bulk",
        data={"action": "export", "numbers": [gamma, delta]},
        headers={**bearer(tokens["police-officer"]), "Accept-Language": "fr-FR,fr;q=0.9"},
    )
    note = zipfile.ZipFile(io.BytesIO(answer.content)).read("not-exported.txt").decode()
    assert note.startswith("Ces demandes sélectionnées ne sont pas dans l'export")
    assert f"{gamma} : Il n'existe aucune demande de ce numéro que vous puissiez consulter." in note
    assert "These selected" not in note


def test_every_reason_a_bulk_action_gives_is_said_in_the_readers_language(world: World) -> None:
    client, tokens, _, numbers = world
    alpha, _, _, delta = numbers
    page = client.post(
        "/bulk",
        data={
            "action": "assign",
            "numbers": [alpha, delta, "RQ-1999-000001"],
            "authority": "police",
            "reason": "x",
        },
        headers={**bearer(tokens["reviewer"]), "Accept-Language": "fr"},
    )
    shown = re.findall(r'<span class="alert-text">(.*?)</span>', page.text)
    reasons = [html.unescape(text) for text in shown]
    assert reasons == [
        "Non traitée : La demande n'a pas encore été analysée.",
        "Non traitée : Il n'existe aucune demande de ce numéro que vous puissiez consulter.",
    ]


def test_the_form_shows_each_outcome_and_goes_back_to_the_list(world: World) -> None:
    client, tokens, _, numbers = world
    alpha, beta, _, delta = numbers
    page = client.post(
        "/bulk",
        data={"action": "confirm", "numbers": [alpha, beta, delta], "back": "/review?page=1"},
        headers=bearer(tokens["reviewer"]),
    )
    assert page.status_code == 200
    assert "2 of the selected requests are done." in page.text
    assert "1 could not be done" in page.text
    assert 'href="/review?page=1"' in page.text
    assert page.text.count('data-done="yes"') == 2
    elsewhere = client.post(
        "/bulk",
        data={"action": "confirm", "numbers": [alpha], "back": "//evil.example/"},
        headers=bearer(tokens["reviewer"]),
    )
    assert 'href="//evil.example/"' not in elsewhere.text


def test_the_registry_and_review_pages_offer_the_bulk_bar(world: World) -> None:
    client, tokens, _, numbers = world
    registry = client.get("/", headers=bearer(tokens["reviewer"]))
    assert 'form class="bulk-bar" id="bulk"' in registry.text
    assert f'name="numbers" value="{numbers[0]}" form="bulk"' in registry.text
    assert 'value="confirm"' in registry.text
    clerk = client.get("/review", headers=bearer(tokens["clerk"]))
    assert 'value="export"' in clerk.text
    assert 'value="confirm"' not in clerk.text
    queue = client.get("/queue", headers=bearer(tokens["fiu-officer"]))
    assert 'id="bulk"' not in queue.text


def test_the_outcomes_page_says_why_in_the_readers_language(world: World) -> None:
    """The reasons come from the errors' codes (web/error_words.py), the English kept in the API."""
    client, tokens, _, numbers = world
    alpha, beta, _, delta = numbers
    unknown = alpha[:-1] + ("9" if alpha[-1] != "9" else "8")
    page = client.post(
        "/bulk",
        data={"action": "confirm", "numbers": [alpha, beta, delta, unknown]},
        headers={**bearer(tokens["reviewer"]), "Accept-Language": "fr"},
    )
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "2 des demandes sélectionnées sont traitées." in text
    assert "2 n'ont pas pu être traitées" in text
    assert "Non traitée : La demande n'a pas encore été analysée." in text
    assert "Non traitée : Il n'existe aucune demande de ce numéro que vous puissiez consulter." in text
    assert "no analysis yet" not in text
    api = client.post(
        "/api/requests/bulk/confirm",
        json={"numbers": [delta], "reason": ""},
        headers=bearer(tokens["reviewer"]),
    )
    assert api.json()[0]["code"] == "not_analysed"
    assert "no analysis yet" in api.json()[0]["detail"]
