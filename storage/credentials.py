"""Browser sessions, API tokens and the failed sign-ins that the rate limit counts.

A session or token is a random secret given to the client once; the database keeps
only its SHA-256, so a copy of the database signs no one in. Each session has its
own CSRF token. Used by the web app; every function may raise ``TransientError``.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, or_, select

from rogatory.users import User
from storage.audit import write_audit
from storage.database import Database
from storage.models import ApiTokenRow, SignInAttemptRow, UserRow, WebSessionRow
from storage.users import user_from_row

TOKEN_PREFIX = "rgt_"  # noqa: S105 - a visible prefix of every API token, not a secret


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


def create_token(db: Database, user: User, *, name: str, actor: str) -> str:
    """A new API token for ``user``, shown once: the database keeps its hash only."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with db.session(write=True) as session:
        session.add(
            ApiTokenRow(token_hash=_digest(token), user_id=user.id, name=name, created_at=datetime.now(UTC))
        )
        write_audit(session, action="api_token", actor=actor, detail=f"token {name!r} for {user.username}")
    return token


def token_user(db: Database, token: str) -> User | None:
    """The active user of an API token, else None."""
    with db.session() as session:
        row = session.scalar(
            select(UserRow)
            .join(ApiTokenRow, ApiTokenRow.user_id == UserRow.id)
            .where(ApiTokenRow.token_hash == _digest(token))
        )
        return user_from_row(row) if row is not None and row.active else None


def record_failure(db: Database, *, username: str, address: str) -> None:
    """Count a failed sign-in of a user name from an address."""
    now = datetime.now(UTC)
    with db.session(write=True) as session:
        session.execute(delete(SignInAttemptRow).where(SignInAttemptRow.at < now - timedelta(days=1)))
        session.add(SignInAttemptRow(username=username.strip().lower()[:200], address=address[:64], at=now))
        write_audit(
            session, action="sign_in_failed", actor=username[:200], detail=f"from {address or 'unknown'}"
        )


def recent_failures(db: Database, *, username: str, address: str, window: timedelta) -> int:
    """Failed sign-ins within ``window`` for this user name or from this address, whichever is more."""
    since = datetime.now(UTC) - window
    name = username.strip().lower()[:200]
    with db.session() as session:
        counts = session.execute(
            select(
                func.count().filter(SignInAttemptRow.username == name),
                func.count().filter(SignInAttemptRow.address == address[:64]),
            ).where(
                SignInAttemptRow.at >= since,
                or_(SignInAttemptRow.username == name, SignInAttemptRow.address == address[:64]),
            )
        ).one()
        return max(int(counts[0]), int(counts[1]))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
