"""The messages of the mailboxes, their headers and outcome (issue 19).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 15:45:00

``mail_messages``: one row per message fetched from a mailbox (or refused before it was
fetched): mailbox, UIDVALIDITY and UID (unique together), the hash of the ``.eml``, the
recorded headers, the body's text, the outcome and the registration it became or repeats.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.models import UtcDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mail_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mailbox", sa.String(length=200), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=True),
        sa.Column("uid", sa.BigInteger(), nullable=True),
        sa.Column("envelope_sha256", sa.String(length=64), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.String(length=1000), nullable=True),
        sa.Column("sender", sa.Text(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("sent_at", UtcDateTime(timezone=True), nullable=True),
        sa.Column("certified", sa.Boolean(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=60), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("received_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_mail_messages_uid"),
    )
    for column in ("envelope_sha256", "message_id", "outcome", "registration_id"):
        op.create_index(f"ix_mail_messages_{column}", "mail_messages", [column])


def downgrade() -> None:
    for column in ("registration_id", "outcome", "message_id", "envelope_sha256"):
        op.drop_index(f"ix_mail_messages_{column}", table_name="mail_messages")
    op.drop_table("mail_messages")
