"""Classification of a request: what it is, what it asks for, on what basis, from whom.

Pure: runs inside the pipeline (workers/pipeline.py), the evaluation command and tests.
Lexicons and country names are loaded once per process at start and passed in
(:class:`classify.resources.ClassifyResources`).
"""

from __future__ import annotations

from collections import defaultdict

from classify.document import FoldedDocument, Region, fold_document
from classify.legal_basis import find_legal_basis
from classify.letterhead import find_letterhead
from classify.lexicon import Lexicons
from classify.measures import find_measures
from classify.phrases import Phrase, PhraseTable
from classify.request_kind import decide_proceeding_type, decide_request_type
from classify.resources import ClassifyResources
from classify.sections import Section, read_sections, sections_of
from classify.states import CountryNames, country_code, find_requesting_state
from classify.urgency import decide_urgency
from rogatory.phrases import compile_phrase
from rogatory.records import Classification, DocumentText, Entities, EntityKind, Label, Span

#: Evidence spans kept per offence.
MAX_OFFENCE_EVIDENCE = 3


def classify_request(
    text: DocumentText,
    entities: Entities,
    *,
    resources: ClassifyResources,
    requested_state: str = "",
) -> Classification:
    """Classify one request with the lexicons and country names of ``resources``. Raises nothing.

    ``requested_state`` is the deployment's country as its directory names it
    (``Directory.country``): its name and its country code never count as the
    requesting state.
    """
    lexicons, countries = resources.lexicons, resources.countries
    document = fold_document(text)
    sections = read_sections(document, lexicons)
    language = document.language
    urgency = decide_urgency(
        document, sections, lexicons.table("urgency", language), entities, text.structure
    )
    return Classification(
        request_type=decide_request_type(document, lexicons.table("request_type", language)),
        proceeding_type=decide_proceeding_type(
            document, lexicons.table("proceeding_type", language), text.structure
        ),
        measures=find_measures(document, sections, lexicons.table("measures", language)),
        offences=aggregate_offences(entities),
        legal_basis=find_legal_basis(document, sections, lexicons.table("legal_basis", language)),
        requesting_state=_requesting_state(document, sections, lexicons, countries, requested_state),
        urgent=urgency.urgent,
        deadline=urgency.deadline,
        deadline_evidence=urgency.deadline_evidence,
    )


def aggregate_offences(entities: Entities) -> tuple[Label, ...]:
    """One Label per offence id of the OFFENCE entities, with their spans as evidence."""
    spans: dict[str, list[Span]] = defaultdict(list)
    confidence: dict[str, float] = defaultdict(float)
    methods: dict[str, set[str]] = defaultdict(set)
    for entity in entities.of_kind(EntityKind.OFFENCE):
        spans[entity.value].append(entity.span)
        confidence[entity.value] = max(confidence[entity.value], entity.confidence)
        methods[entity.value].add(entity.method)
    return tuple(
        Label(
            value=value,
            confidence=confidence[value],
            evidence=tuple(found[:MAX_OFFENCE_EVIDENCE]),
            rule=f"offence entities ({', '.join(sorted(methods[value]))})",
        )
        for value, found in spans.items()
    )


def _requesting_state(
    document: FoldedDocument,
    sections: list[Section],
    lexicons: Lexicons,
    countries: CountryNames,
    requested_state: str,
) -> Label | None:
    requested = lexicons.table("completeness", document.language)
    requested_only = type(requested)(tuple(p for p in requested.phrases if p.key == "requested_state"))
    if requested_state.strip():
        requested_only = requested_only.merged(_own_country(requested_state))
    authority = Region(
        tuple(
            stretch
            for section in sections_of(sections, "requesting_authority")
            for stretch in section.body.stretches
        )
    )
    return find_requesting_state(
        document,
        names=countries,
        letterhead=find_letterhead(document, sections, requested_only),
        authority=authority,
        excluded=document.find(requested_only),
        excluded_codes=frozenset(filter(None, [country_code(requested_state)])),
    )


def _own_country(name: str) -> PhraseTable:
    """The deployment's country name as a ``requested_state`` phrase."""
    return PhraseTable(
        (Phrase(key="requested_state", text=name, pattern=compile_phrase(name, source="directory country")),)
    )
