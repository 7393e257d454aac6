"""Intake: one arriving original stored, validated, registered or refused, then queued.

The same function serves the watched folder (:func:`intake_file`), the upload API and
the CLI (:func:`intake_bytes`). The order makes sure nothing is lost and nothing is
kept twice: the bytes are validated; a refusal is recorded in the database and the
file kept once, in the quarantine folder with a ``.reason.txt`` beside it (an inbox
file that cannot be moved stays in the inbox); an accepted original is stored in the
content-addressed object store, then registered (a second arrival of the same content is
recorded as a duplicate, never registered twice), moved out of the inbox and its
number handed to ``enqueue``. If the original cannot be stored, the inbox file is
left where it is and ``TransientError`` raised, so the watcher tries again later.

A single file that carries files (a ZIP archive, a PDF with attached files) is one
request with annexes (issue 19): :func:`admit` hands it to :mod:`ingest.submission`;
everything else (the moves, quarantine, duplicates, the resume after a stop) is the same.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from ingest.context import (
    IntakeContext,
    database_name,
    enqueue,
    name_note,
    write_quarantine_reason,
)
from ingest.filenames import safe_filename
from ingest.filing import filed_under, move_into, write_into
from ingest.submission import intake_submission
from ingest.unpacking import is_zip
from ingest.validation import RejectionCode, ValidationLimits, validate_original
from rogatory.errors import InputError, TransientError
from rogatory.registration import IntakeResult, IntakeSource
from rogatory.settings import Settings
from rogatory.submissions import Submission, SubmittedFile
from storage.registry import record_rejection, register, registration_of

__all__ = [
    "IntakeContext",
    "admit",
    "database_name",
    "enqueue",
    "intake_bytes",
    "intake_file",
    "name_note",
    "write_quarantine_reason",
]

logger = logging.getLogger(__name__)

_HASH_CHUNK = 1024 * 1024


def intake_bytes(data: bytes, *, filename: str, source: IntakeSource, context: IntakeContext) -> IntakeResult:
    """Take in an original received as bytes (an upload, a file named on the command line).

    A refused original is kept once: written to the quarantine folder with its reason
    (or, when that folder cannot be written, to the object store).
    Raises ``TransientError`` when the object store or the database is unavailable.
    """
    now = datetime.now(UTC)
    result = admit(data, filename=filename, source=source, context=context, now=now)
    if result.status == "rejected":
        try:
            quarantined = write_into(data, context.settings.quarantine_dir, filename)
            write_quarantine_reason(quarantined, result, now)
        except OSError as error:
            logger.error(
                "cannot write refused upload %r to the quarantine folder (%s); kept in the object store",
                filename,
                error,
            )
            try:
                context.store.put(data)
            except OSError as stored_error:
                logger.error("cannot keep refused upload %r anywhere: %s", filename, stored_error)
    enqueue(result, context)
    return result


def intake_file(path: Path, *, context: IntakeContext) -> IntakeResult:
    """Take in a file of the watched folder, then move it to processed/ or quarantine/.

    Registered files become ``<number>__<name>``, duplicates
    ``duplicate-of-<number>__<name>``; nothing is overwritten. The file is opened
    without following symlinks. Raises ``InputError`` (code ``not_a_file``) for a
    symlink, a hard link (a file with a second name elsewhere) or anything but a
    regular file, ``TransientError`` (file left in the inbox)
    when the file cannot be read or the object store or database is unavailable,
    ``ConfigurationError`` for a bad number prefix.
    """
    now = datetime.now(UTC)
    settings = context.settings
    try:
        with _open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > settings.max_file_bytes:
                result = _refuse_oversized(path.name, handle, size=size, context=context, now=now)
            else:
                data = handle.read()
                result = _resumed(path, data, context) or admit(
                    data,
                    filename=path.name,
                    source="watcher",
                    context=context,
                    now=now,
                    unfiled=lambda number: not filed_under(context.settings.processed_dir, number),
                )
    except OSError as error:
        raise TransientError(f"cannot read {path}: {error}; it stays in the inbox") from error
    result = _file_away(path, result, settings=settings, now=now)
    enqueue(result, context)
    return result


def _resumed(path: Path, data: bytes, context: IntakeContext) -> IntakeResult | None:
    """The registration of this very inbox file, when a watcher stopped before moving it away.

    A watcher killed between registering a file and moving it out of the inbox finds it
    again at its next start. It is the same arrival, not a duplicate, when the registry
    has this content from the watcher under this name and nothing was filed under its
    number yet; the move is then finished (and the number queued again). Otherwise
    None. Raises ``TransientError``.
    """
    existing = registration_of(context.db, hashlib.sha256(data).hexdigest())
    if existing is None or existing.source != "watcher" or existing.filename != database_name(path.name):
        return None
    filed = context.settings.processed_dir / safe_filename(f"{existing.number}__{path.name}")
    if filed.exists():
        return None
    logger.info(
        "%r was registered as %s before the watcher stopped; filing it now", path.name, existing.number
    )
    return IntakeResult(status="registered", sha256=existing.sha256, number=existing.number)


def _open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading if it is a regular file and not a symlink.

    Raises ``InputError`` (``not_a_file``) or ``OSError``.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(f"{path} is a symbolic link; it is not taken in", code="not_a_file") from error
        raise
    handle = os.fdopen(descriptor, "rb")
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        handle.close()
        raise InputError(f"{path} is not a regular file; it is not taken in", code="not_a_file")
    if info.st_nlink > 1:
        handle.close()
        raise InputError(
            f"{path} is a hard link to a file kept elsewhere ({info.st_nlink} names); it is not taken in",
            code="not_a_file",
        )
    return handle


def admit(
    data: bytes,
    *,
    filename: str,
    source: IntakeSource,
    context: IntakeContext,
    now: datetime,
    unfiled: Callable[[str], bool] | None = None,
) -> IntakeResult:
    """Validate, then store and register, or record the refusal. Raises ``TransientError``.

    A refused original is not stored: the caller keeps it once, in the quarantine folder.
    A file that carries files (a ZIP archive, a PDF with attached files that passes every
    other check) is one request: the file and what it carries are handed to
    :func:`ingest.submission.intake_submission`, the PDF as the main document (a ZIP's
    first accepted member for an archive), the rest as its annexes; ``unfiled`` is passed
    on (the watched folder's resume). The result is the request's, not yet queued.
    """
    stored_name = database_name(filename)
    limits = ValidationLimits.from_settings(context.settings)
    try:
        original = validate_original(data, name=filename, limits=limits)
    except InputError as error:
        refusal = _refusal_of_a_carrier(data, filename, error, limits)
        if refusal is None:
            submission = Submission(
                source=source, files=(SubmittedFile(name=filename, data=data),), keeps_files=True
            )
            return intake_submission(submission, context=context, queue=False, unfiled=unfiled).request
        sha256 = hashlib.sha256(data).hexdigest()
        record_rejection(
            context.db,
            sha256=sha256,
            filename=stored_name,
            size=len(data),
            code=refusal.code,
            reason=refusal.message,
            now=now,
        )
        logger.info("refused %r (%s): %s", filename, refusal.code, refusal.message)
        return IntakeResult(status="rejected", sha256=sha256, reason=refusal.message, code=refusal.code)
    try:
        sha256 = context.store.put(data)
    except OSError as error:
        raise TransientError(f"cannot store the original {filename!r}: {error}") from error
    outcome = register(
        context.db,
        sha256=sha256,
        filename=stored_name,
        size=len(data),
        media_type=original.media_type,
        source=source,
        prefix=context.settings.number_prefix,
        digits=context.settings.number_digits,
        now=now,
    )
    number = outcome.registration.number
    note = name_note(original)
    if outcome.created:
        logger.info("registered %r as %s", filename, number)
        return IntakeResult(status="registered", sha256=sha256, number=number, note=note)
    logger.info("%r is a duplicate of %s", filename, number)
    return IntakeResult(status="duplicate", sha256=sha256, duplicate_of=number, note=note)


def _refusal_of_a_carrier(
    data: bytes, filename: str, error: InputError, limits: ValidationLimits
) -> InputError | None:
    """None when a file refused with ``error`` is a carrier of files to take as one request,
    else the refusal that stands.

    A ZIP archive (not an office document, refused as what it is) carries its members. A
    PDF refused only for its attached files carries them: it is validated again with them
    allowed, and a refusal then (active content, a missing end, too many pages) is its own.
    """
    if error.code == RejectionCode.UNSUPPORTED_TYPE and is_zip(data, filename):
        return None
    if error.code != RejectionCode.EMBEDDED_FILES:
        return error
    try:
        validate_original(data, name=filename, limits=replace(limits, allow_attachments=True))
    except InputError as own:
        return own
    return None


def _refuse_oversized(
    name: str, handle: BinaryIO, *, size: int, context: IntakeContext, now: datetime
) -> IntakeResult:
    """Refuse a file over the size limit without reading it into memory (nor storing it).

    The file itself is kept, in the quarantine folder. Raises ``OSError``, ``TransientError``.
    """
    digest = hashlib.sha256()
    while chunk := handle.read(_HASH_CHUNK):
        digest.update(chunk)
    limit = context.settings.max_file_bytes
    reason = (
        f"{name!r} is {size / 1_000_000:,.1f} MB, more than the limit of {limit / 1_000_000:,.1f} MB. "
        "Split it into several files or scan it at a lower resolution."
    )
    sha256 = digest.hexdigest()
    code = RejectionCode.TOO_LARGE
    record_rejection(
        context.db,
        sha256=sha256,
        filename=database_name(name),
        size=size,
        code=code,
        reason=reason,
        now=now,
    )
    return IntakeResult(status="rejected", sha256=sha256, reason=reason, code=code)


def _file_away(path: Path, result: IntakeResult, *, settings: Settings, now: datetime) -> IntakeResult:
    """Move the inbox file where its result says; on failure log it and say so in ``note``."""
    try:
        if result.status == "rejected":
            write_quarantine_reason(move_into(path, settings.quarantine_dir, path.name), result, now)
        elif result.status == "registered":
            move_into(path, settings.processed_dir, f"{result.number}__{path.name}")
        else:
            move_into(path, settings.processed_dir, f"duplicate-of-{result.duplicate_of}__{path.name}")
    except OSError as error:
        logger.error(
            "%s was taken in (%s) but could not be moved out of the inbox: %s", path, result.status, error
        )
        note = f"could not be moved out of the inbox: {error}"
        return result.model_copy(update={"note": "; ".join(filter(None, (result.note, note)))})
    return result
