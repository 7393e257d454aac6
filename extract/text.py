"""The text extraction stage: an original in, its text page by page and its language out.

Runs in the worker process (and in the evaluation command and tests). PDF pages
use their text layer when it is real text and are otherwise rendered and OCR'd;
image files are OCR'd frame by frame. OCR picks its models once per document, on
its first page with text: an English probe of a few lines of the page whose language
lingua decides when it reads well (upright Latin text), else probes of the same lines
with the Cyrillic and Arabic models, else tesseract OSD for the script and
orientation. A later page that reads badly is checked again (turned upright, or read
with its own script's models).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PIL import Image

from extract.arabic_glyphs import fix_lines
from extract.checkboxes import find_boxes
from extract.cleanup import Enlarged, despeckle, enlarge, flatten_light, shrink_box
from extract.codes import (
    CODE_LANGUAGES,
    CYRILLIC_CODE_SLACK,
    CYRILLIC_STRAY_LATIN,
    fix_legal_forms,
    reread_codes,
)
from extract.dashes import fix_dashes
from extract.engines import TextEngines
from extract.images import PageImage, read_image_pages
from extract.language import detect_language, latin_script, script_language, tesseract_languages
from extract.line_models import (
    ARABIC_STRAY_LATIN,
    LINE_PSM,
    WORD_PSM,
    LineChoice,
    StrayLatin,
    reread_lines,
    reread_stray_latin,
)
from extract.orientation import (
    deskew,
    needs_turn,
    turn_clockwise,
    turn_upright,
    unskew_boxes,
    unskew_words,
)
from extract.pdf import TextLayerPage, read_pdf_pages
from extract.probe import probe_band
from extract.rtl_lines import order_lines
from extract.structure import read_structure
from extract.tesseract import OcrResult, Orientation, TesseractError, detect_orientation, recognise
from rogatory.records import DocumentText, Issue, IssueCode, IssueStage, PageText, TextSource
from rogatory.sources import MediaType, SourceFile

#: An OCR'd page whose mean word confidence is below this is checked again with OSD.
RECHECK_CONFIDENCE = 0.7
#: An English probe reading at least this confidence is upright Latin text (dev pages:
#: upright Latin 0.86 and more; Cyrillic, Arabic or upside down 0.74 and less).
UPRIGHT_PROBE_CONFIDENCE = 0.8
#: A first page's own text with this many letters names its language by lingua, over the
#: probe's choice: the page is read again when that language has other models.
MIN_PROBE_LETTERS = 150
#: A probe read confidently with fewer than MIN_SHORT_PAGE_LETTERS reads a band this many
#: lines tall (about the third of a page the probe once read).
WIDE_PROBE_LINES = 15
#: Below this OSD script confidence, the script does not choose the models.
MIN_SCRIPT_CONFIDENCE = 2.0
#: The models of the non-Latin scripts, probed in this order when the English probe fails.
SCRIPT_PROBES = tuple(tesseract_languages(script_language(script)) for script in ("Cyrillic", "Arabic"))
#: A script probe reading at least this confidence, in its own language, chooses its models
#: (dev first pages: upright Russian 0.91 to 0.96, Arabic 0.79 to 0.86; any probe of a
#: page turned 90, 180 or 270 degrees 0.62 or less).
SCRIPT_PROBE_CONFIDENCE = 0.7
#: The script probes are tried only when the English probe read fewer letters than this
#: (upright Russian and Arabic dev first pages: 26 at most; 21 of 32 pages turned sideways
#: 40 to 285, where the script probes would each cost up to a full pass and read nothing).
SCRIPT_PROBE_MAX_LETTERS = 40
#: A probe read confidently with this many letters or more is upright Latin text: lingua
#: names its language on them without OSD (OSD cost more than a short page's own pass: 0.66
#: CPU s against 0.35 on dev-006's last page), and the page's own text confirms it
#: (:meth:`OcrReader._confirmed`), where a probe of fewer than MIN_PROBE_LETTERS once read a
#: band of WIDE_PROBE_LINES first (docs/decisions.md, issue 16, s29-ocrscan).
MIN_SHORT_PAGE_LETTERS = SCRIPT_PROBE_MAX_LETTERS
#: The stray Latin words read again, by the page's first model.
STRAY_LATIN: dict[str, StrayLatin] = {"ara": ARABIC_STRAY_LATIN, "rus": CYRILLIC_STRAY_LATIN}
#: The issue of a document whose language lingua cannot decide.
UNKNOWN_LANGUAGE = Issue(
    stage=IssueStage.LANGUAGE,
    code=IssueCode.LANGUAGE_UNKNOWN,
    message="the language of the document could not be determined",
)


@dataclass(frozen=True)
class TextOptions:
    """Limits, resolution and tesseract's thread limit of text extraction (from ``Settings``)."""

    dpi: int = 300
    timeout_seconds: float = 180.0
    threads: int = 1
    max_pages: int = 2000
    max_image_pixels: int = 120_000_000
    #: Page clean-up (:mod:`extract.cleanup`): uneven light flattened (on: harsh generated
    #: scans CER 0.233 -> 0.073), low-resolution pages enlarged (off: it made the same scans
    #: worse, 0.073 -> 0.085 with it; docs/decisions.md, issue 16).
    flatten_light: bool = True
    enlarge: bool = False
    #: Specks of bilevel pages (faxes) removed (:func:`extract.cleanup.despeckle`; harsh
    #: generated scans of six Latin-script languages CER 0.057 -> 0.031 held out, Italian
    #: 0.101 -> 0.050: specks beside vowels read as accents; docs/decisions.md, issue 16).
    despeckle: bool = True
    #: Codes of Cyrillic pages read again with ``eng`` on their word boxes (:mod:`extract.codes`).
    reread_codes: bool = True
    #: The pages whose codes are read again, by their first model.
    code_pages: tuple[str, ...] = ("rus",)
    #: How much less sure the English reading of a code in Cyrillic capitals may be.
    code_slack: float = CYRILLIC_CODE_SLACK
    #: Legal forms of Russian pages read in Latin letters put back in Cyrillic ("OOO «").
    fix_legal_forms: bool = True
    #: Lone dashes between words of Russian pages made "–" or "—" by their width (:mod:`extract.dashes`).
    fix_dashes: bool = True
    #: Latin and number runs of Arabic lines put in reading order (:mod:`extract.rtl_lines`).
    order_rtl_runs: bool = True
    #: Low-confidence lines of pages read with these models read again with another model
    #: (:mod:`extract.line_models`): pairs of the page's models and the line choice. None:
    #: ``Arabic`` for ``ara+eng`` lines gained 0.001 on dev's Arabic scans (issue 16).
    line_choices: tuple[tuple[str, LineChoice], ...] = ()
    #: Latin words of Arabic (Cyrillic) lines read with little confidence on pages read with
    #: ``ara+eng`` (``rus+eng``) read again with ``ara`` (``rus``), by the pages' first model
    #: (:func:`extract.line_models.reread_stray_latin`). Arabic only: on Russian dev scans
    #: the ``rus`` re-reading made two documents worse and none better (issue 16).
    stray_latin: tuple[str, ...] = ("ara",)
    #: The Arabic comma, final ya and brackets of Arabic lines put right (:mod:`extract.arabic_glyphs`).
    fix_arabic_glyphs: bool = True


