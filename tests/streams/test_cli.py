"""The CLI as a user runs it: real subprocesses, real output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LIGHT = '["normalize","language","sentences"]'


def marsad(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    import os
    base = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_")}
    return subprocess.run([sys.executable, "-m", "marsad.streams.cli", *args], capture_output=True, text=True,
                          cwd=REPO, env={**base, **(env or {})}, timeout=timeout)


def test_process_seeds_prints_one_enriched_record_per_article_and_flags_the_copy():
    result = marsad("process", "seeds/")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(list((REPO / "seeds").glob("*.json")))
    by_id = {r["id"]: r for r in records}
    assert by_id["syndicated-2019-02-09-baghuz-offensive"]["copy_of"] == "alaraby-2019-02-09-baghuz-offensive"
    assert by_id["alaraby-2019-02-09-baghuz-offensive"]["copy_of"] is None
    assert by_id["alaraby-2019-02-09-baghuz-offensive"]["language"] == "ar"
    assert "articles/s" in result.stderr


def test_process_writes_dead_letters_and_keeps_going(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"broken": \n{"id": "ok", "outlet": "o", "published_at": "2024-01-01T00:00:00Z", '
                      '"body": "The council approved the new budget on Monday after a long debate."}\n')
    dead = tmp_path / "dead.jsonl"
    result = marsad("process", str(source), "--deadletters", str(dead), env={"MARSAD_STAGES": LIGHT})
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ok"]
    assert json.loads(dead.read_text())["reason"] == "malformed_json"


def test_errors_are_one_line_with_what_to_do():
    result = marsad("produce", "seeds/", env={"MARSAD_BROKERS": "kafka://127.0.0.1:9"}, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().startswith("error: cannot reach a Kafka broker")
    assert "Traceback" not in result.stderr
    missing = marsad("process", "no/such/path")
    assert missing.returncode == 1 and "no such file" in missing.stderr and "Traceback" not in missing.stderr


def test_schemas_export_writes_the_contract_files(tmp_path):
    result = marsad("schemas", "export", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "json" / "event.v1.schema.json").exists()
    assert json.loads((tmp_path / "asyncapi.json").read_text())["asyncapi"].startswith("3.")


@pytest.mark.kafka
def test_demo_runs_on_the_embedded_broker_and_prints_the_seed():
    result = marsad("demo", "--json", timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    enriched = {line["record"]["id"]: line["record"] for line in lines if line["topic"] == "enriched"}
    assert "alaraby-2019-02-09-baghuz-offensive" in enriched
    assert enriched["syndicated-2019-02-09-baghuz-offensive"]["copy_of"] == "alaraby-2019-02-09-baghuz-offensive"
