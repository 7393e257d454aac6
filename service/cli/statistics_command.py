"""``rogatory statistics --check | --rebuild``: the kept statistic figures against the archive.

The statistics page reads figures that every write keeps up to date (storage/figures.py).
``--check`` counts the archive afresh (a GROUP BY of every row: seconds at a million
requests) and says whether the kept figures equal it; ``--rebuild`` replaces them by that
count (after a bulk load or a restore from rows written past the service).
"""

from __future__ import annotations

import argparse
import time

from service.cli.invocation import prepared_settings


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    figures = subparsers.add_parser(
        "statistics", help="check the kept statistic figures against the archive, or rebuild them"
    )
    action = figures.add_mutually_exclusive_group(required=True)
    action.add_argument("--check", action="store_true", help="count the archive and compare (read only)")
    action.add_argument("--rebuild", action="store_true", help="replace the kept figures by the count")
    figures.set_defaults(handler=statistics_figures)


def statistics_figures(args: argparse.Namespace) -> int:
    from storage.database import open_database
    from storage.figures import kept_figures, rebuild_figures
    from storage.statistic_counts import count_figures

    db = open_database(prepared_settings(args).database)
    started = time.perf_counter()
    if args.rebuild:
        with db.session(write=True) as session:
            rows = rebuild_figures(session)
        print(f"rebuilt {rows:,} figure rows in {time.perf_counter() - started:.1f} s")
        return 0
    with db.session() as session:
        kept, counted = kept_figures(session), count_figures(session)
    differing = sorted(key for key in kept.keys() | counted.keys() if kept[key] != counted[key])
    for day, dimension, value in differing[:20]:
        key = (day, dimension, value)
        print(f"{day} {dimension}={value}: kept {kept[key]}, counted {counted[key]}")
    seconds = time.perf_counter() - started
    if differing:
        print(f"{len(differing):,} figures differ ({seconds:.1f} s): run rogatory statistics --rebuild")
        return 1
    print(f"the {len(kept):,} kept figures equal the archive's count ({seconds:.1f} s)")
    return 0
