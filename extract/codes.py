"""Codes inside Cyrillic text (account and passport numbers, references) read again as Latin.

Runs wherever a page is OCR'd. With ``rus+eng`` tesseract reads a code's digits and
Latin capitals through the Cyrillic model too: "З" for 3, "О" for 0, "б" for 6,
Cyrillic "А", "В", "К", "М" for the Latin capitals of an IBAN's country. A word of
such a page that holds a digit is read once more alone with ``eng`` on its own box
(single word, ``--psm 8``), and the English reading replaces it when tesseract is
surer of it and it still reads as a code (a digit, no Cyrillic letter).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PIL import Image

from extract.line_models import StrayLatin, line_box
from extract.tesseract import OcrResult
from rogatory.records import Word

#: The model a code is read again with.
CODE_LANGUAGES = "eng"
#: White space kept around a word's box, in heights of the box.
MARGIN = 0.35
#: How much less sure the English reading of a code in Cyrillic capitals may be and still
#: replace it: the Cyrillic model reads "РТ50" for "PT50" as surely, the letters being alike.
CYRILLIC_CODE_SLACK = 0.15
#: Words longer than this are not codes (a line read as one word).
MAX_CODE_LENGTH = 40


def is_cyrillic(char: str) -> bool:
    """Whether ``char`` is a letter of the Cyrillic blocks."""
    return "\u0400" <= char <= "\u052f"


def has_cyrillic(text: str) -> bool:
    """Whether ``text`` holds a Cyrillic letter."""
    return any(is_cyrillic(char) for char in text)


#: Russian pages (``rus+eng``): Russian words the English model took ("Ha", "He", "no",
#: "Anpec" for "на", "не", "по", "Адрес") read again with ``rus``; off in the stage
#: (``TextOptions.stray_latin``): on dev it turned more real Latin words Cyrillic than it mended.
CYRILLIC_STRAY_LATIN = StrayLatin(script=has_cyrillic, languages="rus")


def is_code_candidate(word: Word) -> bool:
    """A word that holds a digit: a number, an account, a passport or a reference."""
    return len(word.text) <= MAX_CODE_LENGTH and any(char.isdigit() for char in word.text)


def better_code(old: Word, new_text: str, new_confidence: float, *, slack: float = 0.0) -> bool:
    """Whether the English reading of a code replaces the word read with the page's models.

    It must be surer; by ``slack`` less when the old word is a code in Cyrillic capitals
    (:func:`is_cyrillic_code`) and the new one a code in Latin capitals.
    """
    if (
        not new_text
        or new_text == old.text
        or " " in new_text
        or not any(char.isdigit() for char in new_text)
        or has_cyrillic(new_text)
    ):
        return False
    if is_cyrillic_code(old.text) and not any(char.islower() for char in new_text):
        return new_confidence > old.confidence - slack
    return new_confidence > old.confidence


def is_cyrillic_code(text: str) -> bool:
    """A word of digits and Cyrillic capitals only ("К736", "РТ50"): a Latin code read through the
    Cyrillic model, whose capitals look the same (Russian words hold no digits)."""
    letters = [char for char in text if char.isalpha()]
    return (
        any(char.isdigit() for char in text)
        and bool(letters)
        and all(is_cyrillic(char) and char.isupper() for char in letters)
    )


def reread_codes(
    result: OcrResult,
    image: Image.Image,
    read: Callable[[Image.Image], OcrResult],
    *,
    slack: float = CYRILLIC_CODE_SLACK,
) -> OcrResult:
    """``result`` with its codes read again by ``read`` (an ``eng`` single-word pass) on ``image``.

    ``image`` is the image ``result`` was read from (same pixels as its word boxes).
    """
    replaced: dict[int, Word] = {}
    for index, word in enumerate(result.words):
        if not is_code_candidate(word):
            continue
        box = line_box([word], width=image.width, height=image.height, margin_share=MARGIN)
        if box is None:
            continue
        again = read(image.crop(box))
        text = "".join(again.text.split())
        if better_code(word, text, again.confidence, slack=slack):
            replaced[index] = word.model_copy(update={"text": text, "confidence": again.confidence})
    if not replaced:
        return result
    words = tuple(replaced.get(index, word) for index, word in enumerate(result.words))
    return OcrResult(text=_relaid(result.text, words), words=words, confidence=result.confidence)


#: Latin letters and digits that look like Cyrillic capitals, as OCR gives them.
_LOOK_ALIKES = str.maketrans("AOBEKMHPCTX03", "АОВЕКМНРСТХОЗ")
#: The abbreviation of a legal form before a company's name in quotes ("ООО «Вектор»"):
#: 2 to 4 capitals, all of them with Latin or digit look-alikes.
_LEGAL_FORM = re.compile(r"\(?([AOBEKMHPCTX03АОВЕКМНРСТХЗ]{2,4})")


def fix_legal_forms(result: OcrResult) -> OcrResult:
    """``result`` with the legal forms before a quoted name read in Latin letters or digits
    ("OOO «Вектор»", "(000 «Вектор»", "AO «Банк»") put back in Cyrillic capitals.

    A Russian company's form (ООО, АО, ОАО, ЗАО) stands before its name in guillemets;
    the English model and the digits read its "О", "А" and "З" as "O", "0", "A", "3".
    """
    words = list(result.words)
    changed = False
    for index, word in enumerate(words[:-1]):
        match = _LEGAL_FORM.fullmatch(word.text)
        if match is None or not words[index + 1].text.startswith("«") or has_cyrillic(word.text):
            continue
        text = word.text[: match.start(1)] + match.group(1).translate(_LOOK_ALIKES)
        words[index] = word.model_copy(update={"text": text})
        changed = True
    if not changed:
        return result
    fixed = tuple(words)
    return OcrResult(text=_relaid(result.text, fixed), words=fixed, confidence=result.confidence)


def _relaid(text: str, words: tuple[Word, ...]) -> str:
    """``text``'s lines (words joined by one space) with each word's text from ``words``, in order.

    Falls back to ``text`` when its words and ``words`` do not match one for one.
    """
    lines = text.split("\n")
    if sum(len(line.split(" ")) for line in lines) != len(words):
        return text
    out, position = [], 0
    for line in lines:
        count = len(line.split(" "))
        out.append(" ".join(word.text for word in words[position : position + count]))
        position += count
    return "\n".join(out)
