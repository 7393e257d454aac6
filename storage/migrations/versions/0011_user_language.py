"""Each user's interface language (issue 18).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 15:45:00

``users.language``: the language the user chose in the page header (en, fr, es, pt, ru,
ar, de, it); NULL follows the browser's Accept-Language, then the deployment's
``interface_language``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("language", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("language")
