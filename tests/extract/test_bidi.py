"""Logical order of right-to-left lines of a text layer, read from glyph positions."""

from __future__ import annotations

import pytest

from extract.bidi import Glyph, logical_line, page_is_right_to_left

#: Where a glyph drawn by :func:`visual` starts, and its advance (points).
RIGHT_MARGIN, ADVANCE = 1000.0, 10.0


def visual(right_to_left: str, *, shuffle: bool = True) -> list[Glyph]:
    """Characters as drawn from the right margin leftwards, in pdfium's muddled order.

    ``|`` is a gap between two text objects: pdfium's generated space (an empty box).
    """
    chars: list[Glyph] = []
    x = RIGHT_MARGIN
    for char in right_to_left:
        if char == "|":
            x -= 3 * ADVANCE
            chars.append((" ", x + ADVANCE, x + ADVANCE))
            continue
        chars.append((char, x - ADVANCE + 1, x))
        x -= ADVANCE
    return chars[::2] + chars[1::2] if shuffle else chars


def read(drawn: str, *, shuffle: bool = True, before: str = "") -> str:
    return logical_line(visual(drawn, shuffle=shuffle), right_to_left_page=True, before=before)


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
        # a phone number: its digit groups stand right to left, each read left to right
        ("هاتف 569+ 63 429 0425، البريد", "هاتف +965 36 924 5240، البريد"),
    ],
)
def test_a_right_to_left_line_is_read_by_position(drawn: str, expected: str) -> None:
    assert read(drawn) == expected


def test_the_reading_whose_punctuation_sits_as_written_wins() -> None:
    # Drawn left to right: "Ltd (جزر فيرجن). ثم جرى"; read from the right, the full
    # stop would stand after a space and before a bracket.
    assert read("ثم جرى .)جزر فيرجن( dtL knaB") == "Bank Ltd (جزر فيرجن). ثم جرى"


def test_digits_touching_a_latin_word_stay_with_it() -> None:
    assert read(".teertS yauQ العنوان: 58 ;7433281DE") == "ED1823347; العنوان: 85 Quay Street."


def test_each_cell_of_a_line_is_read_on_its_own() -> None:
    # A list label and its item: the brackets, drawn alike, are told apart by position.
    assert read("(a(|الحصول من knaB") == "(a) الحصول من Bank"


def test_a_cell_that_reads_both_ways_follows_what_came_before() -> None:
    # Latin left of Arabic: "باسم VG26 WEHC 2466" read from the right, or the other way.
    drawn = "باسم 6642 CHEW 62GV"
    assert read(drawn) == "باسم VG26 WEHC 2466"
    # After "account number", after a label's colon, after a list number: the identifier first.
    assert read(drawn, before="من الحساب رقم") == "VG26 WEHC 2466 باسم"
    assert read("المرجع:|" + drawn) == "المرجع: VG26 WEHC 2466 باسم"
    assert read(".1|" + drawn) == "1. VG26 WEHC 2466 باسم"


def test_a_table_row_without_right_to_left_letters_stands_from_the_right_on_a_right_to_left_page() -> None:
    cells = ["1", "27/12/2021", "LY41 5576", "LYD 1,869.96"]
    row: list[Glyph] = []
    right = RIGHT_MARGIN
    for cell in cells:  # the first cell at the right margin, each drawn left to right
        left = right - len(cell) * ADVANCE
        row.extend((char, left + i * ADVANCE, left + (i + 1) * ADVANCE - 1) for i, char in enumerate(cell))
        row.append((" ", left - ADVANCE, left - ADVANCE))
        right = left - 3 * ADVANCE
    pdfium_order = [glyph for cell in reversed(_cells(row)) for glyph in cell]
    assert logical_line(pdfium_order, right_to_left_page=True) == "1 27/12/2021 LY41 5576 LYD 1,869.96"
    assert logical_line(pdfium_order, right_to_left_page=False) == "".join(c for c, _, _ in pdfium_order)


def _cells(row: list[Glyph]) -> list[list[Glyph]]:
    cells: list[list[Glyph]] = [[]]
    for glyph in row:
        cells[-1].append(glyph)
        if glyph[1] == glyph[2]:
            cells.append([])
    return [cell for cell in cells if cell]


def test_a_mark_goes_with_the_base_its_box_overlaps() -> None:
    # "عقاراً": the tanwin drawn over the final alef, listed by pdfium before the word.
    chars: list[Glyph] = [("ً", 951, 958), ("ع", 991, 1000), ("ق", 981, 990), ("ا", 971, 980), ("ر", 961, 970)]
    chars.append(("ا", 951, 960))
    assert logical_line(chars, right_to_left_page=True) == "عقاراً"


def test_logical_line_keeps_lines_without_right_to_left_letters() -> None:
    chars: list[Glyph] = [("b", 5.0, 6.0), ("a", 1.0, 2.0), (" ", 3.0, 4.0), ("c", 9.0, 10.0)]
    assert logical_line(chars, right_to_left_page=False) == "ba c"


def test_a_page_is_right_to_left_when_a_tenth_of_its_letters_are() -> None:
    assert page_is_right_to_left("الحساب رقم LY41 5576")
    assert not page_is_right_to_left("An English request naming Mr سعيد and many other words here")
    assert not page_is_right_to_left("no right-to-left letters at all")
