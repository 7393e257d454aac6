"""The archive's question: have we seen this person, this company, this account before?

:func:`index_parties` writes the search keys of an analysis's persons,
organisations and accounts (:mod:`storage.names`) in the transaction that saves
it. :func:`find_parties` looks a name or an account up across every registration,
across scripts and spellings, ranked, each match with its reason;
:func:`related_requests` lists the other registrations that share a person or an
account with one. Candidates come from indexed equality of tokens or skeletons
(both databases) and, on PostgreSQL, trigram similarity (pg_trgm); they are then
scored token by token here. The trigrams are sought in ``party_vocabulary`` (each name
token once), not among the rows of every name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Select, Subquery, delete, func, or_, select, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from rogatory.records import Entities, EntityKind
from rogatory.references import is_reference, normalise_reference
from storage.database import Database
from storage.models import PartyPairRow, PartyTermRow, PartyVocabularyRow, RegistrationRow
from storage.names import compact_account, name_tokens, skeleton, skeleton_pair, skeleton_pairs, token_match

NAME_KINDS = (EntityKind.PERSON.value, EntityKind.ORGANISATION.value)
ACCOUNT = EntityKind.ACCOUNT.value
CASE = EntityKind.CASE_REFERENCE.value
_TRIGRAM_THRESHOLD = 0.5
RELATED_MIN_SCORE = 0.75  # a shared name relates two requests from "same consonants" up
_MAX_CANDIDATES = 2000
_COUNT_CAP = _MAX_CANDIDATES + 1
#: From this many names for the rarest token, the names holding both rarest skeletons are
#: asked first (one seek of their pair); scoring up to 2,000 in Python was the p95 (issue 22).
_PAIR_FROM = 500
#: Fewer names with the pair than this: the rarest token's names are scored as before, so a
#: second token spelt differently (similar spelling, trigrams) is still found.
_PAIR_ENOUGH = 20
_TERM_LENGTH = 200  # party_terms.term and .skeleton


@dataclass(frozen=True)
class PartyMatch:
    """A registration naming a party like the query, how well, and why."""

    number: str
    kind: str
    value: str
    score: float
    reason: str


@dataclass(frozen=True)
class RelatedRequest:
    """Another registration sharing a party with the one asked about."""

    number: str
    kind: str
    value: str
    shared_with: str
    reason: str


def index_parties(session: Session, registration_id: int, entities: Entities) -> None:
    """Replace the party keys of one registration with those of ``entities``."""
    session.execute(delete(PartyTermRow).where(PartyTermRow.registration_id == registration_id))
    session.execute(delete(PartyPairRow).where(PartyPairRow.registration_id == registration_id))
    seen: set[tuple[str, str, str]] = set()
    signs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entity in entities.items:
        kind = entity.kind.value
        if kind == ACCOUNT:
            keys = [compact_account(entity.value)]
        elif kind == CASE:
            keys = [normalise_reference(entity.value)]
        elif kind in NAME_KINDS:
            keys = name_tokens(entity.value)
        else:
            continue
        for key in keys:
            if key and (kind, entity.value, key) not in seen:
                seen.add((kind, entity.value, key))
                term = key[:_TERM_LENGTH]
                sign = term if kind in {ACCOUNT, CASE} else _sign(term)
                if kind in NAME_KINDS:
                    signs[(kind, entity.value)].append(sign)
                session.add(
                    PartyTermRow(
                        registration_id=registration_id,
                        kind=kind,
                        value=entity.value,
                        term=term,
                        skeleton=sign,
                    )
                )
    for (kind, value), skeletons in signs.items():
        for pair in skeleton_pairs(skeletons):
            session.add(PartyPairRow(registration_id=registration_id, kind=kind, value=value, pair=pair))
    terms = {key[2][:_TERM_LENGTH] for key in seen if key[0] in NAME_KINDS}
    if terms:
        _add_vocabulary(session, terms)


def fill_vocabulary(session: Session) -> None:
    """Add every name token of ``party_terms`` missing from ``party_vocabulary`` (after rows
    were written past :func:`index_parties`, as a bulk load does)."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    tokens = select(PartyTermRow.term).where(PartyTermRow.kind.in_(NAME_KINDS)).distinct()
    session.execute(
        insert(PartyVocabularyRow)
        .from_select(["term"], tokens)
        .on_conflict_do_nothing(index_elements=["term"])
    )


