"""Broker security on a real Apache Kafka: a broker whose only client listener is SASL_PLAINTEXT
(PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512 users; the KRaft controller listener stays PLAINTEXT),
a Marsad worker that logs in with each mechanism and enriches an article end to end, and a wrong
password that fails fast with one line instead of hanging."""

from __future__ import annotations

import subprocess
import sys
import time
from typing import Any

import orjson
import pytest

from tests.support.cluster import LIGHT_STAGES, REPO, Worker, consume, marsad_env, produce, unique_prefix

pytestmark = pytest.mark.kafka

ADMIN = ("admin", "admin-secret")  # inter-broker PLAIN login and the readiness probe
USERS = {  # mechanism -> (user, password)
    "PLAIN": ("marsad-plain", "plain-secret"),
    "SCRAM-SHA-256": ("marsad-256", "scram-256-secret"),
    "SCRAM-SHA-512": ("marsad-512", "scram-512-secret"),
}
SCRAM_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule required;"


def sasl_options(mechanism: str, user: str, password: str) -> dict[str, Any]:
    return {"security_protocol": "SASL_PLAINTEXT", "sasl_mechanism": mechanism,
            "sasl_plain_username": user, "sasl_plain_password": password}


@pytest.fixture(scope="module")
def sasl_kafka():
    """A broker of its own (the session ``kafka`` fixture is PLAINTEXT)."""
    from marsad.streams.devtools.kafka import LocalKafka, free_port

    port, controller = free_port(), free_port()
    plain_users = " ".join(f'user_{u}="{p}"' for u, p in (ADMIN, USERS["PLAIN"]))
    broker = LocalKafka(
        port=port, controller_port=controller,
        listeners={
            "listeners": f"SASL_PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller}",
            "advertised.listeners": f"SASL_PLAINTEXT://127.0.0.1:{port}",
            "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
            "inter.broker.listener.name": "SASL_PLAINTEXT",
        },
        extra_config={
            "sasl.enabled.mechanisms": ",".join(USERS),
            "sasl.mechanism.inter.broker.protocol": "PLAIN",
            "listener.name.sasl_plaintext.plain.sasl.jaas.config":
                "org.apache.kafka.common.security.plain.PlainLoginModule required "
                f'username="{ADMIN[0]}" password="{ADMIN[1]}" {plain_users};',
            "listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config": SCRAM_MODULE,
            "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config": SCRAM_MODULE,
        },
        # KRaft: SCRAM credentials go into the metadata log when the storage is formatted.
        format_args=[arg for mech in ("SCRAM-SHA-256", "SCRAM-SHA-512")
                     for arg in ("--add-scram", f"{mech}=[name={USERS[mech][0]},password={USERS[mech][1]}]")],
        client_options=sasl_options("PLAIN", *ADMIN),
    )
    broker.start()
    yield broker
    broker.stop()
    import shutil
    shutil.rmtree(broker.workdir, ignore_errors=True)


def sasl_env(broker, prefix: str, mechanism: str, user: str, password: str, **overrides: str) -> dict[str, str]:
    return marsad_env(broker.bootstrap, prefix, MARSAD_SECURITY_PROTOCOL="SASL_PLAINTEXT",
                      MARSAD_SASL_MECHANISM=mechanism, MARSAD_SASL_USERNAME=user, MARSAD_SASL_PASSWORD=password,
                      MARSAD_STAGES=LIGHT_STAGES, MARSAD_PARTITIONS="1", **overrides)


ARTICLE = orjson.dumps({"id": "sasl-1", "outlet": "o", "published_at": "2024-01-01T00:00:00Z",
                        "title": "Council approves budget",
                        "body": "The council approved the new budget on Monday. The vote followed a long debate."})


@pytest.mark.parametrize("mechanism", list(USERS))
def test_worker_logs_in_and_enriches_an_article(sasl_kafka, tmp_path, mechanism):
    prefix = unique_prefix(mechanism.lower().replace("-", ""))
    user, password = USERS[mechanism]
    worker = Worker(sasl_env(sasl_kafka, prefix, mechanism, user, password), tmp_path).start()
    client = sasl_options(mechanism, user, password)
    try:
        worker.wait_ready()
        produce(sasl_kafka.bootstrap, f"{prefix}.articles.raw", [(b"sasl-1", ARTICLE)], **client)
        records = consume(sasl_kafka.bootstrap, [f"{prefix}.articles.enriched"], lambda rs: len(rs) >= 1, **client)
    finally:
        worker.stop()
    enriched = records[0].json()
    assert records[0].key == b"sasl-1"
    assert enriched["language"] == "en"
    assert len(enriched["sentences"]) >= 2
    assert password not in worker.log_tail(10_000), "the password must never reach the logs"


def _cli(env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "marsad.streams.cli", *args], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=timeout)


def test_topics_create_authenticates_with_scram(sasl_kafka):
    prefix = unique_prefix("cli")
    result = _cli(sasl_env(sasl_kafka, prefix, "SCRAM-SHA-512", *USERS["SCRAM-SHA-512"]), "topics", "create")
    assert result.returncode == 0, result.stderr
    assert f"{prefix}.articles.raw" in result.stderr


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256"])
def test_wrong_password_fails_fast_with_one_line(sasl_kafka, mechanism):
    user, _ = USERS[mechanism]
    env = sasl_env(sasl_kafka, unique_prefix("badpw"), mechanism, user, "not-the-password")
    started = time.monotonic()
    result = _cli(env, "topics", "create")
    assert time.monotonic() - started < 30
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "rejected the SASL login" in lines[0] and user in lines[0]
    assert "not-the-password" not in result.stderr + result.stdout


def test_worker_with_wrong_password_exits_instead_of_hanging(sasl_kafka, tmp_path):
    """The worker creates its topics before Faust starts, so a rejected login stops it at once."""
    env = sasl_env(sasl_kafka, unique_prefix("badworker"), "SCRAM-SHA-256", USERS["SCRAM-SHA-256"][0], "wrong")
    result = _cli({**env, "MARSAD_STATE_DIR": str(tmp_path / "state")}, "worker", timeout=60)
    assert result.returncode == 1
    assert "rejected the SASL login" in result.stderr
    assert "Traceback" not in result.stderr


def test_plaintext_client_is_not_served(sasl_kafka):
    """A client that does not log in gets no metadata from the SASL listener."""
    env = marsad_env(sasl_kafka.bootstrap, unique_prefix("noauth"))
    result = _cli(env, "topics", "create")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
