"""A suggested authority, learnt from the clerks' routing decisions. Pure.

Trained on :class:`~rogatory.review.Correction` records (the decided labels as
features plus the request's words) with scikit-learn: a TF-IDF of the text and the
label features, then a logistic regression. It only *suggests*: the rules decide,
and the suggestion is shown beside them with its probability. Too few corrections,
or a single authority among them, means no model (``None``), never a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from rogatory.records import Classification
from rogatory.review import Correction, Suggestion

#: Characters of request text the model reads (the opening states what is asked).
TEXT_CHARS = 6000


def features_of(classification: Classification) -> tuple[str, ...]:
    """The decided labels as feature words: ``measure=bank_records``, ``type=mla``, ..."""
    words = [
        f"type={classification.request_type.value}",
        f"proceeding={classification.proceeding_type.value}",
        f"urgent={classification.urgent.value}",
    ]
    words += [f"measure={value}" for value in classification.values("measures")]
    words += [f"offence={value}" for value in classification.values("offences")]
    return tuple(words)


@dataclass(frozen=True)
class SuggestionModel:
    """A trained model and the number of corrections it learnt from."""

    pipeline: Pipeline
    trained_on: int

    def suggest(self, text: str, features: Sequence[str]) -> Suggestion:
        """The most probable authority for a request."""
        probabilities = self.pipeline.predict_proba([_document(text, features)])[0]
        best = int(probabilities.argmax())
        return Suggestion(
            authority=str(self.pipeline.classes_[best]),
            confidence=round(float(probabilities[best]), 4),
            trained_on=self.trained_on,
        )


def train_suggestion(corrections: Sequence[Correction], *, min_corrections: int) -> SuggestionModel | None:
    """Train on the clerks' decisions; ``None`` below ``min_corrections`` or with one authority."""
    authorities = {correction.authority for correction in corrections}
    if len(corrections) < min_corrections or len(authorities) < 2:
        return None
    pipeline = Pipeline(
        [
            ("tfidf", TfidfVectorizer(sublinear_tf=True, token_pattern=r"[^\W\d_][\w=]+", min_df=1)),  # noqa: S106
            ("model", LogisticRegression(max_iter=1000, C=4.0)),
        ]
    )
    pipeline.fit([_document(c.text, c.features) for c in corrections], [c.authority for c in corrections])
    return SuggestionModel(pipeline=pipeline, trained_on=len(corrections))


def _document(text: str, features: Sequence[str]) -> str:
    tokens = " ".join(features)
    # Feature words repeated: the decided labels weigh more than any one word of text.
    return f"{tokens} {tokens} {tokens} {text[:TEXT_CHARS].lower()}"
