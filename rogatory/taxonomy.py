"""The label identifiers of ../shared/reference/taxonomy.md, as Python constants.

These strings are the contract between the service, its users and its evaluation:
the database, the API, routing rules and the evaluation all use them exactly.
"""

from __future__ import annotations

REQUEST_TYPES: tuple[str, ...] = ("mla", "extradition")

PROCEEDING_TYPES: tuple[str, ...] = ("criminal", "civil", "administrative")

MEASURES: tuple[str, ...] = (
    "taking_evidence",
    "service_of_documents",
    "search_and_seizure",
    "freezing",
    "examining_objects",
    "expert_evaluation",
    "documents_records",
    "bank_records",
    "trace_proceeds",
    "facilitate_appearance",
    "videoconference",
    "confiscation",
    "asset_return",
    "locate_persons",
)

OFFENCES: tuple[str, ...] = (
    "art15",
    "art16",
    "art17",
    "art18",
    "art19",
    "art20",
    "art21",
    "art22",
    "art23",
    "art24",
    "art25",
    "other",
)

LEGAL_BASES: tuple[str, ...] = ("uncac", "untoc", "bilateral_treaty", "regional", "reciprocity")

COMPLETENESS_ELEMENTS: tuple[str, ...] = (
    "requesting_authority",
    "subject_matter",
    "facts_summary",
    "assistance_sought",
    "person_identity",
    "purpose",
    "acceptable_language",
)

LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "pt", "ru", "ar", "de", "it")

# The label fields a routing condition may test, and the values each may hold.
ROUTING_FIELDS: dict[str, tuple[str, ...]] = {
    "request_type": REQUEST_TYPES,
    "proceeding_type": PROCEEDING_TYPES,
    "measures": MEASURES,
    "offences": OFFENCES,
    "legal_basis": LEGAL_BASES,
}
