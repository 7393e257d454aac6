"""Alembic migrations: the same schema on SQLite and PostgreSQL, equal to the models, reversible."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, create_engine, inspect

from storage.database import Database, open_database
from storage.models import Base
from storage.schema import alembic_config, current_revision, head_revision
from tests.postgres import fresh_database
from tests.storage.sample_analysis import make_analysis


def _ignore_search_parts(obj: object, name: str | None, type_: str, reflected: bool, _: object) -> bool:
    """Search indexes are DDL of the migrations, not of the models: FTS5, ``search_vector``, trigrams."""
    return not (reflected and name is not None and ("search" in name or name.endswith("_trgm")))


def _differences(db: Database) -> list[object]:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": _ignore_search_parts, "compare_type": True}
        )
        return list(compare_metadata(context, Base.metadata))


def test_migrated_database_matches_the_models(db: Database) -> None:
    """Fails when a model changes without a revision: see storage/schema.py for how to add one."""
    assert _differences(db) == []
    with db.engine.connect() as connection:
        assert current_revision(connection) == head_revision()


def test_downgrade_to_base_and_upgrade_again_on_postgresql() -> None:
    with fresh_database() as url:
        open_database(url).dispose()
        command.downgrade(alembic_config(url), "base")
        engine = create_engine(url)
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        engine.dispose()
        reopened = open_database(url)
        assert _differences(reopened) == []
        reopened.dispose()


_FIRST_RELEASE = {
    "number_counters",
    "registrations",
    "duplicates",
    "rejections",
    "analyses",
    "pages",
    "audit_log",
    "review_actions",
    "drafts",
    "deliveries",
}


def test_database_made_before_migrations_is_stamped_and_kept(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    first_release = [table for table in Base.metadata.sorted_tables if table.name in _FIRST_RELEASE]
    Base.metadata.create_all(engine, tables=first_release)
    with engine.begin() as connection:
        for column in ("notify", "offences", "measures", "legal_basis", "missing", "urgent"):  # 0003's
            connection.exec_driver_sql(f"ALTER TABLE analyses DROP COLUMN {column}")
        for column in ("analyses_wanted", "analyses_done", "claim_task", "claimed_at", "queued_at"):  # 0006's
            connection.exec_driver_sql(f"ALTER TABLE registrations DROP COLUMN {column}")
        connection.exec_driver_sql("ALTER TABLE registrations DROP COLUMN annex_count")  # 0008's
        for table, column, key in (  # 0013's indexes ending with the key were one-column indexes
            ("registrations", "status", "id"),
            ("analyses", "language", "registration_id"),
            ("analyses", "route_to", "registration_id"),
            ("analyses", "deadline", "registration_id"),
        ):
            connection.exec_driver_sql(f"DROP INDEX ix_{table}_{column}_{key.split('_')[-1]}")
            connection.exec_driver_sql(f"CREATE INDEX ix_{table}_{column} ON {table} ({column})")
        connection.exec_driver_sql("DROP INDEX ix_analyses_requesting_state_id")
        connection.exec_driver_sql(
            "INSERT INTO audit_log (at, actor, action, detail) VALUES ('2025-01-01', 'clerk', 'x', '')"
        )
    engine.dispose()
    db = open_database(url)
    with db.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        assert connection.exec_driver_sql("SELECT count(*) FROM audit_log").scalar() == 1
    db.dispose()


def test_revision_0003_fills_the_label_columns_of_earlier_analyses(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'at-0002.db'}"
    command.upgrade(alembic_config(url), "0002")
    analysis = make_analysis(["Texte"], route_to="police", notify=("fiu", "anti_corruption_agency"))
    engine = create_engine(url)
    with engine.begin() as connection:
        _insert_registration(connection)
        connection.exec_driver_sql(
            "INSERT INTO analyses (registration_id, analysis_json, language, request_type, route_to,"
            " needs_review, saved_at) VALUES (1, :json, 'fr', 'mla', 'police', 0, '2026-01-01')",
            {"json": analysis.model_dump_json()},
        )
        connection.exec_driver_sql(  # a row of an older writer without the parts 0003 reads
            "INSERT INTO registrations (id, number, year, sequence, sha256, filename, size, media_type,"
            " source, received_at, status, updated_at) VALUES (2, 'RQ-2026-000002', 2026, 2, :sha, 'b.pdf',"
            " 1, 'application/pdf', 'cli', '2026-01-01', 'routed', '2026-01-01')",
            {"sha": "1" * 64},
        )
        connection.exec_driver_sql(
            "INSERT INTO analyses (registration_id, analysis_json, language, request_type, route_to,"
            " needs_review, saved_at) VALUES (2, '{}', 'fr', 'mla', 'police', 0, '2026-01-01')"
        )
    engine.dispose()
    db = open_database(url)
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT notify, offences, measures, legal_basis, missing, urgent FROM analyses ORDER BY 1 DESC"
        ).all()
    db.dispose()
    assert [tuple(row) for row in rows] == [
        (" anti_corruption_agency fiu ", " art23 ", " bank_records ", " ", " ", 0),
        (" ", " ", " ", " ", " ", 0),
    ]


def test_revision_0012_pairs_the_skeletons_of_each_name_from_its_terms(tmp_path: Path) -> None:
    """The pairs written by the migration are those index_parties writes for the same names."""
    from storage.names import name_tokens, skeleton, skeleton_pairs

    url = f"sqlite:///{tmp_path / 'at-0007.db'}"
    command.upgrade(alembic_config(url), "0007")
    names = [("person", "Maria Gonzalez Ruiz"), ("organisation", "Gulf Trading LLC"), ("person", "Olga")]
    engine = create_engine(url)
    with engine.begin() as connection:
        _insert_registration(connection)
        for kind, value in [*names, ("account", "DE001234")]:
            for token in name_tokens(value):
                connection.exec_driver_sql(
                    "INSERT INTO party_terms (registration_id, kind, value, term, skeleton)"
                    " VALUES (1, :kind, :value, :term, :skeleton)",
                    {"kind": kind, "value": value, "term": token, "skeleton": skeleton(token)},
                )
    engine.dispose()
    db = open_database(url)
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT kind, value, pair FROM party_pairs").all()
    db.dispose()
    expected = {
        (kind, value, pair)
        for kind, value in names
        for pair in skeleton_pairs([skeleton(token) for token in name_tokens(value)])
    }
    assert {tuple(row) for row in rows} == expected
    assert len(expected) == 3 + 3  # three tokens give three pairs; a one-token name none


def test_revision_0014_fills_the_vocabulary_with_each_name_token_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'at-0013.db'}"
    command.upgrade(alembic_config(url), "0013")
    engine = create_engine(url)
    with engine.begin() as connection:
        _insert_registration(connection)
        for kind, value, term in [
            ("person", "Maria Ruiz", "maria"),
            ("person", "Maria Ruiz", "ruiz"),
            ("organisation", "Ruiz SL", "ruiz"),
            ("organisation", "Ruiz SL", "sl"),
            ("account", "DE001234", "DE001234"),
        ]:
            connection.exec_driver_sql(
                "INSERT INTO party_terms (registration_id, kind, value, term, skeleton)"
                " VALUES (1, :kind, :value, :term, :term)",
                {"kind": kind, "value": value, "term": term},
            )
    engine.dispose()
    db = open_database(url)
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT term FROM party_vocabulary ORDER BY term").all()
    db.dispose()
    assert [row[0] for row in rows] == ["maria", "ruiz", "sl"]  # names only, each once


def _insert_registration(connection: Connection) -> None:
    """Registration 1, routed, as an earlier revision's table holds it."""
    connection.exec_driver_sql(
        "INSERT INTO registrations (id, number, year, sequence, sha256, filename, size, media_type,"
        " source, received_at, status, updated_at) VALUES (1, 'RQ-2026-000001', 2026, 1, :sha, 'a.pdf',"
        " 1, 'application/pdf', 'cli', '2026-01-01', 'routed', '2026-01-01')",
        {"sha": "0" * 64},
    )
