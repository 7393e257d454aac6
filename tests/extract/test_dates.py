"""Dates in every language, parsed to ISO, with the role their sentence gives them."""

from __future__ import annotations

import pytest

from extract.dates import DateRules, find_dates, load_date_rules


@pytest.fixture(scope="module")
def rules() -> DateRules:
    return load_date_rules()


@pytest.mark.parametrize(
    ("language", "text", "value", "span"),
    [
        ("en", "Kampala, 1 May 2026", "2026-05-01", "1 May 2026"),
        ("en", "dated May 1, 2026.", "2026-05-01", "May 1, 2026"),
        # English ordinals
        ("en", "expires on 1st September 2026", "2026-09-01", "1st September 2026"),
        ("en", "on the 21st of June 2026", "2026-06-21", "21st of June 2026"),
        ("en", "dated September 3rd, 2026.", "2026-09-03", "September 3rd, 2026"),
        ("fr", "Paris, le 1er mai 2026", "2026-05-01", "1er mai 2026"),
        ("fr", "le 14 février 2025", "2025-02-14", "14 février 2025"),
        ("es", "Fecha: 5 de mayo de 2026", "2026-05-05", "5 de mayo de 2026"),
        ("pt", "em 30 de abril de 2026", "2026-04-30", "30 de abril de 2026"),
        ("de", "Datum: 1. September 2025", "2025-09-01", "1. September 2025"),
        ("it", "Lugano, 20 settembre 2025", "2025-09-20", "20 settembre 2025"),
        ("ru", "Астана, 19 мая 2026 г.", "2026-05-19", "19 мая 2026 г."),
        ("ar", "التاريخ: 20 أبريل 2026", "2026-04-20", "20 أبريل 2026"),
        ("ar", "بتاريخ ١٢ يناير ٢٠٢٦", "2026-01-12", "١٢ يناير ٢٠٢٦"),
        ("ar", "وبتاريخ 13 تموز 2023 حُوّل", "2023-07-13", "13 تموز 2023"),
        ("de", "am 01.05.2026 eingegangen", "2026-05-01", "01.05.2026"),
        ("fr", "1 15/03/2021 1423561257", "2021-03-15", "15/03/2021"),
        ("en", "received 2026-05-01", "2026-05-01", "2026-05-01"),
    ],
)
def test_date_is_parsed(rules: DateRules, language: str, text: str, value: str, span: str) -> None:
    (entity,) = find_dates(text, page=1, language=language, rules=rules)
    assert (entity.value, entity.span.text) == (value, span)
    assert text[entity.span.start : entity.span.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "31 February 2026",
        "amount 12.929.000,00 CHF",
        "account 5268-5625-93",
        "Page 1 of 3",
        "30.02.2024",
        "the 14th",
    ],
)
def test_not_a_date(rules: DateRules, text: str) -> None:
    assert find_dates(text, page=1, language="en", rules=rules) == []


@pytest.mark.parametrize(
    ("language", "text", "role"),
    [
        ("en", "X is in pre-trial detention, which expires on 19 June 2026.", "detention"),
        ("en", "the trial hearing is scheduled for 31 October 2025, and", "hearing"),
        ("en", "the limitation period for the prosecution expires on 2 March 2026.", "limitation"),
        ("en", "The evidence is needed no later than 15 July 2026.", "deadline"),
        ("en", "Date of birth: 16 November 1988", "birth"),
        ("fr", "l'audience de jugement est fixée au 20 novembre 2026 et", "hearing"),
        ("fr", "les pièces doivent parvenir avant le 3 mars 2026.", "deadline"),
        ("en", "the statute of limitations expires on 1st September 2026.", "limitation"),
        ("pt", "solicita-se a execução até 20 de julho de 2026.", "deadline"),
        ("fr", "la prescription de l'action publique sera acquise le 4 avril 2026.", "limitation"),
        ("es", "se encuentra en prisión preventiva, que vence el 26 de septiembre de 2026.", "detention"),
        ("es", "la audiencia de juicio oral está programada para el 16 de junio de 2026,", "hearing"),
        (
            "pt",
            "o prazo de prescrição do procedimento criminal termina em 30 de abril de 2026.",
            "limitation",
        ),
        ("it", "l'udienza dibattimentale è fissata per il 2 agosto 2026 e", "hearing"),
        ("de", "Die Untersuchungshaft endet am 3. März 2026.", "detention"),
        ("de", "Geburtsdatum: 9. Oktober 1991; Geburtsort: Vaduz", "birth"),
        ("ru", "срок содержания под стражей истекает 1 июня 2026 г.", "detention"),
        ("ru", "Дата рождения: 8 апреля 1959 г.", "birth"),
        ("ar", "وتنتهي مدة الحبس بتاريخ 12 يناير 2026،", "detention"),
        ("ar", "نظراً لانقضاء مدة تقادم الدعوى الجنائية بتاريخ 1 أبريل 2026.", "limitation"),
    ],
)
def test_role_from_the_words_before(rules: DateRules, language: str, text: str, role: str) -> None:
    (entity,) = find_dates(text, page=1, language=language, rules=rules)
    assert entity.attributes == {"role": role}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The investigation was opened on 25 November 2024 following a report."),
        ("es", "se desempeñó como tesorero desde el 6 de mayo de 2016 hasta el 15 de agosto de 2021."),
        ("de", "war vom 16. Januar 2018 bis zum 27. August 2021 Staatssekretär"),
        ("pt", "II. Mandado de detenção. Em 26 de dezembro de 2024, foi emitido o mandado"),
        ("pt", "exerceu funções de 3 de julho de 2014 até 1 de julho de 2023."),
        ("en", "URGENT: X is in pre-trial detention. The bank opened the account on 3 May 2019."),
    ],
)
def test_no_role_for_facts_and_ranges(rules: DateRules, language: str, text: str) -> None:
    assert [e.attributes for e in find_dates(text, page=1, language=language, rules=rules)] in (
        [{}],
        [{}, {}],
    )


def test_without_language_every_language_cue_applies(rules: DateRules) -> None:
    (entity,) = find_dates("l'audience est fixée au 2 mai 2026", page=3, language=None, rules=rules)
    assert (entity.value, entity.attributes, entity.span.page) == ("2026-05-02", {"role": "hearing"}, 3)
