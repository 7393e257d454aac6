"""Queueing on the real brokers of this machine: Redis (production default) and RabbitMQ.

Messages sent by ``TaskSender.enqueue_processing`` wait in the ``rogatory`` queue, durable,
and the metrics read the same depth a worker would consume. The queue is purged
before and after (a Redis database and a RabbitMQ vhost of their own are not
available to tests here, so the names are the production ones).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from kombu.connection import Connection

from rogatory.settings import load_settings
from storage.database import open_database
from workers.celery_app import create_celery
from workers.metrics import ArchiveCollector
from workers.sender import QUEUE, TaskSender

BROKERS = {
    "redis": pytest.param(f"redis://127.0.0.1:6379/{random.randint(1, 12)}", marks=pytest.mark.redis),
    "rabbitmq": "amqp://guest:guest@127.0.0.1:5672//",
}


def _purge(url: str) -> None:
    with Connection(url) as connection:  # type: ignore[no-untyped-call]
        channel = connection.default_channel
        channel.queue_declare(QUEUE, durable=True, auto_delete=False)
        channel.queue_purge(QUEUE)


@pytest.fixture(params=list(BROKERS.values()), ids=list(BROKERS))
def broker(request: pytest.FixtureRequest) -> Iterator[str]:
    url: str = request.param
    _purge(url)
    yield url
    _purge(url)


def test_enqueued_tasks_wait_in_the_queue_and_are_counted(broker: str, tmp_path: Path) -> None:
    settings = load_settings(environ={}, data_dir=tmp_path / "data", broker_url=broker)
    app = create_celery(settings)
    for number in ("RQ-2026-000001", "RQ-2026-000002"):
        TaskSender(app).enqueue_processing(number)
    db = open_database(settings.database)
    depth = ArchiveCollector(db, app, QUEUE)._queue_depth()
    db.dispose()
    assert depth == 2
    with Connection(broker) as connection:  # type: ignore[no-untyped-call]
        message = connection.SimpleQueue(QUEUE).get(timeout=5)
        assert message.headers["task"] == "rogatory.process_document"
        assert message.headers["argsrepr"] == "['RQ-2026-000001']"
        message.ack()


def test_redis_keeps_unacknowledged_tasks_longer_than_the_time_limit(tmp_path: Path) -> None:
    settings = load_settings(environ={}, data_dir=tmp_path, broker_url="redis://127.0.0.1:6379/0")
    conf = create_celery(settings).conf
    assert conf.task_acks_late
    assert conf.task_reject_on_worker_lost
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
