"""Records of the annexes of a request: the files registered with its main document (issue 19).

A registration holds one main document (the original its number was given for) and the
other files that came with it: a translation, the court order, lists of accounts,
photographs. Each accepted annex is kept in the object store by its SHA-256 like the
main document; a file of the submission that was refused is listed too, with its
reason, so a clerk sees what came and what could not be taken. Positions count the
files of the request from 1 (the main document), in the order they were received.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from rogatory.records import Record
from rogatory.sources import MediaType, SourceFile

FileOrigin = Literal["file", "mail_body", "mail_attachment", "pdf_attachment", "zip_member", "folder_member"]
"""Where a file of a submission came from."""

AnnexStatus = Literal["accepted", "refused", "unpacked"]
"""An annex kept and read (``accepted``), listed with the reason it was refused
(``refused``), or an archive kept whose members follow it (``unpacked``)."""


class Annex(Record):
    """One file registered with a request besides its main document.

    ``position`` is 2 or more (1 is the main document); ``media_type`` is set for an
    accepted annex, ``code`` and ``reason`` for a refused one. ``parent`` is the position
    of the file it was found in (a PDF's attached file, a ZIP's member), else None.
    """

    position: int = Field(ge=2)
    name: str
    origin: FileOrigin = "file"
    status: AnnexStatus
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)
    media_type: MediaType | None = None
    code: str | None = None
    reason: str | None = None
    parent: int | None = None


class AnnexFile(Record):
    """An accepted annex as the pipeline receives it: its position, its name and its bytes."""

    position: int = Field(ge=2)
    name: str
    source: SourceFile = Field(repr=False)
