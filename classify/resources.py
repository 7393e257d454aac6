"""What classification reads from data files, loaded and validated once per process.

Built at process start (workers/pipeline.py ``load_engines``: the worker, ``rogatory
ingest --now``, the evaluation's processes; benchmarks and tests) and passed down to
:func:`classify.request.classify_request` and
:func:`classify.completeness.check_completeness`, so that a broken lexicon or country
file stops the process at start instead of failing its first request.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from classify.lexicon import LEXICON_DIR, Lexicons, load_lexicons
from classify.states import EXTRA_NAMES_DIR, CountryNames, load_country_names


@dataclass(frozen=True)
class ClassifyResources:
    """The compiled phrase lexicons of every language and the country names."""

    lexicons: Lexicons
    countries: CountryNames


def load_classify_resources(
    *, lexicon_dir: Path = LEXICON_DIR, country_dir: Path = EXTRA_NAMES_DIR
) -> ClassifyResources:
    """Read and compile the lexicons of ``lexicon_dir`` and the country names.

    ``country_dir`` holds the country names pycountry lacks (``<lang>.yaml``). Raises
    ``ConfigurationError`` naming the file and the problem when a file is malformed.
    """
    return ClassifyResources(
        lexicons=load_lexicons(lexicon_dir), countries=load_country_names(directory=country_dir)
    )
