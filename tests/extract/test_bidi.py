"""Logical order of right-to-left lines of a text layer, read from glyph positions."""

from __future__ import annotations

import pytest

from extract.bidi import logical_line


def visual(right_to_left: str, *, shuffle: bool = True) -> list[tuple[str, float | None]]:
    """Characters as drawn from the right margin leftwards, x centres 10 apart, in pdfium's muddled order."""
    chars: list[tuple[str, float | None]] = [
        (char, 1000.0 - 10 * index) for index, char in enumerate(right_to_left)
    ]
    return chars[::2] + chars[1::2] if shuffle else chars


@pytest.mark.parametrize(
    ("drawn", "expected"),
    [
        # glyphs as they stand from right to left -> logical text
        ("رقم 605 لسنة 4202", "رقم 506 لسنة 2024"),
        (")نزاهة(", "(نزاهة)"),
        ("الرقم: 06349-5202-TUO", "الرقم: OUT-2025-94360"),
        ("الحساب 3234 6586 RKVU 18GV لدى", "الحساب VG81 UVKR 6856 4323 لدى"),
        ("من 00.000,500,7 DYL.", "من LYD 7,005,000.00."),
        # a Latin letter or a full stop at the right margin: the line was laid out left to right
        ("DYL لدى 121 knaB", "Bank لدى 121 LYD"),
        (".لدى knaB", "Bank لدى."),
    ],
)
def test_logical_line_reads_right_to_left_lines_by_position(drawn: str, expected: str) -> None:
    assert logical_line(visual(drawn)) == expected


def test_logical_line_keeps_lines_without_right_to_left_letters() -> None:
    chars: list[tuple[str, float | None]] = [("b", 5.0), ("a", 1.0), (" ", None), ("c", 9.0)]
    assert logical_line(chars) == "ba c"


def test_logical_line_places_boxless_spaces_between_neighbours() -> None:
    chars = visual("من لدى", shuffle=False)
    chars[2] = (" ", None)
    assert logical_line(chars[::-1]) == "من لدى"
