"""Codes inside Cyrillic text (account and passport numbers, references) read again as Latin.

Runs wherever a page is OCR'd. With ``rus+eng`` tesseract reads a code's digits and
Latin capitals through the Cyrillic model too: "З" for 3, "О" for 0, "б" for 6,
Cyrillic "А", "В", "К", "М" for the Latin capitals of an IBAN's country. A word of
such a page that holds a digit is read once more alone with ``eng`` on its own box
(single word, ``--psm 8``), and the English reading replaces it when tesseract is
surer of it and it still reads as a code (a digit, no Cyrillic letter).
"""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image

from extract.line_models import line_box
from extract.tesseract import OcrResult
from rogatory.records import Word

#: The model a code is read again with.
CODE_LANGUAGES = "eng"
#: White space kept around a word's box, in heights of the box.
MARGIN = 0.35
#: Words longer than this are not codes (a line read as one word).
MAX_CODE_LENGTH = 40


def is_cyrillic(char: str) -> bool:
    """Whether ``char`` is a letter of the Cyrillic blocks."""
    return "\u0400" <= char <= "\u052f"


def is_code_candidate(word: Word) -> bool:
    """A word that holds a digit: a number, an account, a passport or a reference."""
    return len(word.text) <= MAX_CODE_LENGTH and any(char.isdigit() for char in word.text)


def better_code(old: Word, new_text: str, new_confidence: float) -> bool:
    """Whether the English reading of a code replaces the word read with the page's models."""
    return (
        bool(new_text)
        and new_text != old.text
        and " " not in new_text
        and any(char.isdigit() for char in new_text)
        and not any(is_cyrillic(char) for char in new_text)
        and new_confidence > old.confidence
    )


def reread_codes(
    result: OcrResult, image: Image.Image, read: Callable[[Image.Image], OcrResult]
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
        if better_code(word, text, again.confidence):
            replaced[index] = word.model_copy(update={"text": text, "confidence": again.confidence})
    if not replaced:
        return result
    words = tuple(replaced.get(index, word) for index, word in enumerate(result.words))
    return OcrResult(text=_relaid(result.text, words), words=words, confidence=result.confidence)


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
