"""Alembic's entry: runs the migrations on the connection :mod:`storage.schema` hands in.

Only online mode on a given connection: the application (``open_database``) and
the ``alembic`` command line both go through :func:`storage.schema.upgrade_schema`
or pass ``sqlalchemy.url``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from storage.models import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


given = config.attributes.get("connection")
if isinstance(given, Connection):
    _run(given)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as opened:
        _run(opened)
    engine.dispose()
