"""Faults on a real Kafka broker: a worker killed with SIGKILL, the broker restarted, a worker
joining mid-stream. Each run is compared with a clean run of the same input.

Story clustering is online, so its result depends on the order articles reach the dedup step.
The exact-comparison runs therefore publish one article at a time (the next one after the
previous was enriched), which fixes that order whatever the number of workers; the burst run
checks what must hold under any order: nothing lost, and a re-emitted record is identical.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import defaultdict

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from marsad.streams.devtools.kafka import LocalKafka
from tests.support.articles import story_articles
from tests.support.cluster import Worker, consume, consume_to_end, marsad_env, unique_prefix

pytestmark = pytest.mark.kafka
STORIES = 14
KILL_AT = 15


@pytest.fixture(scope="module")
def broker():
    kafka = LocalKafka()
    kafka.start()
    yield kafka
    kafka.stop()


@pytest.fixture(scope="module")
def messages():
    return story_articles(STORIES, outlets=3)


def paced(bootstrap: str, prefix: str, messages, on_sent=lambda i: None, timeout: float = 180.0) -> None:
    """Publish one article at a time, each after the previous one's enriched record arrived."""

    async def run() -> None:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
        consumer = AIOKafkaConsumer(f"{prefix}.articles.enriched", bootstrap_servers=bootstrap,
                                    auto_offset_reset="earliest", metadata_max_age_ms=1000)
        await producer.start()
        await consumer.start()
        seen: set[bytes] = set()
        try:
            for i, (key, value) in enumerate(messages):
                await (await producer.send(f"{prefix}.articles.raw", key=key, value=value))
                on_sent(i)
                deadline = time.monotonic() + timeout
                while key not in seen:
                    assert time.monotonic() < deadline, f"article {i} ({key!r}) never came out"
                    for batch in (await consumer.getmany(timeout_ms=300)).values():
                        seen.update(m.key for m in batch)
        finally:
            await consumer.stop()
            await producer.stop()

    asyncio.run(run())


def read_outputs(bootstrap: str, prefix: str) -> dict[str, list]:
    """Everything on the enriched, stories and events topics once the workers went quiet."""
    topics = [f"{prefix}.articles.enriched", f"{prefix}.stories", f"{prefix}.events"]
    out: dict[str, list] = defaultdict(list)
    for r in consume_to_end(bootstrap, topics):
        out[r.topic.removeprefix(prefix + ".")].append(r)
    return out


def settled_outputs(bootstrap: str, prefix: str, expected: dict | None = None, timeout: float = 90.0) -> dict[str, list]:
    """:func:`read_outputs` again until the final state equals ``expected`` (a fault run), or,
    without one, until two reads in a row agree (the clean run). On a loaded machine a worker can
    stay quiet for longer than ``consume_to_end``'s quiet period before its last outputs; a run
    that lost or duplicated records never converges and fails the comparison after ``timeout``."""
    deadline = time.monotonic() + timeout
    outputs = read_outputs(bootstrap, prefix)
    while time.monotonic() < deadline:
        state = final_state(outputs)
        if expected is not None and state == expected:
            break
        again = read_outputs(bootstrap, prefix)
        if expected is None and final_state(again) == state:
            return again
        outputs = again
    return outputs


def assert_reemissions_identical(records) -> None:
    by_version: dict[tuple, bytes] = {}
    for r in records:
        record = json.loads(r.value)
        ident = (r.key, record["version"])
        assert by_version.setdefault(ident, r.value) == r.value, f"{ident} re-emitted with other content"


def final_state(outputs: dict[str, list]) -> dict:
    latest: dict[str, dict] = {}
    for topic in ("stories", "events"):
        for r in outputs[topic]:
            record = json.loads(r.value)
            if r.key not in latest.get(topic, {}) or record["version"] >= latest[topic][r.key]["version"]:
                latest.setdefault(topic, {})[r.key] = record
    stories = latest.get("stories", {})
    return {
        "enriched": {r.key for r in outputs["articles.enriched"]},
        "stories": {k: (v["version"], frozenset(s["article_id"] for s in v["sources"])) for k, v in stories.items()},
        "events": {k: (v["version"], v["type"], frozenset(s["article_id"] for s in v["sources"]))
                   for k, v in latest.get("events", {}).items()},
    }


