"""The parts of a message, walked without descending into attached messages.

:meth:`email.message.Message.walk` goes on into a ``message/rfc822`` part's own parts;
here an attached message is one part (read by the caller as a message of its own), so an
envelope inside an envelope, or a forwarded message, is seen as what it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage

MAX_PARTS = 1000
"""Parts walked at most in one message (a message of thousands of empty parts is a bomb)."""


def leaf_parts(message: EmailMessage) -> Iterator[EmailMessage]:
    """The leaf parts of ``message`` in order, an attached message counting as a leaf."""
    stack = [message]
    seen = 0
    while stack and seen < MAX_PARTS:
        part = stack.pop()
        seen += 1
        if part.get_content_type() == "message/rfc822" or not part.is_multipart():
            yield part
            continue
        payload = part.get_payload()
        if isinstance(payload, list):
            stack.extend(reversed([child for child in payload if isinstance(child, EmailMessage)]))


def attached_message(part: EmailMessage) -> EmailMessage | None:
    """The message a ``message/rfc822`` part holds, else None."""
    if part.get_content_type() != "message/rfc822":
        return None
    payload = part.get_payload()
    if isinstance(payload, list) and payload and isinstance(payload[0], EmailMessage):
        return payload[0]
    return None
