"""Offences named in a request, mapped onto the taxonomy ids (art15 .. art25, other).

Runs inside :func:`extract.entities.find_entities`. The words of each legal system
are data: ``lexicons/offences.<lang>.yaml`` maps each taxonomy id to phrases
("cohecho", "получени* взятк*", "Geldwäsche"); matching ignores case and accents and
a word ending in ``*`` takes any inflectional ending. Where phrases overlap the
longest wins, so "bribery of a foreign public official" is art16, not art15.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.lexicons import read_lexicons, string_list
from rogatory.errors import ConfigurationError
from rogatory.folding import FoldedText, fold
from rogatory.phrases import SPACE_APART, phrase_regex
from rogatory.records import Entity, EntityKind, Span
from rogatory.taxonomy import OFFENCES

#: Keys of an offence lexicon that are settings, not taxonomy ids.
_SETTINGS = frozenset({"not_after", "skip_title_case"})
#: How far before a match its "not after" words are looked for.
NOT_AFTER_WINDOW = 30


@dataclass(frozen=True)
class OffenceLexicon:
    """Per language, one compiled alternation whose named groups say the taxonomy id."""

    patterns: dict[str, re.Pattern[str]]
    group_ids: dict[str, str]
    not_after: dict[str, re.Pattern[str]]
    skip_title_case: dict[str, bool]


def load_offence_lexicon() -> OffenceLexicon:
    """Read and compile ``offences.<lang>.yaml`` for every language.

    Raises ``ConfigurationError`` for an unknown taxonomy id or a malformed file.
    """
    patterns: dict[str, re.Pattern[str]] = {}
    group_ids: dict[str, str] = {}
    not_after: dict[str, re.Pattern[str]] = {}
    skip_title_case: dict[str, bool] = {}
    for language, data in read_lexicons("offences").items():
        source = f"offences.{language}.yaml"
        skip_title_case[language] = bool(data.get("skip_title_case", True))
        before = string_list(data, "not_after", source=source)
        if before:
            alternation = "|".join(phrase_regex(phrase, apart=SPACE_APART) for phrase in before)
            not_after[language] = re.compile(rf"(?:{alternation})[\W]*(?:\w{{1,3}}[\W]+)?$")
        unknown = sorted(set(data) - set(OFFENCES) - _SETTINGS)
        if unknown:
            raise ConfigurationError(f"lexicon {source}: unknown offence ids {unknown}")
        alternatives = []
        for offence in OFFENCES:
            for phrase in string_list(data, offence, source=source):
                group = f"g{len(group_ids)}"
                group_ids[group] = offence
                alternatives.append((len(phrase), f"(?P<{group}>{phrase_regex(phrase, apart=SPACE_APART)})"))
        if alternatives:
            alternatives.sort(key=lambda item: item[0], reverse=True)
            patterns[language] = re.compile("|".join(regex for _, regex in alternatives))
    return OffenceLexicon(
        patterns=patterns, group_ids=group_ids, not_after=not_after, skip_title_case=skip_title_case
    )


def find_offences(text: str, *, page: int, language: str | None, lexicon: OffenceLexicon) -> list[Entity]:
    """OFFENCE entities on one page, ``value`` a taxonomy id, ``attributes["matched"]`` the words.

    Uses the lexicon of ``language``, or of every language when it is None or has
    none. Overlapping matches keep the longest. Raises nothing.
    """
    folded = fold(text)
    languages = [language] if language in lexicon.patterns else list(lexicon.patterns)
    matches: list[tuple[int, int, str, str]] = []
    for name in languages:
        matches.extend(
            (start, end, offence, name)
            for start, end, offence in _all_matches(lexicon.patterns[name], folded.text, lexicon.group_ids)
        )
    kept: list[tuple[int, int, str, str]] = []
    for match in sorted(matches, key=lambda item: (item[0] - item[1], item[0])):
        if all(match[1] <= other[0] or match[0] >= other[1] for other in kept):
            kept.append(match)
    chosen = [
        (*folded.original_span(start, end), offence)
        for start, end, offence, name in kept
        if not _in_a_name(folded, start, end, language=name, lexicon=lexicon)
    ]
    return [
        Entity(
            kind=EntityKind.OFFENCE,
            value=offence,
            span=Span(page=page, start=start, end=end, text=text[start:end]),
            method="lexicon:offence",
            confidence=0.9,
            attributes={"matched": " ".join(text[start:end].split())},
        )
        for start, end, offence in sorted(chosen)
    ]


def _all_matches(
    pattern: re.Pattern[str], folded: str, group_ids: dict[str, str]
) -> list[tuple[int, int, str]]:
    """Every match of ``pattern``, tried at every word start so that overlaps are seen."""
    found = []
    for start in (match.start() for match in re.finditer(r"\w+", folded)):
        match = pattern.match(folded, start)
        if match is not None and match.lastgroup is not None:
            found.append((match.start(), match.end(), group_ids[match.lastgroup]))
    return found


def _in_a_name(folded: FoldedText, start: int, end: int, *, language: str, lexicon: OffenceLexicon) -> bool:
    """Whether a match is part of the name of a law or an authority, not an offence named.

    That is: it follows a "not after" word ("Anti-", "lutte contre"), or, where the
    language does not capitalise common nouns, it is capitalised and so is a word
    next to it ("Commission to Investigate Allegations of Bribery"). ``start`` and
    ``end`` are offsets in the folded text.
    """
    not_after = lexicon.not_after.get(language)
    if not_after is not None and not_after.search(folded.text[max(0, start - NOT_AFTER_WINDOW) : start]):
        return True
    if not lexicon.skip_title_case.get(language, True):
        return False
    text = folded.original
    start, end = folded.original_span(start, end)
    words = [word for word in re.findall(r"\w+", text[start:end]) if len(word) > 3]
    if not words or not all(word[0].isupper() for word in words):
        return False
    before = [word for word in re.findall(r"\w+", text[max(0, start - 25) : start]) if len(word) > 2]
    after = [word for word in re.findall(r"\w+", text[end : end + 25]) if len(word) > 2]
    return bool(before and before[-1][0].isupper()) or bool(after and after[0][0].isupper())
