"""The per-language lexicons of classify/lexicons/*.yaml, read and compiled once per process.

Each file holds, for one language, phrase lists keyed by label (``measures``,
``legal_basis``, ``request_type``, ``proceeding_type``, ``urgency``, ``sections``,
``completeness``), the clitics the language writes onto words and the ordinal words
that may number a heading. :func:`load_lexicons` reads and validates them at process
start (through :func:`classify.resources.load_classify_resources`); a deployment may
point it at its own folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from classify.phrases import Phrase, PhraseTable
from rogatory.errors import ConfigurationError
from rogatory.phrases import compile_phrase
from rogatory.taxonomy import LEGAL_BASES, MEASURES, PROCEEDING_TYPES, REQUEST_TYPES

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"

SECTION_KINDS: tuple[str, ...] = (
    "requesting_authority",
    "subject_matter",
    "facts_summary",
    "offences",
    "legal_basis",
    "assistance_sought",
    "person_identity",
    "accounts",
    "purpose",
    "confidentiality",
    "urgency",
    "other",
)

#: Phrases that name the document itself as a warrant or request for surrender: one decides extradition.
EXTRADITION_DOCUMENT = "extradition_document"
#: Words that ask for something ("we request", "sollicite", "просит"): a sentence holding one asks.
ASKING = "asking"

#: The keys each phrase section may use; ``None`` means any key.
TABLE_KEYS: dict[str, tuple[str, ...] | None] = {
    "measures": (*MEASURES, ASKING),
    "legal_basis": LEGAL_BASES,
    "request_type": (*REQUEST_TYPES, EXTRADITION_DOCUMENT),
    "proceeding_type": PROCEEDING_TYPES,
    "urgency": ("urgent", "not_urgent", "urgency_topic"),
    "sections": SECTION_KINDS,
    "heading_words": SECTION_KINDS,
    "completeness": (
        "authority",
        "person_identity",
        "requested_state",
        "institution",
        "author",
        "self_reference",
        "proceedings",
        "concerning",
        "conducting",
        "decision",
        "purpose",
        "purpose_link",
        "translation",
        "nil",
        "qualification",
        "charged",
    ),
}


@dataclass(frozen=True)
class Lexicon:
    """The compiled phrases of one language."""

    language: str
    tables: Mapping[str, PhraseTable] = field(default_factory=dict)
    heading_prefixes: tuple[str, ...] = ()

    def table(self, name: str) -> PhraseTable:
        """The phrases of section ``name`` (empty when the file has none)."""
        return self.tables.get(name, PhraseTable())


@dataclass(frozen=True)
class Lexicons:
    """Every language's lexicon."""

    languages: Mapping[str, Lexicon]

    def table(self, name: str, language: str | None) -> PhraseTable:
        """Phrases of section ``name`` for a document in ``language``.

        The document's own language plus English (requests quote convention titles in
        English); every language when the language is unknown or has no lexicon.
        """
        chosen = [language, "en"] if language in self.languages else list(self.languages)
        merged = PhraseTable()
        for code in dict.fromkeys(chosen):
            if code is not None and code in self.languages:
                merged = merged.merged(self.languages[code].table(name))
        return merged

    def heading_prefixes(self, language: str | None) -> tuple[str, ...]:
        """Ordinal words that may number a heading in ``language`` (all when unknown)."""
        if language is not None and language in self.languages:
            return self.languages[language].heading_prefixes
        return tuple(word for lexicon in self.languages.values() for word in lexicon.heading_prefixes)


def load_lexicons(directory: Path = LEXICON_DIR) -> Lexicons:
    """Read and compile every ``<language>.yaml`` in ``directory``.

    Raises ``ConfigurationError`` naming the file and the problem when a file cannot be
    read, is not a mapping, has an unknown section or key, or an empty phrase.
    """
    languages: dict[str, Lexicon] = {}
    for path in sorted(directory.glob("*.yaml")):
        languages[path.stem] = _read_lexicon(path)
    if not languages:
        raise ConfigurationError(f"no lexicon files in {directory}")
    return Lexicons(languages=languages)


def _read_lexicon(path: Path) -> Lexicon:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigurationError(f"cannot read lexicon {path}: {error}") from error
    if not isinstance(data, dict):
        raise ConfigurationError(f"lexicon {path}: expected a mapping at the top")
    clitics = _strings(data.get("clitics", []), f"{path}: clitics")
    prefixes = _strings(data.get("heading_prefixes", []), f"{path}: heading_prefixes")
    tables: dict[str, PhraseTable] = {}
    for name, entries in data.items():
        if name in ("clitics", "heading_prefixes"):
            continue
        if name not in TABLE_KEYS:
            raise ConfigurationError(f"lexicon {path}: unknown section {name!r}")
        tables[name] = _table(entries, allowed=TABLE_KEYS[name], clitics=clitics, source=f"{path}: {name}")
    return Lexicon(language=path.stem, tables=tables, heading_prefixes=prefixes)


def _table(
    entries: object, *, allowed: tuple[str, ...] | None, clitics: tuple[str, ...], source: str
) -> PhraseTable:
    if not isinstance(entries, dict):
        raise ConfigurationError(f"lexicon {source}: expected a mapping of label to phrases")
    phrases: list[Phrase] = []
    for key, texts in entries.items():
        if allowed is not None and key not in allowed:
            raise ConfigurationError(f"lexicon {source}: unknown label {key!r}")
        for text in _strings(texts, f"{source}.{key}"):
            pattern = compile_phrase(text, clitics=clitics, source=f"lexicon {source}.{key}")
            phrases.append(Phrase(key=str(key), text=text, pattern=pattern))
    return PhraseTable(tuple(phrases))


def _strings(value: object, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigurationError(f"lexicon {source}: expected a list of strings")
    return tuple(value)
