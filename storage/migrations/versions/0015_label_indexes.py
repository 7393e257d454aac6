"""Label indexes on PostgreSQL: a trigram index on each multi-valued label column of the analyses.

Revision ID: 0015
Revises: 0014
Create Date: 2027-01-27 19:00:00

The registry filters a label column by ``LIKE '% label %'`` (``storage.visibility.has_label``),
and an authority sees what is routed to it or notified to it (``notify LIKE '% authority %'``).
No index served either: an authority's offence by deadline read every analysis twice, for
the count and for the page (issue 22). pg_trgm's GIN index serves ``LIKE`` as it is written,
on both sides of an ``OR``; SQLite walks the sort column's index instead (``storage.listing``).
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_COLUMNS = ("offences", "measures", "legal_basis", "notify")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for column in _COLUMNS:
            op.execute(
                f"CREATE INDEX ix_analyses_{column}_trgm ON analyses USING gin ({column} gin_trgm_ops)"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for column in _COLUMNS:
            op.execute(f"DROP INDEX IF EXISTS ix_analyses_{column}_trgm")
