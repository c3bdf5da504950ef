"""Fixes for faust-streaming 0.15 / aiokafka 0.14 behaviour that loses records; applied by
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
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any


async def seek_to_committed_or_start(consumer: Any, skip_topics: Collection[str] = ()) -> Mapping[Any, int | None]:
    """aiokafka's ``seek_to_committed`` for every assigned partition, then the partitions it
    left alone (committed offset None or 0) rewound to their first offset, except those of
    ``skip_topics``. Returns the committed offsets, as aiokafka does."""
    committed = await consumer.seek_to_committed()
    rewind = [tp for tp, offset in committed.items() if not offset and tp.topic not in skip_topics]
    if rewind:
        await consumer.seek_to_beginning(*rewind)
    return committed


def apply() -> None:
    """Route Faust's aiokafka consumer thread through :func:`seek_to_committed_or_start`."""
    from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

    if getattr(AIOKafkaConsumerThread.seek_to_committed, "marsad_fix", False):
        return

    async def seek_to_committed(self) -> Mapping[Any, int | None]:
        changelogs = set(self.consumer.app.tables.changelog_topics)
        return await self.call_thread(seek_to_committed_or_start, self._ensure_consumer(), changelogs)

    seek_to_committed.marsad_fix = True  # type: ignore[attr-defined]
    AIOKafkaConsumerThread.seek_to_committed = seek_to_committed
