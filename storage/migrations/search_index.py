"""The full-text index of revision 0001, one per database (kept here, frozen, for that revision).

SQLite: an FTS5 table mirroring ``pages`` through triggers, with the ``unicode61
remove_diacritics 2`` tokenizer (case and accents folded, no stemming).
PostgreSQL: a ``search_vector`` column on ``pages`` filled by a trigger with the
page text unaccented, stemmed by the text search configuration of the document's
language (``analyses.language``) plus the unstemmed ``simple`` words, and a GIN
index over it. The language must be saved before the pages (``save_analysis`` does).
"""

from __future__ import annotations

from sqlalchemy import Connection

# ISO 639-1 code of a detected language -> PostgreSQL text search configuration.
POSTGRESQL_CONFIGS = {
    "ar": "arabic",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
    "ru": "russian",
}

_SQLITE = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS page_search USING fts5(
        text, content='pages', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """INSERT INTO page_search(page_search) VALUES ('rebuild')""",
    """CREATE TRIGGER IF NOT EXISTS pages_search_insert AFTER INSERT ON pages BEGIN
        INSERT INTO page_search(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER IF NOT EXISTS pages_search_delete AFTER DELETE ON pages BEGIN
        INSERT INTO page_search(page_search, rowid, text) VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER IF NOT EXISTS pages_search_update AFTER UPDATE ON pages BEGIN
        INSERT INTO page_search(page_search, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO page_search(rowid, text) VALUES (new.id, new.text); END""",
)

_CASES = " ".join(f"WHEN '{code}' THEN '{name}'" for code, name in POSTGRESQL_CONFIGS.items())

_POSTGRESQL = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE OR REPLACE FUNCTION rogatory_unaccent(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$""",
    f"""CREATE OR REPLACE FUNCTION rogatory_search_config(language text) RETURNS regconfig
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT (CASE language {_CASES} ELSE 'simple' END)::regconfig $$""",
    "ALTER TABLE pages ADD COLUMN IF NOT EXISTS search_vector tsvector",
    """CREATE OR REPLACE FUNCTION rogatory_pages_search_vector() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE plain text := rogatory_unaccent(NEW.text);
        BEGIN
            NEW.search_vector := to_tsvector(rogatory_search_config(
                (SELECT language FROM analyses WHERE registration_id = NEW.registration_id)), plain)
                || to_tsvector('simple', plain);
            RETURN NEW;
        END $$""",
    """CREATE OR REPLACE TRIGGER pages_search_vector BEFORE INSERT OR UPDATE OF text ON pages
        FOR EACH ROW EXECUTE FUNCTION rogatory_pages_search_vector()""",
    "CREATE INDEX IF NOT EXISTS ix_pages_search_vector ON pages USING gin (search_vector)",
)


def create_search(connection: Connection) -> None:
    """Create the full-text index of this database. Raises ``sqlalchemy.exc.OperationalError``."""
    statements = {"sqlite": _SQLITE, "postgresql": _POSTGRESQL}.get(connection.dialect.name, ())
    for statement in statements:
        connection.exec_driver_sql(statement)


def drop_search(connection: Connection) -> None:
    """Drop what :func:`create_search` made (the extensions stay)."""
    if connection.dialect.name == "sqlite":
        for name in ("pages_search_insert", "pages_search_delete", "pages_search_update"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        connection.exec_driver_sql("DROP TABLE IF EXISTS page_search")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql("DROP TRIGGER IF EXISTS pages_search_vector ON pages")
        connection.exec_driver_sql("DROP FUNCTION IF EXISTS rogatory_pages_search_vector()")
        connection.exec_driver_sql("ALTER TABLE pages DROP COLUMN IF EXISTS search_vector")
        connection.exec_driver_sql("DROP FUNCTION IF EXISTS rogatory_search_config(text)")
        connection.exec_driver_sql("DROP FUNCTION IF EXISTS rogatory_unaccent(text)")
