"""Language of a text, and the tesseract models that suit a language or a script.

Pure functions over a lingua detector loaded once per process
(:func:`extract.engines.load_text_engines`); a text in one of its guard languages
(outside the service) has no language here. Detection is deterministic: the same
text gives the same answer whatever was detected before.
"""

from __future__ import annotations

from dataclasses import dataclass

from lingua import Language, LanguageDetector

from extract.engines import TEXT_LANGUAGES

#: Fewer letters than this are not enough to say what language a text is in.
MIN_LETTERS = 20
#: lingua is slow on very long texts and gains nothing from them: sample this many characters.
MAX_SAMPLE_CHARS = 20_000

_CODES: dict[Language, str] = {language: code for code, language in TEXT_LANGUAGES.items()}
_TESSERACT_MODELS = {
    "en": "eng",
    "fr": "fra",
    "es": "spa",
    "pt": "por",
    "ru": "rus",
    "ar": "ara",
    "de": "deu",
    "it": "ita",
}
#: Models of languages not written in Latin script: read with English beside them.
_NON_LATIN_MODELS = frozenset({"rus", "ara"})
#: Scripts named by tesseract's OSD whose language follows from the script alone.
_SCRIPT_LANGUAGES = {"Cyrillic": "ru", "Arabic": "ar"}


@dataclass(frozen=True)
class LanguageGuess:
    """An ISO 639-1 code among the service languages and lingua's confidence (0..1)."""

    code: str
    confidence: float


def detect_language(text: str, *, detector: LanguageDetector) -> LanguageGuess | None:
    """The most likely language of ``text``; ``None`` when it has too few letters or is
    most likely in a language outside the service (one of ``GUARD_LANGUAGES``).

    Raises nothing: any text is accepted.
    """
    sample = _sample(text)
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    values = detector.compute_language_confidence_values(sample)
    if not values:
        return None
    best = values[0]
    code = _CODES.get(best.language)
    if code is None:
        return None
    # lingua sums in parallel: the last bits of its confidence vary from call to call.
    return LanguageGuess(code=code, confidence=round(float(best.value), 6))


def tesseract_languages(code: str | None) -> str:
    """The tesseract models for a language (``"rus+eng"``, ``"fra"``).

    A language in another script than Latin gets English too, for the Latin names
    and addresses its requests contain. A Latin-script language gets its own model
    alone: that model reads every Latin letter, and a second model doubles the time
    of a page (tesseract re-reads each word with both) for no measured gain
    (docs/decisions.md). English, and an unknown language, get ``"eng"``.
    """
    model = _TESSERACT_MODELS.get(code or "en", "eng")
    return f"{model}+eng" if model in _NON_LATIN_MODELS else model


def latin_script(code: str) -> bool:
    """Whether a service language is written in Latin script (``"ru"``, ``"ar"`` are not)."""
    return _TESSERACT_MODELS.get(code, "eng") not in _NON_LATIN_MODELS


def script_language(script: str) -> str | None:
    """The language a script implies (``"Cyrillic"`` -> ``"ru"``), ``None`` when it does not."""
    return _SCRIPT_LANGUAGES.get(script)


def _sample(text: str) -> str:
    """The text itself when short; else evenly spaced slices adding up to MAX_SAMPLE_CHARS."""
    if len(text) <= MAX_SAMPLE_CHARS:
        return text
    slices = 10
    width = MAX_SAMPLE_CHARS // slices
    step = len(text) // slices
    return "\n".join(text[index * step : index * step + width] for index in range(slices))