def extract_text(source: SourceFile, *, engines: TextEngines, options: TextOptions) -> DocumentText:
    """Read the text of every page of an original and detect its main language.

    Raises ``InputError`` for a file that cannot be read at all (corrupt, encrypted,
    too many pages, too large an image); a page that fails becomes an empty page
    with an issue. Raises ``ConfigurationError`` if tesseract is missing.
    """
    reader = OcrReader(engines=engines, options=options)
    pages = [
        layer_page(number, item) if isinstance(item, TextLayerPage) else reader.read(number, item)
        for number, item in enumerate(page_sources(source, options), start=1)
    ]
    return assemble_document(pages, engines=engines)


def assemble_document(pages: Sequence[PageText], *, engines: TextEngines) -> DocumentText:
    """The document of these pages (in order): each page's language and the document's.

    A document of one page is its page: lingua reads its text once, for both.
    """
    if len(pages) == 1 and pages[0].language is None:
        guess = detect_language(pages[0].text, detector=engines.detector)
        pages = [pages[0].model_copy(update={"language": guess.code})] if guess else list(pages)
    else:
        pages = [_with_language(page, engines) for page in pages]
        guess = detect_language("\n".join(page.text for page in pages), detector=engines.detector)
    issues = () if guess else (UNKNOWN_LANGUAGE,)
    document = DocumentText(
        pages=tuple(pages),
        language=guess.code if guess else None,
        language_confidence=guess.confidence if guess else 0.0,
        issues=issues,
    )
    return document.model_copy(update={"structure": read_structure(document)})


