"""National account numbers in form fields and table rows; check digits confirming OCR repairs."""

from __future__ import annotations

import pytest

from extract.accounts import AccountRules, find_accounts, load_account_rules
from extract.national_accounts import check_national, rib_valid, ru_key_valid
from rogatory.records import Entity, EntityKind

#: A BIK with which the account below holds its key (last three digits 004).
BIK = "044525004"
RU_ACCOUNT = "40802810408927963281"


@pytest.fixture(scope="module")
def rules() -> AccountRules:
    return load_account_rules()


def _accounts(text: str, rules: AccountRules, *, ocr: bool = False) -> list[Entity]:
    return [e for e in find_accounts(text, page=1, rules=rules, ocr=ocr) if e.kind == EntityKind.ACCOUNT]


def test_check_digit_schemes() -> None:
    assert ru_key_valid(RU_ACCOUNT, BIK)
    assert not ru_key_valid(RU_ACCOUNT, "044525225")
    assert rib_valid("30004000011234567890173")
    assert not rib_valid("30004000011234567890185")


def test_account_in_a_table_row_with_the_bank_of_its_row(rules: AccountRules) -> None:
    text = (
        "7. Bank accounts\n"
        "Account number Bank Holder\n"
        "7403-5595-81 Eastbridge Savings Bank Declan HARGREAVES\n"
        "5512-0044-17 Reference Commercial Bank Acacia Ltd\n"
    )
    found = [(e.value, e.attributes.get("bank")) for e in _accounts(text, rules)]
    assert found == [
        ("7403-5595-81", "Eastbridge Savings Bank"),
        ("5512-0044-17", "Reference Commercial Bank"),
    ]


def test_account_in_a_list_under_a_plural_account_word(rules: AccountRules) -> None:
    text = (
        "I conti interessati sono:\n3617-8728-69 – Eastbridge Savings Bank – Intestatario: Edilnord S.p.A.\n"
    )
    assert [e.value for e in _accounts(text, rules)] == ["3617-8728-69"]


def test_a_number_heading_a_line_with_no_account_word_above_is_not_an_account(rules: AccountRules) -> None:
    assert _accounts("Tel.\n381953018 Eastbridge Savings Bank switchboard\n", rules) == []


def test_account_in_form_fields_with_the_bank_of_its_field(rules: AccountRules) -> None:
    text = f"Расчётный счёт: {RU_ACCOUNT}\nБанк: ПАО «Промбанк»\nБИК: {BIK}\n"
    (account,) = _accounts(text, rules)
    assert (account.value, account.attributes["bank"], account.attributes["check"]) == (
        RU_ACCOUNT,
        "ПАО «Промбанк»",
        "ru-key",
    )
    assert account.attributes["valid"] == "true"


def test_russian_account_misread_by_ocr_is_corrected_where_the_key_confirms(rules: AccountRules) -> None:
    # balance prefix and currency misread (498.., 819): read back, then the key with the BIK confirms
    text = f"Счёт: 49802819408927963281\nБИК: {BIK}\n"
    (account,) = _accounts(text, rules, ocr=True)
    assert (account.value, account.attributes.get("repaired"), account.attributes["valid"]) == (
        RU_ACCOUNT,
        "true",
        "true",
    )


def test_russian_account_no_check_confirms_is_left_as_read_and_flagged(rules: AccountRules) -> None:
    # the last digit misread as well: several readings pass the key, none is chosen
    text = f"Счёт: 49802819408927963283\nБИК: {BIK}\n"
    (account,) = _accounts(text, rules, ocr=True)
    assert account.value == "49802819408927963283"
    assert (account.attributes["valid"], "repaired" in account.attributes) == ("false", False)


def test_russian_account_without_a_bik_is_not_checked(rules: AccountRules) -> None:
    (account,) = _accounts(f"со счёта {RU_ACCOUNT} (ООО «Альфа»)", rules, ocr=True)
    assert (account.value, account.attributes["check"], "valid" in account.attributes) == (
        RU_ACCOUNT,
        "none",
        False,
    )


