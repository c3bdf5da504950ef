"""Fault injection for a test worker (``Worker(preload="lost_changelog_fetch")``): right after
table recovery positions its changelog partitions, they are moved to their end, once. That is
what a fetch of changelog records dropped while the flow was stopped leaves behind (README,
Rebalances): recovery waits for records nobody will fetch again."""

from __future__ import annotations

from faust.tables.recovery import Recovery

_seek_offsets = Recovery._seek_offsets
_lost = False


async def _seek_then_lose_the_records(self, consumer, tps, offsets, title):
    global _lost
    await _seek_offsets(self, consumer, tps, offsets, title)
    if title == "active" and tps and not _lost:
        _lost = True
        ends = await consumer.highwaters(*tps)
        await consumer.seek_wait({tp: end for tp, end in ends.items() if end})


Recovery._seek_offsets = _seek_then_lose_the_records
