"""Load: N small files dropped at once into ``rogatory run``; time and peak memory of each process.

The service runs on the embedded default (SQLite, filesystem store and queue), as
``make run`` starts it, with two worker processes. N one-page text-layer requests,
each its own content, are written in a staging folder and renamed into the inbox one
after another; the registry is then read until every file is registered and every
request processed. Checked on the way: each file registered once, numbers without a
gap, no refusal. Printed: how long dropping, registering and processing took, and
the peak resident memory (VmHWM, sampled every 0.5 s) of the service process (web
app + watcher), the worker and each pool process. Shared with the slow test
tests/faults/test_load.py (100 files).

    .venv/bin/python -m bench.bench_load [--files 1000] [--timeout 1800]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from tests.faults.load import run_load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds to wait for each phase")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())}", flush=True)
    with tempfile.TemporaryDirectory(prefix="rogatory-load-") as work:
        report = run_load(args.files, Path(work), timeout=args.timeout)
    print("\n".join(report.lines()))
    numbers = sorted(int(registration.number.rsplit("-", 1)[1]) for registration in report.registrations)
    hashes = {registration.sha256 for registration in report.registrations}
    assert numbers == list(range(1, args.files + 1)), "numbers are not gap-free 1..N"
    assert len(hashes) == args.files, "a file was registered twice or not at all"
    assert report.rejections == 0, "files were refused"
    print(f"load average after: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    print("checked: every file registered once, numbers 1..N without gap, every request processed")


if __name__ == "__main__":
    main()
