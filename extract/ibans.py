"""Reading an IBAN as printed, and as OCR misreads it.

Used by :mod:`extract.accounts`. The country code fixes the IBAN's length and the
shape of its BBAN (ISO 13616 registry, as shipped by python-stdnum): which
positions are digits (``n``), letters (``a``) or either (``c``). On a text layer
an IBAN is read as written: exactly the registry length, groups separated by
single spaces (a currency glued to the last group, "IZ3UUSD", is left out).

On an OCR'd page the same walk also tries the readings OCR confuses (O/0, I/1,
S/5, Z/2, B/8, G/6, E/F; "]" or ")" for J, "$" for S, a stray "]"), forced where
the BBAN shape allows only digits or only letters, and at most ``MAX_GUESSES``
free guesses where it allows both. The check digits decide; a guess is kept only
when exactly one reading with the fewest guesses holds, so a misread IBAN is
reported invalid rather than corrected into another valid one by chance.

The registry's BBAN shapes are read once per process at start
(:func:`load_bban_shapes`, through :func:`extract.accounts.load_account_rules`) and
passed in.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

from stdnum import iban as stdnum_iban
from stdnum import numdb
from stdnum.iso7064 import mod_97_10

#: Free guesses (at BBAN positions that may hold a digit or a letter) per IBAN.
MAX_GUESSES = 1
#: Readings tried per IBAN before giving up (bounds the time on a garbled table row).
MAX_READINGS = 4000
#: Fewest BBAN characters of a misread IBAN still reported (as invalid).
MIN_WRITTEN = 11

#: What OCR may have printed for each character, in both directions.
_CONFUSED: dict[str, str] = {
    "O": "0Q", "0": "OD", "D": "0", "Q": "0", "I": "1LJ", "1": "IL", "L": "1I", "J": "I", "S": "5", "5": "S",
    "A": "4", "4": "A",
    "Z": "2", "2": "Z", "B": "8", "8": "B", "G": "6", "6": "G", "E": "F", "F": "E", "U": "V", "V": "U",
}  # fmt: skip
#: Characters that are not letters or digits but that OCR prints for one (or as noise).
_NOISE: dict[str, str] = {
    "]": "J", ")": "J", "}": "J", "/": "J", "[": "I", "|": "I", "$": "S", "§": "S", "(": "C", "!": "I",
}  # fmt: skip
#: Punctuation OCR prints between two groups of an IBAN ("5181-6779", "8256. TTJ", "CY20. 0625").
_GROUP_PUNCTUATION = frozenset(".:-,")
_DIGITS_FOR = {"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "J": "1", "T": "7", "Z": "2", "S": "5",
               "B": "8", "G": "6", "A": "4"}  # fmt: skip
_LETTERS_FOR = {"0": "O", "1": "I", "5": "S", "2": "Z", "8": "B", "6": "G", "4": "A", "7": "T"}
#: Cyrillic capitals that look like Latin ones (an OCR of mixed-script pages prints them).
_LOOKALIKES = dict(zip("АВЕКМНОРСТХУЗ", "ABEKMHOPCTXY3", strict=True))
_START = re.compile(r"([A-Z]{2})(\d{2})")
#: Shortest BBAN and longest IBAN read by their mod 97 check alone.
_MIN_BBAN = 8
_MAX_IBAN = 34
_ELECTRONIC = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}(?![A-Za-z0-9])")
_PRINTED = re.compile(
    r"[A-Z]{2}\d{2}(?:(?: |\n)[A-Z0-9]{4}(?![A-Za-z0-9])){1,7}(?:(?: |\n)[A-Z0-9]{1,3}(?![A-Za-z0-9]))?"
)
#: Countries whose banks issue IBANs outside the ISO 13616 registry (West and Central
#: Africa, the Maghreb, Mozambique, Iran, ...): read by their mod 97 check alone.
UNREGISTERED_COUNTRIES = frozenset(
    {"AO", "BF", "BJ", "CF", "CG", "CI", "CM", "CV", "DZ", "GA", "GQ", "GW", "IR", "KM", "MA", "MG"}
    | {"ML", "MZ", "NE", "SN", "TD", "TG"}
)
#: Where OCR may have printed an IBAN's head: Cyrillic look-alikes or "$" in the country
#: code ("РТ50", "$С35"), letters for digits in the check digits ("PTS0").
_OCR_START = re.compile(r"(?<![^\W\d_])([A-Z$§АВЕКМНОРСТХ]{2})([\dOQDILSZBG]{2})")


@dataclass(frozen=True)
class IbanReading:
    """An IBAN read at ``start:end`` of the page: its electronic form and how it was read."""

    start: int
    end: int
    value: str
    valid: bool
    repaired: bool
    #: Valid by the IBAN's own check (mod 97) only: the registry's length or the BBAN's
    #: national check digits do not hold (see :func:`read_iban`).
    mod97_only: bool = False


#: Country code -> its BBAN as one class letter per position ("nnnnaacc...").
BbanShapes = Mapping[str, str]


def load_bban_shapes() -> BbanShapes:
    """The BBAN shape of every country code of python-stdnum's IBAN registry. Raises nothing."""
    registry = numdb.get("iban")
    codes = (first + second for first in string.ascii_uppercase for second in string.ascii_uppercase)
    return {code: shape for code in codes if (shape := _bban_shape(registry, code)) is not None}


