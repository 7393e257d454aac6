"""The registry as one user may list it: filters, sorting, flags and facet counts.

Every query joins the registrations with their analysis (outer: a request still
being processed is listed too) and applies :func:`storage.visibility.visible_condition`,
so an authority user's listing, facets and counts never include another authority's
requests. Used by the web app; every function may raise ``TransientError``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from rogatory.listing import Facets, FacetValue, Flag, RegistryEntry, RegistryFilter, RegistryPage, SortKey
from rogatory.registration import Status
from rogatory.users import User
from storage.database import Database
from storage.figure_reads import count_in_window
from storage.models import AnalysisRow, DuplicateRow, RegistrationRow
from storage.visibility import has_label, visible_condition

MAX_FACET_ROWS = 20_000
COUNT_LIMIT = 1_000
"""A listing's total is counted up to this many (20 pages); beyond, it says "more than".

Counting stops after this many matches are read, so its cost is the rows read to find
them, not the archive's size (a rare filter without an index still reads every row)."""

_SORT_COLUMNS: dict[SortKey, Any] = {
    SortKey.RECEIVED: RegistrationRow.id,
    SortKey.NUMBER: RegistrationRow.number,
    SortKey.DEADLINE: AnalysisRow.deadline,
    SortKey.STATUS: RegistrationRow.status,
    SortKey.AUTHORITY: AnalysisRow.route_to,
    SortKey.STATE: AnalysisRow.requesting_state,
}


def list_registry(
    db: Database,
    viewer: User,
    filters: RegistryFilter,
    *,
    sort: SortKey = SortKey.RECEIVED,
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
    after: str | None = None,
    count_limit: int = COUNT_LIMIT,
) -> RegistryPage:
    """One page of the requests ``viewer`` may see that match ``filters``, sorted, with how
    many match (:func:`count_listed`: exact, or more than ``count_limit``).

    ``after`` (the number of the last entry of the page before) continues the listing
    from that entry (keyset pagination: the page after the thousandth reads 50 rows of the
    index, an ``offset`` reads and drops every row before); an unknown number lists from
    the start.
    """
    duplicates = (
        select(func.count(DuplicateRow.id))
        .where(DuplicateRow.registration_id == RegistrationRow.id)
        .scalar_subquery()
    )
    inner = _needs_analysis(viewer, filters)
    # Filtered by an indexed column of the analyses, the analyses drive the query: ordering
    # by their key (the registration's) lets that index, which ends with it, give the order.
    driving = inner and visible_condition(viewer) is None and _indexed_analysis_filter(filters)
    tie = AnalysisRow.registration_id if driving else RegistrationRow.id
    column = tie if sort is SortKey.RECEIVED else _SORT_COLUMNS[sort]
    order = [_ordered(column, descending=descending, nullable=_may_be_null(column, inner=inner))]
    if column is not tie:
        order.append(tie.desc())
    with db.session() as session:
        total, exact = count_listed(session, viewer, filters, limit=count_limit)
        # Many matches sorted by another column: walking that column's index finds a page
        # after reading about 50 x archive / matches rows (50,000 at a million and 1,000
        # matches), where the filter's index fetched every match to sort it (2 s at 1M).
        # Not when the sort column is the filtered one: its index gives the order already.
        # On SQLite only: PostgreSQL chooses the walk by its costs, and the rewritten equalities
        # (estimated at 0.5 %) made it expect a dozen matches and sort them all (0.5 s at 1M).
        walk = (
            session.get_bind().dialect.name == "sqlite"
            and sort not in _sorted_by_filter(filters)
            and (not exact or total >= count_limit)
        )
        columns = select(RegistrationRow, AnalysisRow, duplicates)
        statement = _filtered(columns, viewer, filters, inner=inner, walk=walk)
        if after is not None:
            key = Keyset(column, tie, descending=descending, nullable=_may_be_null(column, inner=inner))
            statement = statement.where(*key.after(session, after, inner=inner))
        rows = session.execute(statement.order_by(*order).limit(limit).offset(offset)).all()
        entries = tuple(_entry(registration, analysis, count) for registration, analysis, count in rows)
    return RegistryPage(entries=entries, total=total, exact=exact, limit=limit, offset=offset)


