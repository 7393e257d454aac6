"""One message taken in: recorded, handed to intake as one request, its outcome recorded.

Runs in mail intake for each message fetched. The order makes sure that nothing is
lost and nothing registered twice: the message's row is begun (``pending``) first; intake
keeps the ``.eml`` in the object store before anything else and registers the request;
then the row is finished. Only then may the caller move the message on the server. A
message found again (the server went away before the move, the process stopped) is the
same arrival: its finished row says where it goes; a row left ``pending`` whose request
was registered meanwhile is finished with that registration (:func:`storage.mail.unclaimed_registration`),
else intake runs again. A message with the Message-ID or the ``.eml`` of an earlier one
is a duplicate of its registration. A refused message is kept in the quarantine folder
(``mail/``) with its reason beside it, like the inbox's, and its row says why.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from ingest.filenames import safe_filename
from ingest.filing import write_into, write_reason
from ingest.intake import IntakeContext
from ingest.mail.message import ParsedMessage, as_email_message, parse_message, read_headers
from ingest.submission import intake_submission
from rogatory.errors import InputError, TransientError
from rogatory.mail import MailArrival, MailRecord
from rogatory.submissions import MailHeaders
from storage.mail import begin_arrival, earlier_message, finish_arrival, unclaimed_registration

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class MessagePlace:
    """Where a message was found: the mailbox's label, its UIDVALIDITY and the message's UID."""

    mailbox: str
    uidvalidity: int | None = None
    uid: int | None = None


def take_in_message(data: bytes, *, place: MessagePlace, context: IntakeContext) -> MailRecord:
    """Take in the ``.eml`` bytes ``data`` found at ``place``; return its finished row.

    Raises ``TransientError`` (object store or database unavailable): the row is then
    left ``pending`` and the message where it is, to be taken in again.
    """
    sha256 = hashlib.sha256(data).hexdigest()
    parsed: ParsedMessage | None = None
    refusal: InputError | None = None
    try:
        parsed = parse_message(data, mailbox=place.mailbox)
    except InputError as error:
        refusal = error
    headers = (
        parsed.submission.headers if parsed and parsed.submission.headers else _outer_headers(data, place)
    )
    arrival = MailArrival(
        mailbox=place.mailbox,
        uidvalidity=place.uidvalidity,
        uid=place.uid,
        envelope_sha256=sha256,
        size=len(data),
        headers=headers,
        body=parsed.body if parsed else "",
    )
    record = begin_arrival(context.db, arrival)
    if record.outcome != "pending":
        logger.info("message %s of %s was taken in before (%s)", place.uid, place.mailbox, record.outcome)
        return record
    earlier = earlier_message(context.db, record)
    if earlier is not None and earlier.number is not None:
        _keep(data, context)
        logger.info("message %s of %s repeats %s", place.uid, place.mailbox, earlier.number)
        return finish_arrival(context.db, record, outcome="duplicate", number=earlier.number)
    if parsed is None:
        _keep(data, context)
        code = refusal.code if refusal and refusal.code else "invalid_message"
        reason = refusal.message if refusal else "The message could not be read."
        return _refuse(data, record, code=code, reason=reason, context=context)
    resumed = unclaimed_registration(
        context.db, [hashlib.sha256(file.data).hexdigest() for file in parsed.submission.files]
    )
    if resumed is not None:
        logger.info(
            "message %s of %s was registered as %s before intake stopped", place.uid, place.mailbox, resumed
        )
        return finish_arrival(context.db, record, outcome="registered", number=resumed)
    result = intake_submission(parsed.submission, context=context).request
    if result.status == "registered":
        return finish_arrival(context.db, record, outcome="registered", number=result.number)
    if result.status == "duplicate":
        return finish_arrival(context.db, record, outcome="duplicate", number=result.duplicate_of)
    return _refuse(
        data, record, code=result.code or "rejected", reason=result.reason or "refused", context=context
    )


def refuse_unread(
    *, place: MessagePlace, size: int, header: bytes, limit: int, context: IntakeContext
) -> MailRecord:
    """Refuse a message too large to fetch; it stays on the server (in the refused folder)."""
    headers = _outer_headers(header, place)
    arrival = MailArrival(
        mailbox=place.mailbox, uidvalidity=place.uidvalidity, uid=place.uid, size=size, headers=headers
    )
    record = begin_arrival(context.db, arrival)
    if record.outcome != "pending":
        return record
    reason = (
        f"The message is {size / 1_000_000:,.1f} MB, more than the limit of {limit / 1_000_000:,.1f} MB. "
        "It is kept in the refused folder of the mailbox; "
        "ask the sender to send its files in several messages."
    )
    logger.info("refused message %s of %s unread: %s", place.uid, place.mailbox, reason)
    return finish_arrival(context.db, record, outcome="refused", code="too_large", reason=reason)


def _refuse(data: bytes, record: MailRecord, *, code: str, reason: str, context: IntakeContext) -> MailRecord:
    """Finish the row as refused and keep the message in quarantine/mail with its reason."""
    now = datetime.now(UTC)
    arrival = record.arrival
    name = safe_filename(f"{arrival.mailbox}-{arrival.uidvalidity}-{arrival.uid}.eml")
    try:
        kept = write_into(data, context.settings.quarantine_dir / "mail", name)
        write_reason(kept, reason=reason, code=code, sha256=arrival.envelope_sha256 or "", at=now)
    except OSError as error:  # the .eml is in the object store already (intake kept it first)
        logger.error("cannot write refused message %s to the quarantine folder: %s", name, error)
    logger.info("refused message %s of %s (%s): %s", arrival.uid, arrival.mailbox, code, reason)
    return finish_arrival(context.db, record, outcome="refused", code=code, reason=reason, now=now)


def _keep(data: bytes, context: IntakeContext) -> None:
    """Keep a message intake does not see (a duplicate, an unreadable one) in the object store."""
    try:
        context.store.put(data)
    except OSError as error:
        raise TransientError(f"cannot keep the message: {error}") from error


def _outer_headers(data: bytes, place: MessagePlace) -> MailHeaders:
    return read_headers(as_email_message(data), mailbox=place.mailbox)
