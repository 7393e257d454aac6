"""Saving analyses, reading requests back, status changes, rejections and the audit log."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from rogatory.errors import NotFoundError
from rogatory.records import IssueCode, IssueStage
from rogatory.registration import Status
from rogatory.sources import MediaType
from storage.audit import audit
from storage.database import Database
from storage.models import AnalysisRow, PageRow
from storage.registry import (
    get_request,
    list_audit,
    list_rejections,
    list_requests,
    record_rejection,
    register,
    save_analysis,
    set_status,
)
from tests.storage.sample_analysis import make_analysis

NOW = datetime(2026, 4, 2, 9, 30, tzinfo=UTC)


def _number(db: Database, label: str) -> str:
    sha256 = hashlib.sha256(label.encode()).hexdigest()
    result = register(
        db, sha256=sha256, filename=label, size=1, media_type=MediaType.TIFF, source="upload", now=NOW
    )
    return result.registration.number


def _counts(db: Database) -> tuple[int | None, int | None, int | None]:
    with db.session() as session:
        return (
            session.scalar(select(func.count()).select_from(AnalysisRow)),
            session.scalar(select(func.count()).select_from(PageRow)),
            session.scalar(
                text("SELECT count(*) FROM page_search")
                if db.is_sqlite
                else text("SELECT count(*) FROM pages WHERE search_vector IS NOT NULL")
            ),
        )


def test_save_analysis_twice_keeps_one_copy(db: Database) -> None:
    number = _number(db, "a")
    analysis = make_analysis(["Commission rogatoire", "Blanchiment d'argent", "Signature"])
    save_analysis(db, number, analysis)
    save_analysis(db, number, analysis)
    assert _counts(db) == (1, 3, 3)
    assert get_request(db, number).analysis == analysis


def test_a_new_analysis_replaces_the_old_one(db: Database) -> None:
    number = _number(db, "a")
    save_analysis(db, number, make_analysis(["première version", "deux"], route_to="police"))
    newer = make_analysis(["second version"], route_to="fiu", needs_review=True, language="en")
    save_analysis(db, number, newer)
    assert _counts(db) == (1, 1, 1)
    assert get_request(db, number).analysis == newer
    with db.session() as session:
        row = session.scalars(select(AnalysisRow)).one()
        assert (row.language, row.route_to, row.needs_review, row.request_type) == ("en", "fiu", True, "mla")


def test_an_analysis_saved_with_plain_string_issues_still_loads(db: Database) -> None:
    number = _number(db, "a")
    save_analysis(db, number, make_analysis(["Commission rogatoire"]))
    with db.session() as session:
        row = session.scalars(select(AnalysisRow)).one()
        saved = json.loads(row.analysis_json)
        saved["text"]["issues"] = ["the language of the document could not be determined"]
        saved["text"]["pages"][0]["issues"] = ["page 1: no text found (blank page or picture only)"]
        row.analysis_json = json.dumps(saved)
    analysis = get_request(db, number).analysis
    assert analysis is not None
    [page_issue] = analysis.text.pages[0].issues
    assert (page_issue.stage, page_issue.code) == (IssueStage.UNKNOWN, IssueCode.LEGACY)
    assert page_issue.message == "page 1: no text found (blank page or picture only)"
    [document_issue] = analysis.text.issues
    assert document_issue.message == "the language of the document could not be determined"


def test_get_request_without_analysis_and_with_duplicates(db: Database) -> None:
    number = _number(db, "a")
    register(
        db,
        sha256=hashlib.sha256(b"a").hexdigest(),
        filename="again.tif",
        size=1,
        media_type=MediaType.TIFF,
        source="watcher",
        now=NOW + timedelta(days=1),
    )
    view = get_request(db, number)
    assert view.analysis is None
    assert [(d.number, d.filename, d.source, d.received_at) for d in view.duplicates] == [
        (number, "again.tif", "watcher", NOW + timedelta(days=1))
    ]


def test_unknown_number_is_not_found(db: Database) -> None:
    missing = "RQ-2026-999999"
    with pytest.raises(NotFoundError, match=missing):
        get_request(db, missing)
    with pytest.raises(NotFoundError, match=missing):
        set_status(db, missing, Status.FAILED)
    with pytest.raises(NotFoundError, match=missing):
        save_analysis(db, missing, make_analysis(["x"]))


def test_set_status_records_reason_time_and_audit(db: Database) -> None:
    number = _number(db, "a")
    later = NOW + timedelta(minutes=5)
    registration = set_status(db, number, Status.NEEDS_REVIEW, "low confidence", actor="clerk1", now=later)
    assert (registration.status, registration.status_reason, registration.updated_at) == (
        Status.NEEDS_REVIEW,
        "low confidence",
        later,
    )
    assert get_request(db, number).registration == registration
    last = list_audit(db, number=number)[0]
    assert (last.action, last.actor, last.detail) == (
        "status",
        "clerk1",
        "registered -> needs_review: low confidence",
    )


def test_list_requests_filters(db: Database) -> None:
    first, second, third = _number(db, "a"), _number(db, "b"), _number(db, "c")
    save_analysis(db, first, make_analysis(["x"], route_to="police", needs_review=False))
    save_analysis(db, second, make_analysis(["y"], route_to="fiu", needs_review=True))
    set_status(db, second, Status.NEEDS_REVIEW)

    def numbers(**filters: object) -> list[str]:
        return [r.number for r in list_requests(db, **filters)]  # type: ignore[arg-type]

    assert numbers() == [third, second, first]
    assert numbers(status=Status.REGISTERED) == [third, first]
    assert numbers(status=Status.NEEDS_REVIEW) == [second]
    assert numbers(route_to="police") == [first]
    assert numbers(needs_review=True) == [second]
    assert numbers(needs_review=False) == [first]
    assert numbers(limit=2) == [third, second]
    assert numbers(limit=2, offset=2) == [first]


def test_rejections_newest_first_and_audited(db: Database) -> None:
    sha = hashlib.sha256(b"zip").hexdigest()
    first = record_rejection(
        db, sha256=sha, filename="a.zip", size=3, code="unsupported_type", reason="a ZIP", now=NOW
    )
    second = record_rejection(
        db, sha256=sha, filename="b.zip", size=3, code="unsupported_type", reason="again"
    )
    assert [r.id for r in list_rejections(db)] == [second.id, first.id]
    assert (first.filename, first.code, first.reason, first.received_at) == (
        "a.zip",
        "unsupported_type",
        "a ZIP",
        NOW,
    )
    assert list_audit(db)[0].action == "reject"


def test_audit_in_its_own_transaction(db: Database) -> None:
    number = _number(db, "a")
    audit(db, action="download", number=number, actor="judge.b", detail="original")
    entries = list_audit(db, number=number)
    assert [(e.action, e.actor, e.detail) for e in entries[:1]] == [("download", "judge.b", "original")]
    assert [e.action for e in entries] == ["download", "register"]
