"""Records of a submission: what arrives together as one request (issue 19).

A request rarely travels alone: a message carries the letter, its translation, the court
order; a folder or an upload of several files holds the same. A :class:`Submission` is
what one channel hands to intake as one request: its files in the order received (the
first usable one is the main document, the others its annexes), and for a message the
untouched ``.eml`` (kept content-addressed before anything else) and its headers.
"""

from __future__ import annotations

from pydantic import Field

from rogatory.annexes import Annex, FileOrigin
from rogatory.records import Record
from rogatory.registration import IntakeResult, IntakeSource, UtcDatetime

__all__ = ["Annex", "FileOrigin", "MailHeaders", "Submission", "SubmissionResult", "SubmittedFile"]


class SubmittedFile(Record):
    """One file of a submission, as received."""

    name: str
    data: bytes = Field(repr=False)
    origin: FileOrigin = "file"


class MailHeaders(Record):
    """The headers of a message that are recorded with its registration."""

    message_id: str | None
    sender: str
    recipients: tuple[str, ...] = ()
    subject: str = ""
    date: UtcDatetime | None = None
    mailbox: str = ""
    certified: bool = False
    """True when the request was unwrapped from a certified-mail envelope."""


class Submission(Record):
    """What one channel hands to intake as one request."""

    source: IntakeSource
    files: tuple[SubmittedFile, ...]
    envelope: bytes | None = Field(default=None, repr=False)
    """The message as received (``.eml`` bytes), for mail; kept before anything else."""
    headers: MailHeaders | None = None
    keeps_files: bool = False
    """True when the channel keeps the files as received (a folder moved whole to processed/
    or quarantine/): intake then writes no refused file to the quarantine folder. A
    message keeps them in its envelope."""


class SubmissionResult(Record):
    """What became of a submission: the request's result and each file's.

    ``request`` is the result of the registration as a whole (its number, a duplicate of
    an earlier one, or the refusal of the whole submission with its reason); ``files``
    gives the outcome of each file in the submission's order, the files taken out of a
    ZIP or of a PDF's attachments right after the file they came from (so ``files`` may
    be longer than ``Submission.files``). ``envelope_sha256`` is the
    hash under which the message itself was kept, for mail. ``annexes`` are the files
    registered with the request besides its main document (accepted or refused), as
    the registry keeps them; empty for a duplicate or a refusal.
    """

    request: IntakeResult
    files: tuple[IntakeResult, ...] = ()
    envelope_sha256: str | None = None
    annexes: tuple[Annex, ...] = ()
