"""Browser sessions and API tokens.

A session or token is a random secret given to the client once; the database keeps
only its SHA-256, so a copy of the database signs no one in. Each session has its
own CSRF token. A token has a name, an expiry and a last use; revoking it (or
disabling its user) is for good. The failed sign-ins are counted in
:mod:`storage.sign_in_limits`. Used by the web app and the ``rogatory users``
command; every function may raise ``TransientError``.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update

from rogatory.errors import InputError, NotFoundError
from rogatory.users import ApiToken, User
from storage.audit import write_audit
from storage.database import Database
from storage.models import ApiTokenRow, UserRow, WebSessionRow
from storage.users import end_access, user_from_row

TOKEN_PREFIX = "rgt_"  # noqa: S105 - a visible prefix of every API token, not a secret
DEFAULT_TOKEN_LIFETIME = timedelta(days=90)
_LAST_USE_PRECISION = timedelta(minutes=1)


@dataclass(frozen=True)
class SignedIn:
    """A session's user and the CSRF token that its forms and scripts must send back."""

    user: User
    csrf_token: str


def open_session(db: Database, user: User, *, lifetime: timedelta, address: str = "") -> tuple[str, str]:
    """Start a session for ``user``: returns (the cookie's token, the session's CSRF token)."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    with db.session(write=True) as session:
        session.execute(delete(WebSessionRow).where(WebSessionRow.expires_at < now))
        session.add(
            WebSessionRow(
                token_hash=_digest(token),
                user_id=user.id,
                csrf_token=csrf,
                created_at=now,
                expires_at=now + lifetime,
            )
        )
        write_audit(session, action="sign_in", actor=user.label, detail=f"from {address or 'unknown'}")
    return token, csrf


def session_user(db: Database, token: str) -> SignedIn | None:
    """The active user of an unexpired session token, else None."""
    with db.session() as session:
        found = session.execute(
            select(UserRow, WebSessionRow.csrf_token)
            .join(WebSessionRow, WebSessionRow.user_id == UserRow.id)
            .where(WebSessionRow.token_hash == _digest(token), WebSessionRow.expires_at > datetime.now(UTC))
        ).first()
        if found is None or not found[0].active:
            return None
        return SignedIn(user=user_from_row(found[0]), csrf_token=found[1])


def close_session(db: Database, token: str, *, actor: str) -> None:
    """End a session (sign-out)."""
    with db.session(write=True) as session:
        session.execute(delete(WebSessionRow).where(WebSessionRow.token_hash == _digest(token)))
        write_audit(session, action="sign_out", actor=actor)


def create_token(
    db: Database, user: User, *, name: str, actor: str, lifetime: timedelta = DEFAULT_TOKEN_LIFETIME
) -> str:
    """A new API token for ``user``, valid for ``lifetime``, shown once: the database keeps its hash only.

    Raises ``InputError`` for a disabled user (a token made then would come alive when the
    user is enabled again).
    """
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    with db.session(write=True) as session:
        if not session.scalar(select(UserRow.active).where(UserRow.id == user.id)):
            raise InputError(f"{user.username} is disabled: enable the account first", code="user_disabled")
        row = ApiTokenRow(
            token_hash=_digest(token), user_id=user.id, name=name, created_at=now, expires_at=now + lifetime
        )
        session.add(row)
        session.flush()
        detail = f"token {row.id} {name!r} for {user.username}, expires {row.expires_at:%Y-%m-%d}"
        write_audit(session, action="api_token", actor=actor, detail=detail)
    return token


def token_user(db: Database, token: str) -> User | None:
    """The active user of an unexpired, unrevoked API token, else None; its last use is noted
    (at most once a minute, so a busy script does not write on every call)."""
    now = datetime.now(UTC)
    with db.session() as session:
        found = session.execute(
            select(UserRow, ApiTokenRow.id, ApiTokenRow.last_used_at)
            .join(ApiTokenRow, ApiTokenRow.user_id == UserRow.id)
            .where(
                ApiTokenRow.token_hash == _digest(token),
                ApiTokenRow.revoked_at.is_(None),
                ApiTokenRow.expires_at > now,
            )
        ).first()
        if found is None or not found[0].active:
            return None
        user, token_id, last_used = user_from_row(found[0]), found[1], found[2]
    if last_used is None or last_used < now - _LAST_USE_PRECISION:
        with db.session(write=True) as session:
            session.execute(update(ApiTokenRow).where(ApiTokenRow.id == token_id).values(last_used_at=now))
    return user


def list_tokens(db: Database, username: str | None = None) -> list[ApiToken]:
    """The API tokens (all, or of one user), newest first, revoked and expired ones included."""
    query = select(ApiTokenRow, UserRow.username).join(UserRow, UserRow.id == ApiTokenRow.user_id)
    if username is not None:
        query = query.where(UserRow.username == username.strip().lower())
    with db.session() as session:
        rows = session.execute(query.order_by(ApiTokenRow.created_at.desc(), ApiTokenRow.id.desc())).all()
        return [
            ApiToken(
                id=row.id,
                username=name,
                name=row.name,
                created_at=row.created_at,
                expires_at=row.expires_at,
                last_used_at=row.last_used_at,
                revoked_at=row.revoked_at,
            )
            for row, name in rows
        ]


def revoke_token(db: Database, username: str, token_id: int, *, actor: str) -> None:
    """Revoke one API token of ``username`` for good. Raises ``NotFoundError`` (not that user's token)."""
    with db.session(write=True) as session:
        row = session.scalar(
            select(ApiTokenRow)
            .join(UserRow, UserRow.id == ApiTokenRow.user_id)
            .where(ApiTokenRow.id == token_id, UserRow.username == username.strip().lower())
        )
        if row is None:
            raise NotFoundError(f"user {username!r} has no API token {token_id}")
        if row.revoked_at is None:
            row.revoked_at = datetime.now(UTC)
        write_audit(
            session, action="api_token_revoked", actor=actor, detail=f"token {token_id} of {username}"
        )


def revoke_access(db: Database, username: str, *, actor: str) -> tuple[int, int]:
    """End every session and revoke every API token of ``username`` (audited); returns their counts.

    Raises ``NotFoundError``.
    """
    with db.session(write=True) as session:
        row = session.scalar(select(UserRow).where(UserRow.username == username.strip().lower()))
        if row is None:
            raise NotFoundError(f"no user {username!r}")
        sessions, tokens = end_access(session, row.id, actor=actor)
    return sessions, tokens


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
