"""Sign-in limits counted in one row per account and address; API tokens expire and are revoked (issue 17).

Revision ID: 0007
Revises: 0006
Create Date: 2027-01-11 07:00:00

``sign_in_limits`` replaces ``sign_in_failures`` (one row per failed try, counted after
the password was checked, so parallel tries passed the limit): a row per account
(``user:NAME``) and per address (``address:IP``), its count raised under the row's lock
before the password is checked. ``api_tokens`` gets ``expires_at`` (the tokens made
before this revision expire 90 days after the upgrade), ``last_used_at`` and
``revoked_at``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

from storage.models import UtcDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_EXISTING_TOKENS_DAYS = 90


def upgrade() -> None:
    op.create_table(
        "sign_in_limits",
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_start", UtcDateTime(timezone=True), nullable=False),
        sa.Column("locked_until", UtcDateTime(timezone=True), nullable=True),
        sa.Column("lockouts", sa.Integer(), nullable=False),
        sa.Column("updated_at", UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_sign_in_limits_updated_at", "sign_in_limits", ["updated_at"])
    with op.batch_alter_table("sign_in_failures") as batch:
        for column in ("username", "at", "address"):
            batch.drop_index(f"ix_sign_in_failures_{column}")
    op.drop_table("sign_in_failures")
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(sa.Column("expires_at", UtcDateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("last_used_at", UtcDateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("revoked_at", UtcDateTime(timezone=True), nullable=True))
    tokens = sa.table("api_tokens", sa.column("expires_at", UtcDateTime(timezone=True)))
    expiry = datetime.now(UTC) + timedelta(days=_EXISTING_TOKENS_DAYS)
    op.get_bind().execute(tokens.update().values(expires_at=expiry))
    with op.batch_alter_table("api_tokens") as batch:
        batch.alter_column("expires_at", existing_type=UtcDateTime(timezone=True), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("api_tokens") as batch:
        for column in ("revoked_at", "last_used_at", "expires_at"):
            batch.drop_column(column)
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("at", UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sign_in_failures") as batch:
        for column in ("address", "at", "username"):
            batch.create_index(f"ix_sign_in_failures_{column}", [column], unique=False)
    op.drop_index("ix_sign_in_limits_updated_at", table_name="sign_in_limits")
    op.drop_table("sign_in_limits")
