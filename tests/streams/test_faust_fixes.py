"""The fixes to faust-streaming: the seek-back (on a real broker: a partition nobody committed is
read again from its start) and the producer-buffer flush."""

from __future__ import annotations

import asyncio
import uuid
from types import SimpleNamespace

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from marsad.streams.faust_fixes import seek_to_committed_or_start
from tests.support.cluster import produce


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


@pytest.mark.kafka
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


class _SlowChannel:
    """Sends take longer than the 100 ms after which Faust's own flush gives up."""

    def __init__(self) -> None:
        self.sent = 0

    async def publish_message(self, fut, wait: bool = False) -> None:
        await asyncio.sleep(0.3)
        self.sent += 1


def test_a_flush_returns_only_once_every_buffered_table_write_is_sent():
    from faust.transport.producer import ProducerBuffer

    import marsad.streams.app  # noqa: F401  (creating the app applies the fixes)

    async def sent_when_flush_returns() -> int:
        buffer = ProducerBuffer()
        buffer.app = SimpleNamespace(conf=SimpleNamespace(producer_threaded=False))
        await buffer.start()
        channel = _SlowChannel()
        for _ in range(3):
            buffer.put(SimpleNamespace(message=SimpleNamespace(channel=channel)))
        await buffer.flush()
        sent = channel.sent
        await buffer.stop()
        return sent

    assert asyncio.run(sent_when_flush_returns()) == 3



def test_resuming_a_running_flow_keeps_the_records_the_seek_fetched():
    from mode.utils.queues import FlowControlEvent, FlowControlQueue

    from marsad.streams.app import app  # creating the app applies the fixes

    assert app.tables.changelog_queue.marsad_changelog  # the one queue every resume empties

    async def run() -> tuple[int, int, int, int]:
        flow = FlowControlEvent()
        stream = FlowControlQueue(flow_control=flow, clear_on_resume=True)  # an agent's input
        changelog = FlowControlQueue(flow_control=flow, clear_on_resume=True)
        changelog.marsad_changelog = True
        flow.resume()  # recovery starts: the flow runs
        stream.put_nowait("offset 8")  # read after the seek to the committed offsets
        changelog.put_nowait("a changelog record")
        flow.resume()  # recovery ends: Faust resumes again
        kept = (stream.qsize(), changelog.qsize())
        flow.suspend()  # a rebalance: what the queues hold is stale
        stream.put_nowait("offset 9")
        flow.resume()
        return (*kept, stream.qsize(), changelog.qsize())

    assert asyncio.run(run()) == (1, 0, 0, 0)
