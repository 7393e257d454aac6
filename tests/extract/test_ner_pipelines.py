"""The trained NER pipelines: checked by hash at start, a missing or altered one named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.ner_pipelines import DEFAULT_MODELS_DIR, load_trained_pipelines, manifest_hash, pipeline_hashes
from rogatory.errors import ConfigurationError


def _models(tmp_path: Path, expected: str) -> Path:
    folder = tmp_path / "pt" / "pipeline"
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "pipelines.toml").write_text(f'[pipelines]\npt = "{expected}"\n', encoding="utf-8")
    return tmp_path


def test_the_manifest_hash_is_the_shell_recipe_of_the_readme(tmp_path: Path) -> None:
    # cd pipeline && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum, for one file "{}"
    models = _models(tmp_path, "")
    assert manifest_hash(models / "pt" / "pipeline") == (
        "d084e8c708f9b0e1cfc6ed4156f5302ed5db93bfd36cf1ce785c9134d28cb657"
    )


def test_a_missing_pipeline_stops_the_start_naming_its_folder(tmp_path: Path) -> None:
    (tmp_path / "pipelines.toml").write_text('[pipelines]\nde = "00"\n', encoding="utf-8")
    with pytest.raises(ConfigurationError, match=re.escape(str(tmp_path / "de" / "pipeline"))):
        load_trained_pipelines(tmp_path)


def test_an_altered_pipeline_stops_the_start_naming_its_folder(tmp_path: Path) -> None:
    models = _models(tmp_path, "0" * 64)
    with pytest.raises(ConfigurationError, match=r"pt/pipeline: the pt NER pipeline's hash is [0-9a-f]{64}"):
        load_trained_pipelines(models)


def test_every_committed_pipeline_has_its_hash_in_the_readme_and_matches_it() -> None:
    readme = (DEFAULT_MODELS_DIR / "README.md").read_text(encoding="utf-8")
    for language, expected in pipeline_hashes(DEFAULT_MODELS_DIR).items():
        assert expected in readme, language
        assert manifest_hash(DEFAULT_MODELS_DIR / language / "pipeline") == expected, language
