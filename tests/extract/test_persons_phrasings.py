"""Persons in other phrasings than "Name SURNAME (role)": prose, cues, RTL brackets; and negatives."""

from __future__ import annotations

import pytest

from extract.persons import PersonRules, find_person_mentions, load_person_rules, resolve_persons


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
        ("The accused, Mr John Albert SMITH, born on 3 May 1970 in Leeds, opened it.", ["John Albert SMITH"]),
        ("Funds went from Mr. Peter Okafor to Ms. Grace Wanjiru in 2019.", ["Grace Wanjiru", "Peter Okafor"]),
        ("Le prévenu, M. Jean-Luc MARCHAND, né le 4 avril 1971 à Lyon.", ["Jean-Luc MARCHAND"]),
        ("Mme Sophie Durand, née le 2 mars 1980, est entendue.", ["Sophie Durand"]),
        (
            "El investigado Sr. Juan Carlos Pérez González, nacido el 5 de mayo.",
            ["Juan Carlos Pérez González"],
        ),
        ("La Sra. María Fernanda López de la Cruz es titular.", ["María Fernanda López de la Cruz"]),
        ("O arguido Sr. João Carlos Pereira da Silva, nascido em 1969.", ["João Carlos Pereira da Silva"]),
        ("Подозреваемый г-н Иванов Сергей Петрович, родился 12 марта.", ["Иванов Сергей Петрович"]),
        ("Свидетель Петрова Анна Викторовна дала показания.", ["Петрова Анна Викторовна"]),
        ("Der Beschuldigte Herr Klaus Dieter Müller, geboren am 3. Mai 1968.", ["Klaus Dieter Müller"]),
        ("L'indagato Sig. Marco Rossi, nato il 4 luglio 1972 a Milano.", ["Marco Rossi"]),
        ("المتهم السيد عبد الله بن محمد آل سعود، المولود في 3 مايو 1970.", ["عبد الله بن محمد آل سعود"]),
        # Arabic brackets in visual order, list numbers as a right-to-left line prints them
        ("سامي عبد الرحمن الدوري )مشتبه به(\nتاريخ الميلاد: 5 أيار 1963", ["سامي عبد الرحمن الدوري"]),
        (".2 هدى ناصر الزعبي )شاهد(\nتاريخ الميلاد: 1 أيار 1990", ["هدى ناصر الزعبي"]),
    ],
)
def test_names_in_other_phrasings(rules: PersonRules, text: str, expected: list[str]) -> None:
    assert _names(text, rules) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Deutsche Bank AG, Frankfurt am Main, and Banco Santander S.A.",
        "The High Court of Justice in London and the Republic of Kenya.",
        "Tribunal de Grande Instance de Paris",
        "MINISTRY OF JUSTICE\nRepublic of Uganda",
        # a role before a company is not a person
        "account holder: Halcyon Asset Management Ltd, Valletta",
        # a role phrase before a birth-date label is not a name
        "محمد الشريف (مدعى عليه)\nتاريخ الميلاد: 13 فبراير 1966"[len("محمد الشريف ") :],
        # OCR noise next to a capitalised word: no vowel, or two letters
        "Curiti SQS and Baraka WE",
        # an upper-case heading after a capitalised word
        "Referencia SOLICITUD DE ASISTENCIA JUDICIAL",
        # surname-first with two given names is a Russian order, not a Latin heading
        "OFFENCES Sage These",
        # mixed scripts (an OCR misreading of a Cyrillic surname)
        "HYPHEUCOB Нурлан Серикович",
    ],
)
def test_not_persons(rules: PersonRules, text: str) -> None:
    assert _names(text, rules) == []


def test_arabic_and_cyrillic_names_carry_a_latin_form(rules: PersonRules) -> None:
    mentions = find_person_mentions("Свидетель Петрова Анна Викторовна дала показания.", page=1, rules=rules)
    (person,) = resolve_persons(mentions)
    assert person.attributes["latin"] == "Petrova Anna Viktorovna"
