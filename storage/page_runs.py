"""The pages of a long document OCR'd by separate tasks: the run, its page results, the finish claim.

A run starts when the processing task hands pages out (:func:`start_page_run`,
with the pages it read itself); each page task saves its page (:func:`save_page`);
the save that brings the last missing page claims the finish, once: the run's row
is locked for the transaction (``SELECT ... FOR UPDATE`` on PostgreSQL, the write
lock on SQLite), so two saves of the last two pages cannot both miss the other's
page, and the claim is an ``UPDATE ... WHERE NOT finishing`` that only one passes.
A page saved again (a redelivered task) replaces its row; a page of a run that is
no longer the document's current one is ignored. Used by the workers; every
function may raise ``NotFoundError`` (no such registration) and ``TransientError``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from rogatory.errors import NotFoundError
from rogatory.records import PageText
from storage.database import Database
from storage.models import PageResultRow, PageRunRow, RegistrationRow


class PageSave(StrEnum):
    """What saving one page did."""

    SAVED = "saved"
    """Saved; pages of the run are still missing (or its finish is already claimed)."""
    FINISH = "finish"
    """Saved, it was the last missing page, and this call claimed the finish."""
    STALE = "stale"
    """Not saved: the run is not the document's current run (processed again, or finished)."""


def start_page_run(
    db: Database,
    number: str,
    *,
    run: str,
    pages: int,
    done: Sequence[PageText] = (),
    generation: int = 1,
    now: datetime | None = None,
) -> None:
    """Make ``run`` the document's current run of ``pages`` pages, with the pages already ``done``.

    The run reads the pages for analysis ``generation`` (the processing claim's), which
    its finish saves. Page results of any earlier run of the document are deleted.
    """
    with db.session(write=True) as session:
        registration_id = _registration_id(session, number)
        session.execute(delete(PageResultRow).where(PageResultRow.registration_id == registration_id))
        row = session.get(PageRunRow, registration_id) or PageRunRow(registration_id=registration_id)
        row.run, row.pages, row.finishing, row.started_at = run, pages, False, now or datetime.now(UTC)
        row.generation = generation
        session.add(row)
        session.add_all(_result_row(registration_id, run, page) for page in done)


def save_page(db: Database, number: str, *, run: str, page: PageText) -> PageSave:
    """Save one page of ``run``; claim the finish if it was the last page missing."""
    with db.session(write=True) as session:
        registration_id = _registration_id(session, number)
        current = _locked_run(session, registration_id, run)
        if current is None:
            return PageSave.STALE
        existing = session.scalar(
            select(PageResultRow).where(
                PageResultRow.registration_id == registration_id,
                PageResultRow.run == run,
                PageResultRow.page == page.number,
            )
        )
        if existing is None:
            session.add(_result_row(registration_id, run, page))
        else:
            existing.page_json = page.model_dump_json()
        session.flush()
        saved = session.scalar(
            select(func.count())
            .select_from(PageResultRow)
            .where(PageResultRow.registration_id == registration_id, PageResultRow.run == run)
        )
        if saved is None or saved < current.pages:
            return PageSave.SAVED
        return PageSave.FINISH if _claim(session, registration_id, run) else PageSave.SAVED


def release_finish(db: Database, number: str, *, run: str) -> None:
    """Give up a claimed finish (its task could not be queued): the next save of a page claims it."""
    with db.session(write=True) as session:
        registration_id = _registration_id(session, number)
        session.execute(
            update(PageRunRow)
            .where(PageRunRow.registration_id == registration_id, PageRunRow.run == run)
            .values(finishing=False)
        )


def run_pages(db: Database, number: str, *, run: str) -> list[PageText] | None:
    """The saved pages of ``run`` in page order, or ``None`` when it is not the current run."""
    with db.session() as session:
        registration_id = _registration_id(session, number)
        current = session.get(PageRunRow, registration_id)
        if current is None or current.run != run:
            return None
        rows = session.scalars(
            select(PageResultRow.page_json)
            .where(PageResultRow.registration_id == registration_id, PageResultRow.run == run)
            .order_by(PageResultRow.page)
        )
        return [PageText.model_validate_json(row) for row in rows]


def run_generation(db: Database, number: str, *, run: str) -> int | None:
    """The generation of analysis ``run`` reads its pages for, ``None`` when it is not current."""
    with db.session() as session:
        current = session.get(PageRunRow, _registration_id(session, number))
        return current.generation if current is not None and current.run == run else None


def end_page_run(db: Database, number: str, *, run: str) -> None:
    """Delete the run and its page results (the document is finished); another run is kept."""
    with db.session(write=True) as session:
        registration_id = _registration_id(session, number)
        if _locked_run(session, registration_id, run) is None:
            return
        session.execute(delete(PageResultRow).where(PageResultRow.registration_id == registration_id))
        session.execute(delete(PageRunRow).where(PageRunRow.registration_id == registration_id))


def _claim(session: Session, registration_id: int, run: str) -> bool:
    claimed = session.execute(
        update(PageRunRow)
        .where(
            PageRunRow.registration_id == registration_id,
            PageRunRow.run == run,
            PageRunRow.finishing.is_(False),
        )
        .values(finishing=True)
    )
    return bool(claimed.rowcount == 1)  # type: ignore[attr-defined]


def _locked_run(session: Session, registration_id: int, run: str) -> PageRunRow | None:
    """The current run if it is ``run``, its row locked until the transaction ends."""
    row = session.scalar(
        select(PageRunRow).where(PageRunRow.registration_id == registration_id).with_for_update()
    )
    return row if row is not None and row.run == run else None


def _registration_id(session: Session, number: str) -> int:
    found = session.scalar(select(RegistrationRow.id).where(RegistrationRow.number == number))
    if found is None:
        raise NotFoundError(f"no registration {number!r}")
    return found


def _result_row(registration_id: int, run: str, page: PageText) -> PageResultRow:
    return PageResultRow(
        registration_id=registration_id, run=run, page=page.number, page_json=page.model_dump_json()
    )
