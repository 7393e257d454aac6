"""Records of mail intake (issue 19): one message of a mailbox and what became of it.

A :class:`MailArrival` is a message as fetched: where it was (mailbox, ``UIDVALIDITY``,
UID), the hash of its ``.eml``, its headers and the text of its body. Its row in the
database (a :class:`MailRecord`) is written before intake (``pending``) and finished after
(``registered``, ``duplicate``, ``refused``), so a mail process that stops in between
finds the same arrival again instead of registering it twice.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from rogatory.records import Record
from rogatory.registration import Sha256, UtcDatetime
from rogatory.submissions import MailHeaders

MailOutcome = Literal["pending", "registered", "duplicate", "refused"]
"""Where a message stands: taken in but not finished, or what it became."""


class MailArrival(Record):
    """A message fetched from a mailbox, before intake."""

    mailbox: str
    uidvalidity: int | None = None
    uid: int | None = None
    envelope_sha256: Sha256 | None = None
    """None for a message refused before it was fetched (too large)."""
    size: int = Field(default=0, ge=0)
    headers: MailHeaders
    body: str = ""


class MailRecord(Record):
    """A message as the database keeps it, with its outcome."""

    id: int
    arrival: MailArrival
    outcome: MailOutcome
    number: str | None = None
    """The registration (for a duplicate: the earlier one it repeats)."""
    code: str | None = None
    reason: str | None = None
    received_at: UtcDatetime
