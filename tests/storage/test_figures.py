"""The kept statistic figures equal the GROUP BY of the archive after any mix of writes."""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from rogatory.registration import Status
from rogatory.sources import MediaType
from storage.database import Database
from storage.figures import kept_figures, rebuild_figures
from storage.models import FigureRow, RegistrationRow
from storage.processing import claim_processing, record_analysis, record_failure, request_analysis
from storage.registry import register, save_analysis, set_status
from storage.review import confirm_routing, reassign_routing
from storage.statistic_counts import Key, bucket, bucket_middle, count_figures
from storage.statistics import compute_statistics, statistics_of
from tests.storage.sample_analysis import make_analysis

START = datetime(2026, 1, 29, 22, 59, 59, 999_700, tzinfo=UTC)  # a fraction near the next second


def _register(db: Database, index: int, received: datetime) -> str:
    return register(
        db,
        sha256=hashlib.sha256(f"request {index}".encode()).hexdigest(),
        filename=f"r{index}.pdf",
        size=1,
        media_type=MediaType.PDF,
        source=("upload", "watcher", "mail")[index % 3],  # type: ignore[arg-type]
        now=received,
    ).registration.number


def _mixed_archive(db: Database, seed: int) -> None:
    """Registrations over two month ends, analysed by the workers and by hand, sent to review,
    confirmed, reassigned, failed, reprocessed: every path that writes what the figures count."""
    rng = random.Random(seed)
    for index in range(40):
        received = START + timedelta(hours=rng.uniform(0, 24 * 40), microseconds=rng.randrange(1_000_000))
        number = _register(db, index, received)
        later = received + timedelta(hours=rng.uniform(0.01, 30))
        kind = rng.randrange(6)
        analysis = make_analysis(
            [f"page {index}"],
            needs_review=rng.random() < 0.5,
            requesting_state=rng.choice(["FR", "DE", None]),
            route_to=rng.choice(["prosecutor_general", "fiu"]),
        )
        if kind == 0:
            continue  # registered only
        if kind == 1:
            set_status(db, number, Status.FAILED, "unreadable", now=later)
            continue
        claim = claim_processing(db, number, task=f"t{index}", stale_after=60, now=later)
        if kind == 2:
            record_failure(db, number, "bug", generation=claim.generation, now=later)
            continue
        record_analysis(db, number, analysis, generation=claim.generation, now=later)
        decided = later + timedelta(hours=rng.uniform(0.5, 50))
        if kind == 3:
            confirm_routing(db, number, actor="clerk", now=decided)
        elif kind == 4:
            reassign_routing(
                db,
                number,
                "courts",
                actor="clerk",
                reason="wrong court",
                known_authorities={"courts"},
                now=decided,
            )
            save_analysis(db, number, analysis, now=decided + timedelta(minutes=5))
        else:
            generation = request_analysis(db, number, actor="clerk", now=decided)
            claim_processing(db, number, task="again", stale_after=60, now=decided)
            record_analysis(db, number, analysis, generation=generation, now=decided)


def _counted(db: Database) -> tuple[Counter[Key], Counter[Key]]:
    with db.session() as session:
        return kept_figures(session), count_figures(session)


def test_kept_figures_equal_the_counts_after_a_mix_of_writes(db: Database) -> None:
    _mixed_archive(db, seed=5)
    kept, counted = _counted(db)
    assert kept == counted
    assert {name for _, name, _ in counted} >= {"status", "channel", "offence", "processing", "routing"}
    assert sum(count for (_, name, _), count in counted.items() if name == "status") == 40
    with db.session() as session:  # each month's row is the sum of its days'
        rows = session.execute(
            FigureRow.__table__.select().with_only_columns(
                FigureRow.month, FigureRow.day, FigureRow.dimension, FigureRow.value, FigureRow.count
            )
        ).all()
    months: Counter[tuple[str, str, str]] = Counter()
    for month, day, dimension, value, count in rows:
        months[(month, dimension, value)] += count if day else -count
    assert {key: count for key, count in months.items() if count} == {}


def test_the_rebuild_writes_what_the_transactions_kept(db: Database) -> None:
    _mixed_archive(db, seed=9)
    kept, _ = _counted(db)
    with db.session(write=True) as session:
        session.execute(FigureRow.__table__.delete())
    assert _counted(db)[0] == Counter()
    with db.session(write=True) as session:
        assert rebuild_figures(session) > 0
    assert _counted(db)[0] == kept


def _fail_after_a_change(db: Database, number: str) -> None:
    with db.session(write=True) as session:
        registration = session.scalars(select(RegistrationRow).where(RegistrationRow.number == number)).one()
        registration.status = Status.FAILED.value
        session.flush()
        raise RuntimeError("the transaction fails")


def test_a_rolled_back_write_leaves_the_figures(db: Database) -> None:
    number = _register(db, 1, START)
    before, _ = _counted(db)
    assert before[(START.date(), "status", "registered")] == 1
    with pytest.raises(RuntimeError):
        _fail_after_a_change(db, number)
    kept, counted = _counted(db)
    assert kept == before
    assert counted == before
    set_status(db, number, Status.FAILED, "unreadable", now=START)
    assert _counted(db)[0] == _counted(db)[1]


def _window(figures: Counter[Key], since: date | None, until: date | None) -> Counter[tuple[str, str]]:
    chosen: Counter[tuple[str, str]] = Counter()
    for (day, name, value), count in figures.items():
        if (since is None or day >= since) and (until is None or day <= until):
            chosen[(name, value)] += count
            if name == "status":
                chosen[("month", day.isoformat()[:7])] += count
    return chosen


def test_the_statistics_of_any_window_are_the_counts_of_its_days(db: Database) -> None:
    _mixed_archive(db, seed=3)
    _, counted = _counted(db)
    days = [START.date() + timedelta(days=offset) for offset in range(-3, 45, 2)]
    windows = [
        (None, None),
        (None, date(2026, 2, 28)),
        (date(2026, 2, 1), None),
        (date(2026, 1, 31), date(2026, 3, 1)),
    ]
    windows += [(since, until) for since in days[::3] for until in days[1::4] if since <= until]
    windows += [(day, day) for day in days[::5]]
    for since, until in windows:
        expected = statistics_of(_window(counted, since, until), rejected=0)
        assert compute_statistics(db, since=since, until=until) == expected, (since, until)


@given(st.integers(min_value=-5, max_value=10**9))
def test_a_bucket_is_the_duration_to_two_figures_rounded_down(seconds: int) -> None:
    kept = bucket(seconds)
    assert 0 <= kept <= max(0, seconds)
    assert max(0, seconds) - kept < max(1, max(0, seconds) / 10)
    assert len(str(kept).rstrip("0")) <= 2 or kept < 100
    assert abs(bucket_middle(kept) - max(0, seconds)) <= max(0.5, 0.05 * max(0, seconds))
