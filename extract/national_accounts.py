"""National account numbers checked by their country's check digits, and repaired only where they confirm.

Used by :mod:`extract.accounts` for account numbers that are not IBANs. Three national
schemes carry check digits a request may be checked against:

- the Russian account (20 digits) with its bank's BIK (9 digits): the key, the account's
  9th digit, makes ``7 1 3 7 1 3 ...`` weighted over the BIK's last three digits and the
  account a multiple of 10 (Bank of Russia rules of 8 September 1997 No. 515), and its
  digits 1-3 and 6-8 are a balance account and a currency code; the BIK must be on the
  account's line or in the fields just below it;
- the Spanish CCC (20 digits: bank, branch, two check digits, account; python-stdnum);
- the French RIB (bank 5, branch 5, account 11, key 2: ``97 - (89 bank + 15 branch + 3
  account) mod 97``);
- the Portuguese NIB (21 digits, the whole 1 modulo 97) and the Italian CIN (a letter
  before ABI, CAB and a 12-character account). German and the other national numbers
  carry no check the bank publishes for all of them: those are kept as read.

A number whose check fails is read again through the digits OCR confuses
(``_CONFUSED``), at most ``MAX_CHANGES`` digits; the reading is corrected only when
exactly one reading with the fewest changes passes the check, else it is left as read
and reported failing. In a Russian account, the balance-account prefix and the currency
code (digits 1-3 and 6-8) may also be read back to a known prefix or code when exactly
one confusion gives one; the key must then still confirm the whole reading. Pure;
raises nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from stdnum.es import ccc as stdnum_ccc

#: Digits changed at most, outside the prefix and currency code of a Russian account.
MAX_CHANGES = 1
#: Lines below an account where its BIK may stand (the fields of one account).
BIK_LINES = 3

#: Digits OCR prints for one another, in both directions.
_PAIRS = ("06", "08", "09", "17", "14", "27", "38", "35", "49", "56", "68", "89")
_CONFUSED: dict[str, str] = {}
for _pair in _PAIRS:
    _CONFUSED[_pair[0]] = _CONFUSED.get(_pair[0], "") + _pair[1]
    _CONFUSED[_pair[1]] = _CONFUSED.get(_pair[1], "") + _pair[0]
#: First-order balance accounts of a Russian customer account (digits 1-3).
_RU_BALANCE = frozenset(
    {"301", "302", "303", "401", "402", "403", "404", "405", "406", "407", "408", "409", "410", "411"}
    | {"420", "421", "422", "423", "425", "426", "430", "440"}
)
#: ISO 4217 numeric codes (and the former rouble 810) a Russian account's digits 6-8 give.
_RU_CURRENCY = frozenset(
    {"810", "643", "840", "978", "156", "826", "756", "398", "933", "417", "860", "980", "392", "944"}
    | {"051", "972", "498", "934", "949", "784", "682", "344", "702", "203", "985", "124", "036"}
)
_BIK = re.compile(r"(?i)(?<!\w)(?:бик|bik)[\s:.№#]{0,4}(04\d{7})(?!\d)")
_RU_WEIGHTS = (7, 1, 3)
#: Weights of the odd positions of an Italian CIN, by the character's value (0-9 or A-Z).
_CIN_ODD = (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23)


@dataclass(frozen=True)
class NationalCheck:
    """How a national account number was checked: the scheme, the value kept and whether it holds."""

    scheme: str  # "ru-key", "es-ccc", "fr-rib", "pt-nib", "it-cin"
    value: str
    valid: bool
    repaired: bool


def check_national(number: str, text: str, end: int, *, ocr: bool) -> NationalCheck | None:
    """The check of the account ``number`` written just before ``text[end]``, or None.

    None when no national scheme applies (a number of another length, a Russian
    account with no BIK near it). On OCR'd text a failing number is repaired as the
    module docstring says; on a text layer it is only checked.
    """
    digits = re.sub(r"[\s\-./]", "", number)
    if len(digits) == 20 and digits.isdigit():
        bik = find_bik(text, end)
        if bik is not None:
            return _settle(
                "ru-key",
                digits,
                lambda value: _looks_russian(value) and ru_key_valid(value, bik),
                ocr=ocr,
                russian=True,
            )
        if stdnum_ccc.is_valid(digits) or (_is_ccc_shaped(number) and not _looks_russian(digits)):
            return _settle("es-ccc", digits, stdnum_ccc.is_valid, ocr=ocr, russian=False)
        return None
    if len(digits) == 23 and digits[:10].isdigit() and digits[-2:].isdigit():
        return _settle("fr-rib", digits.upper(), rib_valid, ocr=ocr, russian=False)
    if len(digits) == 21 and digits.isdigit():
        return _settle("pt-nib", digits, nib_valid, ocr=ocr, russian=False)
    if len(digits) == 23 and digits[:1].isalpha() and digits[1:11].isdigit():
        # one letter of 26: a reading changed by OCR would pass it by chance, so only checked
        return _settle("it-cin", digits.upper(), cin_valid, ocr=False, russian=False)
    return None


def find_bik(text: str, end: int) -> str | None:
    """The BIK on the line of ``text[end]`` or on the ``BIK_LINES`` lines below it, or None."""
    line_start = text.rfind("\n", 0, end) + 1
    stop = end
    for _ in range(BIK_LINES + 1):
        stop = text.find("\n", stop + 1)
        if stop < 0:
            stop = len(text)
            break
        if text[stop + 1 : stop + 2] == "\n":  # a blank line ends the account's fields
            break
    match = _BIK.search(text, line_start, stop)
    return match.group(1) if match is not None else None


def ru_key_valid(account: str, bik: str) -> bool:
    """Whether the key of a Russian ``account`` (20 digits) holds with the bank's ``bik``."""
    digits = bik[-3:] + account
    if len(digits) != 23 or not digits.isdigit():
        return False
    return sum(int(char) * _RU_WEIGHTS[i % 3] for i, char in enumerate(digits)) % 10 == 0


