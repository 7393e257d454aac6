"""Issue 14, point 2 and 3: EU instruments and reciprocity as legal bases, a date's own label,
form parts before headings, narration with a year, and a form's box against the wording."""

from __future__ import annotations

import pytest

from classify.completeness import check_completeness
from classify.directory import load_directory
from classify.request import classify_request
from classify.resources import ClassifyResources
from classify.routing import route
from extract.dates import find_dates, load_date_rules
from extract.structure import read_structure
from rogatory.records import Classification, Completeness, DocumentText, Entities
from rogatory.settings import DEFAULT_AUTHORITIES
from tests.classify.conftest import date_entity, document

NO_ENTITIES = Entities()


def structured(text: str, language: str) -> DocumentText:
    plain = document(text, language=language)
    return plain.model_copy(update={"structure": read_structure(plain)})


def classify(text: str, language: str, resources: ClassifyResources) -> Classification:
    return classify_request(structured(text, language), NO_ENTITIES, resources=resources)


@pytest.mark.parametrize(
    ("language", "opening"),
    [
        ("en", "EUROPEAN INVESTIGATION ORDER (EIO)\nIssued under Directive 2014/41/EU."),
        ("fr", "DÉCISION D'ENQUÊTE EUROPÉENNE (DEE)\nÉmise en vertu de la directive 2014/41/UE."),
        ("es", "ORDEN EUROPEA DE INVESTIGACIÓN\nEmitida conforme a la Directiva 2014/41/UE."),
        ("pt", "DECISÃO EUROPEIA DE INVESTIGAÇÃO\nEmitida nos termos da Diretiva 2014/41/UE."),
        ("de", "EUROPÄISCHE ERMITTLUNGSANORDNUNG (EEA)\nErlassen nach der Richtlinie 2014/41/EU."),
        ("it", "ORDINE EUROPEO DI INDAGINE\nEmesso ai sensi della direttiva 2014/41/UE."),
        ("en", "EUROPEAN ARREST WARRANT\nIssued under Framework Decision 2002/584/JHA."),
        ("de", "EUROPÄISCHER HAFTBEFEHL\nnach dem Rahmenbeschluss 2002/584/JI."),
        ("ru", "Запрос направляется на основании Конвенции о правовой помощи и правовых отношениях."),
    ],
)
def test_eu_and_regional_instruments_are_a_regional_basis(
    language: str, opening: str, resources: ClassifyResources
) -> None:
    assert classify(opening, language, resources).values("legal_basis") == ["regional"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A closing courtesy beside a named convention is not the basis ...
        (
            "de",
            "Das Ersuchen stützt sich auf das Übereinkommen der Vereinten Nationen gegen Korruption.\n"
            "Für Ihre Unterstützung danke ich Ihnen; Gegenseitigkeit wird zugesichert.",
            ["uncac"],
        ),
        (
            "it",
            "Fondamento della richiesta: la Convenzione delle Nazioni Unite contro la corruzione.\n"
            "Si ringrazia per la collaborazione, con assicurazione di reciprocità.",
            ["uncac"],
        ),
        # ... but it is where no treaty is named, and both count when one sentence names both.
        ("de", "Das Ersuchen stützt sich auf die Zusicherung der Gegenseitigkeit.", ["reciprocity"]),
        (
            "en",
            "This request is made under the United Nations Convention against Corruption and the "
            "principle of reciprocity.",
            ["reciprocity", "uncac"],
        ),
    ],
)
def test_reciprocity_is_a_basis_only_without_a_treaty_or_beside_it(
    language: str, text: str, expected: list[str], resources: ClassifyResources
) -> None:
    assert sorted(classify(text, language, resources).values("legal_basis")) == expected


@pytest.mark.parametrize(
    ("language", "text", "roles"),
    [
        # An empty "execute before:" does not make the form's own date a deadline.
        ("en", "Urgent: [ ] Yes [X] No\nIf yes, execute before: \nDate: 17 April 2026\n", [None]),
        ("ar", "عاجل: [ ] نعم [✓] لا\nفي حال الإيجاب، يرجى التنفيذ قبل: \nالتاريخ: 17 أبريل 2026\n", [None]),
        ("de", "Falls ja, Erledigung erbeten bis: 23.07.2026\n", ["deadline"]),
        ("en", "Hearing on: 3 June 2026\n", ["hearing"]),
    ],
)
def test_a_date_printed_as_a_field_takes_its_role_from_its_label(
    language: str, text: str, roles: list[str | None]
) -> None:
    found = find_dates(text, page=1, language=language, rules=load_date_rules())
    assert [entity.attributes.get("role") for entity in found] == roles


FORM_IN_PARTS = """FORMULAIRE DE DEMANDE D'ENTRAIDE
Rubrique 1 – Autorité requérante : Haute Autorité pour la Bonne Gouvernance, Abidjan
Rubrique 4 – Faits : {facts}
Rubrique 5 – Mesure demandée : expertise de la valeur vénale de la villa par un expert agréé.
"""


