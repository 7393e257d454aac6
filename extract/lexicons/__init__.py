"""Lexicons of entity extraction, kept as YAML data files per kind and language.

A deployment edits ``<kind>.<language>.yaml`` in this folder (offences, persons,
dates, accounts). :func:`read_lexicon` reads one file; :func:`fold_text` is the
normalisation under which lexicon words are matched: lower case, accents and
Arabic hamza seats removed, ``ё`` to ``е``, one character for one character so
that offsets found in the folded text are offsets in the original.
"""

from __future__ import annotations

import re
import unicodedata
from importlib import resources
from typing import Any

import yaml

from rogatory.errors import ConfigurationError
from rogatory.taxonomy import LANGUAGES

_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def read_lexicon(kind: str, language: str) -> dict[str, Any]:
    """The mapping in ``<kind>.<language>.yaml``; an empty one when there is no file.

    Raises ``ConfigurationError`` when the file is not valid YAML or not a mapping.
    """
    resource = resources.files(__package__).joinpath(f"{kind}.{language}.yaml")
    if not resource.is_file():
        return {}
    try:
        data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ConfigurationError(f"lexicon {kind}.{language}.yaml is not valid YAML: {error}") from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigurationError(f"lexicon {kind}.{language}.yaml must be a mapping")
    return data


def read_lexicons(kind: str) -> dict[str, dict[str, Any]]:
    """``read_lexicon(kind, language)`` for every service language, by language.

    Raises ``ConfigurationError`` like :func:`read_lexicon`.
    """
    return {language: read_lexicon(kind, language) for language in LANGUAGES}


def string_list(data: dict[str, Any], key: str, *, source: str) -> tuple[str, ...]:
    """The list of strings under ``key`` (empty when absent).

    Raises ``ConfigurationError`` when it is not a list of strings.
    """
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigurationError(f"lexicon {source}: {key} must be a list of strings")
    return tuple(value)


def fold_char(char: str) -> str:
    """One character folded for matching; always exactly one character."""
    base = unicodedata.normalize("NFD", char)[0].lower()[0]
    return "е" if base == "ё" else base


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that folds each code point on first sight, then remembers it."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD = _FoldTable(
    {source: chr(target) for source, target in _ARABIC_INDIC.items() if isinstance(target, int)}
)


def fold_text(text: str) -> str:
    """``text`` folded character by character (same length): see the module docstring."""
    return text.translate(_FOLD)


def phrase_regex(phrase: str) -> str:
    """The regular expression of one lexicon phrase, to search in folded text.

    Words are separated by any white space or hyphens. A word ending in ``*`` is a
    stem that takes any ending ("взятк*"); a phrase starting with ``*`` may follow a
    clitic prefix glued to it (Arabic "و", "ب", "ال"). Apostrophes match ' and ’.
    """
    text = fold_text(phrase.strip())
    open_start = text.startswith("*")
    words = text.lstrip("*").replace("-", " ").split()
    parts = []
    for word in words:
        stem = word.endswith("*")
        core = re.escape(word.rstrip("*")).replace("'", "['’]")
        parts.append(core + (r"\w*" if stem else ""))
    body = r"[\s\-]+".join(parts)
    start = r"(?<!\w)\w*" if open_start else r"(?<!\w)"
    return f"{start}{body}(?!\\w)"


def phrases_pattern(phrases: tuple[str, ...] | list[str]) -> re.Pattern[str] | None:
    """One compiled alternation of ``phrases`` (longest first); None when there are none."""
    unique = sorted({phrase for phrase in phrases if phrase.strip()}, key=len, reverse=True)
    if not unique:
        return None
    bodies: dict[str, list[str]] = {}
    others: list[str] = []
    for phrase in unique:
        regex = phrase_regex(phrase)
        first = fold_text(phrase.strip())[:1]
        if regex.startswith("(?<!\\w)") and first.isalnum():
            bodies.setdefault(first, []).append(regex.removeprefix("(?<!\\w)")[len(re.escape(first)) :])
        else:  # after a clitic, or starting with a sign ("№")
            others.append(f"(?:{regex})")
    # One branch per first letter, tried only at the start of a word: the scan skips most
    # positions at once instead of trying every phrase at every position.
    branches = "|".join(f"{re.escape(first)}(?:{'|'.join(group)})" for first, group in bodies.items())
    return re.compile("|".join(([f"(?<!\\w)(?:{branches})"] if branches else []) + others))
