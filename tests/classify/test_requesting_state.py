"""The requesting state from the letterhead, in every language, and the extra country names."""

from __future__ import annotations

from pathlib import Path

import pytest

from classify.request import classify_request
from classify.resources import ClassifyResources, load_classify_resources
from classify.states import extra_names
from rogatory.errors import ConfigurationError
from tests.classify.conftest import NO_ENTITIES, document

#: What follows the letterhead: the requested state's offices and another country.
BODY = {
    "en": "Ministry of Justice\nCentral Authority of the Reference State\nFunds went to Switzerland.",
    "ru": "Министерство юстиции\nЦентральный орган Референтного государства\nСредства ушли в Швейцарию.",
    "ar": "وزارة العدل\nالسلطة المركزية للدولة المرجعية\nحولت الأموال إلى سويسرا وقبرص.",
    "it": "Ministero della Giustizia\nAutorità centrale dello Stato di riferimento\nFondi in Svizzera.",
    "de": "Bundesministerium der Justiz\nZentrale Behörde des Referenzstaates\nGelder in der Schweiz.",
}


@pytest.mark.parametrize(
    ("language", "letterhead", "expected"),
    [
        # names pycountry's catalogues lack: adjectival official names, short names
        ("ru", "ГЕНЕРАЛЬНАЯ ПРОКУРАТУРА АЗЕРБАЙДЖАНСКОЙ РЕСПУБЛИКИ\nБаку", "AZ"),
        ("ru", "ГЕНЕРАЛЬНАЯ ПРОКУРАТУРА КЫРГЫЗСКОЙ РЕСПУБЛИКИ\nБишкек", "KG"),
        ("ru", "ГЕНЕРАЛЬНАЯ ПРОКУРАТУРА\nРоссия, Москва", "RU"),
        ("ar", "النيابة العامة\nمصر", "EG"),
        ("ar", "النيابة العامة في قطر\nالدوحة", "QA"),
        ("it", "STATO DELLA CITTÀ DEL VATICANO\nUFFICIO DEL PROMOTORE DI GIUSTIZIA", "VA"),
        ("en", "OFFICE OF THE PROSECUTOR GENERAL\nRussia", "RU"),
        ("de", "GENERALSTAATSANWALTSCHAFT\nRussland", "RU"),
        # names the catalogues have
        ("ru", "ГЕНЕРАЛЬНАЯ ПРОКУРАТУРА РЕСПУБЛИКИ АРМЕНИЯ\nЕреван", "AM"),
        ("ar", "المملكة الأردنية الهاشمية\nهيئة النزاهة ومكافحة الفساد", "JO"),
        ("de", "FÜRSTENTUM LIECHTENSTEIN\nSTAATSANWALTSCHAFT", "LI"),
    ],
)
def test_requesting_state_from_the_letterhead(
    language: str, letterhead: str, expected: str, resources: ClassifyResources
) -> None:
    text = document(f"{letterhead}\n{BODY[language]}", language=language)
    result = classify_request(text, NO_ENTITIES, resources=resources)
    assert result.requesting_state is not None
    assert result.requesting_state.value == expected


def test_the_requested_state_alone_gives_no_requesting_state(resources: ClassifyResources) -> None:
    result = classify_request(document(BODY["en"].split("\nFunds")[0]), NO_ENTITIES, resources=resources)
    assert result.requesting_state is None


def test_extra_names_are_read_per_language() -> None:
    assert extra_names("ar")["مصر"] == "EG"
    assert extra_names("xx") == {}


@pytest.mark.parametrize(
    "content", ["[Russia]", "XX: [Nowhere]", "RU: Russia", "RU: ['']"], ids=["list", "code", "names", "empty"]
)
def test_malformed_extra_names_are_refused(tmp_path: Path, content: str) -> None:
    (tmp_path / "en.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigurationError):
        extra_names("en", tmp_path)


def test_a_broken_country_file_stops_the_loading_naming_it(tmp_path: Path) -> None:
    (tmp_path / "fr.yaml").write_text("RU: [Russie", encoding="utf-8")
    with pytest.raises(ConfigurationError) as raised:
        load_classify_resources(country_dir=tmp_path)
    assert f"cannot read country names {tmp_path / 'fr.yaml'}" in str(raised.value)
