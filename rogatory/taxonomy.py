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

# Display names for the user interface (taxonomy.md's English names; ids stay the contract).
DISPLAY_NAMES: dict[str, str] = {
    "mla": "Mutual legal assistance",
    "extradition": "Extradition",
    "criminal": "Criminal",
    "civil": "Civil",
    "administrative": "Administrative",
    "taking_evidence": "Taking evidence",
    "service_of_documents": "Service of documents",
    "search_and_seizure": "Search and seizure",
    "freezing": "Freezing of assets",
    "examining_objects": "Examining objects and sites",
    "expert_evaluation": "Information and expert evaluations",
    "documents_records": "Government and business records",
    "bank_records": "Bank records",
    "trace_proceeds": "Tracing proceeds",
    "facilitate_appearance": "Appearance of persons",
    "videoconference": "Hearing by videoconference",
    "confiscation": "Confiscation",
    "asset_return": "Return of assets",
    "locate_persons": "Locating persons",
    "art15": "Bribery of national public officials (art. 15)",
    "art16": "Bribery of foreign public officials (art. 16)",
    "art17": "Embezzlement by a public official (art. 17)",
    "art18": "Trading in influence (art. 18)",
    "art19": "Abuse of functions (art. 19)",
    "art20": "Illicit enrichment (art. 20)",
    "art21": "Bribery in the private sector (art. 21)",
    "art22": "Embezzlement in the private sector (art. 22)",
    "art23": "Money laundering (art. 23)",
    "art24": "Concealment (art. 24)",
    "art25": "Obstruction of justice (art. 25)",
    "other": "Other offence",
    "uncac": "UNCAC",
    "untoc": "UNTOC",
    "bilateral_treaty": "Bilateral treaty",
    "regional": "Regional instrument",
    "reciprocity": "Reciprocity",
    "requesting_authority": "Requesting authority",
    "subject_matter": "Subject matter and nature of the proceeding",
    "facts_summary": "Summary of the facts",
    "assistance_sought": "Assistance sought",
    "person_identity": "Identity of the persons concerned",
    "purpose": "Purpose of the request",
    "acceptable_language": "Acceptable language",
    "registered": "Registered",
    "processing": "Processing",
    "routed": "Routed",
    "needs_review": "Needs review",
    "failed": "Failed",
    "incomplete": "Incomplete",
    "urgent": "Urgent",
    "duplicate": "Duplicate",
}


def display_name(identifier: object) -> str:
    """The display name of a taxonomy id or status, else the id itself."""
    text = str(identifier.value if hasattr(identifier, "value") else identifier)
    return DISPLAY_NAMES.get(text, text)
