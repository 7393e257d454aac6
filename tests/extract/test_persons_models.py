"""Persons with the statistical models (issue 15): found in prose with no cue, in every language that has a
model; headings, places, currencies and companies never taken for persons; organisations found."""

from __future__ import annotations

import pytest

from extract.engines import EntityModels, load_entity_models
from extract.entities import find_entities
from rogatory.records import DocumentText, EntityKind, PageText, TextSource


def _document(text: str, language: str) -> DocumentText:
    page = PageText(number=1, text=text, source=TextSource.TEXT_LAYER, confidence=1.0, language=language)
    return DocumentText(pages=(page,), language=language)


def _found(text: str, language: str, models: EntityModels, kind: EntityKind = EntityKind.PERSON) -> list[str]:
    return sorted(
        {entity.value for entity in find_entities(_document(text, language), models=models).of_kind(kind)}
    )


@pytest.fixture(scope="module")
def rules_only() -> EntityModels:
    return load_entity_models(use_ner_models=False)


@pytest.fixture(scope="module")
def models() -> EntityModels:
    return load_entity_models()


# --- a person named once in prose, with no honorific, role or upper-case surname ----------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "pt",
            "O Ministério Público Federal denunciou João da Silva Pereira por lavagem de dinheiro.",
            "João da Silva Pereira",
        ),
        (
            "es",
            "La Fiscalía Anticorrupción imputa a Jorge Luis Fernández, titular de una cuenta en Madrid.",
            "Jorge Luis Fernández",
        ),
        ("ar", "قامت النيابة العامة بالتحقيق مع أحمد محمود الخطيب بشأن غسل الأموال.", "أحمد محمود الخطيب"),
        (
            "de",
            "Die Ermittlungen ergaben, dass Andreas Becker das Geld auf ein Konto in Zürich überwiesen hat.",
            "Andreas Becker",
        ),
        (
            "en",
            "The funds were then transferred abroad by Peter Walsh through several accounts.",
            "Peter Walsh",
        ),
        (
            "ru",
            "Следствием установлено, что денежные средства перевёл Алексей Морозов через счета в Казани.",
            "Алексей Морозов",
        ),
        (
            "it",
            "La Procura della Repubblica ha accertato che Marco Ferrari ha trasferito il denaro su un conto"
            " svizzero.",
            "Marco Ferrari",
        ),
    ],
)
def test_a_person_in_prose_with_no_cue(models: EntityModels, language: str, text: str, expected: str) -> None:
    assert expected in _found(text, language, models)


@pytest.mark.slow
def test_the_models_are_loaded_for_every_trained_language(models: EntityModels) -> None:
    assert {"en", "fr", "pt", "es", "ar", "de", "ru", "it"} <= set(models.nlp)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "text", "person"),
    [
        (
            "pt",
            "Nome: Maria Aparecida Santos\nBanco: Banco do Brasil S.A.\nConta: 12345-6",
            "Maria Aparecida Santos",
        ),
        (
            "es",
            "El Juzgado Central de Instrucción investiga los hechos denunciados por Jorge Luis Fernández.",
            "Jorge Luis Fernández",
        ),
    ],
)
def test_a_model_mention_is_cut_at_its_line_and_never_a_court(
    models: EntityModels, language: str, text: str, person: str
) -> None:
    found = _found(text, language, models)
    assert person in found
    assert not any("Banco" in name or "Instrucción" in name for name in found)