def test_french_rib_misread_by_ocr_is_corrected_by_its_key(rules: AccountRules) -> None:
    (account,) = _accounts("du compte n° 30004 00001 12345628901 73 ouvert", rules, ocr=True)
    assert (account.value, account.attributes["check"], account.attributes.get("repaired")) == (
        "30004000011234567890173",
        "fr-rib",
        "true",
    )


def test_french_rib_on_a_text_layer_is_checked_not_repaired(rules: AccountRules) -> None:
    (account,) = _accounts("du compte n° 30004 00001 12345628901 73 ouvert", rules)
    assert (account.value, account.attributes["valid"]) == ("30004000011234562890173", "false")


def test_spanish_ccc_checked_and_a_damaged_one_flagged(rules: AccountRules) -> None:
    good = check_national("2100 0418 45 0200051332", "", 0, ocr=True)
    # a mod 11 key never singles out one of the digits OCR confuses: flagged, not guessed
    damaged = check_national("2100 0418 45 0200051382", "", 0, ocr=True)
    assert good is not None
    assert (good.scheme, good.valid) == ("es-ccc", True)
    assert damaged is not None
    assert (damaged.value, damaged.valid, damaged.repaired) == (
        "21000418450200051382",
        False,
        False,
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an IBAN whose length is not the registry's, held by its mod 97 check
        ("sul conto MU34 BVOS 1052 3751 2228 8020 0536 WKD presso", "MU34BVOS10523751222880200536WKD"),
        # a country outside the ISO 13616 registry
        ("sur le compte SN11 P314 4149 9066 3399 0712 5430 0 ouvert", "SN11P314414990663399071254300"),
        # a Spanish IBAN whose CCC key fails but whose mod 97 holds
        ("a la cuenta ES9583485050879594445639 de", "ES9583485050879594445639"),
        # wrapped by the PDF's line breaks
        ("auf das Konto DE37 6452\n6906 3109 1764 92 bei der", "DE37645269063109176492"),
    ],
)
def test_iban_as_written_held_by_mod_97(rules: AccountRules, text: str, value: str) -> None:
    (account,) = _accounts(text, rules)
    assert (account.value, account.attributes["valid"]) == (value, "true")


def test_iban_misread_by_ocr_is_corrected_by_its_check_digits(rules: AccountRules) -> None:
    (account,) = _accounts("to account DE89 37O4 OO44 O532 O13O OO in the name of", rules, ocr=True)
    assert (account.value, account.attributes.get("repaired")) == ("DE89370400440532013000", "true")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Acc. No. 0123456789 held at Northern Bank", "0123456789"),
        ("Numéro de compte bancaire : 00012345678", "00012345678"),
        ("Cuenta: 2100 0418 45 0200051332", "21000418450200051332"),
        ("cuenta corriente núm. 2100-0418-45-0200051332", "2100-0418-45-0200051332"),
        ("NIB: 0002 0123 1234 5678 9015 4", "000201231234567890154"),
        ("conta à ordem n.º 123456789", "123456789"),
        ("Р/с № 40702810400000012345", "40702810400000012345"),
        ("حساب بنكي رقم: 0123456789", "0123456789"),
    ],
)
def test_national_account_after_each_phrasing(rules: AccountRules, text: str, value: str) -> None:
    assert [e.value for e in _accounts(text, rules)] == [value]


def test_portuguese_nib_checked_and_repaired_by_its_key(rules: AccountRules) -> None:
    (good,) = _accounts("NIB 0002 0123 12345678901 54", rules)
    # an 8 read for the 0 of the branch: the mod 97 key confirms the one reading back
    (repaired,) = _accounts("NIB 0002 8123 12345678901 54", rules, ocr=True)
    (flagged,) = _accounts("NIB 0002 8123 12345678901 54", rules)
    assert (good.attributes["check"], good.attributes["valid"]) == ("pt-nib", "true")
    assert (repaired.value, repaired.attributes.get("repaired")) == ("000201231234567890154", "true")
    assert (flagged.value, flagged.attributes["valid"]) == ("000281231234567890154", "false")


