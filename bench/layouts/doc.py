"""A document as blocks, rendered to a PDF with a text layer, and scanned.

Blocks keep the exact text: Document.text() is what is printed, pages joined
by form feeds. Tick boxes are printed glyphs (their glyph is in the text) or,
with drawn=True, rectangles drawn on the page (no glyph: only the picture
says whether the box is ticked).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field

from fpdf import FPDF

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
FONTS = {
    "sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "mono": ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
    "cond": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
}

# printed tick-box styles: (unticked, ticked)
BOX_STYLES = [
    ("☐", "☒"),
    ("☐", "☑"),
    ("[ ]", "[X]"),
    ("[ ]", "[x]"),
    ("( )", "(x)"),
    ("□", "■"),
    ("[  ]", "[✓]"),
]


@dataclass
class Text:
    text: str
    size: float = 10
    bold: bool = False
    align: str = "L"  # L, C, R, J
    indent: float = 0
    gap: float = 1.5  # space after, mm


@dataclass
class Boxes:
    """A line of tick boxes: label, then options each with a state."""

    label: str
    options: list  # [(text, state)] state in empty, ticked, crossed, filled
    style: tuple = BOX_STYLES[0]
    drawn: bool = False
    vertical: bool = False
    size: float = 10


@dataclass
class Table:
    header: list
    rows: list
    widths: list | None = None
    size: float = 8.5


@dataclass
class Rule:
    pass


@dataclass
class PageBreak:
    pass


@dataclass
class Document:
    blocks: list = field(default_factory=list)
    font: str = "sans"
    rtl: bool = False
    header: str = ""  # printed at the top of every page (fax line)
    footer: str = ""  # "{n}" replaced by the page number
    margin: float = 18

    def add(self, *bs):
        self.blocks.extend(bs)
        return self


def _has_rtl(s: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in s)


def _box_text(b: Boxes, state: str) -> str:
    return b.style[0] if state == "empty" else b.style[1]


def _boxes_line_texts(b: Boxes) -> list[str]:
    """The text lines of a Boxes block, as the text layer holds them."""
    parts = []
    for opt, st in b.options:
        parts.append(opt if b.drawn else f"{_box_text(b, st)} {opt}")
    if b.vertical:
        return ([b.label] if b.label else []) + parts
    return [((b.label + " ") if b.label else "") + "   ".join(parts)]


class _PDF(FPDF):
    pass


def render_pdf(doc: Document) -> tuple[bytes, str]:
    """(PDF bytes, exact text with pages joined by form feeds)."""
    pdf = _PDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(doc.margin, doc.margin, doc.margin)
    reg, bold = FONTS[doc.font]
    pdf.add_font("F", "", FONT_DIR + reg)
    pdf.add_font("F", "B", FONT_DIR + bold)
    pdf.add_font("S", "", FONT_DIR + "DejaVuSans.ttf")  # for box glyphs and Arabic
    pdf.add_font("S", "B", FONT_DIR + "DejaVuSans-Bold.ttf")
    pdf.set_text_shaping(True)
    fam = "F"
    pages: list[list[str]] = []
    bottom = 297 - doc.margin - 8
    width = 210 - 2 * doc.margin

    def new_page():
        if pages and doc.footer:
            _footer()
        pdf.add_page()
        pages.append([])
        if doc.header:
            pdf.set_font("S", "", 7.5)
            pdf.set_xy(doc.margin, 6)
            h = doc.header.replace("{n}", f"{len(pages):03d}")
            pdf.cell(width, 4, h)
            pages[-1].append(h)
            pdf.set_xy(doc.margin, doc.margin)

    def _footer():
        pdf.set_font("S", "", 8)
        pdf.set_xy(doc.margin, 297 - doc.margin)
        t = doc.footer.replace("{n}", str(len(pages)))
        pdf.cell(width, 4, t, align="C")
        pages[-1].append(t)

    def need(h):
        if pdf.get_y() + h > bottom:
            new_page()

    new_page()
    for b in doc.blocks:
        if isinstance(b, PageBreak):
            new_page()
            continue
        if isinstance(b, Rule):
            need(3)
            y = pdf.get_y() + 1
            pdf.line(doc.margin, y, 210 - doc.margin, y)
            pdf.set_y(y + 2)
            continue
        if isinstance(b, Text):
            pdf.set_font(fam, "B" if b.bold else "", b.size)
            lh = b.size * 0.45
            al = b.align if b.align != "L" else ("R" if _has_rtl(b.text) else "L")
            lines = pdf.multi_cell(width - b.indent, lh, b.text, align=al, dry_run=True, output="LINES")
            need(len(lines) * lh)
            pdf.set_x(doc.margin + (0 if doc.rtl else b.indent))
            pdf.multi_cell(width - b.indent, lh, b.text, align=al, new_x="LMARGIN", new_y="NEXT")
            pdf.set_y(pdf.get_y() + b.gap)
            pages[-1].append(b.text)
            continue
        if isinstance(b, Boxes):
            lh = b.size * 0.5
            texts = _boxes_line_texts(b)
            pdf.set_font("S", "", b.size)
            nlines = sum(len(pdf.multi_cell(width - 8, lh, t, dry_run=True, output="LINES")) for t in texts)
            need(lh * nlines + 1)
            pdf.set_font(fam, "", b.size)
            if b.drawn:
                _draw_boxes(pdf, b, doc, lh)
            else:
                for t in texts:
                    pdf.set_font("S", "", b.size)
                    pdf.multi_cell(
                        width, lh, t, align="R" if _has_rtl(t) else "L", new_x="LMARGIN", new_y="NEXT"
                    )
            pdf.set_y(pdf.get_y() + 1.2)
            pages[-1].extend(texts)
            continue
        if isinstance(b, Table):
            pdf.set_font(fam, "", b.size)
            lh = b.size * 0.5
            widths = b.widths or [width / len(b.header)] * len(b.header)
            rows = [b.header, *b.rows]
            for i, row in enumerate(rows):
                pdf.set_font(fam, "B" if i == 0 else "", b.size)
                nl = max(
                    len(pdf.multi_cell(w, lh, str(c), dry_run=True, output="LINES"))
                    for w, c in zip(widths, row, strict=False)
                )
                need(nl * lh + 1)
                y0 = pdf.get_y()
                x = doc.margin
                for w, c in zip(widths, row, strict=False):
                    pdf.set_xy(x, y0)
                    pdf.multi_cell(w, lh, str(c), border=0, align="R" if doc.rtl else "L")
                    pdf.rect(x, y0, w, nl * lh)
                    x += w
                pdf.set_y(y0 + nl * lh)
                pages[-1].append(" ".join(str(c) for c in row))
            pdf.set_y(pdf.get_y() + 2)
            continue
        raise TypeError(b)
    if doc.footer:
        _footer()
    text = "\f".join("\n".join(p) for p in pages)
    return bytes(pdf.output()), text


def _draw_boxes(pdf: FPDF, b: Boxes, doc: Document, lh: float):
    """Boxes drawn as rectangles: empty, ticked (a check mark), crossed (an X) or filled."""
    s = b.size * 0.32
    x0 = doc.margin
    y = pdf.get_y()
    width = 210 - 2 * doc.margin
    items = list(b.options)
    if b.label:
        if b.vertical:
            pdf.set_xy(x0, y)
            pdf.multi_cell(width, lh, b.label, align="R" if doc.rtl else "L", new_x="LMARGIN", new_y="NEXT")
            y = pdf.get_y()
            x = x0
        else:
            lw = pdf.get_string_width(b.label + " ")
            pdf.set_xy(x0 if not doc.rtl else 210 - doc.margin - lw, y)
            pdf.cell(lw, lh, b.label)
            x = x0 + lw
    else:
        x = x0
    for opt, st in items:
        tw = pdf.get_string_width(opt) + 2
        if b.vertical:
            x = x0 + 2
        if doc.rtl:
            bx = 210 - doc.margin - (x - x0) - s - 2
            tx = bx - tw - 1
        else:
            bx, tx = x, x + s + 1.5
        by = y + (lh - s) / 2
        pdf.set_line_width(0.35)
        pdf.rect(bx, by, s, s, style="F" if st == "filled" else "D")
        if st == "crossed":
            pdf.line(bx, by, bx + s, by + s)
            pdf.line(bx + s, by, bx, by + s)
        elif st == "ticked":
            pdf.set_line_width(0.5)
            pdf.line(bx + 0.15 * s, by + 0.55 * s, bx + 0.4 * s, by + 0.85 * s)
            pdf.line(bx + 0.4 * s, by + 0.85 * s, bx + 1.05 * s, by - 0.1 * s)
        pdf.set_line_width(0.2)
        if b.vertical:
            # long options wrap under themselves, as on the printed form
            avail = (210 - doc.margin - tx) if not doc.rtl else (bx - 1 - doc.margin)
            left = tx if not doc.rtl else doc.margin
            pdf.set_xy(left, y)
            pdf.multi_cell(avail, lh, opt, align="R" if doc.rtl else "L", new_x="LMARGIN", new_y="NEXT")
            y = pdf.get_y()
        else:
            pdf.set_xy(tx, y)
            pdf.cell(tw, lh, opt)
            x += s + tw + 6
    pdf.set_xy(x0, y + (0 if b.vertical else lh))


# ---- scanning -------------------------------------------------------------


def rasterize(pdf_bytes: bytes, dpi: int) -> list:
    import pypdfium2 as pdfium

    d = pdfium.PdfDocument(pdf_bytes)
    out = [d[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(d))]
    d.close()
    return out


def degrade(img, rng: random.Random, mode: str):
    """mode: office (skew, noise, blur, JPEG), fax (low resolution, 1 bit, streaks), photo (skew, shade, JPEG)."""
    import numpy as np
    from PIL import Image, ImageFilter

    if mode == "fax":
        w, h = img.size
        img = img.resize((w, h // 2), Image.BILINEAR).resize((w, h), Image.NEAREST)
    angle = rng.uniform(-1.8, 1.8) if mode != "fax" else rng.uniform(-0.8, 0.8)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    a = np.asarray(img).astype(np.float32)
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    if mode == "photo":
        h, w = a.shape
        grad = (
            np.linspace(rng.uniform(0.75, 0.9), 1.0, w)[None, :]
            * np.linspace(1.0, rng.uniform(0.8, 0.95), h)[:, None]
        )
        a = a * grad
    a = a + nrng.normal(0, 9 if mode != "fax" else 5, a.shape)
    if mode == "fax":
        thr = rng.uniform(150, 185)
        a = np.where(a < thr, 0, 255).astype(np.float32)
        # salt and pepper and a streak or two
        m = nrng.random(a.shape)
        a[m < 0.0015] = 0
        for _ in range(rng.randint(0, 2)):
            y = rng.randrange(a.shape[0] - 3)
            k = rng.randint(1, 3)
            a[y : y + k, :] = np.minimum(
                a[y : y + k, :], nrng.choice([0, 255], size=a[y : y + k, :].shape, p=[0.3, 0.7])
            )
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if mode != "fax":
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.2, 0.7)))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=rng.randint(30, 65))
        img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    else:
        img = img.convert("1")
    return img


def harsh(img, rng: random.Random):
    """A harsher scan than ``degrade``'s: skew up to 3 degrees, lighter ink, heavier noise
    and blur, a darker corner, then either fax thresholding (with specks and streaks) or
    uneven light (a shadow from one side) and a JPEG at quality 15 to 35."""
    import numpy as np
    from PIL import Image, ImageFilter

    img = img.rotate(rng.uniform(-3.0, 3.0), resample=Image.BICUBIC, expand=False, fillcolor=255)
    a = np.asarray(img).astype(np.float32)
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    h, w = a.shape
    x = np.linspace(0.0, 1.0, w)[None, :]
    y = np.linspace(0.0, 1.0, h)[:, None]
    side = rng.uniform(0.45, 0.7) + (1 - rng.uniform(0.45, 0.7)) * (x if rng.random() < 0.5 else 1 - x)
    cx, cy = rng.choice([0.0, 1.0]), rng.choice([0.0, 1.0])
    corner = 1.0 - rng.uniform(0.1, 0.3) * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / 0.15)
    a = 255 - (255 - a) * rng.uniform(0.75, 1.0)  # lighter ink
    fax = rng.random() < 0.5
    # a fax machine's scanner lights the page evenly: its shadows are a camera's or a copier's
    a = a * (np.clip(corner, 0.3, 1.0) if fax else np.clip(side * corner, 0.3, 1.0))
    a = a + nrng.normal(0, 12, a.shape)
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9))
    )
    if fax:
        a = np.asarray(img).astype(np.float32)
        a = np.where(a < rng.uniform(120, 160), 0, 255).astype(np.float32)
        a[nrng.random(a.shape) < 0.003] = 0
        for _ in range(rng.randint(1, 3)):
            y0 = rng.randrange(a.shape[0] - 3)
            k = rng.randint(1, 3)
            a[y0 : y0 + k, :] = np.minimum(
                a[y0 : y0 + k, :], nrng.choice([0, 255], size=a[y0 : y0 + k, :].shape, p=[0.3, 0.7])
            )
        return Image.fromarray(a.astype(np.uint8)).convert("1")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=rng.randint(15, 35))
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def save_scan(pages: list, path_stem, fmt: str, dpi: int) -> str:
    """Save page images: fmt pdf (PDF of images), tif, png, jpg. Returns the file name written."""
    import img2pdf

    if fmt == "pdf":
        blobs = []
        for p in pages:
            buf = io.BytesIO()
            if p.mode == "1":
                p.save(buf, "TIFF", compression="group4", dpi=(dpi, dpi))
            else:
                p.save(buf, "JPEG", quality=80, dpi=(dpi, dpi))
            blobs.append(buf.getvalue())
        out = f"{path_stem}.pdf"
        with open(out, "wb") as f:
            f.write(img2pdf.convert(blobs))
        return out
    if fmt == "tif":
        out = f"{path_stem}.tif"
        comp = "group4" if all(p.mode == "1" for p in pages) else "tiff_lzw"
        pages[0].save(out, "TIFF", save_all=True, append_images=pages[1:], compression=comp, dpi=(dpi, dpi))
        return out
    if fmt == "png":
        out = f"{path_stem}.png"
        pages[0].save(out, "PNG", dpi=(dpi, dpi))
        return out
    out = f"{path_stem}.jpg"
    pages[0].convert("L").save(out, "JPEG", quality=75, dpi=(dpi, dpi))
    return out
