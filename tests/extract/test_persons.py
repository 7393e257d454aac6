"""Natural persons: rules in every language, officials left out, mentions merged."""

from __future__ import annotations

import pytest

from extract.person_resolution import resolve_persons
from extract.persons import Mention, PersonRules, find_person_mentions, load_person_rules


@pytest.fixture(scope="module")
def rules() -> PersonRules:
    return load_person_rules()


def _names(text: str, rules: PersonRules) -> list[str]:
    return sorted(
        {entity.value for entity in resolve_persons(find_person_mentions(text, page=1, rules=rules))}
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Achieng MWAKYUSA (suspect)\nDate of birth: 16 November 1988", ["Achieng MWAKYUSA"]),
        (
            "Óscar Jiménez Vargas (investigado)\nFecha de nacimiento: 22 de diciembre",
            ["Óscar Jiménez Vargas"],
        ),
        ("Hamza JEBALI (mis en cause)", ["Hamza JEBALI"]),
        ("Jürgen Schäfer (Beschuldigte(r))", ["Jürgen Schäfer"]),
        ("2. НУРПЕИСОВ Нурлан Серикович (подозреваемый)", ["НУРПЕИСОВ Нурлан Серикович"]),
        ("محمد ناصر سعيد الشريف (مدعى عليه)", ["محمد ناصر سعيد الشريف"]),
        ("Marco PELLEGRINI (indagato)", ["Marco PELLEGRINI"]),
        ("Beatriz Barbosa Cavalcanti (suspeito)", ["Beatriz Barbosa Cavalcanti"]),
        ("Acacia Telecom Solutions Ltd (Uganda)", []),
    ],
)
def test_name_with_a_role_in_brackets(rules: PersonRules, text: str, expected: list[str]) -> None:
    assert _names(text, rules) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("against Carlos Eduardo CÁRDENAS SÁNCHEZ and others", ["Carlos Eduardo CÁRDENAS SÁNCHEZ"]),
        (
            "nei confronti di Marco PELLEGRINI e Stefan\nCATTANEO, nel",
            ["Marco PELLEGRINI", "Stefan CATTANEO"],
        ),
        ("Statement from Mr. John Smith about the payments", ["John Smith"]),
        ("La déclaration de Mme Awa DIOP est requise", ["Awa DIOP"]),
        ("Herr Klaus Becker hat", ["Klaus Becker"]),
        ("John Smith, born on 3 May 1970, lives", ["John Smith"]),
        ("в отношении лиц: АБЕНОВА Малика Рахимовна и", ["АБЕНОВА Малика Рахимовна"]),
        ("Banque Internationale du Kirchberg SA, Luxembourg", []),
        ("SUMMARY OF FACTS\nThe Ministry of Health", []),
        ("transferred USD 1,000 to Kingfisher Asset Holdings S.à r.l.", []),
    ],
)
def test_names_from_cues_and_upper_case_surnames(rules: PersonRules, text: str, expected: list[str]) -> None:
    assert _names(text, rules) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for your cooperation.\nMusa OCHIENG\nDirector, Special Investigations",
        "Contact: María José RAMÍREZ PAREDES, tel. +1 809 44 310 7015",
        "Ansprechpartner(in): Tobias VOGEL, Tel. +423 26 444 0739",
        "جهة الاتصال: السيد خالد العلي، هاتف",
    ],
)
def test_signature_and_contact_officials_are_left_out(rules: PersonRules, text: str) -> None:
    assert _names(text, rules) == []


def test_mentions_take_the_fullest_form_of_the_role_mention(rules: PersonRules) -> None:
    text = "1. Locate Ibrahim ABUBAKAR in Eastbridge.\nIbrahim ABUBAKAR (suspect)\nIbrahim ABUBAKAR left."
    entities = resolve_persons(find_person_mentions(text, page=1, rules=rules))
    assert [entity.value for entity in entities] == ["Ibrahim ABUBAKAR"] * 3
    assert [entity.method for entity in entities] == ["rule:caps", "rule:role", "rule:caps"]
    assert entities[1].attributes == {"role": "suspect"}


def test_transliteration_for_cyrillic(rules: PersonRules) -> None:
    (entity,) = resolve_persons(
        find_person_mentions("АБЕНОВА Малика Рахимовна (свидетель)", page=1, rules=rules)
    )
    assert entity.attributes == {"latin": "ABENOVA Malika Rakhimovna", "role": "свидетель"}


def test_model_only_names_need_two_mentions() -> None:
    once = [Mention(1, 0, 10, "Jane Roe X", "model")]
    twice = [*once, Mention(2, 5, 15, "Jane Roe X", "model")]
    assert resolve_persons(once) == []
    assert [entity.span.page for entity in resolve_persons(twice)] == [1, 2]


# --- issue 15, public dev splits: what the merge dropped -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'enquête est conduite contre M. Gauvin, qui est en fuite.", ["Gauvin"]),
        ("Herr Weber sagte, das Geld sei überwiesen worden.", ["Weber"]),
        ("The costs will be borne by Sri Lanka.", []),
        ("Nome: Mr Name:", []),
    ],
)
def test_one_surname_after_an_honorific_in_prose(rules: PersonRules, text: str, expected: list[str]) -> None:
    assert _names(text, rules) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym used before a number elsewhere is no UPPER-CASE surname
        ("Supremo Tribunal Federal ACO 2821 A GR / MT. Na ACO 702/CE, nos termos.", []),
        ("Recursos DAIR, relativos ao exercício (DAIR).", []),
        # a real one stays
        (
            "O investigado Carlos Eduardo CÁRDENAS SÁNCHEZ abriu a conta 2821.",
            ["Carlos Eduardo CÁRDENAS SÁNCHEZ"],
        ),
    ],
)
def test_an_acronym_is_no_upper_case_surname(rules: PersonRules, text: str, expected: list[str]) -> None:
    assert _names(text, rules) == expected
