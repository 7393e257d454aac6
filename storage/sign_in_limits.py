"""The sign-in limits: failed tries counted per account and per address, in the database.

A try is counted *before* its password is checked, in one transaction that holds the
rows of its account and its address (``SELECT ... FOR UPDATE`` on PostgreSQL, the write
lock on SQLite), so tries made in parallel, by threads or by several web processes,
cannot pass the limit: with a limit of 5, 5 passwords are checked whatever the number
of tries at once. A successful sign-in gives its account a clean slate and its address
its try back. When the last allowed try of a row fails, the row is locked: the first
lock-out lasts ``first_lockout``, each further one twice as long (up to
``longest_lockout``), until a successful sign-in or an administrator's :func:`unlock`.
The address limit is set higher than the account's, so one user's wrong passwords lock
that account only, not every colleague behind the same address. Used by the web app
and the ``rogatory users unlock`` command; every function may raise ``TransientError``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from rogatory.settings import Settings
from storage.audit import write_audit
from storage.database import Database
from storage.models import SignInLimitRow

ACCOUNT = "user"
ADDRESS = "address"
_KEEP_QUIET_ROWS = timedelta(days=1)


@dataclass(frozen=True)
class SignInPolicy:
    """How many failed tries an account and an address get, and how long a lock-out lasts."""

    account_failures: int
    address_failures: int
    window: timedelta
    first_lockout: timedelta
    longest_lockout: timedelta

    @classmethod
    def of(cls, settings: Settings) -> SignInPolicy:
        return cls(
            account_failures=settings.sign_in_max_failures,
            address_failures=settings.sign_in_address_max_failures,
            window=timedelta(minutes=settings.sign_in_window_minutes),
            first_lockout=timedelta(minutes=settings.sign_in_lockout_minutes),
            longest_lockout=timedelta(minutes=settings.sign_in_lockout_max_minutes),
        )

    def lockout(self, count: int) -> timedelta:
        """The length of the ``count``-th lock-out in a row (1, 2, 4, ... times the first)."""
        longer: timedelta = self.first_lockout * float(2 ** min(count - 1, 30))
        return min(longer, self.longest_lockout)


@dataclass(frozen=True)
class Refusal:
    """Why a try was refused unchecked: its ``kind`` (account, address) is locked until ``until``
    (None: its last tries are still being checked)."""

    kind: str
    until: datetime | None


@dataclass(frozen=True)
class SignInLock:
    """A locked account or address, for the administrators' page."""

    kind: str
    name: str
    failures: int
    locked_until: datetime | None
    lockouts: int


def begin_try(
    db: Database, policy: SignInPolicy, *, username: str, address: str, now: datetime | None = None
) -> Refusal | None:
    """Count a try of ``username`` from ``address``; a ``Refusal`` if either is locked (nothing counted).

    Call it before checking the password, then :func:`try_failed` or :func:`try_succeeded`.
    """
    at = now or datetime.now(UTC)
    with db.session(write=True) as session:
        rows = [
            (ACCOUNT, _locked_row(session, _key(ACCOUNT, username), at), policy.account_failures),
            (ADDRESS, _locked_row(session, _key(ADDRESS, address), at), policy.address_failures),
        ]
        for kind, row, limit in rows:
            _forget_old(row, policy, at)
            if row.locked_until is not None:
                return Refusal(kind, row.locked_until)
            if row.failures >= limit:
                return Refusal(kind, None)
        for _, row, _ in rows:
            row.failures += 1
            row.updated_at = at
    return None


def try_failed(
    db: Database, policy: SignInPolicy, *, username: str, address: str, now: datetime | None = None
) -> None:
    """The password of a counted try was wrong: audit it, and lock what reached its limit."""
    at = now or datetime.now(UTC)
    with db.session(write=True) as session:
        write_audit(
            session, action="sign_in_failed", actor=username[:200], detail=f"from {address or 'unknown'}"
        )
        for kind, value, limit in (
            (ACCOUNT, username, policy.account_failures),
            (ADDRESS, address, policy.address_failures),
        ):
            row = _locked_row(session, _key(kind, value), at)
            row.updated_at = at
            if row.failures >= limit and row.locked_until is None:
                row.lockouts += 1
                row.locked_until = at + policy.lockout(row.lockouts)
                detail = f"{kind} {_shown(value)} locked until {row.locked_until:%Y-%m-%d %H:%M:%S} UTC"
                write_audit(session, action="sign_in_locked", actor="system", detail=detail)
        _prune(session, at - _KEEP_QUIET_ROWS - max(policy.window, policy.longest_lockout), at)


