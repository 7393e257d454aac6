"""Person, organisation and account search across scripts and spellings; related requests."""

from __future__ import annotations

import hashlib

import pytest

import storage.parties
from rogatory.records import Entities, Entity, EntityKind, Span
from rogatory.sources import MediaType
from storage.database import Database
from storage.parties import find_parties, related_requests
from storage.registry import register, save_analysis
from tests.storage.sample_analysis import make_analysis

DOCUMENTS = {
    "ru": [("person", "Александр Петров"), ("account", "RU0204452560040702810412345678901")],
    "ar": [("person", "محمد الراشد")],
    "alrashid": [("person", "Muhammad Alrashid"), ("organisation", "Gulf Trading LLC")],
    "es": [("person", "José PÉREZ GÓMEZ"), ("account", "ES9121000418450200051332")],
    "es-again": [("person", "Jose Perez Gomez"), ("account", "ES91 2100 0418 4502 0005 1332")],
    "other": [("person", "Pedro Gómez"), ("person", "Alexandra Petrova")],
    "first-request": [("case_reference", "MLA/2025/955"), ("case_reference", "RC.17/2025")],
    "supplementary": [("case_reference", "RC.17/2025")],
}


def _entities(parties: list[tuple[str, str]]) -> Entities:
    return Entities(
        items=tuple(
            Entity(
                kind=EntityKind(kind),
                value=value,
                span=Span(page=1, start=0, end=len(value), text=value),
                method="test",
                confidence=0.9,
            )
            for kind, value in parties
        )
    )


@pytest.fixture
def numbers(db: Database) -> dict[str, str]:
    found = {}
    for label, parties in DOCUMENTS.items():
        sha256 = hashlib.sha256(label.encode()).hexdigest()
        number = register(
            db, sha256=sha256, filename=label, size=1, media_type=MediaType.PDF, source="cli"
        ).registration.number
        analysis = make_analysis(["Request"]).model_copy(update={"entities": _entities(parties)})
        save_analysis(db, number, analysis)
        found[label] = number
    return found


def _labels(numbers: dict[str, str], matches: list[object]) -> list[str]:
    by_number = {number: label for label, number in numbers.items()}
    return [by_number[match.number] for match in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Aleksandr Petrov", ["ru"]),
        ("Alexander Petrov", ["ru"]),
        ("александр петров", ["ru"]),
        ("Mohammed Al-Rashid", ["alrashid", "ar"]),
        ("Jose Perez", ["es", "es-again"]),
        ("PEREZ", ["es", "es-again"]),
        ("gulf trading", ["alrashid"]),
        ("ES91 2100 0418 4502 0005 1332", ["es", "es-again"]),
        ("es9121000418450200051332", ["es", "es-again"]),
        ("Maria Lopez", []),
        ("", []),
    ],
)
def test_find_parties(db: Database, numbers: dict[str, str], query: str, expected: list[str]) -> None:
    """The expected registrations come first; weaker spellings may follow, never before them."""
    found = _labels(numbers, find_parties(db, query))
    assert sorted(found[: len(expected)]) == sorted(expected)
    assert set(found[len(expected) :]) <= {"other"}


def test_a_near_spelling_ranks_below_the_same_name(db: Database, numbers: dict[str, str]) -> None:
    same, near = find_parties(db, "Aleksandr Petrov")
    assert (_labels(numbers, [same, near]), near.value) == (["ru", "other"], "Alexandra Petrova")
    assert same.score == 1.0
    assert near.score < 0.7
    assert near.reason == (
        "aleksandr = alexandra (same consonants, different ending); "
        "petrov = petrova (same consonants, different ending)"
    )


def test_matches_are_ranked_and_explained(db: Database, numbers: dict[str, str]) -> None:
    matches = find_parties(db, "Muhammad Alrashid")
    assert _labels(numbers, matches) == ["alrashid", "ar"]
    exact, transliterated = matches
    assert exact.score > transliterated.score
    assert exact.reason == "muhammad = muhammad (same); alrashid = alrashid (same)"
    assert transliterated.value == "محمد الراشد"
    assert transliterated.reason == "muhammad = mhmd (same consonants); alrashid = lrshd (same consonants)"
    (account, *_) = find_parties(db, "ES91-2100-0418-4502-0005-1332")
    assert "spaces and dashes ignored" in account.reason


def test_related_requests_share_a_person_or_an_account(db: Database, numbers: dict[str, str]) -> None:
    related = related_requests(db, numbers["es"])
    assert sorted({_labels(numbers, [item])[0] for item in related}) == ["es-again"]
    assert {item.kind for item in related} == {"person", "account"}
    assert sorted(_labels(numbers, related_requests(db, numbers["ar"]))) == ["alrashid"]
    assert related_requests(db, numbers["other"]) == []


def test_saving_again_replaces_the_keys(db: Database, numbers: dict[str, str]) -> None:
    save_analysis(db, numbers["ru"], make_analysis(["Request"]).model_copy(update={"entities": Entities()}))
    assert _labels(numbers, find_parties(db, "Aleksandr Petrov")) == ["other"]


