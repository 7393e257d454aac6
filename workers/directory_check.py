"""Whether the authority directory file on disk still loads and validates.

For the administration page, which shows the directory the running service routes by
beside the state of the file a deployment may have edited since. Runs in the web
process; reads the file on each call.
"""

from __future__ import annotations

from pathlib import Path

from classify.directory import load_directory
from rogatory.errors import ConfigurationError


def directory_problem(path: Path) -> str:
    """What is wrong with the directory file at ``path``: ``""`` when it validates.

    Never raises ``ConfigurationError``: its message is the answer.
    """
    try:
        load_directory(path)
    except ConfigurationError as error:
        return str(error)
    return ""
