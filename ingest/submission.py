"""Intake of a submission: several files arriving together as one request (issue 19).

:func:`intake_submission` is the one entry for a channel that hands over a request as a
whole (a message of a mailbox, a folder dropped into the inbox, an upload of several files
marked "one request"). The message itself, when there is one, is kept in the object store
before anything else, untouched. Then every file is validated in order (files found
inside them, a ZIP's members, a PDF's attached files, taken out first: see
:mod:`ingest.unpacking`); the first one accepted is the main document, registered under
the request's number, and every other file is registered with it as an annex in the same
transaction: an accepted one stored by its SHA-256, a refused one listed with its reason.
A submission whose main document was registered before is a duplicate of that
registration (nothing new is registered); one with no acceptable file is refused whole.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from ingest.context import IntakeContext, database_name, enqueue, name_note, write_quarantine_reason
from ingest.filing import write_into
from ingest.unpacking import UnpackedFile, UnpackLimits, unpack_submission
from ingest.validation import ValidationLimits, validate_original
from rogatory.annexes import Annex, AnnexStatus
from rogatory.errors import InputError, TransientError
from rogatory.registration import IntakeResult
from rogatory.sources import SourceFile
from rogatory.submissions import Submission, SubmissionResult, SubmittedFile
from storage.registry import record_rejection, register, registration_of

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Checked:
    """One file of the submission after validation: its source file, or why it was refused."""

    submitted: SubmittedFile
    sha256: str
    parent: int | None
    original: SourceFile | None = None
    error: InputError | None = None
    container: bool = False


def intake_submission(
    submission: Submission,
    *,
    context: IntakeContext,
    queue: bool = True,
    unfiled: Callable[[str], bool] | None = None,
) -> SubmissionResult:
    """Keep the envelope, register the first accepted file with the others as annexes, queue it.

    A submission with no acceptable file is refused as a whole: ``request`` then carries
    ``status="rejected"`` with the reasons of its files (or ``code="no_document"`` when it
    has none), and each file is recorded as a refusal. Refused files of a submission that
    has no envelope (an upload, a folder) are written to the quarantine folder with their
    reason; a message keeps them in its envelope. Raises ``TransientError`` when the object
    store or the database is unavailable; nothing is then registered, so the channel may
    hand the same submission over again.

    With ``queue=False`` the caller queues ``request`` itself (after moving what it took
    in). ``unfiled`` is for a channel that moves what it took in after the registration
    (the watched folder): a request registered before from the same channel, with the
    same main document under the same name and as many accepted annexes, is this very
    arrival, taken again after a stop between the registration and the move, when
    ``unfiled(number)`` says nothing was filed under its number yet. Its result is then
    the registration itself (status ``registered``), not a duplicate of it.
    """
    now = datetime.now(UTC)
    envelope_sha256 = _keep_envelope(submission, context)
    limits = ValidationLimits.from_settings(context.settings)
    unpacked = unpack_submission(submission.files, limits=UnpackLimits.from_settings(context.settings))
    checked = [_check(item, limits) for item in unpacked]
    main_index = next((index for index, item in enumerate(checked) if item.original is not None), None)
    if main_index is None:
        request = _refuse_all(checked, envelope_sha256, context, now)
        files = tuple(_refused_result(item) for item in checked)
        if not _kept_by_channel(submission):
            _quarantine(checked, context, now)
        return SubmissionResult(request=request, files=files, envelope_sha256=envelope_sha256)
    _store_accepted(checked, context)
    resumed = _resumed(submission, checked, main_index, context, unfiled)
    if resumed is not None:
        request, annexes = resumed
    else:
        request, annexes = _register_request(submission, checked, main_index, context, now)
        if not _kept_by_channel(submission):
            _quarantine([item for item in checked if item.error is not None], context, now)
    if queue:
        enqueue(request, context)
    number = request.number or request.duplicate_of or ""
    files = tuple(_file_result(item, request, number) for item in checked)
    return SubmissionResult(
        request=request, files=files, envelope_sha256=envelope_sha256, annexes=tuple(annexes)
    )


def _register_request(
    submission: Submission, checked: list[_Checked], main_index: int, context: IntakeContext, now: datetime
) -> tuple[IntakeResult, list[Annex]]:
    """Register the main document with its annexes in one transaction; a duplicate adds none."""
    main = checked[main_index]
    original = main.original
    if original is None:  # pragma: no cover - the main document is an accepted file
        raise ValueError("the main document of a submission must be an accepted file")
    annexes = _annexes(checked, main_index)
    outcome = register(
        context.db,
        sha256=main.sha256,
        filename=database_name(main.submitted.name),
        size=len(main.submitted.data),
        media_type=original.media_type,
        source=submission.source,
        prefix=context.settings.number_prefix,
        digits=context.settings.number_digits,
        now=now,
        annexes=annexes,
    )
    number = outcome.registration.number
    if not outcome.created:
        logger.info("the request of %r is a duplicate of %s", main.submitted.name, number)
        return IntakeResult(status="duplicate", sha256=main.sha256, duplicate_of=number), []
    logger.info("registered %r as %s with %d annex(es)", main.submitted.name, number, len(annexes))
    note = name_note(original)
    return IntakeResult(status="registered", sha256=main.sha256, number=number, note=note), annexes


def _resumed(
    submission: Submission,
    checked: list[_Checked],
    main_index: int,
    context: IntakeContext,
    unfiled: Callable[[str], bool] | None,
) -> tuple[IntakeResult, list[Annex]] | None:
    """The registration of this very arrival when the channel stopped before filing it, else None.

    Raises ``TransientError``.
    """
    if unfiled is None:
        return None
    main = checked[main_index]
    existing = registration_of(context.db, main.sha256)
    if existing is None or existing.source != submission.source:
        return None
    annexes = _annexes(checked, main_index)
    accepted = sum(annex.status == "accepted" for annex in annexes)
    if existing.filename != database_name(main.submitted.name) or existing.annex_count != accepted:
        return None
    if not unfiled(existing.number):
        return None
    logger.info(
        "the request of %r was registered as %s before the channel stopped; filing it now",
        main.submitted.name,
        existing.number,
    )
    return IntakeResult(status="registered", sha256=main.sha256, number=existing.number), annexes


def _kept_by_channel(submission: Submission) -> bool:
    return submission.envelope is not None or submission.keeps_files


def _keep_envelope(submission: Submission, context: IntakeContext) -> str | None:
    if submission.envelope is None:
        return None
    try:
        return context.store.put(submission.envelope)
    except OSError as error:
        raise TransientError(f"cannot keep the message: {error}") from error


def _check(item: UnpackedFile, limits: ValidationLimits) -> _Checked:
    submitted, parent = item.file, item.parent
    sha256 = hashlib.sha256(submitted.data).hexdigest()
    if item.refusal is not None:
        return _Checked(submitted=submitted, sha256=sha256, parent=parent, error=item.refusal)
    if item.container:
        return _Checked(submitted=submitted, sha256=sha256, parent=parent, container=True)
    if item.attachments:
        limits = replace(limits, allow_attachments=True)
    try:
        original = validate_original(submitted.data, name=submitted.name, limits=limits)
    except InputError as error:
        logger.info("refused %r of a submission (%s): %s", submitted.name, error.code, error.message)
        return _Checked(submitted=submitted, sha256=sha256, parent=parent, error=error)
    return _Checked(submitted=submitted, sha256=sha256, parent=parent, original=original)


def _store_accepted(checked: list[_Checked], context: IntakeContext) -> None:
    """Keep every accepted file in the object store before anything is registered."""
    for item in checked:
        if item.original is None and not item.container:
            continue
        try:
            context.store.put(item.submitted.data)
        except OSError as error:
            raise TransientError(f"cannot store {item.submitted.name!r}: {error}") from error


def _annexes(checked: list[_Checked], main_index: int) -> list[Annex]:
    """Every file but the main document, at positions 2, 3, ... in the order received.

    A file whose content is the main document's or an earlier annex's is not listed
    twice. ``parent`` positions are those of this numbering.
    """
    positions = _positions(checked, main_index)
    seen = {checked[main_index].sha256}
    annexes: list[Annex] = []
    for index, item in enumerate(checked):
        position = positions.get(index)
        if position is None or position == 1:
            continue
        if item.original is not None and item.sha256 in seen:
            continue
        seen.add(item.sha256)
        annexes.append(
            Annex(
                position=position,
                name=database_name(item.submitted.name),
                origin=item.submitted.origin,
                status=_status(item),
                sha256=item.sha256,
                size=len(item.submitted.data),
                media_type=item.original.media_type if item.original is not None else None,
                code=str(item.error.code) if item.error is not None else None,
                reason=item.error.message if item.error is not None else None,
                parent=positions.get(item.parent) if item.parent is not None else None,
            )
        )
    return annexes


def _status(item: _Checked) -> AnnexStatus:
    if item.container:
        return "unpacked"
    return "accepted" if item.original is not None else "refused"


def _positions(checked: list[_Checked], main_index: int) -> dict[int, int]:
    """The position of each file of the request: 1 the main document, then the order received.

    A repeated accepted file takes no position (it is the same document).
    """
    positions = {main_index: 1}
    seen = {checked[main_index].sha256}
    for index, item in enumerate(checked):
        if index == main_index or (item.original is not None and item.sha256 in seen):
            continue
        seen.add(item.sha256)
        positions[index] = len(positions) + 1
    return positions


def _file_result(item: _Checked, request: IntakeResult, number: str) -> IntakeResult:
    """What became of one file: part of the request (or of its duplicate), or refused."""
    if item.error is not None or (item.container and request.status != "registered"):
        return _refused_result(item)
    if request.status == "duplicate":
        return IntakeResult(status="duplicate", sha256=item.sha256, duplicate_of=number)
    return IntakeResult(status="registered", sha256=item.sha256, number=number)


def _refused_result(item: _Checked) -> IntakeResult:
    if item.error is None:  # an archive whose members were all refused
        reason = "No file of the archive could be accepted."
        return IntakeResult(status="rejected", sha256=item.sha256, reason=reason, code="no_document")
    return IntakeResult(
        status="rejected", sha256=item.sha256, reason=item.error.message, code=item.error.code
    )


def _refuse_all(
    checked: list[_Checked], envelope_sha256: str | None, context: IntakeContext, now: datetime
) -> IntakeResult:
    """Record the refusal of every file; the request's refusal, with their reasons."""
    for item in checked:
        refused = _refused_result(item)
        record_rejection(
            context.db,
            sha256=item.sha256,
            filename=database_name(item.submitted.name),
            size=len(item.submitted.data),
            code=refused.code or "",
            reason=refused.reason or "",
            now=now,
        )
    sha256 = envelope_sha256 or (checked[0].sha256 if checked else hashlib.sha256(b"").hexdigest())
    if not checked:
        return IntakeResult(
            status="rejected", sha256=sha256, code="no_document", reason="The request carries no document."
        )
    reasons = "; ".join(item.error.message for item in checked if item.error is not None)
    return IntakeResult(
        status="rejected",
        sha256=sha256,
        code=_refused_result(checked[0]).code,
        reason=f"No file of the request could be accepted: {reasons}",
    )


def _quarantine(refused: list[_Checked], context: IntakeContext, now: datetime) -> None:
    """Keep each refused file once, in the quarantine folder with its reason beside it."""
    for item in refused:
        if item.parent is not None:
            continue  # a file found inside another is kept in it
        result = _refused_result(item)
        try:
            path = write_into(item.submitted.data, context.settings.quarantine_dir, item.submitted.name)
            write_quarantine_reason(path, result, now)
        except OSError as error:
            logger.error("cannot write refused %r to the quarantine folder: %s", item.submitted.name, error)
