"""The requesting state: country names in every language, scored by where they stand.

Country names come from pycountry and its gettext catalogues (``iso3166-1``), so every
language has every country's short, common and official names. Russian names take case
endings (each word matches by its stem). A name in the letterhead or the sender line
counts most, then one in the requesting-authority section or a treaty "between X and
...", then any other mention. The requested state (the "Reference State") never counts.
"""

from __future__ import annotations

import functools
import gettext
import re
from collections import defaultdict
from dataclasses import dataclass

import pycountry

from classify.document import FoldedDocument, Hit, Region
from classify.folding import fold_plain
from rogatory.records import Label

#: Languages whose nouns decline: names match by the stem of each word.
DECLINING = ("ru",)
_RUSSIAN_ENDING = re.compile(r"[аяоеиыйьюу]+$")
_MIN_NAME = 4


@dataclass(frozen=True)
class CountryNames:
    """One compiled pattern per language; group names are ISO alpha-2 codes."""

    patterns: dict[str, re.Pattern[str]]

    def find(self, document: FoldedDocument, region: Region | None = None) -> list[Hit]:
        """Every country name in ``region`` of ``document`` (key = alpha-2 code)."""
        pattern = self._pattern(document.language)
        hits: list[Hit] = []
        for stretch in (region or document.whole()).stretches:
            text = document.pages[stretch.index].text
            for match in pattern.finditer(text, stretch.start, stretch.end):
                code = match.lastgroup or ""
                hits.append(document.hit(code.split("_")[0], match.group(0), stretch.index, *match.span()))
        return hits

    def _pattern(self, language: str | None) -> re.Pattern[str]:
        if language in self.patterns:
            return self.patterns[language]
        return self.patterns["all"]


@functools.cache
def load_country_names(languages: tuple[str, ...] = ("en", "fr", "es", "pt", "ru", "ar", "de", "it")) -> CountryNames:
    """Compile the country names of ``languages`` once per process.

    Raises ``OSError`` when pycountry's catalogues are missing.
    """
    by_language = {language: _names(language) for language in languages}
    patterns: dict[str, re.Pattern[str]] = {}
    for language, names in by_language.items():
        patterns[language] = _compile({**by_language["en"], **names} if language != "en" else names)
    merged: dict[str, set[str]] = defaultdict(set)
    for names in by_language.values():
        for variant, codes in names.items():
            merged[variant] |= codes
    patterns["all"] = _compile(merged)
    return CountryNames(patterns=patterns)


def _names(language: str) -> dict[str, set[str]]:
    """Pattern source of each name variant in ``language`` -> the codes it names."""
    translate = (
        (lambda text: text)
        if language == "en"
        else gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]).gettext
    )
    variants: dict[str, set[str]] = defaultdict(set)
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            english = getattr(country, attribute, None)
            if not english:
                continue
            for name in {translate(english), english if language == "en" else translate(english)}:
                for part in _parts(name):
                    source = _name_pattern(part, language)
                    if source:
                        variants[source].add(country.alpha_2)
    return variants


def _parts(name: str) -> list[str]:
    """"Bolivia, Plurinational State of" -> ["Bolivia", "Plurinational State of Bolivia"]."""
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    return [head, f"{tail} {head}"]


def _name_pattern(name: str, language: str) -> str:
    words = re.findall(r"\w+", fold_plain(name))
    if not words or len("".join(words)) < _MIN_NAME:
        return ""
    parts: list[str] = []
    for word in words:
        stem = _RUSSIAN_ENDING.sub("", word) if language in DECLINING and len(word) > 4 else word
        parts.append(re.escape(stem) + (r"\w*" if stem != word else ""))
    return r"[\W_]+".join(parts)


def _compile(names: dict[str, set[str]]) -> re.Pattern[str]:
    groups: list[str] = []
    for number, (source, codes) in enumerate(sorted(names.items(), key=lambda item: -len(item[0]))):
        code = sorted(codes)[0]
        groups.append(f"(?P<{code}_{number}>{source})")
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)")


#: Weight of a country mention by where it stands.
LETTERHEAD_WEIGHT = 6.0
AUTHORITY_WEIGHT = 3.0
OTHER_WEIGHT = 1.0


def find_requesting_state(
    document: FoldedDocument,
    *,
    names: CountryNames,
    letterhead: Region,
    authority: Region,
    excluded: list[Hit],
) -> Label | None:
    """The most weighted country of the text, not counting mentions inside ``excluded``.

    ``letterhead`` and ``authority`` are the regions whose mentions weigh most.
    """
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[Hit]] = defaultdict(list)
    for hit in names.find(document):
        if any(_inside(hit, other) for other in excluded):
            continue
        weight = OTHER_WEIGHT
        if _in_region(hit, letterhead):
            weight = LETTERHEAD_WEIGHT
        elif _in_region(hit, authority):
            weight = AUTHORITY_WEIGHT
        scores[hit.key] += weight
        evidence[hit.key].append(hit)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    code, best = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    confidence = round(min(0.95, best / (best + runner_up)), 3)
    hits = evidence[code]
    return Label(
        value=code,
        confidence=confidence,
        evidence=tuple(hit.span for hit in hits[:3]),
        rule=f"country names weighted by position (score {best:g}, next {runner_up:g})",
    )


def _in_region(hit: Hit, region: Region) -> bool:
    return any(s.index == hit.index and s.start <= hit.start < s.end for s in region.stretches)


def _inside(hit: Hit, other: Hit) -> bool:
    return hit.index == other.index and other.start <= hit.start and hit.end <= other.end
