"""The annexes of a registration: written with it in one transaction, read back by position,
on SQLite and PostgreSQL; a duplicate adds none; a registration without annexes has none."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from rogatory.annexes import Annex
from rogatory.listing import RegistryFilter
from rogatory.records import AnnexReading
from rogatory.sources import MediaType
from rogatory.users import Role, User
from storage.database import Database, open_database
from storage.listing import list_registry
from storage.registry import get_request, list_audit, register, save_analysis, search
from storage.schema import alembic_config
from storage.statistics import compute_statistics
from tests.storage.sample_analysis import make_analysis

_NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
_CLERK = User(id=1, username="clerk", display_name="Clerk", role=Role.CLERK, created_at=_NOW)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _annexes() -> list[Annex]:
    return [
        Annex(
            position=2,
            name="translation.pdf",
            origin="mail_attachment",
            status="accepted",
            sha256=_sha("translation"),
            size=10,
            media_type=MediaType.PDF,
        ),
        Annex(
            position=3,
            name="notes.txt",
            origin="mail_attachment",
            status="refused",
            sha256=_sha("notes"),
            size=4,
            code="unsupported_type",
            reason="not a scan",
        ),
        Annex(position=4, name="a.zip", status="unpacked", sha256=_sha("zip"), size=30),
        Annex(
            position=5,
            name="a.zip/photo.jpg",
            origin="zip_member",
            status="accepted",
            sha256=_sha("photo"),
            size=20,
            media_type=MediaType.JPEG,
            parent=4,
        ),
    ]


def test_annexes_are_registered_with_the_main_document_and_read_back_by_position(db: Database) -> None:
    outcome = register(
        db,
        sha256=_sha("letter"),
        filename="letter.pdf",
        size=100,
        media_type=MediaType.PDF,
        source="mail",
        now=_NOW,
        annexes=list(reversed(_annexes())),
    )

    view = get_request(db, outcome.registration.number)
    assert view.annexes == tuple(_annexes())
    assert view.registration.annex_count == 2
    assert outcome.registration.annex_count == 2
    assert list_registry(db, _CLERK, RegistryFilter()).entries[0].annexes == 2
    assert (
        "with 2 annex(es), 1 file(s) refused" in list_audit(db, number=outcome.registration.number)[0].detail
    )


def test_a_duplicate_adds_no_annex_and_a_plain_registration_has_none(db: Database) -> None:
    first = register(
        db, sha256=_sha("a"), filename="a.pdf", size=1, media_type=MediaType.PDF, source="upload", now=_NOW
    )
    again = register(
        db,
        sha256=_sha("a"),
        filename="a.pdf",
        size=1,
        media_type=MediaType.PDF,
        source="mail",
        now=_NOW,
        annexes=_annexes(),
    )

    assert not again.created
    view = get_request(db, first.registration.number)
    assert view.annexes == ()
    assert view.registration.annex_count == 0


def test_repeated_positions_register_nothing(db: Database) -> None:
    twice = [_annexes()[0], _annexes()[0]]
    with pytest.raises(ValueError, match="repeat"):
        register(
            db,
            sha256=_sha("b"),
            filename="b.pdf",
            size=1,
            media_type=MediaType.PDF,
            source="upload",
            now=_NOW,
            annexes=twice,
        )
    assert list_registry(db, _CLERK, RegistryFilter()).total == 0


def test_statistics_count_requests_by_channel(db: Database) -> None:
    for index, source in enumerate(("mail", "mail", "watcher", "upload", "cli")):
        register(
            db,
            sha256=_sha(f"channel {index}"),
            filename=f"{index}.pdf",
            size=1,
            media_type=MediaType.PDF,
            source=source,  # type: ignore[arg-type]
            now=_NOW,
        )

    channels = dict(compute_statistics(db).by_dimension["channel"])

    assert channels == {"mail": 2, "inbox": 1, "upload": 1, "command line": 1}


def test_the_pages_of_the_annexes_are_searched_under_their_document(db: Database) -> None:
    number = register(
        db,
        sha256=_sha("main"),
        filename="main.pdf",
        size=1,
        media_type=MediaType.PDF,
        source="mail",
        now=_NOW,
    ).registration.number
    main = make_analysis(["Demande d'entraide judiciaire"])
    annex_text = make_analysis(["Ordonnance du juge", "Relevés du compte Zanzibarque"]).text
    annexes = (AnnexReading(position=2, name="ordonnance.pdf", text=annex_text),)
    save_analysis(db, number, main.model_copy(update={"annexes": annexes}), now=_NOW)

    hits = search(db, "Zanzibarque")
    assert [(hit.number, hit.document, hit.page) for hit in hits] == [(number, 2, 2)]
    assert [(hit.document, hit.page) for hit in search(db, "entraide")] == [(1, 1)]
    save_analysis(db, number, main.model_copy(update={"annexes": annexes}), now=_NOW)  # replaced, not added
    assert len(search(db, "Zanzibarque")) == 1


def test_revision_0008_keeps_the_search_index_of_a_sqlite_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'at-0007.db'}"
    command.upgrade(alembic_config(url), "0007")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO registrations (id, number, year, sequence, sha256, filename, size, media_type,"
            " source, received_at, status, updated_at) VALUES (1, 'RQ-2026-000001', 2026, 1, :sha, 'a.pdf',"
            " 1, 'application/pdf', 'cli', '2026-01-01', 'routed', '2026-01-01')",
            {"sha": "0" * 64},
        )
        connection.exec_driver_sql(
            "INSERT INTO pages (registration_id, page, text) VALUES (1, 1, 'Kalimantan')"
        )
    engine.dispose()

    db = open_database(url)
    assert [(hit.number, hit.document) for hit in search(db, "Kalimantan")] == [("RQ-2026-000001", 1)]
    with db.session() as session:  # the triggers were made again: a new page is indexed
        session.execute(
            text("INSERT INTO pages (registration_id, document, page, text) VALUES (1, 2, 1, 'Sulawesi')")
        )
    assert [(hit.document, hit.page) for hit in search(db, "Sulawesi")] == [(2, 1)]
    db.dispose()
