"""Tests of extract/pdf.py: text layers, glyph garbage, corrupt and over-long PDFs."""

from __future__ import annotations

import io

import pikepdf
import pytest
from PIL import Image

from extract.images import PageImage
from extract.pdf import (
    TextLayerPage,
    clean_layer_text,
    layer_is_text,
    open_pdf,
    read_pdf_pages,
)
from rogatory.errors import InputError
from rogatory.records import IssueCode


def make_text_pdf(pages: list[list[str]], *, invisible: bool = False, scan: bool = False) -> bytes:
    """A minimal born-digital PDF (Helvetica, one text line per entry) written by hand.

    ``invisible`` draws the text in render mode 3; ``scan`` puts a page-sized image under it.
    """
    objects: list[bytes] = []
    page_ids = [5 + 2 * index for index in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{page_id} 0 R" for page_id in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pixel = (
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 1 >>\nstream\n\xf0\nendstream"
    )
    objects.append(pixel)
    for page_id, lines in zip(page_ids, pages, strict=True):
        image = "q 595 0 0 842 0 0 cm /Im1 Do Q " if scan else ""
        mode = "3 Tr " if invisible else ""
        shown = " ".join(f"({line}) Tj T*" for line in lines)
        body = f"{image}BT /F1 12 Tf {mode}72 770 Td 14 TL {shown} ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
            f"/XObject << /Im1 4 0 R >> >> /Contents {page_id + 1} 0 R >>".encode()
        )
        stream = body.encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + content + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def make_image_pdf(pages: int = 1) -> bytes:
    """A PDF of blank page images (no text layer), written by Pillow."""
    images = [Image.new("L", (600, 800), 255) for _ in range(pages)]
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:], resolution=100.0)
    return buffer.getvalue()


def test_text_layer_pages_are_read_in_order() -> None:
    data = make_text_pdf([["Request for mutual legal assistance", "Article 46 UNCAC"], ["Second page"]])
    pages = list(read_pdf_pages(data, dpi=300, max_pages=10, max_image_pixels=10**9))
    assert pages == [
        TextLayerPage(text="Request for mutual legal assistance\nArticle 46 UNCAC", width=2479, height=3508),
        TextLayerPage(text="Second page", width=2479, height=3508),
    ]


LONG_LINES = ["Request for mutual legal assistance in a criminal matter, Article 46 UNCAC"] * 4


def test_an_invisible_layer_over_a_scan_is_read_as_the_scan_s_ocr() -> None:
    pages = list(read_pdf_pages(make_text_pdf([LONG_LINES], invisible=True, scan=True), **LIMITS))
    assert isinstance(pages[0], TextLayerPage)
    assert pages[0].text.startswith("Request for mutual legal assistance")


def test_invisible_text_on_a_page_without_a_scan_is_not_taken_for_its_text() -> None:
    pages = list(read_pdf_pages(make_text_pdf([LONG_LINES], invisible=True), **LIMITS))
    assert isinstance(pages[0], PageImage)
    assert pages[0].image is not None  # read as it looks: rendered for OCR
    visible = list(read_pdf_pages(make_text_pdf([LONG_LINES]), **LIMITS))
    assert isinstance(visible[0], TextLayerPage)


LIMITS = {"dpi": 100, "max_pages": 10, "max_image_pixels": 10**9}


def test_page_without_text_layer_is_rendered_at_the_dpi() -> None:
    pages = list(read_pdf_pages(make_image_pdf(), dpi=144, max_pages=10, max_image_pixels=10**9))
    assert len(pages) == 1
    page = pages[0]
    assert isinstance(page, PageImage)
    assert page.image is not None
    assert (page.image.width, page.image.height, page.dpi) == (864, 1152, 144)


