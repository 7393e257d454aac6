"""The database tables, in one module (the later Alembic migrations start from here).

Portable SQL only: SQLite for the embedded default, PostgreSQL in production. The
full-text index is not a table of this metadata: see :mod:`storage.search`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every database (SQLite keeps no time zone: stored naive UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Raises ``ValueError`` for a naive datetime."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: give a timezone-aware one")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class NumberCounter(Base):
    """The last number given in a year: incremented in the registering transaction."""

    __tablename__ = "number_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, nullable=False)


class RegistrationRow(Base):
    __tablename__ = "registrations"
    __table_args__ = (
        UniqueConstraint("year", "sequence", name="uq_registrations_year_sequence"),
        # The registry listing filtered by status, newest first: the index gives the order.
        Index("ix_registrations_status_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    sequence: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    filename: Mapped[str] = mapped_column(Text, nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    media_type: Mapped[str] = mapped_column(String(100), nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    status_reason: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    # Generations of analyses (storage/processing.py): asked for (a new registration
    # asks for one, ``rogatory reprocess`` for another) and done; the processing claim
    # (the task id holding it, since when) and when a processing task was last queued.
    analyses_wanted: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    analyses_done: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    claim_task: Mapped[str | None] = mapped_column(String(200))
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    queued_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    #: The accepted annexes registered with this main document (rows of ``annexes``).
    annex_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")


class AnnexRow(Base):
    """A file registered with a request besides its main document (issue 19).

    An accepted annex is kept in the object store under ``sha256`` (the same content may
    be the annex of several requests); a refused one has its ``code`` and ``reason``.
    ``position`` counts the request's files from 1 (the main document) in the order
    received; ``parent`` is the position of the file it was found in.
    """

    __tablename__ = "annexes"
    __table_args__ = (UniqueConstraint("registration_id", "position", name="uq_annexes_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    parent: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    filename: Mapped[str] = mapped_column(Text, nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    media_type: Mapped[str | None] = mapped_column(String(100))
    origin: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    code: Mapped[str | None] = mapped_column(String(60))
    reason: Mapped[str | None] = mapped_column(Text)


class DuplicateRow(Base):
    __tablename__ = "duplicates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    filename: Mapped[str] = mapped_column(Text, nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class RejectionRow(Base):
    __tablename__ = "rejections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    filename: Mapped[str] = mapped_column(Text, nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    code: Mapped[str] = mapped_column(String(60), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class AnalysisRow(Base):
    """The latest analysis of a registration, plus the decided labels used as filters."""

    __tablename__ = "analyses"
    # The registry listing filtered by one of these columns, newest first (or by deadline):
    # each index ends with the key, so the filtered rows come in the listing's order.
    __table_args__ = (
        Index("ix_analyses_language_id", "language", "registration_id"),
        Index("ix_analyses_requesting_state_id", "requesting_state", "registration_id"),
        Index("ix_analyses_route_to_id", "route_to", "registration_id"),
        Index("ix_analyses_deadline_id", "deadline", "registration_id"),
    )

    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    analysis_json: Mapped[str] = mapped_column(Text, nullable=False)
    language: Mapped[str | None] = mapped_column(String(16))
    request_type: Mapped[str] = mapped_column(String(60), nullable=False)
    requesting_state: Mapped[str | None] = mapped_column(String(8))
    route_to: Mapped[str] = mapped_column(String(100), nullable=False)
    # Multi-valued labels, space-separated with a space at each end (" a b "), so that
    # ``LIKE '% a %'`` finds one (see storage.visibility and storage.facets): the
    # authorities notified besides route_to, and what the registry filters and counts.
    notify: Mapped[str] = mapped_column(Text, nullable=False, default=" ", server_default=" ")
    offences: Mapped[str] = mapped_column(Text, nullable=False, default=" ", server_default=" ")
    measures: Mapped[str] = mapped_column(Text, nullable=False, default=" ", server_default=" ")
    legal_basis: Mapped[str] = mapped_column(Text, nullable=False, default=" ", server_default=" ")
    missing: Mapped[str] = mapped_column(Text, nullable=False, default=" ", server_default=" ")
    urgent: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=sa_false())
    needs_review: Mapped[bool] = mapped_column(Boolean, nullable=False, index=True)
    deadline: Mapped[date | None] = mapped_column(Date)
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class PageRow(Base):
    """The text of one page of a registration's latest analysis (its main document's or an
    annex's), for search."""

    __tablename__ = "pages"
    __table_args__ = (
        UniqueConstraint("registration_id", "document", "page", name="uq_pages_registration_document_page"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), nullable=False
    )
    #: The document of the request the page belongs to: 1 the main one, else an annex's position.
    document: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    page: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)


