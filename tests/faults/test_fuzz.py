"""Fuzzing file validation and the PDF text-layer reader with Hypothesis, for a bounded time.

Inputs are valid originals (PDF with a text layer, PNG, JPEG, multi-page TIFF, the
hostile kinds) damaged the ways files get damaged: bytes flipped, runs deleted or
repeated, cut short, numbers in the structure changed. The promise: validation
returns a source file or raises ``InputError``, nothing else, in well under a second;
the reader yields pages or raises ``InputError``. Any crashing input found is kept
below as an ``@example`` (a regression test). ``ROGATORY_FUZZ_EXAMPLES`` raises the
budget for a longer local run (the default keeps the suite fast).
"""

from __future__ import annotations

import os
import time
import unicodedata
from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract.bidi import logical_line
from extract.images import read_image_pages
from extract.pdf import clean_layer_text, layer_is_text, read_pdf_pages
from ingest.validation import ValidationLimits, validate_original
from rogatory.errors import InputError
from rogatory.sources import MediaType
from tests.faults import hostile
from tests.ingest import originals

pytestmark = pytest.mark.faults

EXAMPLES = int(os.environ.get("ROGATORY_FUZZ_EXAMPLES", "150"))
LIMITS = ValidationLimits(max_file_bytes=5_000_000, max_pages=50, max_image_pixels=4_000_000)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # the time bound is asserted per input instead (pdfium's first call is slow)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SEEDS = [
    hostile.text_pdf(hostile.REQUEST_LINES),
    hostile.pdf_with_image(64, 48, bytes(range(256)) * 12),
    originals.pdf(3),
    originals.hand_written_pdf(encrypted=True),
    originals.image("PNG", size=(64, 48)),
    originals.image("JPEG", size=(64, 48)),
    originals.image("TIFF", size=(32, 24), frames=3),
    hostile.tiff_with_pages(3),
    hostile.png_lying_header(),
]


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """A seed original with a few damages applied."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        if not data:
            break
        at = draw(st.integers(min_value=0, max_value=len(data) - 1))
        kind = draw(st.sampled_from(["flip", "delete", "repeat", "insert", "digit", "cut"]))
        if kind == "flip":
            data[at] = draw(st.integers(min_value=0, max_value=255))
        elif kind == "delete":
            del data[at : at + draw(st.integers(min_value=1, max_value=64))]
        elif kind == "repeat":
            data[at:at] = data[at : at + draw(st.integers(min_value=1, max_value=64))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif kind == "digit":
            digit = data.find(b"0123456789"[draw(st.integers(0, 9))], at)
            if digit >= 0:
                data[digit] = ord(str(draw(st.integers(0, 9))))
        else:
            del data[at:]
    return bytes(data)


def _validate(data: bytes) -> MediaType | None:
    start = time.monotonic()
    refused: InputError | None = None
    try:
        result: MediaType | None = validate_original(data, name="fuzzed", limits=LIMITS).media_type
    except InputError as error:
        refused, result = error, None
    assert time.monotonic() - start < 5
    assert refused is None or (refused.code and refused.message)
    return result


@FUZZ
@given(damaged())
# Regressions found by this fuzzer (each crashed validation before its fix):
@example(hostile.truncated_tiff())  # TypeError "Missing dimensions" from Pillow's TIFF parser
def test_validation_of_a_damaged_original_accepts_it_or_refuses_it_with_a_reason(data: bytes) -> None:
    _validate(data)


@FUZZ
@given(st.binary(max_size=2048))
def test_validation_of_arbitrary_bytes_accepts_or_refuses(data: bytes) -> None:
    _validate(data)


@FUZZ
@given(damaged())
def test_what_validation_accepts_the_reader_reads_or_refuses_with_a_reason(data: bytes) -> None:
    media_type = _validate(data)
    if media_type is None:
        return
    try:
        if media_type is MediaType.PDF:
            pages = list(read_pdf_pages(data, dpi=72, max_pages=50, max_image_pixels=4_000_000))
        else:
            pages = list(read_image_pages(data, max_image_pixels=4_000_000))
    except InputError:
        return  # refused by the worker with a reason: the request ends as failed, visibly
    assert pages


TEXT = st.text(
    st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs", "Cc", "Cf", "Co")), max_size=200
)
_MIRROR_PAIRS = str.maketrans("()[]{}<>«»", "(([[{{<<««")


@FUZZ
@given(
    st.lists(
        st.tuples(st.characters(codec="utf-8"), st.floats(-1e4, 1e4), st.floats(-1e4, 1e4)), max_size=80
    ),
    st.booleans(),
)
@example([("\u0627", 1.0, 2.0), (" ", 3.0, 3.0), ("(", 3.0, 4.0), ("1", 3.0, 5.0), ("\u0301", 2, 2.5)], True)
def test_a_line_in_logical_order_keeps_every_character_but_spaces(
    chars: list[tuple[str, float, float]], right_to_left_page: bool
) -> None:
    line = logical_line(chars, right_to_left_page=right_to_left_page)
    expected = "".join(char for char, _, _ in chars)
    kept, given = (Counter(_visible(text).translate(_MIRROR_PAIRS)) for text in (line, expected))
    assert kept == given


def _visible(text: str) -> str:
    return "".join(char for char in text if not char.isspace())


@FUZZ
@given(TEXT)
def test_cleaning_a_text_layer_is_idempotent_and_keeps_no_carriage_return(text: str) -> None:
    cleaned = clean_layer_text(text)
    assert "\r" not in cleaned
    assert clean_layer_text(cleaned) == cleaned
    layer_is_text(cleaned)  # a verdict for any text, never an exception
    assert all(unicodedata.category(char) != "Cs" for char in cleaned)
