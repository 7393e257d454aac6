"""Tests of extract/language.py: language of texts, tesseract models per language and script."""

from __future__ import annotations

import pytest

from extract.engines import TextEngines, load_text_engines
from extract.language import detect_language, latin_script, script_language, tesseract_languages


@pytest.fixture(scope="module")
def engines() -> TextEngines:
    return load_text_engines()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The requesting authority asks for the freezing of the bank accounts held by the suspect.", "en"),
        ("L'autorité requérante sollicite la saisie des comptes bancaires détenus par le prévenu.", "fr"),
        ("La autoridad requirente solicita el embargo de las cuentas bancarias del investigado.", "es"),
        ("A autoridade requerente solicita o congelamento das contas bancárias do arguido.", "pt"),
        ("Запрашивающая сторона просит наложить арест на банковские счета обвиняемого.", "ru"),
        ("تطلب السلطة الطالبة تجميد الحسابات المصرفية التي يملكها المشتبه فيه.", "ar"),
        ("Die ersuchende Behörde bittet um die Beschlagnahme der Bankkonten des Beschuldigten.", "de"),
        ("L'autorità richiedente chiede il sequestro dei conti bancari intestati all'indagato.", "it"),
    ],
)
def test_detect_language(engines: TextEngines, text: str, code: str) -> None:
    guess = detect_language(text, detector=engines.detector)
    assert guess is not None
    assert guess.code == code
    assert 0.5 < guess.confidence <= 1.0


@pytest.mark.parametrize("text", ["", "   ", "12/2024 — 3.5", "Art. 46", "IBAN DE89"])
def test_too_little_text_has_no_language(engines: TextEngines, text: str) -> None:
    assert detect_language(text, detector=engines.detector) is None


def test_detection_is_deterministic(engines: TextEngines) -> None:
    text = "Le parquet demande l'audition de témoins et la remise de documents bancaires."
    first = detect_language(text, detector=engines.detector)
    detect_language("Запрос о выдаче лица для уголовного преследования.", detector=engines.detector)
    assert detect_language(text, detector=engines.detector) == first


def test_long_text_is_sampled_over_its_whole_length(engines: TextEngines) -> None:
    text = "x " * 50_000 + "Die Staatsanwaltschaft ersucht um Rechtshilfe in Strafsachen. " * 300
    guess = detect_language(text, detector=engines.detector)
    assert guess is not None
    assert guess.code == "de"


@pytest.mark.parametrize(
    ("code", "models"),
    [
        ("en", "eng"),
        (None, "eng"),
        ("xx", "eng"),
        ("fr", "fra"),
        ("pt", "por"),
        ("ru", "rus+eng"),
        ("ar", "ara+eng"),
    ],
)
def test_tesseract_languages(code: str | None, models: str) -> None:
    assert tesseract_languages(code) == models


@pytest.mark.parametrize(
    ("code", "latin"), [("fr", True), ("en", True), ("de", True), ("ru", False), ("ar", False)]
)
def test_latin_script(code: str, latin: bool) -> None:
    assert latin_script(code) is latin


@pytest.mark.parametrize(
    ("script", "code"), [("Cyrillic", "ru"), ("Arabic", "ar"), ("Latin", None), ("Han", None)]
)
def test_script_language(script: str, code: str | None) -> None:
    assert script_language(script) == code


@pytest.mark.parametrize(
    "text",
    [
        # The typewritten recipe of OCRmyPDF's typewriter.png (bench/outside): German at 1.0 before.
        "De linzen wassen en in 1 liter kokend water 1 dag laten weken. 2 liter water bij de "
        "linzen voegen, zonder het water waarin ze geweekt zijn af te gieten.",
        "Baionako udalerri mugakideak: Angelu, Biarritz, Arrangoitze, Basusarri eta Mugerre herriak.",
        "L'autoritat requeridora sol·licita el bloqueig dels comptes bancaris de la persona investigada.",
        "Запитуюча сторона просить накласти арешт на банківські рахунки підозрюваного і його дружини.",
    ],
)
def test_text_in_a_language_outside_the_service_has_no_language(engines: TextEngines, text: str) -> None:
    assert detect_language(text, detector=engines.detector) is None
