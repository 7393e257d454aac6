"""The one phrase syntax of the lexicons of extract and classify, compiled to regular expressions.

Pure; phrases are compiled when lexicons load (at process start) and matched against
text folded by :mod:`rogatory.folding`. A phrase is written as words separated by
spaces or hyphens, folded like the text:

- a word must match a whole word; what may stand between the words of a phrase is the
  matcher's choice: :data:`PUNCTUATION_APART` (classify's tables: any run of spaces,
  punctuation, apostrophes; "objet de l'enquete" matches "Objet de l enquete") or
  :data:`SPACE_APART` (extract's cues and offences: spaces and hyphens only, so that a
  bracket or a comma ends a phrase: "отмывани* денежных" does not match
  "отмывание) денежных");
- ``word*`` matches any word that starts with ``word`` (the inflection tolerance:
  ``freez*`` matches "freeze", "freezing"; "frozen" does not);
- ``...`` lets up to four other words stand between its neighbours;
- a phrase starting with ``*`` may follow any clitic prefix glued to its first word
  (Arabic "و", "ب", "ال"); a lexicon may also list its language's clitics, and each word
  may then carry one of them in front;
- an apostrophe matches ' and ’.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rogatory.errors import ConfigurationError
from rogatory.folding import fold_plain

#: The word of a phrase that lets other words stand between its neighbours.
GAP_MARK = "..."
#: Words of a phrase may stand apart by any run of non-word characters.
PUNCTUATION_APART = r"[\W_]+"
#: Words of a phrase may stand apart by spaces and hyphens only.
SPACE_APART = r"[\s\-]+"
_GAP = r"(?:[\W_]+\w+){0,4}?"
_WORD_START = r"(?<!\w)"


def phrase_regex(
    phrase: str, *, apart: str = PUNCTUATION_APART, clitics: Iterable[str] = (), source: str = ""
) -> str:
    """The regular expression of one phrase, to search in folded text.

    ``apart`` is what may stand between two words (:data:`PUNCTUATION_APART`,
    :data:`SPACE_APART`); ``clitics`` the prefixes any word may carry.

    Raises ``ConfigurationError`` naming ``source`` when the phrase has no word.
    """
    text = fold_plain(phrase.strip())
    open_start = text.startswith("*")
    words = text.lstrip("*").replace("-", " ").split()
    if not words or all(word == GAP_MARK for word in words):
        raise ConfigurationError(f"{source}: empty phrase {phrase!r}".lstrip(": "))
    clitic = _clitic_regex(clitics)
    parts: list[str] = []
    for word in words:
        if word == GAP_MARK:
            parts.append(_GAP)
            continue
        if parts:
            parts.append(apart)
        stem = word.endswith("*") and len(word) > 1
        core = re.escape(word[:-1] if stem else word).replace("'", "['’]")
        parts.append(clitic + core + (r"\w*" if stem else r"(?!\w)"))
    start = _WORD_START + (r"\w*" if open_start else "")
    return start + "".join(parts)


def compile_phrase(
    phrase: str, *, apart: str = PUNCTUATION_APART, clitics: Iterable[str] = (), source: str = ""
) -> re.Pattern[str]:
    """:func:`phrase_regex` compiled. Raises ``ConfigurationError`` (naming ``source``) when empty."""
    return re.compile(phrase_regex(phrase, apart=apart, clitics=clitics, source=source))


def phrases_pattern(
    phrases: Iterable[str], *, apart: str = SPACE_APART, source: str = ""
) -> re.Pattern[str] | None:
    """One compiled alternation of ``phrases`` (longest first); None when there are none.

    Words stand ``apart`` by spaces and hyphens unless told otherwise (extract's cues).

    Blank phrases are skipped. Raises ``ConfigurationError`` like :func:`phrase_regex`.
    """
    unique = sorted({phrase for phrase in phrases if phrase.strip()}, key=len, reverse=True)
    if not unique:
        return None
    bodies: dict[str, list[str]] = {}
    others: list[str] = []
    for phrase in unique:
        regex = phrase_regex(phrase, apart=apart, source=source)
        first = fold_plain(phrase.strip())[:1]
        if regex.startswith(_WORD_START) and first.isalnum():
            bodies.setdefault(first, []).append(regex.removeprefix(_WORD_START)[len(re.escape(first)) :])
        else:  # after a clitic, or starting with a sign ("№")
            others.append(f"(?:{regex})")
    # One branch per first letter, tried only at the start of a word: the scan skips most
    # positions at once instead of trying every phrase at every position.
    branches = "|".join(f"{re.escape(first)}(?:{'|'.join(group)})" for first, group in bodies.items())
    return re.compile("|".join(([f"{_WORD_START}(?:{branches})"] if branches else []) + others))


def _clitic_regex(clitics: Iterable[str]) -> str:
    options = sorted({fold_plain(clitic) for clitic in clitics}, key=len, reverse=True)
    return f"(?:{'|'.join(re.escape(option) for option in options)})?" if options else ""
