"""A user's named registry filters (issue 18, the Paperless-ngx points).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 15:30:00

``saved_filters``: one row per user and name, the filters as the registry's query
string; a user's rows go with the user.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.models import UtcDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_filters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "name", name="uq_saved_filters_user_name"),
    )
    with op.batch_alter_table("saved_filters") as batch:
        batch.create_index("ix_saved_filters_user_id", ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("saved_filters") as batch:
        batch.drop_index("ix_saved_filters_user_id")
    op.drop_table("saved_filters")
