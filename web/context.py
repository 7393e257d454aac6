"""What the web app is given: the typed context that the web's bootstrap builds from settings.

Built once per web process by service/web_process.py and handed to
:func:`web.app.create_app`; routes receive its parts through :mod:`web.dependencies`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from prometheus_client import CollectorRegistry

from rogatory.directory import Directory
from rogatory.registration import IntakeResult
from rogatory.settings import Settings
from rogatory.submissions import Submission, SubmissionResult
from storage.database import Database
from storage.objects import ObjectStore
from workers.letters import Drafter
from workers.suggestions import Suggester


class UploadIntake(Protocol):
    """Takes in one uploaded original (store, validate, register, queue); runs in a worker thread.

    Raises TransientError when the object store or the database is unavailable.
    """

    def __call__(self, data: bytes, *, filename: str) -> IntakeResult: ...


class SubmissionIntake(Protocol):
    """Takes in several uploaded files as one request (its main document and annexes);
    runs in a worker thread. Raises TransientError when the store or the database is down."""

    def __call__(self, submission: Submission) -> SubmissionResult: ...


@dataclass
class ReviewContext:
    """What the review routes share: the directory, the delivery queue, the suggestion model."""

    settings: Settings
    directory: Directory
    deliver: Callable[[str], None]
    suggester: Suggester = field(init=False)

    def __post_init__(self) -> None:
        self.suggester = Suggester(min_corrections=self.settings.suggestion_min_corrections)


@dataclass(frozen=True)
class WebContext:
    """The per-process resources of the web app, opened at start.

    drafter drafts the requests for additional information with the letter templates
    loaded at start; flush_uploads queues the uploads that wait for the broker (called in
    a loop by a thread of the app's lifespan); metrics is the registry that /metrics exposes.
    """

    settings: Settings
    db: Database
    store: ObjectStore
    directory: Directory
    drafter: Drafter
    upload: UploadIntake
    review: ReviewContext
    flush_uploads: Callable[[], object]
    metrics: CollectorRegistry
    submit: SubmissionIntake
