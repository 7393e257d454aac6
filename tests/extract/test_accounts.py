"""IBANs (validated), other account numbers next to account words, banks and BIC codes."""

from __future__ import annotations

import pytest

from extract.accounts import AccountRules, bank_name, find_accounts, load_account_rules
from rogatory.records import EntityKind


@pytest.fixture(scope="module")
def rules() -> AccountRules:
    return load_account_rules()


def _accounts(text: str, rules: AccountRules) -> list[tuple[str, dict[str, str]]]:
    return [
        (entity.value, entity.attributes)
        for entity in find_accounts(text, page=1, rules=rules)
        if entity.kind == EntityKind.ACCOUNT
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("to account DE89 3704 0044 0532 0130 00 in the name of X", [("DE89370400440532013000", "true")]),
        ("IBAN: DE89370400440532013000.", [("DE89370400440532013000", "true")]),
        ("compte GB82 WEST 1234 5698 7654 32 MAD", [("GB82WEST12345698765432", "true")]),
        ("account GB00 WEST 1234 5698 7654 32, X", [("GB00WEST12345698765432", "false")]),
        ("account GB00 WEST 1234 5698 7654 32 EUR 100", [("GB00WEST12345698765432", "false")]),
        ("Case No.: RC.80/2024 and ref DE12", []),
    ],
)
def test_ibans(rules: AccountRules, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(value, attributes.get("valid")) for value, attributes in _accounts(text, rules)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("transferred from account 3073911124 of Acacia Ltd", ["3073911124"]),
        ("held in account No. 5268-5625-93 at", ["5268-5625-93"]),
        ("virée du compte n° 1423561257 de la société", ["1423561257"]),
        ("a la cuenta 9831-3960-08, cuyo titular es", ["9831-3960-08"]),
        ("da sua conta 6182313583 junto do Banco", ["6182313583"]),
        ("со счёта 40802810617234563527 (ООО «Альфа»)", ["40802810617234563527"]),
        ("auf das Konto 0642-7923-37 bei der Bank", ["0642-7923-37"]),
        ("sul conto 6610-4359-66 presso", ["6610-4359-66"]),
        ("من الحساب رقم 3623058436 العائد", ["3623058436"]),
        ("– 3073911124 – Coastal Savings Bank Ltd, Kampala – holder: X", ["3073911124"]),
        # digit groups joined by spaces, as banks print them (RIB, NIB, CLABE)
        ("du compte n° 30004 00001 12345678901 85, ouvert", ["30004000011234567890185"]),
        ("da conta n.º 0035 0123 00012345678 90 no Banco", ["003501230001234567890"]),
        ("desde la cuenta 675 888 14979992858 7 de Distribuidora", ["675888149799928587"]),
        # two spaced groups, or an amount with spaces, are not one account number
        ("Konto 1234567890 2020 eröffnet", ["1234567890"]),
        ("account 123 456 789,00 EUR", []),
        ("von diesem Konto 1.584.000,00 USD auf", []),
        ("the account opened on 12/03/2019", []),
        ("Passport No.: 3073911124", []),
    ],
)
def test_other_account_numbers(rules: AccountRules, text: str, expected: list[str]) -> None:
    assert [value for value, _ in _accounts(text, rules)] == expected


@pytest.mark.parametrize(
    ("text", "bank"),
    [
        ("account 3073911124 of Acacia Ltd at Coastal Savings Bank Ltd, Kampala", "Coastal Savings Bank Ltd"),
        (
            "compte 1423561257 chez Banque de l'Habitat et du Commerce, Rabat",
            "Banque de l'Habitat et du Commerce",
        ),
        ("cuenta 9831-3960-08 en Banco de Crédito Cordillera S.A., Lima", "Banco de Crédito Cordillera S.A."),
        ("account 3073911124. The Lindmark National Bank was", None),
    ],
)
def test_bank_named_after_the_account(rules: AccountRules, text: str, bank: str | None) -> None:
    ((_, attributes),) = _accounts(text, rules)
    assert attributes.get("bank") == bank


def test_bank_name_in_uncased_script() -> None:
    text = "لدى مصرف الشرق للتمويل (مدينة الكويت)"
    start = text.index("مصرف")
    assert bank_name(text, start, start + 4) == "مصرف الشرق للتمويل"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SWIFT: DEUTDEFF500 for the transfer", ["DEUTDEFF500"]),
        ("BIC BNPAFRPP, account", ["BNPAFRPP"]),
        ("INSPECTORATE OF GOVERNMENT", []),
    ],
)
def test_bic_codes(rules: AccountRules, text: str, expected: list[str]) -> None:
    found = [e.value for e in find_accounts(text, page=1, rules=rules) if e.kind == EntityKind.BIC]
    assert found == expected


def test_span_points_at_the_iban_as_written(rules: AccountRules) -> None:
    text = "vers le compte\nCY44 0928 7205 881G 10K8 JB9E AZ0S ouvert"
    (entity,) = find_accounts(text, page=2, rules=rules)
    assert (entity.span.page, text[entity.span.start : entity.span.end]) == (
        2,
        "CY44 0928 7205 881G 10K8 JB9E AZ0S",
    )
