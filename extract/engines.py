"""Engines and models that the extraction stage loads once per process.

Built at an entry point (worker start, CLI, evaluation command) and passed down to
the stage functions; nothing here is loaded at import time.
"""

from __future__ import annotations

from dataclasses import dataclass

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

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


@dataclass(frozen=True)
class TextEngines:
    """What :func:`extract.text.extract_text` needs, loaded once per process.

    ``detector`` is a lingua detector restricted to the eight service languages,
    with its models preloaded so that results do not depend on call order.
    ``tesseract`` is the path of the tesseract executable.
    """

    detector: LanguageDetector
    tesseract: str = "/usr/bin/tesseract"


def load_text_engines(*, tesseract: str = "/usr/bin/tesseract") -> TextEngines:
    """Build the language detector and locate tesseract. Runs once per process.

    Raises ``ConfigurationError`` when the tesseract executable is missing.
    """
    from extract.tesseract import check_tesseract

    check_tesseract(executable=tesseract)
    detector = (
        LanguageDetectorBuilder.from_languages(*TEXT_LANGUAGES.values())
        .with_preloaded_language_models()
        .build()
    )
    return TextEngines(detector=detector, tesseract=tesseract)
