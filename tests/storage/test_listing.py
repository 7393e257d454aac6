"""The registry as a user lists it: filters, flags, sorting, facets and statistics, for each viewer."""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import product

from rogatory.listing import Flag, RegistryFilter, SortKey
from rogatory.registration import Status
from rogatory.users import Role, User
from storage.database import Database
from storage.listing import count_facets, list_registry
from storage.statistics import compute_statistics
from tests.storage.sample_analysis import add_request, make_analysis

CLERK = User(id=1, username="clerk", display_name="Clerk", role=Role.CLERK, created_at=datetime.now(UTC))
FIU = User(
    id=2,
    username="fiu",
    display_name="FIU",
    role=Role.AUTHORITY,
    authority="fiu",
    created_at=datetime.now(UTC),
)


def _add(db: Database, label: str, *, route_to: str, status: Status, state: str = "FR") -> str:
    analysis = make_analysis([label], route_to=route_to, requesting_state=state)
    return add_request(db, label, analysis, status=status)


def test_filters_flags_sorting_and_viewer(db: Database) -> None:
    first = _add(db, "a", route_to="fiu", status=Status.ROUTED, state="ES")
    second = _add(db, "b", route_to="police", status=Status.NEEDS_REVIEW)
    third = _add(db, "c", route_to="fiu", status=Status.ROUTED)
    add_request(db, "a", filename="again")  # the same content again: a duplicate of the first
    everything = list_registry(db, CLERK, RegistryFilter())
    assert [entry.number for entry in everything.entries] == [third, second, first]
    assert everything.total == 3
    assert [e.number for e in list_registry(db, CLERK, RegistryFilter(route_to="fiu")).entries] == [
        third,
        first,
    ]
    assert [e.number for e in list_registry(db, CLERK, RegistryFilter(requesting_state="ES")).entries] == [
        first
    ]
    assert [e.number for e in list_registry(db, CLERK, RegistryFilter(offence="art23")).entries] == [
        third,
        second,
        first,
    ]
    assert list_registry(db, CLERK, RegistryFilter(measure="freezing")).total == 0
    duplicated = list_registry(db, CLERK, RegistryFilter(flag=Flag.DUPLICATE)).entries
    assert [(e.number, e.duplicates, Flag.DUPLICATE in e.flags) for e in duplicated] == [(first, 1, True)]
    assert [e.number for e in list_registry(db, CLERK, RegistryFilter(flag=Flag.NEEDS_REVIEW)).entries] == [
        second
    ]
    by_state = list_registry(db, CLERK, RegistryFilter(), sort=SortKey.STATE, descending=False).entries
    assert [e.requesting_state for e in by_state] == ["ES", "FR", "FR"]
    mine = list_registry(db, FIU, RegistryFilter())
    assert ([e.number for e in mine.entries], mine.total) == ([third, first], 2)
    assert list_registry(db, FIU, RegistryFilter(numbers=(second, first))).total == 1


def test_facets_count_only_what_the_viewer_sees(db: Database) -> None:
    _add(db, "a", route_to="fiu", status=Status.ROUTED, state="ES")
    _add(db, "b", route_to="police", status=Status.ROUTED)
    facets = count_facets(db, CLERK, RegistryFilter())
    assert {(f.value, f.count) for f in facets.route_to} == {("fiu", 1), ("police", 1)}
    assert [(f.value, f.count) for f in facets.offence] == [("art23", 2)]
    assert {f.value for f in count_facets(db, FIU, RegistryFilter()).requesting_state} == {"ES"}


def test_statistics_count_per_dimension(db: Database) -> None:
    _add(db, "a", route_to="fiu", status=Status.ROUTED, state="ES")
    _add(db, "b", route_to="fiu", status=Status.ROUTED)
    figures = compute_statistics(db)
    assert figures.received == 2
    assert figures.by_dimension["route_to"] == [("fiu", 2)]
    assert sorted(figures.by_dimension["requesting_state"]) == [("ES", 1), ("FR", 1)]
    assert figures.by_dimension["measure"] == [("bank_records", 2)]
    assert figures.routing_hours is not None
    assert compute_statistics(db, since=datetime.now(UTC).date().replace(year=2100)).received == 0