class PageRunRow(Base):
    """A document whose pages are OCR'd by separate tasks: its current run and the finish claim.

    One row per registration: a new run (the document processed again) replaces it,
    so the page results of an earlier run are no longer counted.
    """

    __tablename__ = "page_runs"

    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    run: Mapped[str] = mapped_column(String(32), nullable=False)
    pages: Mapped[int] = mapped_column(Integer, nullable=False)
    finishing: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    #: The generation of analysis the run's processing claim was for (saved under it).
    generation: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")


class PageResultRow(Base):
    """The text of one page read in a run (a ``PageText`` as JSON), until the document is finished."""

    __tablename__ = "page_results"
    __table_args__ = (UniqueConstraint("registration_id", "run", "page", name="uq_page_results_run_page"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), nullable=False
    )
    run: Mapped[str] = mapped_column(String(32), nullable=False)
    page: Mapped[int] = mapped_column(Integer, nullable=False)
    page_json: Mapped[str] = mapped_column(Text, nullable=False)


class HeartbeatRow(Base):
    """The last sign of life of a long-running part (a worker, a watcher), by its name."""

    __tablename__ = "heartbeats"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    beat_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class AuditRow(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, index=True)
    actor: Mapped[str] = mapped_column(String(200), nullable=False)
    action: Mapped[str] = mapped_column(String(60), nullable=False)
    number: Mapped[str | None] = mapped_column(String(40), index=True)
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")


