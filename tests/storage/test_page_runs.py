"""Page runs: pages saved by separate tasks, the finish claimed once, stale and repeated saves."""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from rogatory.errors import NotFoundError
from rogatory.records import PageText, TextSource
from rogatory.sources import MediaType
from storage.database import Database
from storage.models import PageResultRow
from storage.page_runs import PageSave, end_page_run, release_finish, run_pages, save_page, start_page_run
from storage.registry import register


def _number(db: Database, label: str = "long scan") -> str:
    sha256 = hashlib.sha256(label.encode()).hexdigest()
    result = register(db, sha256=sha256, filename=label, size=1, media_type=MediaType.TIFF, source="cli")
    return result.registration.number


def _page(number: int, text: str = "") -> PageText:
    return PageText(
        number=number, text=text or f"page {number}", source=TextSource.OCR, confidence=0.9, language="en"
    )


def _rows(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(PageResultRow)) or 0


def test_the_last_missing_page_claims_the_finish_once(db: Database) -> None:
    number = _number(db)
    start_page_run(db, number, run="r1", pages=4, done=[_page(1)])
    assert save_page(db, number, run="r1", page=_page(3)) == PageSave.SAVED
    assert save_page(db, number, run="r1", page=_page(2)) == PageSave.SAVED
    assert save_page(db, number, run="r1", page=_page(4)) == PageSave.FINISH
    # A redelivered page task: its page is rewritten, the finish is not claimed again.
    assert save_page(db, number, run="r1", page=_page(4, "page 4 read again")) == PageSave.SAVED
    pages = run_pages(db, number, run="r1")
    assert pages is not None
    assert [(page.number, page.text) for page in pages] == [
        (1, "page 1"),
        (2, "page 2"),
        (3, "page 3"),
        (4, "page 4 read again"),
    ]
    end_page_run(db, number, run="r1")
    assert _rows(db) == 0
    assert run_pages(db, number, run="r1") is None
    assert save_page(db, number, run="r1", page=_page(2)) == PageSave.STALE
    assert _rows(db) == 0


def test_a_new_run_ignores_the_pages_of_the_old_one(db: Database) -> None:
    number = _number(db)
    start_page_run(db, number, run="old", pages=3, done=[_page(1, "old 1")])
    assert save_page(db, number, run="old", page=_page(2, "old 2")) == PageSave.SAVED
    start_page_run(db, number, run="new", pages=3, done=[_page(1, "new 1")])
    assert save_page(db, number, run="old", page=_page(3, "old 3")) == PageSave.STALE
    assert run_pages(db, number, run="old") is None
    assert save_page(db, number, run="new", page=_page(2, "new 2")) == PageSave.SAVED
    assert save_page(db, number, run="new", page=_page(3, "new 3")) == PageSave.FINISH
    pages = run_pages(db, number, run="new")
    assert pages is not None
    assert [page.text for page in pages] == ["new 1", "new 2", "new 3"]
    end_page_run(db, number, run="old")  # the old run's end does not touch the new one
    assert _rows(db) == 3


def test_a_released_finish_is_claimed_by_the_next_save(db: Database) -> None:
    number = _number(db)
    start_page_run(db, number, run="r", pages=2, done=[_page(1)])
    assert save_page(db, number, run="r", page=_page(2)) == PageSave.FINISH
    release_finish(db, number, run="r")
    assert save_page(db, number, run="r", page=_page(2)) == PageSave.FINISH


def test_an_unknown_registration_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        save_page(db, "RQ-2026-999999", run="r", page=_page(1))


def test_pages_saved_at_once_claim_the_finish_exactly_once(db: Database) -> None:
    """Eight tasks at once, the last four pages each saved twice (a duplicated task), 15 times.

    Without the run's row lock this fails on PostgreSQL (a duplicated page inserted twice,
    or the last two pages each counting the other as missing and neither finishing).
    """
    number = _number(db)
    for round_ in range(15):
        run = f"run{round_}"
        start_page_run(db, number, run=run, pages=8, done=[_page(index) for index in range(1, 5)])
        barrier = threading.Barrier(8)

        def save(page: int, run: str = run, barrier: threading.Barrier = barrier) -> PageSave:
            barrier.wait(timeout=30)
            return save_page(db, number, run=run, page=_page(page))

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(save, [5, 6, 7, 8, 5, 6, 7, 8]))
        assert sorted(results) == [PageSave.FINISH] + [PageSave.SAVED] * 7, f"round {round_}"
        pages = run_pages(db, number, run=run)
        assert pages is not None
        assert [page.number for page in pages] == list(range(1, 9))
    assert _rows(db) == 8
