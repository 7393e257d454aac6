"""The requesting authority and its officer, from the signature block, in several languages."""

from __future__ import annotations

import pytest

from extract.authorities import AuthorityRules, find_authority, load_authority_rules
from extract.persons import PersonRules, load_person_rules
from rogatory.records import DocumentText, PageText, TextSource


@pytest.fixture(scope="module")
def rules() -> tuple[AuthorityRules, PersonRules]:
    return load_authority_rules(), load_person_rules()


def _document(*pages: str) -> DocumentText:
    return DocumentText(
        pages=tuple(
            PageText(number=n, text=text, source=TextSource.TEXT_LAYER, confidence=1.0)
            for n, text in enumerate(pages, start=1)
        )
    )


def _authority(rules: tuple[AuthorityRules, PersonRules], *pages: str) -> list[tuple[str, str, str, int]]:
    found = find_authority(_document(*pages), rules=rules[0], persons=rules[1])
    return [(e.value, e.attributes["officer"], e.attributes["title"], e.span.page) for e in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "With my highest consideration.\nGrace Njeri Kamau\nSenior State Counsel\n"
            "Office of the Director of Public Prosecutions\nPage 4 of 4",
            ("Office of the Director of Public Prosecutions", "Grace Njeri Kamau", "Senior State Counsel"),
        ),
        (
            "Veuillez agréer l'expression de ma considération.\nPaul Mbarga\nProcureur de la République\n"
            "Parquet National Financier",
            ("Parquet National Financier", "Paul Mbarga", "Procureur de la République"),
        ),
        (
            "Atentamente,\nLucía Fernández Ortega\nFiscal Provincial\nDespacho 3\n"
            "Fiscalía Especializada contra la Criminalidad Organizada\n- 2 -",
            (
                "Fiscalía Especializada contra la Criminalidad Organizada",
                "Lucía Fernández Ortega",
                "Fiscal Provincial Despacho 3",
            ),
        ),
        (
            "С уважением,\nСидоров Олег Иванович\nстарший прокурор\nГенеральная прокуратура Республики",
            ("Генеральная прокуратура Республики", "Сидоров Олег Иванович", "старший прокурор"),
        ),
        (
            "وتفضلوا بقبول فائق الاحترام.\nعلي حسن الكعبي\nرئيس النيابة\nالنيابة العامة الاتحادية",
            ("النيابة العامة الاتحادية", "علي حسن الكعبي", "رئيس النيابة"),
        ),
    ],
)
def test_signature_block(
    rules: tuple[AuthorityRules, PersonRules], text: str, expected: tuple[str, ...]
) -> None:
    assert [found[:3] for found in _authority(rules, text)] == [expected]


def test_block_over_a_page_break(rules: tuple[AuthorityRules, PersonRules]) -> None:
    pages = (
        "Mit freundlichen Grüßen\nJonas Keller\nOberstaatsanwalt\n- 1 -",
        "Staatsanwaltschaft Zürich\n- 2 -",
    )
    assert _authority(rules, *pages) == [("Staatsanwaltschaft Zürich", "Jonas Keller", "Oberstaatsanwalt", 2)]


@pytest.mark.parametrize(
    "text",
    [
        # a signature without an office line
        "Distinti saluti.\nMarco Ferri\nPagina 1 di 1",
        # a person list: the line under the name is not an office
        "Anna Lima (witness)\nBorn on 1 May 1980\nAddress: 3 High Street",
        # a bank under an account holder is not an authority
        "Holder:\nJohn Stone\nAccount 12345678\nMeridian Trust Bank Ltd",
    ],
)
def test_no_authority(rules: tuple[AuthorityRules, PersonRules], text: str) -> None:
    assert _authority(rules, text) == []
