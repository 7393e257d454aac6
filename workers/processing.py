"""One registration through the pipeline: load the original, analyse, save, set the status.

Idempotent: running it twice for the same number replaces the stored analysis and
ends in the same status. Called by the Celery task and by ``rogatory ingest --now``.
"""

from __future__ import annotations

import logging

from rogatory.errors import InputError, NotFoundError, TransientError
from rogatory.registration import Status
from rogatory.sources import MediaType, SourceFile
from storage.objects import CorruptObjectError
from storage.registry import get_request, save_analysis, set_status
from workers.context import WorkerContext
from workers.metrics import record_analysis
from workers.pipeline import analyse

log = logging.getLogger(__name__)


def process_registration(number: str, context: WorkerContext) -> Status:
    """Run the pipeline on registration ``number`` and record the outcome.

    Raises ``TransientError`` (to be retried) when the store or database is down;
    a bad file ends as ``failed`` with the reason, never as an exception.
    """
    registration = get_request(context.db, number).registration
    set_status(context.db, number, Status.PROCESSING)
    try:
        data = context.store.get(registration.sha256)
    except (NotFoundError, CorruptObjectError) as error:
        set_status(context.db, number, Status.FAILED, reason=f"the stored original is unusable: {error}")
        return Status.FAILED
    source = SourceFile(data=data, media_type=MediaType(registration.media_type), name=registration.filename)
    try:
        analysis = analyse(source, context.engines)
    except InputError as error:
        log.warning("%s failed: %s", number, error)
        set_status(context.db, number, Status.FAILED, reason=str(error))
        return Status.FAILED
    except TransientError:
        set_status(context.db, number, Status.REGISTERED, reason="waiting to be retried")
        raise
    except Exception as error:
        log.exception("%s failed with an internal error", number)
        set_status(
            context.db, number, Status.FAILED, reason=f"internal error: {type(error).__name__}: {error}"
        )
        raise
    save_analysis(context.db, number, analysis)
    record_analysis(analysis)
    status = Status.NEEDS_REVIEW if analysis.routing.needs_review else Status.ROUTED
    set_status(context.db, number, status, reason="; ".join(analysis.routing.reasons[:3]) or None)
    return status
