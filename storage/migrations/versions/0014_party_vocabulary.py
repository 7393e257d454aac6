"""Party vocabulary: the distinct name tokens, so that near spellings are sought among tokens, not rows.

Revision ID: 0014
Revises: 0013
Create Date: 2027-01-27 18:50:00

On PostgreSQL a near spelling of a query token was sought by ``term % token`` in the trigram
index of ``party_terms``: the index gives every row whose trigrams could be similar enough
and each is rechecked against the heap, 20,000 rows for a token such as "inininvest" at
100,000 registrations (135 ms), ten times that at a million, where every name is held by
many rows. ``party_vocabulary`` holds each person or organisation token once; its trigram
index is sought instead and the names holding the tokens found are read by
``ix_party_terms_kind_term``. The trigram index of ``party_terms`` is dropped (nothing reads
it). Filled here from the existing terms in one statement (no reanalysis).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_FILL = (
    "INSERT INTO party_vocabulary (term) SELECT DISTINCT term FROM party_terms"
    " WHERE kind IN ('person', 'organisation')"
)


def upgrade() -> None:
    op.create_table(
        "party_vocabulary",
        sa.Column("term", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("term"),
    )
    op.execute(_FILL)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_party_vocabulary_term_trgm ON party_vocabulary USING gin (term gin_trgm_ops)"
        )
        op.execute("DROP INDEX IF EXISTS ix_party_terms_term_trgm")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_party_terms_term_trgm ON party_terms USING gin (term gin_trgm_ops)")
    op.drop_table("party_vocabulary")