def page_sources(source: SourceFile, options: TextOptions) -> Iterator[TextLayerPage | PageImage]:
    """Each page of an original, in order: its text layer, or its image to OCR.

    Raises ``InputError`` as :func:`extract_text` does.
    """
    if source.media_type is MediaType.PDF:
        return read_pdf_pages(
            source.data,
            dpi=options.dpi,
            max_pages=options.max_pages,
            max_image_pixels=options.max_image_pixels,
            name=source.name,
        )
    return read_image_pages(source.data, max_image_pixels=options.max_image_pixels, name=source.name)


def layer_page(number: int, page: TextLayerPage) -> PageText:
    """Page ``number`` read from its text layer."""
    return PageText(
        number=number,
        text=page.text,
        source=TextSource.TEXT_LAYER,
        confidence=1.0,
        width=page.width,
        height=page.height,
    )


def _with_language(page: PageText, engines: TextEngines) -> PageText:
    if page.language is not None:
        return page
    guess = detect_language(page.text, detector=engines.detector)
    return page.model_copy(update={"language": guess.code}) if guess else page


@dataclass
class OcrReader:
    """OCR of the image pages of one document; remembers the models chosen for it.

    ``languages`` (tesseract's ``"rus+eng"``) is chosen on the first page with text
    that :meth:`read` is given, unless the reader was made with it: a reader for one
    page of a document whose models another reader chose.
    """

    engines: TextEngines
    options: TextOptions
    languages: str | None = None

    def read(self, number: int, page: PageImage) -> PageText:
        """OCR one page, deskewed first; its word boxes are put back on the page as it was.

        The tick boxes drawn on the page are found on the image OCR read, beside its words
        (:func:`extract.checkboxes.find_boxes`), and put back the same way.

        Never raises for the page's content: failures become issues.
        """
        if page.image is None:
            issue = page.issue or _page_issue(
                number, IssueCode.PAGE_UNREADABLE, f"page {number} cannot be read"
            )
            return _empty_page(number, issue)
        dpi = page.dpi or self.options.dpi
        image = flatten_light(page.image) if self.options.flatten_light else page.image
        image = despeckle(image) if self.options.despeckle else image
        image, skew = deskew(image)
        big = enlarge(image, dpi) if self.options.enlarge else Enlarged(image=image, dpi=dpi, scale=1.0)
        try:
            result, read, rotation = self._recognise(big.image, dpi=big.dpi)
        except TesseractError as error:
            return _empty_page(
                number, _page_issue(number, _ocr_code(error), f"page {number}: {error}"), image=image
            )
        result = self._mended(result, read, dpi=big.dpi)
        if big.scale == 1.0:
            image = read
        else:
            image = turn_clockwise(image, rotation)
            result = _shrunk(result, big.scale)
        if not result.words:
            issue = _page_issue(
                number, IssueCode.NO_TEXT, f"page {number}: no text found (blank page or picture only)"
            )
            return _empty_page(number, issue, image=image)
        return PageText(
            number=number,
            text=result.text,
            source=TextSource.OCR,
            confidence=result.confidence,
            width=image.width,
            height=image.height,
            words=unskew_words(result.words, angle=skew, width=image.width, height=image.height),
            boxes=unskew_boxes(
                find_boxes(image, result.words), angle=skew, width=image.width, height=image.height
            ),
            rotation=rotation,
        )

    def _mended(self, result: OcrResult, image: Image.Image, *, dpi: int) -> OcrResult:
        """``result`` of ``image`` with its lines and words read again or put right where the
        options say: low-confidence lines with another model, codes of Russian pages, stray
        Latin words of Arabic and Russian lines, the reading order and glyphs of Arabic lines.
        """
        models = self.languages or ""
        choice = dict(self.options.line_choices).get(models)
        if choice is not None:
            line_dpi = round(dpi * choice.scale)
            result = reread_lines(
                result,
                image,
                lambda crop, other: self._alone(crop, other, dpi=line_dpi, psm=LINE_PSM),
                choice,
            )
        if self.options.reread_codes and models.split("+")[0] in self.options.code_pages:
            result = reread_codes(
                result,
                image,
                lambda crop: self._alone(crop, CODE_LANGUAGES, dpi=dpi, psm=WORD_PSM),
                slack=self.options.code_slack,
            )
        if self.options.fix_legal_forms and models.startswith("rus"):
            result = fix_legal_forms(result)
        if self.options.fix_dashes and models.startswith("rus"):
            result = fix_dashes(result)
        stray = STRAY_LATIN.get(models.split("+")[0])
        if stray is not None and stray.languages in self.options.stray_latin:
            result = reread_stray_latin(
                result, image, lambda crop, other: self._alone(crop, other, dpi=dpi, psm=LINE_PSM), stray
            )
        if self.options.order_rtl_runs:
            result = order_lines(result)
        return fix_lines(result) if self.options.fix_arabic_glyphs else result

    def _recognise(self, image: Image.Image, *, dpi: int) -> tuple[OcrResult, Image.Image, int]:
        """OCR with the document's models, choosing them first if not yet chosen.

        Returns the result, the image it read and how many degrees that image was turned.
        """
        if self.languages is None:
            return self._first_page(image, dpi=dpi)
        result = self._ocr(image, self.languages, dpi=dpi)
        if result.confidence >= RECHECK_CONFIDENCE:
            return result, image, 0
        orientation = self._orientation(image, dpi=dpi)
        if orientation is None:
            return result, image, 0
        languages = self._script_languages(orientation) or self.languages
        if not needs_turn(orientation) and languages == self.languages:
            return result, image, 0
        turned = needs_turn(orientation)
        upright = turn_upright(image, orientation) if turned else image
        retry = self._ocr(upright, languages, dpi=dpi)
        if retry.confidence > result.confidence:
            return retry, upright, orientation.rotate % 360 if turned else 0
        return result, image, 0

    def _first_page(self, image: Image.Image, *, dpi: int) -> tuple[OcrResult, Image.Image, int]:
        """Choose the document's models on its first page with text, and OCR it.

        An English probe comes first: an English pass over five lines of body text at
        full resolution, a sixth to a tenth of the cost of a full pass (tesseract's
        time follows the characters it reads). When it reads confidently at least
        ``MIN_SHORT_PAGE_LETTERS`` letters and lingua names a Latin-script language, the
        page is upright Latin text and is read with that language's models without OSD,
        which costs as much as a full pass; the page's own text then confirms the choice
        or has the page read again (:meth:`_confirmed`). When it read almost
        no letters, the same lines are probed with the Cyrillic, then the Arabic
        models: one that reads them confidently in its own language chooses them.
        Only when none does (a page turned, a poor scan) OSD gives script and
        orientation; a turn is only made when a probe reads the turned page better
        (OSD errs on noisy bilevel scans), and without a confident Cyrillic or Arabic
        script lingua decides on the probe.
        """
        probe = self._probe(image, "eng", dpi=dpi)
        chosen = self._latin_languages(probe)
        if chosen is not None:
            return self._confirmed(image, chosen, dpi=dpi), image, 0
        if _letters(probe) < SCRIPT_PROBE_MAX_LETTERS:
            chosen = self._probed_script(image, dpi=dpi)
        if chosen is not None:
            self.languages = chosen
            return self._ocr(image, chosen, dpi=dpi), image, 0
        orientation = self._orientation(image, dpi=dpi)
        languages = self._script_languages(orientation) if orientation else None
        if languages is not None and not needs_turn(orientation):
            self.languages = languages
            return self._ocr(image, languages, dpi=dpi), image, 0
        if languages is not None:
            probe = self._probe(image, languages, dpi=dpi)
        rotation = 0
        if orientation is not None and needs_turn(orientation):
            upright = turn_upright(image, orientation)
            turned = self._probe(upright, languages or "eng", dpi=dpi)
            if turned.confidence > probe.confidence:
                image, probe, rotation = upright, turned, orientation.rotate % 360
        if languages is None:
            guess = detect_language(probe.text, detector=self.engines.detector)
            if guess is None:
                return self._ocr(image, "eng", dpi=dpi), image, rotation
            languages = tesseract_languages(guess.code)
        self.languages = languages
        return self._ocr(image, languages, dpi=dpi), image, rotation

    def _latin_languages(self, probe: OcrResult) -> str | None:
        """The models of the probe's language when it read upright Latin text confidently."""
        if probe.confidence < UPRIGHT_PROBE_CONFIDENCE or _letters(probe) < MIN_SHORT_PAGE_LETTERS:
            return None
        guess = detect_language(probe.text, detector=self.engines.detector)
        if guess is None or not latin_script(guess.code):
            return None
        return tesseract_languages(guess.code)

    def _confirmed(self, image: Image.Image, languages: str, *, dpi: int) -> OcrResult:
        """The page read with the models its probe chose, read again if its own text says otherwise.

        Lingua names the page's language on the whole page's text (a probe's few lines can
        be a heading in another language, or too few letters to tell Portuguese from
        Spanish); when that is a Latin-script language with other models, the page is read
        again with them, and they are the document's.
        """
        result = self._ocr(image, languages, dpi=dpi)
        self.languages = languages
        if _letters(result) < MIN_PROBE_LETTERS:
            return result
        guess = detect_language(result.text, detector=self.engines.detector)
        if guess is None or not latin_script(guess.code) or tesseract_languages(guess.code) == languages:
            return result
        self.languages = tesseract_languages(guess.code)
        return self._ocr(image, self.languages, dpi=dpi)

    def _probed_script(self, image: Image.Image, *, dpi: int) -> str | None:
        """The models of the first non-Latin script whose probe reads its own language confidently.

        Each script probe reads the English probe's five lines once (its script names
        the language: lingua only confirms it, so no taller band for more letters).
        On upright Russian pages the Cyrillic probe costs 0.3 to 0.6 CPU s, on Arabic
        pages both probes 0.6 to 0.9 s, where OSD cost 1.2 s; an upside-down page
        pays both before OSD.
        """
        band = probe_band(image)
        for languages in SCRIPT_PROBES:
            probe = self._ocr(band, languages, dpi=dpi)
            if probe.confidence < SCRIPT_PROBE_CONFIDENCE:
                continue
            guess = detect_language(probe.text, detector=self.engines.detector)
            if guess is not None and tesseract_languages(guess.code) == languages:
                return languages
        return None

    def _probe(self, image: Image.Image, languages: str, *, dpi: int) -> OcrResult:
        """A cheap pass over a few lines of body text (:func:`extract.probe.probe_band`).

        A band read confidently but with too few letters for even a short page (a
        table, a short line) is read again taller; a band read badly is returned as it is: its text is not
        upright in these models' script, which more lines would not change.
        """
        band = self._ocr(probe_band(image), languages, dpi=dpi)
        if band.confidence < UPRIGHT_PROBE_CONFIDENCE or _letters(band) >= MIN_SHORT_PAGE_LETTERS:
            return band
        return self._ocr(probe_band(image, lines=WIDE_PROBE_LINES), languages, dpi=dpi)

    def _script_languages(self, orientation: Orientation) -> str | None:
        if orientation.script_confidence < MIN_SCRIPT_CONFIDENCE:
            return None
        code = script_language(orientation.script)
        return tesseract_languages(code) if code else None

    def _orientation(self, image: Image.Image, *, dpi: int) -> Orientation | None:
        try:
            return detect_orientation(
                image,
                executable=self.engines.tesseract,
                timeout_seconds=self.options.timeout_seconds,
                dpi=dpi,
                threads=self.options.threads,
                process=self.engines.ocr,
            )
        except TesseractError:
            return None

    def _alone(self, image: Image.Image, languages: str, *, dpi: int, psm: int) -> OcrResult:
        """A cut-out word or line read with ``languages``; nothing when tesseract fails on it."""
        try:
            return self._ocr(image, languages, dpi=dpi, psm=psm)
        except TesseractError:
            return OcrResult(text="", words=(), confidence=0.0)

    def _ocr(self, image: Image.Image, languages: str, *, dpi: int, psm: int = 6) -> OcrResult:
        return recognise(
            image,
            executable=self.engines.tesseract,
            languages=languages,
            psm=psm,
            timeout_seconds=self.options.timeout_seconds,
            dpi=dpi,
            threads=self.options.threads,
            process=self.engines.ocr,
        )


