"""The name a downloaded original is saved under: its original file name, safely quoted.

``Content-Disposition`` carries the original name twice (RFC 6266): ``filename*`` in
UTF-8 (any script, percent-encoded) and a plain ASCII ``filename`` for old clients. Path
parts, control characters and quotes of the received name are dropped; the request's
number is the fallback when nothing is left.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

_UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\/]')
_NOT_ASCII_NAME = re.compile(r"[^A-Za-z0-9._ -]+")
SUFFIXES = {"application/pdf": ".pdf", "image/tiff": ".tif", "image/png": ".png", "image/jpeg": ".jpg"}


def download_name(filename: str, number: str, media_type: str) -> str:
    """The original's file name (without folders), else ``<number><suffix>``."""
    base = re.split(r"[\\/]", filename)[-1]
    cleaned = _UNSAFE.sub("", unicodedata.normalize("NFC", base)).strip().strip(".")
    return cleaned[:200] or f"{number}{SUFFIXES.get(media_type, '')}"


def content_disposition(filename: str, number: str, media_type: str) -> str:
    """``attachment`` with the original name in UTF-8 and an ASCII fallback."""
    name = download_name(filename, number, media_type)
    ascii_name = _NOT_ASCII_NAME.sub(
        "_", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    )
    stem = ascii_name.rsplit(".", 1)[0].strip("._ -")
    fallback = ascii_name if stem else f"{number}{SUFFIXES.get(media_type, '')}"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
