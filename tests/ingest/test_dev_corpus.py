"""Every original of a labelled corpus passes validation with the type its name says.

The corpus folder is ``$ROGATORY_CORPUS`` or ``../shared/corpus/dev`` beside the
repository; the test is skipped when neither exists.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ingest.media_types import media_type_of_name
from ingest.validation import ValidationLimits, validate_original
from rogatory.settings import Settings

CORPUS = Path(
    os.environ.get("ROGATORY_CORPUS", Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev")
)


@pytest.mark.slow
@pytest.mark.skipif(not (CORPUS / "manifest.jsonl").is_file(), reason=f"no labelled corpus at {CORPUS}")
def test_every_corpus_original_is_accepted_as_the_type_of_its_name() -> None:
    limits = ValidationLimits.from_settings(Settings())
    lines = (CORPUS / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    files = [CORPUS / json.loads(line)["file"] for line in lines if line.strip()]
    assert files
    for path in files:
        source = validate_original(path.read_bytes(), name=path.name, limits=limits)
        assert source.media_type == media_type_of_name(path.name), path.name
