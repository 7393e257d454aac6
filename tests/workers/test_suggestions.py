"""The suggestion model of the web app: trained on the clerks' decisions, retrained after a new one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.database import Database, open_database
from storage.review import confirm_routing, reassign_routing
from tests.storage.sample_analysis import add_request, make_analysis
from workers.suggestions import Suggester

AUTHORITIES = {"prosecutor_general", "fiu"}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'registry.db'}")
    yield database
    database.dispose()


def _analysed(db: Database, label: str, words: str) -> str:
    return add_request(db, label, make_analysis([words], needs_review=True))


def test_no_suggestion_below_the_minimum_then_one_after_new_decisions(db: Database) -> None:
    suggester = Suggester(min_corrections=4)
    analysis = make_analysis(["suspicious transfers of money laundering proceeds"])
    first = _analysed(db, "a", "money laundering through bank transfers")
    reassign_routing(db, first, "fiu", actor="clerk", reason="money", known_authorities=AUTHORITIES)
    assert suggester.suggest(db, analysis) is None
    for label, words in (("b", "laundering of money, bank transfers"), ("c", "a murder witness")):
        number = _analysed(db, label, words)
        authority = "fiu" if "laundering" in words else "prosecutor_general"
        reassign_routing(db, number, authority, actor="clerk", reason="r", known_authorities=AUTHORITIES)
    confirm_routing(db, _analysed(db, "d", "homicide, hearing of a witness"), actor="clerk")
    suggestion = suggester.suggest(db, analysis)
    assert suggestion is not None
    assert (suggestion.authority, suggestion.trained_on) == ("fiu", 4)
