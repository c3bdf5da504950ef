"""Fixes for faust-streaming 0.15 / aiokafka 0.14 behaviour that loses records or state; applied by
:func:`apply` when the app is created.

**Seek-back skips partitions nobody committed.** During a rebalance Faust's fetcher drops the
records it fetched while the stream flow was stopped, then "seeks back to committed offsets"
so they are fetched again (``Consumer.getmany``, ``Consumer.perform_seek``). aiokafka's
``seek_to_committed`` only seeks partitions whose committed offset is above 0: a partition
with no commit yet (its previous owner died before its first commit) keeps the position past
the dropped records, and those records are never processed. Seen with a worker SIGKILLed
seconds into a burst: the survivor took over its partitions and sat idle with raw articles
unread (``tests/streams/test_faust_fixes.py`` shows aiokafka's behaviour and the fix on a
real broker). The fix rewinds such partitions of the stream topics to their first offset,
which is what ``auto_offset_reset="earliest"`` means; processing is idempotent per article,
so reading them again is safe. Changelog partitions are left alone: table recovery positions
them itself.

**A producer flush that leaves table writes behind.** Table writes reach Kafka through Faust's
``ProducerBuffer``, drained one message at a time by a background task. Before committing
offsets (and before handing partitions over in a rebalance) Faust flushes the producer, but
``ProducerBuffer.flush`` returns as soon as 100 ms pass without a message sent, and does not
count the message the task is sending. On a loaded machine the commit then goes ahead of a
table write; a worker killed right after leaves the changelog behind its committed input, and
its successor rebuilds the state without that write (seen once: a story's version 2 emitted
twice, from two enrichments of one article). The fix makes the flush wait until the buffer is
empty and nothing is being sent (``tests/streams/test_faust_fixes.py``).

**Records fetched after the seek are dropped when recovery ends.** When table recovery is
complete, Faust resumes the stream partitions, seeks them to their committed offsets, and only
then calls ``flow_control.resume()``, which empties every agent's input queue. The flow has been
running since recovery began, so by then the queues hold records read *after* the seek, and
the fetcher's position is past them: they are never read again, and Faust's commit tolerates a
one-offset gap, so it commits past a dropped record. Seen in the burst fault test: the
surviving worker processed the dedup input's offsets 3 to 7, lost 8 and went on at 9, so a later
report of that story joined it second and its version 2 went out twice with different content
(and the article at offset 8 was in no story until a re-enriched copy came by). The fix
lets a resume of a flow that is already running keep what the agents' queues hold; a resume
after a suspension (a rebalance) still empties them, and the changelog queue is emptied on
every resume, as Faust does (``tests/streams/test_faust_fixes.py``). Emptying them right after
the seek instead was tried and is wrong too: records keep arriving while the seek waits for the
committed offsets, and they are just as fresh.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping
from typing import Any

#: How often a flush looks again at a buffer that did not report a message sent.
FLUSH_POLL_S = 0.1


async def seek_to_committed_or_start(consumer: Any, skip_topics: Collection[str] = ()) -> Mapping[Any, int | None]:
    """aiokafka's ``seek_to_committed`` for every assigned partition, then the partitions it
    left alone (committed offset None or 0) rewound to their first offset, except those of
    ``skip_topics``. Returns the committed offsets, as aiokafka does."""
    committed = await consumer.seek_to_committed()
    rewind = [tp for tp, offset in committed.items() if not offset and tp.topic not in skip_topics]
    if rewind:
        await consumer.seek_to_beginning(*rewind)
    return committed


def _flush_waits_for_every_table_write() -> None:
    from faust.transport.producer import ProducerBuffer

    if getattr(ProducerBuffer.flush, "marsad_fix", False):
        return
    send_pending = ProducerBuffer._send_pending

    async def _send_pending(self, fut: Any) -> None:
        self.marsad_sending = getattr(self, "marsad_sending", 0) + 1
        try:
            await send_pending(self, fut)
        finally:
            self.marsad_sending -= 1

    async def flush(self) -> None:
        while self.size or getattr(self, "marsad_sending", 0):
            if self.state != "running" and self.size:
                raise RuntimeError("Cannot flush: Producer not Running")
            self.message_sent.clear()
            try:
                await asyncio.wait_for(self.message_sent.wait(), timeout=FLUSH_POLL_S)
            except asyncio.TimeoutError:
                pass

    flush.marsad_fix = True  # type: ignore[attr-defined]
    ProducerBuffer._send_pending = _send_pending
    ProducerBuffer.flush = flush


def resume_keeping_fetched_records(flow: Any) -> None:
    """``FlowControlEvent.resume`` that empties the agents' queues only when the flow was
    suspended (what they hold was read before a rebalance); the changelog queue always."""
    suspended = not flow.is_active()
    flow._suspend.clear()
    flow._resume.set()
    for queue in list(flow._queues):
        if suspended or getattr(queue, "marsad_changelog", False):
            queue.clear()


def _fetched_records_kept_at_a_running_resume() -> None:
    from faust.tables.manager import TableManager
    from mode.utils.queues import FlowControlEvent

    if getattr(FlowControlEvent.resume, "marsad_fix", False):
        return
    changelog_queue = TableManager.changelog_queue.fget

    def tagged_changelog_queue(self: Any) -> Any:
        queue = changelog_queue(self)
        queue.marsad_changelog = True
        return queue

    resume_keeping_fetched_records.marsad_fix = True  # type: ignore[attr-defined]
    FlowControlEvent.resume = resume_keeping_fetched_records
    TableManager.changelog_queue = property(tagged_changelog_queue)


def apply() -> None:
    """Install the fixes: the seek-back through :func:`seek_to_committed_or_start`, the
    producer-buffer flush, and the resume that keeps what the seek fetched."""
    _flush_waits_for_every_table_write()
    _fetched_records_kept_at_a_running_resume()
    from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

    if getattr(AIOKafkaConsumerThread.seek_to_committed, "marsad_fix", False):
        return

    async def seek_to_committed(self) -> Mapping[Any, int | None]:
        changelogs = set(self.consumer.app.tables.changelog_topics)
        return await self.call_thread(seek_to_committed_or_start, self._ensure_consumer(), changelogs)

    seek_to_committed.marsad_fix = True  # type: ignore[attr-defined]
    AIOKafkaConsumerThread.seek_to_committed = seek_to_committed
