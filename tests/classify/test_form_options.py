"""A form's options and a person's role are what they are: an option is never a heading,
a role in brackets is never a measure, and a form's part titles with an optional plural
("Measure(s)") are headings."""

from __future__ import annotations

import pytest

from classify.document import fold_document
from classify.request import classify_request
from classify.resources import ClassifyResources
from classify.sections import read_sections
from extract.structure import read_structure
from rogatory.records import DocumentText
from tests.classify.conftest import NO_ENTITIES, document


def _with_structure(text: DocumentText) -> DocumentText:
    return text.model_copy(update={"structure": read_structure(text)})


def test_an_option_naming_suspects_opens_no_section(resources: ClassifyResources) -> None:
    text = _with_structure(
        document(
            "Investigative measures requested:\n"
            "☒ taking statements from witnesses or suspects\n"
            "☐ search and seizure\n"
            "Describe the assistance required:\n"
            "1. interview Mr Brown about the payments"
        )
    )
    kinds = [section.kind for section in read_sections(fold_document(text), resources.lexicons)]
    assert "person_identity" not in kinds
    assert classify_request(text, NO_ENTITIES, resources=resources).values("measures") == ["taking_evidence"]


@pytest.mark.parametrize(
    ("language", "line", "kind"),
    [
        ("en", "SECTION C: Investigative measure(s) to be carried out", "assistance_sought"),
        ("fr", "SECTION C : Mesure(s) d'enquête à exécuter", "assistance_sought"),
        ("es", "SECCIÓN C: Medida(s) de investigación que deben llevarse a cabo", "assistance_sought"),
        ("pt", "SECÇÃO C: Medida(s) de investigação a executar", "assistance_sought"),
        ("de", "ABSCHNITT C: Durchzuführende Ermittlungsmaßnahme(n)", "assistance_sought"),
        ("it", "SEZIONE C: Atti di indagine da compiere", "assistance_sought"),
        ("en", "Nature and legal classification of the offence(s):", "subject_matter"),
        ("fr", "Nature et qualification juridique de la ou des infractions :", "subject_matter"),
        ("de", "Art und rechtliche Würdigung der Straftat(en):", "subject_matter"),
        ("it", "Natura e qualificazione giuridica del reato o dei reati:", "subject_matter"),
    ],
)
def test_a_form_part_title_with_an_optional_plural_is_a_heading(
    language: str, line: str, kind: str, resources: ClassifyResources
) -> None:
    folded = fold_document(document(f"{line}\nThe text of the section.", language=language))
    assert [section.kind for section in read_sections(folded, resources.lexicons)] == [kind]


def test_a_role_in_brackets_is_not_a_measure(resources: ClassifyResources) -> None:
    text = document(
        "We respectfully request that you take a witness statement from Mr Brown.\n"
        "The persons concerned are:\n"
        "Amaka GALEA (account holder) date of birth: 19 October 1975; nationality: British"
    )
    assert classify_request(text, NO_ENTITIES, resources=resources).values("measures") == ["taking_evidence"]


def test_account_holder_identification_asked_is_a_measure(resources: ClassifyResources) -> None:
    text = document("We request that you identify the account holder of account 12345678.")
    assert classify_request(text, NO_ENTITIES, resources=resources).values("measures") == ["bank_records"]


def test_measures_named_outside_what_is_asked_do_not_count(resources: ClassifyResources) -> None:
    text = document(
        "Reasons for urgency: the account holder has moved the funds abroad since the search.\n"
        "The executing authority is asked to freeze the funds credited to the account above."
    )
    assert classify_request(text, NO_ENTITIES, resources=resources).values("measures") == ["freezing"]


def test_an_arabic_numbered_item_after_the_request_is_asked(resources: ClassifyResources) -> None:
    text = document(
        "لذا نرجو من السلطات المختصة لديكم:\n"
        "أولاً: تجميد الرصيد القائم في الحساب.\n"
        "ثانياً: تزويدنا بكشوف الحساب.",
        language="ar",
    )
    assert set(classify_request(text, NO_ENTITIES, resources=resources).values("measures")) == {
        "freezing",
        "bank_records",
    }


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "This certificate is issued under Regulation (EU) 2018/1805."),
        ("de", "Diese Bescheinigung ergeht nach der Verordnung (EU) 2018/1805."),
        ("fr", "Demande fondée sur le règlement relatif à la reconnaissance mutuelle des décisions de gel."),
    ],
)
def test_the_freezing_regulation_is_a_regional_basis(
    language: str, sentence: str, resources: ClassifyResources
) -> None:
    text = document(sentence, language=language)
    assert classify_request(text, NO_ENTITIES, resources=resources).values("legal_basis") == ["regional"]


def _missing(resources: ClassifyResources, text: DocumentText) -> list[str]:
    from classify.completeness import check_completeness

    classification = classify_request(text, NO_ENTITIES, resources=resources)
    return check_completeness(
        text, NO_ENTITIES, classification, accepted_languages=("en",), lexicons=resources.lexicons
    ).missing


AIM = (
    "The freezing order is issued with a view to:\n"
    "{0} the subsequent confiscation of the property\n"
    "☐ the restitution of the property to the victim\n"
)


@pytest.mark.parametrize(("box", "purpose_missing"), [("☒", False), ("☐", True)])
def test_a_ticked_aim_gives_the_purpose_an_unticked_one_does_not(
    box: str, purpose_missing: bool, resources: ClassifyResources
) -> None:
    text = _with_structure(document("SECTION D: Grounds\n" + AIM.format(box)))
    assert ("purpose" in _missing(resources, text)) is purpose_missing


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "No particular urgency."),
        ("it", "Nessuna particolare urgenza."),
        ("de", "Keine besondere Dringlichkeit."),
        ("ar", "لا يوجد استعجال خاص."),
    ],
)
def test_no_particular_urgency_is_not_urgent(
    language: str, sentence: str, resources: ClassifyResources
) -> None:
    text = document(f"Date and reasons: {sentence}", language=language)
    assert classify_request(text, NO_ENTITIES, resources=resources).urgent.value == "false"


@pytest.mark.parametrize(("box", "urgent"), [("(x)", "true"), ("( )", "false")])
def test_a_ticked_reason_under_an_urgency_heading_is_urgent(
    box: str, urgent: str, resources: ClassifyResources
) -> None:
    text = _with_structure(
        document(
            "ABSCHNITT B: Dringlichkeit\n"
            f"{box} Die Vermögensgegenstände drohen beiseitegeschafft zu werden\n"
            "( ) Die Sicherstellung ist bis zu einem Datum erforderlich\n"
            "Datum und Gründe: —\n"
            "ABSCHNITT C: Betroffene Vermögensgegenstände\n"
            "(x) Guthaben auf einem Bankkonto",
            language="de",
        )
    )
    assert classify_request(text, NO_ENTITIES, resources=resources).urgent.value == urgent


def test_a_one_letter_abbreviation_does_not_end_the_asking_sentence(resources: ClassifyResources) -> None:
    text = document(
        "Si chiede di eseguire una perquisizione presso la sede di Consorzio S.c.a.r.l. e "
        "di eseguire l'allegato provvedimento di confisca sui beni di Marco BIANCHI.",
        language="it",
    )
    found = set(classify_request(text, NO_ENTITIES, resources=resources).values("measures"))
    assert found == {"search_and_seizure", "confiscation"}
