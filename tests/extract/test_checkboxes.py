"""Tick boxes drawn on scans: generated pages of our own (not the layouts generator's pixels).

Each page has a line per option: a box (empty, ticked, crossed or filled) drawn at a
scale, stroke and skew of its own, then the option's word; noise on top. Pages
without boxes hold letters "O" "D" "0", a printed box glyph in a sentence and a table.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.checkboxes import find_boxes
from rogatory.records import BoxState, Word

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
STATES = {
    "empty": BoxState.UNTICKED,
    "ticked": BoxState.TICKED,
    "crossed": BoxState.TICKED,
    "filled": BoxState.TICKED,
}


def _page(dpi: int) -> tuple[Image.Image, ImageDraw.ImageDraw, ImageFont.FreeTypeFont, float]:
    scale = dpi / 72
    image = Image.new("L", (round(8.27 * dpi), round(5 * dpi)), 255)
    return image, ImageDraw.Draw(image), ImageFont.truetype(FONT, round(10 * scale)), scale


def _word(draw: ImageDraw.ImageDraw, font: ImageFont.FreeTypeFont, xy: tuple[int, int], text: str) -> Word:
    draw.text(xy, text, font=font, fill=0)
    left, top, right, bottom = draw.textbbox(xy, text, font=font)
    return Word(text=text, left=left, top=top, width=right - left, height=bottom - top, confidence=0.9)


def _draw_box(draw: ImageDraw.ImageDraw, box: tuple[int, int, int], state: str, stroke: int) -> None:
    x, y, side = box
    draw.rectangle((x, y, x + side, y + side), outline=0, width=stroke, fill=0 if state == "filled" else None)
    if state == "crossed":
        draw.line((x, y, x + side, y + side), fill=0, width=stroke)
        draw.line((x + side, y, x, y + side), fill=0, width=stroke)
    elif state == "ticked":
        points = [
            (x + 0.15 * side, y + 0.55 * side),
            (x + 0.4 * side, y + 0.85 * side),
            (x + 1.1 * side, y - 0.15 * side),
        ]
        draw.line(points, fill=0, width=stroke + 1)


def _degrade(image: Image.Image, rng: random.Random, *, skew: float) -> Image.Image:
    turned = image.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    pixels = np.asarray(turned, dtype=np.float32) + np.random.default_rng(rng.randrange(1 << 30)).normal(
        0, 12, (turned.height, turned.width)
    )
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _turned(word: Word, *, angle: float, width: int, height: int) -> Word:
    """A word's box on the page turned ``angle`` degrees counter-clockwise (as the ink was)."""
    import math

    radians = -math.radians(angle)
    cx, cy = width / 2, height / 2
    x, y = word.left + word.width / 2 - cx, word.top + word.height / 2 - cy
    left = round(cx + math.cos(radians) * x - math.sin(radians) * y - word.width / 2)
    top = round(cy + math.sin(radians) * x + math.cos(radians) * y - word.height / 2)
    return word.model_copy(update={"left": left, "top": top})


