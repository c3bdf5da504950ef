"""Test fixtures. Integration tests (marker ``kafka``) use a real Apache Kafka 4.x broker that
this suite provisions through Maven Central and starts once per session on 127.0.0.1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def kafka():
    from marsad.streams.devtools.kafka import LocalKafka

    broker = LocalKafka(extra_config={"log.cleaner.backoff.ms": "1000"})
    broker.start()
    yield broker
    broker.stop()
    import shutil
    shutil.rmtree(broker.workdir, ignore_errors=True)


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def _no_marsad_env(monkeypatch):
    """Unit tests must not pick up a developer's MARSAD_* variables or .env file."""
    for key in list(os.environ):
        if key.startswith("MARSAD_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(REPO)
