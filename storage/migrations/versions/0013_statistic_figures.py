"""Statistic figures kept up to date, and the registry listing's composite indexes (issue 22).

Revision ID: 0013
Revises: 0012
Create Date: 2027-01-28 01:30:00

``statistic_figures``: how many requests received on a UTC day (``day`` 1-31) or in a
whole month (``day`` 0) have a value in a dimension (status, channel, a label of the
analysis, a time's bucket of seconds). Changed by every transaction that changes a
request (storage/figures.py); the statistics page sums a few thousand of its rows where
it grouped the whole archive (9-22 s at 300k). Filled here by the rebuild, the GROUP BY
of the archive as it stands (storage/statistic_counts.py): the code of this revision's
time, which is what the figures are defined by.

The listing's indexes end with the registration's key ((route_to, registration_id), ...),
so that a listing filtered by one column, newest first, reads 50 entries of the index in
order instead of sorting every match (PostgreSQL; SQLite's indexes already end with the
rowid). They replace the one-column indexes of those columns.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from storage.figures import rebuild_figures

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "statistic_figures",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("day", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("dimension", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("month", "day", "dimension", "value"),
    )
    op.create_index(
        "ix_statistic_figures_day_month", "statistic_figures", ["day", "month", "dimension", "value", "count"]
    )
    with Session(bind=op.get_bind()) as session:  # joins the migration's transaction
        rebuild_figures(session)
    op.create_index("ix_analyses_requesting_state_id", "analyses", ["requesting_state", "registration_id"])
    for table, old, new, columns in _INDEXES:
        op.drop_index(old, table_name=table)
        op.create_index(new, table, columns)


def downgrade() -> None:
    for table, old, new, columns in _INDEXES:
        op.drop_index(new, table_name=table)
        op.create_index(old, table, columns[:1])
    op.drop_index("ix_analyses_requesting_state_id", table_name="analyses")
    op.drop_table("statistic_figures")


_INDEXES = (
    ("registrations", "ix_registrations_status", "ix_registrations_status_id", ["status", "id"]),
    ("analyses", "ix_analyses_language", "ix_analyses_language_id", ["language", "registration_id"]),
    ("analyses", "ix_analyses_route_to", "ix_analyses_route_to_id", ["route_to", "registration_id"]),
    ("analyses", "ix_analyses_deadline", "ix_analyses_deadline_id", ["deadline", "registration_id"]),
)
