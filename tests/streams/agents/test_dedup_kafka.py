"""The dedup agent on a real Kafka broker: copies across outlets, and table recovery."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from tests.support.cluster import LIGHT_STAGES, Worker, consume, count_topic, marsad_env, produce, unique_prefix

pytestmark = pytest.mark.kafka
SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def _seed(name: str) -> tuple[bytes, bytes]:
    record = json.loads((SEEDS / name).read_text())
    return record["id"].encode(), orjson.dumps(record)


SEED = "01-ar-alaraby-baghuz-offensive.json"
COPY = "02-ar-syndicated-copy.json"


def test_syndicated_copy_is_flagged_as_a_copy_of_the_seed(kafka, tmp_path):
    prefix = unique_prefix("copy")
    worker = Worker(marsad_env(kafka.bootstrap, prefix), tmp_path).start()
    topic = f"{prefix}.articles.enriched"
    try:
        worker.wait_ready()
        produce(kafka.bootstrap, f"{prefix}.articles.raw", [_seed(SEED)])
        consume(kafka.bootstrap, [topic], lambda rs: len(rs) >= 1)
        produce(kafka.bootstrap, f"{prefix}.articles.raw", [_seed(COPY)])
        records = consume(kafka.bootstrap, [topic], lambda rs: len(rs) >= 2)
    finally:
        worker.stop()
    by_id = {r.key.decode(): r.json() for r in records}
    seed_id, copy_id = "alaraby-2019-02-09-baghuz-offensive", "syndicated-2019-02-09-baghuz-offensive"
    assert by_id[seed_id]["copy_of"] is None
    assert by_id[copy_id]["copy_of"] == seed_id
    assert by_id[copy_id]["copy_similarity"] >= 0.8


def test_restarted_worker_recovers_its_tables_exactly(kafka, tmp_path):
    _assert_second_worker_recovers_the_first_s_tables(kafka, tmp_path, unique_prefix("recover"))


def test_a_recovery_that_stops_receiving_its_changelog_is_read_again(kafka, tmp_path):
    """The second worker's recovery loses its changelog records (injected); the watchdog reads
    them again and the tables come back whole."""
    _assert_second_worker_recovers_the_first_s_tables(kafka, tmp_path, unique_prefix("lostlog"),
                                                       preload="lost_changelog_fetch", MARSAD_STALL_REWIND_S="5")
    log = (tmp_path / "second.log").read_text(errors="replace")
    assert "changelog partition stalled in table recovery" in log


def _assert_second_worker_recovers_the_first_s_tables(kafka, tmp_path, prefix: str, preload: str | None = None,
                                                      **env_overrides: str) -> None:
    """A first worker dedups two articles and stops; a second one (memory store: its state comes
    from the changelogs only) must hold the same tables and flag a copy of the first article."""
    env = marsad_env(kafka.bootstrap, prefix, MARSAD_STAGES=LIGHT_STAGES, **env_overrides)
    enriched = f"{prefix}.articles.enriched"
    first = Worker(env, tmp_path, name="first").start()
    try:
        first.wait_ready()
        produce(kafka.bootstrap, f"{prefix}.articles.raw", [_seed(SEED), _seed("03-en-baghuz-report.json")])
        consume(kafka.bootstrap, [enriched], lambda rs: len(rs) >= 2)
        before = _tables(first)
    finally:
        first.stop()
    assert before["copies"]["keys"] > 0

    second = Worker(env, tmp_path, name="second", preload=preload).start()
    try:
        second.wait_ready(timeout=180)
        after = _tables(second)
        produce(kafka.bootstrap, f"{prefix}.articles.raw", [_seed(COPY)])
        records = consume(kafka.bootstrap, [enriched], lambda rs: count_topic(rs, enriched) >= 3)
    finally:
        second.stop()
    assert after == before
    copy = next(r.json() for r in records if r.key == b"syndicated-2019-02-09-baghuz-offensive")
    assert copy["copy_of"] == "alaraby-2019-02-09-baghuz-offensive"


def _tables(worker: Worker) -> dict:
    status, body = worker.get("/tables")
    assert status == 200
    return json.loads(body)
