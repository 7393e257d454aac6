"""Persons in other phrasings than "Name SURNAME (role)": prose, cues, RTL, OCR misreadings; negatives."""

from __future__ import annotations

import pytest

from extract.misreadings import is_misreading
from extract.person_resolution import resolve_persons
from extract.persons import PersonRules, find_person_mentions, load_person_rules


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
        # a numbered Arabic item as a text layer gives it in visual order
        (
            "خامساً: أشخاص آخرون\n(1 نبيل عبد الكريم سامي الشمري (مشتبه به.\nتاريخ الميلاد",
            ["نبيل عبد الكريم سامي الشمري"],
        ),
        ("(2 هدى ناصر الزعبي (صاحب الحساب.\n", ["هدى ناصر الزعبي"]),
        # two roles joined by a slash, or by the "l" OCR prints for it
        ("3. Tobias Schäfer (Zeuge/Zeugin)\nGeburtsdatum", ["Tobias Schäfer"]),
        ("3. Tobias Schäfer (ZeugelZeugin)\nGeburtsdatum", ["Tobias Schäfer"]),
        ("2. John Smith (suspect / accused)", ["John Smith"]),
        # a capitalised word inside a name is kept ("McGregor")
        ("1. Ewan McGregor (witness)", ["Ewan McGregor"]),
        # a role in prose after the name, in every language with letter case
        ("die Vernehmung von Tobias Schäfer als Zeuge per Videokonferenz", ["Tobias Schäfer"]),
        ("to hear Daniel Thornton as a witness by videoconference", ["Daniel Thornton"]),
        ("entendre Jean-Pierre Obiang en qualité de témoin", ["Jean-Pierre Obiang"]),
        (
            "recibir declaración a Rosa Elena Flores Torres en calidad de testigo",
            ["Rosa Elena Flores Torres"],
        ),
        ("ouvir Fernando Teixeira Mendes na qualidade de testemunha", ["Fernando Teixeira Mendes"]),
        ("sentire Giulia Mancini in qualità di testimone", ["Giulia Mancini"]),
        ("допросить Зайцева Сергея Викторовича в качестве свидетеля", ["Зайцева Сергея Викторовича"]),
        # a word that introduces the persons concerned
        ("against Juma Kamau and Otieno Njoroge, who are suspected", ["Juma Kamau"]),
        ("à l'encontre de Hichem Hamdi et Didier Dubois des chefs de", ["Hichem Hamdi"]),
        ("contra Fernando Teixeira Mendes e Manuel Oliveira Nascimento", ["Fernando Teixeira Mendes"]),
        ("Gegen Jürgen Schäfer ist unter dem Aktenzeichen", ["Jürgen Schäfer"]),
        ("в отношении лиц: Ерлан Кайратович Токтогулов и", ["Ерлан Кайратович Токтогулов"]),
        ("REQUEST FOR THE EXTRADITION OF Nirmal Agarwal\nThe Bureau", ["Nirmal Agarwal"]),
        # a name alone on its line before a birth cue is no signature
        ("Address: 135 Samora Avenue, Arusha.\nJuma Mutua\nDate of birth: 6 October 1989", ["Juma Mutua"]),
        # inflected honorifics
        ("Vernehmung von Herrn Tobias Schäfer", ["Tobias Schäfer"]),
        ("допросить гражданина Петрова Ивана Сергеевича", ["Петрова Ивана Сергеевича"]),
        # a country's name written in title case is a name word ("Jordan")
        ("1. Michael Jordan (witness)", ["Michael Jordan"]),
        # Malay and Hassaniya name particles
        ("Siti Nurhaliza binti Ahmad (suspect)", ["Siti Nurhaliza binti Ahmad"]),
        ("Mohamed Lemine ould Ahmed (accused)", ["Mohamed Lemine ould Ahmed"]),
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
        # Cyrillic OCR'd as Latin look-alikes: a run of capitals inside a word
        "4aCTHOCTH, CTaTba 46).\nMpHCBoeHHe WIM pacrpaTa BBepeHHOro",
        # bracketed words split at a slash that are not roles
        "Acacia Telecom Solutions (Uganda/Kenya) Ltd",
        "1. Meridian Trust (Ltd/Inc)",
        # an Arabic item in visual order whose brackets hold no role
        "(1 شركة الأفق للمقاولات العامة (لبنان.\n",
        # a company or an authority before a role in prose
        "to hear the director of Acacia Telecom as a witness",
        "The Central Authority of Kenya as a witness",
        "Ministerio de Hacienda en calidad de testigo",
        # a cue inside a title, or before a company or an upper-case heading
        "the United Nations Convention against Transnational Organized Crime",
        "proceedings against Acacia Telecom Solutions Ltd",
        "ЛИЦА, В ОТНОШЕНИИ КОТОРЫХ НАПРАВЛЕН ЗАПРОС",
        "la Convention des Nations Unies contre L'ENRICHISSEMENT ILLICITE",
        # a signature stays left out
        "Musa Ochieng\nDirector, Special Investigations",
        # a city and its country in capitals, and company words of trade
        "Funds were sent to Nairobi KENYA and then to Limassol CYPRUS.",
        "Greyfriars Overseas (account holder)",
        "Crestline Medical Supplies (account holder)",
        # banks and companies named as account holders, in every language
        "Zürcher Kantonalbank (Kontoinhaberin)",
        "Raiffeisen Landesbank Tirol (Kontoinhaber)",
        "Cassa di Risparmio di Firenze (intestatario del conto)",
        "Caja Rural del Sur (titular de la cuenta)",
        "Crédit Agricole Alpes (titulaire du compte)",
        "Caixa Geral de Depósitos (titular da conta)",
        "Halcyon Asset Management (account holder)",
        "Nordic Fishing Partners (account holder)",
        "Emirates NBD (صاحب الحساب)",
        "Sberbank Rossii (владелец счета)",
    ],
)
def test_not_persons(rules: PersonRules, text: str) -> None:
    assert _names(text, rules) == []


