"""Turning a page image upright from what tesseract's orientation detection says."""

from __future__ import annotations

from PIL import Image

from extract.tesseract import Orientation

#: Below this OSD orientation confidence, a page is left as it is.
MIN_ORIENTATION_CONFIDENCE = 3.0


def needs_turn(orientation: Orientation | None) -> bool:
    """Whether the page is sideways or upside down, confidently enough to turn it."""
    return (
        orientation is not None
        and orientation.rotate != 0
        and orientation.orientation_confidence >= MIN_ORIENTATION_CONFIDENCE
    )


def turn_upright(image: Image.Image, orientation: Orientation) -> Image.Image:
    """The image turned clockwise by ``orientation.rotate`` degrees (a multiple of 90)."""
    return turn_clockwise(image, orientation.rotate)


def turn_clockwise(image: Image.Image, degrees: int) -> Image.Image:
    """The image turned clockwise by ``degrees`` (a multiple of 90; other values leave it)."""
    turns = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
    transpose = turns.get(degrees % 360)
    return image if transpose is None else image.transpose(transpose)