def _form(dpi: int, seed: int, *, skew: float) -> tuple[Image.Image, list[Word], list[tuple[int, BoxState]]]:
    """A page of options, each a drawn box and a word; the truth is (word index, state) per box."""
    rng = random.Random(seed)
    image, draw, font, scale = _page(dpi)
    words: list[Word] = [_word(draw, font, (round(40 * scale), round(20 * scale)), "Type of proceedings")]
    truth = []
    for line, state in enumerate(
        ["empty", "ticked", "crossed", "filled", "empty", "ticked", "crossed", "empty"]
    ):
        side = round(rng.uniform(7.5, 11) * scale)
        stroke = max(1, round(rng.uniform(0.7, 1.3) * scale))
        x, y = round((40 + 150 * (line % 2)) * scale), round((45 + 26 * (line // 2)) * scale)
        _draw_box(draw, (x, y, side), state, stroke)
        truth.append((len(words), STATES[state]))
        words.append(_word(draw, font, (x + side + round(5 * scale), y - round(1 * scale)), f"option{line}"))
    page = _degrade(image, rng, skew=skew)
    return page, [_turned(word, angle=skew, width=page.width, height=page.height) for word in words], truth


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize(("seed", "skew"), [(1, 0.0), (2, 0.8), (3, -1.5)])
def test_drawn_boxes_are_found_with_their_state_and_option(dpi: int, seed: int, skew: float) -> None:
    page, words, truth = _form(dpi, seed, skew=skew)

    boxes = find_boxes(page, words)

    assert sorted((box.word, box.state) for box in boxes) == sorted(truth)


def test_a_bilevel_fax_page_reads_as_the_gray_one() -> None:
    page, words, truth = _form(200, 4, skew=0.5)

    boxes = find_boxes(page.point(lambda value: 255 if value > 160 else 0).convert("1"), words)

    assert sorted((box.word, box.state) for box in boxes) == sorted(truth)


def test_a_box_on_a_right_to_left_line_stands_before_the_word_on_its_left() -> None:
    image, draw, font, scale = _page(300)
    side = round(9 * scale)
    x, y = round(500 * scale), round(40 * scale)
    _draw_box(draw, (x, y, side), "crossed", round(scale))
    word = _word(draw, font, (x - round(30 * scale), y), "\u062a\u0641\u062a\u064a\u0634")
    other = _word(draw, font, (x + side + round(20 * scale), y), "\u0645\u0635\u0627\u062f\u0631\u0629")

    (box,) = find_boxes(image, [other, word])

    assert (box.word, box.state) == (1, BoxState.TICKED)


def test_a_square_inside_a_word_is_one_of_its_letters() -> None:
    """A bold heading's "Д" or "O" may pass for a box; inside a word OCR read, with letters on
    both sides, it is a letter. The same square before its option is a box."""
    image, draw, font, scale = _page(300)
    side = round(9 * scale)
    x, y = round(200 * scale), round(40 * scale)
    left = _word(draw, font, (x - round(40 * scale), y), "РАЗ")
    _draw_box(draw, (x, y, side), "empty", round(scale))
    right = _word(draw, font, (x + side + round(3 * scale), y), "ЕЛ")
    heading = Word(
        text="РАЗДЕЛ",
        left=left.left,
        top=min(left.top, right.top),
        width=right.left + right.width - left.left,
        height=max(left.height, right.height),
        confidence=0.6,
    )
    assert find_boxes(image, [heading]) == ()
    (box,) = find_boxes(image, [right])
    assert (box.word, box.state) == (0, BoxState.UNTICKED)


@pytest.mark.parametrize("dpi", [200, 300])
def test_a_page_without_boxes_gives_none(dpi: int) -> None:
    image, draw, font, scale = _page(dpi)
    lines = [
        "ODD 0 DO O'DONNELL ROOM 100 000 OOO DOD",
        "Tick the box \u25a1 or the box \u25a0 of the option; O and D and 0 are letters.",
        "BODO ODO DOO OD DO o d 0o",
    ]
    words = [
        _word(draw, font, (round(40 * scale), round((20 + 20 * row) * scale)), text)
        for row, text in enumerate(lines)
    ]
    for row in range(3):
        for col in range(4):
            x, y = round((40 + 30 * col) * scale), round((100 + 14 * row) * scale)
            draw.rectangle(
                (x, y, x + round(30 * scale), y + round(14 * scale)),
                outline=0,
                width=max(1, round(scale / 2)),
            )
    page = _degrade(image, random.Random(dpi), skew=0.7)

    boxes = find_boxes(page, words)

    assert [(box.left, box.top) for box in boxes if box.word is not None or box.width < 4 * scale] == []


def test_a_blank_page_gives_none() -> None:
    assert find_boxes(Image.new("L", (1654, 2339), 255), []) == ()
