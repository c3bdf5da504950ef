"""Topic administration with aiokafka's admin client."""

from __future__ import annotations

import asyncio
import ssl
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.conn import create_conn
from aiokafka.errors import (AuthenticationFailedError, KafkaConnectionError, KafkaError, SaslAuthenticationFailed,
                             TopicAlreadyExistsError, UnsupportedSaslMechanismError)

from marsad.streams.errors import MarsadError, no_broker
from marsad.streams.settings import Settings
from marsad.streams.topics import COMPACT, TABLES, TOPICS, changelog_topic


def bootstrap(settings: Settings) -> str:
    return ",".join(url.split("://", 1)[-1] for url in settings.broker_list)


def client_options(settings: Settings) -> dict[str, Any]:
    """aiokafka connection options (security) shared by the CLI's producers and consumers."""
    from marsad.streams.app import broker_credentials

    options: dict[str, Any] = {"bootstrap_servers": bootstrap(settings), "security_protocol": settings.security_protocol}
    creds = broker_credentials(settings)
    if settings.security_protocol.startswith("SASL"):
        options.update(sasl_mechanism=settings.sasl_mechanism, sasl_plain_username=creds.username,
                       sasl_plain_password=creds.password, ssl_context=creds.ssl_context)
    elif creds is not None:
        options["ssl_context"] = creds
    return options


async def _admin(settings: Settings) -> AIOKafkaAdminClient:
    admin = AIOKafkaAdminClient(request_timeout_ms=10000, **client_options(settings))
    try:
        await asyncio.wait_for(admin.start(), timeout=15)
    except (KafkaConnectionError, asyncio.TimeoutError):
        await admin.close()
        raise (await _security_failure(settings) or no_broker(settings.brokers)) from None
    return admin


async def _security_failure(settings: Settings) -> MarsadError | None:
    """aiokafka reports a rejected login or TLS handshake as "Unable to bootstrap", like a broker that
    is down; one direct connection tells them apart so the error says what to fix."""
    if settings.security_protocol == "PLAINTEXT":
        return None
    options = client_options(settings)
    del options["bootstrap_servers"]
    for server in bootstrap(settings).split(","):
        host, _, port = server.rpartition(":")
        try:
            conn = await asyncio.wait_for(create_conn(host, int(port), request_timeout_ms=10000, **options), 15)
        except (SaslAuthenticationFailed, AuthenticationFailedError, UnsupportedSaslMechanismError) as exc:
            return MarsadError(f"the Kafka broker at {server} rejected the SASL login of user "
                               f"{settings.sasl_username!r} ({settings.sasl_mechanism}): {exc}; check "
                               "MARSAD_SASL_USERNAME, MARSAD_SASL_PASSWORD and MARSAD_SASL_MECHANISM")
        except ssl.SSLError as exc:
            return MarsadError(f"TLS handshake with the Kafka broker at {server} failed: {exc}; check "
                               "MARSAD_SSL_CAFILE, MARSAD_SSL_CERTFILE and MARSAD_SSL_KEYFILE")
        except (OSError, KafkaError, asyncio.TimeoutError, ValueError):
            continue
        conn.close()
    return None


async def ensure_topics(settings: Settings, with_config: bool = True) -> list[str]:
    """Create every Marsad topic that does not exist yet; returns the names created."""
    admin = await _admin(settings)
    try:
        existing = set(await admin.list_topics())
        wanted = [(settings.topic(spec.name), spec.config) for spec in TOPICS]
        wanted += [(changelog_topic(settings, table), COMPACT) for table in TABLES]
        new = [NewTopic(name, settings.partitions, settings.replication, topic_configs=config if with_config else {})
               for name, config in wanted if name not in existing]
        created = []
        for topic in new:  # one at a time: an already-exists race on one must not hide the others
            try:
                await admin.create_topics([topic])
                created.append(topic.name)
            except TopicAlreadyExistsError:
                pass
        return created
    finally:
        await admin.close()


async def describe_topics(settings: Settings) -> list[dict[str, Any]]:
    admin = await _admin(settings)
    try:
        names = [settings.topic(spec.name) for spec in TOPICS]
        existing = set(await admin.list_topics())
        described = await admin.describe_topics([n for n in names if n in existing])
        by_name = {d["topic"]: d for d in described}
        return [{"topic": n, "exists": n in by_name,
                 "partitions": len(by_name[n]["partitions"]) if n in by_name else 0} for n in names]
    finally:
        await admin.close()
