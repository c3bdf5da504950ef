"""``marsad bench``: throughput against the broker's limit, latency at half load, CPU per stage,
memory. Everything runs on one broker in one run so the figures are comparable.

Phases: (a) a no-op Faust agent forwards the messages (the ceiling of this machine and stack);
(b) the full pipeline with ``--workers`` worker processes; (c) the same workers at a fixed
offered load of half of (b)'s rate, for publish-to-enriched latency. ``--offline`` measures the
``marsad process`` path instead (no broker).
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.request import urlopen

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from marsad.streams.admin import ensure_topics
from marsad.streams.commands.demo import settings_env
from marsad.streams.devtools.kafka import LocalKafka, free_port
from marsad.streams.errors import MarsadError
from marsad.streams.settings import Settings
from marsad.streams.sources import iter_messages


@dataclass
class BenchOptions:
    articles: list[Path]
    count: int = 2000
    workers: int = 1
    partitions: int = 4
    broker: str | None = None
    latency_seconds: float = 30.0


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants (the NLP pool), in MiB."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, AttributeError):
            continue
    return total / 1024


class WorkerGroup:
    def __init__(self, module: str, settings: Settings, count: int, logdir: Path):
        self.procs, self.ports = [], []
        for i in range(count):
            port = free_port()
            env = settings_env(settings.model_copy(update={"web_port": port, "state_dir": logdir / f"state-{i}"}))
            log = open(logdir / f"{module.rsplit('.', 1)[-1]}-{i}.log", "wb")
            self.procs.append(subprocess.Popen([sys.executable, "-m", module, "worker", "--loglevel", "warn"],
                                               env=env, stdout=log, stderr=subprocess.STDOUT))
            self.ports.append(port)

    def wait_ready(self, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        for proc, port in zip(self.procs, self.ports, strict=True):
            while True:
                if proc.poll() is not None:
                    raise MarsadError(f"a benchmark worker exited with {proc.returncode}")
                try:
                    with urlopen(f"http://127.0.0.1:{port}/ready", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise MarsadError("benchmark workers did not become ready")
                time.sleep(0.5)

    def metrics(self) -> list[str]:
        texts = []
        for port in self.ports:
            with urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
                texts.append(response.read().decode())
        return texts

    def rss_mb(self) -> float:
        return sum(rss_mb(p.pid) for p in self.procs)

    def stop(self) -> None:
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


async def _produce(bootstrap: str, topic: str, messages: list[tuple[bytes | None, bytes]],
                   rate: float | None = None, sent_at: dict[bytes, float] | None = None) -> float:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5,
                                max_request_size=4 * 1024 * 1024)
    await producer.start()
    started = time.monotonic()
    try:
        futures = []
        for i, (key, value) in enumerate(messages):
            if rate:
                delay = started + i / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            if sent_at is not None:
                sent_at[key] = time.monotonic()
            futures.append(await producer.send(topic, key=key, value=value))
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    return started


async def _drain(bootstrap: str, topics: list[str], expected: set[bytes], received_at: dict[bytes, float],
                 on_progress=None, timeout: float = 1800.0) -> None:
    """Record when each expected key first appears on any of ``topics`` (output or dead letter)."""
    consumer = AIOKafkaConsumer(*topics, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                enable_auto_commit=False, metadata_max_age_ms=1000,
                                isolation_level="read_committed")  # as a consumer of exactly-once output must
    await consumer.start()
    deadline = time.monotonic() + timeout
    try:
        while not expected <= received_at.keys():
            if time.monotonic() > deadline:
                raise MarsadError(f"benchmark timed out with {len(received_at)}/{len(expected)} records")
            for messages in (await consumer.getmany(timeout_ms=200)).values():
                now = time.monotonic()
                for message in messages:
                    received_at.setdefault(message.key, now)
            if on_progress:
                on_progress(len(received_at))
    finally:
        await consumer.stop()


async def _throughput(bootstrap: str, source: str, sinks: list[str], messages, on_progress=None) -> tuple[float, float]:
    received: dict[bytes, float] = {}
    drain = asyncio.create_task(_drain(bootstrap, sinks, {k for k, _ in messages}, received, on_progress))
    started = await _produce(bootstrap, source, messages)
    await drain
    elapsed = max(received.values()) - started
    return len(messages) / elapsed, elapsed


async def _latency(bootstrap: str, source: str, sinks: list[str], messages, rate: float) -> list[float]:
    sent: dict[bytes, float] = {}
    received: dict[bytes, float] = {}
    drain = asyncio.create_task(_drain(bootstrap, sinks, {k for k, _ in messages}, received))
    await _produce(bootstrap, source, messages, rate=rate, sent_at=sent)
    await drain
    return sorted((received[k] - sent[k]) * 1000 for k in sent)


def _relabel(messages, suffix: str) -> list[tuple[bytes, bytes]]:
    out = []
    for _key, value in messages:
        try:
            article = orjson.loads(value)
            article["id"] = f"{article['id']}{suffix}"
            out.append((article["id"].encode(), orjson.dumps(article)))
        except (orjson.JSONDecodeError, KeyError, TypeError):
            continue
    return out


def _stage_cpu(metrics_texts: list[str]) -> dict[str, float]:
    sums: dict[str, float] = {}
    counts: dict[str, float] = {}
    for text in metrics_texts:
        for stage, value in re.findall(r'marsad_stage_seconds_sum\{stage="([^"]+)"\} ([0-9.e+-]+)', text):
            sums[stage] = sums.get(stage, 0.0) + float(value)
        for stage, value in re.findall(r'marsad_stage_seconds_count\{stage="([^"]+)"\} ([0-9.e+-]+)', text):
            counts[stage] = counts.get(stage, 0.0) + float(value)
    return {s: round(1000 * sums[s] / counts[s], 3) for s in sums if counts.get(s)}


def _buckets(metrics_texts: list[str], name: str) -> dict[float, float]:
    """Cumulative counts per ``le`` bound of histogram ``name``, summed over workers and labels."""
    counts: dict[float, float] = {}
    pattern = name + r'_bucket\{(?:[^}]*,)?le="([^"]+)"\} ([0-9.e+-]+)'
    for text in metrics_texts:
        for bound, value in re.findall(pattern, text):
            counts[float(bound)] = counts.get(float(bound), 0.0) + float(value)
    return counts


def _during(before: list[str], after: list[str], name: str) -> dict:
    """Observations of histogram ``name`` between two scrapes: how many, how many over 100 ms,
    and the bound (ms) under which the largest falls (beyond the last bound: None)."""
    start, end = _buckets(before, name), _buckets(after, name)
    during = {bound: end[bound] - start.get(bound, 0.0) for bound in sorted(end)}
    count = during.get(float("inf"), 0.0)
    worst = next((bound for bound, n in during.items() if n >= count), None) if count else 0.0
    return {"count": int(count), "over_100ms": int(count - during.get(0.1, 0.0)),
            "max_le_ms": None if worst in (None, float("inf")) else round(1000 * worst, 1)}


def _loop_lag(before: list[str], after: list[str]) -> dict:
    """Event-loop lag over the measured phases only (start-up and model loading excluded), the
    garbage-collector pauses in the same interval, and the worst lag of the workers' lifetime."""
    lifetime = [float(v) for t in after for v in re.findall(r"marsad_event_loop_lag_max_seconds ([0-9.e+-]+)", t)]
    return {"probes": _during(before, after, "marsad_event_loop_lag_seconds"),
            "gc_pauses": _during(before, after, "marsad_gc_pause_seconds"),
            "lifetime_max_ms": round(1000 * max(lifetime), 1) if lifetime else 0.0}


