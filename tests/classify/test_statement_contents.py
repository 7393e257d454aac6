"""Facts told with an amount's scale word, a law's year that narrates nothing, and proceedings
named by a form's fields, in several languages (classify.statements)."""

from __future__ import annotations

import pytest

from classify.document import fold_document
from classify.resources import ClassifyResources
from classify.statements import Cues, find_facts, find_subject
from tests.classify.conftest import NO_ENTITIES, document


def _cues(resources: ClassifyResources, language: str) -> Cues:
    return Cues(resources.lexicons.table("completeness", language))


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "es",
            "El imputado habría recibido pagos por 38 millones de pesos de la empresa a cambio de contratos.",
        ),
        (
            "fr",
            "L'inculpé a fait virer des fonds de la Caisse d'un montant de 7,8 milliards d'ariary "
            "à une société.",
        ),
        (
            "ru",
            "Он получил от руководителей общества взятки на общую сумму 1,2 млн долларов США "
            "за пропуск грузов.",
        ),
        (
            "ar",
            "يتهم المذكور باختلاس مبالغ تقارب 22 مليون دولار أمريكي من عقود استيراد الحنطة لصالح شركة وهمية.",
        ),
    ],
)
def test_an_amount_with_its_scale_word_narrates(
    language: str, sentence: str, resources: ClassifyResources
) -> None:
    folded = fold_document(document(sentence, language=language))
    assert find_facts(folded, _cues(resources, language), NO_ENTITIES)


@pytest.mark.parametrize("scale", ["22 million people", "38 millones de habitantes"])
def test_a_scale_word_without_a_currency_is_no_amount(scale: str, resources: ClassifyResources) -> None:
    folded = fold_document(
        document(f"The region, with {scale}, is served by the office of the court.", language="en")
    )
    assert not find_facts(folded, _cues(resources, "en"), NO_ENTITIES)


def test_a_laws_year_narrates_nothing_an_events_does(resources: ClassifyResources) -> None:
    law = (
        "The Bureau has filed Reference No. 18/2025 before the Accountability Court against Mr. Tariq "
        "CHAUDHRY, former Director General of the Authority, for misuse of authority and for assets beyond "
        "his known sources of income, offences under section 9(a) of the National Accountability "
        "Ordinance, 1999."
    )
    folded = fold_document(document(law, language="en"))
    assert not find_facts(folded, _cues(resources, "en"), NO_ENTITIES)
    event = law.replace("for misuse of authority", "for misuse of authority between 2015 and 2019")
    assert find_facts(fold_document(document(event, language="en")), _cues(resources, "en"), NO_ENTITIES)


@pytest.mark.parametrize(
    ("language", "fields"),
    [
        ("pt", "Ação penal: 5012234-18.2025.4.04.7000\nRéu: Rodrigo Antunes FERRAZ"),
        ("es", "Carpeta de investigación:   FED/FECC/0000418/2025\nDelitos:   cohecho; lavado de dinero"),
        ("en", "Proceedings: Regina v. John BLACK\nDate: 3 May 2026\nAccused: John BLACK"),
    ],
)
def test_proceedings_named_by_fields(language: str, fields: str, resources: ClassifyResources) -> None:
    folded = fold_document(document(fields, language=language))
    assert find_subject(folded, _cues(resources, language), extradition=False)
    alone = fields.split("\n", 1)[0]
    assert not find_subject(
        fold_document(document(alone, language=language)), _cues(resources, language), extradition=False
    )
