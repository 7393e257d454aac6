"""A dash between two words read as the dash its width on the page says: "–" or "—".

Runs wherever a page is OCR'd, on the words of each line. Pure functions, no tesseract.
Tesseract's models give a dash standing alone between words as whichever of "-", "–" and
"—" they learnt most ("—" with ``rus``, "-" on another typeface of the same Russian dev
scans), whatever its length: an en dash "–" is about half an em wide, an em dash "—" a
whole em. The box tesseract gives for the dash says which: its width against the height of
the line's words (about three quarters of an em for lines of small letters with a few
capitals and ascenders). A lone hyphen between words is not a hyphen (a hyphen joins the
word's parts), so every lone dash is one of the two.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from extract.line_models import from_lines, line_spans
from extract.tesseract import OcrResult
from rogatory.records import Word

EN_DASH = "\u2013"
EM_DASH = "\u2014"
#: What tesseract gives for a lone dash.
DASHES = frozenset({"-", EN_DASH, EM_DASH, "\u2012", "\u2212"})
#: A dash at least this wide, in heights of the line's words (median), is an em dash: an en
#: dash read 0.47 to 0.69 on two typefaces of dev's Russian scans; an em dash is twice as wide.
EM_DASH_WIDTH = 1.0


def fix_dashes(result: OcrResult) -> OcrResult:
    """``result`` with each lone dash between two words made "–" or "—" by its width.

    The lines are those of ``result.text``; a result whose text does not match its words
    one for one is returned as it is.
    """
    spans = line_spans(result)
    if not spans or not any(word.text in DASHES for word in result.words):
        return result
    fixed = from_lines([fix_line(result.words[start:end]) for start, end in spans])
    return OcrResult(text=fixed.text, words=fixed.words, confidence=result.confidence)


def fix_line(words: Sequence[Word]) -> list[Word]:
    """The words of one line with their lone dashes (between two words with letters) by width."""
    heights = [word.height for word in words if any(char.isalnum() for char in word.text)]
    if not heights:
        return list(words)
    height = statistics.median(heights)
    out = list(words)
    for index in range(1, len(out) - 1):
        word = out[index]
        if word.text not in DASHES or not _is_word(out[index - 1]) or not _is_word(out[index + 1]):
            continue
        dash = EM_DASH if word.width >= EM_DASH_WIDTH * height else EN_DASH
        out[index] = word.model_copy(update={"text": dash})
    return out


def _is_word(word: Word) -> bool:
    return any(char.isalnum() for char in word.text)
