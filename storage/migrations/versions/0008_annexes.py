"""The annexes of a request: the files registered with its main document (issue 19).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 15:40:00

``annexes`` holds one row per file of a request besides its main document, accepted
(kept in the object store by its SHA-256) or refused (with its code and reason), at its
position in the order received. ``registrations.annex_count`` counts the accepted ones,
for the registry's list without a join (0 for every registration made before).
``pages.document`` says which document of the request a searchable page is of (1, the
main one, for every page saved before); pages are unique per registration, document and
page. On SQLite the table is copied to change its unique constraint, which drops the
triggers that keep the full-text index: they are made again and the index rebuilt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.migrations.search_index import create_search

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "annexes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("parent", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=True),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("registration_id", "position", name="uq_annexes_position"),
    )
    op.create_index("ix_annexes_sha256", "annexes", ["sha256"])
    with op.batch_alter_table("registrations") as batch:
        batch.add_column(sa.Column("annex_count", sa.Integer(), nullable=False, server_default="0"))
    columns = {column["name"] for column in sa.inspect(op.get_bind()).get_columns("pages")}
    if "document" not in columns:  # (a database whose tables were made from the models has it)
        _pages_unique(("registration_id", "document", "page"), add_document=True)


def _pages_unique(columns: tuple[str, ...], *, add_document: bool) -> None:
    old, new = (
        ("uq_pages_registration_page", "uq_pages_registration_document_page")
        if add_document
        else ("uq_pages_registration_document_page", "uq_pages_registration_page")
    )
    with op.batch_alter_table("pages") as batch:
        if add_document:
            batch.add_column(sa.Column("document", sa.Integer(), nullable=False, server_default="1"))
        batch.drop_constraint(old, type_="unique")
        batch.create_unique_constraint(new, list(columns))
        if not add_document:
            batch.drop_column("document")
    if op.get_bind().dialect.name == "sqlite":
        create_search(op.get_bind())  # the copy dropped the index's triggers


def downgrade() -> None:
    op.execute("DELETE FROM pages WHERE document <> 1")
    _pages_unique(("registration_id", "page"), add_document=False)
    with op.batch_alter_table("registrations") as batch:
        batch.drop_column("annex_count")
    op.drop_index("ix_annexes_sha256", table_name="annexes")
    op.drop_table("annexes")
