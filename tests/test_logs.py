"""Log lines carry the registration number being worked on, as text or as JSON lines."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from rogatory.logs import TEXT_FORMAT, JsonFormatter, NumberFilter, bind_number


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO, logging.Handler]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(NumberFilter())
    logger = logging.getLogger("tests.logs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    yield logger, stream, handler
    logger.removeHandler(handler)


def test_json_lines_carry_the_bound_number(
    captured: tuple[logging.Logger, io.StringIO, logging.Handler],
) -> None:
    logger, stream, handler = captured
    handler.setFormatter(JsonFormatter())
    logger.info("before")
    with bind_number("RQ-2026-000042"):
        logger.info("during %s", "the task")
        with bind_number("RQ-2026-000043"):
            logger.warning("nested")
        try:
            raise ValueError("boom")
        except ValueError:
            logger.exception("failed")
    logger.info("after")
    lines = [json.loads(line) for line in stream.getvalue().splitlines() if line.startswith("{")]
    assert [(line["number"], line["message"]) for line in lines] == [
        ("-", "before"),
        ("RQ-2026-000042", "during the task"),
        ("RQ-2026-000043", "nested"),
        ("RQ-2026-000042", "failed"),
        ("-", "after"),
    ]
    assert "ValueError: boom" in lines[3]["exception"]


def test_text_lines_carry_the_number(captured: tuple[logging.Logger, io.StringIO, logging.Handler]) -> None:
    logger, stream, handler = captured
    handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    with bind_number("RQ-2026-000007"):
        logger.info("routed")
    assert stream.getvalue().rstrip().endswith("INFO tests.logs [RQ-2026-000007]: routed")
