"""The pipeline: one recipe that orders the pure stages of extract/ and classify/.

Runs the same under Celery (workers/tasks.py), in the evaluation command and in
tests (DESIGN.md, principle 2); a long document whose pages are OCR'd by separate
tasks (workers/page_jobs.py) joins it at :func:`analyse_text`. It touches no database, object store or queue:
callers load the original and save the :class:`~rogatory.records.Analysis`.
"""

from __future__ import annotations

from dataclasses import dataclass

from classify.completeness import check_completeness
from classify.directory import Directory
from classify.request import classify_request
from classify.resources import ClassifyResources, load_classify_resources
from classify.routing import route
from extract.engines import EntityModels, TextEngines, load_entity_models, load_text_engines
from extract.entities import find_entities
from extract.text import TextOptions, extract_text
from rogatory.records import Analysis, DocumentText
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


def analyse(source: SourceFile, engines: Engines) -> Analysis:
    """Run every stage on one original. Raises ``InputError`` for an unreadable file."""
    with timed_stage("text"):
        text = extract_text(source, engines=engines.text, options=engines.text_options)
    return analyse_text(text, engines)


def analyse_text(text: DocumentText, engines: Engines) -> Analysis:
    """Run the stages after text extraction on a document's text (however its pages were read)."""
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
    )
