"""One registration through the pipeline: claim, load the original, analyse, record the outcome.

A task claims the analysis of the generation the registration wants
(:func:`storage.processing.claim_processing`, under the Celery task id that a retry or
a redelivery keeps); a registration whose wanted analyses are done is left alone
("already analysed"), one claimed by another live task is tried again later
(``TransientError``). The analysis and its status are saved in one transaction where
a clerk's review decision stands (:func:`storage.processing.record_analysis`).
:func:`process_registration` runs it all in the calling process (``rogatory ingest
--now``, ``rogatory reprocess --now``, tests); the Celery task calls
:func:`start_registration`, which may instead hand a long document's pages out to page
tasks (workers/page_jobs.py), and :func:`finish_registration` once every page is saved,
under the claim's generation. The status stays ``processing`` while pages are out.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rogatory.annexes import AnnexFile
from rogatory.errors import InputError, NotFoundError, TransientError
from rogatory.records import Analysis, AnnexReading
from rogatory.registration import Status
from rogatory.sources import MediaType, SourceFile
from storage.objects import CorruptObjectError
from storage.processing import (
    ClaimState,
    Recorded,
    claim_processing,
    record_analysis,
    record_failure,
    release_claim,
)
from storage.registry import get_request, set_status
from workers.annexes import load_annexes
from workers.context import WorkerContext
from workers.metrics import record_analysis as count_analysis
from workers.page_jobs import PageJob, run_document, start_pages
from workers.pipeline import analyse, analyse_text, read_annexes

log = logging.getLogger(__name__)

#: What analyses one original in the calling process (the pipeline's ``analyse``, or a test's seam).
Analyser = Callable[[SourceFile], Analysis]


@dataclass(frozen=True)
class Started:
    """Where a registration stands after its task: its status, and the page jobs it handed out.

    ``recorded`` is what this task's analysis left (None when it saved none: pages handed
    out, a failure, or nothing to do because the wanted analysis was already done).
    """

    status: Status
    jobs: tuple[PageJob, ...] = ()
    recorded: Recorded | None = field(default=None, compare=False)


def process_registration(
    number: str, context: WorkerContext, *, task: str | None = None, analyser: Analyser | None = None
) -> Status:
    """Run the pipeline on registration ``number`` in this process and record the outcome.

    Raises ``TransientError`` (to be retried) when the store or database is down or another
    task is analysing it; a bad file ends as ``failed`` with the reason, never as an exception.
    """
    return run_registration(number, context, task=task, analyser=analyser).status


def run_registration(
    number: str, context: WorkerContext, *, task: str | None = None, analyser: Analyser | None = None
) -> Started:
    """:func:`process_registration` returning what was recorded (``rogatory reprocess --now``)."""
    task = task or f"local-{uuid.uuid4().hex}"
    if analyser is not None:
        return _start(number, context, task, lambda source, _generation, _annexes: analyser(source))
    return _start(
        number, context, task, lambda source, _generation, annexes: analyse(source, context.engines, annexes)
    )


def start_registration(number: str, context: WorkerContext, *, task: str | None = None) -> Started:
    """Like :func:`process_registration` for task ``task``, handing a long document's pages to
    OCR out as jobs.

    With jobs, the status is ``processing`` and the analysis waits for
    :func:`finish_registration`. Raises ``TransientError``.
    """
    return _start(
        number,
        context,
        task or f"local-{uuid.uuid4().hex}",
        lambda source, generation, annexes: start_pages(number, source, context, generation, annexes),
    )


def finish_registration(number: str, run: str, context: WorkerContext) -> Status | None:
    """Analyse the pages of ``run`` and record the outcome; ``None`` if the run is not current.

    Raises ``TransientError``.
    """
    document = run_document(number, run, context)
    if document is None:
        log.info("%s: run %s is no longer current, nothing to finish", number, run)
        return None
    text, generation = document
    if get_request(context.db, number).registration.status == Status.REGISTERED:
        set_status(context.db, number, Status.PROCESSING)  # a retry after "waiting to be retried"
    annexes = read_annexes(load_annexes(number, context), context.engines)
    return _outcome(
        number, context, generation, None, lambda: analyse_text(text, context.engines, annexes)
    ).status


def _start(
    number: str,
    context: WorkerContext,
    task: str,
    work: Callable[[SourceFile, int, Sequence[AnnexFile | AnnexReading]], Analysis | tuple[PageJob, ...]],
) -> Started:
    settings = context.settings
    claim = claim_processing(context.db, number, task=task, stale_after=settings.claim_stale_seconds)
    registration = get_request(context.db, number).registration
    if claim.state == ClaimState.DONE:
        log.info("%s: already analysed (analysis %d done), nothing to do", number, claim.generation)
        return Started(registration.status)
    if claim.state == ClaimState.BUSY:
        raise TransientError(f"{number} is being analysed by task {claim.holder}; trying again later")
    try:
        data = context.original(registration.sha256)
    except (NotFoundError, CorruptObjectError) as error:
        reason = f"the stored original is unusable: {error}"
        return Started(record_failure(context.db, number, reason, generation=claim.generation))
    source = SourceFile(data=data, media_type=MediaType(registration.media_type), name=registration.filename)
    annexes = load_annexes(number, context)
    return _outcome(number, context, claim.generation, task, lambda: work(source, claim.generation, annexes))


def _outcome(
    number: str,
    context: WorkerContext,
    generation: int,
    task: str | None,
    work: Callable[[], Analysis | tuple[PageJob, ...]],
) -> Started:
    """Run ``work``; record the analysis it gives with its status, or the reason it failed."""
    db = context.db
    try:
        result = work()
    except InputError as error:
        log.warning("%s failed: %s", number, error)
        return Started(record_failure(db, number, str(error), generation=generation))
    except TransientError:
        # The finish (no task of its own) keeps the claim of the document's task.
        release_claim(db, number, task=task or "", reason="waiting to be retried")
        raise
    except Exception as error:
        log.exception("%s failed with an internal error", number)
        record_failure(db, number, f"internal error: {type(error).__name__}: {error}", generation=generation)
        raise
    if isinstance(result, tuple):
        return Started(Status.PROCESSING, jobs=result)
    recorded = record_analysis(db, number, result, generation=generation)
    if recorded.saved:
        count_analysis(result)
    else:
        log.info("%s: analysis %d was saved by another task; this one is dropped", number, generation)
    if recorded.differs:
        log.info(
            "%s: the pipeline proposes %s; the review decision %s stands",
            number,
            recorded.proposal,
            recorded.decision,
        )
    return Started(recorded.status, recorded=recorded)
