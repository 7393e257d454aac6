"""The work of one search and the time of one request are bounded.

A pasted paragraph of 166 words took 1.8 s to search, and ten at once slowed /health
to 0.75 s (bench/bench_search_bounds.py measures it). A search has at most
``search_max_terms`` words of at most ``search_max_term_chars`` characters; more is
refused with a clear message. A request that takes longer than its time limit is
answered 503 by :class:`web.limits.LimitRequests` (here around a real ASGI app whose
route sleeps: the slow route is the case under test, nothing is replaced).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.web.users import app_with_people, bearer
from web.limits import LimitRequests, RequestLimits

WORDS = ("bank records suspect account transfer company director " * 30).split()


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    with app_with_people(tmp_path / "data") as (client, tokens):
        yield client, tokens


@pytest.mark.parametrize("path", ["/api/search", "/api/search/facets", "/search"])
def test_a_search_of_too_many_words_is_refused_with_what_to_do(
    world: tuple[TestClient, dict[str, str]], path: str
) -> None:
    client, tokens = world
    query = " ".join(WORDS[:166])
    response = client.get(path, params={"q": query[:500]}, headers=bearer(tokens["clerk"]))
    assert response.status_code == 422
    assert "at most 32 are searched" in response.text


def test_a_search_within_the_bounds_is_answered(world: tuple[TestClient, dict[str, str]]) -> None:
    client, tokens = world
    response = client.get("/api/search", params={"q": " ".join(WORDS[:32])}, headers=bearer(tokens["clerk"]))
    assert response.status_code == 200
    assert response.json() == []


def test_a_phrase_counts_each_of_its_words_and_a_long_word_is_refused(
    world: tuple[TestClient, dict[str, str]],
) -> None:
    client, tokens = world
    phrase = '"' + " ".join(WORDS[:40]) + '"'
    assert client.get("/api/search", params={"q": phrase}, headers=bearer(tokens["clerk"])).status_code == 422
    long_word = client.get("/api/search", params={"q": "a" * 65}, headers=bearer(tokens["clerk"]))
    assert long_word.status_code == 422
    assert "65 characters" in long_word.json()["detail"]


def _slow_app(seconds: float) -> FastAPI:
    app = FastAPI()

    @app.get("/slow")
    async def slow() -> dict[str, str]:
        await asyncio.sleep(seconds)
        return {"done": "yes"}

    return app


def test_a_request_over_its_time_limit_is_answered_503() -> None:
    limits = RequestLimits(
        max_upload_bytes=1000, max_form_bytes=1000, timeout_seconds=0.5, upload_timeout_seconds=60
    )
    with TestClient(LimitRequests(_slow_app(3.0), limits=limits)) as client:
        response = client.get("/slow")
    assert response.status_code == 503
    assert response.json()["error"] == "timeout"
    with TestClient(LimitRequests(_slow_app(0.05), limits=limits)) as client:
        assert client.get("/slow").json() == {"done": "yes"}


def test_a_form_body_over_its_limit_is_refused_413() -> None:
    app = FastAPI()

    @app.post("/form")
    async def form(body: dict[str, str]) -> dict[str, str]:
        return body

    limits = RequestLimits(
        max_upload_bytes=10_000, max_form_bytes=100, timeout_seconds=5, upload_timeout_seconds=5
    )
    with TestClient(LimitRequests(app, limits=limits)) as client:
        assert client.post("/form", json={"a": "b"}).status_code == 200
        refused = client.post("/form", json={"a": "b" * 200})
    assert refused.status_code == 413
    assert refused.json()["error"] == "too_large"
