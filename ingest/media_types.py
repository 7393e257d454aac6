"""What kind of file an original is, decided from its first bytes, never from its name.

Runs in intake (watcher, upload, CLI). Pure functions over bytes; nothing here raises.
"""

from __future__ import annotations

from pathlib import PurePath

from rogatory.sources import MediaType, sniff_media_type

__all__ = ["describe_unsupported", "media_type_of_name", "sniff_media_type"]

_UNSUPPORTED_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive or an office document (.docx, .xlsx, .odt)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc, .xls) or an Outlook message"),
    (b"{\\rtf", "a rich-text document (.rtf)"),
    (b"GIF8", "a GIF image"),
    (b"BM", "a BMP image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
)

_EXTENSIONS: dict[str, MediaType] = {
    ".pdf": MediaType.PDF,
    ".tif": MediaType.TIFF,
    ".tiff": MediaType.TIFF,
    ".png": MediaType.PNG,
    ".jpg": MediaType.JPEG,
    ".jpeg": MediaType.JPEG,
}


def describe_unsupported(data: bytes) -> str:
    """A clerk-readable guess at what an unsupported file is ("a ZIP archive ...")."""
    for signature, description in _UNSUPPORTED_SIGNATURES:
        if data.startswith(signature):
            return description
    if data[:12].startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "a WebP image"
    head = data[:4096].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "a web page (HTML)"
    if _looks_like_text(data[:4096]):
        return "a plain-text file"
    return "a file of an unknown kind"


def media_type_of_name(name: str) -> MediaType | None:
    """The media type the extension of ``name`` claims, or None for another extension."""
    return _EXTENSIONS.get(PurePath(name).suffix.lower())


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the window is still text.
        return error.start >= len(head) - 3
    return True
