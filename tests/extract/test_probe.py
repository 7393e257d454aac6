"""Tests of extract/probe.py: text lines by projection profile and the probe band."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.probe import (
    FALLBACK_HEIGHT,
    PROBE_LINES,
    PROBE_TOP,
    line_pitch,
    merge_fragments,
    probe_band,
    text_lines,
)

WIDTH, HEIGHT = 1700, 2200
BODY = "The competent authority requests the freezing of the bank account held by the suspect"


def page(*, first: int, lines: int, pitch: int = 60, heading: str = "MINISTRY OF JUSTICE") -> Image.Image:
    """A 200 dpi page: a short centred heading at the top, ``lines`` body lines from ``first``."""
    image = Image.new("L", (WIDTH, HEIGHT), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=34)
    draw.text((700, 100), heading, fill=0, font=font)
    for index in range(lines):
        draw.text((120, first + index * pitch), BODY, fill=0, font=font)
    return image


def test_text_lines_are_found_with_their_extent() -> None:
    lines = text_lines(page(first=600, lines=8))
    assert len(lines) == 9
    heading, body = lines[0], lines[1:]
    assert heading.width < WIDTH * 0.4
    assert all(line.width > WIDTH * 0.6 for line in body)
    assert [line.top // 60 for line in body] == list(range(10, 18))
    assert line_pitch(body) == 60


def test_probe_reads_five_body_lines_below_the_letterhead() -> None:
    band = probe_band(page(first=600, lines=20))
    assert band.width == WIDTH
    assert PROBE_LINES * 60 - 4 <= band.height <= PROBE_LINES * 60 + 4
    # The band shows body text from its first line: its own first line is 5 lines' worth of it.
    assert len(text_lines(band)) in {PROBE_LINES, PROBE_LINES + 1}


def test_probe_reads_from_the_top_when_the_text_ends_above_the_letterhead_mark() -> None:
    band = probe_band(page(first=200, lines=3))
    lines = text_lines(band)
    assert len(lines) >= 3
    assert band.height < HEIGHT * PROBE_TOP


def test_wider_probe_reads_more_lines() -> None:
    image = page(first=600, lines=25)
    assert probe_band(image, lines=15).height == 3 * probe_band(image).height


def test_blank_or_picture_page_gets_the_fixed_band() -> None:
    blank = Image.new("L", (WIDTH, HEIGHT), 255)
    assert text_lines(blank) == []
    assert probe_band(blank).size == (WIDTH, round(HEIGHT * FALLBACK_HEIGHT))
    picture = Image.new("L", (WIDTH, HEIGHT), 255)
    ImageDraw.Draw(picture).rectangle((100, 300, 1600, 1900), fill=0)
    assert text_lines(picture) == []
    assert probe_band(picture.convert("1")).size == (WIDTH, round(HEIGHT * FALLBACK_HEIGHT))


def striped(lines: list[tuple[int, int]], *, width: int = 900) -> Image.Image:
    """A small page (900 px: 3 inches at 300 dpi) with one bar of ink per (top, height)."""
    image = Image.new("L", (width, width), 255)
    draw = ImageDraw.Draw(image)
    for top, height in lines:
        draw.rectangle((40, top, width - 40, top + height - 1), fill=0)
    return image


def test_ascender_rows_of_a_light_font_belong_to_their_line() -> None:
    # OCRmyPDF's francais.pdf: above each 20 px line, 4 px of ascender tops 4 px away.
    bars = [part for top in range(160, 760, 52) for part in ((top, 4), (top + 8, 20))]
    lines = text_lines(striped(bars))
    assert [(line.top, line.bottom - line.top) for line in lines] == [
        (top, 28) for top in range(160, 760, 52)
    ]
    assert line_pitch(lines) == 52


def test_close_lines_of_full_height_stay_apart() -> None:
    lines = text_lines(striped([(top, 20) for top in range(160, 760, 24)]))
    assert len(lines) == len(range(160, 760, 24))
    assert line_pitch(lines) == 24


@pytest.mark.parametrize(
    ("runs", "merged"),
    [
        ([], []),
        ([(10, 15)], [(10, 15)]),
        ([(10, 11), (12, 17), (30, 35)], [(10, 17), (30, 35)]),  # ascender above
        ([(10, 15), (16, 17), (30, 35)], [(10, 17), (30, 35)]),  # descender below
        ([(10, 11), (14, 19), (30, 35)], [(10, 11), (14, 19), (30, 35)]),  # a rule too far away
        ([(10, 15), (16, 21), (22, 27)], [(10, 15), (16, 21), (22, 27)]),  # tight lines
    ],
)
def test_fragments_are_merged_into_their_line(
    runs: list[tuple[int, int]], merged: list[tuple[int, int]]
) -> None:
    assert merge_fragments(runs) == merged
