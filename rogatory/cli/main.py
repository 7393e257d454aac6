"""Entry point of the ``rogatory`` command: parses arguments and dispatches."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    return 0
