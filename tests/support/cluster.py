"""Helpers for integration tests: Marsad workers as real processes, and plain Kafka clients."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from marsad.streams.devtools.kafka import free_port

REPO = Path(__file__).resolve().parents[2]
LIGHT_STAGES = '["normalize","language","sentences"]'


def marsad_env(bootstrap: str, prefix: str, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    env.update({
        "MARSAD_BROKERS": f"kafka://{bootstrap}",
        "MARSAD_TOPIC_PREFIX": prefix,
        "MARSAD_CONSUMER_GROUP": prefix,
        "MARSAD_PARTITIONS": "4",
        "MARSAD_SESSION_TIMEOUT_S": "10",
        "MARSAD_HEARTBEAT_INTERVAL_S": "1",
        "MARSAD_BATCH_WAIT_S": "0.05",
        "MARSAD_LOG_FORMAT": "text",
        "PYTHONPATH": str(REPO) + os.pathsep + env.get("PYTHONPATH", ""),
    })
    env.update(overrides)
    return env


def unique_prefix(name: str) -> str:
    return f"t{name}-{uuid.uuid4().hex[:6]}"


@dataclass
class Worker:
    env: dict[str, str]
    logdir: Path
    name: str = "worker"
    web_port: int = field(default_factory=free_port)
    #: a module of ``tests.support`` imported before the worker starts (a fault injection)
    preload: str | None = None
    proc: subprocess.Popen | None = None

    def start(self) -> Worker:
        env = {**self.env, "MARSAD_WEB_PORT": str(self.web_port),
               "MARSAD_STATE_DIR": str(self.logdir / f"state-{self.name}")}
        log = open(self.logdir / f"{self.name}.log", "ab")
        command = [sys.executable, "-m", "marsad.streams.cli", "worker", "--loglevel", "info"]
        if self.preload:
            command[1:3] = ["-c", f"import runpy, tests.support.{self.preload}; "
                                  "runpy.run_module('marsad.streams.cli', run_name='__main__')"]
        self.proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
        return self

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.web_port}{path}", timeout=5) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def wait_ready(self, timeout: float = 120.0) -> Worker:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"{self.name} exited with {self.proc.returncode}: {self.log_tail()}")
            try:
                status, _ = self.get("/ready")
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError(f"{self.name} not ready after {timeout}s: {self.log_tail()}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30.0) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def kill(self) -> None:
        self.stop(signal.SIGKILL)

    def log_tail(self, lines: int = 40) -> str:
        path = self.logdir / f"{self.name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


def produce(bootstrap: str, topic: str, messages: list[tuple[bytes | None, bytes]], **client: object) -> None:
    """Publish and wait for the acks; ``client`` adds aiokafka options (security)."""

    async def run() -> None:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", max_request_size=4 * 1024 * 1024, **client)
        await producer.start()
        try:
            futures = [await producer.send(topic, value=value, key=key) for key, value in messages]
            await asyncio.gather(*futures)
        finally:
            await producer.stop()

    asyncio.run(run())


@dataclass(frozen=True)
class Record:
    topic: str
    key: bytes | None
    value: bytes
    partition: int
    offset: int

    def json(self) -> dict:
        return orjson.loads(self.value)


def consume(bootstrap: str, topics: list[str], until, timeout: float = 120.0, **client: object) -> list[Record]:
    """Read the topics from the beginning until ``until(records)`` is true; fail after timeout."""

    async def run() -> list[Record]:
        consumer = AIOKafkaConsumer(*topics, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                    enable_auto_commit=False, metadata_max_age_ms=1000, **client)
        await consumer.start()
        records: list[Record] = []
        deadline = time.monotonic() + timeout
        try:
            while not until(records):
                if time.monotonic() > deadline:
                    raise AssertionError(f"timed out after {timeout}s with {len(records)} records")
                batch = await consumer.getmany(timeout_ms=500)
                for tp, messages in batch.items():
                    records.extend(Record(tp.topic, m.key, m.value, tp.partition, m.offset) for m in messages)
        finally:
            await consumer.stop()
        return records

    return asyncio.run(run())


def consume_to_end(bootstrap: str, topics: list[str], quiet: float = 4.0, timeout: float = 120.0) -> list[Record]:
    """Every record on ``topics`` once the producers went quiet for ``quiet`` s.

    Quiet alone is not proof of having read everything (a partition whose fetch lags looks just
    like one with nothing in it), so every partition is assigned explicitly and read up to the
    end offset the broker reports when the quiet period is over.
    """

    async def run() -> list[Record]:
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, metadata_max_age_ms=1000)
        await consumer.start()
        records: list[Record] = []
        deadline = time.monotonic() + timeout
        try:
            partitions = []
            for topic in topics:
                while topic not in await consumer.topics() or not (found := consumer.partitions_for_topic(topic)):
                    assert time.monotonic() < deadline, f"topic {topic} has no partitions after {timeout}s"
                    await asyncio.sleep(0.2)
                partitions += [TopicPartition(topic, p) for p in sorted(found)]
            consumer.assign(partitions)
            await consumer.seek_to_beginning(*partitions)
            last_record = time.monotonic()
            while True:
                behind = {}
                if time.monotonic() - last_record > quiet:
                    ends = await consumer.end_offsets(partitions)
                    behind = {tp: end for tp, end in ends.items() if await consumer.position(tp) < end}
                    if not behind:
                        return records
                assert time.monotonic() < deadline, f"timed out after {timeout}s; not read to the end: {behind}"
                for tp, messages in (await consumer.getmany(timeout_ms=500)).items():
                    records.extend(Record(tp.topic, m.key, m.value, tp.partition, m.offset) for m in messages)
                    last_record = time.monotonic()
        finally:
            await consumer.stop()

    return asyncio.run(run())


def count_topic(records: list[Record], topic: str) -> int:
    return sum(1 for r in records if r.topic == topic)
