"""The folder where the processes of ``rogatory run`` write their Prometheus metrics.

The worker counts (task and stage durations, pages, OCR pages) in its own processes
(Celery's pool); ``/metrics`` is served by the web app. prometheus_client's
multiprocess mode joins them: every process started with ``PROMETHEUS_MULTIPROC_DIR``
set writes its figures to files there, and the web app's registry merges the files
(:func:`workers.metrics.metrics_registry`). ``rogatory run`` sets it before it starts
the worker: the operator's value if given, else ``<data folder>/metrics``, emptied at
each start (figures of a former run belong to processes that are gone).
"""

from __future__ import annotations

import os
from pathlib import Path

from rogatory.settings import Settings

VARIABLE = "PROMETHEUS_MULTIPROC_DIR"


def use_metrics_folder(settings: Settings) -> Path:
    """Make the metrics folder, empty it, and set it for this process and its children."""
    folder = Path(os.environ.get(VARIABLE) or settings.data_dir / "metrics").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink(missing_ok=True)
    os.environ[VARIABLE] = str(folder)
    return folder
