"""The pages of a long document OCR'd by separate tasks: handed out, read one each, put together.

Runs in the worker processes (workers/tasks.py calls it through
workers/processing.py and directly for the page task). A document with at least
``page_task_min_pages`` pages to OCR is planned without rendering
(:func:`extract.pages.plan_pages`); the document's own task reads its text layers
and its pages to OCR up to the first that chooses the document's OCR models, as
:func:`extract.text.extract_text` would, and hands each later page to OCR out as a
:class:`PageJob`. A page task renders only its page, OCRs it with those models
(:class:`extract.text.OcrReader` made with them) and saves the page
(:mod:`storage.page_runs`). The pages are put together in page order, as the
in-process path would have them; the same stages then run on the document's text.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from extract.images import PageImage, PendingPage
from extract.pages import count_pages, plan_pages, read_page
from extract.pdf import TextLayerPage
from extract.text import OcrReader, assemble_document, layer_page
from rogatory.annexes import AnnexFile
from rogatory.errors import InputError, NotFoundError
from rogatory.records import Analysis, AnnexReading, DocumentText, IssueCode, IssueStage, PageText
from rogatory.sources import MediaType, SourceFile
from storage.objects import CorruptObjectError
from storage.page_runs import PageSave, run_generation, run_pages, save_page, start_page_run
from storage.registry import get_request
from workers.context import WorkerContext
from workers.metrics import timed_stage
from workers.pipeline import analyse, analyse_text, read_annexes

log = logging.getLogger(__name__)

#: The stage of the issues of a page its task could not read.
STAGE = IssueStage.PAGE_TASK


@dataclass(frozen=True)
class PageJob:
    """One page of a document to OCR in a task of its own; its fields are the task's JSON arguments.

    ``page`` counts from 1; ``languages`` are the document's OCR models (``"rus+eng"``).
    """

    number: str
    run: str
    page: int
    languages: str


def start_pages(
    number: str,
    source: SourceFile,
    context: WorkerContext,
    generation: int = 1,
    annexes: Sequence[AnnexFile | AnnexReading] = (),
) -> Analysis | tuple[PageJob, ...]:
    """The document's analysis, or the page jobs of its pages to OCR elsewhere.

    A document with fewer than ``page_task_min_pages`` pages to OCR is analysed here
    (exactly as :func:`workers.pipeline.analyse` does). Otherwise the pages up to the
    one that chooses the OCR models are read here and saved as a new run with the
    jobs' pages still missing, for analysis ``generation`` (the claim's); the
    request's ``annexes`` are read with the document analysed here, and by
    :func:`workers.processing.finish_registration` otherwise. Raises ``InputError`` for
    an unreadable file.
    """
    engines, minimum = context.engines, context.settings.page_task_min_pages
    options = engines.text_options
    if count_pages(source, options) < minimum:
        return analyse(source, engines, annexes)
    with timed_stage("text"):
        plan = list(plan_pages(source, options))
        reader = OcrReader(engines=engines.text, options=options)
        run = uuid.uuid4().hex
        handing_out = sum(isinstance(item, PendingPage) for item in plan) >= minimum
        read: list[PageText] = []
        jobs: list[PageJob] = []
        for page, item in enumerate(plan, start=1):
            if handing_out and reader.languages is not None and isinstance(item, PendingPage):
                jobs.append(PageJob(number=number, run=run, page=page, languages=reader.languages))
            else:
                read.append(_read(source, page, item, reader))
    if not jobs:
        return analyse_text(
            assemble_document(read, engines=engines.text), engines, read_annexes(annexes, engines)
        )
    start_page_run(context.db, number, run=run, pages=len(plan), done=read, generation=generation)
    log.info("%s: %d of %d pages handed out to page tasks (run %s)", number, len(jobs), len(plan), run)
    return tuple(jobs)


def ocr_page(job: PageJob, context: WorkerContext) -> PageSave:
    """Read and save the page of ``job``; :attr:`PageSave.FINISH` when this call must finish the document.

    A page that cannot be read becomes an empty page with the reason as its issue,
    saved like any other. Raises ``TransientError`` when the store or database is down.
    """
    try:
        registration = get_request(context.db, job.number).registration
    except NotFoundError:
        log.warning("%s: page %d of a registration that no longer exists", job.number, job.page)
        return PageSave.STALE
    engines = context.engines
    reader = OcrReader(engines=engines.text, options=engines.text_options, languages=job.languages)
    try:
        data = context.original(registration.sha256)
    except (NotFoundError, CorruptObjectError) as error:
        unusable = PageImage.unreadable(
            job.page,
            IssueCode.ORIGINAL_UNUSABLE,
            f"the stored original is unusable: {error}",
            stage=STAGE,
        )
        page = reader.read(job.page, unusable)
    else:
        source = SourceFile(
            data=data, media_type=MediaType(registration.media_type), name=registration.filename
        )
        with timed_stage("page"):
            page = _read_alone(source, job.page, reader)
    return save_page(context.db, job.number, run=job.run, page=page)


def run_document(number: str, run: str, context: WorkerContext) -> tuple[DocumentText, int] | None:
    """The document of the run's saved pages and the generation of analysis it is read for,
    or ``None`` when ``run`` is no longer current."""
    generation = run_generation(context.db, number, run=run)
    pages = run_pages(context.db, number, run=run)
    if pages is None or generation is None:
        return None
    return assemble_document(pages, engines=context.engines.text), generation


def _read(
    source: SourceFile, page: int, item: TextLayerPage | PageImage | PendingPage, reader: OcrReader
) -> PageText:
    """One page of the plan, read here (a page to OCR rendered first)."""
    if isinstance(item, PendingPage):
        item = read_page(source, item.index, reader.options)
    if isinstance(item, TextLayerPage):
        return layer_page(page, item)
    return reader.read(page, item)


def _read_alone(source: SourceFile, page: int, reader: OcrReader) -> PageText:
    """Page ``page`` of the original, read alone; never raises for the file's content."""
    try:
        return _read(source, page, PendingPage(index=page - 1), reader)
    except (InputError, IndexError) as error:
        message = f"page {page} cannot be read: {error}"
        return reader.read(page, PageImage.unreadable(page, IssueCode.PAGE_UNREADABLE, message, stage=STAGE))
    except Exception as error:
        log.exception("page %d failed with an internal error", page)
        message = f"page {page}: internal error: {type(error).__name__}: {error}"
        return reader.read(page, PageImage.unreadable(page, IssueCode.INTERNAL_ERROR, message, stage=STAGE))
