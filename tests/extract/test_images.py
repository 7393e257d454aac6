"""Tests of extract/images.py: frames, EXIF orientation, limits and undecodable files."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from extract.images import PageImage, read_image_pages
from rogatory.errors import InputError
from rogatory.records import IssueCode

EXIF_ORIENTATION = 0x0112


def encode(images: list[Image.Image], image_format: str, **params: object) -> bytes:
    buffer = io.BytesIO()
    images[0].save(buffer, format=image_format, save_all=len(images) > 1, append_images=images[1:], **params)
    return buffer.getvalue()


def sizes(pages: list[PageImage]) -> list[tuple[int, int] | None]:
    return [page.image.size if page.image else None for page in pages]


def test_each_tiff_frame_is_a_page() -> None:
    frames = [Image.new("L", (100 + 10 * index, 200), 255) for index in range(3)]
    pages = list(read_image_pages(encode(frames, "TIFF", dpi=(200, 200)), max_image_pixels=10**6))
    assert sizes(pages) == [(100, 200), (110, 200), (120, 200)]
    assert [page.dpi for page in pages] == [200, 200, 200]


@pytest.mark.parametrize(
    ("orientation", "expected"),
    [(1, (300, 100)), (3, (300, 100)), (6, (100, 300)), (8, (100, 300))],
)
def test_jpeg_exif_orientation_is_honoured(orientation: int, expected: tuple[int, int]) -> None:
    image = Image.new("RGB", (300, 100), "white")
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = orientation
    pages = list(read_image_pages(encode([image], "JPEG", exif=exif.tobytes()), max_image_pixels=10**6))
    assert sizes(pages) == [expected]


def test_exif_rotation_turns_the_content() -> None:
    image = Image.new("L", (300, 100), 255)
    image.paste(0, (0, 0, 30, 30))  # a black square top left
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = 6  # shown turned 90 degrees clockwise
    pages = list(read_image_pages(encode([image], "PNG", exif=exif.tobytes()), max_image_pixels=10**6))
    upright = pages[0].image
    assert upright is not None
    assert upright.size == (100, 300)
    assert upright.getpixel((95, 5)) == 0  # the square is now top right
    assert upright.getpixel((5, 5)) == 255


@pytest.mark.parametrize(
    ("mode", "expected_mode"),
    [("1", "1"), ("L", "L"), ("RGB", "RGB"), ("RGBA", "RGB"), ("P", "RGB"), ("LA", "L"), ("I;16", "L")],
)
def test_pages_are_in_a_mode_tesseract_reads(mode: str, expected_mode: str) -> None:
    data = encode([Image.new(mode, (50, 40))], "PNG")
    page = next(iter(read_image_pages(data, max_image_pixels=10**6)))
    assert page.image is not None
    assert page.image.mode == expected_mode


@pytest.mark.parametrize("pixels", [(1500, 1000), (3000, 1000)])
def test_image_over_the_pixel_limit_is_refused(pixels: tuple[int, int]) -> None:
    data = encode([Image.new("1", pixels)], "TIFF")
    with pytest.raises(InputError) as raised:
        list(read_image_pages(data, max_image_pixels=1_000_000, name="scan.tif"))
    assert raised.value.code == "image_too_large"
    assert "scan.tif" in raised.value.message


def test_pixel_limit_is_restored_after_opening() -> None:
    before = Image.MAX_IMAGE_PIXELS
    list(read_image_pages(encode([Image.new("L", (10, 10))], "PNG"), max_image_pixels=100))
    assert before == Image.MAX_IMAGE_PIXELS


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not an image",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
        encode([Image.new("L", (400, 400), 128)], "JPEG")[:300],
    ],
)
def test_undecodable_image_is_refused(data: bytes) -> None:
    with pytest.raises(InputError) as raised:
        list(read_image_pages(data, max_image_pixels=10**6, name="scan.jpg"))
    assert raised.value.code == "unreadable_image"
    assert "scan.jpg" in raised.value.message


def png_bomb(side: int) -> bytes:
    """A 1-bit PNG ``side`` pixels square, all black: a small file that decodes to a huge image."""
    row = b"\x00" * (1 + (side + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def test_decompression_bomb_is_refused_before_decoding() -> None:
    data = png_bomb(40_000)
    assert len(data) < 300_000  # 1.6 billion pixels in a small file
    with pytest.raises(InputError) as raised:
        list(read_image_pages(data, max_image_pixels=120_000_000, name="photo.png"))
    assert raised.value.code == "image_too_large"
    assert "more than 120,000,000 pixels" in raised.value.message


def test_an_oversized_later_frame_fails_alone() -> None:
    data = encode([Image.new("L", (100, 100), 255), Image.new("L", (2000, 1000), 255)], "TIFF")
    pages = list(read_image_pages(data, max_image_pixels=1_000_000, name="scan.tif"))
    assert sizes(pages) == [(100, 100), None]
    issue = pages[1].issue
    assert issue is not None
    assert (issue.code, issue.page) == (IssueCode.PAGE_TOO_LARGE, 2)
    assert "page 2 of scan.tif" in issue.message
    assert "2000x1000" in issue.message
