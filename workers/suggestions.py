"""The suggested authority of a request: the suggestion model trained on the clerks' decisions.

Joins storage (the corrections, the id of the newest review action) and classify (the
model and its features). :class:`Suggester` keeps one trained model per process and
retrains it when a clerk has decided since; it runs in the web process, whose request
threads share it. Every method may raise ``TransientError`` when the database is
unavailable.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from classify.suggestion import SuggestionModel, features_of, train_suggestion
from rogatory.records import Analysis
from rogatory.review import Suggestion
from storage.database import Database
from storage.review import latest_review_id, list_corrections


def train_on_reviews(db: Database, *, min_corrections: int) -> SuggestionModel | None:
    """A model trained on the clerks' latest decisions; ``None`` with too few or one authority."""
    return train_suggestion(list_corrections(db, features=features_of), min_corrections=min_corrections)


@dataclass
class Suggester:
    """The model trained on the current corrections, retrained after each new decision."""

    min_corrections: int
    _model: tuple[int, SuggestionModel | None] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def model(self, db: Database) -> SuggestionModel | None:
        """The model of the current corrections (``None``: too few, or a single authority)."""
        latest = latest_review_id(db)
        with self._lock:
            if self._model is None or self._model[0] != latest:
                self._model = (latest, train_on_reviews(db, min_corrections=self.min_corrections))
            return self._model[1]

    def suggest(self, db: Database, analysis: Analysis) -> Suggestion | None:
        """What the model suggests for ``analysis`` (shown, never deciding); ``None`` without a model."""
        model = self.model(db)
        if model is None:
            return None
        return model.suggest(analysis.text.text, features_of(analysis.classification))
