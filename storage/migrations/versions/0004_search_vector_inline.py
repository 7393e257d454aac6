"""Keep each page's search vector in the page row on PostgreSQL (storage MAIN, not out of line).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 07:35:00

A page row over 2 kB had its ``search_vector`` moved to the TOAST table, so ranking
and phrase checks fetched every vector they read through the TOAST index. With
storage MAIN it stays in the row (compressed when that pays) until the row would not
fit a block. Measured on 100,000 synthetic pages (bench/bench_search.py): ranking the
2,000-page pool 18 -> 14 ms, a phrase of two common words 185 -> 42 ms. Existing
vectors are written again so that they move: every page row gets a new version, so the
table takes about twice its space until VACUUM (autovacuum) frees the old versions for
reuse (VACUUM FULL returns it). SQLite has nothing to change.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE pages ALTER COLUMN search_vector SET STORAGE MAIN")
        # A new value (concatenated with an empty vector) is stored by the new rule; the
        # trigger fires on changes of the text only, so the vectors are kept as they are.
        op.execute(
            "UPDATE pages SET search_vector = search_vector || ''::tsvector WHERE search_vector IS NOT NULL"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE pages ALTER COLUMN search_vector SET STORAGE EXTENDED")
