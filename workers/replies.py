"""A reply to the requesting authority: the clerk's letter sent to the message's sender by SMTP.

The drafted request for additional information (as the clerk last saved it) goes to the
address the request came from, through the same SMTP settings as the notices
(:mod:`workers.delivery`), threaded under the original message (``In-Reply-To``).
Runs in the web process, when a clerk asks for it.
"""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

from rogatory.errors import InputError, TransientError
from rogatory.settings import Settings


def reply_address(sender: str) -> str:
    """The bare address of a ``From`` header (``Name <a@b>`` gives ``a@b``); empty when it has none."""
    _, address = parseaddr(sender)
    return address if "@" in address else ""


def send_reply(settings: Settings, *, to: str, subject: str, body: str, in_reply_to: str | None) -> str:
    """Send ``body`` to ``to``; return the Message-ID of the reply.

    Raises ``InputError`` when e-mail is off (no ``smtp_host``) or there is no address or
    text, ``TransientError`` when the SMTP server fails.
    """
    if not settings.email_enabled:
        raise InputError("E-mail is off: set smtp_host to send replies.", code="email_off")
    if not to:
        raise InputError("The message has no sender address to reply to.", code="no_address")
    if not body.strip():
        raise InputError("The letter is empty.", code="empty_letter")
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = subject if subject.lower().startswith("re:") else f"Re: {subject}".strip()
    message["Date"] = formatdate(localtime=False)
    message_id = make_msgid(domain=settings.smtp_from.rpartition("@")[2] or None)
    message["Message-ID"] = message_id
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message.set_content(body)
    try:
        with smtplib.SMTP(
            settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds
        ) as smtp:
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise TransientError(f"the reply could not be sent: {error}") from error
    return message_id
