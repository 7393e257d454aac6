"""Originals made in the test: PDFs with pdfium or by hand, images with Pillow. No binary fixtures."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Sequence

import pypdfium2
from PIL import Image


def pdf(pages: int = 1) -> bytes:
    """A valid PDF with ``pages`` blank A4 pages, written by pdfium."""
    document = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()


def hand_written_pdf(*, encrypted: bool) -> bytes:
    """A one-page PDF written object by object; ``encrypted`` adds a Standard /Encrypt dictionary."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    trailer = b""
    if encrypted:
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -44 >>"
        )
        file_id = b"<00112233445566778899aabbccddeeff>"
        trailer = b"/Encrypt 4 0 R /ID [" + file_id + b" " + file_id + b"]"
    return pdf_from_objects(objects, trailer=trailer, header=b"%PDF-1.4\n")


def pdf_from_objects(
    objects: Sequence[bytes], *, trailer: bytes = b"", header: bytes = b"%PDF-1.7\n"
) -> bytes:
    """A PDF whose objects are ``objects`` (object 1 is the catalog), with a correct xref."""
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


def image(image_format: str, size: tuple[int, int] = (40, 30), frames: int = 1) -> bytes:
    """A small grey image as PNG, JPEG or (multi-frame) TIFF."""
    buffer = io.BytesIO()
    first = Image.new("L", size, color=200)
    rest = [Image.new("L", size, color=100) for _ in range(frames - 1)]
    first.save(buffer, format=image_format, save_all=bool(rest), append_images=rest)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header (with a correct checksum) claims ``width`` x ``height`` pixels."""
    data = bytearray(image("PNG"))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def zip_archive() -> bytes:
    """An office document: a ZIP archive with the content-types member a .docx has."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def pdf_with_attachments(attachments: Sequence[tuple[str, bytes]], pages: int = 1) -> bytes:
    """A valid PDF of ``pages`` blank pages carrying ``attachments`` (name, bytes) as embedded files."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    document = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    for name, data in attachments:
        wide = ctypes.create_string_buffer((name + "\x00").encode("utf-16-le"))
        handle = pdfium_c.FPDFDoc_AddAttachment(
            document.raw, ctypes.cast(wide, ctypes.POINTER(ctypes.c_ushort))
        )
        buffer = ctypes.create_string_buffer(data, len(data))
        assert pdfium_c.FPDFAttachment_SetFile(handle, document.raw, buffer, len(data))
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


def zip_of(members: Sequence[tuple[str, bytes]], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP archive holding ``members`` (name inside the archive, bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()