def test_italian_cin_checked_never_repaired(rules: AccountRules) -> None:
    (good,) = _accounts("sul conto corrente n. X 05428 11101 000000123456 presso Banca Alfa", rules)
    # one letter of 26 would confirm some reading by chance: a wrong CIN is flagged, as read
    (bad,) = _accounts("conto Y 05428 11101 000000123456", rules, ocr=True)
    assert (good.value, good.attributes["check"], good.attributes["valid"], good.attributes["bank"]) == (
        "X0542811101000000123456",
        "it-cin",
        "true",
        "Banca Alfa",
    )
    assert (bad.value, bad.attributes["valid"], "repaired" in bad.attributes) == (
        "Y0542811101000000123456",
        "false",
        False,
    )


def test_each_account_of_a_form_takes_the_bank_field_of_its_own_record(rules: AccountRules) -> None:
    # the bank field stands above its account: the next record's bank is not this account's
    text = (
        "Bank: Northern Bank plc\nAccount No.: 0123456789\nBank: Southern Bank plc\nAccount No.: 9876543210\n"
    )
    assert [(e.value, e.attributes.get("bank")) for e in _accounts(text, rules)] == [
        ("0123456789", "Northern Bank plc"),
        ("9876543210", "Southern Bank plc"),
    ]


def test_russian_accounts_in_fields_take_the_bank_of_their_record(rules: AccountRules) -> None:
    text = (
        f"Банк получателя: ПАО «Промбанк»\nСчёт № {RU_ACCOUNT}\nБИК {BIK}\n\n"
        "Банк: АО «Альфа-Банк»\nСчёт № 40702810400000012345\n"
    )
    assert [(e.value, e.attributes.get("bank")) for e in _accounts(text, rules)] == [
        (RU_ACCOUNT, "ПАО «Промбанк»"),
        ("40702810400000012345", "АО «Альфа-Банк»"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "| Banco | Titular | Cuenta |\n"
            "|---|---|---|\n"
            "| Banco Santander | Inversiones Costa Azul S.L. | 0049-1234-56-1234567890 |\n"
            "| Caixabank | Pedro RUIZ | 2100-0418-45-0200051332 |\n",
            [("0049-1234-56-1234567890", "Banco Santander"), ("2100-0418-45-0200051332", "Caixabank")],
        ),
        (
            "Banque        Titulaire         Numéro de compte\n"
            "Banque Alpha  Société Beta SA   00012345678\n"
            "Crédit Gamma  Jean DUPONT       00087654321\n",
            [("00012345678", "Banque Alpha"), ("00087654321", "Crédit Gamma")],
        ),
    ],
)
def test_account_in_a_table_column_with_the_bank_of_its_row(
    rules: AccountRules, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(e.value, e.attributes.get("bank")) for e in _accounts(text, rules)] == expected


def test_accounts_listed_in_one_sentence_each_with_its_bank(rules: AccountRules) -> None:
    text = (
        "Las cuentas afectadas son: 404-817486-26 – Valmont Private Bank – Titular: Andina S.A.; "
        "7432-5493-72 – Lindmark National Bank – Titular: Alejandro CASTRO.\nPor lo expuesto, 1234-5678"
    )
    assert [(e.value, e.attributes.get("bank")) for e in _accounts(text, rules)] == [
        ("404-817486-26", "Valmont Private Bank"),
        ("7432-5493-72", "Lindmark National Bank"),
    ]


