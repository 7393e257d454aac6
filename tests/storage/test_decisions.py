"""A clerk's review decision stands against every later analysis; generations and claims
keep a duplicated task from a second analysis (issue 17). SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from rogatory.registration import Status
from rogatory.users import Role, User
from storage.database import Database
from storage.models import AuditRow
from storage.processing import (
    ClaimState,
    claim_processing,
    mark_queued,
    oldest_waiting,
    record_analysis,
    release_all_claims,
    request_analysis,
    to_requeue,
)
from storage.registry import get_request, list_requests
from storage.review import confirm_routing, current_routing, reassign_routing
from tests.storage.sample_analysis import add_request, make_analysis

AUTHORITIES = {"civil_court", "police", "prosecutor_general"}
CIVIL = make_analysis(["Demande civile"], route_to="civil_court")
NOW = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)


def _routed(db: Database, label: str) -> str:
    number = add_request(db, label)
    claim = claim_processing(db, number, task="t1", stale_after=60)
    record_analysis(db, number, CIVIL, generation=claim.generation)
    return number


def _police_sees(db: Database, number: str) -> bool:
    police = User(
        id=1, username="police", display_name="P", role=Role.AUTHORITY, authority="police", created_at=NOW
    )
    return number in [registration.number for registration in list_requests(db, viewer=police)]


def _analyses(db: Database, number: str) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(func.count()).where(AuditRow.number == number, AuditRow.action == "analysis")
            )
            or 0
        )


def test_a_second_analysis_keeps_a_reassignment_and_shows_the_proposal(db: Database) -> None:
    number = _routed(db, "a")
    reassign_routing(
        db, number, "police", actor="clerk", reason="a police matter", known_authorities=AUTHORITIES
    )
    generation = request_analysis(db, number, actor="operator")
    assert claim_processing(db, number, task="t2", stale_after=60).state == ClaimState.CLAIMED
    recorded = record_analysis(db, number, CIVIL, generation=generation)
    assert (recorded.status, recorded.proposal, recorded.decision, recorded.differs) == (
        Status.ROUTED,
        "civil_court",
        "police",
        True,
    )
    assert current_routing(db, number) == ("police", False)
    view = get_request(db, number)
    assert view.registration.status == Status.ROUTED
    assert (view.decision, view.analysis and view.analysis.routing.route_to) == ("police", "civil_court")
    assert _police_sees(db, number)


def test_a_second_analysis_keeps_a_confirmation_of_a_request_that_needed_review(db: Database) -> None:
    number = add_request(db, "b")
    doubtful = make_analysis(["Demande"], route_to="civil_court", needs_review=True)
    record_analysis(
        db, number, doubtful, generation=claim_processing(db, number, task="t", stale_after=60).generation
    )
    assert get_request(db, number).registration.status == Status.NEEDS_REVIEW
    confirm_routing(db, number, actor="clerk")
    generation = request_analysis(db, number, actor="operator")
    claim_processing(db, number, task="t2", stale_after=60)
    assert get_request(db, number).registration.status == Status.ROUTED  # kept while re-analysed
    recorded = record_analysis(db, number, doubtful, generation=generation)
    assert recorded.status == Status.ROUTED
    assert current_routing(db, number) == ("civil_court", False)


def test_the_old_save_analysis_keeps_the_decision_too(db: Database) -> None:
    from storage.registry import save_analysis

    number = _routed(db, "c")
    reassign_routing(db, number, "police", actor="clerk", reason="police", known_authorities=AUTHORITIES)
    save_analysis(db, number, CIVIL)
    assert current_routing(db, number) == ("police", False)


def test_a_duplicated_task_does_no_second_analysis(db: Database) -> None:
    number = _routed(db, "d")
    assert claim_processing(db, number, task="t1", stale_after=60).state == ClaimState.DONE
    assert claim_processing(db, number, task="other", stale_after=60).state == ClaimState.DONE
    late = record_analysis(db, number, CIVIL, generation=1)  # a slower duplicate of generation 1
    assert not late.saved
    assert _analyses(db, number) == 1


def test_a_fresh_claim_of_another_task_is_respected_and_a_stale_one_taken_over(db: Database) -> None:
    number = add_request(db, "e")
    assert claim_processing(db, number, task="t1", stale_after=60, now=NOW).state == ClaimState.CLAIMED
    assert (
        claim_processing(db, number, task="t1", stale_after=60, now=NOW).state == ClaimState.CLAIMED
    )  # retry
    busy = claim_processing(db, number, task="t2", stale_after=60, now=NOW + timedelta(seconds=30))
    assert (busy.state, busy.holder) == (ClaimState.BUSY, "t1")
    later = NOW + timedelta(seconds=61)
    assert claim_processing(db, number, task="t2", stale_after=60, now=later).state == ClaimState.CLAIMED


def test_requeue_leaves_what_is_waiting_and_takes_what_was_taken_by_a_dead_worker(db: Database) -> None:
    waiting, never, taken, done = (add_request(db, label) for label in ("w", "n", "t", "x"))
    mark_queued(db, [waiting, taken, done], now=NOW)
    claim_processing(db, taken, task="dead", stale_after=60, now=NOW)
    claim = claim_processing(db, done, task="t", stale_after=60, now=NOW)
    record_analysis(db, done, CIVIL, generation=claim.generation)
    assert to_requeue(db, older_than=600, now=NOW) == [never]  # taken: still claimed
    assert release_all_claims(db) == 1
    assert to_requeue(db, older_than=600, now=NOW) == [never, taken]
    assert to_requeue(db, older_than=600, now=NOW + timedelta(seconds=601)) == [waiting, never, taken]
    assert oldest_waiting(db) == NOW