# --- one surname or initials, when the model says person and a title or a role stands before ------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "text", "expected", "by_rules"),
    [
        (
            "de",
            "Es entschieden der Vorsitzende Richter Prof. Dr. Hacker sowie der Richter Merzbach",
            ["Hacker", "Merzbach"],
            ["Hacker"],  # the rules take one surname after an honorific in prose ("Dr. Hacker sowie")
        ),
        ("de", "Der Angeklagte B. räumte sodann über seinen Verteidiger die Tat ein.", ["B."], []),
        (
            "en",
            "The statement of the accused B. was recorded by Inspector Mwangi on the same day.",
            ["B.", "Mwangi"],
            [],
        ),
        ("ru", "Лужков заявил, что акция не согласована.", ["Лужков"], []),
        (
            "en",
            "The appeal was heard by a bench presided over by A.K. Chawla in the morning.",
            ["A.K. Chawla"],
            [],
        ),
        ("de", "Die Zeugin wurde von J. Ratayczak in der Sitzung befragt.", ["J. Ratayczak"], []),
    ],
)
def test_a_surname_alone_after_a_title_or_in_russian_prose(
    models: EntityModels,
    rules_only: EntityModels,
    language: str,
    text: str,
    *,
    expected: list[str],
    by_rules: list[str],
) -> None:
    assert _found(text, language, models) == expected
    assert _found(text, language, rules_only) == by_rules


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Nach Einleitung der Ermittlungen bot er einem Zeugen Geld für eine Falschaussage an."),
        ("ru", "Запрашивающий орган будет признателен за любое содействие в этом деле."),
        ("ru", "Дата рождения: 4 июня 1987 г.; Место рождения: Худжанд, Таджикистан;"),
        ("en", "The funds went to Nairobi and then to London before the hearing."),
        ("en", "Travel and accommodation costs will be borne by Sri Lanka."),
    ],
)
def test_one_capitalised_word_without_a_title_is_no_person(
    models: EntityModels, language: str, text: str
) -> None:
    assert _found(text, language, models) == []


# --- never a person: a heading, a city, a country, a currency, a company, a form label ------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "es",
            "facilitar la comparecencia de Verónica GARCÍA LÓPEZ ante el tribunal de\n"
            "Madrid\nSECCIÓN E: Identidad",
            ["Verónica GARCÍA LÓPEZ"],
        ),
        (
            "pt",
            "1. João Paulo FERREIRA Qualidade: suspeito\n"
            "Data de nascimento: 20/09/1964 Local de nascimento: Lisboa",
            ["João Paulo FERREIRA"],
        ),
        ("es", "Importe: 12.000 EUR\nOtros USD\nCuenta en España\nSECCIÓN C", []),
        ("en", "The accounts of Cyprus\nSECTION D: Persons concerned are held in London DOLLARS", []),
        ("es", "Los fondos pasaron a Inversiones Costa AZUL S.L. y al Banco Pedro ÁLVAREZ de Madrid.", []),
        (
            "de",
            "Die Beweisaufnahme betrifft den Inhaber Markus BAUMGARTNER und Diese EEA",
            ["Markus BAUMGARTNER"],
        ),
        ("ar", "عمر إبراهيم النجار الصفة: مشتبه به", []),
    ],
)
def test_never_a_person(rules_only: EntityModels, language: str, text: str, expected: list[str]) -> None:
    assert _found(text, language, rules_only) == expected


# --- organisations ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "es",
            "la sociedad Inversiones Costa Azul S.L. y el Banco Bilbao Vizcaya Argentaria",
            ["Banco Bilbao Vizcaya Argentaria", "Inversiones Costa Azul S.L."],
        ),
        (
            "en",
            "paid to Meridian Trust Ltd and held at the Bank of Cyprus.",
            ["Bank of Cyprus", "Meridian Trust Ltd"],
        ),
        (
            "de",
            "zum Nachteil der Deutsche Bank AG. Danach an die Alpen Handels GmbH",
            ["Alpen Handels GmbH", "Deutsche Bank AG"],
        ),
        (
            "pt",
            "a empresa Construtora Alfa Ltda e o Banco do Brasil S.A.",
            ["Banco do Brasil S.A.", "Construtora Alfa Ltda"],
        ),
        ("fr", "versés à la société Helios Conseil SARL", ["Helios Conseil SARL"]),
        ("it", "la società Lombarda Costruzioni S.r.l. ha ricevuto", ["Lombarda Costruzioni S.r.l."]),
        ("ru", "на счёт ООО «Северный Путь» в банке", ["ООО «Северный Путь»"]),
        ("ar", "حول المبلغ إلى شركة النور للتجارة في دبي", ["شركة النور للتجارة"]),
    ],
)
def test_organisations_by_their_legal_form_or_head_word(
    rules_only: EntityModels, language: str, text: str, expected: list[str]
) -> None:
    assert _found(text, language, rules_only, EntityKind.ORGANISATION) == expected


