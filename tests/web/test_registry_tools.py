"""Saved filters, the queue's count, the shortcuts' help and dark mode as the app serves them
(issue 18), over a real SQLite database, in process."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rogatory.registration import Status
from storage.database import Database
from tests.storage.sample_analysis import add_request, make_analysis
from tests.web.users import app_with_people, bearer
from web.dependencies import context_of

World = tuple[TestClient, dict[str, str], Database]


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with app_with_people(tmp_path / "data") as (client, tokens):
        yield client, tokens, context_of(client.app).db


def _add(db: Database, label: str, *, status: Status, route_to: str = "fiu") -> str:
    analysis = make_analysis(
        [f"{label} asks for records"], route_to=route_to, needs_review=status is Status.NEEDS_REVIEW
    )
    return add_request(db, label, analysis, status=status, filename=f"{label}.pdf")


def test_a_saved_filter_is_canonical_and_opens_the_registry(world: World) -> None:
    client, tokens, _ = world
    headers = bearer(tokens["clerk"])
    saved = client.post(
        "/api/filters",
        json={
            "name": "French, waiting",
            "query": "?language=fr&bogus=1&status=needs_review&received_from=nope",
        },
        headers=headers,
    )
    assert saved.status_code == 201
    assert saved.json()["query"] == "status=needs_review&language=fr"  # the registry's reading, in its order
    page = client.get("/?status=needs_review&language=fr", headers=headers)
    assert re.search(
        r'<a href="/\?status=needs_review&amp;language=fr" aria-current="true">French, waiting</a>', page.text
    )
    assert client.get("/api/filters", headers=bearer(tokens["reviewer"])).json() == []  # per user
    assert client.get("/api/filters", headers=headers).json()[0]["name"] == "French, waiting"


def test_the_registry_form_saves_and_removes_a_filter(world: World) -> None:
    client, tokens, _ = world
    headers = bearer(tokens["clerk"])
    page = client.get("/?status=routed", headers=headers)
    assert 'name="query" value="status=routed"' in page.text
    saved = client.post(
        "/filters", data={"name": "Routed", "query": "status=routed"}, headers=headers, follow_redirects=False
    )
    assert saved.status_code == 303
    assert saved.headers["location"] == "/?status=routed"
    (kept,) = client.get("/api/filters", headers=headers).json()
    other = client.post(
        f"/filters/{kept['id']}/delete", headers=bearer(tokens["reviewer"]), follow_redirects=False
    )
    assert other.status_code == 404  # another user's filter is not found, not removed
    gone = client.post(f"/filters/{kept['id']}/delete", headers=headers, follow_redirects=False)
    assert gone.status_code == 303
    assert client.get("/api/filters", headers=headers).json() == []
    nothing = client.post("/filters", data={"name": "All", "query": "bogus=1"}, headers=headers)
    assert nothing.status_code == 422
    assert "choose at least one filter" in nothing.text


def test_authority_users_have_no_saved_filters(world: World) -> None:
    client, tokens, _ = world
    answer = client.post(
        "/api/filters", json={"name": "x", "query": "status=routed"}, headers=bearer(tokens["fiu-officer"])
    )
    assert answer.status_code == 403


def test_the_queue_count_is_the_callers_queue(world: World) -> None:
    client, tokens, db = world
    empty = client.get("/api/queue/count", headers=bearer(tokens["reviewer"])).json()
    assert empty == {"path": "/review", "count": 0, "newest": None, "exact": True}
    _add(db, "waiting-1", status=Status.NEEDS_REVIEW)
    newest = _add(db, "waiting-2", status=Status.NEEDS_REVIEW)
    fiu = _add(db, "for-fiu", status=Status.ROUTED, route_to="fiu")
    _add(db, "for-police", status=Status.ROUTED, route_to="police")
    assert client.get("/api/queue/count", headers=bearer(tokens["reviewer"])).json() == {
        "path": "/review",
        "count": 2,
        "newest": newest,
        "exact": True,
    }
    officer = client.get("/api/queue/count", headers=bearer(tokens["fiu-officer"]))
    assert officer.json() == {"path": "/queue", "count": 1, "newest": fiu, "exact": True}
    assert officer.headers["cache-control"] == "no-store"


def test_pages_carry_the_shortcuts_help_and_the_dark_scheme(world: World) -> None:
    client, tokens, _ = world
    page = client.get("/", headers=bearer(tokens["clerk"])).text
    assert '<meta name="color-scheme" content="light dark">' in page
    assert '<link rel="stylesheet" href="/static/dark.css" media="(prefers-color-scheme: dark)">' in page
    assert '<dialog class="shortcuts" id="shortcuts"' in page
    for script in ("shortcuts.js", "bulk.js", "queue_badge.js"):
        assert f'<script src="/static/{script}" defer></script>' in page
        assert client.get(f"/static/{script}").status_code == 200
    signed_out = client.get("/sign-in").text
    assert 'id="shortcuts"' not in signed_out
    assert "queue-notice" not in signed_out


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_dark_colours_are_readable_on_their_grounds(world: World) -> None:
    """Every text colour of the dark scheme at 4.5:1 or more on each ground it is used on (WCAG 1.4.3)."""
    client, _, _ = world
    css = client.get("/static/dark.css").text
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", css))
    light = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", client.get("/static/rogatory.css").text))
    assert set(light) <= set(colours)  # every colour of the light palette is redefined
    pairs = [
        (text, ground)
        for text in ("ink", "muted", "accent", "ok", "warn", "bad")
        for ground in ("soft", "panel")
    ] + [
        ("ok", "ok-soft"),
        ("warn", "warn-soft"),
        ("bad", "bad-soft"),
        ("accent", "accent-soft"),
        ("ink", "info-soft"),
    ]
    weak = [
        (t, g, round(_contrast(colours[t], colours[g]), 2))
        for t, g in pairs
        if _contrast(colours[t], colours[g]) < 4.5
    ]
    assert weak == []


def test_the_older_page_continues_after_the_last_entry_shown(world: World) -> None:
    client, tokens, db = world
    numbers = [add_request(db, f"page-{index}") for index in range(53)]
    headers = bearer(tokens["clerk"])
    first = client.get("/?sort=number&order=desc", headers=headers).text
    assert "53 in all." in first
    older = re.search(r'href="\?([^"]*after=[^"]*)">', first)
    assert older is not None
    link = older.group(1).replace("&amp;", "&")
    assert f"after={numbers[3]}" in link  # the 50th newest of 53
    assert "page=2" in link
    second = client.get(f"/?{link}", headers=headers).text
    assert re.findall(r'class="number" href="/requests/([^"]+)"', second) == numbers[2::-1]
    assert "Page 2 of 2" in second