def try_succeeded(db: Database, *, username: str, address: str) -> None:
    """The password was right: the account starts again from nothing, the address gets its try back."""
    with db.session(write=True) as session:
        session.execute(delete(SignInLimitRow).where(SignInLimitRow.key == _key(ACCOUNT, username)))
        row = session.scalar(
            select(SignInLimitRow).where(SignInLimitRow.key == _key(ADDRESS, address)).with_for_update()
        )
        if row is not None and row.failures > 0:
            row.failures -= 1


def unlock(db: Database, *, kind: str, name: str, actor: str) -> bool:
    """Lift the lock and forget the failed tries of an account or an address (audited).

    Returns whether anything was counted against it.
    """
    with db.session(write=True) as session:
        removed = session.execute(delete(SignInLimitRow).where(SignInLimitRow.key == _key(kind, name)))
        counted = bool(getattr(removed, "rowcount", 0))
        state = "was locked or counted" if counted else "was not locked"
        write_audit(
            session, action="sign_in_unlock", actor=actor, detail=f"{kind} {_shown(name)} unlocked ({state})"
        )
    return counted


def current_locks(db: Database, policy: SignInPolicy, *, now: datetime | None = None) -> list[SignInLock]:
    """The accounts and addresses refused now (locked, or at their limit while tries are checked)."""
    at = now or datetime.now(UTC)
    since = at - policy.window
    with db.session() as session:
        rows = session.scalars(
            select(SignInLimitRow)
            .where(
                or_(
                    SignInLimitRow.locked_until > at,
                    and_(SignInLimitRow.window_start >= since, SignInLimitRow.failures > 0),
                )
            )
            .order_by(SignInLimitRow.key)
        ).all()
    locks = []
    for row in rows:
        kind, _, name = row.key.partition(":")
        limit = policy.account_failures if kind == ACCOUNT else policy.address_failures
        locked = row.locked_until if row.locked_until is not None and row.locked_until > at else None
        if locked is not None or row.failures >= limit:
            locks.append(SignInLock(kind, name, row.failures, locked, row.lockouts))
    return locks


def _locked_row(session: Session, key: str, at: datetime) -> SignInLimitRow:
    """The row of ``key``, created if missing, locked until the transaction ends."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(SignInLimitRow)
        .values(key=key, failures=0, window_start=at, lockouts=0, updated_at=at)
        .on_conflict_do_nothing(index_elements=["key"])
    )
    return session.scalars(
        select(SignInLimitRow)
        .where(SignInLimitRow.key == key)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


def _prune(session: Session, quiet_since: datetime, at: datetime) -> None:
    """Delete the rows untouched since ``quiet_since`` and not locked, skipping rows that another
    try holds (PostgreSQL), so pruning never waits for a lock and cannot deadlock with a try."""
    stale = session.scalars(
        select(SignInLimitRow.key)
        .where(
            SignInLimitRow.updated_at < quiet_since,
            or_(SignInLimitRow.locked_until.is_(None), SignInLimitRow.locked_until < at),
        )
        .limit(500)
        .with_for_update(skip_locked=True)
    ).all()
    if stale:
        session.execute(delete(SignInLimitRow).where(SignInLimitRow.key.in_(stale)))


def _forget_old(row: SignInLimitRow, policy: SignInPolicy, at: datetime) -> None:
    """A lock-out that has passed, or tries older than the window, count no more."""
    if row.locked_until is not None and row.locked_until <= at:
        row.locked_until, row.failures, row.window_start = None, 0, at
    elif row.locked_until is None and row.window_start < at - policy.window:
        row.failures, row.window_start = 0, at


def _key(kind: str, value: str) -> str:
    name = value.strip().lower() if kind == ACCOUNT else value.strip()
    return f"{kind}:{name[:290]}"


def _shown(value: str) -> str:
    return (value.strip() or "unknown")[:200]
