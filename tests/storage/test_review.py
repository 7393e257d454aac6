"""Review actions and their history, edited drafts, deadlines and the deliveries table."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

import pytest

from classify.suggestion import features_of
from rogatory.errors import InputError, NotFoundError
from rogatory.registration import Status
from rogatory.review import Channel, DeliveryStatus
from rogatory.sources import MediaType
from storage.database import Database
from storage.deadlines import list_deadlines
from storage.deliveries import Target, list_deliveries, plan_deliveries, record_attempt, retry_failed
from storage.drafts import get_draft, save_draft
from storage.registry import get_request, list_audit, list_requests, register, save_analysis
from storage.review import (
    confirm_routing,
    current_routing,
    list_corrections,
    reassign_routing,
    review_history,
)
from tests.storage.sample_analysis import make_analysis

NOW = datetime(2026, 4, 2, 9, 30, tzinfo=UTC)
AUTHORITIES = {"prosecutor_general", "fiu", "central_authority", "courts"}


def _analysed(db: Database, label: str, *, needs_review: bool = True, deadline: date | None = None) -> str:
    sha256 = hashlib.sha256(label.encode()).hexdigest()
    number = register(
        db, sha256=sha256, filename=label, size=1, media_type=MediaType.PDF, source="upload", now=NOW
    ).registration.number
    analysis = make_analysis([f"{label} request text"], needs_review=needs_review)
    if deadline is not None:
        classification = analysis.classification.model_copy(update={"deadline": deadline})
        analysis = analysis.model_copy(update={"classification": classification})
    save_analysis(db, number, analysis)
    return number


def test_confirm_takes_the_request_out_of_the_review_queue(db: Database) -> None:
    number = _analysed(db, "a")
    assert [r.number for r in list_requests(db, needs_review=True)] == [number]
    action = confirm_routing(db, number, actor="clerk.ana", now=NOW)
    assert (action.action, action.previous_authority, action.authority) == (
        "confirm",
        "prosecutor_general",
        "prosecutor_general",
    )
    assert list_requests(db, needs_review=True) == []
    assert current_routing(db, number) == ("prosecutor_general", False)
    assert get_request(db, number).registration.status == Status.ROUTED


def test_reassign_records_who_when_why_and_keeps_the_history(db: Database) -> None:
    number = _analysed(db, "b")
    reassign_routing(
        db,
        number,
        "fiu",
        actor="clerk.ana",
        reason="bank records only",
        known_authorities=AUTHORITIES,
        now=NOW,
    )
    later = NOW + timedelta(hours=2)
    reassign_routing(
        db, number, "courts", actor="clerk.ben", reason="hearing", known_authorities=AUTHORITIES, now=later
    )
    history = review_history(db, number)
    assert [(h.actor, h.previous_authority, h.authority, h.reason, h.at) for h in history] == [
        ("clerk.ana", "prosecutor_general", "fiu", "bank records only", NOW),
        ("clerk.ben", "fiu", "courts", "hearing", later),
    ]
    assert current_routing(db, number) == ("courts", False)
    audit_actions = [entry.action for entry in list_audit(db, number=number)]
    assert audit_actions.count("review_reassign") == 2


@pytest.mark.parametrize(
    ("authority", "reason", "code"),
    [("nowhere", "why", "unknown_authority"), ("fiu", "  ", "reason_required")],
)
def test_a_bad_reassignment_is_refused_and_changes_nothing(
    db: Database, authority: str, reason: str, code: str
) -> None:
    number = _analysed(db, "c")
    with pytest.raises(InputError) as error:
        reassign_routing(db, number, authority, actor="clerk", reason=reason, known_authorities=AUTHORITIES)
    assert error.value.code == code
    assert review_history(db, number) == []
    assert current_routing(db, number) == ("prosecutor_general", True)


def test_review_of_an_unknown_or_unanalysed_request_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        confirm_routing(db, "RQ-2026-999999", actor="clerk")
    sha256 = hashlib.sha256(b"raw").hexdigest()
    number = register(
        db, sha256=sha256, filename="raw", size=1, media_type=MediaType.PDF, source="upload", now=NOW
    ).registration.number
    with pytest.raises(NotFoundError, match="no analysis"):
        confirm_routing(db, number, actor="clerk")


def test_corrections_are_the_latest_decision_per_request(db: Database) -> None:
    first, second = _analysed(db, "d"), _analysed(db, "e")
    reassign_routing(db, first, "fiu", actor="x", reason="r", known_authorities=AUTHORITIES)
    reassign_routing(db, first, "courts", actor="x", reason="r2", known_authorities=AUTHORITIES)
    confirm_routing(db, second, actor="y")
    corrections = {c.number: c for c in list_corrections(db, features=features_of)}
    assert corrections[first].authority == "courts"
    assert corrections[second].authority == "prosecutor_general"
    assert "measure=bank_records" in corrections[first].features
    assert "d request text" in corrections[first].text


def test_an_edited_draft_is_kept_and_replaced(db: Database) -> None:
    number = _analysed(db, "f")
    assert get_draft(db, number) is None
    save_draft(db, number, language="fr", body="Madame, Monsieur,", actor="clerk", now=NOW)
    save_draft(db, number, language="fr", body="Madame, Monsieur, v2", actor="clerk2", now=NOW)
    draft = get_draft(db, number)
    assert draft is not None
    assert (draft.body, draft.actor) == ("Madame, Monsieur, v2", "clerk2")
    with pytest.raises(InputError):
        save_draft(db, number, language="fr", body=" \n", actor="clerk")


def test_deadlines_split_into_overdue_and_due_soon(db: Database) -> None:
    today = date(2026, 5, 10)
    late = _analysed(db, "late", deadline=date(2026, 5, 1))
    soon = _analysed(db, "soon", deadline=date(2026, 5, 17))
    on_the_day = _analysed(db, "day", deadline=today)
    _analysed(db, "far", deadline=date(2026, 7, 1))
    _analysed(db, "none")
    listed = list_deadlines(db, today=today, due_soon_days=7)
    assert [(i.number, i.days_left) for i in listed.overdue] == [(late, -9)]
    assert [(i.number, i.days_left) for i in listed.due_soon] == [(on_the_day, 0), (soon, 7)]


def test_deliveries_are_planned_once_and_count_attempts(db: Database) -> None:
    number = _analysed(db, "g", needs_review=False)
    targets = [
        Target("prosecutor_general", "execute", Channel.EMAIL, "intl@prosecutor.example"),
        Target("prosecutor_general", "execute", Channel.WEBHOOK, "http://127.0.0.1:1/hook"),
    ]
    plan_deliveries(db, number, targets)
    planned = plan_deliveries(db, number, targets)
    assert len(planned) == 2
    assert {d.status for d in planned} == {DeliveryStatus.PENDING}
    email = next(d for d in planned if d.channel == Channel.EMAIL)
    assert record_attempt(db, email.id, error="refused", max_attempts=2).status == DeliveryStatus.RETRYING
    failed = record_attempt(db, email.id, error="refused again", max_attempts=2)
    assert (failed.status, failed.attempts, failed.last_error) == (DeliveryStatus.FAILED, 2, "refused again")
    assert [d.id for d in list_deliveries(db, status=DeliveryStatus.FAILED)] == [email.id]
    [again] = [d for d in retry_failed(db, number) if d.id == email.id]
    assert (again.status, again.attempts) == (DeliveryStatus.PENDING, 0)
    assert record_attempt(db, email.id, error=None, max_attempts=2).status == DeliveryStatus.SENT
