"""The record of an incoming file as the extraction stage receives it."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class MediaType(StrEnum):
    PDF = "application/pdf"
    TIFF = "image/tiff"
    PNG = "image/png"
    JPEG = "image/jpeg"


class SourceFile(BaseModel):
    """The bytes of an original and what kind of file they are.

    ``media_type`` is decided from the content (its magic bytes), never from the
    file name; ``name`` is the name as received, for messages only.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    data: bytes
    media_type: MediaType
    name: str = ""
