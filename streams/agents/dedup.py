"""Dedup agent: copies, stories and canonical events, with state in changelog-backed tables.

The input topic is keyed by blocking key, and the tables are co-partitioned with it: the table
writes for an article go to the changelog partition of the article's input partition, so
whichever worker owns a partition after a rebalance recovers exactly that partition's state.
Outputs are not awaited one by one: Faust flushes the producer before committing offsets.
"""

from __future__ import annotations

import asyncio
import logging

from faust.exceptions import FaustError
from aiokafka.errors import KafkaError

from marsad.streams.agents import topics
from marsad.streams.app import app, settings
from marsad.streams.metrics import METRICS
from marsad.streams.pipeline.dedup import Deduplicator
from marsad.streams.pipeline.runner import Handoff, Source, dead_letter
from marsad.streams.topics import TABLES

log = logging.getLogger(__name__)

# Values are JSON bytes (see ``JsonValues``); ``value_type=bytes`` makes Faust write and recover
# them raw, so the changelog holds the same JSON as a json-serialised table would.
tables = {name: app.Table(name, default=None, partitions=settings.partitions, key_type=str, value_type=bytes)
          for name in TABLES}
deduplicator = Deduplicator(settings, tables)


@app.on_rebalance_complete.connect
async def _on_rebalance(sender, **kwargs) -> None:
    deduplicator.reset()


@app.agent(topics.dedup)
async def dedup(stream):
    async for event in stream.events():
        handoff = Handoff.model_validate_json(event.value)
        METRICS.records_in.labels(topic="internal.dedup").inc()
        try:
            output = deduplicator.process(handoff)
        except (FaustError, KafkaError) as exc:
            # State could not be written: stop the worker rather than commit past this article.
            # Its replacement (or the restarted worker) replays it from the last commit.
            log.critical("dedup state unavailable; stopping the worker", exc_info=True)
            await app.crash(exc)
            return
        except Exception as exc:  # a bug in a dedup stage: keep the article, keep going
            log.exception("dedup failed", extra={"key": handoff.article.id, "offset": event.message.offset})
            source = Source(event.message.topic, event.message.partition, event.message.offset)
            letter = dead_letter(event.value, "stage_error", f"{type(exc).__name__} in dedup: {exc}", source,
                                 stage="dedup", article_id=handoff.article.id, error_type=type(exc).__name__)
            await topics.deadletter.send(key=handoff.article.id.encode(), value=letter.to_json())
            METRICS.dead_letters.labels(reason="stage_error").inc()
            continue
        await topics.enriched.send(key=output.article.id.encode(), value=output.article.to_json())
        for story in output.stories:
            await topics.stories.send(key=story.story_id.encode(), value=story.to_json())
        for canonical in output.events:
            await topics.events.send(key=canonical.event_id.encode(), value=canonical.to_json())
        for stage, ms in handoff.stage_ms.items():
            METRICS.stage_seconds.labels(stage=stage).observe(ms / 1000)
        METRICS.story_decisions.labels(reason=output.story_reason).inc()
        METRICS.records_out.labels(topic="articles.enriched").inc()
        METRICS.records_out.labels(topic="stories").inc(len(output.stories))
        METRICS.records_out.labels(topic="events").inc(len(output.events))
        # Buffered events are handed over without suspending: yield, or a burst of articles
        # would hold the loop (heartbeats, fetches, /metrics) for the whole burst.
        await asyncio.sleep(0)


@app.page("/tables")
async def table_digest(web, request):
    """Size and SHA-256 of each table's local contents: lets an operator (and the recovery test)
    check that a restarted worker holds exactly the state it had."""
    import hashlib

    digest = {}
    for name, table in tables.items():
        sha = hashlib.sha256()
        keys = sorted(str(k) for k in table.keys())
        for key in keys:
            sha.update(key.encode() + b"\0" + bytes(table[key]) + b"\0")
        digest[name] = {"keys": len(keys), "sha256": sha.hexdigest()}
    return web.json(digest)
