"""Listing indexes on PostgreSQL: trigrams of the label columns, nullable sorts descending.

Revision ID: 0015
Revises: 0014
Create Date: 2027-01-27 19:00:00

The registry filters a label column by ``LIKE '% label %'`` (``storage.visibility.has_label``),
and an authority sees what is routed to it or notified to it (``notify LIKE '% authority %'``).
No index served either: an authority's offence by deadline read every analysis twice, for
the count and for the page (issue 22). pg_trgm's GIN index serves ``LIKE`` as it is written,
on both sides of an ``OR``.

Many matches sorted by another column are listed by walking that column's index
(``storage.listing``). A column that may be NULL is sorted ``DESC NULLS LAST``, which
PostgreSQL's ascending index read backwards does not give (``DESC NULLS FIRST``): the walk
read and sorted every match (an authority's offence by deadline at a million: 0.4 to 2.2
s). These columns get a descending index with the NULLs last; SQLite's backward scan gives
that order already (its NULLs sort first).
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
