"""Another file hidden in front of or behind an original (a polyglot).

A file that is a valid PDF and a valid ZIP archive, or a PNG with a PDF behind its
end, shows different documents to different programs: the registry would number one
document while a clerk's viewer shows another. Runs in intake; pure functions over
bytes, nothing here raises.
"""

from __future__ import annotations

from ingest.compression import scan_png
from rogatory.sources import PDF_HEADER_WINDOW, MediaType

_HIDDEN: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b\x08", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"<script", "a script"),
    (b"<html", "a web page"),
)


def hidden_content(data: bytes, media_type: MediaType) -> str | None:
    """What other file is in front of or behind ``data`` ("a ZIP archive after its end"), or None.

    Looked for: anything with a signature before a PDF's header; after a PDF's last
    ``%%EOF``, a PNG's IEND chunk or a JPEG's last end-of-image marker, the
    signature of another file. A TIFF has no end marker and is not checked.
    """
    if media_type is MediaType.PDF:
        header = data.find(b"%PDF-", 0, PDF_HEADER_WINDOW)
        before = _signature_in(data[:header].lstrip(b"\x00\r\n\t "), at_start=True)
        if before is not None:
            return f"{before} in front of the PDF"
        end = data.rfind(b"%%EOF")
        trailing = data[end + 5 :] if end >= 0 else b""
    elif media_type is MediaType.PNG:
        end_of_png = scan_png(data).end
        trailing = data[end_of_png:] if end_of_png is not None else b""
    elif media_type is MediaType.JPEG:
        end = data.rfind(b"\xff\xd9")
        trailing = data[end + 2 :] if end >= 0 else b""
    else:
        return None
    behind = _signature_in(trailing, at_start=False)
    return f"{behind} behind the end of the {media_type.name}" if behind is not None else None


def _signature_in(data: bytes, *, at_start: bool) -> str | None:
    for signature, description in _HIDDEN:
        # Two bytes ("MZ") turn up by chance in binary data: only counted at the start.
        if data.startswith(signature) if at_start else len(signature) > 2 and signature in data:
            return description
    return None
