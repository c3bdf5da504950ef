"""Two workers in one consumer group share the partitions and lose nothing."""

from __future__ import annotations

import re

import pytest

from tests.support.articles import synthetic_messages
from tests.support.cluster import LIGHT_STAGES, Worker, consume, marsad_env, produce, unique_prefix

pytestmark = pytest.mark.kafka
COUNT = 2000


def test_two_workers_share_partitions_and_process_every_article(kafka, tmp_path):
    prefix = unique_prefix("group")
    env = marsad_env(kafka.bootstrap, prefix, MARSAD_STAGES=LIGHT_STAGES)
    workers = [Worker(env, tmp_path, name=f"w{i}").start() for i in range(2)]
    messages = synthetic_messages(COUNT)
    try:
        for worker in workers:
            worker.wait_ready()
        produce(kafka.bootstrap, f"{prefix}.articles.raw", messages)
        topic = f"{prefix}.articles.enriched"
        records = consume(kafka.bootstrap, [topic], lambda rs: len({r.key for r in rs}) >= COUNT, timeout=300)
        consumed = [_records_in(worker) for worker in workers]
    finally:
        for worker in workers:
            worker.stop()
    ids = {r.key for r in records}
    assert ids == {key for key, _ in messages}
    assert all(n > 0 for n in consumed), f"both workers must consume raw partitions: {consumed}"
    assert sum(consumed) >= COUNT


def _records_in(worker: Worker) -> float:
    status, body = worker.get("/metrics")
    assert status == 200
    match = re.search(rb'marsad_records_in_total\{topic="articles.raw"\} ([0-9.e+]+)', body)
    return float(match.group(1)) if match else 0.0
