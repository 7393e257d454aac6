"""The Russian NER model that natasha ships (slovnet's ``slovnet_ner_news_v1`` over navec's
news embeddings, MIT), read like a spaCy pipeline.

Loaded once per process by :func:`extract.engines.load_entity_models`, from the files inside
the installed ``natasha`` package (nothing is downloaded). :class:`RussianNer` gives what
:func:`extract.entities.find_entities` asks of a spaCy pipeline: ``pipe(texts)`` and
``nlp(text)`` return readings whose ``ents`` have ``label_`` ("PER", "ORG", "LOC"),
``start_char`` and ``end_char``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from rogatory.errors import ConfigurationError

#: The model files inside the natasha package, and the labels the model gives.
NAVEC_FILE = "data/emb/navec_news_v1_1B_250K_300d_100q.tar"
NER_FILE = "data/model/slovnet_ner_news_v1.tar"


@dataclass(frozen=True)
class NerSpan:
    """One mention the model tags, as a spaCy entity gives it."""

    label_: str
    start_char: int
    end_char: int


@dataclass(frozen=True)
class NerReading:
    """The model's reading of one text: its mentions in text order."""

    text: str
    ents: tuple[NerSpan, ...]


class RussianNer:
    """slovnet's NER with navec's embeddings attached; call it or ``pipe`` it like spaCy."""

    def __init__(self, tagger: Any) -> None:
        self._tagger = tagger

    def __call__(self, text: str) -> NerReading:
        return next(iter(self.pipe([text])))

    def pipe(self, texts: Iterable[str], batch_size: int = 8) -> Iterator[NerReading]:
        """Each text's reading, in order (``batch_size`` texts go through the network together)."""
        texts = list(texts)
        self._tagger.batch_size = batch_size
        for text, markup in zip(texts, self._tagger.map(texts), strict=True):
            yield NerReading(
                text=text, ents=tuple(NerSpan(span.type, span.start, span.stop) for span in markup.spans)
            )


def load_russian_ner() -> RussianNer:
    """The Russian model from natasha's package files. Raises ``ConfigurationError`` when
    natasha, slovnet or navec is not installed or a model file is missing."""
    try:
        from navec import Navec
        from slovnet import NER
    except ImportError as error:
        raise ConfigurationError(f"the Russian NER model is not installed: {error}") from error
    try:
        package = resources.files("natasha")
        with (
            resources.as_file(package.joinpath(NAVEC_FILE)) as navec_path,
            resources.as_file(package.joinpath(NER_FILE)) as ner_path,
        ):
            navec = Navec.load(navec_path)
            tagger = NER.load(ner_path)
    except (ModuleNotFoundError, OSError) as error:
        raise ConfigurationError(f"cannot load natasha's Russian NER model: {error}") from error
    tagger.navec(navec)
    return RussianNer(tagger)