def test_a_form_part_word_and_number_open_an_inline_heading(resources: ClassifyResources) -> None:
    facts = "M. N'GUESSAN, ancien directeur des douanes, détiendrait des biens sans rapport avec ses revenus."
    text = structured(FORM_IN_PARTS.format(facts=facts * 2), "fr")
    classification = classify_request(text, NO_ENTITIES, resources=resources)
    completeness = check_completeness(
        text, NO_ENTITIES, classification, accepted_languages=("en", "fr"), lexicons=resources.lexicons
    )
    checks = {check.element: check for check in completeness.checks}
    assert checks["facts_summary"].present
    assert checks["facts_summary"].note == "section"
    assert checks["requesting_authority"].present


def check(text: str, language: str, resources: ClassifyResources) -> Completeness:
    plain = structured(text, language)
    classification = classify_request(plain, NO_ENTITIES, resources=resources)
    return check_completeness(
        plain, NO_ENTITIES, classification, accepted_languages=("en",), lexicons=resources.lexicons
    )


def test_a_long_sentence_with_a_year_narrates_facts(resources: ClassifyResources) -> None:
    text = (
        "The court is prosecuting the accused, a former director of engineering of the state utility, "
        "for passive corruption, for having received undue advantages from a consortium of contractors "
        "between 2014 and 2016 to favour it in assembly contracts."
    )
    assert "facts_summary" not in check(text, "en", resources).missing


def test_a_sentence_that_asks_for_records_from_a_year_narrates_nothing(resources: ClassifyResources) -> None:
    text = (
        "This Office requests the production of the records of all accounts held by the respondent at "
        "Pacific Harbour Bank, including account opening forms and statements from 2019 to date, for use "
        "in the investigation."
    )
    assert "facts_summary" in check(text, "en", resources).missing


URGENT_FORM = """REQUEST FOR MUTUAL LEGAL ASSISTANCE
Assistance requested
Obtain the bank statements of the account.
Urgent: [ ] Yes   [X] No
URGENT: the suspect is in pre-trial detention; the request should be executed as a matter of urgency.
"""


def decide(text: str, resources: ClassifyResources) -> tuple[Classification, bool]:
    plain = structured(text, "en")
    classification = classify_request(plain, NO_ENTITIES, resources=resources)
    directory = load_directory(DEFAULT_AUTHORITIES)
    decision = route(classification, Completeness(checks=()), directory, text=plain, review_threshold=0.5)
    return classification, decision.needs_review


def test_a_box_answering_not_urgent_against_urgent_wording_sends_to_review(
    resources: ClassifyResources,
) -> None:
    classification, needs_review = decide(URGENT_FORM, resources)
    assert classification.urgent.confidence < 0.5
    assert "signals disagree" in classification.urgent.rule
    assert needs_review


def test_the_same_form_without_the_wording_is_routed(resources: ClassifyResources) -> None:
    classification, needs_review = decide(URGENT_FORM.rsplit("URGENT:", 1)[0], resources)
    assert classification.urgent.value == "false"
    assert not needs_review


EMPTY_PART = """REQUEST FOR MUTUAL LEGAL ASSISTANCE
Requesting authority
Office of the Attorney General, Valletta
Assistance requested
Obtain the bank statements of the account held at Harbour Bank.
Purpose of the request
{purpose}
Urgency
Not urgent.
"""


def test_an_empty_form_part_gives_no_element(resources: ClassifyResources) -> None:
    assert "purpose" in check(EMPTY_PART.format(purpose="—"), "en", resources).missing
    filled = EMPTY_PART.format(purpose="Evidence for the trial of the accused.")
    assert "purpose" not in check(filled, "en", resources).missing


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("de", "ABSCHNITT K: Anordnungsbehörde"),
        ("es", "i) Autoridad judicial emisora:"),
        ("en", "(i) Judicial authority which issued the warrant:"),
    ],
)
def test_the_issuing_authority_part_of_eu_forms_names_the_requesting_authority(
    language: str, heading: str, resources: ClassifyResources
) -> None:
    text = f"FORM\n{heading}\nMag. Eva Hofbauer, Dampfschiffstrasse 4, 1030 Wien\n"
    assert "requesting_authority" not in check(text, language, resources).missing


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ru", "Особой срочности исполнение запроса не требует."),
        ("ar", "والطلب ليس له صفة الاستعجال."),
        ("ar", "لا توجد صفة استعجال."),
    ],
)
def test_urgency_denied_in_prose_is_not_urgent(
    language: str, sentence: str, resources: ClassifyResources
) -> None:
    assert classify(sentence, language, resources).urgent.value == "false"


def test_a_limit_before_the_document_makes_nothing_urgent(resources: ClassifyResources) -> None:
    entities = Entities(items=(date_entity("2026-05-05", None), date_entity("2026-03-03", "hearing")))
    classification = classify_request(document("Decision of the court."), entities, resources=resources)
    assert classification.urgent.value == "false"
    assert "2026-03-03 refused" in classification.urgent.rule


