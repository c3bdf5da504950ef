"""At-least-once (idempotent keys) against exactly-once (Kafka transactions), on real Apache Kafka.

    python bench/bench_guarantee.py [--articles PATH] [--count 400] [--kill-at 0.3]

For each ``MARSAD_PROCESSING_GUARANTEE``, on one local broker: two workers, the articles
published in one burst, one worker killed with SIGKILL once ``--kill-at`` of them came out; the
survivor takes over. Then every record on the output topics is read back as a downstream
consumer would (``read_committed``) and counted:

- ``lost``: articles with neither an enriched record nor a dead letter (must be 0);
- ``duplicates``: records whose key (enriched) or key and version (stories, events) came
  before, i.e. what a consumer sees twice; ``conflicting``: such repeats whose content differs
  (must be 0: a consumer that keys by id then sees one state);
- ``articles_per_s``: from the first publish to the last article out, kill and takeover included
  (0 when not every article came out within ``--timeout``).

Prints one JSON line per guarantee and a final one with both.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from marsad.streams.admin import ensure_topics
from marsad.streams.commands.bench import WorkerGroup
from marsad.streams.devtools.kafka import LocalKafka
from marsad.streams.settings import Settings
from marsad.streams.sources import iter_messages

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("articles.enriched", "stories", "events")


async def _run(bootstrap: str, settings: Settings, messages, group: WorkerGroup, kill_after: int,
               timeout: float) -> dict:
    expected = {key for key, _ in messages}
    sinks = [settings.topic(t) for t in (*OUTPUTS, "deadletter")]
    consumer = AIOKafkaConsumer(*sinks, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                                enable_auto_commit=False, metadata_max_age_ms=1000, isolation_level="read_committed")
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=5, max_request_size=4 * 1024 * 1024)
    await consumer.start()
    await producer.start()
    records: list[tuple[str, bytes, bytes]] = []
    out: set[bytes] = set()
    killed_at = None
    try:
        started = time.monotonic()
        await asyncio.gather(*[await producer.send(settings.topic("articles.raw"), key=k, value=v) for k, v in messages])
        deadline = started + timeout
        finished = None
        while time.monotonic() < deadline:
            for tp, batch in (await consumer.getmany(timeout_ms=500)).items():
                topic = tp.topic.removeprefix(settings.topic_prefix + ".")
                for m in batch:
                    records.append((topic, m.key, m.value))
                    if topic in ("articles.enriched", "deadletter"):
                        out.add(m.key)
            if killed_at is None and len(out & expected) >= kill_after:
                group.procs[0].kill()
                killed_at = len(out & expected)
            if finished is None and expected <= out:
                finished = time.monotonic()
            if finished is not None and time.monotonic() - finished > 10:  # late re-emissions
                break
    finally:
        await producer.stop()
        await consumer.stop()
    seen: dict[tuple, bytes] = {}
    duplicates, conflicting = Counter(), Counter()
    for topic, key, value in records:
        if topic == "deadletter":
            continue
        ident = (topic, key) if topic == "articles.enriched" else (topic, key, orjson.loads(value)["version"])
        if ident in seen:
            duplicates[topic] += 1
            # enriched records carry their processing time; compare without it
            if _content(topic, seen[ident]) != _content(topic, value):
                conflicting[topic] += 1
        else:
            seen[ident] = value
    return {"guarantee": settings.processing_guarantee, "articles": len(messages), "killed_after": killed_at,
            "lost": len(expected - out),
            "articles_per_s": round(len(messages) / (finished - started), 1) if finished else 0.0,
            "records": dict(Counter(t for t, _, _ in records)), "duplicates": dict(duplicates),
            "conflicting": dict(conflicting)}


def _content(topic: str, value: bytes) -> dict:
    record = orjson.loads(value)
    if topic == "articles.enriched":
        record.pop("processed_at", None)
    return record


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=Path, default=ROOT.parent / "shared/data/stream/saudinewsnet/dataset")
    ap.add_argument("--count", type=int, default=400)
    ap.add_argument("--kill-at", type=float, default=0.3, help="Share of articles out before the kill.")
    ap.add_argument("--guarantee", choices=["at_least_once", "exactly_once"], action="append")
    ap.add_argument("--timeout", type=float, default=600, help="Seconds to wait for every article to come out.")
    args = ap.parse_args()
    messages = [(k or f"g-{i}".encode(), v) for i, (k, v) in enumerate(iter_messages([args.articles], args.count))]
    results = []
    with LocalKafka(jvm_opts="-Xms512m -Xmx1g") as kafka:
        for guarantee in args.guarantee or ["at_least_once", "exactly_once"]:
            run_id = uuid.uuid4().hex[:6]
            settings = Settings(brokers=f"kafka://{kafka.bootstrap}", partitions=4, replication=1,
                                web_host="127.0.0.1", store="memory://", session_timeout_s=10,
                                heartbeat_interval_s=1, processing_guarantee=guarantee,
                                topic_prefix=f"guar-{run_id}", consumer_group=f"guar-{run_id}")
            asyncio.run(ensure_topics(settings))
            group = WorkerGroup("marsad.streams.cli", settings, 2, Path(tempfile.mkdtemp(prefix="marsad-guar-")))
            try:
                group.wait_ready()
                result = asyncio.run(_run(kafka.bootstrap, settings, messages, group, int(args.kill_at * len(messages)),
                                          args.timeout))
            finally:
                group.stop()
            print(json.dumps(result), flush=True)
            results.append(result)
    print(json.dumps({r["guarantee"]: r for r in results}))


if __name__ == "__main__":
    main()