@dataclass(frozen=True)
class Keyset:
    """The listing's order (``column``, then ``tie`` descending) as a condition: after a row."""

    column: Any
    tie: Any
    descending: bool
    nullable: bool

    def after(self, session: Session, number: str, *, inner: bool) -> list[ColumnElement[bool]]:
        """The conditions of the rows listed after the request ``number`` (none if unknown)."""
        joined = AnalysisRow.registration_id == RegistrationRow.id
        found = select(self.column, self.tie).select_from(RegistrationRow)
        found = found.join(AnalysisRow, joined) if inner else found.outerjoin(AnalysisRow, joined)
        row = session.execute(found.where(RegistrationRow.number == number)).first()
        if row is None:
            return []
        value, tie = row
        if self.column is self.tie:
            return [self.tie < tie if self.descending else self.tie > tie]
        if value is None:  # NULLs come last: only NULLs after
            return [self.column.is_(None), self.tie < tie]
        beyond = self.column < value if self.descending else self.column > value
        later = [beyond, and_(self.column == value, self.tie < tie)]
        if self.nullable:
            later.append(self.column.is_(None))
        return [or_(*later)]


def _sorted_by_filter(filters: RegistryFilter) -> set[SortKey]:
    """The sorts the filter's own index gives in order (the received order always)."""
    ordered = {SortKey.RECEIVED}
    for key, value in ((SortKey.STATE, filters.requesting_state), (SortKey.AUTHORITY, filters.route_to)):
        if value is not None:
            ordered.add(key)
    if filters.status is not None:
        ordered.add(SortKey.STATUS)
    return ordered


def _ordered(column: Any, *, descending: bool, nullable: bool) -> Any:
    """NULLs last only where there can be one: PostgreSQL's index order (descending, NULLs
    first) does not give ``DESC NULLS LAST``, so it sorted every row to list 50."""
    ordered = column.desc() if descending else column.asc()
    return ordered.nulls_last() if nullable else ordered


def _may_be_null(column: Any, *, inner: bool) -> bool:
    """A column of the listing may be NULL: nullable, or of an outer-joined analysis."""
    return bool(column.property.columns[0].nullable) or (column.class_ is AnalysisRow and not inner)


def count_listed(
    session: Session, viewer: User, filters: RegistryFilter, *, limit: int = COUNT_LIMIT
) -> tuple[int, bool]:
    """How many requests ``viewer`` may see match ``filters``, and whether that is exact.

    Exact from the kept statistic figures when they hold it (the central registry, at most
    one of status, requesting state, executing authority, offence, measure and legal basis,
    and the days received); else
    counted up to ``limit`` (more is "more than", not a scan of a million rows).
    """
    kept = _kept_count(session, viewer, filters)
    if kept is not None:
        return kept, True
    matching = _filtered(
        select(RegistrationRow.id),
        viewer,
        filters,
        join=_reads_analysis(viewer, filters),
        inner=_needs_analysis(viewer, filters),
    )
    bounded = select(func.count()).select_from(matching.limit(limit + 1).subquery())
    found = int(session.scalar(bounded) or 0)
    return min(found, limit), found <= limit


_KEPT_DIMENSIONS = frozenset({"status", "requesting_state", "route_to", "offence", "measure", "legal_basis"})
"""Filters the kept figures count by (their dimension has the filter's name; the labels of
a multi-valued column are distinct, so a label's figure is the requests that hold it)."""


