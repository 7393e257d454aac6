"""Every route of the app, tried by every role against every authority's documents: no route
answers without sign-in, and the leaks of another authority's data are counted (must be 0).

The routes are read from the app itself, so a route added later is tried too. Three
requests: one routed to the FIU, one routed to the police and notified to the
anti-corruption agency, one waiting for review (proposed for the FIU). Each has its
own person and words, which must never appear in what another authority is shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from rogatory.registration import Status
from rogatory.users import Role
from storage.credentials import create_token
from storage.database import Database
from storage.users import create_user
from tests.storage.sample_analysis import add_request, make_analysis
from tests.web.users import PEOPLE, app_with_people, bearer
from web.dependencies import context_of

#: Routes any visitor may call: liveness, the sign-in form, the static files.
OPEN_ROUTES = {("GET", "/health"), ("GET", "/sign-in"), ("POST", "/sign-in")}


@dataclass(frozen=True)
class Document:
    number: str
    secret: str
    """A word of this document only: its person's name and its text."""
    visible_to: frozenset[str]
    """The authority users that may see it."""


def _document(db: Database, secret: str, *, route_to: str, notify: tuple[str, ...], status: Status) -> str:
    analysis = make_analysis(
        [f"{secret} Petrovich account of {secret}", "second page"],
        route_to=route_to,
        notify=notify,
        needs_review=status is Status.NEEDS_REVIEW,
    )
    content = f"%PDF-1.4 {secret}".encode()
    return add_request(db, secret, analysis, status=status, filename=f"{secret}.pdf", content=content)


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[TestClient, dict[str, str], list[Document]]]:
    data_dir = tmp_path_factory.mktemp("authorization") / "data"
    with app_with_people(data_dir) as (client, tokens):
        db: Database = context_of(client.app).db
        agency = create_user(
            db,
            username="agency-officer",
            password="x" * 12,
            role=Role.AUTHORITY,
            authority="anti_corruption_agency",
        )
        tokens["agency-officer"] = create_token(db, agency, name="tests", actor="tests")
        store = context_of(client.app).store
        documents = []
        for secret, route_to, notify, status, visible in (
            ("Zanzibarov", "fiu", (), Status.ROUTED, {"fiu-officer"}),
            (
                "Quetzalcoa",
                "police",
                ("anti_corruption_agency",),
                Status.ROUTED,
                {"police-officer", "agency-officer"},
            ),
            ("Wolframius", "fiu", (), Status.NEEDS_REVIEW, set()),
        ):
            number = _document(db, secret, route_to=route_to, notify=notify, status=status)
            store.put(f"%PDF-1.4 {secret}".encode())
            documents.append(Document(number=number, secret=secret, visible_to=frozenset(visible)))
        yield client, tokens, documents


def _routes(client: TestClient) -> list[tuple[str, str]]:
    """(method, path) of every route, those of included routers too."""
    found: list[tuple[str, str]] = []
    pending = list(client.app.routes)  # type: ignore[attr-defined]
    while pending:
        route = pending.pop(0)
        if isinstance(route, APIRoute):
            found.extend((method, route.path) for method in sorted(route.methods) if method != "HEAD")
        elif hasattr(route, "original_router"):  # FastAPI 0.16x keeps included routers as such
            pending.extend(route.original_router.routes)
    return found


_BODIES = {
    "/api/requests/{number}/review/confirm": {"reason": "checked"},
    "/api/requests/{number}/review/reassign": {"authority": "police", "reason": "moved"},
    "/api/requests/{number}/draft": {"language": "en", "body": "letter"},
}
_FORMS = {
    "/requests/{number}/reassign": {"authority": "police", "reason": "moved"},
    "/requests/{number}/letter": {"language": "en", "body": "letter"},
    "/admin/users": {"username": "newuser", "password": "y" * 12, "role": "clerk"},
    "/admin/users/{username}/active": {"active": "false"},
    "/admin/users/{username}/token": {"name": "t"},
}
#: The bulk actions (issue 18) name their requests in the body: each is tried with each hidden number.
_BULK_BODIES: dict[str, dict[str, object]] = {
    "/api/requests/bulk/confirm": {"reason": "checked"},
    "/api/requests/bulk/assign": {"authority": "police", "reason": "moved"},
    "/api/requests/bulk/export": {},
    "/bulk": {"action": "export"},
}
_QUERIES = {
    "/api/search": {"q": "Petrovich"},
    "/api/parties": {"q": "Petrovich"},
    "/search": {"q": "Petrovich"},
}


def _call(
    client: TestClient, method: str, path: str, number: str, headers: dict[str, str]
) -> tuple[int, str]:
    response = _send(client, method, path, number, headers)
    body = response.text if not response.headers.get("content-type", "").startswith("image/") else ""
    return response.status_code, body