def _add_vocabulary(session: Session, terms: set[str]) -> None:
    """Add the tokens no name held before to ``party_vocabulary`` (one statement, in order:
    two writers adding the same new tokens then wait on each other in one order, no cycle)."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    rows = [{"term": term} for term in sorted(terms)]
    session.execute(insert(PartyVocabularyRow).values(rows).on_conflict_do_nothing(index_elements=["term"]))


def find_parties(db: Database, query: str, *, limit: int = 20) -> list[PartyMatch]:
    """Registrations naming a person, organisation or account like ``query``, best first.

    An account matches in electronic form (spaces and dashes ignored); a name when
    every query token matches a different token of it. Raises ``TransientError``.
    """
    with db.session() as session:
        matches = _account_matches(session, query) + _reference_matches(session, query)
        if not _looks_like_account(query):
            matches += _name_matches(session, query, limit=limit)
    matches.sort(key=lambda match: (-match.score, match.number, match.value))
    return matches[:limit]


def related_requests(db: Database, number: str) -> list[RelatedRequest]:
    """Other registrations sharing a person, organisation, account or case reference with ``number``.

    Raises ``TransientError``.
    """
    with db.session() as session:
        own = session.execute(
            select(PartyTermRow.kind, PartyTermRow.value)
            .join(RegistrationRow, RegistrationRow.id == PartyTermRow.registration_id)
            .where(RegistrationRow.number == number)
            .distinct()
        ).all()
        related: dict[tuple[str, str, str], RelatedRequest] = {}
        for kind, value in own:
            if kind == CASE:
                found = _reference_matches(session, value)
            else:
                found = _account_matches(session, value) if kind == ACCOUNT else _name_matches(session, value)
            for match in found:
                if match.number != number and (kind in {ACCOUNT, CASE} or _same_person(value, match)):
                    key = (match.number, match.kind, match.value)
                    related.setdefault(
                        key, RelatedRequest(match.number, kind, match.value, value, match.reason)
                    )
    return sorted(related.values(), key=lambda item: (item.number, item.kind, item.value))


def _same_person(value: str, match: PartyMatch) -> bool:
    """A full name (two tokens or more) matched closely, not a shared first name or a relative."""
    return len(name_tokens(value)) >= 2 and match.score >= RELATED_MIN_SCORE


def _looks_like_account(query: str) -> bool:
    """Four digits or more: an account number, not a name (names are not searched for it)."""
    return sum(character.isdigit() for character in query) >= 4


def _account_matches(session: Session, query: str) -> list[PartyMatch]:
    account = compact_account(query)
    if len(account) < 6 or not any(character.isdigit() for character in account):
        return []  # an account number has digits: a name is not looked up as one
    rows = session.execute(
        select(RegistrationRow.number, PartyTermRow.value)
        .join(RegistrationRow, RegistrationRow.id == PartyTermRow.registration_id)
        .where(PartyTermRow.kind == ACCOUNT, PartyTermRow.term == account)
        .distinct()
    )
    return [
        PartyMatch(number, ACCOUNT, value, 1.0, f"same account number {account} (spaces and dashes ignored)")
        for number, value in rows
    ]


def _reference_matches(session: Session, query: str) -> list[PartyMatch]:
    """Registrations quoting the same case or file reference (spaces and case ignored)."""
    reference = normalise_reference(query)
    if not is_reference(reference):
        return []
    rows = session.execute(
        select(RegistrationRow.number, PartyTermRow.value)
        .join(RegistrationRow, RegistrationRow.id == PartyTermRow.registration_id)
        .where(PartyTermRow.kind == CASE, PartyTermRow.term == reference[:_TERM_LENGTH])
        .distinct()
    )
    return [
        PartyMatch(number, CASE, value, 1.0, f"same case reference {reference}") for number, value in rows
    ]


def _name_matches(session: Session, query: str, *, limit: int | None = None) -> list[PartyMatch]:
    """The names matching ``query``; with ``limit`` only those that can be among the first
    ``limit`` (a score at least the ``limit``-th best: ties are ordered by number, so every
    tie is kept), whose numbers alone are then read."""
    tokens = name_tokens(query)
    if not tokens:
        return []
    scored = []
    # One name is held by many registrations (the archive's question is who recurs): each
    # distinct spelling of a name is scored once.
    scores: dict[tuple[str, ...], tuple[float, str] | None] = {}
    for (registration_id, kind, value), name in _candidate_names(session, tokens).items():
        key = tuple(name)
        if key not in scores:
            scores[key] = _score_name(tokens, name)
        found = scores[key]
        if found is not None:
            scored.append((registration_id, kind, value, round(found[0], 4), found[1]))
    if limit is not None and len(scored) > limit:
        cut = sorted((score for *_, score, _ in scored), reverse=True)[limit - 1]
        scored = [match for match in scored if match[3] >= cut]
    numbers = _numbers(session, {registration_id for registration_id, *_ in scored})
    return [
        PartyMatch(numbers[registration_id], kind, value, score, reason)
        for registration_id, kind, value, score, reason in scored
    ]


def _candidate_names(session: Session, tokens: list[str]) -> dict[tuple[int, str, str], list[str]]:
    """Names with a term matching the query's most selective token: same token, same
    skeleton, or (on PostgreSQL) a near spelling by trigrams. The other tokens are checked
    when scoring; starting from the rarest keeps a common first name from flooding. When
    the rarest matches :data:`_PAIR_FROM` names or more, the candidates are the names
    holding the skeletons of both the rarest and the next rarest (one seek of their pair in
    ``party_pairs``; over the candidate limit the limit would cut the person asked for out),
    unless fewer than :data:`_PAIR_ENOUGH` have both (and the rarest's names fit the limit):
    then those of the rarest as before."""
    (rarest, count), *others = _by_selectivity(session, tokens)
    if count >= min(_PAIR_FROM, _COUNT_CAP) and others:
        pair = skeleton_pair(_sign(rarest), _sign(others[0][0]))
        both = select(PartyPairRow.registration_id, PartyPairRow.value).where(PartyPairRow.pair == pair)
        names = _names(session, _first(both))
        if len(names) >= min(_PAIR_ENOUGH, count) or (names and count >= _COUNT_CAP):
            return names
    near = session.get_bind().dialect.name == "postgresql" and len(rarest) >= 4
    if near:
        session.execute(text(f"SET LOCAL pg_trgm.similarity_threshold = {_TRIGRAM_THRESHOLD}"))
    return _names(session, _first(_matching(rarest, _near_terms(session, rarest) if near else [])))


def _first(hits: Select[int, str]) -> Subquery:
    """The distinct names of the first :data:`_MAX_CANDIDATES` rows of ``hits``. The rows are
    cut before they are made distinct: ``DISTINCT ... LIMIT`` let PostgreSQL walk the whole
    ``registration_id`` index for its order (2.7 s for "Rezriinvest LLC" at a million)."""
    rows = hits.limit(_MAX_CANDIDATES).subquery()
    return select(rows.c.registration_id, rows.c.value).distinct().subquery()


def _names(session: Session, hits: Subquery) -> dict[tuple[int, str, str], list[str]]:
    """Every term of the names in ``hits`` (registration id and value), in name order."""
    # The registration numbers are read for the names that score, not joined here: joined,
    # the planner expected one row and hashed the whole registrations table.
    rows = session.execute(
        select(PartyTermRow.registration_id, PartyTermRow.kind, PartyTermRow.value, PartyTermRow.term)
        .join(
            hits,
            (hits.c.registration_id == PartyTermRow.registration_id) & (hits.c.value == PartyTermRow.value),
        )
        .where(PartyTermRow.kind.in_(NAME_KINDS))
        .order_by(PartyTermRow.id)
    )
    names: dict[tuple[int, str, str], list[str]] = defaultdict(list)
    for registration_id, kind, value, term in rows:
        names[(registration_id, kind, value)].append(term)
    return names


def _matching(token: str, near: list[str]) -> Select[int, str]:
    """Name terms with the skeleton of ``token`` (the same token has it too) or one of the
    ``near`` spellings."""
    condition = PartyTermRow.skeleton == _sign(token)
    if near:
        condition = or_(condition, PartyTermRow.term.in_(near))
    return select(PartyTermRow.registration_id, PartyTermRow.value).where(
        PartyTermRow.kind.in_(NAME_KINDS), condition
    )


def _near_terms(session: Session, token: str) -> list[str]:
    """The name tokens spelt like ``token`` by trigrams (PostgreSQL's pg_trgm ``%``), from the
    vocabulary: one row a token, however many names hold it. Sought in a statement of its
    own: joined to the names, the planner expected a thousand tokens and hashed every term."""
    return list(
        session.scalars(
            select(PartyVocabularyRow.term).where(PartyVocabularyRow.term.op("%")(token[:_TERM_LENGTH]))
        )
    )


def _sign(token: str) -> str:
    """The skeleton of a name token as indexed (both cut to the column's length)."""
    return skeleton(token[:_TERM_LENGTH])[:_TERM_LENGTH]


def _by_selectivity(session: Session, tokens: list[str]) -> list[tuple[str, int]]:
    """The distinct tokens with their index hits, fewest first, counted up to a cap in one statement.

    Counted in the (kind, skeleton) index alone (a trigram OR would scan the table).
    """
    distinct = list(dict.fromkeys(tokens))
    if len(distinct) == 1:
        return [(distinct[0], 0)]  # nothing to compare it with
    counts = [
        select(func.count()).select_from(
            select(PartyTermRow.skeleton)
            .where(PartyTermRow.kind.in_(NAME_KINDS), PartyTermRow.skeleton == _sign(token))
            .limit(_COUNT_CAP)
            .subquery()
        )
        for token in distinct
    ]
    row = session.execute(select(*(count.scalar_subquery() for count in counts))).one()
    return sorted(zip(distinct, (int(count or 0) for count in row), strict=True), key=lambda pair: pair[1])


def _numbers(session: Session, registration_ids: set[int]) -> dict[int, str]:
    if not registration_ids:
        return {}
    rows = session.execute(
        select(RegistrationRow.id, RegistrationRow.number).where(RegistrationRow.id.in_(registration_ids))
    )
    return dict(rows.all())


def _score_name(query: list[str], name: list[str]) -> tuple[float, str] | None:
    """Match every query token to a different name token (best first); ``None`` if one fails."""
    remaining = list(name)
    scores, reasons = [], []
    for token in query:
        best = _best(token, remaining)
        if best is None:
            return None
        candidate, score, why = best
        remaining.remove(candidate)
        scores.append(score)
        reasons.append(f"{token} = {candidate} ({why})")
    coverage = len(query) / len(name)
    return sum(scores) / len(scores) * (0.9 + 0.1 * coverage), "; ".join(reasons)


def _best(token: str, candidates: Iterable[str]) -> tuple[str, float, str] | None:
    best: tuple[str, float, str] | None = None
    for candidate in candidates:
        found = token_match(token, candidate)
        if found is not None and (best is None or found[0] > best[1]):
            best = (candidate, found[0], found[1])
    return best