# --- the request's own officials are no persons concerned (FORMAT.md: persons) -------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "I, J. Mwangi, Senior State Counsel of the Law Office, have the honour to request the examination"
            " of Daniel KAMAU (witness).\n",
            ["Daniel KAMAU"],
        ),
        (
            "en",
            "Name of its representative: A. Murphy\nPost held: Director of Public Prosecutions\n"
            "Daniel KAMAU (witness)\n",
            ["Daniel KAMAU"],
        ),
        (
            "fr",
            "Nom de son représentant : A. Wauters\nFonction : Procureur du Roi\nHugo BERTRAND (témoin)\n",
            ["Hugo BERTRAND"],
        ),
        (
            "es",
            "Nombre de su representante: L. Ortega\nCargo: Fiscal Jefe\nRosa MÉNDEZ GIL (testigo)\n",
            ["Rosa MÉNDEZ GIL"],
        ),
        (
            "pt",
            "Nome do seu representante: J. Tavares\nCargo: Procurador da República\n"
            "Rui FERREIRA (testemunha)\n",
            ["Rui FERREIRA"],
        ),
        (
            "it",
            "Nome del rappresentante: dott. M. Sabatini\nFunzione: Procuratore della Repubblica\n"
            "Paolo GALLI (testimone)\nDistinti saluti,\ndott. M. Sabatini\n",
            ["Paolo GALLI"],
        ),
        (
            "ru",
            "В. И. Соколова, Старший следователь по особо важным делам\nОрлов Павел Сергеевич (свидетель)\n",
            ["Орлов Павел Сергеевич"],
        ),
    ],
)
def test_the_requests_own_officials_are_no_persons(
    models: EntityModels, language: str, text: str, expected: list[str]
) -> None:
    """A representative's field, a post's field and a name followed by its post name an
    official of the requesting authority; the person concerned stays."""
    assert _found(text, language, models) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Signor Presidente, la Commissione ha ricevuto la richiesta del Ministero della Giustizia.", []),
        (
            "Dalle indagini è emerso che Giuseppe ROSSI, all'epoca direttore generale presso Agenzia per le"
            " Infrastrutture, ha disposto il pagamento.",
            ["Giuseppe ROSSI"],
        ),
        ("Importo: 12.000 euro\nAltri dollari\nConto in Svizzera\nSEZIONE C: Persone interessate", []),
        ("I fondi sono passati alla Costruzioni Lombarde S.r.l. e alla Banca Popolare di Sondrio.", []),
    ],
)
def test_italian_posts_institutions_currencies_and_companies_are_no_persons(
    models: EntityModels, text: str, expected: list[str]
) -> None:
    """With the Italian model: a post after its honorific ("Signor Presidente"), a ministry's or an
    agency's head word, a currency, a heading and a company are never persons."""
    assert _found(text, "it", models) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Бишкек, 26 мая 2026 г.\nЗапрос направляет прокуратура, г. Бишкек.\n"
        "Адрес: 89 Victoria Lane, Бишкек\nЮсупов Тимур Алишерович (подозреваемый)\n",
        "Просим допросить свидетеля Орлов Павел Сергеевич (свидетель).\n"
        "Место рождения: Бишкек; адрес: Бишкек\n",
    ],
)
def test_a_russian_city_in_a_dateline_or_an_address_is_no_surname(models: EntityModels, text: str) -> None:
    assert "Бишкек" not in _found(text, "ru", models)


# --- the merge keeps a model's name before a capitalised word of another kind or a field -----------


@pytest.mark.slow
def test_glued_words_and_name_fields(models: EntityModels) -> None:
    # "de" before the name is no street word; "Relatora" after it is written in another case
    pt = (
        "A ação foi proposta em desfavor de ALISSON SILVA BATISTA DE MORAES , partes qualificadas nos autos ."
    )
    assert "ALISSON SILVA BATISTA DE MORAES" in _found(pt, "pt", models)
    # a street or company word glued to the name still drops it
    de = "Die Überweisung ging an die Alpha Handels GmbH in Frankfurt am Main."
    assert not any("Alpha" in name for name in _found(de, "de", models))
