"""The archive's question: have we seen this person, this company, this account before?

:func:`index_parties` writes the search keys of an analysis's persons,
organisations and accounts (:mod:`storage.names`) in the transaction that saves
it. :func:`find_parties` looks a name or an account up across every registration,
across scripts and spellings, ranked, each match with its reason;
:func:`related_requests` lists the other registrations that share a person or an
account with one. Candidates come from indexed equality of tokens or skeletons
(both databases) and, on PostgreSQL, trigram similarity (pg_trgm); they are then
scored token by token here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Select, delete, func, or_, select, text
from sqlalchemy.orm import Session

from rogatory.records import Entities, EntityKind
from storage.database import Database
from storage.models import PartyTermRow, RegistrationRow
from storage.names import compact_account, name_tokens, skeleton, token_match

NAME_KINDS = (EntityKind.PERSON.value, EntityKind.ORGANISATION.value)
ACCOUNT = EntityKind.ACCOUNT.value
_TRIGRAM_THRESHOLD = 0.5
RELATED_MIN_SCORE = 0.75  # a shared name relates two requests from "same consonants" up
_MAX_CANDIDATES = 2000
_COUNT_CAP = _MAX_CANDIDATES + 1


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
    seen: set[tuple[str, str, str]] = set()
    for entity in entities.items:
        kind = entity.kind.value
        if kind == ACCOUNT:
            keys = [compact_account(entity.value)]
        elif kind in NAME_KINDS:
            keys = name_tokens(entity.value)
        else:
            continue
        for key in keys:
            if key and (kind, entity.value, key) not in seen:
                seen.add((kind, entity.value, key))
                term = key[:200]
                sign = term if kind == ACCOUNT else skeleton(term)[:200]
                session.add(
                    PartyTermRow(
                        registration_id=registration_id,
                        kind=kind,
                        value=entity.value,
                        term=term,
                        skeleton=sign,
                    )
                )


def find_parties(db: Database, query: str, *, limit: int = 20) -> list[PartyMatch]:
    """Registrations naming a person, organisation or account like ``query``, best first.

    An account matches in electronic form (spaces and dashes ignored); a name when
    every query token matches a different token of it. Raises ``TransientError``.
    """
    with db.session() as session:
        matches = _account_matches(session, query)
        if not _looks_like_account(query):
            matches += _name_matches(session, query)
    matches.sort(key=lambda match: (-match.score, match.number, match.value))
    return matches[:limit]


def related_requests(db: Database, number: str) -> list[RelatedRequest]:
    """Other registrations sharing a person, organisation or account with ``number``.

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
            found = _account_matches(session, value) if kind == ACCOUNT else _name_matches(session, value)
            for match in found:
                if match.number != number and (kind == ACCOUNT or _same_person(value, match)):
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
    if len(account) < 6:
        return []
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


def _name_matches(session: Session, query: str) -> list[PartyMatch]:
    tokens = name_tokens(query)
    if not tokens:
        return []
    candidates = _candidate_names(session, tokens)
    matches = []
    for (number, kind, value), name in candidates.items():
        scored = _score_name(tokens, name)
        if scored is not None:
            score, reason = scored
            matches.append(PartyMatch(number, kind, value, round(score, 4), reason))
    return matches


def _candidate_names(session: Session, tokens: list[str]) -> dict[tuple[str, str, str], list[str]]:
    """Names with a term matching the query's most selective token: same token, same
    skeleton, or (on PostgreSQL) a near spelling by trigrams. The other tokens are checked
    when scoring; starting from the rarest keeps a common first name from flooding."""
    postgresql = session.get_bind().dialect.name == "postgresql"
    if postgresql:
        session.execute(text(f"SET LOCAL pg_trgm.similarity_threshold = {_TRIGRAM_THRESHOLD}"))

    def matching(token: str, *, near: bool) -> Select[int, str]:
        condition = or_(PartyTermRow.term == token, PartyTermRow.skeleton == skeleton(token))
        if near and len(token) >= 4:
            condition = or_(condition, PartyTermRow.term.op("%")(token))
        return select(PartyTermRow.registration_id, PartyTermRow.value).where(
            PartyTermRow.kind.in_(NAME_KINDS), condition
        )

    # Selectivity is counted on the indexed conditions only (a trigram OR scans the table).
    rarest = min(dict.fromkeys(tokens), key=lambda token: _count(session, matching(token, near=False)))
    hits = matching(rarest, near=postgresql).distinct().limit(_MAX_CANDIDATES).subquery()
    rows = session.execute(
        select(RegistrationRow.number, PartyTermRow.kind, PartyTermRow.value, PartyTermRow.term)
        .join(
            hits,
            (hits.c.registration_id == PartyTermRow.registration_id) & (hits.c.value == PartyTermRow.value),
        )
        .join(RegistrationRow, RegistrationRow.id == PartyTermRow.registration_id)
        .where(PartyTermRow.kind.in_(NAME_KINDS))
        .order_by(PartyTermRow.id)
    )
    names: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for number, kind, value, term in rows:
        names[(number, kind, value)].append(term)
    return names


def _count(session: Session, query: Select[int, str]) -> int:
    """How many rows ``query`` matches, counted up to a cap (enough to compare tokens)."""
    capped = query.limit(_COUNT_CAP).subquery()
    return int(session.scalar(select(func.count()).select_from(capped)) or 0)


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
