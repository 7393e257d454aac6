"""The sign-in limits in the database: counted before the password is checked, so parallel tries
do not pass them; per account with growing lock-outs, per address higher; unlocked and audited.

Runs on SQLite and PostgreSQL (the ``db`` fixture). The parallel test uses threads with a
connection each, as the web app's thread pool does; several processes are tested
against a real running app in tests/faults/test_sign_in_race.py.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from storage.database import Database
from storage.models import SignInLimitRow
from storage.registry import list_audit
from storage.sign_in_limits import (
    ACCOUNT,
    ADDRESS,
    Refusal,
    SignInPolicy,
    begin_try,
    current_locks,
    try_failed,
    try_succeeded,
    unlock,
)

POLICY = SignInPolicy(
    account_failures=5,
    address_failures=20,
    window=timedelta(minutes=15),
    first_lockout=timedelta(minutes=1),
    longest_lockout=timedelta(minutes=60),
)
T0 = datetime(2027, 1, 11, 8, 0, tzinfo=UTC)


def _fail(db: Database, username: str, address: str, at: datetime) -> Refusal | None:
    """One wrong password: counted, and reported failed if it was let through."""
    refused = begin_try(db, POLICY, username=username, address=address, now=at)
    if refused is None:
        try_failed(db, POLICY, username=username, address=address, now=at)
    return refused


def test_forty_parallel_tries_let_exactly_the_limit_through(db: Database) -> None:
    start = threading.Barrier(40)

    def attempt(index: int) -> bool:
        start.wait()
        return begin_try(db, POLICY, username="victim", address=f"10.0.0.{index}") is None

    with ThreadPoolExecutor(max_workers=40) as pool:
        let_through = sum(pool.map(attempt, range(40)))
    assert let_through == POLICY.account_failures


def test_a_lock_out_grows_and_a_success_ends_it(db: Database) -> None:
    for _ in range(5):
        assert _fail(db, "clerk", "10.0.0.1", T0) is None
    refused = begin_try(db, POLICY, username="clerk", address="10.0.0.1", now=T0 + timedelta(seconds=59))
    assert refused == Refusal(ACCOUNT, T0 + timedelta(minutes=1))
    later = T0 + timedelta(minutes=1)
    for _ in range(5):
        assert _fail(db, "clerk", "10.0.0.1", later) is None
    assert begin_try(db, POLICY, username="clerk", address="10.0.0.1", now=later) == Refusal(
        ACCOUNT, later + timedelta(minutes=2)
    )
    third = later + timedelta(minutes=2)
    assert begin_try(db, POLICY, username="clerk", address="10.0.0.1", now=third) is None
    try_succeeded(db, username="clerk", address="10.0.0.1")
    for _ in range(5):
        assert _fail(db, "clerk", "10.0.0.1", third) is None
    assert begin_try(db, POLICY, username="clerk", address="10.0.0.1", now=third) == Refusal(
        ACCOUNT, third + timedelta(minutes=1)
    ), "a success starts the lock-outs again from the first"
    locked = [entry.detail for entry in list_audit(db) if entry.action == "sign_in_locked"]
    assert len(locked) == 3
    assert "user clerk locked until 2027-01-11 08:01:00 UTC" in locked


def test_failures_older_than_the_window_are_forgotten(db: Database) -> None:
    for _ in range(4):
        _fail(db, "reviewer", "10.0.0.2", T0)
    later = T0 + POLICY.window + timedelta(seconds=1)
    for _ in range(5):
        assert _fail(db, "reviewer", "10.0.0.2", later) is None


def test_one_accounts_lock_out_leaves_the_others_of_its_address_alone(db: Database) -> None:
    for _ in range(6):
        _fail(db, "clerk", "10.0.0.3", T0)
    assert begin_try(db, POLICY, username="clerk", address="10.0.0.3", now=T0) is not None
    assert begin_try(db, POLICY, username="admin", address="10.0.0.3", now=T0) is None


def test_an_address_spraying_many_names_is_locked_for_all(db: Database) -> None:
    for index in range(POLICY.address_failures):
        assert _fail(db, f"name{index}", "10.0.0.4", T0) is None
    refused = begin_try(db, POLICY, username="admin", address="10.0.0.4", now=T0)
    assert refused == Refusal(ADDRESS, T0 + timedelta(minutes=1))
    assert begin_try(db, POLICY, username="admin", address="10.0.0.5", now=T0) is None


def test_a_success_gives_the_address_its_try_back(db: Database) -> None:
    for _ in range(POLICY.address_failures * 2):
        assert begin_try(db, POLICY, username="clerk", address="10.0.0.6", now=T0) is None
        try_succeeded(db, username="clerk", address="10.0.0.6")


def test_unlock_lifts_the_lock_and_is_audited(db: Database) -> None:
    for _ in range(5):
        _fail(db, "clerk", "10.0.0.7", T0)
    for index in range(POLICY.address_failures):
        _fail(db, f"other{index}", "10.0.0.8", T0)
    locks = current_locks(db, POLICY, now=T0)
    assert {(lock.kind, lock.name) for lock in locks} == {(ACCOUNT, "clerk"), (ADDRESS, "10.0.0.8")}
    assert unlock(db, kind=ACCOUNT, name="clerk", actor="admin")
    assert unlock(db, kind=ADDRESS, name="10.0.0.8", actor="admin")
    assert not unlock(db, kind=ACCOUNT, name="reviewer", actor="admin")
    assert begin_try(db, POLICY, username="clerk", address="10.0.0.7", now=T0) is None
    assert begin_try(db, POLICY, username="other1", address="10.0.0.8", now=T0) is None
    assert current_locks(db, POLICY, now=T0) == []
    unlocks = [(entry.actor, entry.detail) for entry in list_audit(db) if entry.action == "sign_in_unlock"]
    assert ("admin", "user clerk unlocked (was locked or counted)") in unlocks
    assert ("admin", "address 10.0.0.8 unlocked (was locked or counted)") in unlocks
    assert len(unlocks) == 3


def test_rows_quiet_for_long_are_pruned_but_not_a_lock(db: Database) -> None:
    for index in range(3):
        _fail(db, f"sprayed{index}", "10.0.0.9", T0)
    locked_until = T0 + timedelta(days=3)
    long_lock = SignInPolicy(5, 50, timedelta(minutes=15), timedelta(days=3), timedelta(days=3))
    for _ in range(5):
        _fail(db, "longlocked", "10.0.0.10", T0)  # locked for 1 minute by POLICY
    for _ in range(5):
        begin_try(db, long_lock, username="held", address="10.0.0.11", now=T0)
        try_failed(db, long_lock, username="held", address="10.0.0.11", now=T0)
    _fail(db, "fresh", "10.0.0.12", T0 + timedelta(days=2))
    with db.session() as session:
        keys = set(session.scalars(select(SignInLimitRow.key)))
    assert "user:sprayed0" not in keys
    assert "user:longlocked" not in keys
    assert {"user:held", "user:fresh", "address:10.0.0.12"} <= keys
    assert begin_try(db, POLICY, username="held", address="10.0.0.11", now=T0 + timedelta(days=2)) == Refusal(
        ACCOUNT, locked_until
    )
