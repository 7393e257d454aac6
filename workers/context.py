"""What a worker process opens once: database, object store, engines and models."""

from __future__ import annotations

from dataclasses import dataclass, field

from rogatory.settings import Settings
from storage.database import Database, open_database
from storage.object_stores import open_object_store
from storage.objects import ObjectStore
from workers.pipeline import Engines, load_engines


@dataclass
class WorkerContext:
    """Per-process resources. The engines load on first use, once."""

    settings: Settings
    db: Database
    store: ObjectStore
    _engines: Engines | None = field(default=None, repr=False)
    _original: tuple[str, bytes] | None = field(default=None, repr=False)

    @classmethod
    def open(cls, settings: Settings) -> WorkerContext:
        return cls(settings=settings, db=open_database(settings.database), store=open_object_store(settings))

    @property
    def engines(self) -> Engines:
        if self._engines is None:
            self._engines = load_engines(self.settings)
        return self._engines

    def close(self) -> None:
        """Stop what the engines started (the OCR child) and close the database's connections."""
        if self._engines is not None and self._engines.text.ocr is not None:
            self._engines.text.ocr.close()
        self.db.dispose()

    def original(self, sha256: str) -> bytes:
        """The stored original, kept for the next call: the page tasks of one document share it.

        Raises what :meth:`ObjectStore.get` raises (``NotFoundError``,
        ``CorruptObjectError``, ``TransientError``).
        """
        if self._original is None or self._original[0] != sha256:
            self._original = (sha256, self.store.get(sha256))
        return self._original[1]
