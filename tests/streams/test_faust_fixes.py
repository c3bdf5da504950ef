"""The seek-back fix on a real broker: a partition nobody committed is read again from its start."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from marsad.streams.faust_fixes import seek_to_committed_or_start
from tests.support.cluster import produce

pytestmark = pytest.mark.kafka


async def _read_all_then_seek_back(bootstrap: str, topic: str, group: str, seek) -> int:
    """Read the whole topic in a consumer group without committing, seek back with ``seek``,
    and return the position the next fetch starts from."""
    tp = TopicPartition(topic, 0)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False,
                                auto_offset_reset="earliest")
    await consumer.start()
    try:
        consumer.assign([tp])
        seen = 0
        while seen < 5:
            seen += sum(len(batch) for batch in (await consumer.getmany(timeout_ms=1000)).values())
        assert await consumer.position(tp) == 5
        await seek(consumer)
        return await consumer.position(tp)
    finally:
        await consumer.stop()


def test_a_partition_without_a_commit_is_rewound_to_its_start(kafka):
    topic = f"fix-{uuid.uuid4().hex[:6]}"
    produce(kafka.bootstrap, topic, [(b"k", b"v%d" % i) for i in range(5)])

    def position_after(seek) -> int:
        return asyncio.run(_read_all_then_seek_back(kafka.bootstrap, topic, f"g-{uuid.uuid4().hex[:6]}", seek))

    # aiokafka's own seek-back leaves an uncommitted partition where the dropped records ended
    assert position_after(lambda c: c.seek_to_committed()) == 5
    assert position_after(seek_to_committed_or_start) == 0
    # changelog topics are left to table recovery
    assert position_after(lambda c: seek_to_committed_or_start(c, {topic})) == 5


def test_the_fix_is_installed_on_faust_s_consumer_thread():
    from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

    import marsad.streams.app  # noqa: F401  (creating the app applies the fixes)

    assert getattr(AIOKafkaConsumerThread.seek_to_committed, "marsad_fix", False)