def _kept_count(session: Session, viewer: User, filters: RegistryFilter) -> int | None:
    if visible_condition(viewer) is not None:
        return None
    asked = filters.model_dump(exclude_none=True)
    window = {"received_from", "received_to"}
    dimensions = [name for name in asked if name not in window]
    if len(dimensions) > 1 or any(name not in _KEPT_DIMENSIONS for name in dimensions):
        return None
    since, until = filters.received_from, filters.received_to
    if dimensions:
        name = dimensions[0]
        return count_in_window(session, since, until, name, str(asked[name]))
    return count_in_window(session, since, until, "status", None)


def count_facets(db: Database, viewer: User, filters: RegistryFilter) -> Facets:
    """Facet counts over the requests ``viewer`` may see that match ``filters``.

    Counts at most ``MAX_FACET_ROWS`` requests (the newest), which a search's hits never reach.
    """
    statement = _filtered(
        select(
            RegistrationRow.status,
            AnalysisRow.language,
            AnalysisRow.requesting_state,
            AnalysisRow.route_to,
            AnalysisRow.offences,
            AnalysisRow.measures,
            AnalysisRow.legal_basis,
            AnalysisRow.missing,
            AnalysisRow.urgent,
            AnalysisRow.needs_review,
        ),
        viewer,
        filters,
    ).order_by(RegistrationRow.id.desc())
    counters: dict[str, Counter[str]] = {name: Counter() for name in Facets.model_fields}
    with db.session() as session:
        for row in session.execute(statement.limit(MAX_FACET_ROWS)):
            status, language, state, route_to, offences, measures, bases, missing, urgent, review = row
            counters["status"][status] += 1
            for name, value in (("language", language), ("requesting_state", state), ("route_to", route_to)):
                if value:
                    counters[name][value] += 1
            for name, values in (("offence", offences), ("measure", measures), ("legal_basis", bases)):
                counters[name].update((values or "").split())
            flags = {Flag.INCOMPLETE: bool((missing or "").strip()), Flag.URGENT: bool(urgent)}
            flags[Flag.NEEDS_REVIEW] = bool(review) or status == Status.NEEDS_REVIEW.value
            counters["flag"].update(flag.value for flag, present in flags.items() if present)
    return Facets(
        **{
            name: tuple(FacetValue(value=value, count=count) for value, count in counter.most_common())
            for name, counter in counters.items()
        }
    )


def _filtered(
    statement: Any,
    viewer: User,
    filters: RegistryFilter,
    *,
    join: bool = True,
    inner: bool = False,
    walk: bool = False,
) -> Any:
    """``statement`` (a select of any columns) over the registry, filtered for ``viewer``;
    without ``join`` not joined with the analyses (only for conditions that do not read them),
    with ``inner`` only the analysed (only for conditions that an unanalysed request fails)."""
    statement = statement.select_from(RegistrationRow)
    if inner:
        statement = statement.join(AnalysisRow, AnalysisRow.registration_id == RegistrationRow.id)
    elif join:
        statement = statement.outerjoin(AnalysisRow, AnalysisRow.registration_id == RegistrationRow.id)
    for condition in _conditions(viewer, filters, walk=walk):
        statement = statement.where(condition)
    return statement


def _reads_analysis(viewer: User, filters: RegistryFilter) -> bool:
    """Whether the conditions for ``viewer`` and ``filters`` read a column of ``analyses``.

    A registration has at most one analysis (its key), so a count without such a condition
    needs no join: counting the whole registry read every analysis (a million: seconds).
    """
    flag_reads = filters.flag is not None and filters.flag is not Flag.DUPLICATE
    return _needs_analysis(viewer, filters) or flag_reads


def _indexed_analysis_filter(filters: RegistryFilter) -> bool:
    """An equality on a column of the analyses that has an index ending with the key."""
    return any(value is not None for value in (filters.language, filters.requesting_state, filters.route_to))