def test_russian_request_to_establish_property_traces_proceeds(resources: ClassifyResources) -> None:
    text = (
        "Просим компетентные органы запрашиваемого государства:\n"
        "1. установить имущество и доходы Волковой Ольги Петровны, находящиеся на территории "
        "запрашиваемого государства.\n"
    )
    assert "trace_proceeds" in classify(text, "ru", resources).values("measures")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "4. Time limits\n"
            "Is this request urgent?   Yes ☐   No ☒\n"
            "Reasons for urgency / date by which execution is needed: —",
        ),
        (
            "es",
            "4. Plazos\n"
            "¿Es urgente la solicitud?   Sí ☐   No ☒\n"
            "Motivos de la urgencia / fecha límite de ejecución: no procede",
        ),
        (
            "de",
            "4. Fristen\n"
            "Ist das Ersuchen eilbedürftig?   Ja ☐   Nein ☒\n"
            "Gründe der Eilbedürftigkeit / Erledigung bis: entfällt",
        ),
        (
            "ru",
            "4. Сроки\nЯвляется ли запрос срочным?   Да ☐   Нет ☒\nОснования срочности / срок исполнения: —",
        ),
    ],
)
def test_a_label_naming_urgency_asks_for_none(language: str, text: str, resources: ClassifyResources) -> None:
    assert classify(text, language, resources).urgent.value == "false"


def test_reasons_given_under_the_label_still_make_a_request_urgent(resources: ClassifyResources) -> None:
    text = (
        "Is this request urgent?   Yes ☒   No ☐\nReasons for urgency: the funds may be moved without delay."
    )
    assert classify(text, "en", resources).urgent.value == "true"


@pytest.mark.parametrize(
    ("language", "text", "element"),
    [
        (
            "en",
            "1. Issuing authority\n"
            "Name of the authority: \n"
            "Postal address: \n"
            "2. Requested authority\n"
            "Central Authority",
            "requesting_authority",
        ),
        (
            "fr",
            "9. Pertinence de l'entraide sollicitée\nsans objet\n10. Autres informations\nFait à: Bruxelles",
            "purpose",
        ),
        (
            "de",
            "Kurze Sachverhaltsdarstellung:\n"
            "entfällt\n"
            "Straftaten und anwendbare Vorschriften:\n"
            "Betrug nach § 263 StGB.",
            "facts_summary",
        ),
    ],
)
def test_an_empty_part_of_a_form_gives_no_element(
    language: str, text: str, element: str, resources: ClassifyResources
) -> None:
    doc = structured(text, language)
    classification = classify_request(doc, NO_ENTITIES, resources=resources)
    completeness = check_completeness(
        doc, NO_ENTITIES, classification, accepted_languages=["en", "fr", "es"], lexicons=resources.lexicons
    )
    assert element in completeness.missing


def test_relevance_of_the_assistance_is_the_purpose(resources: ClassifyResources) -> None:
    text = (
        "8. Assistance requested\n☒ bank records\nObtain the statements of account BE71 0961 2345 6769.\n"
        "9. Relevance of the assistance requested\nThe records show where the bribes went."
    )
    doc = structured(text, "en")
    classification = classify_request(doc, NO_ENTITIES, resources=resources)
    completeness = check_completeness(
        doc, NO_ENTITIES, classification, accepted_languages=["en"], lexicons=resources.lexicons
    )
    assert "purpose" not in completeness.missing
    assert classification.values("measures") == ["bank_records"]


def test_an_urgency_part_over_empty_boxes_asks_nothing_though_a_later_part_is_ticked(
    resources: ClassifyResources,
) -> None:
    """ "РАЗДЕЛ В: Срочность" (a Cyrillic part letter) over two empty reasons is a title; the
    ticked boxes of the next part, whose heading no lexicon names, answer another question."""
    text = (
        "РАЗДЕЛ В: Срочность\n☐ Имущество может быть сокрыто\n☐ Арест необходим к определённой дате\n"
        "РАЗДЕЛ С: Имущество, на которое налагается арест\n☒ денежных средств на банковском счёте\n"
    )
    assert classify(text, "ru", resources).urgent.value == "false"
    ticked = text.replace("☐ Имущество", "☒ Имущество")
    assert classify(ticked, "ru", resources).urgent.value == "true"


@pytest.mark.parametrize(
    "opening",
    [
        "Das Ersuchen stützt sich auf Artikel 46 des Übereinkommens der Vereinten Nationen gegen Korruption.",
        "Das Ersuchen wird auf der Grundlage des UN-Übereinkommens gegen Korruption gestellt.",
        "Rechtsgrundlage: Artikel 46 des UN-Korruptionsübereinkommens.",
    ],
)
def test_the_german_genitive_of_the_convention_against_corruption(
    opening: str, resources: ClassifyResources
) -> None:
    assert classify(opening, "de", resources).values("legal_basis") == ["uncac"]
