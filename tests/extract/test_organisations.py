"""Organisation rules: a legal form ends the name, an account number before a bank is no part of it."""

from __future__ import annotations

import pytest

from extract.engines import load_entity_models
from extract.entities import find_entities
from extract.organisations import OrganisationRules, find_organisations, load_organisation_rules
from rogatory.records import DocumentText, EntityKind, PageText, TextSource


@pytest.fixture(scope="module")
def rules() -> OrganisationRules:
    return load_organisation_rules()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("a la cuenta 8634177048291879598969 de Eastbridge Savings Bank, cuyo", ["Eastbridge Savings Bank"]),
        ("il Consorzio Lombardo Appalti S.c.a.r.l. ha ricevuto", ["Consorzio Lombardo Appalti S.c.a.r.l."]),
        ("paid to Studio 54 Ltd in cash", ["Studio 54 Ltd"]),
    ],
)
def test_organisation_names(rules: OrganisationRules, text: str, names: list[str]) -> None:
    assert [entity.value for entity in find_organisations(text, page=1, rules=rules)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("1. Name of the company: Harbourview Holdings\nAddress: 3 Quay Street", ["Harbourview Holdings"]),
        ("Dénomination : Ivoire Négoce\nSiège : Abidjan", ["Ivoire Négoce"]),
        ("Наименование организации: СтройИнвест\nИНН: 7701234567", ["СтройИнвест"]),
        ("Razón social: Grupo Cóndor   NIF: B12345678", ["Grupo Cóndor"]),
        ("اسم الشركة: النخبة للمقاولات\nالعنوان: بغداد", ["النخبة للمقاولات"]),
        ("Firma: Nordstern Handels GmbH", ["Nordstern Handels GmbH"]),
        ("Bank: Commerzbank\nKontonummer: 1234567890", ["Commerzbank"]),
        ("Name of the company:\nKestrel Engineering\nAddress: 3 Quay Street", ["Kestrel Engineering"]),
    ],
)
def test_organisation_in_a_form_field(rules: OrganisationRules, text: str, names: list[str]) -> None:
    assert [entity.value for entity in find_organisations(text, page=1, rules=rules)] == names


@pytest.mark.parametrize(
    "text",
    [
        "Company: N/A\nName: John SMITH",
        "Company: not known to the requesting authority",
        "Organisation: 12/05/2024",
        "Name: Ivan PETROV\nAddress: Harbour Road",
        "Bank:\nAddress: 3 Quay Street",  # the next line is another field
    ],
)
def test_a_field_without_an_organisation_gives_none(rules: OrganisationRules, text: str) -> None:
    assert find_organisations(text, page=1, rules=rules) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "account 5268-5625-93 held by Baraka ONYANGO at Lindmark\n"
            "National Bank in Eastbridge, Reference State.",
            ["Lindmark National Bank"],
        ),
        ("SECTION B\nLindmark Bank Ltd", ["Lindmark Bank Ltd"]),  # a heading above is no part of it
        (
            "transferred from account 3073911124 and then\nCoastal Savings Bank Ltd",
            ["Coastal Savings Bank Ltd"],
        ),
    ],
)
def test_a_name_wrapped_onto_the_next_line(rules: OrganisationRules, text: str, names: list[str]) -> None:
    assert [entity.value for entity in find_organisations(text, page=1, rules=rules)] == names


def test_a_name_after_an_iban_in_a_table_row_starts_after_it() -> None:
    models = load_entity_models(use_ner_models=False)
    text = (
        "Account number Bank Holder\n"
        "MT84 MALT 0110 0001 2345 MTLC AST0 01S Lindmark National Bank Harbourview Holdings Ltd\n"
    )
    page = PageText(number=1, text=text, source=TextSource.TEXT_LAYER, confidence=1.0, language="en")
    entities = find_entities(DocumentText(pages=(page,), language="en"), models=models)
    names = [e.value for e in entities.of_kind(EntityKind.ORGANISATION)]
    assert names == ["Lindmark National Bank", "Harbourview Holdings Ltd"]
