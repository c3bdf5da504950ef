"""``marsad produce`` and ``marsad tail``: put articles on a topic, read records off one."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.errors import KafkaConnectionError

from marsad.streams.admin import client_options
from marsad.streams.errors import MarsadError, no_broker
from marsad.streams.settings import Settings
from marsad.streams.sources import iter_messages


async def produce(paths: list[Path], settings: Settings, topic: str, *, limit: int | None = None,
                  on_sent: Callable[[int], None] | None = None) -> int:
    producer = AIOKafkaProducer(acks="all", linger_ms=5, max_request_size=max(settings.max_article_bytes * 2, 1048576),
                                **client_options(settings))
    try:
        await asyncio.wait_for(producer.start(), timeout=15)
    except (KafkaConnectionError, asyncio.TimeoutError):
        await producer.stop()
        raise no_broker(settings.brokers) from None
    sent = 0
    try:
        pending = []
        for key, value in iter_messages(paths, limit):
            pending.append(await producer.send(topic, value=value, key=key))
            sent += 1
            if len(pending) >= 500:
                await asyncio.gather(*pending)
                pending.clear()
            if on_sent:
                on_sent(sent)
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return sent


async def tail(settings: Settings, topics: list[str], on_record: Callable[[str, bytes | None, bytes], bool],
               *, from_beginning: bool = True, timeout_s: float | None = None, group: str | None = None,
               should_stop: Callable[[], bool] = lambda: False) -> None:
    """Calls ``on_record(topic, key, value)`` until it returns False, ``should_stop()`` is true,
    or ``timeout_s`` passes without a record."""
    consumer = AIOKafkaConsumer(*topics, group_id=group, enable_auto_commit=group is not None,
                                auto_offset_reset="earliest" if from_beginning else "latest",
                                **client_options(settings))
    try:
        await asyncio.wait_for(consumer.start(), timeout=15)
    except (KafkaConnectionError, asyncio.TimeoutError):
        await consumer.stop()
        raise no_broker(settings.brokers) from None
    try:
        while not should_stop():
            batch = await consumer.getmany(timeout_ms=500)
            if not batch and timeout_s is not None:
                timeout_s -= 0.5
                if timeout_s <= 0:
                    return
            for tp, messages in batch.items():
                for message in messages:
                    if not on_record(tp.topic, message.key, message.value):
                        return
    finally:
        await consumer.stop()


def parse_json(value: bytes) -> object:
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        raise MarsadError(f"record is not JSON: {exc}") from None
