"""A folder dropped into the inbox: one request, its files the main document and annexes (issue 19).

Runs in the watcher (:class:`ingest.watcher.InboxWatcher` hands a folder on once its
content has stopped changing). The regular files of the folder (its subfolders too, to
``max_unpack_depth`` levels; never through a symlink, nor a hard link to a file kept
elsewhere; hidden and temporary names left out) are read in the order of their paths,
so a clerk who names the letter ``1-letter.pdf`` makes it the main document, and handed to
:func:`ingest.submission.intake_submission` as one submission. The folder is then moved
whole: to ``processed/<number>__<folder>`` (``duplicate-of-<number>__<folder>``), or to
``quarantine/<folder>`` with a ``.reason.txt`` beside it when no file could be taken.
A file over ``max_file_bytes`` is read only up to the limit and refused for its size.
"""

from __future__ import annotations

import logging
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

from ingest.context import IntakeContext, enqueue
from ingest.filing import filed_under, move_folder_into, write_reason
from ingest.inbox import is_ignored_name
from ingest.submission import intake_submission
from rogatory.errors import TransientError
from rogatory.submissions import Submission, SubmissionResult, SubmittedFile

logger = logging.getLogger(__name__)


def intake_folder(folder: Path, *, context: IntakeContext) -> SubmissionResult:
    """Register the files of ``folder`` as one request, then move the folder out of the inbox.

    A folder registered by a watcher that stopped before moving it is filed under its
    number at the next start, not registered as a duplicate of itself: the registration
    from the watcher of the same main document, name and number of accepted annexes,
    with nothing in processed/ under its number yet, is this very folder. Its number is
    queued after the move (again for a resumed one, as a resumed single file's is).
    Raises ``TransientError`` (the folder stays in the inbox, tried again later) when a
    file cannot be read or the store or the database is down.
    """
    try:
        files = tuple(_read_files(folder, context))
    except OSError as error:
        raise TransientError(f"cannot read the folder {folder}: {error}; it stays in the inbox") from error
    result = intake_submission(
        Submission(source="watcher", files=files, keeps_files=True),
        context=context,
        queue=False,
        unfiled=lambda number: not filed_under(context.settings.processed_dir, number),
    )
    _file_away(folder, result, context)
    enqueue(result.request, context)
    return result


def _read_files(folder: Path, context: IntakeContext) -> list[SubmittedFile]:
    """The regular files of ``folder`` in path order, each read up to the size limit."""
    limit = context.settings.max_file_bytes
    depth_limit = context.settings.max_unpack_depth
    found: list[SubmittedFile] = []
    for root, folders, names in os.walk(folder, followlinks=False):
        relative = Path(root).relative_to(folder)
        if len(relative.parts) >= depth_limit:
            folders[:] = []
        folders[:] = sorted(name for name in folders if not is_ignored_name(name))
        for name in sorted(names):
            path = Path(root) / name
            if is_ignored_name(name) or not _is_own_file(os.lstat(path)):
                continue
            found.append(
                SubmittedFile(
                    name=str(relative / name), data=_read_bounded(path, limit), origin="folder_member"
                )
            )
    found.sort(key=lambda item: item.name)
    return found


def _is_own_file(info: os.stat_result) -> bool:
    """A regular file of the folder's own: not a symlink, a pipe, or a hard link to a file kept elsewhere."""
    return stat.S_ISREG(info.st_mode) and info.st_nlink == 1


def _read_bounded(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``path``, never through a symlink. Raises ``OSError``."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read(limit + 1)


def _file_away(folder: Path, result: SubmissionResult, context: IntakeContext) -> None:
    """Move the folder where its result says; on failure log it (the registration stands)."""
    settings, request = context.settings, result.request
    try:
        if request.status == "registered":
            move_folder_into(folder, settings.processed_dir, f"{request.number}__{folder.name}")
        elif request.status == "duplicate":
            move_folder_into(
                folder, settings.processed_dir, f"duplicate-of-{request.duplicate_of}__{folder.name}"
            )
        else:
            moved = move_folder_into(folder, settings.quarantine_dir, folder.name)
            write_reason(
                moved,
                reason=request.reason or "",
                code=request.code or "",
                sha256=request.sha256,
                at=datetime.now(UTC),
            )
    except OSError as error:
        logger.error(
            "%s was taken in (%s) but could not be moved out of the inbox: %s", folder, request.status, error
        )
