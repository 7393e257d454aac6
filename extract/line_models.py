"""Lines and words read with little confidence read again alone with another model.

Runs wherever a page is OCR'd, after the page's own pass. Tesseract's models of one
script do not fail on the same lines: on Arabic scans ``ara+eng`` reads some lines
better and Debian's script model ``Arabic`` others (docs/decisions.md, issue 16). A
line of the page whose mean word confidence is below a threshold is cut out of the page
(the box around its words and a margin) and read alone as one text line (``--psm 7``)
with the other model; its reading replaces the line when tesseract is surer of it by a
margin. Only low-confidence lines pay a second reading, never the whole page.

On a page read with ``ara+eng`` the English model takes some Arabic words it reads
badly for Latin ones ("ollie", "Jie", "Cand" for Arabic words of a dev scan, at
confidence 0.27 to 0.79, where the page's real Latin words, names and codes, read 0.92
and more): a Latin word of an Arabic line read with less confidence than
``STRAY_LATIN_CONFIDENCE`` is read again alone with ``ara`` (one word, ``--psm 8``) and
replaced when that reading is Arabic (the word read as one text line, ``--psm 7``: in
single-word mode ``rus`` read nothing of a clear "Адрес:"). So too on Russian pages with
``rus`` (:data:`extract.codes.CYRILLIC_STRAY_LATIN`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import Image

from extract.rtl_lines import has_arabic
from extract.tesseract import OcrResult, mean_confidence
from rogatory.records import Word

#: Tesseract's page segmentation for one text line.
LINE_PSM = 7
#: Tesseract's page segmentation for one word.
WORD_PSM = 8
#: White space kept around a line's box, in heights of the line's tallest word.
MARGIN = 0.3
#: White space kept around a word's box, in heights of the word.
WORD_MARGIN = 0.35
#: Latin words of Arabic lines read with less confidence than this are read again with ``ara``.
STRAY_LATIN_CONFIDENCE = 0.85
#: The models a stray Latin word of an Arabic line is read again with.
STRAY_LATIN_LANGUAGES = "ara"


@dataclass(frozen=True)
class LineChoice:
    """Which lines are read again, with which models, and how much surer the reading must be."""

    #: The other models (``"Arabic"``).
    languages: str
    #: Lines whose mean word confidence is below this are read again.
    below: float
    #: The other reading replaces the line when its confidence is higher by at least this.
    margin: float = 0.0
    #: The line is read enlarged this many times (bicubic; its words' boxes brought back).
    scale: float = 1.0


def line_spans(result: OcrResult) -> list[tuple[int, int]]:
    """The word index ranges ``[start, end)`` of ``result``'s text lines; none when they do not match.

    ``result.text`` is its words joined by one space, lines by a newline.
    """
    spans, position = [], 0
    for line in result.text.split("\n"):
        count = len(line.split(" "))
        spans.append((position, position + count))
        position += count
    return spans if position == len(result.words) else []


def from_lines(lines: Sequence[Sequence[Word]]) -> OcrResult:
    """The OCR result of these lines of words: words joined by one space, lines by a newline,
    its confidence that of all the words."""
    words = tuple(word for line in lines for word in line)
    text = "\n".join(" ".join(word.text for word in line) for line in lines)
    return OcrResult(text=text, words=words, confidence=mean_confidence(words))


def line_box(
    words: Sequence[Word], *, width: int, height: int, margin_share: float = MARGIN
) -> tuple[int, int, int, int] | None:
    """The box around ``words`` with a margin (``margin_share`` of the tallest word's height),
    inside an image of this size; ``None`` if empty."""
    margin = round(max(word.height for word in words) * margin_share)
    box = (
        max(min(word.left for word in words) - margin, 0),
        max(min(word.top for word in words) - margin, 0),
        min(max(word.left + word.width for word in words) + margin, width),
        min(max(word.top + word.height for word in words) + margin, height),
    )
    return box if box[2] > box[0] and box[3] > box[1] else None


def reread_lines(
    result: OcrResult,
    image: Image.Image,
    read: Callable[[Image.Image, str], OcrResult],
    choice: LineChoice,
) -> OcrResult:
    """``result`` with its low-confidence lines read again by ``read(crop, choice.languages)``.

    ``image`` is the image ``result`` was read from (same pixels as its word boxes); the
    crop is enlarged ``choice.scale`` times (the caller's ``read`` gives tesseract the
    resolution that stands for), and the new words' boxes are put on ``image``. The page's
    confidence is that of the words kept.
    """
    spans = line_spans(result)
    lines: list[list[Word]] = [list(result.words[start:end]) for start, end in spans]
    changed = False
    for index, line in enumerate(lines):
        old = mean_confidence(line)
        if old >= choice.below:
            continue
        box = line_box(line, width=image.width, height=image.height)
        if box is None:
            continue
        again = read(_enlarged(image.crop(box), choice.scale), choice.languages)
        if not again.words or again.confidence < old + choice.margin:
            continue
        lines[index] = [_moved(word, box[0], box[1], scale=choice.scale) for word in again.words]
        changed = True
    return from_lines(lines) if changed else result


@dataclass(frozen=True)
class StrayLatin:
    """Latin words of a script's lines that its models' pages read again with its model alone."""

    #: Whether a word holds a letter of the script.
    script: Callable[[str], bool]
    #: The model they are read again with (``"ara"``).
    languages: str
    #: Latin words read with less confidence than this are read again.
    below: float = STRAY_LATIN_CONFIDENCE


#: Arabic pages (``ara+eng``): their stray Latin words read again with ``ara``.
ARABIC_STRAY_LATIN = StrayLatin(script=has_arabic, languages=STRAY_LATIN_LANGUAGES)


def reread_stray_latin(
    result: OcrResult,
    image: Image.Image,
    read: Callable[[Image.Image, str], OcrResult],
    stray: StrayLatin = ARABIC_STRAY_LATIN,
) -> OcrResult:
    """``result`` with the stray Latin words of its lines in ``stray``'s script read again.

    ``read(crop, stray.languages)`` reads one word (as a text line); ``image`` is the image ``result`` was
    read from. A word is replaced by the reading's words when they hold letters of the
    script and no Latin one.
    """
    spans = line_spans(result)
    lines: list[list[Word]] = [list(result.words[start:end]) for start, end in spans]
    changed = False
    for line in lines:
        if not any(stray.script(word.text) for word in line):
            continue
        for index, word in enumerate(line):
            if not _is_stray(word, stray):
                continue
            box = line_box([word], width=image.width, height=image.height, margin_share=WORD_MARGIN)
            if box is None:
                continue
            again = read(image.crop(box), stray.languages)
            text = "".join(new.text for new in again.words)
            if not stray.script(text) or _is_latin(text):
                continue
            line[index] = word.model_copy(update={"text": text, "confidence": again.confidence})
            changed = True
    return from_lines(lines) if changed else result


def _is_stray(word: Word, stray: StrayLatin) -> bool:
    """A Latin word without digits (codes are :mod:`extract.codes`' part) read with little confidence."""
    return (
        _is_latin(word.text)
        and not stray.script(word.text)
        and not any(char.isdigit() for char in word.text)
        and word.confidence < stray.below
    )


def _is_latin(text: str) -> bool:
    """Whether ``text`` holds a Latin letter."""
    return any(char.isascii() and char.isalpha() for char in text)


def _enlarged(crop: Image.Image, scale: float) -> Image.Image:
    """``crop`` enlarged ``scale`` times (bicubic, a bilevel crop as grayscale); itself at 1."""
    if scale == 1.0:
        return crop
    source = crop.convert("L") if crop.mode == "1" else crop
    size = (max(round(crop.width * scale), 1), max(round(crop.height * scale), 1))
    return source.resize(size, Image.Resampling.BICUBIC)


def _moved(word: Word, left: int, top: int, *, scale: float = 1.0) -> Word:
    """``word`` read on a crop whose corner is at ``(left, top)``, enlarged ``scale`` times, on the page."""
    update = {"left": round(word.left / scale) + left, "top": round(word.top / scale) + top}
    if scale != 1.0:
        update |= {"width": max(round(word.width / scale), 1), "height": max(round(word.height / scale), 1)}
    return word.model_copy(update=update)