def _bban_shape(registry: numdb.NumDB, country: str) -> str | None:
    info = registry.info(country)
    structure = info[0][1].get("bban") if info and info[0][1] else None
    if not structure:
        return None
    return "".join(kind * int(count) for count, kind in re.findall(r"(\d+)!([nac])", structure))


def iban_starts(text: str, *, shapes: BbanShapes, ocr: bool = False) -> list[int]:
    """Offsets where an IBAN of a registered country may start (country code, check digits).

    Also inside a word: a table cell may glue two IBANs ("...P484 SM0IQ46 KCKU...");
    the caller keeps such a start only where the previous IBAN ends. On OCR'd pages
    also a head OCR misprinted ("РТ50", "$С35", "PTS0"), at a word start only; its
    reading then counts only when valid (:func:`read_iban`).
    """
    starts = {
        match.start()
        for match in _START.finditer(text)
        if match.group(1) in shapes or match.group(1) in UNREGISTERED_COUNTRIES
    }
    if ocr:
        for match in _OCR_START.finditer(text):
            head = ocr_head(match.group())
            if head is not None and head != match.group() and head[:2] in shapes:
                starts.add(match.start())
    return sorted(starts)


def ocr_head(written: str) -> str | None:
    """The country code and check digits OCR's four characters stand for, or None."""
    country = "".join(_LOOKALIKES.get(char, "S" if char in "$§" else char) for char in written[:2])
    check = "".join(_DIGITS_FOR.get(char, char) for char in written[2:4])
    if not (country.isascii() and country.isalpha() and country.isupper() and check.isdigit()):
        return None
    return country + check


def at_word_start(text: str, start: int) -> bool:
    """Whether no letter or digit stands right before ``text[start]``."""
    return start == 0 or not text[start - 1].isalnum()


def read_iban(text: str, start: int, *, shapes: BbanShapes, ocr: bool) -> IbanReading | None:
    """The IBAN whose country code is at ``text[start]``, or None when too little follows.

    ``shapes`` are the registry's BBAN shapes (:func:`load_bban_shapes`).
    The reading is valid when its check digits and BBAN shape hold. On an OCR'd page
    a head OCR misprinted is read as :func:`ocr_head` says, and such a reading is
    kept only when valid (it is then ``repaired``). Raises nothing.
    """
    head: str | None = text[start : start + 4]
    misprinted = _START.fullmatch(head or "") is None
    if misprinted:
        head = ocr_head(text[start : start + 4]) if ocr else None
    shape = shapes.get(head[:2]) if head is not None else None
    if head is not None and shape is None and not misprinted and head[:2] in UNREGISTERED_COUNTRIES:
        loose = _mod97_reading(text, start)
        return None if loose is None else IbanReading(start, loose[1], loose[0], True, False, mod97_only=True)
    if head is None or shape is None:
        return None
    slots = _slots(text, start + 4, len(shape) + 3, ocr=ocr)
    written = _as_written(head, slots, shape)
    if written is not None and stdnum_iban.is_valid(written[0]):
        return IbanReading(start, written[1], written[0], valid=True, repaired=misprinted)
    if ocr:
        guessed = _guess(head, slots, shape)
        if guessed is not None:
            return IbanReading(start, guessed[1], guessed[0], valid=True, repaired=True)
    if misprinted:
        return None
    loose = _mod97_reading(text, start)
    if loose is not None:
        return IbanReading(start, loose[1], loose[0], valid=True, repaired=False, mod97_only=True)
    if written is None:
        return None
    return IbanReading(start, written[1], written[0], valid=False, repaired=False)


def _mod97_reading(text: str, start: int) -> tuple[str, int] | None:
    """The IBAN at ``text[start]`` as written, when only its mod 97 check holds.

    Some requests print an IBAN whose length is not the registry's, or whose BBAN's
    national check digits fail (a Spanish IBAN with a wrong CCC key); what is written
    is still the account the request names when the IBAN's own check (ISO 7064 mod
    97-10) holds over the whole of it: one electronic token, or groups of four
    separated by single spaces (one line break) ending with a shorter group; a part
    of it is never tried (a chance hit of the check).
    """
    match = _ELECTRONIC.match(text, start) or _PRINTED.match(text, start)
    if match is None:
        return None
    value = re.sub(r"\s+", "", match.group())
    if _MIN_BBAN + 4 <= len(value) <= _MAX_IBAN and mod_97_10.is_valid(value[4:] + value[:4]):
        return value, match.end()
    return None


