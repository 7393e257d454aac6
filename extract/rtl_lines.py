"""Logical order of the Latin and number runs in right-to-left OCR lines (Arabic pages).

Runs wherever a page is OCR'd, on tesseract's words of one line with their boxes. Pure
functions, no tesseract.

Tesseract gives the words of an Arabic line from right to left, but inside a run of
Latin words it gives them left to right, and the numbers next to such a run it leaves
out of it, in right-to-left order. The Unicode bidirectional algorithm that laid the
line out says otherwise (rule W7: digits that follow Latin letters take their
direction): an IBAN "GB50 WJNB 9238 4099 1350 49" or an amount "QAR 886,000.00" is one
left-to-right run, which tesseract gives as "49 1350 4099 9238 GB50 WJNB" and
"886,000.00 QAR". A house number before a street name ("176 Marine Parade") stands to
the right of the name, as the amount does to the right of its currency, and is read
right to left before it: the same picture, two orders. What tells them apart is the
Latin word the numbers touch: a code (capitals and digits, "QAR", "WJNB", "M1T6")
goes on in the numbers; a word ("Parade", "Ltd") does not.

How a line is read:

- **Runs.** A run is a stretch of words, in tesseract's order, without Arabic letters
  holding at least one Latin letter; a run of numbers alone and the Arabic words keep
  tesseract's order.
- **Order inside a run.** Its words are put in their order on the page, left to right;
  when the Latin word nearest the numbers on its right is not a code, those numbers
  come first, right to left (each number a word of its own).
- **Sentence punctuation** tesseract glued to the front of a run's leftmost word (".QAR")
  ends the run: in a right-to-left line the full stop after an amount stands at its left.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.tesseract import OcrResult
from rogatory.records import Word

#: A Latin word that goes on in the numbers after it: capitals and digits, 2 to 6 of them.
_CODE = re.compile(r"[A-Z0-9]{2,6}")
#: Punctuation that ends a sentence or a clause, found glued to the front of a run.
_CLOSING = ".,;:!?\u060c\u061b"
#: What is left of a word once punctuation around it is cut off.
_EDGES = "()[]{}<>«»\"'.,;:!?\u060c\u061b\u200e\u200f"


def is_arabic(char: str) -> bool:
    """Whether ``char`` is a letter or mark of the Arabic blocks."""
    return "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" or "\ufb50" <= char <= "\ufeff"


def has_arabic(text: str) -> bool:
    """Whether ``text`` holds an Arabic character."""
    return any(is_arabic(char) for char in text)


def is_latin_word(text: str) -> bool:
    """A word with a Latin letter and no Arabic one."""
    return not has_arabic(text) and any(char.isascii() and char.isalpha() for char in text)


def is_code(text: str) -> bool:
    """A Latin word that a number after it continues: an IBAN's group, a currency's code."""
    core = text.strip(_EDGES)
    return bool(_CODE.fullmatch(core)) and any(char.isalpha() for char in core)


def order_lines(result: OcrResult) -> OcrResult:
    """``result`` with the words of each line that holds Arabic letters in reading order.

    The lines are those of ``result.text`` (its words joined by one space); a result whose
    text and words do not match one for one is returned as it is.
    """
    lines = result.text.split("\n")
    counts = [len(line.split(" ")) for line in lines]
    if sum(counts) != len(result.words) or not has_arabic(result.text):
        return result
    ordered: list[list[Word]] = []
    position = 0
    for count in counts:
        ordered.append(logical_line(result.words[position : position + count]))
        position += count
    words = tuple(word for line in ordered for word in line)
    text = "\n".join(" ".join(word.text for word in line) for line in ordered)
    return OcrResult(text=text, words=words, confidence=result.confidence)


def logical_line(words: Sequence[Word]) -> list[Word]:
    """The words of one OCR line in reading order (tesseract's order when it has no Arabic)."""
    if not any(has_arabic(word.text) for word in words):
        return list(words)
    out: list[Word] = []
    run: list[Word] = []
    for word in words:
        if has_arabic(word.text):
            out.extend(_run_order(run))
            run = []
            out.append(word)
        else:
            run.append(word)
    out.extend(_run_order(run))
    return out


def _run_order(run: list[Word]) -> list[Word]:
    """A stretch of words without Arabic letters, in reading order."""
    if not any(is_latin_word(word.text) for word in run):
        return run
    on_page = sorted(run, key=lambda word: word.left)
    last_latin = max(index for index, word in enumerate(on_page) if is_latin_word(word.text))
    after = on_page[last_latin + 1 :]
    if after and not is_code(on_page[last_latin].text):
        ordered = list(reversed(after)) + on_page[: last_latin + 1]
    else:
        ordered = on_page
    return _punctuation_to_end(ordered, leftmost=on_page[0])


def _punctuation_to_end(words: list[Word], *, leftmost: Word) -> list[Word]:
    """``words`` with the closing punctuation glued to the front of ``leftmost`` moved to the end."""
    text = leftmost.text
    cut = len(text) - len(text.lstrip(_CLOSING))
    if cut == 0 or cut == len(text):
        return words
    moved = [leftmost.model_copy(update={"text": text[cut:]}) if word is leftmost else word for word in words]
    last = moved[-1]
    moved[-1] = last.model_copy(update={"text": last.text + text[:cut]})
    return moved