def test_arabic_and_cyrillic_names_carry_a_latin_form(rules: PersonRules) -> None:
    mentions = find_person_mentions("Свидетель Петрова Анна Викторовна дала показания.", page=1, rules=rules)
    (person,) = resolve_persons(mentions)
    assert person.attributes["latin"] == "Petrova Anna Viktorovna"


def test_a_misread_mention_is_the_better_attested_person(rules: PersonRules) -> None:
    text = (
        "Marie-Christine VASSEUR a exercé les fonctions de commissaire. "
        "Marie-Chrisüne VASSEUR a signé. Marie-Christine VASSEUR a reçu les fonds."
    )
    entities = resolve_persons(find_person_mentions(text, page=1, rules=rules))
    assert [entity.value for entity in entities] == ["Marie-Christine VASSEUR"] * 3
    assert entities[1].span.text == "Marie-Chrisüne VASSEUR"


def test_relatives_named_with_roles_stay_two_persons(rules: PersonRules) -> None:
    text = "1. Daniel FENWICK (suspect)\n2. Daniela FENWICK (witness)\nDaniela FENWICK said."
    assert _names(text, rules) == ["Daniel FENWICK", "Daniela FENWICK"]


def test_two_persons_seen_equally_often_are_not_folded(rules: PersonRules) -> None:
    text = "Giulia MARINO ha firmato. Giulia MANCINI ha pagato."
    assert _names(text, rules) == ["Giulia MANCINI", "Giulia MARINO"]


@pytest.mark.parametrize(
    ("variant", "name", "expected"),
    [
        ("Marie-Chrisüne VASSEUR", "Marie-Christine VASSEUR", True),
        ("Achieng MWAKYUSΑ", "Achieng MWAKYUSA", True),  # a Greek Alpha: one edit
        ("Otieno NJOROGE", "Otieno NJOROGE", False),  # the same name is no misreading
        ("Omondi WEKESA", "Omondi MWAKYUSA", False),  # another surname
        ("Ivana PETROVA", "Ivan PETROV", False),  # no word in common
        ("Iva PETROV", "Ivan PETROV", False),  # short given names differ by design
        ("Juma Kamau", "Juma Kamau Otieno", False),  # another number of words
    ],
)
def test_is_misreading(variant: str, name: str, expected: bool) -> None:
    assert is_misreading(variant, name) is expected


def test_the_accented_spelling_is_the_value(rules: PersonRules) -> None:
    """OCR drops accents: of two spellings written as often, the accented one is the name."""
    text = "contra Paola Andrea JIMENEZ VILLALOBOS por los delitos. Paola Andrea JIMÉNEZ VILLALOBOS firmó."
    entities = resolve_persons(find_person_mentions(text, page=1, rules=rules))
    assert [entity.value for entity in entities] == ["Paola Andrea JIMÉNEZ VILLALOBOS"] * 2


def test_one_accented_spelling_outweighs_unaccented_repeats(rules: PersonRules) -> None:
    text = "Álvaro FLORES PÉREZ firmó. Alvaro FLORES PEREZ pagó. Alvaro FLORES PEREZ recibió."
    entities = resolve_persons(find_person_mentions(text, page=1, rules=rules))
    assert {entity.value for entity in entities} == {"Álvaro FLORES PÉREZ"}