def rib_valid(rib: str) -> bool:
    """Whether a French RIB (23 characters: bank, branch, account, key) holds its key."""
    if len(rib) != 23:
        return False
    converted = "".join(_rib_digit(char) for char in rib.upper())
    if not converted.isdigit():
        return False
    bank, branch, account, key = (
        int(converted[:5]),
        int(converted[5:10]),
        int(converted[10:21]),
        converted[21:],
    )
    return f"{97 - (89 * bank + 15 * branch + 3 * account) % 97:02d}" == key


def nib_valid(nib: str) -> bool:
    """Whether a Portuguese NIB (21 digits: bank 4, branch 4, account 11, key 2) holds its key.

    The key makes the whole number 1 modulo 97 (Banco de Portugal, as the IBAN's mod 97).
    """
    return len(nib) == 21 and nib.isdigit() and int(nib) % 97 == 1


def cin_valid(bban: str) -> bool:
    """Whether an Italian BBAN (CIN letter, ABI 5, CAB 5, account 12) holds its CIN.

    The CIN is the letter of ``sum mod 26`` over ABI, CAB and account, odd positions
    weighted by ``_CIN_ODD`` and even ones by their value (digits 0-9, letters A-Z 0-25),
    as the codice fiscale's control character.
    """
    if len(bban) != 23 or not bban[0].isalpha() or not bban[1:11].isdigit() or not bban.isalnum():
        return False
    total = 0
    for index, char in enumerate(bban[1:].upper()):
        value = int(char) if char.isdigit() else ord(char) - ord("A")
        if not 0 <= value < 26:
            return False
        total += _CIN_ODD[value] if index % 2 == 0 else value
    return chr(ord("A") + total % 26) == bban[0].upper()


def _rib_digit(char: str) -> str:
    """A RIB character as a digit (letters of the account as the Banque de France maps them)."""
    if char.isdigit():
        return char
    if "A" <= char <= "Z":
        return str(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ".index(char) % 9 + 1 if char < "S" else "STUVWXYZ".index(char) + 2
        )
    return "?"


def _settle(
    scheme: str, value: str, valid: Callable[[str], bool], *, ocr: bool, russian: bool
) -> NationalCheck:
    if valid(value):
        return NationalCheck(scheme, value, valid=True, repaired=False)
    if ocr:
        repaired = _repair(value, valid, russian=russian)
        if repaired is not None:
            return NationalCheck(scheme, repaired, valid=True, repaired=True)
    return NationalCheck(scheme, value, valid=False, repaired=False)


def _repair(value: str, valid: Callable[[str], bool], *, russian: bool) -> str | None:
    """The single valid reading with the fewest changed digits, or None."""
    bases = _ru_structures(value) if russian else [value]
    if not bases:
        return None
    for changes in range(MAX_CHANGES + 1):
        found = {reading for base in bases for reading in _changed(base, changes) if valid(reading)}
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    return None


def _changed(value: str, changes: int) -> Iterator[str]:
    """``value`` with exactly ``changes`` digits (0 or 1) read as a digit OCR confuses."""
    if changes == 0:
        yield value
        return
    for index, char in enumerate(value):
        for other in _CONFUSED.get(char, ""):
            yield value[:index] + other + value[index + 1 :]


def _ru_structures(value: str) -> list[str]:
    """``value`` with its balance prefix and currency read back to known ones (one reading each)."""
    prefixes = _segment_readings(value[:3], _RU_BALANCE)
    currencies = _segment_readings(value[5:8], _RU_CURRENCY)
    if len(prefixes) != 1 or len(currencies) != 1:
        return []
    return [prefixes[0] + value[3:5] + currencies[0] + value[8:]]


def _segment_readings(segment: str, known: frozenset[str]) -> list[str]:
    """``segment`` itself when known, else the known readings one confused digit away."""
    if segment in known:
        return [segment]
    return [reading for reading in _changed(segment, 1) if reading in known]


def _looks_russian(digits: str) -> bool:
    return digits[:3] in _RU_BALANCE and digits[5:8] in _RU_CURRENCY


def _is_ccc_shaped(number: str) -> bool:
    """Whether ``number`` is written as a CCC: 4, 4, 2 and 10 digits."""
    return re.fullmatch(r"\d{4}[\s-]\d{4}[\s-]\d{2}[\s-]\d{10}", number.strip()) is not None
