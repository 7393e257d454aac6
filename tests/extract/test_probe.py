"""Tests of extract/probe.py: text lines by projection profile and the probe band."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from extract.probe import FALLBACK_HEIGHT, PROBE_LINES, PROBE_TOP, line_pitch, probe_band, text_lines

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
