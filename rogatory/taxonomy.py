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


def N_(message: str) -> str:  # noqa: N802 - gettext's marker: extracted by Babel, translated at display
    """Mark a display name for the interface's catalogues (web/locale); returns it unchanged."""
    return message


# Display names for the user interface (taxonomy.md's English names; ids stay the contract).
# The web app shows them translated (web/words.py), from the catalogues of web/locale.
DISPLAY_NAMES: dict[str, str] = {
    "mla": N_("Mutual legal assistance"),
    "extradition": N_("Extradition"),
    "criminal": N_("Criminal"),
    "civil": N_("Civil"),
    "administrative": N_("Administrative"),
    "taking_evidence": N_("Taking evidence"),
    "service_of_documents": N_("Service of documents"),
    "search_and_seizure": N_("Search and seizure"),
    "freezing": N_("Freezing of assets"),
    "examining_objects": N_("Examining objects and sites"),
    "expert_evaluation": N_("Information and expert evaluations"),
    "documents_records": N_("Government and business records"),
    "bank_records": N_("Bank records"),
    "trace_proceeds": N_("Tracing proceeds"),
    "facilitate_appearance": N_("Appearance of persons"),
    "videoconference": N_("Hearing by videoconference"),
    "confiscation": N_("Confiscation"),
    "asset_return": N_("Return of assets"),
    "locate_persons": N_("Locating persons"),
    "art15": N_("Bribery of national public officials (art. 15)"),
    "art16": N_("Bribery of foreign public officials (art. 16)"),
    "art17": N_("Embezzlement by a public official (art. 17)"),
    "art18": N_("Trading in influence (art. 18)"),
    "art19": N_("Abuse of functions (art. 19)"),
    "art20": N_("Illicit enrichment (art. 20)"),
    "art21": N_("Bribery in the private sector (art. 21)"),
    "art22": N_("Embezzlement in the private sector (art. 22)"),
    "art23": N_("Money laundering (art. 23)"),
    "art24": N_("Concealment (art. 24)"),
    "art25": N_("Obstruction of justice (art. 25)"),
    "other": N_("Other offence"),
    "uncac": N_("UNCAC"),
    "untoc": N_("UNTOC"),
    "bilateral_treaty": N_("Bilateral treaty"),
    "regional": N_("Regional instrument"),
    "reciprocity": N_("Reciprocity"),
    "requesting_authority": N_("Requesting authority"),
    "subject_matter": N_("Subject matter and nature of the proceeding"),
    "facts_summary": N_("Summary of the facts"),
    "assistance_sought": N_("Assistance sought"),
    "person_identity": N_("Identity of the persons concerned"),
    "purpose": N_("Purpose of the request"),
    "acceptable_language": N_("Acceptable language"),
    "registered": N_("Registered"),
    "processing": N_("Processing"),
    "routed": N_("Routed"),
    "needs_review": N_("Needs review"),
    "failed": N_("Failed"),
    "incomplete": N_("Incomplete"),
    "urgent": N_("Urgent"),
    "duplicate": N_("Duplicate"),
}


def display_name(identifier: object) -> str:
    """The display name of a taxonomy id or status, else the id itself."""
    text = str(identifier.value if hasattr(identifier, "value") else identifier)
    return DISPLAY_NAMES.get(text, text)
