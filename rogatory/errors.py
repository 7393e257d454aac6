"""The error types of Rogatory: one root, and a stable code on every error.

``InputError`` is a bad file or bad request: never retried, shown to the clerk with
what to do. ``TransientError`` is a service that is down: retried. Anything else is
a bug and fails loudly. Each entry point translates errors at one boundary.
"""

from __future__ import annotations


class RogatoryError(Exception):
    """Root of every error Rogatory raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class InputError(RogatoryError):
    """The input cannot be processed as it is (an empty, corrupt or unsupported file)."""

    code = "bad_input"


class TransientError(RogatoryError):
    """A service the stage depends on is unavailable; trying again later may work."""

    code = "transient"


class ConfigurationError(RogatoryError):
    """A settings or configuration file is invalid; the service must not start."""

    code = "bad_configuration"


class NotFoundError(RogatoryError):
    """A registration, document or object asked for does not exist."""

    code = "not_found"
