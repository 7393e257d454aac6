"""The name of an attachment, decoded whatever the sender's mail program did with it.

Names arrive RFC 2231-encoded (``filename*=utf-8''...``), RFC 2047-encoded
(``filename="=?utf-8?b?...?="``, against the RFC but what many programs send), as raw
8-bit bytes of some charset, or not at all. Pure functions; nothing here raises.
"""

from __future__ import annotations

import mimetypes
import re
from email.header import decode_header, make_header
from email.message import EmailMessage

_ENCODED_WORD = re.compile(r"=\?[^?]+\?[bqBQ]\?[^?]*\?=")
_EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/tiff": ".tif",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "text/plain": ".txt",
    "text/html": ".html",
    "message/rfc822": ".eml",
}


def attachment_name(part: EmailMessage, *, index: int, charsets: tuple[str, ...] = ()) -> str:
    """The decoded file name of ``part``; ``attachment-<index><ext>`` when it has none.

    A name sent as raw 8-bit bytes (no encoding at all) is read as UTF-8, else in the
    part's charset, else in ``charsets`` (those of the message's text), else as cp1252.
    """
    try:
        raw = part.get_filename()
    except (ValueError, LookupError):  # a malformed RFC 2231 parameter or an unknown charset
        raw = None
    if raw and "\ufffd" in raw:
        raw = _raw_8bit_name(part, (part.get_content_charset() or "", *charsets)) or raw
    name = _decoded(raw) if raw else ""
    name = name.replace("\r", "").replace("\n", "").strip()
    if name:
        return name
    return f"attachment-{index}{extension_of(part.get_content_type())}"


def extension_of(content_type: str) -> str:
    """The usual extension of a content type (``.bin`` for an unknown one)."""
    return _EXTENSIONS.get(content_type) or mimetypes.guess_extension(content_type) or ".bin"


def _raw_8bit_name(part: EmailMessage, charsets: tuple[str, ...]) -> str | None:
    """The name of ``part`` from its header's raw bytes, decoded in the first charset that fits."""
    for header, value in part.raw_items():
        parameter = "filename" if header.lower() == "content-disposition" else "name"
        if header.lower() not in ("content-disposition", "content-type"):
            continue
        found = re.search(rf'(?i)\b{parameter}="?([^";]*)"?', str(value))
        if found is None:
            continue
        data = found.group(1).encode("utf-8", "surrogateescape")
        for charset in ("utf-8", *(name for name in charsets if name), "cp1252"):
            try:
                return data.decode(charset)
            except (UnicodeDecodeError, LookupError):
                continue
    return None


def _decoded(raw: str) -> str:
    """``raw`` with RFC 2047 encoded words decoded (left as it is when they are broken)."""
    if not _ENCODED_WORD.search(raw):
        return raw
    try:
        return str(make_header(decode_header(raw)))
    except (ValueError, LookupError, UnicodeDecodeError):
        return raw
