"""What a worker process holds: database, object store, engines and models, the directory."""

from __future__ import annotations

from dataclasses import dataclass, field

from rogatory.settings import Settings
from storage.database import Database
from storage.objects import ObjectStore
from workers.notice import WordingFor
from workers.pipeline import Engines


@dataclass
class WorkerContext:
    """Per-process resources, opened once by the worker's bootstrap (service/worker_process.py).

    ``engines`` are loaded and validated before the first task (the directory among
    them); ``wording`` words the e-mails in an authority's language. The OCR child the
    engines hold starts on the first page, in the process that reads it.
    """

    settings: Settings
    db: Database
    store: ObjectStore
    engines: Engines
    wording: WordingFor  # the notices' language (the interface's catalogues, given by the bootstrap)
    _original: tuple[str, bytes] | None = field(default=None, repr=False)

    def close(self) -> None:
        """Stop what the engines started (the OCR child) and close the database's connections."""
        if self.engines.text.ocr is not None:
            self.engines.text.ocr.close()
        self.db.dispose()

    def original(self, sha256: str) -> bytes:
        """The stored original, kept for the next call: the page tasks of one document share it.

        Raises what :meth:`ObjectStore.get` raises (``NotFoundError``,
        ``CorruptObjectError``, ``TransientError``).
        """
        if self._original is None or self._original[0] != sha256:
            self._original = (sha256, self.store.get(sha256))
        return self._original[1]
