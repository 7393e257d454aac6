"""Page runs and page results: the pages of a long document OCR'd by separate tasks.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 10:40:00

``page_runs`` holds a document's current run (its page count and whether a task
has claimed the finish), ``page_results`` each page's text as JSON until the
document is finished. Both are working tables: rows exist only while pages are out.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.models import UtcDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "page_runs",
        sa.Column("registration_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("run", sa.String(length=32), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("finishing", sa.Boolean(), nullable=False),
        sa.Column("started_at", UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("registration_id"),
    )
    op.create_table(
        "page_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("run", sa.String(length=32), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("page_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("registration_id", "run", "page", name="uq_page_results_run_page"),
    )


def downgrade() -> None:
    op.drop_table("page_results")
    op.drop_table("page_runs")
