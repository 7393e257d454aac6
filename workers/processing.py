"""One registration through the pipeline: load the original, analyse, save, set the status.

Idempotent: running it twice for the same number replaces the stored analysis and
ends in the same status. :func:`process_registration` runs it all in the calling
process (``rogatory ingest --now``, tests); the Celery task calls
:func:`start_registration`, which may instead hand a long document's pages out to
page tasks (workers/page_jobs.py), and :func:`finish_registration` once every page
is saved. The status stays ``processing`` while pages are out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from rogatory.errors import InputError, NotFoundError, TransientError
from rogatory.records import Analysis
from rogatory.registration import Status
from rogatory.sources import MediaType, SourceFile
from storage.objects import CorruptObjectError
from storage.registry import get_request, save_analysis, set_status
from workers.context import WorkerContext
from workers.metrics import record_analysis
from workers.page_jobs import PageJob, run_document, start_pages
from workers.pipeline import analyse, analyse_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Started:
    """Where a registration stands after its task: its status, and the page jobs it handed out."""

    status: Status
    jobs: tuple[PageJob, ...] = ()


def process_registration(number: str, context: WorkerContext) -> Status:
    """Run the pipeline on registration ``number`` in this process and record the outcome.

    Raises ``TransientError`` (to be retried) when the store or database is down;
    a bad file ends as ``failed`` with the reason, never as an exception.
    """
    return _start(number, context, lambda source: analyse(source, context.engines)).status


def start_registration(number: str, context: WorkerContext) -> Started:
    """Like :func:`process_registration`, handing a long document's pages to OCR out as jobs.

    With jobs, the status is ``processing`` and the analysis waits for
    :func:`finish_registration`. Raises ``TransientError``.
    """
    return _start(number, context, lambda source: start_pages(number, source, context))


def finish_registration(number: str, run: str, context: WorkerContext) -> Status | None:
    """Analyse the pages of ``run`` and record the outcome; ``None`` if the run is not current.

    Raises ``TransientError``.
    """
    text = run_document(number, run, context)
    if text is None:
        log.info("%s: run %s is no longer current, nothing to finish", number, run)
        return None
    set_status(context.db, number, Status.PROCESSING)  # a retry after "waiting to be retried"
    return _outcome(number, context, lambda: analyse_text(text, context.engines)).status


def _start(
    number: str, context: WorkerContext, work: Callable[[SourceFile], Analysis | tuple[PageJob, ...]]
) -> Started:
    registration = get_request(context.db, number).registration
    set_status(context.db, number, Status.PROCESSING)
    try:
        data = context.original(registration.sha256)
    except (NotFoundError, CorruptObjectError) as error:
        set_status(context.db, number, Status.FAILED, reason=f"the stored original is unusable: {error}")
        return Started(Status.FAILED)
    source = SourceFile(data=data, media_type=MediaType(registration.media_type), name=registration.filename)
    return _outcome(number, context, lambda: work(source))


def _outcome(
    number: str, context: WorkerContext, work: Callable[[], Analysis | tuple[PageJob, ...]]
) -> Started:
    """Run ``work``; save the analysis it gives and set the status, or the reason it failed."""
    try:
        result = work()
    except InputError as error:
        log.warning("%s failed: %s", number, error)
        set_status(context.db, number, Status.FAILED, reason=str(error))
        return Started(Status.FAILED)
    except TransientError:
        set_status(context.db, number, Status.REGISTERED, reason="waiting to be retried")
        raise
    except Exception as error:
        log.exception("%s failed with an internal error", number)
        set_status(
            context.db, number, Status.FAILED, reason=f"internal error: {type(error).__name__}: {error}"
        )
        raise
    if isinstance(result, tuple):
        return Started(Status.PROCESSING, jobs=result)
    save_analysis(context.db, number, result)
    record_analysis(result)
    status = Status.NEEDS_REVIEW if result.routing.needs_review else Status.ROUTED
    set_status(context.db, number, status, reason="; ".join(result.routing.reasons[:3]) or None)
    return Started(status)
