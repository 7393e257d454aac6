"""The ``rogatory`` command line."""

from rogatory.cli.main import main

__all__ = ["main"]