class ReviewRow(Base):
    """A clerk's routing decision on a request: confirm or reassign. Rows are only ever added."""

    __tablename__ = "review_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    previous_authority: Mapped[str] = mapped_column(String(100), nullable=False)
    authority: Mapped[str] = mapped_column(String(100), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    actor: Mapped[str] = mapped_column(String(200), nullable=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class DraftRow(Base):
    """The clerk's edited request for additional information (the latest edit wins)."""

    __tablename__ = "drafts"

    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    language: Mapped[str] = mapped_column(String(16), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    actor: Mapped[str] = mapped_column(String(200), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class DeliveryRow(Base):
    """One notice to one authority over one channel (e-mail or webhook), with its attempts."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("registration_id", "authority", "channel", name="uq_deliveries_target"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    authority: Mapped[str] = mapped_column(String(100), nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    channel: Mapped[str] = mapped_column(String(20), nullable=False)
    target: Mapped[str] = mapped_column(Text, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class PartyTermRow(Base):
    """One search key of a person, organisation or account named in a registration's analysis.

    A name gives one row per token (``term`` folded to ASCII, ``skeleton`` its
    consonants); an account one row (``term`` = ``skeleton`` = electronic form).
    Rewritten with the analysis; see :mod:`storage.parties`.
    """

    __tablename__ = "party_terms"
    __table_args__ = (
        Index("ix_party_terms_kind_term", "kind", "term"),
        Index("ix_party_terms_kind_skeleton", "kind", "skeleton"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    value: Mapped[str] = mapped_column(Text, nullable=False)
    term: Mapped[str] = mapped_column(String(200), nullable=False)
    skeleton: Mapped[str] = mapped_column(String(200), nullable=False)


class PartyVocabularyRow(Base):
    """One distinct token of the person and organisation names, once however many names hold it.

    PostgreSQL looks near spellings up here by trigrams (``ix_party_vocabulary_term_trgm``,
    revision 0014), then the names holding them by ``ix_party_terms_kind_term``: a trigram
    index over ``party_terms`` rechecked every row of every name sharing trigrams with the
    query (issue 22). Written with the terms (:func:`storage.parties.index_parties`), never
    deleted: a token no name holds any more finds no name.
    """

    __tablename__ = "party_vocabulary"

    term: Mapped[str] = mapped_column(String(200), primary_key=True)


class PartyPairRow(Base):
    """A pair of token skeletons of one name (person or organisation), both in the name.

    Written with the name's terms (:func:`storage.parties.index_parties`): a name of
    up to :data:`storage.names.PAIRED_TOKENS` tokens gets one row per two of its tokens,
    ``pair`` their skeletons in order, space-separated. A query of two common tokens
    seeks the pair of its two rarest in one index range instead of intersecting every
    name that holds either (revision 0012, decisions.md).
    """

    __tablename__ = "party_pairs"
    __table_args__ = (Index("ix_party_pairs_pair", "pair"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    value: Mapped[str] = mapped_column(Text, nullable=False)
    pair: Mapped[str] = mapped_column(String(401), nullable=False)


class UserRow(Base):
    """A user of the web app and the API; the password only as its argon2 hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    display_name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    authority: Mapped[str | None] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(Text, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    language: Mapped[str | None] = mapped_column(String(8))


class WebSessionRow(Base):
    """A signed-in browser session: the cookie holds the token, the table its SHA-256."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    csrf_token: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class ApiTokenRow(Base):
    """A token for the JSON API (``Authorization: Bearer ...``), stored as its SHA-256.

    It is refused after ``expires_at`` or once ``revoked_at`` is set (revoked, or its user
    disabled); a revoked token stays revoked when its user is enabled again.
    """

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SignInLimitRow(Base):
    """The failed sign-ins counted against one account (``user:NAME``) or address (``address:IP``).

    ``failures`` counts tries since ``window_start``, a try in progress included (it is
    counted before its password is checked, so parallel tries cannot pass the limit);
    ``lockouts`` counts the lock-outs since the last success or unlock (each lasts twice
    as long as the one before).
    """

    __tablename__ = "sign_in_limits"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    window_start: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    lockouts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, index=True)


class MailMessageRow(Base):
    """One message of a mailbox: its headers, where it was, and what became of it (issue 19).

    Written ``pending`` before intake and finished after, so a mail process stopped in
    between finds the same arrival (same mailbox, UIDVALIDITY and UID) again.
    """

    __tablename__ = "mail_messages"
    __table_args__ = (UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_mail_messages_uid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox: Mapped[str] = mapped_column(String(200), nullable=False)
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    uid: Mapped[int | None] = mapped_column(BigInteger)
    envelope_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    message_id: Mapped[str | None] = mapped_column(String(1000), index=True)
    sender: Mapped[str] = mapped_column(Text, nullable=False)
    recipients: Mapped[str] = mapped_column(Text, nullable=False)
    subject: Mapped[str] = mapped_column(Text, nullable=False)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    certified: Mapped[bool] = mapped_column(Boolean, nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    outcome: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("registrations.id", ondelete="SET NULL"), index=True
    )
    code: Mapped[str | None] = mapped_column(String(60))
    reason: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class SavedFilterRow(Base):
    """A user's named registry filter: the query string of the registry's filters (issue 18)."""

    __tablename__ = "saved_filters"
    __table_args__ = (UniqueConstraint("user_id", "name", name="uq_saved_filters_user_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    query: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class FigureRow(Base):
    """A statistic kept up to date (storage/figures.py): how many requests received on one UTC
    day (``day`` 1-31) or in one whole month (``day`` 0) have ``value`` in ``dimension``
    (a status, a channel, a label of the analysis, a time's bucket of seconds)."""

    __tablename__ = "statistic_figures"
    # The whole months of a window (``day`` 0, a range of months) read from the index alone.
    __table_args__ = (Index("ix_statistic_figures_day_month", "day", "month", "dimension", "value", "count"),)

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    day: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    dimension: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, nullable=False)
