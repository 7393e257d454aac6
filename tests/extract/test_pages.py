"""Tests of extract/pages.py: a page read alone is the page the whole-document reader gives."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops

from extract.images import PageImage, PendingPage
from extract.pages import count_pages, plan_pages, read_page
from extract.pdf import TextLayerPage
from extract.text import TextOptions, page_sources
from rogatory.errors import InputError
from rogatory.sources import MediaType, SourceFile
from tests.extract.test_pdf import make_damaged_pdf, make_text_pdf

OPTIONS = TextOptions(dpi=72, max_pages=10, max_image_pixels=10**7)
RENDERING = TextOptions(dpi=150, max_pages=10, max_image_pixels=10**7)


def _marked(index: int, size: tuple[int, int] = (300, 400)) -> Image.Image:
    """A page image told apart from the others by a black square at a place of its own."""
    image = Image.new("L", size, 255)
    image.paste(0, (10 + 20 * index, 10, 30 + 20 * index, 30))
    return image


def _mixed_pdf() -> bytes:
    """Page 1 a text layer, pages 2 and 3 images (Pillow's PDF pages), joined with pikepdf."""
    import pikepdf

    text = pikepdf.open(io.BytesIO(make_text_pdf([["A page of real text, born digital."]])))
    buffer = io.BytesIO()
    _marked(0).save(buffer, format="PDF", save_all=True, append_images=[_marked(1)], resolution=72.0)
    images = pikepdf.open(io.BytesIO(buffer.getvalue()))
    text.pages.extend(images.pages)
    out = io.BytesIO()
    text.save(out)
    return out.getvalue()


def _same(left: PageImage | TextLayerPage, right: PageImage | TextLayerPage) -> bool:
    if isinstance(left, TextLayerPage) or isinstance(right, TextLayerPage):
        return left == right
    if left.image is None or right.image is None:
        return left.image is right.image and left.issue == right.issue
    return (
        left.dpi == right.dpi
        and left.image.size == right.image.size
        and ImageChops.difference(left.image, right.image).getbbox() is None
    )


def test_a_mixed_pdf_is_planned_without_rendering_and_each_page_read_alone() -> None:
    source = SourceFile(data=_mixed_pdf(), media_type=MediaType.PDF, name="mixed.pdf")
    plan = list(plan_pages(source, RENDERING))
    assert isinstance(plan[0], TextLayerPage)
    assert plan[1:] == [PendingPage(index=1), PendingPage(index=2)]
    assert count_pages(source, RENDERING) == 3
    whole = list(page_sources(source, RENDERING))
    alone = [read_page(source, index, RENDERING) for index in range(3)]
    assert all(isinstance(page, PageImage) and page.image and page.dpi == 150 for page in alone[1:])
    assert [_same(a, b) for a, b in zip(whole, alone, strict=True)] == [True, True, True]
    assert not _same(alone[1], alone[2])


def test_each_tiff_frame_is_read_alone_as_in_the_document() -> None:
    frames = [_marked(index) for index in range(4)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="TIFF", save_all=True, append_images=frames[1:], dpi=(200, 200))
    source = SourceFile(data=buffer.getvalue(), media_type=MediaType.TIFF, name="scan.tif")
    assert list(plan_pages(source, OPTIONS)) == [PendingPage(index=index) for index in range(4)]
    assert count_pages(source, OPTIONS) == 4
    whole = list(page_sources(source, OPTIONS))
    assert [_same(whole[index], read_page(source, index, OPTIONS)) for index in (3, 0, 2, 1)] == [True] * 4
    assert not _same(whole[0], read_page(source, 1, OPTIONS))
    with pytest.raises(IndexError):
        read_page(source, 4, OPTIONS)


def test_an_oversized_frame_read_alone_fails_alone_with_the_same_issue() -> None:
    frames = [_marked(0), Image.new("L", (4000, 3000), 255), _marked(2)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="TIFF", save_all=True, append_images=frames[1:])
    source = SourceFile(data=buffer.getvalue(), media_type=MediaType.TIFF, name="scan.tif")
    whole = list(page_sources(source, OPTIONS))
    alone = read_page(source, 1, OPTIONS)
    assert isinstance(alone, PageImage)
    assert alone.image is None
    assert alone.issue == whole[1].issue
    assert alone.issue is not None
    assert "page 2 of scan.tif" in alone.issue.message
    assert _same(read_page(source, 2, OPTIONS), whole[2])


def test_a_damaged_pdf_page_read_alone_fails_alone() -> None:
    source = SourceFile(data=make_damaged_pdf(), media_type=MediaType.PDF, name="request.pdf")
    damaged = read_page(source, 1, OPTIONS)
    assert isinstance(damaged, PageImage)
    assert damaged.issue is not None
    assert "page 2 is damaged" in damaged.issue.message
    assert read_page(source, 2, OPTIONS) == TextLayerPage(text="Third page", width=595, height=842)
    assert [type(item) for item in plan_pages(source, OPTIONS)] == [TextLayerPage, PageImage, TextLayerPage]


def test_an_unreadable_file_is_refused_when_counted() -> None:
    with pytest.raises(InputError):
        count_pages(SourceFile(data=b"%PDF-1.7 broken", media_type=MediaType.PDF, name="x.pdf"), OPTIONS)
    with pytest.raises(InputError):
        count_pages(SourceFile(data=b"not a tiff", media_type=MediaType.TIFF, name="x.tif"), OPTIONS)
