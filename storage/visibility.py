"""Which registered requests a user may see: the registry for the central authority, and for
an authority user only what is routed or notified to their authority.

One place decides it, so every list, search, page and download applies the same rule.
An authority user sees a request once it is ``routed`` (after the rules or a reviewer
decided) and its executing authority, or one of its notified authorities, is theirs. A
request waiting for review is not shown to the authority the rules proposed.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import QueryableAttribute, Session

from rogatory.registration import Status
from rogatory.users import User
from storage.models import AnalysisRow, RegistrationRow


def label_column(values: Iterable[str]) -> str:
    """A multi-valued label column's value (``analyses.notify``, ``offences``, ...): ``" a b "``."""
    return " " + "".join(f"{value} " for value in values)


def has_label(column: QueryableAttribute[str], value: str) -> ColumnElement[bool]:
    """The condition that a multi-valued label column holds ``value``."""
    pattern = "% " + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %"
    return column.like(pattern, escape="\\")


def visible_condition(user: User, *, indexed: bool = True) -> ColumnElement[bool] | None:
    """A condition on ``registrations`` joined with ``analyses`` (outer) that holds for the
    requests ``user`` may see, or None when the user sees the whole registry; not
    ``indexed``, written so that no index serves the status (a listing sorted by another
    column walks that column's index instead)."""
    if user.role.sees_registry:
        return None
    authority = user.authority or ""
    if not authority:
        return RegistrationRow.id.is_(None)  # an authority user without authority sees nothing
    status = RegistrationRow.status if indexed else RegistrationRow.status.concat("")
    return and_(
        status == Status.ROUTED.value,
        or_(AnalysisRow.route_to == authority, has_label(AnalysisRow.notify, authority)),
    )


def may_see(session: Session, user: User, number: str) -> bool:
    """Whether ``user`` may see the request ``number`` (False for an unknown number too)."""
    statement = (
        select(RegistrationRow.id)
        .outerjoin(AnalysisRow, AnalysisRow.registration_id == RegistrationRow.id)
        .where(RegistrationRow.number == number)
    )
    condition = visible_condition(user)
    if condition is not None:
        statement = statement.where(condition)
    return session.scalar(statement) is not None


def visible_numbers(session: Session, user: User, numbers: Iterable[str]) -> set[str]:
    """The subset of ``numbers`` that ``user`` may see."""
    wanted = set(numbers)
    if not wanted:
        return set()
    statement = (
        select(RegistrationRow.number)
        .outerjoin(AnalysisRow, AnalysisRow.registration_id == RegistrationRow.id)
        .where(RegistrationRow.number.in_(wanted))
    )
    condition = visible_condition(user)
    if condition is not None:
        statement = statement.where(condition)
    return set(session.scalars(statement))
