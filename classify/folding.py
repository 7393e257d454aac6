"""Case- and accent-folding of text that remembers where each folded character came from.

Pure and cheap; runs inside every classify stage. Lexicon phrases and document text are
folded the same way so that "PERQUISITION", "perquisition" and "Perquisition" match, "é"
matches "e", Cyrillic "ё" matches "е" and Arabic alef and yeh variants, tatweel and
diacritics are ignored. Offsets of a match in the folded text map back to the original.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_ARABIC = str.maketrans({"ى": "ي", "ة": "ه", "ـ": None, "ٱ": "ا"})


@dataclass(frozen=True)
class FoldedText:
    """Folded text and, for each of its characters, the index in the original text."""

    text: str
    origin: tuple[int, ...]
    original: str

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the folded stretch ``[start, end)`` (``end > start``)."""
        if end <= start:
            first = self.origin[start] if start < len(self.origin) else len(self.original)
            return first, first
        return self.origin[start], self.origin[end - 1] + 1


def fold_char(char: str) -> str:
    """Fold one character: case-folded, decomposed, combining marks dropped."""
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    kept = "".join(part for part in decomposed if not unicodedata.combining(part))
    return kept.translate(_ARABIC)


def fold(text: str) -> FoldedText:
    """Fold ``text`` keeping the map back to the original offsets."""
    parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        parts.append(folded)
        origin.extend([index] * len(folded))
    return FoldedText(text="".join(parts), origin=tuple(origin), original=text)


def fold_plain(text: str) -> str:
    """Fold ``text`` without keeping offsets (for lexicon phrases and keys)."""
    return "".join(fold_char(char) for char in text)
