"""IBANs read through OCR's confusions, only on OCR'd pages, and only when one reading holds."""

from __future__ import annotations

import pytest

from extract.accounts import AccountRules, find_accounts, load_account_rules, settle_repairs
from extract.ibans import read_iban
from rogatory.records import EntityKind


@pytest.fixture(scope="module")
def rules() -> AccountRules:
    return load_account_rules()


def _ibans(text: str, rules: AccountRules, *, ocr: bool) -> list[tuple[str, str, str]]:
    return [
        (entity.value, entity.attributes["valid"], entity.span.text)
        for entity in find_accounts(text, page=1, rules=rules, ocr=ocr)
        if entity.kind == EntityKind.ACCOUNT and entity.method.startswith("rule:iban")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # l for 1 where the BBAN has digits (forced), O for 0 where it allows both (one guess)
        ("au compte KZ86 l25K ZT50 O410 0100 de", [("KZ86125KZT5004100100", "true")]),
        # a Cyrillic М in the currency letters of a Mauritian IBAN
        (
            "на счёт MU17 BOMM 0101 1010 3030 0200 000М UR, открытый",
            [("MU17BOMM0101101030300200000MUR", "true")],
        ),
        # one line break inside the IBAN
        ("al conto KZ86 125K ZT50\n0410 0100 presso", [("KZ86125KZT5004100100", "true")]),
        # a stray bracket printed before a letter
        ("Konto KZ86 125K] ZT50 0410 0100 bei", [("KZ86125KZT5004100100", "true")]),
        # a wrong digit that OCR does not confuse: reported, invalid, not "corrected"
        ("cuenta CY17 0020 0128 0000 0012 0052 7601 en", [("CY17002001280000001200527601", "false")]),
    ],
)
def test_ocr_readings(rules: AccountRules, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(value, valid) for value, valid, _ in _ibans(text, rules, ocr=True)] == expected


def test_repaired_iban_keeps_the_text_as_written(rules: AccountRules) -> None:
    (entity,) = find_accounts("IBAN KZ86 l25K ZT50 O410 0100.", page=1, rules=rules, ocr=True)
    assert entity.span.text == "KZ86 l25K ZT50 O410 0100"
    assert entity.attributes == {"valid": "true", "repaired": "true"}
    assert entity.method == "rule:iban-ocr"


def test_text_layer_is_read_as_written(rules: AccountRules) -> None:
    """A born-digital page is not OCR: an O where a 0 belongs is the request's own error."""
    assert [(v, ok) for v, ok, _ in _ibans("IBAN KZ86 125K ZT50 O410 0100.", rules, ocr=False)] == [
        ("KZ86125KZT50O4100100", "false")
    ]


def test_glued_currency_and_glued_ibans_on_a_text_layer(rules: AccountRules) -> None:
    text = (
        "1 CY17 0020 0128 0000 0012 0052 7600KZ86 125K ZT50 0410 0100 12/03/2021\n"
        "2 CY17 0020 0128 0000 0012 0052 7600USD 1,000.00"
    )
    assert [(v, ok) for v, ok, _ in _ibans(text, rules, ocr=False)] == [
        ("CY17002001280000001200527600", "true"),
        ("KZ86125KZT5004100100", "true"),
        ("CY17002001280000001200527600", "true"),
    ]


def test_a_word_that_merely_looks_like_a_country_code_is_no_iban(rules: AccountRules) -> None:
    assert _ibans("the request ABCD12 and XX12 3456 7890 1234 5678", rules, ocr=True) == []


def test_two_equally_good_readings_give_no_repair(rules: AccountRules) -> None:
    """Two readings with one guess each hold ("ISO1" as "ISOI", or "125Z" as "1252"): none is chosen."""
    reading = read_iban("KZ19 125ZK08ISO1ZT8ZI", 0, shapes=rules.bban_shapes, ocr=True)
    assert reading is not None
    assert (reading.value, reading.valid, reading.repaired) == ("KZ19125ZK08ISO1ZT8ZI", False, False)


def test_the_registry_gives_the_bban_shape(rules: AccountRules) -> None:
    assert rules.bban_shapes.get("KZ") == "nnn" + "c" * 13
    assert rules.bban_shapes.get("XX") is None