def _slots(text: str, position: int, limit: int, *, ocr: bool) -> list[tuple[str, int]]:
    """Characters after the check digits with the offset after each, across single spaces.

    On OCR'd pages one line break may split the IBAN, noise characters count, and one
    full stop, colon, hyphen or comma between two groups is passed over. Three lower-case
    letters in a row are a word, never part of an IBAN (OCR may lower one or two: "LIjj").
    """
    slots: list[tuple[str, int]] = []
    breaks = 0
    while len(slots) < limit and position < len(text):
        char = text[position]
        if char in " \t":
            if not ocr and text[position + 1 : position + 2] in (" ", "\t", "\n"):
                break
            position += 1
            continue
        if char == "\n":  # a line break: on a text layer too, where a PDF wraps its lines
            breaks += 1
            if breaks > 1:
                break
            position += 1
            continue
        if text[position : position + 3].isalpha() and text[position : position + 3].islower():
            break  # three lower-case letters: a word of the prose after the IBAN ("(testimone)")
        if (char.isascii() and char.isalnum()) or (ocr and (char in _NOISE or char in _LOOKALIKES)):
            slots.append((char, position + 1))
            position += 1
            continue
        if ocr and char in _GROUP_PUNCTUATION and _group_follows(text, position + 1):
            position += 1
            continue
        break
    return slots


def _group_follows(text: str, position: int) -> bool:
    """Whether a letter or digit stands at ``text[position]``, maybe after one space."""
    if text[position : position + 1] == " ":
        position += 1
    return text[position : position + 1].isascii() and text[position : position + 1].isalnum()


def _as_written(head: str, slots: list[tuple[str, int]], shape: str) -> tuple[str, int] | None:
    """The registry length of characters as written, upper case (fewer when the text ends).

    None when fewer than ``MIN_WRITTEN`` letters and digits follow the check digits.
    """
    taken: list[tuple[str, int]] = []
    for char, end in slots[: len(shape)]:
        if not char.isalnum():
            break
        taken.append((char, end))
    if len(taken) < min(len(shape), MIN_WRITTEN):
        return None
    return head + "".join(char for char, _ in taken).upper(), taken[-1][1]


def _guess(head: str, slots: list[tuple[str, int]], shape: str) -> tuple[str, int] | None:
    """The single valid reading with the fewest free guesses (see the module docstring)."""
    for budget in range(MAX_GUESSES + 1):
        found: dict[str, int] = {}
        tried = [0]
        _walk(head, slots, shape, index=0, bban="", budget=budget, found=found, tried=tried)
        if len(found) == 1:
            value, end = next(iter(found.items()))
            return value, end
        if len(found) > 1 or tried[0] >= MAX_READINGS:
            return None
    return None


def _walk(
    head: str,
    slots: list[tuple[str, int]],
    shape: str,
    *,
    index: int,
    bban: str,
    budget: int,
    found: dict[str, int],
    tried: list[int],
) -> None:
    """Depth-first over the readings of ``slots[index:]`` that fit ``shape`` after ``bban``."""
    if tried[0] >= MAX_READINGS or len(found) > 1:
        return
    if len(bban) == len(shape):
        tried[0] += 1
        value = head + bban
        if stdnum_iban.is_valid(value):
            found.setdefault(value, slots[index - 1][1])
        return
    if index >= len(slots):
        return
    char = slots[index][0].upper()
    kind = shape[len(bban)]
    for reading, cost in _readings(char, kind):
        if cost <= budget:
            _walk(
                head,
                slots,
                shape,
                index=index + 1,
                bban=bban + reading,
                budget=budget - cost,
                found=found,
                tried=tried,
            )
    if char in _NOISE and budget >= 1:
        _walk(head, slots, shape, index=index + 1, bban=bban, budget=budget - 1, found=found, tried=tried)


def _readings(char: str, kind: str) -> list[tuple[str, int]]:
    """Characters ``char`` may stand for at a position of ``kind``, each with its guess cost."""
    char = _LOOKALIKES.get(char, _NOISE.get(char, char))
    if kind == "n":
        return [(char, 0)] if char.isdigit() else ([(_DIGITS_FOR[char], 0)] if char in _DIGITS_FOR else [])
    if kind == "a":
        if not char.isalpha():
            return [(_LETTERS_FOR[char], 0)] if char in _LETTERS_FOR else []
        return [(char, 0)] + [(other, 1) for other in _CONFUSED.get(char, "") if other.isalpha()]
    return [(char, 0)] + [(other, 1) for other in _CONFUSED.get(char, "")]
