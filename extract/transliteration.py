"""Latin transliteration of names written in Cyrillic or Arabic script, for search.

Cyrillic goes through anyascii ("Малика Рахимовна" -> "Malika Rakhimovna"). Arabic
names get a simple scheme in the style of the common English renderings: the article
as "al-", long vowels from alif, waw and ya, digraphs for the letters Latin lacks
(ش sh, خ kh, ث th, ذ dh, غ gh), ʿayn and hamza as an apostrophe, each word
capitalised: "سامي عبد الرحمن الدوري" -> "Sami Abd al-Rhmn al-Duri". Short vowels are
not written in Arabic, so the form is a search key, not a spelling anyone must use.
"""

from __future__ import annotations

import unicodedata

from anyascii import anyascii

#: Arabic consonants (and letters read as one) in Latin.
_ARABIC = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh",
    "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "ى": "a",
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ء": "'", "ؤ": "'", "ئ": "'", "پ": "p", "گ": "g", "چ": "ch",
}  # fmt: skip
_VOWEL_LETTERS = {"و": ("w", "u"), "ي": ("y", "i")}
_HARAKAT = {chr(code) for code in range(0x064B, 0x0653)} | {"\u0670", "\u0640"}


def needs_transliteration(text: str) -> bool:
    """Whether ``text`` holds a letter outside the Latin script."""
    return any(char.isalpha() and "LATIN" not in unicodedata.name(char, "LATIN") for char in text)


def to_latin(text: str) -> str:
    """``text`` in Latin letters, white space collapsed (see the module docstring)."""
    words = [_arabic_word(word) if _is_arabic(word) else anyascii(word) for word in text.split()]
    return " ".join(" ".join(words).split())


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in word)


def _arabic_word(word: str) -> str:
    """One Arabic word in Latin letters, the article written "al-"."""
    letters = "".join(char for char in word if char not in _HARAKAT)
    if letters in {"الله", "لله"}:
        return "Allah"
    article = len(letters) > 3 and letters.startswith("ال")
    body = letters[2:] if article else letters
    latin = ""
    for index, char in enumerate(body):
        if char in _VOWEL_LETTERS:
            consonant, vowel = _VOWEL_LETTERS[char]
            following = body[index + 1 : index + 2]
            latin += consonant if index == 0 or following in ("ا", "ة", "و", "ي") else vowel
        elif char == "ع" and index == 0:
            latin += "a"  # a word-initial ʿayn carries a vowel: "عبد" Abd, "علي" Ali
        else:
            latin += _ARABIC.get(char, anyascii(char))
    latin = latin[:1].upper() + latin[1:]
    return f"al-{latin}" if article else latin
