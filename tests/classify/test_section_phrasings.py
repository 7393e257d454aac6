"""Section headings in other phrasings than the dev corpus uses, in every language.

Written from the wording of UNCAC art. 46(15), model request forms and common drafting
variants, not from the corpus: the completeness check must find these headings in
requests it has never seen.
"""

from __future__ import annotations

import pytest

from classify.document import fold_document
from classify.resources import ClassifyResources
from classify.sections import read_sections
from tests.classify.conftest import document

HEADINGS: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("Name of the requesting authority", "requesting_authority"),
        ("Identity of the requesting authority:", "requesting_authority"),
        ("Nature and subject matter of the proceedings", "subject_matter"),
        ("Subject matter of the investigation", "subject_matter"),
        ("Nature of the case", "subject_matter"),
        ("Summary of the relevant facts", "facts_summary"),
        ("Brief summary of facts", "facts_summary"),
        ("Factual background", "facts_summary"),
        ("Relevant facts", "facts_summary"),
        ("Assistance required", "assistance_sought"),
        ("Description of the assistance requested", "assistance_sought"),
        ("Measures sought", "assistance_sought"),
        ("Details of the assistance sought", "assistance_sought"),
        ("Purpose for which the evidence is sought", "purpose"),
        ("Reason for the request", "purpose"),
        ("Identity and nationality of the persons concerned", "person_identity"),
        ("Details of the persons concerned", "person_identity"),
    ],
    "fr": [
        ("Désignation de l'autorité requérante", "requesting_authority"),
        ("Nature et objet de la procédure", "subject_matter"),
        ("Objet de l'enquête", "subject_matter"),
        ("Résumé des faits pertinents", "facts_summary"),
        ("Bref exposé des faits", "facts_summary"),
        ("Faits reprochés", "facts_summary"),
        ("Description de l'assistance demandée", "assistance_sought"),
        ("Mesures requises", "assistance_sought"),
        ("Actes d'entraide sollicités", "assistance_sought"),
        ("But de l'entraide", "purpose"),
        ("Motifs de la demande", "purpose"),
        ("Identité des personnes concernées", "person_identity"),
    ],
    "es": [
        ("Identificación de la autoridad requirente", "requesting_authority"),
        ("Naturaleza y objeto del procedimiento", "subject_matter"),
        ("Resumen de los hechos pertinentes", "facts_summary"),
        ("Breve exposición de los hechos", "facts_summary"),
        ("Descripción de la asistencia solicitada", "assistance_sought"),
        ("Diligencias requeridas", "assistance_sought"),
        ("Finalidad de la asistencia", "purpose"),
        ("Motivo de la solicitud", "purpose"),
        ("Identidad de las personas involucradas", "person_identity"),
    ],
    "pt": [
        ("Identificação da autoridade requerente", "requesting_authority"),
        ("Natureza e objeto do processo", "subject_matter"),
        ("Resumo dos factos relevantes", "facts_summary"),
        ("Breve exposição dos fatos", "facts_summary"),
        ("Descrição do auxílio solicitado", "assistance_sought"),
        ("Medidas requeridas", "assistance_sought"),
        ("Finalidade do auxílio", "purpose"),
        ("Identidade das pessoas visadas", "person_identity"),
    ],
    "de": [
        ("Bezeichnung der ersuchenden Behörde", "requesting_authority"),
        ("Art und Gegenstand des Verfahrens", "subject_matter"),
        ("Zusammenfassung des maßgeblichen Sachverhalts", "facts_summary"),
        ("Kurze Sachverhaltsdarstellung", "facts_summary"),
        ("Beschreibung der erbetenen Rechtshilfe", "assistance_sought"),
        ("Erbetene Rechtshilfemaßnahmen", "assistance_sought"),
        ("Zweck der erbetenen Maßnahmen", "purpose"),
        ("Angaben zu den betroffenen Personen", "person_identity"),
    ],
    "it": [
        ("Indicazione dell'autorità richiedente", "requesting_authority"),
        ("Natura e oggetto del procedimento", "subject_matter"),
        ("Riassunto dei fatti", "facts_summary"),
        ("Breve esposizione dei fatti", "facts_summary"),
        ("Descrizione dell'assistenza richiesta", "assistance_sought"),
        ("Atti di assistenza richiesti", "assistance_sought"),
        ("Scopo dell'assistenza", "purpose"),
        ("Identità delle persone interessate", "person_identity"),
    ],
    "ru": [
        ("Наименование запрашивающего органа", "requesting_authority"),
        ("Существо и характер расследования", "subject_matter"),
        ("Краткое изложение соответствующих фактов", "facts_summary"),
        ("Описание запрашиваемой помощи", "assistance_sought"),
        ("Цель, для которой запрашивается помощь", "purpose"),
        ("Сведения о личности", "person_identity"),
    ],
    "ar": [
        ("اسم السلطة الطالبة", "requesting_authority"),
        ("طبيعة وموضوع الإجراءات", "subject_matter"),
        ("ملخص الوقائع ذات الصلة", "facts_summary"),
        ("وصف المساعدة المطلوبة", "assistance_sought"),
        ("الغرض من المساعدة", "purpose"),
        ("بيانات الأشخاص المعنيين", "person_identity"),
    ],
}

