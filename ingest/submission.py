"""Intake of a submission: several files arriving together as one request (issue 19).

:func:`intake_submission` is the one entry for a channel that hands over a request as a
whole (a message of a mailbox, a folder dropped into the inbox, an upload of several files
marked "one request"). The message itself, when there is one, is kept in the object store
before anything else, untouched. Then the files are validated in order; the first one
accepted is the main document and is registered under the request's number.

This first version registers the main document only; the annexes (every other accepted
file, stored by its hash and read like the main document) are the next step of issue 19.
"""

from __future__ import annotations

from datetime import UTC, datetime

from ingest.intake import IntakeContext, admit, enqueue
from rogatory.errors import TransientError
from rogatory.registration import IntakeResult
from rogatory.submissions import Submission, SubmissionResult


def intake_submission(submission: Submission, *, context: IntakeContext) -> SubmissionResult:
    """Keep the envelope, register the first accepted file as the request, queue it.

    A submission with no acceptable file is refused as a whole: ``request`` then carries
    ``status="rejected"`` with the reasons of its files (or ``code="no_document"`` when it
    has none). Raises ``TransientError`` when the object store or the database is
    unavailable; nothing is then registered, so the channel may hand the same submission
    over again.
    """
    now = datetime.now(UTC)
    envelope_sha256 = None
    if submission.envelope is not None:
        try:
            envelope_sha256 = context.store.put(submission.envelope)
        except OSError as error:
            raise TransientError(f"cannot keep the message: {error}") from error
    results: list[IntakeResult] = []
    request: IntakeResult | None = None
    for submitted in submission.files:
        result = admit(
            submitted.data, filename=submitted.name, source=submission.source, context=context, now=now
        )
        results.append(result)
        if request is None and result.status != "rejected":
            request = result
    if request is None:
        request = _refusal(results, envelope_sha256)
    enqueue(request, context)
    return SubmissionResult(request=request, files=tuple(results), envelope_sha256=envelope_sha256)


def _refusal(results: list[IntakeResult], envelope_sha256: str | None) -> IntakeResult:
    sha256 = envelope_sha256 or (results[0].sha256 if results else "")
    if not results:
        return IntakeResult(
            status="rejected", sha256=sha256, code="no_document", reason="The request carries no document."
        )
    reasons = "; ".join(f"{result.reason}" for result in results if result.reason)
    return IntakeResult(
        status="rejected",
        sha256=sha256,
        code=results[0].code,
        reason=f"No file of the request could be accepted: {reasons}",
    )
