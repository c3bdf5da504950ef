"""The enrich agent on a real Kafka broker: the seed goes in, an enriched record comes out; every
kind of bad input reaches the dead-letter topic with its reason and the worker commits past it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import orjson
import pytest
from aiokafka.admin import AIOKafkaAdminClient

from tests.support.cluster import LIGHT_STAGES, Worker, consume, count_topic, marsad_env, produce, unique_prefix
from tests.support.faulty_stage import TRIGGER

pytestmark = pytest.mark.kafka
SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def _seed(name: str) -> bytes:
    return orjson.dumps(json.loads((SEEDS / name).read_text()))


def test_seed_article_is_enriched_with_the_full_pipeline(kafka, tmp_path):
    prefix = unique_prefix("seed")
    worker = Worker(marsad_env(kafka.bootstrap, prefix), tmp_path).start()
    try:
        worker.wait_ready()
        produce(kafka.bootstrap, f"{prefix}.articles.raw", [(b"seed", _seed("01-ar-alaraby-baghuz-offensive.json"))])
        records = consume(kafka.bootstrap, [f"{prefix}.articles.enriched"], lambda rs: len(rs) >= 1)
    finally:
        worker.stop()
    enriched = records[0].json()
    assert records[0].key == b"alaraby-2019-02-09-baghuz-offensive"
    assert enriched["language"] == "ar"
    assert enriched["text"].startswith(enriched["title"])
    assert len(enriched["sentences"]) >= 10
    assert [s.split(".")[0] for s in enriched["stages"]][:3] == ["normalize", "language", "sentences"]
    for sentence in enriched["sentences"]:
        assert enriched["text"][sentence["start"]:sentence["end"]] == sentence["text"]


BAD_INPUTS = {
    "malformed_json": b'{"id": "x", "body": ',
    "invalid_utf8": b'{"id": "x", "body": "\xff\xfe caf\xe9"}',
    "schema_invalid": orjson.dumps({"id": "x", "outlet": "o", "body": "text", "published_at": "yesterday"}),
    "empty_body": orjson.dumps({"id": "x", "outlet": "o", "body": " \n\t ", "published_at": "2024-01-01T00:00:00Z"}),
    "too_large": orjson.dumps({"id": "x", "outlet": "o", "body": "word " * 40_000, "published_at": "2024-01-01T00:00:00Z"}),
    "unsupported_language": orjson.dumps({
        "id": "x", "outlet": "o", "published_at": "2024-01-01T00:00:00Z",
        "body": "Правительство объявило сегодня о новых мерах поддержки для пострадавших от наводнения районов."}),
    "stage_error": orjson.dumps({"id": "x", "outlet": "o", "published_at": "2024-01-01T00:00:00Z",
                                 "body": f"An ordinary English sentence about the weather. {TRIGGER}"}),
}


def test_every_bad_input_is_dead_lettered_and_the_worker_moves_on(kafka, tmp_path):
    prefix = unique_prefix("dlq")
    env = marsad_env(kafka.bootstrap, prefix, MARSAD_MAX_ARTICLE_BYTES="100000",
                     MARSAD_STAGES=LIGHT_STAGES[:-1] + ',"tests.support.faulty_stage:FailOnMarker"]')
    worker = Worker(env, tmp_path).start()
    good = orjson.dumps({"id": "good", "outlet": "o", "published_at": "2024-01-01T00:00:00Z",
                         "body": "The council approved the new budget on Monday after a long debate."})
    messages = [(reason.encode(), payload) for reason, payload in BAD_INPUTS.items()] + [(b"good", good)]
    try:
        worker.wait_ready()
        produce(kafka.bootstrap, f"{prefix}.articles.raw", messages)
        topics = [f"{prefix}.deadletter", f"{prefix}.articles.enriched"]
        records = consume(kafka.bootstrap, topics,
                          lambda rs: count_topic(rs, topics[0]) >= len(BAD_INPUTS) and count_topic(rs, topics[1]) >= 1)
        committed = _wait_committed(kafka.bootstrap, prefix, f"{prefix}.articles.raw", len(messages))
        assert worker.proc.poll() is None, "the worker must survive bad input"
    finally:
        worker.stop()
    letters = {r.key.decode(): r.json() for r in records if r.topic == topics[0]}
    assert set(letters) == set(BAD_INPUTS)
    for reason, letter in letters.items():
        assert letter["reason"] == reason, letter["message"]
        assert letter["message"]
        assert letter["source_topic"] == f"{prefix}.articles.raw"
        assert letter["source_partition"] is not None and letter["source_offset"] is not None
        original = BAD_INPUTS[reason]
        if letter["original_encoding"] == "utf-8":
            assert letter["original"].encode() == original
        else:
            import base64
            assert base64.b64decode(letter["original"]) == original
    assert letters["stage_error"]["stage"] == "test-failure.v1"
    assert letters["invalid_utf8"]["original_encoding"] == "base64"
    assert committed == len(messages)


def _wait_committed(bootstrap: str, group: str, topic: str, expected: int, timeout: float = 60.0) -> int:
    """Sum of committed offsets of the group on the topic, once it reaches ``expected``."""

    async def committed() -> int:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            offsets = await admin.list_consumer_group_offsets(group)
        finally:
            await admin.close()
        return sum(meta.offset for tp, meta in offsets.items() if tp.topic == topic and meta.offset > 0)

    import time
    deadline = time.monotonic() + timeout
    total = 0
    while time.monotonic() < deadline:
        total = asyncio.run(committed())
        if total >= expected:
            return total
        time.sleep(1)
    return total


