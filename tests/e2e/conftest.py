from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.service import RunningService, start_service


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningService]:
    running = start_service(tmp_path_factory.mktemp("e2e") / "data")
    yield running
    assert running.stop() == 0, running.log()[-4000:]


@pytest.fixture
def drop(service: RunningService) -> object:
    """Drop a file into the inbox the way a copy does: written under a temporary name, then renamed."""

    def put(name: str, data: bytes) -> Path:
        temporary = service.inbox / f".{name}.part"
        temporary.write_bytes(data)
        final = service.inbox / name
        temporary.rename(final)
        return final

    return put
