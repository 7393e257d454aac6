"""The record of an incoming file as the extraction stage receives it."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class MediaType(StrEnum):
    PDF = "application/pdf"
    TIFF = "image/tiff"
    PNG = "image/png"
    JPEG = "image/jpeg"


PDF_HEADER_WINDOW = 1024
"""A PDF header may follow junk bytes; readers accept it within the first 1024 bytes."""

_IMAGE_SIGNATURES: tuple[tuple[bytes, MediaType], ...] = (
    (b"II*\x00", MediaType.TIFF),
    (b"MM\x00*", MediaType.TIFF),
    (b"\x89PNG\r\n\x1a\n", MediaType.PNG),
    (b"\xff\xd8\xff", MediaType.JPEG),
)


def sniff_media_type(data: bytes) -> MediaType | None:
    """The accepted media type of ``data`` by its magic bytes, or None if it is none of them.

    A PDF is recognised by ``%PDF-`` anywhere in the first 1024 bytes; TIFF (both byte
    orders), PNG and JPEG by their signature at the start. Raises nothing.
    """
    for signature, media_type in _IMAGE_SIGNATURES:
        if data.startswith(signature):
            return media_type
    if data.find(b"%PDF-", 0, PDF_HEADER_WINDOW) >= 0:
        return MediaType.PDF
    return None


class SourceFile(BaseModel):
    """The bytes of an original and what kind of file they are.

    ``media_type`` is decided from the content (its magic bytes), never from the
    file name; ``name`` is the name as received, for messages only.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    data: bytes
    media_type: MediaType
    name: str = ""
