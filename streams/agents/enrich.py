"""Enrich agent: raw articles -> stateless NLP stages (in the process pool) -> dedup topic.

Guarantee: at-least-once. ``take_events`` acks a batch only after this loop handled it, and
Faust flushes the producer before it commits offsets, so a crash replays unacknowledged input
and never commits past an output that was not written. The dedup step is idempotent per
article id, so a replay creates no duplicate downstream.
"""

from __future__ import annotations

import gc
import logging

from marsad.streams.agents import topics
from marsad.streams.app import app, settings
from marsad.streams.metrics import METRICS
from marsad.streams.pipeline.runner import Source
from marsad.streams.pool import PipelinePool

log = logging.getLogger(__name__)
pool = PipelinePool(settings)


@app.task
async def warm_up_models() -> None:
    await pool.warm_up()
    # What this process has loaded by now (Faust, clients, schemas, modules) lives as long as it
    # does: out of the collector's reach, a full collection no longer stalls the loop walking it.
    gc.collect()
    gc.freeze()
    METRICS.ready.set(1)
    log.info("pipeline models loaded")


@app.agent(topics.raw)
async def enrich(stream):
    async for batch in stream.take_events(settings.batch_size, within=settings.batch_wait_s):
        items = [(event.value if isinstance(event.value, bytes) else bytes(event.value or b""),
                  Source(event.message.topic, event.message.partition, event.message.offset)) for event in batch]
        METRICS.records_in.labels(topic="articles.raw").inc(len(items))
        results = await pool.run_resilient(items)
        for event, (kind, key, payload) in zip(batch, results, strict=True):
            if kind == "ok":
                await topics.dedup.send(key=key.encode(), value=payload)
                METRICS.records_out.labels(topic="internal.dedup").inc()
            else:
                await topics.deadletter.send(key=event.key, value=payload)
                METRICS.dead_letters.labels(reason=key).inc()
                METRICS.records_out.labels(topic="deadletter").inc()
                log.warning("dead letter", extra={
                    "reason": key, "key": (event.key or b"").decode("utf-8", "replace")[:200],
                    "partition": event.message.partition, "offset": event.message.offset})
