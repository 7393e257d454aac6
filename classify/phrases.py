"""The phrase tables of classify's lexicons: each phrase's label and compiled pattern, and matching.

Pure; runs inside every classify stage. The phrase syntax is the one of
:mod:`rogatory.phrases`, shared with extract; the text is folded by :mod:`rogatory.folding`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Phrase:
    """One lexicon phrase: the label it stands for, as written, and its compiled pattern."""

    key: str
    text: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class PhraseMatch:
    """Where a phrase matched in a folded text."""

    key: str
    phrase: str
    start: int
    end: int


@dataclass(frozen=True)
class PhraseTable:
    """The phrases of one lexicon section (``measures``, ``urgency``, ...) of one language."""

    phrases: tuple[Phrase, ...] = ()

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PhraseMatch]:
        """Every match of every phrase in ``text[start:end]``, in text order."""
        stop = len(text) if end is None else end
        found: list[PhraseMatch] = []
        for phrase in self.phrases:
            for match in phrase.pattern.finditer(text, start, stop):
                found.append(PhraseMatch(phrase.key, phrase.text, match.start(), match.end()))
        found.sort(key=lambda item: (item.start, -item.end))
        return found

    def merged(self, other: PhraseTable) -> PhraseTable:
        """This table with the phrases of ``other`` added."""
        return PhraseTable(self.phrases + other.phrases)
