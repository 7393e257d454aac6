"""What a worker process opens once: database, object store, engines and models."""

from __future__ import annotations

from dataclasses import dataclass, field

from rogatory.settings import Settings
from storage.database import Database, open_database
from storage.objects import ObjectStore, open_object_store
from workers.pipeline import Engines, load_engines


@dataclass
class WorkerContext:
    """Per-process resources. The engines load on first use, once."""

    settings: Settings
    db: Database
    store: ObjectStore
    _engines: Engines | None = field(default=None, repr=False)

    @classmethod
    def open(cls, settings: Settings) -> WorkerContext:
        return cls(settings=settings, db=open_database(settings.database), store=open_object_store(settings))

    @property
    def engines(self) -> Engines:
        if self._engines is None:
            self._engines = load_engines(self.settings)
        return self._engines
