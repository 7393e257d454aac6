"""The NER pipelines Rogatory trains (``models/<lang>/pipeline``), checked by hash and loaded.

Runs once per process, from :func:`extract.engines.load_entity_models`. The folder
holds ``pipelines.toml`` (each language's manifest hash) and one spaCy pipeline per
language (``model-best`` of ``models/train.sh``, its card in ``meta.json``). Nothing is
downloaded: a pipeline listed there and missing, or with another hash, is a
``ConfigurationError`` naming its folder.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import Any

from rogatory.errors import ConfigurationError

#: The repository's ``models/`` folder (a deployment may point elsewhere: ``ner_models_dir``).
DEFAULT_MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
MANIFEST = "pipelines.toml"


def manifest_hash(folder: Path) -> str:
    """The sha256 of the folder's files, as the shell gives it (``models/pipelines.toml``):
    ``find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum``."""
    files = sorted(f"./{path.relative_to(folder).as_posix()}" for path in folder.rglob("*") if path.is_file())
    listing = "".join(
        f"{hashlib.sha256((folder / name).read_bytes()).hexdigest()}  {name}\n" for name in files
    )
    return hashlib.sha256(listing.encode()).hexdigest()


def pipeline_hashes(models_dir: Path) -> dict[str, str]:
    """Each language's expected hash from ``models_dir/pipelines.toml``. Raises ``ConfigurationError``."""
    path = models_dir / MANIFEST
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigurationError(f"{path}: cannot read the NER pipelines' hashes: {error}") from error
    table = data.get("pipelines")
    if not isinstance(table, dict) or not all(isinstance(value, str) for value in table.values()):
        raise ConfigurationError(f"{path}: [pipelines] must map each language to its sha256")
    return dict(table)


def load_trained_pipelines(models_dir: Path, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every pipeline of ``pipelines.toml``, checked by hash, loaded with ``spacy.load``.

    Raises ``ConfigurationError`` naming the folder of a missing, altered or unloadable pipeline.
    """
    import spacy

    loaded: dict[str, Any] = {}
    for language, expected in pipeline_hashes(models_dir).items():
        folder = models_dir / language / "pipeline"
        if not (folder / "meta.json").is_file():
            raise ConfigurationError(f"{folder}: the {language} NER pipeline is missing")
        found = manifest_hash(folder)
        if found != expected:
            raise ConfigurationError(
                f"{folder}: the {language} NER pipeline's hash is {found}, {MANIFEST} says {expected}"
            )
        try:
            loaded[language] = spacy.load(folder, exclude=list(exclude))
        except (OSError, ValueError) as error:
            raise ConfigurationError(f"{folder}: cannot load the {language} NER pipeline: {error}") from error
    return loaded
