"""A message as received turned into the submission of one request (runs in mail intake).

The message is parsed with the standard library (``email.policy.default``), its
certified envelope unwrapped (:mod:`ingest.mail.certified`), then every attachment,
whatever its type, becomes a file of the submission (``mail_attachment``) in the order of
the message; intake says which it accepts. Attachments of a forwarded message
(``message/rfc822`` that is no envelope) are the request's too. The body is no document
Rogatory reads (scans only): it is kept in the ``.eml`` and its text returned beside the
submission; only a message with no attachment at all hands its body over as a file
(``mail_body``), so that the refusal names what the message held.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage

from ingest.mail.certified import unwrap_certified
from ingest.mail.html_text import html_text
from ingest.mail.names import attachment_name
from ingest.mail.parts import attached_message, leaf_parts
from rogatory.errors import InputError
from rogatory.submissions import MailHeaders, Submission, SubmittedFile

MAX_ATTACHMENTS = 200
"""Attachments taken from one message at most; a message with more is refused."""

MAX_FORWARD_DEPTH = 3
"""Forwarded messages followed at most, one inside the other."""

BODY_CHARS = 20_000
"""The body text kept beside the submission at most."""


@dataclass(frozen=True)
class ParsedMessage:
    """A message read: the submission to hand to intake and the text of its body."""

    submission: Submission
    body: str


def parse_message(data: bytes, *, mailbox: str = "") -> ParsedMessage:
    """Read the ``.eml`` bytes ``data`` as one request of ``mailbox``.

    Raises ``InputError`` (code ``too_many_attachments``) for a message of more than
    :data:`MAX_ATTACHMENTS` attachments; any other damage is read as best it can be.
    """
    outer = as_email_message(data)
    message, certified = unwrap_certified(outer)
    files: list[SubmittedFile] = []
    bodies: list[EmailMessage] = []
    _collect(message, files, bodies, depth=0)
    if len(files) > MAX_ATTACHMENTS:
        raise InputError(
            f"The message has {len(files)} attachments, more than {MAX_ATTACHMENTS}; "
            "ask the sender to send the request in several messages.",
            code="too_many_attachments",
        )
    body = _body_text(bodies)
    if not files and bodies:
        first = bodies[0]
        files.append(
            SubmittedFile(name=attachment_name(first, index=0), data=_bytes(first), origin="mail_body")
        )
    headers = read_headers(message, mailbox=mailbox, certified=certified)
    submission = Submission(source="mail", files=tuple(files), envelope=data, headers=headers)
    return ParsedMessage(submission=submission, body=body)


def as_email_message(data: bytes) -> EmailMessage:
    """``data`` parsed with ``policy.default`` (which builds an :class:`EmailMessage`)."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage):  # pragma: no cover - policy.default's factory
        raise TypeError("policy.default did not build an EmailMessage")
    return message


def read_headers(message: EmailMessage, *, mailbox: str = "", certified: bool = False) -> MailHeaders:
    """The recorded headers of ``message``; a header that cannot be read is left empty."""
    message_id = _header(message, "Message-ID").strip() or None
    recipients = tuple(address for name in ("To", "Cc") for address in _addresses(message, name))
    return MailHeaders(
        message_id=message_id,
        sender=_header(message, "From"),
        recipients=recipients,
        subject=_header(message, "Subject"),
        date=_date(message),
        mailbox=mailbox,
        certified=certified,
    )


def _collect(
    message: EmailMessage, files: list[SubmittedFile], bodies: list[EmailMessage], *, depth: int
) -> None:
    charsets = tuple(
        dict.fromkeys(
            charset
            for part in leaf_parts(message)
            if _is_body(part) and (charset := part.get_content_charset()) not in (None, "us-ascii")
        )
    )
    for part in leaf_parts(message):
        forwarded = attached_message(part)
        if forwarded is not None and depth < MAX_FORWARD_DEPTH:
            _collect(forwarded, files, [], depth=depth + 1)
        elif _is_body(part):
            bodies.append(part)
        else:
            files.append(
                SubmittedFile(
                    name=attachment_name(part, index=len(files) + 1, charsets=charsets),
                    data=_bytes(part),
                    origin="mail_attachment",
                )
            )
        if len(files) > MAX_ATTACHMENTS:
            return


def _is_body(part: EmailMessage) -> bool:
    """A text part that is no attachment (no file name, not marked ``attachment``)."""
    return (
        part.get_content_maintype() == "text"
        and part.get_content_disposition() != "attachment"
        and not part.get_filename()
    )


def _bytes(part: EmailMessage) -> bytes:
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        return payload
    return part.as_bytes() if part.get_content_type() == "message/rfc822" else b""


def _body_text(bodies: list[EmailMessage]) -> str:
    """The plain text of the body: its text/plain part, else the text of its first part (HTML read)."""
    plain = [part for part in bodies if part.get_content_subtype() == "plain"]
    for part in plain or bodies:
        try:
            text = part.get_content()
        except (LookupError, ValueError):  # an unknown charset: the bytes as UTF-8, replaced
            text = _bytes(part).decode("utf-8", "replace")
        if isinstance(text, str) and part.get_content_subtype() == "html":
            text = html_text(text)
        if isinstance(text, str) and text.strip():
            return text[:BODY_CHARS]
    return ""


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except (ValueError, LookupError, IndexError):  # a header policy.default cannot parse
        value = None
    return " ".join(str(value).split()) if value is not None else ""


def _addresses(message: EmailMessage, name: str) -> list[str]:
    try:
        values = message.get_all(name) or []
    except (ValueError, LookupError, IndexError):
        return []
    pairs = email.utils.getaddresses([str(value) for value in values])
    return [email.utils.formataddr(pair) if pair[0] else pair[1] for pair in pairs if pair[1]]


def _date(message: EmailMessage) -> datetime | None:
    raw = _header(message, "Date")
    if not raw:
        return None
    try:
        sent = email.utils.parsedate_to_datetime(raw)
    except (ValueError, TypeError, IndexError):
        return None
    return sent.replace(tzinfo=UTC) if sent.tzinfo is None else sent.astimezone(UTC)
