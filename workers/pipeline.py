"""The pipeline: one recipe that orders the pure stages of extract/ and classify/.

Runs the same under Celery (workers/tasks.py), in the evaluation command and in
tests (DESIGN.md, principle 2); a long document whose pages are OCR'd by separate
tasks (workers/page_jobs.py) joins it at :func:`analyse_text`. It touches no database, object store or queue:
callers load the original and save the :class:`~rogatory.records.Analysis`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from classify.completeness import check_completeness
from classify.directory import Directory
from classify.request import classify_request
from classify.resources import ClassifyResources, load_classify_resources
from classify.routing import route
from extract.engines import EntityModels, TextEngines, load_entity_models, load_text_engines
from extract.entities import find_entities
from extract.text import TextOptions, extract_text
from rogatory.annexes import AnnexFile
from rogatory.errors import InputError
from rogatory.records import Analysis, AnnexReading, DocumentText, Issue, IssueCode, IssueStage
from rogatory.settings import Settings
from rogatory.sources import SourceFile
from workers.metrics import timed_stage


@dataclass(frozen=True)
class Engines:
    """Everything a process loads once: engines, models, lexicons and the directory.

    ``text`` are the OCR and language engines, ``entities`` the NER models and extract's
    lexicons, ``classify`` classify's lexicons and country names.
    """

    text: TextEngines
    entities: EntityModels
    classify: ClassifyResources
    directory: Directory
    text_options: TextOptions
    review_threshold: float


def load_engines(settings: Settings, directory: Directory) -> Engines:
    """Load engines, models and lexicons once per process, with the ``directory`` loaded at start.

    Raises ``ConfigurationError`` naming the file and the problem for a broken lexicon,
    a missing model or engine. The data files load first, so a broken one stops the
    process before the slower models load.
    """
    classify = load_classify_resources()
    return Engines(
        text=load_text_engines(ocr_engine=settings.ocr_engine),
        entities=load_entity_models(models_dir=settings.ner_models_dir),
        classify=classify,
        directory=directory,
        text_options=TextOptions(
            dpi=settings.ocr_dpi,
            timeout_seconds=settings.ocr_timeout_seconds,
            threads=settings.ocr_threads,
            max_pages=settings.max_pages,
            max_image_pixels=settings.max_image_pixels,
        ),
        review_threshold=settings.review_threshold,
    )


def analyse(
    source: SourceFile, engines: Engines, annexes: Sequence[AnnexFile | AnnexReading] = ()
) -> Analysis:
    """Run every stage on one request: its main document and its annexes.

    Raises ``InputError`` for an unreadable main document; an unreadable annex is an
    annex without text and with the reason as its issue.
    """
    with timed_stage("text"):
        text = extract_text(source, engines=engines.text, options=engines.text_options)
    return analyse_text(text, engines, read_annexes(annexes, engines))


def read_annexes(annexes: Sequence[AnnexFile | AnnexReading], engines: Engines) -> tuple[AnnexReading, ...]:
    """Each annex read like a document: text, language, entities (one already read, or that
    could not be loaded, passes as it is)."""
    return tuple(
        annex if isinstance(annex, AnnexReading) else read_annex(annex, engines) for annex in annexes
    )


def read_annex(annex: AnnexFile, engines: Engines) -> AnnexReading:
    """The text, language and entities of one annex; never raises for the file's content."""
    try:
        with timed_stage("text"):
            text = extract_text(annex.source, engines=engines.text, options=engines.text_options)
    except InputError as error:
        issue = Issue(
            stage=IssueStage.TEXT,
            code=IssueCode.ORIGINAL_UNUSABLE,
            message=f"annex {annex.position} ({annex.name}) cannot be read: {error}",
        )
        return AnnexReading(
            position=annex.position, name=annex.name, text=DocumentText(pages=()), issues=(issue,)
        )
    with timed_stage("entities"):
        entities = find_entities(text, models=engines.entities)
    return AnnexReading(position=annex.position, name=annex.name, text=text, entities=entities)


def analyse_text(text: DocumentText, engines: Engines, annexes: Sequence[AnnexReading] = ()) -> Analysis:
    """Run the stages after text extraction on a request's main text (however its pages were read)
    and its annexes' readings.

    The request is classified on its main document (its evidence spans point there);
    the completeness check counts the annexes too (an annexed translation gives the
    acceptable language, identity details in an annex identify the person).
    """
    with timed_stage("entities"):
        entities = find_entities(text, models=engines.entities)
    with timed_stage("classification"):
        classification = classify_request(
            text, entities, resources=engines.classify, requested_state=engines.directory.country
        )
        completeness = check_completeness(
            text,
            entities,
            classification,
            accepted_languages=engines.directory.accepted_languages,
            lexicons=engines.classify.lexicons,
            annexes=annexes,
        )
    with timed_stage("routing"):
        routing = route(
            classification,
            completeness,
            engines.directory,
            text=text,
            review_threshold=engines.review_threshold,
        )
    return Analysis(
        text=text,
        entities=entities,
        classification=classification,
        completeness=completeness,
        routing=routing,
        annexes=tuple(annexes),
    )
