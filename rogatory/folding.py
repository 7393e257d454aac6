"""The one text fold of extract and classify, keeping the map back to the original offsets.

Pure and cheap; runs inside every extract and classify stage that matches lexicon words.
Lexicon phrases and document text are folded the same way, so that "PERQUISITION" and
"perquisition" match, "é" matches "e", "ß" matches "ss" and "ﬁ" matches "fi" (case
folding and compatibility decomposition, combining marks dropped), Cyrillic "ё" matches
"е", and Arabic hamza seats, alef wasla (ٱ), alef maqsura (ى), teh marbuta (ة),
tatweel and diacritics are ignored; Arabic-Indic digits become ASCII digits. A folded
text may be longer or shorter than its original: :class:`FoldedText` maps offsets both
ways.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass

_ARABIC = str.maketrans(
    {"ى": "ي", "ة": "ه", "ـ": None, "ٱ": "ا"}
    | {digit: str(value) for value, digit in enumerate("٠١٢٣٤٥٦٧٨٩")}
    | {digit: str(value) for value, digit in enumerate("۰۱۲۳۴۵۶۷۸۹")}
)
#: Folded characters seen so far (a page repeats few distinct characters).
_FOLDED: dict[str, str] = {}


@dataclass(frozen=True)
class FoldedText:
    """Folded text and, for each of its characters, the index in the original text."""

    text: str
    origin: tuple[int, ...]
    original: str

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the folded stretch ``[start, end)``.

        An empty stretch maps to an empty span at the original offset of ``start``.
        """
        if end <= start:
            first = self.original_offset(start)
            return first, first
        return self.origin[start], self.origin[end - 1] + 1

    def original_offset(self, index: int) -> int:
        """The original offset of folded offset ``index`` (the original's length at the end)."""
        return self.origin[index] if index < len(self.origin) else len(self.original)

    def folded_offset(self, index: int) -> int:
        """The folded offset where original offset ``index`` starts (or the next one that stays)."""
        return bisect.bisect_left(self.origin, index)


def fold_char(char: str) -> str:
    """Fold one character (to none, one or several): see the module docstring."""
    folded = _FOLDED.get(char)
    if folded is None:
        folded, previous = _fold_once(char), char
        while folded != previous:  # "ℌ" decomposes to "H", which folds once more
            folded, previous = _fold_once(folded), folded
        _FOLDED[char] = folded
    return folded


def _fold_once(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(part for part in decomposed if not unicodedata.combining(part))
    return kept.translate(_ARABIC)


def fold(text: str) -> FoldedText:
    """Fold ``text`` keeping the map back to the original offsets."""
    parts: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        parts.append(folded)
        if len(folded) == 1:
            origin.append(index)
        else:
            origin.extend([index] * len(folded))
    return FoldedText(text="".join(parts), origin=tuple(origin), original=text)


def fold_plain(text: str) -> str:
    """Fold ``text`` without keeping offsets (lexicon phrases, keys, single words)."""
    return "".join(fold_char(char) for char in text)
