"""Request type, proceeding type and urgency in other phrasings than the dev corpus uses."""

from __future__ import annotations

import pytest

from classify.request import classify_request
from classify.resources import ClassifyResources
from tests.classify.conftest import NO_ENTITIES, document

CASES = [
    (
        "en",
        "REQUEST FOR LEGAL ASSISTANCE IN A CRIMINAL MATTER\nThe suspect is charged with bribery.",
        "mla",
        "criminal",
        "false",
    ),
    (
        "en",
        "REQUEST FOR THE EXTRADITION OF JOHN DOE\nHe is wanted to stand trial.",
        "extradition",
        "criminal",
        "false",
    ),
    (
        "en",
        "LETTER OF REQUEST\nThis request arises from civil forfeiture proceedings before the High Court.",
        "mla",
        "civil",
        "false",
    ),
    (
        "en",
        "REQUEST FOR MUTUAL LEGAL ASSISTANCE\nThe matter is extremely urgent: the suspect is about to leave.",
        "mla",
        "criminal",
        "true",
    ),
    (
        "fr",
        "DEMANDE D'ENTRAIDE PÉNALE INTERNATIONALE\nUne information judiciaire est ouverte.",
        "mla",
        "criminal",
        "false",
    ),
    (
        "fr",
        "DEMANDE D'EXTRADITION\nLa personne réclamée est poursuivie pour corruption.",
        "extradition",
        "criminal",
        "false",
    ),
    (
        "fr",
        "DEMANDE D'ENTRAIDE\nLa présente demande revêt un caractère d'urgence.",
        "mla",
        "criminal",
        "true",
    ),
    (
        "es",
        "SOLICITUD DE ASISTENCIA JUDICIAL EN MATERIA PENAL\nSe sigue una investigación penal.",
        "mla",
        "criminal",
        "false",
    ),
    (
        "es",
        "SOLICITUD DE EXTRADICIÓN\nLa persona reclamada es acusada de cohecho.",
        "extradition",
        "criminal",
        "false",
    ),
    ("es", "SOLICITUD DE ASISTENCIA\nSe ruega dar trámite urgente a la presente.", "mla", "criminal", "true"),
    (
        "pt",
        "PEDIDO DE AUXÍLIO JUDICIÁRIO MÚTUO EM MATÉRIA PENAL\nCorre termos um inquérito.",
        "mla",
        "criminal",
        "false",
    ),
    (
        "pt",
        "PEDIDO DE EXTRADIÇÃO\nA pessoa reclamada é acusada de corrupção.",
        "extradition",
        "criminal",
        "false",
    ),
    (
        "de",
        "RECHTSHILFEERSUCHEN IN STRAFSACHEN\nGegen den Beschuldigten wird ermittelt.",
        "mla",
        "criminal",
        "false",
    ),
    (
        "de",
        "AUSLIEFERUNGSERSUCHEN\nDer Verfolgte wird der Bestechung beschuldigt.",
        "extradition",
        "criminal",
        "false",
    ),
    ("de", "RECHTSHILFEERSUCHEN\nDas Ersuchen ist eilbedürftig.", "mla", "criminal", "true"),
    (
        "it",
        "RICHIESTA DI ASSISTENZA GIUDIZIARIA IN MATERIA PENALE\nÈ in corso un procedimento penale.",
        "mla",
        "criminal",
        "false",
    ),
    (
        "it",
        "DOMANDA DI ESTRADIZIONE\nLa persona richiesta è imputata di corruzione.",
        "extradition",
        "criminal",
        "false",
    ),
    (
        "ru",
        "ЗАПРОС О ВЗАИМНОЙ ПРАВОВОЙ ПОМОЩИ ПО УГОЛОВНОМУ ДЕЛУ\nВозбуждено уголовное дело.",
        "mla",
        "criminal",
        "false",
    ),
    ("ru", "ЗАПРОС О ВЫДАЧЕ\nЛицо обвиняется во взяточничестве.", "extradition", "criminal", "false"),
    ("ru", "ЗАПРОС О ПРАВОВОЙ ПОМОЩИ\nПросим исполнить запрос в срочном порядке.", "mla", "criminal", "true"),
    (
        "ar",
        "طلب مساعدة قانونية متبادلة في مسألة جنائية\nتجري النيابة العامة تحقيقا جنائيا.",
        "mla",
        "criminal",
        "false",
    ),
    ("ar", "طلب تسليم\nالشخص المطلوب متهم بالرشوة.", "extradition", "criminal", "false"),
]
CASES.append(
    (
        "en",
        "INTERNATIONAL COOPERATION AND EXTRADITION UNIT\nREQUEST FOR MUTUAL LEGAL ASSISTANCE\nBank records.",
        "mla",
        "criminal",
        "false",
    )
)


@pytest.mark.parametrize(("language", "text", "request_type", "proceeding", "urgent"), CASES)
def test_kind_in_another_phrasing(
    language: str, text: str, request_type: str, proceeding: str, urgent: str, *, resources: ClassifyResources
) -> None:
    decided = classify_request(document(text, language=language), NO_ENTITIES, resources=resources)
    assert (decided.request_type.value, decided.proceeding_type.value, decided.urgent.value) == (
        request_type,
        proceeding,
        urgent,
    )
