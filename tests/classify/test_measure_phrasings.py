"""Measures written in other phrasings than the dev corpus uses, one sentence per case,
under an assistance heading, in every language."""

from __future__ import annotations

import pytest

from classify.request import classify_request
from classify.resources import ClassifyResources
from tests.classify.conftest import NO_ENTITIES, document

HEAD = {
    "en": "Assistance requested",
    "fr": "Mesures sollicitées",
    "es": "Asistencia solicitada",
    "pt": "Diligências solicitadas",
    "de": "Erbetene Rechtshilfe",
    "it": "Atti richiesti",
    "ru": "Запрашиваемая помощь",
    "ar": "المساعدة المطلوبة",
}
CASES = [
    ("en", "Obtain copies of all statements for the account held by the suspect.", {"bank_records"}),
    ("en", "Hear the witness Mr Brown under oath.", {"taking_evidence"}),
    ("en", "Serve the attached summons on the accused.", {"service_of_documents"}),
    ("en", "Search the premises at 4 Hill Road and seize any documents.", {"search_and_seizure"}),
    ("en", "Freeze the funds held in the account.", {"freezing"}),
    ("en", "Determine the current whereabouts of the suspect.", {"locate_persons"}),
    ("en", "Enforce the confiscation order issued by the High Court.", {"confiscation"}),
    ("en", "Arrange for the witness to give evidence by video link.", {"videoconference"}),
    ("en", "Provide certified copies of the company's registration documents.", {"documents_records"}),
    ("fr", "Obtenir les relevés bancaires du compte.", {"bank_records"}),
    ("fr", "Procéder à l'audition du témoin.", {"taking_evidence"}),
    ("fr", "Procéder au gel des avoirs détenus sur le compte.", {"freezing"}),
    ("fr", "Perquisitionner le domicile du suspect et saisir tout document utile.", {"search_and_seizure"}),
    ("fr", "Signifier la citation à comparaître à l'intéressé.", {"service_of_documents"}),
    ("fr", "Localiser le suspect et communiquer son adresse actuelle.", {"locate_persons"}),
    ("es", "Tomar declaración al testigo.", {"taking_evidence"}),
    ("es", "Embargar preventivamente los fondos de la cuenta.", {"freezing"}),
    ("es", "Remitir los extractos bancarios de la cuenta.", {"bank_records"}),
    ("es", "Notificar la citación al imputado.", {"service_of_documents"}),
    ("es", "Localizar al investigado.", {"locate_persons"}),
    ("pt", "Inquirir a testemunha.", {"taking_evidence"}),
    ("pt", "Congelar os fundos depositados na conta.", {"freezing"}),
    ("pt", "Fornecer os extratos bancários da conta.", {"bank_records"}),
    ("de", "Vernehmung des Zeugen.", {"taking_evidence"}),
    ("de", "Einfrieren der Guthaben auf dem Konto.", {"freezing"}),
    ("de", "Übermittlung der Kontoauszüge.", {"bank_records"}),
    ("de", "Durchsuchung der Wohnung und Beschlagnahme von Unterlagen.", {"search_and_seizure"}),
    ("it", "Assumere la testimonianza del teste.", {"taking_evidence"}),
    ("it", "Disporre il sequestro preventivo dei fondi.", {"freezing"}),
    ("it", "Acquisire gli estratti conto bancari.", {"bank_records"}),
    ("ru", "Допросить свидетеля.", {"taking_evidence"}),
    ("ru", "Наложить арест на денежные средства на счете.", {"freezing"}),
    ("ru", "Предоставить выписки по банковскому счету.", {"bank_records"}),
    ("ar", "سماع أقوال الشاهد.", {"taking_evidence"}),
    ("ar", "تجميد الأموال المودعة في الحساب.", {"freezing"}),
    ("ar", "تقديم كشوف الحساب المصرفي.", {"bank_records"}),
    ("en", "Take a witness statement from Mr Brown about the payments.", {"taking_evidence"}),
    ("pt", "Examinar os armazéns da empresa e lavrar auto do seu estado.", {"examining_objects"}),
    ("pt", "A oitiva da testemunha pelas autoridades do Estado requerido.", {"taking_evidence"}),
    ("de", "Vermögenswerte und Erträge des Beschuldigten zu ermitteln.", {"trace_proceeds"}),
    ("ar", "تيسير حضور الشاهد طوعاً للإدلاء بالشهادة.", {"facilitate_appearance"}),
    # German "Sicherstellung": its object decides (evidence: a seizure; assets: freezing).
    ("de", "Sicherstellung des Guthabens auf dem Konto der Gesellschaft.", {"freezing"}),
    ("de", "Die Vermögenswerte des Beschuldigten sind sicherzustellen.", {"freezing"}),
    ("de", "Beschlagnahme der Vermögenswerte auf den Konten der Firma.", {"freezing"}),
    ("de", "Vollstreckung der beigefügten Sicherstellungsentscheidung.", {"freezing"}),
    ("de", "Sicherstellung der Buchhaltungsunterlagen der Firma.", {"search_and_seizure"}),
    ("de", "Die Beweismittel in der Wohnung sind sicherzustellen.", {"search_and_seizure"}),
    ("de", "Beschlagnahme der Geschäftsunterlagen.", {"search_and_seizure"}),
]


def test_a_bare_sicherstellung_names_no_measure(resources: ClassifyResources) -> None:
    """Without its object, "Sicherstellung" is a seizure of evidence or the freezing of
    assets alike: the request's other measures decide, this word adds none."""
    text = document("1. Erbetene Rechtshilfe\nDie Sicherstellung ist dringend erforderlich.", language="de")
    assert classify_request(text, NO_ENTITIES, resources=resources).values("measures") == []


@pytest.mark.parametrize(("language", "sentence", "expected"), CASES)
def test_measure_in_another_phrasing(
    language: str, sentence: str, expected: set[str], resources: ClassifyResources
) -> None:
    text = document(f"1. {HEAD[language]}\n{sentence}", language=language)
    assert set(classify_request(text, NO_ENTITIES, resources=resources).values("measures")) == expected
