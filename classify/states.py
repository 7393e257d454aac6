"""The requesting state: country names in every language, scored by where they stand.

Country names come from pycountry and its gettext catalogues (``iso3166-1``), so every
language has every country's short, common and official names. Russian names take case
endings (each word matches by its stem). A name in the letterhead or the sender line
counts most, then one in the requesting-authority section or a treaty "between X and
...", then any other mention. The requested state (the "Reference State") never counts.
"""

from __future__ import annotations

import gettext
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pycountry
import yaml

from classify.document import FoldedDocument, Hit, Region
from rogatory.errors import ConfigurationError
from rogatory.folding import fold_plain
from rogatory.records import Label

#: Per language, country names that pycountry's catalogues lack (``<lang>.yaml``).
EXTRA_NAMES_DIR = Path(__file__).resolve().parent / "lexicons" / "countries"

#: Languages whose nouns decline: names match by the stem of each word.
DECLINING = ("ru",)
_RUSSIAN_ENDING = re.compile(r"[аяоеиыйьюу]+$")
_MIN_NAME = 4


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class CountryNames:
    """Country names per language as tuples of (stemmed) folded words -> alpha-2 code."""

    names: dict[str, dict[tuple[str, ...], str]]
    longest: int

    def find(self, document: FoldedDocument, region: Region | None = None) -> list[Hit]:
        """Every country name in ``region`` of ``document`` (key = alpha-2 code)."""
        language = document.language if document.language in self.names else "all"
        table = self.names[language]
        hits: list[Hit] = []
        for stretch in (region or document.whole()).stretches:
            text = document.pages[stretch.index].text
            words = list(_WORD.finditer(text, stretch.start, stretch.end))
            stems = [_stem(word.group(0), language) for word in words]
            position = 0
            while position < len(words):
                length = self._match(table, stems, position)
                if length:
                    first, last = words[position], words[position + length - 1]
                    key = tuple(stems[position : position + length])
                    hits.append(
                        document.hit(
                            table[key],
                            text[first.start() : last.end()],
                            stretch.index,
                            first.start(),
                            last.end(),
                        )
                    )
                    position += length
                else:
                    position += 1
        return hits

    def _match(self, table: dict[tuple[str, ...], str], stems: list[str], position: int) -> int:
        for length in range(min(self.longest, len(stems) - position), 0, -1):
            if tuple(stems[position : position + length]) in table:
                return length
        return 0


def load_country_names(
    languages: tuple[str, ...] = ("en", "fr", "es", "pt", "ru", "ar", "de", "it"),
    directory: Path = EXTRA_NAMES_DIR,
) -> CountryNames:
    """Collect the country names of ``languages``, with the extra names of ``directory``.

    Runs once per process, at start (:func:`classify.resources.load_classify_resources`).
    Raises ``ConfigurationError`` when pycountry's catalogue of a language is missing or
    a file of ``directory`` is malformed or names an unknown code.
    """
    by_language = {language: _names(language, directory) for language in languages}
    tables: dict[str, dict[tuple[str, ...], str]] = {}
    for language in (*languages, "all"):
        chosen = languages if language == "all" else tuple(dict.fromkeys(("en", language)))
        table: dict[tuple[str, ...], str] = {}
        for source in chosen:
            for name, code in by_language[source].items():
                table.setdefault(tuple(_stem(word, language) for word in name), code)
        tables[language] = table
    longest = max(len(name) for table in tables.values() for name in table)
    return CountryNames(names=tables, longest=longest)


def _names(language: str, directory: Path) -> dict[tuple[str, ...], str]:
    """Folded words of each name variant in ``language`` -> the country it names."""
    translate = (lambda text: text) if language == "en" else _catalogue(language).gettext
    variants: dict[tuple[str, ...], str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            english = getattr(country, attribute, None)
            if not english:
                continue
            for part in _parts(translate(english)):
                words = tuple(_WORD.findall(fold_plain(part)))
                if words and len("".join(words)) >= _MIN_NAME:
                    variants.setdefault(words, country.alpha_2)
    for name, code in extra_names(language, directory).items():
        variants.setdefault(tuple(_WORD.findall(fold_plain(name))), code)
    return variants


def _catalogue(language: str) -> gettext.NullTranslations:
    """pycountry's ``iso3166-1`` catalogue of ``language``. Raises ``ConfigurationError``."""
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError as error:
        raise ConfigurationError(
            f"no country names for {language!r} in {pycountry.LOCALES_DIR}: {error}"
        ) from error


def extra_names(language: str, directory: Path = EXTRA_NAMES_DIR) -> dict[str, str]:
    """Names of ``directory/<language>.yaml`` -> alpha-2 code (none when there is no file).

    Raises ``ConfigurationError`` when the file cannot be read, is not YAML, is not a
    mapping of codes to name lists or names a code ISO 3166-1 does not have.
    """
    path = directory / f"{language}.yaml"
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigurationError(f"cannot read country names {path}: {error}") from error
    if not isinstance(data, dict):
        raise ConfigurationError(f"country names {path}: expected a mapping of country codes to names")
    names: dict[str, str] = {}
    for code, listed in data.items():
        if pycountry.countries.get(alpha_2=str(code)) is None:
            raise ConfigurationError(f"country names {path}: unknown country code {code!r}")
        if not isinstance(listed, list) or not all(isinstance(name, str) and name.strip() for name in listed):
            raise ConfigurationError(f"country names {path}: {code} must list non-empty names")
        names.update(dict.fromkeys(listed, str(code)))
    return names


def _parts(name: str) -> list[str]:
    """ "Bolivia, Plurinational State of" -> ["Bolivia", "Plurinational State of Bolivia"]."""
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    return [head, f"{tail} {head}"]


def _stem(word: str, language: str) -> str:
    """The word itself, or for declining languages its stem without case endings."""
    if language in DECLINING and len(word) > 4:
        return _RUSSIAN_ENDING.sub("", word)
    return word


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
    excluded_codes: frozenset[str] = frozenset(),
) -> Label | None:
    """The most weighted country of the text, not counting mentions inside ``excluded``
    nor the countries of ``excluded_codes`` (the requested state).

    ``letterhead`` and ``authority`` are the regions whose mentions weigh most.
    """
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[Hit]] = defaultdict(list)
    for hit in names.find(document):
        if hit.key in excluded_codes or any(_inside(hit, other) for other in excluded):
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


def country_code(name: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country name or code, ``None`` when it names none."""
    if not name.strip():
        return None
    try:
        country = pycountry.countries.lookup(name.strip())
    except LookupError:
        return None
    return str(country.alpha_2)
