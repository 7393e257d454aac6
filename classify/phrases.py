"""Lexicon phrases compiled to regular expressions over folded text.

A phrase is written in a lexicon file as words separated by spaces, folded like the
text (classify.folding). ``word*`` matches any word that starts with ``word`` (the
inflection tolerance: ``freez*`` matches "freeze", "freezing", "frozen" does not);
``...`` lets up to four other words stand between its neighbours; anything else must
match a whole word. Languages that write clitics onto words (Arabic "و", "ال", "ب")
list them, and each word may then carry one of them in front.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classify.folding import fold_plain
from rogatory.errors import ConfigurationError

_SEPARATOR = r"[\W_]+"
_GAP = r"(?:[\W_]+\w+){0,4}?"
#: The word of a phrase that lets other words stand between its neighbours.
GAP_MARK = "..."


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


def compile_phrase(text: str, *, clitics: tuple[str, ...] = (), source: str = "") -> re.Pattern[str]:
    """Compile one phrase. Raises ``ConfigurationError`` (naming ``source``) when it is empty."""
    tokens = fold_plain(text).split()
    if not tokens or all(token == GAP_MARK for token in tokens):
        raise ConfigurationError(f"{source}: empty phrase {text!r}")
    clitic = ""
    if clitics:
        options = "|".join(re.escape(fold_plain(c)) for c in sorted(clitics, key=len, reverse=True))
        clitic = f"(?:{options})?"
    parts: list[str] = []
    for token in tokens:
        if token == GAP_MARK:
            parts.append(_GAP)
            continue
        if parts:
            parts.append(_SEPARATOR)
        if token.endswith("*") and len(token) > 1:
            parts.append(clitic + re.escape(token[:-1]) + r"\w*")
        else:
            parts.append(clitic + re.escape(token) + r"(?!\w)")
    return re.compile(r"(?<!\w)" + "".join(parts))


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
