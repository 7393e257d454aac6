"""Letters and marks that tesseract's Arabic models give wrongly, put right on Arabic lines.

Runs wherever a page is OCR'd, on the words of each line that holds Arabic letters, after
their reading order (:mod:`extract.rtl_lines`). Pure functions, no tesseract. Debian's
``ara`` and ``Arabic`` models (tessdata_fast) give, on clean and harsh scans alike:

- **the Arabic comma "،" as "»"**, glued to the end of the word before it ("الدوحة»");
  an Arabic text has no closing guillemet without an opening one in the same line; and
  as the Latin comma "," after an Arabic word;
- **the full stop after a list number before it** (".1" for "1."), as it stands on the
  page of a right-to-left line;
- **a final "ي" as "ى"** (alif maqsura: "الدولى", "فى" for "الدولي", "في"), the spelling
  of the Egyptian print the models learnt from; modern standard Arabic writes a final
  "ى" in a closed set of words (the prepositions "على", "إلى", "حتى", "لدى", verbs and
  nouns of roots ending in a weak letter, feminine comparatives, some names), kept as
  read;
- **brackets mirrored**: the opening bracket of a right-to-left phrase stands at its right
  and looks like ")", which the models give as the glyph they see ("المتحدة(" for
  "المتحدة)", ") الشخص" for "(الشخص"); on Arabic words (not in a Latin run) they are
  turned back and a lone bracket joins the Arabic word it encloses.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.line_models import from_lines, line_spans
from extract.rtl_lines import has_arabic
from extract.tesseract import OcrResult
from rogatory.records import Word

ALIF_MAQSURA = "\u0649"
YA = "\u064a"
ARABIC_COMMA = "\u060c"
#: Punctuation around a word's letters.
_PUNCTUATION = ".,:;!?\u060c\u061b\u061f)(»«"
#: Prefixes glued to a word: conjunctions, prepositions, the article (longest first).
_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
#: Words that end in alif maqsura in modern standard Arabic (without prefixes).
MAQSURA_WORDS = frozenset(
    """
    على إلى الى حتى متى لدى سوى أنى أولى أخرى كبرى صغرى عظمى قصوى أدنى أقصى أعلى أقوى أسمى
    أحرى أجدى أغنى أقسى أشقى أتقى أبقى أرقى أنقى أخفى أوفى أولى مستوى مدى معنى مبنى منتدى ملتقى
    مقهى مرمى مأوى مثوى مغزى مسعى منحى مجرى مرسى ملهى مستشفى مصطفى مجتبى مرتضى مرتجى مقتضى بمقتضى
    مؤدى هدى ندى صدى ذكرى بشرى شكوى دعوى فتوى نجوى سلوى تقوى جدوى عدوى حلوى فوضى قتلى جرحى
    أسرى مرضى موتى حيارى سكارى يتامى كسرى موسى عيسى يحيى ليلى سلمى منى لبنى سهى
    جرى رؤى قرى بنى خطى ذرى عرى ثرى قوى لظى رأى أتى أعطى ألغى أدى بقى حكى
    رمى سعى قضى مضى نفى نهى روى سوى طوى كوى لقى نسى هوى أبدى أجرى أخفى أرسى أسدى أفضى أقصى ألقى
    أمضى أنهى أوصى أولى تبنى تحدى تلقى تمنى تولى تعدى تخطى تبقى تجلى تسنى تعافى تلاشى تنامى
    توخى توفى اقتضى انتهى ارتأى استدعى استثنى استغنى استوفى اشترى التقى اكتفى يرجى يبقى يلقى
    يتلقى يتولى يسعى يرى يتعدى يتبنى يتمنى يخشى يرضى ينسى يهوى
    سيرجى إحدى أنثى حمى رحى فحوى نوى شتى
    """.split()  # noqa: SIM905 (a word list, one per Arabic word, is easier to read as text)
)


def fix_lines(result: OcrResult) -> OcrResult:
    """``result`` with the misreadings of its Arabic lines put right (its lines as in its text)."""
    spans = line_spans(result)
    if not spans or not has_arabic(result.text):
        return result
    return from_lines([fix_line(result.words[start:end]) for start, end in spans])


def fix_line(words: Sequence[Word]) -> list[Word]:
    """The words of one OCR line, in reading order, with the Arabic models' misreadings put right.

    A line without Arabic letters is returned as it is.
    """
    if not any(has_arabic(word.text) for word in words):
        return list(words)
    comma = not any("«" in word.text for word in words)
    fixed = [word.model_copy(update={"text": fix_word(word.text, comma=comma)}) for word in words]
    return _join_brackets(fixed)


def fix_word(text: str, *, comma: bool = True) -> str:
    """One word of an Arabic line: its comma, final ya and brackets (words without Latin letters)."""
    if any(char.isascii() and char.isalpha() for char in text) or not text.strip(_PUNCTUATION):
        return text
    core = text.rstrip(_PUNCTUATION)
    tail = text[len(core) :].replace("(", ")")
    if comma:
        tail = tail.replace("»", ARABIC_COMMA)
    if has_arabic(core):
        tail = tail.replace(",", ARABIC_COMMA)
    body = core.lstrip(_PUNCTUATION)
    head = core[: len(core) - len(body)].replace(")", "(")
    if body.isdigit() and head == "." and not tail:
        return body + head
    if body.endswith(ALIF_MAQSURA) and not is_maqsura_word(body):
        body = body[:-1] + YA
    return head + body + tail


def is_maqsura_word(word: str) -> bool:
    """Whether ``word`` (ending in alif maqsura) is one of the words written so, after any prefix."""
    if word in MAQSURA_WORDS:
        return True
    return any(word.startswith(prefix) and word[len(prefix) :] in MAQSURA_WORDS for prefix in _PREFIXES)


def _join_brackets(words: list[Word]) -> list[Word]:
    """Lone brackets beside Arabic words joined to the phrase they enclose, turned as they stand.

    The models give a lone bracket either way round; its place says which it is: one
    after an opened bracket of the line closes it (joined to the word before), any other
    opens (joined to the word after).
    """
    out: list[Word] = []
    opened = False
    index = 0
    while index < len(words):
        word = words[index]
        after = words[index + 1] if index + 1 < len(words) else None
        if word.text in {"(", ")"} and opened and out and has_arabic(out[-1].text):
            out[-1] = out[-1].model_copy(update={"text": out[-1].text + ")"})
            opened = False
        elif word.text in {"(", ")"} and not opened and after is not None and has_arabic(after.text):
            out.append(after.model_copy(update={"text": "(" + after.text}))
            opened = not after.text.endswith(")")
            index += 1
        else:
            out.append(word)
            opened = (opened or "(" in word.text) and not word.text.endswith(")")
        index += 1
    return out
