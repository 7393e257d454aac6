"""Party terms: search keys of the persons, organisations and accounts of each analysis.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 10:40:00

On PostgreSQL a trigram index (pg_trgm) on ``term`` also finds spellings that
differ by a letter or two. Existing analyses are indexed again when reprocessed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "party_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("term", sa.String(length=200), nullable=False),
        sa.Column("skeleton", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("party_terms", schema=None) as batch_op:
        batch_op.create_index("ix_party_terms_kind_skeleton", ["kind", "skeleton"], unique=False)
        batch_op.create_index("ix_party_terms_kind_term", ["kind", "term"], unique=False)
        batch_op.create_index(batch_op.f("ix_party_terms_registration_id"), ["registration_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_party_terms_term_trgm ON party_terms USING gin (term gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_party_terms_term_trgm")
    with op.batch_alter_table("party_terms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_party_terms_registration_id"))
        batch_op.drop_index("ix_party_terms_kind_term")
        batch_op.drop_index("ix_party_terms_kind_skeleton")
    op.drop_table("party_terms")
