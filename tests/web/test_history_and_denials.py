"""A request's history: refused attempts kept apart (the administrators' Denials page), the
history paged, and an authority user shown no other authority's names in it.

210 refused GETs by one authority used to push the register, analysis and routing lines
off the 200-line history, and the lines showed every authority's user names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rogatory.registration import Status
from storage.audit import audit
from storage.database import Database
from tests.storage.sample_analysis import add_request, make_analysis
from tests.web.users import app_with_people, bearer
from web.dependencies import context_of
from web.history import HISTORY_PAGE, OTHER_AUTHORITY

_HISTORY = re.compile(r'<ol class="history"[^>]*>(.*?)</ol>', re.S)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str], str]]:
    with app_with_people(tmp_path / "data") as (client, tokens):
        db: Database = context_of(client.app).db
        analysis = make_analysis(["Request of the FIU"], route_to="fiu", notify=("police",))
        number = add_request(db, "history", analysis, status=Status.ROUTED)
        audit(db, action="register", number=number, actor="system", detail="upload history.pdf")
        audit(db, action="reassign", number=number, actor="reviewer", detail="police -> fiu")
        audit(db, action="view", number=number, actor="police-officer", detail="seen by the police")
        yield client, tokens, number


def _history(client: TestClient, token: str, number: str, page: int = 1) -> str:
    response = client.get(f"/requests/{number}", params={"history": page}, headers=bearer(token))
    assert response.status_code == 200, response.text
    found = _HISTORY.search(response.text)
    assert found is not None
    return found.group(1)


def test_refused_attempts_stay_out_of_the_history_and_show_on_the_denials_page(
    world: tuple[TestClient, dict[str, str], str],
) -> None:
    client, tokens, _number = world
    db = context_of(client.app).db
    other = add_request(db, "not for the fiu", make_analysis(["x"], route_to="police"), status=Status.ROUTED)
    for _ in range(210):
        assert client.get(f"/api/requests/{other}", headers=bearer(tokens["fiu-officer"])).status_code == 404
    history = _history(client, tokens["clerk"], other)
    assert "denied" not in history
    assert "fiu-officer" not in history

    denials = client.get("/admin/denials", headers=bearer(tokens["admin"]))
    assert denials.status_code == 200
    assert denials.text.count("fiu-officer") == 200  # a page of them, newest first
    assert 'href="?page=2"' in denials.text
    assert client.get("/admin/denials", headers=bearer(tokens["clerk"])).status_code == 403


def test_the_history_is_paged_and_keeps_its_first_lines(
    world: tuple[TestClient, dict[str, str], str],
) -> None:
    client, tokens, number = world
    for _ in range(2 * HISTORY_PAGE):
        assert client.get(f"/api/requests/{number}", headers=bearer(tokens["clerk"])).status_code == 200
    first = _history(client, tokens["clerk"], number)
    assert first.count("<li>") == HISTORY_PAGE
    last = _history(client, tokens["clerk"], number, page=3)
    assert "<strong>Registered</strong>" in last  # the oldest line is still there, on the last page
    assert "<strong>Registered</strong>" not in first


def test_an_authority_user_sees_no_other_authoritys_names_in_the_history(
    world: tuple[TestClient, dict[str, str], str],
) -> None:
    client, tokens, number = world
    shown = _history(client, tokens["fiu-officer"], number)
    assert "police" not in shown
    assert OTHER_AUTHORITY in shown
    assert "<strong>Reassigned</strong> by reviewer" in shown  # the line stays, without its detail
    central = _history(client, tokens["clerk"], number)
    assert "police -&gt; fiu" in central
    assert "police-officer" in central
