"""A long document's pages handed out, read one by one and put together, without Celery.

The same functions the tasks call, on the real pipeline (tesseract, lingua), in the
order a queue may deliver them: shuffled, one page twice, a page of an earlier run.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from extract.text import extract_text
from rogatory.annexes import Annex
from rogatory.errors import TransientError
from rogatory.registration import Status
from rogatory.settings import load_settings
from rogatory.sources import MediaType, SourceFile
from service.bootstrap import open_worker_context
from storage.page_runs import PageSave, end_page_run
from storage.registry import get_request, register
from tests.faults.hostile import text_pdf
from tests.scans import long_scan
from workers import processing
from workers.context import WorkerContext
from workers.page_jobs import PageJob, ocr_page
from workers.processing import Started, finish_registration, process_registration, start_registration

pytestmark = pytest.mark.slow


@pytest.fixture
def context(tmp_path: Path) -> Iterator[WorkerContext]:
    settings = load_settings(environ={}, data_dir=tmp_path / "data", max_image_pixels=10_000_000)
    settings.ensure_dirs()
    worker = open_worker_context(settings)
    yield worker
    worker.db.dispose()


def _registered(context: WorkerContext, data: bytes) -> str:
    sha256 = context.store.put(data)
    result = register(
        context.db, sha256=sha256, filename="long.tif", size=len(data), media_type="image/tiff", source="cli"
    )
    return result.registration.number


def test_pages_read_apart_give_the_text_of_the_in_process_path(context: WorkerContext) -> None:
    data = long_scan(6, oversized=4)
    number = _registered(context, data)
    started = start_registration(number, context)
    assert started.status == Status.PROCESSING
    assert get_request(context.db, number).registration.status == Status.PROCESSING
    assert [job.page for job in started.jobs] == [2, 3, 4, 5, 6]
    assert {job.languages for job in started.jobs} == {"eng"}
    jobs = [*started.jobs, started.jobs[1]]  # page 3 delivered twice
    random.Random(3).shuffle(jobs)
    saves = [ocr_page(job, context) for job in jobs]
    assert saves.count(PageSave.FINISH) == 1
    assert saves.count(PageSave.SAVED) == len(jobs) - 1
    run = started.jobs[0].run
    assert finish_registration(number, run, context) == Status.ROUTED
    end_page_run(context.db, number, run=run)  # as the task does, once the delivery is queued

    view = get_request(context.db, number)
    assert view.registration.status == Status.ROUTED
    assert view.analysis is not None
    assert view.analysis.routing.route_to == "asset_recovery_office"
    pages = view.analysis.text.pages
    assert [page.number for page in pages] == [1, 2, 3, 4, 5, 6]
    assert [f"ANNEX PAGE {n}" in pages[n - 1].text for n in (2, 3, 5, 6)] == [True] * 4
    assert pages[3].text == ""
    assert len(pages[3].issues) == 1
    assert "page 4" in pages[3].issues[0].message
    assert "4000x3000" in pages[3].issues[0].message
    source = SourceFile(data=data, media_type=MediaType.TIFF, name="long.tif")
    alone = extract_text(source, engines=context.engines.text, options=context.engines.text_options)
    assert view.analysis.text == alone

    # A late page of the finished run changes nothing; nor does finishing it again.
    assert ocr_page(started.jobs[0], context) == PageSave.STALE
    assert finish_registration(number, run, context) is None
    assert get_request(context.db, number).analysis == view.analysis


def test_a_short_document_and_the_in_process_path_hand_nothing_out(context: WorkerContext) -> None:
    number = _registered(context, long_scan(3))
    started = start_registration(number, context)
    assert started == Started(Status.ROUTED)
    assert process_registration(_registered(context, long_scan(5)), context) == Status.ROUTED


def test_a_page_of_an_earlier_run_is_ignored(context: WorkerContext) -> None:
    number = _registered(context, long_scan(4))
    first = start_registration(number, context, task="t1")
    second = start_registration(number, context, task="t1")  # the same task redelivered
    assert first.jobs[0].run != second.jobs[0].run
    assert [ocr_page(job, context) for job in first.jobs] == [PageSave.STALE] * 3
    late = PageJob(number=number, run=first.jobs[0].run, page=2, languages="eng")
    assert ocr_page(late, context) == PageSave.STALE
    assert [ocr_page(job, context) for job in second.jobs] == [PageSave.SAVED] * 2 + [PageSave.FINISH]
    assert finish_registration(number, first.jobs[0].run, context) is None
    assert finish_registration(number, second.jobs[0].run, context) == Status.ROUTED


def test_a_finish_retried_after_a_transient_error_shows_processing_again(
    context: WorkerContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = _registered(context, long_scan(4))
    started = start_registration(number, context)
    assert [ocr_page(job, context) for job in started.jobs][-1] == PageSave.FINISH
    run = started.jobs[0].run
    # The database or store failing at this very point cannot be caused on cue with the
    # real parts: the analysis of the assembled text raises the transient error instead.
    real = processing.analyse_text
    seen: list[Status] = []

    def fails_once(*args: object, **kwargs: object) -> object:
        if not seen:
            seen.append(get_request(context.db, number).registration.status)
            raise TransientError("the database is down")
        seen.append(get_request(context.db, number).registration.status)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(processing, "analyse_text", fails_once)
    with pytest.raises(TransientError):
        finish_registration(number, run, context)
    assert get_request(context.db, number).registration.status == Status.REGISTERED  # waiting to be retried
    assert finish_registration(number, run, context) == Status.ROUTED  # the retry
    assert seen == [Status.PROCESSING, Status.PROCESSING]


def test_the_annexes_of_a_document_read_apart_are_read_at_the_finish(context: WorkerContext) -> None:
    data, annex = long_scan(6, oversized=4), text_pdf(("Translation of the request", "Ms Ana LIMA, witness"))
    annex_sha = context.store.put(annex)
    number = register(
        context.db,
        sha256=context.store.put(data),
        filename="long.tif",
        size=len(data),
        media_type="image/tiff",
        source="upload",
        annexes=[
            Annex(
                position=2,
                name="translation.pdf",
                status="accepted",
                sha256=annex_sha,
                size=len(annex),
                media_type=MediaType.PDF,
            )
        ],
    ).registration.number
    started = start_registration(number, context)
    assert started.jobs
    for job in started.jobs:
        ocr_page(job, context)

    assert finish_registration(number, started.jobs[0].run, context) == Status.ROUTED

    analysis = get_request(context.db, number).analysis
    assert analysis is not None
    (reading,) = analysis.annexes
    assert (reading.position, reading.name) == (2, "translation.pdf")
    assert "Ana LIMA" in reading.text.text