def test_render_is_scaled_down_to_the_pixel_limit() -> None:
    pages = list(read_pdf_pages(make_image_pdf(), dpi=300, max_pages=10, max_image_pixels=1_000_000))
    page = pages[0]
    assert isinstance(page, PageImage)
    assert page.image is not None
    assert page.image.width * page.image.height <= 1_000_000
    assert page.dpi is not None
    assert page.dpi < 300


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"%PDF-1.4\nthis is not a pdf at all", "corrupt_pdf"),
        (b"", "corrupt_pdf"),
        (make_text_pdf([["x"]])[:200], "corrupt_pdf"),
    ],
)
def test_corrupt_pdf_is_refused(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as raised:
        open_pdf(data, max_pages=10, name="request.pdf")
    assert raised.value.code == code
    assert "request.pdf" in raised.value.message


def test_pdf_over_the_page_limit_is_refused() -> None:
    with pytest.raises(InputError) as raised:
        list(read_pdf_pages(make_image_pdf(pages=3), dpi=72, max_pages=2, max_image_pixels=10**9))
    assert raised.value.code == "too_many_pages"
    assert "3 pages" in raised.value.message


def encrypt(data: bytes, *, user_password: str) -> bytes:
    """``data`` encrypted (AES-256) with an owner password and the given user password."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner="owner-secret", user=user_password, R=6))
    return out.getvalue()


def test_encrypted_pdf_with_an_empty_user_password_is_read() -> None:
    data = encrypt(make_text_pdf([["Request for mutual legal assistance"]]), user_password="")
    pages = list(read_pdf_pages(data, dpi=72, max_pages=10, max_image_pixels=10**9))
    assert [page.text for page in pages if isinstance(page, TextLayerPage)] == [
        "Request for mutual legal assistance"
    ]


def test_pdf_with_a_user_password_is_refused_with_the_reason() -> None:
    data = encrypt(make_text_pdf([["Request for mutual legal assistance"]]), user_password="open-me")
    with pytest.raises(InputError) as raised:
        open_pdf(data, max_pages=10, name="request.pdf")
    assert raised.value.code == "encrypted_pdf"
    assert "password" in raised.value.message
    assert "request.pdf" in raised.value.message


def make_damaged_pdf() -> bytes:
    """Three text pages, the second page object overwritten (the others readable)."""
    data = make_text_pdf([["First page"], ["Second page"], ["Third page"]])
    second = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
    start = data.index(second, data.index(b"7 0 obj"))
    end = data.index(b"endobj", start)
    # Same length, so that the cross-reference table still points at every object.
    return data[:start] + b"(not a page)".ljust(end - start) + data[end:]


def test_a_damaged_page_fails_alone() -> None:
    data = make_damaged_pdf()
    pages = list(read_pdf_pages(data, dpi=72, max_pages=10, max_image_pixels=10**9))
    assert len(pages) == 3
    assert [page.text for page in pages if isinstance(page, TextLayerPage)] == ["First page", "Third page"]
    damaged = pages[1]
    assert isinstance(damaged, PageImage)
    assert damaged.image is None
    assert damaged.issue is not None
    assert damaged.issue.code == IssueCode.PAGE_DAMAGED
    assert "page 2 is damaged" in damaged.issue.message


def test_a_page_of_absurd_size_is_not_rendered() -> None:
    buffer = io.BytesIO()
    # 2000 pixels at 10 per inch: a page 200 inches square, the largest a PDF allows.
    Image.new("L", (2000, 2000), 255).save(buffer, format="PDF", resolution=10.0)
    pages = list(read_pdf_pages(buffer.getvalue(), dpi=300, max_pages=10, max_image_pixels=120_000_000))
    page = pages[0]
    assert isinstance(page, PageImage)
    assert page.image is None
    assert page.issue is not None
    assert (page.issue.code, page.issue.page) == (IssueCode.PAGE_TOO_LARGE, 1)
    assert "200 x 200 inches" in page.issue.message
    assert "120,000,000 pixels" in page.issue.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Request for assistance under Article 46", True),
        ("Запрос о правовой помощи", True),
        ("طلب مساعدة قانونية متبادلة", True),
        ("Case No. 12/2024, 1 May 2026", True),
        ("", False),
        ("   \n\n ", False),
        ("\ue001\ue002\ue003\ue004 \ue005\ue006", False),
        ("\ufffd\ufffd\ufffd\ufffd abc", False),
        ("!#$%& ()*+, -./:; <=>?@", False),
        ("\x01\x03\x04\x05\x06 request", False),
    ],
)
def test_layer_is_text(text: str, expected: bool) -> None:
    assert layer_is_text(text) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("line one\r\nline two\r\n", "line one\nline two"),
        ("trailing   \r\nspaces\t", "trailing\nspaces"),
        ("a\ufffeb\ufeffc", "abc"),
        ("\r\n\r\nbody", "body"),
        ("\u064a\u0651\u064e", "\u064a\u064e\u0651"),  # shadda and fatha in canonical order
        ("e\u0301te\u0301", "\u00e9t\u00e9"),
    ],
)
def test_clean_layer_text(raw: str, expected: str) -> None:
    assert clean_layer_text(raw) == expected
