"""Certified-mail envelopes: the message a certified-mail provider wraps around the request.

Italian PEC (and its kin: the Portuguese, Spanish and Swiss registered-mail services work
alike) delivers the sender's message untouched as an attachment ``postacert.eml``
(``message/rfc822``) of a transport message written by the provider, with the receipt
``daticert.xml`` beside it, the whole often S/MIME-signed. What the requesting authority
sent is the inner message: its sender, its subject, its attachments are the request's.
An envelope inside an envelope (a certified message forwarded by certified mail) is
unwrapped again, up to :data:`MAX_DEPTH` levels. Pure functions; nothing here raises.
"""

from __future__ import annotations

from email.message import EmailMessage

from ingest.mail.names import attachment_name
from ingest.mail.parts import attached_message, leaf_parts

MAX_DEPTH = 4
"""Envelopes unwrapped at most; a deeper message is read as it stands."""

_TRANSPORT_HEADERS = ("X-Trasporto", "X-Ricevuta")
_RECEIPT_NAMES = frozenset({"daticert.xml", "smime.p7s"})
_INNER_NAMES = frozenset({"postacert.eml"})


def unwrap_certified(message: EmailMessage) -> tuple[EmailMessage, bool]:
    """The request inside ``message`` and whether it came out of a certified envelope."""
    certified = False
    for _ in range(MAX_DEPTH):
        inner = _inner_message(message)
        if inner is None:
            break
        message, certified = inner, True
    return message, certified


def _inner_message(message: EmailMessage) -> EmailMessage | None:
    """The wrapped message when ``message`` is a certified envelope, else None.

    An envelope says so: a provider's transport header (``X-Trasporto: posta-certificata``),
    an inner part named ``postacert.eml``, or exactly one attached message beside a
    receipt (``daticert.xml``). A message that merely forwards another one is no envelope.
    """
    inner: list[EmailMessage] = []
    named_inner = False
    receipt = False
    for index, part in enumerate(leaf_parts(message)):
        if part is message:
            continue
        name = attachment_name(part, index=index).lower()
        if part.get_content_type() == "message/rfc822":
            wrapped = attached_message(part)
            if wrapped is not None:
                inner.append(wrapped)
                named_inner = named_inner or name in _INNER_NAMES
        elif name in _RECEIPT_NAMES:
            receipt = True
    transport = any(message.get(header) for header in _TRANSPORT_HEADERS)
    if len(inner) == 1 and (transport or named_inner or receipt):
        return inner[0]
    return None
