"""Users, browser sessions, API tokens, failed sign-ins, and the notified authorities of an analysis.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 06:54:05

``analyses.notify`` lists the authorities notified besides ``route_to`` (`` a b ``), so an
authority user's lists are filtered in SQL. Existing analyses get it from their JSON.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from storage.models import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("authority", sa.String(length=100), nullable=True),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    for table in ("web_sessions", "api_tokens"):
        extra = (
            [
                sa.Column("csrf_token", sa.String(length=64), nullable=False),
                sa.Column("expires_at", UtcDateTime(timezone=True), nullable=False),
            ]
            if table == "web_sessions"
            else [sa.Column("name", sa.String(length=200), nullable=False)]
        )
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("token_hash", sa.String(length=64), nullable=False),
            sa.Column("user_id", sa.Integer(), nullable=False),
            *extra,
            sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
            sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("token_hash"),
        )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_user_id"), ["user_id"], unique=False)
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("at", UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sign_in_failures", schema=None) as batch_op:
        for column in ("address", "at", "username"):
            batch_op.create_index(batch_op.f(f"ix_sign_in_failures_{column}"), [column], unique=False)
    with op.batch_alter_table("analyses", schema=None) as batch_op:
        for column in _LABEL_COLUMNS:
            batch_op.add_column(sa.Column(column, sa.Text(), nullable=False, server_default=" "))
        batch_op.add_column(sa.Column("urgent", sa.Boolean(), nullable=False, server_default=sa.false()))
    _fill_labels()


_LABEL_COLUMNS = ("notify", "offences", "measures", "legal_basis", "missing")


def _fill_labels() -> None:
    """Fill the new label columns of the analyses saved before this revision from their JSON."""
    bind = op.get_bind()
    analyses = sa.table(
        "analyses",
        sa.column("registration_id", sa.Integer),
        sa.column("analysis_json", sa.Text),
        sa.column("urgent", sa.Boolean),
        *(sa.column(column, sa.Text) for column in _LABEL_COLUMNS),
    )
    rows = bind.execute(sa.select(analyses.c.registration_id, analyses.c.analysis_json)).all()
    for registration_id, analysis_json in rows:
        analysis = json.loads(analysis_json or "{}")
        classification = analysis.get("classification") or {}
        checks = (analysis.get("completeness") or {}).get("checks") or []
        values = {
            "notify": (analysis.get("routing") or {}).get("notify") or [],
            "offences": [label["value"] for label in classification.get("offences") or []],
            "measures": [label["value"] for label in classification.get("measures") or []],
            "legal_basis": [label["value"] for label in classification.get("legal_basis") or []],
            "missing": [check["element"] for check in checks if not check.get("present", True)],
        }
        urgent = (classification.get("urgent") or {}).get("value") == "true"
        bind.execute(
            analyses.update()
            .where(analyses.c.registration_id == registration_id)
            .values(
                urgent=urgent,
                **{
                    column: " " + "".join(f"{value} " for value in sorted(set(found)))
                    for column, found in values.items()
                },
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("analyses", schema=None) as batch_op:
        for column in ("urgent", *_LABEL_COLUMNS):
            batch_op.drop_column(column)
    with op.batch_alter_table("sign_in_failures", schema=None) as batch_op:
        for column in ("username", "at", "address"):
            batch_op.drop_index(batch_op.f(f"ix_sign_in_failures_{column}"))
    op.drop_table("sign_in_failures")
    for table in ("api_tokens", "web_sessions"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_user_id"))
        op.drop_table(table)
    op.drop_table("users")
