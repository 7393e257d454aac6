"""Analysis generations, the processing claim, queue times and heartbeats (issue 17).

Revision ID: 0006
Revises: 0005
Create Date: 2027-01-10 09:00:00

``registrations`` gets the generations of analyses wanted and done, the processing
claim (task id, time) and when a processing task was last queued; a registration
already analysed or failed counts its one analysis as done. ``page_runs`` keeps the
generation its pages are read for. ``heartbeats`` holds the last sign of life of each
worker and watcher, which ``/health`` reads.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.models import UtcDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("registrations") as batch:
        batch.add_column(sa.Column("analyses_wanted", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("analyses_done", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("claim_task", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("claimed_at", UtcDateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("queued_at", UtcDateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE registrations SET analyses_done = 1 "
        "WHERE status IN ('routed', 'needs_review', 'failed') "
        "OR id IN (SELECT registration_id FROM analyses)"
    )
    with op.batch_alter_table("page_runs") as batch:
        batch.add_column(sa.Column("generation", sa.Integer(), nullable=False, server_default="1"))
    op.create_table(
        "heartbeats",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("beat_at", UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_index("ix_heartbeats_kind", "heartbeats", ["kind"])


def downgrade() -> None:
    op.drop_index("ix_heartbeats_kind", table_name="heartbeats")
    op.drop_table("heartbeats")
    with op.batch_alter_table("page_runs") as batch:
        batch.drop_column("generation")
    with op.batch_alter_table("registrations") as batch:
        for column in ("queued_at", "claimed_at", "claim_task", "analyses_done", "analyses_wanted"):
            batch.drop_column(column)
