"""The entity stage: persons, bank accounts, BIC codes, offences, dates and the requesting authority.

``find_entities`` runs in a worker (or the evaluation command) after text
extraction; it is pure: records in, records out. Each page is read with the
language of the page, else of the document; with no language at all the rules of
every language apply and no statistical model runs.
"""

from __future__ import annotations

from typing import Any

from extract.accounts import find_accounts, settle_repairs
from extract.authorities import find_authority
from extract.dates import find_dates
from extract.engines import EntityModels
from extract.offences import find_offences
from extract.organisations import find_organisations, overlaps_any, trim_to_accounts
from extract.person_resolution import resolve_persons
from extract.persons import Mention, SingleWords, find_person_mentions, model_mentions
from extract.references import find_references
from rogatory.records import DocumentText, Entities, Entity, PageText, TextSource

#: Languages whose model was trained on text naming persons by the surname alone, even at a
#: sentence's start ("Лужков заявил"): Russian (slovnet, news). In the other languages a model's
#: person of one word is kept inside a sentence only, where a capital marks a name, not the
#: sentence's first word ("Notifier à ...", "Tais condutas").
SURNAME_ANYWHERE_LANGUAGES = frozenset({"ru"})


def find_entities(text: DocumentText, *, models: EntityModels) -> Entities:
    """Every entity of the document, in page and reading order.

    Persons are merged across pages (one value per person, the fullest form written);
    a name inside an organisation that a rule found ("Banco Pedro Álvarez") is no person.
    Raises nothing for odd text; an empty document gives no entities.
    """
    items: list[Entity] = []
    mentions: list[Mention] = []
    docs = _model_docs(text, models)
    for page in text.pages:
        if not page.text.strip():
            continue
        language = page.language or text.language
        nlp = models.nlp.get(language) if language else None
        doc = docs.get(page.number)
        accounts = find_accounts(
            page.text, page=page.number, rules=models.accounts, ocr=page.source == TextSource.OCR
        )
        organisations = find_organisations(page.text, page=page.number, rules=models.organisations, doc=doc)
        organisations = trim_to_accounts(organisations, accounts)
        found = find_person_mentions(page.text, page=page.number, rules=models.persons)
        if nlp is not None:
            single: SingleWords = "anywhere" if language in SURNAME_ANYWHERE_LANGUAGES else "inside"
            found += model_mentions(
                page.text, page=page.number, nlp=nlp, rules=models.persons, doc=doc, single_words=single
            )
        companies = [entity for entity in organisations if entity.method.startswith("rule:")]
        found = [mention for mention in found if not overlaps_any(mention.start, mention.end, companies)]
        mentions += found
        items += [org for org in organisations if org in companies or not _names_person(org, found)]
        items += accounts
        offences = find_offences(page.text, page=page.number, language=language, lexicon=models.offences)
        items += [offence for offence in offences if not _in_an_unticked_option(offence, text)]
        items += find_dates(page.text, page=page.number, language=language, rules=models.dates)
        items += find_references(page.text, page=page.number, rules=models.references)
    items = settle_repairs(items)
    items += resolve_persons(mentions)
    items += find_authority(text, rules=models.authorities, persons=models.persons)
    items.sort(key=lambda entity: (entity.span.page, entity.span.start, entity.kind.value))
    return Entities(items=tuple(items))


def _in_an_unticked_option(entity: Entity, text: DocumentText) -> bool:
    """Whether ``entity`` stands in the label of a form's option whose box is not ticked.

    A form's list of offence categories names every category; only the ticked ones
    (and the offences described in its prose) are offences of the request.
    """
    span = entity.span
    return any(
        box.span.page == span.page and box.span.start <= span.start and span.end <= box.span.end
        for box in text.structure.unticked()
    )


def _names_person(organisation: Entity, mentions: list[Mention]) -> bool:
    """Whether a person's mention overlaps an organisation the model found (its label was wrong)."""
    span = organisation.span
    return any(mention.start < span.end and span.start < mention.end for mention in mentions)


def _model_docs(text: DocumentText, models: EntityModels) -> dict[int, Any]:
    """The statistical model's reading of every page that has a model, by page number.

    Pages of one language go through ``nlp.pipe`` together: batched, spaCy spends
    about a seventh less time per page than page by page.
    """
    by_language: dict[str, list[PageText]] = {}
    for page in text.pages:
        language = page.language or text.language
        if page.text.strip() and language is not None and language in models.nlp:
            by_language.setdefault(language, []).append(page)
    docs: dict[int, Any] = {}
    for language, pages in by_language.items():
        read = models.nlp[language].pipe([page.text for page in pages], batch_size=8)
        docs.update(zip((page.number for page in pages), read, strict=True))
    return docs
