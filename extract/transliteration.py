"""Latin transliteration of names written in Cyrillic or Arabic script (anyascii)."""

from __future__ import annotations

import unicodedata

from anyascii import anyascii


def needs_transliteration(text: str) -> bool:
    """Whether ``text`` holds a letter outside the Latin script."""
    return any(char.isalpha() and "LATIN" not in unicodedata.name(char, "LATIN") for char in text)


def to_latin(text: str) -> str:
    """``text`` in Latin letters: "Малика" -> "Malika", "محمد" -> "mhmd"; white space collapsed."""
    return " ".join(anyascii(text).split())
