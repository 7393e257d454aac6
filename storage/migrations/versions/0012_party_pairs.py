"""Party pairs: two token skeletons of one name, so that a query of two common tokens seeks one range.

Revision ID: 0012
Revises: 0011
Create Date: 2027-01-20 15:40:00

At a million registrations a person query of two common tokens (a frequent first name
and a surname whose skeleton thousands of names share) intersected every name holding
either skeleton: 200,000 index entries read for one query (issue 22). ``party_pairs``
holds, for each person or organisation name, each two of its first eight tokens'
skeletons (:func:`storage.names.skeleton_pairs`); the query seeks the pair of its two
rarest tokens. Filled here from the existing ``party_terms`` in one statement (no
reanalysis): the terms of a name were written in its token order, so ``id`` orders them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_PAIRED_TOKENS = 8  # storage.names.PAIRED_TOKENS when this revision was written

_FILL = f"""
INSERT INTO party_pairs (registration_id, kind, value, pair)
SELECT DISTINCT a.registration_id, a.kind, a.value,
    CASE WHEN a.skeleton <= b.skeleton THEN a.skeleton || ' ' || b.skeleton
    ELSE b.skeleton || ' ' || a.skeleton END
FROM (SELECT id, registration_id, kind, value, skeleton,
        row_number() OVER (PARTITION BY registration_id, kind, value ORDER BY id) AS position
      FROM party_terms WHERE kind IN ('person', 'organisation')) a
JOIN (SELECT id, registration_id, kind, value, skeleton,
        row_number() OVER (PARTITION BY registration_id, kind, value ORDER BY id) AS position
      FROM party_terms WHERE kind IN ('person', 'organisation')) b
  ON b.registration_id = a.registration_id AND b.kind = a.kind AND b.value = a.value
  AND b.position > a.position
WHERE a.position <= {_PAIRED_TOKENS} AND b.position <= {_PAIRED_TOKENS}
"""  # noqa: S608 (constants only)


def upgrade() -> None:
    op.create_table(
        "party_pairs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("pair", sa.String(length=401), nullable=False),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute(_FILL)
    op.create_index("ix_party_pairs_pair", "party_pairs", ["pair"])
    op.create_index("ix_party_pairs_registration_id", "party_pairs", ["registration_id"])


def downgrade() -> None:
    op.drop_index("ix_party_pairs_registration_id", table_name="party_pairs")
    op.drop_index("ix_party_pairs_pair", table_name="party_pairs")
    op.drop_table("party_pairs")
