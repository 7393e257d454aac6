"""Bring a database to the current schema with Alembic (``upgrade head``), at open.

Runs in every process that opens the database. Processes starting together agree:
on SQLite the upgrade runs under the write lock (``BEGIN IMMEDIATE``), on PostgreSQL
under a transaction-scoped advisory lock. A database made by an earlier release
(tables created without Alembic) is stamped at the first revision, then upgraded.
To add a revision: change :mod:`storage.models`, then run
``alembic -c storage/alembic.ini revision --autogenerate -m "what changed"``
against an up-to-date database and review the file in ``storage/migrations/versions``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
INITIAL_REVISION = "0001"
_ADVISORY_KEY = 727_001  # any constant shared by every Rogatory process


def alembic_config(url: str | None = None) -> Config:
    """An Alembic configuration pointing at our migrations (and ``url`` if given)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision of the migration scripts."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migration in {MIGRATIONS}")
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at (``None`` for a database Alembic never touched)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_schema(connection: Connection) -> None:
    """Upgrade the database of ``connection`` to head, inside its open transaction.

    The caller holds the transaction (and on SQLite the write lock). Raises
    ``sqlalchemy.exc.OperationalError`` when the database fails.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_KEY})
    current = current_revision(connection)
    if current == head_revision():
        return
    config = alembic_config()
    config.attributes["connection"] = connection
    if current is None and inspect(connection).has_table("registrations"):
        command.stamp(config, INITIAL_REVISION)
    command.upgrade(config, "head")
