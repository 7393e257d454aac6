"""The one fold of extract and classify: offsets map back, folding twice changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rogatory.folding import fold, fold_plain


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("PERQUISITION", "perquisition"),
        ("Référence", "reference"),
        ("Счёт", "счет"),
        ("Straße", "strasse"),
        ("أُصدرت", "اصدرت"),
        ("مكتبة", "مكتبه"),
        ("ﬁnance", "finance"),
        ("ẞ", "ss"),
        ("على", "علي"),
        ("ٱلمال", "المال"),
        ("تـجـميد", "تجميد"),
        ("مُحَمَّد", "محمد"),
        ("٢٠٢٤ ۱۲", "2024 12"),
    ],
)
def test_fold_rules(text: str, folded: str) -> None:
    assert fold(text).text == folded
    assert fold_plain(text) == folded


def test_fold_maps_back_to_the_original() -> None:
    folded = fold("Straße X")
    start = folded.text.index("x")
    assert folded.original_span(start, start + 1) == (7, 8)
    assert folded.original_span(0, len("strasse")) == (0, 6)


def test_offsets_map_both_ways_across_an_expansion_and_a_removal() -> None:
    folded = fold("Maß تـم X")
    assert folded.text == "mass تم x"
    assert folded.folded_offset(8) == folded.text.index("x")
    assert folded.original_offset(folded.text.index("م")) == 6
    assert folded.original_offset(len(folded.text)) == len("Maß تـم X")


@given(st.text())
def test_folding_is_idempotent(text: str) -> None:
    once = fold_plain(text)
    assert fold_plain(once) == once
    assert fold(text).text == once


@given(st.text(), st.data())
def test_original_span_lies_inside_the_original(text: str, data: st.DataObject) -> None:
    folded = fold(text)
    assert len(folded.origin) == len(folded.text)
    start = data.draw(st.integers(0, len(folded.text)))
    end = data.draw(st.integers(start, len(folded.text)))
    first, last = folded.original_span(start, end)
    assert 0 <= first <= last <= len(text)
    if end > start:
        assert first < last
        assert fold_plain(text[first:last]).find(folded.text[start:end]) >= 0
