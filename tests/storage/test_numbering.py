"""Official numbers: format, sequence per year, prefix and digits, duplicates."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from rogatory.errors import ConfigurationError
from rogatory.registration import RegisterResult, Status
from rogatory.sources import MediaType
from storage.database import Database
from storage.models import DuplicateRow, RegistrationRow
from storage.registry import format_number, list_audit, register


def _register(db: Database, label: str, now: datetime, **options: object) -> RegisterResult:
    return register(
        db,
        sha256=hashlib.sha256(label.encode()).hexdigest(),
        filename=f"{label}.pdf",
        size=10,
        media_type=MediaType.PDF,
        source="cli",
        now=now,
        **options,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("prefix", "year", "sequence", "digits", "expected"),
    [
        ("RQ", 2026, 1, 6, "RQ-2026-000001"),
        ("RQ", 2026, 999999, 6, "RQ-2026-999999"),
        ("RQ", 2026, 1000000, 6, "RQ-2026-1000000"),
        ("MLA", 2025, 42, 4, "MLA-2025-0042"),
        ("X1", 2030, 7, 1, "X1-2030-7"),
    ],
)
def test_format_number(prefix: str, year: int, sequence: int, digits: int, expected: str) -> None:
    assert format_number(prefix, year, sequence, digits) == expected


@pytest.mark.parametrize(
    ("prefix", "digits"), [("", 6), ("RQ-", 6), ("1RQ", 6), ("R Q", 6), ("RQ", 0), ("RQ", 13)]
)
def test_format_number_refuses_bad_configuration(prefix: str, digits: int) -> None:
    with pytest.raises(ConfigurationError):
        format_number(prefix, 2026, 1, digits)


def test_numbers_are_sequential_and_restart_each_year(db: Database) -> None:
    in_2026 = datetime(2026, 5, 1, tzinfo=UTC)
    in_2027 = datetime(2027, 1, 2, tzinfo=UTC)
    numbers = [
        _register(db, "a", in_2026).registration.number,
        _register(db, "b", in_2026).registration.number,
        _register(db, "c", in_2027).registration.number,
        _register(db, "d", in_2026).registration.number,
        _register(db, "e", in_2027).registration.number,
    ]
    assert numbers == [
        "RQ-2026-000001",
        "RQ-2026-000002",
        "RQ-2027-000001",
        "RQ-2026-000003",
        "RQ-2027-000002",
    ]


def test_prefix_and_digits(db: Database) -> None:
    now = datetime(2026, 5, 1, tzinfo=UTC)
    first = _register(db, "a", now, prefix="MLA", digits=3)
    second = _register(db, "b", now, prefix="MLA", digits=3)
    assert (first.registration.number, second.registration.number) == ("MLA-2026-001", "MLA-2026-002")


@pytest.mark.parametrize(
    ("received", "year"),
    [
        (datetime(2026, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=2))), 2025),
        (datetime(2025, 12, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5))), 2026),
        (datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC), 2026),
    ],
)
def test_year_is_the_utc_year(db: Database, received: datetime, year: int) -> None:
    registration = _register(db, "a", received).registration
    assert registration.year == year
    assert registration.number == f"RQ-{year}-000001"
    assert registration.received_at == received
    assert registration.received_at.tzinfo == UTC


def test_registration_fields(db: Database) -> None:
    now = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
    result = _register(db, "a", now)
    assert result.created
    registration = result.registration
    assert registration.sha256 == hashlib.sha256(b"a").hexdigest()
    assert (registration.filename, registration.size, registration.media_type) == ("a.pdf", 10, MediaType.PDF)
    assert (registration.source, registration.status, registration.status_reason) == (
        "cli",
        Status.REGISTERED,
        None,
    )
    assert registration.updated_at == now


def test_same_content_is_a_duplicate_not_a_new_number(db: Database) -> None:
    now = datetime(2026, 5, 1, tzinfo=UTC)
    first = _register(db, "a", now)
    again = _register(db, "a", now + timedelta(hours=1))
    following = _register(db, "b", now)
    assert again.created is False
    assert again.registration == first.registration
    assert following.registration.number == "RQ-2026-000002"
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(RegistrationRow)) == 2
        assert session.scalar(select(func.count()).select_from(DuplicateRow)) == 1
    assert [entry.action for entry in list_audit(db)] == ["register", "duplicate", "register"]


@pytest.mark.parametrize("sha256", ["", "ABC", "g" * 64, "A" * 64, "a" * 63])
def test_malformed_hash_is_refused_before_numbering(db: Database, sha256: str) -> None:
    with pytest.raises(ValueError, match="SHA-256"):
        register(db, sha256=sha256, filename="x", size=1, media_type=MediaType.PDF, source="cli")
    assert _register(db, "a", datetime(2026, 1, 1, tzinfo=UTC)).registration.number == "RQ-2026-000001"


def test_naive_time_is_refused(db: Database) -> None:
    with pytest.raises(ValueError, match="naive"):
        _register(db, "a", datetime(2026, 1, 1))