def test_a_later_confirmation_does_not_move_the_time_to_routing(db: Database) -> None:
    """Issue 18: the rules routed it at the analysis; a reviewer's confirmation hours later
    (or a reassignment) is a correction, not the time it took to route."""
    from datetime import timedelta

    from storage.review import confirm_routing, reassign_routing

    auto = _add(db, "a", route_to="fiu", status=Status.ROUTED)
    reviewed = _add(db, "b", route_to="police", status=Status.NEEDS_REVIEW)
    waiting = _add(db, "c", route_to="police", status=Status.NEEDS_REVIEW)
    before = compute_statistics(db).routing_hours
    assert before is not None
    assert before[1] < 0.1  # only the request the rules routed, at its analysis
    later = datetime.now(UTC) + timedelta(hours=5)
    confirm_routing(db, auto, actor="reviewer", now=later)
    reassign_routing(
        db, auto, "police", actor="reviewer", reason="police", known_authorities={"police"}, now=later
    )
    assert compute_statistics(db).routing_hours == before
    confirm_routing(db, reviewed, actor="reviewer", now=later)
    after = compute_statistics(db).routing_hours
    assert after is not None
    assert after[1] > 4.9  # the reviewed request counts from its receipt to the decision
    assert waiting  # still waiting for review: not counted at all


def _totals(db: Database, viewer: User, filters: RegistryFilter, count_limit: int) -> tuple[int, bool]:
    page = list_registry(db, viewer, filters, limit=2, count_limit=count_limit)
    return page.total, page.exact


def test_a_total_is_exact_from_the_kept_figures_or_counted_up_to_the_limit(db: Database) -> None:
    for index in range(5):
        _add(db, f"r{index}", route_to="fiu" if index % 2 else "police", status=Status.ROUTED)
    add_request(db, "unanalysed")  # registered, no analysis: listed, counted, never by a label
    # The kept figures answer one status, state or authority exactly, however many match.
    assert _totals(db, CLERK, RegistryFilter(), count_limit=2) == (6, True)
    assert _totals(db, CLERK, RegistryFilter(status=Status.ROUTED), count_limit=2) == (5, True)
    assert _totals(db, CLERK, RegistryFilter(route_to="police"), count_limit=2) == (3, True)
    assert _totals(db, CLERK, RegistryFilter(requesting_state="FR"), count_limit=2) == (5, True)
    assert _totals(db, CLERK, RegistryFilter(offence="art23"), count_limit=2) == (5, True)
    assert _totals(db, CLERK, RegistryFilter(measure="freezing"), count_limit=2) == (0, True)
    # Anything else is counted, and said to be more when the count stops.
    assert _totals(db, CLERK, RegistryFilter(language="fr"), count_limit=2) == (2, False)
    assert _totals(db, CLERK, RegistryFilter(language="fr"), count_limit=5) == (5, True)
    assert _totals(db, CLERK, RegistryFilter(status=Status.ROUTED, route_to="fiu"), count_limit=9) == (
        2,
        True,
    )
    assert _totals(db, FIU, RegistryFilter(), count_limit=1) == (1, False)
    assert _totals(db, FIU, RegistryFilter(), count_limit=2) == (2, True)
    both = list_registry(db, CLERK, RegistryFilter(route_to="police"), limit=10)
    unfiltered = list_registry(db, CLERK, RegistryFilter(), limit=10)
    assert [e.number for e in both.entries] == [
        e.number for e in unfiltered.entries if e.route_to == "police"
    ]


def test_pages_after_an_entry_continue_the_order_of_every_sort(db: Database) -> None:
    for index in range(11):
        analysis = make_analysis(
            [f"k{index}"],
            route_to=("fiu", "police")[index % 2],
            requesting_state=(None, "DE", "FR")[index % 3],
        )
        if index % 4:
            deadline = date(2026, 5, 1 + index % 3)  # ties, and requests without a deadline
            classification = analysis.classification.model_copy(update={"deadline": deadline})
            analysis = analysis.model_copy(update={"classification": classification})
        add_request(db, f"k{index}", analysis, status=(Status.ROUTED, Status.NEEDS_REVIEW)[index % 2])
    add_request(db, "not analysed")
    viewers = ((CLERK, RegistryFilter()), (CLERK, RegistryFilter(route_to="fiu")), (FIU, RegistryFilter()))
    # A count limit of 2 makes every listing "many matches": on SQLite the sort column's index is walked.
    for (viewer, filters), sort, descending, bound in product(viewers, SortKey, (True, False), (1000, 2)):
        order = {"sort": sort, "descending": descending, "count_limit": bound}
        whole = list_registry(db, viewer, filters, limit=100, **order).entries  # type: ignore[arg-type]
        paged: list[str] = []
        after = None
        while True:
            page = list_registry(db, viewer, filters, limit=3, after=after, **order)  # type: ignore[arg-type]
            paged += [entry.number for entry in page.entries]
            if len(page.entries) < 3:
                break
            after = page.entries[-1].number
        assert paged == [entry.number for entry in whole], (viewer.username, filters, order)
        unwalked = list_registry(db, viewer, filters, limit=100, sort=sort, descending=descending)
        assert whole == unwalked.entries, order
    assert len(list_registry(db, CLERK, RegistryFilter(), limit=100).entries) == 12
