"""Users, passwords, sessions, API tokens and who sees which request (sign-in limits: test_sign_in_limits)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from rogatory.errors import InputError, NotFoundError
from rogatory.registration import Status
from rogatory.users import Role, User
from storage.credentials import (
    close_session,
    create_token,
    list_tokens,
    open_session,
    revoke_access,
    revoke_token,
    session_user,
    token_user,
)
from storage.database import Database
from storage.models import ApiTokenRow, UserRow, WebSessionRow
from storage.registry import list_audit
from storage.users import check_password, create_user, set_active
from storage.visibility import may_see, visible_numbers
from tests.storage.sample_analysis import add_request, make_analysis

PASSWORD = "correct horse battery"


def _user(db: Database, name: str, role: Role = Role.CLERK, authority: str | None = None) -> User:
    return create_user(db, username=name, password=PASSWORD, role=role, authority=authority)


def test_password_is_kept_only_as_an_argon2_hash(db: Database) -> None:
    user = _user(db, "clerk1")
    with db.session() as session:
        stored = session.scalar(select(UserRow.password_hash).where(UserRow.id == user.id))
    assert stored is not None
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert check_password(db, "clerk1", PASSWORD) == user
    assert check_password(db, "CLERK1 ", PASSWORD) == user
    assert check_password(db, "clerk1", PASSWORD + "x") is None
    assert check_password(db, "nobody", PASSWORD) is None


def test_disabled_user_cannot_sign_in_and_loses_sessions(db: Database) -> None:
    user = _user(db, "clerk2")
    token, _ = open_session(db, user, lifetime=timedelta(hours=1))
    set_active(db, "clerk2", active=False, actor="admin")
    assert check_password(db, "clerk2", PASSWORD) is None
    assert session_user(db, token) is None


def test_enabling_again_revives_no_session_and_no_token(db: Database) -> None:
    user = _user(db, "clerk5")
    session_token, _ = open_session(db, user, lifetime=timedelta(hours=1))
    api_token = create_token(db, user, name="script", actor="admin")
    set_active(db, "clerk5", active=False, actor="admin")
    set_active(db, "clerk5", active=True, actor="admin")
    assert check_password(db, "clerk5", PASSWORD) == user
    assert session_user(db, session_token) is None
    assert token_user(db, api_token) is None
    assert [token.state(datetime.now(UTC)) for token in list_tokens(db, "clerk5")] == ["revoked"]
    ended = [entry.detail for entry in list_audit(db) if entry.action == "access_revoked"]
    assert ended == ["access of clerk5 ended: 1 session(s) closed, 1 API token(s) revoked"]
    set_active(db, "clerk5", active=False, actor="admin")
    with pytest.raises(InputError, match="disabled"):
        create_token(db, user, name="while disabled", actor="admin")


def test_a_revoked_or_expired_token_is_refused(db: Database) -> None:
    user = _user(db, "script1")
    kept = create_token(db, user, name="kept", actor="admin")
    revoked = create_token(db, user, name="revoked", actor="admin")
    expired = create_token(db, user, name="expired", actor="admin", lifetime=timedelta(seconds=-1))
    by_name = {token.name: token for token in list_tokens(db, "script1")}
    revoke_token(db, "script1", by_name["revoked"].id, actor="admin")
    assert token_user(db, revoked) is None
    assert token_user(db, expired) is None
    assert token_user(db, kept) == user
    states = {token.name: token.state(datetime.now(UTC)) for token in list_tokens(db, "script1")}
    assert states == {"kept": "valid", "revoked": "revoked", "expired": "expired"}
    with pytest.raises(NotFoundError):
        revoke_token(db, "clerk", by_name["kept"].id, actor="admin")  # not that user's token
    assert any(entry.action == "api_token_revoked" for entry in list_audit(db))


def test_a_tokens_last_use_is_noted(db: Database) -> None:
    user = _user(db, "script2")
    token = create_token(db, user, name="nightly", actor="admin", lifetime=timedelta(days=7))
    (listed,) = list_tokens(db, "script2")
    assert listed.last_used_at is None
    assert listed.expires_at - listed.created_at == timedelta(days=7)
    before = datetime.now(UTC)
    assert token_user(db, token) == user
    (used,) = list_tokens(db, "script2")
    assert used.last_used_at is not None
    assert used.last_used_at >= before - timedelta(seconds=1)


def test_revoking_a_users_access_ends_sessions_and_tokens(db: Database) -> None:
    user = _user(db, "reviewer2", Role.REVIEWER)
    session_token, _ = open_session(db, user, lifetime=timedelta(hours=1))
    api_token = create_token(db, user, name="script", actor="admin")
    assert revoke_access(db, "reviewer2", actor="admin") == (1, 1)
    assert session_user(db, session_token) is None
    assert token_user(db, api_token) is None
    assert check_password(db, "reviewer2", PASSWORD) == user, "the account itself stays usable"
    with pytest.raises(NotFoundError):
        revoke_access(db, "nobody", actor="admin")


@pytest.mark.parametrize(
    "case",
    [
        ("x", PASSWORD, Role.CLERK, None, "bad_username"),
        ("bad name", PASSWORD, Role.CLERK, None, "bad_username"),
        ("shortpw", "short", Role.CLERK, None, "weak_password"),
        ("noauthority", PASSWORD, Role.AUTHORITY, None, "bad_authority"),
        ("clerkwithauthority", PASSWORD, Role.CLERK, "fiu", "bad_authority"),
    ],
)
def test_bad_users_are_refused(db: Database, case: tuple[str, str, Role, str | None, str]) -> None:
    username, password, role, authority, code = case
    with pytest.raises(InputError) as raised:
        create_user(db, username=username, password=password, role=role, authority=authority)
    assert raised.value.code == code


def test_user_name_is_unique(db: Database) -> None:
    _user(db, "twice")
    with pytest.raises(InputError, match="taken"):
        _user(db, "Twice")


def test_session_and_token_are_stored_hashed_and_resolve_to_their_user(db: Database) -> None:
    user = _user(db, "reviewer1", Role.REVIEWER)
    token, csrf = open_session(db, user, lifetime=timedelta(hours=1), address="10.0.0.1")
    api_token = create_token(db, user, name="script", actor="admin")
    with db.session() as session:
        assert session.scalar(select(WebSessionRow.token_hash)) == hashlib.sha256(token.encode()).hexdigest()
        assert (
            session.scalar(select(ApiTokenRow.token_hash)) == hashlib.sha256(api_token.encode()).hexdigest()
        )
    signed_in = session_user(db, token)
    assert signed_in is not None
    assert (signed_in.user, signed_in.csrf_token) == (user, csrf)
    assert token_user(db, api_token) == user
    assert token_user(db, token) is None
    assert session_user(db, api_token) is None
    close_session(db, token, actor=user.label)
    assert session_user(db, token) is None
    actions = [entry.action for entry in list_audit(db)]
    assert {"sign_in", "sign_out", "api_token"} <= set(actions)


def test_expired_session_signs_no_one_in(db: Database) -> None:
    user = _user(db, "clerk3")
    token, _ = open_session(db, user, lifetime=timedelta(seconds=-1))
    assert session_user(db, token) is None


def _request(db: Database, label: str, *, route_to: str, notify: tuple[str, ...] = (), status: Status) -> str:
    analysis = make_analysis([f"{label} text"], route_to=route_to, notify=notify)
    return add_request(db, label, analysis, status=status, filename=f"{label}.pdf")


def test_authority_user_sees_only_what_is_routed_or_notified_to_it(db: Database) -> None:
    mine = _request(db, "mine", route_to="fiu", status=Status.ROUTED)
    notified = _request(db, "notified", route_to="police", notify=("fiu",), status=Status.ROUTED)
    other = _request(db, "other", route_to="police", notify=("fiu_x",), status=Status.ROUTED)
    waiting = _request(db, "waiting", route_to="fiu", status=Status.NEEDS_REVIEW)
    fiu = _user(db, "fiu1", Role.AUTHORITY, "fiu")
    clerk = _user(db, "clerk4")
    everything = {mine, notified, other, waiting, "RQ-1999-000001"}
    with db.session() as session:
        assert visible_numbers(session, fiu, everything) == {mine, notified}
        assert visible_numbers(session, clerk, everything) == {mine, notified, other, waiting}
        assert may_see(session, fiu, mine)
        assert not may_see(session, fiu, other)
        assert not may_see(session, fiu, waiting)
        assert not may_see(session, clerk, "RQ-1999-000001")
