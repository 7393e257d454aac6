"""The review API over a real SQLite database, in process: queue, confirm, reassign,
suggestion, drafts, deadlines and deliveries."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rogatory.records import Completeness, ElementCheck, Label
from rogatory.settings import load_settings
from rogatory.sources import MediaType
from rogatory.taxonomy import COMPLETENESS_ELEMENTS
from service.web_process import open_web_context
from storage.registry import register, save_analysis
from tests.storage.sample_analysis import make_analysis
from tests.web.users import act_as, add_people
from web.app import create_app
from web.dependencies import context_of

RECEIVED = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


@pytest.fixture
def delivered() -> list[str]:
    return []


@pytest.fixture
def client(tmp_path: Path, delivered: list[str]) -> Iterator[TestClient]:
    settings = load_settings(
        environ={},
        data_dir=tmp_path / "data",
        suggestion_min_corrections=4,
        due_soon_days=10,
        allowed_hosts=["testserver"],
    )
    app = create_app(open_web_context(settings, enqueue=lambda number: None, deliver=delivered.append))
    with TestClient(app) as test_client:
        yield act_as(test_client, add_people(context_of(test_client.app).db)["reviewer"])


def _add(
    client: TestClient,
    label: str,
    *,
    text: str = "request",
    missing: tuple[str, ...] = (),
    language: str = "fr",
    needs_review: bool = True,
    deadline: date | None = None,
) -> str:
    intake = context_of(client.app)
    sha256 = hashlib.sha256(label.encode()).hexdigest()
    number = register(
        intake.db,
        sha256=sha256,
        filename=label,
        size=1,
        media_type=MediaType.PDF,
        source="upload",
        now=RECEIVED,
    ).registration.number
    analysis = make_analysis([text], language=language, needs_review=needs_review)
    completeness = Completeness(
        checks=tuple(ElementCheck(element=e, present=e not in missing) for e in COMPLETENESS_ELEMENTS)
    )
    classification = analysis.classification.model_copy(
        update={"deadline": deadline, "urgent": Label(value="true" if deadline else "false", confidence=0.9)}
    )
    save_analysis(
        intake.db,
        number,
        analysis.model_copy(update={"completeness": completeness, "classification": classification}),
    )
    return number


def test_confirm_and_reassign_with_history(client: TestClient, delivered: list[str]) -> None:
    first, second = _add(client, "a"), _add(client, "b")
    assert {r["number"] for r in client.get("/api/review/queue").json()} == {first, second}
    confirmed = client.post(f"/api/requests/{first}/review/confirm", json={})
    assert confirmed.status_code == 200
    moved = client.post(
        f"/api/requests/{second}/review/reassign",
        json={"authority": "fiu", "reason": "only bank records are sought"},
    )
    assert moved.json()["previous_authority"] == "prosecutor_general"
    assert client.get("/api/review/queue").json() == []
    assert delivered == [first, second]
    view = client.get(f"/api/requests/{second}/review").json()
    assert (view["route_to"], view["proposed"], view["needs_review"]) == ("fiu", "prosecutor_general", False)
    assert [(h["actor"], h["authority"], h["reason"]) for h in view["history"]] == [
        ("reviewer", "fiu", "only bank records are sought")
    ]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"authority": "nowhere", "reason": "x"}, 422, "unknown_authority"),
        ({"authority": "fiu", "reason": ""}, 422, None),
        ({"actor": "someone else", "authority": "fiu", "reason": "x"}, 422, None),
    ],
)
def test_bad_reassignments_are_refused(
    client: TestClient, body: dict[str, str], status: int, code: str | None
) -> None:
    number = _add(client, "c")
    response = client.post(f"/api/requests/{number}/review/reassign", json=body)
    assert response.status_code == status
    if code:
        assert response.json()["error"] == code
    assert client.get(f"/api/requests/{number}/review").json()["history"] == []


def test_the_suggestion_appears_after_enough_corrections_and_never_decides(client: TestClient) -> None:
    for index in range(3):
        number = _add(client, f"customs{index}", text=f"goods seized at the border container {index}")
        client.post(
            f"/api/requests/{number}/review/reassign",
            json={"authority": "police", "reason": "border seizure"},
        )
    pending = _add(client, "new", text="container of goods seized at the border")
    assert client.get(f"/api/requests/{pending}/review").json()["suggestion"] is None  # 3 < 4 corrections
    other = _add(client, "bank", text="bank statements of the account")
    client.post(f"/api/requests/{other}/review/confirm", json={})
    view = client.get(f"/api/requests/{pending}/review").json()
    assert view["suggestion"]["authority"] == "police"
    assert view["suggestion"]["trained_on"] == 4
    page = client.get(f"/requests/{pending}").text
    assert "past decisions suggest" in page
    assert "National Police" in page[page.index("past decisions suggest") :][:300]
    assert (view["route_to"], view["needs_review"]) == ("prosecutor_general", True)


def test_draft_letter_edit_and_download(client: TestClient) -> None:
    number = _add(client, "d", missing=("facts_summary", "purpose"))
    draft = client.get(f"/api/requests/{number}/draft").json()
    assert (draft["language"], draft["missing"]) == ("fr", ["facts_summary", "purpose"])
    assert "résumé des faits pertinents" in draft["body"]
    edited = client.put(
        f"/api/requests/{number}/draft", json={"language": "fr", "body": "Texte revu."}
    ).json()
    assert edited["edited_by"] == "reviewer"
    download = client.get(f"/api/requests/{number}/draft.txt")
    assert download.text == "Texte revu."
    assert "attachment" in download.headers["content-disposition"]
    complete = _add(client, "e")
    assert client.get(f"/api/requests/{complete}/draft").json()["error"] == "nothing_missing"


def test_a_request_in_russian_gets_an_english_letter(client: TestClient) -> None:
    number = _add(client, "f", language="ru", missing=("acceptable_language",))
    draft = client.get(f"/api/requests/{number}/draft").json()
    assert draft["language"] == "en"
    assert "en, fr, es" in draft["body"]


def test_deadlines_and_days_left(client: TestClient) -> None:
    late = _add(client, "late", deadline=date(2026, 5, 1))
    soon = _add(client, "soon", deadline=date(2026, 5, 15))
    _add(client, "far", deadline=date(2026, 9, 1))
    listed = client.get("/api/deadlines", params={"today": "2026-05-10"}).json()
    assert [(i["number"], i["days_left"]) for i in listed["overdue"]] == [(late, -9)]
    assert [(i["number"], i["days_left"]) for i in listed["due_soon"]] == [(soon, 5)]
    assert listed["due_soon_days"] == 10


def test_deliveries_listing_and_retry(client: TestClient, delivered: list[str]) -> None:
    number = _add(client, "g")
    assert client.get("/api/deliveries", params={"status": "failed"}).json() == []
    assert client.post(f"/api/requests/{number}/deliveries/retry").json() == []
    assert delivered == [number]
    assert {a["id"] for a in client.get("/api/authorities").json()} >= {"fiu", "central_authority"}
