"""Latin forms of Cyrillic and Arabic names, for search."""

from __future__ import annotations

import pytest

from extract.transliteration import needs_transliteration, to_latin


@pytest.mark.parametrize(
    ("name", "latin"),
    [
        ("Иванов Сергей Петрович", "Ivanov Sergey Petrovich"),
        ("АБЕНОВА Малика Рахимовна", "ABENOVA Malika Rakhimovna"),
        # the article as al-, long vowels from alif, waw and ya, digraphs
        ("سامي عبد الرحمن الدوري", "Sami Abd al-Rhmn al-Duri"),
        ("إبراهيم منصور", "Ibrahim Mnsur"),
        ("يوسف الشمري", "Yusf al-Shmri"),
        ("عبد الله بن خالد", "Abd Allah Bn Khald"),
        # vowel marks, when written, are left out rather than spelled
        ("مُحَمَّد", "Mhmd"),
    ],
)
def test_to_latin(name: str, latin: str) -> None:
    assert to_latin(name) == latin


def test_latin_names_need_none() -> None:
    assert not needs_transliteration("José Eduardo ALMEIDA")
    assert needs_transliteration("Нурлан")
    assert needs_transliteration("سامي")
