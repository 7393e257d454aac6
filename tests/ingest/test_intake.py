"""intake_file / intake_bytes: store first, then register, de-duplicate or quarantine; nothing lost."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ingest.intake import IntakeContext, intake_bytes, intake_file
from rogatory.errors import InputError, TransientError
from rogatory.registration import IntakeResult
from rogatory.settings import Settings
from storage.database import Database, open_database
from storage.objects import FilesystemObjectStore, ObjectStore, sha256_hex
from storage.registry import get_request, list_rejections, list_requests
from tests.ingest import originals

NUMBER = re.compile(r"^RQ-\d{4}-000001$")


class UnreachableStore:
    """An object store whose disk is gone: every put fails."""

    def put(self, data: bytes) -> str:
        raise OSError(5, "Input/output error")

    def get(self, sha256: str) -> bytes:
        raise OSError(5, "Input/output error")

    def exists(self, sha256: str) -> bool:
        return False


class QueueDown:
    def __call__(self, number: str) -> None:
        raise TransientError("broker unreachable")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = Settings(data_dir=tmp_path, max_file_bytes=2_000_000, max_pages=10)
    settings.ensure_dirs()
    return settings


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    database = open_database(settings.database)
    yield database
    database.dispose()


@pytest.fixture
def queued() -> list[str]:
    return []


def _context(
    settings: Settings, db: Database, queued: list[str], store: ObjectStore | None = None
) -> IntakeContext:
    return IntakeContext(
        settings=settings,
        db=db,
        store=store or FilesystemObjectStore(settings.objects_dir),
        enqueue=queued.append,
    )


def _drop(settings: Settings, name: str, data: bytes) -> Path:
    path = settings.inbox / name
    path.write_bytes(data)
    return path


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_a_valid_scan_is_stored_registered_moved_and_queued(
    settings: Settings, db: Database, queued: list[str]
) -> None:
    data = originals.pdf(2)
    context = _context(settings, db, queued)

    result = intake_file(_drop(settings, "scan.pdf", data), context=context)

    assert result.status == "registered"
    assert result.number is not None
    assert NUMBER.match(result.number)
    assert (result.sha256, result.duplicate_of, result.code, result.note) == (
        sha256_hex(data),
        None,
        None,
        None,
    )
    assert context.store.get(result.sha256) == data
    assert _names(settings.inbox) == []
    assert _names(settings.processed_dir) == [f"{result.number}__scan.pdf"]
    assert queued == [result.number]
    registration = get_request(db, result.number).registration
    assert (registration.filename, registration.source, registration.size) == (
        "scan.pdf",
        "watcher",
        len(data),
    )


def test_the_same_content_again_is_a_duplicate_not_a_second_registration(
    settings: Settings, db: Database, queued: list[str]
) -> None:
    data = originals.image("PNG")
    context = _context(settings, db, queued)
    first = intake_file(_drop(settings, "scan.png", data), context=context)
    second = intake_file(_drop(settings, "copy.png", data), context=context)
    third = intake_bytes(data, filename="upload.png", source="upload", context=context)

    assert first.number is not None
    assert (second.status, second.number, second.duplicate_of) == ("duplicate", None, first.number)
    assert (third.status, third.duplicate_of) == ("duplicate", first.number)
    assert _names(settings.processed_dir) == [
        f"{first.number}__scan.png",
        f"duplicate-of-{first.number}__copy.png",
    ]
    assert queued == [first.number]
    assert len(list_requests(db)) == 1
    assert [event.filename for event in get_request(db, first.number).duplicates] == [
        "copy.png",
        "upload.png",
    ]


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [("empty.pdf", b"", "empty"), ("letter.pdf", originals.zip_archive(), "unsupported_type")],
)
def test_a_bad_file_is_recorded_and_kept_once_in_quarantine_with_its_reason(
    settings: Settings, db: Database, queued: list[str], *, name: str, data: bytes, code: str
) -> None:
    context = _context(settings, db, queued)

    result = intake_file(_drop(settings, name, data), context=context)

    assert (result.status, result.code, result.number) == ("rejected", code, None)
    assert result.reason is not None
    assert name in result.reason
    assert not context.store.exists(result.sha256)  # kept once: in quarantine, not in both
    assert _names(settings.inbox) == []
    assert _names(settings.quarantine_dir) == [name, f"{name}.reason.txt"]
    reason_text = (settings.quarantine_dir / f"{name}.reason.txt").read_text(encoding="utf-8")
    assert f"code: {code}\n" in reason_text
    assert f"sha256: {result.sha256}\n" in reason_text
    assert f"reason: {result.reason}\n" in reason_text
    assert [(r.code, r.filename, r.sha256) for r in list_rejections(db)] == [(code, name, result.sha256)]
    assert queued == []
    assert list_requests(db) == []


def test_when_the_store_fails_the_file_stays_in_the_inbox_and_nothing_is_recorded(
    settings: Settings, db: Database, queued: list[str]
) -> None:
    path = _drop(settings, "scan.pdf", originals.pdf(1))
    context = _context(settings, db, queued, store=UnreachableStore())

    with pytest.raises(TransientError, match=r"cannot store the original 'scan\.pdf'"):
        intake_file(path, context=context)

    assert _names(settings.inbox) == ["scan.pdf"]
    assert (_names(settings.processed_dir), _names(settings.quarantine_dir)) == ([], [])
    assert (list_requests(db), list_rejections(db), queued) == ([], [], [])


def test_a_file_over_the_size_limit_is_refused_without_storing_it_and_kept_in_quarantine(
    settings: Settings, db: Database, queued: list[str]
) -> None:
    data = originals.pdf(1) + b"\0" * 2_000_000
    context = _context(settings, db, queued)

    result = intake_file(_drop(settings, "big.pdf", data), context=context)

    assert (result.status, result.code, result.sha256) == ("rejected", "too_large", sha256_hex(data))
    assert not context.store.exists(result.sha256)
    assert (settings.quarantine_dir / "big.pdf").read_bytes() == data


def test_names_are_made_safe_on_disk_but_kept_as_received_in_the_registry(
    settings: Settings, db: Database, queued: list[str]
) -> None:
    name = "req\u202efdp.exe\x01.pdf"
    context = _context(settings, db, queued)
    taken = settings.processed_dir / f"RQ-{datetime.now(UTC).year}-000001__reqfdp.exe.pdf"
    taken.write_bytes(b"someone else's")

    result = intake_file(_drop(settings, name, originals.pdf(1)), context=context)

    assert result.number is not None
    assert get_request(db, result.number).registration.filename == name
    assert _names(settings.processed_dir) == [f"{result.number}__reqfdp.exe-2.pdf", taken.name]
    assert taken.read_bytes() == b"someone else's"


def test_an_upload_with_a_path_in_its_name_is_quarantined_inside_the_quarantine_folder(
    settings: Settings, db: Database, queued: list[str]
) -> None:
    result = intake_bytes(
        b"hello", filename="../../etc/cron.d/x", source="upload", context=_context(settings, db, queued)
    )
    assert (result.status, result.code) == ("rejected", "unsupported_type")
    assert _names(settings.quarantine_dir) == ["_.._etc_cron.d_x", "_.._etc_cron.d_x.reason.txt"]
    assert [r.filename for r in list_rejections(db)] == ["../../etc/cron.d/x"]


def test_an_upload_whose_name_claims_another_type_is_accepted_with_a_note(
    settings: Settings, db: Database, queued: list[str]
) -> None:
    result = intake_bytes(
        originals.image("JPEG"), filename="scan.pdf", source="upload", context=_context(settings, db, queued)
    )
    assert result.status == "registered"
    assert result.note == "the name 'scan.pdf' does not match its content; it was accepted as JPEG"
    assert _names(settings.processed_dir) == []


def test_a_registration_survives_a_queue_that_is_down(settings: Settings, db: Database) -> None:
    context = IntakeContext(
        settings=settings, db=db, store=FilesystemObjectStore(settings.objects_dir), enqueue=QueueDown()
    )
    result = intake_file(_drop(settings, "scan.pdf", originals.pdf(1)), context=context)
    assert result.status == "registered"
    assert [registration.number for registration in list_requests(db)] == [result.number]


def test_the_result_serialises_to_json_for_the_api() -> None:
    result = IntakeResult(status="duplicate", sha256="ab" * 32, duplicate_of="RQ-2026-000007")
    assert result.model_dump(mode="json") == {
        "status": "duplicate",
        "sha256": "ab" * 32,
        "number": None,
        "duplicate_of": "RQ-2026-000007",
        "reason": None,
        "code": None,
        "note": None,
    }


def test_intake_file_refuses_a_symlink_or_a_pipe_and_leaves_them_alone(
    settings: Settings, db: Database, queued: list[str], tmp_path: Path
) -> None:
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(originals.pdf(1))
    (settings.inbox / "link.pdf").symlink_to(secret)
    os.mkfifo(settings.inbox / "pipe.pdf")
    context = _context(settings, db, queued)

    for name in ("link.pdf", "pipe.pdf"):
        with pytest.raises(InputError) as caught:
            intake_file(settings.inbox / name, context=context)
        assert caught.value.code == "not_a_file"

    assert _names(settings.inbox) == ["link.pdf", "pipe.pdf"]
    assert (list_requests(db), list_rejections(db), _names(settings.objects_dir)) == ([], [], [])
