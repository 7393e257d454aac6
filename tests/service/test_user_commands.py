"""``rogatory users token | tokens | revoke | unlock``, in process, on a real data folder (SQLite)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from rogatory.users import Role
from service.cli import main
from storage.credentials import open_session, session_user, token_user
from storage.database import Database, open_database
from storage.registry import list_audit
from storage.sign_in_limits import SignInPolicy, begin_try, try_failed
from storage.users import create_user

PASSWORD = "a long enough password"
POLICY = SignInPolicy(5, 50, timedelta(minutes=15), timedelta(minutes=1), timedelta(minutes=60))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{(data_dir / 'rogatory.db').resolve()}")
    create_user(database, username="clerk", password=PASSWORD, role=Role.CLERK)
    yield database
    database.dispose()


def _users(data_dir: Path, *arguments: str) -> int:
    return main(["--data-dir", str(data_dir), "users", *arguments])


def test_tokens_are_listed_and_revoked_one_or_all(
    data_dir: Path, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _users(data_dir, "token", "clerk", "--name", "nightly", "--days", "7") == 0
    nightly = capsys.readouterr().out.strip()
    assert _users(data_dir, "token", "clerk", "--name", "report") == 0
    report = capsys.readouterr().out.strip()
    assert _users(data_dir, "tokens", "clerk") == 0
    listed = capsys.readouterr().out
    found = re.search(r"^\s*(\d+) valid\s+expires \S+\s+never used\s+nightly$", listed, re.M)
    assert found, listed
    assert _users(data_dir, "revoke", "clerk", "--token", found.group(1)) == 0
    assert token_user(db, nightly) is None
    assert token_user(db, report) is not None
    assert _users(data_dir, "revoke", "clerk", "--token", "9999") == 2
    assert "no API token 9999" in capsys.readouterr().err
    user = token_user(db, report)
    assert user is not None
    cookie, _ = open_session(db, user, lifetime=timedelta(hours=1))
    assert _users(data_dir, "revoke", "clerk") == 0
    assert "1 session(s) ended, 1 API token(s) revoked" in capsys.readouterr().out
    assert token_user(db, report) is None
    assert session_user(db, cookie) is None
    actions = [(entry.actor, entry.action) for entry in list_audit(db)]
    assert ("command line", "api_token_revoked") in actions
    assert ("command line", "access_revoked") in actions
    assert _users(data_dir, "token", "clerk", "--days", "0") == 2


def test_unlock_lifts_a_lock_out_and_is_audited(
    data_dir: Path, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(5):
        assert begin_try(db, POLICY, username="clerk", address="10.0.0.1") is None
        try_failed(db, POLICY, username="clerk", address="10.0.0.1")
    assert begin_try(db, POLICY, username="clerk", address="10.0.0.1") is not None
    assert _users(data_dir, "unlock", "clerk") == 0
    assert capsys.readouterr().out.strip() == "clerk unlocked"
    assert begin_try(db, POLICY, username="clerk", address="10.0.0.1") is None
    assert _users(data_dir, "unlock", "--address", "10.0.0.1") == 0
    assert _users(data_dir, "unlock", "nobody") == 2
    assert _users(data_dir, "unlock") == 2
    unlocks = [entry.detail for entry in list_audit(db) if entry.action == "sign_in_unlock"]
    assert sorted(unlocks) == [
        "address 10.0.0.1 unlocked (was locked or counted)",
        "user clerk unlocked (was locked or counted)",
    ]