CASES = [(language, heading, kind) for language, rows in HEADINGS.items() for heading, kind in rows]


@pytest.mark.parametrize(("language", "heading", "kind"), CASES)
def test_heading_in_another_phrasing(
    language: str, heading: str, kind: str, resources: ClassifyResources
) -> None:
    folded = fold_document(document(f"1. {heading}\nThe text of the section.", language=language))
    assert [section.kind for section in read_sections(folded, resources.lexicons)] == [kind]


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Request for mutual legal assistance in criminal matters"),
        ("en", "The facts of the case are set out in the annex to this letter."),
        ("fr", "Demande d'entraide judiciaire en matière pénale"),
        ("es", "Solicitud de asistencia judicial recíproca"),
        ("en", "1. John Doe (suspect)"),
        ("en", "The requesting authority therefore asks for these measures:"),
        ("de", "Die ersuchende Behörde bittet deshalb um die folgenden Maßnahmen:"),
        ("en", "All of the relevant facts are set out below."),
    ],
)
def test_a_title_or_sentence_is_not_a_heading(language: str, line: str, resources: ClassifyResources) -> None:
    folded = fold_document(document(f"{line}\nMore text.", language=language))
    assert read_sections(folded, resources.lexicons) == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("II. Summary of the facts |", "facts_summary"),
        ("Il. Purpose of the request '", "purpose"),
        ("III. Subject matter i", "subject_matter"),
        ("4. Assistance requested:", "assistance_sought"),
    ],
)
def test_ocr_noise_after_a_heading(line: str, kind: str, resources: ClassifyResources) -> None:
    folded = fold_document(document(f"{line}\nThe text of the section.", language="en"))
    assert [section.kind for section in read_sections(folded, resources.lexicons)] == [kind]


def test_an_inline_heading_keeps_its_text(resources: ClassifyResources) -> None:
    folded = fold_document(document("Purpose: the evidence is for the trial.", language="en"))
    [section] = read_sections(folded, resources.lexicons)
    assert section.kind == "purpose"


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "5. Assistance requested (tick all that apply)"),
        ("fr", "5. Mesures sollicitées (cocher les cases utiles)"),
        ("es", "5. Asistencia solicitada (márquese lo que proceda)"),
        ("de", "5. Erbetene Rechtshilfe (Zutreffendes ankreuzen)"),
        ("ru", "5. Запрашиваемая помощь (нужное отметить)"),
        ("ar", "5. المساعدة المطلوبة (ضع علامة)"),
        # the evidence item of a Hague letter of request (Art. 3(d)), numbered as a sub-item
        ("en", "8. a) Evidence to be obtained or other judicial act to be performed"),
        ("fr", "8. a) Actes d'instruction ou autres actes judiciaires à accomplir"),
        ("es", "8. a) Pruebas que deben obtenerse u otros actos judiciales que deben practicarse"),
        ("pt", "8. a) Provas a obter ou outros atos judiciais a praticar"),
        ("ru", "8. а) Доказательства, которые необходимо получить, или иные процессуальные действия"),
        ("ar", "8. أ) الأدلة المراد الحصول عليها أو الإجراءات القضائية المراد اتخاذها"),
        ("de", "8. a) Zu erhebende Beweise oder andere vorzunehmende gerichtliche Handlungen"),
        ("it", "8. b) Prove da assumere o altri atti giudiziari da compiere"),
    ],
)
def test_a_forms_instruction_in_brackets_after_a_heading(
    language: str, line: str, resources: ClassifyResources
) -> None:
    folded = fold_document(document(f"{line}\n☒ the text of the section", language=language))
    assert [section.kind for section in read_sections(folded, resources.lexicons)] == ["assistance_sought"]


def test_a_sub_item_letter_before_a_heading_with_a_long_instruction(resources: ClassifyResources) -> None:
    line = "7. a) Nature of the proceedings (divorce, paternity, breach of contract, product liability, etc.)"
    folded = fold_document(document(f"{line}\nCriminal proceedings.", language="en"))
    assert [section.kind for section in read_sections(folded, resources.lexicons)] == ["subject_matter"]
