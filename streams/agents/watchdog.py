"""Rewinds partitions that stopped moving while records wait: input partitions whose commits
stopped, and changelog partitions that table recovery stopped receiving (the decision and why:
:mod:`marsad.streams.stalls`)."""

from __future__ import annotations

import asyncio
import logging
import time

from marsad.streams.agents import topics
from marsad.streams.app import app, settings
from marsad.streams.metrics import METRICS
from marsad.streams.stalls import StallDetector, partitions_in_flight

log = logging.getLogger(__name__)
detector = StallDetector(settings.stall_rewind_s)
recovery_detector = StallDetector(settings.stall_rewind_s)
#: How often the committed offsets are compared with the partitions' ends.
CHECK_INTERVAL_S = 10.0
_recovery_watch: asyncio.Future | None = None


@app.on_rebalance_complete.connect
async def _on_rebalance(sender, **kwargs) -> None:
    detector.reset()
    recovery_detector.reset()


@app.on_partitions_assigned.connect
async def _watch_recovery_from_the_first_assignment(sender, *args, **kwargs) -> None:
    """Faust starts timers only once the first table recovery is complete, and that recovery
    can stall too; so the recovery check runs in a task of its own."""
    global _recovery_watch
    if _recovery_watch is None and settings.stall_rewind_s > 0:
        _recovery_watch = app.add_future(_watch_recovery())


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


async def _watch_recovery() -> None:
    while not app.should_stop:
        await asyncio.sleep(CHECK_INTERVAL_S)
        try:
            await _rewind_stalled_recovery()
        except Exception:  # the watch must outlive a failed check (a broker away for a while)
            log.exception("table recovery check failed; trying again in %s s", CHECK_INTERVAL_S)


async def _rewind_stalled_recovery() -> None:
    """Table recovery reads each changelog partition up to the end it noted when it started, and
    the worker stays unready until it has. Faust tracks the last offset it applied
    (``active_offsets``) and that end (``active_highwaters``); a partition whose applied offset
    has not moved for ``stall_rewind_s`` while records wait is sought back to it, the position
    Faust's recovery itself seeks to. Applying a changelog record twice is harmless."""
    recovery = app.tables.recovery
    if not recovery.in_recovery:
        recovery_detector.reset()
        return
    applied, ends = recovery.active_offsets, recovery.active_highwaters
    offsets = {tp: (applied.get(tp), ends.get(tp)) for tp in recovery.active_tps}
    for tp in recovery_detector.observe(time.monotonic(), offsets):
        offset = max(applied.get(tp) or 0, 0)
        log.warning("changelog partition stalled in table recovery: reading it again from the last applied offset",
                    extra={"topic": tp.topic, "partition": tp.partition, "offset": offset,
                           "end": ends.get(tp), "stalled_s": settings.stall_rewind_s})
        await app.consumer.seek_wait({tp: offset})
        METRICS.stall_rewinds.labels(topic=tp.topic.removeprefix(settings.topic_prefix + ".")).inc()
