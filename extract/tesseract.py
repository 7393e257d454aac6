"""The one wrapper around the tesseract executable (OCR and orientation detection)."""

from __future__ import annotations

import os
import shutil

from rogatory.errors import ConfigurationError


def check_tesseract(*, executable: str) -> None:
    """Check that tesseract can be run. Raises ``ConfigurationError`` when it cannot."""
    if shutil.which(executable) is None or not os.access(executable, os.X_OK):
        raise ConfigurationError(f"tesseract is not installed at {executable}")