def test_two_common_tokens_find_the_name_with_both(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """When every query token matches more names than the candidate limit, the names with
    both come first: the limit must not cut the person asked for out."""
    monkeypatch.setattr(storage.parties, "_MAX_CANDIDATES", 2)
    monkeypatch.setattr(storage.parties, "_COUNT_CAP", 3)
    crowd = ["Jose Alvarez", "Jose Gomez", "Jose Ruiz", "Ana Perez", "Luis Perez", "Marta Perez"]
    for index, name in enumerate([*crowd, "José Pérez"]):
        number = register(
            db, sha256=f"{index:064x}", filename=name, size=1, media_type=MediaType.PDF, source="cli"
        ).registration.number
        entities = _entities([("person", name)])
        save_analysis(db, number, make_analysis(["Request"]).model_copy(update={"entities": entities}))
    (best, *_) = find_parties(db, "Jose Perez")
    assert (best.value, best.score) == ("José Pérez", 1.0)


def test_each_name_is_keyed_by_the_pairs_of_its_skeletons_and_saving_again_replaces_them(
    db: Database, numbers: dict[str, str]
) -> None:
    from sqlalchemy import select

    from storage.models import PartyPairRow

    def pairs(label: str) -> set[tuple[str, str]]:
        with db.session() as session:
            rows = session.execute(
                select(PartyPairRow.value, PartyPairRow.pair)
                .join(storage.parties.RegistrationRow)
                .where(storage.parties.RegistrationRow.number == numbers[label])
            )
            return {(value, pair) for value, pair in rows}

    # "José PÉREZ GÓMEZ": jose, perez, gomez -> skeletons s, prz, gmz; the account has none
    assert pairs("es") == {("José PÉREZ GÓMEZ", pair) for pair in ("prz s", "gmz s", "gmz prz")}
    save_analysis(db, numbers["es"], make_analysis(["Request"]).model_copy(update={"entities": Entities()}))
    assert pairs("es") == set()


def test_a_shared_case_reference_relates_a_supplementary_request(
    db: Database, numbers: dict[str, str]
) -> None:
    related = related_requests(db, numbers["supplementary"])
    assert [(_labels(numbers, [item])[0], item.kind, item.value) for item in related] == [
        ("first-request", "case_reference", "RC.17/2025")
    ]
    assert "same case reference" in related[0].reason
    assert _labels(numbers, find_parties(db, "rc.17/2025")) == ["first-request", "supplementary"]
    assert find_parties(db, "RC.17/2026") == []


def _save_names(db: Database, names: list[str]) -> dict[str, str]:
    found = {}
    for index, name in enumerate(names):
        number = register(
            db, sha256=f"{index + 100:064x}", filename=name, size=1, media_type=MediaType.PDF, source="cli"
        ).registration.number
        entities = _entities([("person", name)])
        save_analysis(db, number, make_analysis(["Request"]).model_copy(update={"entities": entities}))
        found[name] = number
    return found


def test_a_spelling_with_other_consonants_is_found_by_trigrams_on_postgresql(db: Database) -> None:
    """ "Schwarzkopf" and "Schwartzkopf" differ in their skeletons; PostgreSQL finds the one
    asked by the other through the trigrams of the vocabulary (SQLite has no trigrams)."""
    numbers = _save_names(db, ["Hans Schwartzkopf", "Hans Schmidt", "Anna Swarovski"])
    found = find_parties(db, "Schwarzkopf")
    if db.engine.dialect.name == "postgresql":
        assert [(match.number, match.reason) for match in found] == [
            (numbers["Hans Schwartzkopf"], "schwarzkopf = schwartzkopf (similar spelling 0.96)")
        ]
    else:
        assert found == []


def test_the_vocabulary_holds_each_name_token_once_and_a_bulk_fill_adds_what_is_missing(db: Database) -> None:
    from sqlalchemy import delete, select

    from storage.models import PartyVocabularyRow
    from storage.parties import fill_vocabulary

    def vocabulary() -> list[str]:
        with db.session() as session:
            return list(session.scalars(select(PartyVocabularyRow.term).order_by(PartyVocabularyRow.term)))

    _save_names(db, ["Hans Schwartzkopf", "Hans Schmidt"])
    assert vocabulary() == ["hans", "schmidt", "schwartzkopf"]  # hans twice in the terms, once here
    with db.session(write=True) as session:
        session.execute(delete(PartyVocabularyRow).where(PartyVocabularyRow.term != "hans"))
        fill_vocabulary(session)
    assert vocabulary() == ["hans", "schmidt", "schwartzkopf"]


def test_a_limited_search_lists_the_first_of_the_whole_ranking(db: Database) -> None:
    """Only the names that can be among the first ``limit`` get their numbers read; ties of a
    score are ordered by number, so the cut keeps every tie of the last place."""
    _save_names(
        db, ["Jose Perez", "José Pérez", "Jose Peres", "Josep Perez", "Jose Perez Gomez", "Joseph Perez"]
    )
    whole = find_parties(db, "Jose Perez", limit=100)
    assert len(whole) >= 4
    assert whole[0].score == whole[1].score  # a tie at the top
    for limit in range(1, len(whole) + 1):
        assert find_parties(db, "Jose Perez", limit=limit) == whole[:limit], limit