def _needs_analysis(viewer: User, filters: RegistryFilter) -> bool:
    """Whether every request the conditions hold for has an analysis (a condition on one of
    its columns that NULL fails): the analyses can then be joined, not outer-joined.

    The flag "needs review" reads the analysis too, but holds for a request waiting in review
    without one (its status): it reads, it does not need.
    """
    analysed = (
        filters.language,
        filters.requesting_state,
        filters.route_to,
        filters.offence,
        filters.measure,
        filters.legal_basis,
        filters.deadline_before,
    )
    flag_needs = filters.flag in (Flag.INCOMPLETE, Flag.URGENT)
    authority = visible_condition(viewer) is not None
    return authority or flag_needs or any(value is not None for value in analysed)


def _conditions(viewer: User, filters: RegistryFilter, *, walk: bool = False) -> list[ColumnElement[bool]]:
    """The conditions; with ``walk`` the equalities are written so that no index serves them
    (``column || '' = value``): the database then walks the sort column's index."""
    conditions: list[ColumnElement[bool]] = []
    visible = visible_condition(viewer, indexed=not walk)
    if visible is not None:
        conditions.append(visible)
    equal = (
        (RegistrationRow.status, filters.status.value if filters.status else None),
        (AnalysisRow.language, filters.language),
        (AnalysisRow.requesting_state, filters.requesting_state),
        (AnalysisRow.route_to, filters.route_to),
    )
    conditions.extend((column.concat("") if walk else column) == value for column, value in equal if value)
    labels = (
        (AnalysisRow.offences, filters.offence),
        (AnalysisRow.measures, filters.measure),
        (AnalysisRow.legal_basis, filters.legal_basis),
    )
    conditions.extend(has_label(column, value) for column, value in labels if value)
    if filters.flag is not None:
        conditions.append(_flag_condition(filters.flag))
    conditions.extend(
        received_between(RegistrationRow.received_at, filters.received_from, filters.received_to)
    )
    if filters.deadline_before is not None:
        conditions.append(AnalysisRow.deadline <= filters.deadline_before)
    if filters.numbers is not None:
        conditions.append(RegistrationRow.number.in_(filters.numbers))
    return conditions


def _flag_condition(flag: Flag) -> ColumnElement[bool]:
    if flag is Flag.INCOMPLETE:
        return AnalysisRow.missing != " "
    if flag is Flag.URGENT:
        return AnalysisRow.urgent.is_(True)
    if flag is Flag.DUPLICATE:
        return select(DuplicateRow.id).where(DuplicateRow.registration_id == RegistrationRow.id).exists()
    return or_(AnalysisRow.needs_review.is_(True), RegistrationRow.status == Status.NEEDS_REVIEW.value)


def received_between(column: Any, since: date | None, until: date | None) -> list[ColumnElement[bool]]:
    """Conditions on a received-at column for the days ``since`` .. ``until`` (UTC, inclusive)."""
    conditions: list[ColumnElement[bool]] = []
    if since is not None:
        conditions.append(column >= datetime.combine(since, time.min, tzinfo=UTC))
    if until is not None:
        conditions.append(column < datetime.combine(until + timedelta(days=1), time.min, tzinfo=UTC))
    return conditions


def _entry(registration: RegistrationRow, analysis: AnalysisRow | None, duplicates: int) -> RegistryEntry:
    decided: dict[str, object] = {}
    if analysis is not None:
        decided = {
            "language": analysis.language,
            "requesting_state": analysis.requesting_state,
            "request_type": analysis.request_type,
            "route_to": analysis.route_to,
            "notify": tuple(analysis.notify.split()),
            "offences": tuple(analysis.offences.split()),
            "measures": tuple(analysis.measures.split()),
            "missing": tuple(analysis.missing.split()),
            "deadline": analysis.deadline,
            "urgent": analysis.urgent,
            "needs_review": analysis.needs_review,
        }
    return RegistryEntry(
        number=registration.number,
        received_at=registration.received_at,
        filename=registration.filename,
        status=Status(registration.status),
        status_reason=registration.status_reason,
        duplicates=duplicates,
        annexes=registration.annex_count or 0,
        **decided,
    )