def _send(client: TestClient, method: str, path: str, number: str, headers: dict[str, str]) -> httpx.Response:
    url = path.replace("{number}", number).replace("{username}", "clerk").replace("{page}", "1")
    files = (
        [("files", ("x.pdf", b"%PDF-1.4 upload", "application/pdf"))]
        if path == "/api/requests" and method == "POST"
        else None
    )
    json = _BODIES.get(path) if method in {"POST", "PUT"} and path in _BODIES else None
    data = _FORMS.get(path) if path in _FORMS else None
    if path in _BULK_BODIES:
        bulk = {**_BULK_BODIES[path], "numbers": [number]}
        json, data = (None, bulk) if path == "/bulk" else (bulk, None)
    return client.request(
        method,
        url,
        headers=headers,
        params=_QUERIES.get(path),
        json=json,
        data=data,
        files=files,
        follow_redirects=False,
    )


def test_no_route_answers_without_sign_in(world: tuple[TestClient, dict[str, str], list[Document]]) -> None:
    client, _, documents = world
    client.cookies.clear()
    routes = [route for route in _routes(client) if route not in OPEN_ROUTES]
    assert len(routes) >= 40  # the app's pages and API, not a vacuous list
    answered = []
    for method, path in routes:
        response = _send(client, method, path, documents[0].number, headers={})
        to_sign_in = response.status_code == 303 and response.headers["location"].startswith("/sign-in")
        if not (response.status_code == 401 or to_sign_in) or documents[0].secret in response.text:
            answered.append((method, path, response.status_code))
    assert answered == []


def test_a_bad_token_is_refused(world: tuple[TestClient, dict[str, str], list[Document]]) -> None:
    client, _, documents = world
    status, _ = _call(client, "GET", "/api/requests/{number}", documents[0].number, bearer("rgt_forged"))
    assert status == 401


def test_no_role_sees_another_authoritys_documents(
    world: tuple[TestClient, dict[str, str], list[Document]],
) -> None:
    client, tokens, documents = world
    routes = _routes(client)
    leaks: list[tuple[str, str, str, str, int]] = []
    tried = 0
    for username, (role, _) in [
        *PEOPLE.items(),
        ("agency-officer", (Role.AUTHORITY, "anti_corruption_agency")),
    ]:
        if role is not Role.AUTHORITY:
            continue
        hidden = [document for document in documents if username not in document.visible_to]
        for method, path in routes:
            for document in hidden if "{number}" in path or path in _BULK_BODIES else [documents[0]]:
                status, body = _call(client, method, path, document.number, bearer(tokens[username]))
                tried += 1
                shown = [d.secret for d in hidden if re.search(re.escape(d.secret), body)]
                if "{number}" in path and status < 400:
                    leaks.append((username, method, path, document.number, status))
                elif shown:
                    leaks.append((username, method, path, ",".join(shown), status))
    assert tried >= 3 * len(routes)
    assert leaks == []


def test_authority_users_see_their_own_documents(
    world: tuple[TestClient, dict[str, str], list[Document]],
) -> None:
    client, tokens, documents = world
    for document in documents:
        for username in document.visible_to:
            headers = bearer(tokens[username])
            assert _call(client, "GET", "/api/requests/{number}", document.number, headers)[0] == 200
            assert _call(client, "GET", "/requests/{number}", document.number, headers)[0] == 200
            assert _call(client, "GET", "/api/requests/{number}/original", document.number, headers)[0] == 200
            listed = client.get("/api/requests", headers=headers).json()
            assert document.number in {item["number"] for item in listed}
            found = client.get("/api/search", params={"q": document.secret}, headers=headers).json()
            assert {hit["number"] for hit in found} == {document.number}


def test_central_staff_see_the_registry(world: tuple[TestClient, dict[str, str], list[Document]]) -> None:
    client, tokens, documents = world
    for username in ("admin", "clerk", "reviewer"):
        listed = client.get("/api/requests", headers=bearer(tokens[username])).json()
        assert {document.number for document in documents} <= {item["number"] for item in listed}
    for username in ("clerk", "fiu-officer"):
        status, _ = _call(
            client,
            "POST",
            "/api/requests/{number}/review/confirm",
            documents[2].number,
            bearer(tokens[username]),
        )
        assert status == 403


def test_facets_count_only_the_callers_documents(
    world: tuple[TestClient, dict[str, str], list[Document]],
) -> None:
    client, tokens, documents = world
    for username in ("fiu-officer", "police-officer", "agency-officer", "clerk"):
        facets = client.get("/api/search/facets", params={"q": "Petrovich"}, headers=bearer(tokens[username]))
        counted = sum(item["count"] for item in facets.json()["status"])
        visible = [d for d in documents if username in d.visible_to] if username != "clerk" else documents
        assert counted == len(visible), username
