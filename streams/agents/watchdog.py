"""Rewinds input partitions that stopped committing while records wait behind their committed
offset (the decision and why: :mod:`marsad.streams.stalls`)."""

from __future__ import annotations

import logging
import time

from marsad.streams.agents import topics
from marsad.streams.app import app, settings
from marsad.streams.metrics import METRICS
from marsad.streams.stalls import StallDetector, partitions_in_flight

log = logging.getLogger(__name__)
detector = StallDetector(settings.stall_rewind_s)
#: How often the committed offsets are compared with the partitions' ends.
CHECK_INTERVAL_S = 10.0


@app.on_rebalance_complete.connect
async def _on_rebalance(sender, **kwargs) -> None:
    detector.reset()


@app.timer(interval=CHECK_INTERVAL_S)
async def rewind_stalled_partitions() -> None:
    if settings.stall_rewind_s <= 0 or app.rebalancing:
        return
    consumer = app.consumer
    inputs = {topics.raw.get_topic_name(), topics.dedup.get_topic_name()}
    assigned = [tp for tp in consumer.assignment() if tp.topic in inputs]
    if not assigned:
        return
    ends = await consumer.highwaters(*assigned)
    committed = consumer._committed_offset  # Faust keeps no public view of these two
    in_flight = partitions_in_flight(list(consumer._unacked_messages))
    offsets = {tp: (committed.get(tp), ends.get(tp)) for tp in assigned}
    for tp in detector.observe(time.monotonic(), offsets, in_flight):
        offset = committed.get(tp) or 0
        log.warning("input partition stalled: reading it again from its committed offset",
                    extra={"topic": tp.topic, "partition": tp.partition, "offset": offset,
                           "end": ends.get(tp), "stalled_s": settings.stall_rewind_s})
        await consumer.seek(tp, offset)
        METRICS.stall_rewinds.labels(topic=tp.topic.removeprefix(settings.topic_prefix + ".")).inc()
