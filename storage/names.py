"""Keys that let a name or an account be found across scripts and spellings.

A name is transliterated to ASCII (anyascii: "Александр Петров" -> "Aleksandr
Petrov", "محمد الراشد" -> "mhmd lrshd"), lower-cased and split into tokens; an Arabic
article written apart ("Al-Rashid", "el Sayed") is joined to its noun. Each token
also gets a consonant skeleton: vowels dropped, letters that transliterations
swap unified, doubles collapsed, so "Mohammed", "Muhammad" and "mhmd" share "mhmd".
Accounts compare in electronic form: letters and digits only, upper case.
Pure functions; used when indexing an analysis and when searching.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from anyascii import anyascii

_TOKEN = re.compile(r"[a-z0-9]+")
#: Two or more single letters joined by full stops, maybe one after the last ("s.l.", "s.p.a").
_INITIALISM = re.compile(r"(?<![a-z0-9])[a-z](?:\.[a-z])+\.?(?![a-z0-9])")
_ARTICLES = frozenset({"al", "el", "ul", "ar", "as", "ash", "ad", "at", "an", "az"})
_SWAPS = (("kh", "h"), ("ph", "f"), ("ck", "k"), ("x", "ks"), ("q", "k"), ("c", "k"), ("w", "v"), ("j", "y"))
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")
_ACCOUNT_NOISE = re.compile(r"[^0-9A-Za-z]")
SIMILAR_SPELLING = 0.8
#: A name's first this many tokens are paired (a longer name: 28 pairs, not one per two of all).
PAIRED_TOKENS = 8
# A search scores every token of up to 2,000 candidate names; the same tokens recur.
_CACHED_TOKENS = 1 << 16


def name_tokens(name: str) -> list[str]:
    """The folded tokens of a name, Arabic articles joined to the next word.

    Single letters joined by full stops with no space are one token: a legal form
    written "S.L.", "S.p.A." or "N.V." is the same as "SL", "SpA" or "NV".
    """
    folded = _INITIALISM.sub(lambda match: match.group().replace(".", ""), anyascii(name).lower())
    tokens = _TOKEN.findall(folded)
    joined: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in _ARTICLES and index + 1 < len(tokens):
            token += tokens[index + 1]
            index += 1
        joined.append(token)
        index += 1
    return joined


@lru_cache(maxsize=_CACHED_TOKENS)
def skeleton(token: str) -> str:
    """The consonant skeleton of a folded token (the token itself if it has no consonant)."""
    value = token
    for written, unified in _SWAPS:
        value = value.replace(written, unified)
    consonants = _DOUBLES.sub(r"\1", _VOWELS.sub("", value))
    return consonants or token


def skeleton_pair(first: str, second: str) -> str:
    """The key of two token skeletons found together in a name, the same in either order."""
    return " ".join(sorted((first, second)))


def skeleton_pairs(skeletons: list[str]) -> list[str]:
    """The distinct pair keys of a name's token skeletons (its first :data:`PAIRED_TOKENS`)."""
    kept = skeletons[:PAIRED_TOKENS]
    pairs = (skeleton_pair(a, b) for index, a in enumerate(kept) for b in kept[index + 1 :])
    return list(dict.fromkeys(pairs))


def compact_account(value: str) -> str:
    """An account number in electronic form: "fr76 3000 6000-01" -> "FR763000600001"."""
    return _ACCOUNT_NOISE.sub("", anyascii(value)).upper()


def token_match(query: str, candidate: str) -> tuple[float, str] | None:
    """How well a query token matches a name token, and why; ``None`` if it does not.

    Both are folded tokens. Same token: 1.0; same consonant skeleton: 0.8, or 0.6
    when both are written with vowels and one ends in a vowel the other lacks
    ("Petrov", "Petrova": often a relative, not the person); similar spelling
    (ratio at least 0.8): 0.7 times the ratio.
    """
    if query == candidate:
        return 1.0, "same"
    if skeleton(query) == skeleton(candidate):
        if _vocalised(query) and _vocalised(candidate) and _ends_in_vowel(query) != _ends_in_vowel(candidate):
            return 0.6, "same consonants, different ending"
        return 0.8, "same consonants"
    ratio = _similarity(query, candidate)
    if ratio >= SIMILAR_SPELLING:
        return 0.7 * ratio, f"similar spelling {ratio:.2f}"
    return None


@lru_cache(maxsize=_CACHED_TOKENS)
def _similarity(query: str, candidate: str) -> float:
    """difflib's ratio, 0.0 when its cheap upper bounds (lengths, letters) are already too low."""
    matcher = SequenceMatcher(None, query, candidate)
    if matcher.real_quick_ratio() < SIMILAR_SPELLING or matcher.quick_ratio() < SIMILAR_SPELLING:
        return 0.0
    return matcher.ratio()


def _vocalised(token: str) -> bool:
    """Written with its vowels (a Latin spelling), not a consonant transliteration such as "mhmd"."""
    return len(_VOWELS.findall(token)) * 4 > len(token)


def _ends_in_vowel(token: str) -> bool:
    return token[-1:] in ("a", "e", "i", "o", "u", "y")
