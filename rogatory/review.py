"""Records of the central authority's work on routed requests: review, deadlines, deliveries.

Frozen pydantic models like :mod:`rogatory.registration`, read and written through
``storage/`` and returned by the JSON API.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import Field

from rogatory.records import Record
from rogatory.registration import Status, UtcDatetime

ReviewKind = Literal["confirm", "reassign"]


class ReviewAction(Record):
    """A clerk confirmed the routing of a request, or reassigned it, with a reason."""

    id: int
    number: str
    action: ReviewKind
    previous_authority: str
    authority: str
    reason: str = ""
    actor: str
    at: UtcDatetime


class Correction(Record):
    """What the clerks decided for one request: training data for the suggestion model."""

    number: str
    text: str
    features: tuple[str, ...]
    authority: str


class Suggestion(Record):
    """The authority the model suggests and its probability; never a decision."""

    authority: str
    confidence: float
    trained_on: int


class DeadlineItem(Record):
    """A request with a deadline and the days left (negative when overdue)."""

    number: str
    deadline: date
    days_left: int
    route_to: str
    status: Status


class DeadlineList(Record):
    """Overdue requests (most overdue first) and those due within the due-soon window."""

    today: date
    due_soon_days: int
    overdue: tuple[DeadlineItem, ...] = ()
    due_soon: tuple[DeadlineItem, ...] = ()


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    RETRYING = "retrying"
    FAILED = "failed"


class Channel(StrEnum):
    EMAIL = "email"
    WEBHOOK = "webhook"


class Delivery(Record):
    """One notice to one authority over one channel, with its attempts and last error."""

    id: int
    number: str
    authority: str
    role: Literal["execute", "notify"]
    channel: Channel
    target: str
    status: DeliveryStatus
    attempts: int = Field(ge=0)
    last_error: str | None = None
    created_at: UtcDatetime
    updated_at: UtcDatetime