def _shrunk(result: OcrResult, scale: float) -> OcrResult:
    """``result`` read on a page enlarged ``scale`` times, its word boxes on the page as given."""
    words = []
    for word in result.words:
        left, top, width, height = shrink_box(word.left, word.top, word.width, word.height, scale)
        words.append(word.model_copy(update={"left": left, "top": top, "width": width, "height": height}))
    return OcrResult(text=result.text, words=tuple(words), confidence=result.confidence)


def _letters(result: OcrResult) -> int:
    return sum(char.isalpha() for char in result.text)


def _page_issue(number: int, code: IssueCode, message: str) -> Issue:
    return Issue(stage=IssueStage.TEXT, code=code, page=number, message=message)


def _ocr_code(error: TesseractError) -> IssueCode:
    """``ocr_timeout`` for a page tesseract took too long on, else ``ocr_failed``."""
    return IssueCode.OCR_TIMEOUT if error.code == IssueCode.OCR_TIMEOUT else IssueCode.OCR_FAILED


def _empty_page(number: int, issue: Issue, *, image: Image.Image | None = None) -> PageText:
    """Page ``number``, empty with its issue, with the image's size when it was read."""
    return PageText(
        number=number,
        text="",
        source=TextSource.NONE,
        confidence=0.0,
        width=image.width if image else 0,
        height=image.height if image else 0,
        issues=(issue,),
    )