def _percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return 0.0
    return round(sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))], 1)


def run_bench(options: BenchOptions, status=lambda text: None) -> dict:
    messages = [(k or f"bench-{i}".encode(), v) for i, (k, v) in enumerate(iter_messages(options.articles, options.count))]
    if not messages:
        raise MarsadError("no articles to benchmark")
    logdir = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    with ExitStack() as stack:
        if options.broker:
            broker_url = options.broker
        else:
            status("starting a local Apache Kafka")
            kafka = stack.enter_context(LocalKafka(jvm_opts="-Xms512m -Xmx1g"))
            broker_url = f"kafka://{kafka.bootstrap}"
        bootstrap = broker_url.split("://", 1)[-1]
        run_id = uuid.uuid4().hex[:6]
        base = Settings(brokers=broker_url, partitions=options.partitions, replication=1, web_host="127.0.0.1",
                        store="memory://", session_timeout_s=10, heartbeat_interval_s=1)

        # (a) pass-through ceiling
        pt = base.model_copy(update={"topic_prefix": f"bench-pt-{run_id}", "consumer_group": f"bench-pt-{run_id}"})
        asyncio.run(ensure_topics(pt, with_config=False))
        status("pass-through workers starting")
        group = WorkerGroup("marsad.streams.devtools.passthrough", pt, options.workers, logdir)
        try:
            group.wait_ready()
            status(f"pass-through: {len(messages)} articles")
            pt_rate, _ = asyncio.run(_throughput(bootstrap, pt.topic("articles.raw"), [pt.topic("bench.passthrough")], messages))
        finally:
            group.stop()

        # (b) full pipeline, and (c) latency at half load on the same workers
        pl = base.model_copy(update={"topic_prefix": f"bench-pl-{run_id}", "consumer_group": f"bench-pl-{run_id}"})
        asyncio.run(ensure_topics(pl))
        status("pipeline workers starting (loading models)")
        group = WorkerGroup("marsad.streams.cli", pl, options.workers, logdir)
        samples: list[tuple[int, float]] = []
        try:
            group.wait_ready()
            rss_start = group.rss_mb()
            metrics_before = group.metrics()

            def progress(done: int) -> None:
                if not samples or done - samples[-1][0] >= max(1, len(messages) // 20):
                    samples.append((done, group.rss_mb()))
                    status(f"pipeline: {done}/{len(messages)} articles")

            sinks = [pl.topic("articles.enriched"), pl.topic("deadletter")]
            pl_rate, _ = asyncio.run(_throughput(bootstrap, pl.topic("articles.raw"), sinks, messages, progress))
            samples.append((len(messages), group.rss_mb()))
            rate = max(1.0, pl_rate / 2)
            latency_messages = _relabel(messages, "#latency")[: max(1, int(rate * options.latency_seconds))]
            status(f"latency at {rate:.1f} articles/s for {len(latency_messages)} articles")
            latencies = asyncio.run(_latency(bootstrap, pl.topic("articles.raw"), sinks, latency_messages, rate))
            metrics = group.metrics()
            rss_end = group.rss_mb()
        finally:
            group.stop()
    at_fifth = next((rss for done, rss in samples if done >= len(messages) // 5), samples[0][1] if samples else rss_start)
    return {
        "articles": len(messages),
        "workers": options.workers,
        "partitions": options.partitions,
        "pipeline_processes": base.pipeline_processes,
        "processing_guarantee": base.processing_guarantee,
        "passthrough": {"articles_per_s": round(pt_rate, 1)},
        "pipeline": {"articles_per_s": round(pl_rate, 1)},
        "ratio": round(pl_rate / pt_rate, 4) if pt_rate else None,
        "latency_ms": {"offered_per_s": round(rate, 1), "p50": _percentile(latencies, 0.5),
                       "p95": _percentile(latencies, 0.95), "p99": _percentile(latencies, 0.99),
                       "samples": len(latencies)},
        "stage_cpu_ms": _stage_cpu(metrics),
        "event_loop_lag": _loop_lag(metrics_before, metrics),
        "rss_mb": {"start": round(rss_start, 1), "peak": round(max([rss_end, *(r for _, r in samples)]), 1),
                   "end": round(rss_end, 1),
                   "growth_pct": round(100 * (samples[-1][1] - at_fifth) / at_fifth, 2) if at_fifth else None},
        "logs": str(logdir),
    }


def run_offline(options: BenchOptions) -> dict:
    from marsad.streams.commands.process import process

    with open(os.devnull, "wb") as sink:
        report = process(options.articles, Settings(), sink, dead_out=sink, limit=options.count)
    return {"mode": "offline", "articles": report.articles, "pipeline": {"articles_per_s": round(report.per_second, 1)},
            "model_load_s": round(report.load_seconds, 2), "dead_letters": dict(report.dead)}