def test_conflicting_repairs_are_reported_invalid(rules: AccountRules) -> None:
    """One account read two ways: the repaired reading never written as such loses."""
    written = find_accounts("IBAN KZ86 125K ZT50 0410 0100.", page=1, rules=rules, ocr=True)
    repaired = find_accounts("IBAN KZ86 l25K ZT50 O410 0100.", page=2, rules=rules, ocr=True)
    other = [
        entity.model_copy(update={"value": "KZ86125KZT5004100999"})
        for entity in repaired  # a second, different repaired reading of the same account
    ]
    settled = settle_repairs(written + repaired + other)
    assert [(e.value, e.attributes["valid"]) for e in settled] == [
        ("KZ86125KZT5004100100", "true"),
        ("KZ86125KZT5004100100", "true"),
        ("KZ86125KZT5004100999", "false"),
    ]
    assert settled[2].attributes["conflict"] == "true"


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        # Cyrillic Р and Т for the Latin country code, on a Russian page
        (
            "на счёт РТ50 0002 0123 1234 5678 9015 4 в банке",
            "РТ50 0002 0123 1234 5678 9015 4",
            "PT50000201231234567890154",
        ),
        # "$" for S and a Cyrillic С
        (
            "на счёт $С18 SSCB 1101 0000 0000 0000 1497 USD,",
            "$С18 SSCB 1101 0000 0000 0000 1497 USD",
            "SC18SSCB11010000000000001497USD",
        ),
        # S for 5 in the check digits
        (
            "3. PTS0 0002 0123 1234 5678 9015 4 – Banco",
            "PTS0 0002 0123 1234 5678 9015 4",
            "PT50000201231234567890154",
        ),
        # "/" for a J where the BBAN allows letters
        (
            "la cuenta QA32 DOHB 0000 1234 567/ 90AB CDEF G, cuyo",
            "QA32 DOHB 0000 1234 567/ 90AB CDEF G",
            "QA32DOHB00001234567J90ABCDEFG",
        ),
    ],
)
def test_misprinted_heads_and_slashes_on_ocr_pages(
    rules: AccountRules, text: str, written: str, expected: str
) -> None:
    assert _ibans(text, rules, ocr=True) == [(expected, "true", written)]


def test_a_misprinted_head_counts_only_when_its_reading_is_valid(rules: AccountRules) -> None:
    """A misprinted head with a wrong check digit is dropped, not reported as an invalid IBAN."""
    assert _ibans("на счёт РТ51 0002 0123 1234 5678 9015 4 в банке", rules, ocr=True) == []
    assert _ibans("ROLL 1234 5678 9012", rules, ocr=True) == []


def test_a_text_layer_head_is_never_mapped(rules: AccountRules) -> None:
    """On a born-digital page a Cyrillic "РТ50" is what the request wrote, not an IBAN."""
    assert _ibans("на счёт РТ50 0002 0123 1234 5678 9015 4 в банке", rules, ocr=False) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("to account VG71 PKZI 5181-6779 2896 9902 at Lindmark", "VG71PKZI5181677928969902"),  # a hyphen
        ("account DE89. 3704 0044 0532 0130 00 held", "DE89370400440532013000"),  # a full stop
        (
            "account §C67ECDI4 7112195 774530491392XOR at Valmont",
            "SC67ECDI47112195774530491392XQR",
        ),  # § for S
    ],
)
def test_punctuation_ocr_puts_in_an_iban(rules: AccountRules, text: str, value: str) -> None:
    (account,) = [
        e for e in find_accounts(text, page=1, rules=rules, ocr=True) if e.kind == EntityKind.ACCOUNT
    ]
    assert (account.value, account.attributes["valid"]) == (value, "true")


def test_punctuation_in_an_iban_on_a_text_layer_ends_it(rules: AccountRules) -> None:
    accounts = find_accounts("to account VG71 PKZI 5181-6779 2896 9902 at X", page=1, rules=rules)
    assert all(e.value != "VG71PKZI5181677928969902" for e in accounts)


def test_a_hyphen_read_as_a_colon_in_a_national_number(rules: AccountRules) -> None:
    (account,) = find_accounts(
        "USD a la cuenta 1548-1837:97 de Valmont Private Bank", page=1, rules=rules, ocr=True
    )
    assert (account.value, account.attributes["bank"]) == ("1548-1837-97", "Valmont Private Bank")
    assert find_accounts("account no. 12:30:45 at Lindmark Bank", page=1, rules=rules, ocr=True) == []


def test_a_bar_read_for_a_j_is_repaired_by_the_check_digits(rules: AccountRules) -> None:
    (account,) = find_accounts("held in account CH52853175544A4SDQNE| and", page=1, rules=rules, ocr=True)
    assert (account.value, account.attributes["repaired"]) == ("CH52853175544A4SDQNEJ", "true")


def test_specks_glued_to_an_iban_on_a_scan(rules: AccountRules) -> None:
    text = "ooLI56 0868 2HV1 URF8 DQYX.Q - Eastbridge Savings Bank"
    assert [e.value for e in find_accounts(text, page=1, rules=rules, ocr=True)] == ["LI5608682HV1URF8DQYXQ"]
    assert find_accounts("xxDE89 3704 0044 0532 0130 01 here", page=1, rules=rules, ocr=True) == []  # invalid
    assert find_accounts(text, page=1, rules=rules) == []  # a text layer reads words as written


def test_a_surname_and_the_prose_after_it_are_no_iban(rules: AccountRules) -> None:
    # "ROSS" reads as RO55; the BBAN would run on over "(testimone)\nData di nascita"
    text = "Paola ROSSI (testimone)\nData di nascita: 11 novembre 1989"
    assert find_accounts(text, page=1, rules=rules, ocr=True) == []
    text = "to account $C76 LIjj 3155-2203 2661 4524 7343 NFC at Eastbridge"  # "jj": lowered by OCR
    assert [e.value for e in find_accounts(text, page=1, rules=rules, ocr=True)] == [
        "SC76LIJJ31552203266145247343NFC"
    ]
