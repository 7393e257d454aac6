"""Safe names for files that intake writes into the processed and quarantine folders.

A received name is untrusted: an upload may carry path separators, NUL, control or
bidirectional-override characters (``invoice\\u202efdp.exe``) or hundreds of
characters. The database keeps the name as received; only the name on disk is made
safe here. Pure functions; nothing here raises.
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePath

MAX_NAME_BYTES = 200
"""Well under the 255-byte limit of common file systems, leaving room for prefixes."""

_FORBIDDEN = frozenset('/\\<>:"|?*')
_FALLBACK = "unnamed"


def safe_filename(name: str, *, max_bytes: int = MAX_NAME_BYTES) -> str:
    """A name that is one plain path component, at most ``max_bytes`` bytes of UTF-8.

    Path separators and characters Windows forbids become ``_``; control, format
    (bidi overrides, zero-width) and unassigned characters are dropped; leading dots
    and spaces are removed (no hidden files, no ``..``); a long name is shortened
    keeping its extension. An empty result becomes ``unnamed``.
    """
    cleaned = "".join(_clean_char(char) for char in unicodedata.normalize("NFC", name))
    cleaned = cleaned.strip().lstrip(". ").rstrip(". ")
    if not cleaned:
        cleaned = _FALLBACK
    return _shorten(cleaned, max_bytes)


def _clean_char(char: str) -> str:
    if char in _FORBIDDEN:
        return "_"
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Cn", "Cs", "Zl", "Zp"):
        return ""
    if category == "Zs":
        return " "
    return char


def _shorten(name: str, max_bytes: int) -> str:
    if len(name.encode("utf-8")) <= max_bytes:
        return name
    suffix = PurePath(name).suffix
    if len(suffix.encode("utf-8")) > max_bytes // 4:
        suffix = ""
    stem = name[: len(name) - len(suffix)] if suffix else name
    budget = max_bytes - len(suffix.encode("utf-8"))
    stem = stem.encode("utf-8")[:budget].decode("utf-8", errors="ignore").rstrip(". ")
    return (stem or _FALLBACK) + suffix