def test_a_bank_named_by_a_compound_or_a_quoted_name(rules: AccountRules) -> None:
    text = (
        f"перечислены на счёт № {RU_ACCOUNT} в ПАО «Промбанк», а затем на счёт № 40702810400000012345 "
        "в АО «Альфа-Банк»; auf das Konto 1234567890 bei der Commerzbank in Köln"
    )
    assert [(e.value, e.attributes.get("bank")) for e in _accounts(text, rules)] == [
        (RU_ACCOUNT, "ПАО «Промбанк»"),
        ("40702810400000012345", "АО «Альфа-Банк»"),
        ("1234567890", "Commerzbank"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (f"Account No.: 408028104 08927963281\nBIK: {BIK}\n", RU_ACCOUNT),  # split by OCR, the key holds
        ("N° de compte : 3000400001 1234567890173\n", "30004000011234567890173"),
        ("Número de cuenta: 2100041845 0200051332\n", "21000418450200051332"),
    ],
)
def test_a_number_split_in_two_is_read_whole(rules: AccountRules, text: str, value: str) -> None:
    (account,) = _accounts(text, rules, ocr=True)
    assert (account.value, account.attributes.get("valid")) == (value, "true")


def test_a_number_followed_by_a_year_is_not_joined_to_it(rules: AccountRules) -> None:
    (account,) = _accounts(f"Счёт № {RU_ACCOUNT} 2026 г.", rules)
    assert account.value == RU_ACCOUNT


@pytest.mark.parametrize(
    ("text", "banks"),
    [
        (
            "Bank Account number Holder\n"
            "Lindmark National Bank 40817810123456789012 Ivan PETROV\n"
            "Eastbridge Savings Bank 1234-5678-90 Anna IVANOVA\n",
            {"40817810123456789012": "Lindmark National Bank", "1234-5678-90": "Eastbridge Savings Bank"},
        ),
        (
            "Банк Номер счета Владелец\n"
            "ПАО «Промбанк» 40817810123456789012 Петров И.И.\n"
            "АО «Альфа-Банк» 40817810123456789013 Иванова А.А.\n",
            {"40817810123456789012": "ПАО «Промбанк»", "40817810123456789013": "АО «Альфа-Банк»"},
        ),
    ],
)
def test_account_in_a_table_whose_cells_ocr_joined(
    rules: AccountRules, text: str, banks: dict[str, str]
) -> None:
    assert {a.value: a.attributes.get("bank") for a in _accounts(text, rules, ocr=True)} == banks


def test_an_amount_under_a_table_is_no_account(rules: AccountRules) -> None:
    text = (
        "Bank Account number Holder\nLindmark National Bank 1234-5678-90 Anna IVANOVA\n\n"
        "EUR 12500000 to Lindmark Bank."
    )
    assert [a.value for a in _accounts(text, rules, ocr=True)] == ["1234-5678-90"]


@pytest.mark.parametrize(
    ("text", "bank"),
    [
        (f"В ПАО «Промбанк» открыт счёт № {RU_ACCOUNT} на имя ООО «Вектор».", "ПАО «Промбанк»"),
        ("At Lindmark National Bank, account no. 12345678 is held by X.", "Lindmark National Bank"),
        ("Funds went from Lindmark Bank on 12 May 2024 to account 12345678901.", None),
        ("from account 3073911124 at Coastal Savings Bank Ltd\nto account 12345678901 held by X.", None),
    ],
)
def test_a_bank_named_before_its_account_in_prose(rules: AccountRules, text: str, bank: str | None) -> None:
    accounts = _accounts(text, rules)
    assert accounts[-1].attributes.get("bank") == bank


def test_a_number_continuing_an_iban_on_the_next_line_is_no_row(rules: AccountRules) -> None:
    text = "a la cuenta. 1U19 6770 U9X6\n394111 NIYS: de Fastbridge Savings Bank, cuyo titular"
    assert _accounts(text, rules, ocr=True) == []


def test_a_list_row_after_specks_of_a_scan(rules: AccountRules) -> None:
    text = (
        "Волков Азамат (владелец счета)\nАдрес: Минск\n_ ° _` 3939-0405-05 - Valmont Private Bank - Владелец"
    )
    (account,) = _accounts(text, rules, ocr=True)
    assert (account.value, account.attributes["bank"]) == ("3939-0405-05", "Valmont Private Bank")
