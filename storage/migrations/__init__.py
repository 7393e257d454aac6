"""Alembic migrations of the database: the schema on SQLite and PostgreSQL, one history."""
