"""A stored status reason shown in the reader's language (web/routing_words.py ``in_words``)."""

from __future__ import annotations

import pytest

from web.languages import translator
from web.routing_words import in_words

NAMES = {"fiu": "Financial Intelligence Unit", "police": "National Police"}


@pytest.mark.parametrize(
    ("stored", "language", "shown"),
    [
        ("reassign by reviewer: fiu", "en", "Reassigned to Financial Intelligence Unit by reviewer"),
        ("confirm by anna.rossi: police", "en", "Routing to National Police confirmed by anna.rossi"),
        ("reassign by reviewer: fiu", "fr", "Réattribuée à Financial Intelligence Unit par reviewer"),
        ("confirm by reviewer: fiu", "ar", "أكّد reviewer الإحالة إلى Financial Intelligence Unit"),
        ("reassign by reviewer: unknown_body", "de", "Neu zugewiesen an unknown_body durch reviewer"),
    ],
)
def test_a_review_actions_status_reason_is_a_sentence(stored: str, language: str, shown: str) -> None:
    assert in_words(stored, NAMES, translator(language)) == shown


def test_other_status_reasons_keep_their_words_with_ids_as_names() -> None:
    tr = translator("fr")
    assert in_words("the request lacks: facts_summary", NAMES, tr).startswith("Il manque à la demande : ")
    assert "Financial Intelligence Unit" in in_words("routed to fiu", NAMES, tr)