@pytest.fixture(scope="module")
def clean_run(broker, messages, tmp_path_factory):
    prefix = unique_prefix("clean")
    worker = Worker(marsad_env(broker.bootstrap, prefix), tmp_path_factory.mktemp("clean")).start()
    try:
        worker.wait_ready()
        paced(broker.bootstrap, prefix, messages)
        outputs = settled_outputs(broker.bootstrap, prefix)
    finally:
        worker.stop()
    state = final_state(outputs)
    assert len(state["enriched"]) == len(messages) and state["stories"]
    return state


def test_sigkill_of_one_of_two_workers_loses_nothing_and_reemits_identically(broker, messages, clean_run, tmp_path):
    prefix = unique_prefix("kill")
    env = marsad_env(broker.bootstrap, prefix)
    workers = [Worker(env, tmp_path, name=f"w{i}").start() for i in range(2)]
    try:
        for worker in workers:
            worker.wait_ready()
        paced(broker.bootstrap, prefix, messages, on_sent=lambda i: i == KILL_AT and workers[0].kill())
        outputs = settled_outputs(broker.bootstrap, prefix, clean_run)
    finally:
        for worker in workers:
            worker.stop()
    assert workers[0].proc.returncode == -9
    for topic in ("stories", "events"):
        assert_reemissions_identical(outputs[topic])
    assert final_state(outputs) == clean_run


def test_worker_joining_mid_stream_gives_the_same_output_as_one_worker(broker, messages, clean_run, tmp_path):
    prefix = unique_prefix("join")
    env = marsad_env(broker.bootstrap, prefix)
    first = Worker(env, tmp_path, name="first").start()
    second = Worker(env, tmp_path, name="second")
    try:
        first.wait_ready()
        paced(broker.bootstrap, prefix, messages, on_sent=lambda i: i == KILL_AT and second.start())
        outputs = settled_outputs(broker.bootstrap, prefix, clean_run)
        assert second.proc.poll() is None
    finally:
        first.stop()
        second.stop()
    assert final_state(outputs) == clean_run


def test_burst_with_a_killed_worker_loses_nothing(broker, messages, tmp_path):
    prefix = unique_prefix("burst")
    env = marsad_env(broker.bootstrap, prefix)
    workers = [Worker(env, tmp_path, name=f"b{i}").start() for i in range(2)]
    topic = f"{prefix}.articles.enriched"
    try:
        for worker in workers:
            worker.wait_ready()
        from tests.support.cluster import produce
        produce(broker.bootstrap, f"{prefix}.articles.raw", messages)
        consume(broker.bootstrap, [topic], lambda rs: len(rs) >= len(messages) // 4)
        workers[1].kill()
        consume(broker.bootstrap, [topic], lambda rs: len({r.key for r in rs}) >= len(messages), timeout=180)
        outputs = settled_outputs(broker.bootstrap, prefix)
    finally:
        for worker in workers:
            worker.stop()
    assert {r.key for r in outputs["articles.enriched"]} == {k for k, _ in messages}
    for topic_name in ("stories", "events"):
        assert_reemissions_identical(outputs[topic_name])
    members = [a for s in final_state(outputs)["stories"].values() for a in s[1]]
    assert sorted(members) == sorted(k.decode() for k, _ in messages), "each article in exactly one story"


def test_broker_restart_mid_stream_loses_nothing(broker, messages, clean_run, tmp_path):
    prefix = unique_prefix("outage")
    worker = Worker(marsad_env(broker.bootstrap, prefix), tmp_path).start()
    half = len(messages) // 2
    try:
        worker.wait_ready()
        paced(broker.bootstrap, prefix, messages[:half])
        broker.stop()
        time.sleep(5)
        broker.start()
        paced(broker.bootstrap, prefix, messages[half:])
        outputs = settled_outputs(broker.bootstrap, prefix, clean_run)
        assert worker.proc.poll() is None, worker.log_tail()
    finally:
        worker.stop()
    assert final_state(outputs) == clean_run
